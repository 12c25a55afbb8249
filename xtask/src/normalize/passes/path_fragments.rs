//! Say where a path holds a `#fragment`.
//!
//! Box describes two operations on one method and URL by writing
//! `/shared_items#app_items` beside `/shared_items` (and
//! `/metadata_templates/schema#classifications`): JSON keys must differ, and
//! a fragment makes them differ. The generated client works, since the
//! fragment never leaves it (an HTTP client does not send one), so the twins
//! differ on the wire only by their parameters or body (Box: a `fields`
//! query, the shared link header), and a mock server (Prism) answers both
//! with the first one's answer. Nothing is changed (both operations stay
//! callable); the warning names the twin, so a failed decode there has its
//! explanation.

use serde_json::Value;

use crate::normalize::pointer::escape;
use crate::normalize::{Context, NormalizeError, Pass, METHODS};

pub const PASS: Pass = Pass {
    name: "path-fragments",
    what: "warn where a path's `#fragment` is all that tells an operation from another",
    essential: false,
    run,
};

fn run(doc: &mut Value, ctx: &mut Context) -> Result<(), NormalizeError> {
    let Some(paths) = doc.get("paths").and_then(Value::as_object) else {
        return Ok(());
    };
    for (path, item) in paths {
        let Some((sent, fragment)) = path.split_once('#') else {
            continue;
        };
        for method in METHODS.iter().filter(|m| item.get(**m).is_some()) {
            let twin = paths
                .get(sent)
                .and_then(|other| other.get(*method))
                .and_then(|op| op.get("operationId"))
                .and_then(Value::as_str);
            let message = match twin {
                Some(twin) => format!(
                    "`#{fragment}` is not sent, so this request is `{} {sent}` like operation `{twin}`'s: only parameters or body tell them apart, and a mock server (Prism) answers both with one answer",
                    method.to_uppercase()
                ),
                None => format!("`#{fragment}` is not sent; the request goes to `{sent}`"),
            };
            ctx.warn(
                PASS.name,
                format!("/paths/{}/{method}", escape(path)),
                message,
            );
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn a_fragment_twin_is_named_and_nothing_changes() {
        let doc = json!({"paths": {
            "/shared_items": {"get": {"operationId": "get_shared_items"}},
            "/shared_items#app_items": {"get": {"operationId": "get_shared_items_app_items"}},
            "/lonely#x": {"post": {"operationId": "lonely"}},
            "/plain": {"get": {"operationId": "plain"}}
        }});
        assert_eq!(
            crate::normalize::passes::warnings_only(run, doc),
            [
                "pass `path-fragments`: at /paths/~1lonely#x/post: `#x` is not sent; the request goes to `/lonely`",
                "pass `path-fragments`: at /paths/~1shared_items#app_items/get: `#app_items` is not sent, so this request is `GET /shared_items` like operation `get_shared_items`'s: only parameters or body tell them apart, and a mock server (Prism) answers both with one answer",
            ]
        );
    }
}
