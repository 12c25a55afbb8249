//! A reader that stops reading is not an error: `cargo xtask providers |
//! head` must neither panic nor fail (every command prints through
//! `output::outln!`).

use std::process::{Command, Stdio};

#[test]
fn a_closed_stdout_ends_the_printing_not_the_command() {
    let (reader, writer) = std::io::pipe().unwrap();
    // Closed before the command starts: its first write meets a broken pipe.
    drop(reader);
    let output = Command::new(env!("CARGO_BIN_EXE_xtask"))
        .arg("providers")
        .stdout(Stdio::from(writer))
        .stderr(Stdio::piped())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{:?}: {stderr}", output.status);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(
        stderr.trim().is_empty(),
        "a closed pipe is not worth a warning: {stderr}"
    );
}
