//! Postbreeze webhooks: `X-Postbreeze-Signature: t=<unix seconds>,v1=<hex>`,
//! where `v1` is the HMAC-SHA256 of `"<t>.<raw body>"`. A signature older or
//! newer than the tolerance (five minutes) is refused, so a captured request
//! cannot be replayed later; during a secret rotation both the new and the
//! previous secret are accepted.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

mod delivery;

pub use delivery::{verify_and_decode, Delivery, EventKind};

use super::mac::{sign_hex, verify as verify_mac};
use super::{SignatureError, WebhookSecret};

/// The header Postbreeze puts the signature in.
pub const SIGNATURE_HEADER: &str = "x-postbreeze-signature";
/// The header repeating the delivery's event key.
pub const EVENT_HEADER: &str = "x-postbreeze-event";
/// The header repeating the delivery id (stable across retries of one
/// delivery: deduplicate on it).
pub const DELIVERY_ID_HEADER: &str = "x-postbreeze-delivery-id";
/// How far the signed timestamp may be from now.
pub const DEFAULT_TOLERANCE: Duration = Duration::from_secs(5 * 60);

/// Verifies Postbreeze webhook signatures.
///
/// ```
/// use std::time::SystemTime;
/// use social_clients::webhooks::postbreeze::Verifier;
///
/// let verifier = Verifier::new("whsec_new").with_previous_secret("whsec_old");
/// let body = br#"{"event":"post.published"}"#;
/// let header = Verifier::signature(&"whsec_old".into(), body, SystemTime::now());
/// assert!(verifier.verify(Some(&header), body).is_ok());
/// ```
#[derive(Debug, Clone)]
pub struct Verifier {
    secrets: Vec<WebhookSecret>,
    tolerance: Duration,
}

impl Verifier {
    /// A verifier for the current secret, with the default tolerance.
    ///
    /// Example: [`Verifier`].
    pub fn new(secret: impl Into<WebhookSecret>) -> Self {
        Verifier {
            secrets: vec![secret.into()],
            tolerance: DEFAULT_TOLERANCE,
        }
    }

    /// Also accept the previous secret, while Postbreeze rotates to the new
    /// one. A verifier holds at most these two.
    ///
    /// Example: [`Verifier`].
    pub fn with_previous_secret(mut self, secret: impl Into<WebhookSecret>) -> Self {
        self.secrets.truncate(1);
        self.secrets.push(secret.into());
        self
    }

    /// How far the signed timestamp may be from now (default five minutes).
    ///
    /// Example: [`Verifier`].
    pub fn tolerance(mut self, tolerance: Duration) -> Self {
        self.tolerance = tolerance;
        self
    }

    /// Checks the header value against the raw body, now.
    ///
    /// # Errors
    /// See [`Verifier::verify_at`].
    ///
    /// Example: [`Verifier`].
    pub fn verify(&self, header: Option<&str>, body: &[u8]) -> Result<(), SignatureError> {
        self.verify_at(header, body, SystemTime::now())
    }

    /// Checks the header value against the raw body at the time `now`.
    ///
    /// # Errors
    /// [`SignatureError::Missing`] without a header; `Malformed` when it has
    /// no `t` or `v1`, or they are not a number and hex; `Stale` when `t` is
    /// beyond the tolerance; `Mismatch` when no secret signs this body.
    ///
    /// Example: [`Verifier`].
    pub fn verify_at(
        &self,
        header: Option<&str>,
        body: &[u8],
        now: SystemTime,
    ) -> Result<(), SignatureError> {
        let header = header.ok_or(SignatureError::Missing {
            header: SIGNATURE_HEADER,
        })?;
        let parsed = parse(header)?;
        let now = now.duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs());
        let age = now.abs_diff(parsed.timestamp);
        if age > self.tolerance.as_secs() {
            return Err(SignatureError::Stale {
                age_secs: age,
                tolerance_secs: self.tolerance.as_secs(),
            });
        }
        let prefix = format!("{}.", parsed.timestamp);
        let accepted = self.secrets.iter().any(|secret| {
            parsed
                .signatures
                .iter()
                .any(|tag| verify_mac(secret, &[prefix.as_bytes(), body], tag))
        });
        if accepted {
            Ok(())
        } else {
            Err(SignatureError::Mismatch)
        }
    }

    /// The header Postbreeze sends for `body` signed at `at`: for fixtures in
    /// your tests.
    ///
    /// Example: [`Verifier`].
    pub fn signature(secret: &WebhookSecret, body: &[u8], at: SystemTime) -> String {
        let t = at.duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs());
        let prefix = format!("{t}.");
        format!("t={t},v1={}", sign_hex(secret, &[prefix.as_bytes(), body]))
    }
}

struct Parsed {
    timestamp: u64,
    signatures: Vec<Vec<u8>>,
}

