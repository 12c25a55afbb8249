//! Testing your own code against a typed mock of Postbreeze (cargo feature
//! `mock`): the function below is "your code"; `main` plays the test,
//! setting what the API answers and checking what your code did with it.
//!
//! ```sh
//! cargo run --example mock_in_tests --features mock
//! ```

use social_clients::postbreeze::params::ListSocialAccountsParams;
use social_clients::postbreeze::{mock::MockServer, types, Client, Error};

/// Your code: the handles of a workspace's accounts that need reconnecting.
async fn expired_handles(
    client: &Client,
    workspace: &str,
) -> Result<Vec<String>, Error<types::ApiError>> {
    let accounts = client
        .list_social_accounts(ListSocialAccountsParams::new().workspace_id(workspace))
        .await?
        .into_inner();
    Ok(accounts
        .into_iter()
        .filter(|a| a.status == types::SocialAccountStatus::TokenExpired)
        .map(|a| a.handle)
        .collect())
}

#[tokio::main]
async fn main() {
    let mock = MockServer::start().await;
    let account = |handle: &str, status: &str| -> types::SocialAccount {
        serde_json::from_value(serde_json::json!({
            "id": format!("soc_{handle}"), "workspaceId": "ws_1", "platform": "INSTAGRAM",
            "externalId": "1", "handle": handle, "status": status, "scopes": [],
            "connectedAt": "2026-01-01T00:00:00Z"
        }))
        .unwrap()
    };
    mock.list_social_accounts()
        .query_param("workspaceId", "ws_1")
        .times(1)
        .respond_with(&vec![
            account("brand", "ACTIVE"),
            account("shop", "TOKEN_EXPIRED"),
        ])
        .await;

    let handles = expired_handles(&mock.client(), "ws_1").await.unwrap();
    assert_eq!(handles, ["shop"]);
    println!("expired: {handles:?}");
}
