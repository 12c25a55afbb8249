//! Does a hand-maintained description still agree with the provider's own?
//!
//! For every operation both normalized documents describe (same method and
//! path), the committed request body, parameters and success body must be a
//! faithful subset of the upstream ones: every property the committed one
//! names exists upstream with the same JSON type and enum values, and the
//! committed one is never stricter (required where upstream is optional,
//! non-null where upstream allows null), which would make a real answer fail
//! to decode.

use serde_json::Value;

use crate::normalize::{operation_pointer, operations, pointer::resolve_schema, response_schema};

/// Every disagreement, one line each (`METHOD path: where: what`).
pub fn disagreements(committed: &Value, upstream: &Value) -> Vec<String> {
    let mut out = Vec::new();
    for (path, method, ours) in operations(committed) {
        let Some(theirs) = upstream.pointer(&operation_pointer(path, method)) else {
            out.push(format!(
                "{} {path}: not in the upstream description",
                method.to_uppercase()
            ));
            continue;
        };
        let mut cmp = Comparison {
            ours: committed,
            theirs: upstream,
            out: &mut out,
            op: format!("{} {path}", method.to_uppercase()),
        };
        cmp.parameters(ours, theirs);
        let body = "/requestBody/content/application~1json/schema";
        if let (Some(a), Some(b)) = (ours.pointer(body), theirs.pointer(body)) {
            cmp.schema(a, b, "request body", Direction::Request);
        }
        if let (Some(a), Some(b)) = (
            response_schema(committed, ours, true),
            response_schema(upstream, theirs, true),
        ) {
            cmp.schema(a, b, "response", Direction::Response);
        }
    }
    out
}

/// Requests must not omit what the server requires; responses must not
/// require what the server may omit.
#[derive(Clone, Copy, PartialEq)]
enum Direction {
    Request,
    Response,
}

struct Comparison<'a> {
    ours: &'a Value,
    theirs: &'a Value,
    out: &'a mut Vec<String>,
    op: String,
}

