use std::path::{Path, PathBuf};

/// The workspace root: the parent of this crate's manifest directory, so the
/// commands work from any current directory.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives one level below the workspace root")
        .to_path_buf()
}

/// `path` relative to `root`, for messages; unchanged if it is elsewhere.
pub fn display_relative(root: &Path, path: &Path) -> PathBuf {
    path.strip_prefix(root).unwrap_or(path).to_path_buf()
}

/// The provider's own full description from the workplace's reference data
/// (`../shared/upstream/bundle_social/openapi.json`), for tests that run
/// against it; `None`, with a printed notice, when it is absent.
#[cfg(test)]
pub fn upstream_bundle_social() -> Option<PathBuf> {
    let path = root().join("../shared/upstream/bundle_social/openapi.json");
    if path.exists() {
        Some(path)
    } else {
        notice(&format!("skipped: {} is not present", path.display()));
        None
    }
}

/// The committed normalized description of `provider`
/// (`specs/<provider>/openapi.json`), for tests that compare against it.
#[cfg(test)]
pub fn committed_spec(provider: &str) -> serde_json::Value {
    let path = root().join("specs").join(provider).join("openapi.json");
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_slice(&bytes).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Prints `line` where whoever runs the tests sees it, also when the test
/// passes: libtest captures `println!`/`eprintln!`, not writes to the
/// stderr handle. For skip notices and tallies a CI log must show.
#[cfg(test)]
pub fn notice(line: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "{line}");
}
