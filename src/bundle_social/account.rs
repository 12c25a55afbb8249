//! bundle.social's `SocialAccount` through the provider-neutral view.

use super::types::SocialAccount;
use crate::accounts::{bare_handle, AccountView};

impl AccountView for SocialAccount {
    fn provider_platform(&self) -> String {
        self.type_.to_string()
    }
    fn handle(&self) -> Option<&str> {
        self.username.as_deref().and_then(bare_handle)
    }
    fn display_name(&self) -> Option<&str> {
        self.display_name.as_deref()
    }
    fn avatar_url(&self) -> Option<&str> {
        self.avatar_url.as_deref()
    }
    fn external_id(&self) -> Option<&str> {
        self.external_id.as_deref()
    }
}
