//! One publishing scenario, written once against `&dyn Publisher`, run
//! through every provider that implements it, each over loopback with its
//! own answer shapes (the conformance samples, edited where the scenario
//! needs a value): list or read the accounts, publish text and media now
//! and wait for one outcome per account (one published with its permalink,
//! one failed with the provider's reason), schedule a post and read it
//! back, cancel and delete it, save a draft. What a provider cannot do must
//! come back as `Unsupported` naming the provider and the capability, and
//! send nothing (every mock that must be called is `expect`ed; a request
//! nothing answers fails the step that sent it).
#![cfg(all(
    feature = "bundle-social",
    feature = "postbreeze",
    feature = "hooked",
    feature = "gipper"
))]

use std::time::Duration;

use serde_json::{json, Value};
use social_clients::publisher::{
    AccountRef, Capability, Draft, Media, Phase, ProviderKind, PublishWait, Publisher,
    PublisherError, TargetOutcome, When,
};
use social_clients::{bundle_social, gipper, hooked, postbreeze};
use wiremock::matchers::{body_partial_json, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::conformance::harness::success_sample;

const NOW: &str = "Launch day";
const LATER: &str = "Next week";
const IDEA: &str = "An idea";
const MEDIA_URL: &str = "https://media.example/launch.png";
const VIDEO: &str = "vid_1";
const PERMALINK: &str = "https://social.example/p/1";
const REASON: &str = "the platform refused the image";

/// What one provider's stage answers, beside its server.
struct Stage {
    publisher: Box<dyn Publisher>,
    targets: [AccountRef; 2],
    /// The permalink the provider reports for the published target.
    permalink: Option<&'static str>,
    _server: MockServer,
}

fn quick() -> PublishWait {
    PublishWait {
        poll_every: Duration::from_millis(10),
        max_wait: Duration::from_secs(5),
    }
}

fn expect_unsupported<T: std::fmt::Debug>(
    result: Result<T, PublisherError>,
    provider: ProviderKind,
    capability: Capability,
) {
    match result {
        Err(PublisherError::Unsupported {
            provider: p,
            capability: c,
        }) => {
            assert_eq!((p, c), (provider, capability));
            let message = PublisherError::Unsupported {
                provider,
                capability,
            }
            .to_string();
            assert!(message.contains(provider.name()), "{message}");
        }
        other => panic!("{provider}: expected unsupported {capability}, got {other:?}"),
    }
}

/// The scenario. Nothing in it names a provider: it asks the publisher
/// what it supports, as a user's portable program would.
async fn scenario(stage: &Stage) {
    let p = stage.publisher.as_ref();
    let provider = p.provider();
    let [first, second] = &stage.targets;

    if p.supports(Capability::ListAccounts) {
        let accounts = p.accounts().await.unwrap();
        let listed: Vec<&AccountRef> = accounts.iter().map(|a| &a.reference).collect();
        assert_eq!(listed, [first, second], "{provider}");
        assert!(accounts.iter().all(|a| a.provider() == provider));
    } else {
        expect_unsupported(p.accounts().await, provider, Capability::ListAccounts);
    }
    if p.supports(Capability::ReadAccount) {
        let account = p.account(first).await.unwrap();
        assert_eq!(&account.reference, first, "{provider}");
    } else {
        expect_unsupported(p.account(first).await, provider, Capability::ReadAccount);
    }

    let media = if p.supports(Capability::MediaUrl) {
        Media::url(MEDIA_URL)
    } else {
        Media::id(VIDEO)
    };
    let now = Draft::new(NOW)
        .media(media.clone())
        .to(first.clone())
        .to(second.clone());
    if !p.supports(Capability::PublishNow) {
        expect_unsupported(
            p.publish(&now, quick()).await,
            provider,
            Capability::PublishNow,
        );
        return;
    }
    let published = p.publish(&now, quick()).await.unwrap();
    assert_eq!(published.phase, Phase::Done, "{provider}");
    assert_eq!(
        published.targets[first],
        TargetOutcome::Published {
            permalink: stage.permalink.map(str::to_string)
        },
        "{provider}"
    );
    assert!(
        matches!(&published.targets[second], TargetOutcome::Failed { error } if !error.is_empty()),
        "{provider}: {:?}",
        published.targets
    );

    let at = "2027-01-04T09:00:00Z".parse().unwrap();
    let later = Draft::new(LATER)
        .media(media.clone())
        .to(first.clone())
        .to(second.clone())
        .when(When::At(at));
    let post = p.submit(&later).await.unwrap();
    let read = p.post(&post).await.unwrap();
    assert_eq!(
        (read.phase, read.pending()),
        (Phase::Scheduled, 2),
        "{provider}"
    );
    // A scheduled post's targets stay pending: a bounded wait ends.
    let short = PublishWait {
        poll_every: Duration::from_millis(10),
        max_wait: Duration::from_millis(30),
    };
    match p.wait(&post, short).await {
        Err(PublisherError::StillPending { state, .. }) => assert_eq!(state.pending(), 2),
        other => panic!("{provider}: expected still pending, got {other:?}"),
    }
    p.cancel(&post).await.unwrap();
    p.delete(&post).await.unwrap();

    let idea = Draft::new(IDEA)
        .media(media)
        .to(first.clone())
        .when(When::Draft);
    if p.supports(Capability::Draft) {
        let saved = p.publish(&idea, quick()).await.unwrap();
        assert_eq!(saved.phase, Phase::Draft, "{provider}");
    } else {
        expect_unsupported(p.submit(&idea).await, provider, Capability::Draft);
    }
}

async fn answer(
    server: &MockServer,
    status: u16,
    verb: &str,
    route: &str,
    matching: Option<Value>,
    body: Value,
) {
    let mock = Mock::given(method(verb)).and(path(route));
    let mock = match matching {
        Some(partial) => mock.and(body_partial_json(partial)),
        None => mock,
    };
    mock.respond_with(ResponseTemplate::new(status).set_body_json(body))
        .expect(1)
        .mount(server)
        .await;
}

mod bundle {
    use super::*;

    fn sample(operation: &str) -> Value {
        success_sample(crate::conformance::bundle_social::BODIES, operation)
    }

    /// Post `id` for LinkedIn and X in `status`, with per-platform errors
    /// and external data.
    fn post(id: &str, status: &str, errors: Value, external: Value) -> Value {
        let mut post = sample("post_get");
        let account = post["socialAccounts"][0].clone();
        let on = |platform: &str| {
            let mut a = account.clone();
            a["socialAccount"]["type"] = json!(platform);
            a
        };
        post["id"] = json!(id);
        post["teamId"] = json!("team_1");
        post["status"] = json!(status);
        post["socialAccounts"] = json!([on("LINKEDIN"), on("TWITTER")]);
        post["errors"] = errors;
        post["externalData"] = external;
        post
    }

    pub async fn stage() -> Stage {
        let server = MockServer::start().await;
        let mut team = sample("team_get_list")["items"][0].clone();
        let account = |platform: &str| {
            let mut a = sample("social_account_get_by_type");
            a["type"] = json!(platform);
            a["teamId"] = json!("team_1");
            a
        };
        team["id"] = json!("team_1");
        team["socialAccounts"] = json!([account("LINKEDIN"), account("TWITTER")]);
        crate::support::reads_in_turn(
            &server,
            "/api/v1/team/",
            vec![json!({"items": [team], "total": 1})],
        )
        .await;
        Mock::given(method("GET"))
            .and(path("/api/v1/social-account/by-type"))
            .and(query_param("teamId", "team_1"))
            .and(query_param("type", "LINKEDIN"))
            .respond_with(ResponseTemplate::new(200).set_body_json(account("LINKEDIN")))
            .expect(1)
            .mount(&server)
            .await;
        let mut upload = sample("upload_create_from_url");
        upload["id"] = json!("upl_1");
        Mock::given(method("POST"))
            .and(path("/api/v1/upload/from-url"))
            .and(body_partial_json(
                json!({"url": MEDIA_URL, "teamId": "team_1"}),
            ))
            .respond_with(ResponseTemplate::new(200).set_body_json(upload))
            .expect(3)
            .mount(&server)
            .await;
        for (text, status, id) in [
            (NOW, "SCHEDULED", "post_1"),
            (LATER, "SCHEDULED", "post_2"),
            (IDEA, "DRAFT", "post_3"),
        ] {
            let mut created = sample("post_create");
            created["id"] = json!(id);
            let entry = json!({"text": text, "uploadIds": ["upl_1"]});
            let expected = json!({
                "title": text, "status": status, "teamId": "team_1", "data": {"LINKEDIN": entry}
            });
            answer(
                &server,
                200,
                "POST",
                "/api/v1/post/",
                Some(expected),
                created,
            )
            .await;
        }
        crate::support::reads_in_turn(
            &server,
            "/api/v1/post/post_1",
            vec![
                post("post_1", "PROCESSING", json!({}), json!({})),
                post(
                    "post_1",
                    "POSTED",
                    json!({"TWITTER": REASON}),
                    json!({"LINKEDIN": {"permalink": PERMALINK}}),
                ),
            ],
        )
        .await;
        crate::support::reads_in_turn(
            &server,
            "/api/v1/post/post_2",
            vec![post("post_2", "SCHEDULED", json!({}), json!({}))],
        )
        .await;
        crate::support::reads_in_turn(
            &server,
            "/api/v1/post/post_3",
            vec![post("post_3", "DRAFT", json!({}), json!({}))],
        )
        .await;
        // bundle.social has no cancel call: the post becomes a draft.
        answer(
            &server,
            200,
            "PATCH",
            "/api/v1/post/post_2",
            Some(json!({"status": "DRAFT"})),
            sample("post_update"),
        )
        .await;
        answer(
            &server,
            200,
            "DELETE",
            "/api/v1/post/post_2",
            None,
            sample("post_delete"),
        )
        .await;
        let client = bundle_social::Client::builder("bsk_test")
            .base_url(server.uri())
            .build()
            .unwrap();
        Stage {
            publisher: Box::new(client),
            targets: [
                AccountRef::new("team_1/LINKEDIN"),
                AccountRef::new("team_1/TWITTER"),
            ],
            permalink: Some(PERMALINK),
            _server: server,
        }
    }
}

mod breeze {
    use super::*;

    fn sample(operation: &str) -> Value {
        success_sample(crate::conformance::postbreeze::BODIES, operation)
    }

    /// Post `id` for soc_1 and soc_2 in `status`, each target changed by
    /// `edit`.
    fn post(id: &str, status: &str, edit: impl Fn(&str, &mut Value)) -> Value {
        let mut post = sample("get_post");
        let target = post["targets"][0].clone();
        let targets: Vec<Value> = ["soc_1", "soc_2"]
            .iter()
            .map(|account| {
                let mut t = target.clone();
                t["socialAccountId"] = json!(account);
                t["status"] = json!("PENDING");
                for field in ["publishedAt", "externalUrl", "errorMessage", "errorCode"] {
                    t[field] = Value::Null;
                }
                edit(account, &mut t);
                t
            })
            .collect();
        post["id"] = json!(id);
        post["status"] = json!(status);
        post["targets"] = json!(targets);
        post
    }

    pub async fn stage() -> Stage {
        let server = MockServer::start().await;
        let account = |id: &str| {
            let mut a = sample("get_social_account");
            a["id"] = json!(id);
            a["workspaceId"] = json!("ws_1");
            a
        };
        crate::support::reads_in_turn(
            &server,
            "/social-accounts",
            vec![json!([account("soc_1"), account("soc_2")])],
        )
        .await;
        // Read once by the scenario, and once per post with imported media
        // for the workspace it goes to.
        Mock::given(method("GET"))
            .and(path("/social-accounts/soc_1"))
            .respond_with(ResponseTemplate::new(200).set_body_json(account("soc_1")))
            .expect(4)
            .mount(&server)
            .await;
        let mut asset = sample("import_media_from_url");
        asset["id"] = json!("med_1");
        Mock::given(method("POST"))
            .and(path("/media/from-url"))
            .and(query_param("workspaceId", "ws_1"))
            .and(body_partial_json(json!({"url": MEDIA_URL})))
            .respond_with(ResponseTemplate::new(201).set_body_json(asset))
            .expect(3)
            .mount(&server)
            .await;
        for (text, id) in [(NOW, "post_1"), (LATER, "post_2"), (IDEA, "post_3")] {
            let expected = json!({
                "content": text, "mediaIds": ["med_1"], "platforms": [{"accountId": "soc_1"}]
            });
            answer(
                &server,
                201,
                "POST",
                "/posts",
                Some(expected),
                post(id, "SCHEDULED", |_, _| {}),
            )
            .await;
        }
        crate::support::reads_in_turn(
            &server,
            "/posts/post_1",
            vec![
                post("post_1", "PUBLISHING", |_, _| {}),
                post("post_1", "PARTIALLY_PUBLISHED", |account, t| {
                    if account == "soc_1" {
                        t["status"] = json!("PUBLISHED");
                        t["externalUrl"] = json!(PERMALINK);
                    } else {
                        t["status"] = json!("FAILED");
                        t["errorMessage"] = json!(REASON);
                    }
                }),
            ],
        )
        .await;
        crate::support::reads_in_turn(
            &server,
            "/posts/post_2",
            vec![post("post_2", "SCHEDULED", |_, _| {})],
        )
        .await;
        crate::support::reads_in_turn(
            &server,
            "/posts/post_3",
            vec![post("post_3", "DRAFT", |_, _| {})],
        )
        .await;
        answer(
            &server,
            200,
            "POST",
            "/posts/post_2/cancel",
            None,
            post("post_2", "CANCELED", |_, _| {}),
        )
        .await;
        Mock::given(method("DELETE"))
            .and(path("/posts/post_2"))
            .respond_with(ResponseTemplate::new(204))
            .expect(1)
            .mount(&server)
            .await;
        let client = postbreeze::Client::builder("pb_live_test")
            .base_url(server.uri())
            .build()
            .unwrap();
        Stage {
            publisher: Box::new(client),
            targets: [AccountRef::new("soc_1"), AccountRef::new("soc_2")],
            permalink: Some(PERMALINK),
            _server: server,
        }
    }
}

mod hooked_stage {
    use super::*;

    fn sample(operation: &str) -> Value {
        success_sample(crate::conformance::hooked::BODIES, operation)
    }

    /// Schedule `id` of integration `integration` in `status`.
    fn schedule(id: &str, integration: &str, status: &str) -> Value {
        let mut answer = sample("get_schedule");
        answer["data"]["id"] = json!(id);
        answer["data"]["status"] = json!(status);
        answer["data"]["integration"]["id"] = json!(integration);
        answer
    }

    pub async fn stage() -> Stage {
        let server = MockServer::start().await;
        let mut integration = sample("get_integration");
        integration["data"]["id"] = json!("int_1");
        answer(
            &server,
            200,
            "GET",
            "/v1/integration/int_1",
            None,
            integration,
        )
        .await;
        for (text, integration, id) in [
            (NOW, "int_1", "sch_1"),
            (NOW, "int_2", "sch_2"),
            (LATER, "int_1", "sch_3"),
            (LATER, "int_2", "sch_4"),
        ] {
            let mut created = sample("schedule_video");
            created["data"]["scheduleId"] = json!(id);
            let expected = json!({
                "integrationId": integration, "videoId": VIDEO, "platformData": {"description": text}
            });
            answer(
                &server,
                200,
                "POST",
                "/v1/schedule/create",
                Some(expected),
                created,
            )
            .await;
        }
        // Each schedule's reads in turn: the published one, the failed one,
        // and the two of the later post, still pending.
        for (id, integration, statuses) in [
            ("sch_1", "int_1", &["pending", "published"][..]),
            ("sch_2", "int_2", &["pending", "failed"][..]),
            ("sch_3", "int_1", &["pending"][..]),
            ("sch_4", "int_2", &["pending"][..]),
        ] {
            let answers = statuses
                .iter()
                .map(|status| schedule(id, integration, status))
                .collect();
            crate::support::reads_in_turn(&server, &format!("/v1/schedule/{id}"), answers).await;
        }
        // Cancel and delete are both the schedules' one DELETE.
        for id in ["sch_3", "sch_4"] {
            Mock::given(method("DELETE"))
                .and(path(format!("/v1/schedule/{id}")))
                .respond_with(ResponseTemplate::new(200).set_body_json(sample("cancel_schedule")))
                .expect(2)
                .mount(&server)
                .await;
        }
        let client = hooked::Client::builder("hk_test")
            .base_url(server.uri())
            .build()
            .unwrap();
        Stage {
            publisher: Box::new(client),
            targets: [AccountRef::new("int_1"), AccountRef::new("int_2")],
            // Hooked reports no address of the published video.
            permalink: None,
            _server: server,
        }
    }
}

mod gipper_stage {
    use super::*;

    pub async fn stage() -> Stage {
        let server = MockServer::start().await;
        let account = |id: i64, network: &str| json!({"id": id, "social_channel": network, "name": "shop", "nickname": null, "logo": null});
        Mock::given(method("GET"))
            .and(path("/api/v2/social_accounts/social_accounts_list"))
            .and(query_param("page", "1"))
            .respond_with(ResponseTemplate::new(200).set_body_json(json!({
                "accounts": [account(42, "Instagram"), account(7, "Facebook")],
                "meta": {"total_count": 2}
            })))
            .expect(1)
            .mount(&server)
            .await;
        let client = gipper::Client::builder("gipper_token")
            .base_url(server.uri())
            .build()
            .unwrap();
        Stage {
            publisher: Box::new(client),
            targets: [
                AccountRef::new("Instagram/42"),
                AccountRef::new("Facebook/7"),
            ],
            permalink: None,
            _server: server,
        }
    }
}

#[tokio::test]
async fn one_scenario_runs_through_every_provider() {
    let stages = [
        bundle::stage().await,
        breeze::stage().await,
        hooked_stage::stage().await,
        gipper_stage::stage().await,
    ];
    for stage in &stages {
        scenario(stage).await;
    }
    // Dropping the stages verifies every `expect`.
}

#[tokio::test]
async fn what_a_provider_cannot_take_is_refused_before_sending() {
    // Nothing is mounted: any request would be answered 404 and fail
    // differently.
    let server = MockServer::start().await;
    let bundle = bundle_social::Client::builder("k")
        .base_url(server.uri())
        .build()
        .unwrap();
    let two_teams = Draft::new("x").to("team_1/TIKTOK").to("team_2/TIKTOK");
    match bundle.submit(&two_teams).await {
        Err(PublisherError::Invalid { provider, reason }) => {
            assert_eq!(provider, ProviderKind::BundleSocial);
            assert!(
                reason.contains("team_1") && reason.contains("team_2"),
                "{reason}"
            );
        }
        other => panic!("{other:?}"),
    }
    let malformed = Draft::new("x").to("soc_1");
    assert!(matches!(
        bundle.submit(&malformed).await,
        Err(PublisherError::Invalid { .. })
    ));
    // Reddit needs a subreddit the neutral draft cannot say; the media is
    // not uploaded when the body would be refused.
    let reddit = Draft::new("x")
        .media(Media::url(MEDIA_URL))
        .to("team_1/REDDIT");
    match bundle.submit(&reddit).await {
        Err(PublisherError::Invalid { reason, .. }) => {
            assert!(reason.contains("provider_options"), "{reason}")
        }
        other => panic!("{other:?}"),
    }
    let hooked = hooked::Client::builder("k")
        .base_url(server.uri())
        .build()
        .unwrap();
    let bytes = Draft::new("x")
        .media(Media::bytes(b"png".to_vec(), "a.png", "image/png"))
        .to("int_1");
    expect_unsupported(
        hooked.submit(&bytes).await,
        ProviderKind::Hooked,
        Capability::MediaBytes,
    );
    let text_only = Draft::new("x").to("int_1");
    expect_unsupported(
        hooked.submit(&text_only).await,
        ProviderKind::Hooked,
        Capability::TextOnly,
    );
    let gipper = gipper::Client::builder("k")
        .base_url(server.uri())
        .build()
        .unwrap();
    let later = Draft::new("x")
        .to("Instagram/1")
        .when(When::At("2027-01-01T00:00:00Z".parse().unwrap()));
    expect_unsupported(
        gipper.submit(&later).await,
        ProviderKind::Gipper,
        Capability::Schedule,
    );
    assert!(server.received_requests().await.unwrap().is_empty());
}

#[tokio::test]
async fn provider_options_reach_the_request_body_and_the_typed_body_is_reachable() {
    let server = MockServer::start().await;
    let bundle = bundle_social::Client::builder("k")
        .base_url(server.uri())
        .build()
        .unwrap();
    let reddit = Draft::new("Launch day")
        .to("team_1/REDDIT")
        .when(When::Draft)
        .provider_options(
            ProviderKind::BundleSocial,
            json!({"data": {"REDDIT": {"sr": "rust"}}}),
        )
        // Another provider's options are not read.
        .provider_options(
            ProviderKind::Postbreeze,
            json!({"timezone": "Europe/Paris"}),
        );
    let body = bundle.post_body(&reddit).await.unwrap();
    let sent = serde_json::to_value(&body).unwrap();
    let reddit = &sent["data"]["REDDIT"];
    assert_eq!(
        (&reddit["sr"], &reddit["text"]),
        (&json!("rust"), &json!("Launch day"))
    );
    assert_eq!(sent["status"], "DRAFT");

    let breeze = postbreeze::Client::builder("k")
        .base_url(server.uri())
        .build()
        .unwrap();
    let draft = Draft::new("Launch day")
        .to("soc_1")
        .media(Media::id("med_9"))
        .provider_options(
            ProviderKind::Postbreeze,
            json!({"timezone": "Europe/Paris"}),
        );
    let input = breeze.post_input(&draft).await.unwrap();
    assert_eq!(input.timezone.as_deref(), Some("Europe/Paris"));
    assert_eq!(input.media_ids, ["med_9"]);
    assert!(input.scheduled_for.is_some(), "now is a time");

    let hooked = hooked::Client::builder("k")
        .base_url(server.uri())
        .build()
        .unwrap();
    let video = Draft::new("Launch day")
        .title("Launch")
        .media(Media::id(VIDEO))
        .to("int_1")
        .to("int_2")
        .provider_options(
            ProviderKind::Hooked,
            json!({"platformData": {"privacyStatus": "unlisted"}}),
        );
    let bodies = hooked.schedule_bodies(&video).unwrap();
    assert_eq!(bodies.len(), 2);
    let data = bodies[1].platform_data.as_ref().unwrap();
    assert_eq!(
        (data.title.as_deref(), data.description.as_deref()),
        (Some("Launch"), Some("Launch day"))
    );
    assert_eq!(
        data.privacy_status
            .as_ref()
            .map(ToString::to_string)
            .as_deref(),
        Some("unlisted")
    );
    assert!(server.received_requests().await.unwrap().is_empty());
}

#[tokio::test]
async fn media_bytes_are_uploaded_the_way_each_provider_needs() {
    // Text-safe bytes: the matchers below read the multipart body as text.
    let png = b"PNG launch bytes".to_vec();
    let draft = |target: &str| {
        Draft::new(NOW)
            .media(Media::bytes(png.clone(), "launch.png", "image/png"))
            .to(target)
            .when(When::Draft)
    };

    // bundle.social: a multipart upload into the team's library.
    let server = MockServer::start().await;
    let mut upload =
        success_sample::<Value>(crate::conformance::bundle_social::BODIES, "upload_create");
    upload["id"] = json!("upl_bytes");
    Mock::given(method("POST"))
        .and(path("/api/v1/upload/"))
        // The team is a form field beside the file.
        .and(wiremock::matchers::body_string_contains(
            "name=\"teamId\"\r\n\r\nteam_1",
        ))
        .and(wiremock::matchers::body_string_contains(
            "filename=\"launch.png\"",
        ))
        .and(wiremock::matchers::body_string_contains("PNG launch"))
        .respond_with(ResponseTemplate::new(200).set_body_json(upload))
        .expect(1)
        .mount(&server)
        .await;
    let mut created =
        success_sample::<Value>(crate::conformance::bundle_social::BODIES, "post_create");
    created["id"] = json!("post_b");
    answer(
        &server,
        200,
        "POST",
        "/api/v1/post/",
        Some(json!({"data": {"TIKTOK": {"uploadIds": ["upl_bytes"]}}, "status": "DRAFT"})),
        created,
    )
    .await;
    let bundle = bundle_social::Client::builder("bsk_test")
        .base_url(server.uri())
        .build()
        .unwrap();
    let submitted = bundle.submit(&draft("team_1/TIKTOK")).await.unwrap();
    assert_eq!(submitted.as_str(), "post_b");

    // Postbreeze: a signed address on the storage's origin, which never
    // sees the key, into the first target's workspace.
    let server = MockServer::start().await;
    let mut account =
        success_sample::<Value>(crate::conformance::postbreeze::BODIES, "get_social_account");
    account["workspaceId"] = json!("ws_9");
    answer(&server, 200, "GET", "/social-accounts/soc_1", None, account).await;
    let mut signed =
        success_sample::<Value>(crate::conformance::postbreeze::BODIES, "presign_media");
    signed["uploadUrl"] = json!(format!("{}/storage/med_bytes", server.uri()));
    signed["headers"] = json!({"content-type": "image/png"});
    signed["mediaAsset"]["id"] = json!("med_bytes");
    Mock::given(method("POST"))
        .and(path("/media/presign"))
        .and(query_param("workspaceId", "ws_9"))
        .and(body_partial_json(
            json!({"filename": "launch.png", "contentType": "image/png"}),
        ))
        .respond_with(ResponseTemplate::new(201).set_body_json(signed))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("PUT"))
        .and(path("/storage/med_bytes"))
        .and(wiremock::matchers::body_bytes(png.clone()))
        .respond_with(ResponseTemplate::new(200))
        .expect(1)
        .mount(&server)
        .await;
    let post = success_sample::<Value>(crate::conformance::postbreeze::BODIES, "create_post");
    let mut post = post;
    post["id"] = json!("post_p");
    answer(
        &server,
        201,
        "POST",
        "/posts",
        Some(json!({"mediaIds": ["med_bytes"]})),
        post,
    )
    .await;
    let breeze = postbreeze::Client::builder("pb_live_test")
        .base_url(server.uri())
        .build()
        .unwrap();
    assert_eq!(
        breeze.submit(&draft("soc_1")).await.unwrap().as_str(),
        "post_p"
    );
    let storage = server.received_requests().await.unwrap();
    let put = storage
        .iter()
        .find(|r| r.url.path() == "/storage/med_bytes")
        .unwrap();
    assert!(
        put.headers.get("authorization").is_none(),
        "the key went to storage"
    );
}
