//! A connected account as a [`Publisher`](super::Publisher) lists it.

use crate::accounts::AccountView;

use super::{AccountRef, ProviderKind};

/// A connected account: the reference to publish to, the provider-neutral
/// view ([`AccountView`]), and the provider's own record.
///
/// Example: `examples/neutral_publish.rs`.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Account {
    /// What a [`Draft`](super::Draft) targets.
    pub reference: AccountRef,
    /// The provider's record, for what the view leaves out.
    pub record: ProviderAccount,
}

/// A provider's own account record.
///
/// Example: [`Account`].
#[derive(Debug, Clone)]
#[non_exhaustive]
pub enum ProviderAccount {
    /// A bundle.social team's account.
    #[cfg(feature = "bundle-social")]
    BundleSocial(Box<crate::bundle_social::types::SocialAccount>),
    /// A Postbreeze connected channel.
    #[cfg(feature = "postbreeze")]
    Postbreeze(Box<crate::postbreeze::types::SocialAccount>),
    /// A Hooked integration.
    #[cfg(feature = "hooked")]
    Hooked(Box<crate::hooked::types::Integration>),
    /// A Gipper account of any network.
    #[cfg(feature = "gipper")]
    Gipper(Box<crate::gipper::types::AccountSummary>),
}

impl Account {
    /// The provider it belongs to.
    ///
    /// Example: `examples/neutral_publish.rs`.
    pub fn provider(&self) -> ProviderKind {
        match &self.record {
            #[cfg(feature = "bundle-social")]
            ProviderAccount::BundleSocial(_) => ProviderKind::BundleSocial,
            #[cfg(feature = "postbreeze")]
            ProviderAccount::Postbreeze(_) => ProviderKind::Postbreeze,
            #[cfg(feature = "hooked")]
            ProviderAccount::Hooked(_) => ProviderKind::Hooked,
            #[cfg(feature = "gipper")]
            ProviderAccount::Gipper(_) => ProviderKind::Gipper,
        }
    }

    fn view(&self) -> &dyn AccountView {
        match &self.record {
            #[cfg(feature = "bundle-social")]
            ProviderAccount::BundleSocial(a) => a.as_ref(),
            #[cfg(feature = "postbreeze")]
            ProviderAccount::Postbreeze(a) => a.as_ref(),
            #[cfg(feature = "hooked")]
            ProviderAccount::Hooked(a) => a.as_ref(),
            #[cfg(feature = "gipper")]
            ProviderAccount::Gipper(a) => a.as_ref(),
        }
    }
}

impl AccountView for Account {
    fn provider_platform(&self) -> String {
        self.view().provider_platform()
    }
    fn handle(&self) -> Option<&str> {
        self.view().handle()
    }
    fn display_name(&self) -> Option<&str> {
        self.view().display_name()
    }
    fn avatar_url(&self) -> Option<&str> {
        self.view().avatar_url()
    }
    fn external_id(&self) -> Option<&str> {
        self.view().external_id()
    }
    fn followers(&self) -> Option<u64> {
        self.view().followers()
    }
}
