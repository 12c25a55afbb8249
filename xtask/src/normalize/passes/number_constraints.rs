//! Move numeric bounds into the documentation.
//!
//! typify picks the Rust type of a number from its bounds: `minimum: 1`
//! makes `NonZeroU64`, `minimum: 0` makes `u64`, a `maximum` under 256
//! makes `u8`. In a client that turns one unexpected number into an answer
//! that cannot be decoded at all (`invalid value: integer 0, expected a
//! nonzero u64` for a whole account page), and makes callers build
//! `NonZeroU64`s for request fields the server validates anyway. So every
//! bound becomes a sentence in the description and the number keeps the
//! type its `type`/`format` say (`i64`, `f64`, `i32`...).

use serde_json::Value;

use crate::normalize::docs::append_sentence;
use crate::normalize::schemas::for_each_schema;
use crate::normalize::{Context, NormalizeError, Pass};

pub const PASS: Pass = Pass {
    name: "number-constraints",
    what: "document numeric bounds instead of generating unsigned or NonZero integer types",
    essential: false,
    run,
};

/// The bound keywords, and how each reads in a sentence.
const BOUNDS: [(&str, &str); 5] = [
    ("minimum", "at least"),
    ("exclusiveMinimum", "more than"),
    ("maximum", "at most"),
    ("exclusiveMaximum", "less than"),
    ("multipleOf", "a multiple of"),
];

fn run(doc: &mut Value, _: &mut Context) -> Result<(), NormalizeError> {
    for_each_schema(doc, &mut |_, schema| {
        let numeric = matches!(
            schema.get("type").and_then(Value::as_str),
            Some("integer" | "number")
        );
        if !numeric {
            return;
        }
        let mut limits = Vec::new();
        for (keyword, reads) in BOUNDS {
            match schema.remove(keyword) {
                // OpenAPI 3.0 writes exclusive bounds as booleans beside
                // minimum/maximum; the json-schema pass has already turned
                // them into numbers, so a leftover boolean says nothing.
                Some(Value::Bool(_)) | None => {}
                Some(n) => limits.push(format!("{reads} {n}")),
            }
        }
        if !limits.is_empty() {
            append_sentence(
                schema,
                &format!("Server-side limit: {}.", limits.join(", ")),
            );
        }
    });
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn doc(schema: Value) -> Value {
        json!({"components": {"schemas": {"N": schema}}})
    }

    #[test]
    fn bounds_become_a_documented_limit() {
        let mut d = doc(json!({"type": "object", "properties": {
            "limit": {"type": "integer", "minimum": 1, "maximum": 100, "description": "Page size."},
            "ratio": {"type": "number", "exclusiveMinimum": 0, "multipleOf": 0.5}
        }}));
        run(&mut d, &mut Context::new("ApiError")).unwrap();
        let props = &d["components"]["schemas"]["N"]["properties"];
        assert_eq!(
            props["limit"],
            json!({"type": "integer", "description": "Page size.\n\nServer-side limit: at least 1, at most 100."})
        );
        assert_eq!(
            props["ratio"],
            json!({"type": "number", "description": "Server-side limit: more than 0, a multiple of 0.5."})
        );
    }

    #[test]
    fn names_and_other_types_are_left_alone() {
        // A property called `minimum` is a name, not a bound; a string's
        // keywords belong to string-constraints.
        let original = doc(json!({"type": "object", "properties": {
            "minimum": {"type": "string", "minLength": 1},
            "maximum": {"$ref": "#/components/schemas/M"}
        }}));
        let mut d = original.clone();
        run(&mut d, &mut Context::new("ApiError")).unwrap();
        assert_eq!(d, original);
    }
}
