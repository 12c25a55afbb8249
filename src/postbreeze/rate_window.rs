//! Postbreeze's rate limits (a burst of 60 requests a minute, 1000 per 15
//! minutes, per key), and reading a connected channel again that waits for
//! the limit instead of failing.

use std::time::Duration;

use super::types::SocialAccount;
use super::{types, Client, ResponseValue};
use crate::waiting::retry_while_limited;

/// Why [`Client::get_social_account_waiting`] gave up.
///
/// Example: [`Client::get_social_account_waiting`].
pub type WaitError = crate::waiting::WaitError<types::ApiError>;

/// How long to wait after a 429 that names no `Retry-After`: in the burst
/// window of 60 requests a minute, one request frees up every second.
const FALLBACK_WAIT: Duration = Duration::from_secs(1);

impl Client {
    /// Reads a connected channel (its refreshed profile: handle, avatar,
    /// followers, token status) like [`Client::get_social_account`], but
    /// when Postbreeze answers 429 waits for the limit to reopen (the
    /// answer's `Retry-After`, or a second) and tries again, for at most
    /// `max_wait` in all. Cancel by dropping the future.
    ///
    /// # Errors
    /// [`WaitError::StillLimited`](crate::waiting::WaitError::StillLimited)
    /// when the limit stays closed past `max_wait`;
    /// [`WaitError::Api`](crate::waiting::WaitError::Api) for any other
    /// failure.
    ///
    /// # Example
    /// ```no_run
    /// # async fn run(client: social_clients::postbreeze::Client) -> Result<(), Box<dyn std::error::Error>> {
    /// let account = client
    ///     .get_social_account_waiting("soc_1", std::time::Duration::from_secs(60))
    ///     .await?
    ///     .into_inner();
    /// # let _ = account; Ok(()) }
    /// ```
    pub async fn get_social_account_waiting(
        &self,
        account_id: &str,
        max_wait: Duration,
    ) -> Result<ResponseValue<SocialAccount>, WaitError> {
        retry_while_limited(max_wait, FALLBACK_WAIT, || {
            self.get_social_account(account_id)
        })
        .await
    }
}
