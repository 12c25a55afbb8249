//! Postbreeze over real HTTP on loopback: the seed operation
//! (`GET /social-accounts/{accountId}`), list, delete, workspaces, and the
//! `{statusCode, code, message, requestId}` error.
#![cfg(feature = "postbreeze")]

mod support;

use serde_json::json;
use social_clients::postbreeze::{params, types, Client, Error};
use wiremock::matchers::{header, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

const KEY: &str = "pb_live_0123456789abcdef";

fn client(server: &MockServer) -> Client {
    Client::builder(KEY)
        .base_url(format!("{}/api/v1", server.uri()))
        .build()
        .unwrap()
}

/// A connected channel shaped like the provider's reference example.
fn channel() -> serde_json::Value {
    json!({
        "id": "soc_01HZW2K9R5T8V3N7M4P0J1Q6BD",
        "workspaceId": "ws_01HZX5T2K9Q3RB6N6JZP3RYV0M",
        "platform": "LINKEDIN_COMPANY",
        "externalId": "urn:li:organization:1",
        "handle": "@brand",
        "displayName": null,
        "avatarUrl": "https://cdn.example/a.png",
        "status": "TOKEN_EXPIRED",
        "scopes": ["w_organization_social", "r_organization_social"],
        "connectedAt": "2023-11-07T05:31:56Z",
        "lastRefreshedAt": null,
        "tokenExpiresAt": "2023-12-07T05:31:56Z",
        "lastRefreshAttemptAt": "2023-11-08T05:31:56Z",
        "lastRefreshError": "invalid_grant",
        "lastRefreshErrorStatus": 400,
        "meta": {"premium": true, "cachedProfile": {"followers": 10}},
        "defaultBoardId": null
    })
}

#[tokio::test]
async fn get_sends_the_bearer_key_and_decodes_every_field() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(
            "/api/v1/social-accounts/soc_01HZW2K9R5T8V3N7M4P0J1Q6BD",
        ))
        .and(header("authorization", format!("Bearer {KEY}").as_str()))
        .respond_with(ResponseTemplate::new(200).set_body_json(channel()))
        .expect(1)
        .mount(&server)
        .await;
    let account = client(&server)
        .get_social_account("soc_01HZW2K9R5T8V3N7M4P0J1Q6BD")
        .await
        .unwrap()
        .into_inner();
    assert_eq!(account.platform, types::Platform::LinkedinCompany);
    assert_eq!(account.status, types::SocialAccountStatus::TokenExpired);
    assert!(
        account.display_name.is_none()
            && account.last_refreshed_at.is_none()
            && account.default_board_id.is_none()
    );
    assert_eq!(account.last_refresh_error_status, Some(400));
    assert_eq!(account.scopes.len(), 2);
    assert_eq!(account.meta["cachedProfile"]["followers"], 10);
    assert_eq!(
        account.token_expires_at.unwrap().to_rfc3339(),
        "2023-12-07T05:31:56+00:00"
    );
}

#[tokio::test]
async fn every_platform_and_status_value_decodes() {
    for platform in [
        "INSTAGRAM",
        "FACEBOOK_PAGE",
        "X",
        "LINKEDIN_PERSON",
        "LINKEDIN_COMPANY",
        "TIKTOK_BUSINESS",
        "TIKTOK_PERSONAL",
        "YOUTUBE",
        "PINTEREST",
        "THREADS",
        "BLUESKY",
    ] {
        let p: types::Platform = serde_json::from_value(json!(platform)).unwrap();
        assert_eq!(serde_json::to_value(p).unwrap(), json!(platform));
    }
    for status in ["ACTIVE", "TOKEN_EXPIRED", "REVOKED", "DISCONNECTED"] {
        let s: types::SocialAccountStatus = serde_json::from_value(json!(status)).unwrap();
        assert_eq!(serde_json::to_value(s).unwrap(), json!(status));
    }
}

#[tokio::test]
async fn list_filters_by_workspace() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/v1/social-accounts"))
        .and(query_param("workspaceId", "ws_1"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!([channel(), channel()])))
        .expect(1)
        .mount(&server)
        .await;
    let accounts = client(&server)
        .list_social_accounts(params::ListSocialAccountsParams::new().workspace_id("ws_1"))
        .await
        .unwrap();
    assert_eq!(accounts.len(), 2);
}

