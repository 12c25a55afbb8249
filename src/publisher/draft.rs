//! What to publish: text, media, target accounts, when, and each
//! provider's own options.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde_json::Value;

use super::{AccountRef, ProviderKind};

/// One piece of media of a [`Draft`].
///
/// Example: `examples/neutral_publish.rs`.
#[derive(Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Media {
    /// A file's bytes, uploaded to the provider first.
    Bytes {
        /// The file's content.
        bytes: Vec<u8>,
        /// The name the provider sees (`cat.png`).
        file_name: String,
        /// Its media type (`image/png`).
        content_type: String,
    },
    /// A public URL the provider imports the file from.
    Url(String),
    /// A file already in the provider's library, by its id there
    /// (bundle.social upload id, Postbreeze media id, Hooked video id).
    Id(String),
}

impl Media {
    /// A file's bytes.
    ///
    /// Example: `examples/neutral_publish.rs`.
    pub fn bytes(
        bytes: impl Into<Vec<u8>>,
        file_name: impl Into<String>,
        content_type: impl Into<String>,
    ) -> Self {
        Media::Bytes {
            bytes: bytes.into(),
            file_name: file_name.into(),
            content_type: content_type.into(),
        }
    }

    /// A public URL.
    ///
    /// Example: `examples/neutral_publish.rs`.
    pub fn url(url: impl Into<String>) -> Self {
        Media::Url(url.into())
    }

    /// A file already in the provider's library.
    ///
    /// Example: `examples/neutral_publish.rs`.
    pub fn id(id: impl Into<String>) -> Self {
        Media::Id(id.into())
    }
}

// The bytes are left out: a Debug print of a draft with a video would
// otherwise fill a log with numbers.
impl std::fmt::Debug for Media {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Media::Bytes {
                bytes,
                file_name,
                content_type,
            } => f
                .debug_struct("Bytes")
                .field("len", &bytes.len())
                .field("file_name", file_name)
                .field("content_type", content_type)
                .finish(),
            Media::Url(url) => f.debug_tuple("Url").field(url).finish(),
            Media::Id(id) => f.debug_tuple("Id").field(id).finish(),
        }
    }
}

/// When a [`Draft`] is published.
///
/// Example: `examples/neutral_publish.rs`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum When {
    /// At once.
    #[default]
    Now,
    /// At this time.
    At(DateTime<Utc>),
    /// Not published: saved as the provider's draft.
    Draft,
}

/// A post to publish through any [`Publisher`](super::Publisher).
///
/// ```
/// # #[cfg(feature = "postbreeze")] {
/// use social_clients::publisher::{Draft, Media, ProviderKind, When};
///
/// let at = "2027-01-04T09:00:00Z".parse().unwrap();
/// let draft = Draft::new("New menu this week")
///     .media(Media::url("https://example.com/menu.jpg"))
///     .to("team_1/TIKTOK")
///     .to("team_1/LINKEDIN")
///     .when(When::At(at))
///     // bundle.social only: its TikTok privacy setting.
///     .provider_options(
///         ProviderKind::BundleSocial,
///         serde_json::json!({"data": {"TIKTOK": {"privacy": "PUBLIC_TO_EVERYONE"}}}),
///     );
/// assert_eq!(draft.targets.len(), 2);
/// # }
/// ```
#[derive(Debug, Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct Draft {
    /// The post's text (its caption, for media posts).
    pub text: String,
    /// A title, for platforms that show one (YouTube, Pinterest); the
    /// providers that take none leave it out.
    pub title: Option<String>,
    /// The media, in order.
    pub media: Vec<Media>,
    /// The accounts to publish to.
    pub targets: Vec<AccountRef>,
    /// When.
    pub when: When,
    /// Per provider, a JSON object merged into the provider's request body
    /// (RFC 7396 merge: objects merge, anything else replaces) after the
    /// draft is translated: the escape hatch to everything the neutral
    /// draft does not say. Each provider reads only its own.
    pub provider_options: BTreeMap<ProviderKind, Value>,
}

impl Draft {
    /// A draft with this text, to be published now to no account yet.
    ///
    /// Example: [`Draft`].
    pub fn new(text: impl Into<String>) -> Self {
        Draft {
            text: text.into(),
            ..Draft::default()
        }
    }

    /// Sets the title.
    ///
    /// Example: `examples/neutral_publish.rs`.
    pub fn title(mut self, title: impl Into<String>) -> Self {
        self.title = Some(title.into());
        self
    }

    /// Adds media after the ones already added.
    ///
    /// Example: [`Draft`].
    pub fn media(mut self, media: Media) -> Self {
        self.media.push(media);
        self
    }

    /// Adds a target account.
    ///
    /// Example: [`Draft`].
    pub fn to(mut self, account: impl Into<AccountRef>) -> Self {
        self.targets.push(account.into());
        self
    }

    /// Sets when it is published.
    ///
    /// Example: [`Draft`].
    pub fn when(mut self, when: When) -> Self {
        self.when = when;
        self
    }

    /// Sets the options merged into `provider`'s request body (replacing
    /// any set before for it).
    ///
    /// Example: [`Draft`].
    pub fn provider_options(mut self, provider: ProviderKind, options: Value) -> Self {
        self.provider_options.insert(provider, options);
        self
    }
}

/// Merges `patch` into `target` as RFC 7396 says: an object merges key by
/// key (`null` removes the key), anything else replaces.
#[cfg_attr(
    not(any(feature = "bundle-social", feature = "postbreeze", feature = "hooked")),
    allow(dead_code)
)]
pub(crate) fn merge(target: &mut Value, patch: &Value) {
    let Value::Object(patch) = patch else {
        *target = patch.clone();
        return;
    };
    if !target.is_object() {
        *target = Value::Object(serde_json::Map::new());
    }
    let Value::Object(target) = target else {
        return;
    };
    for (key, value) in patch {
        if value.is_null() {
            target.remove(key);
        } else {
            merge(target.entry(key.clone()).or_insert(Value::Null), value);
        }
    }
}

#[cfg(any(feature = "bundle-social", feature = "postbreeze", feature = "hooked"))]
/// `body` with `provider`'s options of `draft` merged in, read back as the
/// provider's type; the error names the field the options made unreadable.
pub(crate) fn with_options<T>(
    provider: ProviderKind,
    draft: &Draft,
    body: Value,
) -> Result<T, super::PublisherError>
where
    T: serde::de::DeserializeOwned,
{
    let mut body = body;
    if let Some(options) = draft.provider_options.get(&provider) {
        merge(&mut body, options);
    }
    serde_json::from_value(body).map_err(|e| {
        super::PublisherError::invalid(
            provider,
            format!("the request body does not fit the API ({e}); set the missing or mistyped field with Draft::provider_options"),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::merge;
    use serde_json::json;

    #[test]
    fn merge_follows_rfc_7396() {
        let mut target = json!({"a": "b", "c": {"d": "e", "f": "g"}, "list": [1, 2]});
        merge(
            &mut target,
            &json!({"a": "z", "c": {"f": null, "h": 1}, "list": [3]}),
        );
        assert_eq!(
            target,
            json!({"a": "z", "c": {"d": "e", "h": 1}, "list": [3]})
        );
        let mut scalar = json!("x");
        merge(&mut scalar, &json!({"k": {"n": null}}));
        assert_eq!(scalar, json!({"k": {}}));
    }
}
