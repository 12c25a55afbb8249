//! Publishing and waiting: create a post for several accounts, then follow
//! it until every platform it targets has published it or failed, with one
//! typed outcome per platform.
//!
//! bundle.social publishes in the background: `post_create` answers at
//! once, and the post's `status`, `errors` and `externalData` (one entry per
//! platform) fill in as each platform answers. A team has at most one
//! account per platform, so a platform names a target.

use std::collections::BTreeMap;

use serde_json::Value;

use super::types::{self, ApiError, Platform, PostStatus};
use super::Client;
use crate::publishing::{PublishWait, TargetOutcome};

/// A bundle.social post and the outcome on each platform it targets.
///
/// Example: `examples/publish.rs`.
pub type PublishReport = crate::publishing::PublishReport<types::Post, Platform>;
/// Why [`Client::publish`] or [`Client::wait_until_published`] ended
/// without every outcome.
///
/// Example: `examples/publish.rs`.
pub type PublishError = crate::publishing::PublishError<ApiError, types::Post, Platform>;

impl Client {
    /// Creates the post (for every platform in `body.social_account_types`)
    /// and waits until each has published it or failed. Drop the future to
    /// stop waiting; the post stays created.
    ///
    /// A post created as a draft or scheduled later is not published during
    /// the wait; it ends with `PublishError::StillPending`. A whole run
    /// (media from a URL, a post for two platforms, the outcomes) is in
    /// `examples/publish.rs`.
    ///
    /// # Errors
    /// `PublishError::Api` when creating or reading the post fails;
    /// `PublishError::StillPending` past `wait.max_wait`.
    pub async fn publish(
        &self,
        body: &types::PostCreateBody,
        wait: PublishWait,
    ) -> Result<PublishReport, PublishError> {
        let created = self.post_create(body).await?.into_inner();
        self.wait_until_published(&created.id, wait).await
    }

    /// Reads post `id` every `wait.poll_every` until each platform it
    /// targets has published it or failed.
    ///
    /// # Errors
    /// As [`Client::publish`].
    ///
    /// Example: `examples/publish.rs`.
    pub async fn wait_until_published(
        &self,
        id: &str,
        wait: PublishWait,
    ) -> Result<PublishReport, PublishError> {
        crate::publishing::until_decided(
            wait,
            || async { Ok(self.post_get(id).await?.into_inner()) },
            report,
        )
        .await
    }
}

/// Each target's outcome as the post now says. The per-platform fields are
/// keyed by the platform's wire name and typed differently per platform, so
/// they are read as JSON.
pub(super) fn report(post: types::Post) -> PublishReport {
    let errors = as_json(&post.errors);
    let external = as_json(&post.external_data);
    let mut targets = BTreeMap::new();
    for account in &post.social_accounts {
        let platform = account.social_account.type_.clone();
        let key = platform.to_string();
        let error = errors
            .get(&key)
            .and_then(Value::as_str)
            .filter(|e| !e.is_empty());
        let published = external.get(&key).filter(|v| !v.is_null());
        let outcome = match (error, published, &post.status) {
            (Some(error), _, _) => TargetOutcome::Failed {
                error: error.to_string(),
            },
            (None, Some(data), _) => TargetOutcome::Published {
                permalink: data
                    .get("permalink")
                    .and_then(Value::as_str)
                    .map(str::to_string),
            },
            (None, None, PostStatus::Posted) => TargetOutcome::Published { permalink: None },
            (None, None, PostStatus::Error | PostStatus::Deleted) => TargetOutcome::Failed {
                error: post
                    .error
                    .clone()
                    .unwrap_or_else(|| format!("the post ended as {}", post.status)),
            },
            (None, None, _) => TargetOutcome::Pending,
        };
        targets.insert(platform, outcome);
    }
    PublishReport { post, targets }
}

fn as_json<T: serde::Serialize>(value: &Option<T>) -> Value {
    value
        .as_ref()
        .and_then(|v| serde_json::to_value(v).ok())
        .unwrap_or(Value::Null)
}
