/// A webhook signing secret. Its `Debug` and `Display` never show the value.
///
/// Example: [`crate::webhooks::bundle_social::verify`].
#[derive(Clone, PartialEq, Eq)]
pub struct WebhookSecret(Vec<u8>);

impl WebhookSecret {
    /// Wraps a secret (as the provider's dashboard shows it).
    ///
    /// Example: [`crate::webhooks::bundle_social::verify`].
    pub fn new(secret: impl Into<Vec<u8>>) -> Self {
        WebhookSecret(secret.into())
    }

    #[cfg(feature = "webhook-signatures")]
    pub(crate) fn bytes(&self) -> &[u8] {
        &self.0
    }
}

impl From<&str> for WebhookSecret {
    fn from(secret: &str) -> Self {
        WebhookSecret(secret.as_bytes().to_vec())
    }
}

impl From<String> for WebhookSecret {
    fn from(secret: String) -> Self {
        WebhookSecret(secret.into_bytes())
    }
}

crate::redact::redacted!(WebhookSecret);
