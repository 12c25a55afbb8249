//! bundle.social over real HTTP on loopback: the request the client sends and
//! the decoding of every documented answer of the seed operation
//! (`POST /api/v1/social-account/profile-refresh`), plus neighbours.
#![cfg(feature = "bundle-social")]

mod support;

use serde_json::json;
use social_clients::bundle_social::{params, types, Client, Error, ResponseValue};
use wiremock::matchers::{body_json, header, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

const KEY: &str = "bsk_test_0123456789";
const PROFILE_REFRESH: &str = "/api/v1/social-account/profile-refresh";

fn client(server: &MockServer) -> Client {
    Client::builder(KEY).base_url(server.uri()).build().unwrap()
}

fn selector() -> types::AccountSelector {
    types::AccountSelector {
        type_: types::Platform::Tiktok,
        team_id: "team_1".into(),
    }
}

/// Sends the seed request (profile-refresh of the team's TikTok account).
async fn refresh(
    server: &MockServer,
) -> Result<ResponseValue<types::SocialAccountProfileRefreshResponse>, Error<types::ApiError>> {
    client(server)
        .social_account_profile_refresh(&selector())
        .await
}

/// The example answer of the provider's reference page for profile-refresh.
fn refreshed_account() -> serde_json::Value {
    json!({
        "success": true,
        "socialAccountId": "sa_1",
        "socialAccount": {
            "id": "sa_1",
            "type": "TIKTOK",
            "teamId": "team_1",
            "createdAt": "2023-11-07T05:31:56Z",
            "updatedAt": "2023-11-07T05:31:56Z",
            "username": "fitnessguru",
            "displayName": "Fitness Guru",
            "avatarUrl": "https://cdn.example/avatar.jpg",
            "externalId": "7000001",
            "userUsername": "owner",
            "userDisplayName": "Owner",
            "userId": "u_1",
            "channels": [{
                "id": "ch_1",
                "name": "General",
                "username": "general",
                "avatarUrl": null,
                "webhook": {"id": "wh_1", "name": "hook", "avatar": null, "url": "https://hooks.example/1"},
                "metadata": {"allowImages": true, "allowVideos": true, "allowGalleries": false, "linkFlairEnabled": null}
            }],
            "mastodonServerId": null,
            "instagramConnectionMethod": "FACEBOOK",
            "twitterSubType": "none",
            "disconnectedCheckTryAt": "2023-11-07T05:31:56Z",
            "deleteOn": null,
            "deletedAt": null
        },
        "refreshedAt": "2023-11-07T05:31:56Z",
        "limit": 2,
        "used": 1,
        "remaining": 1,
        "windowSeconds": 2,
        "message": "refreshed"
    })
}

/// The description says `limit` is at least 1; an answer saying 0 (or a
/// negative count) must still decode: bounds are documentation, not types.
#[tokio::test]
async fn an_answer_outside_its_documented_bounds_still_decodes() {
    let server = MockServer::start().await;
    let mut answer = refreshed_account();
    answer["limit"] = json!(0);
    answer["remaining"] = json!(-1);
    answer["windowSeconds"] = json!(0);
    Mock::given(method("POST"))
        .and(path(PROFILE_REFRESH))
        .respond_with(ResponseTemplate::new(200).set_body_json(answer))
        .mount(&server)
        .await;
    let body = refresh(&server).await.unwrap().into_inner();
    assert_eq!(
        (body.limit, body.remaining, body.window_seconds),
        (0, -1, 0)
    );
    let window = social_clients::RateWindow::from(&body);
    assert_eq!((window.limit, window.remaining), (0, 0));
    assert!(window.is_exhausted());
}

#[tokio::test]
async fn profile_refresh_sends_key_and_body_and_decodes_the_answer() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path(PROFILE_REFRESH))
        .and(header("x-api-key", KEY))
        .and(header("content-type", "application/json"))
        .and(body_json(json!({"type": "TIKTOK", "teamId": "team_1"})))
        .respond_with(ResponseTemplate::new(200).set_body_json(refreshed_account()))
        .expect(1)
        .mount(&server)
        .await;

    let answer = refresh(&server).await.unwrap();
    assert_eq!(answer.status(), 200);
    let body = answer.into_inner();
    assert!(body.success);
    assert_eq!(
        (body.limit, body.used, body.remaining, body.window_seconds),
        (2, 1, 1, 2)
    );
    assert_eq!(body.message.as_deref(), Some("refreshed"));
    let account = body.social_account;
    assert_eq!(account.type_, types::Platform::Tiktok);
    assert_eq!(account.username.as_deref(), Some("fitnessguru"));
    assert_eq!(
        account.instagram_connection_method,
        Some(types::InstagramConnectionMethod::Facebook)
    );
    assert_eq!(account.twitter_sub_type, Some(types::TwitterSubType::None));
    assert_eq!(
        account.created_at.unwrap().to_rfc3339(),
        "2023-11-07T05:31:56+00:00"
    );
    assert!(account.delete_on.is_none() && account.mastodon_server_id.is_none());
    let channel = &account.channels.as_ref().unwrap()[0];
    assert_eq!(
        channel.webhook.as_ref().unwrap().url.as_deref(),
        Some("https://hooks.example/1")
    );
    let metadata = channel.metadata.as_ref().unwrap();
    assert_eq!(
        (
            metadata.allow_images,
            metadata.allow_galleries,
            metadata.link_flair_enabled
        ),
        (Some(true), Some(false), None)
    );
}

