//! Shared shapes named for what they are, not for their first user.
//!
//! `hoist` names a shape where it first meets it and gives every equal
//! shape met later the same component, so a shape several operations or
//! properties share keeps the name of whichever came first:
//! `team_delete_team` answering `TeamCreateTeamResponse`,
//! `CommentData.tiktok` holding a `Bluesky`. This pass renames each such
//! hoisted component (never an authored one, nor one pinned with
//! `x-social-clients-name`):
//!
//! - **named after one operation, used by several**: the words every user
//!   operation's id shares, in the first one's order, with doubled words
//!   dropped, then the role the old name gave after the operation
//!   (`Response`, `Body`, `ResponseItem`, ...): `team_create_team`,
//!   `team_delete_team`, `team_update_team` -> `TeamResponse`; when that is
//!   taken, the differing words joined by `Or` (`PostCreateOrUpdateResponse`);
//! - **named after one property, held by several**: the words the
//!   property names share (`openTime`, `closeTime` -> `Time`), else the
//!   parent in the singular (`Thumbnails.{default,high}` -> `Thumbnail`),
//!   else the parent with the property names joined by `Or` when they are
//!   at most three (`PostDataDiscordOrSlack`), else the parent's `Entry`
//!   (`CommentData.{bluesky,tiktok,...}` -> `CommentDataEntry`).
//!
//! Where no rule gives a free name the component keeps its own and the pass
//! warns, naming the overlay key that pins one. [`misleading`] lists what is
//! still misnamed; `cargo xtask check` fails on it for the committed
//! providers.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;

use crate::normalize::names::{pascal_case, singular, words};
use crate::normalize::pointer::{schema_refs_in, walk_mut_refs};
use crate::normalize::{operations, Context, NormalizeError, Pass};

pub const PASS: Pass = Pass {
    name: "shared-names",
    what: "rename hoisted shapes shared by several operations or properties after what they are",
    essential: false,
    run,
};

const PREFIX: &str = "#/components/schemas/";

/// Who uses the components of a document.
#[derive(Default)]
struct Users {
    /// component -> operation ids that use it, directly or through the
    /// components that hold it
    operations: BTreeMap<String, BTreeSet<String>>,
    /// component -> operation ids whose parameters, body or answers name
    /// it themselves
    direct: BTreeMap<String, BTreeSet<String>>,
    /// component -> (holding component, property name) pairs
    holders: BTreeMap<String, BTreeSet<(String, String)>>,
    /// component -> its property names
    properties: BTreeMap<String, Vec<String>>,
    /// every operation id, in the document's order
    ids: Vec<String>,
}

/// The component names a `$ref` somewhere in `value` points at.
fn referenced(value: &Value) -> BTreeSet<String> {
    schema_refs_in(value).into_iter().collect()
}

fn users(doc: &Value) -> Users {
    let mut users = Users::default();
    let mut direct: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (_, _, op) in operations(doc) {
        let Some(id) = op.get("operationId").and_then(Value::as_str) else {
            continue;
        };
        users.ids.push(id.to_string());
        for key in ["parameters", "requestBody", "responses"] {
            for name in op.get(key).map(referenced).unwrap_or_default() {
                direct.entry(name).or_default().insert(id.to_string());
            }
        }
    }
    let schemas = doc
        .pointer("/components/schemas")
        .and_then(Value::as_object);
    for (parent, schema) in schemas.into_iter().flatten() {
        if let Some(props) = schema.get("properties").and_then(Value::as_object) {
            users
                .properties
                .insert(parent.clone(), props.keys().cloned().collect());
            for (prop, sub) in props {
                for child in referenced(sub) {
                    users
                        .holders
                        .entry(child)
                        .or_default()
                        .insert((parent.clone(), prop.clone()));
                }
            }
        }
        // Items, unions and additional properties hold without a name.
        let held: BTreeSet<String> = schema
            .as_object()
            .into_iter()
            .flatten()
            .filter(|(key, _)| *key != "properties")
            .flat_map(|(_, v)| referenced(v))
            .collect();
        for child in held {
            users
                .holders
                .entry(child)
                .or_default()
                .insert((parent.clone(), String::new()));
        }
    }
    // Operations through holders, to a fixed point (cycles stop there).
    let names: Vec<String> = schemas
        .map(|s| s.keys().cloned().collect())
        .unwrap_or_default();
    users.operations = direct.clone();
    users.direct = direct;
    loop {
        let mut changed = false;
        for name in &names {
            let inherited: BTreeSet<String> = users
                .holders
                .get(name)
                .into_iter()
                .flatten()
                .filter_map(|(parent, _)| users.operations.get(parent))
                .flatten()
                .cloned()
                .collect();
            let own = users.operations.entry(name.clone()).or_default();
            let before = own.len();
            own.extend(inherited);
            changed |= own.len() != before;
        }
        if !changed {
            break;
        }
    }
    users
}

