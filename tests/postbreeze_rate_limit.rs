//! Postbreeze's rate limit over loopback: reading a connected channel that
//! waits for a 429 to pass (its `Retry-After`, or a second), gives up past
//! the maximum wait, and stops when dropped.
#![cfg(feature = "postbreeze")]

use std::time::{Duration, Instant};

use serde_json::json;
use social_clients::postbreeze::{Client, WaitError};
use social_clients::RetryPolicy;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const ROUTE: &str = "/social-accounts/soc_1";

fn channel() -> serde_json::Value {
    json!({
        "id": "soc_1", "workspaceId": "ws_1", "platform": "TIKTOK", "externalId": "7001",
        "handle": "@brand", "displayName": "Brand", "avatarUrl": null, "status": "ACTIVE",
        "scopes": [], "connectedAt": "2023-11-07T05:31:56Z", "lastRefreshedAt": null,
        "tokenExpiresAt": null, "lastRefreshAttemptAt": null, "lastRefreshError": null,
        "lastRefreshErrorStatus": null, "meta": {}, "defaultBoardId": null
    })
}

fn limited() -> ResponseTemplate {
    ResponseTemplate::new(429).set_body_json(json!({
        "statusCode": 429, "code": "rate_limited", "message": "Too many requests", "requestId": "req_1"
    }))
}

/// Retries off, so each 429 reaches the waiting helper directly.
fn client(server: &MockServer) -> Client {
    Client::builder("pb_live_k")
        .base_url(server.uri())
        .retry(RetryPolicy::disabled())
        .build()
        .unwrap()
}

async fn limited_then_ok(first: ResponseTemplate, times: u64) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(ROUTE))
        .respond_with(first)
        .up_to_n_times(times)
        .with_priority(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(ROUTE))
        .respond_with(ResponseTemplate::new(200).set_body_json(channel()))
        .with_priority(2)
        .mount(&server)
        .await;
    server
}

#[tokio::test]
async fn waits_for_retry_after_then_reads_the_channel() {
    let server = limited_then_ok(limited().insert_header("retry-after", "1"), 1).await;
    let started = Instant::now();
    let account = client(&server)
        .get_social_account_waiting("soc_1", Duration::from_secs(10))
        .await
        .unwrap();
    assert_eq!(account.handle, "@brand");
    assert!(started.elapsed() >= Duration::from_secs(1));
    assert_eq!(server.received_requests().await.unwrap().len(), 2);
}

#[tokio::test]
async fn without_retry_after_it_waits_a_second() {
    let server = limited_then_ok(limited(), 1).await;
    let started = Instant::now();
    client(&server)
        .get_social_account_waiting("soc_1", Duration::from_secs(10))
        .await
        .unwrap();
    let took = started.elapsed();
    assert!(
        took >= Duration::from_secs(1) && took < Duration::from_secs(5),
        "{took:?}"
    );
}

#[tokio::test]
async fn a_limit_longer_than_the_maximum_wait_is_a_typed_error_at_once() {
    let server = limited_then_ok(limited().insert_header("retry-after", "900"), 10).await;
    let started = Instant::now();
    let err = client(&server)
        .get_social_account_waiting("soc_1", Duration::from_secs(30))
        .await
        .unwrap_err();
    assert!(
        matches!(err, WaitError::StillLimited { max_wait, .. } if max_wait == Duration::from_secs(30)),
        "{err:?}"
    );
    assert!(started.elapsed() < Duration::from_secs(5));
}

/// With the default retry policy the client itself waits out a short
/// `Retry-After`; inside the helper those waits count against `max_wait`
/// too, so a limit longer than what is left ends the call at once instead of
/// after the policy's own retries.
#[tokio::test]
async fn the_retry_policy_never_waits_past_the_maximum_wait() {
    let server = limited_then_ok(limited().insert_header("retry-after", "3"), 10).await;
    let client = Client::builder("pb_live_k")
        .base_url(server.uri())
        .build()
        .unwrap();
    let started = Instant::now();
    let err = client
        .get_social_account_waiting("soc_1", Duration::from_secs(2))
        .await
        .unwrap_err();
    assert!(matches!(err, WaitError::StillLimited { .. }), "{err:?}");
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(server.received_requests().await.unwrap().len(), 1);

    // A wait that fits is still the policy's to make.
    let server = limited_then_ok(limited().insert_header("retry-after", "1"), 1).await;
    let client = Client::builder("pb_live_k")
        .base_url(server.uri())
        .build()
        .unwrap();
    let account = client
        .get_social_account_waiting("soc_1", Duration::from_secs(10))
        .await
        .unwrap();
    assert_eq!(account.handle, "@brand");
    assert_eq!(server.received_requests().await.unwrap().len(), 2);
}

#[tokio::test]
async fn other_errors_pass_through_typed() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(ROUTE))
        .respond_with(ResponseTemplate::new(404).set_body_json(json!({
            "statusCode": 404, "code": "not_found", "message": "No such channel", "requestId": "req_9"
        })))
        .mount(&server)
        .await;
    let err = client(&server)
        .get_social_account_waiting("soc_1", Duration::from_secs(10))
        .await
        .unwrap_err();
    match err {
        WaitError::Api(social_clients::postbreeze::Error::ErrorResponse(answer)) => {
            assert_eq!(answer.status(), 404);
            assert_eq!(answer.request_id.as_deref(), Some("req_9"));
        }
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn dropping_the_future_stops_the_waiting() {
    let server = limited_then_ok(limited().insert_header("retry-after", "2"), 10).await;
    let client = client(&server);
    let waiting = client.get_social_account_waiting("soc_1", Duration::from_secs(60));
    assert!(tokio::time::timeout(Duration::from_millis(500), waiting)
        .await
        .is_err());
    tokio::time::sleep(Duration::from_secs(3)).await;
    // One request before the drop, none after.
    assert_eq!(server.received_requests().await.unwrap().len(), 1);
}
