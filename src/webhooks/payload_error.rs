/// Why a webhook delivery was not accepted: its signature, or a body that
/// is not the event it says it is. Never contains a secret.
///
/// Example: [`crate::webhooks::hooked::ProjectEvent::from_body`]; `examples/webhook.rs`.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum WebhookError {
    /// The signature check failed; nothing was decoded.
    #[error(transparent)]
    Signature(#[from] super::SignatureError),
    /// The signature held but the body does not decode: `event` is the
    /// event type when the envelope could be read, `message` says which
    /// field is wrong and where.
    #[error("webhook body{}: {message}", event.as_deref().map(|e| format!(" of `{e}`")).unwrap_or_default())]
    Payload {
        /// The event type, when the envelope could be read.
        event: Option<String>,
        /// What does not fit, and where.
        message: String,
    },
}