/// The operation `name` was named after: the longest operation id whose
/// Pascal case starts it, with what follows (its role).
fn named_after_operation<'u>(name: &str, users: &'u Users) -> Option<(&'u str, String)> {
    users
        .ids
        .iter()
        .map(|id| (id.as_str(), pascal_case(id)))
        // Two words at least: an operation called `post` does not make
        // `PostStatus` its own.
        .filter(|(id, p)| {
            name.starts_with(p.as_str()) && name.len() > p.len() && words(id).len() >= 2
        })
        .max_by_key(|(_, p)| p.len())
        .map(|(id, p)| (id, name[p.len()..].to_string()))
}

/// Where `name` is named after one operation while another uses it
/// directly and the name does not say so (`PostDeleteOrRetryResponse`
/// does):
/// (the first operation, the role after its name, the other operation).
fn misnamed_for_operation(name: &str, users: &Users) -> Option<(String, String, String)> {
    let (first, role) = named_after_operation(name, users)?;
    let own = word_list(name);
    let first_words = word_list(first);
    // Misnamed when the first operation says something the other does not
    // (`create` for `team_delete_team`) and the name leaves out what the
    // other says (`delete`); `InstagramAccountsCreateBody` serves
    // `workspace_instagram_accounts_create` too, which says all it says.
    let other = users.direct.get(name).into_iter().flatten().find(|o| {
        let theirs = word_list(o);
        o.as_str() != first
            && first_words.iter().any(|w| !has(&theirs, w))
            && theirs
                .iter()
                .any(|w| !has(&first_words, w) && !has(&own, w))
    })?;
    Some((first.to_string(), role, other.clone()))
}

/// Lower-cased words; comparisons make them singular, so
/// `recommendations` and `recommendation` are one word.
fn word_list(name: &str) -> Vec<String> {
    words(name).iter().map(|w| w.to_ascii_lowercase()).collect()
}

/// Whether `list` has `word`, both compared in the singular.
fn has(list: &[String], word: &str) -> bool {
    let one = singular(word);
    list.iter().any(|w| singular(w) == one)
}

/// The words of the first list that every list has, in its order, each
/// once (compared in the singular, kept as the first list writes them).
fn common_words(lists: &[Vec<String>]) -> Vec<String> {
    let Some(first) = lists.first() else {
        return Vec::new();
    };
    let singulars: Vec<Vec<String>> = lists
        .iter()
        .map(|l| l.iter().map(|w| singular(w)).collect())
        .collect();
    let mut out: Vec<String> = Vec::new();
    let mut seen: Vec<String> = Vec::new();
    for w in first {
        let one = singular(w);
        if singulars.iter().all(|l| l.contains(&one)) && !seen.contains(&one) {
            seen.push(one);
            out.push(w.clone());
        }
    }
    out
}

fn pascal_words(words: &[String]) -> String {
    pascal_case(&words.join("_"))
}

/// Candidate names for a component named after one operation and used by
/// several.
fn operation_candidates(role: &str, operations: &BTreeSet<String>) -> Vec<String> {
    let lists: Vec<Vec<String>> = operations.iter().map(|o| word_list(o)).collect();
    let common = common_words(&lists);
    if common.is_empty() {
        return Vec::new();
    }
    let mut out = vec![format!("{}{role}", pascal_words(&common))];
    if lists.len() <= 3 {
        let differing: Vec<String> = lists
            .iter()
            .map(|l| {
                pascal_words(
                    &l.iter()
                        .filter(|w| !has(&common, w))
                        .cloned()
                        .collect::<Vec<_>>(),
                )
            })
            .filter(|d| !d.is_empty())
            .collect();
        if !differing.is_empty() {
            out.push(format!(
                "{}{}{role}",
                pascal_words(&common),
                differing.join("Or")
            ));
        }
    }
    out
}

