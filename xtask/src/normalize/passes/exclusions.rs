//! Move `not` into the documentation.
//!
//! `not` says what a value must not be (OpenAI's image reference: "`image_url`
//! or `file_id`, but `not` both"). No Rust type expresses an exclusion, and
//! typify, given one beside `anyOf`, makes an enum with no variants: a type
//! no caller can build and no answer can decode. The server checks the rule
//! anyway, so it becomes a sentence in the description, like the numeric
//! bounds, and the schema keeps every type-giving keyword.

use serde_json::Value;

use crate::normalize::docs::append_sentence;
use crate::normalize::schemas::{for_each_schema, string_list};
use crate::normalize::{Context, NormalizeError, Pass};

pub const PASS: Pass = Pass {
    name: "exclusions",
    what: "document `not` exclusions instead of generating types nothing can inhabit",
    essential: false,
    run,
};

/// Longer exclusions are named, not quoted, in the sentence.
const MAX_QUOTED: usize = 120;

fn run(doc: &mut Value, _: &mut Context) -> Result<(), NormalizeError> {
    for_each_schema(doc, &mut |_, schema| {
        let Some(excluded) = schema.remove("not") else {
            return;
        };
        append_sentence(schema, &format!("Server-side rule: {}.", rule(&excluded)));
    });
    Ok(())
}

/// The exclusion in words: the common "not these together" shape plainly,
/// any other as its JSON where short.
fn rule(excluded: &Value) -> String {
    let only_required = excluded
        .as_object()
        .is_some_and(|o| o.len() == 1 && o.contains_key("required"));
    let names: Vec<&str> = string_list(excluded.get("required")).collect();
    if only_required && names.len() > 1 {
        let quoted: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
        return format!("{} must not all be given together", quoted.join(", "));
    }
    if only_required && names.len() == 1 {
        return format!("`{}` must not be given", names[0]);
    }
    let json = excluded.to_string();
    if json.len() <= MAX_QUOTED {
        format!("the value must not match `{json}`")
    } else {
        "the value must not match an excluded shape (see the provider's description)".into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::passes::after_pass;
    use serde_json::json;

    #[test]
    fn an_exclusion_beside_a_union_becomes_a_sentence() {
        let s = after_pass(
            run,
            json!({
                "type": "object", "description": "An image.",
                "properties": {"image_url": {"type": "string"}, "file_id": {"type": "string"}},
                "anyOf": [{"required": ["image_url"]}, {"required": ["file_id"]}],
                "not": {"required": ["image_url", "file_id"]}
            }),
        );
        assert!(s.get("not").is_none());
        assert_eq!(s["anyOf"].as_array().unwrap().len(), 2, "the union stays");
        assert_eq!(
            s["description"],
            "An image.\n\nServer-side rule: `image_url`, `file_id` must not all be given together."
        );
    }

    #[test]
    fn other_exclusions_are_quoted_or_named() {
        let s = after_pass(run, json!({"type": "string", "not": {"enum": ["none"]}}));
        assert_eq!(
            s["description"],
            "Server-side rule: the value must not match `{\"enum\":[\"none\"]}`."
        );
        let long: Vec<String> = (0..40).map(|i| format!("value-{i}")).collect();
        let s = after_pass(run, json!({"type": "string", "not": {"enum": long}}));
        assert!(s["description"]
            .as_str()
            .unwrap()
            .contains("an excluded shape"));
    }

    #[test]
    fn a_property_named_not_is_a_name() {
        let original = json!({"type": "object", "properties": {"not": {"type": "boolean"}}});
        assert_eq!(after_pass(run, original.clone()), original);
    }
}
