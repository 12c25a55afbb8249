//! JSON Schema forms that OpenAPI 3.0's schema dialect lacks, in every
//! description: 3.1 allows them, and real 3.0 and 2.0 descriptions use them
//! anyway (Slack's writes `type: "null"` and draft-4 tuple `items`).
//!
//! Every rewrite keeps what a value may be: `type: [T, "null"]` and a
//! `{type: "null"}` branch of a union become `nullable`, `const` a one-value
//! `enum`, numeric `exclusiveMinimum` the 3.0 pair, `examples` one
//! `example`, tuple `items`/`prefixItems` one item schema (any of them),
//! `contentMediaType`/`contentEncoding` the 3.0 binary formats, and a `$ref`
//! with siblings that change the schema an `allOf` wrapper (3.0 ignores a
//! `$ref`'s siblings, so `nullable` beside one was lost). Only schemas are
//! rewritten (see [`crate::normalize::schemas`]); property names and example
//! data are left alone.

use serde_json::{json, Map, Value};

use crate::normalize::docs::append_sentence;
use crate::normalize::schemas::for_each_schema;
use crate::normalize::{Context, NormalizeError, Pass};

pub const PASS: Pass = Pass {
    name: "json-schema",
    what:
        "rewrite JSON Schema forms 3.0 lacks (type lists, type null, const, tuples, $ref siblings)",
    essential: true,
    run,
};

/// Siblings of `$ref` that only document it; anything else changes the
/// schema and needs the `allOf` form.
const DOC_ONLY: [&str; 5] = ["description", "summary", "title", "$comment", "deprecated"];

fn run(doc: &mut Value, _: &mut Context) -> Result<(), NormalizeError> {
    for_each_schema(doc, &mut |_, schema| {
        title(schema);
        const_union(schema);
        rewrite(schema);
    });
    Ok(())
}

/// JSON Schema's boolean schemas, which OpenAPI 3.0's reader refuses ("invalid
/// type: boolean, expected struct Schema"): `true` (anything) becomes `{}`;
/// a property that is `false` (it must not be there) is left out, and so is
/// a `false` branch of a union; `items: false` (no items) becomes
/// `maxItems: 0`. Codat's and Vercel's descriptions have such properties.
fn boolean_subschemas(schema: &mut Map<String, Value>) {
    if let Some(Value::Object(properties)) = schema.get_mut("properties") {
        properties.retain(|_, p| *p != Value::Bool(false));
        for property in properties.values_mut().filter(|p| p.is_boolean()) {
            *property = json!({});
        }
    }
    for key in ["allOf", "anyOf", "oneOf"] {
        if let Some(Value::Array(branches)) = schema.get_mut(key) {
            branches.retain(|b| *b != Value::Bool(false));
            for branch in branches.iter_mut().filter(|b| b.is_boolean()) {
                *branch = json!({});
            }
        }
    }
    match schema.get("items") {
        Some(Value::Bool(true)) => {
            schema.insert("items".into(), json!({}));
        }
        Some(Value::Bool(false)) => {
            schema.insert("items".into(), json!({}));
            schema.insert("maxItems".into(), json!(0));
        }
        _ => {}
    }
    if let Some(Value::Bool(_)) = schema.get("not") {
        schema.remove("not");
    }
}

/// typify names an inline schema, and the inner type of a nullable
/// component, after its `title`, so Box's `File--Full` (titled `File`)
/// becomes a second Rust type `File`. Names come from component keys and the
/// hoist pass; a title is documentation.
fn title(schema: &mut Map<String, Value>) {
    if let Some(title) = schema.remove("title") {
        if !schema.contains_key("description") {
            schema.insert("description".into(), title);
        }
    }
}

