//! Verifying that a webhook really comes from the provider.
//!
//! Both providers sign the raw request body with HMAC-SHA256 and a secret
//! shared with you; verify against the bytes exactly as received, before
//! parsing them. Comparisons are constant-time, and every failure is a typed
//! [`SignatureError`] that says what was wrong without echoing secrets.
//!
//! - [`bundle_social`]: `x-signature: <hex HMAC of the body>`
//! - [`postbreeze`]: `X-Postbreeze-Signature: t=<unix seconds>,v1=<hex HMAC of "<t>.<body>">`,
//!   a five-minute tolerance, and two secrets accepted while rotating.

mod error;
mod mac;
mod secret;

#[cfg(feature = "bundle-social")]
pub mod bundle_social;
#[cfg(feature = "postbreeze")]
pub mod postbreeze;

pub use error::SignatureError;
pub use secret::WebhookSecret;
