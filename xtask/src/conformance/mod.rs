//! The conformance harness: for every operation of a normalized spec, Rust
//! code that calls the generated client's method with values valid for the
//! spec (its examples, else the simplest valid value), so an independent
//! validator (Prism) can judge the request and the client can decode the
//! answer. `cargo xtask generate` writes one file per provider to
//! `tests/conformance/<p>.rs`; `tests/conformance.rs` runs them.

mod prism_input;
mod sample;
mod signature;

pub use prism_input::prism_input;

use std::fmt::Write;

use serde_json::Value;

use crate::normalize::{names::snake_case, operations, response_schema};
use signature::{Argument, Passing};

/// Where the harness of `module` is written.
pub fn path(root: &std::path::Path, module: &str) -> std::path::PathBuf {
    root.join("tests/conformance").join(format!("{module}.rs"))
}

/// Where the typed sample answers of `module` are written (read by the
/// crate's `mock` feature: `<provider>::mock::samples`).
pub fn samples_path(root: &std::path::Path, module: &str) -> std::path::PathBuf {
    root.join("specs").join(module).join("samples.json")
}

/// The sample answers of one spec, as the harness sends them: the success
/// answer of every operation whose method decodes one (by method name),
/// and one error body. Pretty-printed with sorted keys, so a change to a
/// schema shows as a readable diff.
pub fn samples(spec: &Value, generated: &str) -> Result<String, String> {
    let methods = signature::methods(generated)?;
    let mut answers = serde_json::Map::new();
    let mut error = None;
    for (_, _, op) in operations(spec) {
        let Some(id) = op.get("operationId").and_then(Value::as_str) else {
            continue;
        };
        let Some(rust) = methods.iter().find(|m| m.name == id) else {
            continue;
        };
        if rust.success.is_some() {
            if let Some(schema) = response_schema(spec, op, true) {
                answers.insert(id.to_string(), sample::sample(spec, schema));
            }
        }
        if error.is_none() && rust.error.is_some() {
            error = response_schema(spec, op, false).map(|schema| sample::sample(spec, schema));
        }
    }
    let samples = serde_json::json!({ "answers": answers, "error": error });
    let mut text = serde_json::to_string_pretty(&samples).map_err(|e| e.to_string())?;
    text.push('\n');
    Ok(text)
}

