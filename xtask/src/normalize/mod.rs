//! The normalizer: an ordered list of small, named, deterministic passes that
//! turn a provider's description (plus the project's overlay) into the spec
//! progenitor generates from.
//!
//! Each pass is a plain function over `serde_json::Value`, so it can be tested
//! alone on a fixture. The same input always gives byte-identical output:
//! passes walk maps in key order (serde_json's map is a BTreeMap here) and
//! never consult clocks, randomness or the environment.

pub mod docs;
mod error;
pub mod names;
pub mod passes;
pub mod pointer;
pub mod schemas;
mod walk;

use serde_json::{json, Value};

pub use error::NormalizeError;
pub use walk::{for_each_operation, json_schema, operations, response_schema, retain_operations};

/// What a pass may read besides the document, and what it may report.
#[derive(Debug, Clone)]
pub struct Context {
    /// Name of the one error body operations share (`ApiError`).
    pub error_schema: String,
    /// The overlay to apply, if the provider has one.
    pub overlay: Option<Value>,
    /// Which operations providers.toml selects; `None` keeps them all.
    pub select: Option<passes::select::Selection>,
    /// Operations removed because progenitor cannot bind them, with why.
    pub unbound: Vec<Unbound>,
    /// How many operations the selection left out.
    pub deselected: usize,
    /// What a pass changed or dropped that a maintainer should know about
    /// (a 3.1 `webhooks` section left out, a repair made by `--lenient`).
    pub warnings: Vec<Warning>,
    /// Repair what real descriptions commonly get wrong instead of failing
    /// (each repair becomes a warning).
    pub lenient: bool,
    /// The component names `hoist` chose (pinned ones left out), which
    /// `shared-names` may change.
    pub hoisted: std::collections::BTreeSet<String>,
    /// How many names misled before `shared-names` ran (its report).
    pub misleading_before: usize,
    /// `Some` to collect overlay actions that target nothing instead of
    /// failing on the first (`diff`: a provider's removal is the news, not
    /// an error).
    pub stale_actions: Option<Vec<passes::overlay::StaleAction>>,
}

/// A note from a pass: where, and what it did.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Warning {
    pub pass: &'static str,
    pub pointer: String,
    pub message: String,
}

impl std::fmt::Display for Warning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let at = if self.pointer.is_empty() {
            "/"
        } else {
            &self.pointer
        };
        write!(f, "pass `{}`: at {at}: {}", self.pass, self.message)
    }
}

impl Context {
    pub fn new(error_schema: impl Into<String>) -> Self {
        Context {
            error_schema: error_schema.into(),
            overlay: None,
            select: None,
            unbound: Vec::new(),
            deselected: 0,
            warnings: Vec::new(),
            lenient: false,
            hoisted: Default::default(),
            misleading_before: 0,
            stale_actions: None,
        }
    }

    /// Collect stale overlay actions (read back from `stale_actions`)
    /// instead of failing on them.
    pub fn reporting_stale_actions(mut self) -> Self {
        self.stale_actions = Some(Vec::new());
        self
    }

    /// Each warning as a report line: pass, pointer, message.
    pub fn warning_lines(&self) -> Vec<String> {
        self.warnings.iter().map(ToString::to_string).collect()
    }

    /// Records a warning of `pass` at `pointer`.
    pub fn warn(
        &mut self,
        pass: &'static str,
        pointer: impl Into<String>,
        message: impl Into<String>,
    ) {
        self.warnings.push(Warning {
            pass,
            pointer: pointer.into(),
            message: message.into(),
        });
    }

    pub fn lenient(mut self, lenient: bool) -> Self {
        self.lenient = lenient;
        self
    }

    pub fn with_overlay(mut self, overlay: Option<Value>) -> Self {
        self.overlay = overlay;
        self
    }

    pub fn with_select(mut self, select: Option<passes::select::Selection>) -> Self {
        self.select = select;
        self
    }
}

/// An operation the normalizer had to drop, and the reason.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Unbound {
    pub operation: String,
    pub reason: String,
}

/// One named step of the pipeline.
#[derive(Clone, Copy)]
pub struct Pass {
    pub name: &'static str,
    pub what: &'static str,
    /// Whether progenitor needs this pass to run at all (or to decode
    /// correctly). Passes that only shrink or rename the output are not;
    /// the "naive" baseline of `cargo xtask stats` runs only these.
    pub essential: bool,
    pub run: fn(&mut Value, &mut Context) -> Result<(), NormalizeError>,
}

