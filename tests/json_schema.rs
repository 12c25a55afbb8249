//! The `schemars` feature: the JSON Schema a generated request body derives
//! must describe the same object as the normalized spec the type was
//! generated from (property names, which are required, each one's JSON
//! type), so handing it to a validator or a tool definition is faithful.
#![cfg(all(
    feature = "schemars",
    feature = "postbreeze",
    feature = "bundle-social"
))]

use std::collections::BTreeSet;

use serde_json::Value;

fn spec_schema(provider: &str, name: &str) -> Value {
    let path = format!(
        "{}/specs/{provider}/openapi.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let spec: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    spec["components"]["schemas"][name].clone()
}

fn names(value: &Value) -> BTreeSet<String> {
    match value {
        Value::Object(map) => map.keys().cloned().collect(),
        Value::Array(items) => items
            .iter()
            .filter_map(|v| v.as_str().map(str::to_string))
            .collect(),
        _ => BTreeSet::new(),
    }
}

/// The JSON types a property schema admits, `null` aside (an optional
/// field is `Option<T>`, which schemars writes as `[T, "null"]`).
fn kinds(schema: &Value) -> BTreeSet<String> {
    match &schema["type"] {
        Value::String(kind) => [kind.clone()].into(),
        Value::Array(kinds) => kinds
            .iter()
            .filter_map(Value::as_str)
            .filter(|k| *k != "null")
            .map(str::to_string)
            .collect(),
        _ => BTreeSet::new(),
    }
}

fn agrees(derived: &Value, spec: &Value) {
    assert_eq!(names(&derived["properties"]), names(&spec["properties"]));
    assert_eq!(names(&derived["required"]), names(&spec["required"]));
    for (name, property) in spec["properties"].as_object().unwrap() {
        if property.get("$ref").is_some() || property.get("allOf").is_some() {
            continue;
        }
        assert_eq!(
            kinds(&derived["properties"][name]),
            kinds(property),
            "property {name}"
        );
    }
}

#[test]
fn a_request_body_schema_matches_the_spec() {
    let derived = serde_json::to_value(schemars::schema_for!(
        social_clients::postbreeze::types::PresignMediaBody
    ))
    .unwrap();
    agrees(&derived, &spec_schema("postbreeze", "PresignMediaBody"));
}

#[test]
fn a_body_with_nested_types_and_enums_matches_too() {
    let derived = serde_json::to_value(schemars::schema_for!(
        social_clients::bundle_social::types::PostCreateBody
    ))
    .unwrap();
    agrees(&derived, &spec_schema("bundle_social", "PostCreateBody"));
    // The nested types are described too, open enums included.
    let defs = derived["$defs"].as_object().expect("nested definitions");
    assert!(
        defs.contains_key("PostData") && defs.contains_key("Platform"),
        "{:?}",
        defs.keys()
    );
}
