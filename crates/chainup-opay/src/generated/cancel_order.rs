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
    #[serde(rename = "orderNum")]
    pub order_num: String,
}

impl CancelOrderRequest {
    /// Creates a `CancelOrderRequest` from its required fields; optional fields start unset (set them with `with_*`).
    pub fn new(order_num: impl Into<String>) -> Self {
        Self { order_num: order_num.into() }
    }
}

impl sign_core::Endpoint for CancelOrderRequest {
    type Response = serde_json::Value;
    const NAME: &'static str = "cancel_order";
    const METHOD: sign_core::Method = sign_core::Method::Post;
    const PATH: &'static str = "/opay/cancelOrder";
    const IDEMPOTENT: bool = false;

    /// The checks of `validate_ext` (hand-written beside this module).
    fn validate(&self) -> Result<(), sign_core::InvalidRequest> {
        self.validate_ext()
    }
}

/// The response of the `cancel_order` endpoint ([`Client::cancel_order`](crate::Client::cancel_order)): untyped JSON: the provider does not document this response's fields.
pub type CancelOrderResponse = serde_json::Value;
