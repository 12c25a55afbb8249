//! What changed between two normalized descriptions, judged by what it
//! means to a user of the generated client.
//!
//! Operations are matched by method and path (the HTTP identity); schemas
//! are compared structurally through `$ref`s, so a hoisted type that was
//! renamed is not reported as a change of every field.
//!
//! "Breaking" means code written against the old client may stop compiling
//! or start failing at runtime against the new one:
//!
//! | change | request side | response side |
//! |---|---|---|
//! | operation removed, or its id (the method name) changed | breaking | |
//! | operation added | not breaking | |
//! | parameter added, removed, retyped, required changed | breaking: the positional method's arguments change | |
//! | request body added or removed | breaking: an argument appears or goes | |
//! | field added | breaking if required | not breaking |
//! | field removed | breaking | breaking (code reading it) |
//! | field retyped | breaking | breaking |
//! | field became required | breaking | not breaking |
//! | field became optional | not breaking | breaking: the old client requires it |
//! | field became nullable | not breaking | breaking: the old client rejects null |
//! | field became non-nullable | breaking | not breaking |
//! | enum value added | not breaking | not breaking: generated enums keep an unknown value as `Unknown(String)` |
//! | enum value removed | breaking | breaking: the variant goes from the enum |
//! | named type removed or renamed | breaking: code naming it stops compiling | same |
//! | named type added | not breaking | not breaking |

mod operations;
mod report;
mod schema;
mod types;

use serde::Serialize;
use serde_json::Value;

pub use report::{render_json, render_text};

/// One difference, located and judged.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    /// `METHOD /path`.
    pub operation: String,
    /// The operation id in the new description (the old one if removed).
    pub operation_id: String,
    pub kind: Kind,
    /// Where in the operation: `response.items[].name`, `query parameter `limit``.
    pub at: String,
    pub detail: String,
    pub breaking: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    OperationAdded,
    OperationRemoved,
    OperationRenamed,
    ParameterAdded,
    ParameterRemoved,
    BodyAdded,
    BodyRemoved,
    FieldAdded,
    FieldRemoved,
    Retyped,
    EnumValueAdded,
    EnumValueRemoved,
    RequiredChanged,
    NullabilityChanged,
    TypeAdded,
    TypeRemoved,
}

impl Kind {
    pub fn label(self) -> &'static str {
        match self {
            Kind::OperationAdded => "operation added",
            Kind::OperationRemoved => "operation removed",
            Kind::OperationRenamed => "operation renamed",
            Kind::ParameterAdded => "parameter added",
            Kind::ParameterRemoved => "parameter removed",
            Kind::BodyAdded => "body added",
            Kind::BodyRemoved => "body removed",
            Kind::FieldAdded => "field added",
            Kind::FieldRemoved => "field removed",
            Kind::Retyped => "retyped",
            Kind::EnumValueAdded => "enum value added",
            Kind::EnumValueRemoved => "enum value removed",
            Kind::RequiredChanged => "required changed",
            Kind::NullabilityChanged => "nullability changed",
            Kind::TypeAdded => "type added",
            Kind::TypeRemoved => "type removed",
        }
    }
}

/// Every change from `old` to `new`, operations in path order, then the
/// named types that went or came.
pub fn diff(old: &Value, new: &Value) -> Vec<Change> {
    let mut changes = operations::compare(old, new);
    changes.extend(types::compare(old, new));
    changes
}

/// Which way data flows through a schema; it decides what breaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// The client sends it.
    Request,
    /// The client decodes it.
    Response,
}

#[cfg(test)]
mod tests;
