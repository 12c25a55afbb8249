//! JSON Schema for the generated types, behind the crate's `schemars`
//! feature: every struct and enum of the generated `types` module gets
//! `#[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]`.
//!
//! progenitor can add a derive (`GenerationSettings::with_derive`), but only
//! unconditionally, and a client should not make every user compile
//! schemars. The derive reads the same `serde` attributes as serialization
//! (renames, untagged variants, defaults), so the schema describes the JSON
//! the type reads and writes.

use syn::{parse_quote, Attribute, Item};

use crate::open_enums::{derives, last_is};

/// The attribute added to every generated type.
fn attribute() -> Attribute {
    parse_quote!(#[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))])
}

/// Adds the attribute to every struct and enum that derives serde's traits
/// in `file`; returns how many.
pub fn apply(file: &mut syn::File) -> usize {
    derive_in(&mut file.items)
}

fn derive_in(items: &mut [Item]) -> usize {
    let mut count = 0;
    for item in items {
        let attrs = match item {
            Item::Mod(module) => {
                if let Some((_, inner)) = &mut module.content {
                    count += derive_in(inner);
                }
                continue;
            }
            Item::Struct(s) => &mut s.attrs,
            Item::Enum(e) => &mut e.attrs,
            _ => continue,
        };
        if derives_serde(attrs) {
            attrs.push(attribute());
            count += 1;
        }
    }
    count
}

fn derives_serde(attrs: &[Attribute]) -> bool {
    derives(attrs)
        .iter()
        .any(|p| last_is(p, "Serialize") || last_is(p, "Deserialize"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serde_types_get_the_derive_behind_the_feature() {
        let mut file: syn::File = parse_quote! {
            pub mod types {
                #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug)]
                pub struct Post { pub id: String }
                #[derive(::serde::Deserialize, Clone, Copy)]
                pub enum Status { A }
                #[derive(Clone, Debug)]
                pub struct Client;
                pub mod error {
                    #[derive(Debug)]
                    pub struct ConversionError;
                }
            }
            #[derive(Clone, Debug)]
            pub struct Client;
        };
        assert_eq!(apply(&mut file), 2);
        let text = prettyplease::unparse(&file);
        assert_eq!(
            text.matches("#[cfg_attr(feature = \"schemars\", derive(::schemars::JsonSchema))]")
                .count(),
            2,
            "{text}"
        );
    }
}
