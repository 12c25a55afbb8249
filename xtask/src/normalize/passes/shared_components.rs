//! Replace references to shared responses, request bodies, parameters,
//! headers and examples with copies of what they point at, then drop those
//! sections. Later passes (error unification, hoisting) then see every
//! schema where it is used; only `components/schemas` stays shared.
//! A reference to another operation's response, parameter, request body or
//! header (`#/paths/~1a/get/responses/200`, as Brex's description reuses
//! answers) is inlined the same way: progenitor looks every such reference
//! up by its last word in `components`, finds nothing, and panics.

use serde_json::Value;

use crate::normalize::{Context, NormalizeError, Pass};

pub const PASS: Pass = Pass {
    name: "shared-components",
    what: "inline shared responses, request bodies, parameters, headers and examples",
    essential: true,
    run,
};

const SECTIONS: [&str; 5] = [
    "responses",
    "requestBodies",
    "parameters",
    "headers",
    "examples",
];

/// Deepest chain of component references followed before giving up; the refs
/// pass has already rejected cycles, so this only guards pathological depth.
const MAX_DEPTH: usize = 32;

fn run(doc: &mut Value, _: &mut Context) -> Result<(), NormalizeError> {
    let whole = doc.clone();
    if let Some(paths) = doc.get_mut("paths") {
        inline(paths, &whole, "/paths", 0)?;
    }
    if let Some(Value::Object(map)) = doc.get_mut("components") {
        for section in SECTIONS {
            map.remove(section);
        }
    }
    Ok(())
}

fn inline(value: &mut Value, whole: &Value, at: &str, depth: usize) -> Result<(), NormalizeError> {
    if depth > MAX_DEPTH {
        return Err(NormalizeError::new(
            at,
            "component references nest too deeply",
        ));
    }
    if let Some(target) = shared_target(value, whole) {
        *value = target;
        return inline(value, whole, at, depth + 1);
    }
    match value {
        Value::Object(map) => {
            for (k, v) in map.iter_mut() {
                inline(
                    v,
                    whole,
                    &format!("{at}/{}", crate::normalize::pointer::escape(k)),
                    depth,
                )?;
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter_mut().enumerate() {
                inline(v, whole, &format!("{at}/{i}"), depth)?;
            }
        }
        _ => {}
    }
    Ok(())
}

/// The node a `{"$ref": "#/components/<shared section>/X"}` points at, or a
/// reference to an operation's response, parameter, request body or header.
fn shared_target(value: &Value, whole: &Value) -> Option<Value> {
    let reference = value.get("$ref")?.as_str()?;
    if let Some(rest) = reference.strip_prefix("#/components/") {
        let (section, _) = rest.split_once('/')?;
        if !SECTIONS.contains(&section) {
            return None;
        }
        return whole.pointer(&format!("/components/{rest}")).cloned();
    }
    let pointer = reference.strip_prefix("#/paths/")?;
    let tokens: Vec<&str> = pointer.split('/').collect();
    let n = tokens.len();
    let operation_part = matches!(
        tokens.get(n.wrapping_sub(2)),
        Some(&("responses" | "parameters" | "headers"))
    ) || tokens.last() == Some(&"requestBody");
    if !operation_part {
        return None;
    }
    whole.pointer(&reference[1..]).cloned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn inlines_responses_parameters_and_bodies_and_drops_the_sections() {
        let mut doc = json!({
            "paths": {"/a/{id}": {"post": {
                "parameters": [{"$ref": "#/components/parameters/Id"}],
                "requestBody": {"$ref": "#/components/requestBodies/Body"},
                "responses": {"404": {"$ref": "#/components/responses/NotFound"}}
            }}},
            "components": {
                "parameters": {"Id": {"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}},
                "requestBodies": {"Body": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/S"}}}}},
                "responses": {"NotFound": {"description": "nf", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/E"}}}}},
                "schemas": {"S": {"type": "object"}, "E": {"type": "object"}}
            }
        });
        run(&mut doc, &mut Context::new("ApiError")).unwrap();
        let op = &doc["paths"]["/a/{id}"]["post"];
        assert_eq!(op["parameters"][0]["name"], "id");
        assert_eq!(
            op["requestBody"]["content"]["application/json"]["schema"]["$ref"],
            "#/components/schemas/S"
        );
        assert_eq!(op["responses"]["404"]["description"], "nf");
        assert_eq!(
            doc["components"]
                .as_object()
                .unwrap()
                .keys()
                .collect::<Vec<_>>(),
            ["schemas"]
        );
    }

    #[test]
    fn references_to_another_operations_response_and_parameter_are_inlined() {
        let mut doc = json!({"paths": {
            "/a": {"get": {
                "parameters": [{"name": "q", "in": "query", "schema": {"type": "string"}}],
                "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {"type": "string"}}}}}
            }},
            "/b": {"get": {
                "parameters": [{"$ref": "#/paths/~1a/get/parameters/0"}],
                "responses": {"200": {"$ref": "#/paths/~1a/get/responses/200"}}
            }}
        }});
        run(&mut doc, &mut Context::new("ApiError")).unwrap();
        assert_eq!(
            doc["paths"]["/b"]["get"]["responses"]["200"],
            doc["paths"]["/a"]["get"]["responses"]["200"]
        );
        assert_eq!(doc["paths"]["/b"]["get"]["parameters"][0]["name"], "q");
    }
}
