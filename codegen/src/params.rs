//! Named parameters: what a caller types is never a row of `None`s.
//!
//! progenitor's positional style passes every parameter as its own
//! argument, path parameters first, then query and header parameters in
//! alphabetical order, then the body; its builder style names them but
//! checks required ones only at `send()` and costs about three times the
//! lines. This step keeps the positional method and moves every query,
//! header and form-field argument into one struct per operation,
//! `params::<Operation>Params`:
//!
//! - its constructor `new` takes exactly the required ones, in the order the
//!   description lists them, so forgetting one is a compile error;
//! - each optional one has a chained setter named after it, taking the
//!   value itself (`.limit(50)`, not `Some(50)`);
//! - it is `#[non_exhaustive]`, so `new` and the setters are the only way
//!   to build one outside the crate. That is what keeps a parameter the
//!   provider adds later from breaking a caller: an optional one is one
//!   more setter, which no existing call names. (Fields stay public to
//!   read and to assign, which does not break either.)
//!
//! What stays positional is what identifies the resource or is the request
//! itself: the path parameters in path order, then the body (a form's
//! required fields are the body). Where those and the struct are more than
//! [`MAX_POSITIONAL`], everything but the body moves into the struct's
//! constructor too.
//!
//! The method's body is left as progenitor wrote it: the struct is taken
//! apart at the top into locals of the names and types the old arguments
//! had. Every argument, positional or named, gets one line of
//! documentation from the facts of the description (where it is sent,
//! whether it is required, format, bounds, default).

use std::collections::BTreeMap;

use heck::{ToSnakeCase, ToUpperCamelCase};
use proc_macro2::TokenStream;
use quote::{format_ident, quote, ToTokens};
use serde_json::Value;
use syn::{FnArg, Item, Type};

use crate::refs::resolve;
use crate::syntax::{client_methods_mut, is_ident, last_ident, option_of, types_name, vec_item};

/// No generated method takes more positional arguments than this.
pub const MAX_POSITIONAL: usize = 4;

/// What the description says of one input of one operation.
#[derive(Debug, Clone)]
struct Input {
    /// The name on the wire.
    name: String,
    /// `path`, `query`, `header`, `cookie`, or `form` for a form field.
    location: String,
    required: bool,
    /// One line of facts for the documentation.
    facts: String,
    /// What the description says the input is for, on one line.
    purpose: Option<String>,
}

/// Operation id -> its inputs in the description's order.
#[derive(Debug, Default)]
pub struct Inputs(BTreeMap<String, Vec<Input>>);

impl Inputs {
    /// Reads every operation's parameters (path-level ones after the
    /// operation's own, which override them) and form fields from the
    /// document, before the form bodies are taken out of it.
    pub fn read(doc: &Value) -> Inputs {
        let mut out = BTreeMap::new();
        let Some(paths) = doc.get("paths").and_then(Value::as_object) else {
            return Inputs(out);
        };
        let components = doc.get("components").unwrap_or(&Value::Null);
        for item in paths.values().filter_map(Value::as_object) {
            let shared = item.get("parameters").and_then(Value::as_array);
            for op in item.values().filter_map(Value::as_object) {
                let Some(id) = op.get("operationId").and_then(Value::as_str) else {
                    continue;
                };
                let mut inputs: Vec<Input> = Vec::new();
                for parameter in op
                    .get("parameters")
                    .and_then(Value::as_array)
                    .into_iter()
                    .chain(shared)
                    .flatten()
                {
                    let parameter = resolve(components, parameter);
                    let (Some(name), Some(location)) = (
                        parameter.get("name").and_then(Value::as_str),
                        parameter.get("in").and_then(Value::as_str),
                    ) else {
                        continue;
                    };
                    if inputs
                        .iter()
                        .any(|i| i.name == name && i.location == location)
                    {
                        continue;
                    }
                    let written = parameter.get("schema").unwrap_or(&Value::Null);
                    inputs.push(Input {
                        name: name.to_string(),
                        location: location.to_string(),
                        required: parameter.get("required").and_then(Value::as_bool) == Some(true),
                        facts: facts(components, written, resolve(components, written)),
                        purpose: purpose(parameter),
                    });
                }
                if let Some(form) = op
                    .get("requestBody")
                    .and_then(|b| b.pointer("/content/multipart~1form-data/schema"))
                {
                    inputs.extend(form_fields(components, form));
                }
                out.insert(id.to_snake_case(), inputs);
            }
        }
        Inputs(out)
    }
}

