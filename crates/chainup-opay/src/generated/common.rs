// @generated from docs/chainup-opay/common.md by `cargo xtask codegen`; do not edit.
//! Shared types
//!
//! Generated from `docs/chainup-opay/common.md`.

/// `orderStatus` of `orderDetail` and of the payment callback: "1 Pending payment; 2 Payment failed; 3 Payment
/// successful; 0 Closed". Documented as a String; read from `"3"` or `3` alike.
///
/// Values these docs do not list are kept in `Unknown`, so a new provider value never breaks parsing. Read from a JSON string or a number alike.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum OrderStatus {
    /// `0`: closed (cancelled or expired)
    Closed,
    /// `1`: waiting for payment
    Pending,
    /// `2`: payment failed
    Failed,
    /// `3`: paid
    Paid,
    /// A value these docs do not list, kept verbatim.
    Unknown(String),
}

impl OrderStatus {
    /// The value as sent on the wire.
    pub fn as_str(&self) -> &str {
        match self {
            Self::Closed => "0",
            Self::Pending => "1",
            Self::Failed => "2",
            Self::Paid => "3",
            Self::Unknown(v) => v,
        }
    }
}

impl From<&str> for OrderStatus {
    fn from(v: &str) -> Self {
        match v {
            "0" => Self::Closed,
            "1" => Self::Pending,
            "2" => Self::Failed,
            "3" => Self::Paid,
            _ => Self::Unknown(v.to_string()),
        }
    }
}

impl std::fmt::Display for OrderStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl serde::Serialize for OrderStatus {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> serde::Deserialize<'de> for OrderStatus {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // A string or a number: `3` and `"3"` are the same value to a Java or PHP backend.
        let v = sign_core::lenient::text(deserializer)?;
        Ok(Self::from(v.as_str()))
    }
}
