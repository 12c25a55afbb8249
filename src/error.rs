//! The error every generated method returns, and what it tells a caller
//! about the answer: status, headers, request id, how long to wait, the
//! provider's documented rate limits, and for an answer that does not
//! decode, the field at fault and the start of the body.
//!
//! The variants keep progenitor's names (a progenitor or oxide.rs user
//! reads them as before). What differs: a decode failure keeps the
//! answer's status and headers ([`DecodeError`]), and the accessors work on
//! every variant, so a caller never matches five variants to find a header.
//!
//! This file is also compiled into the scratch crates that check generated
//! code from other descriptions (xtask), so it names nothing else of the
//! crate.

use std::borrow::Cow;
use std::fmt;
use std::time::{Duration, SystemTime};

use bytes::Bytes;
use progenitor_client::ResponseValue;
use reqwest::header::HeaderMap;
use reqwest::StatusCode;

/// Response headers providers put a request id in, most specific first.
pub(crate) const REQUEST_ID_HEADERS: [&str; 3] = ["x-request-id", "request-id", "x-amzn-requestid"];

/// How much of an undecodable body [`DecodeError::excerpt`] shows.
pub const EXCERPT_BYTES: usize = 512;

/// Why a call failed.
///
/// # Example
/// ```no_run
/// # async fn run(client: social_clients::postbreeze::Client) {
/// use social_clients::postbreeze::Error;
///
/// match client.get_post("post_1").await {
///     Ok(post) => println!("{}", post.id),
///     Err(Error::ErrorResponse(answer)) if answer.status() == 404 => println!("gone"),
///     Err(e) => eprintln!(
///         "{e} (status {:?}, request id {:?}, retry after {:?})",
///         e.status(),
///         e.request_id(),
///         e.retry_after()
///     ),
/// }
/// # }
/// ```
#[derive(Debug)]
#[non_exhaustive]
pub enum Error<E = ()> {
    /// The request could not be built from the arguments (a file part that
    /// cannot be read, a header value that is not one).
    InvalidRequest(String),
    /// No answer: the connection, TLS, a timeout, or a redirect refused.
    CommunicationError(reqwest::Error),
    /// A documented error status; its body decoded as the operation's error
    /// type.
    ErrorResponse(ResponseValue<E>),
    /// The answer's body could not be read to its end.
    ResponseBodyError(reqwest::Error),
    /// A documented status whose body does not decode as documented.
    InvalidResponsePayload(Box<DecodeError>),
    /// A status the description does not list (for a 4xx or 5xx whose body
    /// is not the error type, the body is still in the response).
    UnexpectedResponse(reqwest::Response),
}

impl<E> Error<E> {
    /// The answer's HTTP status, when there was an answer.
    ///
    /// Example: [`Error`].
    pub fn status(&self) -> Option<StatusCode> {
        match self {
            Error::ErrorResponse(answer) => Some(answer.status()),
            Error::InvalidResponsePayload(decode) => Some(decode.status),
            Error::UnexpectedResponse(response) => Some(response.status()),
            Error::CommunicationError(e) | Error::ResponseBodyError(e) => e.status(),
            Error::InvalidRequest(_) => None,
        }
    }

    /// The answer's headers, when there was an answer.
    ///
    /// Example: [`Error::request_id`].
    pub fn headers(&self) -> Option<&HeaderMap> {
        match self {
            Error::ErrorResponse(answer) => Some(answer.headers()),
            Error::InvalidResponsePayload(decode) => Some(&decode.headers),
            Error::UnexpectedResponse(response) => Some(response.headers()),
            _ => None,
        }
    }

    /// The typed error body of a documented (or recognised) error status.
    ///
    /// Example: [`Error::request_id`].
    pub fn error_body(&self) -> Option<&E> {
        match self {
            Error::ErrorResponse(answer) => Some(answer.as_ref()),
            _ => None,
        }
    }

    /// Whether repeating the call may succeed: no connection was made or
    /// it timed out, or the answer was 408, 429, 500, 502, 503 or 504.
    /// (The client's [`RetryPolicy`](crate::RetryPolicy) has already
    /// retried what it safely could.)
    ///
    /// Example: [`Error::retry_after`].
    pub fn is_retryable(&self) -> bool {
        match self {
            Error::CommunicationError(e) => e.is_connect() || e.is_timeout(),
            _ => self
                .status()
                .is_some_and(|s| matches!(s.as_u16(), 408 | 429 | 500 | 502 | 503 | 504)),
        }
    }
}

