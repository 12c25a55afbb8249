//! Rate windows: how many calls are left and when the window reopens.
//!
//! bundle.social's profile-refresh and connection-check answers carry the
//! window (`limit`, `used`, `remaining`, `windowSeconds`); Postbreeze limits
//! to 60 requests a minute (burst) and 1000 per 15 minutes and answers 429
//! with `Retry-After`. [`RateWindow`] is the typed value; the retry policy
//! (see [`crate::RetryPolicy`]) and the providers' waiting helpers use it.

use std::time::{Duration, SystemTime};

use crate::RateLimit;

/// A provider's rate window as of one answer.
///
/// # Example
/// ```
/// use std::time::Duration;
/// use social_clients::RateWindow;
///
/// let window = RateWindow { limit: 10, used: 10, remaining: 0, window: Duration::from_secs(3600) };
/// assert!(window.is_exhausted());
/// ```
/// The providers' waiting helpers (`bundle_social::Client::profile_refresh_waiting`,
/// `postbreeze::Client::get_social_account_waiting`) act on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RateWindow {
    /// Calls allowed per window.
    pub limit: u64,
    /// Calls used in the current window.
    pub used: u64,
    /// Calls left in the current window.
    pub remaining: u64,
    /// Length of the window.
    pub window: Duration,
}

impl RateWindow {
    /// Whether no call is left in this window.
    ///
    /// Example: [`RateWindow`].
    pub fn is_exhausted(&self) -> bool {
        self.remaining == 0
    }
}

/// Postbreeze's documented limits: a burst of 60 requests per minute and
/// 1000 per 15 minutes, per API key. Its answers carry no window; a 429
/// says how long to wait (`Retry-After`), which the retry policy and
/// `postbreeze::Client::get_social_account_waiting` honour.
pub const POSTBREEZE_LIMITS: [RateLimit; 2] = [
    RateLimit {
        requests: 60,
        per: Duration::from_secs(60),
    },
    RateLimit {
        requests: 1000,
        per: Duration::from_secs(15 * 60),
    },
];

/// Hooked's documented limit: 60 requests per minute, per API key.
pub const HOOKED_LIMITS: [RateLimit; 1] = [RateLimit {
    requests: 60,
    per: Duration::from_secs(60),
}];

/// How long a 429 answer asks to wait: its `Retry-After` (seconds or an
/// HTTP date), if any.
///
/// # Example
/// ```
/// use reqwest::header::{HeaderMap, HeaderValue, RETRY_AFTER};
///
/// let mut headers = HeaderMap::new();
/// headers.insert(RETRY_AFTER, HeaderValue::from_static("7"));
/// assert_eq!(social_clients::rate_window::retry_after(&headers), Some(std::time::Duration::from_secs(7)));
/// ```
pub fn retry_after(headers: &reqwest::header::HeaderMap) -> Option<Duration> {
    crate::error::retry_after_header(headers, SystemTime::now())
}
