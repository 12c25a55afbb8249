//! The Hooked client, generated from `specs/hooked/openapi.json`.
//!
//! [`Client`] has one method per operation; request and response bodies are
//! in [`types`]. Every method returns
//! `Result<ResponseValue<T>, Error<E>>` where `E` is the provider's error
//! body, so a documented error status decodes into a typed value.

#[allow(clippy::all, clippy::pedantic, missing_docs, rustdoc::all)]
mod generated {
    include!(concat!(env!("OUT_DIR"), "/hooked.rs"));
}

pub use generated::*;

mod account;
mod catalog;
mod error_body;
mod lists;
mod publish;
mod publisher;

pub use crate::publishing::{PublishWait, TargetOutcome};
pub use publish::{PublishError, PublishReport, RenderError};

crate::provider::provider! {
    name: "Hooked",
    module: "hooked",
    base_url: "https://api.hooked.so",
    auth: crate::AuthScheme::Header("x-api-key"),
}
