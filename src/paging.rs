//! Every item of a paged list as one [`Stream`]: the caller writes the call
//! for one page, the stream asks for page after page until the list ends.
//!
//! A list ends at the first page that is empty or shorter than asked for, or
//! once the items seen reach the total the answers report, whichever comes
//! first, so a provider that ignores `limit` or miscounts `total` still ends
//! the stream. Pages are fetched one at a time, only as the stream is
//! polled; dropping it stops. Each page request goes through the client's
//! retry policy, which waits out a 429 for the `Retry-After` the provider
//! sends, so a long listing slows down at the rate limit instead of failing.
//!
//! Each provider's paged list operations have a stream named after the
//! operation (`post_get_list_stream` beside `post_get_list`) that takes the
//! same named parameters: the filter a caller writes for one page is the
//! filter of the whole list. A `limit` set on them is the page size.
//!
//! ```no_run
//! # #[cfg(feature = "bundle-social")]
//! # async fn run(client: social_clients::bundle_social::Client) -> Result<(), Box<dyn std::error::Error>> {
//! use futures_util::TryStreamExt;
//! use social_clients::bundle_social::{params::PostGetListParams, types::PostStatus};
//!
//! // Every post of a team that failed, 50 per request.
//! let failed: Vec<_> = client
//!     .post_get_list_stream(PostGetListParams::new("team_1").status(PostStatus::Error).limit(50))
//!     .try_collect()
//!     .await?;
//! # Ok(()) }
//! ```

use std::future::Future;

use futures_util::stream::{self, Stream, TryStreamExt};
use progenitor_client::ResponseValue;

use crate::Error;

/// One answer of an offset-paged list: the items it carries and, when the
/// provider reports it, how many the whole list holds.
///
/// Example: the module's; `examples/list_posts.rs`.
pub trait OffsetPage {
    /// What the list holds.
    type Item;
    /// The items of this page, in the provider's order.
    fn into_items(self) -> Vec<Self::Item>;
    /// How many items the whole list holds, when the answer says.
    fn total(&self) -> Option<u64>;
}

/// Where a listing stands between two pages.
struct Cursor {
    offset: i64,
    done: bool,
}

/// Every item of an offset-paged list, `page_size` per request: `fetch` is
/// called with the offset and limit of each page in turn.
///
/// # Errors
/// The stream yields the first failed page's error and then ends.
///
/// Example: the module's; `examples/list_posts.rs`.
pub fn by_offset<P, E, F, Fut>(
    page_size: u32,
    mut fetch: F,
) -> impl Stream<Item = Result<P::Item, Error<E>>>
where
    P: OffsetPage,
    F: FnMut(i64, i64) -> Fut,
    Fut: Future<Output = Result<ResponseValue<P>, Error<E>>>,
{
    // A page size of 0 would ask for nothing forever.
    let limit = i64::from(page_size.max(1));
    let start = Cursor {
        offset: 0,
        done: false,
    };
    stream::try_unfold(start, move |cursor| {
        let page = (!cursor.done).then(|| fetch(cursor.offset, limit));
        async move {
            let Some(page) = page else {
                return Ok::<_, Error<E>>(None);
            };
            let page = page.await?.into_inner();
            let total = page.total();
            let items = page.into_items();
            let seen = cursor.offset.saturating_add(items.len() as i64);
            let done = items.is_empty()
                || (items.len() as i64) < limit
                || total.is_some_and(|total| seen >= i64::try_from(total).unwrap_or(i64::MAX));
            Ok(Some((items, Cursor { offset: seen, done })))
        }
    })
    .map_ok(|items| stream::iter(items.into_iter().map(Ok)))
    .try_flatten()
}

/// The named parameters of an offset-paged list operation: a stream asks
/// for each page with a copy whose `offset` and `limit` it sets.
///
/// Example: the module's (`PostGetListParams` implements it).
pub trait OffsetParams: Clone {
    /// Sets the page a copy asks for.
    fn set_page(&mut self, offset: i64, limit: i64);
    /// The page size the caller set, if any.
    fn page_size(&self) -> Option<i64>;
}

/// Every item of an offset-paged list whose one-page call takes `params`:
/// `fetch` is called with a copy of them for each page in turn, `offset`
/// and `limit` set. The page size is the `limit` the caller set, else
/// `default_size`.
///
/// # Errors
/// The stream yields the first failed page's error and then ends.
///
/// Example: the module's.
pub fn by_params<P, Q, E, F, Fut>(
    params: Q,
    default_size: u32,
    mut fetch: F,
) -> impl Stream<Item = Result<P::Item, Error<E>>>
where
    P: OffsetPage,
    Q: OffsetParams,
    F: FnMut(Q) -> Fut,
    Fut: Future<Output = Result<ResponseValue<P>, Error<E>>>,
{
    let size = params
        .page_size()
        .and_then(|l| u32::try_from(l).ok())
        .unwrap_or(default_size);
    by_offset(size, move |offset, limit| {
        let mut page = params.clone();
        page.set_page(offset, limit);
        fetch(page)
    })
}

/// For generated parameter structs whose optional `offset` and `limit`
/// are integers: implements [`OffsetParams`] and adds to the client one
/// `<operation>_stream(params)` per listed operation, every item of its list.
#[allow(unused_macros)]
macro_rules! offset_streams {
    ($error:ty, $page:expr; $(
        $(#[$doc:meta])*
        $stream:ident => $operation:ident($params:ty) -> $item:ty;
    )*) => {
        $crate::paging::offset_params!($($params),*);
        impl Client {
            $(
                $(#[$doc])*
                #[doc = ""]
                #[doc = concat!("Every item of [`Client::", stringify!($operation), "`]'s list, page after page, with the same parameters; their `limit`, if set, is the page size.")]
                #[doc = ""]
                #[doc = "Example: [`crate::paging`]."]
                pub fn $stream(
                    &self,
                    params: $params,
                ) -> impl futures_util::Stream<Item = Result<$item, Error<$error>>> + '_ {
                    $crate::paging::by_params(params, $page, move |page| self.$operation(page))
                }
            )*
        }
    };
}
#[allow(unused_imports)]
pub(crate) use offset_streams;

/// Implements [`OffsetParams`] for generated parameter structs whose
/// optional `offset` and `limit` are integers.
#[allow(unused_macros)]
macro_rules! offset_params {
    ($($params:ty),* $(,)?) => {$(
        impl $crate::paging::OffsetParams for $params {
            fn set_page(&mut self, offset: i64, limit: i64) {
                self.offset = Some(offset);
                self.limit = Some(limit);
            }
            fn page_size(&self) -> Option<i64> {
                self.limit
            }
        }
    )*};
}
#[allow(unused_imports)]
pub(crate) use offset_params;

/// Implements [`OffsetPage`] for generated answers that hold their items in
/// one field and the list's size in another (`total`, an integer).
#[allow(unused_macros)]
macro_rules! offset_page {
    ($($answer:ty => $items:ident: $item:ty),* $(,)?) => {$(
        impl $crate::paging::OffsetPage for $answer {
            type Item = $item;
            fn into_items(self) -> Vec<$item> {
                self.$items
            }
            fn total(&self) -> Option<u64> {
                // A negative size says nothing.
                u64::try_from(self.total).ok()
            }
        }
    )*};
}
#[allow(unused_imports)]
pub(crate) use offset_page;
