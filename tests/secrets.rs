//! Keys stay secret: never in Debug/Display/errors, never sent to another
//! origin on a redirect (two loopback servers on different ports).
#![cfg(all(feature = "bundle-social", feature = "gipper", feature = "postbreeze"))]

mod support;

use serde_json::json;
use social_clients::{bundle_social, gipper, postbreeze, ApiKey, BuildError};
use wiremock::matchers::{header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const KEY: &str = "sk_live_do_not_leak_4f9a";

fn selector() -> bundle_social::types::AccountSelector {
    bundle_social::types::AccountSelector {
        type_: bundle_social::types::Platform::Tiktok,
        team_id: "team_1".into(),
    }
}

#[test]
fn clients_and_builders_never_print_the_key() {
    let bundle = bundle_social::Client::from_api_key(KEY).unwrap();
    let postbreeze = postbreeze::Client::from_api_key(KEY).unwrap();
    let gipper = gipper::Client::from_api_key(KEY).unwrap();
    let builder = bundle_social::Client::builder(KEY);
    for text in [
        format!("{bundle:?}"),
        format!("{postbreeze:?}"),
        format!("{gipper:?}"),
        format!("{builder:?}"),
        format!("{:?} {}", ApiKey::new(KEY), ApiKey::new(KEY)),
    ] {
        assert!(
            !text.contains(KEY) && !text.contains("4f9a"),
            "key leaked: {text}"
        );
    }
}

#[test]
fn build_errors_never_contain_the_key() {
    let bad = "sk_live_secret\nInjected: header";
    let err = bundle_social::Client::from_api_key(bad).unwrap_err();
    assert!(matches!(err, BuildError::Key { .. }));
    let text = format!("{err} {err:?}");
    assert!(!text.contains("sk_live_secret"), "{text}");
    assert!(text.contains("bundle.social"), "{text}");

    let err = gipper::Client::from_api_key("  ").unwrap_err();
    assert!(err.to_string().contains("empty"), "{err}");

    let err = bundle_social::Client::builder(KEY)
        .base_url("ftp://127.0.0.1")
        .build()
        .unwrap_err();
    assert!(matches!(err, BuildError::BaseUrl { .. }), "{err:?}");
    assert!(!format!("{err:?}").contains(KEY));
}

#[tokio::test]
async fn transport_errors_never_contain_the_key() {
    // A port nothing listens on: bind, read the port, drop the listener.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let client = bundle_social::Client::builder(KEY)
        .base_url(format!("http://127.0.0.1:{port}"))
        .build()
        .unwrap();
    let err = client
        .social_account_profile_refresh(&selector())
        .await
        .unwrap_err();
    let text = format!("{err} {err:?}");
    assert!(
        matches!(err, bundle_social::Error::CommunicationError(_)),
        "{text}"
    );
    assert!(!text.contains(KEY), "{text}");
}

#[tokio::test]
async fn a_redirect_to_another_origin_is_not_followed_and_the_key_stays_home() {
    let (home, elsewhere) =
        support::cross_origin_redirect(Some("/api/v1/social-account/profile-refresh")).await;

    let client = bundle_social::Client::builder(KEY)
        .base_url(home.uri())
        .build()
        .unwrap();
    let err = client
        .social_account_profile_refresh(&selector())
        .await
        .unwrap_err();
    assert_eq!(err.status().map(|s| s.as_u16()), Some(307), "{err:?}");
    let received = elsewhere.received_requests().await.unwrap();
    assert!(
        received.is_empty(),
        "the other origin received {} request(s)",
        received.len()
    );
}

#[tokio::test]
async fn a_redirect_within_the_origin_is_followed_with_the_key() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/v1/social-accounts/old"))
        .respond_with(
            ResponseTemplate::new(308).insert_header("location", "/api/v1/social-accounts/new"),
        )
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/api/v1/social-accounts/new"))
        .and(header("authorization", format!("Bearer {KEY}").as_str()))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "id": "soc_new", "workspaceId": "ws", "platform": "X", "externalId": "1", "handle": "@x",
            "status": "ACTIVE", "scopes": [], "connectedAt": "2024-01-01T00:00:00Z"
        })))
        .expect(1)
        .mount(&server)
        .await;
    let client = postbreeze::Client::builder(KEY)
        .base_url(format!("{}/api/v1", server.uri()))
        .build()
        .unwrap();
    let account = client.get_social_account("old").await.unwrap();
    assert_eq!(account.id, "soc_new");
}
