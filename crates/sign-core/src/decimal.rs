//! Exact decimal amounts. Money is never held in a float: amounts are [`Decimal`] (a decimal
//! string on the wire, e.g. `"100.99"`) or [`DecimalNumber`] (a JSON number on the wire, e.g.
//! `0.1`, written with exactly the digits held), both backed by `rust_decimal`.
//!
//! Both accept either a JSON string or a JSON number when reading, since providers are not
//! consistent. A JSON number is read through its shortest round-trip form, which is exact for
//! every amount of up to 15 significant digits; numbers with more digits are rejected when their
//! float shows more than 15 (serde_json's `float_roundtrip` parses to the nearest double, so
//! `98689363968331.9873` shows 16 and is refused), but a float cannot tell `98689363968331.99999`
//! from `98689363968332` (both are the same double): without serde_json's `arbitrary_precision`,
//! send amounts of more than 15 digits as strings.

use std::fmt;
use std::str::FromStr;

use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

pub use rust_decimal;

/// The largest number of significant digits accepted from a JSON number.
const MAX_EXACT_FLOAT_DIGITS: usize = 15;

/// Why a text is not a decimal amount.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not a decimal amount: {0}")]
pub struct ParseDecimalError(String);

fn parse_exact(s: &str) -> Result<rust_decimal::Decimal, ParseDecimalError> {
    let t = s.trim();
    let valid = !t.is_empty()
        && t.chars().all(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | '+'))
        && t.chars().any(|c| c.is_ascii_digit());
    if !valid {
        return Err(ParseDecimalError("expected digits with an optional sign and decimal point".into()));
    }
    rust_decimal::Decimal::from_str_exact(t).map_err(|e| ParseDecimalError(e.to_string()))
}

fn from_f64(v: f64) -> Result<rust_decimal::Decimal, String> {
    if !v.is_finite() {
        return Err("amount is not a finite number".into());
    }
    // `{}` prints the shortest text that reads back as the same f64: for a decimal written with
    // at most 15 significant digits that text is exactly the decimal that was written.
    let text = format!("{v}");
    let digits = text.chars().filter(|c| c.is_ascii_digit()).count();
    let significant = text.trim_start_matches(['-', '0', '.']).chars().filter(|c| c.is_ascii_digit()).count();
    if significant > MAX_EXACT_FLOAT_DIGITS || text.contains('e') || digits > 28 {
        // The value is not quoted: errors are logged, and a long number could be a card number.
        return Err(format!(
            "amount has more than {MAX_EXACT_FLOAT_DIGITS} significant digits, too many to read exactly"
        ));
    }
    parse_exact(&text).map_err(|e| e.to_string())
}

struct AmountVisitor;

impl<'de> Visitor<'de> for AmountVisitor {
    type Value = rust_decimal::Decimal;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a decimal amount as a string or a number")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        parse_exact(v).map_err(E::custom)
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
        Ok(v.into())
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        Ok(v.into())
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
        from_f64(v).map_err(E::custom)
    }

    /// serde_json with its `arbitrary_precision` feature hands a number over as a one-entry map
    /// holding the number's exact text: read that text, exactly.
    fn visit_map<A: de::MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        let text = crate::lenient::arbitrary_precision_number(map, &self)?;
        parse_exact(&text).map_err(de::Error::custom)
    }
}

macro_rules! decimal_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
        pub struct $name(pub rust_decimal::Decimal);

        impl $name {
            /// The amount as a `rust_decimal::Decimal`.
            pub fn value(self) -> rust_decimal::Decimal {
                self.0
            }

            /// An amount of `units` minor units at `scale` decimal places, e.g.
            /// `from_minor(10099, 2)` is `100.99`.
            ///
            /// # Panics
            /// If `scale` is over 28. Use [`Self::checked_from_minor`] when the scale is not a
            /// constant (a currency exponent read from a response or a configuration).
            pub fn from_minor(units: i64, scale: u32) -> Self {
                Self(rust_decimal::Decimal::new(units, scale))
            }

            /// [`Self::from_minor`], or `None` if `scale` is over 28 (the most decimal places an
            /// amount can have).
            pub fn checked_from_minor(units: i64, scale: u32) -> Option<Self> {
                rust_decimal::Decimal::try_new(units, scale).ok().map(Self)
            }

            /// The amount in minor units at `scale` decimal places, if it has no more decimal
            /// places than that and fits an `i64` (`100.99` at scale 2 is `10099`).
            pub fn to_minor(self, scale: u32) -> Option<i64> {
                // 10^scale as an i128: scales 19 to 28 overflow an i64 but not a decimal.
                let factor = rust_decimal::Decimal::try_from_i128_with_scale(10_i128.checked_pow(scale)?, 0).ok()?;
                let scaled = self.0.checked_mul(factor)?;
                if scaled.fract() != rust_decimal::Decimal::ZERO {
                    return None;
                }
                i64::try_from(scaled.trunc()).ok()
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                fmt::Display::fmt(&self.0, f)
            }
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}({})", stringify!($name), self.0)
            }
        }

        impl FromStr for $name {
            type Err = ParseDecimalError;

            fn from_str(s: &str) -> Result<Self, Self::Err> {
                parse_exact(s).map(Self)
            }
        }

        impl From<rust_decimal::Decimal> for $name {
            fn from(v: rust_decimal::Decimal) -> Self {
                Self(v)
            }
        }

        impl From<$name> for rust_decimal::Decimal {
            fn from(v: $name) -> Self {
                v.0
            }
        }

        impl From<i64> for $name {
            fn from(v: i64) -> Self {
                Self(v.into())
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                deserializer.deserialize_any(AmountVisitor).map(Self)
            }
        }
    };
}

