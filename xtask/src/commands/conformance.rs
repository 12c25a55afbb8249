//! `cargo xtask conformance <provider | path>`: the conformance harness of
//! `tests/conformance.rs` on any description, including one the crate does
//! not ship (the provider's full published description).
//!
//! The description is normalized and generated in memory, then written with
//! its harness into a scratch binary crate under `target/xtask-conformance/`
//! that includes the project's own `tests/conformance/{harness,prism}.rs`,
//! and run against `prism mock` serving the normalized description.

use std::path::{Path, PathBuf};

use serde_json::Value;
use social_clients_codegen::Style;

use super::compile_time::{manifest, member_manifest, ScratchCrate};
use crate::error::{Result, XtaskError};
use crate::fsutil::write_if_changed;
use crate::output::outln;
use crate::providers::Providers;

/// Besides what generated code needs: an async runtime for `main`.
const RUNNER_DEPENDENCIES: &str =
    "tokio = { version = \"1\", features = [\"rt-multi-thread\", \"macros\", \"time\"] }\n";

/// Prism as `.ci/run` installs it, or `SOCIAL_CLIENTS_PRISM`.
pub fn prism_binary(root: &Path) -> Option<PathBuf> {
    std::env::var_os("SOCIAL_CLIENTS_PRISM")
        .map(PathBuf::from)
        .or_else(|| Some(root.join(".ci/prism/node_modules/.bin/prism")))
        .filter(|p| p.exists())
}

/// Runs the harness; `Ok` holds the report, `Err` a failed run (with the
/// report in its message).
pub fn check(providers: &Providers, target: &str, prism: &Path) -> Result<String> {
    let (stats, documents) = super::stats::compute(providers, target, Style::Positional)?;
    let spec_path = Path::new(&stats.spec);
    let generated =
        super::stats::generate_value(&documents.normalized, Style::Positional, spec_path)?;
    let output = run_harness(
        &providers.root(),
        "xtask-conformance",
        None,
        spec_path,
        &documents.normalized,
        &generated.source,
        prism,
    )?;
    let adapted: String = output
        .adaptations
        .iter()
        .map(|a| format!("\n  Prism: {a}"))
        .collect();
    if output.success {
        Ok(format!("{}{adapted}", output.report))
    } else {
        Err(XtaskError::Config {
            path: spec_path.to_path_buf(),
            message: format!(
                "conformance failed:\n{}{adapted}\n{}",
                output.report, output.stderr_tail
            ),
        })
    }
}

/// What a harness run printed.
pub struct HarnessOutput {
    pub success: bool,
    /// The tally line(s): `conformance: N passed, M failed for <spec>` and
    /// each failed check.
    pub report: String,
    /// The last lines of standard error (a build failure, a crash).
    pub stderr_tail: String,
    /// What Prism was given differently from the normalized description,
    /// and why (see `conformance::prism_input`).
    pub adaptations: Vec<String>,
}

/// Writes `normalized` (generated into `generated`) with its harness into
/// the standalone scratch crate `target/<scratch>/` and runs it against
/// Prism, building into `target_dir` (default: the scratch crate's own
/// `target/`).
pub fn run_harness(
    root: &Path,
    scratch: &str,
    target_dir: Option<&Path>,
    spec_path: &Path,
    normalized: &Value,
    generated: &str,
    prism: &Path,
) -> Result<HarnessOutput> {
    let harness = Harness::write(
        root,
        &root.join("target").join(scratch),
        Membership::Standalone,
        spec_path,
        normalized,
        generated,
    )?;
    let own_target = harness.scratch.dir.join("target");
    harness.run(target_dir.unwrap_or(&own_target), prism)
}

/// Whether a harness crate stands alone or belongs to a
/// [`ScratchWorkspace`](super::compile_time::ScratchWorkspace) that builds
/// several at once.
#[derive(Clone, Copy)]
pub enum Membership {
    Standalone,
    Member,
}

/// A conformance harness written into a scratch binary crate.
pub struct Harness {
    pub scratch: ScratchCrate,
    spec_file: PathBuf,
    adaptations: Vec<String>,
}

