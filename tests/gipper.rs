//! Gipper over real HTTP on loopback: the personal connection
//! (`POST /api/v3/instagram_accounts`) with its `Authentication: Bearer`
//! header, both success shapes, and the 422 field errors; the workspace
//! connection and the workspace account update (`PUT .../{id}`, whose
//! `team_ids` must go on the wire even when `null`).
#![cfg(feature = "gipper")]

mod support;

use serde_json::json;
use social_clients::accounts::{AccountView, Platform};
use social_clients::gipper::{params, types, Client, Error, ResponseValue};
use wiremock::matchers::{body_json, header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const TOKEN: &str = "gipper-registration-token";
const ROUTE: &str = "/api/v3/instagram_accounts";

fn client(server: &MockServer) -> Client {
    Client::builder(TOKEN)
        .base_url(server.uri())
        .build()
        .unwrap()
}

/// Sends the seed request to `server`.
async fn create(
    server: &MockServer,
) -> Result<ResponseValue<types::InstagramAccountsCreateResponse>, Error<types::FieldErrors>> {
    client(server).instagram_accounts_create(&body()).await
}

fn body() -> types::InstagramAccountsCreateBody {
    types::InstagramAccountsCreateBody {
        facebook_account: types::FacebookAccount {
            fb_token: "FB_TOKEN".into(),
            fb_uid: "FB_UID".into(),
            location: Some("onboarding".into()),
        },
        ig_accounts: vec![types::IgAccountCredentials {
            id: "IG_ACCOUNT_UID".into(),
            username: "Ov_dev_sl_2".into(),
            fb_token: "ACCESS_TOKEN".into(),
            profile_picture_url: "https://cdn.example/p.png".into(),
        }],
    }
}

#[tokio::test]
async fn create_sends_the_authentication_header_and_body_and_decodes_success() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path(ROUTE))
        .and(header("authentication", format!("Bearer {TOKEN}").as_str()))
        .and(body_json(json!({
            "facebook_account": {"fb_token": "FB_TOKEN", "fb_uid": "FB_UID", "location": "onboarding"},
            "ig_accounts": [{"id": "IG_ACCOUNT_UID", "username": "Ov_dev_sl_2", "fb_token": "ACCESS_TOKEN", "profile_picture_url": "https://cdn.example/p.png"}]
        })))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "success": true,
            "ig_accounts": [{
                "id": 7586, "ig_user_id": "17841405902213202", "ig_user_name": "twentyonekate",
                "ig_profile_picture_url": null, "facebook_page_id": null, "user_id": null,
                "created_at": "2024-06-21T06:41:04.966Z", "updated_at": "2024-06-21T06:41:04.966Z",
                "nickname": "", "connected_teams": null, "fb_token": "EAAh...", "facebook_account_id": 10528
            }],
            "message": []
        })))
        .expect(1)
        .mount(&server)
        .await;
    let answer = create(&server).await.unwrap().into_inner();
    assert!(answer.success && answer.message.is_empty());
    assert_eq!(answer.clone().into_result().unwrap().len(), 1);
    let account = &answer.ig_accounts[0];
    assert_eq!(
        (account.id, account.ig_user_id.as_str()),
        (7586, "17841405902213202")
    );
    assert_eq!(account.facebook_account_id, Some(10528));
    assert!(account.connected_teams.is_none() && account.user_id.is_none());
}

#[tokio::test]
async fn a_refused_connection_is_success_false_with_messages() {
    let server = support::serve_json(
        "POST",
        ROUTE,
        200,
        json!({"success": false, "ig_accounts": [], "message": ["Instagram account IG_NAME not connected."]}),
    )
    .await;
    let answer = create(&server).await.unwrap().into_inner();
    assert!(!answer.success && answer.ig_accounts.is_empty());
    let refused = answer.clone().into_result().unwrap_err();
    assert_eq!(
        refused.messages,
        ["Instagram account IG_NAME not connected."]
    );
    assert_eq!(
        refused.to_string(),
        "Gipper refused to connect the accounts: Instagram account IG_NAME not connected."
    );
    assert_eq!(answer.message, ["Instagram account IG_NAME not connected."]);
}

#[tokio::test]
async fn a_422_decodes_field_errors() {
    let server = support::serve_json(
        "POST",
        ROUTE,
        422,
        json!({"ig_user_id": ["This social account is already connected to your Workspace!"]}),
    )
    .await;
    let err = create(&server).await.unwrap_err();
    let Error::ErrorResponse(answer) = err else {
        panic!("expected a typed error, got {err:?}")
    };
    assert_eq!(answer.status(), 422);
    assert_eq!(
        answer.0["ig_user_id"],
        ["This social account is already connected to your Workspace!"]
    );
}

