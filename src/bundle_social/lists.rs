//! bundle.social's offset-paged lists, item by item (see
//! [`crate::paging`]): every answer below carries its items and the list's
//! `total`, and is asked for with `offset` and `limit`.

use futures_util::Stream;

use super::types::{self, ApiError};
use super::{Client, Error};
use crate::paging::{self, offset_page};

offset_page! {
    types::TeamGetListResponse => items: types::Team,
    types::PostGetListResponse => items: types::Post,
    types::CommentGetListResponse => items: types::Comment,
    types::CommentImportGetFetchedCommentsResponse
        => items: types::CommentImportGetFetchedCommentsResponseItem,
    types::PostCsvGetListResponse => items: types::PostCsvImport,
    types::PostCsvGetRowsResponse => items: types::PostCsvGetRowsResponseItem,
    types::PostGetReconnectSocialAccountCandidatesResponse
        => items: types::PostGetReconnectSocialAccountCandidatesResponseItem,
    types::MiscFacebookGetRecommendationsResponse => recommendations: types::Recommendation,
    types::MiscGoogleBusinessGetReviewsResponse => reviews: types::Review,
    types::PostImportGetImportedPostsResponse => posts: types::PostImportGetImportedPostsResponsePost,
}

/// Items asked for per request by the streams below: the most the provider
/// documents for these lists.
const PAGE: u32 = 100;

impl Client {
    /// Every team of the organization, page after page.
    /// [`Client::team_get_list`] with `search` is one page of a filtered list.
    ///
    /// Example: `examples/list_posts.rs`.
    pub fn teams(&self) -> impl Stream<Item = Result<types::Team, Error<ApiError>>> + '_ {
        paging::by_offset(PAGE, move |offset, limit| {
            self.team_get_list(Some(limit), Some(offset), None)
        })
    }

    /// Every post of a team, newest first by the provider's default order.
    /// For filters (status, platforms, dates), page
    /// [`Client::post_get_list`] with [`paging::by_offset`].
    ///
    /// Example: `examples/list_posts.rs`.
    pub fn posts<'a>(
        &'a self,
        team_id: &'a str,
    ) -> impl Stream<Item = Result<types::Post, Error<ApiError>>> + 'a {
        paging::by_offset(PAGE, move |offset, limit| {
            self.post_get_list(
                Some(limit),
                Some(offset),
                None,
                None,
                None,
                None,
                None,
                None,
                None,
                team_id,
            )
        })
    }

    /// Every comment made through the API for a team.
    ///
    /// Example: `examples/list_posts.rs`.
    pub fn comments<'a>(
        &'a self,
        team_id: &'a str,
    ) -> impl Stream<Item = Result<types::Comment, Error<ApiError>>> + 'a {
        paging::by_offset(PAGE, move |offset, limit| {
            self.comment_get_list(
                None,
                Some(limit),
                Some(offset),
                None,
                None,
                None,
                None,
                None,
                None,
                team_id,
            )
        })
    }
}
