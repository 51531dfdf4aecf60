//! Money in report files.
//!
//! Amounts are 万元 held as `Decimal`, written to JSON as strings so that no
//! reader (jq, a spreadsheet, JavaScript) ever turns `1574.84` into a binary
//! float. On input a JSON number is accepted too, but it is read from its
//! literal text (serde_json's `arbitrary_precision`), never through `f64`.
//! The written precision is kept: `"234"` stays `234`, `"6.50"` stays `6.50`.

use rust_decimal::Decimal;
use serde::{Deserialize, Deserializer, Serializer};
use std::str::FromStr;

/// The largest number of digits we accept in one amount. A Decimal holds 28;
/// anything longer is a typing accident or hostile input, not money.
const MAX_DIGITS: usize = 28;

/// Parses an amount as written in a report: `1574.84`, `-0`, `1,234.5`
/// (thousands separators are accepted: forms are typed by people), `1e3`.
/// Rejects NaN, infinities, empty text and numbers a Decimal cannot hold
/// exactly, with a message that says what was found.
pub fn parse_amount(text: &str) -> Result<Decimal, String> {
    let t = text.trim();
    if t.is_empty() {
        return Err("empty amount (write null for a blank cell)".into());
    }
    let cleaned: String = t.chars().filter(|c| *c != ',' && *c != '，').collect();
    let digits = cleaned.chars().filter(|c| c.is_ascii_digit()).count();
    if digits > MAX_DIGITS {
        return Err(format!(
            "amount \"{t}\" has {digits} digits; at most {MAX_DIGITS} can be held exactly"
        ));
    }
    let parsed = if cleaned.contains(['e', 'E']) {
        Decimal::from_scientific(&cleaned)
    } else {
        Decimal::from_str_exact(&cleaned)
    };
    match parsed {
        // `-0` is stored as `0`: a negative zero has no meaning in a ledger.
        Ok(mut d) if d.is_zero() => {
            d.set_sign_positive(true);
            Ok(d)
        }
        Ok(d) => Ok(d),
        Err(_) => Err(format!(
            "\"{t}\" is not an amount (expected digits such as \"1574.84\")"
        )),
    }
}

/// serde `with` module for `Option<Decimal>`: `null` is a blank cell.
pub mod opt {
    use super::*;

    pub fn serialize<S: Serializer>(v: &Option<Decimal>, s: S) -> Result<S::Ok, S::Error> {
        match v {
            Some(d) => s.serialize_str(&d.to_string()),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Decimal>, D::Error> {
        use serde::de::Error;
        match serde_json::Value::deserialize(d)? {
            serde_json::Value::Null => Ok(None),
            serde_json::Value::String(s) => parse_amount(&s).map(Some).map_err(D::Error::custom),
            serde_json::Value::Number(n) => parse_amount(&n.to_string()).map(Some).map_err(D::Error::custom),
            other => Err(D::Error::custom(format!(
                "expected an amount as a string such as \"1574.84\", or null, found {}",
                kind_of(&other)
            ))),
        }
    }
}

/// serde `with` module for a required `Decimal`.
pub mod req {
    use super::*;

    pub fn serialize<S: Serializer>(v: &Decimal, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&v.to_string())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Decimal, D::Error> {
        use serde::de::Error;
        match super::opt::deserialize(d)? {
            Some(v) => Ok(v),
            None => Err(D::Error::custom("amount is required here")),
        }
    }
}

pub(crate) fn kind_of(v: &serde_json::Value) -> &'static str {
    match v {
        serde_json::Value::Null => "null",
        serde_json::Value::Bool(_) => "true/false",
        serde_json::Value::Number(_) => "a number",
        serde_json::Value::String(_) => "a string",
        serde_json::Value::Array(_) => "a list",
        serde_json::Value::Object(_) => "an object",
    }
}

/// Parses a literal that must be valid (tests and built-in constants).
pub fn dec(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_written_precision() {
        assert_eq!(parse_amount("234").unwrap().to_string(), "234");
        assert_eq!(parse_amount("6.50").unwrap().to_string(), "6.50");
        assert_eq!(parse_amount("1574.84").unwrap().to_string(), "1574.84");
        assert_eq!(parse_amount(" 1,574.84 ").unwrap().to_string(), "1574.84");
        assert_eq!(parse_amount("-0").unwrap().to_string(), "0");
        assert_eq!(parse_amount("1e3").unwrap(), Decimal::from(1000));
    }

    #[test]
    fn rejects_non_amounts() {
        for bad in [
            "",
            "NaN",
            "inf",
            "12万",
            "1.2.3",
            "1e30",
            "1234567890123456789012345678901234567890",
        ] {
            assert!(parse_amount(bad).is_err(), "{bad} should be rejected");
        }
    }

    #[derive(serde::Deserialize, serde::Serialize)]
    struct T {
        #[serde(with = "opt", default)]
        a: Option<Decimal>,
    }

    #[test]
    fn json_numbers_do_not_go_through_f64() {
        // f64 would read this as 1281.79.
        let t: T = serde_json::from_str(r#"{"a": 1281.7900000000000001}"#).unwrap();
        assert_eq!(t.a.unwrap().to_string(), "1281.7900000000000001");
        let t: T = serde_json::from_str(r#"{"a": 1281.79}"#).unwrap();
        assert_eq!(t.a.unwrap().to_string(), "1281.79");
        assert_eq!(serde_json::to_string(&t).unwrap(), r#"{"a":"1281.79"}"#);
        let t: T = serde_json::from_str(r#"{"a": null}"#).unwrap();
        assert!(t.a.is_none());
        assert!(serde_json::from_str::<T>(r#"{"a": true}"#).is_err());
    }
}
