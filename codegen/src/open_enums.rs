//! Open enums: a string enum of the generated types also accepts a value the
//! spec does not list and keeps it, instead of failing to decode the whole
//! answer.
//!
//! Providers add enum values (a new platform, a new post status) without
//! notice; with typify's closed enums one such value makes every answer that
//! carries it undecodable. typify has no setting for this, so the generated
//! syntax tree is adjusted here, before it is printed: each enum of unit
//! variants that derives `Deserialize` gains
//! `#[serde(untagged)] Unknown(String)` (serde tries it only when no listed
//! value matched), loses `Copy` (a `String` is not `Copy`), and its `Display`
//! prints the kept value. `FromStr` stays strict: it parses what a caller
//! wrote, where an unknown value is a mistake.

use quote::ToTokens;
use syn::punctuated::Punctuated;
use syn::{parse_quote, Attribute, Fields, Item, ItemEnum, Path, Token};

/// Opens every eligible enum in `file`; returns how many it opened.
pub fn apply(file: &mut syn::File) -> usize {
    open_items(&mut file.items)
}

fn open_items(items: &mut [Item]) -> usize {
    let mut nested = 0;
    let mut names = Vec::new();
    for item in items.iter_mut() {
        match item {
            Item::Mod(module) => {
                if let Some((_, inner)) = &mut module.content {
                    nested += open_items(inner);
                }
            }
            Item::Enum(e) if eligible(e) => {
                let variant = open(e);
                names.push((e.ident.to_string(), variant));
            }
            _ => {}
        }
    }
    // typify puts an enum's `Display` impl beside it, in the same module.
    for item in items.iter_mut() {
        let Item::Impl(block) = item else { continue };
        let is_display = block
            .trait_
            .as_ref()
            .is_some_and(|trait_| last_is(&trait_.0, "Display"));
        if !is_display {
            continue;
        }
        let target = block.self_ty.to_token_stream().to_string();
        if let Some((_, variant)) = names.iter().find(|(name, _)| *name == target) {
            display_unknown(block, variant);
        }
    }
    nested + names.len()
}

/// A plain string enum: unit variants only, derives `Deserialize`, and no
/// enum-level serde representation (tagged or untagged enums are unions,
/// not value lists).
fn eligible(e: &ItemEnum) -> bool {
    !e.variants.is_empty()
        && e.variants.iter().all(|v| matches!(v.fields, Fields::Unit))
        && derives(&e.attrs).iter().any(|p| last_is(p, "Deserialize"))
        && !e.attrs.iter().any(|a| a.path().is_ident("serde"))
}

pub(crate) fn last_is(path: &Path, name: &str) -> bool {
    path.segments.last().is_some_and(|s| s.ident == name)
}

pub(crate) fn derives(attrs: &[Attribute]) -> Vec<Path> {
    attrs
        .iter()
        .filter(|a| a.path().is_ident("derive"))
        .filter_map(|a| {
            a.parse_args_with(Punctuated::<Path, Token![,]>::parse_terminated)
                .ok()
        })
        .flatten()
        .collect()
}

/// `Unknown`, unless the spec lists a value that is already called so
/// (bundle.social's `UNKNOWN` retryability): then `UnknownValue`, ...
fn unknown_name(e: &ItemEnum) -> syn::Ident {
    let taken = |name: &str| e.variants.iter().any(|v| v.ident == name);
    let mut name = "Unknown".to_string();
    let mut n = 1;
    while taken(&name) {
        name = if n == 1 {
            "UnknownValue".to_string()
        } else {
            format!("UnknownValue{n}")
        };
        n += 1;
    }
    syn::Ident::new(&name, proc_macro2::Span::call_site())
}

/// Opens `e`; returns the name of the variant that keeps unknown values.
fn open(e: &mut ItemEnum) -> syn::Ident {
    for attr in e.attrs.iter_mut().filter(|a| a.path().is_ident("derive")) {
        if let Ok(paths) = attr.parse_args_with(Punctuated::<Path, Token![,]>::parse_terminated) {
            let kept: Vec<&Path> = paths.iter().filter(|p| !last_is(p, "Copy")).collect();
            *attr = parse_quote!(#[derive(#(#kept),*)]);
        }
    }
    let name = unknown_name(e);
    e.variants.push(parse_quote! {
        /// A value this client does not list (the provider added it after
        /// the client was generated), kept as sent.
        #[serde(untagged)]
        #name(::std::string::String)
    });
    name
}

/// Adds `Self::Unknown(ref value) => f.write_str(value)` to the `match` in
/// `Display::fmt`.
fn display_unknown(block: &mut syn::ItemImpl, variant: &syn::Ident) {
    for item in &mut block.items {
        let syn::ImplItem::Fn(f) = item else { continue };
        for stmt in &mut f.block.stmts {
            if let syn::Stmt::Expr(syn::Expr::Match(m), _) = stmt {
                m.arms
                    .push(parse_quote!(Self::#variant(ref value) => f.write_str(value),));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn string_enums_open_and_unions_do_not() {
        let mut file: syn::File = parse_quote! {
            pub mod types {
                #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Copy, Debug)]
                pub enum Status {
                    #[serde(rename = "A")]
                    A,
                }
                impl ::std::fmt::Display for Status {
                    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                        match *self {
                            Self::A => f.write_str("A"),
                        }
                    }
                }
                #[derive(::serde::Deserialize, Clone, Copy)]
                #[serde(untagged)]
                pub enum Either { A, B }
                #[derive(::serde::Deserialize, Clone)]
                pub enum WithData { A(i64) }
                #[derive(::serde::Deserialize, Clone)]
                pub enum Retry { Yes, Unknown }
            }
        };
        assert_eq!(apply(&mut file), 2);
        let text = prettyplease::unparse(&file);
        assert!(text.contains("#[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug)]\n    pub enum Status"), "{text}");
        assert!(
            text.contains("#[serde(untagged)]\n        Unknown(::std::string::String),"),
            "{text}"
        );
        assert!(
            text.contains("Self::Unknown(ref value) => f.write_str(value),"),
            "{text}"
        );
        assert!(text.contains("#[derive(::serde::Deserialize, Clone, Copy)]\n    #[serde(untagged)]\n    pub enum Either"), "{text}");
        // A spec value already named `Unknown` keeps its name.
        assert!(
            text.contains("Unknown,\n        /// A value this client does not list"),
            "{text}"
        );
        assert!(
            text.contains("UnknownValue(::std::string::String),"),
            "{text}"
        );
    }
}
