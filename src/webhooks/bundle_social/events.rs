//! bundle.social's webhook events, typed. Every delivery is
//! `{"type": "<event>", "data": {...}}`, `data` being the object the event
//! is about, in the same shape the API answers with (a post, a comment, a
//! social account, a team).

use serde::Deserialize;
use serde_json::Value;

use super::verify;
use crate::bundle_social::types;
use crate::webhooks::{WebhookError, WebhookSecret};

/// One webhook delivery; [`verify_and_decode`] makes one, and
/// `examples/webhook.rs` handles each kind.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub enum Event {
    /// `post.published`: the post finished; its `status` says `POSTED`
    /// (live) or `ERROR` (failed for good).
    PostPublished(Box<types::Post>),
    /// `post.failed`: sent by older webhook set-ups for a failed post.
    PostFailed(Box<types::Post>),
    /// `comment.published`: the comment finished; see its `status`.
    CommentPublished(Box<types::Comment>),
    /// `social-account.created`: an account was connected.
    SocialAccountCreated(Box<types::SocialAccount>),
    /// `social-account.updated`: channel unset, remote disconnection seen...
    SocialAccountUpdated(Box<types::SocialAccount>),
    /// `social-account.deleted`: an account was disconnected or removed.
    SocialAccountDeleted(Box<types::SocialAccount>),
    /// `team.created`.
    TeamCreated(Box<types::Team>),
    /// `team.updated`, also when accounts are added to or removed from it.
    TeamUpdated(Box<types::Team>),
    /// `team.deleted`.
    TeamDeleted(Box<types::Team>),
    /// An event type this client does not know, kept as sent.
    Unknown {
        /// The event type as sent.
        kind: String,
        /// The event's `data`, as sent.
        data: Value,
    },
}

#[derive(Deserialize)]
struct Envelope {
    #[serde(rename = "type")]
    kind: String,
    #[serde(default)]
    data: Value,
}

impl Event {
    /// The event type as the provider names it (`post.published`...).
    ///
    /// Example: [`verify_and_decode`].
    pub fn kind(&self) -> &str {
        match self {
            Event::PostPublished(_) => "post.published",
            Event::PostFailed(_) => "post.failed",
            Event::CommentPublished(_) => "comment.published",
            Event::SocialAccountCreated(_) => "social-account.created",
            Event::SocialAccountUpdated(_) => "social-account.updated",
            Event::SocialAccountDeleted(_) => "social-account.deleted",
            Event::TeamCreated(_) => "team.created",
            Event::TeamUpdated(_) => "team.updated",
            Event::TeamDeleted(_) => "team.deleted",
            Event::Unknown { kind, .. } => kind,
        }
    }

    /// Decodes a delivery's body. Only for a body whose signature was
    /// checked: [`verify_and_decode`] does both.
    ///
    /// # Errors
    /// [`WebhookError::Payload`] when the body is not an event envelope or
    /// its `data` is not the object the event type promises.
    ///
    /// Example: [`verify_and_decode`].
    pub fn from_body(body: &[u8]) -> Result<Event, WebhookError> {
        let envelope: Envelope =
            serde_json::from_slice(body).map_err(|e| WebhookError::Payload {
                event: None,
                message: e.to_string(),
            })?;
        let kind = envelope.kind;
        let data = envelope.data;
        let event = match kind.as_str() {
            "post.published" => Event::PostPublished(decode(&kind, data)?),
            "post.failed" => Event::PostFailed(decode(&kind, data)?),
            "comment.published" => Event::CommentPublished(decode(&kind, data)?),
            "social-account.created" => Event::SocialAccountCreated(decode(&kind, data)?),
            "social-account.updated" => Event::SocialAccountUpdated(decode(&kind, data)?),
            "social-account.deleted" => Event::SocialAccountDeleted(decode(&kind, data)?),
            "team.created" => Event::TeamCreated(decode(&kind, data)?),
            "team.updated" => Event::TeamUpdated(decode(&kind, data)?),
            "team.deleted" => Event::TeamDeleted(decode(&kind, data)?),
            _ => Event::Unknown { kind, data },
        };
        Ok(event)
    }
}

fn decode<T: serde::de::DeserializeOwned>(kind: &str, data: Value) -> Result<Box<T>, WebhookError> {
    serde_json::from_value(data).map_err(|e| WebhookError::Payload {
        event: Some(kind.to_string()),
        message: format!("`data`: {e}"),
    })
}

/// Checks the `x-signature` header against the raw body, then decodes the
/// event: nothing is decoded from a body whose signature does not hold.
///
/// ```
/// use social_clients::webhooks::bundle_social::{signature, verify_and_decode, Event};
/// use social_clients::webhooks::WebhookSecret;
///
/// let secret = WebhookSecret::from("whsec_test");
/// let body = br#"{"type": "label.added", "data": {"label": "vip"}}"#;
/// let header = signature(&secret, body);
/// let event = verify_and_decode(&secret, Some(&header), body).unwrap();
/// assert_eq!(event.kind(), "label.added");
/// assert!(matches!(event, Event::Unknown { .. }));
/// assert!(verify_and_decode(&secret, Some(&header), b"{}").is_err());
/// ```
///
/// # Errors
/// [`WebhookError::Signature`] as [`verify`] reports it;
/// [`WebhookError::Payload`] as [`Event::from_body`].
pub fn verify_and_decode(
    secret: &WebhookSecret,
    header: Option<&str>,
    body: &[u8],
) -> Result<Event, WebhookError> {
    verify(secret, header, body)?;
    Event::from_body(body)
}