#[tokio::test]
async fn every_platform_type_round_trips() {
    let all = [
        "TIKTOK",
        "YOUTUBE",
        "INSTAGRAM",
        "FACEBOOK",
        "TWITTER",
        "THREADS",
        "LINKEDIN",
        "PINTEREST",
        "REDDIT",
        "MASTODON",
        "DISCORD",
        "SLACK",
        "BLUESKY",
        "GOOGLE_BUSINESS",
        "SNAPCHAT",
    ];
    for name in all {
        let platform: types::Platform = serde_json::from_value(json!(name)).unwrap();
        assert_eq!(serde_json::to_value(platform).unwrap(), json!(name));
    }
}

#[tokio::test]
async fn a_400_decodes_as_the_error_type_with_zod_issues() {
    let server = support::serve_json(
        "POST",
        PROFILE_REFRESH,
        400,
        json!({
            "statusCode": 400,
            "message": "Validation failed",
            "issues": [
                {"code": "invalid_enum_value", "message": "Invalid enum value", "path": ["type"]},
                {"code": "too_small", "message": "Required", "path": ["channels", 0, "id"]},
                {"message": "no code or path"}
            ]
        }),
    )
    .await;
    let err = refresh(&server).await.unwrap_err();
    let Error::ErrorResponse(answer) = err else {
        panic!("expected a typed error, got {err:?}")
    };
    assert_eq!(answer.status(), 400);
    assert_eq!(answer.message, "Validation failed");
    assert_eq!(answer.status_code, Some(400));
    let issues = answer.issues.as_ref().unwrap();
    assert_eq!(issues[0].code, Some(types::IssueCode::InvalidEnumValue));
    let path: Vec<String> = issues[1]
        .path
        .as_ref()
        .unwrap()
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(path, ["channels", "0", "id"]);
    assert!(issues[2].code.is_none() && issues[2].path.is_none());
}

#[tokio::test]
async fn every_documented_error_status_decodes_as_the_error_type_not_the_success_type() {
    for status in [401u16, 403, 404, 429, 500] {
        let server = support::serve_json(
            "POST",
            PROFILE_REFRESH,
            status,
            json!({"statusCode": status, "message": "nope"}),
        )
        .await;
        match refresh(&server).await {
            Err(Error::ErrorResponse(answer)) => {
                assert_eq!(answer.status(), status);
                assert_eq!(answer.message, "nope");
                assert!(answer.issues.is_none());
            }
            other => panic!("{status}: expected ErrorResponse, got {other:?}"),
        }
    }
}

#[tokio::test]
async fn an_error_body_without_status_code_still_decodes() {
    let server = support::serve_json(
        "POST",
        PROFILE_REFRESH,
        401,
        json!({"message": "Unauthorized"}),
    )
    .await;
    let err = refresh(&server).await.unwrap_err();
    assert!(
        matches!(&err, Error::ErrorResponse(a) if a.message == "Unauthorized" && a.status_code.is_none()),
        "{err:?}"
    );
}

