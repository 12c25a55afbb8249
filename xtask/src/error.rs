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
    #[error("{}: code generation failed: {source}{hint}", path.display())]
    Codegen {
        path: PathBuf,
        #[source]
        source: social_clients_codegen::CodegenError,
        /// What to do about it (an overlay action), or empty.
        hint: String,
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
    /// A code generation failure for the description at `path`, with an
    /// overlay action when the failure is pinned to a pointer the source
    /// (`source`, the document as the maintainer keeps it) also has.
    pub fn codegen(
        path: impl Into<PathBuf>,
        source: social_clients_codegen::CodegenError,
        description: Option<&serde_json::Value>,
    ) -> Self {
        let hint = match (source.pointer(), description) {
            (Some(pointer), Some(doc)) if pointer.starts_with('/') => {
                crate::overlay_hint::hint(pointer, doc)
            }
            _ => String::new(),
        };
        XtaskError::Codegen {
            path: path.into(),
            source,
            hint,
        }
    }

    /// Adds the overlay hint to a code generation failure, now that the
    /// source description is at hand.
    pub fn hinted(self, description: &serde_json::Value) -> Self {
        match self {
            XtaskError::Codegen { path, source, .. } => {
                Self::codegen(path, source, Some(description))
            }
            other => other,
        }
    }

    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        XtaskError::Io {
            path: path.into(),
            source,
        }
    }
}

pub type Result<T, E = XtaskError> = std::result::Result<T, E>;
