//! Shared helpers for the behaviour tests: every test talks HTTP to a
//! wiremock server on 127.0.0.1, never to a mocked trait.

#![allow(dead_code)] // each test binary uses a different subset

use serde_json::Value;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

/// Answers `GET route` with `answers` in turn, each once, the last for good:
/// a resource read while something changes it (a post publishing).
pub async fn reads_in_turn(server: &MockServer, route: &str, answers: Vec<Value>) {
    let last = answers.len().saturating_sub(1);
    for (i, answer) in answers.into_iter().enumerate() {
        let mock = Mock::given(method("GET"))
            .and(path(route))
            .respond_with(ResponseTemplate::new(200).set_body_json(answer))
            // Earlier answers first: lower priority numbers win.
            .with_priority(1 + i as u8);
        let mock = if i == last {
            mock
        } else {
            mock.up_to_n_times(1)
        };
        mock.mount(server).await;
    }
}

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

/// Two servers on two origins: `home` answers a POST (to `route` when
/// given, else to any path) with a 307 to `elsewhere`, which would answer
/// 200. A test then checks that nothing reached `elsewhere`, the key least
/// of all.
pub async fn cross_origin_redirect(route: Option<&str>) -> (MockServer, MockServer) {
    let home = MockServer::start().await;
    let elsewhere = MockServer::start().await;
    let mut redirect = Mock::given(method("POST"));
    if let Some(route) = route {
        redirect = redirect.and(path(route));
    }
    redirect
        .respond_with(
            ResponseTemplate::new(307)
                .insert_header("location", format!("{}/steal", elsewhere.uri()).as_str()),
        )
        .mount(&home)
        .await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(200).set_body_json(serde_json::json!({})))
        .mount(&elsewhere)
        .await;
    (home, elsewhere)
}

/// The single request the server received, as JSON, for body assertions.
pub async fn only_request(server: &MockServer) -> wiremock::Request {
    let mut requests = server.received_requests().await.expect("recording is on");
    assert_eq!(requests.len(), 1, "expected exactly one request");
    requests.remove(0)
}

/// What a webhook receiver saw: each delivery decoded, or why it refused.
#[cfg(any(feature = "bundle-social", feature = "postbreeze"))]
pub type WebhookLog<T> = std::sync::Arc<std::sync::Mutex<Vec<Result<T, String>>>>;

/// A webhook endpoint on loopback, as an application would write one: each
/// POST is verified and decoded by `accept`, then answered 200, 401 (bad
/// signature) or 400 (bad body); the outcomes are logged in order.
#[cfg(any(feature = "bundle-social", feature = "postbreeze"))]
pub async fn webhook_receiver<T: Send + 'static>(
    accept: impl Fn(&wiremock::Request) -> Result<T, social_clients::webhooks::WebhookError>
        + Send
        + Sync
        + 'static,
) -> (MockServer, WebhookLog<T>) {
    use social_clients::webhooks::WebhookError;

    struct Receiver<T, F> {
        accept: F,
        log: WebhookLog<T>,
    }
    impl<T: Send + 'static, F> wiremock::Respond for Receiver<T, F>
    where
        F: Fn(&wiremock::Request) -> Result<T, WebhookError> + Send + Sync + 'static,
    {
        fn respond(&self, request: &wiremock::Request) -> ResponseTemplate {
            let outcome = (self.accept)(request);
            let status = match &outcome {
                Ok(_) => 200,
                Err(WebhookError::Signature(_)) => 401,
                Err(_) => 400,
            };
            self.log
                .lock()
                .unwrap()
                .push(outcome.map_err(|e| e.to_string()));
            ResponseTemplate::new(status)
        }
    }

    let log = WebhookLog::default();
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(Receiver {
            accept,
            log: log.clone(),
        })
        .mount(&server)
        .await;
    (server, log)
}
