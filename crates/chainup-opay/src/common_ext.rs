//! The hand-written types the generated models share: [`FlexString`] for scalars whose JSON type
//! the provider does not publish, and [`OrderStatus`].

use std::fmt;

use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A scalar the provider documents as a string but whose JSON type is not published for
/// responses: read from a string, a number or a boolean, kept as its text (`10000000002`,
/// `"10000000002"` both become `10000000002`). Written back as a JSON string.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct FlexString(pub String);

impl FlexString {
    /// The text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The text read as an integer, if it is one.
    pub fn as_i64(&self) -> Option<i64> {
        self.0.trim().parse().ok()
    }
}

impl fmt::Display for FlexString {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for FlexString {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.0, f)
    }
}

impl From<&str> for FlexString {
    fn from(v: &str) -> Self {
        Self(v.to_owned())
    }
}

impl From<String> for FlexString {
    fn from(v: String) -> Self {
        Self(v)
    }
}

impl PartialEq<str> for FlexString {
    fn eq(&self, other: &str) -> bool {
        self.0 == other
    }
}

impl PartialEq<&str> for FlexString {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

impl Serialize for FlexString {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

struct FlexVisitor;

impl Visitor<'_> for FlexVisitor {
    type Value = String;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string, a number or a boolean")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<String, E> {
        Ok(v.to_owned())
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<String, E> {
        Ok(v)
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<String, E> {
        Ok(v.to_string())
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<String, E> {
        Ok(v.to_string())
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<String, E> {
        // Shortest round-trip text; identifiers are integers, so this is for odd counters only.
        Ok(v.to_string())
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<String, E> {
        Ok(v.to_string())
    }
}

impl<'de> Deserialize<'de> for FlexString {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(FlexVisitor).map(Self)
    }
}

/// `orderStatus`: 0 closed, 1 pending payment, 2 payment failed, 3 paid. Read from a string or a
/// number; written as a string (the documented type).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum OrderStatus {
    /// `0`: closed (cancelled or expired).
    Closed,
    /// `1`: waiting for payment.
    Pending,
    /// `2`: payment failed.
    Failed,
    /// `3`: paid.
    Paid,
    /// A value the provider documents nowhere (kept so that parsing never breaks).
    Unknown(String),
}

impl OrderStatus {
    /// The wire value (`"0"` to `"3"`).
    pub fn as_str(&self) -> &str {
        match self {
            Self::Closed => "0",
            Self::Pending => "1",
            Self::Failed => "2",
            Self::Paid => "3",
            Self::Unknown(v) => v,
        }
    }

    /// Reads a wire value.
    pub fn from_wire(v: &str) -> Self {
        match v.trim() {
            "0" => Self::Closed,
            "1" => Self::Pending,
            "2" => Self::Failed,
            "3" => Self::Paid,
            other => Self::Unknown(other.to_owned()),
        }
    }

    /// Whether the order can no longer change (closed, failed or paid).
    pub fn is_final(&self) -> bool {
        matches!(self, Self::Closed | Self::Failed | Self::Paid)
    }
}

impl fmt::Display for OrderStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Closed => f.write_str("closed"),
            Self::Pending => f.write_str("pending"),
            Self::Failed => f.write_str("failed"),
            Self::Paid => f.write_str("paid"),
            Self::Unknown(v) => write!(f, "unknown({v})"),
        }
    }
}

impl Serialize for OrderStatus {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for OrderStatus {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(FlexVisitor).map(|s| Self::from_wire(&s))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flex_string_reads_strings_numbers_and_bools() {
        let v: Vec<FlexString> = serde_json::from_str(r#"["10000000002", 10000000002, true]"#).unwrap();
        assert_eq!(v[0], "10000000002");
        assert_eq!(v[1], "10000000002");
        assert_eq!(v[2], "true");
        assert_eq!(v[1].as_i64(), Some(10_000_000_002));
        assert_eq!(serde_json::to_string(&v[1]).unwrap(), r#""10000000002""#);
        assert!(serde_json::from_str::<FlexString>("{}").is_err());
    }

    #[test]
    fn order_status_reads_every_documented_value_as_string_or_number() {
        let v: Vec<OrderStatus> = serde_json::from_str(r#"["0","1","2","3",3,"9"]"#).unwrap();
        assert_eq!(
            v,
            [
                OrderStatus::Closed,
                OrderStatus::Pending,
                OrderStatus::Failed,
                OrderStatus::Paid,
                OrderStatus::Paid,
                OrderStatus::Unknown("9".into())
            ]
        );
        assert_eq!(serde_json::to_string(&OrderStatus::Paid).unwrap(), r#""3""#);
        assert!(!OrderStatus::Pending.is_final());
    }
}
