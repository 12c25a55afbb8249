//! The description Prism is given: the normalized document as the provider
//! describes the wire, with three adaptations to what Prism can judge. Each
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
    PrismInput {
        document,
        adaptations,
    }
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
}
