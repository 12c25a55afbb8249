//! What Postbreeze's error body says beyond its message: the request id
//! (`requestId`, also sent as a header), a wait on some domain errors
//! (`retryAfterMs`), and the documented limits.

use std::time::Duration;

use super::types::ApiError;
use crate::{ErrorBody, RateLimit};

impl ErrorBody for ApiError {
    const RATE_LIMITS: &'static [RateLimit] = &crate::rate_window::POSTBREEZE_LIMITS;

    fn request_id(&self) -> Option<&str> {
        self.request_id.as_deref()
    }

    fn retry_after(&self) -> Option<Duration> {
        self.retry_after_ms
            .and_then(|ms| u64::try_from(ms).ok())
            .map(Duration::from_millis)
    }
}
