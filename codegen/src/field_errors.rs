//! Decoding errors that name the field.
//!
//! progenitor decodes every answer with `ResponseValue::from_response`, whose
//! error says only where in the bytes decoding stopped (`invalid type: null,
//! expected a string at line 1 column 145`). In an answer of a few kilobytes
//! that leaves the caller counting characters. Every such call is pointed at
//! `decode_answer` (added to the generated file), which decodes the same
//! way and, when that fails, returns `Error::InvalidResponsePayload` with
//! the crate's `DecodeError` (src/error.rs): the answer's status, headers
//! and body, and the path of the field at fault (`socialAccount.createdAt`),
//! found by decoding again with the path tracked.

use syn::visit_mut::VisitMut;
use syn::{parse_quote, Expr};

/// Rewrites every `ResponseValue::from_response(response)` in `file`;
/// returns how many.
pub fn apply(file: &mut syn::File) -> usize {
    crate::rewrite::with_helper(file, Rewriter { count: 0 }, |r| r.count, helper)
}

struct Rewriter {
    count: usize,
}

impl VisitMut for Rewriter {
    fn visit_expr_mut(&mut self, expr: &mut Expr) {
        if let Expr::Call(call) = expr {
            let callee = &call.func;
            if quote::quote!(#callee).to_string() == "ResponseValue :: from_response" {
                let args = &call.args;
                *expr = parse_quote!(decode_answer(#args));
                self.count += 1;
                return;
            }
        }
        syn::visit_mut::visit_expr_mut(self, expr);
    }
}

fn helper() -> syn::Item {
    parse_quote! {
        /// Decodes an answer's JSON body like `ResponseValue::from_response`;
        /// a body that does not decode keeps its status and headers, and
        /// the error names the field at fault (`DecodeError`).
        async fn decode_answer<T: ::serde::de::DeserializeOwned, E>(
            response: reqwest::Response,
        ) -> Result<ResponseValue<T>, Error<E>> {
            let status = response.status();
            let headers = response.headers().clone();
            let full = response.bytes().await.map_err(Error::ResponseBodyError)?;
            match ::serde_json::from_slice::<T>(&full) {
                Ok(inner) => Ok(ResponseValue::new(inner, status, headers)),
                Err(plain) => Err(Error::InvalidResponsePayload(
                    crate::error::DecodeError::locate::<T>(status, headers, full, plain),
                )),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_decode_goes_through_the_helper() {
        let mut file: syn::File = parse_quote! {
            impl Client {
                pub async fn get(&self) -> Result<ResponseValue<T>, Error<E>> {
                    match response.status().as_u16() {
                        200u16 => ResponseValue::from_response(response).await,
                        400u16 => Err(Error::ErrorResponse(ResponseValue::from_response(response).await?)),
                        204u16 => Ok(ResponseValue::empty(response)),
                        _ => Err(Error::UnexpectedResponse(response)),
                    }
                }
            }
        };
        assert_eq!(apply(&mut file), 2);
        let text = prettyplease::unparse(&file);
        assert!(!text.contains("ResponseValue::from_response("), "{text}");
        assert_eq!(
            text.matches("decode_answer(response).await").count(),
            2,
            "{text}"
        );
        assert!(text.contains("ResponseValue::empty(response)"), "{text}");
    }
}
