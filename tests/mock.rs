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

use social_clients::{bundle_social, gipper, hooked, postbreeze};

#[tokio::test]
async fn postbreeze_mock_answers_by_path_parameter_and_fails_on_demand() {
    let mock = postbreeze::mock::MockServer::start().await;
    let mut post = postbreeze::mock::samples::get_post();
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
        retry_after_ms: None,
        limit: None,
        current: None,
        details: None,
    };
    // The client's argument name works as well as the description's.
    mock.get_post()
        .path_param("post_id", "post_2")
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
    let refreshed = bundle_social::mock::samples::social_account_profile_refresh();
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
    let refreshed = hooked::mock::samples::refresh_account();
    hooked_mock
        .refresh_account()
        .path_param("accountId", "clx123abc")
        .respond_with(&refreshed)
        .await;
    let got = hooked_mock
        .client()
        .refresh_account("clx123abc")
        .await
        .unwrap();
    assert_eq!(got.success, refreshed.success);

    let gipper_mock = gipper::mock::MockServer::start().await;
    let created = gipper::mock::samples::instagram_accounts_create();
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

/// Every provider's sample error body decodes as its error type and drives
/// a typed failure.
#[tokio::test]
async fn sample_error_bodies_drive_typed_failures() {
    let mock = hooked::mock::MockServer::start().await;
    let mut refused = hooked::mock::samples::error_body();
    refused.message = "rate limited".into();
    mock.get_video().fail_with(429, &refused).await;
    let err = mock.client().get_video("v_1").await.unwrap_err();
    assert_eq!(err.status().map(|s| s.as_u16()), Some(429));
    assert_eq!(err.error_body().unwrap().message, "rate limited");
    assert_eq!(
        err.rate_limits(),
        Some(&social_clients::rate_window::HOOKED_LIMITS[..])
    );

    let _: bundle_social::types::ApiError = bundle_social::mock::samples::error_body();
    let _: postbreeze::types::ApiError = postbreeze::mock::samples::error_body();
    let _: gipper::types::FieldErrors = gipper::mock::samples::error_body();
}

/// A path parameter the operation does not have is refused, not matched
/// as "any value".
#[tokio::test]
#[should_panic(expected = "has no path parameter `postID`; it has: postId")]
async fn a_misspelt_path_parameter_is_refused() {
    let mock = postbreeze::mock::MockServer::start().await;
    let _ = mock.get_post().path_param("postID", "post_1");
}
