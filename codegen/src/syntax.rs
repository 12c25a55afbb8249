//! Questions the rewriting steps ask of generated types and items, answered
//! in one place.

use syn::{Item, Type};

/// The type arguments of `ty` when its last path segment is `name`
/// (`Vec<T>` -> `[T]`); `None` when it is another type.
pub fn generic_of<'t>(ty: &'t Type, name: &str) -> Option<Vec<&'t Type>> {
    let Type::Path(p) = ty else { return None };
    let last = p.path.segments.last()?;
    if last.ident != name {
        return None;
    }
    let syn::PathArguments::AngleBracketed(args) = &last.arguments else {
        return Some(Vec::new());
    };
    Some(
        args.args
            .iter()
            .filter_map(|a| match a {
                syn::GenericArgument::Type(t) => Some(t),
                _ => None,
            })
            .collect(),
    )
}

/// `T` of `Option<T>`.
pub fn option_of(ty: &Type) -> Option<&Type> {
    generic_of(ty, "Option").and_then(|args| args.first().copied())
}

/// `T` of `Vec<T>`.
pub fn vec_item(ty: &Type) -> Option<&Type> {
    generic_of(ty, "Vec").and_then(|args| args.first().copied())
}

/// The last path segment's name (`::std::string::String` -> `String`).
pub fn last_ident(ty: &Type) -> Option<&syn::Ident> {
    match ty {
        Type::Path(p) => p.path.segments.last().map(|s| &s.ident),
        _ => None,
    }
}

/// Whether `ty` is the bare path `name`.
pub fn is_ident(ty: &Type, name: &str) -> bool {
    matches!(ty, Type::Path(p) if p.path.is_ident(name))
}

/// The items of the generated `types` module.
pub fn types_module(file: &mut syn::File) -> Option<&mut Vec<Item>> {
    file.items.iter_mut().find_map(|item| match item {
        Item::Mod(m) if m.ident == "types" => m.content.as_mut().map(|(_, items)| items),
        _ => None,
    })
}

/// Whether `ty` is the generated `Client`.
pub fn is_client(ty: &Type) -> bool {
    matches!(ty, Type::Path(p) if p.path.is_ident("Client"))
}

/// The async methods of the generated client's inherent `impl` blocks:
/// one per operation.
pub fn client_methods(file: &syn::File) -> impl Iterator<Item = &syn::ImplItemFn> {
    file.items
        .iter()
        .filter_map(|item| match item {
            Item::Impl(block) if block.trait_.is_none() && is_client(&block.self_ty) => Some(block),
            _ => None,
        })
        .flat_map(|block| &block.items)
        .filter_map(|member| match member {
            syn::ImplItem::Fn(f) if f.sig.asyncness.is_some() => Some(f),
            _ => None,
        })
}

/// [`client_methods`], to rewrite.
pub fn client_methods_mut(file: &mut syn::File) -> impl Iterator<Item = &mut syn::ImplItemFn> {
    file.items
        .iter_mut()
        .filter_map(|item| match item {
            Item::Impl(block) if block.trait_.is_none() && is_client(&block.self_ty) => Some(block),
            _ => None,
        })
        .flat_map(|block| &mut block.items)
        .filter_map(|member| match member {
            syn::ImplItem::Fn(f) if f.sig.asyncness.is_some() => Some(f),
            _ => None,
        })
}

/// The type of a method's `body` argument, if it has one.
pub fn body_argument(method: &syn::ImplItemFn) -> Option<&Type> {
    method.sig.inputs.iter().find_map(|input| match input {
        syn::FnArg::Typed(t) if matches!(&*t.pat, syn::Pat::Ident(i) if i.ident == "body") => {
            Some(&*t.ty)
        }
        _ => None,
    })
}

/// `&'a types::X` or `types::X` -> `X`.
pub fn types_name(ty: &Type) -> Option<String> {
    let ty = match ty {
        Type::Reference(r) => &*r.elem,
        other => other,
    };
    match ty {
        Type::Path(p) if p.path.segments.len() == 2 && p.path.segments[0].ident == "types" => {
            Some(p.path.segments[1].ident.to_string())
        }
        _ => None,
    }
}

/// The settings of an item's or field's `#[serde(..)]` attributes, in
/// order: each key with its value when that is a string (`rename = "x"`
/// -> `("rename", Some("x"))`, `default` -> `("default", None)`).
pub fn serde_settings(attrs: &[syn::Attribute]) -> Vec<(String, Option<String>)> {
    let mut out = Vec::new();
    for attr in attrs.iter().filter(|a| a.path().is_ident("serde")) {
        let _ = attr.parse_nested_meta(|meta| {
            let key = meta
                .path
                .get_ident()
                .map(ToString::to_string)
                .unwrap_or_default();
            let value = if meta.input.peek(syn::Token![=]) {
                match meta.value()?.parse::<syn::Expr>()? {
                    syn::Expr::Lit(syn::ExprLit {
                        lit: syn::Lit::Str(s),
                        ..
                    }) => Some(s.value()),
                    _ => None,
                }
            } else {
                None
            };
            out.push((key, value));
            Ok(())
        });
    }
    out
}
