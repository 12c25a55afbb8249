//! `--lenient`: repair what real descriptions commonly get wrong, instead of
//! failing, and say so. Without `--lenient` this pass does nothing and the
//! later passes report each of these as an error. Each repair is a warning
//! naming its pointer:
//!
//! - a schema `$ref` that does not resolve becomes a free-form value;
//! - a parameter, response or request body `$ref` that does not resolve is
//!   left out (a response keeps its status, without a body);
//! - a query string written into a path (`/search?type=album`) moves into
//!   the operation's query parameters (a fixed value becomes a one-value
//!   enum, `{name}` a string);
//! - a `{name}` in a path template with no `in: path` parameter gets one,
//!   typed as a string.

use serde_json::{json, Map, Value};

use crate::normalize::pointer::{escape, resolve_through as resolve};
use crate::normalize::schemas::for_each_schema;
use crate::normalize::{Context, NormalizeError, Pass, METHODS};

pub const PASS: Pass = Pass {
    name: "lenient",
    what: "with --lenient: repair dangling schema, parameter, response and body refs, query strings in paths, undeclared path parameters",
    essential: true,
    run,
};

fn run(doc: &mut Value, ctx: &mut Context) -> Result<(), NormalizeError> {
    if !ctx.lenient {
        return Ok(());
    }
    dangling_schema_refs(doc, ctx);
    dangling_operation_refs(doc, ctx);
    query_in_paths(doc, ctx);
    undeclared_path_parameters(doc, ctx);
    Ok(())
}

fn dangling_schema_refs(doc: &mut Value, ctx: &mut Context) {
    let snapshot = doc.clone();
    let mut repaired = Vec::new();
    for_each_schema(doc, &mut |at, schema| {
        let Some(r) = schema.get("$ref").and_then(Value::as_str) else {
            return;
        };
        if resolve(&snapshot, r).is_none() {
            repaired.push((format!("{at}/$ref"), r.to_string()));
            let description =
                format!("Free-form: the description refers to {r:?}, which it does not define.");
            *schema = Map::from_iter([("description".to_string(), json!(description))]);
        }
    });
    for (at, r) in repaired {
        ctx.warn(
            PASS.name,
            at,
            format!("reference {r:?} does not resolve; made a free-form value"),
        );
    }
}

/// A parameter, response or request body that is a `$ref` to nothing.
fn dangling_operation_refs(doc: &mut Value, ctx: &mut Context) {
    let snapshot = doc.clone();
    let dangling = |v: &Value| {
        v.get("$ref")
            .and_then(Value::as_str)
            .is_some_and(|r| resolve(&snapshot, r).is_none())
    };
    let mut repaired = Vec::new();
    let Some(paths) = doc.get_mut("paths").and_then(Value::as_object_mut) else {
        return;
    };
    for (path, item) in paths.iter_mut() {
        let at = format!("/paths/{}", escape(path));
        let Some(item) = item.as_object_mut() else {
            continue;
        };
        if let Some(list) = item.get_mut("parameters").and_then(Value::as_array_mut) {
            let before = list.len();
            list.retain(|p| !dangling(p));
            if list.len() < before {
                repaired.push((format!("{at}/parameters"), "a parameter"));
            }
        }
        for method in METHODS {
            let Some(op) = item.get_mut(method).and_then(Value::as_object_mut) else {
                continue;
            };
            let op_at = format!("{at}/{method}");
            if let Some(list) = op.get_mut("parameters").and_then(Value::as_array_mut) {
                let before = list.len();
                list.retain(|p| !dangling(p));
                if list.len() < before {
                    repaired.push((format!("{op_at}/parameters"), "a parameter"));
                }
            }
            if op.get("requestBody").is_some_and(dangling) {
                op.remove("requestBody");
                repaired.push((format!("{op_at}/requestBody"), "the request body"));
            }
            if let Some(responses) = op.get_mut("responses").and_then(Value::as_object_mut) {
                for (status, response) in responses.iter_mut() {
                    if dangling(response) {
                        *response = json!({"description": "Left out by --lenient: its reference does not resolve."});
                        repaired.push((
                            format!("{op_at}/responses/{}", escape(status)),
                            "the response's body",
                        ));
                    }
                }
            }
        }
    }
    for (at, what) in repaired {
        ctx.warn(
            PASS.name,
            at,
            format!("{what} referred to something the description does not define: left out"),
        );
    }
}

fn query_in_paths(doc: &mut Value, ctx: &mut Context) {
    let Some(paths) = doc.get_mut("paths").and_then(Value::as_object_mut) else {
        return;
    };
    let with_query: Vec<String> = paths.keys().filter(|k| k.contains('?')).cloned().collect();
    for key in with_query {
        let (base, query) = key.split_once('?').expect("filtered on '?'");
        // OpenAI keeps `/responses/compact` and `/responses/compact?beta=true`
        // apart this way; progenitor sends such a query as part of the path,
        // so a path that would clash stays as it is.
        let clashes = paths.get(base).is_some_and(|existing| {
            METHODS
                .iter()
                .any(|m| existing.get(*m).is_some() && paths[&key].get(*m).is_some())
        });
        if clashes {
            ctx.warn(
                PASS.name,
                format!("/paths/{}", escape(&key)),
                format!("query string in the path kept (`{base}` has the same methods); it is sent as written"),
            );
            continue;
        }
        let mut item = paths.remove(&key).expect("key taken from the map");
        let params: Vec<Value> = query
            .split('&')
            .filter(|pair| !pair.is_empty())
            .map(|pair| {
                let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
                let schema = match value.strip_prefix('{').and_then(|v| v.strip_suffix('}')) {
                    Some(_) => json!({"type": "string"}),
                    None => json!({"type": "string", "enum": [value]}),
                };
                json!({"name": name, "in": "query", "required": true, "schema": schema})
            })
            .collect();
        for method in METHODS {
            if let Some(op) = item.get_mut(method) {
                let list = op
                    .as_object_mut()
                    .map(|o| o.entry("parameters").or_insert_with(|| json!([])));
                if let Some(Value::Array(list)) = list {
                    list.extend(params.iter().cloned());
                }
            }
        }
        let target = paths.entry(base.to_string()).or_insert_with(|| json!({}));
        for (method, op) in item.as_object().into_iter().flatten() {
            target[method] = op.clone();
        }
        ctx.warn(
            PASS.name,
            format!("/paths/{}", escape(&key)),
            format!("query string in the path; moved to `{base}` with query parameters"),
        );
    }
}

