//! Keep a schema's `default` only where the generator can use it safely.
//!
//! typify turns a `default` into `#[serde(default = ...)]` and a `Default`
//! impl. On a union it rejects the whole document ("value does not conform
//! to the given schema", OpenAI's `model` fields); on a value that does not
//! fit the type it generates a default function that panics when called
//! (`from_str::<DateTime<Utc>>("7").unwrap()`). A client gains little from a
//! default (the server applies it), so a default is kept only on a plain
//! string, integer, number or boolean whose value has that JSON type (and
//! is one of the `enum` values, if listed); any other becomes a sentence in
//! the description.

use serde_json::{Map, Value};

use crate::normalize::docs::append_sentence;
use crate::normalize::schemas::for_each_schema;
use crate::normalize::{Context, NormalizeError, Pass};

pub const PASS: Pass = Pass {
    name: "defaults",
    what: "keep defaults only where their value plainly fits a primitive type; document the rest",
    essential: true,
    run,
};

fn run(doc: &mut Value, _: &mut Context) -> Result<(), NormalizeError> {
    for_each_schema(doc, &mut |_, schema| {
        if schema.contains_key("default") && !usable(schema) {
            let default = schema.remove("default").expect("checked above");
            document(schema, &default);
        }
    });
    Ok(())
}

fn usable(schema: &Map<String, Value>) -> bool {
    let default = &schema["default"];
    let structural = [
        "$ref",
        "allOf",
        "anyOf",
        "oneOf",
        "not",
        "properties",
        "items",
    ];
    if structural.iter().any(|k| schema.contains_key(*k)) {
        return false;
    }
    if let Some(values) = schema.get("enum").and_then(Value::as_array) {
        if !values.contains(default) {
            return false;
        }
    }
    let format = schema.get("format").and_then(Value::as_str);
    match schema.get("type").and_then(Value::as_str) {
        // A formatted string (date-time, uuid, ...) is parsed into another
        // type by a function that panics on a bad value.
        Some("string") => default.is_string() && format.is_none(),
        Some("integer") => default.is_i64() || default.is_u64(),
        Some("number") => default.is_number(),
        Some("boolean") => default.is_boolean(),
        _ => false,
    }
}

fn document(schema: &mut Map<String, Value>, default: &Value) {
    append_sentence(schema, &format!("Default: `{default}`."));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::passes::after_pass;
    use serde_json::json;

    #[test]
    fn plain_defaults_stay() {
        for schema in [
            json!({"type": "integer", "default": 20}),
            json!({"type": "string", "enum": ["a", "b"], "default": "b"}),
            json!({"type": "boolean", "default": false}),
            json!({"type": "number", "default": 0.5}),
        ] {
            assert_eq!(after_pass(run, schema.clone()), schema);
        }
    }

    #[test]
    fn defaults_the_generator_cannot_use_become_documentation() {
        assert_eq!(
            after_pass(
                run,
                json!({"anyOf": [{"type": "string"}], "default": "dall-e-2", "description": "Model."})
            ),
            json!({"anyOf": [{"type": "string"}], "description": "Model.\n\nDefault: `\"dall-e-2\"`."})
        );
        for schema in [
            json!({"type": "string", "format": "date-time", "default": 7}),
            json!({"type": "integer", "default": "20"}),
            json!({"type": "string", "enum": ["a"], "default": "c"}),
            json!({"type": "object", "properties": {}, "default": {}}),
            json!({"$ref": "#/components/schemas/B", "default": "x"}),
        ] {
            assert!(after_pass(run, schema).get("default").is_none());
        }
    }
}
