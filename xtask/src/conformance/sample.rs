//! A value valid for a schema: the schema's own example where it gives one,
//! otherwise the simplest value of its type and format. Prism validates the
//! requests built from these against the same spec.

use serde_json::{json, Map, Value};

use crate::normalize::pointer::{resolve, resolve_schema};
use crate::normalize::schemas::string_list;

/// Deep enough for every real body; deeper optional fields are left out and
/// deeper required ones get the simplest value, so recursive types end.
const MAX_DEPTH: usize = 8;

pub fn sample(doc: &Value, schema: &Value) -> Value {
    sample_marked(doc, schema).value
}

/// A sample and where in it the hostile-body tests can go further.
pub struct Sampled {
    pub value: Value,
    /// JSON pointers of enum values (where a value the spec does not list
    /// must still decode).
    pub enums: Vec<String>,
    /// JSON pointers of free-form maps (where an added key is data, not an
    /// unknown field).
    pub maps: Vec<String>,
}

pub fn sample_marked(doc: &Value, schema: &Value) -> Sampled {
    let mut sampler = Sampler {
        doc,
        enums: Vec::new(),
        maps: Vec::new(),
    };
    let value = sampler.value(schema, 0, "");
    Sampled {
        value,
        enums: sampler.enums,
        maps: sampler.maps,
    }
}

/// Whether a description's own example is usable: of the schema's type, one
/// of its listed values, with every required property and no property a
/// closed object does not name, and so on down its properties and items
/// (real descriptions' examples are sometimes older than their schemas:
/// Spotify's `uris` bodies, Box's metadata filters given as a list where the
/// schema has an object). Unions accept what fits any branch.
/// The formats the generated client parses (typify's `chrono` types): an
/// example whose timestamp does not parse would fail the client for keeping
/// the contract, wherever it is nested.
fn format_ok(schema: &Value, example: &Value) -> bool {
    let Some(text) = example.as_str() else {
        return true;
    };
    match schema.get("format").and_then(Value::as_str) {
        Some("date-time") => chrono::DateTime::parse_from_rfc3339(text).is_ok(),
        Some("date") => chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d").is_ok(),
        _ => true,
    }
}

pub fn fits(doc: &Value, example: &Value, schema: &Value) -> bool {
    fits_at(doc, example, schema, 0)
}

fn fits_at(doc: &Value, example: &Value, schema: &Value, depth: usize) -> bool {
    if depth > MAX_DEPTH * 4 {
        return true;
    }
    if let Some(r) = schema.get("$ref").and_then(Value::as_str) {
        return resolve(doc, r).is_none_or(|target| fits_at(doc, example, target, depth + 1));
    }
    if example.is_null() {
        // Whether null is allowed is the nullable/type list's business;
        // the passes have already made those explicit.
        return true;
    }
    for key in ["oneOf", "anyOf"] {
        if let Some(branches) = schema.get(key).and_then(Value::as_array) {
            if !branches.iter().any(|b| fits_at(doc, example, b, depth + 1)) {
                return false;
            }
        }
    }
    if let Some(parts) = schema.get("allOf").and_then(Value::as_array) {
        if !parts.iter().all(|p| fits_at(doc, example, p, depth + 1)) {
            return false;
        }
    }
    let kind_ok = match schema.get("type").and_then(Value::as_str) {
        Some("object") => example.is_object(),
        Some("array") => example.is_array(),
        Some("string") => example.is_string(),
        Some("integer") => example.is_i64() || example.is_u64(),
        Some("number") => example.is_number(),
        Some("boolean") => example.is_boolean(),
        _ => true,
    };
    let listed = schema
        .get("enum")
        .and_then(Value::as_array)
        .is_none_or(|values| values.contains(example));
    if !kind_ok || !listed || !format_ok(schema, example) {
        return false;
    }
    match example {
        Value::Object(fields) => {
            let required_ok = string_list(schema.get("required")).all(|r| fields.contains_key(r));
            let properties = schema.get("properties").and_then(Value::as_object);
            let closed = schema.get("additionalProperties") == Some(&Value::Bool(false));
            required_ok
                && fields
                    .iter()
                    .all(|(name, value)| match properties.and_then(|p| p.get(name)) {
                        Some(property) => fits_at(doc, value, property, depth + 1),
                        None => !closed,
                    })
        }
        Value::Array(values) => schema
            .get("items")
            .is_none_or(|items| values.iter().all(|v| fits_at(doc, v, items, depth + 1))),
        _ => true,
    }
}

