//! The description Prism is given: the normalized document as the provider
//! describes the wire, with four adaptations to what Prism can judge. Each
//! adaptation is reported with its pointer (`cargo xtask corpus` prints
//! them), so a reader sees what the harness did not hold the client to.

use serde_json::Value;

use super::sample::{fits, kind, sample};
use crate::normalize::pointer::{escape, is_data_member, resolve, walk_pruned};

/// The document for `prism mock` and what was adapted in it.
pub struct PrismInput {
    pub document: Value,
    /// One line per adaptation: pointer, what, why.
    pub adaptations: Vec<String>,
}

pub fn prism_input(normalized: &Value) -> PrismInput {
    let mut document = as_on_the_wire(normalized);
    let mut adaptations = Vec::new();
    adaptations.extend(drop_misfit_examples(&mut document));
    adaptations.extend(loosen_overlapping_unions(&mut document));
    adaptations.extend(json_form_parts_as_text(&mut document));
    adaptations.extend(encoded_query_names_optional(&mut document));
    PrismInput {
        document,
        adaptations,
    }
}

/// The changes from `before` to `after` as replacements at JSON pointers
/// (`None`: the member is removed), largest first, for a test that applies
/// them to the committed description before serving it (the crate's own
/// conformance test gives Prism what the corpus gives it). Arrays of one
/// length and objects are compared member by member; anything else that
/// differs is replaced whole.
pub fn patch(before: &Value, after: &Value) -> Vec<(String, Option<Value>)> {
    let mut out = Vec::new();
    // (pointer, before, after), walked without recursion.
    let mut stack = vec![(String::new(), before, after)];
    while let Some((at, before, after)) = stack.pop() {
        match (before, after) {
            (Value::Object(b), Value::Object(a)) => {
                for (key, value) in b {
                    let here = format!("{at}/{}", escape(key));
                    match a.get(key) {
                        Some(other) => stack.push((here, value, other)),
                        None => out.push((here, None)),
                    }
                }
                for (key, value) in a.iter().filter(|(k, _)| !b.contains_key(*k)) {
                    out.push((format!("{at}/{}", escape(key)), Some(value.clone())));
                }
            }
            (Value::Array(b), Value::Array(a)) if a.len() == b.len() => {
                for (i, (x, y)) in b.iter().zip(a).enumerate() {
                    stack.push((format!("{at}/{i}"), x, y));
                }
            }
            (b, a) if b != a => out.push((at, Some(a.clone()))),
            _ => {}
        }
    }
    out.sort_by(|x, y| x.0.cmp(&y.0));
    out
}

/// A raw body the normalizer wrote as `application/octet-stream` (what
/// progenitor binds) has its real media type back, which the generated
/// client sends (see `x-social-clients-media-type`).
fn as_on_the_wire(normalized: &Value) -> Value {
    let mut doc = normalized.clone();
    let _ = crate::normalize::for_each_operation(&mut doc, |_, _, op| {
        let Some(body) = op.get_mut("requestBody").and_then(Value::as_object_mut) else {
            return Ok(());
        };
        let Some(Value::String(media)) = body.remove(social_clients_codegen::RAW_BODY_MEDIA_TYPE)
        else {
            return Ok(());
        };
        if let Some(content) = body.get_mut("content").and_then(Value::as_object_mut) {
            if let Some(raw) = content.remove("application/octet-stream") {
                content.insert(media, raw);
            }
        }
        Ok(())
    });
    doc
}

/// Every node below the document's paths and components that is not data
/// (an example, a default, an extension), with its pointer.
fn description_nodes(doc: &Value) -> Vec<(String, &Value)> {
    let mut nodes = Vec::new();
    for section in ["paths", "components"] {
        if let Some(value) = doc.get(section) {
            let mut at = format!("/{section}");
            walk_pruned(value, &mut at, &is_data_member, &mut |pointer, node| {
                nodes.push((pointer.to_string(), node));
            });
        }
    }
    nodes
}

