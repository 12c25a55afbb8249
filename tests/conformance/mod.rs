//! The conformance harness: the root of the `conformance` test binary
//! (`tests/conformance.rs`, whose modules in `tests/sampled/` run every
//! operation against Prism, every decoded answer type under hostile bodies,
//! and the workflows from sample answers) and the typed mocks' test
//! (`tests/mock.rs`); each uses a part of it.
#![allow(dead_code)]

pub mod harness;
pub mod prism;

// The per-provider harnesses are written by `cargo xtask generate` and
// compared byte for byte by `cargo xtask check`, so rustfmt leaves them alone.
#[cfg(feature = "bundle-social")]
#[rustfmt::skip]
pub mod bundle_social;
#[cfg(feature = "gipper")]
#[rustfmt::skip]
pub mod gipper;
#[cfg(feature = "hooked")]
#[rustfmt::skip]
pub mod hooked;
#[cfg(feature = "postbreeze")]
#[rustfmt::skip]
pub mod postbreeze;

/// Prints `line` where whoever runs the tests sees it, also when the test
/// passes: libtest captures `println!`/`eprintln!`, not writes to the stderr
/// handle. For the tallies and skip notices a CI log must show.
pub fn notice(line: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "{line}");
}
