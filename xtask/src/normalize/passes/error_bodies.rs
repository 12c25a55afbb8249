//! One error type per provider. progenitor gives each operation a single
//! error type and asserts when its 4xx/5xx bodies differ, and when error and
//! success bodies are both inline it may decode an error as the success type.
//! This pass merges every plain-object error body of the whole description
//! into one named schema (`ApiError` by default; the union of the properties,
//! so details such as bundle.social's 400 `issues[]` stay typed) and points
//! every error response at it. Error bodies that are not plain objects (a
//! field-error map, say) get their own named schema per operation. Error
//! responses without a JSON body are removed when the operation has a typed
//! one: their status then surfaces as an unexpected-response error instead of
//! a decode failure.

use serde_json::{json, Value};

use super::responses::{classify, has_raw_body, json_schema, Class};
use super::schema_shape::{is_plain_object, merge_objects, resolved, shape_key};
use crate::normalize::names::pascal_case;
use crate::normalize::{for_each_operation, Context, NormalizeError, Pass};

pub const PASS: Pass = Pass {
    name: "error-bodies",
    what: "merge error bodies into one named error schema per provider",
    essential: true,
    run,
};

fn run(doc: &mut Value, ctx: &mut Context) -> Result<(), NormalizeError> {
    let snapshot = doc.clone();

    // 1. Every plain-object error body in the document, resolved.
    let mut plain: Vec<Value> = Vec::new();
    for_each_operation(&mut doc.clone(), |_, _, op| {
        for (key, response) in op
            .get("responses")
            .and_then(Value::as_object)
            .into_iter()
            .flatten()
        {
            if classify(key) != Class::Error {
                continue;
            }
            if let Some(schema) = json_schema(response) {
                let schema = resolved(&snapshot, schema);
                if is_plain_object(schema)
                    && !plain.iter().any(|p| shape_key(p) == shape_key(schema))
                {
                    plain.push(schema.clone());
                }
            }
        }
        Ok(())
    })?;
    let mut named: Vec<(String, String)> = Vec::new(); // (shape, name) of registered schemas
    let mut renamed: Vec<(String, String)> = Vec::new(); // (pointer, message)
    let shared_name = if plain.is_empty() {
        ctx.error_schema.clone()
    } else {
        let refs: Vec<&Value> = plain.iter().collect();
        let merged = merge_objects(&refs);
        let wanted = ctx.error_schema.clone();
        register(doc, &mut named, &mut renamed, &wanted, merged, "")?
    };

    // 2. Point every error response at its schema.
    let mut work = doc.clone();
    for_each_operation(&mut work, |path, method, op| {
        let op_name = pascal_case(op["operationId"].as_str().unwrap_or_default());
        let Some(responses) = op.get_mut("responses").and_then(Value::as_object_mut) else {
            return Ok(());
        };
        let error_keys: Vec<String> = responses
            .keys()
            .filter(|k| classify(k) == Class::Error)
            .cloned()
            .collect();
        let mut target: Option<String> = None;
        for key in &error_keys {
            let Some(schema) = json_schema(&responses[key]) else {
                continue;
            };
            let schema = resolved(&snapshot, schema);
            let name = if is_plain_object(schema) {
                shared_name.clone()
            } else {
                let candidate = if named.iter().any(|(_, n)| n == &shared_name) {
                    format!("{op_name}Error")
                } else {
                    shared_name.clone()
                };
                register(
                    doc,
                    &mut named,
                    &mut renamed,
                    &candidate,
                    schema.clone(),
                    &format!(
                        "{}/{}",
                        crate::normalize::operation_pointer(path, method),
                        key
                    ),
                )?
            };
            match &target {
                None => target = Some(name),
                // A second, different non-object body: keep the first, drop this one.
                Some(t) if *t != name => {
                    responses.remove(key);
                }
                Some(_) => {}
            }
        }
        let typed = target.is_some();
        for key in &error_keys {
            let Some(response) = responses.get_mut(key) else {
                continue;
            };
            match &target {
                Some(name) if json_schema(response).is_some() => {
                    response["content"] = json!({"application/json": {"schema": {"$ref": format!("#/components/schemas/{name}")}}});
                }
                Some(_) => {
                    responses.remove(key);
                }
                None => {}
            }
        }
        // Without a typed body, raw and bodiless errors must share one kind.
        if !typed
            && error_keys
                .iter()
                .any(|k| responses.get(k).is_some_and(has_raw_body))
        {
            for key in &error_keys {
                if let Some(r) = responses.get_mut(key).filter(|r| !has_raw_body(r)) {
                    r["content"] = json!({"application/octet-stream": {}});
                }
            }
        }
        Ok(())
    })?;
    doc["paths"] = work["paths"].take();
    for (at, message) in renamed {
        ctx.warn(PASS.name, at, message);
    }
    Ok(())
}