#[tokio::test]
async fn delete_answers_no_content() {
    let server = MockServer::start().await;
    Mock::given(method("DELETE"))
        .and(path("/api/v1/social-accounts/soc_1"))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;
    let answer = client(&server)
        .delete_social_account("soc_1")
        .await
        .unwrap();
    assert_eq!(answer.status(), 204);
}

#[tokio::test]
async fn workspaces_decode() {
    let server = support::serve_json(
        "GET",
        "/api/v1/workspaces/ws_1",
        200,
        json!({"id": "ws_1", "name": "Brand", "slug": "brand", "ownerUserId": "u_1", "timezone": "Europe/Warsaw",
               "timeFormat": "H24", "brandColor": null, "logoUrl": null, "deletedAt": null,
               "createdAt": "2024-01-01T00:00:00Z", "updatedAt": "2024-01-02T00:00:00Z"}),
    )
    .await;
    let ws = client(&server)
        .get_workspace("ws_1")
        .await
        .unwrap()
        .into_inner();
    assert_eq!(ws.time_format, Some(types::TimeFormat::H24));
    assert!(ws.brand_color.is_none());
}

#[tokio::test]
async fn errors_carry_code_and_request_id() {
    for status in [401u16, 403, 404, 429, 500] {
        let server = support::serve_json(
            "GET",
            "/api/v1/social-accounts/soc_missing",
            status,
            json!({"statusCode": status, "code": "NOT_FOUND", "message": "No such channel", "requestId": "req_42"}),
        )
        .await;
        match client(&server).get_social_account("soc_missing").await {
            Err(Error::ErrorResponse(answer)) => {
                assert_eq!(answer.status(), status);
                assert_eq!(answer.status_code, i64::from(status));
                assert_eq!(answer.code.as_deref(), Some("NOT_FOUND"));
                assert_eq!(answer.request_id.as_deref(), Some("req_42"));
            }
            other => panic!("{status}: expected ErrorResponse, got {other:?}"),
        }
    }
}

#[tokio::test]
async fn unknown_enum_values_are_kept_not_fatal() {
    // The provider adds a platform and a status after this client was built:
    // the answer still decodes, and the new values are kept as sent.
    let mut body = channel();
    body["platform"] = json!("MYSPACE");
    body["status"] = json!("paused_by_provider");
    let server = support::serve_json("GET", "/api/v1/social-accounts/soc_1", 200, body).await;
    let account = client(&server)
        .get_social_account("soc_1")
        .await
        .unwrap()
        .into_inner();
    assert_eq!(account.platform, types::Platform::Unknown("MYSPACE".into()));
    assert_eq!(account.platform.to_string(), "MYSPACE");
    assert_eq!(
        account.status,
        types::SocialAccountStatus::Unknown("paused_by_provider".into())
    );
    // Sent back, it is the same string.
    assert_eq!(
        serde_json::to_value(&account.platform).unwrap(),
        json!("MYSPACE")
    );
    // Parsing what a caller wrote stays strict.
    assert!("MYSPACE".parse::<types::Platform>().is_err());
}

#[tokio::test]
async fn a_wrongly_typed_enum_value_is_still_a_typed_error() {
    let mut body = channel();
    body["platform"] = json!(42);
    let server = support::serve_json("GET", "/api/v1/social-accounts/soc_1", 200, body).await;
    let err = client(&server)
        .get_social_account("soc_1")
        .await
        .unwrap_err();
    assert!(matches!(err, Error::InvalidResponsePayload(..)), "{err:?}");
}

#[tokio::test]
async fn reschedule_posts_the_new_time_and_reads_the_post_back() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/api/v1/posts/post_1/reschedule"))
        .and(header("authorization", format!("Bearer {KEY}").as_str()))
        .and(wiremock::matchers::body_json(
            json!({"scheduledFor": "2026-06-10T14:00:00Z"}),
        ))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "id": "post_1", "workspaceId": "ws_1", "status": "SCHEDULED",
            "scheduledAt": "2026-06-10T14:00:00Z", "targets": []
        })))
        .expect(1)
        .mount(&server)
        .await;
    let at = "2026-06-10T14:00:00Z".parse().unwrap();
    let post = client(&server)
        .reschedule_post("post_1", &types::PostSchedule::new(at))
        .await
        .unwrap()
        .into_inner();
    assert_eq!(post.status, types::PostStatus::Scheduled);
    assert_eq!(post.scheduled_at, Some(at));
}
