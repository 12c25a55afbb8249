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
