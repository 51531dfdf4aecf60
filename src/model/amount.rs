//! Money in report files.
//!
//! Amounts are 万元 held as `Decimal`, written to JSON as strings so that no
//! reader (jq, a spreadsheet, JavaScript) ever turns `1574.84` into a binary
//! float. On input a JSON number is accepted too, but it is read from its
//! literal text (serde_json's `arbitrary_precision`), never through `f64`.
//! The written precision is kept: `"234"` stays `234`, `"6.50"` stays `6.50`.

use rust_decimal::Decimal;
use serde::{Deserializer, Serializer};
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

    /// Reads straight from the parser (no intermediate JSON value: a
    /// workspace holds hundreds of thousands of amounts).
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Decimal>, D::Error> {
        d.deserialize_any(AmountVisitor)
    }

    struct AmountVisitor;

    impl<'de> serde::de::Visitor<'de> for AmountVisitor {
        type Value = Option<Decimal>;

        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("an amount as a string such as \"1574.84\", or null")
        }

        fn visit_unit<E: serde::de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }

        fn visit_none<E: serde::de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }

        fn visit_some<D2: Deserializer<'de>>(self, d: D2) -> Result<Self::Value, D2::Error> {
            d.deserialize_any(AmountVisitor)
        }

        fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<Self::Value, E> {
            parse_amount(s).map(Some).map_err(E::custom)
        }

        fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Self::Value, E> {
            Ok(Some(Decimal::from(v)))
        }

        fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Self::Value, E> {
            Ok(Some(Decimal::from(v)))
        }

        /// A JSON number: serde_json's `arbitrary_precision` hands it over
        /// as its literal text in a one-entry map, so it never becomes f64.
        fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            use serde::de::Error;
            let Some(key) = map.next_key::<String>()? else {
                return Err(A::Error::custom("expected an amount, found an object"));
            };
            if key != "$serde_json::private::Number" {
                return Err(A::Error::custom("expected an amount, found an object"));
            }
            let literal: String = map.next_value()?;
            parse_amount(&literal).map(Some).map_err(A::Error::custom)
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
        assert!(serde_json::from_str::<T>(r#"{"a": {"x": 1}}"#).is_err());
        assert!(serde_json::from_str::<T>(r#"{"a": [1]}"#).is_err());
        let t: T = serde_json::from_str(r#"{"a": -3}"#).unwrap();
        assert_eq!(t.a.unwrap().to_string(), "-3");
    }
}