#[tokio::test]
async fn a_401_is_an_unexpected_response_with_its_status() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path(ROUTE))
        .respond_with(
            ResponseTemplate::new(401)
                .set_body_string("Only registered user can perform this action"),
        )
        .mount(&server)
        .await;
    let err = create(&server).await.unwrap_err();
    let Error::UnexpectedResponse(response) = err else {
        panic!("expected UnexpectedResponse, got {err:?}")
    };
    assert_eq!(response.status(), 401);
    assert_eq!(
        response.text().await.unwrap(),
        "Only registered user can perform this action"
    );
}

#[tokio::test]
async fn a_wrong_shape_answer_is_a_typed_error() {
    let server = support::serve_json(
        "POST",
        ROUTE,
        200,
        json!({"success": true, "ig_accounts": [{"id": "not a number"}], "message": []}),
    )
    .await;
    let err = create(&server).await.unwrap_err();
    assert!(matches!(err, Error::InvalidResponsePayload(..)), "{err:?}");
}

const WORKSPACE_ROUTE: &str = "/api/v4/workspaces/instagram_accounts";

#[tokio::test]
async fn the_workspace_connection_shares_the_body_and_the_refusal() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path(WORKSPACE_ROUTE))
        .and(header("authentication", format!("Bearer {TOKEN}").as_str()))
        .and(body_json(serde_json::to_value(body()).unwrap()))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "success": false, "ig_accounts": [],
            "message": ["To connect this account to your Workspace, first remove it from your Personal accounts"]
        })))
        .expect(1)
        .mount(&server)
        .await;
    let answer = client(&server)
        .workspace_instagram_accounts_create(&body())
        .await
        .unwrap()
        .into_inner();
    let refused = answer.into_result().unwrap_err();
    assert_eq!(refused.messages.len(), 1);
    assert!(refused.messages[0].contains("Personal accounts"));
}

fn changes(
    nickname: Option<&str>,
    team_ids: Option<Vec<i64>>,
) -> types::WorkspaceInstagramAccountUpdateBody {
    types::WorkspaceInstagramAccountUpdateBody {
        instagram_account: types::WorkspaceInstagramAccountChanges {
            nickname: nickname.map(Into::into),
            team_ids,
        },
    }
}

#[tokio::test]
async fn a_workspace_update_puts_the_changes_at_the_account_id() {
    let server = MockServer::start().await;
    Mock::given(method("PUT"))
        .and(path(format!("{WORKSPACE_ROUTE}/42")))
        .and(header("authentication", format!("Bearer {TOKEN}").as_str()))
        .and(body_json(json!({"instagram_account": {"nickname": "Spring launch", "team_ids": [3, 5]}})))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "id": 42, "ig_user_name": "@twentyonekate", "ig_profile_picture_url": "https://cdn.example/p.png",
            "nickname": "Spring launch", "teams_count": 2
        })))
        .expect(1)
        .mount(&server)
        .await;
    let account = client(&server)
        .workspace_instagram_accounts_update(42, &changes(Some("Spring launch"), Some(vec![3, 5])))
        .await
        .unwrap()
        .into_inner();
    assert_eq!((account.id, account.teams_count), (42, Some(2)));
    assert_eq!(account.platform(), Platform::Instagram);
    assert_eq!(account.handle(), Some("twentyonekate"));
    assert_eq!(account.display_name(), Some("Spring launch"));
    assert_eq!(account.avatar_url(), Some("https://cdn.example/p.png"));
    assert_eq!(account.external_id(), None);
}

/// Gipper requires `team_ids` but allows `null`: leaving the teams unset must
/// send `"team_ids": null`, not drop the key, and no nickname means none sent.
#[tokio::test]
async fn a_workspace_update_without_teams_sends_team_ids_null() {
    let server = support::serve_json(
        "PUT",
        &format!("{WORKSPACE_ROUTE}/7"),
        200,
        json!({"id": 7, "ig_user_name": null, "nickname": "", "teams_count": 0}),
    )
    .await;
    let account = client(&server)
        .workspace_instagram_accounts_update(7, &changes(None, None))
        .await
        .unwrap()
        .into_inner();
    let sent: serde_json::Value = support::only_request(&server).await.body_json().unwrap();
    assert_eq!(sent, json!({"instagram_account": {"team_ids": null}}));
    assert_eq!((account.handle(), account.display_name()), (None, None));
}

#[tokio::test]
async fn a_workspace_update_refused_with_422_decodes_field_errors() {
    let server = support::serve_json(
        "PUT",
        &format!("{WORKSPACE_ROUTE}/7"),
        422,
        json!({"team_ids": ["is not one of your teams"]}),
    )
    .await;
    let err = client(&server)
        .workspace_instagram_accounts_update(7, &changes(Some("x"), Some(vec![99])))
        .await
        .unwrap_err();
    let Error::ErrorResponse(answer) = err else {
        panic!("expected a typed error, got {err:?}")
    };
    assert_eq!(answer.status(), 422);
    assert_eq!(answer.0["team_ids"], ["is not one of your teams"]);
}

