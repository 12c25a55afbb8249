//! The HTTP client requests go through, when a caller brings their own.
//!
//! A team that already tunes a `reqwest` client (proxy, TLS roots, pool
//! sizes, HTTP/2 settings) hands its `reqwest::ClientBuilder` to
//! [`HttpClient::new`]. What is taken is the builder, not a built
//! `reqwest::Client`, for one reason: a built client's redirect policy
//! cannot be read or changed, and reqwest's default follows redirects to
//! any origin with every header but `Authorization` and cookies, which
//! would carry bundle.social's `x-api-key` or Gipper's `Authentication` to
//! whatever host a redirect names. [`HttpClient::new`] sets the crate's
//! redirect policy (same origin only) last, over the builder's, so that
//! cannot happen whatever else the builder says.
//!
//! The key itself is never a default header of the HTTP client: each
//! provider client adds it to each of its own requests (marked sensitive),
//! so one `HttpClient`, cloned, can serve every provider and the caller's
//! own calls without any of them seeing another's key.

use crate::redirect::same_origin_policy;

/// A `reqwest::Client` that follows redirects only within the origin of
/// the request; cheap to clone (clones share one connection pool).
///
/// # Example
/// ```
/// use std::time::Duration;
/// use social_clients::{bundle_social, postbreeze, HttpClient};
///
/// // One pool, your settings, for both providers and your own calls.
/// let http = HttpClient::new(
///     reqwest::Client::builder()
///         .pool_max_idle_per_host(4)
///         .tcp_keepalive(Duration::from_secs(60)),
/// )?;
/// let bundle = bundle_social::Client::builder("bundle_key").http_client(http.clone()).build()?;
/// let breeze = postbreeze::Client::builder("pb_live_key").http_client(http.clone()).build()?;
/// let _own_call = http.reqwest().get("https://example.com/health");
/// # let _ = (bundle, breeze);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
pub struct HttpClient(reqwest::Client);

impl HttpClient {
    /// Builds `builder` with the crate's redirect policy (redirects
    /// followed within the request's origin, up to ten; a redirect to
    /// another origin is returned as the 3xx answer). Everything else is
    /// the builder's: proxy, TLS, pool, timeouts, default headers.
    ///
    /// # Errors
    /// reqwest's error when it cannot build the client (a TLS backend that
    /// fails to initialize, an invalid proxy).
    ///
    /// Example: [`HttpClient`].
    pub fn new(builder: reqwest::ClientBuilder) -> Result<Self, reqwest::Error> {
        builder
            .redirect(same_origin_policy())
            .build()
            .map(HttpClient)
    }

    /// The `reqwest::Client`, for the caller's own requests (same pool,
    /// same redirect policy).
    ///
    /// Example: [`HttpClient`].
    pub fn reqwest(&self) -> &reqwest::Client {
        &self.0
    }

    pub(crate) fn into_reqwest(self) -> reqwest::Client {
        self.0
    }
}
