// @generated from docs/acqra-gateway/refund.md by `cargo xtask codegen`; do not edit.
//! Refund a payment
//!
//! Generated from `docs/acqra-gateway/refund.md`.

use super::common::RefundStatus;
use serde::{Deserialize, Serialize};

/// The `Refund` schema of the provider's documentation. Send `orderNo` or `tradeNo` of the original payment.
///
/// Request of the `refund` endpoint, `POST /gateway/v1/refund`, sent with [`Client::refund`](crate::Client::refund): 申请退款,退款请求是异步处理,如果退款成功,您可以通过订阅webhook来接收通知结果,资金将原路退回到您的信用卡或借记卡 (request a refund: processed asynchronously, funds go back to the original card).
/// Not idempotent: never retried once it may have been sent. Response: `RefundResponse`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct RefundRequest {
    /// 金额 (amount to refund, at most 2 decimals)
    pub amount: sign_core::Decimal,
    /// 申请人请求ip (IP address of the requester)
    #[serde(rename = "clientIp", deserialize_with = "sign_core::lenient::deserialize")]
    pub client_ip: String,
    /// 原消费订单号 (order number of the original payment)
    #[serde(
        rename = "orderNo",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::deserialize"
    )]
    pub order_no: Option<String>,
    /// 退款原因 (refund reason)
    #[serde(deserialize_with = "sign_core::lenient::deserialize")]
    pub reason: String,
    /// 申请退款流水号(Mid下唯一)
    #[serde(rename = "refundNumber", deserialize_with = "sign_core::lenient::deserialize")]
    pub refund_number: String,
    /// 原消费订单平台流水号 (gateway trade number of the original payment)
    #[serde(
        rename = "tradeNo",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::deserialize"
    )]
    pub trade_no: Option<String>,
}

