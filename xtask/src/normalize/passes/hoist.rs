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
use crate::normalize::names::{
    is_generic, is_reserved, pascal_case, singular, unreserved, RESERVED,
};
use crate::normalize::pointer::walk_mut_refs;
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
    /// every component name in use, authored or hoisted, as Rust spells it:
    /// a hoisted `CheckSuite` beside an authored `check-suite` would be one
    /// type defined twice (E0428; GitHub Enterprise's descriptions)
    taken: BTreeSet<String>,
    /// hoisted schemas, in the order they were named
    hoisted: Vec<(String, Value)>,
    /// resource names (`Team`, `Post`) kept for the resources' entities
    entity_nouns: BTreeSet<String>,
    /// names pinned with `x-social-clients-name` anywhere in the document:
    /// no other schema may take them, whichever is visited first
    pinned: BTreeSet<String>,
    /// hoisted names given up for a pinned one (the shape was named before
    /// its pinned use was visited); references are rewritten at the end
    renamed: BTreeMap<String, String>,
}

impl Registry {
    /// The component for `schema`: an existing one of the same shape, or a
    /// new one under the first free candidate name.
    /// Only an `entity` may take a resource's name.
    fn component_for(&mut self, schema: Value, candidates: &[String], entity: bool) -> String {
        let shape = shape_key(&schema);
        if let Some(name) = self.by_shape.get(&shape).cloned() {
            return self.prefer_pinned(name, candidates, &shape);
        }
        let free = |c: &String| {
            !self.taken.contains(&pascal_case(c))
                && (entity || !self.entity_nouns.contains(c))
                && (!self.pinned.contains(c) || candidates.len() == 1 && candidates[0] == *c)
        };
        let name = candidates
            .iter()
            .find(|c| free(c))
            .cloned()
            .unwrap_or_else(|| {
                let base = &candidates[0];
                (2..)
                    .map(|i| format!("{base}{i}"))
                    .find(|c| free(c))
                    .expect("an unbounded range always yields a free name")
            });
        self.taken.insert(pascal_case(&name));
        self.by_shape.insert(shape, name.clone());
        self.hoisted.push((name.clone(), schema));
        name
    }

    /// A pinned use of a shape already hoisted under a derived name renames
    /// that component, so the pin holds wherever the shape is met first.
    fn prefer_pinned(&mut self, name: String, candidates: &[String], shape: &str) -> String {
        let [wanted] = candidates else {
            return name;
        };
        if *wanted == name
            || !self.pinned.contains(wanted)
            || self.taken.contains(&pascal_case(wanted))
        {
            return name;
        }
        let Some(entry) = self.hoisted.iter_mut().find(|(n, _)| *n == name) else {
            return name; // an authored component keeps its own name
        };
        entry.0 = wanted.clone();
        self.taken.remove(&pascal_case(&name));
        self.taken.insert(pascal_case(wanted));
        self.by_shape.insert(shape.to_string(), wanted.clone());
        self.renamed.insert(name, wanted.clone());
        wanted.clone()
    }
}

/// Every name pinned with [`NAME_EXTENSION`] in `doc`.
fn pinned_names(doc: &Value) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    crate::normalize::pointer::walk(doc, &mut String::new(), &mut |_, v| {
        if let Some(name) = v.get(NAME_EXTENSION).and_then(Value::as_str) {
            names.insert(name.to_string());
        }
    });
    names
}

