//! `cargo xtask fetch [provider...] [--from PATH] [--out PATH]`: download
//! what each provider publishes now into `specs/<p>/source.<format>` and
//! record it in `specs/<p>/source.lock`.
//!
//! Nothing is written unless the answer is a complete OpenAPI 3.0/3.1
//! description in the format providers.toml declares; both files are
//! written atomically. Providers that publish no description are reported
//! as hand-maintained, not as failures.

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::document;
use crate::download::{self, Limits};
use crate::error::{Result, XtaskError};
use crate::fsutil::write_atomic;
use crate::lockfile::{self, SourceLock};
use crate::normalize::passes::version::supported;
use crate::output::outln;
use crate::prose;
use crate::providers::{Prose, Provider, Providers};
use crate::workspace::display_relative;

pub struct Options<'a> {
    /// Take this local file instead of downloading (offline use).
    pub from: Option<&'a Path>,
    /// Write the description here instead of into `specs/` (no lock), to
    /// compare it with `cargo xtask diff --against`.
    pub out: Option<&'a Path>,
    pub limits: Limits,
}

/// What happened to one provider.
#[derive(Debug, PartialEq, Eq)]
pub enum Outcome {
    Fetched {
        path: PathBuf,
        sha256: String,
    },
    HandMaintained,
    /// The provider publishes a description, but the project keeps one it
    /// authored; fetching all providers leaves it alone.
    AuthoredKept {
        fetched_name: String,
    },
}

