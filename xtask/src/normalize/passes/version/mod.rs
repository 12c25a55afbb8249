//! Accept OpenAPI 3.0.x as is; downgrade 3.1.x ([`openapi31`]) and convert
//! Swagger 2.0 ([`swagger2`]) to 3.0.3, which is all progenitor reads;
//! reject anything else.

mod openapi31;
mod swagger2;

use serde_json::{json, Value};

use crate::normalize::{Context, NormalizeError, Pass};

pub const PASS: Pass = Pass {
    name: "version",
    what: "accept OpenAPI 3.0, downgrade 3.1 and convert Swagger 2.0 to 3.0, reject other versions",
    essential: true,
    run,
};

/// The OpenAPI versions the tooling reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Version {
    V3_0,
    /// Read after a downgrade to 3.0.
    V3_1,
    /// Swagger 2.0, read after conversion to 3.0.
    Swagger2,
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
        None => match doc.get("swagger") {
            Some(v) if v == "2.0" => return Ok(Version::Swagger2),
            Some(v) => {
                return Err(NormalizeError::new(
                    "/swagger",
                    format!("unsupported Swagger version {v}; supported: 2.0 (converted), OpenAPI 3.0.x and 3.1.x"),
                ))
            }
            None => {
                return Err(NormalizeError::new(
                    "/openapi",
                    "missing `openapi` version field",
                ))
            }
        },
    };
    if version.starts_with("3.0.") {
        Ok(Version::V3_0)
    } else if version.starts_with("3.1.") {
        Ok(Version::V3_1)
    } else {
        Err(NormalizeError::new(
            "/openapi",
            format!(
                "unsupported OpenAPI version {version:?}; supported: 3.0.x, 3.1.x (downgraded) and Swagger 2.0 (converted)"
            ),
        ))
    }
}

fn run(doc: &mut Value, ctx: &mut Context) -> Result<(), NormalizeError> {
    version_as_text(doc, ctx);
    match supported(doc)? {
        Version::V3_0 => {}
        Version::V3_1 => {
            openapi31::downgrade(doc, ctx);
            doc["openapi"] = json!("3.0.3");
        }
        Version::Swagger2 => swagger2::convert(doc, ctx)?,
    }
    Ok(())
}

/// `info.version` is text, but YAML reads an unquoted `2025.01` or `2`
/// as a number; every description means the text, so the number's own
/// spelling is taken (serde_json keeps `2025.01` as written) with a
/// warning to quote it.
fn version_as_text(doc: &mut Value, ctx: &mut Context) {
    let Some(version) = doc.pointer_mut("/info/version") else {
        return;
    };
    if let Value::Number(number) = version {
        let text = number.to_string();
        ctx.warn(
            PASS.name,
            "/info/version",
            format!("`info.version` is the number {text}; read as the text \"{text}\" (quote it in the description)"),
        );
        *version = Value::String(text);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_numeric_info_version_becomes_its_text_with_a_warning() {
        let path = std::env::temp_dir().join(format!("version-{}.yaml", std::process::id()));
        std::fs::write(
            &path,
            "openapi: 3.0.3\ninfo: {title: t, version: 2025.01}\npaths: {}\n",
        )
        .unwrap();
        let mut doc = crate::document::read(&path).unwrap();
        std::fs::remove_file(&path).unwrap();
        let mut ctx = Context::new("Error");
        run(&mut doc, &mut ctx).unwrap();
        assert_eq!(doc["info"]["version"], "2025.01");
        assert_eq!(ctx.warnings.len(), 1);
        assert_eq!(ctx.warnings[0].pointer, "/info/version");
    }

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
    fn downgrades_3_1_and_converts_swagger_2() {
        let out = run_on(json!({"openapi": "3.1.0", "webhooks": {}})).unwrap();
        assert_eq!(out["openapi"], "3.0.3");
        assert!(out.get("webhooks").is_none());
        let out = run_on(json!({"swagger": "2.0", "paths": {}})).unwrap();
        assert_eq!(out["openapi"], "3.0.3");
    }

    #[test]
    fn rejects_other_versions_with_a_pointer() {
        let err = run_on(json!({"openapi": "4.0.0"})).unwrap_err();
        assert_eq!(err.pointer, "/openapi");
        assert!(err.message.contains("4.0.0"));
        let err = run_on(json!({"swagger": "1.2"})).unwrap_err();
        assert_eq!(err.pointer, "/swagger");
        let err = run_on(json!({"info": {}})).unwrap_err();
        assert!(err.message.contains("missing"));
    }
}
