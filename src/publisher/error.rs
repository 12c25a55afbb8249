//! Why a [`Publisher`](super::Publisher) call failed, the same type for
//! every provider.

use std::fmt;
use std::time::Duration;

use super::{PostState, ProviderKind};

/// Something a provider's API may or may not let a publisher do.
///
/// Example: [`Publisher::supports`](super::Publisher::supports).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Capability {
    /// Listing every connected account.
    ListAccounts,
    /// Reading one connected account by its reference.
    ReadAccount,
    /// Publishing a post's text.
    Text,
    /// Media given as bytes (uploaded first).
    MediaBytes,
    /// Media given as a URL (imported by the provider).
    MediaUrl,
    /// Media already in the provider's library, by id.
    MediaId,
    /// Publishing a post without any media.
    TextOnly,
    /// Publishing at once.
    PublishNow,
    /// Publishing at a later time.
    Schedule,
    /// Saving a draft that is not published.
    Draft,
    /// Reading a post back with each target's outcome.
    ReadPost,
    /// Stopping a scheduled post.
    Cancel,
    /// Deleting a post.
    Delete,
}

impl Capability {
    /// Every capability, in declaration order (for capability tables).
    ///
    /// Example: `examples/neutral_publish.rs`.
    pub const ALL: [Capability; 13] = [
        Capability::ListAccounts,
        Capability::ReadAccount,
        Capability::Text,
        Capability::MediaBytes,
        Capability::MediaUrl,
        Capability::MediaId,
        Capability::TextOnly,
        Capability::PublishNow,
        Capability::Schedule,
        Capability::Draft,
        Capability::ReadPost,
        Capability::Cancel,
        Capability::Delete,
    ];
}

impl fmt::Display for Capability {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Capability::ListAccounts => "listing connected accounts",
            Capability::ReadAccount => "reading a connected account",
            Capability::Text => "publishing text",
            Capability::MediaBytes => "uploading media bytes",
            Capability::MediaUrl => "importing media from a URL",
            Capability::MediaId => "attaching media by library id",
            Capability::TextOnly => "publishing without media",
            Capability::PublishNow => "publishing now",
            Capability::Schedule => "scheduling for later",
            Capability::Draft => "saving a draft",
            Capability::ReadPost => "reading a post back",
            Capability::Cancel => "cancelling a scheduled post",
            Capability::Delete => "deleting a post",
        })
    }
}

/// Why a [`Publisher`](super::Publisher) call failed.
///
/// The provider's own error stays reachable: `source()` of an `Api`
/// error downcasts to that provider's [`crate::Error`] (for example
/// `crate::Error<postbreeze::types::ApiError>`).
///
/// Example: `examples/neutral_publish.rs`.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum PublisherError {
    /// The provider's API cannot do this; nothing was sent.
    #[error("{provider} does not support {capability}")]
    Unsupported {
        /// The provider.
        provider: ProviderKind,
        /// What it cannot do.
        capability: Capability,
    },
    /// The draft or reference cannot be expressed for this provider (a
    /// reference of another form, accounts of two bundle.social teams, a
    /// platform's required option missing); nothing was sent.
    #[error("{provider} cannot take this: {reason}")]
    Invalid {
        /// The provider.
        provider: ProviderKind,
        /// What is wrong, and what to set.
        reason: String,
    },
    /// The provider's API answered with an error or could not be reached.
    #[error("{provider}: {source}")]
    Api {
        /// The provider.
        provider: ProviderKind,
        /// The HTTP status, when there was an answer.
        status: Option<u16>,
        /// Whether the same call may succeed later (a 429, a 5xx, a
        /// timeout).
        retryable: bool,
        /// The provider's error (downcast to `crate::Error<E>`, or for a
        /// media upload the provider's upload error).
        #[source]
        source: Box<dyn std::error::Error + Send + Sync + 'static>,
    },
    /// Some targets were still undecided when the wait ended; `state` is
    /// the post as last read.
    #[error("{} target(s) still pending after {waited:?}", state.pending())]
    StillPending {
        /// How long it waited.
        waited: Duration,
        /// The post as last read.
        state: Box<PostState>,
    },
}

impl PublisherError {
    /// The HTTP status of the provider's answer, when there was one.
    ///
    /// Example: `examples/neutral_publish.rs`.
    pub fn status(&self) -> Option<u16> {
        match self {
            PublisherError::Api { status, .. } => *status,
            _ => None,
        }
    }

    /// Whether trying the same call later may succeed.
    ///
    /// Example: `examples/neutral_publish.rs`.
    pub fn is_retryable(&self) -> bool {
        matches!(
            self,
            PublisherError::Api {
                retryable: true,
                ..
            }
        )
    }

    /// A provider's API error.
    pub(crate) fn api<E>(provider: ProviderKind, error: crate::Error<E>) -> Self
    where
        E: fmt::Debug + Send + Sync + 'static,
    {
        PublisherError::Api {
            provider,
            status: error.status().map(|s| s.as_u16()),
            retryable: error.is_retryable(),
            source: Box::new(error),
        }
    }

    /// A draft or reference this provider cannot take.
    #[cfg(any(feature = "bundle-social", feature = "postbreeze", feature = "hooked"))]
    pub(crate) fn invalid(provider: ProviderKind, reason: impl Into<String>) -> Self {
        PublisherError::Invalid {
            provider,
            reason: reason.into(),
        }
    }
}
