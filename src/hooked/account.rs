//! Hooked's analyzed account through the provider-neutral view.

use super::types::AnalyzedAccount;
use crate::accounts::{bare_handle, AccountView};

impl AccountView for AnalyzedAccount {
    fn provider_platform(&self) -> String {
        self.platform.to_string()
    }
    fn handle(&self) -> Option<&str> {
        bare_handle(&self.username)
    }
    fn display_name(&self) -> Option<&str> {
        self.display_name.as_deref()
    }
    fn avatar_url(&self) -> Option<&str> {
        self.avatar_url.as_deref()
    }
    /// Hooked reports only its own id (`id`), not the platform's.
    fn external_id(&self) -> Option<&str> {
        None
    }
    fn followers(&self) -> Option<u64> {
        self.stats
            .as_ref()?
            .followers
            .and_then(|f| u64::try_from(f).ok())
    }
}

/// A connected integration (the account a video is scheduled to).
impl AccountView for super::types::Integration {
    fn provider_platform(&self) -> String {
        self.type_.to_string()
    }
    fn handle(&self) -> Option<&str> {
        self.account
            .as_ref()?
            .username
            .as_deref()
            .and_then(bare_handle)
    }
    fn display_name(&self) -> Option<&str> {
        self.account.as_ref()?.name.as_deref()
    }
    fn avatar_url(&self) -> Option<&str> {
        self.account.as_ref()?.avatar_url.as_deref()
    }
    /// The platform's id: the connected account's, else the integration's
    /// `identifier` (a channel id, a username).
    fn external_id(&self) -> Option<&str> {
        self.account
            .as_ref()
            .and_then(|a| a.id.as_deref())
            .or(self.identifier.as_deref())
    }
}
