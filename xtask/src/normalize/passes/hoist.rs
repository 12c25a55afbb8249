//! Hoist inline schemas into named components.
//!
//! progenitor names an inline schema after the operation (`{OpId}Response`),
//! so the same `SocialAccount` shape inlined in thirty operations becomes
//! thirty Rust types, and an inline error body may be confused with an inline
//! success body registered under the same name. This pass gives every inline
//! object, enum and union a component of its own, named from its role, and
//! makes structurally equal schemas share one:
//!
//! - a property's schema is named after the property (`socialAccount` ->
//!   `SocialAccount`), or after its parent too when the property name is
//!   generic (`data`, `stats`, `metadata` -> `ChannelMetadata`) or taken;
//! - array items are named in the singular (`channels` -> `Channel`);
//! - request and success bodies are named after the operation
//!   (`{Op}Body`, `{Op}Response`);
//! - `x-social-clients-name` on a schema (in the source or set by an overlay)
//!   pins its name.
//!
//! Equality ignores documentation (see [`shape_key`]). A nullable use of a
//! hoisted schema becomes `allOf: [$ref], nullable: true`. Names depend only
//! on the document, visited in key order, so they are stable across runs.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{json, Map, Value};

use super::schema_shape::{is_plain_object, shape_key};
use crate::normalize::names::{is_generic, pascal_case, singular};
use crate::normalize::{for_each_operation, Context, NormalizeError, Pass};

pub const PASS: Pass = Pass {
    name: "hoist",
    what: "hoist inline objects, enums and unions into named components; share equal shapes",
    essential: false,
    run,
};

/// The extension that pins a hoisted schema's name.
pub const NAME_EXTENSION: &str = "x-social-clients-name";

#[derive(Default)]
struct Registry {
    /// shape -> component name
    by_shape: BTreeMap<String, String>,
    /// every component name in use, authored or hoisted
    taken: BTreeSet<String>,
    /// hoisted schemas, in the order they were named
    hoisted: Vec<(String, Value)>,
}

impl Registry {
    /// The component for `schema`: an existing one of the same shape, or a
    /// new one under the first free candidate name.
    fn component_for(&mut self, schema: Value, candidates: &[String]) -> String {
        let shape = shape_key(&schema);
        if let Some(name) = self.by_shape.get(&shape) {
            return name.clone();
        }
        let name = candidates
            .iter()
            .find(|c| !self.taken.contains(*c))
            .cloned()
            .unwrap_or_else(|| {
                let base = &candidates[0];
                (2..)
                    .map(|i| format!("{base}{i}"))
                    .find(|c| !self.taken.contains(c))
                    .expect("an unbounded range always yields a free name")
            });
        self.taken.insert(name.clone());
        self.by_shape.insert(shape, name.clone());
        self.hoisted.push((name.clone(), schema));
        name
    }
}

fn run(doc: &mut Value, _: &mut Context) -> Result<(), NormalizeError> {
    let mut schemas: Map<String, Value> = doc
        .pointer_mut("/components/schemas")
        .map(Value::take)
        .and_then(|v| match v {
            Value::Object(m) => Some(m),
            _ => None,
        })
        .unwrap_or_default();
    let mut reg = Registry {
        taken: schemas.keys().cloned().collect(),
        ..Registry::default()
    };

    // Authored components keep their names; their nested inline schemas are
    // hoisted under names derived from them. Their shapes are registered
    // before and after that, so an inline copy elsewhere (even one nested in
    // another component) resolves to the authored name.
    for (name, schema) in &schemas {
        reg.by_shape
            .entry(shape_key(schema))
            .or_insert_with(|| name.clone());
    }
    for (name, schema) in schemas.iter_mut() {
        hoist_children(schema, name, &mut reg);
    }
    for (name, schema) in &schemas {
        reg.by_shape
            .entry(shape_key(schema))
            .or_insert_with(|| name.clone());
    }

    for_each_operation(doc, |_, _, op| {
        let op_name = pascal_case(op["operationId"].as_str().unwrap_or_default());
        if let Some(params) = op.get_mut("parameters").and_then(Value::as_array_mut) {
            for param in params {
                let param_name = pascal_case(param["name"].as_str().unwrap_or_default());
                if let Some(schema) = param.get_mut("schema") {
                    hoist(
                        schema,
                        &[param_name.clone(), format!("{op_name}{param_name}")],
                        &mut reg,
                    );
                }
            }
        }
        if let Some(schema) = op.pointer_mut("/requestBody/content/application~1json/schema") {
            hoist(schema, &[format!("{op_name}Body")], &mut reg);
        }
        for (code, response) in op
            .get_mut("responses")
            .and_then(Value::as_object_mut)
            .into_iter()
            .flatten()
        {
            if let Some(schema) = response.pointer_mut("/content/application~1json/schema") {
                let role = if code.starts_with('2') || code == "default" {
                    "Response"
                } else {
                    "Error"
                };
                hoist(schema, &[format!("{op_name}{role}")], &mut reg);
            }
        }
        Ok(())
    })?;

    for (name, schema) in reg.hoisted {
        schemas.insert(name, schema);
    }
    if !schemas.is_empty() {
        let components = doc
            .as_object_mut()
            .expect("checked by run_passes")
            .entry("components")
            .or_insert_with(|| json!({}));
        components["schemas"] = Value::Object(schemas);
    }
    Ok(())
}

