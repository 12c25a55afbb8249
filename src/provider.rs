//! What the hand-written layer needs to know about each generated client.

use crate::AuthScheme;

/// Implemented for every provider's generated `Client`, so one
/// [`ClientBuilder`](crate::ClientBuilder) serves them all.
///
/// # Example
/// ```
/// use social_clients::{gipper, Provider};
///
/// fn describe<P: Provider>() -> String {
///     format!("{} at {}", P::NAME, P::DEFAULT_BASE_URL)
/// }
/// assert!(describe::<gipper::Client>().starts_with("Gipper"));
/// let client = gipper::Client::from_api_key("token")?;
/// # let _ = client;
/// # Ok::<(), social_clients::BuildError>(())
/// ```
pub trait Provider: Sized {
    /// The provider's name, for messages.
    const NAME: &'static str;
    /// The production base URL (the first `servers` entry of the spec).
    const DEFAULT_BASE_URL: &'static str;
    /// How requests are authenticated.
    const AUTH: AuthScheme;

    /// Wraps a configured HTTP client (auth header, timeouts and redirect
    /// policy already set) and the hand-written layer's settings into the
    /// generated client.
    fn from_http_client(base_url: &str, http: crate::HttpClient, runtime: crate::Runtime) -> Self;
}

/// Implements [`Provider`] for a generated `Client` and adds its
/// `from_api_key`/`builder` constructors. One macro, so the four providers
/// cannot drift apart.
macro_rules! provider {
    (name: $name:literal, module: $module:literal, base_url: $base:literal, auth: $auth:expr $(,)?) => {
        // The typed sample answers of `mock::samples` (written by `cargo
        // xtask generate` beside the normalized description).
        #[cfg(feature = "mock")]
        impl $crate::mock::Samples for Client {
            const SAMPLES: &'static str =
                include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/specs/", $module, "/samples.json"));
        }

        impl $crate::Provider for Client {
            const NAME: &'static str = $name;
            const DEFAULT_BASE_URL: &'static str = $base;
            const AUTH: $crate::AuthScheme = $auth;

            fn from_http_client(base_url: &str, http: $crate::HttpClient, runtime: $crate::Runtime) -> Self {
                Client::new_with_client(base_url, http.into_reqwest(), runtime)
            }
        }

        // Implemented for `Client` itself, this takes precedence over the
        // generated default for `&Client` (progenitor's auto-ref
        // specialization): every generated method sends through it.
        impl progenitor_client::ClientHooks<$crate::Runtime> for Client {
            async fn exec(
                &self,
                request: reqwest::Request,
                info: &progenitor_client::OperationInfo,
            ) -> reqwest::Result<reqwest::Response> {
                use progenitor_client::ClientInfo;
                $crate::hooks::execute(self.client(), self.inner(), request, info).await
            }
        }

        impl Client {
            #[doc = concat!("A client for the production ", $name, " API (`", $base, "`) with default timeouts.")]
            ///
            /// # Errors
            /// [`BuildError`](crate::BuildError) when the key is empty or not a valid header value.
            ///
            /// Example: [`Provider`](crate::Provider).
            pub fn from_api_key(key: impl Into<$crate::ApiKey>) -> Result<Self, $crate::BuildError> {
                Self::builder(key).build()
            }

            /// A builder to change the base URL, timeouts or user agent.
            ///
            /// Example: [`ClientBuilder`](crate::ClientBuilder).
            pub fn builder(key: impl Into<$crate::ApiKey>) -> $crate::ClientBuilder<Self> {
                $crate::ClientBuilder::new(key)
            }

            /// This client with `options` over its settings for every call
            /// made through the returned client (same connection pool, same
            /// key); `self` is unchanged.
            ///
            /// Example: [`RequestOptions`](crate::RequestOptions).
            pub fn with(&self, options: $crate::RequestOptions) -> Self {
                use progenitor_client::ClientInfo;
                Client::new_with_client(self.baseurl(), self.client().clone(), self.inner().with(options))
            }
        }
    };
}

pub(crate) use provider;
