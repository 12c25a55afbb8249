//! One module per `cargo xtask` subcommand.

pub mod agree;
pub mod check;
pub mod compile_time;
pub mod conformance;
pub mod corpus;
pub mod diff;
pub mod directory;
pub mod fetch;
pub mod generate;
pub mod normalize;
pub mod providers;
pub mod stats;

#[cfg(test)]
mod tests {
    //! The commands on a temporary copy of the repository's specs and
    //! snapshots, so failures can be provoked without touching the tree.

    use std::path::Path;

    use crate::providers::Providers;

    fn copy_dir(from: &Path, to: &Path) {
        std::fs::create_dir_all(to).unwrap();
        for entry in std::fs::read_dir(from).unwrap() {
            let entry = entry.unwrap();
            let target = to.join(entry.file_name());
            if entry.file_type().unwrap().is_dir() {
                copy_dir(&entry.path(), &target);
            } else {
                std::fs::copy(entry.path(), &target).unwrap();
            }
        }
    }

    /// A temporary root with `specs/`, `tests/snapshots/` and
    /// `tests/conformance/` copied in.
    fn scratch() -> (tempfile::TempDir, Providers) {
        let dir = tempfile::tempdir().unwrap();
        let root = crate::workspace::root();
        copy_dir(&root.join("specs"), &dir.path().join("specs"));
        copy_dir(
            &root.join("tests/snapshots"),
            &dir.path().join("tests/snapshots"),
        );
        copy_dir(
            &root.join("tests/conformance"),
            &dir.path().join("tests/conformance"),
        );
        let providers = Providers::load(&dir.path().join("specs")).unwrap();
        (dir, providers)
    }

    fn append(path: &Path, text: &str) {
        let mut contents = std::fs::read_to_string(path).unwrap();
        contents.push_str(text);
        std::fs::write(path, contents).unwrap();
    }

    #[test]
    fn check_passes_on_the_committed_tree() {
        let (_dir, providers) = scratch();
        super::check::run(&providers).unwrap();
    }

    #[test]
    fn check_names_a_stale_normalized_spec() {
        let (dir, providers) = scratch();
        let source = dir.path().join("specs/hooked/source.yaml");
        let text = std::fs::read_to_string(&source)
            .unwrap()
            .replace("version: 1.0.0", "version: 1.0.1");
        std::fs::write(&source, text).unwrap();
        let err = super::check::run(&providers).unwrap_err().to_string();
        assert!(err.starts_with("specs/hooked/openapi.json:"), "{err}");
    }

    #[test]
    fn check_names_a_stale_snapshot() {
        let (dir, providers) = scratch();
        append(
            &dir.path()
                .join("tests/snapshots/generated_code__gipper.snap"),
            "// edited by hand\n",
        );
        let err = super::check::run(&providers).unwrap_err().to_string();
        assert!(
            err.starts_with("tests/snapshots/generated_code__gipper.snap:"),
            "{err}"
        );
    }

    #[test]
    fn generate_makes_a_stale_tree_fresh_again() {
        let (dir, providers) = scratch();
        let source = dir.path().join("specs/gipper/source.yaml");
        let text = std::fs::read_to_string(&source)
            .unwrap()
            .replace("version: '3'", "version: '3.1'");
        std::fs::write(&source, text).unwrap();
        assert!(super::check::run(&providers).is_err());
        super::generate::run(&providers, &[]).unwrap();
        super::check::run(&providers).unwrap();
    }

