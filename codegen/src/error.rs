use std::fmt;

/// Why a normalized spec could not be turned into Rust source.
#[derive(Debug, thiserror::Error)]
pub enum CodegenError {
    /// The document is not valid JSON, or not an OpenAPI 3.0 document that
    /// `openapiv3` can read. `path` is the JSON path serde stopped at.
    #[error("not a readable OpenAPI 3.0 document (at {path}): {message}")]
    Parse { path: String, message: String },
    /// progenitor returned an error for the document. `pointer` is the
    /// smallest schema or operation the error comes from, when cutting the
    /// document down could pin it (see `locate`).
    #[error("progenitor rejected the document{}: {message}", at(pointer))]
    Progenitor {
        message: String,
        pointer: Option<String>,
    },
    /// progenitor panicked (it asserts on constructs it does not support);
    /// the normalizer should have removed the construct first.
    #[error("progenitor cannot generate{} (an unsupported construct the normalizer did not remove): {message}", at(pointer))]
    Panicked {
        message: String,
        pointer: Option<String>,
    },
    /// progenitor produced tokens that do not parse as a Rust file.
    #[error("generated tokens are not a valid Rust file: {0}")]
    InvalidTokens(String),
}

fn at(pointer: &Option<String>) -> String {
    pointer
        .as_ref()
        .map(|p| format!(" at {p}"))
        .unwrap_or_default()
}

impl CodegenError {
    pub(crate) fn from_panic(caught: crate::quiet_panic::Caught) -> Self {
        let message = match caught.location {
            // The crate and file, without the registry path before them.
            Some(at) => {
                let short = at
                    .rsplit_once("/src/index.")
                    .map_or(at.as_str(), |(_, rest)| {
                        rest.split_once('/').map_or(rest, |(_, file)| file)
                    });
                format!("{} (raised at {short})", caught.message)
            }
            None => caught.message,
        };
        CodegenError::Panicked {
            message,
            pointer: None,
        }
    }

    pub(crate) fn from_display(e: impl fmt::Display) -> Self {
        CodegenError::Progenitor {
            message: e.to_string(),
            pointer: None,
        }
    }

    /// The JSON pointer the error was pinned to, if any.
    pub fn pointer(&self) -> Option<&str> {
        match self {
            CodegenError::Progenitor { pointer, .. } | CodegenError::Panicked { pointer, .. } => {
                pointer.as_deref()
            }
            CodegenError::Parse { path, .. } => Some(path),
            CodegenError::InvalidTokens(_) => None,
        }
    }

    pub(crate) fn with_pointer(mut self, at: Option<String>) -> Self {
        if let CodegenError::Progenitor { pointer, .. } | CodegenError::Panicked { pointer, .. } =
            &mut self
        {
            *pointer = at;
        }
        self
    }
}
