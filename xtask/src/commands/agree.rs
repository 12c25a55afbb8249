//! `cargo xtask agree <provider> <upstream>`: where the committed normalized
//! spec and the provider's own description describe the same operation, do
//! their shapes agree? Exits non-zero, listing each disagreement, if not.

use std::path::Path;

use social_clients_codegen::Style;

use crate::error::{Result, XtaskError};
use crate::output::outln;
use crate::providers::Providers;

pub fn run(providers: &Providers, provider: &str, upstream: &Path) -> Result<()> {
    providers.select(&[provider.to_string()])?;
    let committed_path = providers.dir(provider).join("openapi.json");
    let committed = crate::document::read(&committed_path)?;
    let upstream_path = upstream.to_str().ok_or_else(|| XtaskError::Config {
        path: upstream.to_path_buf(),
        message: "the path is not UTF-8".into(),
    })?;
    let (_, documents) = super::stats::compute(providers, upstream_path, Style::Positional)?;
    let found = crate::shape_agreement::disagreements(&committed, &documents.normalized);
    if found.is_empty() {
        outln!(
            "{}: agrees with {}",
            committed_path.display(),
            upstream.display()
        );
        return Ok(());
    }
    for line in &found {
        eprintln!("{line}");
    }
    Err(XtaskError::Stale {
        path: committed_path,
        message: format!(
            "{} disagreement(s) with {}",
            found.len(),
            upstream.display()
        ),
    })
}
