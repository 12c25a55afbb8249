//! Replace references to shared responses, request bodies, parameters,
//! headers and examples with copies of what they point at, then drop those
//! sections. Later passes (error unification, hoisting) then see every
//! schema where it is used; only `components/schemas` stays shared.

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
    let components = doc.get("components").cloned().unwrap_or(Value::Null);
    if let Some(paths) = doc.get_mut("paths") {
        inline(paths, &components, "/paths", 0)?;
    }
    if let Some(Value::Object(map)) = doc.get_mut("components") {
        for section in SECTIONS {
            map.remove(section);
        }
    }
    Ok(())
}

fn inline(
    value: &mut Value,
    components: &Value,
    at: &str,
    depth: usize,
) -> Result<(), NormalizeError> {
    if depth > MAX_DEPTH {
        return Err(NormalizeError::new(
            at,
            "component references nest too deeply",
        ));
    }
    if let Some(target) = shared_target(value, components) {
        *value = target;
        return inline(value, components, at, depth + 1);
    }
    match value {
        Value::Object(map) => {
            for (k, v) in map.iter_mut() {
                inline(
                    v,
                    components,
                    &format!("{at}/{}", crate::normalize::pointer::escape(k)),
                    depth,
                )?;
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter_mut().enumerate() {
                inline(v, components, &format!("{at}/{i}"), depth)?;
            }
        }
        _ => {}
    }
    Ok(())
}

/// The node a `{"$ref": "#/components/<shared section>/X"}` points at.
fn shared_target(value: &Value, components: &Value) -> Option<Value> {
    let reference = value.get("$ref")?.as_str()?;
    let rest = reference.strip_prefix("#/components/")?;
    let (section, _) = rest.split_once('/')?;
    if !SECTIONS.contains(&section) {
        return None;
    }
    components.pointer(&format!("/{rest}")).cloned()
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
}
