//! `cargo xtask` and `cargo test --workspace` share one build of their
//! dependencies only when both resolve the same features for them. Cargo
//! unifies features over the packages one invocation selects, so xtask built
//! alone would compile syn, serde, tokio, hyper and reqwest (and everything
//! above them) a second time with fewer features: about five minutes of a
//! clean CI run, which runs both. `xtask/Cargo.toml` therefore asks for the
//! features the workspace's test build enables; the test here names every
//! dependency where the two still differ.
//!
//! It reads `cargo tree`, which is stable and quick but shows one feature
//! set per package where a build may compile a host (proc-macro) and a
//! target copy; the host-side entries of `xtask/Cargo.toml` were found with
//! nightly's `cargo build --unit-graph`, which compares the units
//! themselves.

use std::collections::{BTreeMap, BTreeSet};
use std::process::Command;

use crate::workspace::root;

/// Feature sets per package (`name vX.Y.Z`) of the build `cargo tree` is
/// asked about. Workspace members are left out: they are built per
/// invocation anyway.
type Resolved = BTreeMap<String, BTreeSet<String>>;

fn resolved(selection: &[&str]) -> Resolved {
    let output = Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()))
        .args([
            "tree",
            "--locked",
            "--prefix",
            "none",
            "--format",
            "{p} [{f}]",
        ])
        .args(selection)
        .current_dir(root())
        .output()
        .expect("cargo runs");
    assert!(
        output.status.success(),
        "cargo tree {selection:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    parse(&String::from_utf8_lossy(&output.stdout))
}

/// `cargo tree --prefix none --format "{p} [{f}]"` lines: `name vX (path)?
/// (proc-macro)? [features] (*)?`.
fn parse(tree: &str) -> Resolved {
    let mut resolved = Resolved::new();
    for line in tree.lines() {
        let Some((package, rest)) = line.split_once(" [") else {
            continue;
        };
        let Some((features, _)) = rest.split_once(']') else {
            continue;
        };
        let mut words = package.split(' ');
        let (Some(name), Some(version)) = (words.next(), words.next()) else {
            continue;
        };
        if words.any(|w| w.starts_with('(') && w != "(proc-macro)") {
            continue;
        }
        resolved
            .entry(format!("{name} {version}"))
            .or_default()
            .insert(features.to_string());
    }
    resolved
}

/// Each dependency xtask's own build resolves to a feature set the
/// workspace's test build does not compile.
fn differences(xtask: &Resolved, workspace: &Resolved) -> Vec<String> {
    let mut found = Vec::new();
    for (package, sets) in xtask {
        let theirs = workspace.get(package).cloned().unwrap_or_default();
        for features in sets.difference(&theirs) {
            found.push(format!(
                "{package}: `cargo xtask` builds it with [{features}], `cargo test --workspace` with {theirs:?}"
            ));
        }
    }
    found
}

#[test]
fn cargo_xtask_and_the_workspace_tests_share_one_dependency_build() {
    let xtask = resolved(&["--package", "xtask", "--edges", "normal,build"]);
    let workspace = resolved(&["--workspace", "--edges", "normal,build,dev"]);
    assert!(
        xtask.keys().any(|p| p.starts_with("syn ")),
        "cargo tree listed no syn for xtask: {xtask:?}"
    );
    let found = differences(&xtask, &workspace);
    assert!(
        found.is_empty(),
        "add the features the tests enable to xtask/Cargo.toml (see its \"One build of the dependencies\" entries):\n{}",
        found.join("\n")
    );
}

#[test]
fn a_feature_only_the_tests_enable_is_a_difference() {
    let xtask = parse(
        "tokio v1.0.0 [rt]\nxtask v0.0.0 (/w/xtask) []\nsyn v2.0.0 (proc-macro) [full] (*)\n",
    );
    let workspace = parse("tokio v1.0.0 [macros,rt]\nsyn v2.0.0 [full]\n");
    assert_eq!(
        differences(&xtask, &workspace),
        ["tokio v1.0.0: `cargo xtask` builds it with [rt], `cargo test --workspace` with {\"macros,rt\"}"]
    );
    assert!(
        !xtask.contains_key("xtask v0.0.0"),
        "workspace members are left out"
    );
}