/// `t=…,v1=…[,v1=…]`; unknown keys (future schemes) are ignored.
fn parse(header: &str) -> Result<Parsed, SignatureError> {
    let malformed = |reason| SignatureError::Malformed {
        header: SIGNATURE_HEADER,
        reason,
    };
    let mut timestamp = None;
    let mut signatures = Vec::new();
    for item in header.split(',') {
        let (key, value) = item
            .trim()
            .split_once('=')
            .ok_or(malformed("an entry is not key=value"))?;
        match key.trim() {
            "t" => {
                let t = value
                    .trim()
                    .parse::<u64>()
                    .map_err(|_| malformed("`t` is not a Unix timestamp"))?;
                if timestamp.replace(t).is_some() {
                    return Err(malformed("`t` appears twice"));
                }
            }
            "v1" => signatures
                .push(hex::decode(value.trim()).map_err(|_| malformed("`v1` is not hex"))?),
            _ => {}
        }
    }
    let timestamp = timestamp.ok_or(malformed("no `t` timestamp"))?;
    if signatures.is_empty() {
        return Err(malformed("no `v1` signature"));
    }
    Ok(Parsed {
        timestamp,
        signatures,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const T0: u64 = 1_700_000_000;

    fn at(secs: u64) -> SystemTime {
        UNIX_EPOCH + Duration::from_secs(secs)
    }

    #[test]
    fn the_signed_string_is_timestamp_dot_body() {
        // Known answer: HMAC-SHA256(key "k", "1700000000.{}"), computed with
        // Python's hmac module.
        let header = Verifier::signature(&"k".into(), b"{}", at(T0));
        assert_eq!(
            header,
            "t=1700000000,v1=c6ef4734033cee2367414a0939385eca0397754aa7a59716da7463a9298b5146"
        );
    }

    #[test]
    fn accepts_within_tolerance_and_either_rotation_secret() {
        let verifier = Verifier::new("new").with_previous_secret("old");
        for secret in ["new", "old"] {
            let header = Verifier::signature(&secret.into(), b"body", at(T0));
            assert_eq!(
                verifier.verify_at(Some(&header), b"body", at(T0 + 299)),
                Ok(())
            );
            assert_eq!(
                verifier.verify_at(Some(&header), b"body", at(T0 - 299)),
                Ok(())
            );
        }
        let header = Verifier::signature(&"older".into(), b"body", at(T0));
        assert_eq!(
            verifier.verify_at(Some(&header), b"body", at(T0)),
            Err(SignatureError::Mismatch)
        );
    }

    #[test]
    fn stale_and_future_timestamps_are_refused() {
        let verifier = Verifier::new("k");
        let header = Verifier::signature(&"k".into(), b"body", at(T0));
        assert_eq!(
            verifier.verify_at(Some(&header), b"body", at(T0 + 301)),
            Err(SignatureError::Stale {
                age_secs: 301,
                tolerance_secs: 300
            })
        );
        assert!(matches!(
            verifier.verify_at(Some(&header), b"body", at(T0 - 3600)),
            Err(SignatureError::Stale { .. })
        ));
        let strict = Verifier::new("k").tolerance(Duration::from_secs(10));
        assert!(strict
            .verify_at(Some(&header), b"body", at(T0 + 11))
            .is_err());
    }

    #[test]
    fn one_matching_v1_among_several_is_enough() {
        let good = Verifier::signature(&"k".into(), b"body", at(T0));
        let v1 = good.split_once(",v1=").unwrap().1;
        let header = format!("t={T0},v1={},v1={v1},v0=legacy", "00".repeat(32));
        assert_eq!(
            Verifier::new("k").verify_at(Some(&header), b"body", at(T0)),
            Ok(())
        );
    }

    #[test]
    fn malformed_headers_are_typed() {
        let verifier = Verifier::new("k");
        assert_eq!(
            verifier.verify_at(None, b"", at(T0)),
            Err(SignatureError::Missing {
                header: SIGNATURE_HEADER
            })
        );
        for header in [
            "",
            "v1=00",
            "t=1700000000",
            "t=soon,v1=00",
            "t=1,t=2,v1=00",
            "t=1700000000,v1=xyz",
            "garbage",
        ] {
            assert!(
                matches!(
                    verifier.verify_at(Some(header), b"", at(T0)),
                    Err(SignatureError::Malformed { .. })
                ),
                "{header:?}"
            );
        }
    }

    #[test]
    fn debug_never_shows_secrets() {
        let text = format!(
            "{:?}",
            Verifier::new("topsecret").with_previous_secret("alsosecret")
        );
        assert!(
            !text.contains("secret\"")
                && !text.contains("topsecret")
                && !text.contains("alsosecret"),
            "{text}"
        );
    }
}
