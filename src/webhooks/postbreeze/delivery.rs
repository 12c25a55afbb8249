//! Postbreeze's webhook deliveries, typed. Every delivery has the same
//! envelope, `{event, deliveryId, sentAt, apiVersion, payload}`; what
//! `payload` holds depends on the event, and the provider documents it as
//! a free-form object, so it is kept as JSON with [`Delivery::payload_as`]
//! to read it as the type the caller expects (a post for `post.*` events).
//!
//! Postbreeze's webhook page names one event key, `post.published`; its
//! event catalog and per-event payloads are not in the reference the crate
//! was written from. So [`EventKind`] has that one key typed and keeps any
//! other as sent, rather than guess names that would silently never match.

use serde::de::DeserializeOwned;
use serde::Deserialize;
use serde_json::Value;

use super::Verifier;
use crate::webhooks::WebhookError;

/// One webhook delivery.
///
/// Example: [`verify_and_decode`].
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Delivery {
    /// The event key, e.g. `post.published` (also sent as
    /// `X-Postbreeze-Event`); [`Delivery::kind`] types it.
    pub event: String,
    /// Stable per delivery (also `X-Postbreeze-Delivery-Id`): a retried
    /// delivery repeats it, so deduplicate on it.
    pub delivery_id: String,
    /// When Postbreeze sent it (RFC 3339).
    #[serde(default)]
    pub sent_at: Option<String>,
    /// The payload's format version (also `X-Postbreeze-Api-Version`).
    #[serde(default)]
    pub api_version: Option<String>,
    /// The event's detail.
    #[serde(default)]
    pub payload: Value,
}

/// What a delivery is about: its `event` key, typed where Postbreeze
/// documents it.
///
/// # Example
/// ```
/// use social_clients::webhooks::postbreeze::{Delivery, EventKind};
///
/// let delivery = Delivery::from_body(br#"{"event":"post.published","deliveryId":"dlv_1","payload":{}}"#)?;
/// assert_eq!(delivery.kind(), EventKind::PostPublished);
/// let other = Delivery::from_body(br#"{"event":"account.disconnected","deliveryId":"dlv_2"}"#)?;
/// assert_eq!(other.kind(), EventKind::Other("account.disconnected".into()));
/// # Ok::<(), social_clients::webhooks::WebhookError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum EventKind {
    /// `post.published`: a post was published.
    PostPublished,
    /// Any other event key, as sent.
    Other(String),
}

impl EventKind {
    /// The key as Postbreeze sends it (body `event`, header
    /// `X-Postbreeze-Event`).
    ///
    /// Example: [`EventKind`].
    pub fn as_str(&self) -> &str {
        match self {
            EventKind::PostPublished => "post.published",
            EventKind::Other(key) => key,
        }
    }
}

impl Delivery {
    /// The event this delivery is about.
    ///
    /// Example: [`EventKind`].
    pub fn kind(&self) -> EventKind {
        match self.event.as_str() {
            "post.published" => EventKind::PostPublished,
            other => EventKind::Other(other.to_string()),
        }
    }

    /// Decodes a delivery's body. Only for a body whose signature was
    /// checked: [`verify_and_decode`] does both.
    ///
    /// # Errors
    /// [`WebhookError::Payload`] when the body is not a delivery envelope.
    ///
    /// Example: [`verify_and_decode`].
    pub fn from_body(body: &[u8]) -> Result<Delivery, WebhookError> {
        serde_json::from_slice(body).map_err(|e| WebhookError::Payload {
            event: None,
            message: e.to_string(),
        })
    }

    /// The payload read as `T`, e.g.
    /// `delivery.payload_as::<postbreeze::types::Post>()` for a post event.
    ///
    /// # Errors
    /// [`WebhookError::Payload`] naming the event and the field that does
    /// not fit.
    ///
    /// # Example
    /// ```
    /// use social_clients::webhooks::postbreeze::Delivery;
    ///
    /// #[derive(serde::Deserialize)]
    /// struct Published { id: String }
    ///
    /// let delivery = Delivery::from_body(br#"{"event":"post.published","deliveryId":"dlv_1","payload":{"id":"post_1"}}"#)?;
    /// assert_eq!(delivery.payload_as::<Published>()?.id, "post_1");
    /// # Ok::<(), social_clients::webhooks::WebhookError>(())
    /// ```
    pub fn payload_as<T: DeserializeOwned>(&self) -> Result<T, WebhookError> {
        T::deserialize(&self.payload).map_err(|e| WebhookError::Payload {
            event: Some(self.event.clone()),
            message: format!("`payload`: {e}"),
        })
    }
}

/// Checks the `X-Postbreeze-Signature` header against the raw body, then
/// decodes the delivery: nothing is decoded from a body whose signature
/// does not hold.
///
/// ```
/// use std::time::SystemTime;
/// use social_clients::webhooks::postbreeze::{verify_and_decode, Verifier};
///
/// let verifier = Verifier::new("whsec_test");
/// let body = br#"{"event":"post.published","deliveryId":"dlv_1","payload":{"id":"post_1"}}"#;
/// let header = Verifier::signature(&"whsec_test".into(), body, SystemTime::now());
/// let delivery = verify_and_decode(&verifier, Some(&header), body).unwrap();
/// assert_eq!((delivery.event.as_str(), delivery.payload["id"].as_str()), ("post.published", Some("post_1")));
/// ```
///
/// # Errors
/// [`WebhookError::Signature`] as [`Verifier::verify`] reports it;
/// [`WebhookError::Payload`] as [`Delivery::from_body`].
pub fn verify_and_decode(
    verifier: &Verifier,
    header: Option<&str>,
    body: &[u8],
) -> Result<Delivery, WebhookError> {
    verifier.verify(header, body)?;
    Delivery::from_body(body)
}
