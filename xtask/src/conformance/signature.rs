//! The generated client's operation methods, read back from the source
//! progenitor produced, so the harness calls them with exactly the argument
//! types they take.

use quote::ToTokens;

/// One `pub async fn` of `impl Client`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Method {
    pub name: String,
    /// The positional arguments (path parameters, body).
    pub arguments: Vec<Argument>,
    /// The named parameters' struct, when the method takes one (last).
    pub params: Option<Params>,
    /// `T` of `ResponseValue<T>` when the answer is decoded JSON.
    pub success: Option<String>,
    /// `E` of `Error<E>` when error answers are decoded JSON.
    pub error: Option<String>,
}

/// A `params::<Operation>Params` struct: built with `new(required..)`,
/// then each optional field assigned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Params {
    /// The struct's name in the `params` module.
    pub name: String,
    /// The constructor's arguments, in its order (their `passing` is
    /// `ByValue`: it takes owned values).
    pub required: Vec<Argument>,
    /// The other fields, as `Option`s (or a `Vec` of files), assigned.
    pub optional: Vec<Argument>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Argument {
    /// The argument's name without a raw-identifier prefix (`type_`, `body`).
    pub name: String,
    pub passing: Passing,
    /// The owned type a sample is decoded into, as Rust source.
    pub owned: String,
}

/// How the owned sample is handed to the method.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Passing {
    /// `T`, `Option<T>`
    ByValue,
    /// `&'a T`, `&'a str` (from a `String`)
    ByRef,
    /// `Option<&'a str>` from `Option<String>`
    OptionDeref,
    /// `Option<&'a T>` from `Option<T>`
    OptionRef,
}

pub fn methods(source: &str) -> Result<Vec<Method>, String> {
    let file =
        syn::parse_file(source).map_err(|e| format!("generated code does not parse: {e}"))?;
    let structs = params_structs(&file);
    let mut out = Vec::new();
    for item in &file.items {
        let syn::Item::Impl(block) = item else {
            continue;
        };
        if block.trait_.is_some() || !is_client(&block.self_ty) {
            continue;
        }
        for inner in &block.items {
            let syn::ImplItem::Fn(f) = inner else {
                continue;
            };
            if f.sig.asyncness.is_none() || !matches!(f.vis, syn::Visibility::Public(_)) {
                continue;
            }
            // `B: Into<reqwest::Body>` of a raw body: the harness sends text.
            let generic: Vec<String> = f
                .sig
                .generics
                .type_params()
                .map(|p| p.ident.to_string())
                .collect();
            let mut arguments: Vec<Argument> = f
                .sig
                .inputs
                .iter()
                .filter_map(|input| match input {
                    syn::FnArg::Typed(t) => Some(argument(t, &generic)),
                    syn::FnArg::Receiver(_) => None,
                })
                .collect::<Result<_, _>>()?;
            let params =
                match arguments.last() {
                    Some(last) if last.name == "params" => {
                        let name = last
                            .owned
                            .trim_start_matches("params ::")
                            .trim()
                            .to_string();
                        arguments.pop();
                        Some(structs.get(&name).cloned().ok_or_else(|| {
                            format!("{}: no struct `params::{name}`", f.sig.ident)
                        })?)
                    }
                    _ => None,
                };
            let (success, error) = answer_types(&f.sig.output);
            out.push(Method {
                name: f.sig.ident.to_string(),
                arguments,
                params,
                success,
                error,
            });
        }
    }
    Ok(out)
}

/// The structs of the generated `params` module, by name: each field's
/// owned type, and which fields `new` takes.
fn params_structs(file: &syn::File) -> std::collections::BTreeMap<String, Params> {
    let mut out = std::collections::BTreeMap::new();
    let Some(items) = file.items.iter().find_map(|item| match item {
        syn::Item::Mod(m) if m.ident == "params" => m.content.as_ref().map(|(_, i)| i),
        _ => None,
    }) else {
        return out;
    };
    let mut required: std::collections::BTreeMap<String, Vec<String>> = Default::default();
    for item in items {
        let syn::Item::Impl(block) = item else {
            continue;
        };
        let Some(new) = block.items.iter().find_map(|i| match i {
            syn::ImplItem::Fn(f) if f.sig.ident == "new" => Some(f),
            _ => None,
        }) else {
            continue;
        };
        let names = new
            .sig
            .inputs
            .iter()
            .filter_map(|input| match input {
                syn::FnArg::Typed(t) => match &*t.pat {
                    syn::Pat::Ident(i) => Some(i.ident.to_string()),
                    _ => None,
                },
                syn::FnArg::Receiver(_) => None,
            })
            .collect();
        required.insert(tokens(&block.self_ty), names);
    }
    for item in items {
        let syn::Item::Struct(s) = item else { continue };
        let name = s.ident.to_string();
        let wanted = required.get(&name).cloned().unwrap_or_default();
        let mut fields: Vec<(String, Argument)> = s
            .fields
            .iter()
            .filter_map(|f| {
                let ident = f.ident.as_ref()?.to_string();
                let argument = Argument {
                    name: ident.trim_start_matches("r#").to_string(),
                    passing: Passing::ByValue,
                    owned: tokens(&f.ty),
                };
                Some((ident, argument))
            })
            .collect();
        let mut params = Params {
            name: name.clone(),
            required: Vec::new(),
            optional: Vec::new(),
        };
        for wanted in &wanted {
            if let Some(i) = fields.iter().position(|(ident, _)| ident == wanted) {
                params.required.push(fields.remove(i).1);
            }
        }
        params.optional = fields.into_iter().map(|(_, a)| a).collect();
        out.insert(name, params);
    }
    out
}