#[tokio::test]
async fn a_wrong_shape_success_body_is_a_typed_error_not_a_panic() {
    let server = support::serve_json(
        "POST",
        PROFILE_REFRESH,
        200,
        json!({"success": "yes", "limit": -1}),
    )
    .await;
    let err = refresh(&server).await.unwrap_err();
    assert!(matches!(err, Error::InvalidResponsePayload(..)), "{err:?}");

    let server = support::serve_raw("POST", PROFILE_REFRESH, 200, b"<html>gateway</html>").await;
    let err = refresh(&server).await.unwrap_err();
    assert!(matches!(err, Error::InvalidResponsePayload(..)), "{err:?}");
}

/// An answer that does not decode (here a timestamp that is not one) is
/// `InvalidResponsePayload` keeping the status, headers and body, and the
/// message names the field, not only a byte position.
#[tokio::test]
async fn an_undecodable_answer_names_the_field() {
    let mut answer = refreshed_account();
    answer["socialAccount"]["createdAt"] = json!("last tuesday");
    let server = support::serve_json("POST", PROFILE_REFRESH, 200, answer).await;
    match refresh(&server).await.unwrap_err() {
        Error::InvalidResponsePayload(e) => {
            let message = e.to_string();
            assert!(message.contains("`socialAccount.createdAt`"), "{message}");
            assert_eq!(e.path(), Some("socialAccount.createdAt"));
            assert_eq!(e.status(), 200);
            assert!(e.headers().contains_key("content-type"));
            assert!(e.excerpt().starts_with('{'), "{}", e.excerpt());
            assert!(!e.body().is_empty());
        }
        other => panic!("expected InvalidResponsePayload, got {other:?}"),
    }
}

/// A count is an integer: `3.0` decodes as 3 (above), a fraction is a
/// decoding error that names the field, and so is a count too large for
/// its type.
#[tokio::test]
async fn a_fractional_count_is_an_error_naming_the_field() {
    for total in [json!(2.5), json!(1e300)] {
        let server = support::serve_json(
            "GET",
            "/api/v1/team/",
            200,
            json!({"items": [], "total": total}),
        )
        .await;
        let err = client(&server)
            .team_get_list(params::TeamGetListParams::new())
            .await
            .unwrap_err();
        let Error::InvalidResponsePayload(e) = err else {
            panic!("expected InvalidResponsePayload, got {err:?}")
        };
        let message = e.to_string();
        assert!(message.contains("`total`"), "{message}");
        assert!(message.contains("a whole number"), "{message}");
    }
}

/// A status the description does not list, answered with the provider's
/// usual error body, is the typed error all the same.
#[tokio::test]
async fn an_undocumented_status_with_the_error_body_is_typed() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path(PROFILE_REFRESH))
        .respond_with(
            ResponseTemplate::new(503)
                .insert_header("x-request-id", "req_9")
                .set_body_json(json!({"statusCode": 503, "message": "down for maintenance"})),
        )
        .mount(&server)
        .await;
    let client = Client::builder(KEY)
        .base_url(server.uri())
        .retry(social_clients::RetryPolicy::disabled())
        .build()
        .unwrap();
    let err = client
        .social_account_profile_refresh(&selector())
        .await
        .unwrap_err();
    match err {
        Error::ErrorResponse(answer) => {
            assert_eq!(answer.status(), 503);
            assert_eq!(answer.headers()["x-request-id"], "req_9");
            assert_eq!(answer.message, "down for maintenance");
        }
        other => panic!("expected the typed error, got {other:?}"),
    }
}

/// Any other undocumented answer keeps its status, headers and body.
#[tokio::test]
async fn an_undocumented_status_with_another_body_keeps_it_all() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path(PROFILE_REFRESH))
        .respond_with(
            ResponseTemplate::new(418)
                .insert_header("x-teapot", "yes")
                .set_body_raw("<html>I'm a teapot</html>", "text/html"),
        )
        .mount(&server)
        .await;
    let err = refresh(&server).await.unwrap_err();
    assert_eq!(err.status().map(|s| s.as_u16()), Some(418));
    let Error::UnexpectedResponse(answer) = err else {
        panic!("expected UnexpectedResponse, got {err:?}");
    };
    assert_eq!(answer.headers()["x-teapot"], "yes");
    assert_eq!(answer.text().await.unwrap(), "<html>I'm a teapot</html>");
}

