// @generated from docs/acqra-gateway/refund_query.md by `cargo xtask codegen`; do not edit.
//! Query a refund
//!
//! Generated from `docs/acqra-gateway/refund_query.md`.

use super::common::PaymentMethodType;
use super::refund::RefundResponse;
use serde::{Deserialize, Serialize};

/// The provider's documentation uses the `Query` schema here too (the same fields as the payment query).
/// Send `orderNo` or `tradeNo` (either one).
///
/// Request of the `refund_query` endpoint, `POST /gateway/v1/refundQuery`, sent with [`Client::refund_query`](crate::Client::refund_query): inquiry Requests.
/// Idempotent (safe to retry). Response: `RefundQueryResponse`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct RefundQueryRequest {
    /// 订单编号/平台流水号任意上送其中一个即可 (order number; give it or the gateway trade number)
    #[serde(
        rename = "orderNo",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::deserialize"
    )]
    pub order_no: Option<String>,
    /// 支付方式枚举值(M)
    #[serde(rename = "paymentMethodType")]
    pub payment_method_type: PaymentMethodType,
    /// 平台流水号/订单编号任意上送其中一个即可 (gateway trade number; give it or the order number)
    #[serde(
        rename = "tradeNo",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::deserialize"
    )]
    pub trade_no: Option<String>,
}

impl RefundQueryRequest {
    /// Creates a `RefundQueryRequest` from its required fields; optional fields start unset (set them with `with_*`).
    pub fn new(payment_method_type: impl Into<PaymentMethodType>) -> Self {
        Self { order_no: None, payment_method_type: payment_method_type.into(), trade_no: None }
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

impl RefundQueryRequest {
    /// Checks the rules of the constraints column of `docs/acqra-gateway/refund_query.md`, in this type and in the doc
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

impl sign_core::Endpoint for RefundQueryRequest {
    type Response = RefundResponse;
    const NAME: &'static str = "refund_query";
    const METHOD: sign_core::Method = sign_core::Method::Post;
    const PATH: &'static str = "/gateway/v1/refundQuery";
    const IDEMPOTENT: bool = true;

    /// The rules of the doc's constraints column.
    fn validate(&self) -> Result<(), sign_core::InvalidRequest> {
        self.validate_fields(Self::NAME, "")
    }
}

/// The response of the `refund_query` endpoint ([`Client::refund_query`](crate::Client::refund_query)): [`RefundResponse`], a response shared with other endpoints.
pub type RefundQueryResponse = RefundResponse;