fn undeclared_path_parameters(doc: &mut Value, ctx: &mut Context) {
    let Some(paths) = doc.get_mut("paths").and_then(Value::as_object_mut) else {
        return;
    };
    let mut added = Vec::new();
    for (path, item) in paths.iter_mut() {
        let shared: Vec<Value> = item
            .get("parameters")
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default();
        for method in METHODS {
            let Some(op) = item.get_mut(method).and_then(Value::as_object_mut) else {
                continue;
            };
            let list = op.entry("parameters").or_insert_with(|| json!([]));
            let Some(list) = list.as_array_mut() else {
                continue;
            };
            for name in super::path_params::template_names(path) {
                let declared = list.iter().chain(shared.iter()).any(|p| {
                    p.get("in").and_then(Value::as_str) == Some("path")
                        && p.get("name").and_then(Value::as_str) == Some(name)
                });
                if !declared {
                    list.push(json!({"name": name, "in": "path", "required": true, "schema": {"type": "string"}}));
                    added.push((format!("/paths/{}/{method}/parameters", escape(path)), name));
                }
            }
        }
    }
    for (at, name) in added {
        ctx.warn(
            PASS.name,
            at,
            format!("`{{{name}}}` had no `in: path` parameter; added one typed as a string"),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lenient(doc: Value) -> (Value, Context) {
        let mut doc = doc;
        let mut ctx = Context::new("ApiError").lenient(true);
        run(&mut doc, &mut ctx).unwrap();
        (doc, ctx)
    }

    #[test]
    fn without_lenient_nothing_changes() {
        let doc = json!({"paths": {"/a?b=c": {"get": {}}}});
        let mut out = doc.clone();
        run(&mut out, &mut Context::new("ApiError")).unwrap();
        assert_eq!(out, doc);
    }

    #[test]
    fn dangling_schema_refs_become_free_form() {
        let (doc, ctx) = lenient(
            json!({"components": {"schemas": {"A": {"type": "object", "properties": {
            "b": {"$ref": "#/components/schemas/Missing"}, "c": {"$ref": "#/components/schemas/A"}}}}}}),
        );
        let props = &doc["components"]["schemas"]["A"]["properties"];
        assert!(props["b"].get("$ref").is_none());
        assert_eq!(props["c"], json!({"$ref": "#/components/schemas/A"}));
        assert_eq!(
            ctx.warnings[0].pointer,
            "/components/schemas/A/properties/b/$ref"
        );
    }

    #[test]
    fn query_strings_move_out_of_paths() {
        let (doc, ctx) =
            lenient(json!({"paths": {"/search?type=album&q={q}": {"get": {"operationId": "s"}}}}));
        assert_eq!(
            doc["paths"]["/search"]["get"]["parameters"],
            json!([
                {"name": "type", "in": "query", "required": true, "schema": {"type": "string", "enum": ["album"]}},
                {"name": "q", "in": "query", "required": true, "schema": {"type": "string"}}
            ])
        );
        assert_eq!(ctx.warnings[0].pointer, "/paths/~1search?type=album&q={q}");
        // A path that keeps two variants apart this way stays as written.
        let (doc, ctx) =
            lenient(json!({"paths": {"/c": {"post": {}}, "/c?beta=true": {"post": {}}}}));
        assert!(doc["paths"].get("/c?beta=true").is_some());
        assert!(ctx.warnings[0].message.contains("kept"));
    }

    #[test]
    fn undeclared_path_parameters_are_added_as_strings() {
        let (doc, ctx) = lenient(json!({"paths": {"/a/{id}/b/{kind}": {
            "parameters": [{"name": "kind", "in": "path", "required": true, "schema": {"type": "integer"}}],
            "get": {"operationId": "a"}}}}));
        assert_eq!(
            doc["paths"]["/a/{id}/b/{kind}"]["get"]["parameters"],
            json!([{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}])
        );
        assert_eq!(ctx.warnings.len(), 1);
    }

    #[test]
    fn dangling_parameter_response_and_body_refs_are_left_out() {
        let mut doc = json!({"paths": {"/a": {
            "parameters": [{"$ref": "#/components/parameters/Gone"}],
            "get": {
                "parameters": [{"$ref": "#/components/parameters/Missing"}, {"name": "q", "in": "query"}],
                "requestBody": {"$ref": "#/components/requestBodies/Nope"},
                "responses": {"200": {"$ref": "#/components/responses/Nope"}}
            }
        }}, "components": {"parameters": {}}});
        let mut ctx = Context::new("ApiError");
        ctx.lenient = true;
        run(&mut doc, &mut ctx).unwrap();
        let item = &doc["paths"]["/a"];
        assert_eq!(item["parameters"], json!([]));
        assert_eq!(
            item["get"]["parameters"],
            json!([{"name": "q", "in": "query"}])
        );
        assert!(item["get"].get("requestBody").is_none());
        assert!(item["get"]["responses"]["200"]["description"].is_string());
        assert_eq!(ctx.warnings.len(), 4);
    }
}
