//! Reading a provider's JSON answer strictly.
//!
//! `serde_json::Value` keeps the last of two members with one name, so
//! `{"result":"passwordFailed","result":"success"}` would read as a
//! success. An answer like that says two things at once; which one the
//! provider meant cannot be known, so [`parse`] refuses it and the reader
//! calls the answer unreadable (unknown, unless its HTTP status refuses).

use std::fmt;

use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value};

use super::AnswerShape;

/// Parses `body` as JSON, refusing an object that names a member twice (at
/// any depth). The error is the answer's shape, for the outcome's detail.
pub(crate) fn parse(body: &[u8]) -> Result<Value, AnswerShape> {
    match serde_json::from_slice::<Strict>(body) {
        Ok(Strict(value)) => Ok(value),
        Err(e) if e.to_string().starts_with(DUPLICATE) => Err(AnswerShape::DuplicateKey),
        Err(_) => Err(AnswerShape::of(body)),
    }
}

/// The start of the error a duplicate member raises.
const DUPLICATE: &str = "duplicate member";

/// A JSON value read with duplicate members refused.
struct Strict(Value);

impl<'de> Deserialize<'de> for Strict {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(StrictVisitor).map(Strict)
    }
}

struct StrictVisitor;

impl<'de> Visitor<'de> for StrictVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(Number::from_f64(v).map_or(Value::Null, Value::Number))
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

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(Strict(item)) = seq.next_element()? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut members = Map::new();
        while let Some(name) = map.next_key::<String>()? {
            let Strict(value) = map.next_value()?;
            if members.contains_key(&name) {
                return Err(de::Error::custom(DUPLICATE));
            }
            members.insert(name, value);
        }
        Ok(Value::Object(members))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_member_named_twice_is_refused_at_any_depth() {
        for body in [
            r#"{"a":1,"a":1}"#,
            r#"{"a":{"b":1,"b":2}}"#,
            r#"[{"x":true,"x":false}]"#,
        ] {
            assert_eq!(
                parse(body.as_bytes()),
                Err(AnswerShape::DuplicateKey),
                "{body}"
            );
        }
    }

    #[test]
    fn other_json_reads_as_serde_json_does() {
        for body in [
            r#"{"a":1,"b":[1,-2,3.5,"x",null,true],"c":{"a":1}}"#,
            r#"{"RetCode":18446744073709551615}"#,
            "[]",
            "\"text\"",
        ] {
            let plain: Value = serde_json::from_str(body).unwrap();
            assert_eq!(parse(body.as_bytes()), Ok(plain), "{body}");
        }
        assert_eq!(parse(b"{\"a\":"), Err(AnswerShape::MalformedJson));
        assert_eq!(parse(b""), Err(AnswerShape::Empty));
        assert_eq!(parse(b"<html>"), Err(AnswerShape::Html));
    }
}
