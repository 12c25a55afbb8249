//! Structural comparison of two schemas, each in its own document.

use std::collections::BTreeSet;

use serde_json::Value;

use super::{Direction, Kind};
use crate::normalize::pointer::resolve_schema;

/// `(kind, at, detail, breaking)`; the operation adds its name.
pub type Found = (Kind, String, String, bool);

pub struct Schemas<'a> {
    old: &'a Value,
    new: &'a Value,
    direction: Direction,
    /// Reference pairs already compared: recursive types end here.
    seen: BTreeSet<(String, String)>,
    out: Vec<Found>,
}

impl<'a> Schemas<'a> {
    pub fn new(old: &'a Value, new: &'a Value, direction: Direction) -> Self {
        Schemas {
            old,
            new,
            direction,
            seen: BTreeSet::new(),
            out: Vec::new(),
        }
    }

    pub fn compare(mut self, a: &'a Value, b: &'a Value, at: &str) -> Vec<Found> {
        self.schema(a, b, at);
        self.out
    }

    fn push(&mut self, kind: Kind, at: &str, detail: String, breaking: bool) {
        self.out.push((kind, at.to_string(), detail, breaking));
    }

    fn response(&self) -> bool {
        self.direction == Direction::Response
    }

    fn schema(&mut self, a: &'a Value, b: &'a Value, at: &str) {
        if let (Some(ra), Some(rb)) = (reference(a), reference(b)) {
            if !self.seen.insert((ra.to_string(), rb.to_string())) {
                return;
            }
        }
        let (a, a_null) = resolve_schema(self.old, a);
        let (b, b_null) = resolve_schema(self.new, b);
        if a_null != b_null {
            let breaking = if b_null {
                self.response()
            } else {
                !self.response()
            };
            let detail = match (b_null, self.response()) {
                (true, true) => "may now be null: the old client rejects null",
                (true, false) => "now accepts null",
                (false, true) => "is no longer null",
                (false, false) => "no longer accepts null",
            };
            self.push(Kind::NullabilityChanged, at, detail.into(), breaking);
        }
        let (ta, tb) = (type_of(a), type_of(b));
        if ta != tb {
            self.push(Kind::Retyped, at, format!("{ta} -> {tb}"), true);
            return;
        }
        self.enums(a, b, at);
        self.variants(a, b, at);
        if let (Some(ia), Some(ib)) = (a.get("items"), b.get("items")) {
            self.schema(ia, ib, &format!("{at}[]"));
        }
        if let (Some(ma @ Value::Object(_)), Some(mb @ Value::Object(_))) =
            (a.get("additionalProperties"), b.get("additionalProperties"))
        {
            self.schema(ma, mb, &format!("{at}{{}}"));
        }
        self.properties(a, b, at);
    }

    fn enums(&mut self, a: &Value, b: &Value, at: &str) {
        let values = |s: &Value| -> Vec<Value> {
            s.get("enum")
                .and_then(Value::as_array)
                .cloned()
                .unwrap_or_default()
        };
        let (va, vb) = (values(a), values(b));
        if va.is_empty() || vb.is_empty() {
            return;
        }
        for v in vb.iter().filter(|v| !va.contains(v)) {
            // Generated enums are open: an old client keeps the value as
            // `Unknown(String)` instead of failing to decode.
            let detail = if self.response() {
                "the old client sees it as `Unknown`"
            } else {
                "can now be sent"
            };
            let breaking = false;
            self.push(Kind::EnumValueAdded, at, format!("{v}: {detail}"), breaking);
        }
        for v in va.iter().filter(|v| !vb.contains(v)) {
            let detail = if self.response() {
                "no longer sent; its variant goes from the enum"
            } else {
                "no longer accepted; its variant goes from the enum"
            };
            self.push(Kind::EnumValueRemoved, at, format!("{v}: {detail}"), true);
        }
    }

    /// `oneOf`/`anyOf`: compared pairwise when the count is unchanged.
    fn variants(&mut self, a: &'a Value, b: &'a Value, at: &str) {
        for key in ["oneOf", "anyOf"] {
            let (Some(va), Some(vb)) = (
                a.get(key).and_then(Value::as_array),
                b.get(key).and_then(Value::as_array),
            ) else {
                continue;
            };
            if va.len() != vb.len() {
                self.push(
                    Kind::Retyped,
                    at,
                    format!("{key} with {} variants -> {}", va.len(), vb.len()),
                    true,
                );
                continue;
            }
            for (i, (x, y)) in va.iter().zip(vb).enumerate() {
                self.schema(x, y, &format!("{at}<{key} {i}>"));
            }
        }
    }

    fn properties(&mut self, a: &'a Value, b: &'a Value, at: &str) {
        let pa = a.get("properties").and_then(Value::as_object);
        let pb = b.get("properties").and_then(Value::as_object);
        for (name, sa) in pa.into_iter().flatten() {
            let here = format!("{at}.{name}");
            let Some(sb) = pb.and_then(|p| p.get(name)) else {
                let detail = if self.response() {
                    "code reading it stops compiling"
                } else {
                    "code setting it stops compiling"
                };
                self.push(Kind::FieldRemoved, &here, detail.into(), true);
                continue;
            };
            let (was, is) = (required(a, name), required(b, name));
            if was != is {
                let (detail, breaking) = match (is, self.response()) {
                    (true, true) => ("optional -> required", false),
                    (false, true) => (
                        "required -> optional: the old client rejects answers without it",
                        true,
                    ),
                    (true, false) => ("optional -> required: old calls omit it", true),
                    (false, false) => ("required -> optional", false),
                };
                self.push(Kind::RequiredChanged, &here, detail.into(), breaking);
            }
            self.schema(sa, sb, &here);
        }
        for (name, sb) in pb.into_iter().flatten() {
            if pa.is_some_and(|p| p.contains_key(name)) {
                continue;
            }
            let (sb, _) = resolve_schema(self.new, sb);
            let needed = required(b, name);
            let (detail, breaking) = match (needed, self.response()) {
                (true, false) => ("required: old calls omit it", true),
                (false, false) => ("optional", false),
                (true, true) => ("always sent", false),
                (false, true) => ("optional", false),
            };
            self.push(
                Kind::FieldAdded,
                &format!("{at}.{name}"),
                format!("{} ({detail})", type_of(sb)),
                breaking,
            );
        }
    }
}

fn reference(schema: &Value) -> Option<&str> {
    schema.get("$ref").and_then(Value::as_str)
}

fn required(schema: &Value, name: &str) -> bool {
    schema
        .get("required")
        .and_then(Value::as_array)
        .is_some_and(|r| r.iter().any(|x| x == name))
}

/// `string`, `integer(int64)`, `object`, `oneOf`, or `any`.
fn type_of(schema: &Value) -> String {
    let base = match schema.get("type").and_then(Value::as_str) {
        Some(t) => t,
        None if schema.get("properties").is_some() => "object",
        None if schema.get("oneOf").is_some() => "oneOf",
        None if schema.get("anyOf").is_some() => "anyOf",
        None => "any",
    };
    match schema.get("format").and_then(Value::as_str) {
        Some(f) => format!("{base}({f})"),
        None => base.to_string(),
    }
}
