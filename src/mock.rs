//! Typed mocks of the providers' APIs for users' own tests (cargo feature
//! `mock`): each provider module has a `mock::MockServer` on 127.0.0.1 with
//! one method per client method, returning an [`Operation`] typed with that
//! method's answer and error types.
//!
//! ```no_run
//! # #[cfg(feature = "postbreeze")]
//! # async fn test() {
//! use social_clients::postbreeze::{mock::MockServer, types};
//!
//! let mock = MockServer::start().await;
//! # let post: types::Post = unimplemented!();
//! mock.get_post().path_param("postId", "post_1").times(1).respond_with(&post).await;
//! let client = mock.client();
//! let read = client.get_post("post_1").await.unwrap();
//! assert_eq!(read.id, post.id);
//! # }
//! ```
//!
//! Each provider's `mock::samples` has a typed answer per operation (the
//! samples the crate's conformance tests send, `specs/<provider>/samples.json`)
//! to start a test's answer from instead of hand-written JSON:
//!
//! ```no_run
//! # #[cfg(feature = "postbreeze")]
//! # async fn test() {
//! use social_clients::postbreeze::mock::{samples, MockServer};
//!
//! let mock = MockServer::start().await;
//! let mut post = samples::get_post();
//! post.id = "post_1".into();
//! mock.get_post().path_param("postId", "post_1").respond_with(&post).await;
//! mock.get_post().path_param("post_id", "post_2").fail_with(404, &samples::error_body()).await;
//! # }
//! ```
//!
//! The server is wiremock's; [`MockServer::wiremock`] gives it for anything
//! the typed methods do not cover. Expectations set with
//! [`Operation::times`] are checked when the server is dropped, as wiremock
//! does.

use std::marker::PhantomData;

use serde::de::DeserializeOwned;
use serde::Serialize;
use wiremock::matchers::{body_partial_json, method, path_regex, query_param};
use wiremock::{Mock, ResponseTemplate};

use crate::{ClientBuilder, Provider, RetryPolicy};

/// A provider's API on a loopback port (wrapped per provider by the
/// generated `mock::MockServer`, which adds the typed methods).
///
/// Example: the [module's](crate::mock); `examples/mock_in_tests.rs`.
#[derive(Debug)]
pub struct MockServer {
    server: wiremock::MockServer,
    base_path: &'static str,
}

impl MockServer {
    pub(crate) async fn start(base_path: &'static str) -> Self {
        MockServer {
            server: wiremock::MockServer::start().await,
            base_path,
        }
    }

    /// The base URL a client of this provider should use: the server's
    /// address and the provider's base path (`/api/v1` for Postbreeze).
    ///
    /// Example: the [module's](crate::mock); `examples/mock_in_tests.rs`.
    pub fn uri(&self) -> String {
        format!("{}{}", self.server.uri(), self.base_path)
    }

    /// The underlying wiremock server, for matchers and answers the typed
    /// methods do not offer.
    ///
    /// Example: the [module's](crate::mock); `examples/mock_in_tests.rs`.
    pub fn wiremock(&self) -> &wiremock::MockServer {
        &self.server
    }

    /// Every request the server received, in order.
    ///
    /// Example: the [module's](crate::mock); `examples/mock_in_tests.rs`.
    pub async fn received_requests(&self) -> Vec<wiremock::Request> {
        self.server.received_requests().await.unwrap_or_default()
    }

    /// A client of provider `P` for this server: a placeholder key and no
    /// retries, so a mocked failure reaches the code under test at once.
    pub(crate) fn client<P: Provider>(&self) -> P {
        ClientBuilder::<P>::new("mock-api-key")
            .base_url(self.uri())
            .retry(RetryPolicy::disabled())
            .build()
            .expect("a loopback base URL and a placeholder key always build")
    }

    pub(crate) fn operation<T, E>(
        &self,
        method: &'static str,
        template: &'static str,
        success: u16,
    ) -> Operation<'_, T, E> {
        Operation {
            server: self,
            method,
            template,
            success,
            path_params: Vec::new(),
            query: Vec::new(),
            body: None,
            times: None,
            types: PhantomData,
        }
    }
}

