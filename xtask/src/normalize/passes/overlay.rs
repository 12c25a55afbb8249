//! Apply the project's OpenAPI Overlay 1.0 (`specs/<p>/overlay.yaml`): each
//! action selects nodes with a JSONPath `target` and either removes them or
//! merges `update` into them. An action whose target matches nothing is an
//! error: it means the upstream changed under the fix and the fix is stale.
//! `diff` asks for such actions to be collected instead ([`StaleAction`]):
//! there, the provider's removal is what the report is for.

use serde_json::Value;
use serde_json_path::JsonPath;

use crate::normalize::{Context, NormalizeError, Pass};

pub const PASS: Pass = Pass {
    name: "overlay",
    what: "apply the project's OpenAPI Overlay 1.0 actions",
    essential: true,
    run,
};

/// An overlay action whose target matches nothing in the description.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct StaleAction {
    /// Its index in `actions`.
    pub index: usize,
    /// Its JSONPath target.
    pub target: String,
}

fn run(doc: &mut Value, ctx: &mut Context) -> Result<(), NormalizeError> {
    let Some(overlay) = ctx.overlay.clone() else {
        return Ok(());
    };
    apply(doc, &overlay, ctx.stale_actions.as_mut())
}

/// Applies an overlay document. Errors carry pointers into the overlay
/// (`/actions/2/target`), since that is the file to fix. With `stale`, an
/// action that targets nothing is recorded there and skipped.
fn apply(
    doc: &mut Value,
    overlay: &Value,
    mut stale: Option<&mut Vec<StaleAction>>,
) -> Result<(), NormalizeError> {
    match overlay.get("overlay").and_then(Value::as_str) {
        Some(v) if v.starts_with("1.") => {}
        Some(v) => {
            return Err(NormalizeError::new(
                "/overlay",
                format!("unsupported overlay version {v:?}; expected 1.x"),
            ))
        }
        None => {
            return Err(NormalizeError::new(
                "/overlay",
                "missing `overlay` version field (e.g. \"1.0.0\")",
            ))
        }
    }
    let actions = overlay
        .get("actions")
        .and_then(Value::as_array)
        .ok_or_else(|| NormalizeError::new("/actions", "an overlay needs an `actions` array"))?;
    for (i, action) in actions.iter().enumerate() {
        let at = format!("/actions/{i}");
        let target = action
            .get("target")
            .and_then(Value::as_str)
            .ok_or_else(|| {
                NormalizeError::new(
                    format!("{at}/target"),
                    "each action needs a `target` JSONPath string",
                )
            })?;
        let path = JsonPath::parse(target).map_err(|e| {
            NormalizeError::new(
                format!("{at}/target"),
                format!("invalid JSONPath {target:?}: {e}"),
            )
        })?;
        let pointers: Vec<String> = path
            .query_located(doc)
            .locations()
            .map(|loc| loc.to_json_pointer())
            .collect();
        if pointers.is_empty() {
            if let Some(stale) = stale.as_deref_mut() {
                stale.push(StaleAction {
                    index: i,
                    target: target.to_string(),
                });
                continue;
            }
            return Err(NormalizeError::new(
                format!("{at}/target"),
                format!("action {i}: target {target:?} matches nothing in the description (the provider removed or renamed what it fixes: update or delete the action; `cargo xtask diff` shows the change)"),
            ));
        }
        let remove = action
            .get("remove")
            .and_then(Value::as_bool)
            .unwrap_or(false);
        match (remove, action.get("update")) {
            (true, Some(_)) => {
                return Err(NormalizeError::new(
                    at,
                    "an action may `remove` or `update`, not both",
                ))
            }
            (true, None) => {
                // Remove from the end so array indices of earlier matches stay valid.
                for pointer in pointers.iter().rev() {
                    crate::normalize::pointer::remove(doc, pointer);
                }
            }
            (false, Some(update)) => {
                for pointer in &pointers {
                    if let Some(node) = doc.pointer_mut(pointer) {
                        merge(node, update);
                    }
                }
            }
            (false, None) => {
                return Err(NormalizeError::new(
                    at,
                    "an action needs `update` or `remove: true`",
                ))
            }
        }
    }
    Ok(())
}

