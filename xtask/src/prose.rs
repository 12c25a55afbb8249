//! The provider's prose out of a fetched description, for providers whose
//! `prose = "own"` (providers.toml): the committed source keeps the facts of
//! the interface (paths, methods, parameters, schemas, enums, formats,
//! required, nullable) and the project writes its own words on top, in the
//! provider's `overlay.yaml`.
//!
//! What goes: every `description` and `summary`, examples and external
//! documentation links, wherever they are OpenAPI or JSON Schema keywords.
//! A property, parameter or component *named* `description` is a fact and
//! stays. Response objects must have a description (OpenAPI 3.0 makes it
//! required), so each gets the HTTP reason phrase of its status.

use serde_json::{Map, Value};

use crate::normalize::pointer::is_data_member;

/// Keywords whose values are the provider's words, not the interface.
const PROSE: &[&str] = &[
    "description",
    "summary",
    "example",
    "examples",
    "externalDocs",
];

/// Keywords whose values are objects keyed by names (of properties, paths,
/// statuses, media types, components...): their keys are never keywords.
const NAME_MAPS: &[&str] = &[
    "properties",
    "patternProperties",
    "definitions",
    "$defs",
    "paths",
    "responses",
    "content",
    "schemas",
    "parameters",
    "headers",
    "securitySchemes",
    "requestBodies",
    "links",
    "callbacks",
    "encoding",
    "variables",
    "pathItems",
    "webhooks",
];

/// Keywords whose values are lists of names, left as they are (besides the
/// data members every walk skips: `pointer::is_data_member`).
const NAME_LISTS: &[&str] = &["required", "security", "scopes"];

/// Removes the provider's prose from `doc` and gives every response the
/// reason phrase of its status.
pub fn strip(doc: &mut Value) {
    keywords(doc);
    if let Some(paths) = doc.get_mut("paths").and_then(Value::as_object_mut) {
        for item in paths.values_mut().filter_map(Value::as_object_mut) {
            for op in item.values_mut().filter_map(Value::as_object_mut) {
                if let Some(responses) = op.get_mut("responses").and_then(Value::as_object_mut) {
                    describe_responses(responses, reason);
                }
            }
        }
    }
    if let Some(responses) = doc
        .pointer_mut("/components/responses")
        .and_then(Value::as_object_mut)
    {
        // Keyed by component name, which says what the answer is.
        describe_responses(responses, str::to_string);
    }
}

/// An object (or array of objects) whose keys are keywords.
fn keywords(value: &mut Value) {
    match value {
        Value::Object(map) => {
            map.retain(|key, _| !PROSE.contains(&key.as_str()));
            for (key, child) in map.iter_mut() {
                if is_data_member(key) || NAME_LISTS.contains(&key.as_str()) {
                    continue;
                }
                if NAME_MAPS.contains(&key.as_str()) {
                    names(child);
                } else {
                    keywords(child);
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(keywords),
        _ => {}
    }
}

/// An object keyed by names; an array (operation `parameters`) holds
/// keyword objects.
fn names(value: &mut Value) {
    match value {
        Value::Object(map) => map.values_mut().for_each(keywords),
        Value::Array(items) => items.iter_mut().for_each(keywords),
        _ => {}
    }
}

fn describe_responses(responses: &mut Map<String, Value>, describe: fn(&str) -> String) {
    for (status, response) in responses.iter_mut() {
        let Some(response) = response.as_object_mut() else {
            continue;
        };
        if response.contains_key("$ref") {
            continue;
        }
        response.insert("description".into(), Value::String(describe(status)));
    }
}

/// `"404"` -> "Not Found"; ranges and `default` get a phrase of their own.
fn reason(status: &str) -> String {
    if status == "default" {
        return "Any other status".into();
    }
    if let Some(class) = status
        .strip_suffix("XX")
        .or_else(|| status.strip_suffix("xx"))
    {
        return format!("Any {class}xx status");
    }
    status
        .parse::<u16>()
        .ok()
        .and_then(|code| reqwest::StatusCode::from_u16(code).ok())
        .and_then(|code| code.canonical_reason())
        .map_or_else(|| format!("Status {status}"), str::to_string)
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn prose_goes_and_facts_stay() {
        let mut doc = json!({
            "openapi": "3.0.3",
            "info": {"title": "T", "version": "1", "description": "Their words."},
            "tags": [{"name": "post", "description": "Their words."}],
            "paths": {"/p/{id}": {
                "summary": "path words",
                "get": {
                    "operationId": "get",
                    "summary": "Their words.",
                    "description": "Their words.",
                    "externalDocs": {"url": "https://example.invalid"},
                    "parameters": [{"name": "id", "in": "path", "required": true,
                        "description": "Their words.", "example": "x",
                        "schema": {"type": "string", "description": "Their words."}}],
                    "responses": {
                        "200": {"description": "Their words.", "content": {"application/json": {
                            "schema": {"type": "object", "required": ["description"],
                                "properties": {
                                    "description": {"type": "string", "description": "Their words.",
                                        "enum": ["a"], "default": "a"},
                                    "summary": {"type": "integer", "minimum": 1, "nullable": true}
                                }},
                            "examples": {"one": {"value": {"description": "x"}}}
                        }}},
                        "418": {"description": "Their words."},
                        "4XX": {"description": "Their words."},
                        "default": {"$ref": "#/components/responses/Error"}
                    }
                }
            }},
            "components": {
                "schemas": {"description": {"type": "string", "x-note": {"description": "kept"}}},
                "responses": {"Error": {"description": "Their words."}}
            }
        });
        strip(&mut doc);
        let text = doc.to_string();
        assert!(!text.contains("Their words"), "{text}");
        assert!(!text.contains("path words"), "{text}");
        let op = &doc["paths"]["/p/{id}"]["get"];
        let schema = &op["responses"]["200"]["content"]["application/json"]["schema"];
        assert_eq!(schema["required"], json!(["description"]));
        assert_eq!(
            schema["properties"]["description"],
            json!({"type": "string", "enum": ["a"], "default": "a"})
        );
        assert_eq!(
            schema["properties"]["summary"],
            json!({"type": "integer", "minimum": 1, "nullable": true})
        );
        assert_eq!(op["responses"]["200"]["description"], "OK");
        assert_eq!(op["responses"]["418"]["description"], "I'm a teapot");
        assert_eq!(op["responses"]["4XX"]["description"], "Any 4xx status");
        assert_eq!(
            op["responses"]["default"],
            json!({"$ref": "#/components/responses/Error"})
        );
        assert_eq!(op["parameters"][0]["schema"], json!({"type": "string"}));
        assert_eq!(
            doc["components"]["schemas"]["description"]["x-note"],
            json!({"description": "kept"})
        );
        assert_eq!(
            doc["components"]["responses"]["Error"]["description"],
            "Error"
        );
        assert_eq!(doc["tags"], json!([{"name": "post"}]));
        assert_eq!(doc["info"], json!({"title": "T", "version": "1"}));
    }
}
