//! `specs/providers.toml`: what the tooling knows about each provider.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::error::{Result, XtaskError};
use crate::normalize::{passes::select::Selection, Context};

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Provider {
    pub title: String,
    #[serde(default)]
    pub upstream_url: Option<String>,
    #[serde(default)]
    pub upstream_format: Option<String>,
    pub docs_url: String,
    pub base_url: String,
    pub source: String,
    pub auth: Auth,
    pub error_schema: String,
    pub licence: String,
    /// Unbound operations bound by hand in `src/<module>/`.
    #[serde(default)]
    pub hand_written: Vec<String>,
    /// Which operations of the source to bind (default: all).
    #[serde(default)]
    pub select: Option<Selection>,
    /// Whose words a fetched source keeps: the provider's (default), or
    /// none, the project writing its own in `overlay.yaml`.
    #[serde(default)]
    pub prose: Prose,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Prose {
    /// The fetched description is committed as published.
    #[default]
    Provider,
    /// `fetch` removes descriptions, summaries and examples before writing
    /// (see `crate::prose`); the facts of the interface stay.
    Own,
}

impl Provider {
    /// The normalizer's settings for this provider.
    pub fn context(&self, overlay: Option<serde_json::Value>) -> Context {
        Context::new(&self.error_schema)
            .with_overlay(overlay)
            .with_select(self.select.clone())
    }

    /// Whether the project keeps the provider's own description (fetched)
    /// rather than one it authored: the provider publishes one and `source`
    /// is the file `cargo xtask fetch` writes.
    pub fn fetched_source(&self) -> Option<String> {
        let format = self.upstream_format.as_deref().unwrap_or("json");
        self.upstream_url
            .as_ref()
            .map(|_| format!("source.{format}"))
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase", deny_unknown_fields)]
pub enum Auth {
    /// The key is sent as is in `header`.
    Header { header: String },
    /// The key is sent as `Bearer <key>` in `header`.
    Bearer { header: String },
}

/// All providers, keyed by module name.
#[derive(Debug, Clone)]
pub struct Providers {
    pub specs_dir: PathBuf,
    pub by_module: BTreeMap<String, Provider>,
}

impl Providers {
    pub fn load(specs_dir: &Path) -> Result<Self> {
        let path = specs_dir.join("providers.toml");
        let text = std::fs::read_to_string(&path).map_err(|e| XtaskError::io(&path, e))?;
        let by_module: BTreeMap<String, Provider> =
            toml::from_str(&text).map_err(|e| XtaskError::Config {
                path: path.clone(),
                message: e.to_string(),
            })?;
        Ok(Providers {
            specs_dir: specs_dir.to_path_buf(),
            by_module,
        })
    }

    /// The providers named, or all of them when `names` is empty, in the
    /// order the crate declares them.
    pub fn select(&self, names: &[String]) -> Result<Vec<(&str, &Provider)>> {
        for name in names {
            if !self.by_module.contains_key(name) {
                return Err(XtaskError::UnknownProvider {
                    name: name.clone(),
                    known: self
                        .by_module
                        .keys()
                        .cloned()
                        .collect::<Vec<_>>()
                        .join(", "),
                });
            }
        }
        Ok(social_clients_codegen::PROVIDERS
            .iter()
            .filter_map(|p| self.by_module.get_key_value(p.module))
            .filter(|(m, _)| names.is_empty() || names.iter().any(|n| n == *m))
            .map(|(m, p)| (m.as_str(), p))
            .collect())
    }

    /// The workspace root these specs belong to (the parent of `specs/`).
    pub fn root(&self) -> PathBuf {
        self.specs_dir
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_default()
    }

    pub fn dir(&self, module: &str) -> PathBuf {
        self.specs_dir.join(module)
    }

    /// The crate's provider list and providers.toml must name the same
    /// modules, or a provider would be generated but never compiled (or the
    /// reverse).
    pub fn check_matches_crate(&self) -> Result<()> {
        let crate_modules: Vec<&str> = social_clients_codegen::PROVIDERS
            .iter()
            .map(|p| p.module)
            .collect();
        let toml_modules: Vec<&str> = self.by_module.keys().map(String::as_str).collect();
        let mut sorted_crate = crate_modules.clone();
        sorted_crate.sort_unstable();
        if sorted_crate != toml_modules {
            return Err(XtaskError::Config {
                path: self.specs_dir.join("providers.toml"),
                message: format!(
                    "providers {toml_modules:?} differ from the crate's {crate_modules:?} (codegen/src/providers.rs)"
                ),
            });
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_committed_file_parses_and_matches_the_crate() {
        let providers = Providers::load(&crate::workspace::root().join("specs")).unwrap();
        providers.check_matches_crate().unwrap();
        let bundle = &providers.by_module["bundle_social"];
        assert_eq!(
            bundle.auth,
            Auth::Header {
                header: "x-api-key".into()
            }
        );
    }

    #[test]
    fn unknown_provider_lists_the_known_ones() {
        let providers = Providers::load(&crate::workspace::root().join("specs")).unwrap();
        let err = providers.select(&["nope".into()]).unwrap_err().to_string();
        assert!(
            err.contains("unknown provider `nope`") && err.contains("bundle_social"),
            "{err}"
        );
    }
}
