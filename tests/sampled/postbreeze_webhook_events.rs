//! Postbreeze webhook deliveries verified and decoded in one call inside a
//! receiver on loopback, the payload read as the post it describes.
#![cfg(feature = "postbreeze")]

use std::time::SystemTime;

use serde_json::{json, Value};
use social_clients::postbreeze::types;
use social_clients::webhooks::postbreeze::{
    verify_and_decode, EventKind, Verifier, SIGNATURE_HEADER,
};
use wiremock::MockServer;

use crate::conformance::harness::success_sample;

async fn deliver(server: &MockServer, secret: &str, body: &Value) -> u16 {
    let bytes = body.to_string();
    let signature = Verifier::signature(&secret.into(), bytes.as_bytes(), SystemTime::now());
    reqwest::Client::new()
        .post(format!("{}/hooks/postbreeze", server.uri()))
        .header(SIGNATURE_HEADER, signature)
        .body(bytes)
        .send()
        .await
        .unwrap()
        .status()
        .as_u16()
}

#[tokio::test]
async fn deliveries_decode_and_their_payload_reads_as_a_post() {
    let verifier = Verifier::new("whsec_now").with_previous_secret("whsec_before");
    let (server, log) = crate::support::webhook_receiver(move |request| {
        let header = request
            .headers
            .get(SIGNATURE_HEADER)
            .and_then(|v| v.to_str().ok());
        verify_and_decode(&verifier, header, &request.body)
    })
    .await;
    let post: Value = success_sample(crate::conformance::postbreeze::BODIES, "get_post");
    let published = json!({
        "event": "post.published", "deliveryId": "dlv_1", "sentAt": "2026-06-15T09:00:03Z",
        "apiVersion": "2026-05-01", "payload": post
    });
    assert_eq!(deliver(&server, "whsec_before", &published).await, 200);
    assert_eq!(deliver(&server, "whsec_other", &published).await, 401);
    let not_a_delivery = json!({"event": "post.published"});
    assert_eq!(deliver(&server, "whsec_now", &not_a_delivery).await, 400);

    let log = log.lock().unwrap();
    let delivery = log[0].as_ref().unwrap();
    assert_eq!(
        (delivery.event.as_str(), delivery.delivery_id.as_str()),
        ("post.published", "dlv_1")
    );
    assert_eq!(delivery.kind(), EventKind::PostPublished);
    let post: types::Post = delivery.payload_as().unwrap();
    assert!(!post.id.is_empty());
    let wrong = delivery
        .payload_as::<types::Comment>()
        .unwrap_err()
        .to_string();
    assert!(
        wrong.contains("`post.published`") && wrong.contains("payload"),
        "{wrong}"
    );
    assert!(
        log[2].as_ref().unwrap_err().contains("deliveryId"),
        "{:?}",
        log[2]
    );
}