/// The value and title of a union branch that admits exactly one value
/// (`{const: 1, title: "JOIN"}` or `{enum: ["a"]}`).
fn single_value(branch: &Value) -> Option<(Value, Option<String>)> {
    let map = branch.as_object()?;
    let only_doc = map.keys().all(|k| {
        matches!(k.as_str(), "const" | "enum" | "type" | "format")
            || DOC_ONLY.contains(&k.as_str())
            || k.starts_with("x-")
    });
    if !only_doc {
        return None;
    }
    let value = match (map.get("const"), map.get("enum").and_then(Value::as_array)) {
        (Some(v), None) => v.clone(),
        (None, Some(values)) if values.len() == 1 => values[0].clone(),
        _ => return None,
    };
    let title = map.get("title").and_then(Value::as_str).map(str::to_owned);
    (value.is_string() || value.is_number()).then_some((value, title))
}

/// `oneOf: [{const: 1, title: JOIN}, {const: 2, title: SPECTATE}]` (Discord's
/// integer enums) -> one schema: a string enum keeps its values (and an
/// open enum decodes new ones); an integer one becomes a plain integer with
/// the named values documented, so a value added later still decodes.
fn const_union(schema: &mut Map<String, Value>) {
    for key in ["oneOf", "anyOf"] {
        let Some(branches) = schema.get(key).and_then(Value::as_array) else {
            continue;
        };
        let Some(values) = branches
            .iter()
            .map(single_value)
            .collect::<Option<Vec<_>>>()
        else {
            continue;
        };
        if values.is_empty() {
            continue;
        }
        schema.remove(key);
        if values.iter().all(|(v, _)| v.is_string()) {
            schema.insert("type".into(), json!("string"));
            schema.insert(
                "enum".into(),
                values.iter().map(|(v, _)| v.clone()).collect(),
            );
            return;
        }
        let integer = values.iter().all(|(v, _)| v.is_i64() || v.is_u64());
        schema.insert(
            "type".into(),
            json!(if integer { "integer" } else { "number" }),
        );
        let listed: Vec<String> = values
            .iter()
            .map(|(v, title)| match title {
                Some(t) => format!("`{v}` ({t})"),
                None => format!("`{v}`"),
            })
            .collect();
        append_sentence(schema, &format!("One of {}.", listed.join(", ")));
        return;
    }
}

/// Rewrites one schema's own keywords (its subschemas are visited next).
fn rewrite(schema: &mut Map<String, Value>) {
    boolean_subschemas(schema);
    ref_with_siblings(schema);
    tuple_items(schema);
    type_list(schema);
    if let Some(constant) = schema.remove("const") {
        if constant.is_null() {
            schema.insert("nullable".into(), json!(true));
        }
        schema.insert("enum".into(), json!([constant]));
    }
    null_branches(schema);
    // `{enum: ["channel"], allOf: [{$ref: AllTypes}]}` narrows a shared
    // enum; the `enum` already lists every valid value, and typify crashes
    // on the pair.
    if schema.contains_key("enum") {
        schema.remove("allOf");
    }
    doc_only_all_of_parts(schema);
    // typify makes `anyOf` a struct of flattened optional parts, which
    // cannot decode a plain value (OpenAI's `model: anyOf [string, enum]`
    // rejects "gpt-4o"); as `oneOf` it is an untagged enum that takes the
    // first branch a value matches, which is what "any of" admits.
    if !schema.contains_key("oneOf") {
        if let Some(any) = schema.remove("anyOf") {
            schema.insert("oneOf".into(), any);
        }
    }
    // `{items: X}` without a type describes a list (Slack's); typify reads
    // `items` only on an array.
    if schema.contains_key("items")
        && !schema.contains_key("type")
        && !schema.contains_key("oneOf")
        && !schema.contains_key("anyOf")
    {
        schema.insert("type".into(), json!("array"));
    }
    // `{type: object, oneOf: [$ref, $ref]}` (Box): the branches carry the
    // type, and typify generates the union twice when it is restated.
    let union = schema.contains_key("oneOf") || schema.contains_key("anyOf");
    if union
        && !schema.contains_key("properties")
        && schema.get("type").is_some_and(Value::is_string)
    {
        schema.remove("type");
    }
    for (bound, exclusive) in [
        ("minimum", "exclusiveMinimum"),
        ("maximum", "exclusiveMaximum"),
    ] {
        if let Some(n) = schema.get(exclusive).filter(|v| v.is_number()).cloned() {
            schema.insert(bound.into(), n);
            schema.insert(exclusive.into(), json!(true));
        }
    }
    if let Some(Value::Array(examples)) = schema.remove("examples") {
        if let Some(first) = examples.into_iter().next() {
            schema.entry("example").or_insert(first);
        }
    }
    content_encoding(schema);
    schema.remove("$schema");
    schema.remove("$id");
}

