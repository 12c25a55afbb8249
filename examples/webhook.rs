//! Verify and decode one bundle.social webhook delivery, as a receiver's
//! handler would: the raw body on stdin, the `x-signature` header value as
//! the argument, the signing secret in the environment.
//!
//! ```sh
//! BUNDLE_SOCIAL_WEBHOOK_SECRET=... cargo run --example webhook -- "$SIGNATURE" < body.json
//! ```

use std::io::Read;

use social_clients::bundle_social::types::PostStatus;
use social_clients::webhooks::bundle_social::{verify_and_decode, Event};
use social_clients::webhooks::{WebhookError, WebhookSecret};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let secret = WebhookSecret::from(std::env::var("BUNDLE_SOCIAL_WEBHOOK_SECRET")?);
    let signature = std::env::args().nth(1);
    let mut body = Vec::new();
    std::io::stdin().read_to_end(&mut body)?;

    // Answer 401 for a bad signature, 400 for a bad body, 2xx otherwise.
    match verify_and_decode(&secret, signature.as_deref(), &body) {
        Ok(Event::PostPublished(post)) if post.status == PostStatus::Posted => {
            println!("post {} is live", post.id)
        }
        Ok(Event::PostPublished(post)) => println!(
            "post {} failed: {}",
            post.id,
            post.error.as_deref().unwrap_or("no reason given")
        ),
        Ok(Event::SocialAccountDeleted(account)) => {
            println!("account {} was disconnected", account.id)
        }
        Ok(other) => println!("{} (not handled here)", other.kind()),
        Err(WebhookError::Signature(e)) => eprintln!("401: {e}"),
        Err(e) => eprintln!("400: {e}"),
    }
    Ok(())
}
