//! multipart/form-data request bodies, which progenitor 0.15 cannot bind.
//!
//! progenitor is given each such operation without its body, so it writes
//! the method (path and query parameters, hooks, typed answers and errors)
//! as for any other operation; then the body goes back in here: one
//! argument per form field, after the method's own, and the request sent
//! as the multipart form built from them.
//!
//! Field types, from each property's schema:
//! - a file (`type: string, format: binary`, or a branch of it in
//!   `oneOf`/`anyOf`): `FilePart` (bytes, file name, media type); an array
//!   of files: `Vec<FilePart>`, one part per file under the field's name;
//! - `string` (enums included): `&str`; `integer`: `i64`; `number`: `f64`;
//!   `boolean`: `bool`; an array of those: `&[String]`, one part each;
//! - anything else (objects, mixed unions): `&serde_json::Value`, sent as
//!   an `application/json` part (a JSON string as its bare text).
//!
//! A field the schema does not require (or marks nullable) is an `Option`
//! (arrays: empty means absent). `FilePart` is the including crate's
//! `crate::multipart::FilePart`, re-exported from the generated module.

use std::collections::BTreeMap;

use heck::ToSnakeCase;
use proc_macro2::TokenStream;
use quote::{format_ident, quote};
use serde_json::Value;
use syn::visit_mut::VisitMut;

use crate::refs::resolve;
use crate::syntax::client_methods_mut;

const FORM: &str = "multipart/form-data";

/// The form schema's extension naming the order of the method's field
/// arguments.
pub const FIELD_ORDER: &str = "x-social-clients-field-order";

/// How one form field is passed and sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    File,
    Files,
    Text,
    Integer,
    Number,
    Boolean,
    Texts,
    Json,
}

#[derive(Debug, Clone)]
struct Field {
    /// The name on the wire.
    name: String,
    kind: Kind,
    required: bool,
}

/// operation id -> its form fields, in the schema's order.
#[derive(Default)]
pub struct Forms(BTreeMap<String, Vec<Field>>);

impl Forms {
    /// Whether any operation has a form body.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// Takes the multipart request body out of every operation that has only
/// that kind of body (another media type would have been kept by the
/// normalizer instead), so progenitor generates the rest of the method.
pub fn take(doc: &mut Value) -> Forms {
    // Lent out of the document while its paths are changed, rather than
    // copied: a large description's components are most of it.
    let components = doc.get_mut("components").map(Value::take);
    let resolvable = components.as_ref().unwrap_or(&Value::Null);
    let mut forms = BTreeMap::new();
    for op in doc
        .get_mut("paths")
        .and_then(Value::as_object_mut)
        .into_iter()
        .flat_map(|paths| paths.values_mut())
        .filter_map(Value::as_object_mut)
        .flat_map(|item| item.values_mut())
        .filter_map(Value::as_object_mut)
    {
        let Some(id) = op.get("operationId").and_then(Value::as_str) else {
            continue;
        };
        let Some(form) = op
            .get("requestBody")
            .and_then(|b| b.get("content"))
            .and_then(|c| c.get(FORM))
            .map(|m| fields(resolvable, m.get("schema").unwrap_or(&Value::Null)))
        else {
            continue;
        };
        forms.insert(id.to_string(), form);
        op.remove("requestBody");
    }
    if let Some(components) = components {
        doc["components"] = components;
    }
    Forms(forms)
}

/// The form's fields: the properties of the (resolved) object schema,
/// `allOf` members merged, in the order `x-social-clients-field-order`
/// gives (an overlay sets it to keep a method's argument order), else in
/// the document's (the normalized spec's is alphabetical, as progenitor
/// orders query parameters).
fn fields(components: &Value, schema: &Value) -> Vec<Field> {
    let resolved = resolve(components, schema);
    let mut out = unordered_fields(components, resolved);
    if let Some(order) = resolved.get(FIELD_ORDER).and_then(Value::as_array) {
        let rank = |name: &str| {
            order
                .iter()
                .position(|n| n.as_str() == Some(name))
                .unwrap_or(order.len())
        };
        out.sort_by_key(|f| rank(&f.name));
    }
    out
}

fn unordered_fields(components: &Value, schema: &Value) -> Vec<Field> {
    form_properties(components, schema)
        .into_iter()
        .map(|(name, property, required)| {
            let property = resolve(components, property);
            let nullable = property.get("nullable").and_then(Value::as_bool) == Some(true);
            Field {
                name: name.clone(),
                kind: kind(components, property),
                required: required && !nullable,
            }
        })
        .collect()
}

/// A form schema's properties as written, `allOf` members merged (a later
/// one of the same name replaces an earlier one), each with whether the
/// schema requires it.
pub fn form_properties<'v>(
    components: &'v Value,
    schema: &'v Value,
) -> Vec<(&'v String, &'v Value, bool)> {
    let schema = resolve(components, schema);
    let mut out: Vec<(&String, &Value, bool)> = Vec::new();
    for member in schema
        .get("allOf")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        out.extend(form_properties(components, member));
    }
    let required: Vec<&str> = schema
        .get("required")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .collect();
    for (name, property) in schema
        .get("properties")
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
    {
        out.retain(|(kept, _, _)| *kept != name);
        out.push((name, property, required.contains(&name.as_str())));
    }
    out
}

