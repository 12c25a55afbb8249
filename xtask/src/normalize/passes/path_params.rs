//! Path parameters: every `{name}` in a path template must be declared as an
//! `in: path` parameter (on the operation or the path item), and path
//! parameters are always required (OpenAPI says so; progenitor asserts it).

use serde_json::{json, Value};

use crate::normalize::{
    operation_pointer, pointer::escape, Context, NormalizeError, Pass, METHODS,
};

pub const PASS: Pass = Pass {
    name: "path-params",
    what: "require declared path parameters for every {name} in a path template",
    essential: true,
    run,
};

fn run(doc: &mut Value, _: &mut Context) -> Result<(), NormalizeError> {
    let Some(paths) = doc.get_mut("paths").and_then(Value::as_object_mut) else {
        return Ok(());
    };
    for (path, item) in paths.iter_mut() {
        // `x-` members of `paths` are extensions, not paths (Apicurio's
        // `x-codegen-contextRoot`).
        if path.starts_with("x-") {
            continue;
        }
        let Some(item) = item.as_object_mut() else {
            return Err(NormalizeError::new(
                format!("/paths/{}", escape(path)),
                "a path item must be an object",
            ));
        };
        let shared = item.get("parameters").cloned().unwrap_or(json!([]));
        for method in METHODS {
            let Some(op) = item.get_mut(method) else {
                continue;
            };
            let at = operation_pointer(path, method);
            let op = op
                .as_object_mut()
                .ok_or_else(|| NormalizeError::new(&at, "an operation must be an object"))?;
            let params = op.entry("parameters").or_insert_with(|| json!([]));
            let Some(list) = params.as_array_mut() else {
                return Err(NormalizeError::new(
                    format!("{at}/parameters"),
                    "`parameters` must be an array",
                ));
            };
            // Path-item parameters apply unless the operation overrides them
            // (same name and location).
            for p in shared.as_array().into_iter().flatten() {
                let overridden = list
                    .iter()
                    .any(|q| q.get("name") == p.get("name") && q.get("in") == p.get("in"));
                if !overridden {
                    list.push(p.clone());
                }
            }
            for (i, param) in list.iter_mut().enumerate() {
                if param.get("in").and_then(Value::as_str) == Some("path") {
                    param["required"] = json!(true);
                    let name = param
                        .get("name")
                        .and_then(Value::as_str)
                        .unwrap_or_default();
                    if !path.contains(&format!("{{{name}}}")) {
                        return Err(NormalizeError::new(
                            format!("{at}/parameters/{i}"),
                            format!("path parameter `{name}` does not appear in the path template"),
                        ));
                    }
                }
            }
            for name in template_names(path) {
                let declared = list.iter().any(|p| {
                    p.get("in").and_then(Value::as_str) == Some("path")
                        && p.get("name").and_then(Value::as_str) == Some(name)
                });
                if !declared {
                    return Err(NormalizeError::new(
                        format!("{at}/parameters"),
                        format!("`{{{name}}}` in the path has no `in: path` parameter (declare it in the overlay, or run with --lenient to add it as a string)"),
                    ));
                }
            }
            if list.is_empty() {
                op.remove("parameters");
            }
        }
        item.remove("parameters");
    }
    Ok(())
}

/// The `{name}`s of a path template.
pub fn template_names(path: &str) -> impl Iterator<Item = &str> {
    path.split('{')
        .skip(1)
        .filter_map(|s| s.split_once('}').map(|(name, _)| name))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run_on(mut doc: Value) -> Result<Value, NormalizeError> {
        run(&mut doc, &mut Context::new("ApiError"))?;
        Ok(doc)
    }

    #[test]
    fn moves_path_item_parameters_into_operations_and_requires_them() {
        let doc = run_on(json!({"paths": {"/a/{id}": {
            "parameters": [{"name": "id", "in": "path", "schema": {"type": "string"}}],
            "get": {}, "delete": {"parameters": [{"name": "force", "in": "query"}]}
        }}}))
        .unwrap();
        let item = &doc["paths"]["/a/{id}"];
        assert!(item.get("parameters").is_none());
        assert_eq!(item["get"]["parameters"][0]["required"], true);
        assert_eq!(item["delete"]["parameters"].as_array().unwrap().len(), 2);
    }

    #[test]
    fn undeclared_template_name_is_an_error() {
        let err = run_on(json!({"paths": {"/a/{id}": {"get": {}}}})).unwrap_err();
        assert_eq!(err.pointer, "/paths/~1a~1{id}/get/parameters");
    }

    #[test]
    fn declared_parameter_missing_from_template_is_an_error() {
        let err = run_on(
            json!({"paths": {"/a": {"get": {"parameters": [{"name": "id", "in": "path"}]}}}}),
        )
        .unwrap_err();
        assert_eq!(err.pointer, "/paths/~1a/get/parameters/0");
    }
}
