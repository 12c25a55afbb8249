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
