//! Swagger 2.0 into OpenAPI 3.0.3.
//!
//! The mapping of the OpenAPI 3.0 specification's "upgrading" notes, done
//! here rather than with a conversion crate: none on crates.io is kept up,
//! and the mapping is a few dozen rules over `serde_json::Value` that the
//! rest of the normalizer already works on. What changes:
//!
//! - `host` + `basePath` + `schemes` -> `servers`;
//! - `definitions`, `parameters`, `responses`, `securityDefinitions` ->
//!   `components.{schemas, parameters, responses, securitySchemes}`, and
//!   every `$ref` follows them;
//! - a `body` parameter -> `requestBody` (one media type per `consumes`);
//!   `formData` parameters -> one object schema sent as
//!   `application/x-www-form-urlencoded`, or `multipart/form-data` when the
//!   operation consumes it or has a `type: file` field;
//! - other parameters keep their place, with their type in `schema` and
//!   `collectionFormat` as `style`/`explode`;
//! - a response `schema` -> `content` (one media type per `produces`);
//! - `type: file` -> binary string; `x-nullable` -> `nullable`; a string
//!   `discriminator` -> `{propertyName}`.

use serde_json::{json, Map, Value};

use crate::normalize::pointer::walk_mut_refs;
use crate::normalize::schemas;
use crate::normalize::{Context, NormalizeError, METHODS};

/// Keywords a non-body 2.0 parameter carries that belong in its `schema`.
const SCHEMA_KEYS: [&str; 17] = [
    "type",
    "format",
    "items",
    "enum",
    "default",
    "minimum",
    "maximum",
    "exclusiveMinimum",
    "exclusiveMaximum",
    "minLength",
    "maxLength",
    "pattern",
    "minItems",
    "maxItems",
    "uniqueItems",
    "multipleOf",
    "x-nullable",
];

pub fn convert(doc: &mut Value, _ctx: &mut Context) -> Result<(), NormalizeError> {
    let Some(root) = doc.as_object_mut() else {
        return Ok(());
    };
    let consumes = media_list(root.remove("consumes"), "application/json");
    let produces = media_list(root.remove("produces"), "application/json");
    root.remove("swagger");
    root.insert("openapi".into(), json!("3.0.3"));
    servers(root);

    let mut components = Map::new();
    if let Some(definitions) = root.remove("definitions") {
        components.insert("schemas".into(), definitions);
    }
    let shared_parameters = root
        .remove("parameters")
        .and_then(into_map)
        .unwrap_or_default();
    if let Some(responses) = root.remove("responses").and_then(into_map) {
        let converted = responses
            .into_iter()
            .map(|(name, r)| (name, response(r, &produces)))
            .collect::<Map<_, _>>();
        components.insert("responses".into(), Value::Object(converted));
    }
    if let Some(schemes) = root.remove("securityDefinitions").and_then(into_map) {
        let converted = schemes
            .into_iter()
            .map(|(name, s)| (name, security_scheme(s)))
            .collect::<Map<_, _>>();
        components.insert("securitySchemes".into(), Value::Object(converted));
    }
    // Shared non-body parameters stay shared; body and form parameters are
    // inlined where used, as 3.0 moves them into `requestBody`.
    let plain_shared: Map<String, Value> = shared_parameters
        .iter()
        .filter(|(_, p)| !is_body_like(p))
        .map(|(name, p)| (name.clone(), parameter(p.clone())))
        .collect();
    if !plain_shared.is_empty() {
        components.insert("parameters".into(), Value::Object(plain_shared));
    }

    if let Some(paths) = root.get_mut("paths").and_then(Value::as_object_mut) {
        for (path, item) in paths.iter_mut() {
            let Some(item) = item.as_object_mut() else {
                continue;
            };
            let item_parameters = item
                .remove("parameters")
                .and_then(into_list)
                .unwrap_or_default();
            let (item_plain, item_body) = split(item_parameters, &shared_parameters);
            if !item_plain.is_empty() {
                item.insert("parameters".into(), Value::Array(item_plain));
            }
            for method in METHODS {
                let Some(op) = item.get_mut(method).and_then(Value::as_object_mut) else {
                    continue;
                };
                let at = format!(
                    "/paths/{}/{method}",
                    crate::normalize::pointer::escape(path)
                );
                operation(op, &item_body, &shared_parameters, &consumes, &produces)
                    .map_err(|message| NormalizeError::new(at, message))?;
            }
        }
    }
    root.insert("components".into(), Value::Object(components));

    walk_mut_refs(doc, &mut |r| {
        for (old, new) in [
            ("#/definitions/", "#/components/schemas/"),
            ("#/parameters/", "#/components/parameters/"),
            ("#/responses/", "#/components/responses/"),
        ] {
            if let Some(rest) = r.strip_prefix(old) {
                *r = format!("{new}{rest}");
            }
        }
    });
    schemas::for_each_schema(doc, &mut |_, schema| schema_keywords(schema));
    Ok(())
}

