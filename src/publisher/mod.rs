//! Write once, publish through any provider.
//!
//! [`Publisher`] is one interface over the providers that publish:
//! bundle.social, Postbreeze, and Hooked (rendered videos). Code that holds
//! a `&dyn Publisher` (or a generic `P: Publisher`) lists the connected
//! accounts, publishes a [`Draft`] (text, media as bytes, URL or library id,
//! target accounts, now, later or as a draft), waits for one
//! [`TargetOutcome`] per account, reads the post back, and cancels or
//! deletes it, without naming the provider. Moving such a program from one
//! provider to another changes the client it is given and nothing else.
//!
//! What a provider's API cannot do is a [`PublisherError::Unsupported`]
//! naming the provider and the [`Capability`], before anything is sent; ask
//! first with [`Publisher::supports`]. What the neutral draft does not say
//! is set per provider with [`Draft::provider_options`] (merged into the
//! provider's request body), and every provider's typed client stays
//! available beside this interface.
//!
//! | capability | bundle.social | Postbreeze | Hooked | Gipper |
//! |---|---|---|---|---|
//! | list accounts | yes (every team's) | yes | no: the integration list is not documented | yes |
//! | read one account | yes | yes | yes (integration) | no |
//! | text | yes | yes | yes (the video's description) | no |
//! | media as bytes / URL | yes / yes | yes / yes | no / no: no upload call is documented | no |
//! | media by library id | yes (upload id) | yes (media id) | yes: exactly one rendered video id, required | no |
//! | now / later / draft | yes / yes / yes | yes / yes / yes | yes / yes / no | no |
//! | read back, cancel, delete | yes; cancel makes it a draft again | yes | yes; cancel and delete both remove the schedules | no |
//!
//! ```no_run
//! # #[cfg(all(feature = "postbreeze", feature = "bundle-social"))]
//! # async fn run() -> Result<(), Box<dyn std::error::Error>> {
//! use social_clients::publisher::{Draft, Media, Publisher, When};
//! use social_clients::{bundle_social, postbreeze, publishing::PublishWait};
//!
//! async fn announce(publisher: &dyn Publisher) -> Result<(), Box<dyn std::error::Error>> {
//!     let accounts = publisher.accounts().await?;
//!     let mut draft = Draft::new("We open at nine tomorrow")
//!         .media(Media::url("https://example.com/storefront.jpg"));
//!     for account in &accounts {
//!         draft = draft.to(account.reference.clone());
//!     }
//!     let state = publisher.publish(&draft, PublishWait::default()).await?;
//!     for (account, outcome) in &state.targets {
//!         println!("{account}: {outcome:?}");
//!     }
//!     Ok(())
//! }
//!
//! // The same function, either provider:
//! announce(&postbreeze::Client::from_api_key(std::env::var("POSTBREEZE_API_KEY")?)?).await?;
//! announce(&bundle_social::Client::from_api_key(std::env::var("BUNDLE_SOCIAL_API_KEY")?)?).await?;
//! # Ok(())
//! # }
//! ```

mod account;
mod draft;
mod error;
mod refs;
mod state;

use futures_util::future::BoxFuture;

pub use account::{Account, ProviderAccount};
#[cfg(any(feature = "bundle-social", feature = "postbreeze", feature = "hooked"))]
pub(crate) use draft::with_options;
pub use draft::{Draft, Media, When};
pub use error::{Capability, PublisherError};
pub use refs::{AccountRef, PostRef, ProviderKind};
pub use state::{Phase, PostState, ProviderPost, TargetOutcome};

pub use crate::publishing::PublishWait;

/// One publishing interface over every provider that publishes.
///
/// The methods return boxed futures so that the trait can be held as
/// `&dyn Publisher` (a program choosing its provider at run time); each is
/// cancelled by dropping it. The module documentation has the table of
/// what each provider supports.
///
/// Example: the module's, and `examples/neutral_publish.rs`.
pub trait Publisher: Send + Sync {
    /// The provider behind it.
    fn provider(&self) -> ProviderKind;

