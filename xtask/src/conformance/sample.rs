//! A value valid for a schema: the schema's own example where it gives one,
//! otherwise the simplest value of its type and format. Prism validates the
//! requests built from these against the same spec.

use serde_json::{json, Map, Value};

use crate::normalize::pointer::resolve;

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

/// Whether a description's own example is usable: of the schema's type and,
/// for an object, with every required property (real descriptions' examples
/// are sometimes older than their schemas; Spotify's `uris` bodies).
fn fits(example: &Value, schema: &Value) -> bool {
    let kind_ok = match schema.get("type").and_then(Value::as_str) {
        Some("object") => example.is_object(),
        Some("array") => example.is_array(),
        Some("string") => example.is_string(),
        Some("integer") => example.is_i64() || example.is_u64(),
        Some("number") => example.is_number(),
        Some("boolean") => example.is_boolean(),
        _ => true,
    };
    let required_ok = match (
        example.as_object(),
        schema.get("required").and_then(Value::as_array),
    ) {
        (Some(fields), Some(required)) => required
            .iter()
            .filter_map(Value::as_str)
            .all(|r| fields.contains_key(r)),
        _ => true,
    };
    kind_ok && required_ok
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
        if let Some(example) = schema.get("example").filter(|e| !union && fits(e, schema)) {
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
        for key in ["oneOf", "anyOf"] {
            if let Some(first) = schema
                .get(key)
                .and_then(Value::as_array)
                .and_then(|v| v.first())
            {
                return self.value(first, depth + 1, at);
            }
        }
        let kind = schema.get("type").and_then(Value::as_str).unwrap_or(
            if schema.get("properties").is_some() {
                "object"
            } else {
                ""
            },
        );
        match kind {
            "string" => string(schema),
            "integer" => json!(number(schema, 1.0) as i64),
            "number" => json!(number(schema, 1.5)),
            "boolean" => json!(true),
            "array" => match schema.get("items") {
                Some(items) if depth < MAX_DEPTH => {
                    json!([self.value(items, depth + 1, &format!("{at}/0"))])
                }
                _ => json!([]),
            },
            "object" => self.object(schema, depth, at),
            _ if schema.get("nullable") == Some(&Value::Bool(true)) => Value::Null,
            _ => json!({}),
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
        let required: Vec<&str> = schema
            .get("required")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .collect();
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
        Value::Object(out)
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
    fn a_recursive_type_ends() {
        let doc = json!({"components": {"schemas": {"Loop": {
            "type": "object", "required": ["next"],
            "properties": {"next": {"$ref": "#/components/schemas/Loop"}}
        }}}});
        let v = sample(&doc, &json!({"$ref": "#/components/schemas/Loop"}));
        assert!(v.is_object());
    }
}