/// Adds `schema` to `components/schemas` under `name` and returns the name
/// used. A schema of the same shape registered before is reused. Where the
/// description already has a different schema of that name (its own
/// `ApiError`, an operation's `SendMessageError`), the first free name of
/// `<name>Body`, `<name>Body2`, ... is taken and noted in `renamed`.
fn register(
    doc: &mut Value,
    named: &mut Vec<(String, String)>,
    renamed: &mut Vec<(String, String)>,
    name: &str,
    schema: Value,
    at: &str,
) -> Result<String, NormalizeError> {
    let shape = shape_key(&schema);
    if let Some((_, existing)) = named.iter().find(|(s, _)| *s == shape) {
        return Ok(existing.clone());
    }
    let schemas = doc
        .as_object_mut()
        .expect("checked by run_passes")
        .entry("components")
        .or_insert_with(|| json!({}))
        .as_object_mut()
        .ok_or_else(|| NormalizeError::new("/components", "`components` must be an object"))?
        .entry("schemas")
        .or_insert_with(|| json!({}));
    let schemas = schemas
        .as_object_mut()
        .ok_or_else(|| NormalizeError::new("/components/schemas", "`schemas` must be an object"))?;
    let taken = |candidate: &str| {
        schemas
            .get(candidate)
            .is_some_and(|existing| shape_key(existing) != shape)
    };
    let mut chosen = name.to_string();
    let mut n = 1;
    while taken(&chosen) {
        chosen = if n == 1 {
            format!("{name}Body")
        } else {
            format!("{name}Body{n}")
        };
        n += 1;
    }
    if chosen != name {
        renamed.push((
            if at.is_empty() {
                format!("/components/schemas/{name}")
            } else {
                at.to_string()
            },
            format!("the error body is named `{chosen}`: the description's own `{name}` is a different schema"),
        ));
    }
    schemas.insert(chosen.clone(), schema);
    named.push((shape, chosen.clone()));
    Ok(chosen)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(schema: Value) -> Value {
        json!({"description": "d", "content": {"application/json": {"schema": schema}}})
    }

    #[test]
    fn all_plain_object_errors_share_one_merged_schema() {
        let issues = json!({"type": "object", "required": ["message"], "properties": {
            "message": {"type": "string"}, "issues": {"type": "array", "items": {"type": "object", "properties": {"code": {"type": "string"}}}}
        }});
        let plain = json!({"type": "object", "required": ["message"], "properties": {"message": {"type": "string"}}});
        let mut doc = json!({
            "paths": {
                "/a": {"get": {"operationId": "a", "responses": {"200": body(json!({"type": "string"})), "400": body(issues), "401": body(json!({"$ref": "#/components/schemas/Msg"}))}}},
                "/b": {"get": {"operationId": "b", "responses": {"200": body(json!({"type": "string"})), "404": body(plain), "500": {"description": "no body"}}}}
            },
            "components": {"schemas": {"Msg": {"type": "object", "required": ["message"], "properties": {"message": {"type": "string"}}}}}
        });
        run(&mut doc, &mut Context::new("ApiError")).unwrap();
        let api_error = &doc["components"]["schemas"]["ApiError"];
        assert_eq!(api_error["required"], json!(["message"]));
        assert!(api_error["properties"]["issues"].is_object());
        for (path, code) in [("/a", "400"), ("/a", "401"), ("/b", "404")] {
            assert_eq!(
                doc["paths"][path]["get"]["responses"][code]["content"]["application/json"]
                    ["schema"]["$ref"],
                "#/components/schemas/ApiError",
                "{path} {code}"
            );
        }
        // The bodiless 500 next to a typed error is removed.
        assert!(doc["paths"]["/b"]["get"]["responses"].get("500").is_none());
    }

    #[test]
    fn a_field_error_map_gets_the_error_name_and_a_bodiless_401_is_dropped() {
        let map = json!({"type": "object", "additionalProperties": {"type": "array", "items": {"type": "string"}}});
        let mut doc = json!({"paths": {"/a": {"post": {"operationId": "create", "responses": {
            "200": body(json!({"type": "object", "properties": {}})),
            "401": {"description": "unauthorized"},
            "422": body(map.clone())
        }}}}});
        run(&mut doc, &mut Context::new("FieldErrors")).unwrap();
        assert_eq!(doc["components"]["schemas"]["FieldErrors"], map);
        let responses = &doc["paths"]["/a"]["post"]["responses"];
        assert!(responses.get("401").is_none());
        assert_eq!(
            responses["422"]["content"]["application/json"]["schema"]["$ref"],
            "#/components/schemas/FieldErrors"
        );
    }

    #[test]
    fn raw_and_bodiless_errors_share_the_raw_kind() {
        let mut doc = json!({"paths": {"/a": {"get": {"operationId": "a", "responses": {
            "200": {"description": "ok"},
            "400": {"description": "bad", "content": {"text/plain": {}}},
            "404": {"description": "nf"}
        }}}}});
        run(&mut doc, &mut Context::new("ApiError")).unwrap();
        assert_eq!(
            doc["paths"]["/a"]["get"]["responses"]["404"]["content"],
            json!({"application/octet-stream": {}})
        );
    }

    #[test]
    fn a_taken_error_name_gives_the_next_free_one_with_a_warning() {
        let mut doc = json!({
            "paths": {"/a": {"get": {"operationId": "a", "responses": {"400": body(json!({"type": "object", "properties": {"m": {"type": "string"}}}))}}}},
            "components": {"schemas": {"ApiError": {"type": "string"}, "ApiErrorBody": {"type": "integer"}}}
        });
        let mut ctx = Context::new("ApiError");
        run(&mut doc, &mut ctx).unwrap();
        assert_eq!(
            doc["components"]["schemas"]["ApiError"],
            json!({"type": "string"})
        );
        assert_eq!(
            doc["paths"]["/a"]["get"]["responses"]["400"]["content"]["application/json"]["schema"]
                ["$ref"],
            "#/components/schemas/ApiErrorBody2"
        );
        assert_eq!(ctx.warnings.len(), 1);
        assert_eq!(ctx.warnings[0].pointer, "/components/schemas/ApiError");
    }
}