/// A form's fields, from the same reading the form's method is built from.
fn form_fields(components: &Value, schema: &Value) -> Vec<Input> {
    crate::multipart::form_properties(components, schema)
        .into_iter()
        .map(|(name, property, required)| Input {
            name: name.clone(),
            location: "form".into(),
            required,
            facts: facts(components, property, resolve(components, property)),
            purpose: purpose(property),
        })
        .collect()
}

/// A short, factual description of a schema: its type or format, the
/// named type it refers to, its bounds and default.
fn facts(components: &Value, written: &Value, schema: &Value) -> String {
    let mut parts: Vec<String> = Vec::new();
    if let Some(name) = written
        .get("$ref")
        .and_then(Value::as_str)
        .and_then(|r| r.rsplit('/').next())
    {
        // The named type documents its own values and bounds.
        return format!("`{name}`");
    }
    let kind = schema.get("type").and_then(Value::as_str);
    let format = schema.get("format").and_then(Value::as_str);
    match (kind, format) {
        (Some("array"), _) => {
            let items = schema.get("items").unwrap_or(&Value::Null);
            let inner = facts(components, items, resolve(components, items));
            parts.push(format!("a list of {}", inner.trim_start_matches("a ")));
        }
        (_, Some("binary")) => parts.push("a file".into()),
        (Some(kind), Some(format)) => parts.push(format!("{kind}, {format}")),
        (Some(kind), None) => parts.push(kind.to_string()),
        (None, _) => {}
    }
    if let Some(values) = schema.get("enum").and_then(Value::as_array) {
        let listed: Vec<String> = values.iter().take(6).map(|v| format!("`{v}`")).collect();
        let more = if values.len() > 6 { ", …" } else { "" };
        parts.push(format!("one of {}{more}", listed.join(", ")));
    }
    let bound = |key: &str| schema.get(key).filter(|v| v.is_number() || v.is_string());
    match (
        bound("minimum")
            .or(bound("minLength"))
            .or(bound("minItems")),
        bound("maximum")
            .or(bound("maxLength"))
            .or(bound("maxItems")),
    ) {
        (Some(lo), Some(hi)) => parts.push(format!("{lo} to {hi}")),
        (Some(lo), None) => parts.push(format!("at least {lo}")),
        (None, Some(hi)) => parts.push(format!("at most {hi}")),
        (None, None) => {}
    }
    if let Some(default) = schema.get("default") {
        parts.push(format!("default `{default}`"));
    }
    parts.join(", ")
}

/// How a named argument is held in its struct and given back to the
/// method's body.
struct Named {
    ident: syn::Ident,
    /// The field's type.
    owned: Type,
    /// The local the body reads, from the field (`team_id.as_str()`).
    rebind: Option<TokenStream>,
    /// A required argument is a constructor argument; the rest default.
    required: bool,
    /// The setter's or constructor's argument type.
    arg: TokenStream,
    /// How that argument becomes the value (before `Some`).
    convert: Convert,
    /// Its line of documentation.
    doc: String,
}

/// Rewrites every method of the client's inherent `impl` block; returns
/// how many now take a parameters struct.
pub fn apply(file: &mut syn::File, inputs: &Inputs) -> usize {
    let mut structs: Vec<Item> = Vec::new();
    for method in client_methods_mut(file) {
        let name = method.sig.ident.to_string();
        let described = inputs.0.get(&name).map(Vec::as_slice).unwrap_or_default();
        if let Some(items) = rewrite(method, described) {
            structs.extend(items);
        }
    }
    let count = structs
        .iter()
        .filter(|i| matches!(i, Item::Struct(_)))
        .count();
    if count > 0 {
        file.items.push(syn::parse_quote! {
            /// The named parameters of each operation that has query,
            /// header or form-field parameters: build one with `new` (the
            /// required ones) and its setters (the optional ones).
            pub mod params {
                #[allow(unused_imports)]
                use super::types;
                #(#structs)*
            }
        });
    }
    count
}

/// The argument's name without a raw-identifier prefix or the `_` progenitor
/// adds to a keyword, as the description's name becomes in snake case.
fn plain(ident: &syn::Ident) -> String {
    ident
        .to_string()
        .trim_start_matches("r#")
        .trim_end_matches('_')
        .to_string()
}

fn find<'i>(described: &'i [Input], ident: &syn::Ident) -> Option<&'i Input> {
    let wanted = plain(ident);
    described.iter().find(|i| i.name.to_snake_case() == wanted)
}

