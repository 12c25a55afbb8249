//! Gipper refuses a connection with a 200 answer, `success: false` and the
//! reasons in `message[]`; this turns that into an error a caller can `?`.

use super::types::{InstagramAccount, InstagramAccountsCreateResponse};

/// Gipper declined to connect the accounts; `messages` says why.
///
/// Example: [`InstagramAccountsCreateResponse::into_result`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("Gipper refused to connect the accounts: {}", messages.join("; "))]
pub struct Refused {
    /// Gipper's reasons, as sent.
    pub messages: Vec<String>,
}

impl InstagramAccountsCreateResponse {
    /// The connected accounts, or the refusal as an error.
    ///
    /// # Errors
    /// [`Refused`] when the answer has `success: false`.
    ///
    /// # Example
    /// ```no_run
    /// # async fn run(client: social_clients::gipper::Client, body: social_clients::gipper::types::InstagramAccountsCreateBody) -> Result<(), Box<dyn std::error::Error>> {
    /// match client.instagram_accounts_create(&body).await?.into_inner().into_result() {
    ///     Ok(accounts) => println!("{} connected", accounts.len()),
    ///     Err(refused) => eprintln!("{refused}"),
    /// }
    /// # Ok(()) }
    /// ```
    pub fn into_result(self) -> Result<Vec<InstagramAccount>, Refused> {
        if self.success {
            Ok(self.ig_accounts)
        } else {
            Err(Refused {
                messages: self.message,
            })
        }
    }
}