/// Draft-4 tuple `items: [A, B]` and 2020-12 `prefixItems` -> `items` that
/// accepts any of them (3.0 has no tuples; the union keeps every valid value
/// decodable).
fn tuple_items(schema: &mut Map<String, Value>) {
    let list = match schema.get("items") {
        Some(Value::Array(_)) => schema.remove("items"),
        None => schema.remove("prefixItems"),
        Some(_) => {
            schema.remove("prefixItems");
            None
        }
    };
    let Some(Value::Array(mut list)) = list else {
        return;
    };
    let items = match list.len() {
        0 => json!({}),
        1 => list.remove(0),
        _ => json!({ "anyOf": list }),
    };
    schema.insert("items".into(), items);
}

/// `allOf: [{$ref: Union}, {description: "..."}]` (Box): a part that only
/// documents constrains nothing, and typify merges it into a second copy of
/// the referenced type. Its documentation (and a `nullable`) moves to the
/// parent.
fn doc_only_all_of_parts(schema: &mut Map<String, Value>) {
    let Some(Value::Array(parts)) = schema.get("allOf") else {
        return;
    };
    let is_doc_only = |part: &Value| {
        part.as_object().is_some_and(|m| {
            !m.is_empty()
                && m.keys().all(|k| {
                    DOC_ONLY.contains(&k.as_str())
                        || k == "nullable"
                        || k == "example"
                        || k.starts_with("x-")
                })
        })
    };
    if parts.len() < 2 || !parts.iter().any(is_doc_only) {
        return;
    }
    let (doc, kept): (Vec<Value>, Vec<Value>) = parts.iter().cloned().partition(|p| is_doc_only(p));
    for part in doc {
        for (k, v) in part.as_object().into_iter().flatten() {
            schema.entry(k.clone()).or_insert_with(|| v.clone());
        }
    }
    schema.insert("allOf".into(), Value::Array(kept));
}

/// `{$ref, nullable: true, ...}` -> `{allOf: [{$ref}], nullable: true, ...}`.
fn ref_with_siblings(schema: &mut Map<String, Value>) {
    if !schema.contains_key("$ref") {
        return;
    }
    let changes_schema = schema
        .keys()
        .any(|k| k != "$ref" && !k.starts_with("x-") && !DOC_ONLY.contains(&k.as_str()));
    if changes_schema {
        let reference = schema.remove("$ref").expect("checked above");
        // A `type` beside a `$ref` only restates the target's.
        schema.remove("type");
        schema.insert("allOf".into(), json!([{ "$ref": reference }]));
    }
}

