//! The redirect policy: follow redirects only within the origin of the
//! original request.
//!
//! reqwest strips `Authorization` and cookies when a redirect leaves the
//! host, but not custom headers such as `x-api-key` or Gipper's
//! `Authentication`. A redirect to another origin is therefore not followed
//! at all: the 3xx answer is returned to the caller, who gets it as an
//! unexpected-response error, and the key never leaves for the other origin.

use reqwest::redirect::{Attempt, Policy};

/// Most redirects followed within the origin before giving up.
const MAX_REDIRECTS: usize = 10;

pub(crate) fn same_origin_policy() -> Policy {
    Policy::custom(decide)
}

fn decide(attempt: Attempt<'_>) -> reqwest::redirect::Action {
    let Some(first) = attempt.previous().first() else {
        return attempt.stop();
    };
    if first.origin() != attempt.url().origin() {
        attempt.stop()
    } else if attempt.previous().len() > MAX_REDIRECTS {
        attempt.error(format!("more than {MAX_REDIRECTS} redirects"))
    } else {
        attempt.follow()
    }
}