#[tokio::test]
async fn team_list_sends_its_query_and_decodes_teams_with_accounts() {
    let server = MockServer::start().await;
    let mut account = refreshed_account()["socialAccount"].clone();
    account["type"] = json!("LINKEDIN");
    Mock::given(method("GET"))
        .and(path("/api/v1/team/"))
        .and(query_param("offset", "20"))
        .and(query_param("limit", "10"))
        .and(query_param("search", "acme"))
        .and(header("x-api-key", KEY))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "items": [{
                "id": "team_1", "name": "Acme", "organizationId": "org_1", "createdById": "u_1",
                "createdAt": "2024-01-01T00:00:00Z", "updatedAt": null,
                "organization": {
                    "id": "org_1", "createdById": "u_1", "apiAccess": true,
                    "analyticsDisabled": false, "analyticsPostsDisabled": false,
                    "uploadsCompressionEnabled": true, "showVerboseErrors": false,
                    "disconnectCheckEnabled": true, "deleteAccountAfter": 30,
                    "createdAt": "2024-01-01T00:00:00Z", "updatedAt": null
                },
                "createdBy": {
                    "id": "u_1", "externalId": "ext_1", "email": "a@example.com", "role": "ADMIN",
                    "createdAt": "2024-01-01T00:00:00Z", "updatedAt": null
                },
                "bots": [],
                "socialAccounts": [account]
            }],
            // A whole number written as a float still decodes.
            "total": 21.0
        })))
        .expect(1)
        .mount(&server)
        .await;
    let page = client(&server)
        .team_get_list(
            params::TeamGetListParams::new()
                .limit(10)
                .offset(20)
                .search("acme"),
        )
        .await
        .unwrap()
        .into_inner();
    assert_eq!(page.total, 21);
    let team = &page.items[0];
    assert_eq!(team.social_accounts[0].type_, types::Platform::Linkedin);
    assert_eq!(team.created_by.role, types::Role::Admin);
    assert!(team.updated_at.is_none());
}

#[tokio::test]
async fn get_by_type_sends_platform_and_team_as_query() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/v1/social-account/by-type"))
        .and(query_param("type", "GOOGLE_BUSINESS"))
        .and(query_param("teamId", "team_1"))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(refreshed_account()["socialAccount"].clone()),
        )
        .expect(1)
        .mount(&server)
        .await;
    let account = client(&server)
        .social_account_get_by_type(params::SocialAccountGetByTypeParams::new(
            types::Platform::GoogleBusiness,
            "team_1",
        ))
        .await
        .unwrap();
    assert_eq!(account.id, "sa_1");
}

#[tokio::test]
async fn disconnect_is_a_delete_with_a_json_body() {
    let server = MockServer::start().await;
    Mock::given(method("DELETE"))
        .and(path("/api/v1/social-account/disconnect"))
        .and(body_json(json!({"type": "TIKTOK", "teamId": "team_1"})))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(refreshed_account()["socialAccount"].clone()),
        )
        .expect(1)
        .mount(&server)
        .await;
    let account = client(&server)
        .social_account_disconnect(&selector())
        .await
        .unwrap();
    assert_eq!(account.team_id, "team_1");
}

/// `upload_create` is multipart/form-data (a generated form method): the body must carry
/// the team id and the file with its name and media type.
#[tokio::test]
async fn upload_sends_a_multipart_body_and_decodes_the_upload() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/api/v1/upload/"))
        .and(header("x-api-key", KEY))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "id": "up_1", "teamId": "team_1", "type": "image", "mime": "image/png", "width": 2, "height": 1,
            "url": "https://cdn.example/up_1.png", "createdAt": "2024-01-01T00:00:00Z", "updatedAt": null,
            "posts": []
        })))
        .expect(1)
        .mount(&server)
        .await;
    let file =
        social_clients::FilePart::new(b"\x89PNG fake bytes".to_vec(), "cat.png").mime("image/png");
    let upload = client(&server)
        .upload_create(file, params::UploadCreateParams::new().team_id("team_1"))
        .await
        .unwrap()
        .into_inner();
    assert_eq!(
        (upload.id.as_str(), upload.type_),
        ("up_1", types::UploadType::Image)
    );
    assert_eq!(upload.width, Some(2));

    let request = support::only_request(&server).await;
    let content_type = request
        .headers
        .get("content-type")
        .unwrap()
        .to_str()
        .unwrap();
    assert!(
        content_type.starts_with("multipart/form-data; boundary="),
        "{content_type}"
    );
    let body = String::from_utf8_lossy(&request.body);
    assert!(body.contains("name=\"teamId\"\r\n\r\nteam_1\r\n"), "{body}");
    assert!(body.contains("name=\"file\"; filename=\"cat.png\"\r\nContent-Type: image/png\r\n\r\n\u{fffd}PNG fake bytes"), "{body}");
}

