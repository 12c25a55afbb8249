//! `cargo xtask generate [provider...]`: normalize, regenerate, update the
//! snapshots of the generated code, and print what was generated.

use crate::conformance;
use crate::error::Result;
use crate::fsutil::write_if_changed;
use crate::output::outln;
use crate::providers::Providers;
use crate::snapshot;

pub fn run(providers: &Providers, names: &[String]) -> Result<()> {
    let root = providers.root();
    let results = super::normalize::run(providers, names)?;
    outln!();
    outln!(
        "{:<14} {:>10} {:>6} {:>15}  snapshot",
        "provider",
        "operations",
        "types",
        "generated lines"
    );
    for (normalized, generated) in &results {
        let snap = snapshot::path(&root, &normalized.module);
        let written = write_if_changed(&snap, snapshot::render(&generated.source).as_bytes())?;
        let harness = normalized.harness(generated)?;
        write_if_changed(
            &conformance::path(&root, &normalized.module),
            harness.as_bytes(),
        )?;
        write_if_changed(
            &conformance::samples_path(&root, &normalized.module),
            normalized.samples(generated)?.as_bytes(),
        )?;
        outln!(
            "{:<14} {:>10} {:>6} {:>15}  {}",
            normalized.module,
            generated.operations,
            generated.types,
            generated.lines(),
            if written { "updated" } else { "unchanged" }
        );
    }
    outln!();
    outln!("build.rs regenerates the clients on the next `cargo build`; review snapshot changes with `git diff tests/snapshots`.");
    Ok(())
}
