//! Hooked's offset-paged lists, item by item (see [`crate::paging`]): the
//! team's videos, its scheduled posts, and the videos a search found. Each
//! answer carries one page inside the `data` envelope and the list's size.

use futures_util::Stream;

use super::types::{self, ApiError};
use super::{params, Client, Error};
use crate::paging::{self, offset_params, offset_streams, OffsetPage};

/// Items asked for per request, unless the parameters set a `limit`: the most the reference allows for these
/// lists.
const PAGE: u32 = 100;

/// A size reported as a JSON integer says nothing when negative.
fn reported(total: i64) -> Option<u64> {
    u64::try_from(total).ok()
}

impl OffsetPage for types::ListVideosResponse {
    type Item = types::Video;
    fn into_items(self) -> Vec<types::Video> {
        self.data.videos
    }
    fn total(&self) -> Option<u64> {
        reported(self.data.total)
    }
}

impl OffsetPage for types::ListSchedulesResponse {
    type Item = types::ScheduledPost;
    fn into_items(self) -> Vec<types::ScheduledPost> {
        self.data.scheduled_posts
    }
    fn total(&self) -> Option<u64> {
        reported(self.data.total)
    }
}

impl OffsetPage for types::GetSearchResponse {
    type Item = types::SearchVideo;
    fn into_items(self) -> Vec<types::SearchVideo> {
        self.data.videos
    }
    fn total(&self) -> Option<u64> {
        // `hasMore: false` ends the list where the reported size may lag.
        let pagination = self.data.pagination.as_ref()?;
        if pagination.has_more {
            reported(pagination.total)
        } else {
            reported(
                pagination
                    .offset
                    .saturating_add(self.data.videos.len() as i64),
            )
        }
    }
}

offset_streams! { ApiError, PAGE;
    /// Every video of the team, filtered by type and status when given.
    ///
    /// Example: `examples/hooked_publish.rs`.
    list_videos_stream => list_videos(params::ListVideosParams) -> types::Video;
    /// Every scheduled post, filtered by status and platform when given.
    ///
    /// Example: `examples/hooked_publish.rs`.
    list_schedules_stream => list_schedules(params::ListSchedulesParams) -> types::ScheduledPost;
}

offset_params!(params::GetSearchParams);

impl Client {
    /// Every video search `search_id` found ([`Client::create_search`]
    /// starts one), page after page, with the same parameters (see
    /// [`Client::get_search`]); their `limit`, if set, is the page size.
    ///
    /// Example: [`crate::paging`] (the same stream over bundle.social's posts); `tests/hooked_workflows.rs` drives it.
    pub fn get_search_stream<'a>(
        &'a self,
        search_id: &'a str,
        params: params::GetSearchParams,
    ) -> impl Stream<Item = Result<types::SearchVideo, Error<ApiError>>> + 'a {
        paging::by_params(params, PAGE, move |page| self.get_search(search_id, page))
    }
}
