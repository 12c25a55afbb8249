//! API keys and how each provider expects them.

use reqwest::header::{HeaderName, HeaderValue};

/// An API key or token. Its `Debug` and `Display` never show the value, so a
/// key cannot leak through logs, panics or error messages by accident.
///
/// # Example
/// ```
/// use social_clients::{ApiKey, AuthScheme};
///
/// let key = ApiKey::new("pb_live_secret");
/// assert!(!format!("{key:?}").contains("secret"), "Debug never shows the key");
/// let (name, value) = AuthScheme::Bearer("authorization").header(&key)?;
/// assert_eq!((name.as_str(), value.is_sensitive()), ("authorization", true));
/// assert_eq!(AuthScheme::Header("x-api-key").header_name(), "x-api-key");
/// # Ok::<(), social_clients::KeyError>(())
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct ApiKey(String);

impl ApiKey {
    /// Wraps a key.
    ///
    /// Example: [`ApiKey`].
    pub fn new(key: impl Into<String>) -> Self {
        ApiKey(key.into())
    }

    /// The key itself, for the rare caller that must hand it on.
    ///
    /// Example: [`ApiKey`].
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl From<String> for ApiKey {
    fn from(key: String) -> Self {
        ApiKey(key)
    }
}

impl From<&str> for ApiKey {
    fn from(key: &str) -> Self {
        ApiKey(key.to_string())
    }
}

crate::redact::redacted!(ApiKey);

/// How a provider authenticates a request.
///
/// Example: [`ApiKey`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AuthScheme {
    /// The key as is, in the named header (`x-api-key: <key>`).
    Header(&'static str),
    /// The key as a bearer token in the named header
    /// (`Authorization: Bearer <key>`; Gipper uses `Authentication`).
    Bearer(&'static str),
}

/// Why a key cannot be sent. Never contains the key.
///
/// Example: [`ApiKey`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum KeyError {
    /// The key is empty.
    #[error("the API key is empty")]
    Empty,
    #[error(
        "the API key contains characters that cannot appear in an HTTP header (such as a newline)"
    )]
    /// The key cannot be sent in a header.
    NotAHeaderValue,
}

impl AuthScheme {
    /// The header carrying `key`, marked sensitive so that `reqwest`'s and
    /// `http`'s `Debug` output shows `Sensitive` instead of the value.
    ///
    /// Example: [`ApiKey`].
    pub fn header(&self, key: &ApiKey) -> Result<(HeaderName, HeaderValue), KeyError> {
        let raw = key.expose().trim();
        if raw.is_empty() {
            return Err(KeyError::Empty);
        }
        let (name, value) = match self {
            AuthScheme::Header(name) => (*name, raw.to_string()),
            AuthScheme::Bearer(name) => (*name, format!("Bearer {raw}")),
        };
        let mut value = HeaderValue::from_str(&value).map_err(|_| KeyError::NotAHeaderValue)?;
        value.set_sensitive(true);
        Ok((HeaderName::from_static(name), value))
    }

    /// The header name.
    ///
    /// Example: [`ApiKey`].
    pub fn header_name(&self) -> &'static str {
        match self {
            AuthScheme::Header(name) | AuthScheme::Bearer(name) => name,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_and_display_never_show_the_key() {
        let key = ApiKey::new("sk_live_secret");
        assert_eq!(format!("{key:?}"), "ApiKey(<redacted>)");
        assert_eq!(format!("{key}"), "<redacted>");
        assert_eq!(key.expose(), "sk_live_secret");
    }

    #[test]
    fn header_and_bearer_schemes_build_sensitive_headers() {
        let key = ApiKey::new(" k1 ");
        let (name, value) = AuthScheme::Header("x-api-key").header(&key).unwrap();
        assert_eq!(
            (name.as_str(), value.to_str().unwrap()),
            ("x-api-key", "k1")
        );
        assert!(value.is_sensitive());
        assert_eq!(format!("{value:?}"), "Sensitive");
        let (name, value) = AuthScheme::Bearer("authentication").header(&key).unwrap();
        assert_eq!(
            (name.as_str(), value.to_str().unwrap()),
            ("authentication", "Bearer k1")
        );
    }

    #[test]
    fn unusable_keys_are_typed_errors_without_the_key() {
        assert_eq!(
            AuthScheme::Header("x-api-key").header(&ApiKey::new("  ")),
            Err(KeyError::Empty)
        );
        let err = AuthScheme::Header("x-api-key")
            .header(&ApiKey::new("abc\ndef"))
            .unwrap_err();
        assert_eq!(err, KeyError::NotAHeaderValue);
        assert!(!err.to_string().contains("abc"));
    }
}
