//! bundle.social behind the provider-neutral [`Publisher`]: a post names
//! its team and platforms (a team has one account per platform), so an
//! account reference is `<team id>/<PLATFORM>` and one post's targets share
//! a team. Media is uploaded (bytes) or imported (URL) into the team's
//! library first; each platform's `data` entry gets the text and the upload
//! ids, and `Draft::provider_options` merges into the whole body (a
//! Pinterest `boardName`, a Reddit `sr`...).

use futures_util::future::BoxFuture;
use futures_util::TryStreamExt;
use serde_json::{json, Value};

use super::types::{self, DraftOrScheduled, Platform, PostStatus};
use super::{params, Client};
use crate::publisher::{
    with_options, Account, AccountRef, Capability, Draft, Media, Phase, PostRef, PostState,
    ProviderAccount, ProviderKind, ProviderPost, Publisher, PublisherError, When,
};
use crate::FilePart;

const KIND: ProviderKind = ProviderKind::BundleSocial;

fn api<E: std::fmt::Debug + Send + Sync + 'static>(error: crate::Error<E>) -> PublisherError {
    PublisherError::api(KIND, error)
}

impl Client {
    /// The request body [`Publisher::submit`] sends for `draft` (its media
    /// uploaded or imported first, `provider_options` merged in): the
    /// typed escape hatch for changing what the neutral draft cannot say
    /// before sending it with [`Client::post_create`] or [`Client::publish`].
    ///
    /// # Errors
    /// As [`Publisher::submit`].
    ///
    /// Example: `tests/publisher.rs`.
    pub async fn post_body(&self, draft: &Draft) -> Result<types::PostCreateBody, PublisherError> {
        let (team, platforms) = targets(draft)?;
        // Checked once before any upload, so that a body the API would
        // refuse uploads nothing.
        let placeholders: Vec<String> = draft.media.iter().map(|_| String::new()).collect();
        body(draft, &team, &platforms, &placeholders)?;
        let mut upload_ids = Vec::with_capacity(draft.media.len());
        for media in &draft.media {
            upload_ids.push(self.upload(&team, media).await?);
        }
        body(draft, &team, &platforms, &upload_ids)
    }

    async fn upload(&self, team: &str, media: &Media) -> Result<String, PublisherError> {
        let uploaded = match media {
            Media::Id(id) => return Ok(id.clone()),
            Media::Bytes {
                bytes,
                file_name,
                content_type,
            } => {
                let file =
                    FilePart::new(bytes.clone(), file_name.clone()).mime(content_type.clone());
                self.upload_create(file, params::UploadCreateParams::new().team_id(team))
                    .await
            }
            Media::Url(url) => {
                let body = types::UploadCreateFromUrlBody {
                    team_id: Some(team.to_string()),
                    url: url.clone(),
                };
                self.upload_create_from_url(&body).await
            }
        };
        Ok(uploaded.map_err(api)?.into_inner().id)
    }
}

/// The team and platforms the draft's targets name.
fn targets(draft: &Draft) -> Result<(String, Vec<Platform>), PublisherError> {
    let mut team: Option<&str> = None;
    let mut platforms = Vec::new();
    for target in &draft.targets {
        let (this_team, platform) = parse(target)?;
        match team {
            Some(team) if team != this_team => {
                return Err(PublisherError::invalid(
                    KIND,
                    format!("a post goes to one team, and the targets name {team} and {this_team}; submit one draft per team"),
                ))
            }
            _ => team = Some(this_team),
        }
        if !platforms.contains(&platform) {
            platforms.push(platform);
        }
    }
    let team =
        team.ok_or_else(|| PublisherError::invalid(KIND, "the draft has no target account"))?;
    Ok((team.to_string(), platforms))
}

/// `team_1/TIKTOK` -> (`team_1`, TikTok).
fn parse(account: &AccountRef) -> Result<(&str, Platform), PublisherError> {
    let wrong = || {
        PublisherError::invalid(
            KIND,
            format!("account reference {account:?} is not `<team id>/<PLATFORM>`"),
        )
    };
    let (team, platform) = account.as_str().rsplit_once('/').ok_or_else(wrong)?;
    let platform: Platform =
        serde_json::from_value(Value::String(platform.to_string())).map_err(|_| wrong())?;
    if team.is_empty() || matches!(platform, Platform::Unknown(_)) {
        return Err(wrong());
    }
    Ok((team, platform))
}

fn reference(team: &str, platform: &Platform) -> AccountRef {
    AccountRef::new(format!("{team}/{platform}"))
}

