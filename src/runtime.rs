//! What every generated client carries besides its base URL and HTTP client
//! (progenitor's `inner` value): the hand-written layer's settings, read by
//! the request hook in [`crate::hooks`].

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use reqwest::header::{HeaderMap, HeaderName, HeaderValue};

use crate::{RequestOptions, RetryPolicy};

/// Per-client settings of the hand-written layer.
///
/// Read it back from a client with `client.inner()`:
/// ```
/// use social_clients::{hooked, hooked::ClientInfo, RetryPolicy};
///
/// let client = hooked::Client::builder("hk_example").retry(RetryPolicy::disabled()).build()?;
/// assert_eq!(client.inner().retry_policy().max_attempts(), 1);
/// assert_eq!(client.inner().timeout(), Some(social_clients::DEFAULT_TIMEOUT));
/// # Ok::<(), social_clients::BuildError>(())
/// ```
#[derive(Clone)]
pub struct Runtime {
    /// The provider's name, recorded on tracing spans.
    pub(crate) provider: &'static str,
    /// When and how often failed requests are retried.
    pub(crate) retry: RetryPolicy,
    /// Each attempt's limit, connect to last byte.
    timeout: Option<Duration>,
    /// The provider's auth header, marked sensitive: set on every request,
    /// over any header of the same name.
    auth: Arc<(HeaderName, HeaderValue)>,
    /// Headers for every request that does not set them itself (user agent,
    /// the builder's and the call's extra headers).
    headers: Arc<HeaderMap>,
}

impl Runtime {
    pub(crate) fn new(
        provider: &'static str,
        retry: RetryPolicy,
        timeout: Option<Duration>,
        auth: (HeaderName, HeaderValue),
        headers: HeaderMap,
    ) -> Self {
        Runtime {
            provider,
            retry,
            timeout,
            auth: Arc::new(auth),
            headers: Arc::new(headers),
        }
    }

    /// The retry policy this client uses.
    ///
    /// Example: [`Runtime`].
    pub fn retry_policy(&self) -> &RetryPolicy {
        &self.retry
    }

    /// The limit on each attempt of a request.
    ///
    /// Example: [`Runtime`].
    pub fn timeout(&self) -> Option<Duration> {
        self.timeout
    }

    /// These settings with `options` over them.
    pub(crate) fn with(&self, options: RequestOptions) -> Self {
        let mut runtime = self.clone();
        if let Some(timeout) = options.timeout {
            runtime.timeout = Some(timeout);
        }
        if let Some(retry) = options.retry {
            runtime.retry = retry;
        }
        if !options.headers.is_empty() {
            let mut headers = (*self.headers).clone();
            for name in options.headers.keys() {
                headers.remove(name);
                for value in options.headers.get_all(name) {
                    headers.append(name.clone(), value.clone());
                }
            }
            runtime.headers = Arc::new(headers);
        }
        runtime
    }

    /// Puts this client's headers and timeout on `request`: the auth
    /// header always, the others where the request has none of that name
    /// (an operation's own headers win, as reqwest's default headers do).
    pub(crate) fn prepare(&self, request: &mut reqwest::Request) {
        let target = request.headers_mut();
        for name in self.headers.keys() {
            if !target.contains_key(name) {
                for value in self.headers.get_all(name) {
                    target.append(name.clone(), value.clone());
                }
            }
        }
        let (name, value) = &*self.auth;
        target.insert(name.clone(), value.clone());
        if self.timeout.is_some() {
            *request.timeout_mut() = self.timeout;
        }
    }
}

impl fmt::Debug for Runtime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Runtime")
            .field("provider", &self.provider)
            .field("retry", &self.retry)
            .field("timeout", &self.timeout)
            // The value is marked sensitive and prints as such; names only
            // for the others, which may carry a caller's secret.
            .field("auth", &*self.auth)
            .field("headers", &self.headers.keys().collect::<Vec<_>>())
            .finish()
    }
}