/// The harness source for one spec: `spec` is the normalized document,
/// `generated` the client source progenitor made from it, `client` the Rust
/// path of the module holding that client (`social_clients::hooked`).
pub fn harness(name: &str, client: &str, spec: &Value, generated: &str) -> Result<String, String> {
    let methods = signature::methods(generated)?;
    let mut table = String::new();
    let mut dispatch = String::new();
    let mut functions = String::new();
    let mut bodies = String::new();
    for (path, method, op) in operations(spec) {
        let id = op
            .get("operationId")
            .and_then(Value::as_str)
            .ok_or_else(|| format!("{method} {path}: no operationId"))?;
        let Some(rust) = methods.iter().find(|m| m.name == id) else {
            return Err(format!("{id}: no generated method of that name"));
        };
        let errors: Vec<String> = op
            .get("responses")
            .and_then(Value::as_object)
            .into_iter()
            .flatten()
            .filter_map(|(code, _)| code.parse::<u16>().ok())
            .filter(|code| *code >= 400)
            .map(|c| c.to_string())
            .collect();
        let _ = writeln!(
            table,
            "Operation {{ id: {id:?}, method: {:?}, path: {path:?}, errors: &[{}] }},",
            method.to_uppercase(),
            errors.join(", ")
        );
        let _ = writeln!(dispatch, "{id:?} => {id}(client).await,");
        for (answer, rust_type, success) in [
            ("success", &rust.success, true),
            ("error", &rust.error, false),
        ] {
            let (Some(rust_type), Some(schema)) = (rust_type, response_schema(spec, op, success))
            else {
                continue;
            };
            let sampled = sample::sample_marked(spec, schema);
            let list = |pointers: &[String]| {
                pointers
                    .iter()
                    .map(|p| format!("{p:?}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            let _ = writeln!(
                bodies,
                "Body {{ operation: {id:?}, answer: {answer:?}, sample: {}, enums: &[{}], maps: &[{}], decode: decode::<{rust_type}> }},",
                raw_string(&sampled.value.to_string()),
                list(&sampled.enums),
                list(&sampled.maps)
            );
        }
        let mut body = String::new();
        let mut call = Vec::new();
        for argument in &rust.arguments {
            let value = sample_expr(client, spec, path, op, argument).ok_or_else(|| {
                format!("{id}: argument `{}` matches no parameter", argument.name)
            })?;
            let local = format!("a_{}", argument.name);
            let _ = writeln!(body, "let {local} = {value};");
            call.push(match argument.passing {
                Passing::ByValue => local,
                Passing::ByRef => format!("&{local}"),
                Passing::OptionDeref => format!("{local}.as_deref()"),
                Passing::OptionRef => format!("{local}.as_ref()"),
            });
        }
        if let Some(params) = &rust.params {
            // `new` with the required parameters, then each optional one
            // assigned (the fields are public).
            let mut required = Vec::new();
            for argument in &params.required {
                let value = sample_expr(client, spec, path, op, argument).ok_or_else(|| {
                    format!("{id}: parameter `{}` matches no parameter", argument.name)
                })?;
                let local = format!("p_{}", argument.name);
                let _ = writeln!(body, "let {local} = {value};");
                required.push(local);
            }
            let _ = writeln!(
                body,
                "let mut params = params::{}::new({});",
                params.name,
                required.join(", ")
            );
            for argument in &params.optional {
                let value = sample_expr(client, spec, path, op, argument).ok_or_else(|| {
                    format!("{id}: parameter `{}` matches no parameter", argument.name)
                })?;
                let _ = writeln!(body, "params.{} = {value};", field_ident(&argument.name));
            }
            call.push("params".into());
        }
        let _ = writeln!(
            functions,
            "async fn {id}(client: &Client) -> Result<Answer, Failure> {{\n{body}outcome(client.{id}({}).await).await\n}}",
            call.join(", ")
        );
    }
    let hand_written: Vec<String> = spec
        .pointer("/x-social-clients/unbound-operations")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|u| u.get("operation").and_then(Value::as_str))
        .map(|o| format!("{o:?}"))
        .collect();
    let params_import = if methods.iter().any(|m| m.params.is_some()) {
        "params, "
    } else {
        ""
    };
    let input = prism_input::prism_input(spec);
    let adaptations = input
        .adaptations
        .iter()
        .map(|a| format!("{a:?}"))
        .collect::<Vec<_>>()
        .join(", ");
    let prism_patch = serde_json::to_string(
        &prism_input::patch(spec, &input.document)
            .into_iter()
            .map(|(pointer, value)| match value {
                Some(value) => serde_json::json!([pointer, value]),
                None => serde_json::json!([pointer]),
            })
            .collect::<Vec<_>>(),
    )
    .map_err(|e| e.to_string())?;
    let source = format!(
        r#"
#![allow(clippy::all, unused_imports, unused_mut, dead_code)]
use {client}::{{{params_import}types, Client}};
use super::harness::{{decode, outcome, sample, Answer, Body, Failure, Operation}};

/// Every generated operation, with the error statuses the spec documents.
pub const OPERATIONS: &[Operation] = &[
{table}];

/// Every decoded answer type, with a body valid for it.
pub const BODIES: &[Body] = &[
{bodies}];

/// Operations bound by hand, which this harness does not call.
pub const HAND_WRITTEN: &[&str] = &[{}];

/// What Prism is given differs from the description here (see
/// `xtask/src/conformance/prism_input.rs`), one line each.
pub const PRISM_ADAPTATIONS: &[&str] = &[{adaptations}];

/// The same changes as `[pointer, value]` (`[pointer]` removes), JSON.
pub const PRISM_PATCH: &str = {prism_patch:?};

pub async fn call(client: &Client, operation: &str) -> Result<Answer, Failure> {{
    match operation {{
{dispatch}        other => Err(Failure(format!("no such operation `{{other}}`"))),
    }}
}}

{functions}"#,
        hand_written.join(", "),
    );
    let file = syn::parse_file(&source).map_err(|e| format!("harness does not parse: {e}"))?;
    Ok(format!(
        "// @generated by `cargo xtask` from {name}; do not edit.\n// Each operation called once with values valid for its schema; run by tests/conformance.rs.\n{}",
        prettyplease::unparse(&file)
    ))
}

/// The Rust expression of one argument's sample: a small file for a file,
/// else the sampled JSON decoded into the argument's owned type.
fn sample_expr(
    client: &str,
    spec: &Value,
    path: &str,
    op: &Value,
    argument: &Argument,
) -> Option<String> {
    if let Some(file) = file_sample(client, &argument.owned) {
        return Some(file);
    }
    let value = argument_sample(spec, path, op, argument)?;
    Some(format!(
        "sample::<{}>({:?}, {})?",
        argument.owned,
        argument.name,
        raw_string(&value.to_string())
    ))
}

/// A file argument of a form (`FilePart`, optional or repeated): a small
/// text file, built in Rust since a file is not JSON.
fn file_sample(client: &str, owned: &str) -> Option<String> {
    let compact: String = owned.chars().filter(|c| !c.is_whitespace()).collect();
    if !compact.ends_with("FilePart") && !compact.ends_with("FilePart>") {
        return None;
    }
    let one = format!(
        "{client}::FilePart::new(b\"sample\".to_vec(), \"sample.txt\").mime(\"text/plain\")"
    );
    Some(if compact.contains("Option<") {
        format!("Some({one})")
    } else if compact.contains("Vec<") {
        format!("vec![{one}]")
    } else {
        one
    })
}

/// The sample for one argument: the request body, the parameter whose
/// name progenitor turned into the argument's, or the form field the
/// codegen turned into it.
fn argument_sample(spec: &Value, path: &str, op: &Value, argument: &Argument) -> Option<Value> {
    parameter_sample(spec, path, op, argument).or_else(|| form_field_sample(spec, op, argument))
}

fn form_field_sample(spec: &Value, op: &Value, argument: &Argument) -> Option<Value> {
    let form = op.pointer("/requestBody/content/multipart~1form-data/schema")?;
    let (schema, _) = crate::normalize::pointer::resolve_schema(spec, form);
    let wanted = argument.name.trim_end_matches('_');
    let (_, property) = schema
        .get("properties")?
        .as_object()?
        .iter()
        .find(|(name, _)| snake_case(name) == wanted)?;
    Some(sample::sample(spec, property))
}

fn parameter_sample(spec: &Value, path: &str, op: &Value, argument: &Argument) -> Option<Value> {
    if argument.name == "body" {
        let schema = op
            .pointer("/requestBody/content")
            .and_then(Value::as_object)?
            .values()
            .next()?
            .get("schema")?;
        return Some(sample::sample(spec, schema));
    }
    let wanted = argument.name.trim_end_matches('_');
    let path_level = spec
        .pointer(&format!(
            "/paths/{}/parameters",
            crate::normalize::pointer::escape(path)
        ))
        .and_then(Value::as_array);
    let parameter = op
        .get("parameters")
        .and_then(Value::as_array)
        .into_iter()
        .chain(path_level)
        .flatten()
        .find(|p| {
            p.get("name")
                .and_then(Value::as_str)
                .is_some_and(|n| snake_case(n) == wanted)
        })?;
    let schema = parameter.get("schema")?;
    if let Some(example) = parameter
        .get("example")
        .filter(|e| sample::fits(spec, e, schema))
    {
        return Some(example.clone());
    }
    let mut value = sample::sample(spec, schema);
    // An exploded query array of one value (`?platforms=TIKTOK`) is valid,
    // but Prism takes it for a scalar when the array is nullable
    // (stoplightio/prism#2675); two values are unambiguous, and different
    // ones, since an array may ask for `uniqueItems`; unless it allows
    // only one (Box's `mdfilters`, a `[T; 1]` in Rust).
    let room_for_two = schema
        .get("maxItems")
        .and_then(Value::as_u64)
        .is_none_or(|n| n >= 2);
    if let (Value::Array(items), Some(item_schema)) = (&mut value, schema.get("items")) {
        if items.len() == 1 && room_for_two {
            let second = sample::distinct(spec, item_schema, &items[0], 1);
            items.push(second);
        }
    }
    Some(value)
}

/// A field's name as Rust source: a keyword needs its raw prefix.
fn field_ident(name: &str) -> String {
    match syn::parse_str::<syn::Ident>(name) {
        Ok(_) => name.to_string(),
        Err(_) => format!("r#{name}"),
    }
}

/// A Rust raw string literal holding `text`, with enough `#`s.
fn raw_string(text: &str) -> String {
    let mut hashes = String::from("#");
    while text.contains(&format!("\"{hashes}")) {
        hashes.push('#');
    }
    format!("r{hashes}\"{text}\"{hashes}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raw_strings_never_end_early() {
        assert_eq!(raw_string(r#"{"a":1}"#), r###"r#"{"a":1}"#"###);
        assert_eq!(raw_string(r##"x"#y"##), r###"r##"x"#y"##"###);
    }
}
