//! One program, any provider: list the connected accounts, publish a post
//! with an image (or, on Hooked, a rendered video) to them, and report each
//! account's outcome. Only the client handed to `publish_everywhere`
//! depends on the provider.
//!
//! ```sh
//! # bundle.social, Postbreeze, Hooked or Gipper: the same program.
//! PROVIDER=postbreeze API_KEY=pb_live_... cargo run --example neutral_publish -- \
//!     "We open at nine tomorrow" https://example.com/storefront.jpg
//! # Hooked lists no accounts and takes a rendered video's id:
//! PROVIDER=hooked API_KEY=... TARGETS=int_1,int_2 cargo run --example neutral_publish -- \
//!     "Behind the scenes" vid_123
//! ```
//!
//! `BASE_URL` points any of them at another server (a local mock);
//! `AT=2027-01-04T09:00:00Z` schedules instead of publishing now.

use std::error::Error;

use social_clients::publisher::{
    AccountRef, Capability, Draft, Media, PublishWait, Publisher, PublisherError, TargetOutcome,
    When,
};
use social_clients::{bundle_social, gipper, hooked, postbreeze, Provider};

/// Everything below this function's signature works with any provider.
async fn publish_everywhere(
    publisher: &dyn Publisher,
    text: &str,
    media: &str,
    targets: Vec<AccountRef>,
    when: When,
) -> Result<(), Box<dyn Error>> {
    println!("{}:", publisher.provider());
    for capability in Capability::ALL {
        let answer = if publisher.supports(capability) {
            "yes"
        } else {
            "no"
        };
        println!("  {capability:<32} {answer}");
    }

    let targets = if targets.is_empty() {
        // Every connected account, where the provider lists them.
        let accounts = publisher.accounts().await?;
        accounts.into_iter().map(|a| a.reference).collect()
    } else {
        targets
    };
    let media = if media.starts_with("https://") && publisher.supports(Capability::MediaUrl) {
        Media::url(media)
    } else {
        Media::id(media)
    };
    let mut draft = Draft::new(text).media(media).when(when);
    for target in targets {
        draft = draft.to(target);
    }

    match publisher.publish(&draft, PublishWait::default()).await {
        Ok(state) => {
            println!("post {} is {:?}", state.reference, state.phase);
            for (account, outcome) in &state.targets {
                match outcome {
                    TargetOutcome::Published { permalink } => {
                        println!(
                            "  {account}: published {}",
                            permalink.as_deref().unwrap_or("")
                        )
                    }
                    TargetOutcome::Failed { error } => println!("  {account}: failed: {error}"),
                    TargetOutcome::Pending => println!("  {account}: pending"),
                }
            }
            Ok(())
        }
        Err(PublisherError::Unsupported {
            provider,
            capability,
        }) => {
            println!("{provider} cannot do this: {capability}");
            Ok(())
        }
        Err(PublisherError::StillPending { state, waited }) => {
            println!(
                "{} account(s) still pending after {waited:?}; post {}",
                state.pending(),
                state.reference
            );
            Ok(())
        }
        Err(other) => Err(other.into()),
    }
}

/// The provider's client, configured from the environment.
fn client<C: Provider>(key: &str) -> Result<C, Box<dyn Error>> {
    let mut builder = social_clients::ClientBuilder::<C>::new(key.to_string());
    if let Ok(url) = std::env::var("BASE_URL") {
        builder = builder.base_url(url);
    }
    Ok(builder.build()?)
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [text, media] = args.as_slice() else {
        return Err("usage: neutral_publish TEXT MEDIA_URL_OR_ID (PROVIDER, API_KEY, optional TARGETS, AT, BASE_URL)".into());
    };
    let key = std::env::var("API_KEY")?;
    let publisher: Box<dyn Publisher> = match std::env::var("PROVIDER")?.as_str() {
        "bundle-social" => Box::new(client::<bundle_social::Client>(&key)?),
        "postbreeze" => Box::new(client::<postbreeze::Client>(&key)?),
        "hooked" => Box::new(client::<hooked::Client>(&key)?),
        "gipper" => Box::new(client::<gipper::Client>(&key)?),
        other => return Err(format!("unknown provider {other:?}").into()),
    };
    let targets = std::env::var("TARGETS")
        .map(|t| t.split(',').map(AccountRef::from).collect())
        .unwrap_or_default();
    let when = match std::env::var("AT") {
        Ok(at) => When::At(at.parse()?),
        Err(_) => When::Now,
    };
    publish_everywhere(publisher.as_ref(), text, media, targets, when).await
}
