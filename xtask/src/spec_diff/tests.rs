//! The diff on a fixture pair that changes one thing of each kind, and on
//! the committed bundle.social spec against the provider's full description.

use std::collections::BTreeSet;

use serde_json::Value;

use super::*;
use crate::normalize::{normalize, Context};

fn fixture(name: &str) -> Value {
    let path = crate::workspace::root().join(format!("xtask/src/spec_diff/fixtures/{name}.yaml"));
    let doc = crate::document::read(&path).unwrap();
    normalize(doc, &mut Context::new("ApiError")).unwrap()
}

#[test]
fn the_fixture_pair_report_is_reviewed() {
    let changes = diff(&fixture("old"), &fixture("new"));
    insta::assert_snapshot!(
        "fixture_pair_text",
        render_text("old.yaml", "new.yaml", &changes)
    );
    insta::assert_snapshot!(
        "fixture_pair_json",
        render_json("old.yaml", "new.yaml", &changes)
    );
}

#[test]
fn the_fixture_pair_covers_every_kind_of_change() {
    let kinds: BTreeSet<String> = diff(&fixture("old"), &fixture("new"))
        .iter()
        .map(|c| c.kind.label().to_string())
        .collect();
    let all = [
        Kind::OperationAdded,
        Kind::OperationRemoved,
        Kind::OperationRenamed,
        Kind::ParameterAdded,
        Kind::ParameterRemoved,
        Kind::FieldAdded,
        Kind::FieldRemoved,
        Kind::Retyped,
        Kind::EnumValueAdded,
        Kind::EnumValueRemoved,
        Kind::RequiredChanged,
        Kind::NullabilityChanged,
        Kind::TypeAdded,
        Kind::TypeRemoved,
    ];
    for kind in all {
        assert!(kinds.contains(kind.label()), "{} not covered", kind.label());
    }
}

#[test]
fn a_description_does_not_differ_from_itself() {
    let old = fixture("old");
    assert_eq!(diff(&old, &old), Vec::new());
    assert_eq!(
        render_text("a", "a", &[]),
        "spec diff: a -> a\n\nno changes\n"
    );
}

#[test]
fn bodies_appearing_and_going_are_reported() {
    let with_body = serde_json::json!({"paths": {"/a": {"post": {
        "requestBody": {"content": {"application/json": {"schema": {"type": "string"}}}},
        "responses": {"200": {"content": {"application/json": {"schema": {"type": "string"}}}}}
    }}}});
    let without = serde_json::json!({"paths": {"/a": {"post": {"responses": {"204": {}}}}}});
    let kinds: Vec<Kind> = diff(&with_body, &without).iter().map(|c| c.kind).collect();
    assert_eq!(kinds, [Kind::BodyRemoved, Kind::BodyRemoved]);
    let kinds: Vec<Kind> = diff(&without, &with_body).iter().map(|c| c.kind).collect();
    assert_eq!(kinds, [Kind::BodyAdded, Kind::BodyAdded]);
}

/// The committed bundle.social description is derived from the provider's
/// published one (skipped with a notice when that is absent): against what
/// the published document normalizes to, the report shows no change at all,
/// documentation aside, which the report never compares.
#[test]
fn committed_bundle_social_against_upstream() {
    let root = crate::workspace::root();
    let Some(path) = crate::workspace::upstream_bundle_social() else {
        return;
    };
    let providers = crate::providers::Providers::load(&root.join("specs")).unwrap();
    let committed = crate::workspace::committed_spec("bundle_social");
    let upstream = crate::commands::diff::against(&providers, "bundle_social", &path).unwrap();
    let changes = diff(&committed, &upstream);
    assert!(changes.is_empty(), "{}", report::tally(&changes));
    assert!(
        committed["paths"].as_object().unwrap().len() > 100,
        "the whole published API is committed"
    );
}
