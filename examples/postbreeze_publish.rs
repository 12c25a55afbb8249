//! Upload an image to Postbreeze and publish it to two connected accounts,
//! then report what happened on each.
//!
//! ```sh
//! POSTBREEZE_API_KEY=pb_live_... cargo run --example postbreeze_publish -- \
//!     WORKSPACE_ID ACCOUNT_ID ACCOUNT_ID photo.png "Launch day"
//! ```

use std::time::Duration;

use serde_json::json;
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

    let body: types::PostInput = serde_json::from_value(json!({
        "platforms": [{"accountId": first}, {"accountId": second}],
        "content": text,
        "scheduledFor": chrono::Utc::now().to_rfc3339(),
        "mediaIds": [media.id],
    }))?;
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