/// Where `name` is held by a property while named after a sibling of it:
/// the name ends with the sibling's, and the sibling says something the
/// holding property does not (`tiktok: Bluesky` is; `pendingTier: Tier` is
/// not). Returns (parent, property, sibling).
fn named_after_sibling(name: &str, users: &Users) -> Option<(String, String, String)> {
    let flat = |s: &str| s.to_ascii_lowercase().replace(['_', '-'], "");
    let own = flat(name);
    for (parent, prop) in users.holders.get(name).into_iter().flatten() {
        if prop.is_empty() {
            continue;
        }
        let held = word_list(prop);
        for sibling in users.properties.get(parent).into_iter().flatten() {
            // A name that also says the holding property's
            // (`PostDataDiscordOrSlack` under `DISCORD`) names both.
            if sibling == prop
                || sibling.len() < 3
                || !own.ends_with(&flat(sibling))
                || own.contains(&flat(prop))
            {
                continue;
            }
            if word_list(sibling).iter().any(|w| !has(&held, w)) {
                return Some((parent.clone(), prop.clone(), sibling.clone()));
            }
        }
    }
    None
}

/// Candidate names for a component held under several property names and
/// named after one of them.
fn property_candidates(holders: &BTreeSet<(String, String)>) -> Vec<String> {
    let props: BTreeSet<&str> = holders
        .iter()
        .map(|(_, p)| p.as_str())
        .filter(|p| !p.is_empty())
        .collect();
    let lists: Vec<Vec<String>> = props.iter().map(|p| word_list(p)).collect();
    let common = common_words(&lists);
    let parents: Vec<&str> = holders
        .iter()
        .map(|(p, _)| p.as_str())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let mut out = Vec::new();
    if !common.is_empty() {
        out.push(pascal_words(&common));
        if let [parent] = parents[..] {
            out.push(format!("{parent}{}", pascal_words(&common)));
        }
        return out;
    }
    // The parent (or what the parents' names share) stands for the set.
    let parent = match parents[..] {
        [one] => one.to_string(),
        _ => {
            let words: Vec<Vec<String>> = parents.iter().map(|p| word_list(p)).collect();
            let shared = common_words(&words);
            if shared.is_empty() {
                return out;
            }
            pascal_words(&shared)
        }
    };
    let one = pascal_case(&singular(&parent));
    if one != parent {
        out.push(one);
    }
    if props.len() <= 3 {
        let joined: Vec<String> = props
            .iter()
            .map(|p| pascal_case(&p.to_ascii_lowercase()))
            .collect();
        out.push(format!("{parent}{}", joined.join("Or")));
    }
    out.push(format!("{parent}Entry"));
    out
}

