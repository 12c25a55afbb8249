//! Visiting every schema of a description, and only schemas.
//!
//! A naive walk over every JSON object cannot tell a keyword from a name: a
//! property may be called `default`, `const` or `type`, and an example value
//! may look like a schema. This visitor starts from the places OpenAPI puts
//! schemas (components, parameters, headers, media types) and descends only
//! through the keywords that hold subschemas, so a pass that rewrites
//! keywords never touches names or data.

use serde_json::{Map, Value};

use super::pointer::escape;
use super::METHODS;

/// Keywords whose value is one subschema.
const ONE: [&str; 8] = [
    "items",
    "additionalProperties",
    "not",
    "propertyNames",
    "contains",
    "if",
    "then",
    "else",
];
/// Keywords whose value is a list of subschemas.
const LIST: [&str; 4] = ["allOf", "anyOf", "oneOf", "prefixItems"];
/// Keywords whose value maps names to subschemas.
const MAP: [&str; 4] = [
    "properties",
    "patternProperties",
    "$defs",
    "dependentSchemas",
];

/// The strings of a list keyword such as `required` or `tags` (`None`, a
/// non-list and non-string items give nothing).
pub fn string_list(list: Option<&Value>) -> impl Iterator<Item = &str> {
    list.and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
}

/// Calls `f(pointer, schema)` for every schema object in `doc`, parents
/// before their subschemas (so `f` may rewrite the keywords it then sees
/// descended into). `$ref` targets are visited where they are defined.
pub fn for_each_schema(doc: &mut Value, f: &mut impl FnMut(&str, &mut Map<String, Value>)) {
    let Some(root) = doc.as_object_mut() else {
        return;
    };
    if let Some(components) = root.get_mut("components").and_then(Value::as_object_mut) {
        named(components.get_mut("schemas"), "/components/schemas", f);
        // Swagger-converted and 3.0 documents keep shared pieces here.
        for (kind, holder) in [
            ("parameters", Holder::Parameter),
            ("headers", Holder::Parameter),
            ("requestBodies", Holder::Body),
            ("responses", Holder::Response),
        ] {
            if let Some(items) = components.get_mut(kind).and_then(Value::as_object_mut) {
                for (name, item) in items.iter_mut() {
                    holder.visit(item, &format!("/components/{kind}/{}", escape(name)), f);
                }
            }
        }
    }
    let Some(paths) = root.get_mut("paths").and_then(Value::as_object_mut) else {
        return;
    };
    for (path, item) in paths.iter_mut() {
        let at = format!("/paths/{}", escape(path));
        parameters(item.get_mut("parameters"), &format!("{at}/parameters"), f);
        for method in METHODS {
            let Some(op) = item.get_mut(method) else {
                continue;
            };
            let at = format!("{at}/{method}");
            parameters(op.get_mut("parameters"), &format!("{at}/parameters"), f);
            if let Some(body) = op.get_mut("requestBody") {
                Holder::Body.visit(body, &format!("{at}/requestBody"), f);
            }
            if let Some(responses) = op.get_mut("responses").and_then(Value::as_object_mut) {
                for (code, response) in responses.iter_mut() {
                    Holder::Response.visit(response, &format!("{at}/responses/{code}"), f);
                }
            }
        }
    }
}

/// What holds a schema outside of schemas.
#[derive(Clone, Copy)]
enum Holder {
    /// A parameter or header: `schema`, or `content` like a body.
    Parameter,
    /// A request body: `content`.
    Body,
    /// A response: `content` and `headers`.
    Response,
}

impl Holder {
    fn visit(self, item: &mut Value, at: &str, f: &mut impl FnMut(&str, &mut Map<String, Value>)) {
        if let Holder::Parameter = self {
            if let Some(schema) = item.get_mut("schema") {
                visit(schema, &format!("{at}/schema"), f);
            }
        }
        if let Holder::Response = self {
            if let Some(headers) = item.get_mut("headers").and_then(Value::as_object_mut) {
                for (name, header) in headers.iter_mut() {
                    Holder::Parameter.visit(header, &format!("{at}/headers/{}", escape(name)), f);
                }
            }
        }
        if let Some(content) = item.get_mut("content").and_then(Value::as_object_mut) {
            for (media, body) in content.iter_mut() {
                if let Some(schema) = body.get_mut("schema") {
                    visit(schema, &format!("{at}/content/{}/schema", escape(media)), f);
                }
            }
        }
    }
}

fn parameters(
    list: Option<&mut Value>,
    at: &str,
    f: &mut impl FnMut(&str, &mut Map<String, Value>),
) {
    for (i, p) in list
        .and_then(Value::as_array_mut)
        .into_iter()
        .flatten()
        .enumerate()
    {
        Holder::Parameter.visit(p, &format!("{at}/{i}"), f);
    }
}

fn named(map: Option<&mut Value>, at: &str, f: &mut impl FnMut(&str, &mut Map<String, Value>)) {
    for (name, schema) in map.and_then(Value::as_object_mut).into_iter().flatten() {
        visit(schema, &format!("{at}/{}", escape(name)), f);
    }
}

/// Visits `schema` and everything below it.
pub fn visit(schema: &mut Value, at: &str, f: &mut impl FnMut(&str, &mut Map<String, Value>)) {
    let Some(map) = schema.as_object_mut() else {
        return;
    };
    f(at, map);
    for key in ONE {
        if let Some(sub) = map.get_mut(key) {
            visit(sub, &format!("{at}/{key}"), f);
        }
    }
    for key in LIST {
        for (i, sub) in map
            .get_mut(key)
            .and_then(Value::as_array_mut)
            .into_iter()
            .flatten()
            .enumerate()
        {
            visit(sub, &format!("{at}/{key}/{i}"), f);
        }
    }
    for key in MAP {
        named(map.get_mut(key), &format!("{at}/{key}"), f);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn visits_schemas_not_names_or_examples() {
        let mut doc = json!({
            "components": {"schemas": {"A": {"type": "object", "properties": {
                "default": {"type": "string"},
                "list": {"type": "array", "items": {"oneOf": [{"type": "integer"}]}}
            }, "example": {"properties": {"x": {}}}}}},
            "paths": {"/a": {"get": {
                "parameters": [{"name": "q", "in": "query", "schema": {"type": "string"}}],
                "responses": {"200": {"headers": {"H": {"schema": {"type": "integer"}}},
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/A"}}}}}
            }}}
        });
        let mut seen = Vec::new();
        for_each_schema(&mut doc, &mut |at, _| seen.push(at.to_string()));
        assert_eq!(
            seen,
            [
                "/components/schemas/A",
                "/components/schemas/A/properties/default",
                "/components/schemas/A/properties/list",
                "/components/schemas/A/properties/list/items",
                "/components/schemas/A/properties/list/items/oneOf/0",
                "/paths/~1a/get/parameters/0/schema",
                "/paths/~1a/get/responses/200/headers/H/schema",
                "/paths/~1a/get/responses/200/content/application~1json/schema",
            ]
        );
    }
}
