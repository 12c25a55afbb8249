//! A component is never nullable itself; its uses are.
//!
//! typify turns a nullable component `X` into a newtype over
//! `Option<inner>` and names the inner type `X` too, so the client does not
//! compile (OpenAI's `ModelIdsCompaction`, Box's `CollaborationItem`). The
//! same meaning, that a place holding an `X` may hold null, is kept by
//! moving `nullable` to each use: a reference becomes
//! `allOf: [{$ref}], nullable: true` (the form the hoist pass already
//! uses), a union branch makes its union nullable, and a reference inside
//! an `allOf` with other parts stays as it is (the combined object is not
//! null).

use std::collections::BTreeSet;

use serde_json::{json, Map, Value};

use crate::normalize::schemas::for_each_schema;
use crate::normalize::{Context, NormalizeError, Pass};

pub const PASS: Pass = Pass {
    name: "nullable-components",
    what: "move `nullable` from component schemas to the places that use them",
    essential: true,
    run,
};

const PREFIX: &str = "#/components/schemas/";

fn run(doc: &mut Value, _: &mut Context) -> Result<(), NormalizeError> {
    let Some(schemas) = doc
        .pointer_mut("/components/schemas")
        .and_then(Value::as_object_mut)
    else {
        return Ok(());
    };
    // A union component with a nullable branch, or a lone `allOf` wrapper
    // of a nullable one, admits null too: the closure, before any is
    // changed.
    let mut nullable: BTreeSet<String> = schemas
        .iter()
        .filter(|(_, s)| s.get("nullable") == Some(&Value::Bool(true)))
        .map(|(name, _)| format!("{PREFIX}{name}"))
        .collect();
    loop {
        let before = nullable.len();
        for (name, schema) in schemas.iter() {
            let refers = |v: &Value| {
                v.get("$ref")
                    .and_then(Value::as_str)
                    .is_some_and(|r| nullable.contains(r))
            };
            let branches = ["oneOf", "anyOf"]
                .iter()
                .filter_map(|k| schema.get(*k).and_then(Value::as_array))
                .flatten()
                .any(refers);
            let wrapper = matches!(schema.get("allOf").and_then(Value::as_array).map(Vec::as_slice), Some([one]) if refers(one));
            if branches || wrapper {
                let key = format!("{PREFIX}{name}");
                if !nullable.contains(&key) {
                    nullable.insert(key);
                }
            }
        }
        if nullable.len() == before {
            break;
        }
    }
    for (name, schema) in schemas.iter_mut() {
        if nullable.contains(&format!("{PREFIX}{name}")) {
            if let Some(map) = schema.as_object_mut() {
                map.remove("nullable");
            }
        }
    }
    if nullable.is_empty() {
        return Ok(());
    }
    let is_nullable_ref = |v: &Value| {
        v.get("$ref")
            .and_then(Value::as_str)
            .is_some_and(|r| nullable.contains(r))
    };
    for_each_schema(doc, &mut |at, schema| {
        // A component root's own nullability was moved to its uses above;
        // any other union or lone `allOf` wrapper is a use.
        if !is_component_root(at) {
            let is_use = ["oneOf", "anyOf"].iter().any(|key| {
                schema
                    .get(*key)
                    .and_then(Value::as_array)
                    .is_some_and(|branches| branches.iter().any(is_nullable_ref))
            }) || matches!(
                schema.get("allOf").and_then(Value::as_array).map(Vec::as_slice),
                Some([one]) if is_nullable_ref(one)
            );
            if is_use {
                schema.insert("nullable".into(), json!(true));
            }
        }
        for key in ["items", "additionalProperties", "not"] {
            wrap(schema.get_mut(key), &is_nullable_ref);
        }
        if let Some(map) = schema.get_mut("properties").and_then(Value::as_object_mut) {
            map.values_mut()
                .for_each(|v| wrap(Some(v), &is_nullable_ref));
        }
    });
    // Schemas held directly by parameters, bodies and responses.
    wrap_holders(doc, &is_nullable_ref);
    Ok(())
}

fn is_component_root(at: &str) -> bool {
    at.strip_prefix("/components/schemas/")
        .is_some_and(|rest| !rest.contains('/'))
}

