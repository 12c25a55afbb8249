//! The one place where a normalized OpenAPI document becomes Rust source.
//!
//! `build.rs` of `social-clients` calls [`generate`] for every enabled
//! provider, and `cargo xtask` calls the same function for snapshots,
//! freshness checks and statistics. Keeping a single entry point is what makes
//! "the snapshot is what the user compiles" true.

mod base_headers;
mod client_constructors;
mod constructors;
mod enum_names;
mod error;
mod error_type;
mod field_errors;
mod generate;
mod http_methods;
mod locate;
mod mock;
mod multipart;
mod open_enums;
mod params;
mod providers;
mod quiet_panic;
mod raw_bodies;
mod refs;
mod rewrite;
mod schemars;
mod status_arms;
mod syntax;
mod type_docs;
mod undocumented;
mod whole_numbers;

pub use enum_names::{typify_variant_name, EXTENSION as ENUM_VARNAMES};
pub use error::CodegenError;
pub use error_type::ERROR_TYPE;
pub use generate::{generate, generate_spec, generate_value, Generated, Style, INNER_TYPE};
pub use params::MAX_POSITIONAL;
pub use providers::{ProviderModule, PROVIDERS};
pub use raw_bodies::EXTENSION as RAW_BODY_MEDIA_TYPE;
