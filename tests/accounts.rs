//! The provider-neutral account view over accounts fetched from each
//! provider's client on loopback.
#![cfg(all(
    feature = "bundle-social",
    feature = "hooked",
    feature = "postbreeze",
    feature = "gipper"
))]

mod support;

use serde_json::json;
use social_clients::accounts::{AccountView, Platform};
use social_clients::{bundle_social, gipper, hooked, postbreeze};

async fn bundle_account() -> bundle_social::types::SocialAccount {
    let server = support::serve_json(
        "GET",
        "/api/v1/social-account/by-type",
        200,
        json!({"id": "sa_1", "type": "TWITTER", "teamId": "t", "username": "@brand", "displayName": "Brand",
               "avatarUrl": "https://cdn.example/b.png", "externalId": "4711", "createdAt": null, "updatedAt": null}),
    )
    .await;
    let client = bundle_social::Client::builder("k")
        .base_url(server.uri())
        .build()
        .unwrap();
    client
        .social_account_get_by_type(bundle_social::params::SocialAccountGetByTypeParams::new(
            bundle_social::types::Platform::Twitter,
            "t",
        ))
        .await
        .unwrap()
        .into_inner()
}

async fn hooked_account() -> hooked::types::AnalyzedAccount {
    let server = support::serve_json(
        "POST",
        "/v1/social/account/clx1/refresh",
        200,
        json!({"success": true, "data": {"account": {"id": "clx1", "username": "fitnessguru", "platform": "tiktok",
               "displayName": "Fitness Guru", "stats": {"followers": 1520000}}}}),
    )
    .await;
    let client = hooked::Client::builder("k")
        .base_url(server.uri())
        .build()
        .unwrap();
    client
        .refresh_account("clx1")
        .await
        .unwrap()
        .into_inner()
        .data
        .account
}

async fn postbreeze_account() -> postbreeze::types::SocialAccount {
    let server = support::serve_json(
        "GET",
        "/api/v1/social-accounts/soc_1",
        200,
        json!({"id": "soc_1", "workspaceId": "ws", "platform": "LINKEDIN_COMPANY", "externalId": "urn:li:organization:1",
               "handle": "@acme", "displayName": null, "status": "ACTIVE", "scopes": [], "connectedAt": "2024-01-01T00:00:00Z"}),
    )
    .await;
    let client = postbreeze::Client::builder("k")
        .base_url(format!("{}/api/v1", server.uri()))
        .build()
        .unwrap();
    client
        .get_social_account("soc_1")
        .await
        .unwrap()
        .into_inner()
}

async fn gipper_account() -> gipper::types::InstagramAccount {
    let server = support::serve_json(
        "POST",
        "/api/v3/instagram_accounts",
        200,
        json!({"success": true, "message": [], "ig_accounts": [{"id": 7586, "ig_user_id": "17841405902213202",
               "ig_user_name": "twentyonekate", "ig_profile_picture_url": null, "nickname": ""}]}),
    )
    .await;
    let client = gipper::Client::builder("k")
        .base_url(server.uri())
        .build()
        .unwrap();
    let body = gipper::types::InstagramAccountsCreateBody {
        facebook_account: gipper::types::FacebookAccount {
            fb_token: "t".into(),
            fb_uid: "u".into(),
            location: None,
        },
        ig_accounts: vec![],
    };
    client
        .instagram_accounts_create(&body)
        .await
        .unwrap()
        .into_inner()
        .ig_accounts
        .remove(0)
}

#[tokio::test]
async fn one_view_reads_every_providers_account() {
    let accounts: Vec<Box<dyn AccountView>> = vec![
        Box::new(bundle_account().await),
        Box::new(hooked_account().await),
        Box::new(postbreeze_account().await),
        Box::new(gipper_account().await),
    ];
    let seen: Vec<_> = accounts
        .iter()
        .map(|a| {
            (
                a.platform(),
                a.provider_platform(),
                a.handle().map(str::to_string),
                a.display_name().map(str::to_string),
                a.external_id().map(str::to_string),
                a.followers(),
            )
        })
        .collect();
    assert_eq!(
        seen,
        vec![
            (
                Platform::X,
                "TWITTER".into(),
                Some("brand".into()),
                Some("Brand".into()),
                Some("4711".into()),
                None
            ),
            (
                Platform::TikTok,
                "tiktok".into(),
                Some("fitnessguru".into()),
                Some("Fitness Guru".into()),
                None,
                Some(1_520_000)
            ),
            (
                Platform::LinkedIn,
                "LINKEDIN_COMPANY".into(),
                Some("acme".into()),
                None,
                Some("urn:li:organization:1".into()),
                None
            ),
            (
                Platform::Instagram,
                "instagram".into(),
                Some("twentyonekate".into()),
                None,
                Some("17841405902213202".into()),
                None
            ),
        ]
    );
    assert_eq!(accounts[0].avatar_url(), Some("https://cdn.example/b.png"));
}
