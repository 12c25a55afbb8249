//! Reading descriptions and overlays (JSON or YAML) into `serde_json::Value`.

use std::path::Path;

use serde_json::Value;

use crate::error::{Result, XtaskError};

mod yaml_value;

/// Largest description the tooling reads. bundle.social's full description is
/// under 1 MB; anything fifty times that is a mistake or an attack.
pub const MAX_DOCUMENT_BYTES: u64 = 20 * 1024 * 1024;

/// Reads a JSON or YAML document; the format is chosen by file extension
/// (`.json` is JSON, anything else is YAML, which also accepts JSON).
pub fn read(path: &Path) -> Result<Value> {
    let bytes = read_bytes(path, MAX_DOCUMENT_BYTES)?;
    parse(path, &bytes)
}

/// Reads a document's bytes, refusing one over `max_bytes` (and never more
/// than [`MAX_DOCUMENT_BYTES`]) by its size, before reading it.
pub fn read_bytes(path: &Path, max_bytes: u64) -> Result<Vec<u8>> {
    let limit = max_bytes.min(MAX_DOCUMENT_BYTES);
    let size = std::fs::metadata(path)
        .map_err(|e| XtaskError::io(path, e))?
        .len();
    if size > limit {
        return Err(XtaskError::Config {
            path: path.to_path_buf(),
            message: format!("document is {size} bytes, over the {limit}-byte limit"),
        });
    }
    std::fs::read(path).map_err(|e| XtaskError::io(path, e))
}

/// Parses bytes as the format `path`'s extension names.
pub fn parse(path: &Path, bytes: &[u8]) -> Result<Value> {
    let text = std::str::from_utf8(bytes).map_err(|e| XtaskError::Syntax {
        path: path.to_path_buf(),
        format: "UTF-8",
        location: format!("byte {}", e.valid_up_to()),
        message: "the document is not UTF-8 text".into(),
    })?;
    let is_json = path.extension().is_some_and(|ext| ext == "json");
    if is_json {
        serde_json::from_str(text).map_err(|e| XtaskError::Syntax {
            path: path.to_path_buf(),
            format: "JSON",
            location: format!("line {} column {}", e.line(), e.column()),
            message: e.to_string(),
        })
    } else {
        serde_norway::from_str::<yaml_value::YamlValue>(text)
            .map(|v| v.0)
            .map_err(|e| XtaskError::Syntax {
                path: path.to_path_buf(),
                format: "YAML",
                location: e
                    .location()
                    .map(|l| format!("line {} column {}", l.line(), l.column()))
                    .unwrap_or_else(|| "document".into()),
                message: e.to_string(),
            })
    }
}

/// The canonical bytes of a normalized document: pretty JSON with sorted keys
/// (serde_json's map is ordered) and a trailing newline, so the same input
/// always gives byte-identical output.
pub fn to_canonical_json(value: &Value) -> Vec<u8> {
    let mut out = serde_json::to_vec_pretty(value).expect("a Value always serializes");
    out.push(b'\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    #[test]
    fn yaml_and_json_read_to_the_same_value() {
        let yaml = parse(&PathBuf::from("a.yaml"), b"a: 1\nb: [x]\n").unwrap();
        let json = parse(&PathBuf::from("a.json"), br#"{"b":["x"],"a":1}"#).unwrap();
        assert_eq!(yaml, json);
    }

    #[test]
    fn invalid_json_names_file_line_and_column() {
        let err = parse(&PathBuf::from("specs/x/source.json"), b"{\n  \"a\": ,\n}").unwrap_err();
        let text = err.to_string();
        assert!(
            text.starts_with("specs/x/source.json: invalid JSON at line 2 column"),
            "{text}"
        );
    }

    #[test]
    fn invalid_yaml_names_file_and_line() {
        let err = parse(&PathBuf::from("o.yaml"), b"a: [1, 2\nb: c\n").unwrap_err();
        let text = err.to_string();
        assert!(text.starts_with("o.yaml: invalid YAML at line"), "{text}");
    }

    #[test]
    fn non_utf8_is_a_typed_error() {
        let err = parse(&PathBuf::from("x.json"), &[b'{', 0xff, b'}']).unwrap_err();
        assert!(err.to_string().contains("not UTF-8"), "{err}");
    }

    #[test]
    fn canonical_json_sorts_keys_and_ends_with_newline() {
        let v: Value = serde_json::from_str(r#"{"b":1,"a":{"d":2,"c":3}}"#).unwrap();
        let text = String::from_utf8(to_canonical_json(&v)).unwrap();
        assert_eq!(
            text,
            "{\n  \"a\": {\n    \"c\": 3,\n    \"d\": 2\n  },\n  \"b\": 1\n}\n"
        );
    }
}
