//! Say where a schema holds a key that is no schema keyword.
//!
//! The generator skips keys it does not know, so a misspelt keyword
//! (`minLenght`) or a stray key loses its meaning without a word. The usual
//! stray key comes from YAML: inside a flow mapping (`{ type: string,
//! description: a, b }`) a comma ends a plain value, so `b` becomes a key
//! with no value and the description is cut at the comma. Nothing is
//! changed; each such key is named with its pointer, and a key without a
//! value says how it most likely got there.

use serde_json::Value;

use crate::normalize::pointer::escape;
use crate::normalize::schemas::for_each_schema;
use crate::normalize::{Context, NormalizeError, Pass};

pub const PASS: Pass = Pass {
    name: "unknown-keywords",
    what: "warn where a schema holds a key that is no OpenAPI or JSON Schema keyword",
    essential: false,
    run,
};

/// The Schema Object's keywords in OpenAPI 3.0 and 3.1 (JSON Schema 2020-12
/// with its older spellings); `x-` extensions are allowed besides.
const KEYWORDS: &[&str] = &[
    // OpenAPI 3.0 Schema Object
    "$ref",
    "title",
    "multipleOf",
    "maximum",
    "exclusiveMaximum",
    "minimum",
    "exclusiveMinimum",
    "maxLength",
    "minLength",
    "pattern",
    "maxItems",
    "minItems",
    "uniqueItems",
    "maxProperties",
    "minProperties",
    "required",
    "enum",
    "type",
    "allOf",
    "oneOf",
    "anyOf",
    "not",
    "items",
    "properties",
    "additionalProperties",
    "description",
    "format",
    "default",
    "nullable",
    "discriminator",
    "readOnly",
    "writeOnly",
    "xml",
    "externalDocs",
    "example",
    "deprecated",
    // JSON Schema 2020-12 (OpenAPI 3.1) and earlier drafts
    "$schema",
    "$id",
    "$anchor",
    "$dynamicRef",
    "$dynamicAnchor",
    "$recursiveRef",
    "$recursiveAnchor",
    "$vocabulary",
    "$comment",
    "$defs",
    "definitions",
    "const",
    "examples",
    "contentMediaType",
    "contentEncoding",
    "contentSchema",
    "if",
    "then",
    "else",
    "dependentSchemas",
    "dependentRequired",
    "dependencies",
    "prefixItems",
    "additionalItems",
    "contains",
    "minContains",
    "maxContains",
    "patternProperties",
    "propertyNames",
    "unevaluatedItems",
    "unevaluatedProperties",
];

fn run(doc: &mut Value, ctx: &mut Context) -> Result<(), NormalizeError> {
    for_each_schema(doc, &mut |at, schema| {
        for (key, value) in schema.iter() {
            if key.starts_with("x-") || KEYWORDS.contains(&key.as_str()) {
                continue;
            }
            let why = if value.is_null() {
                " and has no value: in a YAML flow mapping `{ ... }` a comma ends a plain value, so quote a value holding one"
            } else {
                "; the generator ignores it"
            };
            ctx.warn(
                PASS.name,
                format!("{at}/{}", escape(key)),
                format!("`{key}` is no schema keyword{why}"),
            );
        }
    });
    Ok(())
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn stray_and_misspelt_keys_are_named_and_nothing_changes() {
        // What `{ type: integer, description: Videos, all pages together. }`
        // parses to, a misspelt keyword, and keys that are fine.
        let doc = json!({"components": {"schemas": {"Page": {
            "type": "object",
            "x-internal": true,
            "properties": {
                "total": {"type": "integer", "description": "Videos", "all pages together.": null},
                "name": {"type": "string", "minLenght": 1, "const": "a", "$comment": "ok"},
                "description": {"type": "string"}
            }
        }}}});
        assert_eq!(
            crate::normalize::passes::warnings_only(run, doc),
            [
                "pass `unknown-keywords`: at /components/schemas/Page/properties/name/minLenght: `minLenght` is no schema keyword; the generator ignores it",
                "pass `unknown-keywords`: at /components/schemas/Page/properties/total/all pages together.: `all pages together.` is no schema keyword and has no value: in a YAML flow mapping `{ ... }` a comma ends a plain value, so quote a value holding one",
            ]
        );
    }
}
