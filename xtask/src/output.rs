//! What the commands print on stdout, where a reader that stops reading is
//! not an error.
//!
//! `println!` panics when stdout is a pipe whose reader has gone (`cargo
//! xtask providers | head`). Every command prints through [`outln!`] and
//! [`out!`] instead: a closed pipe stops the printing and nothing else, so
//! `cargo xtask generate | head -1` still regenerates every provider and
//! exits with the command's own status. Any other write error (a full
//! disk behind a redirect) is reported once on stderr, then printing stops
//! the same way.

use std::fmt;
use std::io::{self, Write};
use std::sync::atomic::{AtomicBool, Ordering};

/// Set once stdout can no longer be written.
static CLOSED: AtomicBool = AtomicBool::new(false);

/// Writes `args` to stdout unless it is closed.
pub fn write(args: fmt::Arguments<'_>) {
    if CLOSED.load(Ordering::Relaxed) {
        return;
    }
    let mut stdout = io::stdout().lock();
    if let Err(e) = stdout.write_fmt(args).and_then(|()| stdout.flush()) {
        CLOSED.store(true, Ordering::Relaxed);
        if e.kind() != io::ErrorKind::BrokenPipe {
            eprintln!("warning: stdout: {e}; nothing more is printed there");
        }
    }
}

/// `print!` that stops quietly when the reader has gone.
macro_rules! out {
    ($($arg:tt)*) => {
        $crate::output::write(format_args!($($arg)*))
    };
}

/// `println!` that stops quietly when the reader has gone.
macro_rules! outln {
    () => {
        $crate::output::write(format_args!("\n"))
    };
    ($($arg:tt)*) => {
        $crate::output::write(format_args!("{}\n", format_args!($($arg)*)))
    };
}

pub(crate) use {out, outln};
