//! Per-call options (`client.with(RequestOptions)`): each override takes
//! effect on the calls made through the returned client and not on the
//! next call through the original, over real HTTP on loopback. (A stream
//! through such a client: tests/sampled/paging.rs.)
#![cfg(feature = "postbreeze")]

use std::time::Duration;

use reqwest::header::{HeaderName, HeaderValue};
use serde_json::json;
use social_clients::{postbreeze, Error, RequestOptions, RetryPolicy};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const KEY: &str = "pb_live_key";

fn account() -> serde_json::Value {
    json!({"id": "soc_1", "workspaceId": "ws", "platform": "X", "externalId": "1", "handle": "@x",
           "status": "ACTIVE", "scopes": [], "connectedAt": "2024-01-01T00:00:00Z"})
}

fn client(server: &MockServer) -> postbreeze::Client {
    postbreeze::Client::builder(KEY)
        .base_url(format!("{}/api/v1", server.uri()))
        .header(
            HeaderName::from_static("x-tenant"),
            HeaderValue::from_static("client-wide"),
        )
        .retry(RetryPolicy::default().backoff(Duration::from_millis(1), Duration::from_millis(2)))
        .build()
        .unwrap()
}

fn header(name: &'static str, value: &'static str) -> RequestOptions {
    RequestOptions::new().header(
        HeaderName::from_static(name),
        HeaderValue::from_static(value),
    )
}

#[tokio::test]
async fn a_calls_timeout_applies_to_that_call_only() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(account())
                .set_delay(Duration::from_millis(600)),
        )
        .mount(&server)
        .await;
    let client = client(&server);
    let hasty = client.with(
        RequestOptions::new()
            .timeout(Duration::from_millis(100))
            .retry(RetryPolicy::disabled()),
    );
    let err = hasty.get_social_account("soc_1").await.unwrap_err();
    assert!(
        matches!(&err, Error::CommunicationError(e) if e.is_timeout()),
        "{err:?}"
    );
    // The original client keeps its 30 s.
    assert_eq!(
        client.get_social_account("soc_1").await.unwrap().id,
        "soc_1"
    );
}

#[tokio::test]
async fn a_calls_headers_are_sent_with_it_and_not_with_the_next_call() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_body_json(account()))
        .mount(&server)
        .await;
    let client = client(&server);
    let options = header("x-trace-id", "abc123")
        .header(
            HeaderName::from_static("x-tenant"),
            HeaderValue::from_static("this-call"),
        )
        // Never replaces the key.
        .header(
            reqwest::header::AUTHORIZATION,
            HeaderValue::from_static("Bearer someone-else"),
        );
    client
        .with(options)
        .get_social_account("soc_1")
        .await
        .unwrap();
    client.get_social_account("soc_1").await.unwrap();

    let requests = server.received_requests().await.unwrap();
    let (with, without) = (&requests[0].headers, &requests[1].headers);
    assert_eq!(with["x-trace-id"], "abc123");
    assert_eq!(
        with.get_all("x-tenant").iter().collect::<Vec<_>>(),
        ["this-call"]
    );
    assert_eq!(with["authorization"], format!("Bearer {KEY}").as_str());
    assert!(without.get("x-trace-id").is_none());
    assert_eq!(without["x-tenant"], "client-wide");
}

#[tokio::test]
async fn a_calls_retry_policy_replaces_the_clients() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/v1/social-accounts/soc_1"))
        .respond_with(ResponseTemplate::new(503))
        .mount(&server)
        .await;
    let client = client(&server);
    let count = || async { server.received_requests().await.unwrap().len() };

    client
        .with(RequestOptions::new().retry(RetryPolicy::disabled()))
        .get_social_account("soc_1")
        .await
        .unwrap_err();
    assert_eq!(count().await, 1, "no retries for this call");
    client.get_social_account("soc_1").await.unwrap_err();
    assert_eq!(
        count().await,
        1 + 3,
        "the client's two retries for the next"
    );
    client
        .with(
            RequestOptions::new().retry(
                RetryPolicy::default()
                    .max_retries(4)
                    .backoff(Duration::from_millis(1), Duration::from_millis(2)),
            ),
        )
        .get_social_account("soc_1")
        .await
        .unwrap_err();
    assert_eq!(count().await, 4 + 5, "four retries when asked");
}
