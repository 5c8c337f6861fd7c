// @generated from docs/chainup-opay/pay_notification.md by `cargo xtask codegen`; do not edit.
//! Payment result callback
//!
//! Generated from `docs/chainup-opay/pay_notification.md`.

use super::common::OrderStatus;
use serde::{Deserialize, Serialize};

/// `PayNotification`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PayNotification {
    /// Merchant side order number
    #[serde(rename = "outOrderId", deserialize_with = "sign_core::lenient::deserialize")]
    pub out_order_id: String,
    /// Open Platform Order Number
    #[serde(rename = "orderNum", deserialize_with = "sign_core::lenient::deserialize")]
    pub order_num: String,
    /// Order status (1 Pending payment; 2 Payment failed; 3 Payment successful; 0 Closed)
    #[serde(rename = "orderStatus")]
    pub order_status: OrderStatus,
    /// Order amount
    #[serde(rename = "payAmount")]
    pub pay_amount: sign_core::Decimal,
    /// Synchronized notification page (order placement interface incoming)
    #[serde(
        rename = "returnUrl",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::deserialize"
    )]
    pub return_url: Option<String>,
}

impl PayNotification {
    /// Creates a `PayNotification` from its required fields; optional fields start unset (set them with `with_*`).
    pub fn new(
        out_order_id: impl Into<String>,
        order_num: impl Into<String>,
        order_status: impl Into<OrderStatus>,
        pay_amount: impl Into<sign_core::Decimal>,
    ) -> Self {
        Self {
            out_order_id: out_order_id.into(),
            order_num: order_num.into(),
            order_status: order_status.into(),
            pay_amount: pay_amount.into(),
            return_url: None,
        }
    }

    /// Sets `returnUrl`.
    #[must_use]
    pub fn with_return_url(mut self, value: impl Into<String>) -> Self {
        self.return_url = Some(value.into());
        self
    }
}