/// The post body: each platform's entry holds the text and the uploads.
fn body(
    draft: &Draft,
    team: &str,
    platforms: &[Platform],
    upload_ids: &[String],
) -> Result<types::PostCreateBody, PublisherError> {
    let (post_date, status) = match draft.when {
        When::Now => (chrono::Utc::now(), DraftOrScheduled::Scheduled),
        When::At(at) => (at, DraftOrScheduled::Scheduled),
        When::Draft => (chrono::Utc::now(), DraftOrScheduled::Draft),
    };
    let mut data = serde_json::Map::new();
    for platform in platforms {
        let mut entry = json!({"text": draft.text});
        if !upload_ids.is_empty() {
            entry["uploadIds"] = json!(upload_ids);
        }
        data.insert(platform.to_string(), entry);
    }
    // The title names the post in bundle.social's own calendar.
    let title = draft
        .title
        .clone()
        .unwrap_or_else(|| draft.text.chars().take(60).collect());
    let body = json!({
        "teamId": team,
        "title": title,
        "postDate": post_date,
        "status": status,
        "socialAccountTypes": platforms,
        "data": data,
    });
    with_options(KIND, draft, body)
}

fn state(post: types::Post) -> PostState {
    let phase = match post.status {
        PostStatus::Draft => Phase::Draft,
        PostStatus::Scheduled | PostStatus::Review => Phase::Scheduled,
        PostStatus::Posted | PostStatus::Error => Phase::Done,
        PostStatus::Deleted => Phase::Cancelled,
        PostStatus::Processing | PostStatus::Retrying | PostStatus::Unknown(_) => Phase::Publishing,
    };
    let report = super::publish::report(post);
    let post = report.post;
    PostState {
        reference: PostRef::new(post.id.clone()),
        phase,
        scheduled_for: post.post_date,
        targets: report
            .targets
            .into_iter()
            .map(|(platform, outcome)| (reference(&post.team_id, &platform), outcome))
            .collect(),
        record: ProviderPost::BundleSocial(Box::new(post)),
    }
}

fn account(team: &str, account: types::SocialAccount) -> Account {
    Account {
        reference: reference(team, &account.type_),
        record: ProviderAccount::BundleSocial(Box::new(account)),
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
            let teams: Vec<types::Team> = self
                .team_get_list_stream(params::TeamGetListParams::new())
                .try_collect()
                .await
                .map_err(api)?;
            Ok(teams
                .into_iter()
                .flat_map(|team| {
                    let id = team.id;
                    team.social_accounts
                        .into_iter()
                        .map(move |a| account(&id, a))
                })
                .collect())
        })
    }

    fn account<'a>(
        &'a self,
        reference: &'a AccountRef,
    ) -> BoxFuture<'a, Result<Account, PublisherError>> {
        Box::pin(async move {
            let (team, platform) = parse(reference)?;
            let found = self
                .social_account_get_by_type(params::SocialAccountGetByTypeParams::new(
                    platform, team,
                ))
                .await
                .map_err(api)?
                .into_inner();
            Ok(account(team, found))
        })
    }

    fn submit<'a>(&'a self, draft: &'a Draft) -> BoxFuture<'a, Result<PostRef, PublisherError>> {
        Box::pin(async move {
            let body = self.post_body(draft).await?;
            let created = self.post_create(&body).await.map_err(api)?.into_inner();
            Ok(PostRef::new(created.id))
        })
    }

    fn post<'a>(&'a self, post: &'a PostRef) -> BoxFuture<'a, Result<PostState, PublisherError>> {
        Box::pin(async move {
            let read = self
                .post_get(post.as_str())
                .await
                .map_err(api)?
                .into_inner();
            Ok(state(read))
        })
    }

    /// bundle.social has no cancel call: the post becomes a draft again,
    /// which is never published.
    fn cancel<'a>(&'a self, post: &'a PostRef) -> BoxFuture<'a, Result<(), PublisherError>> {
        Box::pin(async move {
            let body = types::PostUpdateBody {
                status: Some(DraftOrScheduled::Draft),
                ..Default::default()
            };
            self.post_update(post.as_str(), &body).await.map_err(api)?;
            Ok(())
        })
    }

    fn delete<'a>(&'a self, post: &'a PostRef) -> BoxFuture<'a, Result<(), PublisherError>> {
        Box::pin(async move {
            self.post_delete(post.as_str()).await.map_err(api)?;
            Ok(())
        })
    }
}
