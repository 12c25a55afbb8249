//! Keeping what a pass removes as documentation: the passes that take a
//! constraint or value out of a schema (a default, a format, a length
//! limit) leave a sentence in its description instead, so the generated doc
//! comment still says it.

use serde_json::{Map, Value};

/// Appends `sentence` as a paragraph of `holder`'s `description`.
pub fn append_sentence(holder: &mut Map<String, Value>, sentence: &str) {
    let description = match holder.get("description").and_then(Value::as_str) {
        Some(d) if !d.trim().is_empty() => format!("{}\n\n{sentence}", d.trim_end()),
        _ => sentence.to_string(),
    };
    holder.insert("description".into(), Value::String(description));
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_sentence_becomes_a_paragraph() {
        let mut m = json!({"description": "Id.  "}).as_object().unwrap().clone();
        append_sentence(&mut m, "Format: uuid.");
        assert_eq!(m["description"], "Id.\n\nFormat: uuid.");
        let mut empty = Map::new();
        append_sentence(&mut empty, "Default: `1`.");
        assert_eq!(empty["description"], "Default: `1`.");
    }
}
