//! Integer fields that decode a whole `3.0` and refuse `3.5`.
//!
//! A count, a total or a status code is an integer in Rust (an overlay
//! retypes the ones a description calls `number`), but JSON does not tell
//! `3` from `3.0`, and some servers write the second. serde_json refuses
//! `3.0` for an `i64`; every plain integer field of the generated types
//! (`i64`, `u64`, `i32`, `u32`, and `Option`s of them) therefore decodes
//! through a helper that accepts any JSON number whose value is whole and
//! fits, and refuses the rest with "expected a whole number" (the client's
//! decoding errors name the field: `field_errors.rs`). Encoding is
//! unchanged. typify has no setting for this.

use quote::quote;
use syn::{Fields, Item, Type};

use crate::syntax::{option_of, types_module};

/// Rewrites every plain integer field of `types`; returns how many.
pub fn apply(file: &mut syn::File) -> usize {
    let Some(types) = types_module(file) else {
        return 0;
    };
    let mut count = 0;
    let mut options = false;
    for item in types.iter_mut() {
        let Item::Struct(s) = item else { continue };
        let Fields::Named(fields) = &mut s.fields else {
            continue;
        };
        for field in &mut fields.named {
            let helper = if is_integer(&field.ty) {
                "whole::int"
            } else if option_of(&field.ty).is_some_and(is_integer) {
                options = true;
                "whole::option"
            } else {
                continue;
            };
            set_deserialize_with(&mut field.attrs, helper);
            count += 1;
        }
    }
    if count > 0 {
        types.push(helper_module(options));
    }
    count
}

fn is_integer(ty: &Type) -> bool {
    matches!(ty, Type::Path(p) if ["i64", "u64", "i32", "u32"].iter().any(|n| p.path.is_ident(n)))
}

/// Sets `deserialize_with = helper` in the field's `#[serde(..)]`. It
/// replaces one typify wrote (`Option::deserialize` of a required, nullable
/// field: the key stays required); an `Option` field without one was
/// optional, which serde forgets under `deserialize_with` unless told
/// `default`.
fn set_deserialize_with(attrs: &mut Vec<syn::Attribute>, helper: &str) {
    let setting: syn::Meta = syn::parse_quote!(deserialize_with = #helper);
    let default: syn::Meta = syn::parse_quote!(default);
    let option = helper.ends_with("option");
    for attr in attrs.iter_mut().filter(|a| a.path().is_ident("serde")) {
        let Ok(list) = attr.parse_args_with(
            syn::punctuated::Punctuated::<syn::Meta, syn::Token![,]>::parse_terminated,
        ) else {
            continue;
        };
        let required = list.iter().any(|m| m.path().is_ident("deserialize_with"));
        let mut list: syn::punctuated::Punctuated<syn::Meta, syn::Token![,]> = list
            .into_iter()
            .filter(|m| !m.path().is_ident("deserialize_with"))
            .collect();
        if option && !required && !list.iter().any(|m| m.path().is_ident("default")) {
            list.push(default.clone());
        }
        list.push(setting);
        *attr = syn::parse_quote!(#[serde(#list)]);
        return;
    }
    if option {
        attrs.push(syn::parse_quote!(#[serde(#default, #setting)]));
    } else {
        attrs.push(syn::parse_quote!(#[serde(#setting)]));
    }
}

fn helper_module(options: bool) -> Item {
    // The `Option` decoder only where an `Option` field uses it, so no
    // client carries dead code.
    let nullable = options.then(|| {
        quote! {
            struct Nullable<T>(::std::marker::PhantomData<T>);

            impl<'de, T: ::std::convert::TryFrom<i64> + ::std::convert::TryFrom<u64>> Visitor<'de> for Nullable<T> {
                type Value = Option<T>;
                fn expecting(&self, f: &mut ::std::fmt::Formatter) -> ::std::fmt::Result {
                    f.write_str("a whole number or null")
                }
                fn visit_none<E: Error>(self) -> Result<Option<T>, E> {
                    Ok(None)
                }
                fn visit_unit<E: Error>(self) -> Result<Option<T>, E> {
                    Ok(None)
                }
                fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Option<T>, D::Error> {
                    int(d).map(Some)
                }
            }

            pub(super) fn option<'de, D, T>(d: D) -> Result<Option<T>, D::Error>
            where
                D: Deserializer<'de>,
                T: ::std::convert::TryFrom<i64> + ::std::convert::TryFrom<u64>,
            {
                d.deserialize_option(Nullable(::std::marker::PhantomData))
            }
        }
    });
    syn::parse_quote! {
        /// Decoders of whole numbers that a server may write as `3.0`.
        mod whole {
            use ::serde::de::{Deserializer, Error, Unexpected, Visitor};

            struct Whole<T>(::std::marker::PhantomData<T>);

            impl<'de, T: ::std::convert::TryFrom<i64> + ::std::convert::TryFrom<u64>> Visitor<'de> for Whole<T> {
                type Value = T;
                fn expecting(&self, f: &mut ::std::fmt::Formatter) -> ::std::fmt::Result {
                    f.write_str("a whole number")
                }
                fn visit_i64<E: Error>(self, v: i64) -> Result<T, E> {
                    T::try_from(v).map_err(|_| E::invalid_value(Unexpected::Signed(v), &self))
                }
                fn visit_u64<E: Error>(self, v: u64) -> Result<T, E> {
                    T::try_from(v).map_err(|_| E::invalid_value(Unexpected::Unsigned(v), &self))
                }
                fn visit_f64<E: Error>(self, v: f64) -> Result<T, E> {
                    // Whole and within i64: 2^63 is exactly representable,
                    // so `<` keeps the cast from saturating.
                    if v.fract() == 0.0 && v >= -9_223_372_036_854_775_808.0 && v < 9_223_372_036_854_775_808.0 {
                        self.visit_i64(v as i64)
                    } else {
                        Err(E::invalid_value(Unexpected::Float(v), &self))
                    }
                }
            }

            pub(super) fn int<'de, D, T>(d: D) -> Result<T, D::Error>
            where
                D: Deserializer<'de>,
                T: ::std::convert::TryFrom<i64> + ::std::convert::TryFrom<u64>,
            {
                d.deserialize_any(Whole(::std::marker::PhantomData))
            }

            #nullable
        }
    }
}
