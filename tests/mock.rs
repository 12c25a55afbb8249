//! The `mock` feature as a user's test would use it: a provider's typed mock
//! server, answers and failures set per operation, and the real client
//! pointed at it.
#![cfg(all(
    feature = "mock",
    feature = "bundle-social",
    feature = "postbreeze",
    feature = "hooked",
    feature = "gipper"
))]

#[path = "conformance/mod.rs"]
mod conformance;

use conformance::harness::success_sample;
use social_clients::{bundle_social, gipper, hooked, postbreeze};

#[tokio::test]
async fn postbreeze_mock_answers_by_path_parameter_and_fails_on_demand() {
    let mock = postbreeze::mock::MockServer::start().await;
    let mut post: postbreeze::types::Post =
        success_sample(conformance::postbreeze::BODIES, "get_post");
    post.id = "post_1".into();
    mock.get_post()
        .path_param("postId", "post_1")
        .times(1)
        .respond_with(&post)
        .await;
    let missing = postbreeze::types::ApiError {
        status_code: 404,
        code: Some("NOT_FOUND".into()),
        message: "no such post".into(),
        request_id: Some("req_1".into()),
    };
    mock.get_post()
        .path_param("postId", "post_2")
        .fail_with(404, &missing)
        .await;

    let client = mock.client();
    assert_eq!(client.get_post("post_1").await.unwrap().id, "post_1");
    match client.get_post("post_2").await.unwrap_err() {
        postbreeze::Error::ErrorResponse(e) => {
            assert_eq!(
                (e.status().as_u16(), e.message.as_str()),
                (404, "no such post")
            )
        }
        other => panic!("{other:?}"),
    }
    // Any other id is not mocked: wiremock answers 404 with no body.
    assert!(client.get_post("post_3").await.is_err());
}

#[tokio::test]
async fn bundle_social_mock_matches_the_request_body() {
    let mock = bundle_social::mock::MockServer::start().await;
    let refreshed: bundle_social::types::SocialAccountProfileRefreshResponse = success_sample(
        conformance::bundle_social::BODIES,
        "social_account_profile_refresh",
    );
    let tiktok = bundle_social::types::AccountSelector {
        team_id: "team_1".into(),
        type_: bundle_social::types::Platform::Tiktok,
    };
    mock.social_account_profile_refresh()
        .body(&tiktok)
        .respond_with(&refreshed)
        .await;
    let client = mock.client();
    let answer = client
        .social_account_profile_refresh(&tiktok)
        .await
        .unwrap();
    assert_eq!(answer.social_account_id, refreshed.social_account_id);
    let youtube = bundle_social::types::AccountSelector {
        type_: bundle_social::types::Platform::Youtube,
        ..tiktok
    };
    assert!(client
        .social_account_profile_refresh(&youtube)
        .await
        .is_err());
    assert_eq!(mock.received_requests().await.len(), 2);
}

#[tokio::test]
async fn hooked_and_gipper_mocks_drive_their_clients() {
    let hooked_mock = hooked::mock::MockServer::start().await;
    let refreshed: hooked::types::AccountResponse =
        success_sample(conformance::hooked::BODIES, "refresh_account");
    hooked_mock
        .refresh_account()
        .path_param("id", "clx123abc")
        .respond_with(&refreshed)
        .await;
    let got = hooked_mock
        .client()
        .refresh_account("clx123abc")
        .await
        .unwrap();
    assert_eq!(got.success, refreshed.success);

    let gipper_mock = gipper::mock::MockServer::start().await;
    let created: gipper::types::InstagramAccountsCreateResponse =
        success_sample(conformance::gipper::BODIES, "instagram_accounts_create");
    gipper_mock
        .instagram_accounts_create()
        .times(1)
        .respond_with(&created)
        .await;
    let body: gipper::types::InstagramAccountsCreateBody = serde_json::from_value(
        serde_json::json!({"facebook_account": {"fb_token": "t", "fb_uid": "u"}, "ig_accounts": []}),
    )
    .unwrap();
    let got = gipper_mock
        .client()
        .instagram_accounts_create(&body)
        .await
        .unwrap();
    assert_eq!(got.success, created.success);
}
