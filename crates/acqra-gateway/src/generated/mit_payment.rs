// @generated from docs/acqra-gateway/mit_payment.md by `cargo xtask codegen`; do not edit.
//! MIT payment (merchant-initiated)
//!
//! Generated from `docs/acqra-gateway/mit_payment.md`.

use super::common::{Billing, Card, DeviceInfo};
use super::subscription_payment::SubscriptionPaymentResponse;
use serde::{Deserialize, Serialize};

/// The `MitPayment` schema of the provider's documentation.
///
/// Request of the `mit_payment` endpoint, `POST /gateway/v1/mitPayment`, sent with [`Client::mit_payment`](crate::Client::mit_payment): MIT Payment 限制类接口 (merchant-initiated payment, restricted endpoint).
/// Not idempotent: never retried once it may have been sent. Response: `MitPaymentResponse`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct MitPaymentRequest {
    /// 金额 [M,100.58] (amount, required, e.g. 100.58: at most 2 decimals)
    pub amount: sign_core::Decimal,
    /// 账单信息 (billing details)
    pub billing: Billing,
    /// 银行卡交易信息 (card details)
    pub card: Card,
    /// 三字母ISO-4217货币代码,大写 (ISO 4217 currency code, upper case)
    pub currency: sign_core::Currency,
    /// 附言 string[O 1..50] (note, optional, 1 to 50 characters)
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "sign_core::lenient::deserialize")]
    pub description: Option<String>,
    /// 客户端扩展信息 (client device details)
    #[serde(
        rename = "deviceInfo",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::optional_object"
    )]
    pub device_info: Option<DeviceInfo>,
    /// 订单编号 [O,min5~max64] (order number, 5 to 64 characters)
    #[serde(rename = "orderNo", deserialize_with = "sign_core::lenient::deserialize")]
    pub order_no: String,
}

impl MitPaymentRequest {
    /// Creates a `MitPaymentRequest` from its required fields; optional fields start unset (set them with `with_*`).
    pub fn new(
        amount: impl Into<sign_core::Decimal>,
        billing: impl Into<Billing>,
        card: impl Into<Card>,
        currency: impl Into<sign_core::Currency>,
        order_no: impl Into<String>,
    ) -> Self {
        Self {
            amount: amount.into(),
            billing: billing.into(),
            card: card.into(),
            currency: currency.into(),
            description: None,
            device_info: None,
            order_no: order_no.into(),
        }
    }

    /// Sets `description`.
    #[must_use]
    pub fn with_description(mut self, value: impl Into<String>) -> Self {
        self.description = Some(value.into());
        self
    }

    /// Sets `deviceInfo`.
    #[must_use]
    pub fn with_device_info(mut self, value: impl Into<DeviceInfo>) -> Self {
        self.device_info = Some(value.into());
        self
    }
}

impl MitPaymentRequest {
    /// A builder naming every field:
    /// `MitPaymentRequest::builder().amount(..).billing(..).build()`.
    /// Prefer it to [`new`](Self::new) when required fields share a type and could be swapped
    /// unnoticed.
    pub fn builder() -> MitPaymentRequestBuilder {
        MitPaymentRequestBuilder::default()
    }
}

/// Builds a [`MitPaymentRequest`] field by field; [`build`](Self::build) names the first required field
/// left unset.
#[derive(Debug, Clone, Default)]
#[must_use]
pub struct MitPaymentRequestBuilder {
    amount: Option<sign_core::Decimal>,
    billing: Option<Billing>,
    card: Option<Card>,
    currency: Option<sign_core::Currency>,
    description: Option<String>,
    device_info: Option<DeviceInfo>,
    order_no: Option<String>,
}

impl MitPaymentRequestBuilder {
    /// Sets `amount` (required).
    pub fn amount(mut self, value: impl Into<sign_core::Decimal>) -> Self {
        self.amount = Some(value.into());
        self
    }

    /// Sets `billing` (required).
    pub fn billing(mut self, value: impl Into<Billing>) -> Self {
        self.billing = Some(value.into());
        self
    }

    /// Sets `card` (required).
    pub fn card(mut self, value: impl Into<Card>) -> Self {
        self.card = Some(value.into());
        self
    }

    /// Sets `currency` (required).
    pub fn currency(mut self, value: impl Into<sign_core::Currency>) -> Self {
        self.currency = Some(value.into());
        self
    }

    /// Sets `description`.
    pub fn description(mut self, value: impl Into<String>) -> Self {
        self.description = Some(value.into());
        self
    }

    /// Sets `deviceInfo`.
    pub fn device_info(mut self, value: impl Into<DeviceInfo>) -> Self {
        self.device_info = Some(value.into());
        self
    }

    /// Sets `orderNo` (required).
    pub fn order_no(mut self, value: impl Into<String>) -> Self {
        self.order_no = Some(value.into());
        self
    }

    /// The `MitPaymentRequest`.
    ///
    /// # Errors
    /// `InvalidRequest` naming the first required field left unset, e.g.
    /// `"MitPaymentRequest: amount must be set"`.
    pub fn build(self) -> Result<MitPaymentRequest, sign_core::InvalidRequest> {
        Ok(MitPaymentRequest {
            amount: self
                .amount
                .ok_or_else(|| sign_core::InvalidRequest::field("MitPaymentRequest", "amount", "must be set"))?,
            billing: self
                .billing
                .ok_or_else(|| sign_core::InvalidRequest::field("MitPaymentRequest", "billing", "must be set"))?,
            card: self
                .card
                .ok_or_else(|| sign_core::InvalidRequest::field("MitPaymentRequest", "card", "must be set"))?,
            currency: self
                .currency
                .ok_or_else(|| sign_core::InvalidRequest::field("MitPaymentRequest", "currency", "must be set"))?,
            description: self.description,
            device_info: self.device_info,
            order_no: self
                .order_no
                .ok_or_else(|| sign_core::InvalidRequest::field("MitPaymentRequest", "orderNo", "must be set"))?,
        })
    }
}

impl MitPaymentRequest {
    /// Checks the rules of the constraints column of `docs/acqra-gateway/mit_payment.md`, in this type and in the doc
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
        sign_core::check::minor_units(context, &sign_core::check::at(path, "amount"), self.amount, &self.currency)?;
        self.billing.validate_fields(context, &format!("{path}billing."))?;
        self.card.validate_fields(context, &format!("{path}card."))?;
        if let Some(v) = &self.description {
            sign_core::check::len(context, &sign_core::check::at(path, "description"), v.as_str(), 1, 50)?;
        }
        sign_core::check::len(context, &sign_core::check::at(path, "orderNo"), self.order_no.as_str(), 5, 64)?;
        Ok(())
    }
}

impl sign_core::Endpoint for MitPaymentRequest {
    type Response = SubscriptionPaymentResponse;
    const NAME: &'static str = "mit_payment";
    const METHOD: sign_core::Method = sign_core::Method::Post;
    const PATH: &'static str = "/gateway/v1/mitPayment";
    const IDEMPOTENT: bool = false;

    /// The rules of the doc's constraints column.
    fn validate(&self) -> Result<(), sign_core::InvalidRequest> {
        self.validate_fields(Self::NAME, "")
    }
}

/// The response of the `mit_payment` endpoint ([`Client::mit_payment`](crate::Client::mit_payment)): [`SubscriptionPaymentResponse`], a response shared with other endpoints.
pub type MitPaymentResponse = SubscriptionPaymentResponse;
