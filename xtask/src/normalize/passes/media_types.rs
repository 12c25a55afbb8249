//! Keep one media type per body, the one progenitor can bind: JSON first,
//! then form-urlencoded, then plain text, then any other single media type
//! as a raw body. progenitor sends raw bodies only as
//! `application/octet-stream`, so an image, video or `application/sdp` body
//! is described that way with its real type in [`MEDIA_TYPE_EXTENSION`],
//! which codegen puts back into the method's `Content-Type`. An operation
//! whose request body is only multipart/form-data is removed and listed as
//! unbound with the reason, never dropped silently. Responses keep their
//! JSON content when they have one.
//!
//! A media type may give `examples` and no `schema` (valid OpenAPI: any
//! content); progenitor stops at it ("media type encoding, no schema"), so
//! each one kept gets the schema that says "anything" in its kind: any
//! JSON value, an object of form fields, or raw bytes.

use serde_json::{json, Map, Value};
use social_clients_codegen::RAW_BODY_MEDIA_TYPE as MEDIA_TYPE_EXTENSION;

use crate::normalize::{
    operation_pointer, retain_operations, Context, NormalizeError, Pass, Unbound,
};

pub const PASS: Pass = Pass {
    name: "media-types",
    what: "keep one bindable media type per body (JSON, form, text, raw, multipart form); list operations with none as unbound",
    essential: true,
    run,
};

fn run(doc: &mut Value, ctx: &mut Context) -> Result<(), NormalizeError> {
    retain_operations(doc, |path, method, op| {
        let at = operation_pointer(path, method);
        if let Some(reason) = request_body(op, &at)? {
            let operation = op["operationId"].as_str().unwrap_or_default().to_string();
            ctx.unbound.push(Unbound { operation, reason });
            return Ok(false);
        }
        if let Some(content) = op
            .pointer_mut("/requestBody/content")
            .and_then(Value::as_object_mut)
        {
            content
                .iter_mut()
                .for_each(|(kind, media)| ensure_schema(kind, media));
        }
        for response in op
            .get_mut("responses")
            .and_then(Value::as_object_mut)
            .into_iter()
            .flat_map(|r| r.values_mut())
        {
            if let Some(content) = response.get_mut("content").and_then(Value::as_object_mut) {
                if let Some(json) = take_json(content) {
                    *content = Map::from_iter([("application/json".to_string(), json)]);
                }
                content
                    .iter_mut()
                    .for_each(|(kind, media)| ensure_schema(kind, media));
            }
        }
        Ok(true)
    })
}

/// Narrows the request body to one bindable media type; returns why the
/// operation cannot be bound when there is none.
fn request_body(op: &mut Value, at: &str) -> Result<Option<String>, NormalizeError> {
    let Some(body) = op.get_mut("requestBody") else {
        return Ok(None);
    };
    let Some(content) = body.get_mut("content").and_then(Value::as_object_mut) else {
        return Err(NormalizeError::new(
            format!("{at}/requestBody"),
            "a request body needs `content`",
        ));
    };
    if let Some(json) = take_json(content) {
        *content = Map::from_iter([("application/json".to_string(), json)]);
        return Ok(None);
    }
    if let Some(media) = content.remove("application/x-www-form-urlencoded") {
        *content = Map::from_iter([(
            "application/x-www-form-urlencoded".to_string(),
            strip_encoding(media),
        )]);
        return Ok(None);
    }
    // progenitor reads a text body only as a plain string schema.
    if let Some(mut media) = content.remove("text/plain") {
        media["schema"] = json!({"type": "string"});
        *content = Map::from_iter([("text/plain".to_string(), strip_encoding(media))]);
        return Ok(None);
    }
    let raw = content
        .keys()
        .find(|k| {
            !k.starts_with("multipart/") && !k.starts_with("application/x-www-form-urlencoded")
        })
        .cloned();
    if let Some(kind) = raw {
        let mut media = strip_encoding(content.remove(&kind).expect("key taken from the map"));
        media["schema"] = json!({"type": "string", "format": "binary"});
        *content = Map::from_iter([("application/octet-stream".to_string(), media)]);
        if kind != "application/octet-stream" {
            body[MEDIA_TYPE_EXTENSION] = json!(kind);
        }
        return Ok(None);
    }
    // progenitor cannot bind a form; codegen generates its method from the
    // schema (social_clients_codegen's multipart step).
    if let Some(media) = content.remove("multipart/form-data") {
        *content = Map::from_iter([("multipart/form-data".to_string(), strip_encoding(media))]);
        return Ok(None);
    }
    let offered: Vec<&str> = content.keys().map(String::as_str).collect();
    Ok(Some(format!(
        "request body is {}; progenitor 0.15 cannot bind it",
        if offered.is_empty() {
            "empty".to_string()
        } else {
            offered.join(", ")
        }
    )))
}

/// Gives a media type without a schema the one that accepts anything of
/// its kind.
fn ensure_schema(kind: &str, media: &mut Value) {
    let Some(media) = media.as_object_mut() else {
        return;
    };
    if media.contains_key("schema") {
        return;
    }
    let essence = kind.split(';').next().unwrap_or_default().trim();
    let schema = if essence == "application/json" || essence.ends_with("+json") {
        json!({})
    } else if essence == "application/x-www-form-urlencoded" || essence.starts_with("multipart/") {
        json!({"type": "object"})
    } else if essence.starts_with("text/") {
        json!({"type": "string"})
    } else {
        json!({"type": "string", "format": "binary"})
    };
    media.insert("schema".into(), schema);
}

