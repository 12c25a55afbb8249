//! Enum variant names chosen by the spec (`x-enum-varnames`), for enums
//! whose values typify cannot name.
//!
//! typify names a string enum's variants after their values and panics when
//! two values give the same name (`ASC`/`asc`, `Etc/GMT+1`/`Etc/GMT-1`), and
//! has no extension for choosing names. So before progenitor runs, every
//! enum that carries `x-enum-varnames` (the normalizer's `enum-names` pass
//! writes it for colliding values; a description may carry its own) has its
//! values replaced by those names, which typify keeps as they are. After
//! generation, each such enum gets its wire values back: a
//! `#[serde(rename = "...")]` per variant, and the same strings in its
//! `Display`/`FromStr`/`TryFrom` impls.

use std::collections::BTreeMap;

use quote::ToTokens;
use serde_json::Value;
use syn::{parse_quote, visit_mut::VisitMut, Item, LitStr};

/// The extension naming an enum's variants, one per `enum` value.
pub const EXTENSION: &str = "x-enum-varnames";

/// Variant names (in order) -> the wire values they stand for.
#[derive(Debug, Default)]
pub struct Renames(BTreeMap<Vec<String>, Vec<String>>);

/// The name typify gives a variant for `value` (its `sanitize` with Pascal
/// case), so the normalizer can tell which values collide.
pub fn typify_variant_name(value: &str) -> String {
    use heck::ToPascalCase;
    let out = match value {
        "+1" => "plus1".to_string(),
        "-1" => "minus1".to_string(),
        _ => value
            .replace('\'', "")
            .replace(|c: char| !unicode_ident::is_xid_continue(c), "-")
            .to_pascal_case(),
    };
    let out = match out.chars().next() {
        None => "X".to_string(),
        Some(c) if unicode_ident::is_xid_start(c) => out,
        Some(_) => format!("X{out}"),
    };
    match out.as_str() {
        "Self" => "Self_".to_string(),
        _ => out,
    }
}

/// Replaces the values of every enum with valid `x-enum-varnames` by those
/// names; returns what to restore after generation.
pub fn substitute(doc: &mut Value) -> Renames {
    let mut renames = Renames::default();
    substitute_in(doc, &mut renames);
    renames
}

fn substitute_in(value: &mut Value, renames: &mut Renames) {
    match value {
        Value::Object(map) => {
            let names: Option<Vec<String>> =
                map.get(EXTENSION).and_then(Value::as_array).map(|a| {
                    a.iter()
                        .filter_map(Value::as_str)
                        .map(str::to_owned)
                        .collect()
                });
            let values: Option<Vec<String>> = map
                .get("enum")
                .and_then(Value::as_array)
                .and_then(|a| a.iter().map(|v| v.as_str().map(str::to_owned)).collect());
            if let (Some(names), Some(values)) = (names, values) {
                // Names typify would change, or of the wrong count, cannot be
                // matched back; such an enum is left as it is.
                let usable = names.len() == values.len()
                    && names.iter().all(|n| typify_variant_name(n) == *n);
                let known = renames.0.get(&names).is_none_or(|w| *w == values);
                if usable && known {
                    if let Some(default) = map.get("default").and_then(Value::as_str) {
                        if let Some(i) = values.iter().position(|v| v == default) {
                            map.insert("default".into(), Value::String(names[i].clone()));
                        }
                    }
                    map.insert(
                        "enum".into(),
                        names.iter().cloned().map(Value::String).collect(),
                    );
                    renames.0.insert(names, values);
                }
            }
            map.values_mut().for_each(|v| substitute_in(v, renames));
        }
        Value::Array(items) => items.iter_mut().for_each(|v| substitute_in(v, renames)),
        _ => {}
    }
}

/// Gives every substituted enum in `file` its wire values back.
pub fn restore(file: &mut syn::File, renames: &Renames) {
    if renames.0.is_empty() {
        return;
    }
    restore_items(&mut file.items, renames);
}

fn restore_items(items: &mut [Item], renames: &Renames) {
    let mut restored: Vec<(String, BTreeMap<String, String>)> = Vec::new();
    for item in items.iter_mut() {
        match item {
            Item::Mod(module) => {
                if let Some((_, inner)) = &mut module.content {
                    restore_items(inner, renames);
                }
            }
            Item::Enum(e) => {
                let idents: Vec<String> = e.variants.iter().map(|v| v.ident.to_string()).collect();
                let Some(values) = renames.0.get(&idents) else {
                    continue;
                };
                let mut map = BTreeMap::new();
                for (variant, value) in e.variants.iter_mut().zip(values) {
                    variant.attrs.retain(|a| !a.path().is_ident("serde"));
                    let lit = LitStr::new(value, proc_macro2::Span::call_site());
                    variant.attrs.push(parse_quote!(#[serde(rename = #lit)]));
                    map.insert(variant.ident.to_string(), value.clone());
                }
                restored.push((e.ident.to_string(), map));
            }
            _ => {}
        }
    }
    for item in items.iter_mut() {
        let Item::Impl(block) = item else { continue };
        let target = block.self_ty.to_token_stream().to_string();
        if let Some((_, map)) = restored.iter().find(|(name, _)| *name == target) {
            Literals(map).visit_item_impl_mut(block);
        }
    }
}

/// Rewrites string literals equal to a variant name into its wire value.
struct Literals<'a>(&'a BTreeMap<String, String>);

impl VisitMut for Literals<'_> {
    fn visit_lit_str_mut(&mut self, lit: &mut LitStr) {
        if let Some(wire) = self.0.get(&lit.value()) {
            *lit = LitStr::new(wire, lit.span());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn typify_names_collide_where_typify_panics() {
        assert_eq!(typify_variant_name("ASC"), typify_variant_name("asc"));
        assert_eq!(
            typify_variant_name("Etc/GMT+1"),
            typify_variant_name("Etc/GMT-1")
        );
        assert_eq!(typify_variant_name("dall-e-2"), "DallE2");
        assert_eq!(typify_variant_name("1080p"), "X1080p");
    }

    #[test]
    fn substitution_keeps_what_to_restore() {
        let mut doc = json!({"a": {"type": "string", "enum": ["ASC", "asc"], "default": "asc",
            "x-enum-varnames": ["AscUpper", "AscLower"]}});
        let renames = substitute(&mut doc);
        assert_eq!(doc["a"]["enum"], json!(["AscUpper", "AscLower"]));
        assert_eq!(doc["a"]["default"], "AscLower");
        assert_eq!(
            renames.0[&vec!["AscUpper".to_string(), "AscLower".to_string()]],
            ["ASC", "asc"]
        );
    }
}
