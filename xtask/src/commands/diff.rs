//! `cargo xtask diff <provider> [--against PATH] [--json] [--deny-breaking]`:
//! compare the committed normalized spec with a new one and print what
//! changes for a user of the client.
//!
//! Without `--against`, the new side is what the provider's current source
//! (+ overlay) normalizes to: run it right after `cargo xtask fetch`, before
//! `generate`. With `--against PATH`, the file is normalized with the
//! provider's settings first, unless it is already a normalized spec.

use std::path::Path;

use serde_json::Value;

use crate::document;
use crate::error::{Result, XtaskError};
use crate::normalize::normalize;
use crate::normalize::passes::overlay::StaleAction;
use crate::output::{out, outln};
use crate::providers::Providers;
use crate::spec_diff::{diff, render_json, render_text};
use crate::workspace::display_relative;

pub struct Options<'a> {
    pub against: Option<&'a Path>,
    pub json: bool,
    pub deny_breaking: bool,
}

pub fn run(providers: &Providers, module: &str, options: &Options<'_>) -> Result<()> {
    providers.select(&[module.to_string()])?;
    let root = providers.root();
    let committed_path = providers.dir(module).join("openapi.json");
    let committed = document::read(&committed_path)?;
    let source = providers
        .dir(module)
        .join(&providers.by_module[module].source);
    let (path, new_label) = match options.against {
        Some(path) => (path.to_path_buf(), path.display().to_string()),
        None => (
            source.clone(),
            display_relative(&root, &source).display().to_string(),
        ),
    };
    let (new, stale) = against(providers, module, &path)?;
    let old_label = display_relative(&root, &committed_path)
        .display()
        .to_string();
    let changes = diff(&committed, &new);
    if options.json {
        outln!("{}", render_json(&old_label, &new_label, &changes, &stale));
    } else {
        out!("{}", render_text(&old_label, &new_label, &changes, &stale));
    }
    let breaking = changes.iter().filter(|c| c.breaking).count();
    if options.deny_breaking && breaking > 0 {
        return Err(XtaskError::Breaking {
            path: display_relative(&root, &committed_path),
            count: breaking,
        });
    }
    Ok(())
}

/// `path` as the provider's normalizer would make it (overlay and
/// `select` included), with the overlay actions that target nothing in it;
/// a file that is already normalized is taken as is.
pub fn against(
    providers: &Providers,
    module: &str,
    path: &Path,
) -> Result<(Value, Vec<StaleAction>)> {
    let doc = document::read(path)?;
    if doc.get("x-social-clients").is_some() {
        return Ok((doc, Vec::new()));
    }
    let overlay_path = providers.dir(module).join("overlay.yaml");
    let overlay = overlay_path
        .exists()
        .then(|| document::read(&overlay_path))
        .transpose()?;
    let mut ctx = providers.by_module[module]
        .context(overlay)
        .reporting_stale_actions();
    let normalized = normalize(doc, &mut ctx).map_err(|source| XtaskError::Normalize {
        path: path.to_path_buf(),
        source,
    })?;
    Ok((normalized, ctx.stale_actions.unwrap_or_default()))
}
