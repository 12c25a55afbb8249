//! The Gipper client, generated from `specs/gipper/openapi.json`.
//!
//! [`Client`] has one method per operation; request and response bodies are
//! in [`types`]. Every method returns
//! `Result<ResponseValue<T>, Error<E>>` where `E` is the provider's error
//! body, so a documented error status decodes into a typed value.

#[allow(clippy::all, clippy::pedantic, missing_docs, rustdoc::all)]
mod generated {
    include!(concat!(env!("OUT_DIR"), "/gipper.rs"));
}

pub use generated::*;

mod account;
mod error_body;
mod publisher;
mod refusal;

pub use refusal::Refused;

crate::provider::provider! {
    name: "Gipper",
    module: "gipper",
    base_url: "https://platform-api.gogipper.com",
    auth: crate::AuthScheme::Bearer("authentication"),
}
