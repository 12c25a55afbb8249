//! Building a provider client: key, base URL, timeouts, user agent.

use std::fmt;
use std::marker::PhantomData;
use std::time::Duration;

use reqwest::header::{HeaderMap, HeaderName, HeaderValue};

use crate::auth::KeyError;
use crate::{ApiKey, HttpClient, Provider, RetryPolicy, Runtime};

/// Default limit on a whole request, connect to last body byte.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);
/// Default limit on establishing a connection.
pub const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

/// Why a client could not be built. Never contains the key.
///
/// Example: [`ClientBuilder`] (its `build()?`).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum BuildError {
    /// The key cannot be sent.
    #[error("{provider}: {source}")]
    Key {
        /// The provider whose client was being built.
        provider: &'static str,
        /// What is wrong with the key (never the key itself).
        #[source]
        source: KeyError,
    },
    /// The base URL is not an absolute http(s) URL.
    #[error("{provider}: invalid base URL {url:?}: {reason}")]
    BaseUrl {
        /// The provider whose client was being built.
        provider: &'static str,
        /// The URL as given.
        url: String,
        /// What is wrong with it.
        reason: String,
    },
    /// A header given to the builder is not a valid header value.
    #[error("{provider}: invalid {name} header: {reason}")]
    Header {
        /// The provider whose client was being built.
        provider: &'static str,
        /// The header's name.
        name: &'static str,
        /// What is wrong with the value.
        reason: String,
    },
    /// reqwest could not build its client (TLS backend initialization).
    #[error("{provider}: cannot build the HTTP client: {source}")]
    Http {
        /// The provider whose client was being built.
        provider: &'static str,
        /// reqwest's reason.
        #[source]
        source: reqwest::Error,
    },
}

/// Configures a provider client. Created by `Client::builder(key)`.
///
/// # Example
/// ```
/// use std::time::Duration;
/// use social_clients::{postbreeze, RetryPolicy};
/// use reqwest::header::{HeaderName, HeaderValue};
///
/// let client = postbreeze::Client::builder("pb_live_example")
///     .base_url("https://api.postbreeze.ai/api/v1")
///     .timeout(Duration::from_secs(30))
///     .connect_timeout(Duration::from_secs(5))
///     .user_agent("my-app/1.0")
///     .retry(RetryPolicy::default().max_retries(5))
///     .header(HeaderName::from_static("x-request-source"), HeaderValue::from_static("batch"))
///     .build()?;
/// # let _ = client;
/// # Ok::<(), social_clients::BuildError>(())
/// ```
pub struct ClientBuilder<P> {
    key: ApiKey,
    base_url: Option<String>,
    timeout: Duration,
    connect_timeout: Duration,
    user_agent: String,
    retry: RetryPolicy,
    headers: HeaderMap,
    http: Option<HttpClient>,
    provider: PhantomData<fn() -> P>,
}

impl<P> fmt::Debug for ClientBuilder<P> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientBuilder")
            .field("key", &self.key)
            .field("base_url", &self.base_url)
            .field("timeout", &self.timeout)
            .field("connect_timeout", &self.connect_timeout)
            .field("user_agent", &self.user_agent)
            .field("retry", &self.retry)
            // Names only: a caller's extra header may carry a secret too.
            .field("headers", &self.headers.keys().collect::<Vec<_>>())
            .field("http", &self.http.is_some())
            .finish()
    }
}

impl<P: Provider> ClientBuilder<P> {
    /// A builder with the production base URL and default timeouts.
    ///
    /// Example: [`ClientBuilder`].
    pub fn new(key: impl Into<ApiKey>) -> Self {
        ClientBuilder {
            key: key.into(),
            base_url: None,
            timeout: DEFAULT_TIMEOUT,
            connect_timeout: DEFAULT_CONNECT_TIMEOUT,
            user_agent: concat!("social-clients/", env!("CARGO_PKG_VERSION")).to_string(),
            retry: RetryPolicy::default(),
            headers: HeaderMap::new(),
            http: None,
            provider: PhantomData,
        }
    }

    /// Talk to another server (a sandbox, a proxy, a test server) instead of
    /// the provider's production API.
    ///
    /// Example: [`ClientBuilder`].
    pub fn base_url(mut self, url: impl Into<String>) -> Self {
        self.base_url = Some(url.into());
        self
    }

