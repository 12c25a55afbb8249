//! Hooked's workflows over loopback: every video, scheduled post and search
//! result through several pages; a video rendered then scheduled to two
//! accounts that end one published and one failed; videos of the newer
//! types created with the body the reference documents; the video webhook
//! decoded.
#![cfg(feature = "hooked")]

use std::time::Duration;

use chrono::{TimeZone, Utc};
use futures_util::TryStreamExt;
use serde_json::{json, Value};
use social_clients::hooked::{
    params, types, Client, PublishError, PublishWait, RenderError, TargetOutcome,
};
use social_clients::webhooks::hooked::ProjectEvent;
use social_clients::webhooks::WebhookError;
use wiremock::matchers::{body_partial_json, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

fn client(server: &MockServer) -> Client {
    Client::builder("hk_test")
        .base_url(server.uri())
        .build()
        .unwrap()
}

fn quick(max_wait: Duration) -> PublishWait {
    PublishWait {
        poll_every: Duration::from_millis(20),
        max_wait,
    }
}

/// Answers `GET <at>` with `body` the next `times` requests, before any
/// answer mounted later (wiremock tries mounts of equal priority in order).
async fn answer(server: &MockServer, at: &str, times: u64, body: Value) {
    Mock::given(method("GET"))
        .and(path(at))
        .respond_with(ResponseTemplate::new(200).set_body_json(body))
        .up_to_n_times(times)
        .expect(times)
        .mount(server)
        .await;
}

/// Answers `GET <at>` with `body` from now on, once the answers mounted
/// before it are used up.
async fn settled(server: &MockServer, at: &str, body: Value) {
    Mock::given(method("GET"))
        .and(path(at))
        .respond_with(ResponseTemplate::new(200).set_body_json(body))
        .mount(server)
        .await;
}

fn videos(range: std::ops::Range<u32>) -> Vec<Value> {
    range
        .map(|i| json!({"id": format!("vid_{i}"), "status": "COMPLETED"}))
        .collect()
}

#[tokio::test]
async fn videos_lists_every_page_with_the_filters() {
    let server = MockServer::start().await;
    for (offset, items) in [("0", videos(0..100)), ("100", videos(100..150))] {
        Mock::given(method("GET"))
            .and(path("/v1/video/list"))
            .and(query_param("offset", offset))
            .and(query_param("limit", "100"))
            .and(query_param("status", "completed"))
            .and(query_param("type", "hook_demo"))
            .respond_with(ResponseTemplate::new(200).set_body_json(json!({
                "success": true,
                "data": {"videos": items, "total": 150, "limit": 100, "offset": offset.parse::<u32>().unwrap()}
            })))
            .expect(1)
            .mount(&server)
            .await;
    }
    let client = client(&server);
    let all: Vec<types::Video> = client
        .list_videos_stream(
            params::ListVideosParams::new()
                .type_(types::VideoType::HookDemo)
                .status(types::VideoStatusFilter::Completed),
        )
        .try_collect()
        .await
        .unwrap();
    assert_eq!(all.len(), 150);
    assert_eq!(
        (all[0].id.as_str(), all[149].id.as_str()),
        ("vid_0", "vid_149")
    );
}

#[tokio::test]
async fn scheduled_posts_stop_at_the_reported_total() {
    let server = MockServer::start().await;
    let posts: Vec<Value> = (0..100)
        .map(|i| json!({"id": format!("post_{i}"), "status": "pending"}))
        .collect();
    Mock::given(method("GET"))
        .and(path("/v1/schedule/list"))
        .and(query_param("offset", "0"))
        .and(query_param("platform", "youtube"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "success": true, "message": "ok",
            "data": {"scheduledPosts": posts, "total": 100, "limit": 100, "offset": 0}
        })))
        .expect(1)
        .mount(&server)
        .await;
    // Nothing is mounted for offset 100: a request there would fail the test.
    let client = client(&server);
    let all: Vec<types::ScheduledPost> = client
        .list_schedules_stream(
            params::ListSchedulesParams::new().platform(types::PublishPlatform::Youtube),
        )
        .try_collect()
        .await
        .unwrap();
    assert_eq!(all.len(), 100);
    assert!(all
        .iter()
        .all(|p| p.status == types::ScheduleStatus::Pending));
}

