//! `cargo xtask normalize [provider...]`: source (+ overlay) -> openapi.json.

use std::path::PathBuf;

use serde_json::Value;
use social_clients_codegen::{generate, Generated, Style};

use crate::document;
use crate::error::{Result, XtaskError};
use crate::fsutil::write_if_changed;
use crate::normalize::{normalize, Unbound};
use crate::output::outln;
use crate::providers::Providers;

/// One provider's normalized spec, in memory.
#[derive(Debug)]
pub struct Normalized {
    pub module: String,
    /// `specs/<module>/openapi.json`
    pub output: PathBuf,
    /// The normalized document, and its canonical bytes (what is written).
    pub spec: Value,
    pub bytes: Vec<u8>,
    pub unbound: Vec<Unbound>,
}

impl Normalized {
    /// Generates the client source from the normalized bytes, exactly as
    /// build.rs will.
    pub fn generate(&self) -> Result<Generated> {
        let text = std::str::from_utf8(&self.bytes).expect("serde_json writes UTF-8");
        generate(text, Style::Positional)
            .map_err(|source| XtaskError::codegen(self.output.clone(), source, None))
    }

    /// The typed sample answers for this spec's `mock::samples`.
    pub fn samples(&self, generated: &Generated) -> Result<String> {
        crate::conformance::samples(&self.spec, &generated.source).map_err(|message| {
            XtaskError::Config {
                path: self.output.clone(),
                message: format!("sample answers: {message}"),
            }
        })
    }

    /// The conformance harness for this spec and its generated client.
    pub fn harness(&self, generated: &Generated) -> Result<String> {
        let name = format!("specs/{}/openapi.json", self.module);
        let client = format!("social_clients::{}", self.module);
        crate::conformance::harness(&name, &client, &self.spec, &generated.source).map_err(
            |message| XtaskError::Config {
                path: self.output.clone(),
                message: format!("conformance harness: {message}"),
            },
        )
    }
}

/// Runs the normalizer for one provider without writing anything.
pub fn normalize_provider(providers: &Providers, module: &str) -> Result<Normalized> {
    let provider = &providers.by_module[module];
    let dir = providers.dir(module);
    let source_path = dir.join(&provider.source);
    let overlay_path = dir.join("overlay.yaml");
    let source = document::read(&source_path)?;
    let overlay: Option<Value> = if overlay_path.exists() {
        Some(document::read(&overlay_path)?)
    } else {
        None
    };
    let mut ctx = provider.context(overlay);
    let spec = normalize(source, &mut ctx).map_err(|e| {
        // Overlay errors point into the overlay file; all others into the source.
        let path = if e.pass == Some("overlay")
            && (e.pointer.starts_with("/actions") || e.pointer == "/overlay")
        {
            overlay_path.clone()
        } else {
            source_path.clone()
        };
        XtaskError::Normalize { path, source: e }
    })?;
    crate::consistency::check(&spec, provider)
        .and_then(|()| crate::consistency::check_unbound(&ctx.unbound, provider))
        .map_err(|message| XtaskError::Config {
            path: source_path.clone(),
            message,
        })?;
    Ok(Normalized {
        module: module.to_string(),
        output: dir.join("openapi.json"),
        bytes: document::to_canonical_json(&spec),
        spec,
        unbound: ctx.unbound,
    })
}

/// Normalizes each provider, checks progenitor accepts the result, and only
/// then writes `openapi.json` (atomically, and only when it changed).
pub fn run(providers: &Providers, names: &[String]) -> Result<Vec<(Normalized, Generated)>> {
    let mut out = Vec::new();
    for (module, _) in providers.select(names)? {
        let normalized = normalize_provider(providers, module)?;
        let generated = normalized.generate()?;
        let written = write_if_changed(&normalized.output, &normalized.bytes)?;
        outln!(
            "{}: {} ({} operations, {} unbound)",
            crate::workspace::display_relative(&providers.root(), &normalized.output).display(),
            if written { "written" } else { "unchanged" },
            generated.operations,
            normalized.unbound.len()
        );
        for u in &normalized.unbound {
            outln!("  unbound {}: {}", u.operation, u.reason);
        }
        out.push((normalized, generated));
    }
    Ok(out)
}
