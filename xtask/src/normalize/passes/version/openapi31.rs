//! The document-level parts of OpenAPI 3.1 that 3.0 has no place for. The
//! schema keywords 3.1 allows (type lists, `const`, ...) are rewritten by the
//! `json-schema` pass, which runs for every version: 3.0 and 2.0
//! descriptions use them too.

use serde_json::{json, Map, Value};

use crate::normalize::Context;

pub fn downgrade(doc: &mut Value, ctx: &mut Context) {
    if let Some(root) = doc.as_object_mut() {
        // Webhooks are requests the provider sends, not operations a client
        // calls; 3.0 has no place for them.
        if let Some(webhooks) = root.remove("webhooks") {
            let n = webhooks.as_object().map_or(0, Map::len);
            ctx.warn(
                "version",
                "/webhooks",
                format!("left out the 3.1 `webhooks` section ({n} webhooks): a client does not call them"),
            );
        }
        root.remove("jsonSchemaDialect");
        if let Some(components) = root.get_mut("components").and_then(Value::as_object_mut) {
            components.remove("pathItems");
        }
        // 3.1 makes `paths` optional; 3.0 requires it.
        root.entry("paths").or_insert_with(|| json!({}));
        drop_unknown_security_schemes(root, ctx);
    }
}

/// `mutualTLS` is 3.1 only, and a 3.0 reader rejects the document over it.
fn drop_unknown_security_schemes(root: &mut Map<String, Value>, ctx: &mut Context) {
    let Some(schemes) = root
        .get_mut("components")
        .and_then(|c| c.get_mut("securitySchemes"))
        .and_then(Value::as_object_mut)
    else {
        return;
    };
    let unknown: Vec<String> = schemes
        .iter()
        .filter(|(_, s)| s.get("type").and_then(Value::as_str) == Some("mutualTLS"))
        .map(|(name, _)| name.clone())
        .collect();
    for name in unknown {
        schemes.remove(&name);
        ctx.warn(
            "version",
            format!("/components/securitySchemes/{name}"),
            "left out a `mutualTLS` security scheme (3.1 only; the client's TLS settings cover it)",
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn webhooks_are_left_out_with_a_warning() {
        let mut doc = json!({"openapi": "3.1.0", "webhooks": {"a": {}, "b": {}}});
        let mut ctx = Context::new("ApiError");
        downgrade(&mut doc, &mut ctx);
        assert!(doc.get("webhooks").is_none());
        assert_eq!(doc["paths"], json!({}));
        assert_eq!(ctx.warnings[0].pointer, "/webhooks");
        assert!(
            ctx.warnings[0].message.contains("2 webhooks"),
            "{:?}",
            ctx.warnings
        );
    }

    #[test]
    fn mutual_tls_schemes_are_left_out() {
        let mut doc = json!({"openapi": "3.1.0", "components": {"securitySchemes": {
            "m": {"type": "mutualTLS"}, "k": {"type": "apiKey", "in": "header", "name": "K"}}}});
        downgrade(&mut doc, &mut Context::new("ApiError"));
        let names: Vec<_> = doc["components"]["securitySchemes"]
            .as_object()
            .unwrap()
            .keys()
            .collect();
        assert_eq!(names, ["k"]);
    }
}
