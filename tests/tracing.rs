//! One span per operation with provider, operation, method, path, attempt,
//! status and request id; and nothing secret anywhere in the trace, at any
//! level, from any crate in the stack.
#![cfg(feature = "bundle-social")]

use std::io::Write;
use std::sync::{Arc, Mutex};

use serde_json::json;
use social_clients::bundle_social;
use tracing_subscriber::fmt::format::FmtSpan;
use wiremock::matchers::method;
use wiremock::{Mock, MockServer, ResponseTemplate};

const KEY: &str = "bsk_live_trace_secret_91c2";

#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[test]
fn requests_are_traced_without_secrets() {
    let captured = Captured::default();
    let writer = captured.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_writer(move || writer.clone())
        .with_max_level(tracing::Level::TRACE)
        .with_span_events(FmtSpan::CLOSE)
        .with_ansi(false)
        .finish();
    tracing::subscriber::with_default(subscriber, || {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        runtime.block_on(async {
            let server = MockServer::start().await;
            Mock::given(method("POST"))
                .respond_with(
                    ResponseTemplate::new(401)
                        .insert_header("x-request-id", "req_9")
                        .set_body_json(json!({"message": "bad key"})),
                )
                .mount(&server)
                .await;
            let client = bundle_social::Client::builder(KEY)
                .base_url(server.uri())
                .build()
                .unwrap();
            let selector = bundle_social::types::AccountSelector {
                type_: bundle_social::types::Platform::Tiktok,
                team_id: "team_1".into(),
            };
            let err = client
                .social_account_profile_refresh(&selector)
                .await
                .unwrap_err();
            tracing::error!(error = %err, debug = ?err, "caller logs the error");
        });
    });
    let trace = String::from_utf8(captured.0.lock().unwrap().clone()).unwrap();
    for expected in [
        "social_clients.request",
        "provider=\"bundle.social\"",
        "operation=\"social_account_profile_refresh\"",
        "method=POST",
        "path=\"/api/v1/social-account/profile-refresh\"",
        "attempt=1",
        "status=401",
        "request_id=\"req_9\"",
    ] {
        assert!(
            trace.contains(expected),
            "missing {expected:?} in:\n{trace}"
        );
    }
    assert!(
        !trace.contains(KEY) && !trace.contains("91c2"),
        "the key leaked into the trace:\n{trace}"
    );
}