/// `Result<ResponseValue<T>, Error<E>>` -> `(T, E)`, each only when it is a
/// decoded type (not `()` or a byte stream).
fn answer_types(output: &syn::ReturnType) -> (Option<String>, Option<String>) {
    let syn::ReturnType::Type(_, ty) = output else {
        return (None, None);
    };
    let args = generic_args(ty, "Result");
    let inner = |i: usize, wrapper: &str| {
        args.get(i)
            .and_then(|t| generic_args(t, wrapper).first().copied())
            .map(tokens)
            .filter(|t| t != "()" && !t.contains("ByteStream"))
    };
    (inner(0, "ResponseValue"), inner(1, "Error"))
}

/// The type arguments of `ty` when its last path segment is `name`.
fn generic_args<'t>(ty: &'t syn::Type, name: &str) -> Vec<&'t syn::Type> {
    let syn::Type::Path(p) = ty else {
        return Vec::new();
    };
    let Some(last) = p.path.segments.last().filter(|s| s.ident == name) else {
        return Vec::new();
    };
    let syn::PathArguments::AngleBracketed(args) = &last.arguments else {
        return Vec::new();
    };
    args.args
        .iter()
        .filter_map(|a| match a {
            syn::GenericArgument::Type(t) => Some(t),
            _ => None,
        })
        .collect()
}

fn is_client(ty: &syn::Type) -> bool {
    matches!(ty, syn::Type::Path(p) if p.path.is_ident("Client"))
}

fn argument(t: &syn::PatType, generic: &[String]) -> Result<Argument, String> {
    let name = match &*t.pat {
        syn::Pat::Ident(i) => i.ident.to_string().trim_start_matches("r#").to_string(),
        other => return Err(format!("unexpected argument pattern {}", tokens(other))),
    };
    let is_generic = |ty: &syn::Type| matches!(ty, syn::Type::Path(p) if p.path.get_ident().is_some_and(|i| generic.iter().any(|g| i == g)));
    let (passing, owned) = match &*t.ty {
        ty if is_generic(ty) => (Passing::ByValue, "String".to_string()),
        // `&[T]` of a repeated form field: a `Vec<T>` derefs to it.
        syn::Type::Reference(r) if matches!(&*r.elem, syn::Type::Slice(_)) => {
            let syn::Type::Slice(slice) = &*r.elem else {
                unreachable!()
            };
            (Passing::ByRef, format!("Vec<{}>", tokens(&*slice.elem)))
        }
        syn::Type::Reference(r) => (Passing::ByRef, owned(&r.elem)),
        ty => match option_of(ty) {
            Some(syn::Type::Reference(r)) if is_str(&r.elem) => {
                (Passing::OptionDeref, "Option<String>".to_string())
            }
            Some(syn::Type::Reference(r)) => {
                (Passing::OptionRef, format!("Option<{}>", tokens(&*r.elem)))
            }
            _ => (Passing::ByValue, tokens(ty)),
        },
    };
    Ok(Argument {
        name,
        passing,
        owned,
    })
}

fn owned(ty: &syn::Type) -> String {
    if is_str(ty) {
        "String".into()
    } else {
        tokens(ty)
    }
}

fn is_str(ty: &syn::Type) -> bool {
    matches!(ty, syn::Type::Path(p) if p.path.is_ident("str"))
}

fn option_of(ty: &syn::Type) -> Option<&syn::Type> {
    let syn::Type::Path(p) = ty else { return None };
    let last = p.path.segments.last()?;
    if last.ident != "Option" {
        return None;
    }
    let syn::PathArguments::AngleBracketed(args) = &last.arguments else {
        return None;
    };
    match args.args.first()? {
        syn::GenericArgument::Type(inner) => Some(inner),
        _ => None,
    }
}

fn tokens(t: &impl ToTokens) -> String {
    t.to_token_stream().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_each_way_of_passing_an_argument() {
        let source = r#"
            impl Client {
                pub fn new() -> Self { todo!() }
                pub async fn op<'a>(&'a self, id: &'a str, r#type: types::Platform, limit: Option<i64>,
                    search: Option<&'a str>, when: Option<&'a chrono::DateTime<chrono::Utc>>, body: &'a types::Body)
                    -> Result<ResponseValue<types::Team>, Error<types::ApiError>> {}
                pub async fn gone<'a>(&'a self) -> Result<ResponseValue<()>, Error<()>> {}
            }
            impl ClientHooks for Client { async fn exec(&self) {} }
        "#;
        let found = methods(source).unwrap();
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].success.as_deref(), Some("types :: Team"));
        assert_eq!(found[0].error.as_deref(), Some("types :: ApiError"));
        assert_eq!(
            (found[1].success.as_deref(), found[1].error.as_deref()),
            (None, None)
        );
        let args: Vec<(&str, Passing, &str)> = found[0]
            .arguments
            .iter()
            .map(|a| (a.name.as_str(), a.passing, a.owned.as_str()))
            .collect();
        assert_eq!(
            args,
            [
                ("id", Passing::ByRef, "String"),
                ("type", Passing::ByValue, "types :: Platform"),
                ("limit", Passing::ByValue, "Option < i64 >"),
                ("search", Passing::OptionDeref, "Option<String>"),
                (
                    "when",
                    Passing::OptionRef,
                    "Option<chrono :: DateTime < chrono :: Utc >>"
                ),
                ("body", Passing::ByRef, "types :: Body"),
            ]
        );
    }
}
