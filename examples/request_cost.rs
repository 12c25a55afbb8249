//! Per-request cost in instructions, repeatable where wall time on a shared
//! 2-core machine is not (criterion's `benches/overhead.rs` varies by ±5 %
//! between runs, more than the difference being measured).
//!
//! ```sh
//! cargo build --release --example request_cost
//! target/release/examples/request_cost serve &          # prints its URL
//! valgrind --tool=callgrind --callgrind-out-file=/dev/null \
//!     target/release/examples/request_cost generated http://127.0.0.1:PORT 2000
//! ```
//!
//! The server runs in its own process, so only the client's instructions
//! are counted; `benches/request_cost.sh` runs each variant at two request
//! counts and prints instructions per request (the difference cancels the
//! start-up cost).

use std::time::Duration;

use serde_json::json;
use social_clients::bundle_social::{types, Client};
use social_clients::RetryPolicy;

const KEY: &str = "bench-key";
const PATH: &str = "/api/v1/social-account/profile-refresh";

fn answer() -> serde_json::Value {
    json!({"success": true, "socialAccountId": "sa_1", "refreshedAt": "2023-11-07T05:31:56Z",
           "limit": 2, "used": 1, "remaining": 1, "windowSeconds": 2,
           "socialAccount": {
               "id": "sa_1", "type": "TIKTOK", "teamId": "team_1", "username": "user1",
               "displayName": "Some Name", "avatarUrl": "https://cdn.example/a.png", "externalId": "700001",
               "channels": [{"id": "ch_1", "name": "General", "webhook": null, "metadata": {"allowImages": true}}],
               "instagramConnectionMethod": null, "twitterSubType": "none",
               "createdAt": "2023-11-07T05:31:56Z", "updatedAt": "2023-11-07T05:31:56Z", "deletedAt": null}})
}

fn selector() -> types::AccountSelector {
    types::AccountSelector {
        type_: types::Platform::Tiktok,
        team_id: "team_1".into(),
    }
}

async fn serve() {
    use wiremock::matchers::{method, path};
    use wiremock::{Mock, MockServer, ResponseTemplate};
    let server = MockServer::builder()
        .disable_request_recording()
        .start()
        .await;
    Mock::given(method("POST"))
        .and(path(PATH))
        .respond_with(ResponseTemplate::new(200).set_body_json(answer()))
        .mount(&server)
        .await;
    println!("{}", server.uri());
    tokio::time::sleep(Duration::from_secs(24 * 3600)).await;
}

/// One request of `variant`.
async fn once(variant: &str, generated: &Client, http: &reqwest::Client, url: &str) {
    let selector = selector();
    match variant {
        "generated" | "generated-no-retries" => {
            std::hint::black_box(
                generated
                    .social_account_profile_refresh(&selector)
                    .await
                    .unwrap(),
            );
        }
        "hand-written" => {
            // The same request on the wire as the generated client's.
            let response = http
                .post(url)
                .header("x-api-key", KEY)
                .header("accept", "application/json")
                .header("api-version", "1.0.0")
                .json(&selector)
                .send()
                .await
                .unwrap();
            let bytes = response.bytes().await.unwrap();
            std::hint::black_box(
                serde_json::from_slice::<types::SocialAccountProfileRefreshResponse>(&bytes)
                    .unwrap(),
            );
        }
        other => panic!("unknown variant {other}"),
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    if args.get(1).map(String::as_str) == Some("serve") {
        runtime.block_on(serve());
        return;
    }
    let [_, variant, base, count] = args.as_slice() else {
        eprintln!("usage: request_cost serve | request_cost <generated|generated-no-retries|hand-written> <url> <requests>");
        std::process::exit(2);
    };
    let count: usize = count.parse().expect("a request count");
    let retry = if variant == "generated-no-retries" {
        RetryPolicy::disabled()
    } else {
        RetryPolicy::default()
    };
    let generated = Client::builder(KEY)
        .base_url(base.clone())
        .retry(retry)
        .build()
        .unwrap();
    let http = reqwest::Client::builder()
        .timeout(social_clients::DEFAULT_TIMEOUT)
        .connect_timeout(social_clients::DEFAULT_CONNECT_TIMEOUT)
        .user_agent(concat!("social-clients/", env!("CARGO_PKG_VERSION")))
        .build()
        .unwrap();
    let url = format!("{base}{PATH}");
    runtime.block_on(async {
        for _ in 0..count {
            once(variant, &generated, &http, &url).await;
        }
    });
}
