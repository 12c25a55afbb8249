//! JSON pointers (RFC 6901) for error messages and `$ref` resolution.

use serde_json::Value;

/// Escapes one reference token: `~` -> `~0`, `/` -> `~1`.
pub fn escape(token: &str) -> String {
    token.replace('~', "~0").replace('/', "~1")
}

/// Unescapes one reference token: `~1` -> `/`, `~0` -> `~`.
pub fn unescape(token: &str) -> String {
    token.replace("~1", "/").replace("~0", "~")
}

/// Removes the node at `pointer` from its parent object or array; nothing
/// when it is not there.
pub fn remove(doc: &mut Value, pointer: &str) {
    let Some((parent, last)) = pointer.rsplit_once('/') else {
        return;
    };
    let key = unescape(last);
    match doc.pointer_mut(parent) {
        Some(Value::Object(map)) => {
            map.remove(&key);
        }
        Some(Value::Array(items)) => {
            if let Ok(i) = key.parse::<usize>() {
                if i < items.len() {
                    items.remove(i);
                }
            }
        }
        _ => {}
    }
}

/// Whether the node at `at` maps names to schemas (`properties`,
/// `patternProperties`): every key is a name there, so a key `$ref` is a
/// property, not a reference.
pub fn is_name_map(at: &str) -> bool {
    at.ends_with("/properties") || at.ends_with("/patternProperties")
}

/// Resolves a local reference (`#/components/schemas/X`) in `doc`.
pub fn resolve<'a>(doc: &'a Value, reference: &str) -> Option<&'a Value> {
    let pointer = reference.strip_prefix('#')?;
    doc.pointer(pointer)
}

/// Like [`resolve`], but a step that meets a `$ref` where the pointer goes
/// on follows it first (`#/paths/~1a/get/responses/200/content/...` where
/// that response is `{"$ref": "#/components/responses/Ok"}`): the
/// reference names the schema the description means, which later passes
/// make plain by inlining. At most 32 references are followed.
pub fn resolve_through<'a>(doc: &'a Value, reference: &str) -> Option<&'a Value> {
    let pointer = reference.strip_prefix('#')?;
    if pointer.is_empty() {
        return Some(doc);
    }
    let mut node = doc;
    let mut hops = 0;
    for token in pointer.strip_prefix('/')?.split('/') {
        let token = unescape(token);
        loop {
            let next = match node {
                Value::Object(map) => map.get(&token),
                Value::Array(items) => token.parse::<usize>().ok().and_then(|i| items.get(i)),
                _ => None,
            };
            if let Some(next) = next {
                node = next;
                break;
            }
            let target = node.get("$ref").and_then(Value::as_str)?;
            hops += 1;
            if hops > 32 {
                return None;
            }
            node = resolve(doc, target)?;
        }
    }
    Some(node)
}

/// The last token of a local reference, unescaped (`#/a/b~1c` -> `b/c`).
pub fn ref_name(reference: &str) -> &str {
    reference.rsplit('/').next().unwrap_or(reference)
}

/// The component schemas that `$ref`s anywhere below `value` name, in walk
/// order, repeats kept (`#/components/schemas/Team` -> `Team`).
pub fn schema_refs_in(value: &Value) -> Vec<String> {
    let mut out = Vec::new();
    walk(value, &mut String::new(), &mut |_, node| {
        if let Some(r) = node
            .get("$ref")
            .and_then(Value::as_str)
            .filter(|r| r.starts_with("#/components/schemas/"))
        {
            out.push(ref_name(r).to_string());
        }
    });
    out
}

/// Calls `f(pointer, value)` for every node below `value`, depth first, maps
/// in key order.
pub fn walk<'a>(value: &'a Value, at: &mut String, f: &mut impl FnMut(&str, &'a Value)) {
    walk_pruned(value, at, &|_| false, f);
}

