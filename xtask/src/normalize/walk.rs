//! Walking a description's operations: every pass, report and harness that
//! visits `paths` goes through these, so they all agree on what an operation
//! is and in which order they come (paths sorted, methods in [`METHODS`]
//! order).

use serde_json::Value;

use super::pointer::resolve;
use super::{NormalizeError, METHODS};

/// `(path, method, operation)` of every operation, in document order.
pub fn operations(doc: &Value) -> impl Iterator<Item = (&str, &'static str, &Value)> {
    doc.get("paths")
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
        .flat_map(|(path, item)| {
            METHODS
                .into_iter()
                .filter_map(move |method| Some((path.as_str(), method, item.get(method)?)))
        })
}

/// Calls `f(path, method, operation)` for every operation, in document order.
pub fn for_each_operation(
    doc: &mut Value,
    mut f: impl FnMut(&str, &str, &mut Value) -> Result<(), NormalizeError>,
) -> Result<(), NormalizeError> {
    visit(doc, |path, method, op| f(path, method, op).map(|()| true))
}

/// Like [`for_each_operation`], but removes each operation for which `f`
/// answers `false`, then every path item left without an operation (it
/// would only confuse diffs and summaries).
pub fn retain_operations(
    doc: &mut Value,
    f: impl FnMut(&str, &str, &mut Value) -> Result<bool, NormalizeError>,
) -> Result<(), NormalizeError> {
    visit(doc, f)?;
    if let Some(paths) = doc.get_mut("paths").and_then(Value::as_object_mut) {
        paths.retain(|_, item| {
            item.as_object()
                .is_none_or(|i| METHODS.iter().any(|m| i.contains_key(*m)))
        });
    }
    Ok(())
}

/// Visits every operation; removes those `f` answers `false` for.
fn visit(
    doc: &mut Value,
    mut f: impl FnMut(&str, &str, &mut Value) -> Result<bool, NormalizeError>,
) -> Result<(), NormalizeError> {
    let Some(paths) = doc.get_mut("paths").and_then(Value::as_object_mut) else {
        return Ok(());
    };
    for (path, item) in paths.iter_mut() {
        let Some(item) = item.as_object_mut() else {
            continue;
        };
        for method in METHODS {
            if let Some(op) = item.get_mut(method) {
                if !f(path, method, op)? {
                    item.remove(method);
                }
            }
        }
    }
    Ok(())
}

/// The body schema of an operation's first success (2xx) answer, or with
/// `success` false of its first error answer, that has one: its JSON
/// content, else its only media type; response `$ref`s are followed.
pub fn response_schema<'a>(doc: &'a Value, op: &'a Value, success: bool) -> Option<&'a Value> {
    op.get("responses")?
        .as_object()?
        .iter()
        .filter(|(code, _)| code.starts_with('2') == success)
        .find_map(|(_, response)| {
            let response = match response.get("$ref").and_then(Value::as_str) {
                Some(r) => resolve(doc, r)?,
                None => response,
            };
            json_schema(response.get("content"))
        })
}

/// The schema of a `content` map: its JSON media type, else the first.
pub fn json_schema(content: Option<&Value>) -> Option<&Value> {
    let content = content?.as_object()?;
    content
        .get("application/json")
        .or_else(|| content.values().next())?
        .get("schema")
}
