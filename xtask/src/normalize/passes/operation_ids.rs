//! Operation ids become the client's method names: snake_case them
//! (`socialAccount.profileRefresh` -> `social_account_profile_refresh`),
//! derive one from method and path where the provider gave none, and reject
//! two operations that end up with the same name.

use std::collections::BTreeMap;

use serde_json::{json, Value};

use crate::normalize::{
    for_each_operation, names::snake_case, operation_pointer, Context, NormalizeError, Pass,
};

pub const PASS: Pass = Pass {
    name: "operation-ids",
    what: "snake_case operation ids, derive missing ones, reject duplicates",
    essential: true,
    run,
};

fn run(doc: &mut Value, ctx: &mut Context) -> Result<(), NormalizeError> {
    let mut seen: BTreeMap<String, String> = BTreeMap::new();
    let lenient = ctx.lenient;
    let mut numbered = Vec::new();
    for_each_operation(doc, |path, method, op| {
        let at = operation_pointer(path, method);
        let id = match op.get("operationId") {
            Some(Value::String(id)) => snake_case(id),
            Some(_) => {
                return Err(NormalizeError::new(
                    format!("{at}/operationId"),
                    "`operationId` must be a string",
                ))
            }
            None => snake_case(&format!("{method} {}", path.replace(['{', '}'], ""))),
        };
        // Two ids that are the same once in snake case, or two derived from
        // paths that differ only in punctuation (`/users/~` and `/users`):
        // a derived one, or any under --lenient, is numbered; a duplicate
        // the description wrote is its error to fix.
        let derived = op.get("operationId").is_none();
        let mut id = id;
        if let Some(first) = seen.get(&id).cloned() {
            if !(derived || lenient) {
                return Err(NormalizeError::new(
                    format!("{at}/operationId"),
                    format!("operation id `{id}` is also used by {first} (rename one in the overlay, or run with --lenient to number it)"),
                ));
            }
            let base = id.clone();
            let mut n = 2;
            while seen.contains_key(&id) {
                id = format!("{base}_{n}");
                n += 1;
            }
            numbered.push((
                format!("{at}/operationId"),
                format!("operation id `{base}` is also used by {first}: this one is `{id}`"),
            ));
        }
        seen.insert(id.clone(), at.clone());
        op["operationId"] = json!(id);
        Ok(())
    })?;
    for (at, message) in numbered {
        ctx.warn(PASS.name, at, message);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_duplicate_derived_id_or_a_lenient_one_is_numbered() {
        let doc = json!({"paths": {
            "/users": {"get": {}},
            "/users/~": {"get": {}},
            "/a": {"get": {"operationId": "listThings"}},
            "/b": {"get": {"operationId": "list_things"}}
        }});
        let err = run(&mut doc.clone(), &mut Context::new("ApiError")).unwrap_err();
        assert!(err.message.contains("--lenient"), "{}", err.message);
        let mut lenient = doc.clone();
        let mut ctx = Context::new("ApiError").lenient(true);
        run(&mut lenient, &mut ctx).unwrap();
        assert_eq!(
            lenient["paths"]["/b"]["get"]["operationId"],
            "list_things_2"
        );
        assert_eq!(
            lenient["paths"]["/users/~"]["get"]["operationId"],
            "get_users_2"
        );
        assert_eq!(ctx.warnings.len(), 2);
    }

    #[test]
    fn sanitizes_and_derives_ids() {
        let mut doc = json!({"paths": {
            "/api/v1/social-account/profile-refresh": {"post": {"operationId": "socialAccount.profileRefresh"}},
            "/teams/{id}": {"get": {}}
        }});
        run(&mut doc, &mut Context::new("ApiError")).unwrap();
        assert_eq!(
            doc["paths"]["/api/v1/social-account/profile-refresh"]["post"]["operationId"],
            "social_account_profile_refresh"
        );
        assert_eq!(
            doc["paths"]["/teams/{id}"]["get"]["operationId"],
            "get_teams_id"
        );
    }

    #[test]
    fn duplicates_after_sanitizing_are_an_error_naming_both() {
        let mut doc = json!({"paths": {
            "/a": {"get": {"operationId": "team.get"}},
            "/b": {"get": {"operationId": "team_get"}}
        }});
        let err = run(&mut doc, &mut Context::new("ApiError")).unwrap_err();
        assert_eq!(err.pointer, "/paths/~1b/get/operationId");
        assert!(err.message.contains("/paths/~1a/get"), "{}", err.message);
    }
}
