//! What every generated client carries besides its base URL and HTTP client
//! (progenitor's `inner` value): the hand-written layer's settings, read by
//! the request hook in [`crate::hooks`].

use crate::RetryPolicy;

/// Per-client settings of the hand-written layer.
///
/// Read it back from a client with `client.inner()`:
/// ```
/// use social_clients::{hooked, hooked::ClientInfo, RetryPolicy};
///
/// let client = hooked::Client::builder("hk_example").retry(RetryPolicy::disabled()).build()?;
/// assert_eq!(client.inner().retry_policy().max_attempts(), 1);
/// # Ok::<(), social_clients::BuildError>(())
/// ```
#[derive(Debug, Clone)]
pub struct Runtime {
    /// The provider's name, recorded on tracing spans.
    pub(crate) provider: &'static str,
    /// When and how often failed requests are retried.
    pub(crate) retry: RetryPolicy,
}

impl Runtime {
    pub(crate) fn new(provider: &'static str, retry: RetryPolicy) -> Self {
        Runtime { provider, retry }
    }

    /// The retry policy this client uses.
    ///
    /// Example: [`Runtime`].
    pub fn retry_policy(&self) -> &RetryPolicy {
        &self.retry
    }
}
