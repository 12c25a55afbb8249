//! What names a provider, a connected account and a post across providers.

use std::fmt;

/// The providers behind a [`Publisher`](super::Publisher).
///
/// Example: [`Draft::provider_options`](super::Draft::provider_options).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum ProviderKind {
    /// bundle.social.
    BundleSocial,
    /// Postbreeze.
    Postbreeze,
    /// Hooked.
    Hooked,
    /// Gipper.
    Gipper,
}

impl ProviderKind {
    /// The provider's name, as in messages (`bundle.social`).
    ///
    /// Example: [`PublisherError`](super::PublisherError)'s messages.
    pub fn name(self) -> &'static str {
        match self {
            ProviderKind::BundleSocial => "bundle.social",
            ProviderKind::Postbreeze => "Postbreeze",
            ProviderKind::Hooked => "Hooked",
            ProviderKind::Gipper => "Gipper",
        }
    }
}

impl fmt::Display for ProviderKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A connected account as the provider names it when publishing to it.
///
/// Take it from [`Account::reference`](super::Account::reference), or build
/// it from an id stored earlier. What it holds depends on the provider:
///
/// | provider | reference |
/// |---|---|
/// | bundle.social | `<team id>/<platform>` (`team_1/TIKTOK`): a team has one account per platform, and a post names its team and platforms |
/// | Postbreeze | the social account id (`soc_...`) |
/// | Hooked | the integration id (`int_...`) |
/// | Gipper | `<network>/<id>` (`Instagram/42`) |
///
/// Example: `examples/neutral_publish.rs`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct AccountRef(String);

impl AccountRef {
    /// A reference from its text (see the table above).
    ///
    /// Example: `examples/neutral_publish.rs`.
    pub fn new(reference: impl Into<String>) -> Self {
        AccountRef(reference.into())
    }

    /// The reference's text, to store.
    ///
    /// Example: `examples/neutral_publish.rs`.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for AccountRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<&str> for AccountRef {
    fn from(reference: &str) -> Self {
        AccountRef::new(reference)
    }
}

impl From<String> for AccountRef {
    fn from(reference: String) -> Self {
        AccountRef(reference)
    }
}

/// A post submitted through a [`Publisher`](super::Publisher): the
/// provider's post id (bundle.social, Postbreeze), or for Hooked, whose
/// publication is one schedule per account, the schedule ids joined by
/// commas.
///
/// Example: `examples/neutral_publish.rs`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PostRef(String);

impl PostRef {
    /// A reference from its text, as [`PostRef::as_str`] gave it.
    ///
    /// Example: `examples/neutral_publish.rs`.
    pub fn new(reference: impl Into<String>) -> Self {
        PostRef(reference.into())
    }

    /// The reference's text, to store and read back later.
    ///
    /// Example: `examples/neutral_publish.rs`.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The ids the reference joins (one, except Hooked's schedules).
    #[cfg(feature = "hooked")]
    pub(crate) fn ids(&self) -> impl Iterator<Item = &str> {
        self.0.split(',').filter(|id| !id.is_empty())
    }
}

impl fmt::Display for PostRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<&str> for PostRef {
    fn from(reference: &str) -> Self {
        PostRef::new(reference)
    }
}
