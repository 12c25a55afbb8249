//! The crate's own error type in place of progenitor's.
//!
//! progenitor's `Error::InvalidResponsePayload(Bytes, serde_json::Error)`
//! drops the status and headers of an answer that does not decode, and its
//! other variants give no common way to a request id or `Retry-After`. The
//! generated file therefore re-exports [`ERROR_TYPE`] (same variant names,
//! a `DecodeError` that keeps the answer) instead of progenitor's `Error`.
//!
//! progenitor's `pre` and `post` hooks and its `form_urlencoded` return
//! progenitor's error, and a `?` on them would need a conversion whose type
//! parameter nothing fixes. The hand-written layer runs in `exec` and leaves
//! both hooks as progenitor's no-op defaults, so their calls are removed;
//! a form body goes through `form_body` (added to the generated file),
//! which calls progenitor's encoder and keeps its reason as the crate's
//! `Error::InvalidRequest`.

use quote::ToTokens;
use syn::visit_mut::VisitMut;
use syn::{parse_quote, Expr, Item, UseTree};

/// The error type generated methods return, defined by the crate that
/// includes the generated code (`social_clients::error::Error`).
pub const ERROR_TYPE: &str = "crate::error::Error";

/// Swaps the `Error` re-export and removes the hook calls; returns how many
/// hook calls went.
pub fn apply(file: &mut syn::File) -> usize {
    let mut swapped = false;
    for item in &mut file.items {
        if let Item::Use(used) = item {
            swapped |= drop_progenitor_error(&mut used.tree);
        }
    }
    if swapped {
        let path: syn::Path = syn::parse_str(ERROR_TYPE).expect("a valid Rust path");
        file.items.insert(0, syn::parse_quote!(pub use #path;));
    }
    let mut removed = 0;
    for method in crate::syntax::client_methods_mut(file) {
        let before = method.block.stmts.len();
        method.block.stmts.retain(|stmt| !is_hook_call(stmt));
        removed += before - method.block.stmts.len();
    }
    crate::rewrite::with_helper(file, FormBodies(0), |r| r.0, form_body);
    removed
}

/// `builder.form_urlencoded(&body)` -> `form_body(builder, &body)`.
struct FormBodies(usize);

impl VisitMut for FormBodies {
    fn visit_expr_mut(&mut self, expr: &mut Expr) {
        syn::visit_mut::visit_expr_mut(self, expr);
        if let Expr::MethodCall(call) = expr {
            if call.method == "form_urlencoded" && call.args.len() == 1 {
                let (receiver, body) = (&call.receiver, &call.args[0]);
                *expr = parse_quote!(form_body(#receiver, #body));
                self.0 += 1;
            }
        }
    }
}

fn form_body() -> syn::Item {
    parse_quote! {
        /// An `application/x-www-form-urlencoded` body, encoded by
        /// progenitor; a value that cannot be encoded is the crate's
        /// `Error::InvalidRequest`.
        fn form_body<T: ::serde::Serialize + ?Sized, E>(
            builder: reqwest::RequestBuilder,
            body: &T,
        ) -> Result<reqwest::RequestBuilder, Error<E>> {
            RequestBuilderExt::<()>::form_urlencoded(builder, body)
                .map_err(|e| Error::InvalidRequest(e.to_string()))
        }
    }
}

/// Removes `Error` from `progenitor_client::{.., Error, ..}`.
fn drop_progenitor_error(tree: &mut UseTree) -> bool {
    let UseTree::Path(path) = tree else {
        return false;
    };
    if path.ident != "progenitor_client" {
        return false;
    }
    let UseTree::Group(group) = &mut *path.tree else {
        return false;
    };
    let before = group.items.len();
    group.items = std::mem::take(&mut group.items)
        .into_iter()
        .filter(|t| !matches!(t, UseTree::Name(n) if n.ident == "Error"))
        .collect();
    group.items.len() != before
}

/// `self.pre(&mut request, &info).await?;` or `self.post(&result, &info).await?;`.
fn is_hook_call(stmt: &syn::Stmt) -> bool {
    let text = stmt.to_token_stream().to_string().replace(' ', "");
    text.starts_with("self.pre(&mutrequest,&info).await?")
        || text.starts_with("self.post(&result,&info).await?")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_error_is_the_crates_and_the_hook_calls_go() {
        let mut file: syn::File = syn::parse_quote! {
            pub use progenitor_client::{ByteStream, ClientInfo, Error, ResponseValue};
            impl Client {
                pub async fn get(&self) -> Result<ResponseValue<()>, Error<()>> {
                    let info = OperationInfo { operation_id: "get" };
                    self.pre(&mut request, &info).await?;
                    let result = self.exec(request, &info).await;
                    self.post(&result, &info).await?;
                    let response = result?;
                    todo!()
                }
            }
        };
        assert_eq!(apply(&mut file), 2);
        let text = file.to_token_stream().to_string().replace(' ', "");
        assert!(text.starts_with("pubusecrate::error::Error;pubuseprogenitor_client::{ByteStream,ClientInfo,ResponseValue};"), "{text}");
        assert!(
            !text.contains("self.pre") && !text.contains("self.post"),
            "{text}"
        );
        assert!(text.contains("letresponse=result?;"));
    }

    #[test]
    fn a_form_body_goes_through_the_helper() {
        let mut file: syn::File = syn::parse_quote! {
            pub use progenitor_client::{ByteStream, ClientInfo, Error, ResponseValue};
            impl Client {
                pub async fn post(&self) -> Result<ResponseValue<()>, Error<()>> {
                    let request = self.client.post(url).form_urlencoded(&body)?.build()?;
                    todo!()
                }
            }
        };
        apply(&mut file);
        let text = file.to_token_stream().to_string().replace(' ', "");
        assert!(
            text.contains("form_body(self.client.post(url),&body)?.build()?"),
            "{text}"
        );
        assert!(text.contains("fnform_body<"), "{text}");
    }
}