fn run(doc: &mut Value, ctx: &mut Context) -> Result<(), NormalizeError> {
    let mut schemas: Map<String, Value> = doc
        .pointer_mut("/components/schemas")
        .map(Value::take)
        .and_then(|v| match v {
            Value::Object(m) => Some(m),
            _ => None,
        })
        .unwrap_or_default();
    rename_reserved(doc, &mut schemas);
    for (old, new) in rename_same_in_rust(doc, &mut schemas) {
        ctx.warn(
            PASS.name,
            format!(
                "/components/schemas/{}",
                crate::normalize::pointer::escape(&old)
            ),
            format!(
                "`{old}` is the Rust type `{}` like another component: renamed `{new}`",
                pascal_case(&old)
            ),
        );
    }
    // Reserved names count as taken, so hoisting never picks them.
    let mut reg = Registry {
        taken: schemas
            .keys()
            .map(String::as_str)
            .chain(RESERVED.iter().copied())
            .map(pascal_case)
            .collect(),
        pinned: pinned_names(doc),
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

    let paths: Vec<String> = doc
        .get("paths")
        .and_then(Value::as_object)
        .map(|p| p.keys().cloned().collect())
        .unwrap_or_default();
    reg.entity_nouns = paths
        .iter()
        .filter_map(|p| resource_noun(p, &paths))
        .map(|r| r.noun)
        .collect();
    // Two rounds: entities first, so a resource's name (`Team`) goes to the
    // resource rather than to whichever `team` property is visited first;
    // then everything else.
    for entities_only in [true, false] {
        for_each_operation(doc, |path, method, op| {
            let op_name = pascal_case(op["operationId"].as_str().unwrap_or_default());
            let resource = resource_noun(path, &paths);
            let responses = op.get_mut("responses").and_then(Value::as_object_mut);
            for (code, response) in responses.into_iter().flatten() {
                let Some(schema) = response.pointer_mut("/content/application~1json/schema") else {
                    continue;
                };
                let success = code.starts_with('2') || code == "default";
                match (&resource, success, entities_only) {
                    (Some(resource), true, true) => {
                        hoist_entity(schema, method, resource, &op_name, &mut reg)
                    }
                    (_, _, true) => {}
                    (_, true, false) => hoist(schema, &[format!("{op_name}Response")], &mut reg),
                    (_, false, false) => hoist(schema, &[format!("{op_name}Error")], &mut reg),
                }
            }
            if entities_only {
                return Ok(());
            }
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
            Ok(())
        })?;
    }

    let renamed = std::mem::take(&mut reg.renamed);
    // What `shared-names` may rename: names this pass chose, not pinned ones.
    ctx.hoisted = reg
        .hoisted
        .iter()
        .map(|(name, _)| name.clone())
        .filter(|name| !reg.pinned.contains(name))
        .collect();
    for (name, schema) in reg.hoisted {
        schemas.insert(name, schema);
    }
    if !renamed.is_empty() {
        let rewrite = &mut |r: &mut String| {
            let Some(old) = r.strip_prefix("#/components/schemas/") else {
                return;
            };
            if let Some(new) = renamed.get(old) {
                *r = format!("#/components/schemas/{new}");
            }
        };
        walk_mut_refs(doc, rewrite);
        for schema in schemas.values_mut() {
            walk_mut_refs(schema, rewrite);
        }
    }
    // Taken above, the member holds `null` now: it gets the map back, or,
    // left empty, goes (an empty description's `schemas: {}` came out as
    // `schemas: null`, which the OpenAPI reader refuses).
    let had_member = doc.pointer("/components/schemas").is_some();
    if !schemas.is_empty() || had_member {
        let components = doc
            .as_object_mut()
            .expect("checked by run_passes")
            .entry("components")
            .or_insert_with(|| json!({}));
        components["schemas"] = Value::Object(schemas);
    }
    Ok(())
}

/// Renames authored components that Rust spells like an earlier one (AWS's
/// `Integer` and `__integer` are both the type `Integer`: E0428), the later
/// one to the first free `<Name>2`, `<Name>3`..., with every reference.
fn rename_same_in_rust(doc: &mut Value, schemas: &mut Map<String, Value>) -> Vec<(String, String)> {
    let mut seen = BTreeSet::new();
    let mut clashes = Vec::new();
    for name in schemas.keys() {
        if !seen.insert(pascal_case(name)) {
            clashes.push(name.clone());
        }
    }
    let mut renamed = Vec::new();
    for old in clashes {
        let base = pascal_case(&old);
        let new = (2..)
            .map(|i| format!("{base}{i}"))
            .find(|c| !seen.contains(&pascal_case(c)) && !schemas.contains_key(c))
            .expect("an unbounded range always yields a free name");
        seen.insert(pascal_case(&new));
        rename_component(doc, schemas, &old, &new);
        renamed.push((old, new));
    }
    renamed
}

/// Moves component `old` to `new` and points every reference there.
fn rename_component(doc: &mut Value, schemas: &mut Map<String, Value>, old: &str, new: &str) {
    let schema = schemas.remove(old).expect("a component of the document");
    schemas.insert(new.to_string(), schema);
    let (from, to) = (
        format!(
            "#/components/schemas/{}",
            crate::normalize::pointer::escape(old)
        ),
        format!("#/components/schemas/{new}"),
    );
    walk_mut_refs(doc, &mut |r| {
        if *r == from {
            r.clone_from(&to)
        }
    });
    for schema in schemas.values_mut() {
        walk_mut_refs(schema, &mut |r| {
            if *r == from {
                r.clone_from(&to)
            }
        });
    }
}

/// Renames authored components whose names generated code cannot use
/// (`Error` -> `ErrorBody`, `Default` -> `DefaultType`), with every reference.
fn rename_reserved(doc: &mut Value, schemas: &mut Map<String, Value>) {
    // `__string` is the type `String` in Rust too.
    let reserved: Vec<String> = schemas
        .keys()
        .filter(|n| is_reserved(n) || is_reserved(&pascal_case(n)))
        .cloned()
        .collect();
    for old in reserved {
        let mut new = unreserved(&pascal_case(&old));
        while schemas.contains_key(&new) {
            new.push('_');
        }
        rename_component(doc, schemas, &old, &new);
    }
}

/// Names the entity in a success body after the resource: the items of a
/// list (a bare array or an `{items: [...]}` envelope), or the body of an
/// item-path operation or a create (`POST` on the collection). Anything else
/// is left for the second round, which names it after the operation.
fn hoist_entity(
    schema: &mut Value,
    method: &str,
    resource: &Resource,
    op_name: &str,
    reg: &mut Registry,
) {
    let item = [resource.noun.clone(), format!("{op_name}ResponseItem")];
    if let Some(items) = schema.get_mut("items") {
        hoist_as(items, &item, reg, true);
        return;
    }
    let list = schema
        .get_mut("properties")
        .and_then(Value::as_object_mut)
        .and_then(|props| {
            ["items", "data", "results"]
                .iter()
                .find(|k| props.get(**k).is_some_and(|p| p.get("items").is_some()))
                .and_then(|k| props.get_mut(*k))
        });
    if let Some(items) = list.and_then(|l| l.get_mut("items")) {
        hoist_as(items, &item, reg, true);
    } else if resource.item_path || method == "post" {
        hoist_as(
            schema,
            &[resource.noun.clone(), format!("{op_name}Response")],
            reg,
            true,
        );
    }
}

/// What a path says about the resource it acts on.
struct Resource {
    noun: String,
    /// The path ends in `{param}`: it addresses one entity.
    item_path: bool,
}

/// The resource an operation acts on, when its path says so: the segment
/// before a trailing `{param}` (`/api/v1/comment/{id}` -> `Comment`), or the
/// last segment of a collection that also has an item path
/// (`/api/v1/comment/` when `/api/v1/comment/{id}` exists).
fn resource_noun(path: &str, paths: &[String]) -> Option<Resource> {
    let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    let is_param = |s: &str| s.starts_with('{');
    let (noun, item_path) = match segments.as_slice() {
        [.., noun, last] if is_param(last) && !is_param(noun) => (*noun, true),
        [.., last] if !is_param(last) => {
            let prefix = format!("{}/{{", path.trim_end_matches('/'));
            if !paths.iter().any(|p| p.starts_with(&prefix)) {
                return None;
            }
            (*last, false)
        }
        _ => return None,
    };
    Some(Resource {
        noun: pascal_case(&singular(noun)),
        item_path,
    })
}

/// Hoists `schema` itself (after its children) when it is worth a name.
fn hoist(schema: &mut Value, candidates: &[String], reg: &mut Registry) {
    hoist_as(schema, candidates, reg, false);
}

/// [`hoist`], where `entity` says whether the schema may take a resource's
/// name (its children never may).
fn hoist_as(schema: &mut Value, candidates: &[String], reg: &mut Registry, entity: bool) {
    if schema.get("$ref").is_some() {
        return;
    }
    if schema.get("type").and_then(Value::as_str) == Some("array") || schema.get("items").is_some()
    {
        if let Some(items) = schema.get_mut("items") {
            let singular: Vec<String> = candidates.iter().map(|c| item_name(c)).collect();
            hoist_as(items, &singular, reg, entity);
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
    let name = reg.component_for(schema.take(), &candidates, entity);
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

    #[test]
    fn an_empty_schemas_map_stays_a_map() {
        let mut doc = json!({"paths": {"/a": {"get": {"responses": {"default": {"description": "d"}}}}},
                             "components": {"schemas": {}}});
        run(&mut doc, &mut Context::new("ApiError")).unwrap();
        assert_eq!(doc["components"]["schemas"], json!({}));
    }

    fn schema_names(doc: &Value) -> Vec<String> {
        doc["components"]["schemas"]
            .as_object()
            .unwrap()
            .keys()
            .cloned()
            .collect()
    }

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
    fn authored_components_rust_spells_the_same_are_told_apart() {
        let doc = run_on(json!({
            "paths": {"/a": {"get": op("a", json!({"$ref": "#/components/schemas/__integer"}))}},
            "components": {"schemas": {
                "Integer": {"type": "integer"},
                "__integer": {"type": "object", "properties": {"n": {"$ref": "#/components/schemas/Integer"}}}
            }}
        }));
        let names = schema_names(&doc);
        assert!(
            names.contains(&"Integer".to_string()) && names.contains(&"Integer2".to_string()),
            "{names:?}"
        );
        let response =
            &doc["paths"]["/a"]["get"]["responses"]["200"]["content"]["application/json"]["schema"];
        assert_eq!(response["$ref"], "#/components/schemas/Integer2");
    }

    #[test]
    fn a_component_rust_spells_like_a_prelude_type_is_renamed() {
        let doc = run_on(json!({"paths": {}, "components": {"schemas": {
            "String": {"type": "string"},
            "__string": {"type": "string", "maxLength": 3}
        }}}));
        let names = schema_names(&doc);
        assert!(
            !names.iter().any(|n| pascal_case(n) == "String"),
            "{names:?}"
        );
    }

    #[test]
    fn a_hoisted_name_never_spells_an_authored_one_in_rust() {
        // `check-suite` is `CheckSuite` in Rust: the inline object may not
        // take that name too.
        let doc = run_on(json!({
            "paths": {"/a": {"get": op("a", json!({"type": "object", "properties": {
                "check_suite": {"type": "object", "properties": {"id": {"type": "integer"}, "status": {"type": "string"}}}
            }}))}},
            "components": {"schemas": {"check-suite": {"type": "object", "properties": {"id": {"type": "integer"}}}}}
        }));
        let names = schema_names(&doc);
        assert!(!names.contains(&"CheckSuite".to_string()), "{names:?}");
        assert!(names.contains(&"check-suite".to_string()));
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
        let names = schema_names(&doc);
        assert_eq!(
            names,
            ["AResponse", "Owner", "User", "Viewer", "ViewerUser"]
        );
    }

    #[test]
    fn a_resource_entity_is_named_after_the_resource() {
        let comment = json!({"type": "object", "properties": {"id": {"type": "string"}, "text": {"type": "string"}}});
        let doc = run_on(json!({"paths": {
            "/api/v1/comments/": {
                "get": op("comment_get_list", json!({"type": "object", "properties": {"items": {"type": "array", "items": comment.clone()}, "total": {"type": "integer"}}})),
                "post": op("comment_create", comment.clone())
            },
            "/api/v1/comments/{id}": {"get": op("comment_get", comment.clone())},
            "/api/v1/health": {"get": op("app_get_health", json!({"type": "object", "properties": {"ok": {"type": "boolean"}}}))}
        }}));
        let names = schema_names(&doc);
        assert_eq!(
            names,
            ["AppGetHealthResponse", "Comment", "CommentGetListResponse"]
        );
    }

    #[test]
    fn the_resource_gets_its_name_before_a_property_of_another_shape() {
        let doc = run_on(json!({"paths": {
            "/api/v1/org": {"get": op("org_get", json!({"type": "object", "properties": {
                "team": {"type": "object", "properties": {"id": {"type": "string"}}}
            }}))},
            "/api/v1/team/{id}": {"get": op("team_get", json!({"type": "object", "properties": {
                "id": {"type": "string"}, "name": {"type": "string"}
            }}))}
        }}));
        assert_eq!(
            doc["paths"]["/api/v1/team/{id}"]["get"]["responses"]["200"]["content"]
                ["application/json"]["schema"]["$ref"],
            "#/components/schemas/Team"
        );
        assert_eq!(
            doc["components"]["schemas"]["OrgGetResponse"]["properties"]["team"]["$ref"],
            "#/components/schemas/OrgGetResponseTeam"
        );
    }

    #[test]
    fn a_non_list_read_of_a_collection_is_not_the_entity() {
        let doc = run_on(json!({"paths": {
            "/imports/": {"get": op("import_status", json!({"type": "object", "properties": {"busy": {"type": "boolean"}}}))},
            "/imports/{id}": {"get": op("import_get", json!({"type": "object", "properties": {"id": {"type": "string"}}}))}
        }}));
        let names = schema_names(&doc);
        assert_eq!(names, ["Import", "ImportStatusResponse"]);
    }

    #[test]
    fn resource_nouns_come_from_item_and_collection_paths() {
        let paths = vec![
            "/api/v1/post/".to_string(),
            "/api/v1/post/{id}".to_string(),
            "/api/v1/analytics/post".to_string(),
        ];
        let noun = |p: &str| resource_noun(p, &paths).map(|r| (r.noun, r.item_path));
        assert_eq!(noun("/api/v1/post/{id}"), Some(("Post".into(), true)));
        assert_eq!(noun("/api/v1/post/"), Some(("Post".into(), false)));
        assert_eq!(noun("/api/v1/analytics/post"), None);
        assert_eq!(noun("/api/v1/social-accounts/{a}/{b}"), None);
        assert_eq!(
            noun("/social-accounts/{accountId}"),
            Some(("SocialAccount".into(), true))
        );
    }

    #[test]
    fn reserved_names_are_never_used() {
        let doc = run_on(json!({
            "paths": {"/a": {"get": op("a", json!({"type": "object", "properties": {
                "default": {"type": "object", "properties": {"url": {"type": "string"}}},
                "failure": {"$ref": "#/components/schemas/Error"}
            }}))}},
            "components": {"schemas": {"Error": {"type": "object", "properties": {"m": {"type": "string"}}}}}
        }));
        let schemas = doc["components"]["schemas"].as_object().unwrap();
        let names: Vec<_> = schemas.keys().map(String::as_str).collect();
        assert_eq!(names, ["AResponse", "AResponseDefault", "ErrorBody"]);
        assert_eq!(
            schemas["AResponse"]["properties"]["failure"]["$ref"],
            "#/components/schemas/ErrorBody"
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
    fn a_pinned_name_holds_where_the_shape_is_met_first_and_is_kept_from_others() {
        let platform = json!({"type": "string", "enum": ["A", "B"]});
        let mut pinned = platform.clone();
        pinned[NAME_EXTENSION] = json!("Platform");
        let doc = run_on(json!({"paths": {
            "/a": {"get": op("a", json!({"type": "object", "properties": {
                "kind": platform,
                "platform": {"type": "string", "enum": ["C"]}
            }}))},
            "/b": {"get": op("b", json!({"type": "object", "properties": {"kind": pinned}}))}
        }}));
        let schemas = &doc["components"]["schemas"];
        assert_eq!(schemas["Platform"]["enum"], json!(["A", "B"]));
        assert!(schemas.get("Kind").is_none(), "{schemas}");
        assert_eq!(
            schemas["AResponse"]["properties"]["kind"]["$ref"],
            "#/components/schemas/Platform"
        );
        assert_eq!(
            schemas["BResponse"]["properties"]["kind"]["$ref"],
            "#/components/schemas/Platform"
        );
        let other = schemas["AResponse"]["properties"]["platform"]["$ref"]
            .as_str()
            .unwrap();
        assert_ne!(other, "#/components/schemas/Platform");
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

        assert_eq!(schema_names(&before), schema_names(&after));
    }
}
