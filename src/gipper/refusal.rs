//! Gipper refuses a connection with a 200 answer, `success: false` and the
//! reasons in `message[]`; this turns that into an error a caller can `?`.

use super::types::{InstagramAccount, InstagramAccountsCreateResponse};

/// Gipper declined to connect the accounts; `messages` says why.
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
