//! What a maintainer can do about a construct the generator rejects: an
//! overlay action, printed ready to paste into `specs/<p>/overlay.yaml`.
//!
//! The generator names a pointer in the *normalized* document. An overlay
//! edits the *source*, so an action is printed only when the same pointer
//! exists there (component schemas and operations keep their places); for
//! a schema the normalizer hoisted out of an inline position, the message
//! says so instead.

use serde_json::Value;

use crate::normalize::pointer::unescape;

/// The hint for `pointer` (in the normalized document), given the source.
pub fn hint(pointer: &str, source: &Value) -> String {
    if source.pointer(pointer).is_none() {
        return format!(
            "\n  {pointer} is a schema the normalizer hoisted from an inline position; \
             `cargo xtask stats <description> --emit FILE` writes the normalized document to find it"
        );
    }
    let tokens: Vec<String> = pointer.split('/').skip(1).map(unescape).collect();
    let path = json_path(&tokens);
    let is_operation = tokens.len() == 3 && tokens[0] == "paths";
    let what = if is_operation {
        "to leave the operation out of the client"
    } else {
        "to leave the construct out (or fix it there)"
    };
    format!("\n  {what}, add to the provider's overlay.yaml `actions`:\n    - target: \"{path}\"\n      remove: true")
}

/// `["components", "schemas", "A"]` -> `$.components.schemas['A']`.
fn json_path(tokens: &[String]) -> String {
    let mut out = String::from("$");
    for token in tokens {
        let plain = !token.is_empty()
            && token.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
            && !token.starts_with(|c: char| c.is_ascii_digit());
        if plain {
            out.push('.');
            out.push_str(token);
        } else if token.parse::<usize>().is_ok() {
            out.push_str(&format!("[{token}]"));
        } else {
            out.push_str(&format!(
                "['{}']",
                token.replace('\\', "\\\\").replace('\'', "\\'")
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn an_action_for_a_pointer_the_source_has() {
        let source = json!({"paths": {"/a/{id}": {"get": {}}}, "components": {"schemas": {"A-b": {"properties": {"x": {}}}}}});
        assert_eq!(
            hint("/paths/~1a~1{id}/get", &source),
            "\n  to leave the operation out of the client, add to the provider's overlay.yaml `actions`:\n    - target: \"$.paths['/a/{id}'].get\"\n      remove: true"
        );
        assert!(hint("/components/schemas/A-b/properties/x", &source)
            .contains("target: \"$.components.schemas['A-b'].properties.x\""));
        assert!(hint("/components/schemas/Hoisted", &source).contains("hoisted"));
    }
}
