//! Operation-level comparison: which operations exist, their ids,
//! parameters and bodies; schemas are handed to [`super::schema`].

use std::collections::BTreeSet;

use serde_json::Value;

use super::schema::Schemas;
use super::{Change, Direction, Kind};
use crate::normalize::pointer::resolve;
use crate::normalize::{json_schema, response_schema, METHODS};

pub fn compare(old: &Value, new: &Value) -> Vec<Change> {
    let paths = |doc: &Value| -> BTreeSet<String> {
        doc.get("paths")
            .and_then(Value::as_object)
            .map(|p| p.keys().cloned().collect())
            .unwrap_or_default()
    };
    let mut out = Vec::new();
    for path in paths(old).union(&paths(new)) {
        for method in METHODS {
            let at = |doc: &'_ Value| {
                doc.get("paths")
                    .and_then(|p| p.get(path))
                    .and_then(|item| item.get(method))
                    .cloned()
            };
            let name = format!("{} {path}", method.to_uppercase());
            match (at(old), at(new)) {
                (None, None) => {}
                (Some(o), None) => out.push(Change {
                    operation: name,
                    operation_id: id(&o),
                    kind: Kind::OperationRemoved,
                    at: String::new(),
                    detail: format!("method `{}` is gone", id(&o)),
                    breaking: true,
                }),
                (None, Some(n)) => out.push(Change {
                    operation: name,
                    operation_id: id(&n),
                    kind: Kind::OperationAdded,
                    at: String::new(),
                    detail: format!("new method `{}`", id(&n)),
                    breaking: false,
                }),
                (Some(o), Some(n)) => {
                    let mut op = Operation {
                        old,
                        new,
                        out: &mut out,
                        name,
                        id: id(&n),
                    };
                    op.compare(&o, &n);
                }
            }
        }
    }
    out
}

fn id(op: &Value) -> String {
    op.get("operationId")
        .and_then(Value::as_str)
        .unwrap_or("")
        .to_string()
}

/// One operation present on both sides.
struct Operation<'a> {
    old: &'a Value,
    new: &'a Value,
    out: &'a mut Vec<Change>,
    name: String,
    id: String,
}

impl Operation<'_> {
    fn push(&mut self, kind: Kind, at: String, detail: String, breaking: bool) {
        self.out.push(Change {
            operation: self.name.clone(),
            operation_id: self.id.clone(),
            kind,
            at,
            detail,
            breaking,
        });
    }

    /// Compares two schemas of this operation and records what changed.
    fn schemas(&mut self, direction: Direction, a: &Value, b: &Value, at: &str) {
        let changes = Schemas::new(self.old, self.new, direction).compare(a, b, at);
        for (kind, at, detail, breaking) in changes {
            self.push(kind, at, detail, breaking);
        }
    }

    fn compare(&mut self, o: &Value, n: &Value) {
        if id(o) != id(n) {
            self.push(
                Kind::OperationRenamed,
                String::new(),
                format!("method `{}` is now `{}`", id(o), id(n)),
                true,
            );
        }
        self.parameters(o, n);
        self.request_body(o, n);
        self.response(o, n, true);
        self.response(o, n, false);
    }

    fn parameters(&mut self, o: &Value, n: &Value) {
        let old = parameters(self.old, o);
        let new = parameters(self.new, n);
        for (key, p) in &old {
            let at = format!("{} parameter `{}`", key.0, key.1);
            match new.iter().find(|(k, _)| k == key) {
                None => self.push(
                    Kind::ParameterRemoved,
                    at,
                    "the method loses an argument".into(),
                    true,
                ),
                Some((_, q)) => {
                    let (was, is) = (required(p), required(q));
                    if was != is {
                        self.push(
                            Kind::RequiredChanged,
                            at.clone(),
                            format!(
                                "{} -> {}: the argument's type changes (`T` vs `Option<T>`)",
                                presence(was),
                                presence(is)
                            ),
                            true,
                        );
                    }
                    if let (Some(a), Some(b)) = (p.get("schema"), q.get("schema")) {
                        self.schemas(Direction::Request, a, b, &at);
                    }
                }
            }
        }
        for (key, p) in &new {
            if !old.iter().any(|(k, _)| k == key) {
                let detail = if required(p) {
                    "required: the method gains an argument"
                } else {
                    "optional: the positional method still gains an argument"
                };
                self.push(
                    Kind::ParameterAdded,
                    format!("{} parameter `{}`", key.0, key.1),
                    detail.into(),
                    true,
                );
            }
        }
    }

    fn request_body(&mut self, o: &Value, n: &Value) {
        match (body_schema(self.old, o), body_schema(self.new, n)) {
            (None, None) => {}
            (Some(_), None) => self.push(
                Kind::BodyRemoved,
                "request body".into(),
                "the method loses its body argument".into(),
                true,
            ),
            (None, Some(_)) => self.push(
                Kind::BodyAdded,
                "request body".into(),
                "the method gains a body argument".into(),
                true,
            ),
            (Some(a), Some(b)) => self.schemas(Direction::Request, a, b, "request body"),
        }
    }

    /// The success body, or (with `success` false) the error body.
    fn response(&mut self, o: &Value, n: &Value, success: bool) {
        let label = if success { "response" } else { "error" };
        match (
            response_schema(self.old, o, success),
            response_schema(self.new, n, success),
        ) {
            (Some(a), Some(b)) => self.schemas(Direction::Response, a, b, label),
            (Some(_), None) => self.push(
                Kind::BodyRemoved,
                label.into(),
                "the answer no longer has a JSON body".into(),
                true,
            ),
            (None, Some(_)) => self.push(
                Kind::BodyAdded,
                label.into(),
                "the answer now has a JSON body (the method's return type changes)".into(),
                success,
            ),
            (None, None) => {}
        }
    }
}

/// `((in, name), parameter)` with `$ref`s resolved, path-level ones included.
fn parameters(doc: &Value, op: &Value) -> Vec<((String, String), Value)> {
    op.get("parameters")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|p| match p.get("$ref").and_then(Value::as_str) {
            Some(r) => resolve(doc, r).cloned(),
            None => Some(p.clone()),
        })
        .map(|p| {
            let key = (
                p["in"].as_str().unwrap_or("").to_string(),
                p["name"].as_str().unwrap_or("").to_string(),
            );
            (key, p)
        })
        .collect()
}

fn required(parameter: &Value) -> bool {
    parameter.get("required") == Some(&Value::Bool(true))
}

fn presence(required: bool) -> &'static str {
    if required {
        "required"
    } else {
        "optional"
    }
}

fn body_schema<'a>(doc: &'a Value, op: &'a Value) -> Option<&'a Value> {
    let body = op.get("requestBody")?;
    let body = match body.get("$ref").and_then(Value::as_str) {
        Some(r) => resolve(doc, r)?,
        None => body,
    };
    json_schema(body.get("content"))
}