fn into_map(v: Value) -> Option<Map<String, Value>> {
    match v {
        Value::Object(m) => Some(m),
        _ => None,
    }
}

fn into_list(v: Value) -> Option<Vec<Value>> {
    match v {
        Value::Array(items) => Some(items),
        _ => None,
    }
}

fn media_list(v: Option<Value>, fallback: &str) -> Vec<String> {
    let list: Vec<String> = v
        .and_then(into_list)
        .unwrap_or_default()
        .into_iter()
        .filter_map(|m| m.as_str().map(str::to_owned))
        .collect();
    if list.is_empty() {
        vec![fallback.to_owned()]
    } else {
        list
    }
}

fn servers(root: &mut Map<String, Value>) {
    let host = root.remove("host");
    let base = root.remove("basePath");
    let schemes = root.remove("schemes");
    let base = base.as_ref().and_then(Value::as_str).unwrap_or("");
    let url = match host.as_ref().and_then(Value::as_str) {
        Some(host) => {
            let scheme = schemes
                .as_ref()
                .and_then(Value::as_array)
                .and_then(|s| s.iter().find(|v| *v == "https").or_else(|| s.first()))
                .and_then(Value::as_str)
                .unwrap_or("https");
            format!("{scheme}://{host}{base}")
        }
        None if base.is_empty() => return,
        None => base.to_owned(),
    };
    root.insert("servers".into(), json!([{ "url": url }]));
}

fn security_scheme(scheme: Value) -> Value {
    let Some(mut s) = into_map(scheme) else {
        return json!({});
    };
    match s.get("type").and_then(Value::as_str) {
        Some("basic") => {
            s.insert("type".into(), json!("http"));
            s.insert("scheme".into(), json!("basic"));
        }
        Some("oauth2") => {
            let flow = s.remove("flow");
            let mut f = Map::new();
            for key in ["authorizationUrl", "tokenUrl"] {
                if let Some(v) = s.remove(key) {
                    f.insert(key.into(), v);
                }
            }
            f.insert(
                "scopes".into(),
                s.remove("scopes").unwrap_or_else(|| json!({})),
            );
            let name = match flow.as_ref().and_then(Value::as_str) {
                Some("implicit") => "implicit",
                Some("password") => "password",
                Some("application") => "clientCredentials",
                _ => "authorizationCode",
            };
            s.insert("flows".into(), json!({ name: f }));
        }
        _ => {}
    }
    Value::Object(s)
}

fn is_body_like(p: &Value) -> bool {
    matches!(
        p.get("in").and_then(Value::as_str),
        Some("body" | "formData")
    )
}

