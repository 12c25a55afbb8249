//! Gipper's error body is a map of field names to messages: no request id,
//! no wait, no documented rate limit.

use super::types::FieldErrors;
use crate::ErrorBody;

impl ErrorBody for FieldErrors {}
