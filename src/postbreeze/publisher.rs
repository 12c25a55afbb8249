//! Postbreeze behind the provider-neutral [`Publisher`]: an account
//! reference is the social account id; media bytes go through a signed
//! upload and URLs are imported, both into the workspace of the first
//! target account; `Draft::provider_options` merges into the whole
//! `PostInput` (per-account `platformOptions`, `timezone`...).

use futures_util::future::BoxFuture;
use serde_json::{json, Value};

use super::types::{self, PostStatus};
use super::{params, Client, UploadError};
use crate::publisher::{
    with_options, Account, AccountRef, Capability, Draft, Media, Phase, PostRef, PostState,
    ProviderAccount, ProviderKind, ProviderPost, Publisher, PublisherError, When,
};

const KIND: ProviderKind = ProviderKind::Postbreeze;

fn api<E: std::fmt::Debug + Send + Sync + 'static>(error: crate::Error<E>) -> PublisherError {
    PublisherError::api(KIND, error)
}

fn upload_failed(error: UploadError) -> PublisherError {
    match error {
        UploadError::Api(error) => api(error),
        other => PublisherError::Api {
            provider: KIND,
            status: match &other {
                UploadError::Storage { status } => Some(*status),
                _ => None,
            },
            retryable: matches!(&other, UploadError::Storage { status } if *status >= 500)
                || matches!(&other, UploadError::Transport(_)),
            source: Box::new(other),
        },
    }
}

impl Client {
    /// The `PostInput` [`Publisher::submit`] sends for `draft` (its media
    /// uploaded or imported first, `provider_options` merged in): the typed
    /// escape hatch for setting what the neutral draft cannot say before
    /// sending it with [`Client::create_post`] or [`Client::publish`].
    ///
    /// # Errors
    /// As [`Publisher::submit`].
    ///
    /// Example: `tests/publisher.rs`.
    pub async fn post_input(&self, draft: &Draft) -> Result<types::PostInput, PublisherError> {
        if draft.targets.is_empty() {
            return Err(PublisherError::invalid(
                KIND,
                "the draft has no target account",
            ));
        }
        let placeholders: Vec<String> = draft.media.iter().map(|_| String::new()).collect();
        input(draft, &placeholders)?;
        let mut workspace = None;
        let mut media_ids = Vec::with_capacity(draft.media.len());
        for media in &draft.media {
            if let Media::Id(id) = media {
                media_ids.push(id.clone());
                continue;
            }
            if workspace.is_none() {
                let first = draft.targets[0].as_str();
                let account = self
                    .get_social_account(first)
                    .await
                    .map_err(api)?
                    .into_inner();
                workspace = Some(account.workspace_id);
            }
            let workspace = workspace.as_deref().unwrap_or_default();
            let asset = match media {
                Media::Bytes {
                    bytes,
                    file_name,
                    content_type,
                } => self
                    .upload_media(workspace, file_name, content_type, bytes.clone())
                    .await
                    .map_err(upload_failed)?,
                Media::Url(url) => self
                    .import_media_from_url(
                        &types::ImportMediaFromUrlBody::new(url.clone()),
                        params::ImportMediaFromUrlParams::new(workspace),
                    )
                    .await
                    .map_err(api)?
                    .into_inner(),
                Media::Id(_) => unreachable!("taken above"),
            };
            media_ids.push(asset.id);
        }
        input(draft, &media_ids)
    }
}

/// The post: one platform entry per target account, the text as the
/// caption, the media by id; no `scheduledFor` makes a draft.
fn input(draft: &Draft, media_ids: &[String]) -> Result<types::PostInput, PublisherError> {
    let platforms: Vec<Value> = draft
        .targets
        .iter()
        .map(|account| json!({"accountId": account.as_str()}))
        .collect();
    let mut body = json!({"content": draft.text, "platforms": platforms});
    if !media_ids.is_empty() {
        body["mediaIds"] = json!(media_ids);
    }
    match draft.when {
        When::Now => body["scheduledFor"] = json!(chrono::Utc::now()),
        When::At(at) => body["scheduledFor"] = json!(at),
        When::Draft => {}
    }
    with_options(KIND, draft, body)
}

fn state(post: types::Post) -> PostState {
    let phase = match post.status {
        PostStatus::Draft | PostStatus::NeedsApproval => Phase::Draft,
        PostStatus::Scheduled => Phase::Scheduled,
        PostStatus::Publishing | PostStatus::Unknown(_) => Phase::Publishing,
        PostStatus::PartiallyPublished | PostStatus::Published | PostStatus::Failed => Phase::Done,
        PostStatus::Canceled => Phase::Cancelled,
    };
    let report = super::publish::report(post);
    PostState {
        reference: PostRef::new(report.post.id.clone()),
        phase,
        scheduled_for: report.post.scheduled_at,
        targets: report
            .targets
            .into_iter()
            .map(|(account, outcome)| (AccountRef::new(account), outcome))
            .collect(),
        record: ProviderPost::Postbreeze(Box::new(report.post)),
    }
}

fn account(account: types::SocialAccount) -> Account {
    Account {
        reference: AccountRef::new(account.id.clone()),
        record: ProviderAccount::Postbreeze(Box::new(account)),
    }
}

impl Publisher for Client {
    fn provider(&self) -> ProviderKind {
        KIND
    }

    fn supports(&self, _capability: Capability) -> bool {
        true
    }

    fn accounts(&self) -> BoxFuture<'_, Result<Vec<Account>, PublisherError>> {
        Box::pin(async move {
            let listed = self
                .list_social_accounts(params::ListSocialAccountsParams::new())
                .await
                .map_err(api)?
                .into_inner();
            Ok(listed.into_iter().map(account).collect())
        })
    }

    fn account<'a>(
        &'a self,
        reference: &'a AccountRef,
    ) -> BoxFuture<'a, Result<Account, PublisherError>> {
        Box::pin(async move {
            let found = self
                .get_social_account(reference.as_str())
                .await
                .map_err(api)?
                .into_inner();
            Ok(account(found))
        })
    }

    fn submit<'a>(&'a self, draft: &'a Draft) -> BoxFuture<'a, Result<PostRef, PublisherError>> {
        Box::pin(async move {
            let input = self.post_input(draft).await?;
            let created = self.create_post(&input).await.map_err(api)?.into_inner();
            Ok(PostRef::new(created.id))
        })
    }

    fn post<'a>(&'a self, post: &'a PostRef) -> BoxFuture<'a, Result<PostState, PublisherError>> {
        Box::pin(async move {
            let read = self
                .get_post(post.as_str())
                .await
                .map_err(api)?
                .into_inner();
            Ok(state(read))
        })
    }

    fn cancel<'a>(&'a self, post: &'a PostRef) -> BoxFuture<'a, Result<(), PublisherError>> {
        Box::pin(async move {
            self.cancel_post(post.as_str()).await.map_err(api)?;
            Ok(())
        })
    }

    fn delete<'a>(&'a self, post: &'a PostRef) -> BoxFuture<'a, Result<(), PublisherError>> {
        Box::pin(async move {
            self.delete_post(post.as_str()).await.map_err(api)?;
            Ok(())
        })
    }
}
