//! Listing everything: bundle.social's offset-paged lists as streams, driven
//! over loopback through several pages, an early total, a rate limit and an
//! error.
#![cfg(feature = "bundle-social")]

use std::time::Duration;

use futures_util::{StreamExt, TryStreamExt};
use serde_json::{json, Value};
use social_clients::bundle_social::params::PostGetListParams;
use social_clients::bundle_social::{types, Client, Error};
use social_clients::RetryPolicy;
use wiremock::matchers::{method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::conformance::harness::success_sample;

const POSTS: &str = "/api/v1/post/";

fn client(server: &MockServer) -> Client {
    Client::builder("bsk_test")
        .base_url(server.uri())
        .retry(RetryPolicy::default().backoff(Duration::from_millis(1), Duration::from_millis(5)))
        .build()
        .unwrap()
}

/// A post as the description says one looks (the conformance sample of the
/// list's answer), with its own id.
fn post(id: &str) -> Value {
    let list: Value = success_sample(crate::conformance::bundle_social::BODIES, "post_get_list");
    let mut item = list["items"][0].clone();
    item["id"] = json!(id);
    item
}

/// Answers `offset` with the posts `ids` and the list's `total`.
async fn page(server: &MockServer, offset: u32, ids: &[&str], total: u32) {
    Mock::given(method("GET"))
        .and(path(POSTS))
        .and(query_param("offset", offset.to_string()))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "items": ids.iter().map(|id| post(id)).collect::<Vec<_>>(),
            "total": total,
        })))
        .expect(1)
        .mount(server)
        .await;
}

fn ids(posts: &[types::Post]) -> Vec<&str> {
    posts.iter().map(|p| p.id.as_str()).collect()
}

/// The filtered list, two per page.
fn failed_posts(
    client: &Client,
) -> impl futures_util::Stream<Item = Result<types::Post, Error<types::ApiError>>> + '_ {
    client.post_get_list_stream(
        PostGetListParams::new("team_1")
            .status(types::PostStatus::Error)
            .limit(2),
    )
}

/// Per-call options hold for every page a stream reads.
#[tokio::test]
async fn a_streams_pages_carry_the_calls_options() {
    let server = MockServer::start().await;
    page(&server, 0, &["p1", "p2"], 3).await;
    page(&server, 2, &["p3"], 3).await;
    let client = client(&server);
    let traced = client.with(social_clients::RequestOptions::new().header(
        reqwest::header::HeaderName::from_static("x-trace-id"),
        reqwest::header::HeaderValue::from_static("paging"),
    ));
    let posts: Vec<types::Post> = failed_posts(&traced).try_collect().await.unwrap();
    assert_eq!(ids(&posts), ["p1", "p2", "p3"]);
    let requests = server.received_requests().await.unwrap();
    assert_eq!(requests.len(), 2);
    assert!(requests.iter().all(|r| r.headers["x-trace-id"] == "paging"));
}

#[tokio::test]
async fn a_short_page_ends_the_list() {
    let server = MockServer::start().await;
    page(&server, 0, &["p1", "p2"], 99).await;
    page(&server, 2, &["p3", "p4"], 99).await;
    page(&server, 4, &["p5"], 99).await;
    let client = client(&server);
    let posts: Vec<types::Post> = failed_posts(&client).try_collect().await.unwrap();
    assert_eq!(ids(&posts), ["p1", "p2", "p3", "p4", "p5"]);
    // Every request carried the filter and the page size.
    for request in server.received_requests().await.unwrap() {
        let query = request.url.query().unwrap_or_default().to_string();
        assert!(
            query.contains("status=ERROR") && query.contains("limit=2"),
            "{query}"
        );
    }
}

#[tokio::test]
async fn the_reported_total_ends_a_list_of_full_pages() {
    let server = MockServer::start().await;
    page(&server, 0, &["p1", "p2"], 4).await;
    page(&server, 2, &["p3", "p4"], 4).await;
    // No request for offset 4: the total says there is nothing there.
    let client = client(&server);
    let posts: Vec<types::Post> = failed_posts(&client).try_collect().await.unwrap();
    assert_eq!(ids(&posts), ["p1", "p2", "p3", "p4"]);
}

#[tokio::test]
async fn a_rate_limited_page_is_waited_out() {
    let server = MockServer::start().await;
    page(&server, 0, &["p1", "p2"], 3).await;
    Mock::given(method("GET"))
        .and(path(POSTS))
        .and(query_param("offset", "2"))
        .respond_with(
            ResponseTemplate::new(429)
                .insert_header("retry-after", "1")
                .set_body_json(json!({"statusCode": 429, "message": "slow down"})),
        )
        .up_to_n_times(1)
        .with_priority(1)
        .mount(&server)
        .await;
    page(&server, 2, &["p3"], 3).await;
    let client = client(&server);
    let started = std::time::Instant::now();
    let posts: Vec<types::Post> = failed_posts(&client).try_collect().await.unwrap();
    assert_eq!(ids(&posts), ["p1", "p2", "p3"]);
    assert!(
        started.elapsed() >= Duration::from_secs(1),
        "Retry-After was honoured"
    );
}

#[tokio::test]
async fn a_failed_page_is_yielded_and_ends_the_stream() {
    let server = MockServer::start().await;
    page(&server, 0, &["p1", "p2"], 10).await;
    Mock::given(method("GET"))
        .and(path(POSTS))
        .and(query_param("offset", "2"))
        .respond_with(ResponseTemplate::new(403).set_body_json(json!({
            "statusCode": 403, "message": "team not yours"
        })))
        .expect(1)
        .mount(&server)
        .await;
    let client = client(&server);
    let all: Vec<_> = failed_posts(&client).collect().await;
    assert_eq!(all.len(), 3, "two posts, then the error, then nothing");
    assert!(all[0].is_ok() && all[1].is_ok());
    match &all[2] {
        Err(Error::ErrorResponse(answer)) => {
            assert_eq!(answer.status(), 403);
            assert_eq!(answer.message, "team not yours");
        }
        other => panic!("expected the typed 403, got {other:?}"),
    }
}

#[tokio::test]
async fn teams_lists_every_team_of_the_organization() {
    let server = MockServer::start().await;
    let mut answer: Value =
        success_sample(crate::conformance::bundle_social::BODIES, "team_get_list");
    answer["total"] = json!(1);
    Mock::given(method("GET"))
        .and(path("/api/v1/team/"))
        .and(query_param("offset", "0"))
        .and(query_param("limit", "100"))
        .respond_with(ResponseTemplate::new(200).set_body_json(answer))
        .expect(1)
        .mount(&server)
        .await;
    let teams: Vec<types::Team> = client(&server)
        .team_get_list_stream(Default::default())
        .try_collect()
        .await
        .unwrap();
    assert_eq!(teams.len(), 1);
}