#[tokio::test]
async fn search_videos_end_where_the_search_says_there_are_no_more() {
    let server = MockServer::start().await;
    let search = |offset: u32, ids: std::ops::Range<u32>, has_more: bool| {
        json!({"success": true, "data": {
            "id": "srch_1", "searchTerm": "fitness", "platform": "tiktok",
            "videos": ids.map(|i| json!({"id": format!("v{i}"), "platform": "tiktok"})).collect::<Vec<_>>(),
            // The reported total lags behind: `hasMore` is what ends it.
            "pagination": {"total": 500, "limit": 100, "offset": offset, "hasMore": has_more}
        }})
    };
    for (offset, ids, more) in [(0, 0..100, true), (100, 100..200, false)] {
        Mock::given(method("GET"))
            .and(path("/v1/social/search/srch_1"))
            .and(query_param("offset", offset.to_string()))
            .respond_with(ResponseTemplate::new(200).set_body_json(search(offset, ids, more)))
            .expect(1)
            .mount(&server)
            .await;
    }
    let client = client(&server);
    let found: Vec<types::SearchVideo> = client
        .get_search_stream("srch_1", Default::default())
        .try_collect()
        .await
        .unwrap();
    assert_eq!(found.len(), 200);
}

#[tokio::test]
async fn a_video_is_waited_for_until_it_renders() {
    let server = MockServer::start().await;
    let at = "/v1/video/vid_1";
    let video = |status: &str, progress: u32| {
        json!({"success": true, "data": {"id": "vid_1", "status": status, "progress": progress,
               "url": if status == "COMPLETED" { json!("https://cdn.example/vid_1.mp4") } else { Value::Null }}})
    };
    answer(&server, at, 1, video("PROCESSING", 10)).await;
    answer(&server, at, 1, video("PROCESSING", 80)).await;
    answer(&server, at, 1, video("COMPLETED", 100)).await;
    let rendered = client(&server)
        .wait_until_rendered("vid_1", quick(Duration::from_secs(10)))
        .await
        .unwrap();
    assert_eq!(
        rendered.url.as_deref(),
        Some("https://cdn.example/vid_1.mp4")
    );
}

/// Answers `POST <at>` with `answer`, once, only when the body holds
/// `expected`.
async fn posted(server: &MockServer, at: &str, expected: Value, answer: Value) {
    Mock::given(method("POST"))
        .and(path(at))
        .and(body_partial_json(expected))
        .respond_with(ResponseTemplate::new(200).set_body_json(answer))
        .expect(1)
        .mount(server)
        .await;
}

