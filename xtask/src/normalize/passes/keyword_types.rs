//! Schema keywords whose value has the wrong JSON type.
//!
//! The OpenAPI reader refuses a whole document over one such value, and
//! says so at the place the later passes moved the schema to (a hoisted
//! name the author never wrote). Codat's description writes a schema under
//! `type` (`itemType: {type: {type: string, enum: [...]}}`). This pass says
//! where, in the description's own words: `type` that is not a string,
//! `properties` or `items` that is not an object, `required` or `enum` that
//! is not a list. With `--lenient` it repairs instead, with a warning: a
//! schema written under `type` becomes the schema itself, any other such
//! value is left out.

use serde_json::{Map, Value};

use crate::normalize::schemas::for_each_schema;
use crate::normalize::{Context, NormalizeError, Pass};

pub const PASS: Pass = Pass {
    name: "keyword-types",
    what: "refuse (or with --lenient repair) schema keywords whose value has the wrong JSON type",
    essential: true,
    run,
};

/// A keyword, whether a value fits it, and what fits, in words.
type Check = (&'static str, fn(&Value) -> bool, &'static str);

/// Each checked keyword. It runs after `deep-refs`, which moves schemas
/// written under `definitions` (Codat's) to where every pass sees them.
const CHECKS: [Check; 5] = [
    ("type", Value::is_string, "a string"),
    ("properties", Value::is_object, "an object"),
    ("items", |v| v.is_object() || v.is_boolean(), "a schema"),
    // JSON Schema draft 3 wrote `required: true` on the property itself
    // (Spotify's image upload still does); later passes and the reader
    // pass it by, so it is no error.
    ("required", |v| v.is_array() || v.is_boolean(), "a list"),
    ("enum", Value::is_array, "a list"),
];

fn run(doc: &mut Value, ctx: &mut Context) -> Result<(), NormalizeError> {
    let lenient = ctx.lenient;
    let mut found: Vec<(String, String)> = Vec::new();
    for_each_schema(doc, &mut |at, schema| {
        for (keyword, fits, wanted) in CHECKS {
            let Some(value) = schema.get(keyword) else {
                continue;
            };
            if fits(value) {
                continue;
            }
            let kind = kind(value);
            found.push((
                format!("{at}/{keyword}"),
                format!("`{keyword}` must be {wanted}, not {kind}"),
            ));
            if lenient {
                repair(schema, keyword);
            }
        }
    });
    if lenient {
        for (at, message) in found {
            ctx.warn(PASS.name, at, format!("{message}: repaired"));
        }
        return Ok(());
    }
    match found.into_iter().next() {
        Some((at, message)) => Err(NormalizeError::new(
            at,
            format!("{message} (fix it in the overlay, or run with --lenient to repair it)"),
        )),
        None => Ok(()),
    }
}

/// A schema written under `type` becomes the schema (keeping the outer
/// documentation); anything else is left out.
fn repair(schema: &mut Map<String, Value>, keyword: &str) {
    let value = schema.remove(keyword).expect("checked above");
    if keyword == "type" {
        if let Value::Object(inner) = value {
            for (k, v) in inner {
                schema.entry(k).or_insert(v);
            }
        }
    }
}

fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn doc() -> Value {
        json!({"components": {"schemas": {"Item": {"type": "object", "properties": {
            "itemType": {"description": "Type of the item.", "type": {"type": "string", "enum": ["A", "B"]}}
        }}}}})
    }

    #[test]
    fn a_keyword_of_the_wrong_type_is_refused_where_it_is_written() {
        let err = run(&mut doc(), &mut Context::new("ApiError")).unwrap_err();
        assert_eq!(
            err.pointer,
            "/components/schemas/Item/properties/itemType/type"
        );
        assert!(
            err.message.contains("must be a string, not an object"),
            "{}",
            err.message
        );
    }

    #[test]
    fn a_draft_3_required_flag_is_no_error() {
        let mut doc =
            json!({"components": {"schemas": {"Image": {"type": "string", "required": true}}}});
        run(&mut doc, &mut Context::new("ApiError")).unwrap();
    }

    #[test]
    fn lenient_makes_a_schema_under_type_the_schema() {
        let mut doc = doc();
        let mut ctx = Context::new("ApiError");
        ctx.lenient = true;
        run(&mut doc, &mut ctx).unwrap();
        assert_eq!(
            doc["components"]["schemas"]["Item"]["properties"]["itemType"],
            json!({"description": "Type of the item.", "type": "string", "enum": ["A", "B"]})
        );
        assert_eq!(ctx.warnings.len(), 1);
    }
}
