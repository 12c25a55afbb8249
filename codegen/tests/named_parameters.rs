//! The shape of a generated call: path parameters and the body by position
//! (at most four), everything else named in a `params::<Op>Params` whose
//! `new` takes exactly the required parameters, and a parameter the
//! provider adds later never changing what a caller wrote.

use social_clients_codegen::{generate, Style, MAX_POSITIONAL};

/// A list operation with a path parameter, a required and two optional
/// query parameters, in an order that is not alphabetical; `extra` adds
/// more parameters.
fn spec(extra: &str) -> String {
    format!(
        r##"{{"openapi": "3.0.3", "info": {{"title": "T", "version": "1"}},
        "paths": {{"/teams/{{teamId}}/posts": {{"post": {{"operationId": "list_posts",
            "parameters": [
                {{"name": "teamId", "in": "path", "required": true, "schema": {{"type": "string"}}}},
                {{"name": "status", "in": "query", "required": true, "schema": {{"type": "string"}}}},
                {{"name": "limit", "in": "query", "schema": {{"type": "integer", "minimum": 1, "maximum": 50, "default": 10}}}},
                {{"name": "after", "in": "query", "schema": {{"type": "string", "format": "date-time"}}}}
                {extra}
            ],
            "requestBody": {{"required": true, "content": {{"application/json": {{"schema": {{"$ref": "#/components/schemas/Filter"}}}}}}}},
            "responses": {{"200": {{"description": "ok", "content": {{"application/json": {{"schema": {{"type": "array", "items": {{"type": "string"}}}}}}}}}}}}
        }}}}}},
        "components": {{"schemas": {{"Filter": {{"type": "object", "required": ["q"], "properties": {{
            "q": {{"type": "string"}}, "tags": {{"type": "array", "items": {{"type": "string"}}}}}}}}}}}}}}"##
    )
}

/// The source without whitespace, for `contains` checks.
fn compact(source: &str) -> String {
    source.split_whitespace().collect()
}

/// The item of `source` that starts at `start` (compacted), up to its
/// first `{`.
fn signature<'s>(source: &'s str, start: &str) -> &'s str {
    let at = source.find(start).unwrap_or_else(|| panic!("no `{start}`"));
    let rest = &source[at..];
    &rest[..rest.find('{').unwrap()]
}

#[test]
fn path_and_body_stay_positional_and_the_rest_is_named() {
    let source = compact(&generate(&spec(""), Style::Positional).unwrap().source);
    assert!(
        source.contains(
            "pubasyncfnlist_posts<'a>(&'aself,team_id:&'astr,body:&'atypes::Filter,params:params::ListPostsParams,)"
        ),
        "{source}"
    );
    // `new` takes the required query parameter; the optional ones are
    // setters taking the value itself.
    assert!(source.contains("pubfnnew(status:implInto<::std::string::String>)->Self"));
    assert!(
        source.contains(
            "pubfnlimit(mutself,value:::std::num::NonZeroU64)->Self{self.limit=Some(value);self}"
        ),
        "{source}"
    );
    assert!(source
        .contains("pubfnafter(mutself,value:::chrono::DateTime<::chrono::offset::Utc>,)->Self"));
    // Fields in the description's order, not progenitor's alphabetical one.
    let body = &source[source.find("pubstructListPostsParams{").unwrap()..];
    let (status, limit, after) = (
        body.find("pubstatus:").unwrap(),
        body.find("publimit:").unwrap(),
        body.find("pubafter:").unwrap(),
    );
    assert!(status < limit && limit < after, "{body}");
    // Only `new` and the setters build one outside the crate.
    assert!(source.contains("#[non_exhaustive]pubstructListPostsParams"));
    // The body type has a constructor taking exactly its required field.
    assert!(source.contains("pubfnnew(q:impl::std::convert::Into<::std::string::String>)->Self"));
}

#[test]
fn every_argument_is_documented_in_one_line() {
    let source = generate(&spec(""), Style::Positional).unwrap().source;
    for line in [
        "/// - `team_id`: path parameter `teamId`, required: string",
        "/// - `body`: the request body, [`types::Filter`]",
        "/// - `params`: the query parameters, [`params::ListPostsParams`]",
        "/// query parameter `limit`, optional: integer, 1 to 50, default `10`",
        "/// query parameter `after`, optional: string, date-time",
    ] {
        assert!(source.contains(line), "missing {line:?} in\n{source}");
    }
}

