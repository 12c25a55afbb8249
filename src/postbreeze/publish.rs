//! Publishing with media on Postbreeze: upload a file through a signed
//! address, create a post for several accounts, and wait until every
//! target (one per account) has published or failed.

use std::collections::BTreeMap;
use std::time::Duration;

use super::types::{self, ApiError, PostStatus};
use super::{Client, Error};
use crate::publishing::{PublishWait, TargetOutcome};

/// A Postbreeze post and the outcome for each account (keyed by social
/// account id) it targets.
///
/// Example: `examples/postbreeze_publish.rs`.
pub type PublishReport = crate::publishing::PublishReport<types::Post, String>;
/// Why [`Client::publish`] or [`Client::wait_until_published`] ended
/// without every outcome.
///
/// Example: `examples/postbreeze_publish.rs`.
pub type PublishError = crate::publishing::PublishError<ApiError, types::Post, String>;

/// How long the PUT of a file to its signed address may take.
const UPLOAD_TIMEOUT: Duration = Duration::from_secs(300);

// `Api` is as large as every generated method's error (the answer's headers
// and body inline, as progenitor has it); boxing it here alone would make
// `?` from a method's error need a conversion for no gain.
/// Why [`Client::upload_media`] failed.
///
/// Example: `examples/postbreeze_publish.rs`.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
#[allow(clippy::large_enum_variant)]
pub enum UploadError {
    /// Asking for the signed address failed.
    #[error(transparent)]
    Api(#[from] Error<ApiError>),
    /// The storage behind the signed address refused the file (an expired
    /// address, a Content-Type other than the one signed...).
    #[error("the signed upload address answered {status}")]
    Storage {
        /// The storage's HTTP status.
        status: u16,
    },
    /// The file could not be sent to the signed address.
    #[error("sending the file to the signed upload address failed")]
    Transport(#[source] reqwest::Error),
    /// The provider's answer named headers that cannot be sent.
    #[error("the signed upload headers are unusable: {0}")]
    Headers(String),
}

impl Client {
    /// Uploads a file into the media library: asks for a signed address
    /// (`presign_media`), PUTs the bytes there with the headers it names,
    /// and returns the library entry to attach to posts by id.
    ///
    /// The PUT goes to the storage provider, not to Postbreeze, so it is
    /// sent by a separate HTTP client that holds no API key: the key never
    /// leaves for the storage's origin.
    ///
    /// # Errors
    /// [`UploadError`] says which step failed.
    ///
    /// Example: `examples/postbreeze_publish.rs`.
    pub async fn upload_media(
        &self,
        workspace_id: &str,
        filename: &str,
        content_type: &str,
        bytes: impl Into<reqwest::Body>,
    ) -> Result<types::MediaAsset, UploadError> {
        let body = types::PresignMediaBody::new(content_type, filename);
        let signed = self
            .presign_media(&body, super::params::PresignMediaParams::new(workspace_id))
            .await?
            .into_inner();
        let mut headers = reqwest::header::HeaderMap::new();
        for (name, value) in &signed.headers {
            let name = reqwest::header::HeaderName::from_bytes(name.as_bytes())
                .map_err(|e| UploadError::Headers(format!("{name:?}: {e}")))?;
            let value = reqwest::header::HeaderValue::from_str(value)
                .map_err(|e| UploadError::Headers(format!("{name}: {e}")))?;
            headers.insert(name, value);
        }
        if !headers.contains_key(reqwest::header::CONTENT_TYPE) {
            let value = reqwest::header::HeaderValue::from_str(content_type)
                .map_err(|e| UploadError::Headers(format!("content-type: {e}")))?;
            headers.insert(reqwest::header::CONTENT_TYPE, value);
        }
        // A client of its own: the API client's default headers carry the
        // key, which must never reach the storage origin. One per upload,
        // not a shared static: pooled connections belong to the tokio
        // runtime that opened them, and a process may run several; the
        // upload is one large request, so a pool would save one handshake.
        let storage = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .timeout(UPLOAD_TIMEOUT)
            .build()
            .map_err(UploadError::Transport)?;
        let answer = storage
            .put(&signed.upload_url)
            .headers(headers)
            .body(bytes)
            .send()
            .await
            .map_err(UploadError::Transport)?;
        if !answer.status().is_success() {
            return Err(UploadError::Storage {
                status: answer.status().as_u16(),
            });
        }
        Ok(signed.media_asset)
    }

    /// Creates the post and waits until every account in it has published
    /// it or failed. Drop the future to stop waiting; the post stays.
    ///
    /// A draft (no `scheduled_for`) or a post scheduled later is not
    /// published during the wait; it ends with `StillPending`. A whole run
    /// (upload, a post for two accounts, the outcomes) is in
    /// `examples/postbreeze_publish.rs`.
    ///
    /// # Errors
    /// `PublishError::Api` when creating or reading the post fails;
    /// `PublishError::StillPending` past `wait.max_wait`.
    pub async fn publish(
        &self,
        body: &types::PostInput,
        wait: PublishWait,
    ) -> Result<PublishReport, PublishError> {
        let created = self.create_post(body).await?.into_inner();
        self.wait_until_published(&created.id, wait).await
    }

    /// Reads post `post_id` every `wait.poll_every` until each account it
    /// targets has published it or failed.
    ///
    /// # Errors
    /// As [`Client::publish`].
    ///
    /// Example: `examples/postbreeze_publish.rs`.
    pub async fn wait_until_published(
        &self,
        post_id: &str,
        wait: PublishWait,
    ) -> Result<PublishReport, PublishError> {
        crate::publishing::until_decided(
            wait,
            || async { Ok(self.get_post(post_id).await?.into_inner()) },
            report,
        )
        .await
    }
}

/// Each target's outcome: its own error or publication first, then its own
/// status, then the post's when that is final.
pub(super) fn report(post: types::Post) -> PublishReport {
    let mut targets = BTreeMap::new();
    for target in &post.targets {
        let error = target
            .error_message
            .as_deref()
            .or(target.error_code.as_deref())
            .filter(|e| !e.is_empty());
        let published = target.published_at.is_some() || target.external_url.is_some();
        let own = target.status.as_deref().unwrap_or_default();
        let outcome = match (error, published, own, &post.status) {
            (Some(error), _, _, _) => TargetOutcome::Failed {
                error: error.to_string(),
            },
            (None, true, _, _) | (None, false, "PUBLISHED", _) => TargetOutcome::Published {
                permalink: target.external_url.clone(),
            },
            (None, false, "FAILED" | "CANCELED", _) => TargetOutcome::Failed {
                error: format!("the target ended as {own}"),
            },
            (None, false, _, PostStatus::Published) => TargetOutcome::Published { permalink: None },
            (None, false, _, PostStatus::Failed | PostStatus::Canceled) => TargetOutcome::Failed {
                error: format!("the post ended as {}", post.status),
            },
            _ => TargetOutcome::Pending,
        };
        targets.insert(target.social_account_id.clone(), outcome);
    }
    PublishReport { post, targets }
}
