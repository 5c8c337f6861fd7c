//! Field helpers shared by the endpoint extensions: the lenient readers of response fields whose
//! shape the platform does not publish.

use sign_core::DecimalNumber;

/// A string or a number (or a boolean), as text, by sign-core's lenient rule; `None` for anything else.
pub(crate) fn text(v: Option<&serde_json::Value>) -> Option<String> {
    sign_core::lenient::text(v?).ok()
}

/// A number or a decimal string, as an exact amount (never through a float).
pub(crate) fn amount(v: Option<&serde_json::Value>) -> Option<DecimalNumber> {
    match v? {
        v @ (serde_json::Value::String(_) | serde_json::Value::Number(_)) => serde_json::from_value(v.clone()).ok(),
        _ => None,
    }
}
