//! Hooked behind the provider-neutral [`Publisher`], for what its API
//! allows: a rendered video (by its id, `Media::Id`) scheduled to
//! integrations (an account reference is the integration id), one schedule
//! per account, the draft's text as the video's description and its title
//! as the title. Hooked documents no integration list, no media upload and
//! no draft schedule: those are `Unsupported`. `Draft::provider_options`
//! merges into each schedule's body (`platformData.tags`, `privacyStatus`...).

use futures_util::future::BoxFuture;
use serde_json::json;

use super::types::{self, ScheduleStatus};
use super::Client;
use crate::publisher::{
    unsupported, with_options, Account, AccountRef, Capability, Draft, Media, Phase, PostRef,
    PostState, ProviderAccount, ProviderKind, ProviderPost, Publisher, PublisherError, When,
};

const KIND: ProviderKind = ProviderKind::Hooked;

fn api<E: std::fmt::Debug + Send + Sync + 'static>(error: crate::Error<E>) -> PublisherError {
    PublisherError::api(KIND, error)
}

impl Client {
    /// The schedule bodies (one per target account) [`Publisher::submit`]
    /// sends for `draft`, `provider_options` merged in: the typed escape
    /// hatch before sending them with [`Client::schedule_video`].
    ///
    /// # Errors
    /// `Unsupported` for media given as bytes or a URL, no media, or a
    /// draft; `Invalid` for more than one video or no target.
    ///
    /// Example: `tests/publisher.rs`.
    pub fn schedule_bodies(
        &self,
        draft: &Draft,
    ) -> Result<Vec<types::ScheduleVideoBody>, PublisherError> {
        let video = match draft.media.as_slice() {
            [] => return Err(unsupported(KIND, Capability::TextOnly)),
            [Media::Id(video)] => video,
            [Media::Bytes { .. }, ..] => return Err(unsupported(KIND, Capability::MediaBytes)),
            [Media::Url(_), ..] => return Err(unsupported(KIND, Capability::MediaUrl)),
            [..] => {
                return Err(PublisherError::invalid(
                    KIND,
                    format!(
                        "a Hooked post is one rendered video, and the draft has {} media",
                        draft.media.len()
                    ),
                ))
            }
        };
        let at = match draft.when {
            When::Now => chrono::Utc::now(),
            When::At(at) => at,
            When::Draft => return Err(unsupported(KIND, Capability::Draft)),
        };
        if draft.targets.is_empty() {
            return Err(PublisherError::invalid(
                KIND,
                "the draft has no target account",
            ));
        }
        let mut platform_data = json!({"description": draft.text});
        if let Some(title) = &draft.title {
            platform_data["title"] = json!(title);
        }
        draft
            .targets
            .iter()
            .map(|integration| {
                let body = json!({
                    "integrationId": integration.as_str(),
                    "videoId": video,
                    "scheduledDateTime": at,
                    "platformData": platform_data,
                });
                with_options(KIND, draft, body)
            })
            .collect()
    }
}

fn state(reference: &PostRef, schedules: Vec<types::ScheduledPost>) -> PostState {
    let scheduled_for = schedules.iter().find_map(|s| s.scheduled_date_time);
    let draft = schedules.iter().any(|s| s.status == ScheduleStatus::Draft);
    let report = super::publish::report(schedules);
    let phase = if report.pending() == 0 {
        Phase::Done
    } else if draft {
        Phase::Draft
    } else {
        Phase::Scheduled
    };
    PostState {
        reference: reference.clone(),
        phase,
        scheduled_for,
        targets: report
            .targets
            .into_iter()
            .map(|(integration, outcome)| (AccountRef::new(integration), outcome))
            .collect(),
        record: ProviderPost::Hooked(report.post),
    }
}

impl Publisher for Client {
    fn provider(&self) -> ProviderKind {
        KIND
    }

    fn supports(&self, capability: Capability) -> bool {
        !matches!(
            capability,
            Capability::ListAccounts
                | Capability::MediaBytes
                | Capability::MediaUrl
                | Capability::TextOnly
                | Capability::Draft
        )
    }

    fn accounts(&self) -> BoxFuture<'_, Result<Vec<Account>, PublisherError>> {
        Box::pin(async { Err(unsupported(KIND, Capability::ListAccounts)) })
    }

    fn account<'a>(
        &'a self,
        reference: &'a AccountRef,
    ) -> BoxFuture<'a, Result<Account, PublisherError>> {
        Box::pin(async move {
            let found = self
                .get_integration(reference.as_str())
                .await
                .map_err(api)?
                .into_inner()
                .data;
            Ok(Account {
                reference: AccountRef::new(found.id.clone()),
                record: ProviderAccount::Hooked(Box::new(found)),
            })
        })
    }

    /// Schedules to each account in order; when one fails, the schedules
    /// made before it stay and the error is returned.
    fn submit<'a>(&'a self, draft: &'a Draft) -> BoxFuture<'a, Result<PostRef, PublisherError>> {
        Box::pin(async move {
            let mut ids = Vec::with_capacity(draft.targets.len());
            for body in self.schedule_bodies(draft)? {
                let created = self.schedule_video(&body).await.map_err(api)?.into_inner();
                ids.push(created.data.schedule_id);
            }
            Ok(PostRef::new(ids.join(",")))
        })
    }

    fn post<'a>(&'a self, post: &'a PostRef) -> BoxFuture<'a, Result<PostState, PublisherError>> {
        Box::pin(async move {
            let mut schedules = Vec::new();
            for id in post.ids() {
                schedules.push(self.get_schedule(id).await.map_err(api)?.into_inner().data);
            }
            Ok(state(post, schedules))
        })
    }

    fn cancel<'a>(&'a self, post: &'a PostRef) -> BoxFuture<'a, Result<(), PublisherError>> {
        Box::pin(async move {
            for id in post.ids() {
                self.cancel_schedule(id).await.map_err(api)?;
            }
            Ok(())
        })
    }

    /// Hooked's one removal call: the schedules are deleted (a video
    /// already published stays on its platform).
    fn delete<'a>(&'a self, post: &'a PostRef) -> BoxFuture<'a, Result<(), PublisherError>> {
        self.cancel(post)
    }
}
