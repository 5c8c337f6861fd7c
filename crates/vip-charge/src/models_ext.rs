//! Hand-written additions to the generated models: lenient views of the responses whose shape
//! the platform does not publish, and convenience constructors.

use sign_core::{DecimalNumber, Endpoint};

use crate::error::Error;
use crate::{BatchOrderRequest, BusinessBalanceRequest, OrderInfoRequest, ProductListRequest, VipChargeRequest};

/// A request to one of the platform's open API endpoints. [`Client::prepare`](crate::Client::prepare)
/// (and so every call) checks it with [`validate`](Self::validate) before signing, so the sans-IO
/// path refuses the same bad requests as the blocking methods, before anything is sent.
pub trait OpenApiRequest: Endpoint {
    /// Checks what the type cannot: required strings that are blank, an order lookup without an
    /// `orderCode` or `bizCode`, a batch without items. [`Error::InvalidRequest`] names the field.
    fn validate(&self) -> Result<(), Error>;
}

fn require(name: &str, value: &str) -> Result<(), Error> {
    if value.trim().is_empty() { Err(Error::InvalidRequest(format!("{name} is required"))) } else { Ok(()) }
}

impl OpenApiRequest for VipChargeRequest {
    fn validate(&self) -> Result<(), Error> {
        require("merchantId", &self.merchant_id)?;
        require("businessId", &self.business_id)?;
        require("productCode", &self.product_code)?;
        require("account", &self.account)?;
        require("bizCode", &self.biz_code)
    }
}

impl OpenApiRequest for OrderInfoRequest {
    fn validate(&self) -> Result<(), Error> {
        let given = |v: &Option<String>| v.as_deref().is_some_and(|s| !s.trim().is_empty());
        if given(&self.order_code) || given(&self.biz_code) {
            Ok(())
        } else {
            Err(Error::InvalidRequest("order info needs an orderCode or a bizCode".into()))
        }
    }
}

impl OpenApiRequest for ProductListRequest {
    fn validate(&self) -> Result<(), Error> {
        require("merchantId", &self.merchant_id)
    }
}

impl OpenApiRequest for BusinessBalanceRequest {
    fn validate(&self) -> Result<(), Error> {
        require("merchantId", &self.merchant_id)?;
        require("businessId", &self.business_id)
    }
}

impl OpenApiRequest for BatchOrderRequest {
    fn validate(&self) -> Result<(), Error> {
        require("merchantId", &self.merchant_id)?;
        require("businessId", &self.business_id)?;
        require("batchBizCode", &self.batch_biz_code)?;
        require("productCode", &self.product_code)?;
        if self.item_list.is_empty() {
            return Err(Error::InvalidRequest("batch order needs at least one item".into()));
        }
        for item in &self.item_list {
            require("itemList.bizCode", &item.biz_code)?;
            require("itemList.account", &item.account)?;
        }
        Ok(())
    }
}

impl OrderInfoRequest {
    /// Looks an order up by the platform's order number.
    pub fn by_order_code(order_code: impl Into<String>) -> Self {
        Self::new().with_order_code(order_code.into())
    }

    /// Looks an order up by the merchant's own order number (useful after a timeout, when the
    /// platform's `orderCode` never arrived).
    pub fn by_biz_code(biz_code: impl Into<String>) -> Self {
        Self::new().with_biz_code(biz_code.into())
    }
}

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

/// The product list, read leniently because its shape is not public: `data` may be the array of
/// products itself or an object holding it under `list`, `records`, `rows`, `products` or `data`.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct ProductList {
    /// The products found (empty when none could be recognised; see [`raw`](Self::raw)).
    pub products: Vec<Product>,
    /// The response's `data` exactly as received.
    pub raw: serde_json::Value,
}

impl ProductList {
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

/// The business balance, read leniently because its shape is not public: `data` may be the
/// amount itself (a number or a decimal string) or an object with a `balance` field.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct BusinessBalance {
    /// The balance, when one could be recognised.
    pub balance: Option<DecimalNumber>,
    /// The response's `data` exactly as received.
    pub raw: serde_json::Value,
}

impl BusinessBalance {
    /// Reads an envelope's `data`.
    pub fn from_data(raw: serde_json::Value) -> Self {
        let balance = match &raw {
            serde_json::Value::Object(map) => amount(map.get("balance")),
            other => amount(Some(other)),
        };
        Self { balance, raw }
    }
}

fn text(v: Option<&serde_json::Value>) -> Option<String> {
    match v? {
        serde_json::Value::String(s) => Some(s.clone()),
        serde_json::Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn amount(v: Option<&serde_json::Value>) -> Option<DecimalNumber> {
    match v? {
        v @ (serde_json::Value::String(_) | serde_json::Value::Number(_)) => serde_json::from_value(v.clone()).ok(),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn product_list_from_an_array_or_a_wrapped_list() {
        let a =
            ProductList::from_data(json!([{"productCode": "87103", "productName": "月卡", "settlementPrice": 4.51}]));
        assert_eq!(a.products.len(), 1);
        assert_eq!(a.products[0].product_code.as_deref(), Some("87103"));
        assert_eq!(a.products[0].settlement_price.map(|p| p.to_string()).as_deref(), Some("4.51"));
        let b = ProductList::from_data(json!({"total": 1, "list": [{"productCode": 87104}]}));
        assert_eq!(b.products[0].product_code.as_deref(), Some("87104"));
        assert!(ProductList::from_data(json!("odd")).products.is_empty());
        assert!(ProductList::from_data(serde_json::Value::Null).products.is_empty());
    }

    #[test]
    fn balance_from_a_number_a_string_or_an_object() {
        let p = |v| BusinessBalance::from_data(v).balance.map(|b| b.to_string());
        assert_eq!(p(json!(1000.5)).as_deref(), Some("1000.5"));
        assert_eq!(p(json!("99.90")).as_deref(), Some("99.90"));
        assert_eq!(p(json!({"balance": 12})).as_deref(), Some("12"));
        assert_eq!(p(json!({"amount": 12})), None);
        assert_eq!(p(json!("abc")), None);
    }

    #[test]
    fn order_info_constructors() {
        let r = OrderInfoRequest::by_biz_code("B1");
        assert_eq!(serde_json::to_string(&r).unwrap(), r#"{"bizCode":"B1"}"#);
        let r = OrderInfoRequest::by_order_code("O1");
        assert_eq!(serde_json::to_string(&r).unwrap(), r#"{"orderCode":"O1"}"#);
    }
}
