//! Settings for some calls rather than the whole client: a longer timeout
//! for one upload, a tracing header on one request, no retries on a call
//! the caller retries itself.
//!
//! `client.with(options)` returns a client (the same type, sharing the
//! connection pool) whose every call uses them, so every generated method
//! and every hand-written workflow (publish, streams, waiting helpers)
//! takes them without a second set of signatures; the original client is
//! untouched. None of the four providers documents an idempotency key, so
//! there is no option for one.

use std::fmt;
use std::time::Duration;

use reqwest::header::{HeaderMap, HeaderName, HeaderValue};

use crate::RetryPolicy;

/// Per-call settings; see `Client::with`.
///
/// # Example
/// ```
/// use std::time::Duration;
/// use reqwest::header::{HeaderName, HeaderValue};
/// use social_clients::{hooked, hooked::ClientInfo, RequestOptions, RetryPolicy};
///
/// let client = hooked::Client::from_api_key("hk_example")?;
/// let patient = client.with(
///     RequestOptions::new()
///         .timeout(Duration::from_secs(120))
///         .retry(RetryPolicy::disabled())
///         .header(HeaderName::from_static("x-trace-id"), HeaderValue::from_static("abc123")),
/// );
/// assert_eq!(patient.inner().timeout(), Some(Duration::from_secs(120)));
/// assert_eq!(client.inner().timeout(), Some(social_clients::DEFAULT_TIMEOUT));
/// # Ok::<(), social_clients::BuildError>(())
/// ```
#[derive(Clone, Default)]
pub struct RequestOptions {
    pub(crate) timeout: Option<Duration>,
    pub(crate) retry: Option<RetryPolicy>,
    pub(crate) headers: HeaderMap,
}

impl RequestOptions {
    /// No change: the client's own settings.
    ///
    /// Example: [`RequestOptions`].
    pub fn new() -> Self {
        RequestOptions::default()
    }

    /// The limit on each attempt, connect to last byte, instead of the
    /// client's.
    ///
    /// Example: [`RequestOptions`].
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = Some(timeout);
        self
    }

    /// The retry policy instead of the client's ([`RetryPolicy::disabled`]
    /// for none).
    ///
    /// Example: [`RequestOptions`].
    pub fn retry(mut self, policy: RetryPolicy) -> Self {
        self.retry = Some(policy);
        self
    }

    /// A header to send, replacing a client-wide header of the same name.
    /// An operation's own headers (content type, documented header
    /// parameters) and the provider's auth header are never replaced.
    ///
    /// Example: [`RequestOptions`].
    pub fn header(mut self, name: HeaderName, value: HeaderValue) -> Self {
        self.headers.append(name, value);
        self
    }
}

impl fmt::Debug for RequestOptions {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RequestOptions")
            .field("timeout", &self.timeout)
            .field("retry", &self.retry)
            // Names only: a header may carry a secret.
            .field("headers", &self.headers.keys().collect::<Vec<_>>())
            .finish()
    }
}
