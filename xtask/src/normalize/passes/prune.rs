//! Drop component schemas nothing uses any more (for example the per-status
//! error bodies the error pass merged), so no dead type is generated.

use std::collections::BTreeSet;

use serde_json::Value;

use crate::normalize::pointer::schema_refs_in;
use crate::normalize::{Context, NormalizeError, Pass};

pub const PASS: Pass = Pass {
    name: "prune",
    what: "remove component schemas no operation reaches",
    essential: false,
    run,
};

fn run(doc: &mut Value, _: &mut Context) -> Result<(), NormalizeError> {
    let Some(schemas) = doc
        .pointer("/components/schemas")
        .and_then(Value::as_object)
    else {
        return Ok(());
    };
    let mut reachable = BTreeSet::new();
    let mut pending: Vec<String> = schema_refs_in(doc.get("paths").unwrap_or(&Value::Null));
    while let Some(name) = pending.pop() {
        if reachable.insert(name.clone()) {
            if let Some(schema) = schemas.get(&name) {
                pending.extend(schema_refs_in(schema));
            }
        }
    }
    if let Some(Value::Object(schemas)) = doc.pointer_mut("/components/schemas") {
        schemas.retain(|name, _| reachable.contains(name));
    }
    Ok(())
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
