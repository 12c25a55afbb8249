//! String formats whose Rust type needs a crate the client does not depend
//! on stay strings.
//!
//! typify maps `format: uuid` to `::uuid::Uuid`, which does not compile in a
//! crate without the `uuid` dependency (Box's and OpenAI's descriptions use
//! it), and would make an answer with a malformed id undecodable. The format
//! becomes a sentence in the description; the value a `String`.
//! (`date-time` and `date` map to chrono, which the client has.)
//!
//! A `format` on an object, array or boolean says nothing JSON Schema
//! defines (`"format": "file"` on an object, `"list of urls"` on an
//! array, seen in the public OpenAPI directory), and typify stops at it
//! ("invalid (or unexpected) schema"); it becomes a sentence too. So does
//! a format on a schema without a `type`, unless the format names one
//! (`date-time` is a string, `int64` an integer, `double` a number), which
//! then becomes the schema's type.

use serde_json::Value;

use crate::normalize::docs::append_sentence;
use crate::normalize::schemas::for_each_schema;
use crate::normalize::{Context, NormalizeError, Pass};

pub const PASS: Pass = Pass {
    name: "formats",
    what: "keep formats that need a crate the client lacks (uuid) as documented strings; formats on objects, arrays and booleans become documentation",
    essential: true,
    run,
};

/// Formats typify types with a crate the client does not depend on.
const UNTYPED: [&str; 1] = ["uuid"];

fn run(doc: &mut Value, _: &mut Context) -> Result<(), NormalizeError> {
    for_each_schema(doc, &mut |_, schema| {
        let format = schema
            .get("format")
            .and_then(Value::as_str)
            .map(str::to_owned);
        let Some(format) = format else { return };
        if !schema.contains_key("type") && !is_composite(schema) {
            if let Some(implied) = implied_type(&format) {
                schema.insert("type".into(), Value::String(implied.into()));
            }
        }
        let declared = schema.get("type").cloned();
        let meaningless = match declared.as_ref().and_then(Value::as_str) {
            Some(kind) => matches!(kind, "object" | "array" | "boolean"),
            None => true,
        };
        if meaningless || UNTYPED.contains(&format.as_str()) {
            schema.remove("format");
            append_sentence(schema, &format!("Format: {format}."));
        }
    });
    Ok(())
}

/// The type a format belongs to, for the formats OpenAPI and JSON Schema
/// define.
fn implied_type(format: &str) -> Option<&'static str> {
    match format {
        "int32" | "int64" => Some("integer"),
        "float" | "double" => Some("number"),
        "date-time" | "date" | "time" | "duration" | "email" | "hostname" | "ipv4" | "ipv6"
        | "uri" | "uri-reference" | "uuid" | "byte" | "binary" | "password" => Some("string"),
        _ => None,
    }
}

/// A schema made of others (`allOf`, `oneOf`, `anyOf`, `$ref`), whose type
/// is theirs.
fn is_composite(schema: &serde_json::Map<String, Value>) -> bool {
    ["allOf", "oneOf", "anyOf", "$ref"]
        .iter()
        .any(|k| schema.contains_key(*k))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn uuid_becomes_a_documented_string() {
        let mut doc = json!({"components": {"schemas": {"Id": {"type": "string", "format": "uuid"},
            "When": {"type": "string", "format": "date-time"}}}});
        run(&mut doc, &mut Context::new("ApiError")).unwrap();
        assert_eq!(
            doc["components"]["schemas"]["Id"],
            json!({"type": "string", "description": "Format: uuid."})
        );
        assert_eq!(doc["components"]["schemas"]["When"]["format"], "date-time");
    }

    #[test]
    fn a_format_on_an_object_or_array_becomes_documentation() {
        let mut doc = json!({"components": {"schemas": {
            "File": {"type": "object", "format": "file"},
            "Urls": {"type": "array", "format": "list of urls", "items": {"type": "string"}},
            "Count": {"type": "integer", "format": "int64"}}}});
        run(&mut doc, &mut Context::new("ApiError")).unwrap();
        let schemas = &doc["components"]["schemas"];
        assert_eq!(
            schemas["File"],
            json!({"type": "object", "description": "Format: file."})
        );
        assert!(schemas["Urls"].get("format").is_none());
        assert_eq!(schemas["Count"]["format"], "int64");
    }

    #[test]
    fn a_format_without_a_type_gives_the_type_it_names_or_becomes_documentation() {
        let mut doc = json!({"components": {"schemas": {
            "Created": {"format": "date-time", "readOnly": true},
            "Size": {"format": "int64"},
            "Url": {"format": "string"},
            "Id": {"format": "uuid"}}}});
        run(&mut doc, &mut Context::new("ApiError")).unwrap();
        let schemas = &doc["components"]["schemas"];
        assert_eq!(
            schemas["Created"],
            json!({"type": "string", "format": "date-time", "readOnly": true})
        );
        assert_eq!(
            schemas["Size"],
            json!({"type": "integer", "format": "int64"})
        );
        assert_eq!(schemas["Url"], json!({"description": "Format: string."}));
        assert_eq!(
            schemas["Id"],
            json!({"type": "string", "description": "Format: uuid."})
        );
    }
}
