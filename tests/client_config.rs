//! The hand-written constructors: production defaults match the specs, the
//! base URL override and the timeouts work over real HTTP.
#![cfg(all(
    feature = "bundle-social",
    feature = "hooked",
    feature = "postbreeze",
    feature = "gipper"
))]

use std::time::{Duration, Instant};

use serde_json::Value;
use social_clients::{bundle_social, gipper, hooked, postbreeze, AuthScheme, Provider};
use wiremock::matchers::{header, method};
use wiremock::{Mock, MockServer, ResponseTemplate};

fn spec(module: &str) -> Value {
    let path = format!("{}/specs/{module}/openapi.json", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// The header the spec's security scheme names, lower-cased.
fn spec_auth_header(spec: &Value) -> String {
    let schemes = spec["components"]["securitySchemes"].as_object().unwrap();
    let scheme = schemes.values().next().unwrap();
    match scheme["type"].as_str().unwrap() {
        "http" => "authorization".to_string(),
        _ => scheme["name"].as_str().unwrap().to_ascii_lowercase(),
    }
}

fn assert_matches_spec<P: Provider>(module: &str) {
    let spec = spec(module);
    assert_eq!(
        P::DEFAULT_BASE_URL,
        spec["servers"][0]["url"],
        "{module} base URL"
    );
    assert_eq!(
        P::AUTH.header_name(),
        spec_auth_header(&spec),
        "{module} auth header"
    );
}

#[test]
fn defaults_match_the_specs() {
    assert_matches_spec::<bundle_social::Client>("bundle_social");
    assert_matches_spec::<hooked::Client>("hooked");
    assert_matches_spec::<postbreeze::Client>("postbreeze");
    assert_matches_spec::<gipper::Client>("gipper");
    assert_eq!(
        postbreeze::Client::AUTH,
        AuthScheme::Bearer("authorization")
    );
    assert_eq!(gipper::Client::AUTH, AuthScheme::Bearer("authentication"));
}

#[tokio::test]
async fn requests_carry_the_user_agent_and_the_override_base_url() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(header("user-agent", "my-app/1.0"))
        .respond_with(ResponseTemplate::new(200).set_body_json(serde_json::json!([])))
        .expect(1)
        .mount(&server)
        .await;
    let client = postbreeze::Client::builder("k")
        .base_url(format!("{}/api/v1/", server.uri()))
        .user_agent("my-app/1.0")
        .build()
        .unwrap();
    let workspaces = client.list_workspaces().await.unwrap();
    assert!(workspaces.is_empty());
}

#[tokio::test]
async fn extra_headers_are_sent_but_never_replace_the_auth_header() {
    use reqwest::header::{HeaderName, HeaderValue, AUTHORIZATION};
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(header("prefer", "code=200"))
        .and(header("authorization", "Bearer pb_live_real"))
        .respond_with(ResponseTemplate::new(200).set_body_json(serde_json::json!([])))
        .expect(1)
        .mount(&server)
        .await;
    let builder = postbreeze::Client::builder("pb_live_real")
        .base_url(server.uri())
        .header(
            HeaderName::from_static("prefer"),
            HeaderValue::from_static("code=200"),
        )
        .header(AUTHORIZATION, HeaderValue::from_static("Bearer forged"));
    // Only names are shown: an extra header may be a secret too.
    let shown = format!("{builder:?}");
    assert!(
        shown.contains("\"prefer\"") && !shown.contains("forged"),
        "{shown}"
    );
    let client = builder.build().unwrap();
    client.list_workspaces().await.unwrap();
}

#[tokio::test]
async fn a_server_slower_than_the_timeout_gives_a_timeout_error_in_time() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(200).set_delay(Duration::from_secs(5)))
        .mount(&server)
        .await;
    let client = hooked::Client::builder("k")
        .base_url(server.uri())
        .timeout(Duration::from_millis(300))
        .build()
        .unwrap();
    let started = Instant::now();
    let err = client.refresh_account("a").await.unwrap_err();
    let elapsed = started.elapsed();
    match &err {
        hooked::Error::CommunicationError(e) => assert!(e.is_timeout(), "{e:?}"),
        other => panic!("expected a timeout, got {other:?}"),
    }
    assert!(elapsed < Duration::from_secs(3), "took {elapsed:?}");
}
