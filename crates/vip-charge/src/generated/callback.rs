// @generated from docs/vip-charge/callback.md by `cargo xtask codegen`; do not edit.
//! Status callback (充值状态报告)
//!
//! Generated from `docs/vip-charge/callback.md`.

use serde::{Deserialize, Serialize};

/// `ChargeStatusNotification`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChargeStatusNotification {
    /// 平台订单号
    #[serde(rename = "orderCode", deserialize_with = "sign_core::lenient::deserialize")]
    pub order_code: String,
    /// 商家订单号
    #[serde(
        rename = "bizCode",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::deserialize"
    )]
    pub biz_code: Option<String>,
}

impl ChargeStatusNotification {
    /// Creates a `ChargeStatusNotification` from its required fields; optional fields start unset (set them with `with_*`).
    pub fn new(order_code: impl Into<String>) -> Self {
        Self { order_code: order_code.into(), biz_code: None }
    }

    /// Sets `bizCode`.
    #[must_use]
    pub fn with_biz_code(mut self, value: impl Into<String>) -> Self {
        self.biz_code = Some(value.into());
        self
    }
}
