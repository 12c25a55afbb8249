//! `cargo xtask compile-time <provider | path>`: how long `cargo check` takes
//! on the generated code, naive and normalized, side by side in one run.
//!
//! Each source is written into a scratch crate under
//! `target/xtask-compile/<name>/` that depends on what generated code uses
//! (progenitor-client, reqwest, serde, serde_json, chrono, regress), with the
//! workspace's Cargo.lock so the same versions are used. Both crates share one
//! target directory: dependencies are checked once, untimed; then each crate's
//! own `cargo check` is timed after touching its source. This is a
//! measurement, not a test: the numbers vary with the machine.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use social_clients_codegen::Style;

use crate::error::{Result, XtaskError};
use crate::fsutil::write_if_changed;
use crate::output::outln;
use crate::providers::Providers;

/// What generated code needs, for every scratch crate that compiles it.
pub const GENERATED_CODE_DEPENDENCIES: &str = r#"progenitor-client = "0.15.1"
reqwest = { version = "0.13.4", default-features = false, features = ["json", "query", "stream", "multipart"] }
serde = { version = "1", features = ["derive"] }
serde_json = "1"
chrono = { version = "0.4", default-features = false, features = ["serde", "std"] }
regress = "0.12"
http = "1"
serde_path_to_error = "0.1"
bytes = "1"
httpdate = "1"
"#;

/// The crate modules generated code names (`crate::multipart::FilePart`
/// in form methods, `crate::error::Error` in every method), as the crate
/// itself has them: one source for both.
pub const SUPPORT_MODULES: &str = concat!(
    "pub mod multipart {\n",
    include_str!("../../../src/multipart.rs"),
    "\n}\n",
    "pub mod error {\n",
    include_str!("../../../src/error.rs"),
    "\n}\n"
);

/// A standalone scratch crate's manifest (its own `[workspace]`, so cargo
/// does not look for the enclosing one).
pub fn manifest(name: &str, extra_dependencies: &str) -> String {
    format!(
        "{}\n[workspace]\n",
        member_manifest(name, extra_dependencies)
    )
}

/// The manifest of a scratch crate that is a member of a [`ScratchWorkspace`].
pub fn member_manifest(name: &str, extra_dependencies: &str) -> String {
    format!(
        "[package]\nname = \"{name}\"\nversion = \"0.0.0\"\nedition = \"2021\"\npublish = false\n\n[dependencies]\n{GENERATED_CODE_DEPENDENCIES}{extra_dependencies}\n[features]\n# Named by the generated code's cfgs (codegen/src/schemars.rs, mock.rs); off.\nschemars = []\nmock = []\n"
    )
}

/// Copies the workspace's Cargo.lock into `dir` once, so a scratch build
/// uses the same versions (cargo adds what it needs beyond them).
fn seed_lock(root: &Path, dir: &Path) -> Result<()> {
    if !dir.join("Cargo.lock").exists() {
        let lock = std::fs::read(root.join("Cargo.lock"))
            .map_err(|e| XtaskError::io(root.join("Cargo.lock"), e))?;
        write_if_changed(&dir.join("Cargo.lock"), &lock)?;
    }
    Ok(())
}

/// `cargo <args>` in the scratch crate or workspace `dir`, building into
/// `target_dir`, without the caller's RUSTFLAGS (which would rebuild every
/// dependency).
fn cargo_in(dir: &Path, args: &[&str], target_dir: &Path) -> Command {
    let mut command = Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()));
    command
        .args(args)
        .current_dir(dir)
        .env("CARGO_TARGET_DIR", target_dir)
        .env_remove("RUSTFLAGS");
    command
}

/// Scratch crates built together: one `cargo build` over every member, so
/// the dependencies are built once and cargo keeps both cores busy with
/// two members at a time (one large generated crate alone leaves most of a
/// build on one core).
pub struct ScratchWorkspace {
    pub dir: PathBuf,
}

