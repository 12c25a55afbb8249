//! Hooked over real HTTP on loopback: the seed operation
//! (`POST /v1/social/account/{accountId}/refresh`), analyze, search, and
//! the error envelope.
#![cfg(feature = "hooked")]

mod support;

use serde_json::json;
use social_clients::hooked::{params, types, Client, Error};
use wiremock::matchers::{body_json, header, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

const KEY: &str = "hk_test_abcdef";

fn client(server: &MockServer) -> Client {
    Client::builder(KEY).base_url(server.uri()).build().unwrap()
}

/// The example answer of the provider's reference page for account refresh.
fn refreshed() -> serde_json::Value {
    json!({
        "success": true,
        "message": "Account refreshed successfully",
        "data": {"account": {
            "id": "clx123abc",
            "username": "fitnessguru",
            "platform": "tiktok",
            "displayName": "Fitness Guru",
            "bio": "Helping you get fit one video at a time",
            "avatarUrl": "https://cdn.tiktok.com/avatar.jpg",
            "isVerified": true,
            "stats": {"followers": 1520000, "following": 252, "videos": 348, "likes": 46500000},
            "analytics": {"engagementRate": 12.8, "viralityScore": 79.1, "avgViews": 920000},
            "lastAnalyzed": "2024-01-16T10:30:00Z",
            "profileUrl": "https://www.tiktok.com/@fitnessguru"
        }}
    })
}

#[tokio::test]
async fn refresh_posts_to_the_account_path_with_the_key_and_decodes_stats_and_analytics() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/v1/social/account/clx123abc/refresh"))
        .and(header("x-api-key", KEY))
        .respond_with(ResponseTemplate::new(200).set_body_json(refreshed()))
        .expect(1)
        .mount(&server)
        .await;
    let answer = client(&server)
        .refresh_account("clx123abc")
        .await
        .unwrap()
        .into_inner();
    assert!(answer.success);
    assert_eq!(
        answer.message.as_deref(),
        Some("Account refreshed successfully")
    );
    let account = answer.data.account;
    assert_eq!(account.platform, types::Platform::Tiktok);
    assert_eq!(account.display_name.as_deref(), Some("Fitness Guru"));
    assert_eq!(account.is_verified, Some(true));
    let stats = account.stats.unwrap();
    assert_eq!(
        (stats.followers, stats.following, stats.videos, stats.likes),
        (Some(1_520_000), Some(252), Some(348), Some(46_500_000))
    );
    let analytics = account.analytics.unwrap();
    assert_eq!(
        (
            analytics.engagement_rate,
            analytics.virality_score,
            analytics.avg_views
        ),
        (Some(12.8), Some(79.1), Some(920_000.0))
    );
    assert_eq!(
        account.last_analyzed.unwrap().to_rfc3339(),
        "2024-01-16T10:30:00+00:00"
    );
}

#[tokio::test]
async fn path_parameters_are_percent_encoded() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/v1/social/account/a%2Fb%20c/refresh"))
        .respond_with(ResponseTemplate::new(200).set_body_json(refreshed()))
        .expect(1)
        .mount(&server)
        .await;
    client(&server).refresh_account("a/b c").await.unwrap();
}

#[tokio::test]
async fn analyze_sends_username_and_platform() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/v1/social/account/analyze"))
        .and(header("x-api-key", KEY))
        .and(body_json(
            json!({"username": "fitnessguru", "platform": "youtube"}),
        ))
        .respond_with(ResponseTemplate::new(200).set_body_json(refreshed()))
        .expect(1)
        .mount(&server)
        .await;
    let body = types::AnalyzeAccountBody {
        username: "fitnessguru".into(),
        platform: types::Platform::Youtube,
    };
    client(&server).analyze_account(&body).await.unwrap();
}

#[tokio::test]
async fn search_details_sends_pagination_and_decodes_videos() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/v1/social/search/clx123abc"))
        .and(query_param("limit", "10"))
        .and(query_param("offset", "0"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "success": true,
            "data": {
                "id": "clx123abc", "searchTerm": "fitness motivation", "platform": "tiktok", "totalResults": 25,
                "keywordsStatus": "completed",
                "videos": [{"id": "video123", "platform": "tiktok", "videoUrl": "https://v.example/1", "duration": 45,
                            "stats": {"views": 2300000, "likes": 156000, "comments": 2100, "shares": 8900},
                            "music": {"title": "Workout Beats", "artist": "FitMusic"}}],
                "pagination": {"total": 25, "limit": 10, "offset": 0, "hasMore": true}
            }
        })))
        .expect(1)
        .mount(&server)
        .await;
    let answer = client(&server)
        .get_search(
            "clx123abc",
            params::GetSearchParams::new().limit(10).offset(0),
        )
        .await
        .unwrap()
        .into_inner();
    let search = answer.data;
    assert_eq!(
        search.keywords_status,
        Some(types::KeywordsStatus::Completed)
    );
    assert!(search.pagination.unwrap().has_more);
    assert_eq!(
        search.videos[0].stats.as_ref().unwrap().views,
        Some(2_300_000)
    );
}

