//! Retries over real HTTP on loopback: what is retried, how often, and how
//! long the client waits.
#![cfg(all(feature = "bundle-social", feature = "postbreeze"))]

use std::time::{Duration, Instant};

use serde_json::json;
use social_clients::{bundle_social, postbreeze, RetryPolicy};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const FAST: Duration = Duration::from_millis(5);

fn channel() -> serde_json::Value {
    json!({"id": "soc_1", "workspaceId": "ws", "platform": "X", "externalId": "1", "handle": "@x",
           "status": "ACTIVE", "scopes": [], "connectedAt": "2024-01-01T00:00:00Z"})
}

/// A server answering `failures` times with `failure`, then 200 with `body`.
async fn flaky(
    verb: &str,
    route: &str,
    failures: u64,
    failure: ResponseTemplate,
    body: serde_json::Value,
) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(method(verb))
        .and(path(route))
        .respond_with(failure)
        .up_to_n_times(failures)
        .with_priority(1)
        .mount(&server)
        .await;
    Mock::given(method(verb))
        .and(path(route))
        .respond_with(ResponseTemplate::new(200).set_body_json(body))
        .with_priority(2)
        .mount(&server)
        .await;
    server
}

fn postbreeze(server: &MockServer, policy: RetryPolicy) -> postbreeze::Client {
    postbreeze::Client::builder("k")
        .base_url(format!("{}/api/v1", server.uri()))
        .retry(policy.backoff(FAST, FAST))
        .build()
        .unwrap()
}

fn bundle(server: &MockServer, policy: RetryPolicy) -> bundle_social::Client {
    bundle_social::Client::builder("k")
        .base_url(server.uri())
        .retry(policy.backoff(FAST, FAST))
        .build()
        .unwrap()
}

async fn requests(server: &MockServer) -> usize {
    server.received_requests().await.unwrap().len()
}

fn selector() -> bundle_social::types::AccountSelector {
    bundle_social::types::AccountSelector {
        type_: bundle_social::types::Platform::Tiktok,
        team_id: "t".into(),
    }
}

#[tokio::test]
async fn an_idempotent_request_is_retried_through_5xx_until_it_succeeds() {
    let server = flaky(
        "GET",
        "/api/v1/social-accounts/soc_1",
        2,
        ResponseTemplate::new(503),
        channel(),
    )
    .await;
    let account = postbreeze(&server, RetryPolicy::default())
        .get_social_account("soc_1")
        .await
        .unwrap();
    assert_eq!(account.id, "soc_1");
    assert_eq!(requests(&server).await, 3);
}

#[tokio::test]
async fn retries_stop_at_the_configured_count() {
    let server = flaky(
        "GET",
        "/api/v1/social-accounts/soc_1",
        10,
        ResponseTemplate::new(502),
        channel(),
    )
    .await;
    let err = postbreeze(&server, RetryPolicy::default().max_retries(1))
        .get_social_account("soc_1")
        .await
        .unwrap_err();
    assert_eq!(err.status().map(|s| s.as_u16()), Some(502));
    assert_eq!(requests(&server).await, 2);

    let server = flaky(
        "GET",
        "/api/v1/social-accounts/soc_1",
        10,
        ResponseTemplate::new(502),
        channel(),
    )
    .await;
    postbreeze(&server, RetryPolicy::disabled())
        .get_social_account("soc_1")
        .await
        .unwrap_err();
    assert_eq!(requests(&server).await, 1);
}

#[tokio::test]
async fn a_post_is_not_repeated_after_a_5xx_unless_the_caller_opts_in() {
    let route = "/api/v1/social-account/profile-refresh";
    let server = flaky("POST", route, 1, ResponseTemplate::new(503), json!({})).await;
    let err = bundle(&server, RetryPolicy::default())
        .social_account_profile_refresh(&selector())
        .await
        .unwrap_err();
    assert_eq!(err.status().map(|s| s.as_u16()), Some(503));
    assert_eq!(requests(&server).await, 1);

    let server = flaky("POST", route, 1, ResponseTemplate::new(503), json!({})).await;
    let opted_in = RetryPolicy::default().retry_non_idempotent(true);
    // The 200 body is `{}`, which does not decode: what matters is the count.
    let _ = bundle(&server, opted_in)
        .social_account_profile_refresh(&selector())
        .await;
    assert_eq!(requests(&server).await, 2);
}

#[tokio::test]
async fn a_429_is_retried_for_any_method_after_retry_after() {
    let route = "/api/v1/social-account/profile-refresh";
    let limited = ResponseTemplate::new(429)
        .insert_header("retry-after", "1")
        .set_body_json(json!({"message": "slow down"}));
    let server = flaky("POST", route, 1, limited, json!({})).await;
    let started = Instant::now();
    let _ = bundle(&server, RetryPolicy::default())
        .social_account_profile_refresh(&selector())
        .await;
    assert_eq!(requests(&server).await, 2);
    assert!(
        started.elapsed() >= Duration::from_millis(950),
        "waited only {:?}",
        started.elapsed()
    );
}

#[tokio::test]
async fn a_retry_after_beyond_the_cap_returns_the_answer_at_once() {
    let limited = ResponseTemplate::new(429)
        .insert_header("retry-after", "120")
        .set_body_json(json!({"statusCode": 429, "code": "RATE_LIMITED", "message": "later"}));
    let server = flaky(
        "GET",
        "/api/v1/social-accounts/soc_1",
        1,
        limited,
        channel(),
    )
    .await;
    let started = Instant::now();
    let err = postbreeze(&server, RetryPolicy::default())
        .get_social_account("soc_1")
        .await
        .unwrap_err();
    assert_eq!(err.status().map(|s| s.as_u16()), Some(429));
    assert_eq!(requests(&server).await, 1);
    assert!(started.elapsed() < Duration::from_secs(5));
}

#[tokio::test]
async fn client_errors_are_never_retried() {
    for status in [400u16, 401, 404] {
        let server = flaky(
            "GET",
            "/api/v1/social-accounts/soc_1",
            5,
            ResponseTemplate::new(status),
            channel(),
        )
        .await;
        postbreeze(&server, RetryPolicy::default())
            .get_social_account("soc_1")
            .await
            .unwrap_err();
        assert_eq!(requests(&server).await, 1, "{status}");
    }
}