struct Sampler<'a> {
    doc: &'a Value,
    enums: Vec<String>,
    maps: Vec<String>,
}

impl Sampler<'_> {
    fn value(&mut self, schema: &Value, depth: usize, at: &str) -> Value {
        let doc = self.doc;
        if let Some(r) = schema.get("$ref").and_then(Value::as_str) {
            return match resolve(doc, r) {
                Some(target) if depth < MAX_DEPTH * 2 => self.value(target, depth + 1, at),
                _ => Value::Null,
            };
        }
        // An example of a union may fit several branches (`"whisper-1"` is
        // both any string and the one listed model), which a validator of
        // `oneOf` refuses; the first branch's own sample fits it alone.
        let union = ["oneOf", "anyOf"].iter().any(|k| {
            schema
                .get(*k)
                .and_then(Value::as_array)
                .is_some_and(|b| b.len() > 1)
        });
        if let Some(example) = schema
            .get("example")
            .filter(|e| !union && fits(doc, e, schema))
        {
            return example.clone();
        }
        if let Some(first) = schema
            .get("enum")
            .and_then(Value::as_array)
            .and_then(|values| values.iter().find(|v| !v.is_null()))
        {
            if first.is_string() {
                self.enums.push(at.to_string());
            }
            return first.clone();
        }
        if let Some(parts) = schema.get("allOf").and_then(Value::as_array) {
            let mut merged = Map::new();
            for part in parts {
                match self.value(part, depth + 1, at) {
                    Value::Object(fields) => merged.extend(fields),
                    other if parts.len() == 1 => return other,
                    _ => {}
                }
            }
            return Value::Object(merged);
        }
        if let Some(variant) = required_variant(schema) {
            return self.value(&variant, depth, at);
        }
        for key in ["oneOf", "anyOf"] {
            if let Some(first) = schema
                .get(key)
                .and_then(Value::as_array)
                .and_then(|v| v.first())
            {
                return self.value(first, depth + 1, at);
            }
        }
        match kind(schema) {
            "string" => string(schema),
            "integer" => json!(number(schema, 1.0) as i64),
            "number" => json!(number(schema, 1.5)),
            "boolean" => json!(true),
            // An array that may not be empty gets its item further down,
            // as far as a `$ref` is followed (Discord's nested components).
            "array" => match schema.get("items") {
                Some(items)
                    if depth < MAX_DEPTH || (non_empty(schema) && depth < MAX_DEPTH * 2) =>
                {
                    let first = self.value(items, depth + 1, &format!("{at}/0"));
                    Value::Array(self.items(schema, items, first))
                }
                _ => json!([]),
            },
            "object" => self.object(schema, depth, at),
            _ if schema.get("nullable") == Some(&Value::Bool(true)) => Value::Null,
            // Any value: a string, the one kind every encoding (JSON, a form,
            // a query) can carry (Box's token revocation is a form).
            _ => json!("sample"),
        }
    }

    fn object(&mut self, schema: &Value, depth: usize, at: &str) -> Value {
        // A new key is data of the map's value type where there are no
        // properties, or where additionalProperties says what extra values are.
        let typed_extras = schema
            .get("additionalProperties")
            .and_then(Value::as_object)
            .is_some_and(|extra| !extra.is_empty());
        if schema.get("properties").is_none() || typed_extras {
            self.maps.push(at.to_string());
        }
        let required: Vec<&str> = string_list(schema.get("required")).collect();
        let mut out = Map::new();
        for (name, property) in schema
            .get("properties")
            .and_then(Value::as_object)
            .into_iter()
            .flatten()
        {
            // Optional fields too, so their serialization is exercised, until the
            // depth limit; required ones always.
            if depth < MAX_DEPTH || required.contains(&name.as_str()) {
                let here = format!("{at}/{}", crate::normalize::pointer::escape(name));
                out.insert(name.clone(), self.value(property, depth + 1, &here));
            }
        }
        // A required name the schema does not describe (Spotify's `uris`)
        // may hold any value, but must be there.
        for name in required {
            out.entry(name).or_insert(Value::Null);
        }
        // A map that must not be empty (Discord's `minProperties: 1`) gets
        // entries of its value type.
        let least = schema
            .get("minProperties")
            .and_then(Value::as_u64)
            .map_or(0, |n| n.min(MAX_REPEATS) as usize);
        let extra = match schema.get("additionalProperties") {
            Some(Value::Bool(false)) => None,
            Some(extra @ Value::Object(_)) => Some(extra),
            _ => Some(&Value::Null),
        };
        if let Some(extra) = extra {
            for n in 1.. {
                if out.len() >= least {
                    break;
                }
                let key = format!("key{n}");
                let value = match extra {
                    Value::Null => json!("sample"),
                    extra => self.value(extra, depth + 1, &format!("{at}/{key}")),
                };
                out.entry(key).or_insert(value);
            }
        }
        Value::Object(out)
    }

    /// An array's items: as many as `minItems` asks (at least one), each
    /// different from the others where `uniqueItems` asks (Discord's bulk
    /// delete wants two distinct message ids).
    fn items(&self, array: &Value, items: &Value, first: Value) -> Vec<Value> {
        let count = array
            .get("minItems")
            .and_then(Value::as_u64)
            .map_or(1, |n| n.clamp(1, MAX_REPEATS) as usize);
        let unique = array.get("uniqueItems") == Some(&Value::Bool(true));
        (0..count)
            .map(|i| {
                if unique {
                    distinct(self.doc, items, &first, i)
                } else {
                    first.clone()
                }
            })
            .collect()
    }
}

