//! `generate` on small documents: success, and every failure as a typed
//! error rather than a panic.

use social_clients_codegen::{generate, CodegenError, Style};

fn spec(paths: &str) -> String {
    format!(
        r#"{{"openapi": "3.0.3", "info": {{"title": "T", "version": "1"}},
            "paths": {paths},
            "components": {{"schemas": {{
                "Thing": {{"type": "object", "required": ["id"], "properties": {{"id": {{"type": "string"}}}}}},
                "Oops": {{"type": "object", "properties": {{"message": {{"type": "string"}}}}}},
                "Other": {{"type": "object", "properties": {{"code": {{"type": "integer"}}}}}}
            }}}}}}"#
    )
}

const GET_THING: &str = r##"{"/things/{id}": {"get": {"operationId": "get_thing",
    "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
    "responses": {
        "200": {"description": "ok", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}},
        "404": {"description": "nf", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Oops"}}}}
    }}}}"##;

#[test]
fn generates_a_client_with_counts() {
    let generated = generate(&spec(GET_THING), Style::Positional).unwrap();
    assert!(generated.source.starts_with("// @generated"));
    assert!(generated.source.contains("pub async fn get_thing"));
    assert_eq!(generated.operations, 1);
    assert_eq!(generated.types, 3);
    assert!(generated.lines() > 50);
}

#[test]
fn output_is_deterministic() {
    let a = generate(&spec(GET_THING), Style::Positional).unwrap();
    let b = generate(&spec(GET_THING), Style::Positional).unwrap();
    assert_eq!(a.source, b.source);
}

#[test]
fn builder_style_generates_more_code() {
    let positional = generate(&spec(GET_THING), Style::Positional).unwrap();
    let builder = generate(&spec(GET_THING), Style::Builder).unwrap();
    assert!(builder.lines() > positional.lines());
}

#[test]
fn malformed_documents_are_located_parse_errors() {
    let err = generate("{\"openapi\": ", Style::Positional).unwrap_err();
    assert!(matches!(err, CodegenError::Parse { .. }), "{err:?}");
    let err = generate(
        &spec(r#"{"/a": {"get": {"responses": 7}}}"#),
        Style::Positional,
    )
    .unwrap_err();
    let CodegenError::Parse { path, .. } = &err else {
        panic!("{err:?}")
    };
    assert!(path.starts_with("paths"), "{path}");
}

#[test]
fn a_construct_progenitor_asserts_on_is_a_typed_error() {
    // Two different error bodies in one operation: progenitor asserts; the
    // normalizer prevents this, and codegen must not panic if it slips through.
    let two_errors = r##"{"/a": {"get": {"operationId": "a", "responses": {
        "200": {"description": "ok"},
        "400": {"description": "x", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Oops"}}}},
        "500": {"description": "y", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Other"}}}}
    }}}}"##;
    let err = generate(&spec(two_errors), Style::Positional).unwrap_err();
    assert!(matches!(err, CodegenError::Panicked { .. }), "{err:?}");
    // Cut down until pinned: the operation whose error bodies disagree.
    assert_eq!(err.pointer(), Some("/paths/~1a/get"), "{err}");
    assert!(err.to_string().contains("at /paths/~1a/get"), "{err}");
}

#[test]
fn a_rejection_inside_a_schema_names_its_pointer() {
    // A default on a union: typify rejects the document without saying
    // where ("value does not conform"); the error must name the property.
    let text = spec(GET_THING).replace(
        r#""code": {"type": "integer"}"#,
        r#""code": {"type": "integer"}, "model": {"anyOf": [{"type": "string"}, {"type": "integer"}], "default": true}"#,
    );
    let err = generate(&text, Style::Positional).unwrap_err();
    assert_eq!(
        err.pointer(),
        Some("/components/schemas/Other/properties/model"),
        "{err}"
    );
}

#[test]
fn an_unsupported_version_is_rejected() {
    let text = spec("{}").replace("3.0.3", "3.1.0");
    let err = generate(&text, Style::Positional).unwrap_err();
    assert!(err.to_string().contains("version"), "{err}");
}

#[test]
fn a_raw_body_is_sent_with_its_own_media_type() {
    let cover = r##"{"/cover": {"put": {"operationId": "upload_cover",
        "requestBody": {"x-social-clients-media-type": "image/jpeg",
            "content": {"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}}},
        "responses": {"202": {"description": "accepted"}}}}}"##;
    let generated = generate(&spec(cover), Style::Positional).unwrap();
    let method = &generated.source[generated.source.find("pub async fn upload_cover").unwrap()..];
    assert!(method.contains("from_static(\"image/jpeg\")"), "{method}");
    assert!(!method.contains("application/octet-stream"), "{method}");
    assert!(method.contains("body: B"), "{method}");
}
