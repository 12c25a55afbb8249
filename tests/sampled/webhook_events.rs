//! Typed webhook events inside a real receiver on loopback: deliveries are
//! posted to a wiremock server whose handler verifies and decodes them in
//! one call, the way an application's endpoint would.
#![cfg(feature = "bundle-social")]

use serde_json::{json, Value};
use social_clients::bundle_social::types;
use social_clients::webhooks::bundle_social::{
    signature, verify_and_decode, Event, SIGNATURE_HEADER,
};
use social_clients::webhooks::{SignatureError, WebhookSecret};
use wiremock::MockServer;

use crate::conformance::harness::success_sample;

async fn receiver(secret: &WebhookSecret) -> (MockServer, crate::support::WebhookLog<Event>) {
    let secret = secret.clone();
    crate::support::webhook_receiver(move |request| {
        let header = request
            .headers
            .get(SIGNATURE_HEADER)
            .and_then(|v| v.to_str().ok());
        verify_and_decode(&secret, header, &request.body)
    })
    .await
}

async fn deliver(server: &MockServer, signature: Option<String>, body: &Value) -> u16 {
    let mut request = reqwest::Client::new()
        .post(format!("{}/hooks/bundle", server.uri()))
        .header("content-type", "application/json")
        .body(body.to_string());
    if let Some(signature) = signature {
        request = request.header(SIGNATURE_HEADER, signature);
    }
    request.send().await.unwrap().status().as_u16()
}

fn sample(operation: &str) -> Value {
    success_sample(crate::conformance::bundle_social::BODIES, operation)
}

#[tokio::test]
async fn each_documented_event_decodes_into_its_type() {
    let secret = WebhookSecret::from("bundle_whsec");
    let (server, log) = receiver(&secret).await;
    let mut post = sample("post_get");
    post["status"] = json!("POSTED");
    let team = sample("team_get_list")["items"][0].clone();
    let account = sample("social_account_disconnect");
    let deliveries = [
        json!({"type": "post.published", "data": post}),
        json!({"type": "comment.published", "data": sample("comment_get")}),
        json!({"type": "social-account.deleted", "data": account}),
        json!({"type": "team.updated", "data": team}),
        json!({"type": "inbox.message", "data": {"id": "m_1"}}),
    ];
    for body in &deliveries {
        let signed = signature(&secret, body.to_string().as_bytes());
        assert_eq!(deliver(&server, Some(signed), body).await, 200, "{body}");
    }
    let log = log.lock().unwrap();
    let kinds: Vec<&str> = log.iter().map(|e| e.as_ref().unwrap().kind()).collect();
    assert_eq!(
        kinds,
        [
            "post.published",
            "comment.published",
            "social-account.deleted",
            "team.updated",
            "inbox.message"
        ]
    );
    match log[0].as_ref().unwrap() {
        Event::PostPublished(post) => assert_eq!(post.status, types::PostStatus::Posted),
        other => panic!("{other:?}"),
    }
    match log[4].as_ref().unwrap() {
        Event::Unknown { data, .. } => assert_eq!(data["id"], "m_1"),
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn nothing_is_decoded_without_the_right_signature() {
    let secret = WebhookSecret::from("bundle_whsec");
    let (server, log) = receiver(&secret).await;
    let body = json!({"type": "team.deleted", "data": {"id": "t_1"}});
    let other = signature(&WebhookSecret::from("not_it"), body.to_string().as_bytes());
    assert_eq!(deliver(&server, Some(other), &body).await, 401);
    assert_eq!(deliver(&server, None, &body).await, 401);
    let log = log.lock().unwrap();
    assert_eq!(log.len(), 2);
    assert_eq!(
        log[0].as_ref().unwrap_err(),
        &SignatureError::Mismatch.to_string()
    );
}

#[tokio::test]
async fn a_signed_body_that_is_not_its_event_names_the_event_and_field() {
    let secret = WebhookSecret::from("bundle_whsec");
    let (server, log) = receiver(&secret).await;
    // A team without its required fields.
    let body = json!({"type": "team.deleted", "data": {"id": "t_1"}});
    let signed = signature(&secret, body.to_string().as_bytes());
    assert_eq!(deliver(&server, Some(signed), &body).await, 400);
    let not_json = json!("just a string");
    let signed = signature(&secret, not_json.to_string().as_bytes());
    assert_eq!(deliver(&server, Some(signed), &not_json).await, 400);
    let log = log.lock().unwrap();
    let first = log[0].as_ref().unwrap_err();
    assert!(
        first.contains("`team.deleted`") && first.contains("missing field"),
        "{first}"
    );
    assert!(log[1].is_err());
}