/// Removes and returns the JSON media type (`application/json`, with
/// parameters, or any `+json` type), without its `encoding` map, which
/// progenitor asserts is empty.
fn take_json(content: &mut Map<String, Value>) -> Option<Value> {
    let key = content
        .keys()
        .find(|k| {
            let essence = k.split(';').next().unwrap_or_default().trim();
            essence == "application/json" || essence.ends_with("+json")
        })?
        .clone();
    content.remove(&key).map(strip_encoding)
}

fn strip_encoding(mut media: Value) -> Value {
    if let Some(map) = media.as_object_mut() {
        map.remove("encoding");
    }
    media
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_media_type_with_examples_and_no_schema_gets_one_that_takes_anything() {
        let mut doc = json!({"paths": {"/a": {"post": {"operationId": "a",
        "requestBody": {"content": {"application/json": {"examples": {"one": {"value": {"x": 1}}}}}},
        "responses": {
            "200": {"description": "ok", "content": {"application/json": {"example": [1]}}},
            "400": {"description": "bad", "content": {"text/html": {}}}
        }}}}});
        run(&mut doc, &mut Context::new("ApiError")).unwrap();
        let op = &doc["paths"]["/a"]["post"];
        assert_eq!(
            op["requestBody"]["content"]["application/json"]["schema"],
            json!({})
        );
        assert_eq!(
            op["responses"]["200"]["content"]["application/json"]["schema"],
            json!({})
        );
        assert_eq!(
            op["responses"]["400"]["content"]["text/html"]["schema"],
            json!({"type": "string"})
        );
    }

    #[test]
    fn forms_are_kept_and_bodies_nothing_binds_are_listed() {
        let mut doc = json!({"paths": {
            "/upload": {"post": {"operationId": "upload_create", "requestBody": {"content": {"multipart/form-data": {"schema": {"type": "object"}, "encoding": {"file": {}}}}}}},
            "/batch": {"post": {"operationId": "batch", "requestBody": {"content": {"multipart/mixed": {"schema": {"type": "object"}}}}}},
            "/posts": {"post": {"operationId": "post_create", "requestBody": {"content": {
                "application/json; charset=utf-8": {"schema": {"type": "object"}, "encoding": {"a": {}}},
                "multipart/form-data": {"schema": {"type": "object"}}
            }}}}
        }});
        let mut ctx = Context::new("ApiError");
        run(&mut doc, &mut ctx).unwrap();
        assert_eq!(
            doc["paths"]["/upload"]["post"]["requestBody"]["content"],
            json!({"multipart/form-data": {"schema": {"type": "object"}}})
        );
        assert!(doc["paths"].get("/batch").is_none());
        assert_eq!(
            doc["paths"]["/posts"]["post"]["requestBody"]["content"],
            json!({"application/json": {"schema": {"type": "object"}}})
        );
        assert_eq!(
            ctx.unbound,
            vec![Unbound {
                operation: "batch".into(),
                reason: "request body is multipart/mixed; progenitor 0.15 cannot bind it".into(),
            }]
        );
    }

    #[test]
    fn other_media_types_become_raw_bodies_that_keep_their_type() {
        let mut doc = json!({"paths": {
            "/cover": {"put": {"operationId": "cover", "requestBody": {"content": {"image/jpeg": {"schema": {"type": "string", "nullable": true}}}}}},
            "/note": {"post": {"operationId": "note", "requestBody": {"content": {"text/plain": {"schema": {"type": "string", "maxLength": 9}}}}}},
            "/raw": {"post": {"operationId": "raw", "requestBody": {"content": {"application/octet-stream": {}}}}}
        }});
        let mut ctx = Context::new("ApiError");
        run(&mut doc, &mut ctx).unwrap();
        assert!(ctx.unbound.is_empty());
        assert_eq!(
            doc["paths"]["/cover"]["put"]["requestBody"],
            json!({"content": {"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}}, MEDIA_TYPE_EXTENSION: "image/jpeg"})
        );
        assert_eq!(
            doc["paths"]["/note"]["post"]["requestBody"]["content"],
            json!({"text/plain": {"schema": {"type": "string"}}})
        );
        assert_eq!(
            doc["paths"]["/raw"]["post"]["requestBody"],
            json!({"content": {"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}}})
        );
    }

    #[test]
    fn responses_keep_their_json_media_type() {
        let mut doc = json!({"paths": {"/a": {"get": {"operationId": "a", "responses": {"200": {"content": {
            "application/problem+json": {"schema": {"type": "object"}},
            "text/html": {}
        }}}}}}});
        run(&mut doc, &mut Context::new("ApiError")).unwrap();
        assert_eq!(
            doc["paths"]["/a"]["get"]["responses"]["200"]["content"],
            json!({"application/json": {"schema": {"type": "object"}}})
        );
    }

    #[test]
    fn a_body_without_content_is_an_error() {
        let mut doc = json!({"paths": {"/a": {"post": {"operationId": "a", "requestBody": {}}}}});
        let err = run(&mut doc, &mut Context::new("ApiError")).unwrap_err();
        assert_eq!(err.pointer, "/paths/~1a/post/requestBody");
    }
}
