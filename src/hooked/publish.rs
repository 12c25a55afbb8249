//! Publishing on Hooked: a video is rendered in the background, then
//! scheduled to each connected account (one schedule per account), and each
//! schedule publishes or fails at its time. [`Client::wait_until_rendered`]
//! waits for the first step, [`Client::publish`] does the rest.

use std::collections::BTreeMap;
use std::ops::ControlFlow;
use std::time::Duration;

use chrono::{DateTime, Utc};

use super::types::{self, ApiError, ScheduleStatus};
use super::{Client, Error};
use crate::publishing::{poll_until, PublishWait, TargetOutcome};

/// The scheduled posts of one publication (one per account) and the
/// outcome for each account, keyed by integration id.
///
/// Example: `examples/hooked_publish.rs`.
pub type PublishReport = crate::publishing::PublishReport<Vec<types::ScheduledPost>, String>;
/// Why [`Client::publish`] or [`Client::wait_until_published`] ended
/// without every outcome.
///
/// Example: `examples/hooked_publish.rs`.
pub type PublishError =
    crate::publishing::PublishError<ApiError, Vec<types::ScheduledPost>, String>;

/// Why [`Client::wait_until_rendered`] ended without a rendered video.
///
/// Example: `examples/hooked_publish.rs`.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum RenderError {
    /// Reading the video failed.
    #[error(transparent)]
    Api(#[from] Error<ApiError>),
    /// Rendering failed; the video says why in `message` when Hooked gives
    /// a reason.
    #[error("rendering video {} failed{}", video.id, video.message.as_deref().map(|m| format!(": {m}")).unwrap_or_default())]
    Failed {
        /// The video as last read.
        video: Box<types::Video>,
    },
    /// The video was still rendering when the maximum wait would pass.
    #[error("video {} was still rendering after {waited:?}", video.id)]
    StillRendering {
        /// How long the wait lasted.
        waited: Duration,
        /// The video as last read, with its `progress`.
        video: Box<types::Video>,
    },
}

impl Client {
    /// Reads video `video_id` every `wait.poll_every` until its rendering
    /// completed (the video, with its download `url`) or failed. Drop the
    /// future to stop waiting; rendering goes on.
    ///
    /// A webhook avoids the polling: see
    /// [`crate::webhooks::hooked::ProjectEvent`].
    ///
    /// # Errors
    /// [`RenderError`] says whether reading, rendering or the wait ended it.
    ///
    /// Example: `examples/hooked_publish.rs`.
    pub async fn wait_until_rendered(
        &self,
        video_id: &str,
        wait: PublishWait,
    ) -> Result<types::Video, RenderError> {
        let read = || async {
            Ok::<_, Error<ApiError>>(self.get_video(video_id).await?.into_inner().data)
        };
        let settled = poll_until(wait, read, |video: types::Video| {
            // Answers write statuses in upper case, filters in lower.
            if video.status.eq_ignore_ascii_case("completed") {
                ControlFlow::Break(Ok(video))
            } else if video.status.eq_ignore_ascii_case("failed") {
                ControlFlow::Break(Err(RenderError::Failed {
                    video: Box::new(video),
                }))
            } else {
                ControlFlow::Continue(video)
            }
        })
        .await?;
        match settled {
            Ok(outcome) => outcome,
            Err(late) => Err(RenderError::StillRendering {
                waited: late.waited,
                video: Box::new(late.last),
            }),
        }
    }

    /// Schedules a rendered video to every account in `integration_ids` at
    /// `at` (one schedule each, in order), then waits until each has
    /// published or failed. Drop the future to stop waiting; the schedules
    /// stay (cancel them with [`Client::cancel_schedule`]).
    ///
    /// When scheduling to one account fails, the error is returned and the
    /// schedules made before it stay: [`Client::list_schedules_stream`] lists
    /// them. A whole run (render, schedule to two accounts, outcomes) is in
    /// `examples/hooked_publish.rs`.
    ///
    /// # Errors
    /// `PublishError::Api` when scheduling or reading fails;
    /// `PublishError::StillPending` past `wait.max_wait` (a time later than
    /// the wait allows ends this way).
    pub async fn publish<I, S>(
        &self,
        video_id: &str,
        integration_ids: I,
        at: DateTime<Utc>,
        platform_data: Option<types::PlatformData>,
        wait: PublishWait,
    ) -> Result<PublishReport, PublishError>
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let mut schedule_ids = Vec::new();
        for integration_id in integration_ids {
            let body = types::ScheduleVideoBody {
                integration_id: integration_id.as_ref().to_string(),
                platform_data: platform_data.clone(),
                scheduled_date_time: at,
                video_id: video_id.to_string(),
            };
            let created = self.schedule_video(&body).await?.into_inner();
            schedule_ids.push(created.data.schedule_id);
        }
        self.wait_until_published(&schedule_ids, wait).await
    }

    /// Reads each schedule in `schedule_ids` every `wait.poll_every` until
    /// every one has published or failed.
    ///
    /// # Errors
    /// As [`Client::publish`].
    ///
    /// Example: `examples/hooked_publish.rs`.
    pub async fn wait_until_published<S: AsRef<str>>(
        &self,
        schedule_ids: &[S],
        wait: PublishWait,
    ) -> Result<PublishReport, PublishError> {
        let read = || async {
            let mut posts = Vec::with_capacity(schedule_ids.len());
            for id in schedule_ids {
                posts.push(self.get_schedule(id.as_ref()).await?.into_inner().data);
            }
            Ok(posts)
        };
        crate::publishing::until_decided(wait, read, report).await
    }
}

/// Each schedule's outcome from its status, keyed by the account it goes
/// to (its own id when the answer names no account).
pub(super) fn report(posts: Vec<types::ScheduledPost>) -> PublishReport {
    let mut targets = BTreeMap::new();
    for post in &posts {
        let outcome = match &post.status {
            ScheduleStatus::Published => TargetOutcome::Published { permalink: None },
            ScheduleStatus::Failed => TargetOutcome::Failed {
                error: format!("scheduled post {} failed", post.id),
            },
            // A status the reference does not list is more likely a step on
            // the way (the wait is bounded) than an end.
            ScheduleStatus::Pending | ScheduleStatus::Draft | ScheduleStatus::Unknown(_) => {
                TargetOutcome::Pending
            }
        };
        let account = post
            .integration
            .as_ref()
            .map_or_else(|| post.id.clone(), |integration| integration.id.clone());
        targets.insert(account, outcome);
    }
    PublishReport {
        post: posts,
        targets,
    }
}
