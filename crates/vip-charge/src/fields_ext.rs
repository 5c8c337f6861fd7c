//! Field helpers shared by the endpoint extensions: the required-string check of request
//! validation, and the lenient readers of response fields whose shape the platform does not publish.

use sign_core::{DecimalNumber, InvalidRequest};

/// `value` must not be blank: `"<endpoint>: <field> is required"` otherwise (the value is never
/// quoted).
pub(crate) fn require(endpoint: &str, field: &str, value: &str) -> Result<(), InvalidRequest> {
    if value.trim().is_empty() { Err(InvalidRequest::field(endpoint, field, "is required")) } else { Ok(()) }
}

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
