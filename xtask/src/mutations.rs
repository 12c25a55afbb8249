//! No input crashes the tooling: real descriptions, mutated the ways real
//! ones go wrong (a deleted or renamed component, a value of the wrong
//! type, a reference cycle, odd names and punctuation, nesting deeper than
//! any description needs, enum values of the wrong type or that collide
//! once spelled in Rust), go through the same path as a user's
//! `cargo xtask stats <file>`: read from text, normalize, generate.
//! Each must give a result or an error that says where (a JSON pointer, or
//! a line and column for text that does not parse); a panic or a stack
//! overflow fails the test with the seed that reproduces it.
//!
//! The cases run on a thread with the main thread's 8 MiB stack, as the
//! command does; a description nested deeper than the JSON reader's limit
//! (128) is refused when read, so every walk after it is bounded.

use std::path::{Path, PathBuf};

use serde_json::{json, Value};

use crate::error::XtaskError;
use crate::providers::Providers;
use crate::seeded::Rng;

/// What a case does to a description.
#[derive(Debug, Clone, Copy)]
pub enum Mutation {
    DeleteMember,
    RenameComponent,
    WrongType,
    ReferenceCycle,
    OddPropertyName,
    DeepNesting,
    MixedEnum,
    CollidingEnum,
}

const ALL: [Mutation; 8] = [
    Mutation::DeleteMember,
    Mutation::RenameComponent,
    Mutation::WrongType,
    Mutation::ReferenceCycle,
    Mutation::OddPropertyName,
    Mutation::DeepNesting,
    Mutation::MixedEnum,
    Mutation::CollidingEnum,
];

/// Names real descriptions use that Rust does not take as they are.
const ODD_NAMES: [&str; 10] = [
    "",
    "type",
    "__type",
    "self",
    "a b",
    "a-b",
    "1st",
    "Ünïcode",
    "$ref",
    "x/y~z",
];

/// JSON pointers of every node below `value` (its root is `""`), sorted.
fn pointers(value: &Value) -> Vec<String> {
    let mut out = Vec::new();
    crate::normalize::pointer::walk(value, &mut String::new(), &mut |at, _| {
        out.push(at.to_string())
    });
    out.sort();
    out
}

/// Pointers of the nodes for which `keep(node)` holds.
fn pointers_where(doc: &Value, keep: impl Fn(&Value) -> bool) -> Vec<String> {
    pointers(doc)
        .into_iter()
        .filter(|p| doc.pointer(p).is_some_and(&keep))
        .collect()
}

