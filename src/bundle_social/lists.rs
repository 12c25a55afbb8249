//! bundle.social's offset-paged lists, item by item (see
//! [`crate::paging`]): every answer below carries its items and the list's
//! `total`, and is asked for with `offset` and `limit`. Each list's stream
//! is named after its operation and takes its parameters.

use futures_util::Stream;

use super::types::{self, ApiError};
use super::{params, Client, Error};
use crate::paging::{self, offset_page, offset_params, offset_streams};

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

/// Items asked for per request by the streams below, unless the
/// parameters set a `limit`: the most the provider documents for these
/// lists.
const PAGE: u32 = 100;

offset_streams! { ApiError, PAGE;
    /// Every team of the organization.
    ///
    /// Example: `examples/list_posts.rs`.
    team_get_list_stream => team_get_list(params::TeamGetListParams) -> types::Team;
    /// Every post of a team, filtered as the parameters say.
    ///
    /// Example: `examples/list_posts.rs`.
    post_get_list_stream => post_get_list(params::PostGetListParams) -> types::Post;
    /// Every comment made through the API for a team.
    ///
    /// Example: `examples/list_posts.rs`.
    comment_get_list_stream => comment_get_list(params::CommentGetListParams) -> types::Comment;
    /// Every comment an import fetched.
    comment_import_get_fetched_comments_stream
        => comment_import_get_fetched_comments(params::CommentImportGetFetchedCommentsParams)
        -> types::CommentImportGetFetchedCommentsResponseItem;
    /// Every CSV import of a team.
    post_csv_get_list_stream => post_csv_get_list(params::PostCsvGetListParams) -> types::PostCsvImport;
    /// Every post that could move to a reconnected account.
    post_get_reconnect_social_account_candidates_stream
        => post_get_reconnect_social_account_candidates(params::PostGetReconnectSocialAccountCandidatesParams)
        -> types::PostGetReconnectSocialAccountCandidatesResponseItem;
    /// Every recommendation of a Facebook page.
    misc_facebook_get_recommendations_stream
        => misc_facebook_get_recommendations(params::MiscFacebookGetRecommendationsParams)
        -> types::Recommendation;
    /// Every review of a Google Business location.
    misc_google_business_get_reviews_stream
        => misc_google_business_get_reviews(params::MiscGoogleBusinessGetReviewsParams)
        -> types::Review;
    /// Every post an import brought in.
    post_import_get_imported_posts_stream
        => post_import_get_imported_posts(params::PostImportGetImportedPostsParams)
        -> types::PostImportGetImportedPostsResponsePost;
}

offset_params!(params::PostCsvGetRowsParams);

impl Client {
    /// Every row of CSV import `import_id`, page after page, with the same
    /// parameters (see [`Client::post_csv_get_rows`]); their `limit`, if
    /// set, is the page size.
    ///
    /// Example: [`crate::paging`] (the same stream over a team's posts).
    pub fn post_csv_get_rows_stream<'a>(
        &'a self,
        import_id: &'a str,
        params: params::PostCsvGetRowsParams,
    ) -> impl Stream<Item = Result<types::PostCsvGetRowsResponseItem, Error<ApiError>>> + 'a {
        paging::by_params(params, PAGE, move |page| {
            self.post_csv_get_rows(import_id, page)
        })
    }
}
