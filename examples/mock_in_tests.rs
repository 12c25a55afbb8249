//! Testing your own code against a typed mock of Postbreeze (cargo feature
//! `mock`): the function below is "your code"; `main` plays the test,
//! setting what the API answers and checking what your code did with it.
//!
//! ```sh
//! cargo run --example mock_in_tests --features mock
//! ```

use social_clients::postbreeze::mock::{samples, MockServer};
use social_clients::postbreeze::params::ListSocialAccountsParams;
use social_clients::postbreeze::{types, Client, Error};

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
    // A typed sample answer (as the description says one looks), changed
    // where the test cares.
    let account = |handle: &str, status: types::SocialAccountStatus| types::SocialAccount {
        id: format!("soc_{handle}"),
        handle: handle.into(),
        status,
        ..samples::get_social_account()
    };
    mock.list_social_accounts()
        .query_param("workspaceId", "ws_1")
        .times(1)
        .respond_with(&vec![
            account("brand", types::SocialAccountStatus::Active),
            account("shop", types::SocialAccountStatus::TokenExpired),
        ])
        .await;
    // A failure the code under test must pass on: a typed error body.
    mock.list_social_accounts()
        .query_param("workspaceId", "ws_gone")
        .fail_with(403, &samples::error_body())
        .await;

    let handles = expired_handles(&mock.client(), "ws_1").await.unwrap();
    assert_eq!(handles, ["shop"]);
    let refused = expired_handles(&mock.client(), "ws_gone")
        .await
        .unwrap_err();
    assert_eq!(refused.status().map(|s| s.as_u16()), Some(403));
    println!("expired: {handles:?}");
}
