//! `metadata` (`PayPal`) and `matedata` (`shipping_retrieve`, `shipping_tracking_modify`): data
//! the merchant attaches. The schema says an object of string values; every example of the
//! provider's documentation sends a string (`"metadata": "key-value"`, `"matedata": "K-V"`). Which
//! one the gateway expects is not said, so [`Metadata`] holds either and writes it back as it is.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// `metadata` / `matedata`: an object (the schema) or a string (the examples), read and written
/// as given. Build it from a map or a string: `ShippingRetrieveRequest::new(BTreeMap::new(), ..)`
/// sends `{}`, `ShippingRetrieveRequest::new("K-V", ..)` sends `"K-V"`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Metadata {
    /// A JSON object, as the schema says.
    Object(BTreeMap<String, Value>),
    /// A string, as the provider's examples show.
    Text(String),
}

impl Default for Metadata {
    /// An empty object.
    fn default() -> Self {
        Self::Object(BTreeMap::new())
    }
}

impl Metadata {
    /// The object, when it is one.
    pub fn as_object(&self) -> Option<&BTreeMap<String, Value>> {
        match self {
            Self::Object(map) => Some(map),
            Self::Text(_) => None,
        }
    }

    /// The string, when it is one.
    pub fn as_text(&self) -> Option<&str> {
        match self {
            Self::Text(text) => Some(text),
            Self::Object(_) => None,
        }
    }
}

impl From<BTreeMap<String, Value>> for Metadata {
    fn from(map: BTreeMap<String, Value>) -> Self {
        Self::Object(map)
    }
}

impl From<String> for Metadata {
    fn from(text: String) -> Self {
        Self::Text(text)
    }
}

impl From<&str> for Metadata {
    fn from(text: &str) -> Self {
        Self::Text(text.to_owned())
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn metadata_reads_and_writes_an_object_or_a_string() {
        let object: Metadata = serde_json::from_value(json!({"k": "v", "n": 1})).unwrap();
        assert_eq!(object.as_object().map(BTreeMap::len), Some(2));
        assert_eq!(serde_json::to_value(&object).unwrap(), json!({"k": "v", "n": 1}));
        let text: Metadata = serde_json::from_value(json!("K-V")).unwrap();
        assert_eq!(text, Metadata::from("K-V"));
        assert_eq!(serde_json::to_value(&text).unwrap(), json!("K-V"));
        assert_eq!(serde_json::to_value(Metadata::default()).unwrap(), json!({}));
        assert!(serde_json::from_value::<Metadata>(json!([1])).is_err());
    }
}
