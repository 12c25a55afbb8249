//! Hooked's video webhook: when a video given a `webhook` address finishes,
//! Hooked posts `project.completed` (with the video) or `project.failed`
//! (with a reason) there, retrying after 1, 5 and 15 minutes until it gets
//! a 200.
//!
//! Hooked documents no signature for these deliveries, so anyone who knows
//! the address can post to it: put a secret of your own in the address
//! (a long random path segment or query value) and compare it before
//! decoding, and treat the event as a hint to read the video with
//! `hooked::Client::get_video` rather than as proof.

use serde::Deserialize;

use crate::webhooks::WebhookError;

/// The rendered video a `project.completed` delivery carries.
///
/// Example: [`ProjectEvent::from_body`].
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct RenderedVideo {
    /// The video's id (for `hooked::Client::get_video`).
    #[serde(default)]
    pub id: Option<String>,
    /// Where to download it; the address expires after 7 days.
    pub url: String,
    /// Length in seconds.
    #[serde(default)]
    pub duration: Option<f64>,
    /// A still image of it.
    #[serde(default)]
    pub thumbnail: Option<String>,
    /// Such as `9:16`.
    #[serde(default)]
    pub aspect_ratio: Option<String>,
    /// Such as `1080x1920`.
    #[serde(default)]
    pub resolution: Option<String>,
}

/// One delivery of Hooked's video webhook.
///
/// Example: [`ProjectEvent::from_body`].
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum ProjectEvent {
    /// `project.completed`: the video rendered.
    Completed {
        /// The project the video belongs to.
        project_id: String,
        /// The rendered video.
        video: RenderedVideo,
        /// When it finished (RFC 3339), when given.
        completed_at: Option<String>,
    },
    /// `project.failed`: rendering failed.
    Failed {
        /// The project the video belongs to.
        project_id: String,
        /// Why, when given.
        message: Option<String>,
    },
    /// An event this crate does not know, kept whole so that a new event
    /// type does not make deliveries undecodable.
    Unknown {
        /// The `event` field.
        event: String,
        /// The whole body.
        body: serde_json::Value,
    },
}

/// The fields every delivery has, and those of the two events.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Envelope {
    event: String,
    #[serde(default)]
    project_id: Option<String>,
    #[serde(default)]
    video: Option<serde_json::Value>,
    #[serde(default)]
    message: Option<String>,
    #[serde(default)]
    completed_at: Option<String>,
}

impl ProjectEvent {
    /// Decodes a delivery's body.
    ///
    /// ```
    /// use social_clients::webhooks::hooked::ProjectEvent;
    ///
    /// let body = br#"{"event":"project.completed","projectId":"proj_1","status":"completed",
    ///     "video":{"id":"vid_1","url":"https://cdn.example/v.mp4","duration":45}}"#;
    /// let ProjectEvent::Completed { project_id, video, .. } = ProjectEvent::from_body(body)? else {
    ///     panic!("not a completed event");
    /// };
    /// assert_eq!((project_id.as_str(), video.url.as_str()), ("proj_1", "https://cdn.example/v.mp4"));
    /// # Ok::<(), social_clients::webhooks::WebhookError>(())
    /// ```
    ///
    /// # Errors
    /// [`WebhookError::Payload`] naming the event and the field when the
    /// body is not a delivery, or a known event lacks what it must carry.
    pub fn from_body(body: &[u8]) -> Result<ProjectEvent, WebhookError> {
        let value: serde_json::Value =
            serde_json::from_slice(body).map_err(|e| WebhookError::Payload {
                event: None,
                message: e.to_string(),
            })?;
        let envelope = Envelope::deserialize(&value).map_err(|e| WebhookError::Payload {
            event: None,
            message: e.to_string(),
        })?;
        let missing = |field: &str| WebhookError::Payload {
            event: Some(envelope.event.clone()),
            message: format!("`{field}` is missing"),
        };
        match envelope.event.as_str() {
            "project.completed" => {
                let project_id = envelope
                    .project_id
                    .clone()
                    .ok_or_else(|| missing("projectId"))?;
                let video = envelope.video.as_ref().ok_or_else(|| missing("video"))?;
                let video =
                    RenderedVideo::deserialize(video).map_err(|e| WebhookError::Payload {
                        event: Some(envelope.event.clone()),
                        message: format!("`video`: {e}"),
                    })?;
                Ok(ProjectEvent::Completed {
                    project_id,
                    video,
                    completed_at: envelope.completed_at,
                })
            }
            "project.failed" => Ok(ProjectEvent::Failed {
                project_id: envelope
                    .project_id
                    .clone()
                    .ok_or_else(|| missing("projectId"))?,
                message: envelope.message,
            }),
            _ => Ok(ProjectEvent::Unknown {
                event: envelope.event,
                body: value,
            }),
        }
    }
}
