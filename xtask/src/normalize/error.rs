/// A pass could not make sense of the document. `pointer` is the JSON pointer
/// (RFC 6901) of the offending node, so the maintainer can find it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}at {}: {message}", pass.map(|p| format!("pass `{p}`: ")).unwrap_or_default(), if pointer.is_empty() { "/" } else { pointer.as_str() })]
pub struct NormalizeError {
    pub pass: Option<&'static str>,
    pub pointer: String,
    pub message: String,
}

impl NormalizeError {
    pub fn new(pointer: impl Into<String>, message: impl Into<String>) -> Self {
        NormalizeError {
            pass: None,
            pointer: pointer.into(),
            message: message.into(),
        }
    }

    pub(crate) fn in_pass(mut self, pass: &'static str) -> Self {
        self.pass.get_or_insert(pass);
        self
    }
}