impl Harness {
    /// Writes the crate in `dir`: the generated client, its harness, the
    /// normalized description as Prism is to serve it, and `main`.
    pub fn write(
        root: &Path,
        dir: &Path,
        membership: Membership,
        spec_path: &Path,
        normalized: &Value,
        generated: &str,
    ) -> Result<Self> {
        let name = spec_path.display().to_string();
        let harness = crate::conformance::harness(&name, "crate::client", normalized, generated)
            .map_err(|message| XtaskError::Config {
                path: spec_path.to_path_buf(),
                message: format!("conformance harness: {message}"),
            })?;
        let package = package_name(root, dir);
        let scratch = match membership {
            Membership::Standalone => ScratchCrate::create(
                root,
                dir.to_path_buf(),
                &manifest(&package, RUNNER_DEPENDENCIES),
            )?,
            Membership::Member => ScratchCrate::member(
                dir.to_path_buf(),
                &member_manifest(&package, RUNNER_DEPENDENCIES),
            )?,
        };
        let src = scratch.dir.join("src");
        let spec_file = scratch.dir.join("openapi.json");
        let input = crate::conformance::prism_input(normalized);
        write_if_changed(
            &spec_file,
            &crate::document::to_canonical_json(&input.document),
        )?;
        write_if_changed(&src.join("generated.rs"), generated.as_bytes())?;
        write_if_changed(&src.join("upstream.rs"), harness.as_bytes())?;
        write_if_changed(
            &src.join("main.rs"),
            main_rs(root, &name, normalized).as_bytes(),
        )?;
        Ok(Harness {
            scratch,
            spec_file,
            adaptations: input.adaptations,
        })
    }

    /// Builds the crate into `target_dir` (nothing to do after a workspace
    /// build) and runs it against `prism`.
    pub fn run(self, target_dir: &Path, prism: &Path) -> Result<HarnessOutput> {
        let output = self
            .scratch
            .cargo(&["run", "--quiet", "--"], target_dir)
            .arg(&self.spec_file)
            .arg(prism)
            // The panic message, not a backtrace, is what the tail must show.
            .env("RUST_BACKTRACE", "0")
            .output()
            .map_err(|e| XtaskError::io(&self.scratch.dir, e))?;
        let stderr = String::from_utf8_lossy(&output.stderr);
        let tail: Vec<&str> = stderr.lines().rev().take(15).collect();
        Ok(HarnessOutput {
            success: output.status.success(),
            report: String::from_utf8_lossy(&output.stdout).trim().to_string(),
            stderr_tail: tail.into_iter().rev().collect::<Vec<_>>().join("\n"),
            adaptations: self.adaptations,
        })
    }
}

/// One package name per scratch crate, from its folder under `target/`: the
/// corpus builds them all into one target directory, where a shared name
/// would run another description's harness binary.
fn package_name(root: &Path, dir: &Path) -> String {
    let relative = dir.strip_prefix(root.join("target")).unwrap_or(dir);
    format!("conformance-{}", relative.display())
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect()
}

pub fn run(providers: &Providers, target: &str) -> Result<()> {
    let root = providers.root();
    let prism = prism_binary(&root).ok_or_else(|| XtaskError::Config {
        path: root.join(".ci/prism"),
        message: "Prism is not installed; run `npm ci --prefix .ci/prism --ignore-scripts`".into(),
    })?;
    outln!("{}", check(providers, target, &prism)?);
    Ok(())
}

/// The auth header of a security scheme, with a dummy credential (Prism
/// checks only that it is there and of the right kind).
fn scheme_header(scheme: Option<&Value>) -> (String, String) {
    let kind = scheme.and_then(|s| s.get("type")).and_then(Value::as_str);
    let http = scheme.and_then(|s| s.get("scheme")).and_then(Value::as_str);
    match (kind, http) {
        (Some("http"), Some(s)) if s.eq_ignore_ascii_case("basic") => (
            "authorization".into(),
            // "conformance:key", base64.
            "Basic Y29uZm9ybWFuY2U6a2V5".into(),
        ),
        (Some("http" | "oauth2" | "openIdConnect"), _) => {
            ("authorization".into(), "Bearer conformance-key".into())
        }
        (Some(_), _) => (
            scheme
                .and_then(|s| s.get("name"))
                .and_then(Value::as_str)
                .unwrap_or("x-api-key")
                .to_ascii_lowercase(),
            "conformance-key".into(),
        ),
        (None, _) => ("x-api-key".into(), "conformance-key".into()),
    }
}

/// The scheme a `security` list asks for first: its first requirement that
/// names one (an empty requirement only makes auth optional).
fn first_scheme<'a>(spec: &'a Value, security: &Value) -> Option<&'a Value> {
    let name = security
        .as_array()?
        .iter()
        .filter_map(Value::as_object)
        .find_map(|requirement| requirement.keys().next())?;
    spec.pointer("/components/securitySchemes")?.get(name)
}

/// The document's auth header: the scheme its `security` names first, else
/// the first declared.
fn auth_header(spec: &Value) -> (String, String) {
    let preferred = spec
        .get("security")
        .and_then(|security| first_scheme(spec, security));
    let first_declared = || {
        spec.pointer("/components/securitySchemes")
            .and_then(Value::as_object)
            .and_then(|s| s.values().next())
    };
    scheme_header(preferred.or_else(first_declared))
}

