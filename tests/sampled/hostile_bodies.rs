//! Hostile answers into every decoded answer type of every provider: the
//! generated harnesses (`tests/conformance/<p>.rs`) list each type with a
//! body valid for it, and this test mutates that body.
//!
//! - Must still decode: the valid body; the body with an unknown field added
//!   to every object; the body with each enum value replaced by one the spec
//!   does not list (enums are open).
//! - Must not panic, and must give a typed error or a value: every
//!   truncation, every leaf swapped for another JSON type, huge and tiny
//!   numbers, 100,000 levels of nesting, invalid UTF-8 inside strings, and
//!   seeded random byte mutations.
//!
//! `SOCIAL_CLIENTS_FUZZ_ITERATIONS` sets the random mutations per body
//! (default 300, a few seconds in CI); the README gives a longer run.

use crate::conformance::*;

use std::panic::{catch_unwind, AssertUnwindSafe};

use harness::Body;
use serde_json::{json, Value};

fn bodies() -> Vec<(&'static str, &'static Body)> {
    let mut all: Vec<(&'static str, &'static Body)> = Vec::new();
    #[cfg(feature = "bundle-social")]
    all.extend(bundle_social::BODIES.iter().map(|b| ("bundle_social", b)));
    #[cfg(feature = "hooked")]
    all.extend(hooked::BODIES.iter().map(|b| ("hooked", b)));
    #[cfg(feature = "postbreeze")]
    all.extend(postbreeze::BODIES.iter().map(|b| ("postbreeze", b)));
    #[cfg(feature = "gipper")]
    all.extend(gipper::BODIES.iter().map(|b| ("gipper", b)));
    all
}

fn name(provider: &str, body: &Body) -> String {
    format!("{provider} {} ({})", body.operation, body.answer)
}

/// Decodes without letting a panic escape; `Err` names the panic.
fn decode(body: &Body, bytes: &[u8]) -> Result<Result<(), String>, String> {
    catch_unwind(AssertUnwindSafe(|| (body.decode)(bytes))).map_err(|panic| {
        let what = panic
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
            .unwrap_or_default();
        format!(
            "PANIC ({what}) on {} bytes: {:?}",
            bytes.len(),
            String::from_utf8_lossy(&bytes[..bytes.len().min(200)])
        )
    })
}

/// Runs `bytes` and records a panic; returns whether it decoded.
fn survive(tally: &mut Tally, label: &str, body: &Body, bytes: &[u8]) -> bool {
    tally.executions += 1;
    match decode(body, bytes) {
        Ok(result) => result.is_ok(),
        Err(panic) => {
            tally.failures.push(format!("{label}: {panic}"));
            false
        }
    }
}

#[derive(Default)]
struct Tally {
    executions: usize,
    failures: Vec<String>,
}

impl Tally {
    fn finish(self, what: &str) {
        notice(&format!(
            "hostile bodies ({what}): {} executions over {} answer types, {} failures",
            self.executions,
            bodies().len(),
            self.failures.len()
        ));
        assert!(
            self.failures.is_empty(),
            "{}",
            self.failures[..self.failures.len().min(30)].join("\n")
        );
    }
}

/// Calls `f` with the pointer of every object in `value`.
fn each_object(
    value: &mut Value,
    at: &str,
    f: &mut impl FnMut(&str, &mut serde_json::Map<String, Value>),
) {
    match value {
        Value::Object(map) => {
            // Children first: what `f` adds is not visited again.
            for (key, v) in map.iter_mut() {
                each_object(v, &format!("{at}/{}", escape(key)), f);
            }
            f(at, map);
        }
        Value::Array(items) => items
            .iter_mut()
            .enumerate()
            .for_each(|(i, v)| each_object(v, &format!("{at}/{i}"), f)),
        _ => {}
    }
}

fn escape(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}

/// JSON pointers of every leaf (non-container value) of `value`.
fn leaves(value: &Value, at: String, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => map.iter().for_each(|(k, v)| {
            leaves(
                v,
                format!("{at}/{}", k.replace('~', "~0").replace('/', "~1")),
                out,
            )
        }),
        Value::Array(items) => items
            .iter()
            .enumerate()
            .for_each(|(i, v)| leaves(v, format!("{at}/{i}"), out)),
        _ => out.push(at),
    }
}

#[test]
fn valid_bodies_with_unknown_fields_and_unknown_enum_values_decode() {
    let mut tally = Tally::default();
    for (provider, body) in bodies() {
        let label = name(provider, body);
        let sample: Value = serde_json::from_str(body.sample).unwrap();
        if !survive(&mut tally, &label, body, body.sample.as_bytes()) {
            tally.failures.push(format!(
                "{label}: the valid sample does not decode: {:?}",
                decode(body, body.sample.as_bytes())
            ));
        }
        let mut extra = sample.clone();
        each_object(&mut extra, "", &mut |at, map| {
            // In a free-form map a new key is data of the map's value type.
            if body.maps.contains(&at) {
                return;
            }
            map.insert(
                "fieldAddedLaterByTheProvider".into(),
                json!({"nested": [1, "two", null]}),
            );
        });
        if !survive(&mut tally, &label, body, extra.to_string().as_bytes()) {
            tally
                .failures
                .push(format!("{label}: an unknown field breaks decoding"));
        }
        for pointer in body.enums {
            let mut changed = sample.clone();
            if let Some(slot) = changed.pointer_mut(pointer) {
                *slot = json!("VALUE_ADDED_LATER");
            }
            if !survive(&mut tally, &label, body, changed.to_string().as_bytes()) {
                tally.failures.push(format!(
                    "{label}: an unknown enum value at {pointer} breaks decoding: {:?}",
                    decode(body, changed.to_string().as_bytes())
                ));
            }
        }
    }
    tally.finish("valid, extra fields, unknown enum values");
}

