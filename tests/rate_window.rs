//! bundle.social's rate window over loopback: the typed value from an
//! answer, and profile refresh that waits for an exhausted window.
#![cfg(feature = "bundle-social")]

use std::time::{Duration, Instant};

use serde_json::json;
use social_clients::bundle_social::{types, Client, WaitError};
use social_clients::{RateWindow, RetryPolicy};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const ROUTE: &str = "/api/v1/social-account/profile-refresh";

fn answer(remaining: u64) -> serde_json::Value {
    json!({
        "success": true, "socialAccountId": "sa_1", "refreshedAt": "2024-01-01T00:00:00Z",
        "socialAccount": {"id": "sa_1", "type": "TIKTOK", "teamId": "t", "createdAt": null, "updatedAt": null},
        "limit": 2, "used": 2 - remaining, "remaining": remaining, "windowSeconds": 60
    })
}

fn selector() -> types::AccountSelector {
    types::AccountSelector {
        type_: types::Platform::Tiktok,
        team_id: "t".into(),
    }
}

/// Retries off, so each 429 reaches the waiting helper directly.
fn client(server: &MockServer) -> Client {
    Client::builder("k")
        .base_url(server.uri())
        .retry(RetryPolicy::disabled())
        .build()
        .unwrap()
}

async fn limited_then_ok(limited_times: u64, retry_after: &str) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path(ROUTE))
        .respond_with(
            ResponseTemplate::new(429)
                .insert_header("retry-after", retry_after)
                .set_body_json(
                    json!({"statusCode": 429, "message": "Profile refresh limit reached"}),
                ),
        )
        .up_to_n_times(limited_times)
        .with_priority(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path(ROUTE))
        .respond_with(ResponseTemplate::new(200).set_body_json(answer(1)))
        .with_priority(2)
        .mount(&server)
        .await;
    server
}

#[tokio::test]
async fn the_answer_carries_a_typed_window() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path(ROUTE))
        .respond_with(ResponseTemplate::new(200).set_body_json(answer(1)))
        .mount(&server)
        .await;
    let refreshed = client(&server)
        .social_account_profile_refresh(&selector())
        .await
        .unwrap();
    let window = RateWindow::from(&*refreshed);
    assert_eq!(
        window,
        RateWindow {
            limit: 2,
            used: 1,
            remaining: 1,
            window: Duration::from_secs(60)
        }
    );
    assert!(!window.is_exhausted());
    assert!(RateWindow {
        remaining: 0,
        ..window
    }
    .is_exhausted());
}

#[tokio::test]
async fn an_exhausted_window_is_waited_for_instead_of_failing() {
    let server = limited_then_ok(1, "1").await;
    let started = Instant::now();
    let refreshed = client(&server)
        .profile_refresh_waiting(&selector(), Duration::from_secs(10))
        .await
        .unwrap();
    assert_eq!(refreshed.remaining, 1);
    assert!(
        started.elapsed() >= Duration::from_millis(950),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(server.received_requests().await.unwrap().len(), 2);
}

#[tokio::test]
async fn a_window_that_stays_closed_past_the_maximum_is_a_typed_error() {
    let server = limited_then_ok(100, "30").await;
    let started = Instant::now();
    let err = client(&server)
        .profile_refresh_waiting(&selector(), Duration::from_secs(2))
        .await
        .unwrap_err();
    assert!(matches!(err, WaitError::StillLimited { .. }), "{err:?}");
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "gave up only after {:?}",
        started.elapsed()
    );
}

#[tokio::test]
async fn other_failures_are_returned_as_they_are() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(403).set_body_json(json!({"message": "not your team"})))
        .mount(&server)
        .await;
    let err = client(&server)
        .profile_refresh_waiting(&selector(), Duration::from_secs(10))
        .await
        .unwrap_err();
    assert!(
        matches!(&err, WaitError::Api(e) if e.status().map(|s| s.as_u16()) == Some(403)),
        "{err:?}"
    );
}

#[tokio::test]
async fn waiting_is_cancelled_by_dropping_the_future() {
    let server = limited_then_ok(100, "10").await;
    let client = client(&server);
    let body = selector();
    let waiting = client.profile_refresh_waiting(&body, Duration::from_secs(60));
    let started = Instant::now();
    assert!(tokio::time::timeout(Duration::from_millis(300), waiting)
        .await
        .is_err());
    assert!(started.elapsed() < Duration::from_secs(2));
    assert_eq!(server.received_requests().await.unwrap().len(), 1);
}