/// What keeps a caller's code compiling when the provider adds an optional
/// parameter: the method and `new` keep their signatures (the struct is
/// `#[non_exhaustive]`, so no caller can have named all its fields), and
/// the new parameter is only a field and a setter.
#[test]
fn a_new_optional_parameter_changes_no_existing_signature() {
    let before = compact(&generate(&spec(""), Style::Positional).unwrap().source);
    let extra = r#", {"name": "aardvark", "in": "query", "schema": {"type": "boolean"}},
                  {"name": "x-trace", "in": "header", "schema": {"type": "string"}}"#;
    let after = compact(&generate(&spec(extra), Style::Positional).unwrap().source);
    for start in [
        "pubasyncfnlist_posts",
        "pubfnnew(status",
        "pubfnlimit(",
        "pubfnafter(",
    ] {
        assert_eq!(
            signature(&before, start),
            signature(&after, start),
            "{start}"
        );
    }
    assert!(!before.contains("pubfnaardvark("));
    assert!(after.contains("pubfnaardvark(mutself,value:bool)->Self"));
    assert!(after.contains("pubfnx_trace(mutself,value:implInto<::std::string::String>)->Self"));
}

/// A required parameter added later is a compile error at every call that
/// lacks it: `new` takes one more argument.
#[test]
fn a_new_required_parameter_is_a_constructor_argument() {
    let extra =
        r#", {"name": "region", "in": "query", "required": true, "schema": {"type": "string"}}"#;
    let after = compact(&generate(&spec(extra), Style::Positional).unwrap().source);
    assert!(after.contains(
        "pubfnnew(status:implInto<::std::string::String>,region:implInto<::std::string::String>,)->Self"
    ) || after.contains(
        "pubfnnew(status:implInto<::std::string::String>,region:implInto<::std::string::String>)->Self"
    ), "{after}");
}

/// A path parameter more than fits beside the body and the params struct
/// moves into `new`, with the others, in path order; the body stays
/// positional.
#[test]
fn three_path_parameters_a_body_and_a_query_are_four_arguments() {
    let spec = r##"{"openapi": "3.0.3", "info": {"title": "T", "version": "1"},
        "paths": {"/a/{a}/b/{b}/c/{c}": {"patch": {"operationId": "edit",
            "parameters": [
                {"name": "a", "in": "path", "required": true, "schema": {"type": "string"}},
                {"name": "b", "in": "path", "required": true, "schema": {"type": "string"}},
                {"name": "c", "in": "path", "required": true, "schema": {"type": "string"}},
                {"name": "wait", "in": "query", "schema": {"type": "boolean"}}
            ],
            "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "properties": {"x": {"type": "string"}}}}}},
            "responses": {"204": {"description": "done"}}}}}}"##;
    let source = compact(&generate(spec, Style::Positional).unwrap().source);
    assert!(
        source.contains(
            "pubasyncfnedit<'a>(&'aself,body:&'atypes::EditBody,params:params::EditParams,)"
        ),
        "{source}"
    );
    assert!(
        source.contains("pubfnwait(mutself,value:bool)->Self"),
        "{source}"
    );
}

/// More path parameters than fit by position move into `new`, in path
/// order; the body stays positional.
#[test]
fn never_more_than_four_positional_arguments() {
    let spec = r##"{"openapi": "3.0.3", "info": {"title": "T", "version": "1"},
        "paths": {"/a/{a}/b/{b}/c/{c}/d/{d}": {"put": {"operationId": "deep",
            "parameters": [
                {"name": "a", "in": "path", "required": true, "schema": {"type": "string"}},
                {"name": "b", "in": "path", "required": true, "schema": {"type": "string"}},
                {"name": "c", "in": "path", "required": true, "schema": {"type": "integer"}},
                {"name": "d", "in": "path", "required": true, "schema": {"type": "string"}}
            ],
            "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "properties": {"x": {"type": "string"}}}}}},
            "responses": {"204": {"description": "done"}}}}}}"##;
    let source = compact(&generate(spec, Style::Positional).unwrap().source);
    assert_eq!(MAX_POSITIONAL, 4);
    assert!(
        source.contains(
            "pubasyncfndeep<'a>(&'aself,body:&'atypes::DeepBody,params:params::DeepParams,)"
        ),
        "{source}"
    );
    assert!(source.contains(
        "pubfnnew(a:implInto<::std::string::String>,b:implInto<::std::string::String>,c:i64,d:implInto<::std::string::String>,)->Self"
    ), "{source}");
}
