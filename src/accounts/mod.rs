//! One view of a connected social account, whichever provider it comes from.
//!
//! Each provider describes accounts in its own words (bundle.social's
//! `SocialAccount`, Hooked's analyzed account, Postbreeze's connected channel,
//! Gipper's Instagram account); [`AccountView`] reads the fields they share,
//! and [`Platform`] maps their platform values onto one enum.
//!
//! ```
//! # #[cfg(feature = "postbreeze")] {
//! use social_clients::accounts::{AccountView, Platform};
//!
//! fn describe(account: &dyn AccountView) -> String {
//!     format!("{} @{}", account.platform(), account.handle().unwrap_or("?"))
//! }
//! # }
//! ```

mod platform;

pub use platform::Platform;

/// The fields every provider's account shares. Values a provider does not
/// report are `None`.
///
/// Example: the module's.
pub trait AccountView {
    /// The platform, mapped onto the common enum.
    fn platform(&self) -> Platform {
        Platform::from(self.provider_platform().as_str())
    }
    /// The platform value as the provider sent it (`TIKTOK_BUSINESS`,
    /// `tiktok`, ...), for what the common enum leaves out.
    fn provider_platform(&self) -> String;
    /// The handle, without a leading `@`.
    fn handle(&self) -> Option<&str>;
    /// The human-readable name.
    fn display_name(&self) -> Option<&str>;
    /// The avatar or profile picture URL.
    fn avatar_url(&self) -> Option<&str>;
    /// The account's id on the platform itself (not the provider's id).
    fn external_id(&self) -> Option<&str>;
    /// Followers, where the provider reports them.
    fn followers(&self) -> Option<u64> {
        None
    }
}

/// A handle without its leading `@`, `None` when empty.
pub(crate) fn bare_handle(handle: &str) -> Option<&str> {
    Some(handle.trim_start_matches('@')).filter(|h| !h.is_empty())
}
