//! References into a schema, or into an operation.
//!
//! A `$ref` may point anywhere in the document (`#/components/schemas/
//! Address/definitions/addressType`, `#/paths/~1orders/post/responses/200/
//! content/application~1json/schema/properties/consignee`); typify only
//! follows `#/components/schemas/<name>` and stops at the others ("$ref
//! ... is missing", about twenty descriptions of the public OpenAPI
//! directory). Each schema such a reference points at moves to
//! `components/schemas` under a name made from where it was (its
//! position's last meaningful words), its old place and every reference to
//! it point there, so it is one type wherever it is used.

use std::collections::BTreeMap;

use serde_json::Value;

use crate::normalize::names::pascal_case;
use crate::normalize::pointer::{is_data_member, is_name_map, unescape, walk_pruned};
use crate::normalize::{Context, NormalizeError, Pass};

pub const PASS: Pass = Pass {
    name: "deep-refs",
    what: "move schemas that references point into (a schema's part, an operation's body) to components/schemas",
    essential: true,
    run,
};

/// Rounds of moving: a moved schema may hold references into itself or
/// into another deep place, found in the next round.
const MAX_ROUNDS: usize = 16;

/// An operation's method says nothing about what a schema is either.
const METHODS: [&str; 8] = [
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

/// Position words that say nothing about what a schema is.
const STRUCTURAL: [&str; 12] = [
    "properties",
    "items",
    "definitions",
    "$defs",
    "schema",
    "content",
    "allOf",
    "anyOf",
    "oneOf",
    "additionalProperties",
    "responses",
    "components",
];

fn run(doc: &mut Value, ctx: &mut Context) -> Result<(), NormalizeError> {
    for _ in 0..MAX_ROUNDS {
        let deep = deep_targets(doc);
        if deep.is_empty() {
            return Ok(());
        }
        // Every target of this round gets its component first, then one
        // walk rewrites all references to them.
        let mut moved = BTreeMap::new();
        for target in deep {
            let Some(schema) = doc.pointer(&target).cloned() else {
                continue;
            };
            let name = free_name(doc, &target);
            component_schemas(doc)?.insert(name.clone(), schema);
            moved.insert(format!("#{target}"), format!("#/components/schemas/{name}"));
            ctx.warn(
                PASS.name,
                target,
                format!("a reference points into this schema: it moved to `{name}`"),
            );
        }
        rewrite_refs(doc, &moved);
        for (from, to) in &moved {
            if let Some(slot) = doc.pointer_mut(&from[1..]) {
                *slot = serde_json::json!({ "$ref": to });
            }
        }
    }
    Err(NormalizeError::new(
        "",
        format!("references into schemas still found after {MAX_ROUNDS} rounds of moving them"),
    ))
}

/// `components/schemas`, made where it is missing.
fn component_schemas(
    doc: &mut Value,
) -> Result<&mut serde_json::Map<String, Value>, NormalizeError> {
    doc.as_object_mut()
        .map(|root| {
            root.entry("components")
                .or_insert_with(|| serde_json::json!({}))
        })
        .and_then(Value::as_object_mut)
        .map(|c| c.entry("schemas").or_insert_with(|| serde_json::json!({})))
        .and_then(Value::as_object_mut)
        .ok_or_else(|| {
            NormalizeError::new(
                "/components",
                "`components` and `components/schemas` must be objects",
            )
        })
}

/// The pointers (without `#`) that references point at, other than a
/// component schema itself; a target's ancestors before its descendants.
fn deep_targets(doc: &Value) -> Vec<String> {
    let mut targets = BTreeMap::new();
    walk_pruned(doc, &mut String::new(), &is_data_member, &mut |at, node| {
        if is_name_map(at) {
            return;
        }
        let Some(reference) = node.get("$ref").and_then(Value::as_str) else {
            return;
        };
        let Some(pointer) = reference.strip_prefix('#') else {
            return;
        };
        let tokens: Vec<&str> = pointer.split('/').skip(1).collect();
        let component = tokens.len() == 3 && tokens[0] == "components" && tokens[1] == "schemas";
        if !component && doc.pointer(pointer).is_some_and(Value::is_object) {
            targets.insert(pointer.to_string(), ());
        }
    });
    // Shortest first: a target inside another moves with it, and its own
    // pointer is read again in the next round.
    let mut list: Vec<String> = targets.into_keys().collect();
    list.sort_by_key(|p| p.len());
    let mut outermost: Vec<String> = Vec::new();
    for pointer in list {
        if !outermost
            .iter()
            .any(|o| pointer.starts_with(&format!("{o}/")))
        {
            outermost.push(pointer);
        }
    }
    outermost
}

/// A name from the target's last meaningful position words, free in
/// `components/schemas`.
fn free_name(doc: &Value, pointer: &str) -> String {
    let words: Vec<String> = pointer
        .split('/')
        .skip(1)
        .map(unescape)
        .filter_map(|t| {
            if t.contains('/') {
                // A path (`/orders/{id}`): its literal segments; a media
                // type (`application/json`) says nothing.
                let literal: Vec<&str> = t
                    .split('/')
                    .filter(|s| !s.is_empty() && !s.starts_with('{'))
                    .collect();
                return (t.starts_with('/') && !literal.is_empty()).then(|| literal.join("_"));
            }
            let meaningless = STRUCTURAL.contains(&t.as_str())
                || METHODS.contains(&t.as_str())
                || t.parse::<usize>().is_ok()
                || t == "paths";
            (!meaningless).then_some(t)
        })
        .collect();
    let start = words.len().saturating_sub(2);
    // Named like hoist's names: the same word splitting and casing.
    let base = if words.is_empty() {
        "Schema".to_string()
    } else {
        pascal_case(&words[start..].join(" "))
    };
    let taken = |name: &str| {
        doc.pointer("/components/schemas")
            .and_then(Value::as_object)
            .is_some_and(|s| s.contains_key(name))
    };
    let mut name = base.clone();
    let mut n = 2;
    while taken(&name) {
        name = format!("{base}{n}");
        n += 1;
    }
    name
}

/// Every `$ref` (outside data) to a moved schema, or into one, points to
/// its new place (a reference into it is moved on in the next round).
fn rewrite_refs(doc: &mut Value, moved: &BTreeMap<String, String>) {
    let mut sites = Vec::new();
    walk_pruned(doc, &mut String::new(), &is_data_member, &mut |at, node| {
        let Some(reference) = node.get("$ref").and_then(Value::as_str) else {
            return;
        };
        let relocated = moved.iter().find_map(|(from, to)| {
            if reference == from {
                Some(to.clone())
            } else {
                reference
                    .strip_prefix(from.as_str())
                    .filter(|rest| rest.starts_with('/'))
                    .map(|rest| format!("{to}{rest}"))
            }
        });
        if let Some(to) = relocated {
            sites.push((format!("{at}/$ref"), to));
        }
    });
    for (at, to) in sites {
        if let Some(slot) = doc.pointer_mut(&at) {
            *slot = Value::String(to);
        }
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn a_schema_a_reference_points_into_moves_to_components() {
        let mut doc = json!({
            "paths": {"/orders": {"post": {"responses": {"200": {"content": {"application/json": {"schema": {
                "type": "object", "properties": {"consignee": {"type": "object", "properties": {"name": {"type": "string"}}}}
            }}}}}}}},
            "components": {"schemas": {
                "Address": {"type": "object", "definitions": {"addressType": {"type": "string", "enum": ["home"]}},
                            "properties": {"type": {"$ref": "#/components/schemas/Address/definitions/addressType"}}},
                "Shipment": {"type": "object", "properties": {
                    "to": {"$ref": "#/paths/~1orders/post/responses/200/content/application~1json/schema/properties/consignee"}}}
            }}
        });
        let mut ctx = Context::new("ApiError");
        run(&mut doc, &mut ctx).unwrap();
        let schemas = &doc["components"]["schemas"];
        assert_eq!(
            schemas["AddressAddressType"],
            json!({"type": "string", "enum": ["home"]})
        );
        assert_eq!(
            schemas["Address"]["properties"]["type"]["$ref"],
            "#/components/schemas/AddressAddressType"
        );
        assert_eq!(
            schemas["Shipment"]["properties"]["to"]["$ref"],
            "#/components/schemas/OrdersConsignee"
        );
        assert_eq!(
            doc.pointer("/paths/~1orders/post/responses/200/content/application~1json/schema/properties/consignee/$ref")
                .unwrap(),
            "#/components/schemas/OrdersConsignee"
        );
        assert_eq!(ctx.warnings.len(), 2);
        // Nothing left to move.
        assert!(deep_targets(&doc).is_empty());
    }

    #[test]
    fn a_reference_into_a_moved_schema_follows_it() {
        let mut doc = json!({
            "paths": {"/systems": {"get": {"responses": {"200": {"content": {"application/json": {"schema": {
                "type": "object", "properties": {"data": {"type": "object", "properties": {"type": {"type": "string"}}}}
            }}}}}}}},
            "components": {"schemas": {
                "A": {"$ref": "#/paths/~1systems/get/responses/200/content/application~1json/schema/properties/data"},
                "B": {"$ref": "#/paths/~1systems/get/responses/200/content/application~1json/schema/properties/data/properties/type"}
            }}
        });
        run(&mut doc, &mut Context::new("ApiError")).unwrap();
        let b = doc["components"]["schemas"]["B"]["$ref"]
            .as_str()
            .unwrap()
            .to_string();
        assert!(
            b.starts_with("#/components/schemas/") && b.matches('/').count() == 3,
            "{b}"
        );
        assert!(crate::normalize::pointer::resolve(&doc, &b).is_some());
    }
}