/// The schema's `type`, or `object` where it only lists properties (empty
/// where it says neither: any value).
pub fn kind(schema: &Value) -> &str {
    schema
        .get("type")
        .and_then(Value::as_str)
        .unwrap_or(if schema.get("properties").is_some() {
            "object"
        } else {
            ""
        })
}

/// An object whose `oneOf`/`anyOf` branches only say which of its own
/// properties are required (OpenAI: `vector_store_ids` or `vector_stores`):
/// the object as its first branch asks, without the properties only the
/// other branches require, so the sample fits that branch alone.
fn required_variant(schema: &Value) -> Option<Value> {
    let properties = schema.get("properties")?.as_object()?;
    let (key, branches) = ["oneOf", "anyOf"]
        .iter()
        .find_map(|k| Some((*k, schema.get(*k)?.as_array()?)))?;
    let constraint_only = |b: &Value| {
        b.as_object().is_some_and(|b| {
            b.contains_key("required")
                && b.keys()
                    .all(|k| matches!(k.as_str(), "required" | "title" | "description"))
        })
    };
    if branches.is_empty() || !branches.iter().all(constraint_only) {
        return None;
    }
    let names =
        |b: &Value| -> Vec<String> { string_list(b.get("required")).map(str::to_string).collect() };
    let chosen = names(&branches[0]);
    let others: Vec<String> = branches[1..]
        .iter()
        .flat_map(names)
        .filter(|n| !chosen.contains(n))
        .collect();
    let mut variant = schema.as_object()?.clone();
    variant.remove(key);
    variant.insert(
        "properties".into(),
        Value::Object(
            properties
                .iter()
                .filter(|(name, _)| !others.contains(name))
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect(),
        ),
    );
    let mut required = names(&Value::Object(variant.clone()));
    for name in chosen {
        if !required.contains(&name) {
            required.push(name);
        }
    }
    variant.insert("required".into(), json!(required));
    Some(Value::Object(variant))
}

/// Whether an array schema asks for at least one item.
fn non_empty(array: &Value) -> bool {
    array
        .get("minItems")
        .and_then(Value::as_u64)
        .is_some_and(|n| n > 0)
}

/// More items or entries than a schema's `minItems`/`minProperties` asks
/// for are never sampled (no real description asks for more).
const MAX_REPEATS: u64 = 16;

