//! A one-line-per-operation summary of a normalized spec, `operation: METHOD
//! path -> success type (body: request type) ! error type`, so reviewers
//! see every type name an operation uses, and naming drift shows up in a
//! snapshot diff.

use serde_json::Value;

use crate::normalize::operations;

pub fn render(doc: &Value) -> String {
    let mut lines = Vec::new();
    for (path, method, op) in operations(doc) {
        let id = op["operationId"].as_str().unwrap_or("?");
        let body = op
            .pointer("/requestBody/content/application~1json/schema")
            .map(type_name)
            .or_else(|| {
                // A form: its fields, as the generated method takes them.
                let form = op.pointer("/requestBody/content/multipart~1form-data/schema")?;
                let fields: Vec<&str> = form
                    .get("properties")
                    .and_then(Value::as_object)
                    .map(|p| p.keys().map(String::as_str).collect())
                    .unwrap_or_default();
                Some(format!("form {}", fields.join(", ")))
            });
        let mut success = "()".to_string();
        let mut error = "-".to_string();
        for (code, response) in op
            .get("responses")
            .and_then(Value::as_object)
            .into_iter()
            .flatten()
        {
            let Some(schema) = response.pointer("/content/application~1json/schema") else {
                continue;
            };
            if code.starts_with('2') || code == "default" {
                success = type_name(schema);
            } else {
                error = type_name(schema);
            }
        }
        let body = body.map(|b| format!(" (body: {b})")).unwrap_or_default();
        lines.push(format!(
            "{id}: {} {path}{body} -> {success} ! {error}",
            method.to_uppercase()
        ));
    }
    lines.sort();
    lines.join("\n") + "\n"
}

/// How a schema reads as a Rust type, roughly: a component name, `[T]`,
/// `T?` for nullable, or the JSON type.
fn type_name(schema: &Value) -> String {
    let base = if let Some(r) = schema.get("$ref").and_then(Value::as_str) {
        crate::normalize::pointer::ref_name(r).to_string()
    } else if let Some([one]) = schema
        .get("allOf")
        .and_then(Value::as_array)
        .map(Vec::as_slice)
    {
        type_name(one)
    } else if let Some(items) = schema.get("items") {
        format!("[{}]", type_name(items))
    } else {
        schema
            .get("type")
            .and_then(Value::as_str)
            .unwrap_or("any")
            .to_string()
    };
    if schema.get("nullable") == Some(&Value::Bool(true)) {
        format!("{base}?")
    } else {
        base
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn one_sorted_line_per_operation() {
        let doc = json!({"paths": {"/a/{id}": {
            "get": {"operationId": "get_a", "responses": {
                "200": {"content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/A"}}}}},
                "404": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/ApiError"}}}}
            }},
            "delete": {"operationId": "delete_a", "requestBody": {"content": {"application/json": {"schema": {"allOf": [{"$ref": "#/components/schemas/Sel"}], "nullable": true}}}}, "responses": {"204": {}}}
        }}});
        assert_eq!(
            render(&doc),
            "delete_a: DELETE /a/{id} (body: Sel?) -> () ! -\nget_a: GET /a/{id} -> [A] ! ApiError\n"
        );
    }
}
