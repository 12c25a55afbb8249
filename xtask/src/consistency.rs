//! A normalized spec must agree with `providers.toml` on where the API is and
//! how it authenticates; the hand-written constructors rely on both.

use serde_json::Value;

use crate::normalize::{operations, Unbound};
use crate::providers::{Auth, Prose, Provider};

/// Every operation the normalizer could not bind must be bound by hand (and
/// listed in `hand_written`), so none is lost without anyone deciding so; a
/// listed operation that is bound after all is a stale entry.
pub fn check_unbound(unbound: &[Unbound], provider: &Provider) -> Result<(), String> {
    for u in unbound {
        if !provider.hand_written.contains(&u.operation) {
            return Err(format!(
                "operation `{}` cannot be generated ({}) and is not listed in providers.toml `hand_written`",
                u.operation, u.reason
            ));
        }
    }
    for name in &provider.hand_written {
        if !unbound.iter().any(|u| &u.operation == name) {
            return Err(format!(
                "`hand_written` lists `{name}`, which is not an unbound operation of the spec"
            ));
        }
    }
    Ok(())
}

/// Checks `spec` against `provider`; the message says which field disagrees.
pub fn check(spec: &Value, provider: &Provider) -> Result<(), String> {
    if provider.prose == Prose::Own {
        summarized(spec)?;
    }
    trustworthy_names(spec)?;
    let server = spec.pointer("/servers/0/url").and_then(Value::as_str);
    if server != Some(provider.base_url.as_str()) {
        return Err(format!(
            "servers[0].url is {server:?} but providers.toml says base_url = {:?}",
            provider.base_url
        ));
    }
    let schemes = spec
        .pointer("/components/securitySchemes")
        .and_then(Value::as_object)
        .ok_or("the spec declares no components.securitySchemes")?;
    if schemes.values().any(|s| matches_auth(s, &provider.auth)) {
        Ok(())
    } else {
        Err(format!(
            "no security scheme in the spec matches providers.toml auth {:?}",
            provider.auth
        ))
    }
}

/// With the provider's prose removed, every operation's documentation is the
/// summary the project's overlay gives it; one without is a new operation
/// nobody has described yet.
fn summarized(spec: &Value) -> Result<(), String> {
    let missing: Vec<String> = operations(spec)
        .filter(|(_, _, op)| {
            op.get("summary")
                .and_then(Value::as_str)
                .is_none_or(|s| s.trim().is_empty())
        })
        .map(|(path, method, _)| format!("{} {path}", method.to_uppercase()))
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    Err(format!(
        "{} operation(s) have no summary; providers.toml says prose = \"own\", so overlay.yaml must give each one: {}",
        missing.len(),
        missing.join(", ")
    ))
}

/// No committed type is named after one operation while others use it, or
/// after a sibling of the property that holds it (`tiktok: Bluesky`): the
/// `shared-names` pass renames what it can, the overlay pins the rest.
fn trustworthy_names(spec: &Value) -> Result<(), String> {
    let misleading = crate::normalize::passes::shared_names::misleading(spec);
    if misleading.is_empty() {
        return Ok(());
    }
    Err(format!(
        "{} type name(s) mislead; pin each with `x-social-clients-name` in the overlay: {}",
        misleading.len(),
        misleading.join("; ")
    ))
}