/// Operations whose own `security` asks for another header than the
/// document's (Discord: OAuth2 bearer tokens beside bot tokens), by
/// operationId. Prism checks each operation's own requirement.
fn operation_auth(spec: &Value) -> Vec<(String, (String, String))> {
    let default = auth_header(spec);
    crate::normalize::operations(spec)
        .filter_map(|(_, _, op)| {
            let id = op.get("operationId")?.as_str()?;
            let scheme = first_scheme(spec, op.get("security")?)?;
            let header = scheme_header(Some(scheme));
            (header != default).then(|| (id.to_string(), header))
        })
        .collect()
}

/// `fn auth(id) -> (header, value)` for the harness binary.
fn auth_fn(spec: &Value) -> String {
    use std::fmt::Write;
    let (header, value) = auth_header(spec);
    let mut arms = String::new();
    for (id, (header, value)) in operation_auth(spec) {
        let _ = writeln!(arms, "        {id:?} => ({header:?}, {value:?}),");
    }
    format!(
        "fn auth(id: &str) -> (&'static str, &'static str) {{\n    match id {{\n{arms}        _ => ({header:?}, {value:?}),\n    }}\n}}\n"
    )
}

fn main_rs(root: &Path, name: &str, spec: &Value) -> String {
    let tests = root.join("tests/conformance");
    format!(
        r#"// @generated by `cargo xtask conformance`; do not edit.
#![allow(warnings, clippy::all)]
pub mod runtime {{
    #[derive(Clone, Debug)]
    pub struct Runtime;
}}
{multipart}
pub mod client {{
    include!("generated.rs");
}}
#[path = {harness:?}]
mod harness;
#[path = {prism:?}]
mod prism;
mod upstream;
{auth}
#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() -> std::process::ExitCode {{
    let args: Vec<String> = std::env::args().collect();
    let prism = prism::start(args[2].as_ref(), args[1].as_ref(), "xtask");
    // One client per call: the credentials header depends on the operation.
    let build = |prefer: harness::Prefer, id: &str| {{
        let (header, value) = auth(id);
        let mut headers = reqwest::header::HeaderMap::new();
        headers.insert(header, value.parse().unwrap());
        if let Some(prefer) = prefer.header() {{
            headers.insert("prefer", prefer.parse().unwrap());
        }}
        let http = reqwest::Client::builder()
            .default_headers(headers)
            .timeout(std::time::Duration::from_secs(30))
            .build()
            .unwrap();
        client::Client::new_with_client(&prism.base_url, http, runtime::Runtime)
    }};
    let tally = harness::check_operations(upstream::OPERATIONS, |prefer| prefer, |prefer, id| {{
        let client = build(prefer, id);
        async move {{ upstream::call(&client, id).await }}
    }})
    .await;
    println!("{{}}", tally.report({name:?}, upstream::OPERATIONS.len(), upstream::HAND_WRITTEN));
    if tally.failed.is_empty() {{
        std::process::ExitCode::SUCCESS
    }} else {{
        std::process::ExitCode::FAILURE
    }}
}}
"#,
        harness = tests.join("harness.rs"),
        prism = tests.join("prism.rs"),
        multipart = super::compile_time::SUPPORT_MODULES,
        auth = auth_fn(spec),
    )
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn spec() -> Value {
        json!({
            "components": {"securitySchemes": {
                "Bot": {"type": "apiKey", "in": "header", "name": "Authorization"},
                "OAuth2": {"type": "oauth2", "flows": {}}
            }},
            "security": [{"Bot": []}],
            "paths": {"/a": {
                "get": {"operationId": "either", "security": [{}, {"Bot": []}]},
                "put": {"operationId": "oauth_only", "security": [{"OAuth2": ["x"]}]},
                "post": {"operationId": "bot_first", "security": [{"Bot": []}, {"OAuth2": []}]},
                "delete": {"operationId": "inherits"}
            }}
        })
    }

    #[test]
    fn the_documents_scheme_is_the_default_header() {
        assert_eq!(
            auth_header(&spec()),
            ("authorization".to_string(), "conformance-key".to_string())
        );
    }

    #[test]
    fn only_operations_asking_for_another_scheme_get_their_own_header() {
        assert_eq!(
            operation_auth(&spec()),
            vec![(
                "oauth_only".to_string(),
                (
                    "authorization".to_string(),
                    "Bearer conformance-key".to_string()
                )
            )]
        );
        let source = auth_fn(&spec());
        assert!(source.contains(r#""oauth_only" => ("authorization", "Bearer conformance-key"),"#));
        assert!(source.contains(r#"_ => ("authorization", "conformance-key"),"#));
    }
}
