//! Enum values of the schema's own type.
//!
//! Real descriptions list values whose JSON type contradicts the schema's
//! `type` (`enum: [1, 2, 3]` under `type: string`, `enum: [360,
//! "rectangular"]`, or an array whose `enum` lists what its items may be,
//! all seen in the public OpenAPI directory); typify refuses them ("value
//! does not conform", "unexpected value type"). Each value is read as the
//! declared type where that is lossless (`1` as `"1"` for a string, `"2"`
//! as `2` for an integer), an array's scalar values move to its items, and
//! a value that cannot be read so is left out, each with a warning naming
//! the schema. A `null` among the values makes the schema `nullable`
//! instead: typify, given both, makes a newtype and an enum of one name
//! and the client does not compile.

use serde_json::{Map, Value};

use crate::normalize::schemas::for_each_schema;
use crate::normalize::{Context, NormalizeError, Pass};

pub const PASS: Pass = Pass {
    name: "enum-values",
    what: "read enum values as the schema's declared type (or move them to an array's items); leave out those that cannot be",
    essential: true,
    run,
};

fn run(doc: &mut Value, ctx: &mut Context) -> Result<(), NormalizeError> {
    let mut warnings = Vec::new();
    for_each_schema(doc, &mut |at, schema| {
        if let Some(message) = fix(schema) {
            warnings.push((format!("{at}/enum"), message));
        }
    });
    for (at, message) in warnings {
        ctx.warn(PASS.name, at, message);
    }
    Ok(())
}

/// Fixes one schema's `enum`; what it changed, if anything.
fn fix(schema: &mut Map<String, Value>) -> Option<String> {
    let kind = schema.get("type")?.as_str()?.to_string();
    let values = schema.get("enum")?.as_array()?.clone();
    if kind == "array" {
        if values.iter().any(Value::is_array) {
            return None;
        }
        schema.remove("enum");
        let items = schema
            .entry("items")
            .or_insert_with(|| Value::Object(Map::new()));
        if let Some(items) = items.as_object_mut() {
            if !items.contains_key("enum") {
                items.insert("enum".into(), Value::Array(values));
                return Some("an array's `enum` lists its items' values; moved to `items`".into());
            }
        }
        return Some("an array's `enum` of scalar values left out".into());
    }
    let mut kept = Vec::with_capacity(values.len());
    let mut changed = Vec::new();
    if values.iter().any(Value::is_null) {
        schema.insert("nullable".into(), Value::Bool(true));
        changed.push("null made the schema nullable".to_string());
    }
    for value in values.iter().filter(|v| !v.is_null()) {
        match read_as(&kind, value) {
            Some(read) if &read == value => kept.push(read),
            Some(read) => {
                changed.push(format!("{value} read as {read}"));
                if !kept.contains(&read) {
                    kept.push(read);
                }
            }
            None => changed.push(format!("{value} left out")),
        }
    }
    if changed.is_empty() {
        return None;
    }
    if kept.is_empty() {
        schema.remove("enum");
    } else {
        schema.insert("enum".into(), Value::Array(kept));
    }
    Some(format!(
        "enum values of another type than `{kind}`: {}",
        changed.join(", ")
    ))
}

/// `value` as a value of JSON Schema type `kind`, when that is lossless.
fn read_as(kind: &str, value: &Value) -> Option<Value> {
    match (kind, value) {
        ("string", Value::String(_))
        | ("number", Value::Number(_))
        | ("boolean", Value::Bool(_))
        | ("object", Value::Object(_)) => Some(value.clone()),
        ("integer", Value::Number(n)) => (n.is_i64() || n.is_u64()).then(|| value.clone()),
        ("string", Value::Number(_) | Value::Bool(_)) => Some(Value::String(value.to_string())),
        ("integer", Value::String(s)) => s.trim().parse::<i64>().ok().map(Value::from),
        ("number", Value::String(s)) => s
            .trim()
            .parse::<f64>()
            .ok()
            .and_then(serde_json::Number::from_f64)
            .map(Value::Number),
        ("boolean", Value::String(s)) => s.trim().parse::<bool>().ok().map(Value::Bool),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn fixed(schema: Value) -> (Value, Vec<String>) {
        let mut doc = json!({"components": {"schemas": {"S": schema}}});
        let mut ctx = Context::new("ApiError");
        run(&mut doc, &mut ctx).unwrap();
        (
            doc["components"]["schemas"]["S"].clone(),
            ctx.warning_lines(),
        )
    }

    #[test]
    fn values_are_read_as_the_declared_type() {
        let (schema, warnings) = fixed(json!({"type": "string", "enum": [1, 2, "3", true]}));
        assert_eq!(schema["enum"], json!(["1", "2", "3", "true"]));
        assert_eq!(warnings.len(), 1);
        assert!(
            warnings[0].contains("/components/schemas/S/enum"),
            "{warnings:?}"
        );
        let (schema, _) = fixed(json!({"type": "integer", "enum": ["1", 2, "x", 2.5]}));
        assert_eq!(schema["enum"], json!([1, 2]));
        let (schema, _) = fixed(json!({"type": "string", "enum": [360, "rectangular", null]}));
        assert_eq!(schema["enum"], json!(["360", "rectangular"]));
        assert_eq!(schema["nullable"], true);
        let (schema, _) = fixed(json!({"type": "string", "nullable": true, "enum": ["a", null]}));
        assert_eq!(
            schema,
            json!({"type": "string", "nullable": true, "enum": ["a"]})
        );
    }

    #[test]
    fn an_arrays_enum_moves_to_its_items_and_a_fitting_enum_is_untouched() {
        let (schema, _) = fixed(json!({"type": "array", "items": {}, "enum": ["pc", "tv"]}));
        assert_eq!(
            schema,
            json!({"type": "array", "items": {"enum": ["pc", "tv"]}})
        );
        let fitting = json!({"type": "string", "enum": ["a", "b"]});
        let (schema, warnings) = fixed(fitting.clone());
        assert_eq!((schema, warnings.len()), (fitting, 0));
        let (schema, _) = fixed(json!({"type": "integer", "enum": ["x"]}));
        assert!(schema.get("enum").is_none(), "nothing fits: no enum");
    }
}
