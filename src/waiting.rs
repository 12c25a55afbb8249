//! Waiting out a closed rate window: call again after a 429 once the
//! provider's `Retry-After` has passed, within a maximum wait. The providers'
//! waiting helpers (`bundle_social::Client::profile_refresh_waiting`,
//! `postbreeze::Client::get_social_account_waiting`) are this loop around one
//! generated method.

use std::future::Future;
use std::time::{Duration, Instant};

use progenitor_client::ResponseValue;

use crate::Error;

use crate::hooks::with_deadline;
use crate::rate_window::retry_after;

/// Why a waiting helper (`profile_refresh_waiting`,
/// `get_social_account_waiting`) gave up.
///
/// Example: `bundle_social::Client::profile_refresh_waiting`, `postbreeze::Client::get_social_account_waiting`.
#[derive(Debug, thiserror::Error)]
pub enum WaitError<E: std::fmt::Debug> {
    /// The window did not reopen within the maximum wait.
    #[error("the rate window was still closed after waiting {waited:?} (maximum {max_wait:?})")]
    StillLimited {
        /// How long the helper waited in all.
        waited: Duration,
        /// The maximum it was given.
        max_wait: Duration,
    },
    /// Any other failure, as the generated method reports it.
    #[error(transparent)]
    Api(#[from] Error<E>),
}

/// Calls `call` until it is not answered 429, waiting each time for the
/// answer's `Retry-After` (or `fallback` when it names none), for at most
/// `max_wait` in all. Cancel by dropping the future.
pub(crate) async fn retry_while_limited<T, E, Fut>(
    max_wait: Duration,
    fallback: Duration,
    mut call: impl FnMut() -> Fut,
) -> Result<ResponseValue<T>, WaitError<E>>
where
    E: std::fmt::Debug,
    Fut: Future<Output = Result<ResponseValue<T>, Error<E>>>,
{
    let started = Instant::now();
    // The retry policy of the client may itself wait out a 429 inside
    // `call`; the deadline keeps those waits within `max_wait` too.
    with_deadline(started + max_wait, async {
        loop {
            let wait = match call().await {
                Err(Error::ErrorResponse(answer)) if answer.status() == 429 => {
                    retry_after(answer.headers()).unwrap_or(fallback)
                }
                other => return other.map_err(WaitError::Api),
            };
            let waited = started.elapsed();
            if waited + wait > max_wait {
                return Err(WaitError::StillLimited { waited, max_wait });
            }
            tracing::info!(
                wait_ms = wait.as_millis() as u64,
                "rate window exhausted; waiting for it to reopen"
            );
            tokio::time::sleep(wait).await;
        }
    })
    .await
}
