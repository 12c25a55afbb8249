//! Gipper's Instagram accounts through the provider-neutral view: the full
//! account a connection answers, and the summary a workspace update answers.

use super::types::{InstagramAccount, WorkspaceInstagramAccount};
use crate::accounts::{bare_handle, AccountView, Platform};

/// Both answer types carry the same Instagram fields under the same names;
/// they differ only in whether Instagram's own id is present.
macro_rules! instagram_account_view {
    ($ty:ty, |$account:ident| $external_id:expr) => {
        impl AccountView for $ty {
            /// Gipper's accounts are all Instagram accounts.
            fn platform(&self) -> Platform {
                Platform::Instagram
            }
            fn provider_platform(&self) -> String {
                "instagram".to_string()
            }
            fn handle(&self) -> Option<&str> {
                self.ig_user_name.as_deref().and_then(bare_handle)
            }
            /// Gipper's `nickname` is the user's own label, often empty.
            fn display_name(&self) -> Option<&str> {
                self.nickname.as_deref().filter(|n| !n.is_empty())
            }
            fn avatar_url(&self) -> Option<&str> {
                self.ig_profile_picture_url.as_deref()
            }
            fn external_id(&self) -> Option<&str> {
                let $account = self;
                $external_id
            }
        }
    };
}

instagram_account_view!(InstagramAccount, |account| Some(
    account.ig_user_id.as_str()
));
// The update's answer carries Gipper's id only, not Instagram's.
instagram_account_view!(WorkspaceInstagramAccount, |_account| None);

/// An account of any network in Gipper's one paged list.
impl AccountView for super::types::AccountSummary {
    fn provider_platform(&self) -> String {
        self.social_channel.clone().unwrap_or_default()
    }
    /// Gipper's `name` is the account's name on its network (the Instagram
    /// user name, the page name); it serves as the handle.
    fn handle(&self) -> Option<&str> {
        self.name.as_deref().and_then(bare_handle)
    }
    fn display_name(&self) -> Option<&str> {
        self.nickname
            .as_deref()
            .filter(|n| !n.is_empty())
            .or(self.name.as_deref())
    }
    fn avatar_url(&self) -> Option<&str> {
        self.logo.as_deref()
    }
    /// The list carries Gipper's own id only.
    fn external_id(&self) -> Option<&str> {
        None
    }
}