    /// Whether the provider's API can do `capability`; the calls that need
    /// a capability it lacks answer [`PublisherError::Unsupported`].
    fn supports(&self, capability: Capability) -> bool;

    /// Every connected account the key reaches.
    ///
    /// # Errors
    /// `Unsupported` without [`Capability::ListAccounts`]; `Api` when the
    /// provider fails.
    fn accounts(&self) -> BoxFuture<'_, Result<Vec<Account>, PublisherError>>;

    /// One connected account.
    ///
    /// # Errors
    /// `Invalid` for a reference of another provider's form; otherwise as
    /// [`Publisher::accounts`].
    fn account<'a>(
        &'a self,
        account: &'a AccountRef,
    ) -> BoxFuture<'a, Result<Account, PublisherError>>;

    /// Sends the draft (uploading or importing its media first) and answers
    /// the post's reference at once, without waiting for any outcome.
    ///
    /// # Errors
    /// `Unsupported` or `Invalid` before anything is sent; `Api` when an
    /// upload or the post fails (media uploaded before the failure stays in
    /// the provider's library).
    fn submit<'a>(&'a self, draft: &'a Draft) -> BoxFuture<'a, Result<PostRef, PublisherError>>;

    /// Reads the post back, with each target's outcome so far.
    ///
    /// # Errors
    /// `Api` when the provider fails (a 404 for a deleted post).
    fn post<'a>(&'a self, post: &'a PostRef) -> BoxFuture<'a, Result<PostState, PublisherError>>;

    /// Stops a scheduled post; targets already published stay published.
    ///
    /// # Errors
    /// `Unsupported` without [`Capability::Cancel`]; `Api` otherwise.
    fn cancel<'a>(&'a self, post: &'a PostRef) -> BoxFuture<'a, Result<(), PublisherError>>;

    /// Deletes the post at the provider.
    ///
    /// # Errors
    /// `Unsupported` without [`Capability::Delete`]; `Api` otherwise.
    fn delete<'a>(&'a self, post: &'a PostRef) -> BoxFuture<'a, Result<(), PublisherError>>;

    /// Reads the post every `wait.poll_every` until no target is pending,
    /// for at most `wait.max_wait` (retries of a read included).
    ///
    /// # Errors
    /// `StillPending` with the post as last read when the wait ends first
    /// (a scheduled post's targets stay pending until its time); `Api`
    /// when a read fails.
    fn wait<'a>(
        &'a self,
        post: &'a PostRef,
        wait: PublishWait,
    ) -> BoxFuture<'a, Result<PostState, PublisherError>> {
        Box::pin(wait_until_decided(self, post, wait))
    }

    /// [`Publisher::submit`], then, for a draft published now,
    /// [`Publisher::wait`]; a scheduled post or a draft is read back once
    /// (its targets pending).
    ///
    /// # Errors
    /// As `submit` and `wait`.
    fn publish<'a>(
        &'a self,
        draft: &'a Draft,
        wait: PublishWait,
    ) -> BoxFuture<'a, Result<PostState, PublisherError>> {
        Box::pin(async move {
            let post = self.submit(draft).await?;
            match draft.when {
                When::Now => self.wait(&post, wait).await,
                When::At(_) | When::Draft => self.post(&post).await,
            }
        })
    }
}

/// The loop behind [`Publisher::wait`], a free function so that it is
/// written once for every implementation: the providers' own waiting loop
/// ([`crate::publishing`]), reading through the publisher.
async fn wait_until_decided<P: Publisher + ?Sized>(
    publisher: &P,
    post: &PostRef,
    wait: PublishWait,
) -> Result<PostState, PublisherError> {
    let settled = crate::publishing::poll_until_decided(
        wait,
        || publisher.post(post),
        |state: PostState| state,
        PostState::pending,
    )
    .await?;
    settled.map_err(|late| PublisherError::StillPending {
        waited: late.waited,
        state: Box::new(late.last),
    })
}

/// The refusal for what `provider` cannot do.
#[cfg(any(feature = "hooked", feature = "gipper"))]
pub(crate) fn unsupported(provider: ProviderKind, capability: Capability) -> PublisherError {
    PublisherError::Unsupported {
        provider,
        capability,
    }
}
