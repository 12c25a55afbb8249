//! A submitted post as read back: each target's outcome.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};

use super::{AccountRef, PostRef};
pub use crate::publishing::TargetOutcome;

/// A post as a [`Publisher`](super::Publisher) read it back.
///
/// Example: `examples/neutral_publish.rs`.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct PostState {
    /// The post.
    pub reference: PostRef,
    /// Whether it is a draft, scheduled, or being or done publishing.
    pub phase: Phase,
    /// When it is (or was) to be published, where the provider says.
    pub scheduled_for: Option<DateTime<Utc>>,
    /// One outcome per target account. A draft's and a scheduled post's
    /// targets are `Pending`.
    pub targets: BTreeMap<AccountRef, TargetOutcome>,
    /// The provider's own record, for what this view leaves out.
    pub record: ProviderPost,
}

impl PostState {
    /// How many targets are undecided.
    ///
    /// Example: `examples/neutral_publish.rs`.
    pub fn pending(&self) -> usize {
        self.targets
            .values()
            .filter(|t| **t == TargetOutcome::Pending)
            .count()
    }

    /// Whether every target published.
    ///
    /// Example: `examples/neutral_publish.rs`.
    pub fn all_published(&self) -> bool {
        self.targets
            .values()
            .all(|t| matches!(t, TargetOutcome::Published { .. }))
    }
}

/// Where a post is in its life.
///
/// Example: [`PostState`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Phase {
    /// Saved, not to be published.
    Draft,
    /// Waiting for its time.
    Scheduled,
    /// Being published; some targets may be decided.
    Publishing,
    /// Every target is decided (published or failed).
    Done,
    /// Stopped before every target published.
    Cancelled,
}

/// A provider's own post record.
///
/// Example: [`PostState`].
#[derive(Debug, Clone)]
#[non_exhaustive]
pub enum ProviderPost {
    /// A bundle.social post.
    #[cfg(feature = "bundle-social")]
    BundleSocial(Box<crate::bundle_social::types::Post>),
    /// A Postbreeze post.
    #[cfg(feature = "postbreeze")]
    Postbreeze(Box<crate::postbreeze::types::Post>),
    /// Hooked's schedules, one per account.
    #[cfg(feature = "hooked")]
    Hooked(Vec<crate::hooked::types::ScheduledPost>),
}
