//! Downloading a provider's published description: HTTPS only (plain HTTP
//! only to loopback, so tests can serve a spec locally), a size cap that is
//! enforced while reading, an overall timeout that covers a server that
//! never answers or trickles bytes, and errors that name the URL.

use std::net::IpAddr;
use std::time::Duration;

use reqwest::Url;

use crate::document::MAX_DOCUMENT_BYTES;
use crate::error::{Result, XtaskError};

/// How much a download may take.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Largest body accepted; checked against `Content-Length` before the
    /// body is read, and again while it streams in.
    pub max_bytes: u64,
    /// Whole request, from connecting to the last byte of the body.
    pub timeout: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_bytes: MAX_DOCUMENT_BYTES,
            timeout: Duration::from_secs(60),
        }
    }
}

/// What came back.
#[derive(Debug)]
pub struct Downloaded {
    pub bytes: Vec<u8>,
    /// `Content-Type` as sent, to explain an answer that is not a spec.
    pub content_type: Option<String>,
}

/// GETs `url` within `limits`.
pub fn get(url: &str, limits: Limits) -> Result<Downloaded> {
    let fail = |message: String| XtaskError::Fetch {
        url: url.to_string(),
        message,
    };
    let parsed = Url::parse(url).map_err(|e| fail(format!("not a URL: {e}")))?;
    allowed(&parsed).map_err(fail)?;
    // A tiny runtime of its own: xtask is synchronous everywhere else.
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| fail(format!("cannot start the HTTP runtime: {e}")))?;
    runtime.block_on(fetch(parsed, limits)).map_err(fail)
}

/// HTTPS anywhere, HTTP only to loopback.
fn allowed(url: &Url) -> Result<(), String> {
    match url.scheme() {
        "https" => Ok(()),
        "http" if is_loopback(url) => Ok(()),
        "http" => Err("plain http is only allowed to loopback; use https".into()),
        other => Err(format!("scheme `{other}` is not supported; use https")),
    }
}

fn is_loopback(url: &Url) -> bool {
    match url.host() {
        Some(url::Host::Ipv4(ip)) => IpAddr::V4(ip).is_loopback(),
        Some(url::Host::Ipv6(ip)) => IpAddr::V6(ip).is_loopback(),
        Some(url::Host::Domain(name)) => name.eq_ignore_ascii_case("localhost"),
        None => false,
    }
}

async fn fetch(url: Url, limits: Limits) -> Result<Downloaded, String> {
    let client = reqwest::Client::builder()
        .timeout(limits.timeout)
        .connect_timeout(limits.timeout.min(Duration::from_secs(15)))
        .user_agent(concat!("social-clients-xtask/", env!("CARGO_PKG_VERSION")))
        // A redirect must obey the same rule as the first URL: no hop to
        // plain http on another host.
        .redirect(reqwest::redirect::Policy::custom(|attempt| {
            if attempt.previous().len() >= 5 {
                attempt.error("more than 5 redirects")
            } else if let Err(why) = allowed(attempt.url()) {
                let why = format!("redirect to {} refused: {why}", attempt.url());
                attempt.error(why)
            } else {
                attempt.follow()
            }
        }))
        .build()
        .map_err(|e| format!("cannot build the HTTP client: {e}"))?;
    let mut response = client
        .get(url)
        .send()
        .await
        .map_err(|e| describe(&e, limits))?;
    let status = response.status();
    if !status.is_success() {
        return Err(format!("the server answered HTTP {status}"));
    }
    let too_big = |n: u64| {
        format!(
            "the description is {n} bytes or more, over the {}-byte limit",
            limits.max_bytes
        )
    };
    if let Some(length) = response.content_length() {
        if length > limits.max_bytes {
            return Err(too_big(length));
        }
    }
    let content_type = response
        .headers()
        .get(reqwest::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    let mut bytes = Vec::new();
    while let Some(chunk) = response.chunk().await.map_err(|e| describe(&e, limits))? {
        bytes.extend_from_slice(&chunk);
        // The length header may be missing or wrong; count what arrives.
        if bytes.len() as u64 > limits.max_bytes {
            return Err(too_big(bytes.len() as u64));
        }
    }
    Ok(Downloaded {
        bytes,
        content_type,
    })
}

fn describe(error: &reqwest::Error, limits: Limits) -> String {
    if error.is_timeout() {
        format!("no complete answer within {:?}", limits.timeout)
    } else if error.is_connect() {
        format!("cannot connect: {}", chain(error))
    } else if error.is_redirect() {
        chain(error)
    } else {
        format!("transfer failed: {}", chain(error))
    }
}

/// The error and its causes on one line.
fn chain(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn https_anywhere_http_only_to_loopback() {
        let ok = |u: &str| allowed(&Url::parse(u).unwrap()).is_ok();
        assert!(ok("https://api.bundle.social/swagger-json"));
        assert!(ok("http://127.0.0.1:8080/spec.json"));
        assert!(ok("http://[::1]:8080/spec.json"));
        assert!(ok("http://localhost/spec.json"));
        assert!(!ok("http://api.bundle.social/swagger-json"));
        assert!(!ok("http://10.0.0.1/spec.json"));
        assert!(!ok("ftp://127.0.0.1/spec.json"));
        assert!(!ok("file:///etc/passwd"));
    }

    #[test]
    fn a_refused_url_is_an_error_naming_it_before_any_connection() {
        let err = get("http://example.com/openapi.json", Limits::default()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "GET http://example.com/openapi.json: plain http is only allowed to loopback; use https"
        );
    }
}
