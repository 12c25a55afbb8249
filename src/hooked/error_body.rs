//! Hooked's error body carries no request id or wait; its documented limit
//! is 60 requests a minute per key.

use super::types::ApiError;
use crate::{ErrorBody, RateLimit};

impl ErrorBody for ApiError {
    const RATE_LIMITS: &'static [RateLimit] = &crate::rate_window::HOOKED_LIMITS;
}
