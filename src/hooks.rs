//! The request hook every generated client runs through
//! (`progenitor_client::ClientHooks::exec`): retries per the client's
//! [`RetryPolicy`](crate::RetryPolicy), and one tracing span per operation.
//!
//! The span (`social_clients.request`, at INFO) records provider, operation
//! id, method, path, attempt, status and the provider's request id; never
//! headers, query strings or bodies, where keys and personal data live.

use std::time::{Instant, SystemTime};

use progenitor_client::OperationInfo;
use tracing::Instrument;

use crate::error::request_id_header;
use crate::retry::Outcome;
use crate::runtime::Runtime;

tokio::task_local! {
    /// When the caller around this request stops waiting (a waiting
    /// helper's `max_wait`): the retry loop does not sleep past it, so the
    /// caller's bound holds whatever the client's retry policy allows.
    static DEADLINE: Instant;
}

/// Runs `future` with every retry of the requests it sends bounded by
/// `deadline`: a retry that would start after it is not made, and the
/// answer that asked for it is returned instead.
pub(crate) async fn with_deadline<F: std::future::Future>(
    deadline: Instant,
    future: F,
) -> F::Output {
    DEADLINE.scope(deadline, future).await
}

/// Whether a retry after `delay` would start past the caller's deadline.
fn past_deadline(delay: std::time::Duration) -> bool {
    DEADLINE
        .try_with(|deadline| Instant::now() + delay > *deadline)
        .unwrap_or(false)
}

/// Sends `request`, retrying as the policy allows.
pub(crate) async fn execute(
    http: &reqwest::Client,
    runtime: &Runtime,
    mut request: reqwest::Request,
    info: &OperationInfo,
) -> reqwest::Result<reqwest::Response> {
    let span = tracing::info_span!(
        "social_clients.request",
        provider = runtime.provider,
        operation = info.operation_id,
        method = %request.method(),
        path = request.url().path(),
        attempt = tracing::field::Empty,
        status = tracing::field::Empty,
        request_id = tracing::field::Empty,
    );
    async move {
        let policy = &runtime.retry;
        // Built when the first retry is due: a successful answer never pays
        // for the jittered backoff.
        let mut delays = None;
        let mut attempt = 1u32;
        loop {
            tracing::Span::current().record("attempt", attempt);
            // A body that is a stream cannot be sent twice; such a request
            // gets one attempt. The spare is taken before the client's
            // headers go on: a smaller copy, and each attempt gets them
            // afresh.
            let spare = if attempt < policy.max_attempts() {
                request.try_clone()
            } else {
                None
            };
            runtime.prepare(&mut request);
            let method = request.method().clone();
            let result = http.execute(request).await;
            record_outcome(&result);
            let Some(spare) = spare else { return result };
            let outcome = Outcome::of(&result, SystemTime::now());
            let backoff = || delays.get_or_insert_with(|| policy.backoff_delays()).next();
            let Some(delay) = policy.decide(&method, &outcome, backoff) else {
                return result;
            };
            if past_deadline(delay) {
                return result;
            }
            tracing::info!(attempt, delay_ms = delay.as_millis() as u64, "retrying");
            drop(result);
            tokio::time::sleep(delay).await;
            request = spare;
            attempt += 1;
        }
    }
    .instrument(span)
    .await
}

fn record_outcome(result: &reqwest::Result<reqwest::Response>) {
    let span = tracing::Span::current();
    match result {
        Ok(response) => {
            span.record("status", response.status().as_u16());
            if let Some(id) = request_id_header(response.headers()) {
                span.record("request_id", id);
            }
        }
        Err(e) => {
            // reqwest's error text names the URL without credentials; keys are
            // headers and never appear in it.
            tracing::info!(error = %e, "request failed");
        }
    }
}
