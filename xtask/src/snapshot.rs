//! insta snapshot files of the generated code (`tests/snapshots/`).
//!
//! `cargo xtask generate` writes them in insta's file format from the same
//! codegen call build.rs makes; the `generated_code` test then compares them
//! with what build.rs actually wrote, so the two can never drift apart
//! unnoticed. `cargo xtask check` compares them with a fresh in-memory
//! generation.

use std::path::{Path, PathBuf};

/// The test file whose `assert_snapshot!` calls own these snapshots.
const TEST_FILE: &str = "tests/generated_code.rs";
/// The expression those calls snapshot.
const EXPRESSION: &str = "generated";

/// Where the snapshot of `module`'s generated code lives.
pub fn path(root: &Path, module: &str) -> PathBuf {
    root.join("tests/snapshots")
        .join(format!("generated_code__{module}.snap"))
}

/// A snapshot file as insta writes it: a YAML header, then the contents with
/// trailing white space trimmed and one final newline.
pub fn render(contents: &str) -> String {
    format!(
        "---\nsource: {TEST_FILE}\nexpression: {EXPRESSION}\n---\n{}\n",
        contents.trim_end()
    )
}

/// The contents of a snapshot file, as insta compares them (header removed,
/// trailing white space trimmed, CRLF as LF). `None` if the file is not a
/// snapshot.
pub fn contents(file: &str) -> Option<String> {
    let rest = file.strip_prefix("---\n")?;
    let end = rest.find("\n---\n")?;
    Some(rest[end + 5..].trim_end().replace("\r\n", "\n"))
}

/// Whether the snapshot file holds exactly `generated`.
pub fn matches(file: &str, generated: &str) -> bool {
    contents(file).is_some_and(|c| c == generated.trim_end().replace("\r\n", "\n"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn render_and_contents_round_trip() {
        let file = render("fn a() {}\n\n");
        assert_eq!(
            file,
            "---\nsource: tests/generated_code.rs\nexpression: generated\n---\nfn a() {}\n"
        );
        assert_eq!(contents(&file).as_deref(), Some("fn a() {}"));
        assert!(matches(&file, "fn a() {}\n"));
        assert!(!matches(&file, "fn b() {}\n"));
    }

    #[test]
    fn a_file_that_is_not_a_snapshot_does_not_match() {
        assert_eq!(contents("fn a() {}"), None);
        assert!(!matches("", ""));
    }
}
