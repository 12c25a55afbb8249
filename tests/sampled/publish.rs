//! Publishing with media and waiting for every target, over loopback: a URL
//! imported into the library, a post for two platforms, and a server that
//! moves the post through processing to one platform published and one
//! failed.
#![cfg(feature = "bundle-social")]

use std::time::Duration;

use serde_json::{json, Value};
use social_clients::bundle_social::{types, Client, PublishError, PublishWait, TargetOutcome};
use wiremock::matchers::{body_partial_json, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::conformance::harness::success_sample;

fn client(server: &MockServer) -> Client {
    Client::builder("bsk_test")
        .base_url(server.uri())
        .build()
        .unwrap()
}

fn sample(operation: &str) -> Value {
    success_sample(crate::conformance::bundle_social::BODIES, operation)
}

/// Post `post_1` targeting LinkedIn and X, in `status`, with the given
/// per-platform errors and external data.
fn post(status: &str, errors: Value, external: Value) -> Value {
    let mut post = sample("post_get");
    let account = post["socialAccounts"][0].clone();
    let on = |platform: &str| {
        let mut a = account.clone();
        a["socialAccount"]["type"] = json!(platform);
        a
    };
    post["id"] = json!("post_1");
    post["status"] = json!(status);
    post["socialAccounts"] = json!([on("LINKEDIN"), on("TWITTER")]);
    post["errors"] = errors;
    post["externalData"] = external;
    post
}

/// Answers the post's reads with `answers` in turn (the last one for good).
async fn reads(server: &MockServer, answers: Vec<Value>) {
    crate::support::reads_in_turn(server, "/api/v1/post/post_1", answers).await;
}

fn wait() -> PublishWait {
    PublishWait {
        poll_every: Duration::from_millis(10),
        max_wait: Duration::from_secs(5),
    }
}

fn body(upload_id: &str) -> types::PostCreateBody {
    let mut body = sample("post_get");
    body["socialAccountTypes"] = json!(["LINKEDIN", "TWITTER"]);
    body["status"] = json!("SCHEDULED");
    body["data"] = json!({
        "LINKEDIN": {"text": "Launch day", "uploadIds": [upload_id]},
        "TWITTER": {"text": "Launch day", "uploadIds": [upload_id]}
    });
    serde_json::from_value(body).expect("a post create body")
}

#[tokio::test]
async fn publish_with_media_reports_each_platform() {
    let server = MockServer::start().await;
    let mut upload = sample("upload_create_from_url");
    upload["id"] = json!("up_1");
    Mock::given(method("POST"))
        .and(path("/api/v1/upload/from-url"))
        .and(body_partial_json(
            json!({"url": "https://cdn.example/launch.png"}),
        ))
        .respond_with(ResponseTemplate::new(200).set_body_json(upload))
        .expect(1)
        .mount(&server)
        .await;
    let mut created = sample("post_create");
    created["id"] = json!("post_1");
    Mock::given(method("POST"))
        .and(path("/api/v1/post/"))
        .and(body_partial_json(json!({
            "socialAccountTypes": ["LINKEDIN", "TWITTER"],
            "data": {"LINKEDIN": {"uploadIds": ["up_1"]}}
        })))
        .respond_with(ResponseTemplate::new(200).set_body_json(created))
        .expect(1)
        .mount(&server)
        .await;
    reads(
        &server,
        vec![
            post("PROCESSING", Value::Null, Value::Null),
            post(
                "PROCESSING",
                json!({"TWITTER": null}),
                json!({"LINKEDIN": {"id": "urn:li:1", "permalink": "https://linkedin.example/1"}}),
            ),
            post(
                "ERROR",
                json!({"TWITTER": "duplicate content"}),
                json!({"LINKEDIN": {"id": "urn:li:1", "permalink": "https://linkedin.example/1"}}),
            ),
        ],
    )
    .await;

    let client = client(&server);
    let media = client
        .upload_create_from_url(&types::UploadCreateFromUrlBody {
            team_id: Some("team_1".into()),
            url: "https://cdn.example/launch.png".into(),
        })
        .await
        .unwrap()
        .into_inner();
    let report = client.publish(&body(&media.id), wait()).await.unwrap();
    assert_eq!(
        report.targets[&types::Platform::Linkedin],
        TargetOutcome::Published {
            permalink: Some("https://linkedin.example/1".into())
        }
    );
    assert_eq!(
        report.targets[&types::Platform::Twitter],
        TargetOutcome::Failed {
            error: "duplicate content".into()
        }
    );
    assert!(!report.all_published());
    // Three reads: processing, half done, done.
    let reads = server
        .received_requests()
        .await
        .unwrap()
        .iter()
        .filter(|r| r.method.as_str() == "GET")
        .count();
    assert_eq!(reads, 3);
}

#[tokio::test]
async fn a_post_that_stays_undecided_ends_the_wait_with_what_is_known() {
    let server = MockServer::start().await;
    reads(
        &server,
        vec![post(
            "PROCESSING",
            Value::Null,
            json!({"LINKEDIN": {"id": "urn:li:1", "permalink": null}}),
        )],
    )
    .await;
    let wait = PublishWait {
        poll_every: Duration::from_millis(20),
        max_wait: Duration::from_millis(100),
    };
    let err = client(&server)
        .wait_until_published("post_1", wait)
        .await
        .unwrap_err();
    let PublishError::StillPending { waited, report } = err else {
        panic!("expected StillPending, got {err:?}");
    };
    // No read starts once the next would pass max_wait; the last read itself
    // may run past it (slowly on a loaded machine), hence the slack.
    assert!(
        waited < Duration::from_millis(100) + Duration::from_secs(1),
        "{waited:?}"
    );
    assert_eq!(
        report.targets[&types::Platform::Linkedin],
        TargetOutcome::Published { permalink: None }
    );
    assert_eq!(
        report.targets[&types::Platform::Twitter],
        TargetOutcome::Pending
    );
}

#[tokio::test]
async fn a_failed_read_is_the_typed_error() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/v1/post/post_1"))
        .respond_with(
            ResponseTemplate::new(404)
                .set_body_json(json!({"statusCode": 404, "message": "no such post"})),
        )
        .mount(&server)
        .await;
    let err = client(&server)
        .wait_until_published("post_1", wait())
        .await
        .unwrap_err();
    match err {
        PublishError::Api(social_clients::bundle_social::Error::ErrorResponse(answer)) => {
            assert_eq!(answer.status(), 404);
            assert_eq!(answer.message, "no such post");
        }
        other => panic!("expected the typed 404, got {other:?}"),
    }
}

/// A read answered 429 with a `Retry-After` past the maximum wait is not
/// retried by the client's policy beyond that bound: the wait ends with the
/// typed 429 instead of sleeping on.
#[tokio::test]
async fn the_maximum_wait_bounds_the_retries_of_a_read_too() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/v1/post/post_1"))
        .respond_with(
            ResponseTemplate::new(429)
                .insert_header("retry-after", "30")
                .set_body_json(json!({"statusCode": 429, "message": "slow down"})),
        )
        .mount(&server)
        .await;
    let wait = PublishWait {
        poll_every: Duration::from_millis(10),
        max_wait: Duration::from_millis(300),
    };
    let started = std::time::Instant::now();
    let err = client(&server)
        .wait_until_published("post_1", wait)
        .await
        .unwrap_err();
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "{:?}",
        started.elapsed()
    );
    match err {
        PublishError::Api(social_clients::bundle_social::Error::ErrorResponse(answer)) => {
            assert_eq!(answer.status(), 429)
        }
        other => panic!("expected the typed 429, got {other:?}"),
    }
}
