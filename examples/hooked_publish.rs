//! Create a hook + demo video on Hooked, wait until it renders, schedule it
//! to two connected accounts a minute from now, and report what happened on
//! each. Then list every scheduled post still pending.
//!
//! ```sh
//! HOOKED_API_KEY=... cargo run --example hooked_publish -- \
//!     AVATAR_ID INTEGRATION_ID INTEGRATION_ID "Wait for it..."
//! ```

use std::time::Duration;

use futures_util::TryStreamExt;
use social_clients::hooked::params::ListSchedulesParams;
use social_clients::hooked::{types, Client, PublishWait, TargetOutcome};

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [avatar, first, second, hook] = args.as_slice() else {
        return Err(
            "usage: hooked_publish AVATAR_ID INTEGRATION_ID INTEGRATION_ID HOOK_TEXT".into(),
        );
    };
    let client = Client::from_api_key(std::env::var("HOOKED_API_KEY")?)?;

    let body = types::CreateHookDemoVideoBody {
        name: Some("Launch hook".into()),
        ..types::CreateHookDemoVideoBody::new(avatar, hook)
    };
    let created = client
        .create_hook_demo_video(&body)
        .await?
        .into_inner()
        .data;
    let video_id = created
        .video_id
        .ok_or("Hooked named no video for the project")?;

    let rendering = PublishWait {
        poll_every: Duration::from_secs(10),
        max_wait: Duration::from_secs(900),
    };
    let video = client.wait_until_rendered(&video_id, rendering).await?;
    println!(
        "rendered: {}",
        video.url.as_deref().unwrap_or("(no address)")
    );

    let post = types::PlatformData {
        title: Some(hook.clone()),
        description: Some(hook.clone()),
        ..Default::default()
    };
    let at = chrono::Utc::now() + chrono::Duration::minutes(1);
    let publishing = PublishWait {
        poll_every: Duration::from_secs(15),
        max_wait: Duration::from_secs(600),
    };
    let report = client
        .publish(&video_id, [first, second], at, Some(post), publishing)
        .await?;
    for (account, outcome) in &report.targets {
        match outcome {
            TargetOutcome::Published { .. } => println!("{account}: published"),
            TargetOutcome::Failed { error } => println!("{account}: failed: {error}"),
            TargetOutcome::Pending => println!("{account}: still pending"),
        }
    }

    let pending: Vec<types::ScheduledPost> = client
        .list_schedules_stream(ListSchedulesParams::new().status(types::ScheduleStatus::Pending))
        .try_collect()
        .await?;
    println!("{} scheduled posts still pending", pending.len());
    Ok(())
}
