//! Every `$ref` must be local (`#/...`) and resolve; a chain of references
//! that only points at itself is a cycle no generator can name. Recursive
//! *schemas* (a type that contains itself through a property) are fine.
//!
//! A reference is a URI, so its fragment may be percent-encoded
//! (`#/paths/~1v2~1keys~1%7Bid%7D/get`: RFC 6901 section 6). Such a
//! reference is rewritten to the plain pointer it encodes, when that one
//! resolves and the encoded text does not, so every later pass, progenitor
//! and Prism read a plain JSON pointer.
//! A `$ref` inside data (an extension, an example, a default) is not part of
//! the description and is not followed (see [`is_data_member`]; the last
//! pass, `data-refs`, leaves out those that do not resolve).

use serde_json::Value;

use crate::normalize::pointer::{
    is_data_member, is_name_map, resolve_through as resolve, walk_pruned,
};
use crate::normalize::{Context, NormalizeError, Pass};

pub const PASS: Pass = Pass {
    name: "refs",
    what: "check every $ref is local, resolves, and is not a pure reference cycle",
    essential: true,
    run,
};

fn run(doc: &mut Value, _: &mut Context) -> Result<(), NormalizeError> {
    decode_percent_encoded(doc);
    check(doc)
}

/// Rewrites each percent-encoded reference that resolves only once decoded.
fn decode_percent_encoded(doc: &mut Value) {
    let mut rewrites = Vec::new();
    walk_pruned(doc, &mut String::new(), &is_data_member, &mut |at, node| {
        let Some(reference) = node.get("$ref").and_then(Value::as_str) else {
            return;
        };
        if !reference.contains('%') || resolve(doc, reference).is_some() {
            return;
        }
        if let Some(decoded) = percent_decode(reference).filter(|d| resolve(doc, d).is_some()) {
            rewrites.push((format!("{at}/$ref"), decoded));
        }
    });
    for (at, decoded) in rewrites {
        if let Some(slot) = doc.pointer_mut(&at) {
            *slot = Value::String(decoded);
        }
    }
}

/// `%7B` -> `{`; `None` when an escape is malformed or the bytes are not
/// UTF-8.
fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