fn matches_auth(scheme: &Value, auth: &Auth) -> bool {
    let kind = scheme.get("type").and_then(Value::as_str);
    let api_key_header = (kind == Some("apiKey")
        && scheme.get("in").and_then(Value::as_str) == Some("header"))
    .then(|| scheme.get("name").and_then(Value::as_str))
    .flatten();
    match auth {
        Auth::Header { header } => api_key_header.is_some_and(|n| n.eq_ignore_ascii_case(header)),
        Auth::Bearer { header } => {
            let http_bearer = kind == Some("http")
                && scheme
                    .get("scheme")
                    .and_then(Value::as_str)
                    .is_some_and(|s| s.eq_ignore_ascii_case("bearer"));
            (http_bearer && header.eq_ignore_ascii_case("authorization"))
                || api_key_header.is_some_and(|n| n.eq_ignore_ascii_case(header))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn provider(auth: Auth) -> Provider {
        Provider {
            title: "T".into(),
            upstream_url: None,
            upstream_format: None,
            docs_url: "https://docs.example".into(),
            base_url: "https://api.example".into(),
            source: "source.yaml".into(),
            auth,
            error_schema: "ApiError".into(),
            licence: "l".into(),
            hand_written: vec!["upload_create".into()],
            select: None,
            prose: Default::default(),
        }
    }

    fn spec(scheme: Value) -> Value {
        json!({"servers": [{"url": "https://api.example"}], "components": {"securitySchemes": {"s": scheme}}})
    }

    #[test]
    fn unbound_operations_must_be_hand_written() {
        let p = provider(Auth::Header {
            header: "x-api-key".into(),
        });
        let unbound = |op: &str| {
            vec![Unbound {
                operation: op.into(),
                reason: "multipart".into(),
            }]
        };
        check_unbound(&unbound("upload_create"), &p).unwrap();
        assert!(check_unbound(&unbound("post_csv_create"), &p)
            .unwrap_err()
            .contains("post_csv_create"));
        assert!(check_unbound(&[], &p)
            .unwrap_err()
            .contains("not an unbound operation"));
    }

    #[test]
    fn header_and_bearer_schemes_match() {
        let header = provider(Auth::Header {
            header: "x-api-key".into(),
        });
        check(
            &spec(json!({"type": "apiKey", "in": "header", "name": "X-API-Key"})),
            &header,
        )
        .unwrap();
        let bearer = provider(Auth::Bearer {
            header: "Authorization".into(),
        });
        check(&spec(json!({"type": "http", "scheme": "bearer"})), &bearer).unwrap();
        let custom = provider(Auth::Bearer {
            header: "Authentication".into(),
        });
        check(
            &spec(json!({"type": "apiKey", "in": "header", "name": "Authentication"})),
            &custom,
        )
        .unwrap();
        assert!(check(&spec(json!({"type": "http", "scheme": "bearer"})), &custom).is_err());
    }

    #[test]
    fn a_different_server_or_missing_schemes_are_reported() {
        let header = provider(Auth::Header {
            header: "x-api-key".into(),
        });
        let mut s = spec(json!({"type": "apiKey", "in": "header", "name": "x-api-key"}));
        s["servers"][0]["url"] = json!("https://elsewhere");
        assert!(check(&s, &header).unwrap_err().contains("servers[0].url"));
        assert!(check(
            &json!({"servers": [{"url": "https://api.example"}]}),
            &header
        )
        .unwrap_err()
        .contains("securitySchemes"));
    }

    #[test]
    fn own_prose_needs_a_summary_on_every_operation() {
        let mut own = provider(Auth::Header {
            header: "x-api-key".into(),
        });
        own.prose = Prose::Own;
        let mut s = spec(json!({"type": "apiKey", "in": "header", "name": "x-api-key"}));
        s["paths"] = json!({"/a": {
            "get": {"operationId": "a", "summary": "Read an a."},
            "post": {"operationId": "b", "summary": " "}
        }});
        let err = check(&s, &own).unwrap_err();
        assert!(
            err.contains("1 operation(s)") && err.contains("POST /a"),
            "{err}"
        );
        s["paths"]["/a"]["post"]["summary"] = json!("Make an a.");
        check(&s, &own).unwrap();
        // The provider's own words are kept otherwise; none are demanded.
        s["paths"]["/a"]["post"]
            .as_object_mut()
            .unwrap()
            .remove("summary");
        own.prose = Prose::Provider;
        check(&s, &own).unwrap();
    }
}
