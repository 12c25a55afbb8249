//! bundle.social webhooks: `x-signature` carries the hex HMAC-SHA256 of the
//! raw body, keyed with the webhook secret.

mod events;

pub use events::{verify_and_decode, Event};

use super::mac::{sign_hex, verify as verify_mac};
use super::{SignatureError, WebhookSecret};

/// The header bundle.social puts the signature in.
pub const SIGNATURE_HEADER: &str = "x-signature";

/// Checks the `x-signature` header value against the raw body.
///
/// ```
/// use social_clients::webhooks::{bundle_social, WebhookSecret};
/// let secret = WebhookSecret::from("whsec_test");
/// let body = br#"{"type":"post.published"}"#;
/// let header = bundle_social::signature(&secret, body);
/// assert!(bundle_social::verify(&secret, Some(&header), body).is_ok());
/// assert!(bundle_social::verify(&secret, Some(&header), b"{}").is_err());
/// ```
///
/// # Errors
/// [`SignatureError::Missing`] without a header, `Malformed` when it is not
/// hex, `Mismatch` when it is not this body's signature.
pub fn verify(
    secret: &WebhookSecret,
    header: Option<&str>,
    body: &[u8],
) -> Result<(), SignatureError> {
    let header = header.ok_or(SignatureError::Missing {
        header: SIGNATURE_HEADER,
    })?;
    let tag = hex::decode(header.trim()).map_err(|_| SignatureError::Malformed {
        header: SIGNATURE_HEADER,
        reason: "not a hex string",
    })?;
    if verify_mac(secret, &[body], &tag) {
        Ok(())
    } else {
        Err(SignatureError::Mismatch)
    }
}

/// The signature bundle.social sends for `body`: for fixtures in your tests.
///
/// Example: [`verify`] (which signs a body with it).
pub fn signature(secret: &WebhookSecret, body: &[u8]) -> String {
    sign_hex(secret, &[body])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_the_right_signature_in_either_case() {
        let secret = WebhookSecret::from("s3cret");
        let sig = signature(&secret, b"body");
        // Known answer: HMAC-SHA256(key "s3cret", "body"), computed with
        // Python's hmac module.
        assert_eq!(
            sig,
            "63d7d468988fe3de60e994cf90f219719ea4b63df0ee7521079ed251fa76e83d"
        );
        assert!(verify(&secret, Some(&sig), b"body").is_ok());
        assert!(verify(&secret, Some(&sig.to_uppercase()), b"body").is_ok());
    }

    #[test]
    fn each_failure_is_typed() {
        let secret = WebhookSecret::from("s3cret");
        let sig = signature(&secret, b"body");
        assert_eq!(
            verify(&secret, None, b"body"),
            Err(SignatureError::Missing {
                header: "x-signature"
            })
        );
        assert!(matches!(
            verify(&secret, Some("zz"), b"body"),
            Err(SignatureError::Malformed { .. })
        ));
        assert_eq!(
            verify(&secret, Some(&sig), b"tampered"),
            Err(SignatureError::Mismatch)
        );
        assert_eq!(
            verify(&WebhookSecret::from("other"), Some(&sig), b"body"),
            Err(SignatureError::Mismatch)
        );
        assert_eq!(
            verify(&secret, Some(&sig[..10]), b"body"),
            Err(SignatureError::Mismatch)
        );
    }
}