/// The `i`-th of several different values of `schema`, `first` being the
/// 0th: the next listed enum value, the next number, the next decimal
/// string (ids such as Discord's snowflakes), else `first` with a suffix.
pub fn distinct(doc: &Value, schema: &Value, first: &Value, i: usize) -> Value {
    if i == 0 {
        return first.clone();
    }
    let (schema, _) = resolve_schema(doc, schema);
    if let Some(values) = schema.get("enum").and_then(Value::as_array) {
        // Nothing but a listed value is valid: the first again where the
        // list is too short to differ.
        return values
            .iter()
            .filter(|v| !v.is_null())
            .nth(i)
            .unwrap_or(first)
            .clone();
    }
    match first {
        Value::Number(n) if n.is_i64() => json!(n.as_i64().unwrap_or(0).saturating_add(i as i64)),
        Value::Number(n) => json!(n.as_f64().unwrap_or(0.0) + i as f64),
        Value::String(s) => match s.parse::<u128>() {
            Ok(n) => json!(n.saturating_add(i as u128).to_string()),
            Err(_) => json!(format!("{s}{i}")),
        },
        other => other.clone(),
    }
}

fn string(schema: &Value) -> Value {
    let text = match schema.get("format").and_then(Value::as_str) {
        Some("date-time") => "2026-01-02T03:04:05Z",
        Some("date") => "2026-01-02",
        Some("uuid") => "3f2a8c4e-1b7d-4e2a-9c3f-5d6e7f8a9b0c",
        Some("email") => "someone@example.com",
        Some("uri" | "url") => "https://example.com/",
        Some("ipv4") => "192.0.2.1",
        Some("ipv6") => "2001:db8::1",
        Some("hostname") => "example.com",
        // Base64 of "sample": Prism checks the encoding.
        Some("byte") => "c2FtcGxl",
        _ => "sample",
    };
    json!(text)
}