impl RefundRequest {
    /// Creates a `RefundRequest` from its required fields; optional fields start unset (set them with `with_*`).
    pub fn new(
        amount: impl Into<sign_core::Decimal>,
        client_ip: impl Into<String>,
        reason: impl Into<String>,
        refund_number: impl Into<String>,
    ) -> Self {
        Self {
            amount: amount.into(),
            client_ip: client_ip.into(),
            order_no: None,
            reason: reason.into(),
            refund_number: refund_number.into(),
            trade_no: None,
        }
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

impl RefundRequest {
    /// A builder naming every field:
    /// `RefundRequest::builder().amount(..).client_ip(..).build()`.
    /// Prefer it to [`new`](Self::new) when required fields share a type and could be swapped
    /// unnoticed.
    pub fn builder() -> RefundRequestBuilder {
        RefundRequestBuilder::default()
    }
}

/// Builds a [`RefundRequest`] field by field; [`build`](Self::build) names the first required field
/// left unset.
#[derive(Debug, Clone, Default)]
#[must_use]
pub struct RefundRequestBuilder {
    amount: Option<sign_core::Decimal>,
    client_ip: Option<String>,
    order_no: Option<String>,
    reason: Option<String>,
    refund_number: Option<String>,
    trade_no: Option<String>,
}

impl RefundRequestBuilder {
    /// Sets `amount` (required).
    pub fn amount(mut self, value: impl Into<sign_core::Decimal>) -> Self {
        self.amount = Some(value.into());
        self
    }

    /// Sets `clientIp` (required).
    pub fn client_ip(mut self, value: impl Into<String>) -> Self {
        self.client_ip = Some(value.into());
        self
    }

    /// Sets `orderNo`.
    pub fn order_no(mut self, value: impl Into<String>) -> Self {
        self.order_no = Some(value.into());
        self
    }

    /// Sets `reason` (required).
    pub fn reason(mut self, value: impl Into<String>) -> Self {
        self.reason = Some(value.into());
        self
    }

    /// Sets `refundNumber` (required).
    pub fn refund_number(mut self, value: impl Into<String>) -> Self {
        self.refund_number = Some(value.into());
        self
    }

    /// Sets `tradeNo`.
    pub fn trade_no(mut self, value: impl Into<String>) -> Self {
        self.trade_no = Some(value.into());
        self
    }

    /// The `RefundRequest`.
    ///
    /// # Errors
    /// `InvalidRequest` naming the first required field left unset, e.g.
    /// `"RefundRequest: amount must be set"`.
    pub fn build(self) -> Result<RefundRequest, sign_core::InvalidRequest> {
        Ok(RefundRequest {
            amount: self
                .amount
                .ok_or_else(|| sign_core::InvalidRequest::field("RefundRequest", "amount", "must be set"))?,
            client_ip: self
                .client_ip
                .ok_or_else(|| sign_core::InvalidRequest::field("RefundRequest", "clientIp", "must be set"))?,
            order_no: self.order_no,
            reason: self
                .reason
                .ok_or_else(|| sign_core::InvalidRequest::field("RefundRequest", "reason", "must be set"))?,
            refund_number: self
                .refund_number
                .ok_or_else(|| sign_core::InvalidRequest::field("RefundRequest", "refundNumber", "must be set"))?,
            trade_no: self.trade_no,
        })
    }
}

impl RefundRequest {
    /// Checks the rules of the constraints column of `docs/acqra-gateway/refund.md`, in this type and in the doc
    /// types it holds. `context` (the endpoint's name) starts every message; `path` is where this
    /// value sits in the request (`""` at the top, `"items[2]."` inside a list), put before each
    /// field name.
    ///
    /// # Errors
    /// The first rule broken, as an [`InvalidRequest`](sign_core::InvalidRequest) naming the field,
    /// never its value.
    #[doc(hidden)]
    pub fn validate_fields(&self, context: &str, path: &str) -> Result<(), sign_core::InvalidRequest> {
        sign_core::check::positive(context, &sign_core::check::at(path, "amount"), self.amount)?;
        sign_core::check::scale(context, &sign_core::check::at(path, "amount"), self.amount, 2)?;
        sign_core::check::either(
            context,
            &sign_core::check::at(path, "orderNo"),
            sign_core::check::given(self.order_no.as_deref()),
            &sign_core::check::at(path, "tradeNo"),
            sign_core::check::given(self.trade_no.as_deref()),
        )?;
        sign_core::check::not_blank(context, &sign_core::check::at(path, "refundNumber"), self.refund_number.as_str())?;
        Ok(())
    }
}

impl sign_core::Endpoint for RefundRequest {
    type Response = RefundResponse;
    const NAME: &'static str = "refund";
    const METHOD: sign_core::Method = sign_core::Method::Post;
    const PATH: &'static str = "/gateway/v1/refund";
    const IDEMPOTENT: bool = false;

    /// The rules of the doc's constraints column.
    fn validate(&self) -> Result<(), sign_core::InvalidRequest> {
        self.validate_fields(Self::NAME, "")
    }
}

/// The `Refund Response` schema of the provider's documentation (also the response of `refundQuery`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct RefundResponse {
    /// 金额 (amount)
    pub amount: sign_core::Decimal,
    /// 币种 (currency)
    pub currency: sign_core::Currency,
    /// 描述信息 (description)
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "sign_core::lenient::deserialize")]
    pub desc: Option<String>,
    /// 退款完成时间 (refund completion time)
    #[serde(
        rename = "finishTime",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::deserialize"
    )]
    pub finish_time: Option<String>,
    /// 商户编号 (merchant id)
    #[serde(rename = "mercId", deserialize_with = "sign_core::lenient::deserialize")]
    pub merc_id: String,
    /// 退款申请订单编号 (merchant number of the refund)
    #[serde(rename = "refundOrderNo", deserialize_with = "sign_core::lenient::deserialize")]
    pub refund_order_no: String,
    /// 退款状态 (refund status)
    #[serde(rename = "refundStatus")]
    pub refund_status: RefundStatus,
    /// 退款申请平台订单号 (gateway number of the refund)
    #[serde(rename = "refundTradeNo", deserialize_with = "sign_core::lenient::deserialize")]
    pub refund_trade_no: String,
    /// 应答码 (response code)
    #[serde(rename = "respCode", deserialize_with = "sign_core::lenient::deserialize")]
    pub resp_code: String,
    /// 应答描述 (response message; the schema marks it required here only, in 2 of 10 responses: read as optional, a gateway that leaves it out on success must not fail the call)
    #[serde(
        rename = "respMsg",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::deserialize"
    )]
    pub resp_msg: Option<String>,
}

impl RefundResponse {
    /// Creates a `RefundResponse` from its required fields; optional fields start unset (set them with `with_*`).
    pub fn new(
        amount: impl Into<sign_core::Decimal>,
        currency: impl Into<sign_core::Currency>,
        merc_id: impl Into<String>,
        refund_order_no: impl Into<String>,
        refund_status: impl Into<RefundStatus>,
        refund_trade_no: impl Into<String>,
        resp_code: impl Into<String>,
    ) -> Self {
        Self {
            amount: amount.into(),
            currency: currency.into(),
            desc: None,
            finish_time: None,
            merc_id: merc_id.into(),
            refund_order_no: refund_order_no.into(),
            refund_status: refund_status.into(),
            refund_trade_no: refund_trade_no.into(),
            resp_code: resp_code.into(),
            resp_msg: None,
        }
    }

    /// Sets `desc`.
    #[must_use]
    pub fn with_desc(mut self, value: impl Into<String>) -> Self {
        self.desc = Some(value.into());
        self
    }

    /// Sets `finishTime`.
    #[must_use]
    pub fn with_finish_time(mut self, value: impl Into<String>) -> Self {
        self.finish_time = Some(value.into());
        self
    }

    /// Sets `respMsg`.
    #[must_use]
    pub fn with_resp_msg(mut self, value: impl Into<String>) -> Self {
        self.resp_msg = Some(value.into());
        self
    }
}