impl<E: ErrorBody> Error<E> {
    /// The provider's id of this request, to quote to its support: the
    /// response header when it sends one (`x-request-id`, `request-id`),
    /// else the error body's field where the provider documents one
    /// (Postbreeze's `requestId`).
    ///
    /// # Example
    /// ```
    /// use social_clients::postbreeze::{types::ApiError, Error};
    ///
    /// fn report(e: &Error<ApiError>) -> String {
    ///     let code = e.error_body().and_then(|body| body.code.clone());
    ///     let server = e.headers().and_then(|h| h.get("server")).is_some();
    ///     format!("{:?} {code:?} id={:?} server header: {server}", e.status(), e.request_id())
    /// }
    /// # let _ = report;
    /// ```
    pub fn request_id(&self) -> Option<&str> {
        let from_header = self.headers().and_then(request_id_header);
        from_header.or_else(|| self.error_body().and_then(ErrorBody::request_id))
    }

    /// How long the provider asks to wait before trying again: the answer's
    /// `Retry-After` (seconds or an HTTP date), else a wait the error body
    /// states (Postbreeze's `retryAfterMs`).
    ///
    /// # Example
    /// ```no_run
    /// # async fn run(client: social_clients::postbreeze::Client) -> Result<(), social_clients::postbreeze::Error<social_clients::postbreeze::types::ApiError>> {
    /// let posts = loop {
    ///     match client.get_post("post_1").await {
    ///         Err(e) if e.is_retryable() => {
    ///             tokio::time::sleep(e.retry_after().unwrap_or(std::time::Duration::from_secs(1))).await
    ///         }
    ///         other => break other?,
    ///     }
    /// };
    /// # let _ = posts; Ok(()) }
    /// ```
    pub fn retry_after(&self) -> Option<Duration> {
        let header = self
            .headers()
            .and_then(|h| retry_after_header(h, SystemTime::now()));
        header.or_else(|| self.error_body().and_then(ErrorBody::retry_after))
    }

    /// For a 429 answer, the rate limits the provider documents (requests
    /// per window, per key); `None` for any other error. No provider sends
    /// its current counters with a 429, so these are the documented
    /// ceilings, not what is left.
    ///
    /// # Example
    /// ```
    /// use social_clients::postbreeze::{types::ApiError, Error};
    ///
    /// fn explain(e: &Error<ApiError>) {
    ///     for limit in e.rate_limits().unwrap_or_default() {
    ///         eprintln!("at most {} requests per {:?}", limit.requests, limit.per);
    ///     }
    /// }
    /// # let _ = explain;
    /// ```
    pub fn rate_limits(&self) -> Option<&'static [RateLimit]> {
        (self.status() == Some(StatusCode::TOO_MANY_REQUESTS)).then_some(E::RATE_LIMITS)
    }
}

impl<E: fmt::Debug> fmt::Display for Error<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::InvalidRequest(reason) => write!(f, "invalid request: {reason}"),
            Error::CommunicationError(e) => write!(f, "communication error: {e}"),
            Error::ErrorResponse(answer) => {
                write!(
                    f,
                    "error response {}: {:?}",
                    answer.status(),
                    answer.as_ref()
                )
            }
            Error::ResponseBodyError(e) => write!(f, "error reading the answer's body: {e}"),
            Error::InvalidResponsePayload(decode) => decode.fmt(f),
            // Not the URL: its query may hold personal data.
            Error::UnexpectedResponse(response) => {
                write!(f, "unexpected response: {}", response.status())
            }
        }
    }
}

impl<E: fmt::Debug> std::error::Error for Error<E> {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::CommunicationError(e) | Error::ResponseBodyError(e) => Some(e),
            Error::InvalidResponsePayload(decode) => Some(&**decode),
            _ => None,
        }
    }
}

// The conversions progenitor's generated code relies on (`?` after
// building a request, after sending it, on a header parameter's value).
impl<E> From<reqwest::Error> for Error<E> {
    fn from(e: reqwest::Error) -> Self {
        Error::CommunicationError(e)
    }
}

impl<E> From<reqwest::header::InvalidHeaderValue> for Error<E> {
    fn from(e: reqwest::header::InvalidHeaderValue) -> Self {
        Error::InvalidRequest(e.to_string())
    }
}

impl<E> From<std::convert::Infallible> for Error<E> {
    fn from(never: std::convert::Infallible) -> Self {
        match never {}
    }
}

