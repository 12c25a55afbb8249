//! Every failed post of a bundle.social team, however many pages that takes.
//!
//! ```sh
//! BUNDLE_SOCIAL_API_KEY=... BUNDLE_SOCIAL_TEAM_ID=... cargo run --example list_posts
//! ```

use futures_util::TryStreamExt;
use social_clients::bundle_social::params::{PostGetListParams, TeamGetListParams};
use social_clients::bundle_social::{types, Client};

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let client = Client::from_api_key(std::env::var("BUNDLE_SOCIAL_API_KEY")?)?;
    let team_id = std::env::var("BUNDLE_SOCIAL_TEAM_ID")?;

    // Every team: each paged list has a stream named after its operation.
    let teams: Vec<types::Team> = client
        .team_get_list_stream(TeamGetListParams::new())
        .try_collect()
        .await?;
    println!("{} team(s)", teams.len());

    // A filtered list, 50 per request: the stream takes the parameters of
    // one page (`post_get_list`) and asks for page after page.
    let failed = PostGetListParams::new(&team_id)
        .status(types::PostStatus::Error)
        .limit(50);
    let mut failed = std::pin::pin!(client.post_get_list_stream(failed));
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