impl ScratchWorkspace {
    /// The workspace manifest in `dir` naming `members` (folders under it).
    pub fn create(root: &Path, dir: PathBuf, members: &[String]) -> Result<Self> {
        let listed: String = members.iter().map(|m| format!("    {m:?},\n")).collect();
        let manifest = format!("[workspace]\nresolver = \"2\"\nmembers = [\n{listed}]\n");
        write_if_changed(&dir.join("Cargo.toml"), manifest.as_bytes())?;
        seed_lock(root, &dir)?;
        Ok(ScratchWorkspace { dir })
    }

    /// `cargo build` of every member into `target_dir`, going on past a
    /// member that fails (its own `cargo run` reports the error); returns
    /// how long it took.
    pub fn build(&self, target_dir: &Path) -> Result<Duration> {
        let started = Instant::now();
        cargo_in(
            &self.dir,
            &["build", "--quiet", "--workspace", "--keep-going"],
            target_dir,
        )
        .output()
        .map_err(|e| XtaskError::io(&self.dir, e))?;
        Ok(started.elapsed())
    }
}

/// A crate holding one generated source.
pub struct ScratchCrate {
    pub dir: PathBuf,
}

impl ScratchCrate {
    /// A standalone crate in `dir` with `manifest`, on the workspace's
    /// Cargo.lock so the same versions are used (copied once; cargo adds
    /// what a crate needs beyond it).
    pub fn create(root: &Path, dir: PathBuf, manifest: &str) -> Result<Self> {
        write_if_changed(&dir.join("Cargo.toml"), manifest.as_bytes())?;
        seed_lock(root, &dir)?;
        Ok(ScratchCrate { dir })
    }

    /// A member of a [`ScratchWorkspace`] in `dir` (the workspace holds the
    /// lock file).
    pub fn member(dir: PathBuf, manifest: &str) -> Result<Self> {
        write_if_changed(&dir.join("Cargo.toml"), manifest.as_bytes())?;
        let stale_lock = dir.join("Cargo.lock");
        if stale_lock.exists() {
            // Left by a standalone build of the same crate; cargo would warn.
            std::fs::remove_file(&stale_lock).map_err(|e| XtaskError::io(&stale_lock, e))?;
        }
        Ok(ScratchCrate { dir })
    }

    /// Writes (or refreshes) the crate `name` under `target/xtask-compile/`
    /// holding `source` as its library.
    pub fn write(root: &Path, name: &str, source: &str) -> Result<Self> {
        Self::at(root, root.join("target/xtask-compile").join(name), source)
    }

