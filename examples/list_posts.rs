//! Every failed post of a bundle.social team, however many pages that takes.
//!
//! ```sh
//! BUNDLE_SOCIAL_API_KEY=... BUNDLE_SOCIAL_TEAM_ID=... cargo run --example list_posts
//! ```

use futures_util::TryStreamExt;
use social_clients::bundle_social::{types, Client};
use social_clients::paging;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let client = Client::from_api_key(std::env::var("BUNDLE_SOCIAL_API_KEY")?)?;
    let team_id = std::env::var("BUNDLE_SOCIAL_TEAM_ID")?;

    // Every team: the ready-made stream.
    let teams: Vec<types::Team> = client.teams().try_collect().await?;
    println!("{} team(s)", teams.len());

    // A filtered list: any paged call, 50 per request.
    let mut failed = std::pin::pin!(paging::by_offset(50, |offset, limit| {
        client.post_get_list(
            Some(limit),
            Some(offset),
            None,
            None,
            None,
            None,
            None,
            None,
            Some(types::PostStatus::Error),
            &team_id,
        )
    }));
    while let Some(post) = failed.try_next().await? {
        println!(
            "{} {}: {}",
            post.id,
            post.title,
            post.error.unwrap_or_default()
        );
    }
    Ok(())
}
