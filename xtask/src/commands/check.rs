//! `cargo xtask check`: fail, naming each file, when a committed normalized
//! spec or snapshot is not what the current sources produce, or a fetched
//! description no longer matches its `source.lock`.

use crate::conformance;
use crate::error::{Result, XtaskError};
use crate::lockfile;
use crate::output::outln;
use crate::providers::Providers;
use crate::snapshot;
use crate::workspace::display_relative;

pub fn run(providers: &Providers) -> Result<()> {
    providers.check_matches_crate()?;
    let root = providers.root();
    let mut stale = Vec::new();
    for (module, provider) in providers.select(&[])? {
        let fetched = provider.fetched_source().as_deref() == Some(provider.source.as_str());
        if let Err(e) = lockfile::verify(&providers.dir(module), &provider.source, fetched) {
            eprintln!("stale: {e}");
            stale.push(display_relative(
                &root,
                &lockfile::path(&providers.dir(module)),
            ));
        }
        let normalized = super::normalize::normalize_provider(providers, module)?;
        let committed = std::fs::read(&normalized.output).unwrap_or_default();
        if committed != normalized.bytes {
            stale.push(display_relative(&root, &normalized.output));
        }
        let generated = normalized.generate()?;
        let snap = snapshot::path(&root, module);
        let file = std::fs::read_to_string(&snap).unwrap_or_default();
        if !snapshot::matches(&file, &generated.source) {
            stale.push(display_relative(&root, &snap));
        }
        let harness_path = conformance::path(&root, module);
        if std::fs::read_to_string(&harness_path).ok() != Some(normalized.harness(&generated)?) {
            stale.push(display_relative(&root, &harness_path));
        }
        let samples_path = conformance::samples_path(&root, module);
        if std::fs::read_to_string(&samples_path).ok() != Some(normalized.samples(&generated)?) {
            stale.push(display_relative(&root, &samples_path));
        }
        outln!("{module}: checked");
    }
    if stale.is_empty() {
        outln!("all normalized specs and snapshots are fresh");
        return Ok(());
    }
    for path in &stale {
        eprintln!("stale: {}", path.display());
    }
    Err(XtaskError::Stale {
        path: stale[0].clone(),
        message: format!(
            "{} file(s) differ from what the sources produce; run `cargo xtask generate` and commit the result",
            stale.len()
        ),
    })
}
