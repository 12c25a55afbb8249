use std::fmt;

/// Why a normalized spec could not be turned into Rust source.
#[derive(Debug, thiserror::Error)]
pub enum CodegenError {
    /// The document is not valid JSON, or not an OpenAPI 3.0 document that
    /// `openapiv3` can read. `path` is the JSON path serde stopped at.
    #[error("not a readable OpenAPI 3.0 document (at {path}): {message}")]
    Parse { path: String, message: String },
    /// progenitor returned an error for the document.
    #[error("progenitor rejected the document: {0}")]
    Progenitor(String),
    /// progenitor panicked (it asserts on constructs it does not support);
    /// the normalizer should have removed the construct first.
    #[error("progenitor panicked on the document (an unsupported construct the normalizer did not remove): {0}")]
    Panicked(String),
    /// progenitor produced tokens that do not parse as a Rust file.
    #[error("generated tokens are not a valid Rust file: {0}")]
    InvalidTokens(String),
}

impl CodegenError {
    pub(crate) fn from_panic(payload: Box<dyn std::any::Any + Send>) -> Self {
        let message = if let Some(s) = payload.downcast_ref::<&str>() {
            (*s).to_string()
        } else if let Some(s) = payload.downcast_ref::<String>() {
            s.clone()
        } else {
            "unknown panic payload".to_string()
        };
        CodegenError::Panicked(message)
    }

    pub(crate) fn from_display(e: impl fmt::Display) -> Self {
        CodegenError::Progenitor(e.to_string())
    }
}
