//! Money in fen (分), the provider's unit for every amount.

use std::fmt;
use std::str::FromStr;

use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize};

/// An amount of Chinese yuan in fen (分, 1/100 yuan), exactly as the provider sends it: a JSON
/// integer (`"pay_amount": 2000` is 20.00 CNY). Never a float.
///
/// Read leniently: a string holding an integer (`"2000"`, as a Java backend may write it) is the
/// same amount. A float (`369.0`, `"20.5"`) is refused even when its fraction is zero: an amount
/// with a decimal point may well be in yuan, and reading it as fen would be off a hundredfold.
///
/// ```
/// use visagenius::Fen;
/// let price = Fen::new(2000);
/// assert_eq!(price.fen(), 2000);
/// assert_eq!(price.to_yuan_string(), "20.00");
/// assert_eq!(price.to_string(), "20.00 CNY");
/// assert_eq!("12.5".parse::<Fen>().unwrap(), Fen::new(1250));
/// assert_eq!(serde_json::to_string(&price).unwrap(), "2000");
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct Fen(pub i64);

impl<'de> Deserialize<'de> for Fen {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // Not `sign_core::lenient::integer`: it takes `369.0` as 369, and here a decimal point
        // may mean yuan. `Value` keeps an integer apart from a float (also with serde_json's
        // `arbitrary_precision`, where `as_i64` parses the number's own text).
        let fen = match serde_json::Value::deserialize(deserializer)? {
            serde_json::Value::Number(n) => n.as_i64(),
            serde_json::Value::String(s) => s.trim().parse::<i64>().ok(),
            _ => None,
        };
        // Never echo the value: errors end up in logs.
        fen.map(Fen).ok_or_else(|| D::Error::custom("an amount in fen must be an integer (or a string holding one)"))
    }
}

impl Fen {
    /// Zero.
    pub const ZERO: Fen = Fen(0);

    /// An amount of `fen` fen.
    pub const fn new(fen: i64) -> Self {
        Self(fen)
    }

    /// The amount in fen.
    pub const fn fen(self) -> i64 {
        self.0
    }

    /// Whole yuan and fen, e.g. `Fen::from_yuan(20, 50)` is 20.50 CNY. `None` on overflow or when
    /// `fen` is not in `0..100`. A negative amount is written with a negative `yuan`
    /// (`from_yuan(-1, 50)` is -1.50 CNY).
    pub fn from_yuan(yuan: i64, fen: i64) -> Option<Self> {
        if !(0..100).contains(&fen) {
            return None;
        }
        let whole = yuan.checked_mul(100)?;
        let total = if yuan < 0 { whole.checked_sub(fen)? } else { whole.checked_add(fen)? };
        Some(Self(total))
    }

    /// The amount in yuan with exactly two decimals, e.g. `"20.00"`, `"-0.05"`.
    pub fn to_yuan_string(self) -> String {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        format!("{sign}{}.{:02}", abs / 100, abs % 100)
    }

    /// The sum, or `None` on overflow.
    pub fn checked_add(self, other: Fen) -> Option<Fen> {
        self.0.checked_add(other.0).map(Fen)
    }

    /// The difference, or `None` on overflow.
    pub fn checked_sub(self, other: Fen) -> Option<Fen> {
        self.0.checked_sub(other.0).map(Fen)
    }

    /// Whether the amount is greater than zero.
    pub fn is_positive(self) -> bool {
        self.0 > 0
    }
}

impl From<i64> for Fen {
    fn from(fen: i64) -> Self {
        Self(fen)
    }
}

impl From<Fen> for i64 {
    fn from(fen: Fen) -> Self {
        fen.0
    }
}

/// Prints the amount in yuan with its currency, e.g. `20.00 CNY`.
impl fmt::Display for Fen {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} CNY", self.to_yuan_string())
    }
}

