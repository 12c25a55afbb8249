//! Publishing and waiting: create a post for several accounts, then follow
//! it until every platform it targets has published it or failed, with one
//! typed outcome per platform.
//!
//! bundle.social publishes in the background: `post_create` answers at
//! once, and the post's `status`, `errors` and `externalData` (one entry per
//! platform) fill in as each platform answers. A team has at most one
//! account per platform, so a platform names a target.

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use serde_json::Value;

use super::types::{self, ApiError, Platform, PostStatus};
use super::{Client, Error};

/// How [`Client::publish`] and [`Client::wait_until_published`] wait.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PublishWait {
    /// Time between two reads of the post.
    pub poll_every: Duration,
    /// Longest wait in all; past it the wait ends with
    /// [`PublishError::StillPending`].
    pub max_wait: Duration,
}

impl Default for PublishWait {
    /// Every 5 seconds, for at most 10 minutes (video processing on some
    /// platforms takes minutes).
    fn default() -> Self {
        PublishWait {
            poll_every: Duration::from_secs(5),
            max_wait: Duration::from_secs(600),
        }
    }
}

/// How one platform of a post ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TargetOutcome {
    /// The platform has the post; its address there when the provider
    /// reports one.
    Published { permalink: Option<String> },
    /// The platform refused it or publishing failed; the provider's reason.
    Failed { error: String },
    /// Not decided yet (only in [`PublishError::StillPending`]).
    Pending,
}

/// A post whose every target has an outcome.
#[derive(Debug, Clone)]
pub struct PublishReport {
    /// The post as last read.
    pub post: types::Post,
    /// One outcome per platform the post targets.
    pub targets: BTreeMap<Platform, TargetOutcome>,
}

impl PublishReport {
    /// Whether every target published.
    pub fn all_published(&self) -> bool {
        self.targets
            .values()
            .all(|t| matches!(t, TargetOutcome::Published { .. }))
    }
}

/// Why publishing or waiting ended without every outcome.
#[derive(Debug, thiserror::Error)]
pub enum PublishError {
    /// Creating or reading the post failed.
    #[error(transparent)]
    Api(#[from] Error<ApiError>),
    /// Some targets were still undecided after the maximum wait; `report`
    /// holds the post as last read, undecided targets as `Pending`.
    #[error("{} target(s) still pending after {waited:?}", report.targets.values().filter(|t| **t == TargetOutcome::Pending).count())]
    StillPending {
        waited: Duration,
        report: Box<PublishReport>,
    },
}

impl Client {
    /// Creates the post (for every platform in `body.social_account_types`)
    /// and waits until each has published it or failed. Drop the future to
    /// stop waiting; the post stays created.
    ///
    /// A post created as a draft or scheduled later is not published during
    /// the wait; it ends with [`PublishError::StillPending`].
    ///
    /// # Errors
    /// [`PublishError::Api`] when creating or reading the post fails;
    /// [`PublishError::StillPending`] past `wait.max_wait`.
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
    pub async fn wait_until_published(
        &self,
        id: &str,
        wait: PublishWait,
    ) -> Result<PublishReport, PublishError> {
        let started = Instant::now();
        loop {
            let post = self.post_get(id).await?.into_inner();
            let report = report(post);
            let pending = report
                .targets
                .values()
                .any(|t| *t == TargetOutcome::Pending);
            if !pending {
                return Ok(report);
            }
            let waited = started.elapsed();
            if waited + wait.poll_every > wait.max_wait {
                return Err(PublishError::StillPending {
                    waited,
                    report: Box::new(report),
                });
            }
            tokio::time::sleep(wait.poll_every).await;
        }
    }
}

/// Each target's outcome as the post now says. The per-platform fields are
/// keyed by the platform's wire name and typed differently per platform, so
/// they are read as JSON.
fn report(post: types::Post) -> PublishReport {
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
