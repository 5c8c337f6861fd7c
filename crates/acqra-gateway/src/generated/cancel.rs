// @generated from docs/acqra-gateway/cancel.md by `cargo xtask codegen`; do not edit.
//! Void a payment
//!
//! Generated from `docs/acqra-gateway/cancel.md`.

use super::common::OrderStatus;
use serde::{Deserialize, Serialize};

/// The `Void` schema of the provider's documentation. Send `orderNo` or `tradeNo` (one of the two).
///
/// Request of the `cancel` endpoint, `POST /gateway/v1/cancel`, sent with [`Client::cancel`](crate::Client::cancel): 如果不再需要付款,可以在捕获之前取消授权 (void an authorization before capture when the payment is no longer needed).
/// Not idempotent: never retried once it may have been sent. Response: `CancelResponse`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CancelRequest {
    /// 订单编号(orderNo和tradeNo二选一)
    #[serde(
        rename = "orderNo",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::deserialize"
    )]
    pub order_no: Option<String>,
    /// 平台流水号(orderNo和tradeNo二选一)
    #[serde(
        rename = "tradeNo",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::deserialize"
    )]
    pub trade_no: Option<String>,
}

impl CancelRequest {
    /// Creates a `CancelRequest` from its required fields; optional fields start unset (set them with `with_*`).
    pub fn new() -> Self {
        Self { order_no: None, trade_no: None }
    }

    /// Sets `orderNo`.
    #[must_use]
    pub fn with_order_no(mut self, value: impl Into<String>) -> Self {
        self.order_no = Some(value.into());
        self
    }

    /// Sets `tradeNo`.
    #[must_use]
    pub fn with_trade_no(mut self, value: impl Into<String>) -> Self {
        self.trade_no = Some(value.into());
        self
    }
}

impl CancelRequest {
    /// Checks the rules of the constraints column of `docs/acqra-gateway/cancel.md`, in this type and in the doc
    /// types it holds. `context` (the endpoint's name) starts every message; `path` is where this
    /// value sits in the request (`""` at the top, `"items[2]."` inside a list), put before each
    /// field name.
    ///
    /// # Errors
    /// The first rule broken, as an [`InvalidRequest`](sign_core::InvalidRequest) naming the field,
    /// never its value.
    #[doc(hidden)]
    pub fn validate_fields(&self, context: &str, path: &str) -> Result<(), sign_core::InvalidRequest> {
        sign_core::check::either(
            context,
            &sign_core::check::at(path, "orderNo"),
            sign_core::check::given(self.order_no.as_deref()),
            &sign_core::check::at(path, "tradeNo"),
            sign_core::check::given(self.trade_no.as_deref()),
        )?;
        Ok(())
    }
}

impl sign_core::Endpoint for CancelRequest {
    type Response = CancelResponse;
    const NAME: &'static str = "cancel";
    const METHOD: sign_core::Method = sign_core::Method::Post;
    const PATH: &'static str = "/gateway/v1/cancel";
    const IDEMPOTENT: bool = false;

    /// The rules of the doc's constraints column.
    fn validate(&self) -> Result<(), sign_core::InvalidRequest> {
        self.validate_fields(Self::NAME, "")
    }
}

/// The `Void Response` schema of the provider's documentation.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CancelResponse {
    /// 最后事件 (last event)
    #[serde(
        rename = "lastEvent",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::deserialize"
    )]
    pub last_event: Option<String>,
    /// 订单编号 (order number)
    #[serde(
        rename = "orderNo",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::deserialize"
    )]
    pub order_no: Option<String>,
    /// 订单状态 (order status)
    #[serde(rename = "orderStatus", default, skip_serializing_if = "Option::is_none")]
    pub order_status: Option<OrderStatus>,
    /// 响应码 (response code)
    #[serde(
        rename = "respCode",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::deserialize"
    )]
    pub resp_code: Option<String>,
    /// 响应描述 (response message)
    #[serde(
        rename = "respMsg",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::deserialize"
    )]
    pub resp_msg: Option<String>,
    /// 平台订单号 (gateway order number)
    #[serde(
        rename = "tradeNo",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::deserialize"
    )]
    pub trade_no: Option<String>,
    /// 交易时间 (transaction time)
    #[serde(
        rename = "transactionTime",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::deserialize"
    )]
    pub transaction_time: Option<String>,
}

impl CancelResponse {
    /// Creates a `CancelResponse` from its required fields; optional fields start unset (set them with `with_*`).
    pub fn new() -> Self {
        Self {
            last_event: None,
            order_no: None,
            order_status: None,
            resp_code: None,
            resp_msg: None,
            trade_no: None,
            transaction_time: None,
        }
    }

    /// Sets `lastEvent`.
    #[must_use]
    pub fn with_last_event(mut self, value: impl Into<String>) -> Self {
        self.last_event = Some(value.into());
        self
    }

    /// Sets `orderNo`.
    #[must_use]
    pub fn with_order_no(mut self, value: impl Into<String>) -> Self {
        self.order_no = Some(value.into());
        self
    }

    /// Sets `orderStatus`.
    #[must_use]
    pub fn with_order_status(mut self, value: impl Into<OrderStatus>) -> Self {
        self.order_status = Some(value.into());
        self
    }

    /// Sets `respCode`.
    #[must_use]
    pub fn with_resp_code(mut self, value: impl Into<String>) -> Self {
        self.resp_code = Some(value.into());
        self
    }

    /// Sets `respMsg`.
    #[must_use]
    pub fn with_resp_msg(mut self, value: impl Into<String>) -> Self {
        self.resp_msg = Some(value.into());
        self
    }

    /// Sets `tradeNo`.
    #[must_use]
    pub fn with_trade_no(mut self, value: impl Into<String>) -> Self {
        self.trade_no = Some(value.into());
        self
    }

    /// Sets `transactionTime`.
    #[must_use]
    pub fn with_transaction_time(mut self, value: impl Into<String>) -> Self {
        self.transaction_time = Some(value.into());
        self
    }
}