/// Examples that do not fit their own schema (OpenAI's response examples
/// without the `logprobs` their schema requires, Box's shared item without
/// `application_type`) are left out, so Prism answers with a body made from
/// the schema. The client decodes by the schema, which is the contract; a
/// provider's example that contradicts it is the description's defect, and
/// serving it would fail the client for keeping the contract.
fn drop_misfit_examples(doc: &mut Value) -> Vec<String> {
    // `None`: the node's `example`; `Some(name)`: an entry of its `examples`.
    let mut misfits: Vec<(String, Option<String>)> = Vec::new();
    for (pointer, node) in description_nodes(doc) {
        let Some(object) = node.as_object() else {
            continue;
        };
        // A media type or parameter holds its schema beside its examples; a
        // schema holds its example itself.
        let schema = object.get("schema").unwrap_or(node);
        if let Some(example) = object.get("example") {
            if !fits(doc, example, schema) {
                misfits.push((pointer.clone(), None));
            }
        }
        for (name, example) in object
            .get("examples")
            .and_then(Value::as_object)
            .into_iter()
            .flatten()
        {
            let value = example
                .get("$ref")
                .and_then(Value::as_str)
                .and_then(|r| resolve(doc, r))
                .unwrap_or(example);
            if value.get("value").is_some_and(|v| !fits(doc, v, schema)) {
                misfits.push((pointer.clone(), Some(name.clone())));
            }
        }
    }
    let mut notes = Vec::new();
    for (pointer, name) in misfits {
        let parent = doc.pointer_mut(&pointer).and_then(Value::as_object_mut);
        let (removed, member) = match &name {
            None => (parent.and_then(|p| p.remove("example")), "example".into()),
            Some(name) => (
                parent
                    .and_then(|p| p.get_mut("examples"))
                    .and_then(Value::as_object_mut)
                    .and_then(|e| e.remove(name)),
                format!("examples/{}", escape(name)),
            ),
        };
        if removed.is_some() {
            notes.push(format!(
                "{pointer}/{member}: the description's example does not fit its schema; not served (the client decodes by the schema)"
            ));
        }
    }
    notes
}

/// A `oneOf` whose branches the harness's value for it fits together
/// (Discord's channel update: four all-optional partial objects, and the
/// first one's `{"name": ...}` fits every other) is refused under JSON
/// Schema's exactly-one rule, though it is what the provider documents and
/// no value of the first branch avoids it; Prism is given `anyOf` there,
/// which still holds the value to fitting one branch. Unions the sample
/// tells apart (OpenAI's any-string-or-listed-model: the sample is not a
/// listed model) and unions with a `discriminator` stay as they are.
fn loosen_overlapping_unions(doc: &mut Value) -> Vec<String> {
    let mut overlapping = Vec::new();
    for (pointer, node) in description_nodes(doc) {
        let Some(branches) = node.get("oneOf").and_then(Value::as_array) else {
            continue;
        };
        if branches.len() < 2 || node.get("discriminator").is_some() {
            continue;
        }
        let value = sample(doc, node);
        let fitting: Vec<usize> = (0..branches.len())
            .filter(|&i| fits(doc, &value, &branches[i]))
            .collect();
        if fitting.len() > 1 {
            overlapping.push((pointer, fitting));
        }
    }
    overlapping
        .into_iter()
        .filter_map(|(pointer, fitting)| {
            let union = doc.pointer_mut(&pointer)?.as_object_mut()?;
            let branches = union.remove("oneOf")?;
            union.insert("anyOf".into(), branches);
            let fitting: Vec<String> = fitting.iter().map(usize::to_string).collect();
            Some(format!(
                "{pointer}/oneOf: the sample fits branches {} together; checked as anyOf",
                fitting.join(", ")
            ))
        })
        .collect()
}

/// An object property of a `multipart/form-data` body travels as a JSON
/// part, as the generated client sends it; Prism reads every part as text
/// (`parseMultipartFormDataParams` in prism-http's body validator) and then
/// refuses the text for not being an object (Box's upload `attributes`,
/// OpenAI's `expires_after`). Prism is told to expect text there.
fn json_form_parts_as_text(doc: &mut Value) -> Vec<String> {
    let mut parts = Vec::new();
    for (path, method, op) in crate::normalize::operations(doc) {
        let Some(form) = op.pointer("/requestBody/content/multipart~1form-data/schema") else {
            continue;
        };
        let mut at = format!(
            "/paths/{}/{method}/requestBody/content/multipart~1form-data/schema",
            escape(path)
        );
        let mut form = form;
        while let Some(r) = form.get("$ref").and_then(Value::as_str) {
            let Some(target) = resolve(doc, r) else {
                break;
            };
            at = r.trim_start_matches('#').to_string();
            form = target;
        }
        for (name, property) in form
            .get("properties")
            .and_then(Value::as_object)
            .into_iter()
            .flatten()
        {
            let (resolved, _) = crate::normalize::pointer::resolve_schema(doc, property);
            if kind(resolved) == "object" {
                let description = property
                    .get("description")
                    .or_else(|| resolved.get("description"))
                    .cloned();
                parts.push((format!("{at}/properties/{}", escape(name)), description));
            }
        }
    }
    // Two operations may share one form schema.
    parts.sort_by(|a, b| a.0.cmp(&b.0));
    parts.dedup_by(|a, b| a.0 == b.0);
    parts
        .into_iter()
        .filter_map(|(pointer, description)| {
            let property = doc.pointer_mut(&pointer)?;
            let mut text = serde_json::json!({"type": "string"});
            if let Some(description) = description {
                text["description"] = description;
            }
            *property = text;
            Some(format!(
                "{pointer}: a JSON part of a form; Prism reads every part as text, so it checks text"
            ))
        })
        .collect()
}

