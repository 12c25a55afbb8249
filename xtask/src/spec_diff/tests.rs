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
        render_text("old.yaml", "new.yaml", &changes, &[])
    );
    insta::assert_snapshot!(
        "fixture_pair_json",
        render_json("old.yaml", "new.yaml", &changes, &[])
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
        render_text("a", "a", &[], &[]),
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
    let (upstream, stale) =
        crate::commands::diff::against(&providers, "bundle_social", &path).unwrap();
    assert!(stale.is_empty(), "{stale:?}");
    let changes = diff(&committed, &upstream);
    assert!(changes.is_empty(), "{}", report::tally(&changes));
    assert!(
        committed["paths"].as_object().unwrap().len() > 100,
        "the whole published API is committed"
    );
}

/// The provider removes an operation the overlay names: `diff --against`
/// reports the removal as breaking and lists the action that now targets
/// nothing, where `normalize` refuses the same input with the action's
/// pointer.
#[test]
fn a_removed_operation_the_overlay_names_is_reported_not_fatal() {
    let root = crate::workspace::root();
    let providers = crate::providers::Providers::load(&root.join("specs")).unwrap();
    let source_path = providers.dir("postbreeze").join("source.yaml");
    let mut source = crate::document::read(&source_path).unwrap();
    let paths = source["paths"].as_object_mut().unwrap();
    paths.remove("/workspaces/{workspaceId}").unwrap();
    let dir = tempfile::tempdir().unwrap();
    let new_path = dir.path().join("source.json");
    std::fs::write(&new_path, source.to_string()).unwrap();

    let (new, stale) = crate::commands::diff::against(&providers, "postbreeze", &new_path).unwrap();
    assert_eq!(stale.len(), 1, "{stale:?}");
    assert_eq!(stale[0].target, "$.paths['/workspaces/{workspaceId}'].get");
    let changes = diff(&crate::workspace::committed_spec("postbreeze"), &new);
    let removed: Vec<_> = changes
        .iter()
        .filter(|c| c.breaking && c.operation_id == "get_workspace")
        .collect();
    assert!(
        !removed.is_empty(),
        "{}",
        render_text("a", "b", &changes, &stale)
    );
    let text = render_text("a", "b", &changes, &stale);
    assert!(
        text.contains("overlay actions that now target nothing")
            && text.contains(&format!(
                "action {}: $.paths['/workspaces/{{workspaceId}}'].get",
                stale[0].index
            )),
        "{text}"
    );
    assert_eq!(
        serde_json::from_str::<Value>(&render_json("a", "b", &changes, &stale)).unwrap()
            ["stale_overlay_actions"][0]["index"],
        stale[0].index
    );

    // normalize refuses the same input, naming the action.
    let overlay = crate::document::read(&providers.dir("postbreeze").join("overlay.yaml")).unwrap();
    let mut ctx = providers.by_module["postbreeze"].context(Some(overlay));
    let err = normalize(source, &mut ctx).unwrap_err();
    assert_eq!(err.pointer, format!("/actions/{}/target", stale[0].index));
    assert!(err.message.contains("matches nothing"), "{}", err.message);
}