fn number(schema: &Value, fallback: f64) -> f64 {
    let min = schema.get("minimum").and_then(Value::as_f64);
    let max = schema.get("maximum").and_then(Value::as_f64);
    match (min, max) {
        (Some(min), _) => min.max(fallback.min(max.unwrap_or(f64::MAX))),
        (None, Some(max)) => fallback.min(max),
        (None, None) => fallback,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn examples_enums_formats_and_bounds_are_respected() {
        let doc = json!({"components": {"schemas": {"Node": {
            "type": "object", "required": ["id"],
            "properties": {"id": {"type": "string", "format": "uuid"}, "next": {"$ref": "#/components/schemas/Node"}}
        }}}});
        let schema = json!({"type": "object", "properties": {
            "a": {"type": "string", "example": "given"},
            "b": {"type": "string", "enum": [null, "X", "Y"]},
            "c": {"type": "integer", "minimum": 5},
            "d": {"type": "number", "maximum": 1},
            "e": {"type": "array", "items": {"type": "string", "format": "date-time"}},
            "f": {"oneOf": [{"type": "boolean"}, {"type": "string"}]},
            "g": {"$ref": "#/components/schemas/Node"}
        }});
        let v = sample(&doc, &schema);
        assert_eq!(v["a"], "given");
        assert_eq!(v["b"], "X");
        assert_eq!(v["c"], 5);
        assert_eq!(v["d"], 1.0);
        assert_eq!(v["e"], json!(["2026-01-02T03:04:05Z"]));
        assert_eq!(v["f"], true);
        assert_eq!(v["g"]["id"], "3f2a8c4e-1b7d-4e2a-9c3f-5d6e7f8a9b0c");
        let marked = sample_marked(&doc, &schema);
        assert_eq!(marked.enums, ["/b"]);
        assert!(marked.maps.is_empty());
    }

    #[test]
    fn least_counts_and_distinct_items_are_respected() {
        let doc = json!({"components": {"schemas": {"Id": {
            "type": "string", "pattern": "^[0-9]+$", "example": "41"
        }}}});
        let schema = json!({"type": "object", "properties": {
            "ids": {"type": "array", "minItems": 3, "uniqueItems": true,
                    "items": {"$ref": "#/components/schemas/Id"}},
            "kinds": {"type": "array", "minItems": 2, "uniqueItems": true,
                      "items": {"type": "string", "enum": ["a", "b", "c"]}},
            "only": {"type": "array", "minItems": 2, "uniqueItems": true,
                     "items": {"type": "string", "enum": ["x"]}},
            "counts": {"type": "array", "minItems": 2, "uniqueItems": true,
                       "items": {"type": "integer", "minimum": 3}},
            "same": {"type": "array", "minItems": 2, "items": {"type": "boolean"}},
            "config": {"type": "object", "minProperties": 2,
                       "additionalProperties": {"type": "integer"}},
            "closed": {"type": "object", "minProperties": 1, "additionalProperties": false}
        }});
        let v = sample(&doc, &schema);
        assert_eq!(v["ids"], json!(["41", "42", "43"]));
        assert_eq!(v["kinds"], json!(["a", "b"]));
        assert_eq!(v["only"], json!(["x", "x"]));
        assert_eq!(v["counts"], json!([3, 4]));
        assert_eq!(v["same"], json!([true, true]));
        assert_eq!(v["config"], json!({"key1": 1, "key2": 1}));
        // Nothing may be added to a closed object: left as the schema allows.
        assert_eq!(v["closed"], json!({}));
    }

    #[test]
    fn a_union_of_required_lists_samples_one_of_them() {
        let schema = json!({"type": "object", "additionalProperties": false,
            "properties": {
                "ids": {"type": "array", "items": {"type": "string"}},
                "files": {"type": "array", "items": {"type": "string"}},
                "note": {"type": "string"}
            },
            "oneOf": [{"required": ["ids"]}, {"required": ["files"]}]
        });
        let v = sample(&json!({}), &schema);
        assert_eq!(v, json!({"ids": ["sample"], "note": "sample"}));
    }

    #[test]
    fn a_deep_array_that_may_not_be_empty_still_gets_an_item() {
        let level = |next: &str| {
            json!({"type": "object", "required": ["next"], "properties": {
                "next": {"type": "array", "minItems": 1, "items": {"$ref": format!("#/components/schemas/{next}")}}
            }})
        };
        let doc = json!({"components": {"schemas": {
            "L0": level("L1"), "L1": level("L2"), "L2": level("L3"), "L3": level("Leaf"),
            "Leaf": {"type": "string"}
        }}});
        let v = sample(&doc, &json!({"$ref": "#/components/schemas/L0"}));
        assert_eq!(
            v.pointer("/next/0/next/0/next/0/next/0"),
            Some(&json!("sample")),
            "{v}"
        );
    }

    #[test]
    fn an_example_that_does_not_fit_deep_down_is_not_used() {
        let doc = json!({"components": {"schemas": {"Filter": {
            "type": "object", "properties": {"filters": {"type": "object"}}
        }}}});
        let list = json!({"type": "array", "items": {"$ref": "#/components/schemas/Filter"}});
        assert!(fits(&doc, &json!([{"filters": {"a": 1}}]), &list));
        assert!(!fits(&doc, &json!([{"filters": [{"a": 1}]}]), &list));
        let with_example = json!({"type": "array", "items": {"$ref": "#/components/schemas/Filter"},
                                  "example": [{"filters": [{"a": 1}]}]});
        assert_eq!(sample(&doc, &with_example), json!([{"filters": {}}]));
    }

    #[test]
    fn a_recursive_type_ends() {
        let doc = json!({"components": {"schemas": {"Loop": {
            "type": "object", "required": ["next"],
            "properties": {"next": {"$ref": "#/components/schemas/Loop"}}
        }}}});
        let v = sample(&doc, &json!({"$ref": "#/components/schemas/Loop"}));
        assert!(v.is_object());
    }

    #[test]
    fn a_nested_timestamp_that_does_not_parse_does_not_fit() {
        let doc = json!({});
        let schema = json!({"type": "object", "properties": {"meta": {"type": "object", "properties": {
            "at": {"type": "string", "format": "date-time"},
            "day": {"type": "string", "format": "date"}
        }}}});
        assert!(fits(
            &doc,
            &json!({"meta": {"at": "2024-01-02T03:04:05Z", "day": "2024-01-02"}}),
            &schema
        ));
        assert!(!fits(&doc, &json!({"meta": {"at": "yesterday"}}), &schema));
        assert!(!fits(
            &doc,
            &json!({"meta": {"day": "02/01/2024"}}),
            &schema
        ));
    }
}