impl Comparison<'_> {
    fn report(&mut self, at: &str, what: String) {
        self.out.push(format!("{}: {at}: {what}", self.op));
    }

    fn parameters(&mut self, ours: &Value, theirs: &Value) {
        let list = |op: &Value| -> Vec<(String, String)> {
            op.get("parameters")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .map(|p| {
                    (
                        p["in"].as_str().unwrap_or("").to_string(),
                        p["name"].as_str().unwrap_or("").to_string(),
                    )
                })
                .collect()
        };
        let upstream = list(theirs);
        for (location, name) in list(ours) {
            if !upstream.contains(&(location.clone(), name.clone())) {
                self.report(
                    "parameters",
                    format!("{location} parameter `{name}` is not upstream"),
                );
            }
        }
    }

    fn schema(&mut self, ours: &Value, theirs: &Value, at: &str, direction: Direction) {
        let (ours, our_null) = resolve_schema(self.ours, ours);
        let (theirs, their_null) = resolve_schema(self.theirs, theirs);
        if direction == Direction::Response && their_null && !our_null {
            self.report(at, "upstream may send null; ours may not".into());
        }
        let kind = |s: &Value| s.get("type").and_then(Value::as_str).map(str::to_string);
        // Sending an integer where a number is expected is fine; expecting an
        // integer where the server may send any number is not, unless the
        // overlay retyped it on a fact (a count is whole) and said so with
        // `x-social-clients-integer` (the generated decoder still takes a
        // whole `3.0`).
        let integer =
            kind(ours).as_deref() == Some("integer") && kind(theirs).as_deref() == Some("number");
        let narrower_request = integer
            && (direction == Direction::Request
                || ours.get("x-social-clients-integer") == Some(&Value::Bool(true)));
        if kind(ours) != kind(theirs)
            && kind(ours).is_some()
            && kind(theirs).is_some()
            && !narrower_request
        {
            self.report(
                at,
                format!("type {:?} upstream is {:?}", kind(ours), kind(theirs)),
            );
            return;
        }
        if let (Some(a), Some(b)) = (ours.get("enum"), theirs.get("enum")) {
            let sorted = |v: &Value| {
                let mut v: Vec<String> = v
                    .as_array()
                    .into_iter()
                    .flatten()
                    .map(Value::to_string)
                    .collect();
                v.sort();
                v
            };
            if sorted(a) != sorted(b) {
                self.report(at, format!("enum values {} upstream are {}", a, b));
            }
        }
        if let (Some(a), Some(b)) = (ours.get("items"), theirs.get("items")) {
            self.schema(a, b, &format!("{at}[]"), direction);
        }
        let Some(props) = ours.get("properties").and_then(Value::as_object) else {
            return;
        };
        let required = |s: &Value, name: &str| {
            s.get("required")
                .and_then(Value::as_array)
                .is_some_and(|r| r.iter().any(|x| x == name))
        };
        for (name, schema) in props {
            let at = format!("{at}.{name}");
            let Some(upstream) = theirs.pointer(&format!(
                "/properties/{}",
                crate::normalize::pointer::escape(name)
            )) else {
                self.report(&at, "not upstream".into());
                continue;
            };
            match direction {
                Direction::Response if required(ours, name) && !required(theirs, name) => {
                    self.report(&at, "required here, optional upstream".into())
                }
                Direction::Request if required(theirs, name) && !required(ours, name) => {
                    self.report(&at, "optional here, required upstream".into())
                }
                _ => {}
            }
            self.schema(schema, upstream, &at, direction);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn doc(schema: Value, body: Value) -> Value {
        json!({"paths": {"/a": {"post": {
            "requestBody": {"content": {"application/json": {"schema": body}}},
            "responses": {"200": {"content": {"application/json": {"schema": schema}}}}
        }}}})
    }

    #[test]
    fn a_faithful_subset_agrees() {
        let upstream = doc(
            json!({"type": "object", "required": ["id"], "properties": {"id": {"type": "string"}, "extra": {"type": "integer"}}}),
            json!({"type": "object", "required": ["a"], "properties": {"a": {"type": "string"}}}),
        );
        let ours = doc(
            json!({"type": "object", "required": ["id"], "properties": {"id": {"type": "string"}}}),
            json!({"type": "object", "required": ["a"], "properties": {"a": {"type": "string"}}}),
        );
        assert_eq!(disagreements(&ours, &upstream), Vec::<String>::new());
    }

    /// A count the overlay retyped on a fact (and marked) may be an
    /// integer where the provider says `number`; an unmarked one may not.
    #[test]
    fn only_a_marked_integer_answer_narrows_a_number() {
        let upstream = doc(
            json!({"type": "object", "properties": {"likes": {"type": "number"}, "score": {"type": "number"}}}),
            json!({"type": "object"}),
        );
        let ours = doc(
            json!({"type": "object", "properties": {
                "likes": {"type": "integer", "x-social-clients-integer": true},
                "score": {"type": "integer"}
            }}),
            json!({"type": "object"}),
        );
        let found = disagreements(&ours, &upstream);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].contains("response.score: type"), "{found:?}");
    }

    #[test]
    fn each_kind_of_drift_is_reported() {
        let upstream = doc(
            json!({"type": "object", "properties": {"id": {"type": "string", "nullable": true}, "n": {"type": "integer"}, "e": {"type": "string", "enum": ["A", "B"]}}}),
            json!({"type": "object", "required": ["a"], "properties": {"a": {"type": "string"}}}),
        );
        let ours = doc(
            json!({"type": "object", "required": ["id"], "properties": {"id": {"type": "string"}, "n": {"type": "string"}, "e": {"type": "string", "enum": ["A"]}, "gone": {"type": "string"}}}),
            json!({"type": "object", "properties": {"a": {"type": "string"}}}),
        );
        let found = disagreements(&ours, &upstream);
        let has = |s: &str| found.iter().any(|f| f.contains(s));
        assert!(
            has("response.id: required here, optional upstream"),
            "{found:?}"
        );
        assert!(has("response.id: upstream may send null"), "{found:?}");
        assert!(has("response.n: type"), "{found:?}");
        assert!(has("response.e: enum values"), "{found:?}");
        assert!(has("response.gone: not upstream"), "{found:?}");
        assert!(
            has("request body.a: optional here, required upstream"),
            "{found:?}"
        );
    }

    /// The committed bundle.social description against the provider's full
    /// published one (skipped with a notice when that is absent).
    #[test]
    fn the_committed_bundle_social_spec_agrees_with_upstream() {
        let root = crate::workspace::root();
        let Some(path) = crate::workspace::upstream_bundle_social() else {
            return;
        };
        let providers = crate::providers::Providers::load(&root.join("specs")).unwrap();
        let committed = crate::workspace::committed_spec("bundle_social");
        let (_, upstream) = crate::commands::stats::compute(
            &providers,
            path.to_str().unwrap(),
            social_clients_codegen::Style::Positional,
        )
        .unwrap();
        let found = disagreements(&committed, &upstream.normalized);
        assert!(
            found.is_empty(),
            "{} disagreement(s):\n{}",
            found.len(),
            found.join("\n")
        );
    }
}
