//! `specs/<p>/source.lock`: what `cargo xtask fetch` wrote, so `cargo xtask
//! check` can tell when a fetched description was edited by hand or
//! replaced without the tool.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::error::{Result, XtaskError};

pub const FILE_NAME: &str = "source.lock";

/// One fetched description.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceLock {
    /// The file in `specs/<p>/` the bytes were written to.
    pub file: String,
    /// Where the bytes came from (a `file://` URL for `fetch --from`).
    pub url: String,
    /// Lowercase hex SHA-256 of the file's bytes.
    pub sha256: String,
    pub size: u64,
    /// SHA-256 of what the provider published, when the file is not those
    /// bytes (`prose = "own"` strips the provider's words before writing).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub upstream_sha256: Option<String>,
    /// RFC 3339, UTC.
    pub fetched_at: String,
}

impl SourceLock {
    pub fn new(file: &str, url: &str, bytes: &[u8]) -> Self {
        SourceLock {
            file: file.to_string(),
            url: url.to_string(),
            sha256: sha256_hex(bytes),
            size: bytes.len() as u64,
            upstream_sha256: None,
            fetched_at: chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        }
    }

    pub fn to_toml(&self) -> String {
        let body = toml::to_string(self).expect("plain strings and numbers serialize");
        format!("# Written by `cargo xtask fetch`; `cargo xtask check` verifies it.\n{body}")
    }

    pub fn read(path: &Path) -> Result<Option<Self>> {
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(XtaskError::io(path, e)),
        };
        toml::from_str(&text)
            .map(Some)
            .map_err(|e| XtaskError::Config {
                path: path.to_path_buf(),
                message: e.to_string(),
            })
    }
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

pub fn path(dir: &Path) -> PathBuf {
    dir.join(FILE_NAME)
}

/// Checks a provider's lock against its source file. `source` is the file
/// providers.toml names; `fetched` is whether that file is one `fetch`
/// writes (so a missing lock means it did not come from the tool).
pub fn verify(dir: &Path, source: &str, fetched: bool) -> Result<()> {
    let lock_path = path(dir);
    let stale = |message: String| XtaskError::Stale {
        path: lock_path.clone(),
        message,
    };
    let Some(lock) = SourceLock::read(&lock_path)? else {
        return if fetched {
            Err(stale(format!(
                "missing: {source} is the provider's published description but was not written by `cargo xtask fetch`"
            )))
        } else {
            Ok(())
        };
    };
    if lock.file != source {
        return Err(stale(format!(
            "locks {}, but providers.toml's source is {source}",
            lock.file
        )));
    }
    let source_path = dir.join(source);
    let bytes = std::fs::read(&source_path).map_err(|e| XtaskError::io(&source_path, e))?;
    let actual = sha256_hex(&bytes);
    if actual != lock.sha256 || bytes.len() as u64 != lock.size {
        return Err(stale(format!(
            "{source} is {} bytes with sha256 {actual}, but was fetched as {} bytes with sha256 {}; run `cargo xtask fetch` again instead of editing it (fixes go in overlay.yaml)",
            bytes.len(),
            lock.size,
            lock.sha256
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sha256_is_the_known_answer() {
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn a_lock_round_trips_and_verifies_its_file() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("source.json"), b"{}").unwrap();
        let lock = SourceLock::new("source.json", "https://x.example/spec", b"{}");
        std::fs::write(path(dir.path()), lock.to_toml()).unwrap();
        assert_eq!(SourceLock::read(&path(dir.path())).unwrap(), Some(lock));
        verify(dir.path(), "source.json", true).unwrap();
    }

    #[test]
    fn an_edited_source_a_wrong_file_and_a_missing_lock_are_stale() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("source.json"), b"{}").unwrap();
        // Authored sources need no lock; fetched ones do.
        verify(dir.path(), "source.json", false).unwrap();
        let err = verify(dir.path(), "source.json", true).unwrap_err();
        assert!(err.to_string().contains("source.lock: missing"), "{err}");

        let lock = SourceLock::new("source.json", "https://x.example/spec", b"{}");
        std::fs::write(path(dir.path()), lock.to_toml()).unwrap();
        std::fs::write(dir.path().join("source.json"), b"{ }").unwrap();
        let err = verify(dir.path(), "source.json", true).unwrap_err();
        assert!(err.to_string().contains("source.json is 3 bytes"), "{err}");
        let err = verify(dir.path(), "source.yaml", false).unwrap_err();
        assert!(err.to_string().contains("locks source.json"), "{err}");
    }
}
