//! Parameters in the styles progenitor can send.
//!
//! progenitor 0.15 sends path parameters in `simple` style, query parameters
//! in `form` style and headers, and rejects the whole document on anything
//! else. So:
//!
//! - a `deepObject` query object with named properties becomes one query
//!   parameter per property, named `param[property]` (exactly what
//!   deepObject puts on the wire);
//! - what cannot be sent that way (a deepObject map of free-form keys, a
//!   cookie, a space- or pipe-delimited list) is left out of the method with
//!   a warning naming it: the operation stays bound, and a caller who needs
//!   the parameter can add it with the client builder's headers or a proxy;
//! - a parameter described by `content` instead of `schema` takes that
//!   content's schema;
//! - `nullable` on a parameter's schema goes (not sending it is the null);
//! - a header whose schema is not a scalar (OpenAI's `OpenAI-Beta` list)
//!   becomes a string, documented as the comma-separated list the `simple`
//!   style sends (progenitor writes a header with `to_string()`);
//! - a query list of objects or lists (Box's `mdfilters`), which the `form`
//!   style has no encoding for and progenitor fails to build at run time
//!   ("builder error" on every call), becomes a string the caller encodes
//!   (JSON text, for the APIs that take one), with a warning.
//!
//! A path parameter in another style cannot be left out (the URL needs it):
//! that operation is listed as unbound.

use serde_json::{json, Value};

use crate::normalize::docs::append_sentence;
use crate::normalize::pointer::{resolve, resolve_schema};
use crate::normalize::schemas::string_list;
use crate::normalize::{
    operation_pointer, retain_operations, Context, NormalizeError, Pass, Unbound,
};

pub const PASS: Pass = Pass {
    name: "parameter-styles",
    what: "expand deepObject query objects; leave out parameters progenitor cannot send, with a warning",
    essential: true,
    run,
};

fn run(doc: &mut Value, ctx: &mut Context) -> Result<(), NormalizeError> {
    let snapshot = doc.clone();
    let mut warnings = Vec::new();
    let mut unbound = Vec::new();
    retain_operations(doc, |path, method, op| {
        let at = operation_pointer(path, method);
        let Some(list) = op.get_mut("parameters").and_then(Value::as_array_mut) else {
            return Ok(true);
        };
        let mut kept = Vec::new();
        for (i, param) in std::mem::take(list).into_iter().enumerate() {
            let p_at = format!("{at}/parameters/{i}");
            let resolved = match param.get("$ref").and_then(Value::as_str) {
                Some(r) => resolve(&snapshot, r).cloned().unwrap_or(param.clone()),
                None => param.clone(),
            };
            let name = resolved
                .get("name")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_string();
            let location = resolved
                .get("in")
                .and_then(Value::as_str)
                .unwrap_or_default();
            let style = resolved.get("style").and_then(Value::as_str);
            let mut resolved = resolved.clone();
            if let Some(schema) = content_schema(&resolved) {
                resolved.as_object_mut().map(|m| m.remove("content"));
                resolved["schema"] = schema;
            }
            if location == "header" {
                scalar_header(&snapshot, &mut resolved);
            }
            if location == "query"
                && style.is_none_or(|s| s == "form")
                && nested_list(&snapshot, &resolved)
            {
                resolved["schema"] = json!({"type": "string"});
                if let Some(map) = resolved.as_object_mut() {
                    append_sentence(map, "A list of objects, which a query string has no standard encoding for: sent as the text given (JSON text, for APIs that document it).");
                }
                warnings.push((p_at.clone(), format!("query parameter `{name}` is a list of objects or lists: made a string the caller encodes")));
            }
            // A parameter that is not sent is the null; progenitor cannot
            // send a nullable header or path value at all.
            if let Some(schema) = resolved.get_mut("schema").and_then(Value::as_object_mut) {
                schema.remove("nullable");
            }
            match (location, style) {
                ("path", None | Some("simple")) | ("header", _) | ("query", None | Some("form")) => {
                    let unchanged = resolved.get("schema") == param.get("schema")
                        && resolved.get("description") == param.get("description");
                    kept.push(if unchanged { param } else { resolved });
                }
                ("path", Some(other)) => {
                    unbound.push(Unbound {
                        operation: op_id(op),
                        reason: format!("path parameter `{name}` uses style `{other}`; progenitor 0.15 sends only `simple`"),
                    });
                    return Ok(false);
                }
                ("query", Some("deepObject")) => match deep_object(&snapshot, &resolved) {
                    Some(expanded) => kept.extend(expanded),
                    None => warnings.push((p_at, format!("left out query parameter `{name}`: a deepObject of free-form keys cannot be sent by progenitor 0.15"))),
                },
                ("cookie", _) => warnings.push((p_at, format!("left out cookie parameter `{name}`: progenitor 0.15 sends no cookies"))),
                (_, style) => warnings.push((p_at, format!("left out {location} parameter `{name}`: style {style:?} cannot be sent by progenitor 0.15"))),
            }
        }
        *op.get_mut("parameters").expect("taken above") = Value::Array(kept);
        Ok(true)
    })?;
    for (at, message) in warnings {
        ctx.warn(PASS.name, at, message);
    }
    ctx.unbound.extend(unbound);
    Ok(())
}

fn scalar_header(doc: &Value, param: &mut Value) {
    let Some((schema, _)) = param.get("schema").map(|s| resolve_schema(doc, s)) else {
        return;
    };
    let kind = schema.get("type").and_then(Value::as_str);
    if matches!(kind, Some("array" | "object")) {
        param["schema"] = json!({"type": "string"});
        if let Some(map) = param.as_object_mut() {
            append_sentence(map, "Sent as one comma-separated value.");
        }
    }
}

