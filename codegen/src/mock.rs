//! Typed mocks for the users of a generated client, behind the crate's
//! `mock` feature: a `mock::MockServer` with one method per operation,
//! named like the client's, that returns the crate's
//! `crate::mock::Operation<Answer, Error>` for that method, path and
//! success status. The answer and error types are read off the generated
//! method's signature, so a mock cannot be told to answer with a type the
//! client would not decode.
//!
//! progenitor can emit httpmock helpers, but they did not compile for these
//! specs (and bind the user to httpmock); this keeps one generic, tested,
//! hand-written `Operation` and generates only the table.

use std::collections::BTreeMap;

use quote::{format_ident, quote};
use syn::{GenericArgument, ImplItem, Item, PathArguments, ReturnType, Type};

/// What a mock needs of one operation.
struct Route {
    method: String,
    template: String,
    success: u16,
}

/// Appends the `mock` module for `spec`'s operations to `file`; returns how
/// many operations it mocks.
pub fn apply(file: &mut syn::File, spec: &openapiv3::OpenAPI) -> usize {
    let routes = routes(spec);
    let base_path = spec
        .servers
        .first()
        .and_then(|s| url_path(&s.url))
        .unwrap_or_default();
    let mut methods = Vec::new();
    let mut samples = Vec::new();
    let mut errors = std::collections::BTreeSet::new();
    for (name, answer, error) in client_methods(file) {
        let Some(route) = routes.get(&name) else {
            continue;
        };
        // Raw answers and raw error bodies have no typed form to mock.
        let answer_text = quote!(#answer).to_string();
        let error_text = quote!(#error).to_string();
        if answer_text.contains("ByteStream") || error_text.contains("ByteStream") {
            continue;
        }
        let ident = format_ident!("{}", name);
        let (method, template, success) = (&route.method, &route.template, route.success);
        let doc = format!(" `{method} {template}`, answered {success} unless told otherwise.");
        methods.push(quote! {
            #[doc = #doc]
            pub fn #ident(&self) -> crate::mock::Operation<'_, #answer, #error> {
                self.0.operation(#method, #template, #success)
            }
        });
        // An operation whose errors carry no body (`()`) needs no sample.
        if error_text != "()" {
            errors.insert(error_text);
        }
        if answer_text != "()" {
            let doc = format!(
                " A success answer of `{name}` as the description says one looks (the sample the crate's own tests send); change what your test needs."
            );
            samples.push(quote! {
                #[doc = #doc]
                pub fn #ident() -> #answer {
                    crate::mock::sample::<super::super::Client, _>(#name)
                }
            });
        }
    }
    // One error body for every operation that has one (each provider has
    // one error type); a description with several gets none rather than a
    // guess.
    let error_sample = (errors.len() == 1).then(|| {
        let error: Type = syn::parse_str(errors.first().expect("one")).expect("a type it printed");
        quote! {
            /// An error body as the description says one looks, for
            /// `fail_with`.
            pub fn error_body() -> #error {
                crate::mock::sample_error::<super::super::Client, _>()
            }
        }
    });
    if methods.is_empty() {
        return 0;
    }
    let count = methods.len();
    file.items.push(syn::parse_quote! {
        /// A loopback server that answers like the provider, for tests of
        /// code that uses the client (cargo feature `mock`): one method per
        /// client method, e.g. `mock.get_post().respond_with(&post).await`.
        #[cfg(feature = "mock")]
        pub mod mock {
            #[allow(unused_imports)]
            use super::types;

            /// The provider's API on 127.0.0.1; see [`crate::mock`].
            #[derive(Debug)]
            pub struct MockServer(crate::mock::MockServer);

            impl MockServer {
                /// Starts a server on a free loopback port.
                pub async fn start() -> Self {
                    MockServer(crate::mock::MockServer::start(#base_path).await)
                }

                /// A client of this provider that talks to this server, with
                /// a placeholder key and retries off.
                pub fn client(&self) -> super::Client {
                    self.0.client()
                }

                #(#methods)*
            }

            impl ::std::ops::Deref for MockServer {
                type Target = crate::mock::MockServer;
                fn deref(&self) -> &Self::Target {
                    &self.0
                }
            }

            /// Typed sample answers, one per operation that answers a body,
            /// named like the client's methods: a test's starting point
            /// instead of JSON written by hand, e.g.
            /// `mock.get_post().respond_with(&samples::get_post()).await`.
            pub mod samples {
                #[allow(unused_imports)]
                use super::super::types;

                #(#samples)*
                #error_sample
            }
        }
    });
    count
}

/// Method, path and first success status of every operation, by operation
/// id (the client's method name after normalization).
fn routes(spec: &openapiv3::OpenAPI) -> BTreeMap<String, Route> {
    spec.operations()
        .filter_map(|(path, method, op)| {
            let id = op.operation_id.clone()?;
            let success = op
                .responses
                .responses
                .keys()
                .find_map(|code| match code {
                    openapiv3::StatusCode::Code(n) if (200..300).contains(n) => Some(*n),
                    _ => None,
                })
                .unwrap_or(200);
            Some((
                id,
                Route {
                    method: method.to_uppercase(),
                    template: path.to_string(),
                    success,
                },
            ))
        })
        .collect()
}

/// The path part of a server URL (`https://api.example/api/v1` ->
/// `/api/v1`), without a trailing slash.
fn url_path(url: &str) -> Option<String> {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    let path = rest.find('/').map(|i| &rest[i..])?;
    Some(path.trim_end_matches('/').to_string())
}

/// Every async method of the generated `impl Client` blocks with the
/// `T` and `E` of its `Result<ResponseValue<T>, Error<E>>`.
fn client_methods(file: &syn::File) -> Vec<(String, Type, Type)> {
    let mut out = Vec::new();
    for item in &file.items {
        let Item::Impl(block) = item else { continue };
        let self_ty = &block.self_ty;
        if block.trait_.is_some() || quote!(#self_ty).to_string() != "Client" {
            continue;
        }
        for item in &block.items {
            let ImplItem::Fn(f) = item else { continue };
            if f.sig.asyncness.is_none() {
                continue;
            }
            let ReturnType::Type(_, ty) = &f.sig.output else {
                continue;
            };
            let Some(args) = generic_args(ty, "Result") else {
                continue;
            };
            let [ok, err] = args.as_slice() else {
                continue;
            };
            let answer = generic_args(ok, "ResponseValue").and_then(|a| a.first().cloned());
            let error = generic_args(err, "Error").and_then(|a| a.first().cloned());
            if let (Some(answer), Some(error)) = (answer, error) {
                out.push((f.sig.ident.to_string(), answer, error));
            }
        }
    }
    out
}

/// The type arguments of `ty` when its last path segment is `name`.
fn generic_args(ty: &Type, name: &str) -> Option<Vec<Type>> {
    let Type::Path(path) = ty else { return None };
    let last = path.path.segments.last()?;
    if last.ident != name {
        return None;
    }
    let PathArguments::AngleBracketed(args) = &last.arguments else {
        return None;
    };
    Some(
        args.args
            .iter()
            .filter_map(|a| match a {
                GenericArgument::Type(t) => Some(t.clone()),
                _ => None,
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn server_paths_are_kept_without_the_host() {
        assert_eq!(
            url_path("https://api.example/api/v1/").as_deref(),
            Some("/api/v1")
        );
        assert_eq!(url_path("https://api.example").as_deref(), None);
        assert_eq!(url_path("/relative").as_deref(), Some("/relative"));
    }

    #[test]
    fn each_client_method_becomes_a_typed_mock_method() {
        let spec: openapiv3::OpenAPI = serde_json::from_value(serde_json::json!({
            "openapi": "3.0.3", "info": {"title": "t", "version": "1"},
            "servers": [{"url": "https://api.example/v1"}],
            "paths": {"/posts/{id}": {"get": {"operationId": "get_post",
                "responses": {"201": {"description": "ok"}}}}}
        }))
        .unwrap();
        let mut file: syn::File = syn::parse_quote! {
            impl Client {
                pub async fn get_post<'a>(&'a self, id: &'a str)
                    -> Result<ResponseValue<types::Post>, Error<types::ApiError>> { todo!() }
                pub async fn not_in_spec(&self) -> Result<ResponseValue<()>, Error<()>> { todo!() }
            }
        };
        assert_eq!(apply(&mut file, &spec), 1);
        let text = prettyplease::unparse(&file);
        assert!(text.contains("pub fn get_post("), "{text}");
        assert!(
            text.contains("crate::mock::Operation<'_, types::Post, types::ApiError>"),
            "{text}"
        );
        assert!(
            text.contains(r#"self.0.operation("GET", "/posts/{id}", 201u16)"#),
            "{text}"
        );
        assert!(
            text.contains(r#"crate::mock::MockServer::start("/v1")"#),
            "{text}"
        );
    }
}
