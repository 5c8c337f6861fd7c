//! Hand-written additions to the generated `product_list` module: the response, read leniently
//! because its shape is not public.

use serde::{Deserialize, Deserializer};
use sign_core::DecimalNumber;

use crate::fields_ext::{amount, text};

/// One product of the product list. The field names are assumed to match the charge order's
/// (`productCode`, `settlementPrice`); anything else is in [`raw`](Self::raw).
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Product {
    /// `productCode` (the value a charge order takes), when present.
    pub product_code: Option<String>,
    /// `productName`, when present.
    pub product_name: Option<String>,
    /// `settlementPrice`, when present and a valid amount.
    pub settlement_price: Option<DecimalNumber>,
    /// The product exactly as received.
    pub raw: serde_json::Value,
}

impl Product {
    fn from_value(raw: serde_json::Value) -> Self {
        Self {
            product_code: text(raw.get("productCode")),
            product_name: text(raw.get("productName")),
            settlement_price: amount(raw.get("settlementPrice")),
            raw,
        }
    }
}

/// The product list (the response of `product_list`), read leniently because its shape is not
/// public: `data` may be the array of products itself or an object holding it under `list`,
/// `records`, `rows`, `products` or `data`. Any JSON deserializes; nothing recognised leaves
/// [`products`](Self::products) empty and everything in [`raw`](Self::raw).
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct ProductListResponse {
    /// The products found (empty when none could be recognised; see [`raw`](Self::raw)).
    pub products: Vec<Product>,
    /// The response's `data` exactly as received.
    pub raw: serde_json::Value,
}

impl ProductListResponse {
    /// Reads an envelope's `data`.
    pub fn from_data(raw: serde_json::Value) -> Self {
        let items = match &raw {
            serde_json::Value::Array(items) => Some(items),
            serde_json::Value::Object(map) => ["list", "records", "rows", "products", "data"]
                .iter()
                .find_map(|k| map.get(*k).and_then(serde_json::Value::as_array)),
            _ => None,
        };
        let products = items.map(|items| items.iter().cloned().map(Product::from_value).collect()).unwrap_or_default();
        Self { products, raw }
    }
}

impl<'de> Deserialize<'de> for ProductListResponse {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        serde_json::Value::deserialize(deserializer).map(Self::from_data)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn product_list_from_an_array_or_a_wrapped_list() {
        let a = ProductListResponse::from_data(
            json!([{"productCode": "87103", "productName": "月卡", "settlementPrice": 4.51}]),
        );
        assert_eq!(a.products.len(), 1);
        assert_eq!(a.products[0].product_code.as_deref(), Some("87103"));
        assert_eq!(a.products[0].settlement_price.map(|p| p.to_string()).as_deref(), Some("4.51"));
        let b = ProductListResponse::from_data(json!({"total": 1, "list": [{"productCode": 87104}]}));
        assert_eq!(b.products[0].product_code.as_deref(), Some("87104"));
        assert!(ProductListResponse::from_data(json!("odd")).products.is_empty());
        assert!(ProductListResponse::from_data(serde_json::Value::Null).products.is_empty());
    }

    #[test]
    fn product_list_response_deserializes_from_any_json() {
        let r: ProductListResponse = serde_json::from_str(r#"{"rows":[{"productCode":"1"}]}"#).unwrap();
        assert_eq!(r.products[0].product_code.as_deref(), Some("1"));
        let r: ProductListResponse = serde_json::from_str("null").unwrap();
        assert!(r.products.is_empty());
    }
}
