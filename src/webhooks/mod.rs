//! Verifying that a webhook really comes from the provider.
//!
//! Both providers sign the raw request body with HMAC-SHA256 and a secret
//! shared with you; verify against the bytes exactly as received, before
//! parsing them. Comparisons are constant-time, and every failure is a typed
//! [`SignatureError`] that says what was wrong without echoing secrets.
//!
//! - [`bundle_social`]: `x-signature: <hex HMAC of the body>`; typed
//!   events with [`bundle_social::verify_and_decode`]
//! - [`postbreeze`]: `X-Postbreeze-Signature: t=<unix seconds>,v1=<hex HMAC of "<t>.<body>">`,
//!   a five-minute tolerance, and two secrets accepted while rotating.
//! - [`hooked`]: Hooked signs nothing; its video webhook is decoded into a
//!   typed [`hooked::ProjectEvent`], and the module says how to guard the
//!   address instead.

mod error;
// HMAC only for the providers that sign (Hooked does not).
#[cfg(feature = "webhook-signatures")]
mod mac;
mod payload_error;
mod secret;

#[cfg(feature = "bundle-social")]
pub mod bundle_social;
#[cfg(feature = "hooked")]
pub mod hooked;
#[cfg(feature = "postbreeze")]
pub mod postbreeze;

pub use error::SignatureError;
pub use payload_error::WebhookError;
pub use secret::WebhookSecret;
