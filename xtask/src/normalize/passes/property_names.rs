//! Properties of one object that Rust would spell the same.
//!
//! `__type` and `type` (an RPC envelope's class name beside the record's
//! own type), or `Type` and `type`, both become the field `type_`; the
//! generated struct then names one field twice and does not compile (E0062,
//! E0124). Of such a group one property stays: a required one, then the one
//! already written as Rust writes it, then the first; the others are left out
//! with a warning naming them (an answer that carries them still decodes,
//! as unknown fields do; an overlay can rename one instead to keep it).

use serde_json::Value;

use crate::normalize::names::snake_case;
use crate::normalize::schemas::for_each_schema;
use crate::normalize::{Context, NormalizeError, Pass};

pub const PASS: Pass = Pass {
    name: "property-names",
    what: "of an object's properties that Rust spells the same, keep one",
    essential: true,
    run,
};

fn run(doc: &mut Value, ctx: &mut Context) -> Result<(), NormalizeError> {
    let mut dropped = Vec::new();
    for_each_schema(doc, &mut |at, schema| {
        let Some(properties) = schema.get("properties").and_then(Value::as_object) else {
            return;
        };
        let required: Vec<String> = schema
            .get("required")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .map(str::to_string)
            .collect();
        let names: Vec<String> = properties.keys().cloned().collect();
        let mut gone = Vec::new();
        for (i, name) in names.iter().enumerate() {
            if gone.contains(name) {
                continue;
            }
            let group: Vec<&String> = names[i..]
                .iter()
                .filter(|other| snake_case(other) == snake_case(name))
                .collect();
            if group.len() < 2 {
                continue;
            }
            let rank = |n: &&String| (required.contains(n), snake_case(n) == **n);
            let stay = group
                .iter()
                .copied()
                .rev()
                .max_by_key(|n| rank(n))
                .expect("a group of two or more");
            for other in group.into_iter().filter(|n| *n != stay) {
                gone.push(other.clone());
                dropped.push((
                    format!(
                        "{at}/properties/{}",
                        crate::normalize::pointer::escape(other)
                    ),
                    format!(
                        "property `{other}` would be the same Rust field as `{stay}` (`{}`): left out",
                        snake_case(other)
                    ),
                ));
            }
        }
        if gone.is_empty() {
            return;
        }
        if let Some(Value::Object(properties)) = schema.get_mut("properties") {
            properties.retain(|k, _| !gone.contains(k));
        }
        if let Some(Value::Array(list)) = schema.get_mut("required") {
            list.retain(|r| r.as_str().is_none_or(|r| !gone.iter().any(|g| g == r)));
        }
    });
    for (at, message) in dropped {
        ctx.warn(PASS.name, at, message);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn properties_rust_spells_the_same_keep_one() {
        let mut doc = json!({"components": {"schemas": {"Thing": {
            "type": "object",
            "required": ["Type"],
            "properties": {"__type": {"type": "string"}, "type": {"type": "string"}, "Type": {"type": "integer"}, "name": {}}
        }}}});
        let mut ctx = Context::new("ApiError");
        run(&mut doc, &mut ctx).unwrap();
        let thing = &doc["components"]["schemas"]["Thing"];
        let kept: Vec<_> = thing["properties"]
            .as_object()
            .unwrap()
            .keys()
            .cloned()
            .collect();
        // The required one stays.
        assert_eq!(kept, ["Type", "name"]);
        assert_eq!(thing["required"], json!(["Type"]));
        assert_eq!(ctx.warnings.len(), 2);

        let mut doc = json!({"components": {"schemas": {"Envelope": {
            "type": "object",
            "properties": {"__type": {"type": "string"}, "type": {"type": "string"}}
        }}}});
        run(&mut doc, &mut Context::new("ApiError")).unwrap();
        let kept: Vec<_> = doc["components"]["schemas"]["Envelope"]["properties"]
            .as_object()
            .unwrap()
            .keys()
            .cloned()
            .collect();
        // Without a required one, the one Rust already spells so.
        assert_eq!(kept, ["type"]);
    }
}
