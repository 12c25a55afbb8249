//! bundle.social's error body (`statusCode`, `message`, validation
//! `issues`) carries no request id or wait, and its reference documents no
//! general rate limit (the profile-refresh window is in that answer).

use super::types::ApiError;
use crate::ErrorBody;

impl ErrorBody for ApiError {}
