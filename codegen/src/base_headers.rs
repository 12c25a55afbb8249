//! One call for the headers every request starts with.
//!
//! progenitor opens every method with the same seven lines: a `HeaderMap`
//! and the `api-version` header (the description's `info.version`). This
//! step replaces them with `let mut header_map = base_headers(N,
//! Self::api_version());`, a function appended once, which builds the same
//! map: the same header, the same capacity, so what is sent does not
//! change. It only shortens the generated code (about six lines per
//! operation); progenitor has no setting for it.

use quote::ToTokens;
use syn::{ImplItem, Item};

/// Rewrites every client method's opening; returns how many.
pub fn apply(file: &mut syn::File) -> usize {
    crate::rewrite::with_helper(
        file,
        Rewriter(0),
        |r| r.0,
        || {
            syn::parse_quote! {
                /// The map every request's headers start from: `api-version`
                /// set to the description's version, with room for
                /// `capacity` headers.
                fn base_headers(capacity: usize, version: &'static str) -> ::reqwest::header::HeaderMap {
                    let mut map = ::reqwest::header::HeaderMap::with_capacity(capacity);
                    map.append(
                        ::reqwest::header::HeaderName::from_static("api-version"),
                        ::reqwest::header::HeaderValue::from_static(version),
                    );
                    map
                }
            }
        },
    )
}

struct Rewriter(usize);

impl syn::visit_mut::VisitMut for Rewriter {
    fn visit_item_mut(&mut self, item: &mut Item) {
        let Item::Impl(block) = item else { return };
        if block.trait_.is_some() {
            return;
        }
        for member in &mut block.items {
            if let ImplItem::Fn(f) = member {
                if rewrite(&mut f.block.stmts) {
                    self.0 += 1;
                }
            }
        }
    }
}

/// `let mut header_map = HeaderMap::with_capacity(N);` followed by the
/// `api-version` append: the capacity expression, if these are the two.
fn opening(first: &syn::Stmt, second: &syn::Stmt) -> Option<syn::Expr> {
    let syn::Stmt::Local(local) = first else {
        return None;
    };
    let name = local.pat.to_token_stream().to_string();
    if name.replace(' ', "") != "mutheader_map" {
        return None;
    }
    let init = local.init.as_ref()?;
    let syn::Expr::Call(call) = &*init.expr else {
        return None;
    };
    if !call
        .func
        .to_token_stream()
        .to_string()
        .replace(' ', "")
        .ends_with("HeaderMap::with_capacity")
        || call.args.len() != 1
    {
        return None;
    }
    let appended = second.to_token_stream().to_string().replace(' ', "");
    let expected = "header_map.append(::reqwest::header::HeaderName::from_static(\"api-version\"),::reqwest::header::HeaderValue::from_static(Self::api_version()),);";
    let expected_bare = expected.replace(",);", ");");
    (appended == expected || appended == expected_bare).then(|| call.args[0].clone())
}

fn rewrite(stmts: &mut Vec<syn::Stmt>) -> bool {
    let Some(at) =
        (0..stmts.len().saturating_sub(1)).find(|&i| opening(&stmts[i], &stmts[i + 1]).is_some())
    else {
        return false;
    };
    let capacity = opening(&stmts[at], &stmts[at + 1]).expect("found above");
    stmts.remove(at + 1);
    // `mut` only where header parameters are appended after it.
    let appended = stmts[at + 1..].iter().any(|s| {
        s.to_token_stream()
            .to_string()
            .contains("header_map . append")
    });
    stmts[at] = if appended {
        syn::parse_quote!(let mut header_map = base_headers(#capacity, Self::api_version());)
    } else {
        syn::parse_quote!(let header_map = base_headers(#capacity, Self::api_version());)
    };
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_opening_becomes_one_call_and_other_headers_stay() {
        let mut file: syn::File = syn::parse_quote! {
            impl Client {
                pub async fn op(&self, x: &str) -> R {
                    let url = format!("{}/x", self.baseurl);
                    let mut header_map = ::reqwest::header::HeaderMap::with_capacity(2usize);
                    header_map.append(
                        ::reqwest::header::HeaderName::from_static("api-version"),
                        ::reqwest::header::HeaderValue::from_static(Self::api_version()),
                    );
                    header_map.append("x-trace", x.to_string().try_into()?);
                    send(header_map)
                }
                pub async fn plain(&self) -> R {
                    let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
                    header_map.append(
                        ::reqwest::header::HeaderName::from_static("api-version"),
                        ::reqwest::header::HeaderValue::from_static(Self::api_version()),
                    );
                    send(header_map)
                }
                pub async fn other(&self) -> R {
                    let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
                    send(header_map)
                }
            }
        };
        assert_eq!(apply(&mut file), 2);
        let text = file.to_token_stream().to_string().replace(' ', "");
        assert!(
            text.contains("letmutheader_map=base_headers(2usize,Self::api_version());header_map.append(\"x-trace\""),
            "{text}"
        );
        // Not `mut` where nothing is appended after it.
        assert!(text.contains("letheader_map=base_headers(1usize,Self::api_version());send"));
        // The method without the api-version append is left alone.
        assert!(
            text.contains("letmutheader_map=::reqwest::header::HeaderMap::with_capacity(1usize);")
        );
        assert!(text.contains("fnbase_headers(capacity:usize,version:&'staticstr)"));
    }
}