/// Applies `mutation` to `doc` at a place `rng` picks.
pub fn apply(doc: &mut Value, mutation: Mutation, rng: &mut Rng) {
    match mutation {
        Mutation::DeleteMember => {
            let candidates = pointers(doc);
            let at = candidates[rng.below(candidates.len())].clone();
            crate::normalize::pointer::remove(doc, &at);
        }
        Mutation::RenameComponent => {
            let groups = pointers_where(doc, Value::is_object)
                .into_iter()
                .filter(|p| p.starts_with("/components/") && p.matches('/').count() == 2)
                .collect::<Vec<_>>();
            if groups.is_empty() {
                return;
            }
            let group = groups[rng.below(groups.len())].clone();
            let odd = ODD_NAMES[rng.below(ODD_NAMES.len())];
            if let Some(Value::Object(map)) = doc.pointer_mut(&group) {
                let keys: Vec<String> = map.keys().cloned().collect();
                if let Some(key) = keys.get(rng.below(keys.len())) {
                    let value = map.remove(key).unwrap_or(Value::Null);
                    // A name that reads like another, or an odd one; the
                    // references to the old name now dangle.
                    let renamed = if rng.below(2) == 0 {
                        format!("{key}{odd}")
                    } else {
                        odd.to_string()
                    };
                    map.insert(renamed, value);
                }
            }
        }
        Mutation::WrongType => {
            let candidates = pointers(doc);
            let at = candidates[rng.below(candidates.len())].clone();
            let replacement = match rng.below(6) {
                0 => Value::Null,
                1 => json!(true),
                2 => json!(360),
                3 => json!("rectangular"),
                4 => json!([1, "a", null]),
                _ => json!({"type": 7, "$ref": 3}),
            };
            if let Some(slot) = doc.pointer_mut(&at) {
                *slot = replacement;
            }
        }
        Mutation::ReferenceCycle => {
            let schemas = doc
                .pointer_mut("/components/schemas")
                .and_then(Value::as_object_mut);
            let Some(schemas) = schemas else { return };
            schemas.insert(
                "CycleA".into(),
                json!({"$ref": "#/components/schemas/CycleB"}),
            );
            schemas.insert(
                "CycleB".into(),
                json!({"$ref": "#/components/schemas/CycleA"}),
            );
            let refs = pointers_where(doc, |v| v.get("$ref").is_some());
            if let Some(at) = refs.get(rng.below(refs.len())) {
                if let Some(node) = doc.pointer_mut(at) {
                    node["$ref"] = json!("#/components/schemas/CycleA");
                }
            }
        }
        Mutation::OddPropertyName => {
            let objects =
                pointers_where(doc, |v| v.get("properties").is_some_and(Value::is_object));
            let Some(at) = objects.get(rng.below(objects.len())).cloned() else {
                return;
            };
            let odd = ODD_NAMES[rng.below(ODD_NAMES.len())];
            if let Some(Value::Object(props)) = doc.pointer_mut(&format!("{at}/properties")) {
                props.insert(odd.to_string(), json!({"type": "string"}));
                // `type` and `__type` both become the field `type_`.
                props.insert(format!("__{odd}"), json!({"type": "integer"}));
            }
        }
        Mutation::DeepNesting => {
            let schemas = pointers_where(doc, |v| v.get("type").is_some_and(Value::is_string));
            let Some(at) = schemas.get(rng.below(schemas.len())).cloned() else {
                return;
            };
            let depth = 20 + rng.below(300);
            if let Some(node) = doc.pointer_mut(&at) {
                let mut nested = node.take();
                for i in 0..depth {
                    nested = if i % 2 == 0 {
                        json!({"type": "array", "items": nested})
                    } else {
                        json!({"allOf": [nested]})
                    };
                }
                *node = nested;
            }
        }
        Mutation::MixedEnum => {
            let enums = pointers_where(doc, |v| v.get("enum").is_some_and(Value::is_array));
            let Some(at) = enums.get(rng.below(enums.len())).cloned() else {
                return;
            };
            if let Some(Value::Array(values)) = doc.pointer_mut(&format!("{at}/enum")) {
                values.push(json!(360));
                values.push(Value::Null);
                values.push(json!({"a": 1}));
            }
        }
        Mutation::CollidingEnum => {
            let schemas = doc
                .pointer_mut("/components/schemas")
                .and_then(Value::as_object_mut);
            let Some(schemas) = schemas else { return };
            schemas.insert(
                "Zone".into(),
                json!({"type": "string", "enum": ["Etc/GMT+1", "Etc/GMT-1", "etc_gmt_1", "", "_"]}),
            );
        }
    }
}

/// A case: `rounds` mutations picked by `seed` on a copy of `doc`.
pub fn mutate(doc: &Value, seed: u64, rounds: usize) -> (Value, Vec<Mutation>) {
    let mut rng = Rng::new(seed);
    let mut doc = doc.clone();
    let mut applied = Vec::new();
    for _ in 0..rounds {
        let mutation = ALL[rng.below(ALL.len())];
        apply(&mut doc, mutation, &mut rng);
        applied.push(mutation);
    }
    (doc, applied)
}

/// Whether an error says where: a JSON pointer, or a line and column.
pub fn located(error: &XtaskError) -> bool {
    use social_clients_codegen::CodegenError;
    match error {
        XtaskError::Syntax { .. } => true,
        // The empty pointer is the document itself: a located error too.
        XtaskError::Normalize { .. } => true,
        XtaskError::Codegen { source, .. } => match source {
            CodegenError::Parse { .. } => true,
            CodegenError::Progenitor { pointer, .. } | CodegenError::Panicked { pointer, .. } => {
                pointer.is_some()
            }
            CodegenError::InvalidTokens(_) => false,
        },
        XtaskError::Config { .. } | XtaskError::Io { .. } => true,
        _ => false,
    }
}

