use std::fmt;

/// A social platform, across providers.
///
/// Built from any provider's value with `Platform::from(value)`: case is
/// ignored, account sub-kinds map onto their platform (`TIKTOK_BUSINESS` and
/// `TIKTOK_PERSONAL` are [`Platform::TikTok`], `FACEBOOK_PAGE` is
/// [`Platform::Facebook`], `LINKEDIN_PERSON`/`LINKEDIN_COMPANY` are
/// [`Platform::LinkedIn`], `TWITTER` and `X` are [`Platform::X`]), and a
/// value no provider used before is kept in [`Platform::Other`] rather than
/// failing.
///
/// Example: [`crate::accounts`].
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Platform {
    /// TikTok.
    TikTok,
    /// YouTube.
    YouTube,
    /// Instagram.
    Instagram,
    /// Facebook (pages).
    Facebook,
    /// X (Twitter).
    X,
    /// Threads.
    Threads,
    /// LinkedIn (people and companies).
    LinkedIn,
    /// Pinterest.
    Pinterest,
    /// Reddit.
    Reddit,
    /// Mastodon.
    Mastodon,
    /// Discord.
    Discord,
    /// Slack.
    Slack,
    /// Bluesky.
    Bluesky,
    /// Google Business Profile.
    GoogleBusiness,
    /// Snapchat.
    Snapchat,
    /// A value not known to this version, as the provider sent it.
    Other(String),
}

impl From<&str> for Platform {
    fn from(value: &str) -> Self {
        let normalized = value.trim().to_ascii_uppercase().replace(['-', ' '], "_");
        match normalized.as_str() {
            "TIKTOK" | "TIKTOK_BUSINESS" | "TIKTOK_PERSONAL" => Platform::TikTok,
            "YOUTUBE" => Platform::YouTube,
            "INSTAGRAM" | "INSTAGRAM_BUSINESS" => Platform::Instagram,
            "FACEBOOK" | "FACEBOOK_PAGE" => Platform::Facebook,
            "X" | "TWITTER" => Platform::X,
            "THREADS" => Platform::Threads,
            "LINKEDIN" | "LINKEDIN_PERSON" | "LINKEDIN_COMPANY" => Platform::LinkedIn,
            "PINTEREST" => Platform::Pinterest,
            "REDDIT" => Platform::Reddit,
            "MASTODON" => Platform::Mastodon,
            "DISCORD" => Platform::Discord,
            "SLACK" => Platform::Slack,
            "BLUESKY" => Platform::Bluesky,
            "GOOGLE_BUSINESS" | "GOOGLE_MY_BUSINESS" => Platform::GoogleBusiness,
            "SNAPCHAT" => Platform::Snapchat,
            _ => Platform::Other(value.to_string()),
        }
    }
}

impl fmt::Display for Platform {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let name = match self {
            Platform::TikTok => "TikTok",
            Platform::YouTube => "YouTube",
            Platform::Instagram => "Instagram",
            Platform::Facebook => "Facebook",
            Platform::X => "X",
            Platform::Threads => "Threads",
            Platform::LinkedIn => "LinkedIn",
            Platform::Pinterest => "Pinterest",
            Platform::Reddit => "Reddit",
            Platform::Mastodon => "Mastodon",
            Platform::Discord => "Discord",
            Platform::Slack => "Slack",
            Platform::Bluesky => "Bluesky",
            Platform::GoogleBusiness => "Google Business",
            Platform::Snapchat => "Snapchat",
            Platform::Other(value) => value,
        };
        f.write_str(name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_provider_spelling_maps_onto_one_platform() {
        let cases = [
            ("TIKTOK", Platform::TikTok),
            ("TIKTOK_BUSINESS", Platform::TikTok),
            ("TIKTOK_PERSONAL", Platform::TikTok),
            ("tiktok", Platform::TikTok),
            ("youtube", Platform::YouTube),
            ("X", Platform::X),
            ("TWITTER", Platform::X),
            ("FACEBOOK_PAGE", Platform::Facebook),
            ("LINKEDIN_PERSON", Platform::LinkedIn),
            ("LINKEDIN_COMPANY", Platform::LinkedIn),
            ("GOOGLE_BUSINESS", Platform::GoogleBusiness),
            ("SNAPCHAT", Platform::Snapchat),
            (" bluesky ", Platform::Bluesky),
        ];
        for (value, platform) in cases {
            assert_eq!(Platform::from(value), platform, "{value}");
        }
    }

    #[test]
    fn unknown_values_are_kept() {
        assert_eq!(Platform::from("MYSPACE"), Platform::Other("MYSPACE".into()));
        assert_eq!(Platform::from("MYSPACE").to_string(), "MYSPACE");
        assert_eq!(Platform::GoogleBusiness.to_string(), "Google Business");
    }
}