#[tokio::test]
async fn upload_errors_are_typed_like_generated_ones() {
    let server = support::serve_json(
        "POST",
        "/api/v1/upload/",
        400,
        json!({"message": "File too large", "issues": []}),
    )
    .await;
    let err = client(&server)
        .upload_create(
            social_clients::FilePart::new(vec![0u8; 4], "a.bin"),
            Default::default(),
        )
        .await
        .unwrap_err();
    assert!(
        matches!(&err, Error::ErrorResponse(e) if e.status() == 400 && e.message == "File too large"),
        "{err:?}"
    );

    let server = support::serve_json("POST", "/api/v1/upload/", 200, json!({"id": 5})).await;
    let err = client(&server)
        .upload_create(
            social_clients::FilePart::new(vec![], "a.bin"),
            Default::default(),
        )
        .await
        .unwrap_err();
    assert!(matches!(err, Error::InvalidResponsePayload(..)), "{err:?}");

    let err = client(&server)
        .upload_create(
            social_clients::FilePart::new(vec![], "a.bin").mime("not a mime\n"),
            Default::default(),
        )
        .await
        .unwrap_err();
    assert!(matches!(err, Error::InvalidRequest(_)), "{err:?}");
}

#[tokio::test]
async fn csv_import_sends_the_file_and_decodes_the_queued_import() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/api/v1/post-csv-import/"))
        .and(header("x-api-key", KEY))
        .respond_with(ResponseTemplate::new(201).set_body_json(json!({
            "id": "csv_1", "teamId": "team_1", "organizationId": "org_1", "status": "PENDING", "fileName": "posts.csv",
            "totalRows": 0, "processedRows": 0, "successRows": 0, "failedRows": 0,
            "createdAt": "2024-01-01T00:00:00Z", "updatedAt": "2024-01-01T00:00:00Z"
        })))
        .expect(1)
        .mount(&server)
        .await;
    let csv = social_clients::FilePart::new("text,date\nhello,2024-01-02\n", "posts.csv")
        .mime("text/csv");
    let import = client(&server).post_csv_create(csv).await.unwrap();
    assert_eq!(import.status(), 201);
    assert_eq!(import.status, types::PostCsvImportStatus::Pending);
    let request = support::only_request(&server).await;
    let body = String::from_utf8_lossy(&request.body);
    assert!(body.contains("name=\"file\"; filename=\"posts.csv\"\r\nContent-Type: text/csv\r\n\r\ntext,date\nhello,2024-01-02\n"), "{body}");
}

/// A form's body is streamed and cannot be sent twice, so a 503 on an
/// upload is answered after one attempt, retry policy or not (a second
/// attempt would send an empty body).
#[tokio::test]
async fn an_upload_is_sent_once_even_when_the_answer_invites_a_retry() {
    let server = support::serve_json(
        "POST",
        "/api/v1/upload/",
        503,
        json!({"statusCode": 503, "message": "busy"}),
    )
    .await;
    // Retries of POSTs on, so only the streamed body stops the second try.
    let retrying = Client::builder(KEY)
        .base_url(server.uri())
        .retry(
            social_clients::RetryPolicy::default()
                .retry_non_idempotent(true)
                .backoff(
                    std::time::Duration::from_millis(1),
                    std::time::Duration::from_millis(2),
                ),
        )
        .build()
        .unwrap();
    let err = retrying
        .upload_create(
            social_clients::FilePart::new(vec![1u8; 8], "a.bin"),
            params::UploadCreateParams::new().team_id("team_1"),
        )
        .await
        .unwrap_err();
    assert_eq!(err.status().map(|s| s.as_u16()), Some(503), "{err:?}");
    support::only_request(&server).await;
}
