//! The generated `Client` is built only through the crate's builder.
//!
//! progenitor gives every client two public constructors: `new`, which
//! makes its own `reqwest::Client` (15 s timeouts, reqwest's default
//! redirect policy, an `unwrap` on the TLS backend) and `new_with_client`,
//! which takes any `reqwest::Client`. Either would bypass what the crate's
//! `ClientBuilder` guarantees: the key is sent only to the request's
//! origin, and the documented default timeout. So `new` goes and
//! `new_with_client` is visible to the including crate only (its
//! `Provider` implementation calls it with an `HttpClient`).

use syn::{ImplItem, Item};

/// Applies the rule to `file`; returns how many constructors it changed.
pub fn apply(file: &mut syn::File) -> usize {
    let mut changed = 0;
    for item in &mut file.items {
        let Item::Impl(block) = item else { continue };
        if block.trait_.is_some() || !crate::syntax::is_client(&block.self_ty) {
            continue;
        }
        let before = block.items.len();
        block
            .items
            .retain(|member| !matches!(member, ImplItem::Fn(f) if f.sig.ident == "new"));
        changed += before - block.items.len();
        for member in &mut block.items {
            if let ImplItem::Fn(f) = member {
                if f.sig.ident == "new_with_client" {
                    f.vis = syn::parse_quote!(pub(crate));
                    f.attrs.retain(|a| !a.path().is_ident("doc"));
                    f.attrs.push(syn::parse_quote!(
                        #[doc = " The client for `baseurl` over `client`; the crate's builder calls it."]
                    ));
                    changed += 1;
                }
            }
        }
    }
    changed
}

#[cfg(test)]
mod tests {
    use quote::ToTokens;

    use super::*;

    #[test]
    fn new_goes_and_new_with_client_is_crate_visible() {
        let mut file: syn::File = syn::parse_quote! {
            impl Client {
                /// Create a new client.
                pub fn new(baseurl: &str, inner: Runtime) -> Self { todo!() }
                /// Construct a new client with an existing `reqwest::Client`.
                pub fn new_with_client(baseurl: &str, client: reqwest::Client, inner: Runtime) -> Self { todo!() }
            }
            impl types::Post {
                pub fn new(id: String) -> Self { todo!() }
            }
        };
        assert_eq!(apply(&mut file), 2);
        let text = file.to_token_stream().to_string().replace(' ', "");
        assert!(!text.contains("fnnew(baseurl"), "{text}");
        assert!(text.contains("pub(crate)fnnew_with_client"), "{text}");
        assert!(text.contains("pubfnnew(id:String)"), "{text}");
    }
}
