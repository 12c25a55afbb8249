//! Answers with a status the description does not list.
//!
//! progenitor returns `Error::UnexpectedResponse(response)` for any status a
//! method does not document, with the body unread. Providers answer most
//! undocumented failures (a 503 from a load balancer in front of the API, a
//! 409 nobody wrote down) with their usual error body, and a caller then has
//! to read and decode it by hand. So every generated method's fallback arm
//! calls `undocumented_status` (added to the generated file): a 4xx or 5xx
//! whose body decodes as the method's error type becomes
//! `Error::ErrorResponse`, like a documented status; any other answer stays
//! `UnexpectedResponse` with its status, headers and body (read, then put
//! back into the response), so nothing is lost.

use syn::visit_mut::VisitMut;
use syn::{parse_quote, Arm, ImplItemFn, Pat};

/// Rewrites the fallback arms in `file`; returns how many.
pub fn apply(file: &mut syn::File) -> usize {
    crate::rewrite::with_helper(file, Rewriter { count: 0 }, |r| r.count, helper)
}

struct Rewriter {
    count: usize,
}

impl VisitMut for Rewriter {
    fn visit_impl_item_fn_mut(&mut self, f: &mut ImplItemFn) {
        // A method whose error body is raw bytes has nothing to decode.
        let output = &f.sig.output;
        let returns = quote::quote!(#output).to_string();
        if f.sig.asyncness.is_some() && !returns.contains("Error < ByteStream >") {
            syn::visit_mut::visit_impl_item_fn_mut(self, f);
        }
    }

    fn visit_arm_mut(&mut self, arm: &mut Arm) {
        let fallback = quote::quote!(Err(Error::UnexpectedResponse(response))).to_string();
        let body = &arm.body;
        if matches!(arm.pat, Pat::Wild(_)) && quote::quote!(#body).to_string() == fallback {
            *arm.body = parse_quote!(Err(undocumented_status(response).await));
            self.count += 1;
        }
        syn::visit_mut::visit_arm_mut(self, arm);
    }
}

fn helper() -> syn::Item {
    parse_quote! {
        /// An answer whose status the description does not list: a 4xx or
        /// 5xx whose body is the operation's error type is that typed error;
        /// anything else is `UnexpectedResponse` with its status, headers and
        /// body kept (the body is read, then put back).
        async fn undocumented_status<E: ::serde::de::DeserializeOwned>(
            response: reqwest::Response,
        ) -> Error<E> {
            let status = response.status();
            if !(status.is_client_error() || status.is_server_error()) {
                return Error::UnexpectedResponse(response);
            }
            let headers = response.headers().clone();
            let version = response.version();
            let bytes = match response.bytes().await {
                Ok(bytes) => bytes,
                Err(e) => return Error::ResponseBodyError(e),
            };
            if let Ok(body) = ::serde_json::from_slice::<E>(&bytes) {
                return Error::ErrorResponse(ResponseValue::new(body, status, headers));
            }
            let mut kept = ::http::Response::new(bytes);
            *kept.status_mut() = status;
            *kept.version_mut() = version;
            *kept.headers_mut() = headers;
            Error::UnexpectedResponse(reqwest::Response::from(kept))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fallback_arm_of_async_methods_decodes_undocumented_statuses() {
        let mut file: syn::File = parse_quote! {
            impl Client {
                pub async fn get(&self) -> Result<ResponseValue<T>, Error<types::ApiError>> {
                    match response.status().as_u16() {
                        200u16 => ResponseValue::from_response(response).await,
                        _ => Err(Error::UnexpectedResponse(response)),
                    }
                }
                pub async fn raw(&self) -> Result<ResponseValue<T>, Error<ByteStream>> {
                    match response.status().as_u16() {
                        _ => Err(Error::UnexpectedResponse(response)),
                    }
                }
            }
        };
        assert_eq!(apply(&mut file), 1);
        let text = prettyplease::unparse(&file);
        assert!(
            text.contains("_ => Err(undocumented_status(response).await)"),
            "{text}"
        );
        assert_eq!(
            text.matches("Error::UnexpectedResponse(response)),")
                .count(),
            1,
            "{text}"
        );
        assert!(text.contains("async fn undocumented_status<E"), "{text}");
    }

    #[test]
    fn nothing_to_rewrite_adds_nothing() {
        let mut file: syn::File = parse_quote! { fn f() {} };
        assert_eq!(apply(&mut file), 0);
        assert_eq!(file.items.len(), 1);
    }
}
