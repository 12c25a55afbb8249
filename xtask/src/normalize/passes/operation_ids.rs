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

fn run(doc: &mut Value, _: &mut Context) -> Result<(), NormalizeError> {
    let mut seen: BTreeMap<String, String> = BTreeMap::new();
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
        if let Some(first) = seen.insert(id.clone(), at.clone()) {
            return Err(NormalizeError::new(
                format!("{at}/operationId"),
                format!("operation id `{id}` is also used by {first}"),
            ));
        }
        op["operationId"] = json!(id);
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

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