/// Overlay merge semantics: objects merge key by key (recursively), arrays
/// get the update's items appended, anything else is replaced.
fn merge(node: &mut Value, update: &Value) {
    match (node, update) {
        (Value::Object(target), Value::Object(patch)) => {
            for (k, v) in patch {
                match target.get_mut(k) {
                    Some(existing) if existing.is_object() && v.is_object() => merge(existing, v),
                    _ => {
                        target.insert(k.clone(), v.clone());
                    }
                }
            }
        }
        (Value::Array(items), Value::Array(extra)) => items.extend(extra.iter().cloned()),
        (Value::Array(items), single) => items.push(single.clone()),
        (node, update) => *node = update.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn doc() -> Value {
        json!({
            "paths": {
                "/a": {"get": {"operationId": "a", "tags": ["x"]}},
                "/b": {"post": {"operationId": "b", "deprecated": true}}
            }
        })
    }

    #[test]
    fn update_merges_objects_and_appends_arrays() {
        let mut d = doc();
        let overlay = json!({"overlay": "1.0.0", "actions": [
            {"target": "$.paths['/a'].get", "update": {"summary": "A", "tags": ["y"]}}
        ]});
        apply(&mut d, &overlay, None).unwrap();
        assert_eq!(d["paths"]["/a"]["get"]["summary"], "A");
        assert_eq!(d["paths"]["/a"]["get"]["tags"], json!(["y"]));
    }

    #[test]
    fn update_appends_to_a_targeted_array() {
        let mut d = doc();
        let overlay = json!({"overlay": "1.0.0", "actions": [
            {"target": "$.paths['/a'].get.tags", "update": ["y"]}
        ]});
        apply(&mut d, &overlay, None).unwrap();
        assert_eq!(d["paths"]["/a"]["get"]["tags"], json!(["x", "y"]));
    }

    #[test]
    fn remove_deletes_every_match() {
        let mut d = doc();
        let overlay = json!({"overlay": "1.0.0", "actions": [
            {"target": "$.paths[*][?@.deprecated == true]", "remove": true}
        ]});
        apply(&mut d, &overlay, None).unwrap();
        assert_eq!(d["paths"]["/b"], json!({}));
        assert!(d["paths"]["/a"]["get"].is_object());
    }

    #[test]
    fn a_target_that_matches_nothing_is_an_error_naming_the_action() {
        let mut d = doc();
        let overlay = json!({"overlay": "1.0.0", "actions": [
            {"target": "$.paths['/a'].get", "update": {}},
            {"target": "$.paths['/nope']", "remove": true}
        ]});
        let err = apply(&mut d, &overlay, None).unwrap_err();
        assert_eq!(err.pointer, "/actions/1/target");
        assert!(err.message.starts_with("action 1: "), "{}", err.message);
        assert!(err.message.contains("matches nothing"));

        // Collected instead, the others still apply.
        let mut stale = Vec::new();
        let overlay = json!({"overlay": "1.0.0", "actions": [
            {"target": "$.paths['/nope']", "remove": true},
            {"target": "$.paths['/a'].get", "update": {"summary": "kept"}}
        ]});
        let mut d = doc();
        apply(&mut d, &overlay, Some(&mut stale)).unwrap();
        assert_eq!(
            stale,
            [StaleAction {
                index: 0,
                target: "$.paths['/nope']".into()
            }]
        );
        assert_eq!(d.pointer("/paths/~1a/get/summary").unwrap(), "kept");
    }

    #[test]
    fn malformed_overlays_are_errors() {
        let mut d = doc();
        let cases = [
            (json!({"actions": []}), "/overlay"),
            (json!({"overlay": "2.0.0", "actions": []}), "/overlay"),
            (json!({"overlay": "1.0.0"}), "/actions"),
            (
                json!({"overlay": "1.0.0", "actions": [{"update": {}}]}),
                "/actions/0/target",
            ),
            (
                json!({"overlay": "1.0.0", "actions": [{"target": "$[", "update": {}}]}),
                "/actions/0/target",
            ),
            (
                json!({"overlay": "1.0.0", "actions": [{"target": "$.paths"}]}),
                "/actions/0",
            ),
            (
                json!({"overlay": "1.0.0", "actions": [{"target": "$.paths", "remove": true, "update": {}}]}),
                "/actions/0",
            ),
        ];
        for (overlay, pointer) in cases {
            let err = apply(&mut d, &overlay, None).unwrap_err();
            assert_eq!(err.pointer, pointer, "{overlay}");
        }
    }
}