/// `type: [T, "null"]` -> `type: T, nullable: true`; several non-null types
/// become a `oneOf` of each; `type: "null"` alone accepts only null.
fn type_list(schema: &mut Map<String, Value>) {
    let types: Vec<Value> = match schema.get("type") {
        Some(Value::Array(types)) => types.clone(),
        Some(Value::String(t)) if t == "null" => vec![json!("null")],
        _ => return,
    };
    let non_null: Vec<Value> = types.iter().filter(|t| *t != "null").cloned().collect();
    if non_null.len() < types.len() {
        schema.insert("nullable".into(), json!(true));
    }
    match non_null.as_slice() {
        [one] => {
            schema.insert("type".into(), one.clone());
        }
        [] => {
            schema.remove("type");
        }
        many => {
            schema.remove("type");
            // Each branch takes the keywords that apply to its type, so
            // `{type: [object, array], items: X}` is an object or a list of
            // X, not a list of X either way.
            let variants = many
                .iter()
                .map(|t| {
                    let mut branch = Map::from_iter([("type".to_string(), t.clone())]);
                    for key in keywords_of(t.as_str().unwrap_or_default()) {
                        if let Some(v) = schema.get(*key) {
                            branch.insert((*key).to_string(), v.clone());
                        }
                    }
                    Value::Object(branch)
                })
                .collect();
            for t in many {
                for key in keywords_of(t.as_str().unwrap_or_default()) {
                    schema.remove(*key);
                }
            }
            schema.insert("oneOf".into(), Value::Array(variants));
        }
    }
}

/// The keywords that constrain only values of one JSON type.
fn keywords_of(kind: &str) -> &'static [&'static str] {
    match kind {
        "array" => &["items", "minItems", "maxItems", "uniqueItems"],
        "object" => &[
            "properties",
            "additionalProperties",
            "required",
            "minProperties",
            "maxProperties",
        ],
        "string" => &["format", "pattern", "minLength", "maxLength", "enum"],
        "integer" | "number" => &[
            "minimum",
            "maximum",
            "exclusiveMinimum",
            "exclusiveMaximum",
            "multipleOf",
        ],
        _ => &[],
    }
}

/// Whether a union branch accepts only null (`{type: "null"}`, already
/// rewritten to `{nullable: true}` with nothing else that constrains it).
fn is_null_only(branch: &Value) -> bool {
    let Some(map) = branch.as_object() else {
        return false;
    };
    let null_type = map.get("type").and_then(Value::as_str) == Some("null")
        || map.get("type").is_some_and(|t| t == &json!(["null"]))
        || map.get("enum").is_some_and(|e| e == &json!([null]))
        || map.get("const").is_some_and(Value::is_null);
    null_type
        && map.keys().all(|k| {
            matches!(k.as_str(), "type" | "enum" | "const" | "nullable")
                || DOC_ONLY.contains(&k.as_str())
                || k.starts_with("x-")
        })
}

/// `anyOf: [X, {type: "null"}]` -> X, nullable (through `allOf` for a
/// reference, merged for an inline schema that does not clash).
fn null_branches(schema: &mut Map<String, Value>) {
    for key in ["anyOf", "oneOf"] {
        let Some(Value::Array(branches)) = schema.get(key) else {
            continue;
        };
        if !branches.iter().any(is_null_only) {
            continue;
        }
        let rest: Vec<Value> = branches
            .iter()
            .filter(|b| !is_null_only(b))
            .cloned()
            .collect();
        schema.insert("nullable".into(), json!(true));
        match rest.as_slice() {
            [] => {
                schema.remove(key);
            }
            [one] => {
                schema.remove(key);
                let inline = one.as_object().filter(|m| !m.contains_key("$ref"));
                match inline {
                    Some(m)
                        if m.keys()
                            .all(|k| !schema.contains_key(k) || DOC_ONLY.contains(&k.as_str())) =>
                    {
                        for (k, v) in m {
                            schema.entry(k.clone()).or_insert_with(|| v.clone());
                        }
                    }
                    _ => {
                        let mut all = match schema.remove("allOf") {
                            Some(Value::Array(all)) => all,
                            _ => Vec::new(),
                        };
                        all.push(one.clone());
                        schema.insert("allOf".into(), Value::Array(all));
                    }
                }
            }
            _ => {
                schema.insert(key.into(), Value::Array(rest));
            }
        }
    }
}