/// A query parameter whose name the client must percent-encode (Rails'
/// `ids[]`, JSON:API's `filter[name]`) is never found by Prism, which looks
/// for its own encoding of the name in lower-case hex while clients send
/// upper case (RFC 3986 recommends it; stoplightio/prism#2443), and answers
/// 422 for a request that has it. Prism is told the parameter is optional,
/// so it judges the rest of the request; the client's own tests check that
/// such a name is sent as the description spells it.
fn encoded_query_names_optional(doc: &mut Value) -> Vec<String> {
    let unreserved = |c: char| c.is_ascii_alphanumeric() || "-._~".contains(c);
    let mut pointers = Vec::new();
    for (path, method, op) in crate::normalize::operations(doc) {
        let at = format!("/paths/{}", escape(path));
        let lists = [
            (format!("{at}/{method}/parameters"), op.get("parameters")),
            (
                format!("{at}/parameters"),
                doc.pointer(&format!("{at}/parameters")),
            ),
        ];
        for (list, parameters) in lists {
            for (i, parameter) in parameters
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .enumerate()
            {
                let name = parameter.get("name").and_then(Value::as_str).unwrap_or("");
                if parameter.get("in").and_then(Value::as_str) == Some("query")
                    && parameter.get("required").and_then(Value::as_bool) == Some(true)
                    && !name.chars().all(unreserved)
                {
                    pointers.push(format!("{list}/{i}"));
                }
            }
        }
    }
    pointers.sort();
    pointers.dedup();
    pointers
        .into_iter()
        .filter_map(|pointer| {
            doc.pointer_mut(&pointer)?["required"] = Value::Bool(false);
            Some(format!(
                "{pointer}: a required query parameter whose name is percent-encoded is optional to Prism (it does not match the encoded name: stoplightio/prism#2443)"
            ))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn raw_bodies_get_their_media_type_back_for_prism() {
        let doc = json!({"paths": {"/c": {"put": {"requestBody": {
            "x-social-clients-media-type": "image/jpeg",
            "content": {"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}}}}}}});
        assert_eq!(
            as_on_the_wire(&doc)["paths"]["/c"]["put"]["requestBody"],
            json!({"content": {"image/jpeg": {"schema": {"type": "string", "format": "binary"}}}})
        );
    }

    fn answer(doc: &Value) -> &Value {
        &doc["paths"]["/a"]["get"]["responses"]["200"]["content"]["application/json"]
    }

    #[test]
    fn only_examples_that_do_not_fit_are_left_out() {
        let doc = json!({"paths": {"/a": {"get": {"responses": {"200": {"content": {"application/json": {
            "schema": {"$ref": "#/components/schemas/Item"},
            "example": {"id": "1"},
            "examples": {"old": {"value": {"name": "x"}}, "new": {"value": {"id": "2"}}}
        }}}}}}},
        "components": {"schemas": {"Item": {
            "type": "object", "required": ["id"],
            "properties": {"id": {"type": "string", "example": 7}, "kind": {"enum": ["a"], "example": "b"}}
        }}}});
        let input = prism_input(&doc);
        let media = answer(&input.document);
        assert_eq!(media["example"], json!({"id": "1"}));
        assert_eq!(media["examples"], json!({"new": {"value": {"id": "2"}}}));
        let item = &input.document["components"]["schemas"]["Item"]["properties"];
        assert_eq!(item["id"].get("example"), None, "7 is not a string");
        assert_eq!(item["kind"].get("example"), None, "b is not listed");
        assert_eq!(input.adaptations.len(), 3, "{:#?}", input.adaptations);
        assert!(input.adaptations[0].contains("/examples/old"));
    }

    #[test]
    fn only_unions_whose_branches_overlap_become_any_of() {
        let doc = json!({"paths": {}, "components": {"schemas": {
            "Partial": {"oneOf": [
                {"type": "object", "properties": {"name": {"type": "string"}}},
                {"type": "object", "properties": {"name": {"type": "string"}, "icon": {"type": "string"}}}
            ]},
            "Tagged": {"oneOf": [
                {"type": "object", "required": ["type"], "properties": {"type": {"enum": [1]}}},
                {"type": "object", "required": ["type"], "properties": {"type": {"enum": [2]}}}
            ]},
            "Closed": {"oneOf": [
                {"type": "object", "additionalProperties": false, "required": ["a"], "properties": {"a": {"type": "string"}}},
                {"type": "object", "additionalProperties": false, "required": ["b"], "properties": {"b": {"type": "string"}}}
            ]},
            "Scalars": {"oneOf": [{"type": "string"}, {"type": "integer"}]},
            "Model": {"oneOf": [{"type": "string"}, {"enum": ["gpt-4o"]}]}
        }}});
        let input = prism_input(&doc);
        let schemas = &input.document["components"]["schemas"];
        assert!(schemas["Partial"].get("anyOf").is_some());
        assert!(schemas["Partial"].get("oneOf").is_none());
        for exact in ["Tagged", "Closed", "Scalars", "Model"] {
            assert!(schemas[exact].get("oneOf").is_some(), "{exact}");
        }
        assert_eq!(
            input.adaptations,
            vec!["/components/schemas/Partial/oneOf: the sample fits branches 0, 1 together; checked as anyOf"]
        );
    }

    #[test]
    fn object_parts_of_a_form_are_text_for_prism() {
        let doc = json!({"paths": {"/upload": {"post": {"requestBody": {"content": {"multipart/form-data": {
            "schema": {"$ref": "#/components/schemas/Upload"}
        }}}}}},
        "components": {"schemas": {
            "Upload": {"type": "object", "properties": {
                "attributes": {"$ref": "#/components/schemas/Attributes"},
                "file": {"type": "string", "format": "binary"},
                "tags": {"type": "array", "items": {"type": "string"}}
            }},
            "Attributes": {"type": "object", "description": "Name and parent.", "properties": {"name": {"type": "string"}}}
        }}});
        let input = prism_input(&doc);
        let upload = &input.document["components"]["schemas"]["Upload"]["properties"];
        assert_eq!(
            upload["attributes"],
            json!({"type": "string", "description": "Name and parent."})
        );
        assert_eq!(upload["file"]["format"], "binary");
        assert_eq!(upload["tags"]["type"], "array");
        assert_eq!(
            input.document["components"]["schemas"]["Attributes"]["type"], "object",
            "the part's own schema is unchanged for its other uses"
        );
        assert_eq!(input.adaptations.len(), 1);
    }

    #[test]
    fn required_query_names_the_client_encodes_are_optional_for_prism() {
        let doc = json!({"paths": {"/a": {"get": {"parameters": [
            {"name": "ids[]", "in": "query", "required": true, "schema": {"type": "array", "items": {"type": "integer"}}},
            {"name": "type", "in": "query", "required": true, "schema": {"type": "string"}},
            {"name": "x[y]", "in": "header", "required": true, "schema": {"type": "string"}}
        ]}}}});
        let input = prism_input(&doc);
        let parameters = &input.document["paths"]["/a"]["get"]["parameters"];
        assert_eq!(parameters[0]["required"], false);
        assert_eq!(parameters[1]["required"], true);
        assert_eq!(parameters[2]["required"], true);
        assert_eq!(input.adaptations.len(), 1);
        assert!(
            input.adaptations[0].starts_with("/paths/~1a/get/parameters/0:"),
            "{:?}",
            input.adaptations
        );
    }

    #[test]
    fn a_patch_turns_the_description_into_what_prism_is_given() {
        let before = json!({"a": {"b": 1, "gone": [1]}, "list": [{"x": true}], "same": "s"});
        let after = json!({"a": {"b": 2, "new": {"k": null}}, "list": [{"x": false}], "same": "s"});
        assert_eq!(
            patch(&before, &after),
            vec![
                ("/a/b".to_string(), Some(json!(2))),
                ("/a/gone".to_string(), None),
                ("/a/new".to_string(), Some(json!({"k": null}))),
                ("/list/0/x".to_string(), Some(json!(false))),
            ]
        );
        assert!(patch(&before, &before).is_empty());
    }
}
