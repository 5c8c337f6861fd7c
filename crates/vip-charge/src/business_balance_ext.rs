//! Hand-written additions to the generated `business_balance` module: the response, read leniently
//! because its shape is not public.

use serde::{Deserialize, Deserializer};
use sign_core::DecimalNumber;

use crate::fields_ext::amount;

/// The business balance (the response of `business_balance`), read leniently because its shape is
/// not public: `data` may be the amount itself (a number or a decimal string) or an object with a
/// `balance` field. Any JSON deserializes; an unrecognised shape leaves
/// [`balance`](Self::balance) `None` and everything in [`raw`](Self::raw).
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct BusinessBalanceResponse {
    /// The balance, when one could be recognised.
    pub balance: Option<DecimalNumber>,
    /// The response's `data` exactly as received.
    pub raw: serde_json::Value,
}

impl BusinessBalanceResponse {
    /// Reads an envelope's `data`.
    pub fn from_data(raw: serde_json::Value) -> Self {
        let balance = match &raw {
            serde_json::Value::Object(map) => amount(map.get("balance")),
            other => amount(Some(other)),
        };
        Self { balance, raw }
    }
}

impl<'de> Deserialize<'de> for BusinessBalanceResponse {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        serde_json::Value::deserialize(deserializer).map(Self::from_data)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn business_balance_from_a_number_a_string_or_an_object() {
        let p = |v| BusinessBalanceResponse::from_data(v).balance.map(|b| b.to_string());
        assert_eq!(p(json!(1000.5)).as_deref(), Some("1000.5"));
        assert_eq!(p(json!("99.90")).as_deref(), Some("99.90"));
        assert_eq!(p(json!({"balance": 12})).as_deref(), Some("12"));
        assert_eq!(p(json!({"amount": 12})), None);
        assert_eq!(p(json!("abc")), None);
    }

    #[test]
    fn business_balance_response_deserializes_from_any_json() {
        let r: BusinessBalanceResponse = serde_json::from_str(r#"{"balance":"7.50"}"#).unwrap();
        assert_eq!(r.balance.map(|b| b.to_string()).as_deref(), Some("7.50"));
        let r: BusinessBalanceResponse = serde_json::from_str("[]").unwrap();
        assert_eq!(r.balance, None);
    }
}