fn kind(components: &Value, schema: &Value) -> Kind {
    let schema = resolve(components, schema);
    let branches: Vec<&Value> = ["oneOf", "anyOf"]
        .iter()
        .filter_map(|k| schema.get(*k).and_then(Value::as_array))
        .flatten()
        .map(|b| resolve(components, b))
        .collect();
    if !branches.is_empty() {
        let kinds: Vec<Kind> = branches.iter().map(|b| kind(components, b)).collect();
        return if kinds.contains(&Kind::Files) {
            Kind::Files
        } else if kinds.contains(&Kind::File) {
            Kind::File
        } else {
            Kind::Json
        };
    }
    match schema.get("type").and_then(Value::as_str) {
        Some("string") if schema.get("format").and_then(Value::as_str) == Some("binary") => {
            Kind::File
        }
        Some("string") => Kind::Text,
        Some("integer") => Kind::Integer,
        Some("number") => Kind::Number,
        Some("boolean") => Kind::Boolean,
        Some("array") => match schema.get("items").map(|i| kind(components, i)) {
            Some(Kind::File) => Kind::Files,
            Some(Kind::Text | Kind::Integer | Kind::Number | Kind::Boolean) => Kind::Texts,
            _ => Kind::Json,
        },
        _ => Kind::Json,
    }
}

/// Puts each form back into its generated method; returns how many.
pub fn apply(file: &mut syn::File, forms: &Forms) -> usize {
    if forms.is_empty() {
        return 0;
    }
    let mut count = 0;
    for method in client_methods_mut(file) {
        if let Some(fields) = forms.0.get(&method.sig.ident.to_string()) {
            rewrite(method, fields);
            count += 1;
        }
    }
    if count > 0 {
        file.items.push(syn::parse_quote! {
            /// The file type of this client's multipart/form-data operations.
            pub use crate::multipart::FilePart;
        });
    }
    count
}

