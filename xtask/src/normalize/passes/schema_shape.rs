//! Helpers that compare and combine schemas by shape. Not a pass.

use serde_json::{Map, Value};

/// Keys that document a schema without changing what it accepts; two schemas
/// that differ only in these are the same type.
const DOC_KEYS: [&str; 6] = [
    "description",
    "example",
    "examples",
    "title",
    "externalDocs",
    "deprecated",
];

/// A string that is equal for two schemas exactly when they accept the same
/// JSON (up to documentation): documentation keys and `x-` extensions are
/// dropped at every level, and keys are sorted.
pub fn shape_key(schema: &Value) -> String {
    serde_json::to_string(&strip_docs(schema)).expect("a Value always serializes")
}

fn strip_docs(value: &Value) -> Value {
    match value {
        Value::Object(map) => {
            let mut out = Map::new();
            for (k, v) in map {
                if DOC_KEYS.contains(&k.as_str()) || k.starts_with("x-") {
                    continue;
                }
                // Inside `properties` every key is a property name, not a keyword.
                let stripped = if k == "required" || k == "enum" {
                    // Sets in JSON Schema: their order does not change what
                    // the schema accepts.
                    sorted(v)
                } else if k == "properties" {
                    match v {
                        Value::Object(props) => Value::Object(
                            props
                                .iter()
                                .map(|(name, s)| (name.clone(), strip_docs(s)))
                                .collect(),
                        ),
                        other => strip_docs(other),
                    }
                } else {
                    strip_docs(v)
                };
                out.insert(k.clone(), stripped);
            }
            Value::Object(out)
        }
        Value::Array(items) => Value::Array(items.iter().map(strip_docs).collect()),
        other => other.clone(),
    }
}

fn sorted(value: &Value) -> Value {
    match value {
        Value::Array(items) => {
            let mut items = items.clone();
            items.sort_by_key(|v| v.to_string());
            Value::Array(items)
        }
        other => other.clone(),
    }
}

/// A schema that is an object with named properties (and no schema for
/// additional properties): the kind of body that can be merged.
pub fn is_plain_object(schema: &Value) -> bool {
    schema.get("type").and_then(Value::as_str) == Some("object")
        && schema.get("properties").is_some_and(Value::is_object)
        && !schema
            .get("additionalProperties")
            .is_some_and(Value::is_object)
        && ["oneOf", "anyOf", "allOf"]
            .iter()
            .all(|k| schema.get(k).is_none())
}

/// The schema behind a local `$ref` into `components/schemas`, or the schema
/// itself.
pub fn resolved<'a>(doc: &'a Value, schema: &'a Value) -> &'a Value {
    match schema.get("$ref").and_then(Value::as_str) {
        Some(r) => crate::normalize::pointer::resolve(doc, r).unwrap_or(schema),
        None => schema,
    }
}

/// Merges plain-object schemas into one that accepts each of them: the union
/// of the properties, required only where every input requires it, nullable
/// where any input is. A property two inputs type differently keeps the first
/// input's type, unless both are plain objects, which merge recursively.
pub fn merge_objects(schemas: &[&Value]) -> Value {
    let mut properties = Map::new();
    let mut required: Option<Vec<String>> = None;
    let mut out = Map::new();
    for schema in schemas {
        for (k, v) in schema.as_object().into_iter().flatten() {
            if !matches!(k.as_str(), "properties" | "required") {
                out.entry(k.clone()).or_insert_with(|| v.clone());
            }
        }
        for (name, prop) in schema["properties"].as_object().into_iter().flatten() {
            match properties.get_mut(name) {
                None => {
                    properties.insert(name.clone(), prop.clone());
                }
                Some(existing) if is_plain_object(existing) && is_plain_object(prop) => {
                    let merged = merge_objects(&[existing, prop]);
                    *existing = merged;
                }
                Some(existing) => {
                    if prop.get("nullable") == Some(&Value::Bool(true)) {
                        existing["nullable"] = Value::Bool(true);
                    }
                }
            }
        }
        let these: Vec<String> = crate::normalize::schemas::string_list(schema.get("required"))
            .map(str::to_string)
            .collect();
        required = Some(match required {
            None => these,
            Some(previous) => previous.into_iter().filter(|r| these.contains(r)).collect(),
        });
        if schema.get("nullable") == Some(&Value::Bool(true)) {
            out.insert("nullable".into(), Value::Bool(true));
        }
    }
    out.insert("type".into(), Value::String("object".into()));
    out.insert("properties".into(), Value::Object(properties));
    match required {
        Some(r) if !r.is_empty() => {
            out.insert(
                "required".into(),
                r.into_iter().map(Value::String).collect(),
            );
        }
        _ => {
            out.remove("required");
        }
    }
    Value::Object(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn shape_ignores_documentation_but_not_structure() {
        let a = json!({"type": "object", "description": "A", "properties": {"description": {"type": "string", "example": "x"}}});
        let b = json!({"type": "object", "description": "B", "properties": {"description": {"type": "string"}}});
        let c = json!({"type": "object", "properties": {"description": {"type": "integer"}}});
        assert_eq!(shape_key(&a), shape_key(&b));
        assert_ne!(shape_key(&a), shape_key(&c));
    }

    #[test]
    fn order_of_required_and_enum_values_does_not_matter() {
        let a = json!({"type": "object", "required": ["a", "b"], "properties": {"e": {"type": "string", "enum": ["X", "Y"]}}});
        let b = json!({"type": "object", "required": ["b", "a"], "properties": {"e": {"type": "string", "enum": ["Y", "X"]}}});
        assert_eq!(shape_key(&a), shape_key(&b));
    }

    #[test]
    fn merge_unions_properties_and_intersects_required() {
        let bad_request = json!({"type": "object", "required": ["message"], "properties": {
            "statusCode": {"type": "number", "nullable": true},
            "message": {"type": "string"},
            "issues": {"type": "array", "items": {"type": "object"}}
        }});
        let unauthorized = json!({"type": "object", "required": ["message", "statusCode"], "properties": {
            "statusCode": {"type": "number", "nullable": true},
            "message": {"type": "string"}
        }});
        let merged = merge_objects(&[&bad_request, &unauthorized]);
        assert_eq!(merged["required"], json!(["message"]));
        let props: Vec<_> = merged["properties"].as_object().unwrap().keys().collect();
        assert_eq!(props, ["issues", "message", "statusCode"]);
    }

    #[test]
    fn plain_object_excludes_maps_and_unions() {
        assert!(is_plain_object(
            &json!({"type": "object", "properties": {}})
        ));
        assert!(!is_plain_object(
            &json!({"type": "object", "additionalProperties": {"type": "string"}})
        ));
        assert!(!is_plain_object(
            &json!({"type": "object", "properties": {}, "oneOf": []})
        ));
        assert!(!is_plain_object(&json!({"type": "array"})));
    }
}