    /// Limit on a whole request, from connecting to reading the last byte.
    ///
    /// Example: [`ClientBuilder`].
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// Limit on establishing a connection, for the HTTP client the builder
    /// makes (a client given to [`http_client`](Self::http_client) keeps
    /// its own).
    ///
    /// Example: [`ClientBuilder`].
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = timeout;
        self
    }

    /// The `User-Agent` header (default `social-clients/<version>`).
    ///
    /// Example: [`ClientBuilder`].
    pub fn user_agent(mut self, user_agent: impl Into<String>) -> Self {
        self.user_agent = user_agent.into();
        self
    }

    /// When failed requests are retried (default: twice, for requests that
    /// are safe to repeat; see [`RetryPolicy`]).
    ///
    /// Example: [`ClientBuilder`].
    pub fn retry(mut self, policy: RetryPolicy) -> Self {
        self.retry = policy;
        self
    }

    /// A header sent with every request (a tenant id, a tracing header, or
    /// Prism's `Prefer: code=404` in tests). The provider's auth header is
    /// always the builder's own: a header of the same name given here is
    /// replaced by it.
    ///
    /// Example: [`ClientBuilder`].
    pub fn header(mut self, name: HeaderName, value: HeaderValue) -> Self {
        self.headers.append(name, value);
        self
    }

    /// Send through `http` (your proxy, TLS, pool settings, shared with
    /// other clients) instead of an HTTP client of the builder's own. The
    /// builder's key, user agent, headers, timeout and retry policy still
    /// apply, per request; `connect_timeout` is `http`'s own.
    ///
    /// Example: [`HttpClient`].
    pub fn http_client(mut self, http: HttpClient) -> Self {
        self.http = Some(http);
        self
    }

    /// Builds the client.
    ///
    /// # Errors
    /// [`BuildError`] when the key is empty or not a header value, or the base
    /// URL is not an absolute http(s) URL.
    ///
    /// Example: [`ClientBuilder`].
    pub fn build(self) -> Result<P, BuildError> {
        let provider = P::NAME;
        let base_url = self.base_url.as_deref().unwrap_or(P::DEFAULT_BASE_URL);
        let base_url = validate_base_url(base_url).map_err(|reason| BuildError::BaseUrl {
            provider,
            url: base_url.to_string(),
            reason,
        })?;
        let auth = P::AUTH
            .header(&self.key)
            .map_err(|source| BuildError::Key { provider, source })?;
        let http = match self.http {
            Some(http) => http,
            None => {
                HttpClient::new(reqwest::Client::builder().connect_timeout(self.connect_timeout))
                    .map_err(|source| BuildError::Http { provider, source })?
            }
        };
        let mut headers = self.headers;
        // The builder's user agent unless the caller's headers name one.
        if !headers.contains_key(reqwest::header::USER_AGENT) {
            let agent = HeaderValue::try_from(self.user_agent).map_err(|e| BuildError::Header {
                provider,
                name: reqwest::header::USER_AGENT.as_str(),
                reason: e.to_string(),
            })?;
            headers.insert(reqwest::header::USER_AGENT, agent);
        }
        let runtime = Runtime::new(provider, self.retry, Some(self.timeout), auth, headers);
        Ok(P::from_http_client(&base_url, http, runtime))
    }
}

/// An absolute http(s) URL without a trailing slash (the generated client
/// appends paths that start with `/`).
fn validate_base_url(raw: &str) -> Result<String, String> {
    let url = url::Url::parse(raw).map_err(|e| e.to_string())?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(format!("scheme {:?} is not http or https", url.scheme()));
    }
    if url.host_str().is_none() {
        return Err("no host".into());
    }
    if url.query().is_some() || url.fragment().is_some() {
        return Err("a base URL cannot have a query or fragment".into());
    }
    Ok(raw.trim_end_matches('/').to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_urls_are_validated_and_trimmed() {
        assert_eq!(
            validate_base_url("https://api.example.com/").unwrap(),
            "https://api.example.com"
        );
        assert_eq!(
            validate_base_url("http://127.0.0.1:8080/api/v1").unwrap(),
            "http://127.0.0.1:8080/api/v1"
        );
        assert!(validate_base_url("ftp://example.com").is_err());
        assert!(validate_base_url("api.example.com").is_err());
        assert!(validate_base_url("https://example.com/?a=1").is_err());
    }
}