/// A yuan amount that is not a valid number of fen.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid yuan amount: {0}")]
pub struct ParseFenError(&'static str);

/// Parses a yuan amount with at most two decimals (`"20"`, `"20.5"`, `"-0.05"`) into fen,
/// exactly (no float on the way).
impl FromStr for Fen {
    type Err = ParseFenError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let (negative, digits) = match s.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, s),
        };
        let (whole, frac) = match digits.split_once('.') {
            Some((w, f)) => (w, f),
            None => (digits, ""),
        };
        if whole.is_empty() || !whole.bytes().all(|b| b.is_ascii_digit()) {
            return Err(ParseFenError("expected digits before the decimal point"));
        }
        if frac.len() > 2 || !frac.bytes().all(|b| b.is_ascii_digit()) || (digits.contains('.') && frac.is_empty()) {
            return Err(ParseFenError("expected one or two digits after the decimal point"));
        }
        let yuan: i64 = whole.parse().map_err(|_| ParseFenError("amount too large"))?;
        let cents: i64 = match frac.len() {
            0 => 0,
            1 => i64::from(frac.as_bytes()[0] - b'0') * 10,
            _ => i64::from(frac.as_bytes()[0] - b'0') * 10 + i64::from(frac.as_bytes()[1] - b'0'),
        };
        let abs = yuan.checked_mul(100).and_then(|v| v.checked_add(cents)).ok_or(ParseFenError("amount too large"))?;
        Ok(Fen(if negative { -abs } else { abs }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yuan_strings() {
        assert_eq!(Fen(0).to_yuan_string(), "0.00");
        assert_eq!(Fen(5).to_yuan_string(), "0.05");
        assert_eq!(Fen(-5).to_yuan_string(), "-0.05");
        assert_eq!(Fen(123_456).to_yuan_string(), "1234.56");
        assert_eq!(Fen(i64::MIN).to_yuan_string(), "-92233720368547758.08");
        assert_eq!(Fen::from_yuan(20, 50), Some(Fen(2050)));
        assert_eq!(Fen::from_yuan(-1, 50), Some(Fen(-150)));
        assert_eq!(Fen::from_yuan(1, 100), None);
        assert_eq!(Fen::from_yuan(i64::MAX, 0), None);
    }

    #[test]
    fn parses_yuan_exactly() {
        for (s, fen) in [("20", 2000), ("20.5", 2050), ("20.05", 2005), ("0.01", 1), ("-0.05", -5), ("-3", -300)] {
            assert_eq!(s.parse::<Fen>(), Ok(Fen(fen)), "{s}");
        }
        for s in ["", ".5", "1.", "1.234", "1,00", "abc", "1e3", "--1", "92233720368547758.08"] {
            assert!(s.parse::<Fen>().is_err(), "{s}");
        }
    }

    #[test]
    fn serde_writes_a_bare_integer_and_reads_a_string_holding_one() {
        assert_eq!(serde_json::to_string(&Fen(2000)).unwrap(), "2000");
        assert_eq!(serde_json::from_str::<Fen>("2000").unwrap(), Fen(2000));
        // A string holding an integer is the same amount (a Java backend's variant).
        assert_eq!(serde_json::from_str::<Fen>("\"2000\"").unwrap(), Fen(2000));
        assert_eq!(serde_json::from_str::<Fen>("\" -5 \"").unwrap(), Fen(-5));
        // A float is not an amount in fen, even with a zero fraction (it may be yuan).
        for bad in ["20.5", "369.0", "\"20.5\"", "\"369.0\"", "\"\"", "\"2e3\"", "true", "null", "[1]", "{}"] {
            let err = serde_json::from_str::<Fen>(bad).unwrap_err().to_string();
            assert!(err.contains("must be an integer"), "{bad}: {err}");
        }
    }

    #[test]
    fn checked_arithmetic() {
        assert_eq!(Fen(1).checked_add(Fen(2)), Some(Fen(3)));
        assert_eq!(Fen(i64::MAX).checked_add(Fen(1)), None);
        assert_eq!(Fen(i64::MIN).checked_sub(Fen(1)), None);
        assert!(Fen(1).is_positive() && !Fen(0).is_positive());
    }
}
