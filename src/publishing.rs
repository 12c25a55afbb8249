//! Publishing and waiting, for every provider that publishes in the
//! background: a post is created at once, and each account (target) it
//! goes to publishes or fails later. The providers' `publish` and
//! `wait_until_published` methods read the post until every target has an
//! outcome, within a bounded wait (retries of a read included); dropping the
//! future stops waiting.

// Gipper publishes nothing itself; its neutral publisher uses the types only.
#![cfg_attr(
    not(any(feature = "bundle-social", feature = "postbreeze", feature = "hooked")),
    allow(dead_code)
)]

use std::collections::BTreeMap;
use std::future::Future;
use std::ops::ControlFlow;
use std::time::{Duration, Instant};

use crate::Error;

use crate::hooks::with_deadline;

/// How `publish` and `wait_until_published` wait.
///
/// Example: `examples/publish.rs` (bundle.social), `examples/postbreeze_publish.rs`, `examples/hooked_publish.rs`.
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

/// How one target of a post ended.
///
/// Example: `examples/publish.rs` (bundle.social), `examples/postbreeze_publish.rs`, `examples/hooked_publish.rs`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TargetOutcome {
    /// The platform has the post; its address there when the provider
    /// reports one.
    Published {
        /// The post's address on the platform.
        permalink: Option<String>,
    },
    /// The platform refused it or publishing failed; the provider's reason.
    Failed {
        /// The provider's reason.
        error: String,
    },
    /// Not decided yet (only in [`PublishError::StillPending`]).
    Pending,
}

/// A post and the outcome of each of its targets, keyed by what names a
/// target for the provider (a platform, an account id).
///
/// Example: `examples/publish.rs` (bundle.social), `examples/postbreeze_publish.rs`, `examples/hooked_publish.rs`.
#[derive(Debug, Clone)]
pub struct PublishReport<P, K> {
    /// The post as last read.
    pub post: P,
    /// One outcome per target.
    pub targets: BTreeMap<K, TargetOutcome>,
}

impl<P, K> PublishReport<P, K> {
    /// Whether every target published.
    ///
    /// Example: `examples/publish.rs` (bundle.social), `examples/postbreeze_publish.rs`, `examples/hooked_publish.rs`.
    pub fn all_published(&self) -> bool {
        self.targets
            .values()
            .all(|t| matches!(t, TargetOutcome::Published { .. }))
    }

    /// How many targets are undecided.
    ///
    /// Example: `examples/publish.rs` (bundle.social), `examples/postbreeze_publish.rs`, `examples/hooked_publish.rs`.
    pub fn pending(&self) -> usize {
        self.targets
            .values()
            .filter(|t| **t == TargetOutcome::Pending)
            .count()
    }
}

/// Why publishing or waiting ended without every outcome.
///
/// Example: `examples/publish.rs` (bundle.social), `examples/postbreeze_publish.rs`, `examples/hooked_publish.rs`.
#[derive(Debug, thiserror::Error)]
pub enum PublishError<E: std::fmt::Debug, P: std::fmt::Debug, K: std::fmt::Debug> {
    /// Creating or reading the post failed.
    #[error(transparent)]
    Api(#[from] Error<E>),
    /// Some targets were still undecided after the maximum wait; `report`
    /// holds the post as last read, undecided targets as `Pending`.
    #[error("{} target(s) still pending after {waited:?}", report.pending())]
    StillPending {
        /// How long it waited.
        waited: Duration,
        /// The post as last read.
        report: Box<PublishReport<P, K>>,
    },
}

/// Reads the post with `read` every `wait.poll_every` until `decide` finds
/// no target pending, or the maximum wait would pass. `read` answers the
/// post itself (not the response around it) so that a post made of several
/// reads (Hooked's one schedule per account) waits the same way.
pub(crate) async fn until_decided<P, K, E, Fut>(
    wait: PublishWait,
    read: impl FnMut() -> Fut,
    decide: impl Fn(P) -> PublishReport<P, K>,
) -> Result<PublishReport<P, K>, PublishError<E, P, K>>
where
    E: std::fmt::Debug,
    P: std::fmt::Debug,
    K: std::fmt::Debug,
    Fut: Future<Output = Result<P, Error<E>>>,
{
    let settled = poll_until_decided(wait, read, decide, PublishReport::pending).await?;
    settled.map_err(|late| PublishError::StillPending {
        waited: late.waited,
        report: Box::new(late.last),
    })
}

/// [`poll_until`] until no target of what `decide` makes of a read is
/// pending (`pending` counts them): the wait of `publish` and of the
/// neutral publisher alike.
pub(crate) async fn poll_until_decided<T, U, Failure, Fut>(
    wait: PublishWait,
    read: impl FnMut() -> Fut,
    decide: impl Fn(T) -> U,
    pending: impl Fn(&U) -> usize,
) -> Result<Result<U, Late<U>>, Failure>
where
    Fut: Future<Output = Result<T, Failure>>,
{
    poll_until(wait, read, |read| {
        let decided = decide(read);
        if pending(&decided) == 0 {
            ControlFlow::Break(decided)
        } else {
            ControlFlow::Continue(decided)
        }
    })
    .await
}

/// What [`poll_until`] last saw when the maximum wait would pass.
pub(crate) struct Late<L> {
    /// How long it waited.
    pub(crate) waited: Duration,
    /// What `settle` made of the last read.
    pub(crate) last: L,
}

/// Reads with `read` every `wait.poll_every` until `settle` breaks with an
/// answer, or the next read would start past `wait.max_wait` (then
/// `Err(Late)`). A failed read ends it at once (the outer `Err`, whatever
/// error the read gives: a provider's, or the neutral publisher's).
pub(crate) async fn poll_until<T, R, L, Failure, Fut>(
    wait: PublishWait,
    mut read: impl FnMut() -> Fut,
    mut settle: impl FnMut(T) -> ControlFlow<R, L>,
) -> Result<Result<R, Late<L>>, Failure>
where
    Fut: Future<Output = Result<T, Failure>>,
{
    let started = Instant::now();
    // The client's retry policy may wait out a 429 inside `read`; the
    // deadline keeps those waits within `max_wait` too, as it does for the
    // rate-window helpers (`crate::waiting`).
    with_deadline(started + wait.max_wait, async {
        loop {
            let last = match settle(read().await?) {
                ControlFlow::Break(answer) => return Ok(Ok(answer)),
                ControlFlow::Continue(last) => last,
            };
            let waited = started.elapsed();
            if waited + wait.poll_every > wait.max_wait {
                return Ok(Err(Late { waited, last }));
            }
            tokio::time::sleep(wait.poll_every).await;
        }
    })
    .await
}
