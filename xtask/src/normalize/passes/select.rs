//! Keep only the operations `providers.toml` selects (by tag or operation
//! id), so a maintainer can bind the whole upstream API or a part of it.
//!
//! Runs after `operation-ids`, so ids are matched in the snake_case form the
//! client's methods carry (the provider's own spelling is accepted too). A
//! selector that matches nothing is an error: a typo or an operation the
//! provider removed must not silently shrink the client.

use serde_json::Value;

use crate::normalize::{names::snake_case, retain_operations, Context, NormalizeError, Pass};

pub const PASS: Pass = Pass {
    name: "select",
    what: "keep only the operations providers.toml selects by tag or operation id",
    essential: true,
    run,
};

/// Which operations to bind. An operation is kept when its id is listed or
/// one of its tags is; with neither list given, every operation is kept.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Selection {
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub operations: Vec<String>,
}

impl Selection {
    fn keeps(&self, id: &str, tags: &[&str]) -> bool {
        self.operations.iter().any(|o| snake_case(o) == id)
            || self.tags.iter().any(|t| tags.contains(&t.as_str()))
    }
}

fn run(doc: &mut Value, ctx: &mut Context) -> Result<(), NormalizeError> {
    let Some(selection) = ctx.select.clone() else {
        return Ok(());
    };
    let mut seen_ids = Vec::new();
    let mut seen_tags = Vec::new();
    retain_operations(doc, |_, _, op| {
        let id = op.get("operationId").and_then(Value::as_str).unwrap_or("");
        let tags: Vec<&str> = crate::normalize::schemas::string_list(op.get("tags")).collect();
        seen_ids.push(id.to_string());
        seen_tags.extend(tags.iter().map(|t| t.to_string()));
        let keep = selection.keeps(id, &tags);
        if !keep {
            ctx.deselected += 1;
        }
        Ok(keep)
    })?;
    for (at, wanted) in selection.operations.iter().enumerate() {
        if !seen_ids.contains(&snake_case(wanted)) {
            return Err(NormalizeError::new(
                "/paths",
                format!(
                    "providers.toml select.operations[{at}] = {wanted:?} matches no operation of the description"
                ),
            ));
        }
    }
    for (at, wanted) in selection.tags.iter().enumerate() {
        if !seen_tags.contains(wanted) {
            return Err(NormalizeError::new(
                "/paths",
                format!(
                    "providers.toml select.tags[{at}] = {wanted:?} is the tag of no operation of the description"
                ),
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn doc() -> Value {
        json!({"paths": {
            "/a": {"get": {"operationId": "team_get", "tags": ["team"]}, "post": {"operationId": "team_create", "tags": ["team"]}},
            "/b": {"get": {"operationId": "post_list", "tags": ["post"]}},
            "/c": {"delete": {"operationId": "misc_ping", "tags": ["misc"]}}
        }})
    }

    fn select(tags: &[&str], operations: &[&str]) -> Context {
        let mut ctx = Context::new("ApiError");
        ctx.select = Some(Selection {
            tags: tags.iter().map(|s| s.to_string()).collect(),
            operations: operations.iter().map(|s| s.to_string()).collect(),
        });
        ctx
    }

    fn ids(doc: &Value) -> Vec<String> {
        let mut out = Vec::new();
        for item in doc["paths"].as_object().unwrap().values() {
            for op in item.as_object().unwrap().values() {
                out.push(op["operationId"].as_str().unwrap().to_string());
            }
        }
        out.sort();
        out
    }

    #[test]
    fn no_selection_keeps_everything() {
        let mut d = doc();
        run(&mut d, &mut Context::new("ApiError")).unwrap();
        assert_eq!(d, doc());
    }

    #[test]
    fn tags_and_ids_both_select_and_empty_paths_go() {
        let mut d = doc();
        // The provider's camelCase spelling of an id is accepted.
        let mut ctx = select(&["team"], &["miscPing"]);
        run(&mut d, &mut ctx).unwrap();
        assert_eq!(ids(&d), ["misc_ping", "team_create", "team_get"]);
        assert!(d["paths"].get("/b").is_none());
        assert_eq!(ctx.deselected, 1);
    }

    #[test]
    fn a_selector_that_matches_nothing_is_an_error() {
        let err = run(&mut doc(), &mut select(&[], &["team_get", "teem_list"])).unwrap_err();
        assert!(
            err.message
                .contains("select.operations[1] = \"teem_list\" matches no operation"),
            "{}",
            err.message
        );
        let err = run(&mut doc(), &mut select(&["teams"], &[])).unwrap_err();
        assert!(err.message.contains("select.tags[0]"), "{}", err.message);
    }
}
