//! Request bodies a caller can build without `json!`.
//!
//! typify makes every field public, so a struct literal always works, but
//! it names every field, and a field the provider adds later breaks it.
//! Every struct a request body is built from (the body types and the
//! types their fields reach) therefore gets one of:
//!
//! - `Default`, when no field is required (every field is an `Option` or
//!   has a serde default): `Body { title: Some(..), ..Default::default() }`;
//! - `new(required..)`, taking exactly the required fields in the
//!   struct's order (strings as `impl Into<String>`), the optional ones
//!   left empty or at their documented default: then struct-update
//!   syntax, `Body { title: Some(..), ..Body::new(team, text) }`.
//!
//! typify has no setting for either (its `with_struct_builder` writes a
//! fallible builder per type, about three times the lines).

use std::collections::{BTreeMap, BTreeSet};

use quote::quote;

use crate::syntax::{body_argument, client_methods, last_ident, serde_settings, types_module};
use syn::{Fields, Item, Type};

/// Adds `Default` or `new` to every struct a request body reaches; returns
/// how many structs it gave either.
pub fn apply(file: &mut syn::File) -> usize {
    let roots = body_types(file);
    let Some(types) = types_module(file) else {
        return 0;
    };
    let with_default: BTreeSet<String> = types
        .iter()
        .filter_map(|item| match item {
            Item::Impl(i) if is_default_impl(i) => type_name(&i.self_ty),
            _ => None,
        })
        .collect();
    let reachable = reachable(types, roots);
    let mut added: Vec<Item> = Vec::new();
    let mut changed = 0;
    for item in types.iter_mut() {
        let Item::Struct(s) = item else { continue };
        let name = s.ident.to_string();
        if !reachable.contains(&name) {
            continue;
        }
        let has_default = with_default.contains(&name) || derives_default(s);
        let (fields, required): (_, Vec<&syn::Field>) = match &s.fields {
            Fields::Named(fields) => (
                fields,
                fields
                    .named
                    .iter()
                    .filter(|f| default_of(f).is_none())
                    .collect(),
            ),
            // A newtype over a map, list or `Option` (typify's free-form
            // bodies) starts empty.
            Fields::Unnamed(inner) if starts_empty(inner) => {
                if !has_default {
                    s.attrs.push(syn::parse_quote!(#[derive(Default)]));
                    changed += 1;
                }
                continue;
            }
            _ => continue,
        };
        if required.is_empty() {
            if !has_default {
                s.attrs.push(syn::parse_quote!(#[derive(Default)]));
                changed += 1;
            }
            continue;
        }
        let ident = &s.ident;
        let args = required.iter().map(|f| {
            let (name, ty) = (&f.ident, &f.ty);
            if is_string(ty) {
                quote!(#name: impl ::std::convert::Into<::std::string::String>)
            } else {
                quote!(#name: #ty)
            }
        });
        let values = fields.named.iter().map(|f| {
            let name = &f.ident;
            match default_of(f) {
                None if is_string(&f.ty) => quote!(#name: #name.into()),
                None => quote!(#name),
                Some(Fill::Empty) => quote!(#name: ::std::default::Default::default()),
                Some(Fill::Function(path)) => quote!(#name: #path()),
            }
        });
        let listed: Vec<String> = required
            .iter()
            .filter_map(|f| f.ident.as_ref())
            .map(|i| format!("`{}`", i.to_string().trim_start_matches("r#")))
            .collect();
        let doc = format!(
            " A `{name}` from its required fields ({}); the optional ones are empty or at their default.",
            listed.join(", ")
        );
        // clippy's own limit, so the attribute is only where it applies.
        let allow = (required.len() > 7).then(|| quote!(#[allow(clippy::too_many_arguments)]));
        added.push(syn::parse_quote! {
            impl #ident {
                #[doc = #doc]
                #allow
                pub fn new(#(#args),*) -> Self {
                    Self { #(#values,)* }
                }
            }
        });
    }
    let count = changed + added.len();
    types.extend(added);
    count
}

/// A newtype whose one field is a map, a list or an `Option`.
fn starts_empty(fields: &syn::FieldsUnnamed) -> bool {
    fields.unnamed.len() == 1
        && last_ident(&fields.unnamed[0].ty).is_some_and(|i| {
            ["Map", "HashMap", "BTreeMap", "Vec", "Option"]
                .iter()
                .any(|n| i == n)
        })
}

/// How a field that is not required is filled.
enum Fill {
    /// `Default::default()`: `None`, an empty list or map.
    Empty,
    /// A typify default function (`#[serde(default = "defaults::x")]`).
    Function(syn::Path),
}

/// A field is optional when it is an `Option` or serde fills it in.
fn default_of(field: &syn::Field) -> Option<Fill> {
    let serde_default = serde_settings(&field.attrs)
        .into_iter()
        .find(|(key, _)| key == "default");
    if let Some((_, function)) = serde_default {
        return Some(match function.as_deref().map(syn::parse_str::<syn::Path>) {
            Some(Ok(path)) => Fill::Function(path),
            _ => Fill::Empty,
        });
    }
    last_ident(&field.ty)
        .is_some_and(|i| i == "Option")
        .then_some(Fill::Empty)
}

fn is_string(ty: &Type) -> bool {
    last_ident(ty).is_some_and(|i| i == "String")
}

fn type_name(ty: &Type) -> Option<String> {
    last_ident(ty).map(ToString::to_string)
}

fn is_default_impl(block: &syn::ItemImpl) -> bool {
    block
        .trait_
        .as_ref()
        .and_then(|(path, ..)| path.segments.last())
        .is_some_and(|s| s.ident == "Default")
}

fn derives_default(s: &syn::ItemStruct) -> bool {
    s.attrs.iter().any(|a| {
        a.path().is_ident("derive")
            && quote!(#a)
                .to_string()
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| w == "Default")
    })
}

/// The `types::X` of every client method's `body` argument.
fn body_types(file: &syn::File) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for ty in client_methods(file).filter_map(body_argument) {
        collect_idents(ty, &mut out);
    }
    out
}

/// The structs and enums of `types` that `roots` reach through fields and
/// variants.
fn reachable(types: &[Item], roots: BTreeSet<String>) -> BTreeSet<String> {
    let mut fields_of: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for item in types {
        let mut uses = BTreeSet::new();
        let name = match item {
            Item::Struct(s) => {
                for f in &s.fields {
                    collect_idents(&f.ty, &mut uses);
                }
                s.ident.to_string()
            }
            Item::Enum(e) => {
                for v in &e.variants {
                    for f in &v.fields {
                        collect_idents(&f.ty, &mut uses);
                    }
                }
                e.ident.to_string()
            }
            _ => continue,
        };
        fields_of.insert(name, uses);
    }
    let mut seen = BTreeSet::new();
    let mut queue: Vec<String> = roots.into_iter().collect();
    while let Some(next) = queue.pop() {
        let Some(uses) = fields_of.get(&next) else {
            continue;
        };
        if !seen.insert(next) {
            continue;
        }
        queue.extend(uses.iter().cloned());
    }
    seen
}

/// Every identifier in `ty` (type arguments included).
fn collect_idents(ty: &Type, out: &mut BTreeSet<String>) {
    fn walk(tokens: proc_macro2::TokenStream, out: &mut BTreeSet<String>) {
        for token in tokens {
            match token {
                proc_macro2::TokenTree::Ident(i) => {
                    out.insert(i.to_string());
                }
                proc_macro2::TokenTree::Group(g) => walk(g.stream(), out),
                _ => {}
            }
        }
    }
    walk(quote!(#ty), out);
}
