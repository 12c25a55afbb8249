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
//! ("invalid (or unexpected) schema"); it becomes a sentence too.

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
        let meaningless = matches!(
            schema.get("type").and_then(Value::as_str),
            Some("object" | "array" | "boolean")
        );
        if meaningless || UNTYPED.contains(&format.as_str()) {
            schema.remove("format");
            append_sentence(schema, &format!("Format: {format}."));
        }
    });
    Ok(())
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
}
