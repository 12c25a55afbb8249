//! Where in a document progenitor's rejection comes from.
//!
//! progenitor and typify report a construct they cannot handle with a bare
//! message ("type error value does not conform to the given schema") or a
//! panic deep inside their own code, never a position. A maintainer needs
//! the JSON pointer, so on failure the document is cut down until the
//! failure is pinned to one schema: component schemas and operations are
//! bisected (a schema replaced by the free-form `{}` keeps every `$ref` to
//! it resolvable), then the culprit's subschemas are tried one by one.
//! This runs only after generation has failed.

use serde_json::{json, Map, Value};

/// The pointer of the smallest schema (or operation) whose replacement by a
/// free-form value makes `fails` pass; `None` when the failure does not go
/// away by cutting (it needs two constructs together, or the document
/// itself is off).
pub fn locate(doc: &Value, fails: &dyn Fn(&Value) -> bool) -> Option<String> {
    let mut components_only = doc.clone();
    components_only["paths"] = json!({});
    if fails(&components_only) {
        let names: Vec<String> = doc
            .pointer("/components/schemas")
            .and_then(Value::as_object)
            .map(|m| m.keys().cloned().collect())
            .unwrap_or_default();
        let culprit = bisect(&names, &|subset| {
            let mut cut = components_only.clone();
            if let Some(schemas) = cut
                .pointer_mut("/components/schemas")
                .and_then(Value::as_object_mut)
            {
                for (name, schema) in schemas.iter_mut() {
                    if !subset.contains(name) {
                        *schema = json!({});
                    }
                }
            }
            fails(&cut)
        })?;
        let at = format!("/components/schemas/{}", escape(&culprit));
        return Some(narrow(&components_only, at, fails));
    }

    let operations: Vec<(String, String)> = doc
        .get("paths")
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
        .flat_map(|(path, item)| {
            item.as_object()
                .into_iter()
                .flat_map(|m| m.keys())
                .filter(|k| METHODS.contains(&k.as_str()))
                .map(move |m| (path.clone(), m.clone()))
        })
        .collect();
    let only = |subset: &[(String, String)]| {
        let mut paths = Map::new();
        for (path, method) in subset {
            let item = paths
                .entry(path.clone())
                .or_insert_with(|| doc["paths"][path].clone());
            if let Some(item) = item.as_object_mut() {
                item.retain(|k, _| {
                    !METHODS.contains(&k.as_str())
                        || subset.iter().any(|(p, m)| p == path && m == k)
                });
            }
            let _ = method;
        }
        let mut cut = doc.clone();
        cut["paths"] = Value::Object(paths);
        cut
    };
    let (path, method) = bisect(&operations, &|subset| fails(&only(subset)))?;
    let one = only(&[(path.clone(), method.clone())]);
    let op_at = format!("/paths/{}/{method}", escape(&path));
    for schema_at in operation_schemas(&one, &op_at) {
        let mut cut = one.clone();
        if let Some(schema) = cut.pointer_mut(&schema_at) {
            *schema = json!({});
            if !fails(&cut) {
                return Some(narrow(&one, schema_at, fails));
            }
        }
    }
    Some(op_at)
}

const METHODS: [&str; 8] = [
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

fn escape(token: &str) -> String {
    token.replace('~', "~0").replace('/', "~1")
}

/// The element of `items` the failure needs, found by halving; `None` when
/// no single element carries it.
fn bisect<T: Clone>(items: &[T], fails: &dyn Fn(&[T]) -> bool) -> Option<T> {
    match items {
        [] => None,
        [one] => fails(items).then(|| one.clone()),
        _ => {
            let (a, b) = items.split_at(items.len() / 2);
            if fails(a) {
                bisect(a, fails)
            } else if fails(b) {
                bisect(b, fails)
            } else {
                None
            }
        }
    }
}

/// Pointers of an operation's schemas: parameters, request body, responses.
fn operation_schemas(doc: &Value, op_at: &str) -> Vec<String> {
    let Some(op) = doc.pointer(op_at) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (i, _) in op
        .get("parameters")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .enumerate()
    {
        out.push(format!("{op_at}/parameters/{i}/schema"));
    }
    let content = |holder: String, out: &mut Vec<String>| {
        for media in doc
            .pointer(&format!("{holder}/content"))
            .and_then(Value::as_object)
            .into_iter()
            .flat_map(|m| m.keys())
        {
            out.push(format!("{holder}/content/{}/schema", escape(media)));
        }
    };
    content(format!("{op_at}/requestBody"), &mut out);
    for code in op
        .get("responses")
        .and_then(Value::as_object)
        .into_iter()
        .flat_map(|m| m.keys())
    {
        content(format!("{op_at}/responses/{code}"), &mut out);
    }
    out.retain(|p| doc.pointer(p).is_some());
    out
}

/// Descends from the schema at `at` (whose replacement fixes the failure)
/// into the one subschema whose replacement alone also fixes it.
fn narrow(doc: &Value, mut at: String, fails: &dyn Fn(&Value) -> bool) -> String {
    'deeper: loop {
        let Some(schema) = doc.pointer(&at) else {
            return at;
        };
        for child in children(schema) {
            let child_at = format!("{at}/{child}");
            let mut cut = doc.clone();
            if let Some(slot) = cut.pointer_mut(&child_at) {
                *slot = json!({});
                if !fails(&cut) {
                    at = child_at;
                    continue 'deeper;
                }
            }
        }
        return at;
    }
}

/// Relative pointers of a schema's direct subschemas.
fn children(schema: &Value) -> Vec<String> {
    let mut out = Vec::new();
    for key in ["items", "additionalProperties", "not"] {
        if schema.get(key).is_some_and(Value::is_object) {
            out.push(key.to_string());
        }
    }
    for key in ["allOf", "anyOf", "oneOf"] {
        for i in 0..schema
            .get(key)
            .and_then(Value::as_array)
            .map_or(0, Vec::len)
        {
            out.push(format!("{key}/{i}"));
        }
    }
    for name in schema
        .get("properties")
        .and_then(Value::as_object)
        .into_iter()
        .flat_map(|m| m.keys())
    {
        out.push(format!("properties/{}", escape(name)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A stand-in generator that fails on any schema holding `"bad": true`.
    fn has_bad(v: &Value) -> bool {
        match v {
            Value::Object(m) => m.get("bad") == Some(&json!(true)) || m.values().any(has_bad),
            Value::Array(items) => items.iter().any(has_bad),
            _ => false,
        }
    }

    #[test]
    fn pins_a_component_property() {
        let doc = json!({"paths": {}, "components": {"schemas": {
            "A": {"type": "object"},
            "B": {"type": "object", "properties": {"ok": {"type": "string"}, "x": {"type": "array", "items": {"bad": true}}}},
            "C": {"type": "string"}
        }}});
        assert_eq!(
            locate(&doc, &has_bad).as_deref(),
            Some("/components/schemas/B/properties/x/items")
        );
    }

    #[test]
    fn pins_an_operation_body() {
        let doc = json!({"paths": {
            "/a": {"get": {"responses": {}}},
            "/b/{id}": {"get": {"responses": {}}, "post": {"requestBody": {"content": {"application/json": {"schema": {"type": "object", "properties": {"n": {"bad": true}}}}}}}}
        }});
        assert_eq!(
            locate(&doc, &has_bad).as_deref(),
            Some("/paths/~1b~1{id}/post/requestBody/content/application~1json/schema/properties/n")
        );
    }

    #[test]
    fn nothing_to_pin_when_the_document_passes() {
        assert_eq!(locate(&json!({"paths": {}}), &has_bad), None);
    }
}
