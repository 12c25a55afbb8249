//! Postbreeze publishing with media over loopback: a file uploaded through
//! a signed address (which must never see the API key), a post for two
//! accounts, and a server that moves it through publishing to one account
//! published and one failed.
#![cfg(feature = "postbreeze")]

use std::time::Duration;

use serde_json::{json, Value};
use social_clients::postbreeze::{types, Client, PublishWait, TargetOutcome, UploadError};
use wiremock::matchers::{body_partial_json, header, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::conformance::harness::success_sample;

const KEY: &str = "pb_live_test_key";

fn client(server: &MockServer) -> Client {
    Client::builder(KEY).base_url(server.uri()).build().unwrap()
}

fn sample(operation: &str) -> Value {
    success_sample(crate::conformance::postbreeze::BODIES, operation)
}

/// Answers `POST /media/presign` with an address on this server.
async fn presign(server: &MockServer) {
    let mut signed = sample("presign_media");
    signed["uploadUrl"] = json!(format!("{}/storage/med_1?signature=abc", server.uri()));
    signed["headers"] = json!({"content-type": "image/png", "x-amz-meta-origin": "api"});
    signed["mediaAsset"]["id"] = json!("med_1");
    Mock::given(method("POST"))
        .and(path("/media/presign"))
        .and(query_param("workspaceId", "ws_1"))
        .and(body_partial_json(
            json!({"filename": "launch.png", "contentType": "image/png"}),
        ))
        .respond_with(ResponseTemplate::new(201).set_body_json(signed))
        .expect(1)
        .mount(server)
        .await;
}

/// Post `post_1` for accounts soc_1 and soc_2 in `status`, each target
/// changed by `edit`.
fn post(status: &str, edit: impl Fn(&str, &mut Value)) -> Value {
    let mut post = sample("get_post");
    let target = post["targets"][0].clone();
    let targets: Vec<Value> = ["soc_1", "soc_2"]
        .iter()
        .map(|account| {
            let mut t = target.clone();
            t["socialAccountId"] = json!(account);
            for field in [
                "status",
                "publishedAt",
                "externalUrl",
                "errorMessage",
                "errorCode",
            ] {
                t[field] = Value::Null;
            }
            edit(account, &mut t);
            t
        })
        .collect();
    post["id"] = json!("post_1");
    post["status"] = json!(status);
    post["targets"] = json!(targets);
    post
}

#[tokio::test]
async fn upload_then_publish_reports_each_account() {
    let server = MockServer::start().await;
    presign(&server).await;
    Mock::given(method("PUT"))
        .and(path("/storage/med_1"))
        .and(query_param("signature", "abc"))
        .and(header("content-type", "image/png"))
        .and(header("x-amz-meta-origin", "api"))
        .respond_with(ResponseTemplate::new(200))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/posts"))
        .and(body_partial_json(json!({"mediaIds": ["med_1"]})))
        .respond_with(ResponseTemplate::new(201).set_body_json(post("SCHEDULED", |_, _| {})))
        .expect(1)
        .mount(&server)
        .await;
    let answers = [
        post("PUBLISHING", |_, _| {}),
        post("PARTIALLY_PUBLISHED", |account, t| {
            if account == "soc_1" {
                t["publishedAt"] = json!("2026-06-15T09:00:02Z");
                t["externalUrl"] = json!("https://x.example/status/1");
            } else {
                t["errorCode"] = json!("MEDIA_REJECTED");
                t["errorMessage"] = json!("the platform refused the image");
            }
        }),
    ];
    crate::support::reads_in_turn(&server, "/posts/post_1", answers.to_vec()).await;

    let client = client(&server);
    let media = client
        .upload_media("ws_1", "launch.png", "image/png", b"\x89PNG bytes".to_vec())
        .await
        .unwrap();
    assert_eq!(media.id, "med_1");
    let body: types::PostInput = serde_json::from_value(json!({
        "platforms": [{"accountId": "soc_1"}, {"accountId": "soc_2"}],
        "content": "Launch day",
        "scheduledFor": "2026-06-15T09:00:00Z",
        "mediaIds": [media.id]
    }))
    .unwrap();
    let wait = PublishWait {
        poll_every: Duration::from_millis(10),
        max_wait: Duration::from_secs(5),
    };
    let report = client.publish(&body, wait).await.unwrap();
    assert_eq!(
        report.targets["soc_1"],
        TargetOutcome::Published {
            permalink: Some("https://x.example/status/1".into())
        }
    );
    assert_eq!(
        report.targets["soc_2"],
        TargetOutcome::Failed {
            error: "the platform refused the image".into()
        }
    );

    // The signed address never saw the key; Postbreeze saw it every time.
    for request in server.received_requests().await.unwrap() {
        let auth = request.headers.get("authorization");
        if request.url.path().starts_with("/storage/") {
            assert!(auth.is_none(), "the key went to the storage address");
            assert_eq!(request.body, b"\x89PNG bytes");
        } else {
            assert_eq!(auth.unwrap(), &format!("Bearer {KEY}"));
        }
    }
}

#[tokio::test]
async fn a_refused_upload_is_a_typed_error() {
    let server = MockServer::start().await;
    presign(&server).await;
    Mock::given(method("PUT"))
        .and(path("/storage/med_1"))
        .respond_with(
            ResponseTemplate::new(403).set_body_string("<Error>SignatureDoesNotMatch</Error>"),
        )
        .mount(&server)
        .await;
    let err = client(&server)
        .upload_media("ws_1", "launch.png", "image/png", b"bytes".to_vec())
        .await
        .unwrap_err();
    assert!(
        matches!(err, UploadError::Storage { status: 403 }),
        "{err:?}"
    );
}
