//! What the generated client and the hand-written layer cost.
//!
//! - `request/*`: one profile-refresh call against a loopback server, through
//!   the generated client (auth header, hooks, retry bookkeeping, tracing
//!   span, typed decoding) and through a hand-written reqwest + serde_json
//!   call decoding into the same type.
//! - `decode/*`: a 1,000-account team listing, decoded into the generated
//!   types and into plain hand-written serde structs.
//!
//! Run with `cargo bench --bench overhead`; the README reports the ratios.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use serde::Deserialize;
use serde_json::json;
use social_clients::bundle_social::{types, Client};
use social_clients::RetryPolicy;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const KEY: &str = "bench-key";

fn account(i: usize) -> serde_json::Value {
    json!({
        "id": format!("sa_{i}"), "type": "TIKTOK", "teamId": "team_1", "username": format!("user{i}"),
        "displayName": "Some Name", "avatarUrl": "https://cdn.example/a.png", "externalId": "700001",
        "channels": [{"id": "ch_1", "name": "General", "webhook": null, "metadata": {"allowImages": true}}],
        "instagramConnectionMethod": null, "twitterSubType": "none",
        "createdAt": "2023-11-07T05:31:56Z", "updatedAt": "2023-11-07T05:31:56Z", "deletedAt": null
    })
}

fn refresh_answer() -> serde_json::Value {
    json!({"success": true, "socialAccountId": "sa_1", "socialAccount": account(1), "refreshedAt": "2023-11-07T05:31:56Z",
           "limit": 2, "used": 1, "remaining": 1, "windowSeconds": 2})
}

fn team_listing(accounts: usize) -> Vec<u8> {
    let team = json!({
        "id": "team_1", "name": "Acme", "organizationId": "org_1", "createdById": "u_1",
        "createdAt": "2024-01-01T00:00:00Z", "updatedAt": "2024-01-01T00:00:00Z",
        "socialAccounts": (0..accounts).map(account).collect::<Vec<_>>()
    });
    serde_json::to_vec(&json!({"items": [team], "total": 1})).unwrap()
}

/// The baseline: plain serde structs for the same listing, timestamps as
/// strings, enums as strings.
#[derive(Deserialize)]
#[allow(dead_code)]
struct PlainListing {
    items: Vec<PlainTeam>,
    total: f64,
}

#[derive(Deserialize)]
#[allow(dead_code)]
#[serde(rename_all = "camelCase")]
struct PlainTeam {
    id: String,
    name: String,
    social_accounts: Vec<PlainAccount>,
}

#[derive(Deserialize)]
#[allow(dead_code)]
#[serde(rename_all = "camelCase")]
struct PlainAccount {
    id: String,
    #[serde(rename = "type")]
    type_: String,
    team_id: String,
    username: Option<String>,
    display_name: Option<String>,
    avatar_url: Option<String>,
    external_id: Option<String>,
    channels: Option<Vec<serde_json::Value>>,
    created_at: Option<String>,
    updated_at: Option<String>,
}

/// The baseline call: reqwest + serde_json into the same answer type.
async fn hand_written(
    http: &reqwest::Client,
    url: &str,
    selector: &types::AccountSelector,
    same_request: bool,
) -> types::SocialAccountProfileRefreshResponse {
    let mut request = http.post(url).header("x-api-key", KEY).json(selector);
    if same_request {
        request = request
            .header("accept", "application/json")
            .header("api-version", "1.0.0");
    }
    let bytes = request.send().await.unwrap().bytes().await.unwrap();
    serde_json::from_slice(&bytes).unwrap()
}

fn bench(c: &mut Criterion) {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .unwrap();
    let server = runtime.block_on(async {
        // Recording every request would make later benchmarks slower than
        // earlier ones (a growing log); the order must not matter.
        let server = MockServer::builder()
            .disable_request_recording()
            .start()
            .await;
        Mock::given(method("POST"))
            .and(path("/api/v1/social-account/profile-refresh"))
            .respond_with(ResponseTemplate::new(200).set_body_json(refresh_answer()))
            .mount(&server)
            .await;
        server
    });
    let selector = types::AccountSelector {
        type_: types::Platform::Tiktok,
        team_id: "team_1".into(),
    };
    let build = |retry: RetryPolicy| {
        Client::builder(KEY)
            .base_url(server.uri())
            .retry(retry)
            .build()
            .unwrap()
    };
    let clients = [
        ("generated_client", build(RetryPolicy::default())),
        (
            "generated_client_without_retries",
            build(RetryPolicy::disabled()),
        ),
    ];
    // The baseline with and without the transport settings the client
    // builder applies by default (request and connect timeouts), so the
    // comparison can separate the generated code and hooks from the timers.
    let with_timeouts = || {
        reqwest::Client::builder()
            .timeout(social_clients::DEFAULT_TIMEOUT)
            .connect_timeout(social_clients::DEFAULT_CONNECT_TIMEOUT)
    };
    let baselines = [
        ("hand_written_reqwest", reqwest::Client::new(), false),
        (
            "hand_written_reqwest_with_timeouts",
            with_timeouts().build().unwrap(),
            false,
        ),
        // The same request on the wire as the generated client sends (its
        // `accept`, `api-version` and `user-agent` headers), so the server
        // does the same work and the difference is the client's own code.
        (
            "hand_written_reqwest_same_request",
            with_timeouts()
                .user_agent(concat!("social-clients/", env!("CARGO_PKG_VERSION")))
                .build()
                .unwrap(),
            true,
        ),
    ];
    let url = format!("{}/api/v1/social-account/profile-refresh", server.uri());

    let mut group = c.benchmark_group("request");
    for (name, client) in &clients {
        group.bench_function(*name, |b| {
            b.to_async(&runtime).iter(|| async {
                black_box(
                    client
                        .social_account_profile_refresh(&selector)
                        .await
                        .unwrap(),
                );
            })
        });
    }
    for (name, http, same_request) in &baselines {
        group.bench_function(*name, |b| {
            b.to_async(&runtime).iter(|| async {
                black_box(hand_written(http, &url, &selector, *same_request).await)
            })
        });
    }
    group.finish();

    let listing = team_listing(1000);
    let mut group = c.benchmark_group("decode_1000_accounts");
    group.bench_function("generated_types", |b| {
        b.iter(|| {
            black_box(
                serde_json::from_slice::<types::TeamGetListResponse>(black_box(&listing)).unwrap(),
            )
        })
    });
    group.bench_function("plain_serde", |b| {
        b.iter(|| black_box(serde_json::from_slice::<PlainListing>(black_box(&listing)).unwrap()))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