fn rewrite(method: &mut syn::ImplItemFn, fields: &[Field]) {
    let taken: Vec<String> = method
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
    let mut parts = Vec::new();
    let mut names = Vec::new();
    for field in fields {
        let ident = argument_ident(&field.name, &taken, &names);
        names.push(ident.to_string());
        let ty = argument_type(field);
        method.sig.inputs.push(syn::parse_quote!(#ident: #ty));
        parts.push(part(field, &ident));
    }
    let listed = fields
        .iter()
        .map(|f| format!("`{}`", f.name))
        .collect::<Vec<_>>()
        .join(", ");
    let doc = format!(" The body is sent as multipart/form-data with the fields {listed}.");
    method.attrs.push(syn::parse_quote!(#[doc = ""]));
    method.attrs.push(syn::parse_quote!(#[doc = #doc]));
    let build: syn::Stmt = syn::parse_quote! {
        #[allow(unused_mut)]
        let mut form = ::reqwest::multipart::Form::new();
    };
    let mut statements = vec![build];
    for part in parts {
        statements.push(syn::parse_quote!(#part));
    }
    statements.append(&mut method.block.stmts);
    method.block.stmts = statements;
    AttachForm.visit_block_mut(&mut method.block);
}

/// The field's argument name: progenitor's style (snake case, keywords
/// suffixed), kept apart from the method's other arguments.
fn argument_ident(name: &str, taken: &[String], named: &[String]) -> syn::Ident {
    let mut base: String = name
        .to_snake_case()
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    if base.is_empty() || base.starts_with(|c: char| c.is_ascii_digit()) {
        base = format!("field_{base}");
    }
    if syn::parse_str::<syn::Ident>(&base).is_err() || base == "self" || base == "form" {
        base.push('_');
    }
    let mut candidate = base.clone();
    let mut n = 2;
    while taken.contains(&candidate) || named.contains(&candidate) {
        candidate = format!("{base}_{n}");
        n += 1;
    }
    format_ident!("{}", candidate)
}

fn argument_type(field: &Field) -> TokenStream {
    let file = quote!(crate::multipart::FilePart);
    let one = match field.kind {
        Kind::File => file,
        Kind::Files => return quote!(::std::vec::Vec<#file>),
        Kind::Texts => return quote!(&'a [::std::string::String]),
        Kind::Text => quote!(&'a str),
        Kind::Integer => quote!(i64),
        Kind::Number => quote!(f64),
        Kind::Boolean => quote!(bool),
        Kind::Json => quote!(&'a ::serde_json::Value),
    };
    if field.required {
        one
    } else {
        quote!(::std::option::Option<#one>)
    }
}

/// The statement adding `ident`'s value(s) to `form`.
fn part(field: &Field, ident: &syn::Ident) -> TokenStream {
    let name = &field.name;
    let add = |value: TokenStream| match field.kind {
        Kind::File => quote! {
            form = form.part(#name, #value.into_part().map_err(Error::InvalidRequest)?);
        },
        Kind::Text | Kind::Integer | Kind::Number | Kind::Boolean => {
            quote!(form = form.text(#name, #value.to_string());)
        }
        // OpenAPI's default encoding of a non-scalar form field: a JSON
        // part (a JSON string goes as its bare text, like a text field).
        Kind::Json => quote! {
            form = match #value {
                ::serde_json::Value::String(text) => form.text(#name, text.clone()),
                other => form.part(
                    #name,
                    ::reqwest::multipart::Part::text(other.to_string())
                        .mime_str("application/json")
                        .map_err(|e| Error::InvalidRequest(e.to_string()))?,
                ),
            };
        },
        Kind::Files | Kind::Texts => unreachable!("repeated fields add one part per value"),
    };
    match field.kind {
        Kind::Files => quote! {
            for file in #ident {
                form = form.part(#name, file.into_part().map_err(Error::InvalidRequest)?);
            }
        },
        Kind::Texts => quote! {
            for value in #ident {
                form = form.text(#name, value.clone());
            }
        },
        _ if field.required => add(quote!(#ident)),
        _ => {
            let set = add(quote!(value));
            quote! {
                if let Some(value) = #ident {
                    #set
                }
            }
        }
    }
}

/// Adds `.multipart(form)` to the request builder, just before `.build()`.
struct AttachForm;

impl VisitMut for AttachForm {
    fn visit_expr_method_call_mut(&mut self, call: &mut syn::ExprMethodCall) {
        if call.method == "build" && call.args.is_empty() {
            let receiver = &call.receiver;
            let attached: syn::Expr = syn::parse_quote!(#receiver.multipart(form));
            *call.receiver = attached;
            return;
        }
        syn::visit_mut::visit_expr_method_call_mut(self, call);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn field_kinds_follow_the_schema() {
        let components = json!({"schemas": {"Purpose": {"type": "string", "enum": ["a", "b"]}}});
        let schema = json!({
            "type": "object",
            "required": ["file", "purpose", "n"],
            "properties": {
                "file": {"type": "string", "format": "binary"},
                "purpose": {"$ref": "#/components/schemas/Purpose"},
                "n": {"type": "integer"},
                "images": {"type": "array", "items": {"type": "string", "format": "binary"}},
                "tags": {"type": "array", "items": {"type": "string"}},
                "image": {"oneOf": [{"type": "string", "format": "binary"}, {"type": "string"}]},
                "meta": {"type": "object"},
                "stream": {"type": "boolean", "nullable": true}
            }
        });
        let got: Vec<(String, Kind, bool)> = fields(&components, &schema)
            .into_iter()
            .map(|f| (f.name, f.kind, f.required))
            .collect();
        let want = [
            ("file", Kind::File, true),
            ("image", Kind::File, false),
            ("images", Kind::Files, false),
            ("meta", Kind::Json, false),
            ("n", Kind::Integer, true),
            ("purpose", Kind::Text, true),
            ("stream", Kind::Boolean, false),
            ("tags", Kind::Texts, false),
        ];
        let want: Vec<(String, Kind, bool)> = want
            .iter()
            .map(|(n, k, r)| (n.to_string(), *k, *r))
            .collect();
        assert_eq!(got, want);
        let mut ordered = schema.clone();
        ordered[FIELD_ORDER] = json!(["purpose", "file"]);
        let names: Vec<String> = fields(&components, &ordered)
            .into_iter()
            .map(|f| f.name)
            .collect();
        assert_eq!(&names[..3], ["purpose", "file", "image"]);
    }

    #[test]
    fn a_form_operation_becomes_a_method_with_one_argument_per_field() {
        let spec = json!({
            "openapi": "3.0.3",
            "info": {"title": "t", "version": "1"},
            "paths": {"/files/{folder}": {"post": {
                "operationId": "upload",
                "parameters": [{"name": "folder", "in": "path", "required": true, "schema": {"type": "string"}}],
                "requestBody": {"content": {"multipart/form-data": {"schema": {
                    "type": "object", "required": ["file"],
                    "properties": {
                        "file": {"type": "string", "format": "binary"},
                        "attributes": {"type": "object"},
                        "overwrite": {"type": "boolean"}
                    }
                }}}},
                "responses": {"201": {"description": "ok", "content": {"application/json": {"schema": {"type": "object", "properties": {"id": {"type": "string"}}}}}}}
            }}}
        });
        let source = crate::generate(&spec.to_string(), crate::Style::Positional)
            .unwrap()
            .source;
        let compact: String = source.split_whitespace().collect();
        // The path parameter and the required file stay positional; the
        // optional fields are named parameters (params.rs).
        assert!(
            compact.contains(
                "folder:&'astr,file:crate::multipart::FilePart,params:params::UploadParams,"
            ),
            "{source}"
        );
        assert!(
            compact.contains("pubattributes:::std::option::Option<::serde_json::Value>,"),
            "{source}"
        );
        assert!(
            compact.contains("pubfnoverwrite(mutself,value:bool)->Self"),
            "{source}"
        );
        assert!(compact.contains(".multipart(form).build()?"), "{source}");
        assert!(
            compact.contains("form.part(\"file\",file.into_part()"),
            "{source}"
        );
        assert!(
            compact.contains(".mime_str(\"application/json\")"),
            "{source}"
        );
        assert!(
            compact.contains("pubusecrate::multipart::FilePart;"),
            "{source}"
        );
    }

    #[test]
    fn argument_names_never_clash() {
        let taken = vec!["team_id".to_string()];
        assert_eq!(
            argument_ident("teamId", &taken, &[]).to_string(),
            "team_id_2"
        );
        assert_eq!(argument_ident("type", &[], &[]).to_string(), "type_");
        assert_eq!(argument_ident("files[0]", &[], &[]).to_string(), "files_0");
        assert_eq!(argument_ident("3d", &[], &[]).to_string(), "field_3d");
        assert_eq!(argument_ident("form", &[], &[]).to_string(), "form_");
    }
}
