//! Field helpers shared by the endpoint extensions: the lenient readers of response fields whose
//! shape the platform does not publish.

use sign_core::DecimalNumber;

/// A string or a number, as text.
pub(crate) fn text(v: Option<&serde_json::Value>) -> Option<String> {
    match v? {
        serde_json::Value::String(s) => Some(s.clone()),
        serde_json::Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// A number or a decimal string, as an exact amount (never through a float).
pub(crate) fn amount(v: Option<&serde_json::Value>) -> Option<DecimalNumber> {
    match v? {
        v @ (serde_json::Value::String(_) | serde_json::Value::Number(_)) => serde_json::from_value(v.clone()).ok(),
        _ => None,
    }
}
