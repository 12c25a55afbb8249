//! Snapshots of every provider's generated code, read from what build.rs
//! wrote into OUT_DIR. A spec change shows up here as a reviewable code diff
//! (`cargo insta review`, or `git diff tests/snapshots`); `cargo xtask
//! generate` writes the same snapshots from the same codegen call.

macro_rules! snapshot_provider {
    ($feature:literal, $module:ident) => {
        #[cfg(feature = $feature)]
        #[test]
        fn $module() {
            let generated = include_str!(concat!(env!("OUT_DIR"), "/", stringify!($module), ".rs"));
            insta::assert_snapshot!(stringify!($module), generated);
        }
    };
}

snapshot_provider!("bundle-social", bundle_social);
snapshot_provider!("hooked", hooked);
snapshot_provider!("postbreeze", postbreeze);
snapshot_provider!("gipper", gipper);
