//! Generates each enabled provider's client from `specs/<provider>/openapi.json`
//! into `$OUT_DIR/<provider>.rs` with progenitor (through
//! `social-clients-codegen`, the same call `cargo xtask` snapshots).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use social_clients_codegen::{generate, Style, PROVIDERS};

fn main() -> ExitCode {
    println!("cargo:rerun-if-changed=build.rs");
    let manifest_dir = PathBuf::from(
        std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"),
    );
    let out_dir = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    for provider in PROVIDERS {
        if std::env::var_os(provider.feature_env()).is_none() {
            continue;
        }
        let spec = manifest_dir.join(provider.spec_path());
        println!("cargo:rerun-if-changed={}", spec.display());
        if let Err(message) = generate_one(&spec, &out_dir.join(provider.generated_file())) {
            // A plain message instead of a panic backtrace: it names the spec
            // and what is wrong with it.
            println!("cargo:warning={message}");
            eprintln!("error: {message}");
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}

fn generate_one(spec: &Path, out: &Path) -> Result<(), String> {
    let text = std::fs::read_to_string(spec).map_err(|e| format!("{}: {e}", spec.display()))?;
    let generated =
        generate(&text, Style::Positional).map_err(|e| format!("{}: {e}", spec.display()))?;
    // Write-then-rename, so an interrupted build never leaves a truncated file.
    let tmp = out.with_extension("rs.tmp");
    std::fs::write(&tmp, generated.source).map_err(|e| format!("{}: {e}", tmp.display()))?;
    std::fs::rename(&tmp, out).map_err(|e| format!("{}: {e}", out.display()))
}
