//! Named types that come and go. A normalized description names every
//! generated type in `components/schemas`, so a name that is gone is a type
//! user code can no longer name (`types::CreateTemplateVideoResponse`
//! became `types::VideoCreated` when Hooked's create answers got one
//! shared name): breaking, although no operation's wire format changed and
//! the operation comparison sees nothing.

use std::collections::BTreeSet;

use serde_json::Value;

use super::{Change, Kind};

/// What the report groups these changes under, in place of an operation.
pub const GROUP: &str = "named types";

pub fn compare(old: &Value, new: &Value) -> Vec<Change> {
    let (old, new) = (names(old), names(new));
    let change = |name: &str, kind, detail: &str, breaking| Change {
        operation: GROUP.to_string(),
        operation_id: String::new(),
        kind,
        at: String::new(),
        detail: format!("`types::{name}` {detail}"),
        breaking,
    };
    let removed = old.difference(&new).map(|name| {
        change(
            name,
            Kind::TypeRemoved,
            "is gone (removed, or renamed: see the types added): code naming it stops compiling",
            true,
        )
    });
    let added = new
        .difference(&old)
        .map(|name| change(name, Kind::TypeAdded, "is new", false));
    removed.chain(added).collect()
}

fn names(doc: &Value) -> BTreeSet<&str> {
    doc.pointer("/components/schemas")
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
        .map(|(name, _)| name.as_str())
        .collect()
}
