//! Gipper's Instagram account through the provider-neutral view.

use super::types::InstagramAccount;
use crate::accounts::{bare_handle, AccountView, Platform};

impl AccountView for InstagramAccount {
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
        Some(self.ig_user_id.as_str())
    }
}