/// Rewrites one method; returns the items its parameters struct needs.
fn rewrite(method: &mut syn::ImplItemFn, described: &[Input]) -> Option<Vec<Item>> {
    let path_args = path_arguments(&method.block);
    // Each argument with its name; a pattern that is not a plain name is
    // not progenitor's, and the method is left as it is.
    let mut positional: Vec<(syn::Ident, syn::PatType)> = Vec::new();
    let mut named: Vec<(syn::Ident, syn::PatType)> = Vec::new();
    for input in &method.sig.inputs {
        let FnArg::Typed(t) = input else { continue };
        let syn::Pat::Ident(p) = &*t.pat else {
            return None;
        };
        // A required form field is part of the body: positional too.
        let body_field = find(described, &p.ident).is_some_and(|i| i.location == "form")
            && option_of(&t.ty).is_none()
            && vec_item(&t.ty).is_none()
            && !matches!(&*t.ty, Type::Reference(r) if matches!(&*r.elem, Type::Slice(_)));
        let argument = (p.ident.clone(), t.clone());
        if path_args.contains(&p.ident.to_string()) || p.ident == "body" || body_field {
            positional.push(argument);
        } else {
            named.push(argument);
        }
    }
    // The params struct is an argument too.
    let room = MAX_POSITIONAL - usize::from(!named.is_empty());
    if positional.len() > room {
        // All but the body move to the constructor.
        let (body, rest): (Vec<_>, Vec<_>) = positional
            .into_iter()
            .partition(|(ident, _)| ident == "body");
        positional = body;
        named.splice(0..0, rest);
    }
    let mut lines: Vec<String> = positional
        .iter()
        .map(|(ident, t)| {
            if ident == "body" {
                format!(
                    "- `body`: the request body, {}",
                    doc_type(&t.ty).unwrap_or_else(|| "its bytes".into())
                )
            } else {
                format!("- `{ident}`: {}", describe(find(described, ident), "path"))
            }
        })
        .collect();
    if named.is_empty() {
        push_doc(method, &lines);
        return None;
    }

    let mut fields: Vec<Named> = named
        .iter()
        .map(|(ident, t)| self::named(ident.clone(), &t.ty, find(described, ident)))
        .collect();
    // The description's order, not progenitor's alphabetical one.
    let rank = |f: &Named| {
        described
            .iter()
            .position(|i| i.name.to_snake_case() == plain(&f.ident))
            .unwrap_or(usize::MAX)
    };
    fields.sort_by_key(|f| (rank(f) == usize::MAX, rank(f)));

    let struct_ident = format_ident!(
        "{}Params",
        method.sig.ident.to_string().to_upper_camel_case()
    );
    let items = params_struct(&struct_ident, &method.sig.ident, &fields);

    // The new signature: positional arguments, then the struct.
    let receiver = method.sig.inputs.first().cloned();
    method.sig.inputs = receiver.into_iter().collect();
    for (_, t) in positional {
        method.sig.inputs.push(FnArg::Typed(t));
    }
    method
        .sig
        .inputs
        .push(syn::parse_quote!(params: params::#struct_ident));

    // The body reads the locals the arguments were.
    let idents: Vec<&syn::Ident> = fields.iter().map(|f| &f.ident).collect();
    let mut prelude: Vec<syn::Stmt> =
        vec![syn::parse_quote!(let params::#struct_ident { #(#idents),* } = params;)];
    for field in &fields {
        if let Some(rebind) = &field.rebind {
            let ident = &field.ident;
            prelude.push(syn::parse_quote!(let #ident = #rebind;));
        }
    }
    prelude.append(&mut method.block.stmts);
    method.block.stmts = prelude;

    let where_sent = fields
        .iter()
        .map(
            |f| match find(described, &f.ident).map(|i| i.location.as_str()) {
                Some("path") => "path",
                Some("header") => "header",
                Some("form") => "form-field",
                Some("cookie") => "cookie",
                _ => "query",
            },
        )
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect::<Vec<_>>()
        .join(", ");
    lines.push(format!(
        "- `params`: the {where_sent} parameters, [`params::{struct_ident}`]"
    ));
    push_doc(method, &lines);
    Some(items)
}

fn push_doc(method: &mut syn::ImplItemFn, lines: &[String]) {
    if lines.is_empty() {
        return;
    }
    // A list of the arguments after progenitor's doc block, which already
    // ends with a blank line.
    for line in lines {
        let line = format!(" {line}");
        method.attrs.push(syn::parse_quote!(#[doc = #line]));
    }
}

/// One line for an input: where it is sent, under which name, required or
/// not, and the facts of its schema.
fn describe(input: Option<&Input>, fallback: &str) -> String {
    let Some(input) = input else {
        return format!("{fallback} parameter");
    };
    let place = match input.location.as_str() {
        "form" => "form field".to_string(),
        other => format!("{other} parameter"),
    };
    let need = if input.required || input.location == "path" {
        "required"
    } else {
        "optional"
    };
    let head = if input.facts.is_empty() {
        format!("{place} `{}`, {need}", input.name)
    } else {
        format!("{place} `{}`, {need}: {}", input.name, input.facts)
    };
    match &input.purpose {
        Some(purpose) if purpose.ends_with(['.', '!', '?', ')']) => format!("{head}. {purpose}"),
        Some(purpose) => format!("{head}. {purpose}."),
        None => head,
    }
}

/// A parameter's or form field's own `description`, its lines joined, so
/// the argument's documentation says what it is for and not only its type.
fn purpose(described: &Value) -> Option<String> {
    let text = described.get("description").and_then(Value::as_str)?;
    let line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    (!line.is_empty()).then_some(line)
}

/// `&'a types::Body` -> "[`types::Body`]".
fn doc_type(ty: &Type) -> Option<String> {
    if let Some(name) = types_name(ty) {
        return Some(format!("[`types::{name}`]"));
    }
    let inner = match ty {
        Type::Reference(r) => &*r.elem,
        other => other,
    };
    match inner {
        Type::Path(p) if p.path.segments.len() == 1 && p.path.segments[0].ident == "B" => None,
        other => Some(format!("`{}`", other.to_token_stream())),
    }
}

/// The identifiers progenitor passes to `encode_path(..)` in the URL's
/// `format!`: the method's path parameters.
fn path_arguments(block: &syn::Block) -> Vec<String> {
    fn walk(tokens: TokenStream, out: &mut Vec<String>) {
        let tokens: Vec<proc_macro2::TokenTree> = tokens.into_iter().collect();
        for (i, token) in tokens.iter().enumerate() {
            match token {
                proc_macro2::TokenTree::Ident(name) if name == "encode_path" => {
                    if let Some(proc_macro2::TokenTree::Group(group)) = tokens.get(i + 1) {
                        let first = group.stream().into_iter().find_map(|t| match t {
                            proc_macro2::TokenTree::Ident(i) => Some(i.to_string()),
                            _ => None,
                        });
                        out.extend(first);
                    }
                }
                proc_macro2::TokenTree::Group(group) => walk(group.stream(), out),
                _ => {}
            }
        }
    }
    let mut out = Vec::new();
    walk(block.to_token_stream(), &mut out);
    out
}

/// How a setter's or constructor's argument becomes the field's value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Convert {
    /// The value itself.
    Plain,
    /// `value.into()` (a `String` from `&str` or `String`).
    Into,
    /// `value.into_iter().collect()` (a `Vec` from an array, a `Vec`, an
    /// iterator).
    Collect,
}

impl Convert {
    fn apply(self, value: &syn::Ident) -> TokenStream {
        match self {
            Convert::Plain => quote!(#value),
            Convert::Into => quote!(#value.into()),
            Convert::Collect => quote!(#value.into_iter().collect()),
        }
    }
}

/// How one argument of type `ty` is held, set and given back.
fn named(ident: syn::Ident, ty: &Type, input: Option<&Input>) -> Named {
    let doc = describe(input, "query");
    let field = |owned: Type, rebind: Option<TokenStream>, required: bool, value: &Type| {
        let (arg, convert) = setter_for(value);
        Named {
            ident: ident.clone(),
            owned,
            rebind,
            required,
            arg,
            convert,
            doc: doc.clone(),
        }
    };
    let string: Type = syn::parse_quote!(::std::string::String);
    match ty {
        // `&'a str`
        Type::Reference(r) if is_ident(&r.elem, "str") => {
            field(string.clone(), Some(quote!(#ident.as_str())), true, &string)
        }
        // `&'a [T]` of a repeated form field: empty sends nothing.
        Type::Reference(r) if matches!(&*r.elem, Type::Slice(_)) => {
            let Type::Slice(slice) = &*r.elem else {
                unreachable!()
            };
            let item = &slice.elem;
            let owned: Type = syn::parse_quote!(::std::vec::Vec<#item>);
            field(
                owned.clone(),
                Some(quote!(#ident.as_slice())),
                false,
                &owned,
            )
        }
        // `&'a T`
        Type::Reference(r) => field((*r.elem).clone(), Some(quote!(&#ident)), true, &r.elem),
        ty => match option_of(ty) {
            Some(Type::Reference(r)) if is_ident(&r.elem, "str") => field(
                syn::parse_quote!(::std::option::Option<#string>),
                Some(quote!(#ident.as_deref())),
                false,
                &string,
            ),
            Some(Type::Reference(r)) => {
                let elem = &r.elem;
                field(
                    syn::parse_quote!(::std::option::Option<#elem>),
                    Some(quote!(#ident.as_ref())),
                    false,
                    elem,
                )
            }
            Some(inner) => field(ty.clone(), None, false, inner),
            // A repeated form field of files: empty sends nothing.
            None if vec_item(ty).is_some() => field(ty.clone(), None, false, ty),
            None => field(ty.clone(), None, true, ty),
        },
    }
}

/// The argument a setter or constructor takes for a value of type `ty`: a
/// string anything that converts into one, a list any iterator of its
/// items (an array literal, a `Vec`), anything else the value itself.
fn setter_for(ty: &Type) -> (TokenStream, Convert) {
    if let Some(item) = vec_item(ty) {
        return (quote!(impl IntoIterator<Item = #item>), Convert::Collect);
    }
    if last_ident(ty).is_some_and(|s| s == "String") {
        return (quote!(impl Into<::std::string::String>), Convert::Into);
    }
    (ty.to_token_stream(), Convert::Plain)
}

/// Setter names that would shadow what every struct has.
const TAKEN: &[&str] = &["new", "default", "clone", "fmt", "into", "from"];

/// The struct, its constructor and setters.
fn params_struct(name: &syn::Ident, operation: &syn::Ident, fields: &[Named]) -> Vec<Item> {
    let required: Vec<&Named> = fields.iter().filter(|f| f.required).collect();
    let defaults = required.is_empty();
    let field_defs = fields.iter().map(|f| {
        let (ident, owned, doc) = (&f.ident, &f.owned, format!(" {}", f.doc));
        quote! { #[doc = #doc] pub #ident: #owned }
    });
    let new_args = required.iter().map(|f| {
        let (ident, arg) = (&f.ident, &f.arg);
        quote!(#ident: #arg)
    });
    let new_values = fields.iter().map(|f| {
        let ident = &f.ident;
        if f.required {
            let value = f.convert.apply(ident);
            quote!(#ident: #value)
        } else {
            quote!(#ident: ::std::default::Default::default())
        }
    });
    let setters = fields.iter().filter(|f| !f.required).map(|f| {
        let ident = &f.ident;
        let plain = plain(ident);
        let setter = if TAKEN.contains(&plain.as_str()) {
            format_ident!("with_{}", plain)
        } else {
            ident.clone()
        };
        let arg = &f.arg;
        let value = f.convert.apply(&format_ident!("value"));
        // A repeated form field is a `Vec` (empty sends nothing), the
        // rest are `Option`s.
        let value = if option_of(&f.owned).is_some() {
            quote!(Some(#value))
        } else {
            value
        };
        let doc = format!(" Sets the {}", f.doc);
        quote! {
            #[doc = #doc]
            pub fn #setter(mut self, value: #arg) -> Self {
                self.#ident = #value;
                self
            }
        }
    });
    let struct_doc =
        format!(" The named parameters of [`Client::{operation}`](super::Client::{operation}).");
    let derive = if defaults {
        quote!(#[derive(Debug, Clone, Default)])
    } else {
        quote!(#[derive(Debug, Clone)])
    };
    let new_doc = if defaults {
        " No parameter is required: the same as `Default::default()`.".to_string()
    } else {
        let names: Vec<String> = required
            .iter()
            .map(|f| format!("`{}`", f.ident.to_string().trim_start_matches("r#")))
            .collect();
        format!(" The required parameters: {}.", names.join(", "))
    };
    let construct = if defaults {
        quote!(::std::default::Default::default())
    } else {
        quote!(Self { #(#new_values,)* })
    };
    vec![
        syn::parse_quote! {
            #[doc = #struct_doc]
            #derive
            #[non_exhaustive]
            pub struct #name { #(#field_defs,)* }
        },
        syn::parse_quote! {
            impl #name {
                #[doc = #new_doc]
                pub fn new(#(#new_args),*) -> Self {
                    #construct
                }
                #(#setters)*
            }
        },
    ]
}
