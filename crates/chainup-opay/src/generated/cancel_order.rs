// @generated from docs/chainup-opay/cancel_order.md by `cargo xtask codegen`; do not edit.
//! Cancel pending orders
//!
//! Generated from `docs/chainup-opay/cancel_order.md`.

use serde::{Deserialize, Serialize};

/// `CancelOrderRequest`.
///
/// Request of the `cancel_order` endpoint, `POST /opay/cancelOrder`, sent with [`Client::cancel_order`](crate::Client::cancel_order): Cancel Pending Orders (cancelOrder).
/// Not idempotent: never retried once it may have been sent. Response: `CancelOrderResponse`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CancelOrderRequest {
    /// 订单编号
    #[serde(rename = "orderNum", deserialize_with = "sign_core::lenient::deserialize")]
    pub order_num: String,
}

impl CancelOrderRequest {
    /// Creates a `CancelOrderRequest` from its required fields; optional fields start unset (set them with `with_*`).
    pub fn new(order_num: impl Into<String>) -> Self {
        Self { order_num: order_num.into() }
    }
}

impl CancelOrderRequest {
    /// Checks the rules of the constraints column of `docs/chainup-opay/cancel_order.md`, in this type and in the doc
    /// types it holds. `context` (the endpoint's name) starts every message; `path` is where this
    /// value sits in the request (`""` at the top, `"items[2]."` inside a list), put before each
    /// field name.
    ///
    /// # Errors
    /// The first rule broken, as an [`InvalidRequest`](sign_core::InvalidRequest) naming the field,
    /// never its value.
    #[doc(hidden)]
    pub fn validate_fields(&self, context: &str, path: &str) -> Result<(), sign_core::InvalidRequest> {
        sign_core::check::not_blank(context, &sign_core::check::at(path, "orderNum"), self.order_num.as_str())?;
        Ok(())
    }
}

impl sign_core::Endpoint for CancelOrderRequest {
    type Response = serde_json::Value;
    const NAME: &'static str = "cancel_order";
    const METHOD: sign_core::Method = sign_core::Method::Post;
    const PATH: &'static str = "/opay/cancelOrder";
    const IDEMPOTENT: bool = false;

    /// The rules of the doc's constraints column.
    fn validate(&self) -> Result<(), sign_core::InvalidRequest> {
        self.validate_fields(Self::NAME, "")
    }
}

/// The response of the `cancel_order` endpoint ([`Client::cancel_order`](crate::Client::cancel_order)): untyped JSON: the provider does not document this response's fields.
pub type CancelOrderResponse = serde_json::Value;
