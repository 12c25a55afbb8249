//! Helpers for response maps, shared by the success- and error-body passes.
//! Not a pass.

use serde_json::Value;

/// How progenitor treats a response key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    Success,
    Error,
    /// 1xx (other than 101) and 3xx: neither; progenitor ignores them.
    Other,
}

/// Classifies a response key (`200`, `4XX`, `default`).
pub fn classify(key: &str) -> Class {
    match key.as_bytes().first() {
        Some(b'2') => Class::Success,
        Some(b'4' | b'5') => Class::Error,
        _ if key == "default" => Class::Success,
        _ if key == "101" => Class::Success,
        _ => Class::Other,
    }
}

/// The JSON schema of a response, if it has one.
pub fn json_schema(response: &Value) -> Option<&Value> {
    response
        .get("content")?
        .get("application/json")?
        .get("schema")
}

/// Whether the response has a body of some non-JSON media type.
pub fn has_raw_body(response: &Value) -> bool {
    json_schema(response).is_none()
        && response
            .get("content")
            .and_then(Value::as_object)
            .is_some_and(|c| !c.is_empty())
}
