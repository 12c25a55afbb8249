/// Why a webhook's signature was not accepted. Never contains a secret.
///
/// Example: [`crate::webhooks::bundle_social::verify`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SignatureError {
    /// The signature header is absent.
    #[error("the request has no `{header}` header")]
    Missing {
        /// The header that was expected.
        header: &'static str,
    },
    /// The header is present but cannot be read.
    #[error("the `{header}` header is malformed: {reason}")]
    Malformed {
        /// The header that was read.
        header: &'static str,
        /// What is wrong with it.
        reason: &'static str,
    },
    /// The signed timestamp is too far from now (a replay, or a clock far
    /// off).
    #[error(
        "the signature is {age_secs} s away from now, beyond the {tolerance_secs} s tolerance"
    )]
    Stale {
        /// How far the signed time is from now, in seconds.
        age_secs: u64,
        /// The tolerance, in seconds.
        tolerance_secs: u64,
    },
    /// No secret produces this signature for this body.
    #[error("the signature does not match the body")]
    Mismatch,
}
