//! Shared helpers for the behaviour tests: every test talks HTTP to a
//! wiremock server on 127.0.0.1, never to a mocked trait.

#![allow(dead_code)] // each test binary uses a different subset

use serde_json::Value;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

/// Starts a server that answers `verb path` with `status` and a JSON body.
pub async fn serve_json(verb: &str, route: &str, status: u16, body: Value) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(method(verb))
        .and(path(route))
        .respond_with(ResponseTemplate::new(status).set_body_json(body))
        .mount(&server)
        .await;
    server
}

/// Starts a server that answers `verb path` with `status` and raw bytes.
pub async fn serve_raw(verb: &str, route: &str, status: u16, body: &'static [u8]) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(method(verb))
        .and(path(route))
        .respond_with(ResponseTemplate::new(status).set_body_raw(body, "application/json"))
        .mount(&server)
        .await;
    server
}

/// The single request the server received, as JSON, for body assertions.
pub async fn only_request(server: &MockServer) -> wiremock::Request {
    let mut requests = server.received_requests().await.expect("recording is on");
    assert_eq!(requests.len(), 1, "expected exactly one request");
    requests.remove(0)
}
