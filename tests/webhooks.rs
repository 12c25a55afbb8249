//! Webhook verification inside a real HTTP receiver on loopback: a wiremock
//! server accepts a delivery (204) only when the verifier does, and the test
//! posts deliveries to it the way the providers would.
#![cfg(all(feature = "bundle-social", feature = "postbreeze"))]

use std::time::{Duration, SystemTime};

use social_clients::webhooks::{bundle_social, postbreeze, WebhookSecret};
use wiremock::{Match, Mock, MockServer, Request, ResponseTemplate};

/// A receiver that answers 204 to verified deliveries and 404 (wiremock's
/// "no match") to everything else.
async fn receiver(verify: impl Fn(&Request) -> bool + Send + Sync + 'static) -> MockServer {
    struct Verified<F>(F);
    impl<F: Fn(&Request) -> bool + Send + Sync> Match for Verified<F> {
        fn matches(&self, request: &Request) -> bool {
            (self.0)(request)
        }
    }
    let server = MockServer::start().await;
    Mock::given(Verified(verify))
        .respond_with(ResponseTemplate::new(204))
        .mount(&server)
        .await;
    server
}

fn header<'a>(request: &'a Request, name: &str) -> Option<&'a str> {
    request.headers.get(name).and_then(|v| v.to_str().ok())
}

async fn deliver(server: &MockServer, headers: &[(&str, String)], body: &'static [u8]) -> u16 {
    let mut request = reqwest::Client::new()
        .post(format!("{}/webhooks", server.uri()))
        .body(body);
    for (name, value) in headers {
        request = request.header(*name, value);
    }
    request.send().await.unwrap().status().as_u16()
}

#[tokio::test]
async fn bundle_social_deliveries_are_accepted_only_with_the_right_signature() {
    let secret = WebhookSecret::from("bundle_whsec");
    let verifying = secret.clone();
    let server = receiver(move |r| {
        bundle_social::verify(
            &verifying,
            header(r, bundle_social::SIGNATURE_HEADER),
            &r.body,
        )
        .is_ok()
    })
    .await;
    let body: &[u8] = br#"{"type":"post.published","data":{"id":"p_1"}}"#;
    let good = bundle_social::signature(&secret, body);
    assert_eq!(
        deliver(&server, &[("x-signature", good.clone())], body).await,
        204
    );
    assert_eq!(
        deliver(
            &server,
            &[("x-signature", good)],
            br#"{"type":"post.deleted"}"#
        )
        .await,
        404
    );
    let forged = bundle_social::signature(&WebhookSecret::from("guess"), body);
    assert_eq!(
        deliver(&server, &[("x-signature", forged)], body).await,
        404
    );
    assert_eq!(deliver(&server, &[], body).await, 404);
}

#[tokio::test]
async fn postbreeze_deliveries_check_time_and_accept_both_rotation_secrets() {
    let verifier = postbreeze::Verifier::new("pb_new").with_previous_secret("pb_old");
    let server = receiver(move |r| {
        verifier
            .verify(header(r, postbreeze::SIGNATURE_HEADER), &r.body)
            .is_ok()
    })
    .await;
    let body: &[u8] = br#"{"event":"post.published"}"#;
    let now = SystemTime::now();
    for secret in ["pb_new", "pb_old"] {
        let header = postbreeze::Verifier::signature(&secret.into(), body, now);
        assert_eq!(
            deliver(&server, &[("X-Postbreeze-Signature", header)], body).await,
            204,
            "{secret}"
        );
    }
    let stale =
        postbreeze::Verifier::signature(&"pb_new".into(), body, now - Duration::from_secs(600));
    assert_eq!(
        deliver(&server, &[("X-Postbreeze-Signature", stale)], body).await,
        404
    );
    let retired = postbreeze::Verifier::signature(&"pb_older".into(), body, now);
    assert_eq!(
        deliver(&server, &[("X-Postbreeze-Signature", retired)], body).await,
        404
    );
    assert_eq!(
        deliver(&server, &[("X-Postbreeze-Signature", "t=1".into())], body).await,
        404
    );
}