/// Splits a parameter list into 3.0 parameters and the body-like ones
/// (resolving references to shared body/form parameters).
fn split(list: Vec<Value>, shared: &Map<String, Value>) -> (Vec<Value>, Vec<Value>) {
    let mut plain = Vec::new();
    let mut body = Vec::new();
    for p in list {
        let resolved = p
            .get("$ref")
            .and_then(Value::as_str)
            .and_then(|r| r.strip_prefix("#/parameters/"))
            .and_then(|name| shared.get(name));
        match resolved {
            Some(target) if is_body_like(target) => body.push(target.clone()),
            Some(_) => plain.push(p),
            None if is_body_like(&p) => body.push(p),
            None => plain.push(parameter(p)),
        }
    }
    (plain, body)
}

/// A non-body 2.0 parameter as a 3.0 parameter.
fn parameter(p: Value) -> Value {
    let Some(mut p) = into_map(p) else {
        return json!({});
    };
    if p.contains_key("$ref") {
        return Value::Object(p);
    }
    let mut schema = Map::new();
    for key in SCHEMA_KEYS {
        if let Some(v) = p.remove(key) {
            schema.insert(key.into(), v);
        }
    }
    p.remove("allowEmptyValue");
    if let Some(format) = p.remove("collectionFormat") {
        let query = p.get("in").and_then(Value::as_str) == Some("query");
        match format.as_str() {
            Some("multi") => {
                p.insert("style".into(), json!("form"));
                p.insert("explode".into(), json!(true));
            }
            Some("ssv") if query => {
                p.insert("style".into(), json!("spaceDelimited"));
                p.insert("explode".into(), json!(false));
            }
            Some("pipes") if query => {
                p.insert("style".into(), json!("pipeDelimited"));
                p.insert("explode".into(), json!(false));
            }
            _ if query => {
                p.insert("style".into(), json!("form"));
                p.insert("explode".into(), json!(false));
            }
            _ => {}
        }
    }
    p.insert("schema".into(), Value::Object(schema));
    Value::Object(p)
}

fn operation(
    op: &mut Map<String, Value>,
    inherited_body: &[Value],
    shared: &Map<String, Value>,
    consumes: &[String],
    produces: &[String],
) -> Result<(), String> {
    let consumes = match op.remove("consumes") {
        Some(v) => media_list(Some(v), &consumes[0]),
        None => consumes.to_vec(),
    };
    let produces = match op.remove("produces") {
        Some(v) => media_list(Some(v), &produces[0]),
        None => produces.to_vec(),
    };
    op.remove("schemes");
    let list = op
        .remove("parameters")
        .and_then(into_list)
        .unwrap_or_default();
    let (plain, mut body) = split(list, shared);
    for p in inherited_body {
        let overridden = body.iter().any(|b| b.get("name") == p.get("name"));
        if !overridden {
            body.push(p.clone());
        }
    }
    if !plain.is_empty() {
        op.insert("parameters".into(), Value::Array(plain));
    }
    if let Some(request) = request_body(&body, &consumes)? {
        op.insert("requestBody".into(), request);
    }
    if let Some(responses) = op.get_mut("responses").and_then(Value::as_object_mut) {
        for r in responses.values_mut() {
            *r = response(r.take(), &produces);
        }
    }
    Ok(())
}

