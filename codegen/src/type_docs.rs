//! A line of documentation on every generated type and field.
//!
//! typify documents a type with its description, or with only its own name
//! (`` `Bluesky` ``) when the description has none, and a field only with
//! its description. The project keeps the providers' prose out of the
//! normalized descriptions, so most types and fields would say nothing.
//! This step writes what the facts say instead:
//!
//! - a type whose only doc is its name: where it is used (the body, answer
//!   or error of which client methods, else which types' fields hold it)
//!   and, for an enum of plain values, what it is;
//! - a field with no doc: its name on the wire, whether it is required or
//!   may be null, and what it holds (text, a whole number, a date-time, a
//!   list of a type, ...).
//!
//! typify has no setting for either.

use std::collections::{BTreeMap, BTreeSet};

use quote::ToTokens;
use syn::{Fields, Item, Type};

use crate::syntax::{
    body_argument, client_methods, generic_of, option_of, serde_settings, types_module, types_name,
};

/// How many users a type's doc names before it says "and N more".
const LISTED: usize = 4;

/// Documents every type and field of `types` that says nothing; returns
/// how many doc lines it wrote.
pub fn apply(file: &mut syn::File) -> usize {
    let mut roles = operation_roles(file);
    let Some(types) = types_module(file) else {
        return 0;
    };
    let names: BTreeSet<String> = types.iter().filter_map(item_name).collect();
    let holders = holders(types, &names);
    let mut written = 0;
    for item in types.iter_mut() {
        let Some(name) = item_name(item) else {
            continue;
        };
        let roles = roles.remove(&name).unwrap_or_default();
        let (attrs, kind) = match item {
            Item::Struct(s) => {
                written += document_fields(&mut s.fields, &names);
                (&mut s.attrs, Kind::Struct)
            }
            Item::Enum(e) => {
                let values = plain_values(e);
                (&mut e.attrs, Kind::Enum(values))
            }
            _ => continue,
        };
        if !says_only_its_name(attrs, &name) {
            continue;
        }
        let line = describe_type(&name, &kind, &roles, holders.get(&name));
        attrs.retain(|a| !a.path().is_ident("doc"));
        attrs.insert(0, syn::parse_quote!(#[doc = #line]));
        written += 1;
    }
    written
}

enum Kind {
    Struct,
    /// The wire values of an enum whose variants carry nothing.
    Enum(Vec<String>),
}

fn item_name(item: &Item) -> Option<String> {
    match item {
        Item::Struct(s) => Some(s.ident.to_string()),
        Item::Enum(e) => Some(e.ident.to_string()),
        _ => None,
    }
}

/// The doc strings of `attrs`, joined.
fn doc_text(attrs: &[syn::Attribute]) -> String {
    attrs
        .iter()
        .filter(|a| a.path().is_ident("doc"))
        .filter_map(|a| match &a.meta {
            syn::Meta::NameValue(nv) => match &nv.value {
                syn::Expr::Lit(syn::ExprLit {
                    lit: syn::Lit::Str(s),
                    ..
                }) => Some(s.value()),
                _ => None,
            },
            _ => None,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn says_only_its_name(attrs: &[syn::Attribute], name: &str) -> bool {
    let text = doc_text(attrs);
    let text = text.trim();
    text.is_empty() || text == format!("`{name}`")
}

/// type -> (role, method) for every client method's body, answer and
/// error type.
fn operation_roles(file: &syn::File) -> BTreeMap<String, Vec<(&'static str, String)>> {
    let mut out: BTreeMap<String, Vec<(&'static str, String)>> = BTreeMap::new();
    for f in client_methods(file) {
        let method = f.sig.ident.to_string();
        if let Some(name) = body_argument(f).and_then(types_name) {
            out.entry(name).or_default().push(("body", method.clone()));
        }
        let syn::ReturnType::Type(_, ty) = &f.sig.output else {
            continue;
        };
        let text = ty.to_token_stream().to_string().replace(' ', "");
        for (role, wrapper) in [
            ("answer", "ResponseValue<types::"),
            ("error", "Error<types::"),
        ] {
            if let Some(rest) = text.split(wrapper).nth(1) {
                let name: String = rest
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                let users = out.entry(name).or_default();
                if !users.iter().any(|(r, m)| *r == role && *m == method) {
                    users.push((role, method.clone()));
                }
            }
        }
    }
    out
}

/// type -> the (type, field or variant) pairs that hold it.
fn holders(types: &[Item], names: &BTreeSet<String>) -> BTreeMap<String, Vec<String>> {
    let mut out: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut hold = |child: String, place: String| {
        let places = out.entry(child).or_default();
        if !places.contains(&place) {
            places.push(place);
        }
    };
    for item in types {
        match item {
            Item::Struct(s) => {
                for field in &s.fields {
                    let wire = field
                        .ident
                        .as_ref()
                        .map(|i| wire_name(field, i))
                        .unwrap_or_default();
                    for child in idents(&field.ty, names) {
                        hold(child, format!("[`{}`]`.{wire}`", s.ident));
                    }
                }
            }
            Item::Enum(e) => {
                for variant in &e.variants {
                    for field in &variant.fields {
                        for child in idents(&field.ty, names) {
                            hold(child, format!("[`{}`]`::{}`", e.ident, variant.ident));
                        }
                    }
                }
            }
            _ => {}
        }
    }
    out
}

/// The type names of `names` that `ty` mentions.
fn idents(ty: &Type, names: &BTreeSet<String>) -> BTreeSet<String> {
    fn walk(
        tokens: proc_macro2::TokenStream,
        names: &BTreeSet<String>,
        out: &mut BTreeSet<String>,
    ) {
        for token in tokens {
            match token {
                proc_macro2::TokenTree::Ident(i) => {
                    let i = i.to_string();
                    if names.contains(&i) {
                        out.insert(i);
                    }
                }
                proc_macro2::TokenTree::Group(g) => walk(g.stream(), names, out),
                _ => {}
            }
        }
    }
    let mut out = BTreeSet::new();
    walk(ty.to_token_stream(), names, &mut out);
    out
}

/// Up to [`LISTED`] entries, then how many more.
fn listed(items: &[String]) -> String {
    let shown: Vec<&str> = items.iter().take(LISTED).map(String::as_str).collect();
    let mut text = shown.join(", ");
    if items.len() > LISTED {
        text.push_str(&format!(" and {} more", items.len() - LISTED));
    }
    text
}

fn describe_type(
    name: &str,
    kind: &Kind,
    roles: &[(&'static str, String)],
    holders: Option<&Vec<String>>,
) -> String {
    let mut parts: Vec<String> = Vec::new();
    if let Kind::Enum(values) = kind {
        if !values.is_empty() {
            let quoted: Vec<String> = values.iter().map(|v| format!("`{v}`")).collect();
            parts.push(format!("one of {}", listed(&quoted)));
        }
    }
    for (role, title) in [
        ("body", "the request body of"),
        ("answer", "the answer of"),
        ("error", "the error body of"),
    ] {
        let methods: Vec<String> = roles
            .iter()
            .filter(|(r, _)| *r == role)
            .map(|(_, m)| format!("[`Client::{m}`](super::Client::{m})"))
            .collect();
        if !methods.is_empty() {
            parts.push(format!("{title} {}", listed(&methods)));
        }
    }
    if let Some(holders) = holders {
        parts.push(format!("held by {}", listed(holders)));
    }
    if parts.is_empty() {
        format!("`{name}`.")
    } else {
        format!("`{name}`: {}.", parts.join("; "))
    }
}

/// The wire values of an enum whose variants are all units.
fn plain_values(e: &syn::ItemEnum) -> Vec<String> {
    if e.variants.iter().any(|v| !matches!(v.fields, Fields::Unit)) {
        // Open enums keep an `Unknown(String)`; list the named ones.
        if e.variants
            .iter()
            .filter(|v| !matches!(v.fields, Fields::Unit))
            .any(|v| v.ident != "Unknown")
        {
            return Vec::new();
        }
    }
    e.variants
        .iter()
        .filter(|v| matches!(v.fields, Fields::Unit))
        .map(|v| serde_rename(&v.attrs).unwrap_or_else(|| v.ident.to_string()))
        .collect()
}

fn serde_rename(attrs: &[syn::Attribute]) -> Option<String> {
    serde_settings(attrs)
        .into_iter()
        .find_map(|(key, value)| (key == "rename").then_some(value).flatten())
}

fn wire_name(field: &syn::Field, ident: &syn::Ident) -> String {
    serde_rename(&field.attrs)
        .unwrap_or_else(|| ident.to_string().trim_start_matches("r#").to_string())
}

/// Whether the field's `#[serde(..)]` names `key`.
fn has_serde_key(field: &syn::Field, key: &str) -> bool {
    serde_settings(&field.attrs).iter().any(|(k, _)| k == key)
}

fn document_fields(fields: &mut Fields, names: &BTreeSet<String>) -> usize {
    let Fields::Named(named) = fields else {
        return 0;
    };
    let mut written = 0;
    for field in &mut named.named {
        if !doc_text(&field.attrs).trim().is_empty() {
            continue;
        }
        let Some(ident) = field.ident.clone() else {
            continue;
        };
        let wire = wire_name(field, &ident);
        let optional = option_of(&field.ty);
        // typify marks a required, nullable field with
        // `deserialize_with = Option::deserialize`; a missing `Option` is
        // `None` otherwise.
        let need = if has_serde_key(field, "default") {
            "optional"
        } else if optional.is_some() && has_serde_key(field, "deserialize_with") {
            "required, may be null"
        } else if optional.is_some() {
            "optional"
        } else {
            "required"
        };
        let what = what(optional.unwrap_or(&field.ty), names);
        let line = format!(" `{wire}`, {need}: {what}.");
        field.attrs.insert(0, syn::parse_quote!(#[doc = #line]));
        written += 1;
    }
    written
}

/// What a value of type `ty` is, in a few words.
fn what(ty: &Type, names: &BTreeSet<String>) -> String {
    if let Some(inner) = generic_of(ty, "Vec").and_then(|a| a.first().copied()) {
        return format!("a list of {}", what(inner, names).trim_start_matches("a "));
    }
    if let Some(args) = generic_of(ty, "HashMap").or_else(|| generic_of(ty, "BTreeMap")) {
        return match args.get(1) {
            Some(value) => format!(
                "a map of names to {}",
                what(value, names).trim_start_matches("a ")
            ),
            None => "a map".into(),
        };
    }
    let Type::Path(p) = ty else {
        return format!("`{}`", ty.to_token_stream());
    };
    let Some(last) = p.path.segments.last() else {
        return "a value".into();
    };
    let name = last.ident.to_string();
    match name.as_str() {
        "String" => "text".into(),
        "bool" => "true or false".into(),
        "i8" | "i16" | "i32" | "i64" | "u8" | "u16" | "u32" | "u64" => "a whole number".into(),
        n if n.starts_with("NonZero") => "a whole number above zero".into(),
        "f32" | "f64" => "a number".into(),
        "DateTime" => "a date-time (RFC 3339)".into(),
        "NaiveDate" => "a date".into(),
        "Uuid" => "a UUID".into(),
        "Value" => "any JSON value".into(),
        "Map" => "a JSON object".into(),
        n if names.contains(n) => format!("a [`{n}`]"),
        n => format!("a `{n}`"),
    }
}
