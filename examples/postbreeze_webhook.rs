//! Verify and decode one Postbreeze webhook delivery, as a receiver's
//! handler would: the raw body on stdin, the `X-Postbreeze-Signature` header
//! value as the argument, the signing secret (and, during a rotation, the
//! previous one) in the environment.
//!
//! ```sh
//! POSTBREEZE_WEBHOOK_SECRET=... cargo run --example postbreeze_webhook -- "$SIGNATURE" < body.json
//! ```

use std::io::Read;

use social_clients::postbreeze::types::Post;
use social_clients::webhooks::postbreeze::{verify_and_decode, EventKind, Verifier};
use social_clients::webhooks::WebhookError;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut verifier = Verifier::new(std::env::var("POSTBREEZE_WEBHOOK_SECRET")?);
    if let Ok(previous) = std::env::var("POSTBREEZE_WEBHOOK_PREVIOUS_SECRET") {
        verifier = verifier.with_previous_secret(previous);
    }
    let signature = std::env::args().nth(1);
    let mut body = Vec::new();
    std::io::stdin().read_to_end(&mut body)?;

    // Answer 401 for a bad or stale signature, 400 for a bad body, 2xx
    // otherwise (Postbreeze retries anything else, repeating the delivery id).
    let delivery = match verify_and_decode(&verifier, signature.as_deref(), &body) {
        Ok(delivery) => delivery,
        Err(WebhookError::Signature(e)) => {
            eprintln!("401: {e}");
            return Ok(());
        }
        Err(e) => {
            eprintln!("400: {e}");
            return Ok(());
        }
    };
    println!("delivery {} ({})", delivery.delivery_id, delivery.event);
    if delivery.kind() == EventKind::PostPublished {
        let post: Post = match delivery.payload_as() {
            Ok(post) => post,
            Err(e) => {
                eprintln!("400: {e}");
                return Ok(());
            }
        };
        println!("post {} is {}", post.id, post.status);
        for target in &post.targets {
            match (&target.external_url, &target.error_message) {
                (Some(url), _) => println!("  {}: live at {url}", target.id),
                (None, Some(error)) => println!("  {}: failed: {error}", target.id),
                (None, None) => println!("  {}: pending", target.id),
            }
        }
    }
    Ok(())
}
