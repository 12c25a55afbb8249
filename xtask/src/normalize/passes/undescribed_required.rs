//! Keep answers decodable when a description requires a field it never
//! describes.
//!
//! Box's shared link lists `accessed` as required but has no such property
//! (nor do Box's answers); Box's token revocation requires an undescribed
//! `grant_type`. typify makes such a name a required `serde_json::Value`, so
//! every answer without it fails to decode, which for Box is every answer
//! with a shared link. The name becomes an optional property of any value,
//! documented, with a warning naming the pointer, so the provider's typo
//! costs nothing and stays visible.
//!
//! A `required` list that names properties defined elsewhere is left alone:
//! members of a several-part `allOf` and schemas with their own
//! `allOf`/`anyOf`/`oneOf` (the names are their parts' properties).

use std::collections::HashSet;

use serde_json::{json, Value};

use crate::normalize::schemas::{for_each_schema, string_list};
use crate::normalize::{Context, NormalizeError, Pass};

pub const PASS: Pass = Pass {
    name: "undescribed-required",
    what: "make a required name with no property schema an optional value of any type",
    essential: false,
    run,
};

const COMBINERS: [&str; 3] = ["allOf", "anyOf", "oneOf"];

fn run(doc: &mut Value, ctx: &mut Context) -> Result<(), NormalizeError> {
    let mut parts_of_merges: HashSet<String> = HashSet::new();
    let mut repairs = Vec::new();
    // Parents come before their subschemas, so the members of a merge are
    // known by the time they are visited.
    for_each_schema(doc, &mut |at, schema| {
        if let Some(parts) = schema.get("allOf").and_then(Value::as_array) {
            if parts.len() > 1 {
                parts_of_merges.extend((0..parts.len()).map(|i| format!("{at}/allOf/{i}")));
            }
        }
        if parts_of_merges.contains(at) || COMBINERS.iter().any(|k| schema.contains_key(*k)) {
            return;
        }
        let Some(properties) = schema.get("properties").and_then(Value::as_object) else {
            return;
        };
        let missing: Vec<String> = string_list(schema.get("required"))
            .filter(|name| !properties.contains_key(*name))
            .map(str::to_string)
            .collect();
        if missing.is_empty() {
            return;
        }
        let kept: Vec<Value> = schema["required"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|n| n.as_str().is_none_or(|n| !missing.iter().any(|m| m == n)))
            .cloned()
            .collect();
        if kept.is_empty() {
            schema.remove("required");
        } else {
            schema.insert("required".into(), Value::Array(kept));
        }
        let properties = schema
            .get_mut("properties")
            .and_then(Value::as_object_mut)
            .expect("checked above");
        for name in &missing {
            properties.insert(
                name.clone(),
                json!({"description": "Listed as required by the provider's description, which does not describe it; optional here so answers without it still decode."}),
            );
        }
        repairs.push((at.to_string(), missing));
    });
    for (at, names) in repairs {
        ctx.warn(
            PASS.name,
            at,
            format!(
                "`required` names {} with no property schema; made optional, of any type",
                names
                    .iter()
                    .map(|n| format!("`{n}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run_on(schemas: Value) -> (Value, Vec<String>) {
        let mut d = json!({"components": {"schemas": schemas}});
        let mut ctx = Context::new("ApiError");
        run(&mut d, &mut ctx).unwrap();
        (d["components"]["schemas"].clone(), ctx.warning_lines())
    }

    #[test]
    fn an_undescribed_required_name_becomes_an_optional_any_value() {
        let (s, warnings) = run_on(json!({"Link": {
            "type": "object",
            "properties": {"url": {"type": "string"}},
            "required": ["url", "accessed"]
        }}));
        assert_eq!(s["Link"]["required"], json!(["url"]));
        assert!(s["Link"]["properties"]["accessed"]["description"]
            .as_str()
            .unwrap()
            .contains("does not describe it"));
        assert_eq!(
            warnings,
            ["pass `undescribed-required`: at /components/schemas/Link: `required` names `accessed` with no property schema; made optional, of any type"]
        );

        let (s, _) = run_on(json!({"Revoke": {
            "type": "object", "properties": {"token": {"type": "string"}}, "required": ["grant_type"]
        }}));
        assert!(s["Revoke"].get("required").is_none());
        assert!(s["Revoke"]["properties"].get("grant_type").is_some());
    }

    #[test]
    fn names_defined_by_other_parts_are_left_alone() {
        let schemas = json!({
            "Merged": {"allOf": [
                {"$ref": "#/components/schemas/Base"},
                {"type": "object", "properties": {"extra": {"type": "string"}}, "required": ["id"]}
            ]},
            "Union": {"type": "object", "properties": {"a": {"type": "string"}},
                      "required": ["b"], "oneOf": [{"properties": {"b": {"type": "string"}}}]},
            "Base": {"type": "object", "properties": {"id": {"type": "string"}}, "required": ["id"]}
        });
        let (s, warnings) = run_on(schemas.clone());
        assert_eq!(s, schemas);
        assert!(warnings.is_empty());
    }
}