/// 2020-12 describes binary content with `contentMediaType` and
/// `contentEncoding`; 3.0 with `format: binary` / `format: byte`.
fn content_encoding(schema: &mut Map<String, Value>) {
    let encoding = schema.remove("contentEncoding");
    let media = schema.remove("contentMediaType");
    schema.remove("contentSchema");
    if schema.get("type").and_then(Value::as_str) != Some("string") || schema.contains_key("format")
    {
        return;
    }
    match (encoding.as_ref().and_then(Value::as_str), media) {
        (Some("base64" | "base64url"), _) => {
            schema.insert("format".into(), json!("byte"));
        }
        (None, Some(_)) => {
            schema.insert("format".into(), json!("binary"));
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::passes::after_pass;

    #[test]
    fn nullable_const_exclusive_bounds_and_examples() {
        assert_eq!(
            after_pass(
                run,
                json!({"type": ["string", "null"], "const": "x", "exclusiveMinimum": 3, "examples": ["e1", "e2"]})
            ),
            json!({"type": "string", "nullable": true, "enum": ["x"], "minimum": 3, "exclusiveMinimum": true, "example": "e1"})
        );
    }

    #[test]
    fn a_null_branch_makes_the_union_nullable() {
        assert_eq!(
            after_pass(
                run,
                json!({"anyOf": [{"$ref": "#/components/schemas/B"}, {"type": "null"}], "description": "d"})
            ),
            json!({"allOf": [{"$ref": "#/components/schemas/B"}], "nullable": true, "description": "d"})
        );
        assert_eq!(
            after_pass(
                run,
                json!({"anyOf": [{"type": "string", "description": "s"}, {"type": "null"}], "description": "d"})
            ),
            json!({"type": "string", "nullable": true, "description": "d"})
        );
        assert_eq!(
            after_pass(
                run,
                json!({"oneOf": [{"type": "string"}, {"type": "integer"}, {"type": "null"}]})
            ),
            json!({"oneOf": [{"type": "string"}, {"type": "integer"}], "nullable": true})
        );
        assert_eq!(
            after_pass(run, json!({"type": "null"})),
            json!({"nullable": true})
        );
    }

    #[test]
    fn a_ref_with_schema_siblings_becomes_all_of() {
        assert_eq!(
            after_pass(
                run,
                json!({"$ref": "#/components/schemas/B", "nullable": true, "description": "d"})
            ),
            json!({"allOf": [{"$ref": "#/components/schemas/B"}], "nullable": true, "description": "d"})
        );
        // Documentation alone stays a plain reference.
        assert_eq!(
            after_pass(
                run,
                json!({"$ref": "#/components/schemas/B", "description": "d"})
            ),
            json!({"$ref": "#/components/schemas/B", "description": "d"})
        );
    }

    #[test]
    fn content_media_type_and_encoding_become_formats() {
        assert_eq!(
            after_pass(
                run,
                json!({"type": "object", "properties": {
                    "file": {"type": "string", "contentMediaType": "application/octet-stream"},
                    "data": {"type": "string", "contentEncoding": "base64"}
                }})
            ),
            json!({"type": "object", "properties": {
                "file": {"type": "string", "format": "binary"},
                "data": {"type": "string", "format": "byte"}
            }})
        );
    }

    #[test]
    fn property_names_and_examples_are_not_keywords() {
        let schema = json!({"type": "object", "properties": {"const": {"type": "string"}, "type": {"type": ["string", "null"]}},
            "example": {"const": 1, "type": ["a"]}});
        let out = after_pass(run, schema);
        assert_eq!(out["properties"]["const"], json!({"type": "string"}));
        assert_eq!(
            out["properties"]["type"],
            json!({"type": "string", "nullable": true})
        );
        assert_eq!(out["example"], json!({"const": 1, "type": ["a"]}));
    }

    #[test]
    fn unions_of_single_values_collapse() {
        assert_eq!(
            after_pass(
                run,
                json!({"type": "integer", "format": "int32", "oneOf": [
                {"title": "JOIN", "const": 1}, {"title": "SPECTATE", "const": 2}]})
            ),
            json!({"type": "integer", "format": "int32", "description": "One of `1` (JOIN), `2` (SPECTATE)."})
        );
        assert_eq!(
            after_pass(
                run,
                json!({"oneOf": [{"const": "a"}, {"enum": ["b"], "description": "B"}]})
            ),
            json!({"type": "string", "enum": ["a", "b"]})
        );
    }

    #[test]
    fn several_types_split_their_keywords() {
        assert_eq!(
            after_pass(
                run,
                json!({"type": ["object", "null", "array"], "items": {"type": "object"}})
            ),
            json!({"nullable": true, "oneOf": [{"type": "object"}, {"type": "array", "items": {"type": "object"}}]})
        );
        assert_eq!(
            after_pass(run, json!({"items": {"items": [{"type": "string"}]}})),
            json!({"type": "array", "items": {"type": "array", "items": {"type": "string"}}})
        );
    }

    #[test]
    fn documentation_only_all_of_parts_move_up() {
        assert_eq!(
            after_pass(
                run,
                json!({"allOf": [{"$ref": "#/components/schemas/U"}, {"description": "d", "nullable": true}]})
            ),
            json!({"allOf": [{"$ref": "#/components/schemas/U"}], "description": "d", "nullable": true})
        );
    }

    #[test]
    fn a_type_restated_beside_a_union_goes() {
        assert_eq!(
            after_pass(
                run,
                json!({"type": "object", "oneOf": [{"$ref": "#/components/schemas/B"}, {"$ref": "#/components/schemas/C"}]})
            ),
            json!({"oneOf": [{"$ref": "#/components/schemas/B"}, {"$ref": "#/components/schemas/C"}]})
        );
    }

    #[test]
    fn titles_become_documentation() {
        let out = after_pass(
            run,
            json!({"title": "Root", "type": "object", "properties": {
            "a": {"title": "File", "type": "string"},
            "b": {"title": "File", "description": "B", "type": "string"}}}),
        );
        assert_eq!(out["description"], "Root");
        assert_eq!(
            out["properties"]["a"],
            json!({"description": "File", "type": "string"})
        );
        assert_eq!(
            out["properties"]["b"],
            json!({"description": "B", "type": "string"})
        );
    }

    #[test]
    fn an_enum_narrowing_a_referenced_enum_keeps_its_values() {
        assert_eq!(
            after_pass(
                run,
                json!({"type": "string", "enum": ["channel"], "allOf": [{"$ref": "#/components/schemas/Kinds"}]})
            ),
            json!({"type": "string", "enum": ["channel"]})
        );
    }

    #[test]
    fn tuple_items_become_one_item_schema() {
        assert_eq!(
            after_pass(
                run,
                json!({"type": "array", "items": [{"$ref": "#/components/schemas/B"}, {"type": "null"}]})
            ),
            json!({"type": "array", "items": {"allOf": [{"$ref": "#/components/schemas/B"}], "nullable": true}})
        );
        assert_eq!(
            after_pass(
                run,
                json!({"type": "array", "prefixItems": [{"type": "string"}, {"type": "integer"}]})
            ),
            json!({"type": "array", "items": {"oneOf": [{"type": "string"}, {"type": "integer"}]}})
        );
    }

    #[test]
    fn boolean_subschemas_become_schemas_or_go() {
        let mut doc = json!({"components": {"schemas": {"A": {"type": "object", "properties": {
            "gone": false, "any": true, "list": {"type": "array", "items": false},
            "u": {"anyOf": [false, {"type": "string"}, true]}
        }}}}});
        run(&mut doc, &mut Context::new("ApiError")).unwrap();
        let a = &doc["components"]["schemas"]["A"]["properties"];
        assert!(a.get("gone").is_none());
        assert_eq!(a["any"], json!({}));
        assert_eq!(a["list"]["maxItems"], 0);
        // No boolean is left for the 3.0 reader (the union may collapse).
        assert!(!a["u"].to_string().contains("false"), "{}", a["u"]);
    }
}
