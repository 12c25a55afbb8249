//! progenitor gives each operation one success type and asserts when its 2xx
//! responses disagree. This pass makes them agree: a `default` response next
//! to explicit 2xx or 3xx ones describes errors, so it becomes `4XX`/`5XX`; among
//! 2xx responses the lowest-coded JSON body wins and other bodies of a
//! different shape are dropped (their status then surfaces as an unexpected
//! response, still a typed error); bodiless 2xx responses next to raw ones get
//! a raw body so all share one kind.

use serde_json::{json, Value};

use super::responses::{classify, has_raw_body, json_schema, Class};
use super::schema_shape::shape_key;
use crate::normalize::{for_each_operation, Context, NormalizeError, Pass};

pub const PASS: Pass = Pass {
    name: "success-bodies",
    what:
        "give every operation one success body kind; turn `default` next to 2xx or 3xx into 4XX/5XX",
    essential: true,
    run,
};

fn run(doc: &mut Value, ctx: &mut Context) -> Result<(), NormalizeError> {
    let mut upgrades = Vec::new();
    for_each_operation(doc, |path, method, op| {
        let Some(responses) = op.get_mut("responses").and_then(Value::as_object_mut) else {
            return Ok(());
        };
        // progenitor makes a 101 a connection upgrade (its own answer
        // kind), which a client gets only by asking for one; next to a 2xx
        // the client, which does not ask, gets the 2xx (Docker's attach:
        // 101 and 200), and two success kinds make progenitor assert.
        if responses.contains_key("101") && responses.keys().any(|k| k.starts_with('2')) {
            responses.remove("101");
            upgrades.push(format!(
                "{}/responses/101",
                crate::normalize::operation_pointer(path, method)
            ));
        }
        // A 3xx is an answer too (a redirect to follow, "not modified"):
        // next to one, as next to a 2xx, `default` can only describe errors.
        // progenitor would otherwise take it as the success type and, as an
        // error type too, assert on its two error types.
        let explicit_answer = responses
            .keys()
            .any(|k| k.starts_with('2') || k.starts_with('3'));
        if explicit_answer {
            if let Some(default) = responses.remove("default") {
                for range in ["4XX", "5XX"] {
                    responses.entry(range).or_insert_with(|| default.clone());
                }
            }
        }
        let success: Vec<String> = responses
            .keys()
            .filter(|k| classify(k) == Class::Success)
            .cloned()
            .collect();
        let first_json = success
            .iter()
            .find_map(|k| json_schema(&responses[k]).map(shape_key));
        match first_json {
            Some(winner) => responses.retain(|k, r| {
                classify(k) != Class::Success
                    || json_schema(r).is_some_and(|s| shape_key(s) == winner)
            }),
            None if success.iter().any(|k| has_raw_body(&responses[k])) => {
                for k in &success {
                    let response = responses.get_mut(k).expect("key taken from the map");
                    if !has_raw_body(response) {
                        response["content"] = json!({"application/octet-stream": {}});
                    }
                }
            }
            None => {}
        }
        Ok(())
    })?;
    for at in upgrades {
        ctx.warn(
            PASS.name,
            at,
            "a 101 upgrade beside a 2xx: the client asks for no upgrade, so the 2xx is its answer; the 101 is left out",
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn responses_after(responses: Value) -> Value {
        let mut doc =
            json!({"paths": {"/a": {"get": {"operationId": "a", "responses": responses}}}});
        run(&mut doc, &mut Context::new("ApiError")).unwrap();
        doc["paths"]["/a"]["get"]["responses"].clone()
    }

    #[test]
    fn default_next_to_2xx_becomes_error_ranges() {
        let out = responses_after(json!({
            "200": {"description": "ok"},
            "404": {"description": "nf"},
            "default": {"description": "err"}
        }));
        let keys: Vec<_> = out.as_object().unwrap().keys().collect();
        assert_eq!(keys, ["200", "404", "4XX", "5XX"]);
    }

    #[test]
    fn default_next_to_a_redirect_becomes_error_ranges() {
        let out = responses_after(json!({
            "301": {"description": "redirect"},
            "400": {"description": "bad"},
            "default": {"description": "err"}
        }));
        assert!(out.get("default").is_none());
        assert_eq!(out["400"]["description"], "bad");
        assert_eq!(out["5XX"]["description"], "err");
    }

    #[test]
    fn an_upgrade_beside_a_2xx_is_left_out() {
        let out = responses_after(json!({
            "101": {"description": "hijacked"},
            "200": {"description": "ok"}
        }));
        assert!(out.get("101").is_none());
        assert!(out.get("200").is_some());
        // Alone, it stays: progenitor binds the upgrade.
        assert!(responses_after(json!({"101": {"description": "ws"}}))
            .get("101")
            .is_some());
    }

    #[test]
    fn default_alone_stays_the_success_response() {
        let out = responses_after(json!({"default": {"description": "ok"}}));
        assert!(out.get("default").is_some());
    }

    #[test]
    fn the_lowest_json_success_body_wins() {
        let a = json!({"content": {"application/json": {"schema": {"type": "object", "properties": {"a": {"type": "string"}}}}}});
        let b = json!({"content": {"application/json": {"schema": {"type": "string"}}}});
        let out = responses_after(json!({"200": a, "201": b, "204": {"description": "none"}}));
        let keys: Vec<_> = out.as_object().unwrap().keys().collect();
        assert_eq!(keys, ["200"]);
    }

    #[test]
    fn raw_and_bodiless_successes_become_raw() {
        let out = responses_after(
            json!({"200": {"content": {"text/csv": {}}}, "204": {"description": "none"}}),
        );
        assert_eq!(
            out["204"]["content"],
            json!({"application/octet-stream": {}})
        );
    }
}
