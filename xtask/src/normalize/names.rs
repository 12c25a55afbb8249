//! Turning the names a provider uses into the names Rust code uses.

/// Splits an identifier into words at `_`, `-`, `.`, spaces and
/// lower-to-upper case changes: `socialAccount.profileRefresh` ->
/// `[social, account, profile, refresh]`.
pub fn words(name: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    let chars: Vec<char> = name.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        if !c.is_ascii_alphanumeric() {
            if !current.is_empty() {
                out.push(std::mem::take(&mut current));
            }
            continue;
        }
        let prev = i.checked_sub(1).map(|j| chars[j]);
        let next = chars.get(i + 1).copied();
        let boundary = c.is_ascii_uppercase()
            && !current.is_empty()
            && (prev.is_some_and(|p| p.is_ascii_lowercase() || p.is_ascii_digit())
                || (prev.is_some_and(|p| p.is_ascii_uppercase())
                    && next.is_some_and(|n| n.is_ascii_lowercase())));
        if boundary {
            out.push(std::mem::take(&mut current));
        }
        current.push(c.to_ascii_lowercase());
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// `socialAccount.profileRefresh` -> `social_account_profile_refresh`.
pub fn snake_case(name: &str) -> String {
    let joined = words(name).join("_");
    match joined.chars().next() {
        Some(c) if c.is_ascii_digit() => format!("op_{joined}"),
        Some(_) => joined,
        None => "operation".to_string(),
    }
}

/// `social_account` -> `SocialAccount`.
pub fn pascal_case(name: &str) -> String {
    let mut out = String::new();
    for word in words(name) {
        let mut chars = word.chars();
        if let Some(first) = chars.next() {
            out.push(first.to_ascii_uppercase());
            out.extend(chars);
        }
    }
    match out.chars().next() {
        Some(c) if c.is_ascii_digit() => format!("T{out}"),
        Some(_) => out,
        None => "Unnamed".to_string(),
    }
}

/// English singular of a plural noun, for naming array items:
/// `channels` -> `channel`, `entries` -> `entry`, `statuses` -> `status`.
pub fn singular(word: &str) -> String {
    let lower = word.to_ascii_lowercase();
    if let Some(stem) = word.strip_suffix("ies").filter(|_| word.len() > 4) {
        return format!("{stem}y");
    }
    for suffix in ["sses", "uses", "xes", "ches", "shes"] {
        if lower.ends_with(suffix) {
            return word[..word.len() - 2].to_string();
        }
    }
    if lower.ends_with('s') && !lower.ends_with("ss") && !lower.ends_with("us") && word.len() > 3 {
        return word[..word.len() - 1].to_string();
    }
    word.to_string()
}

/// Property names too generic to name a type alone: a type hoisted from
/// `data` or `stats` is named after its parent too (`AnalyzeAccountResponseData`).
pub fn is_generic(word: &str) -> bool {
    matches!(
        word.to_ascii_lowercase().as_str(),
        "data"
            | "item"
            | "items"
            | "result"
            | "results"
            | "value"
            | "values"
            | "list"
            | "entries"
            | "entry"
            | "meta"
            | "metadata"
            | "attributes"
            | "details"
            | "info"
            | "stats"
            | "analytics"
            | "settings"
            | "config"
            | "options"
            | "body"
            | "response"
            | "type"
            | "status"
            | "kind"
            | "error"
            | "errors"
            | "object"
            | "payload"
            | "code"
            | "path"
            | "name"
            | "id"
    )
}

/// Type names generated code cannot use: typify's output names the Rust
/// prelude unqualified (`Default::default()`, `Ok(..)`, derives), and
/// progenitor's own items sit beside the types. A type called `Default`
/// makes the generated code fail to compile.
pub const RESERVED: &[&str] = &[
    // Rust 2021 prelude and derive macros
    "AsMut",
    "AsRef",
    "Box",
    "Clone",
    "Copy",
    "Debug",
    "Default",
    "DoubleEndedIterator",
    "Drop",
    "Eq",
    "ExactSizeIterator",
    "Extend",
    "Fn",
    "FnMut",
    "FnOnce",
    "From",
    "FromIterator",
    "Hash",
    "Into",
    "IntoIterator",
    "Iterator",
    "None",
    "Ok",
    "Err",
    "Option",
    "Ord",
    "PartialEq",
    "PartialOrd",
    "Result",
    "Send",
    "Sized",
    "Some",
    "String",
    "Sync",
    "ToOwned",
    "ToString",
    "TryFrom",
    "TryInto",
    "Unpin",
    "Vec",
    // names the generated code uses for its own items
    "Client",
    "ConversionError",
    "Error",
    "ResponseValue",
    "ByteStream",
    "ClientInfo",
    "ClientHooks",
    "OperationInfo",
    "RequestBuilderExt",
    "Deserialize",
    "Serialize",
    "Display",
    "FromStr",
];

/// Whether `name` cannot be a generated type's name (see [`RESERVED`]).
pub fn is_reserved(name: &str) -> bool {
    RESERVED.contains(&name)
}

/// A usable name for an authored component whose name is reserved.
pub fn unreserved(name: &str) -> String {
    if name == "Error" {
        "ErrorBody".to_string()
    } else {
        format!("{name}Type")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snake_case_of_real_operation_ids() {
        assert_eq!(
            snake_case("socialAccount.profileRefresh"),
            "social_account_profile_refresh"
        );
        assert_eq!(
            snake_case("SocialAccountsController_list"),
            "social_accounts_controller_list"
        );
        assert_eq!(
            snake_case("instagram_accounts#create"),
            "instagram_accounts_create"
        );
        assert_eq!(snake_case("getHTTPStatus"), "get_http_status");
        assert_eq!(snake_case("2fa.enable"), "op_2fa_enable");
        assert_eq!(snake_case("..."), "operation");
    }

    #[test]
    fn pascal_case_of_property_names() {
        assert_eq!(pascal_case("socialAccount"), "SocialAccount");
        assert_eq!(pascal_case("ig_accounts"), "IgAccounts");
        assert_eq!(pascal_case("x-rate"), "XRate");
        assert_eq!(pascal_case("3d"), "T3d");
    }

    #[test]
    fn singular_of_common_plurals() {
        assert_eq!(singular("channels"), "channel");
        assert_eq!(singular("entries"), "entry");
        assert_eq!(singular("statuses"), "status");
        assert_eq!(singular("boxes"), "box");
        assert_eq!(singular("issues"), "issue");
        assert_eq!(singular("status"), "status");
        assert_eq!(singular("address"), "address");
        assert_eq!(singular("bus"), "bus");
    }
}
