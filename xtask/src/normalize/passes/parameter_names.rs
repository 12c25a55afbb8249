//! Parameters of one operation that Rust would spell the same.
//!
//! AWS's descriptions in the public OpenAPI directory give one operation
//! both `MaxResults` and `maxResults` (a pagination alias); both become the
//! argument `max_results`, and the generated method does not compile
//! ("identifier bound more than once"). Of such a group the first required
//! parameter, else the first, is kept; the others are left out with a
//! warning naming them (an overlay can rename or keep the other instead).

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
    let mut dropped = Vec::new();
    for_each_operation(doc, |path, method, op| {
        let Some(params) = op.get_mut("parameters").and_then(Value::as_array_mut) else {
            return Ok(());
        };
        let rust =
            |p: &Value| snake_case(p.get("name").and_then(Value::as_str).unwrap_or_default());
        let required = |p: &Value| p.get("required").and_then(Value::as_bool) == Some(true);
        let mut keep = vec![true; params.len()];
        for i in 0..params.len() {
            for j in 0..i {
                if keep[j] && rust(&params[i]) == rust(&params[j]) {
                    // The required one stays; between equals, the first.
                    let (stay, go) = if required(&params[i]) && !required(&params[j]) {
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
}