    #[test]
    fn a_broken_source_leaves_the_normalized_spec_untouched() {
        let (dir, providers) = scratch();
        let output = dir.path().join("specs/postbreeze/openapi.json");
        let before = std::fs::read(&output).unwrap();
        append(
            &dir.path().join("specs/postbreeze/source.yaml"),
            "\n  broken: [unclosed\n",
        );
        let err = super::normalize::run(&providers, &["postbreeze".into()])
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with(&format!(
                "{}: invalid YAML at line",
                dir.path().join("specs/postbreeze/source.yaml").display()
            )),
            "{err}"
        );
        assert_eq!(std::fs::read(&output).unwrap(), before);
    }

    #[test]
    fn a_50_mb_description_is_refused_without_being_read_and_nothing_is_written() {
        let (dir, providers) = scratch();
        let output = dir.path().join("specs/hooked/openapi.json");
        let before = std::fs::read(&output).unwrap();
        let source = dir.path().join("specs/hooked/source.yaml");
        // Sparse: 50 MB long, no disk used, and never read into memory.
        std::fs::File::create(&source)
            .unwrap()
            .set_len(50 * 1024 * 1024)
            .unwrap();
        let err = super::normalize::run(&providers, &["hooked".into()])
            .unwrap_err()
            .to_string();
        assert_eq!(
            err,
            format!(
                "{}: document is 52428800 bytes, over the 20971520-byte limit",
                source.display()
            )
        );
        assert_eq!(std::fs::read(&output).unwrap(), before);
    }

    #[test]
    fn a_stale_overlay_action_names_the_overlay_file_and_action() {
        let (dir, providers) = scratch();
        let output = dir.path().join("specs/postbreeze/openapi.json");
        let before = std::fs::read(&output).unwrap();
        append(
            &dir.path().join("specs/postbreeze/overlay.yaml"),
            "  - target: $.paths['/gone'].get\n    update: { operationId: gone }\n",
        );
        let err = super::normalize::run(&providers, &["postbreeze".into()])
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("overlay.yaml: pass `overlay`: at /actions/5/target"),
            "{err}"
        );
        assert_eq!(std::fs::read(&output).unwrap(), before);
    }

    /// A pin that names a shared per-platform shape after one platform is
    /// refused with what misleads, and nothing is written.
    #[test]
    fn a_type_named_after_a_sibling_platform_fails_normalize() {
        let (dir, providers) = scratch();
        let output = dir.path().join("specs/bundle_social/openapi.json");
        let before = std::fs::read(&output).unwrap();
        append(
            &dir.path().join("specs/bundle_social/overlay.yaml"),
            "  - target: \"$.paths['/api/v1/post/'].post.requestBody.content['application/json'].schema.properties.data.properties.SLACK\"\n    update: { x-social-clients-name: Discord }\n",
        );
        let err = super::normalize::run(&providers, &["bundle_social".into()])
            .unwrap_err()
            .to_string();
        assert!(err.contains("type name(s) mislead"), "{err}");
        assert!(
            err.contains("holds `Discord`, named after its sibling `DISCORD`"),
            "{err}"
        );
        assert_eq!(std::fs::read(&output).unwrap(), before);
    }

    #[test]
    fn diff_denies_a_breaking_source_change_and_passes_an_unchanged_one() {
        let (dir, providers) = scratch();
        let options = |deny_breaking| super::diff::Options {
            against: None,
            json: false,
            deny_breaking,
        };
        super::diff::run(&providers, "gipper", &options(true)).unwrap();
        let source = dir.path().join("specs/gipper/source.yaml");
        let text = std::fs::read_to_string(&source).unwrap().replace(
            "teams_count: { type: integer, format: int64, description: How many teams use the account. }",
            "",
        );
        std::fs::write(&source, text).unwrap();
        super::diff::run(&providers, "gipper", &options(false)).unwrap();
        let err = super::diff::run(&providers, "gipper", &options(true))
            .unwrap_err()
            .to_string();
        // The field is in the workspace update's answer only.
        assert!(
            err.starts_with("specs/gipper/openapi.json: 1 breaking change(s)"),
            "{err}"
        );
    }

    #[test]
    fn a_spec_that_disagrees_with_providers_toml_is_rejected() {
        let (dir, providers) = scratch();
        let source = dir.path().join("specs/hooked/source.yaml");
        let text = std::fs::read_to_string(&source)
            .unwrap()
            .replace("https://api.hooked.so", "https://elsewhere.example");
        std::fs::write(&source, text).unwrap();
        let err = super::normalize::run(&providers, &["hooked".into()])
            .unwrap_err()
            .to_string();
        assert!(err.contains("servers[0].url"), "{err}");
    }
}