/// Whether a parameter's schema is a list whose items are objects or lists.
fn nested_list(doc: &Value, param: &Value) -> bool {
    let Some((schema, _)) = param.get("schema").map(|s| resolve_schema(doc, s)) else {
        return false;
    };
    if schema.get("type").and_then(Value::as_str) != Some("array") {
        return false;
    }
    schema
        .get("items")
        .map(|items| resolve_schema(doc, items).0)
        .is_some_and(|items| {
            matches!(
                items.get("type").and_then(Value::as_str),
                Some("object" | "array")
            ) || items.get("properties").is_some()
        })
}

fn op_id(op: &Value) -> String {
    op.get("operationId")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string()
}

fn content_schema(param: &Value) -> Option<Value> {
    param
        .get("content")?
        .as_object()?
        .values()
        .next()?
        .get("schema")
        .cloned()
}

/// `filter` with properties `a`, `b` -> `filter[a]`, `filter[b]`.
fn deep_object(doc: &Value, param: &Value) -> Option<Vec<Value>> {
    let (schema, _) = resolve_schema(doc, param.get("schema")?);
    let properties = schema.get("properties")?.as_object()?;
    let free_form = schema
        .get("additionalProperties")
        .is_some_and(|a| a != &json!(false));
    if properties.is_empty() || free_form {
        return None;
    }
    let required: Vec<&str> = string_list(schema.get("required")).collect();
    let base = param.get("name")?.as_str()?;
    let param_required = param.get("required") == Some(&json!(true));
    Some(
        properties
            .iter()
            .map(|(prop, schema)| {
                let mut p = json!({
                    "name": format!("{base}[{prop}]"),
                    "in": "query",
                    "required": param_required && required.contains(&prop.as_str()),
                    "schema": schema,
                });
                if let Some(d) = schema
                    .get("description")
                    .or_else(|| param.get("description"))
                {
                    p["description"] = d.clone();
                }
                p
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn params_after(params: Value) -> (Value, Context) {
        let mut doc = json!({"paths": {"/a": {"get": {"operationId": "a", "parameters": params}}}});
        let mut ctx = Context::new("ApiError");
        run(&mut doc, &mut ctx).unwrap();
        (doc["paths"]["/a"]["get"]["parameters"].clone(), ctx)
    }

    #[test]
    fn deep_objects_with_properties_expand() {
        let (params, ctx) = params_after(
            json!([{"name": "filter", "in": "query", "style": "deepObject", "required": true,
            "schema": {"type": "object", "required": ["a"], "properties": {"a": {"type": "string"}, "b": {"type": "integer"}}}}]),
        );
        assert_eq!(
            params,
            json!([
                {"name": "filter[a]", "in": "query", "required": true, "schema": {"type": "string"}},
                {"name": "filter[b]", "in": "query", "required": false, "schema": {"type": "integer"}}
            ])
        );
        assert!(ctx.warnings.is_empty());
    }

    #[test]
    fn what_cannot_be_sent_is_left_out_with_a_warning() {
        let (params, ctx) = params_after(json!([
            {"name": "metadata", "in": "query", "style": "deepObject", "schema": {"type": "object", "additionalProperties": {"type": "string"}}},
            {"name": "session", "in": "cookie", "schema": {"type": "string"}},
            {"name": "ids", "in": "query", "style": "pipeDelimited", "schema": {"type": "array"}},
            {"name": "q", "in": "query", "content": {"application/json": {"schema": {"type": "object"}}}}
        ]));
        assert_eq!(
            params,
            json!([{"name": "q", "in": "query", "schema": {"type": "object"}}])
        );
        let pointers: Vec<_> = ctx.warnings.iter().map(|w| w.pointer.as_str()).collect();
        assert_eq!(
            pointers,
            [
                "/paths/~1a/get/parameters/0",
                "/paths/~1a/get/parameters/1",
                "/paths/~1a/get/parameters/2"
            ]
        );
    }

    #[test]
    fn a_list_header_becomes_a_documented_string() {
        let (params, _) = params_after(json!([{"name": "OpenAI-Beta", "in": "header",
            "schema": {"type": "array", "items": {"type": "string", "enum": ["a", "b"]}}}]));
        assert_eq!(params[0]["schema"], json!({"type": "string"}));
        assert!(params[0]["description"]
            .as_str()
            .unwrap()
            .contains("comma-separated"));
    }

    #[test]
    fn a_query_list_of_objects_becomes_a_string_the_caller_encodes() {
        let (params, ctx) = params_after(json!([
            {"name": "mdfilters", "in": "query",
             "schema": {"type": "array", "items": {"type": "object", "properties": {"scope": {"type": "string"}}}}},
            {"name": "ids", "in": "query", "schema": {"type": "array", "items": {"type": "string"}}}
        ]));
        assert_eq!(params[0]["schema"], json!({"type": "string"}));
        assert!(params[0]["description"]
            .as_str()
            .unwrap()
            .contains("JSON text"));
        assert_eq!(
            params[1]["schema"]["type"], "array",
            "a list of scalars is form style's own"
        );
        assert_eq!(ctx.warnings.len(), 1);
        assert_eq!(ctx.warnings[0].pointer, "/paths/~1a/get/parameters/0");
    }

    #[test]
    fn a_path_parameter_in_another_style_unbinds_the_operation() {
        let mut doc = json!({"paths": {"/a/{id}": {"get": {"operationId": "a", "parameters": [
            {"name": "id", "in": "path", "style": "matrix", "required": true, "schema": {"type": "string"}}]}}}});
        let mut ctx = Context::new("ApiError");
        run(&mut doc, &mut ctx).unwrap();
        assert_eq!(doc["paths"], json!({}));
        assert!(ctx.unbound[0].reason.contains("matrix"));
    }
}