#[tokio::test]
async fn current_accounts_send_rails_array_ids_and_refresh_avatar_its_network() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/v4/current_social_accounts"))
        .and(header("authentication", format!("Bearer {TOKEN}").as_str()))
        .and(wiremock::matchers::query_param("type", "instagram"))
        .respond_with(move |request: &wiremock::Request| {
            // Rails reads an array only from repeated `ids[]` keys.
            let ids: Vec<String> = request
                .url
                .query_pairs()
                .filter(|(k, _)| k == "ids[]")
                .map(|(_, v)| v.into_owned())
                .collect();
            assert_eq!(ids, ["9", "10"]);
            ResponseTemplate::new(200).set_body_json(json!([
                {"id": 9, "name": "Shop", "nickname": null, "logo": "https://cdn.example/9.png", "user_refer": "workspace"},
                {"id": 10, "name": "Me", "nickname": "me", "logo": null, "user_refer": "personal"}
            ]))
        })
        .mount(&server)
        .await;
    Mock::given(method("PUT"))
        .and(path("/api/v4/current_social_accounts/9/refresh_avatar"))
        .and(wiremock::matchers::query_param("type", "facebook"))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(json!({"url": "https://cdn.example/new.png"})),
        )
        .mount(&server)
        .await;
    let client = client(&server);
    let accounts = client
        .get_current_social_accounts(params::GetCurrentSocialAccountsParams::new(
            types::AccountNetwork::Instagram,
            [9, 10],
        ))
        .await
        .unwrap()
        .into_inner();
    assert_eq!(accounts[0].user_refer, Some(types::AccountOwner::Workspace));
    assert_eq!(accounts[1].nickname.as_deref(), Some("me"));
    let avatar = client
        .refresh_social_account_avatar(
            9,
            params::RefreshSocialAccountAvatarParams::new(types::AvatarNetwork::Facebook),
        )
        .await
        .unwrap()
        .into_inner();
    assert_eq!(avatar.url, "https://cdn.example/new.png");
}

#[tokio::test]
async fn verify_and_list_accounts_decode_every_network() {
    let server = MockServer::start().await;
    let verified = json!({"verified": false, "error_message": "token expired"});
    Mock::given(method("GET"))
        .and(path("/api/v2/verify_social_accounts"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "valid_for_instagram": true,
            "twitter_accounts": [{"id": 1, "screen_name": "shop", "twitter_uid": "77", "twitter_token": "T", "logo_url": null, "account_verified": true, "twitter_nickname": null, "verified": verified, "nickname": null}],
            "shared_twitter_accounts": [],
            "facebook_pages": [{"id": 2, "fb_name": "Shop", "fb_uid": "88", "fb_token": "F", "logo_url": null, "verified": {"verified": true, "error_message": null}, "nickname": null, "is_silhouette": false}],
            "shared_facebook_pages": [],
            "instagram_accounts": [],
            "shared_instagram_accounts": [{"id": 3, "ig_user_name": "shop", "verified": {"verified": true}, "owner": "ana@example.com"}]
        })))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/api/v2/social_accounts/social_accounts_list"))
        .and(wiremock::matchers::query_param("page", "2"))
        .and(wiremock::matchers::query_param("sort_by", "nickname"))
        .and(wiremock::matchers::query_param("sort_to", "desc"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "accounts": [{"id": 3, "social_channel": "Instagram", "name": "shop", "nickname": null, "logo": null}],
            "meta": {"total_count": 21}
        })))
        .mount(&server)
        .await;
    let client = client(&server);
    let checked = client.verify_social_accounts().await.unwrap().into_inner();
    let twitter = &checked.twitter_accounts[0];
    assert_eq!(
        twitter
            .verified
            .as_ref()
            .and_then(|v| v.error_message.as_deref()),
        Some("token expired")
    );
    assert_eq!(checked.facebook_pages[0].fb_uid.as_deref(), Some("88"));
    // The shared Instagram accounts are cut off in the reference: what it
    // does not show is kept.
    assert_eq!(
        checked.shared_instagram_accounts[0].extra["owner"],
        "ana@example.com"
    );
    let page = client
        .list_social_accounts_paged(
            params::ListSocialAccountsPagedParams::new()
                .page(2)
                .sort_by(types::AccountSortKey::Nickname)
                .sort_to(types::SortOrder::Desc),
        )
        .await
        .unwrap()
        .into_inner();
    assert_eq!(page.meta.and_then(|m| m.total_count), Some(21));
    assert_eq!(
        page.accounts[0].social_channel.as_deref(),
        Some("Instagram")
    );
}
