//! Every public item of the hand-written layer (`src/`) has a doc example
//! or a link to one: a code block, an `examples/` file, or an `Example:`
//! line naming where the example is. rustdoc runs the code blocks; this
//! test keeps new items from arriving without one.

use std::fs;
use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The item a line declares, when it is a public fn, type, trait or alias.
fn public_item(line: &str) -> Option<&str> {
    let rest = line.trim_start().strip_prefix("pub ")?;
    let rest = rest.strip_prefix("async ").unwrap_or(rest);
    ["fn ", "struct ", "enum ", "trait ", "type "]
        .iter()
        .find_map(|kind| rest.strip_prefix(kind))
}

/// The doc comment and attributes right above line `at`.
fn docs_above(lines: &[&str], at: usize) -> String {
    lines[..at]
        .iter()
        .rev()
        .take_while(|l| {
            let l = l.trim_start();
            l.starts_with("///") || l.starts_with("#[")
        })
        .copied()
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn every_public_hand_written_item_has_an_example_or_a_link_to_one() {
    let mut files = Vec::new();
    rust_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut files,
    );
    let mut missing = Vec::new();
    for file in &files {
        let text = fs::read_to_string(file).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        for (at, line) in lines.iter().enumerate() {
            let Some(item) = public_item(line) else {
                continue;
            };
            let docs = docs_above(&lines, at);
            let hidden = docs.contains("doc(hidden)") || docs.contains("cfg(doctest)");
            let shown =
                docs.contains("```") || docs.contains("examples/") || docs.contains("Example");
            if !hidden && !shown {
                let name: String = item
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                missing.push(format!("{}:{}: {name}", file.display(), at + 1));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "public items without an example or a link to one:\n{}",
        missing.join("\n")
    );
}
