//! Decode one delivery of Hooked's video webhook, as a receiver's handler
//! would: the raw body on stdin, the secret path segment the delivery came
//! to as the argument.
//!
//! Hooked signs nothing, so the address itself is the secret: give each
//! video a `webhook` address ending in a long random segment, compare it
//! before decoding, and read the video back with `get_video` before acting
//! on it.
//!
//! ```sh
//! HOOKED_WEBHOOK_TOKEN=... cargo run --example hooked_webhook -- "$PATH_SEGMENT" < body.json
//! ```

use std::io::Read;

use social_clients::webhooks::hooked::ProjectEvent;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let expected = std::env::var("HOOKED_WEBHOOK_TOKEN")?;
    let presented = std::env::args().nth(1).unwrap_or_default();
    // Compared in constant time: the token is all that keeps strangers out.
    let same = expected.len() == presented.len()
        && expected
            .bytes()
            .zip(presented.bytes())
            .fold(0u8, |acc, (a, b)| acc | (a ^ b))
            == 0;
    if !same {
        eprintln!("404: unknown address");
        return Ok(());
    }
    let mut body = Vec::new();
    std::io::stdin().read_to_end(&mut body)?;

    // 200 for anything decoded (Hooked retries after 1, 5 and 15 minutes
    // until it gets one), 400 for a body that is no delivery.
    match ProjectEvent::from_body(&body) {
        Ok(ProjectEvent::Completed {
            project_id, video, ..
        }) => println!(
            "project {project_id}: video {} rendered, download {} (expires in 7 days)",
            video.id.as_deref().unwrap_or("(no id)"),
            video.url
        ),
        Ok(ProjectEvent::Failed {
            project_id,
            message,
        }) => println!(
            "project {project_id} failed: {}",
            message.as_deref().unwrap_or("no reason given")
        ),
        Ok(ProjectEvent::Unknown { event, .. }) => println!("{event} (not handled here)"),
        Ok(other) => println!("{other:?} (not handled here)"),
        Err(e) => eprintln!("400: {e}"),
    }
    Ok(())
}
