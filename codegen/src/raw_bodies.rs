//! Raw request bodies sent with their real media type.
//!
//! progenitor binds a raw body only as `application/octet-stream` and
//! writes that type into the method. The normalizer describes every other
//! raw body (an image, a video, `application/sdp`) that way and records the
//! real type in `x-social-clients-media-type` on the request body; here each
//! such method's `Content-Type` literal is set back to it, so the server
//! gets what its description asks for.

use std::collections::BTreeMap;

use serde_json::Value;
use syn::{visit_mut::VisitMut, ImplItem, Item, LitStr};

/// The request-body extension the normalizer writes.
pub const EXTENSION: &str = "x-social-clients-media-type";

const OCTET_STREAM: &str = "application/octet-stream";

/// operation id -> the media type its raw body is sent with.
pub fn media_types(doc: &Value) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for item in doc
        .get("paths")
        .and_then(Value::as_object)
        .into_iter()
        .flat_map(|p| p.values())
        .filter_map(Value::as_object)
    {
        for op in item.values() {
            let media = op
                .pointer("/requestBody")
                .and_then(|b| b.get(EXTENSION))
                .and_then(Value::as_str);
            let id = op.get("operationId").and_then(Value::as_str);
            if let (Some(media), Some(id)) = (media, id) {
                out.insert(id.to_string(), media.to_string());
            }
        }
    }
    out
}

/// Rewrites the `Content-Type` literal of each listed method.
pub fn restore(file: &mut syn::File, media_types: &BTreeMap<String, String>) {
    if media_types.is_empty() {
        return;
    }
    for item in &mut file.items {
        let Item::Impl(block) = item else { continue };
        for member in &mut block.items {
            let ImplItem::Fn(f) = member else { continue };
            if let Some(media) = media_types.get(&f.sig.ident.to_string()) {
                ContentType(media).visit_block_mut(&mut f.block);
            }
        }
    }
}

struct ContentType<'a>(&'a str);

impl VisitMut for ContentType<'_> {
    fn visit_lit_str_mut(&mut self, lit: &mut LitStr) {
        if lit.value() == OCTET_STREAM {
            *lit = LitStr::new(self.0, lit.span());
        }
    }
}
