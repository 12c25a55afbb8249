//! File writes that never leave a half-written file behind.

use std::io::Write;
use std::path::Path;

use crate::error::{Result, XtaskError};

/// Writes `contents` to `path` atomically: the bytes go to a temporary file in
/// the same directory, are flushed to disk, and the file is renamed over the
/// target. A crash or error at any point leaves the old file intact.
pub fn write_atomic(path: &Path, contents: &[u8]) -> Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or_else(|| Path::new("."));
    std::fs::create_dir_all(dir).map_err(|e| XtaskError::io(dir, e))?;
    let mut tmp = tempfile::Builder::new()
        .prefix(".xtask-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(|e| XtaskError::io(dir, e))?;
    tmp.write_all(contents)
        .and_then(|()| tmp.as_file().sync_all())
        .map_err(|e| XtaskError::io(path, e))?;
    tmp.persist(path)
        .map_err(|e| XtaskError::io(path, e.error))?;
    Ok(())
}

/// Writes only when the contents differ; returns whether it wrote.
pub fn write_if_changed(path: &Path, contents: &[u8]) -> Result<bool> {
    if std::fs::read(path).is_ok_and(|old| old == contents) {
        return Ok(false);
    }
    write_atomic(path, contents)?;
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_contents_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.json");
        write_atomic(&path, b"old").unwrap();
        write_atomic(&path, b"new").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"new");
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, vec![std::ffi::OsString::from("out.json")]);
    }

    #[test]
    fn failed_write_keeps_the_old_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.json");
        write_atomic(&path, b"old").unwrap();
        // A directory cannot be replaced by a file: the rename fails.
        let blocked = dir.path().join("blocked");
        std::fs::create_dir(&blocked).unwrap();
        std::fs::write(blocked.join("inner"), b"x").unwrap();
        assert!(write_atomic(&blocked, b"new").is_err());
        assert_eq!(std::fs::read(&path).unwrap(), b"old");
        assert!(blocked.is_dir());
    }

    #[test]
    fn write_if_changed_skips_identical_contents() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("same.txt");
        assert!(write_if_changed(&path, b"a").unwrap());
        assert!(!write_if_changed(&path, b"a").unwrap());
        assert!(write_if_changed(&path, b"b").unwrap());
    }
}