#[tokio::test]
async fn each_video_type_is_sent_as_documented_and_its_video_waited_for() {
    let server = MockServer::start().await;
    let client = client(&server);
    posted(
        &server,
        "/v1/project/create/script-to-video",
        json!({"script": "Three tips.", "voiceId": "voice_1", "mediaType": "ai-images",
               "presetSettings": {"preset": "realistic"}, "caption": {"preset": "beast"}}),
        json!({"success": true, "data": {"videoId": "vid_s2v", "projectId": "proj_s2v", "status": "STARTED"}}),
    )
    .await;
    let script = types::CreateScriptToVideoBody {
        script: "Three tips.".into(),
        voice_id: "voice_1".into(),
        media_type: types::MediaType::AiImages,
        preset_settings: Some(types::PresetSettings {
            preset: Some("realistic".into()),
            quality: None,
        }),
        caption: Some(types::CaptionSettings {
            preset: Some("beast".into()),
            ..Default::default()
        }),
        add_stickers: None,
        aspect_ratio: None,
        audio: None,
        gameplay_settings: Default::default(),
        language: None,
        media: Vec::new(),
        metadata: Default::default(),
        music_id: None,
        name: None,
        webhook: None,
    };
    let video_id = client
        .create_script_to_video(&script)
        .await
        .unwrap()
        .into_inner()
        .data
        .video_id
        .unwrap();
    answer(
        &server,
        "/v1/video/vid_s2v",
        1,
        json!({"success": true, "data": {"id": "vid_s2v", "status": "PROCESSING"}}),
    )
    .await;
    settled(&server, "/v1/video/vid_s2v", json!({"success": true, "data": {"id": "vid_s2v", "status": "COMPLETED", "url": "https://cdn.example/s2v.mp4"}})).await;
    let rendered = client
        .wait_until_rendered(&video_id, quick(Duration::from_secs(10)))
        .await
        .unwrap();
    assert_eq!(rendered.url.as_deref(), Some("https://cdn.example/s2v.mp4"));

    // The scenes video answers with the project id at the top level.
    posted(
        &server,
        "/v1/project/create/scenes",
        json!({"scenes": [
            {"type": "picture_in_picture", "script": "Look here.", "avatarId": "av_1", "voiceId": "voice_1", "mediaId": "m_1"},
            {"type": "start_end_frame", "startFrameMediaId": "m_2", "endFrameMediaId": "m_3", "frameDuration": 5.0}
        ]}),
        json!({"success": true, "projectId": "proj_scenes", "message": "created"}),
    )
    .await;
    let scene = |kind: types::StoryboardSceneType| types::StoryboardScene {
        type_: kind,
        script: None,
        avatar_id: None,
        voice_id: None,
        media_id: None,
        start_frame_media_id: None,
        end_frame_media_id: None,
        frame_model: None,
        frame_prompt: None,
        frame_duration: None,
    };
    let scenes = types::CreateScenesVideoBody {
        scenes: vec![
            types::StoryboardScene {
                script: Some("Look here.".into()),
                avatar_id: Some("av_1".into()),
                voice_id: Some("voice_1".into()),
                media_id: Some("m_1".into()),
                ..scene(types::StoryboardSceneType::PictureInPicture)
            },
            types::StoryboardScene {
                start_frame_media_id: Some("m_2".into()),
                end_frame_media_id: Some("m_3".into()),
                frame_duration: Some(5.0),
                ..scene(types::StoryboardSceneType::StartEndFrame)
            },
        ],
        add_stickers: None,
        aspect_ratio: None,
        audio: None,
        caption: None,
        language: None,
        metadata: Default::default(),
        music_id: None,
        name: None,
        webhook: None,
    };
    let project = client
        .create_scenes_video(&scenes)
        .await
        .unwrap()
        .into_inner();
    assert_eq!(project.project_id, "proj_scenes");
}

#[tokio::test]
async fn a_failed_or_slow_render_is_a_typed_error() {
    let server = MockServer::start().await;
    answer(
        &server,
        "/v1/video/vid_bad",
        1,
        json!({"success": true, "data": {"id": "vid_bad", "status": "FAILED", "message": "script too short"}}),
    )
    .await;
    settled(
        &server,
        "/v1/video/vid_slow",
        json!({"success": true, "data": {"id": "vid_slow", "status": "PROCESSING", "progress": 5}}),
    )
    .await;
    let client = client(&server);
    let failed = client
        .wait_until_rendered("vid_bad", quick(Duration::from_secs(10)))
        .await
        .unwrap_err();
    assert!(failed.to_string().contains("script too short"), "{failed}");
    assert!(matches!(failed, RenderError::Failed { .. }));
    match client
        .wait_until_rendered("vid_slow", quick(Duration::from_millis(100)))
        .await
    {
        Err(RenderError::StillRendering { video, .. }) => assert_eq!(video.progress, Some(5.0)),
        other => panic!("expected StillRendering, got {other:?}"),
    }
}

/// Schedule `id` going to integration `integration` in `status`.
fn schedule(id: &str, integration: &str, status: &str) -> Value {
    json!({"success": true, "data": {
        "id": id, "status": status, "platform": "youtube",
        "integration": {"id": integration, "type": "youtube"},
        "video": {"id": "vid_1"}
    }})
}

/// Answers `POST /v1/schedule/create` for `integration` with schedule `id`,
/// checking the body carries the video, the time and the post fields.
async fn scheduled(server: &MockServer, integration: &str, id: &str) {
    posted(
        server,
        "/v1/schedule/create",
        json!({
            "videoId": "vid_1",
            "integrationId": integration,
            "scheduledDateTime": "2030-03-15T14:00:00Z",
            "platformData": {"title": "Launch day"}
        }),
        json!({
            "success": true, "message": "Video scheduled",
            "data": {"scheduleId": id, "status": "pending", "videoId": "vid_1"}
        }),
    )
    .await;
}

fn launch() -> Option<types::PlatformData> {
    Some(types::PlatformData {
        title: Some("Launch day".into()),
        ..Default::default()
    })
}

