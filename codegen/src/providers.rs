/// A provider as the build sees it: the Rust module it lands in and the cargo
/// feature that turns it on. The richer description (auth, URLs, upstream)
/// lives in `specs/providers.toml`; `cargo xtask check` verifies both agree.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ProviderModule {
    /// Module name, also the folder under `specs/` and the generated file name.
    pub module: &'static str,
    /// Cargo feature of the `social-clients` crate.
    pub feature: &'static str,
}

impl ProviderModule {
    /// The environment variable cargo sets for build scripts when the feature
    /// is enabled.
    pub fn feature_env(&self) -> String {
        format!(
            "CARGO_FEATURE_{}",
            self.feature.to_ascii_uppercase().replace('-', "_")
        )
    }

    /// Path of the normalized spec, relative to the workspace root.
    pub fn spec_path(&self) -> String {
        format!("specs/{}/openapi.json", self.module)
    }

    /// File name of the generated source in `OUT_DIR`.
    pub fn generated_file(&self) -> String {
        format!("{}.rs", self.module)
    }
}

/// Every provider the crate ships, in a fixed order.
pub const PROVIDERS: &[ProviderModule] = &[
    ProviderModule {
        module: "bundle_social",
        feature: "bundle-social",
    },
    ProviderModule {
        module: "hooked",
        feature: "hooked",
    },
    ProviderModule {
        module: "postbreeze",
        feature: "postbreeze",
    },
    ProviderModule {
        module: "gipper",
        feature: "gipper",
    },
];
