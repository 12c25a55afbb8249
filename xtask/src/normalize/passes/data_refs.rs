//! Leave out data members that hold a `$ref` which does not resolve.
//!
//! The `refs` pass does not follow references inside data (vendor
//! extensions, examples; see [`is_data_member`]), so a description may carry
//! Spotify's `x-spotify-policy-list: [{$ref: "#/components/x-spotify-policy/..."}]`
//! or a reference to another file. Other readers of the normalized document
//! do follow them (Prism refuses to start), and the sections they point at
//! may be gone after `prune`. This last pass removes each such member, with
//! a warning naming it.

use serde_json::Value;

use crate::normalize::pointer::{is_data_member, resolve, unescape, walk};
use crate::normalize::{Context, NormalizeError, Pass};

pub const PASS: Pass = Pass {
    name: "data-refs",
    what: "leave out extensions and examples holding a $ref that does not resolve",
    essential: true,
    run,
};

fn run(doc: &mut Value, ctx: &mut Context) -> Result<(), NormalizeError> {
    // Removing one member can leave another's reference dangling (Spotify's
    // path-level lists point into a vendor section whose own references
    // lead to another file), so repeat until nothing is left to remove.
    loop {
        let dangling = dangling_data(doc);
        if dangling.is_empty() {
            return Ok(());
        }
        remove(doc, dangling, ctx);
    }
}

fn remove(doc: &mut Value, dangling: Vec<String>, ctx: &mut Context) {
    for at in dangling {
        if let Some((parent, key)) = at.rsplit_once('/') {
            if let Some(map) = doc.pointer_mut(parent).and_then(Value::as_object_mut) {
                map.remove(&unescape(key));
                ctx.warn(
                    PASS.name,
                    at,
                    "left out: it holds a `$ref` that does not resolve in the normalized document",
                );
            }
        }
    }
}

/// The members of `components` OpenAPI defines. Any other (Azure's and
/// other generators' `parameterGroups`) is the vendor's own data: Prism
/// follows its references and refused to start when the parameters they
/// named had been inlined away.
const STANDARD_SECTIONS: [&str; 10] = [
    "schemas",
    "responses",
    "parameters",
    "examples",
    "requestBodies",
    "headers",
    "securitySchemes",
    "links",
    "callbacks",
    "pathItems",
];

/// Pointers of data members (see [`is_data_member`]) that hold a `$ref`
/// that does not resolve, outermost only.
fn dangling_data(doc: &Value) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    walk(doc, &mut String::new(), &mut |at, node| {
        let Some(r) = node.get("$ref").and_then(Value::as_str) else {
            return;
        };
        if resolve(doc, r).is_some() {
            return;
        }
        // The outermost data member on the way to this reference.
        let mut prefix = String::new();
        for (depth, token) in at.split('/').skip(1).enumerate() {
            prefix.push('/');
            prefix.push_str(token);
            let key = crate::normalize::pointer::unescape(token);
            let vendor_section = depth == 1
                && at.starts_with("/components/")
                && !STANDARD_SECTIONS.contains(&key.as_str());
            if is_data_member(&key) || vendor_section {
                if !found.iter().any(|f| prefix.starts_with(f.as_str())) {
                    found.push(prefix.clone());
                }
                return;
            }
        }
    });
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn dangling_references_in_data_are_left_out() {
        let mut doc = json!({"components": {"schemas": {"A": {
            "type": "string",
            "x-policy": [{"$ref": "#/components/x-vendor/Nope"}],
            "x-kept": [{"$ref": "#/components/schemas/A"}],
            "x-second": {"$ref": "#/components/schemas/A/x-vendor"},
            "x-vendor": {"list": [{"$ref": "../other.yaml"}]},
            "example": {"$ref": "../other.yaml"}
        }}}});
        let mut ctx = Context::new("ApiError");
        run(&mut doc, &mut ctx).unwrap();
        assert_eq!(
            doc["components"]["schemas"]["A"],
            json!({"type": "string", "x-kept": [{"$ref": "#/components/schemas/A"}]})
        );
        let pointers: Vec<_> = ctx.warnings.iter().map(|w| w.pointer.as_str()).collect();
        assert_eq!(
            pointers,
            [
                "/components/schemas/A/example",
                "/components/schemas/A/x-policy",
                "/components/schemas/A/x-vendor",
                // Dangling only once x-vendor is gone.
                "/components/schemas/A/x-second"
            ]
        );
    }

    #[test]
    fn a_vendor_section_of_components_is_data() {
        let mut doc = json!({"components": {
            "schemas": {"A": {"type": "string"}},
            "parameterGroups": {"Paging": [{"$ref": "#/components/parameters/Limit"}]}
        }});
        let mut ctx = Context::new("ApiError");
        run(&mut doc, &mut ctx).unwrap();
        assert!(doc["components"].get("parameterGroups").is_none());
        assert_eq!(ctx.warnings[0].pointer, "/components/parameterGroups");
    }
}
