//! When a failed request is tried again, and after how long.
//!
//! A request is retried only when repeating it is safe:
//! - the connection could not be made, or the server answered 429 (rate
//!   limited): the request was not processed, so any method is retried;
//! - a timeout, 408, 500, 502, 503 or 504: the request may have been
//!   processed, so only idempotent methods (GET, HEAD, OPTIONS, PUT, DELETE)
//!   are retried, unless the caller opts in for all methods.
//!
//! The wait is the server's `Retry-After` (seconds or an HTTP date) when it
//! sends one, up to [`RetryPolicy::max_retry_after`] (a longer wait is not
//! attempted: the answer is returned as is); otherwise exponential backoff
//! with full jitter from the `backon` crate.

use std::time::{Duration, SystemTime};

use backon::{BackoffBuilder, ExponentialBuilder};

use crate::error::retry_after_header;
use reqwest::{Method, StatusCode};

/// Retry settings. The default retries twice, backing off from 200 ms up to
/// 10 s, and honours `Retry-After` up to 60 s.
///
/// # Example
/// ```
/// use std::time::Duration;
/// use social_clients::RetryPolicy;
///
/// let policy = RetryPolicy::default()
///     .max_retries(4)
///     .backoff(Duration::from_millis(200), Duration::from_secs(5))
///     .max_retry_after(Duration::from_secs(60))
///     .retry_non_idempotent(false);
/// assert_eq!(policy.max_attempts(), 5);
/// assert_eq!(RetryPolicy::disabled().max_attempts(), 1);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RetryPolicy {
    max_retries: u32,
    initial_backoff: Duration,
    max_backoff: Duration,
    max_retry_after: Duration,
    retry_non_idempotent: bool,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            max_retries: 2,
            initial_backoff: Duration::from_millis(200),
            max_backoff: Duration::from_secs(10),
            max_retry_after: Duration::from_secs(60),
            retry_non_idempotent: false,
        }
    }
}

impl RetryPolicy {
    /// Never retry.
    ///
    /// Example: [`RetryPolicy`].
    pub fn disabled() -> Self {
        RetryPolicy::default().max_retries(0)
    }

    /// Retries after the first attempt (0 disables retrying).
    ///
    /// Example: [`RetryPolicy`].
    pub fn max_retries(mut self, retries: u32) -> Self {
        self.max_retries = retries;
        self
    }

    /// The first backoff and its cap; later ones grow exponentially, jittered.
    ///
    /// Example: [`RetryPolicy`].
    pub fn backoff(mut self, initial: Duration, max: Duration) -> Self {
        self.initial_backoff = initial;
        self.max_backoff = max.max(initial);
        self
    }

    /// Longest `Retry-After` waited for; a longer one returns the answer.
    ///
    /// Example: [`RetryPolicy`].
    pub fn max_retry_after(mut self, max: Duration) -> Self {
        self.max_retry_after = max;
        self
    }

    /// Also retry POST and PATCH after timeouts and 5xx answers (only do this
    /// for operations that are idempotent on the server).
    ///
    /// Example: [`RetryPolicy`].
    pub fn retry_non_idempotent(mut self, retry: bool) -> Self {
        self.retry_non_idempotent = retry;
        self
    }

    /// The most attempts a request gets.
    ///
    /// Example: [`RetryPolicy`].
    pub fn max_attempts(&self) -> u32 {
        self.max_retries + 1
    }

    /// The jittered backoff delays, one per retry.
    pub(crate) fn backoff_delays(&self) -> impl Iterator<Item = Duration> {
        ExponentialBuilder::default()
            .with_min_delay(self.initial_backoff)
            .with_max_delay(self.max_backoff)
            .with_max_times(self.max_retries as usize)
            .with_jitter()
            .build()
    }

    /// Whether the outcome of one attempt calls for another, and after how
    /// long; `backoff` gives the next jittered delay (`None` once the backoff
    /// is used up). It is only called when a retry is due, so a successful
    /// answer never pays for the random jitter.
    pub(crate) fn decide(
        &self,
        method: &Method,
        outcome: &Outcome,
        backoff: impl FnOnce() -> Option<Duration>,
    ) -> Option<Duration> {
        let repeatable = self.retry_non_idempotent || is_idempotent(method);
        match outcome {
            Outcome::NotConnected => backoff(),
            Outcome::TimedOut if repeatable => backoff(),
            Outcome::TimedOut => None,
            Outcome::Status {
                status,
                retry_after,
            } => {
                let retriable = *status == StatusCode::TOO_MANY_REQUESTS
                    || (repeatable && matches!(status.as_u16(), 408 | 500 | 502 | 503 | 504));
                if !retriable {
                    return None;
                }
                match retry_after {
                    Some(wait) if *wait > self.max_retry_after => None,
                    Some(wait) => Some(*wait),
                    None => backoff(),
                }
            }
            Outcome::Other => None,
        }
    }
}

