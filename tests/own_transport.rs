//! A caller's own HTTP client (`HttpClient` over their reqwest builder):
//! each guarantee of the builder's own client still holds, over real HTTP
//! on loopback.
#![cfg(all(feature = "bundle-social", feature = "postbreeze"))]

mod support;

use std::time::Duration;

use reqwest::header::{HeaderMap, HeaderValue};
use serde_json::json;
use social_clients::{bundle_social, postbreeze, Error, HttpClient, RetryPolicy};
use wiremock::matchers::{header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const BUNDLE_KEY: &str = "bundle_key_do_not_leak";
const BREEZE_KEY: &str = "pb_live_do_not_leak";

/// A reqwest builder as a team might have it: its own default header, and
/// reqwest's usual redirect policy (follow up to ten, to any origin).
fn teams_builder() -> reqwest::ClientBuilder {
    let mut defaults = HeaderMap::new();
    defaults.insert("x-team", HeaderValue::from_static("growth"));
    reqwest::Client::builder()
        .default_headers(defaults)
        .redirect(reqwest::redirect::Policy::limited(10))
        .pool_max_idle_per_host(2)
}

fn account() -> serde_json::Value {
    json!({"id": "soc_1", "workspaceId": "ws", "platform": "X", "externalId": "1", "handle": "@x",
           "status": "ACTIVE", "scopes": [], "connectedAt": "2024-01-01T00:00:00Z"})
}

fn selector() -> bundle_social::types::AccountSelector {
    bundle_social::types::AccountSelector {
        type_: bundle_social::types::Platform::Tiktok,
        team_id: "team_1".into(),
    }
}

#[tokio::test]
async fn a_shared_client_sends_each_provider_its_own_key_and_the_teams_headers() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/v1/social-accounts/soc_1"))
        .respond_with(ResponseTemplate::new(200).set_body_json(account()))
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/api/v1/social-account/profile-refresh"))
        .respond_with(ResponseTemplate::new(500).set_body_json(json!({"message": "x"})))
        .mount(&server)
        .await;
    let http = HttpClient::new(teams_builder()).unwrap();
    let breeze = postbreeze::Client::builder(BREEZE_KEY)
        .base_url(format!("{}/api/v1", server.uri()))
        .user_agent("team-app/2.0")
        .http_client(http.clone())
        .build()
        .unwrap();
    let bundle = bundle_social::Client::builder(BUNDLE_KEY)
        .base_url(server.uri())
        .retry(RetryPolicy::disabled())
        .http_client(http.clone())
        .build()
        .unwrap();
    breeze.get_social_account("soc_1").await.unwrap();
    bundle
        .social_account_profile_refresh(&selector())
        .await
        .unwrap_err();

    let requests = server.received_requests().await.unwrap();
    assert_eq!(requests.len(), 2);
    let (to_breeze, to_bundle) = (&requests[0].headers, &requests[1].headers);
    assert_eq!(
        to_breeze["authorization"],
        format!("Bearer {BREEZE_KEY}").as_str()
    );
    assert!(to_breeze.get("x-api-key").is_none());
    assert_eq!(to_breeze["user-agent"], "team-app/2.0");
    assert_eq!(to_bundle["x-api-key"], BUNDLE_KEY);
    assert!(to_bundle.get("authorization").is_none());
    assert!(to_bundle["user-agent"]
        .to_str()
        .unwrap()
        .starts_with("social-clients/"));
    for sent in [to_breeze, to_bundle] {
        assert_eq!(sent["x-team"], "growth", "the team's own default header");
    }
    // The caller's own calls share the client and carry no provider key.
    let own = server.uri() + "/own";
    let _ = http.reqwest().get(own).send().await.unwrap();
    let requests = server.received_requests().await.unwrap();
    let own = &requests[2].headers;
    assert!(own.get("authorization").is_none() && own.get("x-api-key").is_none());
}

#[tokio::test]
async fn a_teams_client_does_not_follow_a_redirect_to_another_origin() {
    // Any path: the caller's own POST to the bare origin is redirected too.
    let (home, elsewhere) = support::cross_origin_redirect(None).await;
    let client = bundle_social::Client::builder(BUNDLE_KEY)
        .base_url(home.uri())
        .http_client(HttpClient::new(teams_builder()).unwrap())
        .build()
        .unwrap();
    let err = client
        .social_account_profile_refresh(&selector())
        .await
        .unwrap_err();
    assert_eq!(err.status().map(|s| s.as_u16()), Some(307), "{err:?}");
    assert!(elsewhere.received_requests().await.unwrap().is_empty());
    // The caller's own use of the client is held to the same policy.
    let http = HttpClient::new(teams_builder()).unwrap();
    let answer = http.reqwest().post(home.uri()).send().await.unwrap();
    assert_eq!(answer.status(), 307);
    assert!(elsewhere.received_requests().await.unwrap().is_empty());
}

#[tokio::test]
async fn a_teams_client_follows_a_redirect_within_the_origin_with_the_key() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/v1/social-accounts/old"))
        .respond_with(
            ResponseTemplate::new(308).insert_header("location", "/api/v1/social-accounts/soc_1"),
        )
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/api/v1/social-accounts/soc_1"))
        .and(header(
            "authorization",
            format!("Bearer {BREEZE_KEY}").as_str(),
        ))
        .respond_with(ResponseTemplate::new(200).set_body_json(account()))
        .expect(1)
        .mount(&server)
        .await;
    let client = postbreeze::Client::builder(BREEZE_KEY)
        .base_url(format!("{}/api/v1", server.uri()))
        .http_client(HttpClient::new(teams_builder()).unwrap())
        .build()
        .unwrap();
    assert_eq!(client.get_social_account("old").await.unwrap().id, "soc_1");
}

#[tokio::test]
async fn the_builders_timeout_holds_over_a_teams_client_and_the_key_stays_out_of_debug() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(account())
                .set_delay(Duration::from_secs(3)),
        )
        .mount(&server)
        .await;
    let client = postbreeze::Client::builder(BREEZE_KEY)
        .base_url(format!("{}/api/v1", server.uri()))
        .timeout(Duration::from_millis(200))
        .retry(RetryPolicy::disabled())
        .http_client(HttpClient::new(teams_builder()).unwrap())
        .build()
        .unwrap();
    let started = std::time::Instant::now();
    let err = client.get_social_account("soc_1").await.unwrap_err();
    assert!(
        matches!(&err, Error::CommunicationError(e) if e.is_timeout()),
        "{err:?}"
    );
    assert!(started.elapsed() < Duration::from_secs(2));
    for printed in [format!("{client:?}"), format!("{err:?}"), err.to_string()] {
        assert!(!printed.contains(BREEZE_KEY), "{printed}");
    }
}