    /// Writes (or refreshes) a crate in `dir`, its package named after the
    /// folder, holding `source` as its library. Each crate has its own
    /// package name: two crates of one name in one target folder would
    /// share fingerprints and incremental state, and the second check
    /// would measure the first's leftovers.
    pub fn at(root: &Path, dir: PathBuf, source: &str) -> Result<Self> {
        let package: String = dir
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '_' {
                    c
                } else {
                    '-'
                }
            })
            .collect();
        let package = format!("generated-{package}");
        let scratch = Self::create(root, dir, &manifest(&package, ""))?;
        // The generated client holds `crate::runtime::Runtime` (see
        // social_clients_codegen::INNER_TYPE); a stand-in is enough to check.
        let lib = format!(
            "#![allow(warnings, clippy::all)]\npub mod runtime {{ #[derive(Clone, Debug)] pub struct Runtime; }}\n{SUPPORT_MODULES}{source}"
        );
        write_if_changed(&scratch.dir.join("src/lib.rs"), lib.as_bytes())?;
        Ok(scratch)
    }

    /// `cargo <args>` in this crate (see [`cargo_in`]).
    pub fn cargo(&self, args: &[&str], target_dir: &Path) -> Command {
        cargo_in(&self.dir, args, target_dir)
    }

    /// Runs `cargo check` in the crate; returns how long it took.
    pub fn check(&self, target_dir: &Path) -> Result<Duration> {
        self.check_with(target_dir, true)
    }

    /// [`check`](Self::check), with incremental compilation on or off.
    fn check_with(&self, target_dir: &Path, incremental: bool) -> Result<Duration> {
        let started = Instant::now();
        let output = self
            .cargo(&["check", "--quiet", "--message-format=short"], target_dir)
            .env("CARGO_INCREMENTAL", if incremental { "1" } else { "0" })
            .output()
            .map_err(|e| XtaskError::io(&self.dir, e))?;
        let elapsed = started.elapsed();
        if !output.status.success() {
            let stderr = String::from_utf8_lossy(&output.stderr);
            let first: Vec<&str> = stderr
                .lines()
                .filter(|l| !l.trim().is_empty())
                .take(12)
                .collect();
            return Err(XtaskError::Config {
                path: self.dir.join("src/lib.rs"),
                message: format!("generated code does not compile:\n{}", first.join("\n")),
            });
        }
        Ok(elapsed)
    }

    /// Times a check of this crate alone: dependencies are checked first,
    /// untimed, then the source is touched and checked again. Both without
    /// incremental compilation: with it, the second check reuses the
    /// first's work on the unchanged source and times almost nothing.
    pub fn timed_check(&self, target_dir: &Path) -> Result<Duration> {
        self.check_with(target_dir, false)?;
        let lib = self.dir.join("src/lib.rs");
        let text = std::fs::read(&lib).map_err(|e| XtaskError::io(&lib, e))?;
        std::fs::write(&lib, text).map_err(|e| XtaskError::io(&lib, e))?;
        self.check_with(target_dir, false)
    }
}

pub fn run(providers: &Providers, target: &str) -> Result<()> {
    let root = providers.root();
    let (stats, documents) = super::stats::compute(providers, target, Style::Positional)?;
    let path = Path::new(&stats.spec);
    let normalized = super::stats::generate_value(&documents.normalized, Style::Positional, path)?;
    let naive = super::stats::generate_value(&documents.naive, Style::Positional, path)?;
    let target_dir = root.join("target/xtask-compile/target");

    outln!(
        "spec: {} (cargo check of the generated crate alone, dependencies warm)",
        stats.spec
    );
    let normalized_crate = ScratchCrate::write(&root, "normalized", &normalized.source)?;
    let naive_crate = ScratchCrate::write(&root, "naive", &naive.source)?;
    let normalized_time = normalized_crate.timed_check(&target_dir)?;
    let naive_time = naive_crate.timed_check(&target_dir)?;
    outln!(
        "{:<11} {:>9} lines {:>8.1} s",
        "naive",
        naive.lines(),
        naive_time.as_secs_f64()
    );
    outln!(
        "{:<11} {:>9} lines {:>8.1} s",
        "normalized",
        normalized.lines(),
        normalized_time.as_secs_f64()
    );
    outln!(
        "normalized/naive: {:.1} % of the lines, {:.1} % of the check time",
        100.0 * normalized.lines() as f64 / naive.lines().max(1) as f64,
        100.0 * normalized_time.as_secs_f64() / naive_time.as_secs_f64().max(f64::EPSILON)
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// bundle.social's full published description: its operation ->
    /// type-name summary is snapshotted so naming drift is reviewed. (That
    /// its client compiles and conforms is the corpus test's, which runs
    /// this description too.) Skipped when the reference data beside the
    /// repository is absent.
    #[test]
    fn the_full_upstream_bundle_social_summary_is_reviewed() {
        let root = crate::workspace::root();
        let Some(path) = crate::workspace::upstream_bundle_social() else {
            return;
        };
        let providers = Providers::load(&root.join("specs")).unwrap();
        let (_, documents) =
            super::super::stats::compute(&providers, path.to_str().unwrap(), Style::Positional)
                .unwrap();
        insta::assert_snapshot!(
            "bundle_social_upstream_summary",
            crate::summary::render(&documents.normalized)
        );
    }
}
