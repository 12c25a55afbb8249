//! Let answers carry fields the description does not list.
//!
//! `additionalProperties: false` makes typify add `deny_unknown_fields`, so
//! the day a provider adds a field to an answer, every client built before
//! that day fails to decode it. A client must read what it knows and ignore
//! the rest; for request bodies the keyword only ever checked what the
//! client itself decodes, which it never does. The keyword is dropped and
//! the closed shape documented.

use serde_json::Value;

use crate::normalize::docs::append_sentence;
use crate::normalize::schemas::for_each_schema;
use crate::normalize::{Context, NormalizeError, Pass};

pub const PASS: Pass = Pass {
    name: "open-objects",
    what: "drop additionalProperties: false, so an answer with a new field still decodes",
    essential: false,
    run,
};

fn run(doc: &mut Value, _: &mut Context) -> Result<(), NormalizeError> {
    for_each_schema(doc, &mut |_, schema| {
        if schema.get("additionalProperties") == Some(&Value::Bool(false)) {
            schema.remove("additionalProperties");
            append_sentence(
                schema,
                "The description allows no other fields; any others are ignored when decoding.",
            );
        }
    });
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_closed_object_opens_and_says_so() {
        let mut d = json!({"components": {"schemas": {
            "U": {"type": "object", "additionalProperties": false, "properties": {"uri": {"type": "string"}}},
            "M": {"type": "object", "additionalProperties": {"type": "string"}}
        }}});
        run(&mut d, &mut Context::new("ApiError")).unwrap();
        let schemas = &d["components"]["schemas"];
        assert_eq!(
            schemas["U"],
            json!({"type": "object", "description": "The description allows no other fields; any others are ignored when decoding.",
                   "properties": {"uri": {"type": "string"}}})
        );
        assert_eq!(
            schemas["M"]["additionalProperties"],
            json!({"type": "string"})
        );
    }
}
