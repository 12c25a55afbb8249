//! Drop component schemas nothing uses any more (for example the per-status
//! error bodies the error pass merged), so no dead type is generated.

use std::collections::BTreeSet;

use serde_json::Value;

use crate::normalize::pointer::{ref_name, walk};
use crate::normalize::{Context, NormalizeError, Pass};

pub const PASS: Pass = Pass {
    name: "prune",
    what: "remove component schemas no operation reaches",
    essential: false,
    run,
};

const PREFIX: &str = "#/components/schemas/";

fn run(doc: &mut Value, _: &mut Context) -> Result<(), NormalizeError> {
    let Some(schemas) = doc
        .pointer("/components/schemas")
        .and_then(Value::as_object)
    else {
        return Ok(());
    };
    let mut reachable = BTreeSet::new();
    let mut pending: Vec<String> = refs_in(doc.get("paths").unwrap_or(&Value::Null));
    while let Some(name) = pending.pop() {
        if reachable.insert(name.clone()) {
            if let Some(schema) = schemas.get(&name) {
                pending.extend(refs_in(schema));
            }
        }
    }
    if let Some(Value::Object(schemas)) = doc.pointer_mut("/components/schemas") {
        schemas.retain(|name, _| reachable.contains(name));
    }
    Ok(())
}

fn refs_in(value: &Value) -> Vec<String> {
    let mut out = Vec::new();
    walk(value, &mut String::new(), &mut |_, node| {
        if let Some(r) = node
            .get("$ref")
            .and_then(Value::as_str)
            .filter(|r| r.starts_with(PREFIX))
        {
            out.push(ref_name(r).to_string());
        }
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn keeps_what_paths_reach_transitively() {
        let mut doc = json!({
            "paths": {"/a": {"get": {"responses": {"200": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/A"}}}}}}}},
            "components": {"schemas": {
                "A": {"type": "object", "properties": {"b": {"$ref": "#/components/schemas/B"}}},
                "B": {"type": "string"},
                "Unused": {"type": "string"}
            }}
        });
        run(&mut doc, &mut Context::new("ApiError")).unwrap();
        let names: Vec<_> = doc["components"]["schemas"]
            .as_object()
            .unwrap()
            .keys()
            .collect();
        assert_eq!(names, ["A", "B"]);
    }
}
