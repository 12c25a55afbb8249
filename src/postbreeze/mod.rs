//! The Postbreeze client, generated from `specs/postbreeze/openapi.json`.
//!
//! [`Client`] has one method per operation; request and response bodies are
//! in [`types`]. Every method returns
//! `Result<ResponseValue<T>, Error<E>>` where `E` is the provider's error
//! body, so a documented error status decodes into a typed value.

#[allow(clippy::all, clippy::pedantic, missing_docs, rustdoc::all)]
mod generated {
    include!(concat!(env!("OUT_DIR"), "/postbreeze.rs"));
}

pub use crate::publishing::{PublishWait, TargetOutcome};
pub use generated::*;
pub use publish::{PublishError, PublishReport, UploadError};
pub use rate_window::WaitError;

mod account;
mod error_body;
mod publish;
mod publisher;
mod rate_window;

crate::provider::provider! {
    name: "Postbreeze",
    module: "postbreeze",
    base_url: "https://api.postbreeze.ai/api/v1",
    auth: crate::AuthScheme::Bearer("authorization"),
}