pub fn check(doc: &Value) -> Result<(), NormalizeError> {
    let mut problem = None;
    walk_pruned(doc, &mut String::new(), &is_data_member, &mut |at, node| {
        if problem.is_some() {
            return;
        }
        // In a map of property names, `$ref` is a property (JSON Schema's
        // own meta-schemas, Kubernetes' `JSONSchemaProps`), not a reference.
        if is_name_map(at) {
            return;
        }
        let Some(reference) = node.get("$ref") else {
            return;
        };
        let at = format!("{at}/$ref");
        let Some(reference) = reference.as_str() else {
            problem = Some(NormalizeError::new(at, "`$ref` must be a string"));
            return;
        };
        if !reference.starts_with("#/") {
            problem = Some(NormalizeError::new(
                at,
                format!("external reference {reference:?} is not supported; bundle it into the document"),
            ));
            return;
        }
        // Follow a chain of pure references; revisiting one is a cycle.
        let mut seen = vec![reference.to_string()];
        let mut current = reference.to_string();
        loop {
            let Some(target) = resolve(doc, &current) else {
                problem = Some(NormalizeError::new(
                    at,
                    format!("reference {current:?} does not resolve (define it, fix the reference in the overlay, or run with --lenient to make it a free-form value)"),
                ));
                return;
            };
            match target.get("$ref").and_then(Value::as_str) {
                Some(next) if target.as_object().is_some_and(|m| m.len() == 1) => {
                    if seen.iter().any(|s| s == next) {
                        seen.push(next.to_string());
                        problem = Some(NormalizeError::new(
                            at,
                            format!("reference cycle: {}", seen.join(" -> ")),
                        ));
                        return;
                    }
                    seen.push(next.to_string());
                    current = next.to_string();
                }
                _ => return,
            }
        }
    });
    problem.map_or(Ok(()), Err)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_property_named_ref_is_a_property() {
        let mut doc = json!({"components": {"schemas": {"JsonSchema": {"type": "object",
            "properties": {"$ref": {"type": "string"}, "id": {"type": "string"}}}}}});
        run(&mut doc, &mut Context::new("Error")).unwrap();
    }

    #[test]
    fn a_percent_encoded_reference_becomes_the_pointer_it_encodes() {
        let mut doc = json!({
            "paths": {"/v2/keys/{id}": {"get": {"parameters": [{"name": "id", "in": "path"}]}},
                      "/v2/keys/{id}/x": {"get": {"parameters": [
                          {"$ref": "#/paths/~1v2~1keys~1%7Bid%7D/get/parameters/0"}]}}},
            "components": {"schemas": {"100%": {"type": "string"}},
                           "parameters": {"p": {"schema": {"$ref": "#/components/schemas/100%"}}}}
        });
        run(&mut doc, &mut Context::new("Error")).unwrap();
        assert_eq!(
            doc.pointer("/paths/~1v2~1keys~1{id}~1x/get/parameters/0/$ref")
                .unwrap(),
            "#/paths/~1v2~1keys~1{id}/get/parameters/0"
        );
        // A key that really holds `%` resolves as written and is left alone.
        assert_eq!(
            doc.pointer("/components/parameters/p/schema/$ref").unwrap(),
            "#/components/schemas/100%"
        );
        let mut broken = json!({"a": {"$ref": "#/nowhere/%7B"}, "nowhere": {}});
        let err = run(&mut broken, &mut Context::new("Error")).unwrap_err();
        assert!(err.to_string().contains("does not resolve"), "{err}");
        assert_eq!(percent_decode("%zz"), None);
        assert_eq!(percent_decode("%7"), None);
    }

    #[test]
    fn resolving_and_recursive_refs_pass() {
        let doc = json!({"components": {"schemas": {
            "Node": {"type": "object", "properties": {"next": {"$ref": "#/components/schemas/Node"}}},
            "Alias": {"$ref": "#/components/schemas/Node"}
        }}});
        check(&doc).unwrap();
    }

    #[test]
    fn broken_ref_names_its_pointer() {
        let doc = json!({"paths": {"/a": {"get": {"responses": {"200": {"$ref": "#/components/responses/Nope"}}}}}});
        let err = check(&doc).unwrap_err();
        assert_eq!(err.pointer, "/paths/~1a/get/responses/200/$ref");
        assert!(err.message.contains("does not resolve"));
    }

    #[test]
    fn pure_reference_cycle_is_reported() {
        let doc = json!({"components": {"schemas": {
            "A": {"$ref": "#/components/schemas/B"},
            "B": {"$ref": "#/components/schemas/A"}
        }}});
        let err = check(&doc).unwrap_err();
        assert_eq!(err.pointer, "/components/schemas/A/$ref");
        assert!(err.message.contains("reference cycle"), "{}", err.message);
    }

    #[test]
    fn refs_inside_extensions_and_examples_are_not_followed() {
        let doc = json!({"components": {"schemas": {"A": {
            "type": "string",
            "x-policy": [{"$ref": "#/components/x-vendor/Nope"}],
            "example": {"$ref": "#/not/a/reference"}
        }}}});
        check(&doc).unwrap();
        // The same reference in the schema itself still has to resolve.
        let doc = json!({"components": {"schemas": {"A": {"items": {"$ref": "#/components/x-vendor/Nope"}}}}});
        assert!(check(&doc).is_err());
    }

    #[test]
    fn external_and_non_string_refs_are_rejected() {
        let err = check(&json!({"a": {"$ref": "other.yaml#/A"}})).unwrap_err();
        assert!(err.message.contains("external reference"));
        let err = check(&json!({"a": {"$ref": 3}})).unwrap_err();
        assert_eq!(err.pointer, "/a/$ref");
    }
}