/// Hoists `schema` itself (after its children) when it is worth a name.
fn hoist(schema: &mut Value, candidates: &[String], reg: &mut Registry) {
    if schema.get("$ref").is_some() {
        return;
    }
    if schema.get("type").and_then(Value::as_str) == Some("array") || schema.get("items").is_some()
    {
        if let Some(items) = schema.get_mut("items") {
            let singular: Vec<String> = candidates.iter().map(|c| item_name(c)).collect();
            hoist(items, &singular, reg);
        }
        return;
    }
    let pinned = schema
        .as_object_mut()
        .and_then(|m| m.remove(NAME_EXTENSION))
        .and_then(|v| v.as_str().map(str::to_string));
    let parent = pinned.clone().unwrap_or_else(|| candidates[0].clone());
    hoist_children(schema, &parent, reg);
    if !worth_a_name(schema) {
        return;
    }
    let nullable = schema
        .as_object_mut()
        .and_then(|m| m.remove("nullable"))
        .is_some_and(|v| v == Value::Bool(true));
    let candidates: Vec<String> = match pinned {
        Some(name) => vec![name],
        None => candidates.to_vec(),
    };
    let name = reg.component_for(schema.take(), &candidates);
    let reference = json!({"$ref": format!("#/components/schemas/{name}")});
    *schema = if nullable {
        json!({"allOf": [reference], "nullable": true})
    } else {
        reference
    };
}

/// Hoists what `schema` contains: property schemas, additional-property
/// schemas and union members.
fn hoist_children(schema: &mut Value, parent: &str, reg: &mut Registry) {
    if let Some(props) = schema.get_mut("properties").and_then(Value::as_object_mut) {
        for (prop, sub) in props.iter_mut() {
            let own = pascal_case(prop);
            let qualified = format!("{parent}{own}");
            let candidates = if is_generic(prop) {
                vec![qualified]
            } else {
                vec![own, qualified]
            };
            hoist(sub, &candidates, reg);
        }
    }
    if let Some(additional) = schema
        .get_mut("additionalProperties")
        .filter(|a| a.is_object())
    {
        hoist(additional, &[format!("{parent}Value")], reg);
    }
    for (keyword, role) in [
        ("oneOf", "Variant"),
        ("anyOf", "Variant"),
        ("allOf", "Part"),
    ] {
        if let Some(members) = schema.get_mut(keyword).and_then(Value::as_array_mut) {
            for (i, member) in members.iter_mut().enumerate() {
                hoist(member, &[format!("{parent}{role}{i}")], reg);
            }
        }
    }
}

/// Objects with properties, string enums and unions get names; primitives,
/// arrays and free-form maps stay inline (they map to std types).
fn worth_a_name(schema: &Value) -> bool {
    is_plain_object(schema)
        || schema.get("enum").is_some()
        || ["oneOf", "anyOf"].iter().any(|k| schema.get(k).is_some())
}

