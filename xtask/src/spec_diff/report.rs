//! The reviewer's report: grouped by operation, breaking changes marked,
//! a one-line tally at the end; or one JSON object for tools.

use std::fmt::Write;

use serde_json::json;

use super::types::GROUP;
use super::Change;
use crate::normalize::passes::overlay::StaleAction;

/// Plain text, one operation per block.
pub fn render_text(old: &str, new: &str, changes: &[Change], stale: &[StaleAction]) -> String {
    let mut out = format!("spec diff: {old} -> {new}\n");
    let mut current: Option<&str> = None;
    for change in changes {
        if current != Some(change.operation.as_str()) {
            current = Some(&change.operation);
            if change.operation_id.is_empty() {
                let _ = writeln!(out, "\n{}", change.operation);
            } else {
                let _ = writeln!(out, "\n{} ({})", change.operation, change.operation_id);
            }
        }
        let mark = if change.breaking { "BREAKING" } else { "ok" };
        let at = if change.at.is_empty() {
            String::new()
        } else {
            format!("{}: ", change.at)
        };
        let _ = writeln!(
            out,
            "  {mark:<8}  {:<19}  {at}{}",
            change.kind.label(),
            change.detail
        );
    }
    if !stale.is_empty() {
        let _ = writeln!(
            out,
            "\noverlay actions that now target nothing (update or delete them before `generate`):"
        );
        for action in stale {
            let _ = writeln!(out, "  action {}: {}", action.index, action.target);
        }
    }
    let _ = writeln!(out, "\n{}", tally(changes));
    out
}

pub fn tally(changes: &[Change]) -> String {
    let breaking = changes.iter().filter(|c| c.breaking).count();
    if changes.is_empty() {
        "no changes".into()
    } else {
        format!(
            "{} change(s) in {} operation(s), {breaking} breaking",
            changes.len(),
            operations(changes)
        )
    }
}

/// Operations with a change; the named-types group is none.
fn operations(changes: &[Change]) -> usize {
    let mut names: Vec<&str> = changes
        .iter()
        .map(|c| c.operation.as_str())
        .filter(|name| *name != GROUP)
        .collect();
    names.dedup();
    names.len()
}

/// `{old, new, total, breaking, operations, changes: [...]}`.
pub fn render_json(old: &str, new: &str, changes: &[Change], stale: &[StaleAction]) -> String {
    let value = json!({
        "stale_overlay_actions": stale,
        "old": old,
        "new": new,
        "total": changes.len(),
        "breaking": changes.iter().filter(|c| c.breaking).count(),
        "operations": operations(changes),
        "changes": changes,
    });
    serde_json::to_string_pretty(&value).expect("plain data serializes")
}