/// An answer whose body does not decode as the description says: its
/// status, headers and body are kept, and the field at fault is named.
///
/// # Example
/// ```no_run
/// # async fn run(client: social_clients::postbreeze::Client) {
/// use social_clients::postbreeze::Error;
///
/// if let Err(Error::InvalidResponsePayload(bad)) = client.get_post("post_1").await {
///     eprintln!("{} at {:?}; body starts {}", bad.status(), bad.path(), bad.excerpt());
/// }
/// # }
/// ```
pub struct DecodeError {
    status: StatusCode,
    headers: HeaderMap,
    body: Bytes,
    path: Option<String>,
    source: serde_json::Error,
}

impl DecodeError {
    /// Why `body` did not decode as `T`, given serde_json's first error:
    /// the body is decoded again with the path tracked (only now: tracking
    /// it costs stack on every nesting level) to name the field.
    pub(crate) fn locate<T: serde::de::DeserializeOwned>(
        status: StatusCode,
        headers: HeaderMap,
        body: Bytes,
        plain: serde_json::Error,
    ) -> Box<Self> {
        let mut json = serde_json::Deserializer::from_slice(&body);
        let (path, source) = match serde_path_to_error::deserialize::<_, T>(&mut json) {
            Err(e) => {
                let path = e.path().to_string();
                // `.` is serde_path_to_error's name for the document itself.
                ((path != ".").then_some(path), e.into_inner())
            }
            Ok(_) => (None, plain),
        };
        Box::new(DecodeError {
            status,
            headers,
            body,
            path,
            source,
        })
    }

    /// The answer's status.
    ///
    /// Example: [`DecodeError`].
    pub fn status(&self) -> StatusCode {
        self.status
    }

    /// The answer's headers.
    ///
    /// Example: [`Error::request_id`].
    pub fn headers(&self) -> &HeaderMap {
        &self.headers
    }

    /// The whole body, as received.
    ///
    /// Example: [`DecodeError::excerpt`].
    pub fn body(&self) -> &[u8] {
        &self.body
    }

    /// The field at fault, as a path from the body's root
    /// (`socialAccount.createdAt`, `items[3].id`); `None` when the body is
    /// not JSON at all or ends early.
    ///
    /// Example: [`DecodeError`].
    pub fn path(&self) -> Option<&str> {
        self.path.as_deref()
    }

    /// serde_json's reason (with line and column).
    ///
    /// Example: [`DecodeError::excerpt`].
    pub fn reason(&self) -> &serde_json::Error {
        &self.source
    }

    /// The body's first [`EXCERPT_BYTES`] bytes as text (invalid UTF-8
    /// replaced, a cut marked with `…`): enough to see what the server sent
    /// without logging a whole page.
    ///
    /// # Example
    /// ```no_run
    /// # fn show(bad: &social_clients::DecodeError) {
    /// println!("{} ({} bytes): {}", bad.reason(), bad.body().len(), bad.excerpt());
    /// # }
    /// ```
    pub fn excerpt(&self) -> Cow<'_, str> {
        excerpt(&self.body, EXCERPT_BYTES)
    }
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "the {} answer does not decode", self.status)?;
        if let Some(path) = &self.path {
            write!(f, " at `{path}`")?;
        }
        write!(f, ": {}", self.source)
    }
}

impl fmt::Debug for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("DecodeError")
            .field("status", &self.status)
            .field("path", &self.path)
            .field("reason", &self.source)
            .field("body_len", &self.body.len())
            .field("excerpt", &self.excerpt())
            .finish_non_exhaustive()
    }
}

impl std::error::Error for DecodeError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.source)
    }
}

/// What a provider's error body says beyond its message: implemented for
/// each provider's error type, so [`Error::request_id`],
/// [`Error::retry_after`] and [`Error::rate_limits`] read it the same way
/// for all four.
///
/// Example: [`Error::request_id`].
pub trait ErrorBody {
    /// The rate limits the provider documents, per key.
    const RATE_LIMITS: &'static [RateLimit] = &[];

    /// The request id, where the body carries one.
    ///
    /// Example: [`Error::request_id`].
    fn request_id(&self) -> Option<&str> {
        None
    }

    /// How long to wait, where the body says.
    ///
    /// Example: [`Error::retry_after`].
    fn retry_after(&self) -> Option<Duration> {
        None
    }
}

/// `Error<()>`, the default: no body to read.
impl ErrorBody for () {}

/// A documented rate limit: at most `requests` per `per`.
///
/// Example: [`Error::rate_limits`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RateLimit {
    /// Requests allowed per window.
    pub requests: u32,
    /// The window's length.
    pub per: Duration,
}