pub fn run(providers: &Providers, names: &[String], options: &Options<'_>) -> Result<()> {
    let selected = providers.select(names)?;
    if (options.from.is_some() || options.out.is_some()) && selected.len() != 1 {
        return Err(XtaskError::Config {
            path: providers.specs_dir.join("providers.toml"),
            message: "--from and --out take exactly one provider".into(),
        });
    }
    let mut failed = Vec::new();
    for (module, provider) in selected {
        let outcome = fetch_one(providers, module, provider, options);
        // Named explicitly, an authored source that blocks the fetch is an
        // error; in a fetch of everything it is the project's choice.
        let outcome = match outcome {
            Ok(Outcome::AuthoredKept { .. }) if !names.is_empty() => {
                Err(authored_error(providers, module, provider))
            }
            other => other,
        };
        match outcome {
            Ok(Outcome::Fetched { path, sha256 }) => {
                let shown = display_relative(&providers.root(), &path);
                let next = match options.out {
                    Some(_) => format!("cargo xtask diff {module} --against {}", shown.display()),
                    None => format!("cargo xtask diff {module}"),
                };
                outln!(
                    "{module}: fetched -> {} (sha256 {}); next: {next}",
                    shown.display(),
                    &sha256[..12]
                )
            }
            Ok(Outcome::AuthoredKept { fetched_name }) => outln!(
                "{module}: kept the authored {} (set source = {fetched_name:?} in providers.toml to adopt the published description, or `cargo xtask fetch {module} --out FILE` to compare)",
                provider.source
            ),
            Ok(Outcome::HandMaintained) => outln!(
                "{module}: hand-maintained ({} publishes no machine-readable description; {} is authored from {})",
                provider.title, provider.source, provider.docs_url
            ),
            Err(e) => {
                eprintln!("error: {module}: {e}");
                failed.push((module.to_string(), e));
            }
        }
    }
    match failed.len() {
        0 => Ok(()),
        1 => Err(failed.remove(0).1),
        n => Err(XtaskError::Config {
            path: providers.specs_dir.join("providers.toml"),
            message: format!(
                "{n} providers failed to fetch: {}",
                failed
                    .iter()
                    .map(|(m, _)| m.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        }),
    }
}

pub fn fetch_one(
    providers: &Providers,
    module: &str,
    provider: &Provider,
    options: &Options<'_>,
) -> Result<Outcome> {
    let (Some(url), Some(file)) = (&provider.upstream_url, provider.fetched_source()) else {
        if let Some(from) = options.from {
            return Err(XtaskError::Config {
                path: from.to_path_buf(),
                message: format!(
                    "{module} publishes no description (no upstream_url in providers.toml); its {} is edited by hand",
                    provider.source
                ),
            });
        }
        return Ok(Outcome::HandMaintained);
    };
    let dir = providers.dir(module);
    let destination = match options.out {
        Some(out) => out.to_path_buf(),
        None if provider.source != file => {
            return Ok(Outcome::AuthoredKept { fetched_name: file });
        }
        None => dir.join(&file),
    };
    let (origin, published, doc) = match options.from {
        Some(from) => {
            let bytes = document::read_bytes(from, options.limits.max_bytes)?;
            let doc = validate(&bytes, &file, None).map_err(|message| XtaskError::Config {
                path: from.to_path_buf(),
                message,
            })?;
            (file_url(from), bytes, doc)
        }
        None => {
            let got = download::get(url, options.limits)?;
            let doc =
                validate(&got.bytes, &file, got.content_type.as_deref()).map_err(|message| {
                    XtaskError::Fetch {
                        url: url.clone(),
                        message,
                    }
                })?;
            (url.clone(), got.bytes, doc)
        }
    };
    let facts = match provider.prose {
        Prose::Provider => None,
        Prose::Own => Some(facts_only(&file, doc)?),
    };
    let bytes = facts.as_deref().unwrap_or(&published);
    write_atomic(&destination, bytes)?;
    let mut lock = SourceLock::new(&file, &origin, bytes);
    if facts.is_some() {
        lock.upstream_sha256 = Some(lockfile::sha256_hex(&published));
    }
    if options.out.is_none() {
        write_atomic(&lockfile::path(&dir), lock.to_toml().as_bytes())?;
    }
    Ok(Outcome::Fetched {
        path: destination,
        sha256: lock.sha256,
    })
}

/// The published description (as `validate` parsed it) without the
/// provider's prose, in the format the source file declares.
fn facts_only(file: &str, mut doc: Value) -> Result<Vec<u8>> {
    prose::strip(&mut doc);
    if file.ends_with(".json") {
        return Ok(document::to_canonical_json(&doc));
    }
    serde_norway::to_string(&doc)
        .map(String::into_bytes)
        .map_err(|e| XtaskError::Config {
            path: PathBuf::from(file),
            message: format!("cannot write the description as YAML: {e}"),
        })
}

fn authored_error(providers: &Providers, module: &str, provider: &Provider) -> XtaskError {
    let file = provider.fetched_source().unwrap_or_default();
    XtaskError::Config {
        path: providers.specs_dir.join("providers.toml"),
        message: format!(
            "{module}: source = {:?} is authored by the project; fetch writes {file:?}. Set source = {file:?} to adopt the published description, or pass --out PATH and compare with `cargo xtask diff {module} --against PATH`",
            provider.source
        ),
    }
}

/// The bytes must parse in the declared format and be an OpenAPI 3.0 or 3.1
/// description (as the normalizer's `version` pass reads them) with paths; anything else (an HTML error page, a Swagger 2.0
/// file, a truncated body) is refused before a file is touched.
fn validate(bytes: &[u8], file: &str, content_type: Option<&str>) -> Result<Value, String> {
    let sent = content_type
        .map(|t| format!(" (Content-Type: {t})"))
        .unwrap_or_default();
    let doc = document::parse(Path::new(file), bytes).map_err(|e| match e {
        // The parser's message already carries the line and column.
        XtaskError::Syntax {
            format, message, ..
        } => format!("the answer is not valid {format}{sent}: {message}"),
        other => other.to_string(),
    })?;
    supported(&doc).map_err(|e| format!("{}{sent}", e.message))?;
    if !doc.get("paths").is_some_and(Value::is_object) {
        return Err("the description has no `paths` object".into());
    }
    Ok(doc)
}

fn file_url(path: &Path) -> String {
    std::fs::canonicalize(path)
        .ok()
        .and_then(|p| url::Url::from_file_path(p).ok())
        .map(String::from)
        .unwrap_or_else(|| path.display().to_string())
}

#[cfg(test)]
#[path = "fetch_tests.rs"]
mod tests;