fn wrap(slot: Option<&mut Value>, is_nullable_ref: &impl Fn(&Value) -> bool) {
    let Some(slot) = slot else { return };
    if is_nullable_ref(slot) {
        let mut reference = slot.take();
        let mut wrapper = Map::new();
        // Documentation beside the reference stays on the wrapper.
        if let Some(map) = reference.as_object_mut() {
            for (k, v) in std::mem::take(map) {
                if k == "$ref" {
                    map.insert(k, v);
                } else {
                    wrapper.insert(k, v);
                }
            }
        }
        wrapper.insert("allOf".into(), json!([reference]));
        wrapper.insert("nullable".into(), json!(true));
        *slot = Value::Object(wrapper);
    }
}

fn wrap_holders(doc: &mut Value, is_nullable_ref: &impl Fn(&Value) -> bool) {
    let Some(paths) = doc.get_mut("paths").and_then(Value::as_object_mut) else {
        return;
    };
    for item in paths.values_mut() {
        for op in item
            .as_object_mut()
            .into_iter()
            .flat_map(|m| m.values_mut())
        {
            let Some(op_map) = op.as_object_mut() else {
                continue;
            };
            for p in op_map
                .get_mut("parameters")
                .and_then(Value::as_array_mut)
                .into_iter()
                .flatten()
            {
                wrap(p.get_mut("schema"), is_nullable_ref);
            }
            let Some(op) = op.as_object_mut() else {
                continue;
            };
            let mut bodies: Vec<&mut Value> = Vec::new();
            for (key, value) in op.iter_mut() {
                match key.as_str() {
                    "requestBody" => bodies.push(value),
                    "responses" => bodies.extend(
                        value
                            .as_object_mut()
                            .into_iter()
                            .flat_map(|r| r.values_mut()),
                    ),
                    _ => {}
                }
            }
            for holder in bodies {
                for media in holder
                    .get_mut("content")
                    .and_then(Value::as_object_mut)
                    .into_iter()
                    .flat_map(|c| c.values_mut())
                {
                    wrap(media.get_mut("schema"), is_nullable_ref);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nullability_moves_to_every_use() {
        let mut doc = json!({
            "components": {"schemas": {
                "Model": {"nullable": true, "anyOf": [{"type": "string"}, {"type": "integer"}]},
                "Either": {"oneOf": [{"$ref": "#/components/schemas/Model"}, {"type": "boolean"}]},
                "User": {"type": "object", "properties": {"e": {"$ref": "#/components/schemas/Either"}}},
                "Holder": {"type": "object", "properties": {
                    "model": {"$ref": "#/components/schemas/Model", "description": "d"},
                    "list": {"type": "array", "items": {"$ref": "#/components/schemas/Model"}},
                    "either": {"oneOf": [{"$ref": "#/components/schemas/Model"}, {"type": "boolean"}]},
                    "merged": {"allOf": [{"$ref": "#/components/schemas/Model"}, {"type": "object"}]}
                }}
            }},
            "paths": {"/a": {"get": {"responses": {"200": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Model"}}}}}}}}
        });
        run(&mut doc, &mut Context::new("ApiError")).unwrap();
        let schemas = &doc["components"]["schemas"];
        assert!(schemas["Model"].get("nullable").is_none());
        // A union component with a nullable branch: its uses admit null.
        assert!(schemas["Either"].get("nullable").is_none());
        assert_eq!(schemas["User"]["properties"]["e"]["nullable"], true);
        let wrapped = json!({"allOf": [{"$ref": "#/components/schemas/Model"}], "nullable": true});
        let props = &schemas["Holder"]["properties"];
        assert_eq!(
            props["model"],
            json!({"allOf": [{"$ref": "#/components/schemas/Model"}], "nullable": true, "description": "d"})
        );
        assert_eq!(props["list"]["items"], wrapped);
        assert_eq!(props["either"]["nullable"], true);
        assert!(props["merged"].get("nullable").is_none());
        assert_eq!(
            doc["paths"]["/a"]["get"]["responses"]["200"]["content"]["application/json"]["schema"],
            wrapped
        );
    }
}