/// One operation's mock, typed with the client method's answer `T` and
/// error body `E`: narrow what it matches, then mount an answer.
///
/// Example: the [module's](crate::mock); `examples/mock_in_tests.rs`.
#[must_use = "an operation answers nothing until respond_with or fail_with mounts it"]
pub struct Operation<'a, T, E> {
    server: &'a MockServer,
    method: &'static str,
    template: &'static str,
    success: u16,
    path_params: Vec<(String, String)>,
    query: Vec<(String, String)>,
    body: Option<serde_json::Value>,
    times: Option<u64>,
    types: PhantomData<fn() -> (T, E)>,
}

impl<T: Serialize, E: Serialize> Operation<'_, T, E> {
    /// Only requests whose path parameter `name` is `value`; others match
    /// any value. `name` is the description's (`postId`) or the client
    /// argument's (`post_id`).
    ///
    /// # Panics
    /// When the operation's path has no parameter of that name: a
    /// misspelt name would otherwise match any value and the test would
    /// pass for the wrong reason.
    ///
    /// Example: the [module's](crate::mock); `examples/mock_in_tests.rs`.
    pub fn path_param(mut self, name: &str, value: impl AsRef<str>) -> Self {
        let names = template_params(self.template);
        let Some(found) = names.iter().find(|n| **n == name || snake_case(n) == name) else {
            panic!(
                "{} {} has no path parameter `{name}`; it has: {}",
                self.method,
                self.template,
                if names.is_empty() {
                    "none".to_string()
                } else {
                    names.join(", ")
                }
            );
        };
        self.path_params
            .push((found.to_string(), value.as_ref().to_string()));
        self
    }

    /// Only requests with query parameter `name` = `value`.
    ///
    /// Example: the [module's](crate::mock); `examples/mock_in_tests.rs`.
    pub fn query_param(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.query.push((name.into(), value.into()));
        self
    }

    /// Only requests whose JSON body contains `body` (fields it does not
    /// name may be anything).
    ///
    /// # Panics
    /// When `body` does not serialize to JSON (a map with non-string keys).
    ///
    /// Example: the [module's](crate::mock); `examples/mock_in_tests.rs`.
    pub fn body(mut self, body: &impl Serialize) -> Self {
        self.body = Some(serde_json::to_value(body).expect("a mock body serializes to JSON"));
        self
    }

    /// Expect exactly `n` matching requests, checked when the server drops.
    ///
    /// Example: the [module's](crate::mock); `examples/mock_in_tests.rs`.
    pub fn times(mut self, n: u64) -> Self {
        self.times = Some(n);
        self
    }

    /// Answers matching requests with the operation's success status and
    /// `answer` as its JSON body (no body for `()`).
    ///
    /// # Panics
    /// When `answer` does not serialize to JSON.
    ///
    /// Example: the [module's](crate::mock); `examples/mock_in_tests.rs`.
    pub async fn respond_with(self, answer: &T) {
        let json = serde_json::to_value(answer).expect("a mock answer serializes to JSON");
        let template = ResponseTemplate::new(self.success);
        let template = if json.is_null() {
            template
        } else {
            template.set_body_json(json)
        };
        self.mount(template).await;
    }

    /// Answers matching requests with `status` and the provider's error
    /// body, as the client decodes it into `Error::ErrorResponse`.
    ///
    /// # Panics
    /// When `error` does not serialize to JSON.
    ///
    /// Example: the [module's](crate::mock); `examples/mock_in_tests.rs`.
    pub async fn fail_with(self, status: u16, error: &E) {
        let json = serde_json::to_value(error).expect("a mock error serializes to JSON");
        self.mount(ResponseTemplate::new(status).set_body_json(json))
            .await;
    }

    /// Answers matching requests with anything wiremock can send (a delay,
    /// a malformed body, headers such as `Retry-After`).
    ///
    /// Example: the [module's](crate::mock); `examples/mock_in_tests.rs`.
    pub async fn respond_with_template(self, template: ResponseTemplate) {
        self.mount(template).await;
    }

    async fn mount(self, template: ResponseTemplate) {
        let mut mock = Mock::given(method(self.method)).and(path_regex(self.path_pattern()));
        for (name, value) in &self.query {
            mock = mock.and(query_param(name.as_str(), value.as_str()));
        }
        if let Some(body) = &self.body {
            mock = mock.and(body_partial_json(body));
        }
        let mut mock = mock.respond_with(template);
        if let Some(n) = self.times {
            mock = mock.expect(n);
        }
        mock.mount(&self.server.server).await;
    }

    /// The path template as an anchored pattern: the base path and literal
    /// segments as written, each `{param}` its value (encoded as the client
    /// sends it) or any one segment.
    fn path_pattern(&self) -> String {
        let mut pattern = format!("^{}", regex::escape(self.server.base_path));
        for segment in self.template.split('/').filter(|s| !s.is_empty()) {
            pattern.push('/');
            match segment.strip_prefix('{').and_then(|s| s.strip_suffix('}')) {
                Some(name) => match self.path_params.iter().find(|(n, _)| n == name) {
                    Some((_, value)) => {
                        pattern.push_str(&regex::escape(&progenitor_client::encode_path(value)))
                    }
                    None => pattern.push_str("[^/]+"),
                },
                None => pattern.push_str(&regex::escape(segment)),
            }
        }
        if self.template.ends_with('/') {
            pattern.push('/');
        }
        pattern.push('$');
        pattern
    }
}

