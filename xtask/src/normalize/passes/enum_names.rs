//! Distinct Rust names for enum values that would collide.
//!
//! The generator names a string enum's variants after their values, so
//! values that differ only in case or punctuation get the same name (Box's
//! `[ASC, DESC, asc, desc]`, a time zone list's `Etc/GMT+1` and
//! `Etc/GMT-1`) and generation fails. For such an enum this pass writes
//! `x-enum-varnames`, one name per value, which codegen uses for the
//! variants while serde keeps the wire values. The names depend only on the
//! enum's own values, so they are stable:
//!
//! 1. values that do not collide keep the generator's name;
//! 2. colliding ones spell out the punctuation the generator drops
//!    (`Etc/GMT+1` -> `EtcSlashGmtPlus1`, `-` before a digit is `Minus`);
//! 3. still colliding, their case is named (`ASC` -> `AscUpper`, `asc` ->
//!    `AscLower`, `Asc` -> `AscMixed`);
//! 4. still colliding, later ones get `2`, `3`, ... in value order.
//!
//! An enum that already carries `x-enum-varnames` keeps them.

use std::collections::BTreeMap;

use serde_json::{json, Map, Value};
use social_clients_codegen::{typify_variant_name, ENUM_VARNAMES};

use crate::normalize::schemas::for_each_schema;
use crate::normalize::{Context, NormalizeError, Pass};

pub const PASS: Pass = Pass {
    name: "enum-names",
    what: "name enum values whose Rust names would collide (case, punctuation, signs)",
    essential: true,
    run,
};

fn run(doc: &mut Value, _: &mut Context) -> Result<(), NormalizeError> {
    for_each_schema(doc, &mut |_, schema| name_enum(schema));
    Ok(())
}

fn name_enum(schema: &mut Map<String, Value>) {
    if schema.contains_key(ENUM_VARNAMES) {
        return;
    }
    let Some(values) = schema
        .get("enum")
        .and_then(Value::as_array)
        .and_then(|a| a.iter().map(Value::as_str).collect::<Option<Vec<&str>>>())
    else {
        return;
    };
    if let Some(names) = variant_names(&values) {
        schema.insert(ENUM_VARNAMES.into(), json!(names));
    }
}

/// Names for `values`, or `None` when the generator's own names are
/// already distinct.
pub fn variant_names(values: &[&str]) -> Option<Vec<String>> {
    let mut names: Vec<String> = values.iter().map(|v| typify_variant_name(v)).collect();
    if colliding(&names).is_empty() {
        return None;
    }
    for i in colliding(&names) {
        names[i] = typify_variant_name(&spelled(values[i]));
    }
    for i in colliding(&names) {
        names[i] = format!("{}{}", names[i], case_word(values[i]));
    }
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for name in names.iter_mut() {
        let count = seen.entry(name.clone()).or_insert(0);
        *count += 1;
        if *count > 1 {
            *name = format!("{name}{count}");
        }
    }
    Some(names)
}

/// Indices of names that occur more than once.
fn colliding(names: &[String]) -> Vec<usize> {
    (0..names.len())
        .filter(|&i| names.iter().filter(|n| **n == names[i]).count() > 1)
        .collect()
}

/// The value with the punctuation the generator would drop written as words.
fn spelled(value: &str) -> String {
    let mut out = String::new();
    let mut chars = value.chars().peekable();
    while let Some(c) = chars.next() {
        let word = match c {
            '+' => "plus",
            '-' if chars.peek().is_some_and(char::is_ascii_digit) => "minus",
            '.' => "dot",
            '_' => "underscore",
            '/' => "slash",
            ' ' => "space",
            ':' => "colon",
            ',' => "comma",
            '*' => "star",
            '@' => "at",
            '#' => "hash",
            '%' => "percent",
            '&' => "and",
            '=' => "eq",
            '~' => "tilde",
            '$' => "dollar",
            '!' => "bang",
            '?' => "question",
            _ => {
                out.push(c);
                continue;
            }
        };
        out.push('-');
        out.push_str(word);
        out.push('-');
    }
    out
}

fn case_word(value: &str) -> &'static str {
    let upper = value.chars().any(char::is_uppercase);
    let lower = value.chars().any(char::is_lowercase);
    match (upper, lower) {
        (true, false) => "Upper",
        (false, true) => "Lower",
        _ => "Mixed",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_collisions_name_their_case() {
        assert_eq!(
            variant_names(&["ASC", "DESC", "asc", "desc"]).unwrap(),
            ["AscUpper", "DescUpper", "AscLower", "DescLower"]
        );
    }

    #[test]
    fn sign_collisions_spell_the_sign() {
        assert_eq!(
            variant_names(&["Etc/GMT", "Etc/GMT+1", "Etc/GMT-1"]).unwrap(),
            ["EtcGmt", "EtcSlashGmtPlus1", "EtcSlashGmtMinus1"]
        );
    }

    #[test]
    fn distinct_values_need_no_names() {
        assert_eq!(variant_names(&["a", "b-c", "dall-e-2"]), None);
    }

    #[test]
    fn anything_left_gets_a_number() {
        assert_eq!(
            variant_names(&["a", "A", "a ", "a\t"]).unwrap(),
            ["ALower", "AUpper", "ASpace", "ALower2"]
        );
    }

    #[test]
    fn the_extension_is_written_once_and_kept() {
        let mut doc = json!({"components": {"schemas": {
            "Order": {"type": "string", "enum": ["ASC", "asc"]},
            "Pinned": {"type": "string", "enum": ["x", "X"], "x-enum-varnames": ["Small", "Big"]}
        }}});
        run(&mut doc, &mut Context::new("ApiError")).unwrap();
        assert_eq!(
            doc["components"]["schemas"]["Order"][ENUM_VARNAMES],
            json!(["AscUpper", "AscLower"])
        );
        assert_eq!(
            doc["components"]["schemas"]["Pinned"][ENUM_VARNAMES],
            json!(["Small", "Big"])
        );
    }
}
