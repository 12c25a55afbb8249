//! String formats whose Rust type needs a crate the client does not depend
//! on stay strings.
//!
//! typify maps `format: uuid` to `::uuid::Uuid`, which does not compile in a
//! crate without the `uuid` dependency (Box's and OpenAI's descriptions use
//! it), and would make an answer with a malformed id undecodable. The format
//! becomes a sentence in the description; the value a `String`.
//! (`date-time` and `date` map to chrono, which the client has.)

use serde_json::Value;

use crate::normalize::docs::append_sentence;
use crate::normalize::schemas::for_each_schema;
use crate::normalize::{Context, NormalizeError, Pass};

pub const PASS: Pass = Pass {
    name: "formats",
    what: "keep formats that need a crate the client lacks (uuid) as documented strings",
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
        if let Some(format) = format.filter(|f| UNTYPED.contains(&f.as_str())) {
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
}