/// The 3.0 request body for an operation's `body` or `formData` parameters.
fn request_body(params: &[Value], consumes: &[String]) -> Result<Option<Value>, String> {
    if let Some(body) = params.iter().find(|p| p["in"] == "body") {
        if params.iter().any(|p| p["in"] == "formData") {
            return Err("an operation cannot have both `body` and `formData` parameters".into());
        }
        let schema = body.get("schema").cloned().unwrap_or_else(|| json!({}));
        let content: Map<String, Value> = consumes
            .iter()
            .filter(|m| !is_form(m))
            .map(|m| (m.clone(), json!({ "schema": schema })))
            .collect();
        let content = if content.is_empty() {
            Map::from_iter([("application/json".to_string(), json!({ "schema": schema }))])
        } else {
            content
        };
        let mut request = json!({ "content": content });
        copy(body, &mut request, &["description", "required"]);
        return Ok(Some(request));
    }
    if params.is_empty() {
        return Ok(None);
    }
    let mut properties = Map::new();
    let mut required = Vec::new();
    let mut has_file = false;
    for p in params {
        let Some(name) = p.get("name").and_then(Value::as_str) else {
            return Err("a `formData` parameter needs a `name`".into());
        };
        let converted = parameter(p.clone());
        let mut schema = converted
            .get("schema")
            .cloned()
            .unwrap_or_else(|| json!({}));
        has_file |= schema["type"] == "file";
        copy(p, &mut schema, &["description"]);
        properties.insert(name.to_owned(), schema);
        if p.get("required") == Some(&Value::Bool(true)) {
            required.push(json!(name));
        }
    }
    let media = if has_file
        || consumes
            .iter()
            .any(|m| m.starts_with("multipart/form-data"))
    {
        "multipart/form-data"
    } else {
        "application/x-www-form-urlencoded"
    };
    let mut schema = json!({ "type": "object", "properties": properties });
    if !required.is_empty() {
        schema["required"] = Value::Array(required.clone());
    }
    let mut request = json!({ "content": { media: { "schema": schema } } });
    if !required.is_empty() {
        request["required"] = json!(true);
    }
    Ok(Some(request))
}

fn is_form(media: &str) -> bool {
    media.starts_with("application/x-www-form-urlencoded")
        || media.starts_with("multipart/form-data")
}

fn response(r: Value, produces: &[String]) -> Value {
    let Some(mut r) = into_map(r) else {
        return json!({ "description": "" });
    };
    if r.contains_key("$ref") {
        return Value::Object(r);
    }
    r.entry("description").or_insert_with(|| json!(""));
    r.remove("examples");
    if let Some(schema) = r.remove("schema") {
        let content: Map<String, Value> = produces
            .iter()
            .map(|m| (m.clone(), json!({ "schema": schema })))
            .collect();
        r.insert("content".into(), Value::Object(content));
    }
    if let Some(headers) = r.get_mut("headers").and_then(Value::as_object_mut) {
        for header in headers.values_mut() {
            let mut converted = parameter(header.take());
            if let Some(map) = converted.as_object_mut() {
                map.remove("in");
                map.remove("name");
            }
            *header = converted;
        }
    }
    Value::Object(r)
}

fn copy(from: &Value, to: &mut Value, keys: &[&str]) {
    for key in keys {
        if let Some(v) = from.get(*key) {
            to[*key] = v.clone();
        }
    }
}

