//! `null` where OpenAPI wants a map.
//!
//! Generated descriptions write an empty section as `null`
//! (`components: {schemas: null}`, a response's `content: null`; four in
//! the public OpenAPI directory), which the OpenAPI reader refuses ("invalid
//! type: null, expected a map"). An absent map means the same as an empty
//! one, so such a member is left out, with a warning naming it. Members of
//! data (examples, defaults, extensions) are not touched: there `null` is a
//! value.

use serde_json::Value;

use crate::normalize::pointer::{escape, is_data_member};
use crate::normalize::{Context, NormalizeError, Pass};

pub const PASS: Pass = Pass {
    name: "null-maps",
    what: "leave out a `null` where a map belongs (`components.schemas: null`, `content: null`)",
    essential: true,
    run,
};

/// Members whose value OpenAPI 3.0 defines as a map (or an object of them).
const MAP_MEMBERS: [&str; 15] = [
    "paths",
    "components",
    "schemas",
    "responses",
    "parameters",
    "examples",
    "requestBodies",
    "headers",
    "securitySchemes",
    "links",
    "callbacks",
    "properties",
    "content",
    "variables",
    "encoding",
];

fn run(doc: &mut Value, ctx: &mut Context) -> Result<(), NormalizeError> {
    // Iterative, so a deep document cannot exhaust the stack.
    let mut stack = vec![(String::new(), &mut *doc)];
    let mut removed = Vec::new();
    while let Some((at, node)) = stack.pop() {
        match node {
            Value::Object(map) => {
                let nulls: Vec<String> = map
                    .iter()
                    .filter(|(k, v)| v.is_null() && MAP_MEMBERS.contains(&k.as_str()))
                    .map(|(k, _)| k.clone())
                    .collect();
                // Inside `properties`, keys are names, not keywords.
                let names_map = at.ends_with("/properties");
                for key in nulls {
                    if !names_map {
                        map.remove(&key);
                        removed.push(format!("{at}/{}", escape(&key)));
                    }
                }
                for (key, value) in map.iter_mut() {
                    if !is_data_member(key) {
                        stack.push((format!("{at}/{}", escape(key)), value));
                    }
                }
            }
            Value::Array(items) => {
                for (i, value) in items.iter_mut().enumerate() {
                    stack.push((format!("{at}/{i}"), value));
                }
            }
            _ => {}
        }
    }
    for at in removed {
        ctx.warn(PASS.name, at, "`null` where a map belongs: read as empty");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn a_null_map_is_left_out_and_a_null_value_kept() {
        let mut doc = json!({
            "paths": {"/a": {"get": {"responses": {"200": {"description": "ok", "content": null}}}}},
            "components": {"schemas": null, "examples": {"e": {"value": {"content": null}}}},
            "x-vendor": {"schemas": null}
        });
        let mut ctx = Context::new("ApiError");
        run(&mut doc, &mut ctx).unwrap();
        assert_eq!(
            doc,
            json!({
                "paths": {"/a": {"get": {"responses": {"200": {"description": "ok"}}}}},
                "components": {"examples": {"e": {"value": {"content": null}}}},
                "x-vendor": {"schemas": null}
            })
        );
        let mut pointers: Vec<_> = ctx.warnings.iter().map(|w| w.pointer.as_str()).collect();
        pointers.sort();
        assert_eq!(
            pointers,
            [
                "/components/schemas",
                "/paths/~1a/get/responses/200/content"
            ]
        );
    }
}
