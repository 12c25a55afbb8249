//! What every error kind tells a caller: status, headers, request id,
//! `retry_after()` and the documented rate limits, read the same way for
//! every provider (loopback servers answering as the providers do).
#![cfg(all(feature = "postbreeze", feature = "hooked", feature = "bundle-social"))]

use std::time::Duration;

use serde_json::json;
use social_clients::rate_window::{HOOKED_LIMITS, POSTBREEZE_LIMITS};
use social_clients::{bundle_social, hooked, postbreeze, Error, RetryPolicy};
use wiremock::matchers::method;
use wiremock::{Mock, MockServer, ResponseTemplate};

async fn answering(template: ResponseTemplate) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(template)
        .mount(&server)
        .await;
    server
}

fn postbreeze(server: &MockServer) -> postbreeze::Client {
    postbreeze::Client::builder("pb_live_key")
        .base_url(format!("{}/api/v1", server.uri()))
        .retry(RetryPolicy::disabled())
        .build()
        .unwrap()
}

#[tokio::test]
async fn a_typed_error_gives_status_headers_request_id_wait_and_limits() {
    let server = answering(
        ResponseTemplate::new(429)
            .insert_header("retry-after", "7")
            .set_body_json(
                json!({"statusCode": 429, "code": "RATE_LIMITED", "message": "slow down",
                                  "requestId": "req_body"}),
            ),
    )
    .await;
    let err = postbreeze(&server)
        .get_social_account("soc_1")
        .await
        .unwrap_err();
    assert!(matches!(err, Error::ErrorResponse(_)), "{err:?}");
    assert_eq!(err.status().map(|s| s.as_u16()), Some(429));
    assert_eq!(err.headers().unwrap()["retry-after"], "7");
    assert_eq!(err.request_id(), Some("req_body"), "the body's field");
    assert_eq!(err.retry_after(), Some(Duration::from_secs(7)));
    assert_eq!(err.rate_limits(), Some(&POSTBREEZE_LIMITS[..]));
    assert_eq!(
        err.error_body().unwrap().code.as_deref(),
        Some("RATE_LIMITED")
    );
    assert!(err.is_retryable());
}

#[tokio::test]
async fn the_header_request_id_wins_and_the_bodys_wait_is_read_when_no_header_says() {
    let server = answering(
        ResponseTemplate::new(403)
            .insert_header("x-request-id", "req_header")
            .set_body_json(json!({"statusCode": 403, "code": "PLAN_LIMIT_POSTS", "message": "limit",
                                  "requestId": "req_body", "retryAfterMs": 1500, "limit": 10, "current": 10})),
    )
    .await;
    let err = postbreeze(&server)
        .get_social_account("soc_1")
        .await
        .unwrap_err();
    assert_eq!(err.request_id(), Some("req_header"));
    assert_eq!(err.retry_after(), Some(Duration::from_millis(1500)));
    assert_eq!(err.rate_limits(), None, "not a 429");
    let body = err.error_body().unwrap();
    assert_eq!((body.limit, body.current), (Some(10), Some(10)));
    assert!(!err.is_retryable());
}

#[tokio::test]
async fn an_undocumented_answer_gives_status_headers_and_request_id() {
    let server = answering(
        ResponseTemplate::new(418)
            .insert_header("request-id", "req_teapot")
            .set_body_string("<html>teapot</html>"),
    )
    .await;
    let err = postbreeze(&server)
        .get_social_account("soc_1")
        .await
        .unwrap_err();
    assert!(matches!(err, Error::UnexpectedResponse(_)), "{err:?}");
    assert_eq!(err.status().map(|s| s.as_u16()), Some(418));
    assert_eq!(err.request_id(), Some("req_teapot"));
    assert_eq!(err.retry_after(), None);
    assert_eq!(err.to_string(), "unexpected response: 418 I'm a teapot");
}

#[tokio::test]
async fn a_decode_failure_keeps_status_headers_request_id_and_an_excerpt() {
    let long_name = "n".repeat(2_000);
    let server = answering(
        ResponseTemplate::new(200)
            .insert_header("x-request-id", "req_decode")
            .set_body_json(json!({"id": 42, "name": long_name})),
    )
    .await;
    let err = postbreeze(&server)
        .get_social_account("soc_1")
        .await
        .unwrap_err();
    let Error::InvalidResponsePayload(decode) = &err else {
        panic!("{err:?}")
    };
    assert_eq!(decode.path(), Some("id"));
    assert_eq!(err.status().map(|s| s.as_u16()), Some(200));
    assert_eq!(err.request_id(), Some("req_decode"));
    let excerpt = decode.excerpt();
    assert!(
        excerpt.len() <= social_clients::error::EXCERPT_BYTES + "…".len(),
        "{}",
        excerpt.len()
    );
    assert!(excerpt.ends_with('…'));
    assert!(decode.body().len() > 2_000, "the whole body is kept");
    assert!(err.to_string().contains("at `id`"), "{err}");
}

#[tokio::test]
async fn a_transport_error_has_no_answer_to_read() {
    // A port nothing listens on: bind, note the port, close.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let client = postbreeze::Client::builder("pb_live_key")
        .base_url(format!("http://127.0.0.1:{port}/api/v1"))
        .retry(RetryPolicy::disabled())
        .build()
        .unwrap();
    let err = client.get_social_account("soc_1").await.unwrap_err();
    assert!(matches!(err, Error::CommunicationError(_)), "{err:?}");
    assert_eq!((err.status(), err.headers().is_none()), (None, true));
    assert_eq!((err.request_id(), err.retry_after()), (None, None));
    assert!(err.is_retryable(), "nothing reached the server");
}

#[tokio::test]
async fn every_provider_reads_the_same_way() {
    let server = answering(
        ResponseTemplate::new(429)
            .insert_header("retry-after", "3")
            .insert_header("x-request-id", "req_h")
            .set_body_json(json!({"error": "RATE_LIMITED", "message": "slow"})),
    )
    .await;
    let hooked = hooked::Client::builder("hk_key")
        .base_url(server.uri())
        .retry(RetryPolicy::disabled())
        .build()
        .unwrap();
    let err = hooked
        .list_avatars(hooked::params::ListAvatarsParams::new())
        .await
        .unwrap_err();
    assert_eq!(
        (err.request_id(), err.retry_after(), err.rate_limits()),
        (
            Some("req_h"),
            Some(Duration::from_secs(3)),
            Some(&HOOKED_LIMITS[..])
        )
    );

    let bundle = bundle_social::Client::builder("bundle_key")
        .base_url(server.uri())
        .retry(RetryPolicy::disabled())
        .build()
        .unwrap();
    let err = bundle.app_get_health().await.unwrap_err();
    assert_eq!(
        (
            err.status().map(|s| s.as_u16()),
            err.request_id(),
            err.retry_after()
        ),
        (Some(429), Some("req_h"), Some(Duration::from_secs(3)))
    );
    assert_eq!(
        err.rate_limits(),
        Some(&[][..]),
        "bundle.social documents no general limit"
    );
}