/// What one attempt came to, as far as retrying is concerned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Outcome {
    /// No connection was made: nothing reached the server.
    NotConnected,
    /// The request or the answer timed out.
    TimedOut,
    /// The server answered.
    Status {
        status: StatusCode,
        retry_after: Option<Duration>,
    },
    /// Any other failure (not worth repeating).
    Other,
}

impl Outcome {
    pub(crate) fn of(result: &reqwest::Result<reqwest::Response>, now: SystemTime) -> Self {
        match result {
            Ok(response) => Outcome::Status {
                status: response.status(),
                retry_after: retry_after_header(response.headers(), now),
            },
            Err(e) if e.is_connect() => Outcome::NotConnected,
            Err(e) if e.is_timeout() => Outcome::TimedOut,
            Err(_) => Outcome::Other,
        }
    }
}

fn is_idempotent(method: &Method) -> bool {
    matches!(
        *method,
        Method::GET | Method::HEAD | Method::OPTIONS | Method::PUT | Method::DELETE | Method::TRACE
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const BACKOFF: Duration = Duration::from_millis(7);

    fn status(code: u16, retry_after: Option<u64>) -> Outcome {
        Outcome::Status {
            status: StatusCode::from_u16(code).unwrap(),
            retry_after: retry_after.map(Duration::from_secs),
        }
    }

    #[test]
    fn unprocessed_requests_are_retried_for_any_method() {
        let policy = RetryPolicy::default();
        assert_eq!(
            policy.decide(&Method::POST, &Outcome::NotConnected, || Some(BACKOFF)),
            Some(BACKOFF)
        );
        assert_eq!(
            policy.decide(&Method::POST, &status(429, None), || Some(BACKOFF)),
            Some(BACKOFF)
        );
        assert_eq!(
            policy.decide(&Method::POST, &status(429, Some(3)), || Some(BACKOFF)),
            Some(Duration::from_secs(3))
        );
    }

    #[test]
    fn possibly_processed_requests_are_retried_only_when_idempotent_or_opted_in() {
        let policy = RetryPolicy::default();
        for code in [408, 500, 502, 503, 504] {
            assert_eq!(
                policy.decide(&Method::GET, &status(code, None), || Some(BACKOFF)),
                Some(BACKOFF),
                "{code}"
            );
            assert_eq!(
                policy.decide(&Method::POST, &status(code, None), || Some(BACKOFF)),
                None,
                "{code}"
            );
        }
        assert_eq!(
            policy.decide(&Method::POST, &Outcome::TimedOut, || Some(BACKOFF)),
            None
        );
        let opted_in = RetryPolicy::default().retry_non_idempotent(true);
        assert_eq!(
            opted_in.decide(&Method::POST, &status(503, None), || Some(BACKOFF)),
            Some(BACKOFF)
        );
        assert_eq!(
            opted_in.decide(&Method::PATCH, &Outcome::TimedOut, || Some(BACKOFF)),
            Some(BACKOFF)
        );
    }

    #[test]
    fn other_answers_are_not_retried() {
        let policy = RetryPolicy::default();
        for code in [200, 201, 400, 401, 403, 404, 409, 422, 501] {
            assert_eq!(
                policy.decide(&Method::GET, &status(code, None), || Some(BACKOFF)),
                None,
                "{code}"
            );
        }
        assert_eq!(
            policy.decide(&Method::GET, &Outcome::Other, || Some(BACKOFF)),
            None
        );
    }

    #[test]
    fn a_retry_after_beyond_the_cap_is_not_waited_for() {
        let policy = RetryPolicy::default().max_retry_after(Duration::from_secs(5));
        assert_eq!(
            policy.decide(&Method::GET, &status(503, Some(6)), || Some(BACKOFF)),
            None
        );
        assert_eq!(
            policy.decide(&Method::GET, &status(503, Some(5)), || Some(BACKOFF)),
            Some(Duration::from_secs(5))
        );
    }

    #[test]
    fn backoff_yields_one_bounded_delay_per_retry() {
        let policy = RetryPolicy::default()
            .max_retries(3)
            .backoff(Duration::from_millis(10), Duration::from_millis(40));
        let delays: Vec<_> = policy.backoff_delays().collect();
        assert_eq!(delays.len(), 3);
        // Full jitter adds up to one more delay on top of the exponential step.
        assert!(
            delays.iter().all(|d| *d <= Duration::from_millis(80)),
            "{delays:?}"
        );
        assert!(RetryPolicy::disabled().backoff_delays().next().is_none());
    }
}