#[test]
fn structured_hostile_bodies_give_typed_errors_never_panics() {
    let replacements = [
        json!(null),
        json!(true),
        json!(-1),
        json!(1.5e300),
        json!("a string"),
        json!([]),
        json!({}),
        json!(u64::MAX),
        json!(i64::MIN),
    ];
    // serde_json::Value cannot hold these; they go in as text.
    let raw_numbers = [
        "1e400",
        "-1e400",
        "18446744073709551616",
        "-9223372036854775809",
        "0.0000000000000000000000000000001",
        "123456789012345678901234567890",
    ];
    let mut tally = Tally::default();
    for (provider, body) in bodies() {
        let label = name(provider, body);
        let text = body.sample;
        let bytes = text.as_bytes();
        // Truncations: every length for small bodies, 256 spread out for big ones.
        let step = (bytes.len() / 256).max(1);
        for end in (0..bytes.len()).step_by(step) {
            survive(&mut tally, &label, body, &bytes[..end]);
        }
        let sample: Value = serde_json::from_str(text).unwrap();
        let mut pointers = Vec::new();
        leaves(&sample, String::new(), &mut pointers);
        for pointer in &pointers {
            for replacement in &replacements {
                let mut changed = sample.clone();
                if let Some(slot) = changed.pointer_mut(pointer) {
                    *slot = replacement.clone();
                }
                survive(&mut tally, &label, body, changed.to_string().as_bytes());
            }
            for raw in raw_numbers {
                let mut changed = sample.clone();
                if let Some(slot) = changed.pointer_mut(pointer) {
                    *slot = json!("__RAW__");
                }
                let text = changed.to_string().replace("\"__RAW__\"", raw);
                survive(&mut tally, &label, body, text.as_bytes());
            }
            // Invalid UTF-8 inside the value.
            let mut changed = sample.clone();
            if let Some(slot) = changed.pointer_mut(pointer) {
                *slot = json!("__BYTES__");
            }
            let text = changed.to_string();
            let mut invalid = Vec::new();
            let (before, after) = text.split_once("__BYTES__").unwrap_or((&text, ""));
            invalid.extend_from_slice(before.as_bytes());
            invalid.extend_from_slice(&[0xff, 0xfe, 0xc3, 0x28, 0xed, 0xa0, 0x80]);
            invalid.extend_from_slice(after.as_bytes());
            survive(&mut tally, &label, body, &invalid);
        }
        // Deep nesting, as the whole body and inside it.
        let deep = "[".repeat(100_000);
        survive(&mut tally, &label, body, deep.as_bytes());
        let nested = format!("{}{}{}", "[".repeat(5_000), text, "]".repeat(5_000));
        survive(&mut tally, &label, body, nested.as_bytes());
        survive(&mut tally, &label, body, b"");
        survive(&mut tally, &label, body, b"\xef\xbb\xbf{}");
    }
    tally.finish("truncations, retyped leaves, huge numbers, nesting, invalid UTF-8");
}

/// xorshift64*: a fixed seed, so a failure reproduces.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

#[test]
fn random_byte_mutations_never_panic() {
    let iterations: usize = std::env::var("SOCIAL_CLIENTS_FUZZ_ITERATIONS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(300);
    let seed: u64 = std::env::var("SOCIAL_CLIENTS_FUZZ_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(0x005e_edc1_1e17);
    let interesting: &[&[u8]] = &[
        b"\"", b"\\", b"{", b"}", b"[", b"]", b",", b":", b"null", b"-", b"e999", b"\\u0000",
        b"\\ud800", b"\xff", b"1e-400",
    ];
    let mut rng = Rng(seed);
    let mut tally = Tally::default();
    for (provider, body) in bodies() {
        let label = name(provider, body);
        for _ in 0..iterations {
            let mut bytes = body.sample.as_bytes().to_vec();
            for _ in 0..1 + rng.below(4) {
                let at = rng.below(bytes.len() + 1);
                match rng.below(4) {
                    0 if !bytes.is_empty() => {
                        let i = at.min(bytes.len() - 1);
                        bytes[i] = rng.next() as u8;
                    }
                    1 if !bytes.is_empty() => {
                        let end = (at + rng.below(16)).min(bytes.len());
                        bytes.drain(at.min(end)..end);
                    }
                    2 => {
                        let token = interesting[rng.below(interesting.len())];
                        bytes.splice(at..at, token.iter().copied());
                    }
                    _ => {
                        // Duplicate a slice: repeated keys, doubled arrays.
                        let start = rng.below(bytes.len() + 1);
                        let end = (start + rng.below(64)).min(bytes.len());
                        let copy = bytes[start..end].to_vec();
                        bytes.splice(at..at, copy);
                    }
                }
            }
            survive(&mut tally, &label, body, &bytes);
        }
    }
    tally.finish(&format!(
        "{iterations} random mutations per body, seed {seed}"
    ));
}