#[tokio::test]
async fn publishing_schedules_each_account_and_waits_for_every_outcome() {
    let server = MockServer::start().await;
    scheduled(&server, "int_yt", "post_a").await;
    scheduled(&server, "int_tt", "post_b").await;
    answer(
        &server,
        "/v1/schedule/post_a",
        1,
        schedule("post_a", "int_yt", "pending"),
    )
    .await;
    settled(
        &server,
        "/v1/schedule/post_a",
        schedule("post_a", "int_yt", "published"),
    )
    .await;
    answer(
        &server,
        "/v1/schedule/post_b",
        2,
        schedule("post_b", "int_tt", "pending"),
    )
    .await;
    settled(
        &server,
        "/v1/schedule/post_b",
        schedule("post_b", "int_tt", "failed"),
    )
    .await;
    let at = Utc.with_ymd_and_hms(2030, 3, 15, 14, 0, 0).unwrap();
    let report = client(&server)
        .publish(
            "vid_1",
            ["int_yt", "int_tt"],
            at,
            launch(),
            quick(Duration::from_secs(10)),
        )
        .await
        .unwrap();
    assert_eq!(
        report.targets["int_yt"],
        TargetOutcome::Published { permalink: None }
    );
    assert!(matches!(
        report.targets["int_tt"],
        TargetOutcome::Failed { .. }
    ));
    assert!(!report.all_published());
    assert_eq!(report.post.len(), 2);
}

#[tokio::test]
async fn a_schedule_still_pending_at_the_maximum_wait_is_reported_as_such() {
    let server = MockServer::start().await;
    settled(
        &server,
        "/v1/schedule/post_a",
        schedule("post_a", "int_yt", "pending"),
    )
    .await;
    match client(&server)
        .wait_until_published(&["post_a"], quick(Duration::from_millis(100)))
        .await
    {
        Err(PublishError::StillPending { report, .. }) => {
            assert_eq!(report.pending(), 1);
            assert_eq!(report.targets["int_yt"], TargetOutcome::Pending);
        }
        other => panic!("expected StillPending, got {other:?}"),
    }
}

#[test]
fn the_video_webhook_decodes_each_documented_event() {
    let completed = br#"{"event":"project.completed","projectId":"proj_1","status":"completed",
        "video":{"id":"vid_1","url":"https://cdn.example/v.mp4","duration":45,"thumbnail":"https://cdn.example/t.jpg",
        "aspectRatio":"9:16","resolution":"1080x1920"},"createdAt":"2024-01-15T10:30:00Z","completedAt":"2024-01-15T10:33:00Z"}"#;
    match ProjectEvent::from_body(completed).unwrap() {
        ProjectEvent::Completed {
            project_id,
            video,
            completed_at,
        } => {
            assert_eq!(project_id, "proj_1");
            assert_eq!(video.duration, Some(45.0));
            assert_eq!(video.resolution.as_deref(), Some("1080x1920"));
            assert_eq!(completed_at.as_deref(), Some("2024-01-15T10:33:00Z"));
        }
        other => panic!("{other:?}"),
    }
    let failed = br#"{"event":"project.failed","projectId":"proj_2","status":"failed","message":"Script too short"}"#;
    assert_eq!(
        ProjectEvent::from_body(failed).unwrap(),
        ProjectEvent::Failed {
            project_id: "proj_2".into(),
            message: Some("Script too short".into())
        }
    );
    let later = br#"{"event":"project.started","projectId":"proj_3"}"#;
    assert!(matches!(
        ProjectEvent::from_body(later).unwrap(),
        ProjectEvent::Unknown { event, .. } if event == "project.started"
    ));
}

#[test]
fn a_webhook_body_missing_what_its_event_carries_names_the_field() {
    let no_video = br#"{"event":"project.completed","projectId":"proj_1"}"#;
    match ProjectEvent::from_body(no_video) {
        Err(WebhookError::Payload { event, message }) => {
            assert_eq!(event.as_deref(), Some("project.completed"));
            assert!(message.contains("video"), "{message}");
        }
        other => panic!("{other:?}"),
    }
    let bad_url = br#"{"event":"project.completed","projectId":"p","video":{"url":7}}"#;
    let err = ProjectEvent::from_body(bad_url).unwrap_err().to_string();
    assert!(
        err.contains("`video`") && err.contains("project.completed"),
        "{err}"
    );
    assert!(ProjectEvent::from_body(b"not json").is_err());
    assert!(ProjectEvent::from_body(br#"{"projectId":"p"}"#).is_err());
}