/// The name for an array's items: the singular (`Channels` -> `Channel`), or
/// `…Item` when the word has no plural form to drop.
fn item_name(name: &str) -> String {
    let one = singular(name);
    if one == name {
        format!("{name}Item")
    } else {
        one
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run_on(mut doc: Value) -> Value {
        run(&mut doc, &mut Context::new("ApiError")).unwrap();
        doc
    }

    fn account() -> Value {
        json!({"type": "object", "required": ["id"], "properties": {
            "id": {"type": "string"},
            "type": {"type": "string", "enum": ["TIKTOK", "YOUTUBE"]},
            "channels": {"type": "array", "nullable": true, "items": {"type": "object", "properties": {
                "id": {"type": "string"},
                "metadata": {"type": "object", "nullable": true, "properties": {"allowImages": {"type": "boolean"}}}
            }}}
        }})
    }

    fn op(id: &str, response: Value) -> Value {
        json!({"operationId": id, "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": response}}}}})
    }

    #[test]
    fn equal_inline_schemas_share_one_readable_name() {
        let doc = run_on(json!({"paths": {
            "/a": {"get": op("account_get", json!({"type": "object", "properties": {"socialAccount": account()}}))},
            "/b": {"get": op("account_list", json!({"type": "array", "items": account()}))}
        }}));
        let schemas = doc["components"]["schemas"].as_object().unwrap();
        let names: Vec<_> = schemas.keys().map(String::as_str).collect();
        assert_eq!(
            names,
            [
                "AccountGetResponse",
                "Channel",
                "ChannelMetadata",
                "SocialAccount",
                "SocialAccountType"
            ]
        );
        assert_eq!(
            doc["paths"]["/b"]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
                ["items"]["$ref"],
            "#/components/schemas/SocialAccount"
        );
        // A nullable use keeps its nullability around the reference.
        assert_eq!(
            schemas["Channel"]["properties"]["metadata"],
            json!({"allOf": [{"$ref": "#/components/schemas/ChannelMetadata"}], "nullable": true})
        );
        assert!(schemas["ChannelMetadata"].get("nullable").is_none());
    }

    #[test]
    fn inline_copies_of_an_authored_component_use_it() {
        let doc = run_on(json!({
            "paths": {"/a": {"get": op("a", json!({"type": "object", "properties": {
                "platform": {"type": "string", "enum": ["TIKTOK", "YOUTUBE"], "description": "other words"}
            }}))}},
            "components": {"schemas": {"Platform": {"type": "string", "enum": ["TIKTOK", "YOUTUBE"]}}}
        }));
        assert_eq!(
            doc["components"]["schemas"]["AResponse"]["properties"]["platform"]["$ref"],
            "#/components/schemas/Platform"
        );
    }

    #[test]
    fn an_inline_copy_inside_another_component_uses_the_authored_one() {
        let doc = run_on(json!({
            "paths": {"/a": {"get": op("a", json!({"$ref": "#/components/schemas/Account"}))}},
            "components": {"schemas": {
                "Account": {"type": "object", "properties": {"method": {"type": "string", "nullable": true, "enum": ["A", "B"]}}},
                "Method": {"type": "string", "enum": ["A", "B"]}
            }}
        }));
        assert_eq!(
            doc["components"]["schemas"]["Account"]["properties"]["method"],
            json!({"allOf": [{"$ref": "#/components/schemas/Method"}], "nullable": true})
        );
    }

    #[test]
    fn different_shapes_under_one_name_are_qualified_by_parent() {
        let doc = run_on(
            json!({"paths": {"/a": {"get": op("a", json!({"type": "object", "properties": {
                "owner": {"type": "object", "properties": {"user": {"type": "object", "properties": {"a": {"type": "string"}}}}},
                "viewer": {"type": "object", "properties": {"user": {"type": "object", "properties": {"b": {"type": "string"}}}}}
            }}))}}}),
        );
        let names: Vec<_> = doc["components"]["schemas"]
            .as_object()
            .unwrap()
            .keys()
            .cloned()
            .collect();
        assert_eq!(
            names,
            ["AResponse", "Owner", "User", "Viewer", "ViewerUser"]
        );
    }

    #[test]
    fn a_pinned_name_wins() {
        let doc = run_on(json!({"paths": {"/a": {"get": op("a", json!({
            "type": "object", "x-social-clients-name": "Envelope", "properties": {"ok": {"type": "boolean"}}
        }))}}}));
        assert!(doc["components"]["schemas"].get("Envelope").is_some());
        assert!(doc["components"]["schemas"]["Envelope"]
            .get(NAME_EXTENSION)
            .is_none());
    }

    #[test]
    fn names_do_not_depend_on_unrelated_additions() {
        let base = json!({"paths": {
            "/a": {"get": op("a", json!({"type": "object", "properties": {"team": {"type": "object", "properties": {"id": {"type": "string"}}}}}))},
            "/b": {"get": op("b", json!({"type": "object", "properties": {"post": {"type": "object", "properties": {"id": {"type": "integer"}}}}}))}
        }});
        let mut changed = base.clone();
        changed["paths"]["/b"]["get"]["responses"]["200"]["content"]["application/json"]
            ["schema"]["properties"]["post"]["properties"]["title"] = json!({"type": "string"});
        let before = run_on(base);
        let after = run_on(changed);
        let names = |d: &Value| {
            d["components"]["schemas"]
                .as_object()
                .unwrap()
                .keys()
                .cloned()
                .collect::<Vec<_>>()
        };
        assert_eq!(names(&before), names(&after));
    }
}