/// The pipeline, in order. Order matters: the overlay sees the document as
/// the provider wrote it; references are checked before anything follows
/// them; error bodies are unified before hoisting names them.
pub const PASSES: &[Pass] = &[
    passes::version::PASS,
    passes::overlay::PASS,
    passes::null_maps::PASS,
    passes::unknown_keywords::PASS,
    passes::json_schema::PASS,
    passes::defaults::PASS,
    passes::formats::PASS,
    passes::enum_values::PASS,
    passes::enum_names::PASS,
    passes::lenient::PASS,
    passes::refs::PASS,
    passes::shared_components::PASS,
    passes::deep_refs::PASS,
    passes::keyword_types::PASS,
    passes::path_params::PASS,
    passes::path_fragments::PASS,
    passes::operation_ids::PASS,
    passes::parameter_styles::PASS,
    passes::parameter_names::PASS,
    passes::property_names::PASS,
    passes::select::PASS,
    passes::media_types::PASS,
    passes::success_bodies::PASS,
    passes::error_bodies::PASS,
    passes::string_constraints::PASS,
    passes::number_constraints::PASS,
    passes::exclusions::PASS,
    passes::undescribed_required::PASS,
    passes::open_objects::PASS,
    passes::hoist::PASS,
    passes::shared_names::PASS,
    passes::nullable_components::PASS,
    passes::prune::PASS,
    passes::data_refs::PASS,
];

/// Runs every pass over `doc` and records what was dropped in the
/// `x-social-clients` extension of the result.
pub fn normalize(mut doc: Value, ctx: &mut Context) -> Result<Value, NormalizeError> {
    run_passes(&mut doc, ctx, PASSES)?;
    let unbound = serde_json::to_value(&ctx.unbound).expect("plain data serializes");
    if let Some(root) = doc.as_object_mut() {
        root.insert(
            "x-social-clients".into(),
            json!({
                "normalized-by": "cargo xtask normalize",
                "unbound-operations": unbound,
            }),
        );
    }
    Ok(doc)
}

/// Runs the given passes in order, tagging any error with the pass name.
pub fn run_passes(
    doc: &mut Value,
    ctx: &mut Context,
    passes: &[Pass],
) -> Result<(), NormalizeError> {
    if !doc.is_object() {
        return Err(NormalizeError::new(
            "",
            "the document is not a JSON/YAML object",
        ));
    }
    for pass in passes {
        (pass.run)(doc, ctx).map_err(|e| e.in_pass(pass.name))?;
    }
    Ok(())
}

/// The HTTP methods an OpenAPI path item may hold, in the order passes visit
/// them.
pub const METHODS: [&str; 8] = [
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

/// The pointer of an operation, e.g. `/paths/~1pets/get`.
pub fn operation_pointer(path: &str, method: &str) -> String {
    format!("/paths/{}/{}", pointer::escape(path), method)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(module: &str) -> Value {
        let specs = crate::workspace::root().join("specs");
        let providers = crate::providers::Providers::load(&specs).unwrap();
        let source = &providers.by_module[module].source;
        crate::document::read(&specs.join(module).join(source)).unwrap()
    }

    #[test]
    fn same_input_gives_byte_identical_output() {
        for module in ["bundle_social", "hooked", "postbreeze", "gipper"] {
            let a = normalize(load(module), &mut Context::new("ApiError")).unwrap();
            let b = normalize(load(module), &mut Context::new("ApiError")).unwrap();
            assert_eq!(
                crate::document::to_canonical_json(&a),
                crate::document::to_canonical_json(&b),
                "{module}"
            );
        }
    }

    #[test]
    fn an_overlay_can_pin_a_hoisted_name() {
        let doc = json!({"openapi": "3.0.3", "paths": {"/a": {"get": {"operationId": "a", "responses": {"200": {
            "description": "ok",
            "content": {"application/json": {"schema": {"type": "object", "properties": {"ok": {"type": "boolean"}}}}}
        }}}}}});
        let overlay = json!({"overlay": "1.0.0", "actions": [{
            "target": "$.paths['/a'].get.responses['200'].content['application/json'].schema",
            "update": {"x-social-clients-name": "Health"}
        }]});
        let out = normalize(
            doc,
            &mut Context::new("ApiError").with_overlay(Some(overlay)),
        )
        .unwrap();
        let names: Vec<_> = out["components"]["schemas"]
            .as_object()
            .unwrap()
            .keys()
            .collect();
        assert_eq!(names, ["Health"]);
    }

    #[test]
    fn a_non_object_document_is_an_error_not_a_panic() {
        let err = normalize(json!([1, 2]), &mut Context::new("ApiError")).unwrap_err();
        assert!(err.to_string().contains("not a JSON/YAML object"), "{err}");
    }

    #[test]
    fn only_warning_shrinking_and_relaxing_passes_are_optional() {
        let optional: Vec<_> = PASSES
            .iter()
            .filter(|p| !p.essential)
            .map(|p| p.name)
            .collect();
        assert_eq!(
            optional,
            [
                "unknown-keywords",
                "path-fragments",
                "string-constraints",
                "number-constraints",
                "exclusions",
                "undescribed-required",
                "open-objects",
                "hoist",
                "shared-names",
                "prune"
            ]
        );
    }

    #[test]
    fn every_pass_has_a_unique_name_and_a_description() {
        let mut names: Vec<_> = PASSES.iter().map(|p| p.name).collect();
        assert!(PASSES.iter().all(|p| !p.what.is_empty()));
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), PASSES.len());
    }
}