decimal_type!(
    /// An exact decimal amount written as a JSON string on the wire (`"100.99"`).
    Decimal
);

decimal_type!(
    /// An exact decimal amount written as a JSON number on the wire (`0.1`), with exactly the
    /// digits it holds: `0.1` stays `0.1`, never `0.10000000000000001`.
    DecimalNumber
);

impl Serialize for Decimal {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(&self.0)
    }
}

impl Serialize for DecimalNumber {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        // A raw JSON value carries the decimal's own digits into the output verbatim, where going
        // through f64 could change them.
        let raw = serde_json::value::RawValue::from_string(self.0.to_string()).map_err(serde::ser::Error::custom)?;
        raw.serialize(serializer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_json_number_one_ulp_from_a_shorter_amount_is_never_read_as_the_shorter_one() {
        // Found by the fuzzer: serde_json's default float parser turned this into the double of
        // `98689363968332`, which reads as exact. With `float_roundtrip` it is the nearest double,
        // which shows 16 digits and is refused; with `arbitrary_precision` its text is read exactly.
        let arbitrary_precision = serde_json::from_str::<serde_json::Number>("1.10").unwrap().to_string() == "1.10";
        let read = serde_json::from_str::<DecimalNumber>("98689363968331.9873");
        if arbitrary_precision {
            assert_eq!(read.unwrap().to_string(), "98689363968331.9873");
        } else {
            let error = read.unwrap_err().to_string();
            assert!(error.contains("significant digits"), "{error}");
            assert!(!error.contains("98689363968"), "the number is never quoted: {error}");
        }
    }

    #[test]
    fn arbitrary_precision_numbers_are_read_from_their_exact_text() {
        // What serde_json hands the visitor for `100.10` when `arbitrary_precision` is on.
        let v = serde_json::json!({ crate::lenient::ARBITRARY_PRECISION_KEY: "100.10" });
        let d: DecimalNumber = serde_json::from_value(v).unwrap();
        assert_eq!(d.to_string(), "100.10");
        assert!(serde_json::from_value::<Decimal>(serde_json::json!({"amount": "1"})).is_err());
    }

    #[test]
    fn string_decimal_round_trips_exactly() {
        let d: Decimal = serde_json::from_str("\"100.99\"").unwrap();
        assert_eq!(d, Decimal::from_minor(10099, 2));
        assert_eq!(serde_json::to_string(&d).unwrap(), "\"100.99\"");
        let n: Decimal = serde_json::from_str("100.5").unwrap();
        assert_eq!(n.to_string(), "100.5");
        assert_eq!(d.to_minor(2), Some(10099));
        assert_eq!(d.to_minor(1), None);
    }

    #[test]
    fn number_decimal_keeps_its_digits() {
        let d: DecimalNumber = "0.1".parse().unwrap();
        assert_eq!(serde_json::to_string(&d).unwrap(), "0.1");
        let back: DecimalNumber = serde_json::from_str("0.1").unwrap();
        assert_eq!(back, d);
        let big: DecimalNumber = serde_json::from_str("12345678901.23").unwrap();
        assert_eq!(big.to_string(), "12345678901.23");
        let v = serde_json::json!({"pay_price": d});
        assert_eq!(v.to_string(), "{\"pay_price\":0.1}");
    }

    /// Whether serde_json's `arbitrary_precision` is on in this build (CI runs both ways): then a
    /// JSON number arrives as its exact text, and long numbers read exactly instead of failing.
    fn arbitrary_precision() -> bool {
        let number: serde_json::Value = serde_json::from_str("0.10").unwrap();
        serde_json::to_string(&number).unwrap() == "0.10"
    }

    #[test]
    fn errors_do_not_quote_the_number() {
        for input in ["4111111111111111.5", "-4111111111111111.25", "1e300"] {
            match serde_json::from_str::<Decimal>(input) {
                Err(e) => {
                    let e = crate::DecodeError::from(e);
                    assert!(!e.message().contains("4111") && !e.message().contains("1e300"), "{e}");
                }
                // Exact text (arbitrary_precision): read exactly, never through a float.
                Ok(d) => assert!(arbitrary_precision() && d.to_string() == input, "{input} read as {d}"),
            }
        }
    }

    #[test]
    fn minor_units_with_any_scale_never_panic() {
        assert_eq!(Decimal::checked_from_minor(10099, 2), Some(Decimal::from_minor(10099, 2)));
        assert!(DecimalNumber::checked_from_minor(i64::MIN, 28).is_some());
        for scale in [29, 255, u32::MAX] {
            assert_eq!(Decimal::checked_from_minor(1, scale), None);
            assert_eq!(DecimalNumber::checked_from_minor(1, scale), None);
            // And the way back refuses what cannot be represented instead of panicking.
            assert_eq!(Decimal::from_minor(1, 2).to_minor(scale), None);
        }
    }

    #[test]
    fn rejects_inexact_and_garbage() {
        // Too many digits for a float to carry exactly; with arbitrary_precision the text is exact.
        match serde_json::from_str::<DecimalNumber>("0.12345678901234567") {
            Err(_) => assert!(!arbitrary_precision()),
            Ok(d) => assert!(arbitrary_precision() && d.to_string() == "0.12345678901234567", "{d}"),
        }
        assert!(serde_json::from_str::<Decimal>("\"12abc\"").is_err());
        assert!(serde_json::from_str::<Decimal>("\"\"").is_err());
        assert!(serde_json::from_str::<Decimal>("true").is_err());
        assert!("1e5".parse::<Decimal>().is_err());
    }
}
