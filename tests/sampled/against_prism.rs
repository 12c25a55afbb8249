//! Every operation of every provider against Prism, an independent
//! implementation of the contract: `prism mock` serves each committed
//! `specs/<p>/openapi.json` on loopback, validates the requests the
//! generated client sends (built from the spec by the generated harness in
//! `tests/conformance/<p>.rs`), and answers with the spec's examples, which
//! the client must decode. Each documented error status is asked for with
//! `Prefer: code=N` and must decode as the provider's typed error.
//!
//! Prism is installed by `.ci/run` (`npm ci --prefix .ci/prism`); without it
//! the test prints a notice and passes, except in CI, where it fails.

use crate::conformance::*;

/// Prism as `.ci/run` installs it, or `SOCIAL_CLIENTS_PRISM`; `None` (with a
/// notice) when it is not installed outside CI.
fn prism_binary() -> Option<std::path::PathBuf> {
    let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let found = std::env::var_os("SOCIAL_CLIENTS_PRISM")
        .map(std::path::PathBuf::from)
        .or_else(|| Some(root.join(".ci/prism/node_modules/.bin/prism")))
        .filter(|p| p.exists());
    if found.is_none() {
        assert!(
            std::env::var_os("CI").is_none(),
            "Prism is not installed; .ci/run installs it with `npm ci --prefix .ci/prism`"
        );
        notice("skipped: Prism is not installed (npm ci --prefix .ci/prism --ignore-scripts)");
    }
    found
}

/// The description as Prism is given it: the committed one, or, where the
/// generated harness lists adaptations (what Prism cannot judge, the same
/// the corpus makes), a copy with them applied.
fn prism_document(spec: &std::path::Path, patch: &str, name: &str) -> std::path::PathBuf {
    let patch: Vec<Vec<serde_json::Value>> =
        serde_json::from_str(patch).expect("the harness's patch");
    if patch.is_empty() {
        return spec.to_path_buf();
    }
    let mut doc: serde_json::Value =
        serde_json::from_slice(&std::fs::read(spec).expect("the committed spec")).expect("JSON");
    for entry in patch {
        let pointer = entry[0].as_str().expect("a pointer");
        let (parent, last) = pointer.rsplit_once('/').expect("a member's pointer");
        let key = last.replace("~1", "/").replace("~0", "~");
        let parent = doc.pointer_mut(parent).expect("the patch's parent exists");
        match (parent, entry.get(1)) {
            (serde_json::Value::Object(map), Some(value)) => {
                map.insert(key, value.clone());
            }
            (serde_json::Value::Object(map), None) => {
                map.remove(&key);
            }
            (serde_json::Value::Array(items), Some(value)) => {
                items[key.parse::<usize>().expect("an index")] = value.clone();
            }
            (other, _) => panic!("cannot patch {pointer} in {other}"),
        }
    }
    let path = std::env::temp_dir().join(format!(
        "social-clients-prism-{name}-{}.json",
        std::process::id()
    ));
    std::fs::write(&path, serde_json::to_vec(&doc).unwrap()).expect("a temporary file");
    path
}

/// One test per provider: every operation's success answer, then each
/// documented error status.
macro_rules! conformance {
    ($module:ident, $feature:literal) => {
        #[cfg(feature = $feature)]
        #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
        async fn $module() {
            use reqwest::header::{HeaderName, HeaderValue};
            use social_clients::RetryPolicy;

            let module = stringify!($module);
            let Some(binary) = prism_binary() else {
                return;
            };
            let spec = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("specs")
                .join(module)
                .join("openapi.json");
            for adaptation in $module::PRISM_ADAPTATIONS {
                notice(&format!("Prism: {adaptation}"));
            }
            let spec = prism_document(&spec, $module::PRISM_PATCH, module);
            let prism = prism::start(&binary, &spec, module);
            let make = |prefer: harness::Prefer| {
                let mut builder = social_clients::$module::Client::builder("conformance-key")
                    .base_url(prism.base_url.clone())
                    .retry(RetryPolicy::disabled());
                if let Some(prefer) = prefer.header() {
                    builder = builder.header(
                        HeaderName::from_static("prefer"),
                        HeaderValue::from_str(&prefer).unwrap(),
                    );
                }
                builder.build().unwrap()
            };
            let tally =
                harness::check_operations($module::OPERATIONS, make, |client, id| async move {
                    $module::call(&client, id).await
                })
                .await;
            let report = tally.report(module, $module::OPERATIONS.len(), $module::HAND_WRITTEN);
            notice(&report);
            assert!(tally.failed.is_empty(), "{report}");
        }
    };
}

conformance!(bundle_social, "bundle-social");
conformance!(hooked, "hooked");
conformance!(postbreeze, "postbreeze");
conformance!(gipper, "gipper");