/// Schema keywords that differ between 2.0 and 3.0.
fn schema_keywords(schema: &mut Map<String, Value>) {
    if schema.get("type").and_then(Value::as_str) == Some("file") {
        schema.insert("type".into(), json!("string"));
        schema.insert("format".into(), json!("binary"));
    }
    if let Some(nullable) = schema.remove("x-nullable") {
        schema.insert("nullable".into(), nullable);
    }
    if let Some(Value::String(property)) = schema.get("discriminator").cloned() {
        schema.insert("discriminator".into(), json!({ "propertyName": property }));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn converted(doc: Value) -> Value {
        let mut doc = doc;
        convert(&mut doc, &mut Context::new("ApiError")).unwrap();
        doc
    }

    #[test]
    fn servers_components_and_references() {
        let doc = converted(json!({
            "swagger": "2.0", "host": "api.example.com", "basePath": "/v1", "schemes": ["http", "https"],
            "definitions": {"Pet": {"type": "object", "properties": {"tag": {"$ref": "#/definitions/Tag"}, "photo": {"type": "file"}, "n": {"type": "string", "x-nullable": true}}}, "Tag": {"type": "string"}},
            "securityDefinitions": {"key": {"type": "apiKey", "in": "header", "name": "X-Key"}, "basic": {"type": "basic"},
                "oauth": {"type": "oauth2", "flow": "accessCode", "authorizationUrl": "https://a", "tokenUrl": "https://t", "scopes": {"r": "read"}}},
            "paths": {}
        }));
        assert_eq!(doc["openapi"], "3.0.3");
        assert!(doc.get("swagger").is_none());
        assert_eq!(
            doc["servers"],
            json!([{"url": "https://api.example.com/v1"}])
        );
        let pet = &doc["components"]["schemas"]["Pet"]["properties"];
        assert_eq!(pet["tag"]["$ref"], "#/components/schemas/Tag");
        assert_eq!(pet["photo"], json!({"type": "string", "format": "binary"}));
        assert_eq!(pet["n"], json!({"type": "string", "nullable": true}));
        let schemes = &doc["components"]["securitySchemes"];
        assert_eq!(schemes["basic"], json!({"type": "http", "scheme": "basic"}));
        assert_eq!(
            schemes["oauth"]["flows"]["authorizationCode"]["tokenUrl"],
            "https://t"
        );
    }

    #[test]
    fn body_query_and_form_parameters() {
        let doc = converted(json!({
            "swagger": "2.0", "consumes": ["application/json"], "produces": ["application/json"],
            "parameters": {"Limit": {"name": "limit", "in": "query", "type": "integer"}},
            "paths": {
                "/pets": {"post": {
                    "parameters": [
                        {"name": "pet", "in": "body", "required": true, "schema": {"$ref": "#/definitions/Pet"}},
                        {"name": "tags", "in": "query", "type": "array", "items": {"type": "string"}, "collectionFormat": "csv"},
                        {"$ref": "#/parameters/Limit"}
                    ],
                    "responses": {"200": {"description": "ok", "schema": {"type": "string"}, "headers": {"X-Rate": {"type": "integer"}}}}
                }},
                "/upload": {"post": {
                    "consumes": ["application/x-www-form-urlencoded"],
                    "parameters": [
                        {"name": "token", "in": "formData", "type": "string", "required": true},
                        {"name": "file", "in": "formData", "type": "file"}
                    ],
                    "responses": {"200": {"description": "ok"}}
                }},
                "/form": {"post": {
                    "consumes": ["application/x-www-form-urlencoded"],
                    "parameters": [{"name": "channel", "in": "formData", "type": "string"}],
                    "responses": {"default": {"description": "err"}}
                }}
            }
        }));
        let op = &doc["paths"]["/pets"]["post"];
        assert_eq!(
            op["requestBody"],
            json!({"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Pet"}}}, "required": true})
        );
        assert_eq!(
            op["parameters"][0],
            json!({"name": "tags", "in": "query", "style": "form", "explode": false, "schema": {"type": "array", "items": {"type": "string"}}})
        );
        assert_eq!(
            op["parameters"][1],
            json!({"$ref": "#/components/parameters/Limit"})
        );
        assert_eq!(
            doc["components"]["parameters"]["Limit"]["schema"],
            json!({"type": "integer"})
        );
        assert_eq!(
            op["responses"]["200"]["content"]["application/json"]["schema"],
            json!({"type": "string"})
        );
        assert_eq!(
            op["responses"]["200"]["headers"]["X-Rate"],
            json!({"schema": {"type": "integer"}})
        );
        let upload = &doc["paths"]["/upload"]["post"]["requestBody"];
        assert_eq!(
            upload["content"]["multipart/form-data"]["schema"]["properties"]["file"],
            json!({"type": "string", "format": "binary"})
        );
        assert_eq!(
            upload["content"]["multipart/form-data"]["schema"]["required"],
            json!(["token"])
        );
        let form = &doc["paths"]["/form"]["post"]["requestBody"];
        assert!(form["content"]
            .get("application/x-www-form-urlencoded")
            .is_some());
    }

    #[test]
    fn body_and_form_together_is_an_error() {
        let mut doc = json!({"swagger": "2.0", "paths": {"/a": {"post": {"parameters": [
            {"name": "b", "in": "body", "schema": {}}, {"name": "f", "in": "formData", "type": "string"}
        ], "responses": {}}}}});
        let err = convert(&mut doc, &mut Context::new("ApiError")).unwrap_err();
        assert_eq!(err.pointer, "/paths/~1a/post");
    }
}
