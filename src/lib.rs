//! Typed Rust clients for social-media-management APIs, generated from each
//! provider's OpenAPI description with [progenitor], plus a thin hand-written
//! layer for what a description cannot say.
//!
//! | module | provider | cargo feature |
//! |---|---|---|
//! | [`bundle_social`] | bundle.social | `bundle-social` |
//! | [`hooked`] | Hooked | `hooked` |
//! | [`postbreeze`] | Postbreeze | `postbreeze` |
//! | [`gipper`] | Gipper platform API (v3, v4) | `gipper` |
//!
//! Each module holds the generated `Client` (one method per operation),
//! its request/response `types`, and a constructor that sets the provider's
//! authentication:
//!
//! ```no_run
//! # #[cfg(feature = "bundle-social")]
//! # async fn demo() -> Result<(), Box<dyn std::error::Error>> {
//! use social_clients::bundle_social::{types, Client};
//!
//! let client = Client::from_api_key(std::env::var("BUNDLE_SOCIAL_API_KEY")?)?;
//! let refreshed = client
//!     .social_account_profile_refresh(&types::AccountSelector {
//!         type_: types::Platform::Tiktok,
//!         team_id: "team_123".into(),
//!     })
//!     .await?;
//! println!("{} of {} refreshes left", refreshed.remaining, refreshed.limit);
//! # Ok(())
//! # }
//! ```
//!
//! Keys are held in [`ApiKey`], which never prints its value, are sent as
//! sensitive headers, and are never sent to another origin: redirects are
//! followed only within the origin of the request.
//!
//! [progenitor]: https://github.com/oxidecomputer/progenitor

#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod accounts;
mod auth;
mod builder;
pub mod error;
mod hooks;
#[cfg(feature = "mock")]
pub mod mock;
mod multipart;
mod options;
pub mod paging;
mod provider;
#[cfg(any(
    feature = "bundle-social",
    feature = "postbreeze",
    feature = "hooked",
    feature = "gipper"
))]
pub mod publisher;
#[cfg(any(
    feature = "bundle-social",
    feature = "postbreeze",
    feature = "hooked",
    feature = "gipper"
))]
pub mod publishing;
pub mod rate_window;
mod redact;
mod redirect;
mod retry;
mod runtime;
mod transport;
#[cfg(any(feature = "bundle-social", feature = "postbreeze"))]
pub mod waiting;

pub use auth::{ApiKey, AuthScheme, KeyError};
pub use builder::{BuildError, ClientBuilder, DEFAULT_CONNECT_TIMEOUT, DEFAULT_TIMEOUT};
pub use error::{DecodeError, Error, ErrorBody, RateLimit};
pub use multipart::FilePart;
pub use options::RequestOptions;
pub use provider::Provider;
pub use rate_window::RateWindow;
pub use retry::RetryPolicy;
pub use runtime::Runtime;
pub use transport::HttpClient;

#[cfg(feature = "bundle-social")]
pub mod bundle_social;
#[cfg(feature = "gipper")]
pub mod gipper;
#[cfg(feature = "hooked")]
pub mod hooked;
#[cfg(feature = "postbreeze")]
pub mod postbreeze;
#[cfg(any(feature = "webhook-signatures", feature = "hooked"))]
pub mod webhooks;

/// Compiles the README's examples as doctests, so they cannot rot.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
