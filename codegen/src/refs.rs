//! Following a description's local `$ref`s, for the steps that read the
//! document beside the generated code (forms, parameters' documentation).

use serde_json::Value;

/// Follows local `$ref`s into `components` (a cycle or a dangling
/// reference stops at the reference itself).
pub fn resolve<'v>(components: &'v Value, mut schema: &'v Value) -> &'v Value {
    for _ in 0..32 {
        let Some(name) = schema
            .get("$ref")
            .and_then(Value::as_str)
            .and_then(|r| r.strip_prefix("#/components/"))
        else {
            return schema;
        };
        let mut target = components;
        for part in name.split('/') {
            match target.get(part) {
                Some(next) => target = next,
                None => return schema,
            }
        }
        schema = target;
    }
    schema
}
