//! Parameters of one operation that Rust would spell the same.
//!
//! AWS's descriptions in the public OpenAPI directory give one operation
//! both `MaxResults` and `maxResults` (a pagination alias); both become the
//! argument `max_results`, and the generated method does not compile
//! ("identifier bound more than once"). Of such a group a path parameter
//! (the URL needs it), else the first required parameter, else the first,
//! is kept; the others are left out with a warning naming them (an overlay
//! can rename or keep the other instead). The path item's own parameters
//! count too: SendGrid's `PATCH /contactdb/lists/{list_id}` adds a query
//! `list_id` to the path's `list_id`, progenitor takes one for the other,
//! and the path can no longer be built ("missing path name mapping").

use serde_json::Value;

use crate::normalize::names::snake_case;
use crate::normalize::walk::for_each_operation;
use crate::normalize::{operation_pointer, Context, NormalizeError, Pass};

pub const PASS: Pass = Pass {
    name: "parameter-names",
    what: "of an operation's parameters that Rust spells the same, keep one (the required one)",
    essential: true,
    run,
};

fn run(doc: &mut Value, ctx: &mut Context) -> Result<(), NormalizeError> {
    let rust = |p: &Value| snake_case(p.get("name").and_then(Value::as_str).unwrap_or_default());
    let in_path = |p: &Value| p.get("in").and_then(Value::as_str) == Some("path");
    // Each path's own path parameters, by their Rust name.
    let path_level: std::collections::BTreeMap<String, Vec<String>> = doc
        .get("paths")
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
        .map(|(path, item)| {
            let names = item
                .get("parameters")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .filter(|p| in_path(p))
                .map(&rust)
                .collect();
            (path.clone(), names)
        })
        .collect();
    let mut dropped = Vec::new();
    for_each_operation(doc, |path, method, op| {
        let Some(params) = op.get_mut("parameters").and_then(Value::as_array_mut) else {
            return Ok(());
        };
        let required = |p: &Value| p.get("required").and_then(Value::as_bool) == Some(true);
        let mut keep = vec![true; params.len()];
        let shared = path_level.get(path).map(Vec::as_slice).unwrap_or_default();
        for (i, param) in params.iter().enumerate() {
            if !in_path(param) && shared.contains(&rust(param)) {
                keep[i] = false;
                dropped.push((
                    format!("{}/parameters/{i}", operation_pointer(path, method)),
                    format!(
                        "parameter `{}` is `{}` in Rust, like the path's own path parameter: left out",
                        param["name"].as_str().unwrap_or_default(),
                        rust(param)
                    ),
                ));
            }
        }
        for i in 0..params.len() {
            for j in 0..i {
                if keep[i] && keep[j] && rust(&params[i]) == rust(&params[j]) {
                    // A path parameter stays, then the required one;
                    // between equals, the first.
                    let rank = |p: &Value| (in_path(p), required(p));
                    let (stay, go) = if rank(&params[i]) > rank(&params[j]) {
                        (i, j)
                    } else {
                        (j, i)
                    };
                    keep[go] = false;
                    dropped.push((
                        format!("{}/parameters/{go}", operation_pointer(path, method)),
                        format!(
                            "parameter `{}` is `{}` in Rust, like `{}`: left out",
                            params[go]["name"].as_str().unwrap_or_default(),
                            rust(&params[go]),
                            params[stay]["name"].as_str().unwrap_or_default()
                        ),
                    ));
                    break;
                }
            }
        }
        let mut flags = keep.into_iter();
        params.retain(|_| flags.next().unwrap_or(true));
        Ok(())
    })?;
    for (at, message) in dropped {
        ctx.warn(PASS.name, at, message);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn parameters_rust_spells_the_same_keep_one() {
        let mut doc = json!({"paths": {"/blocks": {"get": {"operationId": "list", "parameters": [
            {"name": "MaxResults", "in": "query"},
            {"name": "maxResults", "in": "query", "required": true},
            {"name": "nextToken", "in": "query"}
        ]}}}});
        let mut ctx = Context::new("ApiError");
        run(&mut doc, &mut ctx).unwrap();
        let names: Vec<_> = doc["paths"]["/blocks"]["get"]["parameters"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["name"].as_str().unwrap())
            .collect();
        assert_eq!(names, ["maxResults", "nextToken"]);
        assert_eq!(ctx.warnings[0].pointer, "/paths/~1blocks/get/parameters/0");
    }

    #[test]
    fn a_path_parameter_of_the_path_item_outranks_an_operations_query_twin() {
        let mut doc = json!({"paths": {"/lists/{list_id}": {
            "parameters": [{"name": "list_id", "in": "path", "required": true}],
            "patch": {"operationId": "update", "parameters": [
                {"name": "list_id", "in": "query", "required": true},
                {"name": "on-behalf-of", "in": "header"}
            ]}
        }}});
        let mut ctx = Context::new("ApiError");
        run(&mut doc, &mut ctx).unwrap();
        let params = &doc["paths"]["/lists/{list_id}"]["patch"]["parameters"];
        assert_eq!(params.as_array().unwrap().len(), 1);
        assert_eq!(params[0]["name"], "on-behalf-of");
        assert_eq!(
            ctx.warnings[0].pointer,
            "/paths/~1lists~1{list_id}/patch/parameters/0"
        );
    }
}
