//! HMAC-SHA256 over one or more byte slices.

use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;

use super::WebhookSecret;

fn mac(secret: &WebhookSecret, parts: &[&[u8]]) -> Hmac<Sha256> {
    // HMAC takes keys of any length; this cannot fail.
    let mut mac = <Hmac<Sha256> as KeyInit>::new_from_slice(secret.bytes())
        .expect("HMAC accepts any key length");
    for part in parts {
        mac.update(part);
    }
    mac
}

/// The lower-case hex signature of `parts` (concatenated).
pub(crate) fn sign_hex(secret: &WebhookSecret, parts: &[&[u8]]) -> String {
    hex::encode(mac(secret, parts).finalize().into_bytes())
}

/// Whether `tag` is the signature of `parts`, compared in constant time.
pub(crate) fn verify(secret: &WebhookSecret, parts: &[&[u8]], tag: &[u8]) -> bool {
    mac(secret, parts).verify_slice(tag).is_ok()
}