/// Writes `doc` as JSON text and runs it the way `cargo xtask stats`
/// does: read, normalize (lenient or not), generate.
pub fn run_case(
    providers: &Providers,
    dir: &Path,
    doc: &Value,
    lenient: bool,
) -> Result<(), XtaskError> {
    let path: PathBuf = dir.join("case.json");
    std::fs::write(&path, doc.to_string()).map_err(|e| XtaskError::io(&path, e))?;
    let prepared = crate::commands::stats::prepare(providers, &path.to_string_lossy(), lenient)?;
    crate::commands::stats::generate_value(
        &prepared.normalized,
        social_clients_codegen::Style::Positional,
        &path,
    )?;
    Ok(())
}

/// The descriptions the cases start from: each provider's source, and the
/// shared corpus's smaller ones when they are beside the repository.
pub fn seeds(root: &Path) -> Vec<(String, Value)> {
    let mut seeds = Vec::new();
    for provider in ["gipper", "hooked", "postbreeze"] {
        let path = root.join("specs").join(provider).join("source.yaml");
        if let Ok(doc) = crate::document::read(&path) {
            seeds.push((provider.to_string(), doc));
        }
    }
    let corpus = root.join("../shared/corpus");
    for name in ["spotify.yaml"] {
        if let Ok(doc) = crate::document::read(&corpus.join(name)) {
            seeds.push((name.to_string(), doc));
        }
    }
    seeds
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    /// Cases per run: enough to meet every mutation several times on every
    /// seed, small enough for CI (about 20 s in a debug build). A longer
    /// local sweep: `MUTATION_CASES=2000 cargo test -p xtask mutations`.
    fn cases() -> u32 {
        std::env::var("MUTATION_CASES")
            .ok()
            .and_then(|n| n.parse().ok())
            .unwrap_or(48)
    }

    fn check(seed: u64, rounds: usize, lenient: bool) -> Result<(), TestCaseError> {
        let root = crate::workspace::root();
        let providers = Providers::load(&root.join("specs")).unwrap();
        let seeds = seeds(&root);
        let (name, doc) = &seeds[(seed % seeds.len() as u64) as usize];
        let (mutated, applied) = mutate(doc, seed, rounds);
        let dir = tempfile::tempdir().unwrap();
        // The command's own stack: a `cargo xtask` main thread has 8 MiB.
        let outcome = std::thread::Builder::new()
            .stack_size(8 << 20)
            .spawn({
                let dir = dir.path().to_path_buf();
                move || {
                    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                        run_case(&providers, &dir, &mutated, lenient)
                    }))
                }
            })
            .unwrap()
            .join()
            .unwrap();
        match outcome {
            Err(_) => Err(TestCaseError::fail(format!(
                "{name}, seed {seed}, {applied:?}: panicked"
            ))),
            Ok(Err(e)) if !located(&e) => Err(TestCaseError::fail(format!(
                "{name}, seed {seed}, {applied:?}: an error that does not say where: {e}"
            ))),
            Ok(_) => Ok(()),
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: cases(), failure_persistence: None, ..ProptestConfig::default() })]

        #[test]
        fn mutated_descriptions_are_refused_with_a_location_never_a_panic(
            seed in any::<u64>(), rounds in 1usize..4, lenient in any::<bool>()
        ) {
            check(seed, rounds, lenient)?;
        }
    }

    #[test]
    fn deep_nesting_past_the_readers_limit_is_a_located_error() {
        let root = crate::workspace::root();
        let providers = Providers::load(&root.join("specs")).unwrap();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("case.json");
        std::fs::write(&path, deep_text(5_000)).unwrap();
        let Err(err) = crate::commands::stats::prepare(&providers, &path.to_string_lossy(), false)
        else {
            panic!("a document nested 5,000 deep was read");
        };
        assert!(matches!(err, XtaskError::Syntax { .. }), "{err}");
        assert!(err.to_string().contains("recursion limit"), "{err}");
    }

    /// A document whose one schema nests `depth` arrays, as text.
    fn deep_text(depth: usize) -> String {
        let open = "{\"type\":\"array\",\"items\":".repeat(depth);
        let close = "}".repeat(depth);
        format!(
            "{{\"openapi\":\"3.0.3\",\"info\":{{\"title\":\"t\",\"version\":\"1\"}},\"paths\":{{}},\"components\":{{\"schemas\":{{\"Deep\":{open}{{\"type\":\"string\"}}{close}}}}}}}"
        )
    }
}
