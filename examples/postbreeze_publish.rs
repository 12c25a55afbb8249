//! Upload an image to Postbreeze and publish it to two connected accounts,
//! then report what happened on each.
//!
//! ```sh
//! POSTBREEZE_API_KEY=pb_live_... cargo run --example postbreeze_publish -- \
//!     WORKSPACE_ID ACCOUNT_ID ACCOUNT_ID photo.png "Launch day"
//! ```

use std::time::Duration;

use social_clients::postbreeze::{types, Client, PublishWait, TargetOutcome};

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [workspace, first, second, file, text] = args.as_slice() else {
        return Err(
            "usage: postbreeze_publish WORKSPACE_ID ACCOUNT_ID ACCOUNT_ID FILE TEXT".into(),
        );
    };
    let client = Client::from_api_key(std::env::var("POSTBREEZE_API_KEY")?)?;

    let bytes = std::fs::read(file)?;
    let media = client
        .upload_media(workspace, file, "image/png", bytes)
        .await?;

    let targets = vec![
        types::PlatformInput::new(first),
        types::PlatformInput::new(second),
    ];
    let body = types::PostInput {
        content: Some(text.clone()),
        scheduled_for: Some(chrono::Utc::now()),
        media_ids: vec![media.id],
        ..types::PostInput::new(targets)
    };
    let wait = PublishWait {
        poll_every: Duration::from_secs(5),
        max_wait: Duration::from_secs(300),
    };
    let report = client.publish(&body, wait).await?;
    for (account, outcome) in &report.targets {
        match outcome {
            TargetOutcome::Published { permalink } => {
                println!(
                    "{account}: published {}",
                    permalink.as_deref().unwrap_or("")
                )
            }
            TargetOutcome::Failed { error } => println!("{account}: failed: {error}"),
            TargetOutcome::Pending => println!("{account}: still pending"),
        }
    }
    Ok(())
}