/// The provider's request id header, the first of [`REQUEST_ID_HEADERS`]
/// an answer has (also recorded on the request's tracing span).
pub(crate) fn request_id_header(headers: &HeaderMap) -> Option<&str> {
    REQUEST_ID_HEADERS
        .iter()
        .find_map(|name| headers.get(*name))
        .and_then(|v| v.to_str().ok())
}

/// How long an answer's `Retry-After` header asks to wait, as of `now`.
pub(crate) fn retry_after_header(headers: &HeaderMap, now: SystemTime) -> Option<Duration> {
    headers
        .get(reqwest::header::RETRY_AFTER)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| parse_retry_after(v, now))
}

/// `Retry-After` as delay-seconds or an HTTP date (RFC 9110 §10.2.3); a date
/// in the past means "now".
pub(crate) fn parse_retry_after(value: &str, now: SystemTime) -> Option<Duration> {
    let value = value.trim();
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(Duration::from_secs(seconds));
    }
    let at = httpdate::parse_http_date(value).ok()?;
    Some(at.duration_since(now).unwrap_or(Duration::ZERO))
}

/// The first `max` bytes of `body` as text, cut on a character boundary.
fn excerpt(body: &[u8], max: usize) -> Cow<'_, str> {
    if body.len() <= max {
        return String::from_utf8_lossy(body);
    }
    let text = String::from_utf8_lossy(&body[..max]);
    // A multi-byte character cut in two decodes as U+FFFD at the end: drop it.
    let text = text.trim_end_matches('\u{FFFD}');
    Cow::Owned(format!("{text}…"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_excerpt_is_bounded_and_cut_on_a_character() {
        assert_eq!(excerpt(b"short", 10), "short");
        let body = "é".repeat(10);
        // 5 bytes: two whole characters and half of the third.
        assert_eq!(excerpt(body.as_bytes(), 5), "éé…");
    }

    #[test]
    fn decoding_again_names_the_field() {
        #[derive(serde::Deserialize, Debug)]
        #[allow(dead_code)]
        struct Inner {
            count: u32,
        }
        #[derive(serde::Deserialize, Debug)]
        #[allow(dead_code)]
        struct Outer {
            items: Vec<Inner>,
        }
        let body = Bytes::from_static(br#"{"items":[{"count":1},{"count":"x"}]}"#);
        let plain = serde_json::from_slice::<Outer>(&body).unwrap_err();
        let e = DecodeError::locate::<Outer>(StatusCode::OK, HeaderMap::new(), body, plain);
        assert_eq!(e.path(), Some("items[1].count"));
        assert!(
            e.to_string()
                .starts_with("the 200 OK answer does not decode at `items[1].count`: invalid type"),
            "{e}"
        );

        let garbage = Bytes::from_static(b"<html>");
        let plain = serde_json::from_slice::<Outer>(&garbage).unwrap_err();
        let e = DecodeError::locate::<Outer>(StatusCode::OK, HeaderMap::new(), garbage, plain);
        assert_eq!((e.path(), e.excerpt()), (None, "<html>".into()));
    }

    #[test]
    // The error is what generated methods return; its size is theirs.
    #[allow(clippy::result_large_err)]
    fn a_header_value_that_is_not_one_is_an_invalid_request() {
        // What a generated method does with a header parameter's value.
        let build = |value: &str| -> Result<reqwest::header::HeaderValue, Error> {
            Ok(reqwest::header::HeaderValue::try_from(value)?)
        };
        assert!(build("ok").is_ok());
        let err = build("line\nbreak").unwrap_err();
        assert!(matches!(&err, Error::InvalidRequest(_)), "{err:?}");
        assert_eq!((err.status(), err.is_retryable()), (None, false));
    }

    #[test]
    fn retry_after_is_seconds_or_an_http_date() {
        let now = httpdate::parse_http_date("Sun, 22 Nov 2026 18:00:00 GMT").unwrap();
        assert_eq!(
            parse_retry_after("120", now),
            Some(Duration::from_secs(120))
        );
        assert_eq!(
            parse_retry_after("Sun, 22 Nov 2026 18:00:30 GMT", now),
            Some(Duration::from_secs(30))
        );
        assert_eq!(
            parse_retry_after("Sun, 22 Nov 2026 17:00:00 GMT", now),
            Some(Duration::ZERO)
        );
        assert_eq!(parse_retry_after("soon", now), None);
        assert_eq!(parse_retry_after("-1", now), None);
    }
}