/// Members whose values are data or vendor text, not description: an
/// extension (`x-...`), an example, a default, an enum or const value. A
/// `$ref` inside one is not a reference of the description (Spotify's
/// `x-spotify-policy-list` points into a vendor section; an example may be
/// a JSON Schema that contains `$ref`).
pub fn is_data_member(key: &str) -> bool {
    key.starts_with("x-") || matches!(key, "example" | "examples" | "default" | "enum" | "const")
}

/// Like [`walk`], but does not descend into object members for which
/// `skip(key)` holds.
pub fn walk_pruned<'a>(
    value: &'a Value,
    at: &mut String,
    skip: &impl Fn(&str) -> bool,
    f: &mut impl FnMut(&str, &'a Value),
) {
    f(at, value);
    let len = at.len();
    match value {
        Value::Object(map) => {
            for (k, v) in map.iter().filter(|(k, _)| !skip(k)) {
                at.push('/');
                at.push_str(&escape(k));
                walk_pruned(v, at, skip, f);
                at.truncate(len);
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                at.push('/');
                at.push_str(&i.to_string());
                walk_pruned(v, at, skip, f);
                at.truncate(len);
            }
        }
        _ => {}
    }
}

/// Calls `f` on every `$ref` string below `value`, which it may rewrite.
pub fn walk_mut_refs(value: &mut Value, f: &mut impl FnMut(&mut String)) {
    match value {
        Value::Object(map) => {
            if let Some(Value::String(r)) = map.get_mut("$ref") {
                f(r);
            }
            map.values_mut().for_each(|v| walk_mut_refs(v, f));
        }
        Value::Array(items) => items.iter_mut().for_each(|v| walk_mut_refs(v, f)),
        _ => {}
    }
}

/// The schema behind references and a nullable single-`allOf` wrapper, and
/// whether it accepts null.
pub fn resolve_schema<'a>(doc: &'a Value, schema: &'a Value) -> (&'a Value, bool) {
    let mut nullable = schema.get("nullable") == Some(&Value::Bool(true));
    let mut current = schema;
    for _ in 0..16 {
        if let Some(r) = current.get("$ref").and_then(Value::as_str) {
            match resolve(doc, r) {
                Some(target) => current = target,
                None => break,
            }
        } else if let Some([one]) = current
            .get("allOf")
            .and_then(Value::as_array)
            .map(Vec::as_slice)
        {
            current = one;
        } else {
            break;
        }
        nullable |= current.get("nullable") == Some(&Value::Bool(true));
    }
    (current, nullable)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pointer_goes_on_through_a_reference() {
        let doc = serde_json::json!({
            "paths": {"/a": {"get": {"responses": {"200": {"$ref": "#/components/responses/Ok"}}}}},
            "components": {"responses": {"Ok": {"content": {"application/json": {"schema": {"type": "string"}}}}}}
        });
        let reference = "#/paths/~1a/get/responses/200/content/application~1json/schema";
        assert_eq!(resolve(&doc, reference), None);
        assert_eq!(resolve_through(&doc, reference).unwrap()["type"], "string");
        assert_eq!(resolve_through(&doc, "#/paths/~1a/get/responses/201"), None);
    }
    use serde_json::json;

    #[test]
    fn escape_follows_rfc_6901() {
        assert_eq!(escape("/api/v1/{id}"), "~1api~1v1~1{id}");
        assert_eq!(escape("a~b"), "a~0b");
    }

    #[test]
    fn resolve_finds_local_references_only() {
        let doc = json!({"components": {"schemas": {"A": {"type": "string"}}}});
        assert_eq!(
            resolve(&doc, "#/components/schemas/A"),
            Some(&json!({"type": "string"}))
        );
        assert_eq!(resolve(&doc, "other.json#/A"), None);
        assert_eq!(resolve(&doc, "#/components/schemas/B"), None);
    }

    #[test]
    fn walk_reports_pointers_in_key_order() {
        let doc = json!({"b": [1], "a": {"c": 2}});
        let mut seen = Vec::new();
        walk(&doc, &mut String::new(), &mut |p, _| {
            seen.push(p.to_string())
        });
        assert_eq!(seen, ["", "/a", "/a/c", "/b", "/b/0"]);
    }
}
