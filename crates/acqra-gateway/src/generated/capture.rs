// @generated from docs/acqra-gateway/capture.md by `cargo xtask codegen`; do not edit.
//! Capture a payment
//!
//! Generated from `docs/acqra-gateway/capture.md`.

use super::common::OrderStatus;
use serde::{Deserialize, Serialize};

/// The `Capture` schema of the provider's documentation. Send `orderNo` or `tradeNo` (one of the two).
///
/// Request of the `capture` endpoint, `POST /gateway/v1/capture`, sent with [`Client::capture`](crate::Client::capture): 捕获capture (capture an authorized payment).
/// Not idempotent: never retried once it may have been sent. Response: `CaptureResponse`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CaptureRequest {
    /// 捕获金额 (amount to capture, at most 2 decimals)
    #[serde(rename = "captureAmount")]
    pub capture_amount: sign_core::Decimal,
    /// 商户订单编号(orderNo和tradeNo二选一)
    #[serde(
        rename = "orderNo",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::deserialize"
    )]
    pub order_no: Option<String>,
    /// authorized交易流水号 (orderNo和tradeNo二选一)
    #[serde(
        rename = "tradeNo",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::deserialize"
    )]
    pub trade_no: Option<String>,
}

impl CaptureRequest {
    /// Creates a `CaptureRequest` from its required fields; optional fields start unset (set them with `with_*`).
    pub fn new(capture_amount: impl Into<sign_core::Decimal>) -> Self {
        Self { capture_amount: capture_amount.into(), order_no: None, trade_no: None }
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

impl CaptureRequest {
    /// Checks the rules of the constraints column of `docs/acqra-gateway/capture.md`, in this type and in the doc
    /// types it holds. `context` (the endpoint's name) starts every message; `path` is where this
    /// value sits in the request (`""` at the top, `"items[2]."` inside a list), put before each
    /// field name.
    ///
    /// # Errors
    /// The first rule broken, as an [`InvalidRequest`](sign_core::InvalidRequest) naming the field,
    /// never its value.
    #[doc(hidden)]
    pub fn validate_fields(&self, context: &str, path: &str) -> Result<(), sign_core::InvalidRequest> {
        sign_core::check::positive(context, &sign_core::check::at(path, "captureAmount"), self.capture_amount)?;
        sign_core::check::scale(context, &sign_core::check::at(path, "captureAmount"), self.capture_amount, 2)?;
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

impl sign_core::Endpoint for CaptureRequest {
    type Response = CaptureResponse;
    const NAME: &'static str = "capture";
    const METHOD: sign_core::Method = sign_core::Method::Post;
    const PATH: &'static str = "/gateway/v1/capture";
    const IDEMPOTENT: bool = false;

    /// The rules of the doc's constraints column.
    fn validate(&self) -> Result<(), sign_core::InvalidRequest> {
        self.validate_fields(Self::NAME, "")
    }
}

/// The `Capture Response` schema of the provider's documentation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CaptureResponse {
    /// 金额 (amount)
    pub amount: sign_core::Decimal,
    /// 币种 (currency)
    pub currency: sign_core::Currency,
    /// lastEvent
    #[serde(
        rename = "lastEvent",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::deserialize"
    )]
    pub last_event: Option<String>,
    /// 订单编号 (order number)
    #[serde(rename = "orderNo", deserialize_with = "sign_core::lenient::deserialize")]
    pub order_no: String,
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
    #[serde(rename = "tradeNo", deserialize_with = "sign_core::lenient::deserialize")]
    pub trade_no: String,
    /// transactionTime
    #[serde(
        rename = "transactionTime",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::deserialize"
    )]
    pub transaction_time: Option<String>,
}

impl CaptureResponse {
    /// Creates a `CaptureResponse` from its required fields; optional fields start unset (set them with `with_*`).
    pub fn new(
        amount: impl Into<sign_core::Decimal>,
        currency: impl Into<sign_core::Currency>,
        order_no: impl Into<String>,
        trade_no: impl Into<String>,
    ) -> Self {
        Self {
            amount: amount.into(),
            currency: currency.into(),
            last_event: None,
            order_no: order_no.into(),
            order_status: None,
            resp_code: None,
            resp_msg: None,
            trade_no: trade_no.into(),
            transaction_time: None,
        }
    }

    /// Sets `lastEvent`.
    #[must_use]
    pub fn with_last_event(mut self, value: impl Into<String>) -> Self {
        self.last_event = Some(value.into());
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

    /// Sets `transactionTime`.
    #[must_use]
    pub fn with_transaction_time(mut self, value: impl Into<String>) -> Self {
        self.transaction_time = Some(value.into());
        self
    }
}