/// The `{name}`s of a path template, in order.
fn template_params(template: &str) -> Vec<&str> {
    template
        .split('/')
        .filter_map(|s| s.strip_prefix('{').and_then(|s| s.strip_suffix('}')))
        .collect()
}

/// `postId` -> `post_id`, as the client's argument is named.
fn snake_case(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 4);
    for (i, c) in name.chars().enumerate() {
        if c.is_ascii_uppercase() {
            if i > 0 {
                out.push('_');
            }
            out.push(c.to_ascii_lowercase());
        } else if c == '-' {
            out.push('_');
        } else {
            out.push(c);
        }
    }
    out
}

/// A provider's sample answers (`specs/<provider>/samples.json`), behind
/// its generated `mock::samples` functions. Implemented for each generated
/// `Client`.
#[doc(hidden)]
pub trait Samples {
    /// The file's text.
    const SAMPLES: &'static str;
}

/// The sample success answer of `operation`, as `T`.
#[doc(hidden)]
pub fn sample<C: Samples, T: DeserializeOwned>(operation: &str) -> T {
    let samples = samples::<C>();
    let answer = samples["answers"]
        .get(operation)
        .unwrap_or_else(|| panic!("no sample answer of `{operation}`: run `cargo xtask generate`"));
    T::deserialize(answer).unwrap_or_else(|e| panic!("the sample answer of `{operation}`: {e}"))
}

/// The sample error body, as `E`.
#[doc(hidden)]
pub fn sample_error<C: Samples, E: DeserializeOwned>() -> E {
    E::deserialize(samples::<C>()["error"].take())
        .unwrap_or_else(|e| panic!("the sample error body: {e}"))
}

/// A provider's samples file, read.
fn samples<C: Samples>() -> serde_json::Value {
    serde_json::from_str(C::SAMPLES).expect("samples.json is JSON (cargo xtask check)")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn path_parameters_are_named_either_way_and_a_wrong_name_is_refused() {
        assert_eq!(
            template_params("/posts/{postId}/targets/{targetId}"),
            ["postId", "targetId"]
        );
        assert_eq!(snake_case("postId"), "post_id");
        assert_eq!(snake_case("import-id"), "import_id");
    }

    #[tokio::test]
    #[should_panic(expected = "GET /posts/{postId} has no path parameter `id`; it has: postId")]
    async fn a_misspelt_path_parameter_panics() {
        let server = MockServer::start("/api/v1").await;
        let _ = server
            .operation::<(), ()>("GET", "/posts/{postId}", 200)
            .path_param("id", "post_1");
    }

    #[tokio::test]
    async fn path_patterns_fix_the_given_parameters_only() {
        let server = MockServer::start("/api/v1").await;
        let op = server
            .operation::<(), ()>("POST", "/posts/{postId}/targets/{targetId}/retry", 200)
            .path_param("postId", "post 1.x");
        assert_eq!(
            op.path_pattern(),
            r"^/api/v1/posts/post%201\.x/targets/[^/]+/retry$"
        );
        let trailing = server.operation::<(), ()>("GET", "/api/v1/post/", 200);
        assert_eq!(trailing.path_pattern(), r"^/api/v1/api/v1/post/$");
    }
}
