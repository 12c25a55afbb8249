//! bundle.social's rate window, and profile refresh that waits for it.

use std::time::Duration;

use super::types::{
    AccountSelector, SocialAccountConnectionCheckResponse, SocialAccountProfileRefreshResponse,
};
use super::{types, Client, ResponseValue};
use crate::rate_window::RateWindow;
use crate::waiting::retry_while_limited;

/// Both answers that carry the window name its fields the same way.
macro_rules! window_from {
    ($answer:ty) => {
        impl From<&$answer> for RateWindow {
            fn from(answer: &$answer) -> Self {
                RateWindow {
                    limit: count(answer.limit),
                    used: count(answer.used),
                    remaining: count(answer.remaining),
                    window: Duration::from_secs(count(answer.window_seconds)),
                }
            }
        }
    };
}

/// The answers' counts are plain integers (their documented bounds do not
/// constrain decoding); one below zero can only mean none.
fn count(n: i64) -> u64 {
    u64::try_from(n).unwrap_or(0)
}

window_from!(SocialAccountProfileRefreshResponse);
window_from!(SocialAccountConnectionCheckResponse);

/// Why [`Client::profile_refresh_waiting`] gave up.
///
/// Example: [`Client::profile_refresh_waiting`].
pub type WaitError = crate::waiting::WaitError<types::ApiError>;

/// How long to wait after a 429 that names no `Retry-After`: bundle.social's
/// profile-refresh windows are short (`windowSeconds` in its answers).
const FALLBACK_WAIT: Duration = Duration::from_secs(5);

impl Client {
    /// Refreshes a profile like [`Client::social_account_profile_refresh`],
    /// but when the rate window is exhausted (429) waits for it to reopen
    /// (the answer's `Retry-After`, or a few seconds) and tries again, for at
    /// most `max_wait` in all. Cancel by dropping the future.
    ///
    /// # Errors
    /// [`WaitError::StillLimited`] when the window stays closed past
    /// `max_wait`; [`WaitError::Api`] for any other failure.
    ///
    /// # Example
    /// ```no_run
    /// # async fn run(client: social_clients::bundle_social::Client) -> Result<(), Box<dyn std::error::Error>> {
    /// use std::time::Duration;
    /// use social_clients::bundle_social::types;
    ///
    /// let selector = types::AccountSelector { type_: types::Platform::Tiktok, team_id: "team_1".into() };
    /// // Waits out a closed window (429 with Retry-After) for up to two minutes.
    /// let account = client.profile_refresh_waiting(&selector, Duration::from_secs(120)).await?;
    /// # let _ = account; Ok(()) }
    /// ```
    pub async fn profile_refresh_waiting(
        &self,
        body: &AccountSelector,
        max_wait: Duration,
    ) -> Result<ResponseValue<SocialAccountProfileRefreshResponse>, WaitError> {
        retry_while_limited(max_wait, FALLBACK_WAIT, || {
            self.social_account_profile_refresh(body)
        })
        .await
    }
}
