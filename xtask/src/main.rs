//! `cargo xtask`: the maintainers' spec tooling for social-clients.

mod commands;
mod consistency;
mod document;
mod error;
mod fsutil;
mod normalize;
mod providers;
mod shape_agreement;
mod snapshot;
mod summary;
mod workspace;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::providers::Providers;

#[derive(Parser)]
#[command(
    name = "cargo xtask",
    about = "Spec tooling for social-clients",
    version
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Normalize specs/<provider>/source.* (+ overlay.yaml) into specs/<provider>/openapi.json.
    Normalize {
        /// Providers to normalize (default: all).
        providers: Vec<String>,
    },
    /// Normalize, regenerate, and update the snapshots of the generated code.
    Generate {
        /// Providers to generate (default: all).
        providers: Vec<String>,
    },
    /// Fail when a committed normalized spec or snapshot is stale.
    Check,
    /// List the normalizer passes in the order they run.
    Passes,
    /// List the providers: base URL, auth, where the description comes from.
    Providers,
    /// Check that a provider's committed spec agrees with its upstream description.
    Agree {
        /// The provider whose committed spec to check.
        provider: String,
        /// The provider's own description (JSON or YAML).
        upstream: std::path::PathBuf,
    },
    /// Time `cargo check` of the generated code, naive and normalized, side by side.
    CompileTime {
        /// A provider name, or the path of an OpenAPI description.
        target: String,
    },
    /// Normalize and generate in memory and report operations, types and lines.
    Stats {
        /// A provider name, or the path of an OpenAPI description.
        target: String,
        /// Interface style to generate.
        #[arg(long, value_enum, default_value_t = StyleArg::Positional)]
        style: StyleArg,
        /// Print one JSON object instead of text.
        #[arg(long)]
        json: bool,
        /// Also write the normalized document here, for inspection.
        #[arg(long, value_name = "PATH")]
        emit: Option<std::path::PathBuf>,
        /// Also print each operation with the type names it uses.
        #[arg(long)]
        summary: bool,
    },
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum StyleArg {
    Positional,
    Builder,
}

impl From<StyleArg> for social_clients_codegen::Style {
    fn from(style: StyleArg) -> Self {
        match style {
            StyleArg::Positional => Self::Positional,
            StyleArg::Builder => Self::Builder,
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result =
        Providers::load(&workspace::root().join("specs")).and_then(|providers| match cli.command {
            Command::Normalize { providers: names } => {
                commands::normalize::run(&providers, &names).map(drop)
            }
            Command::Generate { providers: names } => commands::generate::run(&providers, &names),
            Command::Check => commands::check::run(&providers),
            Command::Stats {
                target,
                style,
                json,
                emit,
                summary,
            } => commands::stats::run(
                &providers,
                &target,
                style.into(),
                commands::stats::Output {
                    json,
                    emit: emit.as_deref(),
                    summary,
                },
            ),
            Command::Agree { provider, upstream } => {
                commands::agree::run(&providers, &provider, &upstream)
            }
            Command::CompileTime { target } => commands::compile_time::run(&providers, &target),
            Command::Providers => {
                commands::providers::run(&providers);
                Ok(())
            }
            Command::Passes => {
                for pass in normalize::PASSES {
                    println!("{:<18} {}", pass.name, pass.what);
                }
                Ok(())
            }
        });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
