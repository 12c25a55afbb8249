use std::path::PathBuf;

use crate::normalize::NormalizeError;

/// Every way an xtask command fails. Each variant names the file involved so
/// a maintainer can go straight to it; none of them is a panic.
#[derive(Debug, thiserror::Error)]
pub enum XtaskError {
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{}: invalid {format} at {location}: {message}", path.display())]
    Syntax {
        path: PathBuf,
        format: &'static str,
        location: String,
        message: String,
    },
    #[error("{}: {message}", path.display())]
    Config { path: PathBuf, message: String },
    #[error("{}: {source}", path.display())]
    Normalize {
        path: PathBuf,
        #[source]
        source: NormalizeError,
    },
    #[error("{}: code generation failed: {source}", path.display())]
    Codegen {
        path: PathBuf,
        #[source]
        source: social_clients_codegen::CodegenError,
    },
    #[error("{}: {message}", path.display())]
    Stale { path: PathBuf, message: String },
    #[error("{}: {count} breaking change(s) (--deny-breaking)", path.display())]
    Breaking { path: PathBuf, count: usize },
    #[error("GET {url}: {message}")]
    Fetch { url: String, message: String },
    #[error("unknown provider `{name}` (known: {known})")]
    UnknownProvider { name: String, known: String },
}

impl XtaskError {
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        XtaskError::Io {
            path: path.into(),
            source,
        }
    }
}

pub type Result<T, E = XtaskError> = std::result::Result<T, E>;
