//! Gipper behind the provider-neutral [`Publisher`]: its documented API
//! lists accounts (every network, paged) and nothing else a publisher
//! needs; the post calls' paths are not documented, so every other
//! capability is `Unsupported`. An account reference is
//! `<network>/<Gipper id>` (`Instagram/42`).

use futures_util::future::BoxFuture;

use super::{params, types, Client};
use crate::publisher::{
    unsupported, Account, AccountRef, Capability, Draft, PostRef, PostState, ProviderAccount,
    ProviderKind, Publisher, PublisherError, When,
};

const KIND: ProviderKind = ProviderKind::Gipper;

/// Pages read at most, so that a server answering the same page forever
/// cannot hold the caller: 1,000 pages of accounts is far past any user's.
const MAX_PAGES: i32 = 1000;

fn account(summary: types::AccountSummary) -> Account {
    let network = summary.social_channel.as_deref().unwrap_or("account");
    Account {
        reference: AccountRef::new(format!("{network}/{}", summary.id)),
        record: ProviderAccount::Gipper(Box::new(summary)),
    }
}

impl Publisher for Client {
    fn provider(&self) -> ProviderKind {
        KIND
    }

    fn supports(&self, capability: Capability) -> bool {
        capability == Capability::ListAccounts
    }

    fn accounts(&self) -> BoxFuture<'_, Result<Vec<Account>, PublisherError>> {
        Box::pin(async move {
            let mut accounts = Vec::new();
            for page in 1..=MAX_PAGES {
                let answer = self
                    .list_social_accounts_paged(
                        params::ListSocialAccountsPagedParams::new().page(page),
                    )
                    .await
                    .map_err(|e| PublisherError::api(KIND, e))?
                    .into_inner();
                let total = answer.meta.as_ref().and_then(|m| m.total_count);
                let empty = answer.accounts.is_empty();
                accounts.extend(answer.accounts.into_iter().map(account));
                let complete = total.is_some_and(|t| accounts.len() as i64 >= t);
                if empty || complete {
                    break;
                }
            }
            Ok(accounts)
        })
    }

    fn account<'a>(&'a self, _: &'a AccountRef) -> BoxFuture<'a, Result<Account, PublisherError>> {
        Box::pin(async { Err(unsupported(KIND, Capability::ReadAccount)) })
    }

    /// Refused with the capability the draft's timing needs.
    fn submit<'a>(&'a self, draft: &'a Draft) -> BoxFuture<'a, Result<PostRef, PublisherError>> {
        let capability = match draft.when {
            When::Now => Capability::PublishNow,
            When::At(_) => Capability::Schedule,
            When::Draft => Capability::Draft,
        };
        Box::pin(async move { Err(unsupported(KIND, capability)) })
    }

    fn post<'a>(&'a self, _: &'a PostRef) -> BoxFuture<'a, Result<PostState, PublisherError>> {
        Box::pin(async { Err(unsupported(KIND, Capability::ReadPost)) })
    }

    fn cancel<'a>(&'a self, _: &'a PostRef) -> BoxFuture<'a, Result<(), PublisherError>> {
        Box::pin(async { Err(unsupported(KIND, Capability::Cancel)) })
    }

    fn delete<'a>(&'a self, _: &'a PostRef) -> BoxFuture<'a, Result<(), PublisherError>> {
        Box::pin(async { Err(unsupported(KIND, Capability::Delete)) })
    }
}
