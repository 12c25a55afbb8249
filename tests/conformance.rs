//! The tests built on the conformance harness (`tests/conformance/`: every
//! operation with a request valid for its schema and a body for each
//! answer), in one binary:
//!
//! - `against_prism`: every operation of every provider against Prism;
//! - `hostile_bodies`: every decoded answer type under hostile bodies;
//! - the workflow tests that start from the description's own sample
//!   answers (`publish`, `paging`, `webhook_events`, `postbreeze_publish`,
//!   `postbreeze_webhook_events`).
//!
//! One binary because each sample names its answer type's decoder: a test
//! binary that includes the harness compiles the decoders of every answer
//! type (about 40 s each on 2 cores), so seven binaries compiled them seven
//! times. `cargo test --test conformance <module>` runs one of them.

#[path = "conformance/mod.rs"]
mod conformance;
// The harness names `crate::error::Error` (see conformance/harness.rs).
use social_clients::error;
mod support;

#[path = "sampled/against_prism.rs"]
mod against_prism;
#[path = "sampled/hostile_bodies.rs"]
mod hostile_bodies;
#[path = "sampled/paging.rs"]
mod paging;
#[path = "sampled/postbreeze_publish.rs"]
mod postbreeze_publish;
#[path = "sampled/postbreeze_webhook_events.rs"]
mod postbreeze_webhook_events;
#[path = "sampled/publish.rs"]
mod publish;
#[path = "sampled/publisher.rs"]
mod publisher;
#[path = "sampled/webhook_events.rs"]
mod webhook_events;
