//! `trackings` of the tracking calls' response (`docs/acqra-gateway/shipping_tracking.md`): the
//! schema says an array of strings, the provider's example sends one string (`"trackings": "ids"`).
//! [`Trackings`] reads both.

use serde::{Deserialize, Serialize};

/// `trackings`: the ids of the trackings the gateway accepted, as an array (the schema) or a
/// string (the example), kept as sent. [`Trackings::ids`] reads either.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Trackings {
    /// An array of ids, as the schema says.
    List(Vec<String>),
    /// One string, as the provider's example shows.
    Text(String),
}

impl Trackings {
    /// The ids: the array's items, or the string split at commas (each part trimmed, empty parts
    /// left out; a string without a comma is one id).
    pub fn ids(&self) -> Vec<&str> {
        match self {
            Self::List(ids) => ids.iter().map(String::as_str).collect(),
            Self::Text(text) => text.split(',').map(str::trim).filter(|s| !s.is_empty()).collect(),
        }
    }
}

impl From<Vec<String>> for Trackings {
    fn from(ids: Vec<String>) -> Self {
        Self::List(ids)
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn shipping_tracking_response_reads_trackings_as_an_array_or_a_string() {
        let list: Trackings = serde_json::from_value(json!(["T1", "T2"])).unwrap();
        assert_eq!(list.ids(), ["T1", "T2"]);
        let one: Trackings = serde_json::from_value(json!("T1")).unwrap();
        assert_eq!(one.ids(), ["T1"]);
        let joined: Trackings = serde_json::from_value(json!("T1, T2,")).unwrap();
        assert_eq!(joined.ids(), ["T1", "T2"]);
        assert_eq!(serde_json::to_value(&joined).unwrap(), json!("T1, T2,"));
        assert!(Trackings::Text(String::new()).ids().is_empty());
    }
}
