//! Accept OpenAPI 3.0.x as is; downgrade 3.1.x to 3.0.3, which is all
//! progenitor reads; reject anything else.

use serde_json::{json, Value};

use crate::normalize::{Context, NormalizeError, Pass};

pub const PASS: Pass = Pass {
    name: "version",
    what: "accept OpenAPI 3.0, downgrade 3.1 to 3.0, reject other versions",
    essential: true,
    run,
};

/// The OpenAPI versions the tooling reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Version {
    V3_0,
    /// Read after a downgrade to 3.0.
    V3_1,
}

/// Which supported version `doc` declares; an error naming the field for
/// any other (Swagger 2.0, 4.x, a missing or non-string `openapi`). Also
/// what `cargo xtask fetch` checks before it writes a download.
pub fn supported(doc: &Value) -> Result<Version, NormalizeError> {
    let version = match doc.get("openapi") {
        Some(Value::String(v)) => v,
        Some(_) => {
            return Err(NormalizeError::new(
                "/openapi",
                "`openapi` must be a string such as \"3.0.3\"",
            ))
        }
        None if doc.get("swagger").is_some() => {
            return Err(NormalizeError::new(
                "/swagger",
                "Swagger 2.0 is not supported; convert the description to OpenAPI 3.0 first",
            ))
        }
        None => {
            return Err(NormalizeError::new(
                "/openapi",
                "missing `openapi` version field",
            ))
        }
    };
    if version.starts_with("3.0.") {
        Ok(Version::V3_0)
    } else if version.starts_with("3.1.") {
        Ok(Version::V3_1)
    } else {
        Err(NormalizeError::new(
            "/openapi",
            format!(
                "unsupported OpenAPI version {version:?}; supported: 3.0.x, and 3.1.x (downgraded)"
            ),
        ))
    }
}

fn run(doc: &mut Value, _: &mut Context) -> Result<(), NormalizeError> {
    if supported(doc)? == Version::V3_1 {
        downgrade(doc);
        doc["openapi"] = json!("3.0.3");
    }
    Ok(())
}

/// Rewrites the JSON Schema 2020-12 forms 3.1 allows into their 3.0 forms.
fn downgrade(value: &mut Value) {
    match value {
        Value::Object(map) => {
            // type: [T, "null"] -> type: T, nullable: true
            if let Some(Value::Array(types)) = map.get("type").cloned() {
                let non_null: Vec<Value> = types.iter().filter(|t| *t != "null").cloned().collect();
                if non_null.len() < types.len() {
                    map.insert("nullable".into(), json!(true));
                }
                match non_null.as_slice() {
                    [one] => {
                        map.insert("type".into(), one.clone());
                    }
                    [] => {
                        map.remove("type");
                    }
                    many => {
                        map.remove("type");
                        let variants = many.iter().map(|t| json!({ "type": t })).collect();
                        map.insert("oneOf".into(), Value::Array(variants));
                    }
                }
            }
            // const: v -> enum: [v]
            if let Some(constant) = map.remove("const") {
                map.insert("enum".into(), json!([constant]));
            }
            // exclusiveMinimum: n -> minimum: n, exclusiveMinimum: true
            for (bound, exclusive) in [
                ("minimum", "exclusiveMinimum"),
                ("maximum", "exclusiveMaximum"),
            ] {
                if let Some(n) = map.get(exclusive).filter(|v| v.is_number()).cloned() {
                    map.insert(bound.into(), n);
                    map.insert(exclusive.into(), json!(true));
                }
            }
            // examples: [a, ...] on a schema -> example: a
            if let Some(Value::Array(examples)) = map.get("examples").cloned() {
                map.remove("examples");
                if let Some(first) = examples.into_iter().next() {
                    map.entry("example").or_insert(first);
                }
            }
            map.remove("$schema");
            for v in map.values_mut() {
                downgrade(v);
            }
        }
        Value::Array(items) => items.iter_mut().for_each(downgrade),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run_on(doc: Value) -> Result<Value, NormalizeError> {
        let mut doc = doc;
        run(&mut doc, &mut Context::new("ApiError"))?;
        Ok(doc)
    }

    #[test]
    fn keeps_3_0() {
        let doc = json!({"openapi": "3.0.2", "paths": {}});
        assert_eq!(run_on(doc.clone()).unwrap(), doc);
    }

    #[test]
    fn downgrades_3_1_nullable_const_and_exclusive_bounds() {
        let doc = json!({"openapi": "3.1.0", "components": {"schemas": {"A": {
            "type": ["string", "null"], "const": "x", "exclusiveMinimum": 3,
            "examples": ["e1", "e2"]
        }}}});
        let out = run_on(doc).unwrap();
        assert_eq!(out["openapi"], "3.0.3");
        assert_eq!(
            out["components"]["schemas"]["A"],
            json!({"type": "string", "nullable": true, "enum": ["x"], "minimum": 3, "exclusiveMinimum": true, "example": "e1"})
        );
    }

    #[test]
    fn rejects_other_versions_with_a_pointer() {
        let err = run_on(json!({"openapi": "4.0.0"})).unwrap_err();
        assert_eq!(err.pointer, "/openapi");
        assert!(err.message.contains("4.0.0"));
        let err = run_on(json!({"swagger": "2.0"})).unwrap_err();
        assert_eq!(err.pointer, "/swagger");
        let err = run_on(json!({"info": {}})).unwrap_err();
        assert!(err.message.contains("missing"));
    }
}
