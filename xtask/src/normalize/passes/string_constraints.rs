//! Move string length and pattern constraints into the documentation.
//!
//! typify turns a string with `maxLength`, `minLength` or `pattern` into a
//! validated newtype. In a client that is a liability: a *response* field the
//! server fills past its documented limit fails to decode the whole body, and
//! callers must wrap every request string in `TryFrom`. The server validates
//! requests itself and answers with a typed 400. So the constraint becomes a
//! sentence in the field's description and the field a plain `String`.
//! (On bundle.social's full description this removes 56 newtypes.)

use serde_json::Value;

use crate::normalize::docs::append_sentence;
use crate::normalize::{Context, NormalizeError, Pass};

pub const PASS: Pass = Pass {
    name: "string-constraints",
    what: "document string length/pattern limits instead of generating validated newtypes",
    essential: false,
    run,
};

fn run(doc: &mut Value, _: &mut Context) -> Result<(), NormalizeError> {
    relax(doc);
    Ok(())
}

fn relax(value: &mut Value) {
    match value {
        Value::Object(map) => {
            let is_plain_string = map.get("type").and_then(Value::as_str) == Some("string")
                && !map.contains_key("enum");
            if is_plain_string {
                let mut limits = Vec::new();
                if let Some(n) = map.remove("minLength") {
                    limits.push(format!("at least {n} characters"));
                }
                if let Some(n) = map.remove("maxLength") {
                    limits.push(format!("at most {n} characters"));
                }
                if let Some(p) = map.remove("pattern") {
                    limits.push(format!("matching `{}`", p.as_str().unwrap_or_default()));
                }
                if !limits.is_empty() {
                    append_sentence(map, &format!("Server-side limit: {}.", limits.join(", ")));
                }
            }
            map.values_mut().for_each(relax);
        }
        Value::Array(items) => items.iter_mut().for_each(relax),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn constraints_become_a_documented_limit() {
        let mut doc = json!({"a": {"type": "string", "maxLength": 280, "minLength": 1, "description": "Post text."},
                             "b": {"type": "string", "pattern": "^[a-z]+$"}});
        run(&mut doc, &mut Context::new("ApiError")).unwrap();
        assert_eq!(
            doc["a"],
            json!({"type": "string", "description": "Post text.\n\nServer-side limit: at least 1 characters, at most 280 characters."})
        );
        assert_eq!(
            doc["b"],
            json!({"type": "string", "description": "Server-side limit: matching `^[a-z]+$`."})
        );
    }

    #[test]
    fn enums_and_non_strings_are_left_alone() {
        let original = json!({"e": {"type": "string", "enum": ["a"], "maxLength": 1}, "n": {"type": "integer", "maximum": 3}});
        let mut doc = original.clone();
        run(&mut doc, &mut Context::new("ApiError")).unwrap();
        assert_eq!(doc, original);
    }
}