/// The key two component names share when they become one Rust name.
fn rust_key(name: &str) -> String {
    name.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// A name with no word twice in a row (`TeamTeamResponse` -> `TeamResponse`).
fn undoubled(name: &str) -> String {
    let mut kept: Vec<String> = Vec::new();
    for w in words(name) {
        if kept
            .last()
            .is_none_or(|last| !last.eq_ignore_ascii_case(&w))
        {
            kept.push(w);
        }
    }
    pascal_case(&kept.join("_"))
}

fn run(doc: &mut Value, ctx: &mut Context) -> Result<(), NormalizeError> {
    let renamable = std::mem::take(&mut ctx.hoisted);
    let users = users(doc);
    ctx.misleading_before = misleading_by(&users, doc).len();
    if renamable.is_empty() {
        return Ok(());
    }
    let present: BTreeSet<String> = doc
        .pointer("/components/schemas")
        .and_then(Value::as_object)
        .map(|s| s.keys().cloned().collect())
        .unwrap_or_default();
    // Names as the generator will spell them: `objs_channel` and
    // `ObjsChannel` are one Rust type.
    let mut taken: BTreeSet<String> = present.iter().map(|n| rust_key(n)).collect();
    let mut renames: BTreeMap<String, String> = BTreeMap::new();
    for name in &renamable {
        if !present.contains(name) {
            continue;
        }
        let operations = users.operations.get(name).cloned().unwrap_or_default();
        let holders = users.holders.get(name).cloned().unwrap_or_default();
        let candidates = match misnamed_for_operation(name, &users) {
            Some((_, role, _)) => {
                // What every user shares, else what the operations naming
                // it themselves share.
                // The operations that use it or its holders themselves
                // first (an answer's items belong with the answer), then
                // every user, then its own direct users.
                let direct = users.direct.get(name).cloned().unwrap_or_default();
                let mut near = direct.clone();
                for (parent, _) in &holders {
                    near.extend(users.direct.get(parent).into_iter().flatten().cloned());
                }
                let mut found = operation_candidates(&role, &near);
                found.extend(operation_candidates(&role, &operations));
                found.extend(operation_candidates(&role, &direct));
                found
            }
            _ if named_after_sibling(name, &users).is_some() => property_candidates(&holders),
            _ => continue,
        };
        let fresh = candidates.iter().map(|c| undoubled(c)).find(|c| {
            c == name || !taken.contains(&rust_key(c)) && !crate::normalize::names::is_reserved(c)
        });
        match fresh {
            Some(new) if new == **name => {}
            Some(new) => {
                taken.remove(&rust_key(name));
                taken.insert(rust_key(&new));
                renames.insert(name.clone(), new);
            }
            None => ctx.warn(
                PASS.name,
                format!("/components/schemas/{name}"),
                format!(
                    "`{name}` is shared but no rule names it for what it is; pin a name with `x-social-clients-name` in the overlay"
                ),
            ),
        }
    }
    if renames.is_empty() {
        return Ok(());
    }
    if let Some(schemas) = doc
        .pointer_mut("/components/schemas")
        .and_then(Value::as_object_mut)
    {
        let old = std::mem::take(schemas);
        for (name, schema) in old {
            let name = renames.get(&name).cloned().unwrap_or(name);
            schemas.insert(name, schema);
        }
    }
    walk_mut_refs(doc, &mut |r| {
        if let Some(new) = r.strip_prefix(PREFIX).and_then(|n| renames.get(n)) {
            *r = format!("{PREFIX}{new}");
        }
    });
    Ok(())
}

/// The components of a normalized document whose names mislead: named
/// after one operation but used by others, or held by a property while
/// named after a sibling property of the same parent (`tiktok: Bluesky`).
/// Each entry says which and why.
pub fn misleading(doc: &Value) -> Vec<String> {
    misleading_by(&users(doc), doc)
}

/// [`misleading`], with the document's users already read.
fn misleading_by(users: &Users, doc: &Value) -> Vec<String> {
    let mut out = Vec::new();
    let names = doc
        .pointer("/components/schemas")
        .and_then(Value::as_object)
        .into_iter()
        .flat_map(|s| s.keys());
    for name in names {
        if let Some((first, _, other)) = misnamed_for_operation(name, users) {
            out.push(format!(
                "`{name}` is named after `{first}` but `{other}` uses it too"
            ));
            continue;
        }
        if let Some((parent, prop, sibling)) = named_after_sibling(name, users) {
            out.push(format!(
                "`{parent}.{prop}` holds `{name}`, named after its sibling `{sibling}`"
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn op(id: &str, answer: &str) -> Value {
        json!({"operationId": id, "responses": {"200": {"description": "ok",
            "content": {"application/json": {"schema": {"$ref": format!("{PREFIX}{answer}")}}}}}})
    }

    fn normalized(doc: &mut Value, hoisted: &[&str]) -> Vec<String> {
        let mut ctx = Context::new("ApiError");
        ctx.hoisted = hoisted.iter().map(|s| s.to_string()).collect();
        run(doc, &mut ctx).unwrap();
        let mut names: Vec<String> = doc["components"]["schemas"]
            .as_object()
            .unwrap()
            .keys()
            .cloned()
            .collect();
        names.sort();
        names
    }

    #[test]
    fn an_answer_shared_by_operations_is_named_for_what_they_share() {
        let mut doc = json!({
            "paths": {
                "/team": {"post": op("team_create_team", "TeamCreateTeamResponse")},
                "/team/{id}": {"delete": op("team_delete_team", "TeamCreateTeamResponse"),
                               "patch": op("team_update_team", "TeamCreateTeamResponse")}
            },
            "components": {"schemas": {"TeamCreateTeamResponse": {"type": "object"}}}
        });
        assert!(!misleading(&doc).is_empty());
        assert_eq!(
            normalized(&mut doc, &["TeamCreateTeamResponse"]),
            ["TeamResponse"]
        );
        assert_eq!(
            doc.pointer(
                "/paths/~1team~1{id}/delete/responses/200/content/application~1json/schema/$ref"
            ),
            Some(&json!("#/components/schemas/TeamResponse"))
        );
        assert!(misleading(&doc).is_empty());
    }

    #[test]
    fn a_taken_name_falls_back_to_the_differing_words() {
        let mut doc = json!({
            "paths": {
                "/p": {"post": op("post_create", "PostCreateResponse"),
                       "put": op("post_update", "PostCreateResponse")}
            },
            "components": {"schemas": {"PostCreateResponse": {"type": "object"}, "PostResponse": {"type": "string"}}}
        });
        assert_eq!(
            normalized(&mut doc, &["PostCreateResponse"]),
            ["PostCreateOrUpdateResponse", "PostResponse"]
        );
    }

    #[test]
    fn a_shape_held_by_several_platforms_is_named_after_its_parent() {
        let mut doc = json!({
            "paths": {"/c": {"get": op("comment_get", "CommentData")}},
            "components": {"schemas": {
                "CommentData": {"type": "object", "properties": {
                    "BLUESKY": {"$ref": "#/components/schemas/Bluesky"},
                    "TIKTOK": {"$ref": "#/components/schemas/Bluesky"},
                    "REDDIT": {"$ref": "#/components/schemas/Bluesky"},
                    "X": {"$ref": "#/components/schemas/Bluesky"}
                }},
                "Bluesky": {"type": "object", "properties": {"text": {"type": "string"}}}
            }}
        });
        assert_eq!(misleading(&doc).len(), 1, "{:?}", misleading(&doc));
        assert_eq!(
            normalized(&mut doc, &["Bluesky"]),
            ["CommentData", "CommentDataEntry"]
        );
        assert!(misleading(&doc).is_empty(), "{:?}", misleading(&doc));
    }

    #[test]
    fn a_shape_held_by_like_properties_takes_their_common_words() {
        let mut doc = json!({
            "paths": {"/h": {"get": op("hours_get", "Period")}},
            "components": {"schemas": {
                "Period": {"type": "object", "properties": {
                    "openTime": {"$ref": "#/components/schemas/CloseTime"},
                    "closeTime": {"$ref": "#/components/schemas/CloseTime"},
                    "thumbnails": {"$ref": "#/components/schemas/Thumbnails"}
                }},
                "CloseTime": {"type": "object", "properties": {"hours": {"type": "integer"}}},
                "Thumbnails": {"type": "object", "properties": {
                    "default": {"$ref": "#/components/schemas/ThumbnailsDefault"},
                    "high": {"$ref": "#/components/schemas/ThumbnailsDefault"}
                }},
                "ThumbnailsDefault": {"type": "object", "properties": {"url": {"type": "string"}}}
            }}
        });
        assert_eq!(
            normalized(&mut doc, &["CloseTime", "ThumbnailsDefault"]),
            ["Period", "Thumbnail", "Thumbnails", "Time"]
        );
    }

    #[test]
    fn authored_and_single_use_names_stay() {
        let mut doc = json!({
            "paths": {"/a": {"get": op("a_get", "AGetResponse"), "put": op("a_put", "Shared")}},
            "components": {"schemas": {"AGetResponse": {"type": "object"}, "Shared": {"type": "object"}}}
        });
        assert_eq!(
            normalized(&mut doc, &["AGetResponse"]),
            ["AGetResponse", "Shared"]
        );
    }

    /// `objs_channel` is `ObjsChannel` in Rust: a rename never takes it.
    #[test]
    fn a_name_that_becomes_an_existing_rust_name_is_not_taken() {
        let mut doc = json!({
            "paths": {
                "/a": {"get": op("channels_get_info", "ChannelsGetInfoResponse"),
                       "put": op("channels_set_info", "ChannelsGetInfoResponse")}
            },
            "components": {"schemas": {
                "ChannelsGetInfoResponse": {"type": "object"},
                "channels_info_response": {"type": "string"}
            }}
        });
        assert_eq!(
            normalized(&mut doc, &["ChannelsGetInfoResponse"]),
            ["ChannelsInfoGetOrSetResponse", "channels_info_response"]
        );
    }

    #[test]
    fn no_word_twice_in_a_row() {
        assert_eq!(undoubled("TeamTeamResponse"), "TeamResponse");
        assert_eq!(
            undoubled("AnalyticsPostAnalyticsItem"),
            "AnalyticsPostAnalyticsItem"
        );
    }
}
