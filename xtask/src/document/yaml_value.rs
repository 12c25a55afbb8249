//! YAML into `serde_json::Value`, accepting integers beyond 64 bits.
//!
//! Real descriptions write bounds such as `minimum: -9223372036854776000`
//! (a 64-bit bound as JavaScript prints it, one past `i64::MIN`). serde_norway
//! hands such a scalar to the visitor as an `i128`, which `serde_json::Value`
//! refuses ("number out of range"), so one number made the whole document
//! unreadable. JSON parsing already reads such a number as a float; this
//! visitor does the same for YAML, so both formats give the same value.

use std::fmt;

use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value};

/// A `serde_json::Value` whose YAML deserialization never fails on a number.
pub struct YamlValue(pub Value);

impl<'de> Deserialize<'de> for YamlValue {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ValueVisitor).map(YamlValue)
    }
}

struct ValueVisitor;

/// The nearest float, as JSON parsers read an integer too large for 64 bits.
fn float(f: f64) -> Value {
    Number::from_f64(f).map_or(Value::Null, Value::Number)
}

impl<'de> Visitor<'de> for ValueVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any YAML value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_i128<E>(self, v: i128) -> Result<Value, E> {
        Ok(i64::try_from(v).map_or_else(|_| float(v as f64), Value::from))
    }

    fn visit_u128<E>(self, v: u128) -> Result<Value, E> {
        Ok(u64::try_from(v).map_or_else(|_| float(v as f64), Value::from))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(float(v))
    }

    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }

    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        YamlValue::deserialize(d).map(|v| v.0)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(YamlValue(item)) = seq.next_element()? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut out = Map::new();
        while let Some((key, YamlValue(value))) = map.next_entry::<YamlKey, YamlValue>()? {
            out.insert(key.0, value);
        }
        Ok(Value::Object(out))
    }
}

/// A mapping key, as its text: YAML allows `200:` for a status code, and
/// reading keys as strings keeps them as written (`0x10` stays `0x10`).
struct YamlKey(String);

impl<'de> Deserialize<'de> for YamlKey {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(YamlKey)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Value {
        serde_norway::from_str::<YamlValue>(text).unwrap().0
    }

    #[test]
    fn integers_beyond_64_bits_read_as_floats() {
        let v = read("minimum: -9223372036854776000\nmaximum: 18446744073709551616\nsmall: -3\n");
        assert_eq!(v["minimum"].as_f64(), Some(-9.223372036854776e18));
        assert_eq!(v["maximum"].as_f64(), Some(1.8446744073709552e19));
        assert_eq!(v["small"], Value::from(-3));
    }

    #[test]
    fn numeric_keys_keep_their_text() {
        let v = read("responses:\n  200: ok\n  0x10: hex\n");
        assert_eq!(v["responses"]["200"], "ok");
        assert_eq!(v["responses"]["0x10"], "hex");
    }
}
