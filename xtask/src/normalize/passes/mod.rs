//! The passes, one file each, in pipeline order (see [`super::PASSES`]).

pub mod data_refs;
pub mod deep_refs;
pub mod defaults;
pub mod enum_names;
pub mod enum_values;
pub mod error_bodies;
pub mod exclusions;
pub mod formats;
pub mod hoist;
pub mod json_schema;
pub mod keyword_types;
pub mod lenient;
pub mod media_types;
pub mod null_maps;
pub mod nullable_components;
pub mod number_constraints;
pub mod open_objects;
pub mod operation_ids;
pub mod overlay;
pub mod parameter_names;
pub mod parameter_styles;
pub mod path_fragments;
pub mod path_params;
pub mod property_names;
pub mod prune;
pub mod refs;
pub mod responses;
pub mod schema_shape;
pub mod select;
pub mod shared_components;
pub mod shared_names;
pub mod string_constraints;
pub mod success_bodies;
pub mod undescribed_required;
pub mod unknown_keywords;
pub mod version;

/// The passes' tests' shorthand: `run` on a description (OpenAPI 3.0.3)
/// whose one component schema is `schema`, and that schema as it is left.
#[cfg(test)]
pub fn after_pass(
    run: fn(&mut serde_json::Value, &mut super::Context) -> Result<(), super::NormalizeError>,
    schema: serde_json::Value,
) -> serde_json::Value {
    let mut doc = serde_json::json!({"openapi": "3.0.3", "components": {"schemas": {"S": schema}}});
    run(&mut doc, &mut super::Context::new("ApiError")).unwrap();
    doc["components"]["schemas"]["S"].take()
}

/// The tests' shorthand for a pass that only warns: `run` on `doc`, which
/// must come out unchanged, and the warnings as report lines.
#[cfg(test)]
pub fn warnings_only(
    run: fn(&mut serde_json::Value, &mut super::Context) -> Result<(), super::NormalizeError>,
    mut doc: serde_json::Value,
) -> Vec<String> {
    let before = doc.clone();
    let mut ctx = super::Context::new("ApiError");
    run(&mut doc, &mut ctx).unwrap();
    assert_eq!(doc, before, "a warning-only pass changed the document");
    ctx.warning_lines()
}
