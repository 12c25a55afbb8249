//! Publish an image to LinkedIn and X through bundle.social and wait for the
//! outcome on each platform.
//!
//! ```sh
//! BUNDLE_SOCIAL_API_KEY=... BUNDLE_SOCIAL_TEAM_ID=... \
//!     cargo run --example publish -- https://example.com/launch.png "Launch day"
//! ```

use std::time::Duration;

use social_clients::bundle_social::{types, Client, PublishWait, TargetOutcome};

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let key = std::env::var("BUNDLE_SOCIAL_API_KEY")?;
    let team_id = std::env::var("BUNDLE_SOCIAL_TEAM_ID")?;
    let mut args = std::env::args().skip(1);
    let (Some(image), Some(text)) = (args.next(), args.next()) else {
        return Err("usage: publish IMAGE_URL TEXT".into());
    };
    let client = Client::from_api_key(key)?;

    // 1. The image into the team's library.
    let upload = client
        .upload_create_from_url(&types::UploadCreateFromUrlBody {
            team_id: Some(team_id.clone()),
            url: image,
        })
        .await?
        .into_inner();

    // 2. One post for both platforms, published now.
    // Each platform's part: its required fields in `new`, or
    // `Default` where it has none, the rest by name.
    let uploads = vec![upload.id.clone()];
    let data = types::PostData {
        linkedin: Some(types::PostDataLinkedin {
            upload_ids: Some(uploads.clone()),
            ..types::PostDataLinkedin::new(text.as_str())
        }),
        twitter: Some(types::Twitter {
            text: Some(text.clone()),
            upload_ids: Some(uploads),
            ..Default::default()
        }),
        ..Default::default()
    };
    let body = types::PostCreateBody::new(
        data,
        chrono::Utc::now(),
        vec![types::Platform::Linkedin, types::Platform::Twitter],
        types::DraftOrScheduled::Scheduled,
        team_id.as_str(),
        "Launch",
    );
    let wait = PublishWait {
        poll_every: Duration::from_secs(5),
        max_wait: Duration::from_secs(300),
    };

    // 3. Wait for each platform (Ctrl-C drops the future and stops waiting).
    let report = client.publish(&body, wait).await?;
    for (platform, outcome) in &report.targets {
        match outcome {
            TargetOutcome::Published { permalink } => {
                println!(
                    "{platform}: published {}",
                    permalink.as_deref().unwrap_or("")
                )
            }
            TargetOutcome::Failed { error } => println!("{platform}: failed: {error}"),
            TargetOutcome::Pending => println!("{platform}: still pending"),
        }
    }
    Ok(())
}