#[tokio::test]
async fn error_envelopes_decode_as_the_error_type() {
    for status in [400u16, 401, 402, 404, 429, 500] {
        let server = support::serve_json(
            "POST",
            "/v1/social/account/missing/refresh",
            status,
            json!({"success": false, "message": "Account not found", "error": "NOT_FOUND"}),
        )
        .await;
        match client(&server).refresh_account("missing").await {
            Err(Error::ErrorResponse(answer)) => {
                assert_eq!(answer.status(), status);
                assert_eq!(answer.success, Some(false));
                assert_eq!(answer.error.as_deref(), Some("NOT_FOUND"));
            }
            other => panic!("{status}: expected ErrorResponse, got {other:?}"),
        }
    }
}

#[tokio::test]
async fn a_wrong_shape_answer_is_a_typed_error() {
    let server = support::serve_json(
        "POST",
        "/v1/social/account/x/refresh",
        200,
        json!({"success": true, "data": {"account": {"id": 1}}}),
    )
    .await;
    let err = client(&server).refresh_account("x").await.unwrap_err();
    assert!(matches!(err, Error::InvalidResponsePayload(..)), "{err:?}");
}

#[tokio::test]
async fn voice_and_music_lists_read_either_shape() {
    let server = MockServer::start().await;
    // The enveloped shape every other answer has.
    Mock::given(method("GET"))
        .and(path("/v1/voice/list"))
        .and(header("x-api-key", KEY))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "success": true,
            "data": {"voices": [{"id": "21m00Tcm4TlvDq8ikWAM", "name": "Rachel", "language": "en", "gender": "female"}]}
        })))
        .mount(&server)
        .await;
    // The bare shape of the reference's one example.
    Mock::given(method("GET"))
        .and(path("/v1/music/list"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "tracks": [{"id": "m_1", "name": "Upbeat", "mood": "happy", "duration": 93.5, "bpm": 120}]
        })))
        .mount(&server)
        .await;
    let client = client(&server);
    let voices = client.list_voices().await.unwrap().into_inner();
    let voice = &voices.voices()[0];
    assert_eq!(
        (voice.id.as_str(), voice.name.as_deref()),
        ("21m00Tcm4TlvDq8ikWAM", Some("Rachel"))
    );
    // A field the reference does not show is kept, not dropped.
    assert_eq!(voice.extra["gender"], "female");
    let music = client.list_music().await.unwrap().into_inner();
    assert_eq!(music.tracks()[0].duration, Some(93.5));
    assert_eq!(music.tracks()[0].extra["bpm"], 120);
}

#[tokio::test]
async fn trending_videos_send_their_filters_and_keep_unshown_fields() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/v1/trends/videos"))
        .and(query_param("platform", "tiktok"))
        .and(query_param("niche", "fitness"))
        .and(query_param("limit", "5"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "success": true,
            "data": {"videos": [{
                "id": "tv_1", "externalId": "7301", "platform": "tiktok", "title": "Leg day",
                "thumbnailUrl": "https://cdn.example/t.jpg", "videoUrl": "https://cdn.example/v.mp4",
                "views": 1200000
            }]}
        })))
        .mount(&server)
        .await;
    let params = params::ListTrendingVideosParams::new()
        .platform(types::Platform::Tiktok)
        .niche("fitness")
        .limit(5);
    let page = client(&server)
        .list_trending_videos(params)
        .await
        .unwrap()
        .into_inner();
    let video = &page.data.videos[0];
    assert_eq!(video.external_id.as_deref(), Some("7301"));
    assert_eq!(video.extra["views"], 1_200_000);
}

#[tokio::test]
async fn the_media_create_calls_post_their_bodies() {
    let server = MockServer::start().await;
    let started = json!({"success": true, "data": {"videoId": "vid_1", "projectId": "prj_1", "status": "STARTED"}});
    for (route, body) in [
        (
            "/v1/project/create/add-captions",
            json!({"media": "med_1", "addStickers": true}),
        ),
        (
            "/v1/project/create/extend-video",
            json!({"media": "med_1", "prompt": "the sun sets", "targetDuration": 8}),
        ),
        (
            "/v1/project/create/remove-background",
            json!({"media": "med_1"}),
        ),
        (
            "/v1/project/create/talking-avatar",
            json!({"script": "Hi", "avatarId": "av_1", "voiceId": "vo_1", "lipsyncModel": "pro"}),
        ),
    ] {
        Mock::given(method("POST"))
            .and(path(route))
            .and(body_json(body))
            .respond_with(ResponseTemplate::new(200).set_body_json(started.clone()))
            .expect(1)
            .mount(&server)
            .await;
    }
    let client = client(&server);
    let captioned = types::CreateCaptionedVideoBody {
        add_stickers: Some(true),
        ..types::CreateCaptionedVideoBody::new("med_1")
    };
    let extended = types::CreateExtendedVideoBody {
        target_duration: Some(8),
        ..types::CreateExtendedVideoBody::new("med_1", "the sun sets")
    };
    let avatar = types::CreateTalkingAvatarVideoBody {
        lipsync_model: Some("pro".into()),
        ..types::CreateTalkingAvatarVideoBody::new("av_1", "Hi", "vo_1")
    };
    let ids = [
        client
            .create_captioned_video(&captioned)
            .await
            .unwrap()
            .into_inner(),
        client
            .create_extended_video(&extended)
            .await
            .unwrap()
            .into_inner(),
        client
            .create_background_removed_video(&types::CreateBackgroundRemovedVideoBody::new("med_1"))
            .await
            .unwrap()
            .into_inner(),
        client
            .create_talking_avatar_video(&avatar)
            .await
            .unwrap()
            .into_inner(),
    ];
    for created in ids {
        assert_eq!(created.data.video_id.as_deref(), Some("vid_1"));
    }
}
