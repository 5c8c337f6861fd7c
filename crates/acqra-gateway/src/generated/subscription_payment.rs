// @generated from docs/acqra-gateway/subscription_payment.md by `cargo xtask codegen`; do not edit.
//! Subscription payment
//!
//! Generated from `docs/acqra-gateway/subscription_payment.md`.

use super::common::{CustomerInitiatedReason, DeviceInfo, OrderStatus, ThreeDsMode};
use serde::{Deserialize, Serialize};

/// The `SubscriptionPayment` schema of the provider's documentation. The card is named by the first
/// payment's `transactionIdentifier` or by its `cardNo` (both optional in the schema): one of them is
/// needed, either is accepted.
///
/// Request of the `subscription_payment` endpoint, `POST /gateway/v1/subscriptionPayment`, sent with [`Client::subscription_payment`](crate::Client::subscription_payment): 订阅支付,基于首次支付获取到的token,定时扣款指令 (subscription payment: a scheduled charge with the credential from the first payment).
/// Not idempotent: never retried once it may have been sent. Response: `SubscriptionPaymentResponse`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SubscriptionPaymentRequest {
    /// 金额 [M,100.58] (amount, required, e.g. 100.58: at most 2 decimals)
    pub amount: sign_core::Decimal,
    /// card Number [O,min13~max19]
    #[serde(
        rename = "cardNo",
        default,
        skip_serializing_if = "Option::is_none",
        with = "sign_core::secret::serde_expose::option"
    )]
    pub card_no: Option<sign_core::SecretString>,
    /// 计划类型:RECURRING/INSTALMENT/UNSCHEDULED (plan type: RECURRING, INSTALMENT or UNSCHEDULED)
    #[serde(rename = "customerInitiatedReason", default, skip_serializing_if = "Option::is_none")]
    pub customer_initiated_reason: Option<CustomerInitiatedReason>,
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
    /// 月份 \[O,11\] (month, optional, e.g. 11)
    #[serde(rename = "expiryMonth", deserialize_with = "sign_core::lenient::deserialize")]
    pub expiry_month: String,
    /// expiry year \[O,2026\]
    #[serde(rename = "expiryYear", deserialize_with = "sign_core::lenient::deserialize")]
    pub expiry_year: String,
    /// 订单编号 [O,min5~max64] (order number, 5 to 64 characters)
    #[serde(rename = "orderNo", deserialize_with = "sign_core::lenient::deserialize")]
    pub order_no: String,
    /// 3ds模式取值[no、auto、standard] (3-D Secure mode: no, auto or standard)
    #[serde(rename = "threeDsMode", default, skip_serializing_if = "Option::is_none")]
    pub three_ds_mode: Option<ThreeDsMode>,
    /// 凭证串 [O,min5~max64] (stored credential, optional, 5 to 64 characters)
    #[serde(
        rename = "transactionIdentifier",
        default,
        skip_serializing_if = "Option::is_none",
        with = "sign_core::secret::serde_expose::option"
    )]
    pub transaction_identifier: Option<sign_core::SecretString>,
}

impl SubscriptionPaymentRequest {
    /// Creates a `SubscriptionPaymentRequest` from its required fields; optional fields start unset (set them with `with_*`).
    pub fn new(
        amount: impl Into<sign_core::Decimal>,
        expiry_month: impl Into<String>,
        expiry_year: impl Into<String>,
        order_no: impl Into<String>,
    ) -> Self {
        Self {
            amount: amount.into(),
            card_no: None,
            customer_initiated_reason: None,
            description: None,
            device_info: None,
            expiry_month: expiry_month.into(),
            expiry_year: expiry_year.into(),
            order_no: order_no.into(),
            three_ds_mode: None,
            transaction_identifier: None,
        }
    }

    /// Sets `cardNo`.
    #[must_use]
    pub fn with_card_no(mut self, value: impl Into<sign_core::SecretString>) -> Self {
        self.card_no = Some(value.into());
        self
    }

    /// Sets `customerInitiatedReason`.
    #[must_use]
    pub fn with_customer_initiated_reason(mut self, value: impl Into<CustomerInitiatedReason>) -> Self {
        self.customer_initiated_reason = Some(value.into());
        self
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

    /// Sets `threeDsMode`.
    #[must_use]
    pub fn with_three_ds_mode(mut self, value: impl Into<ThreeDsMode>) -> Self {
        self.three_ds_mode = Some(value.into());
        self
    }

    /// Sets `transactionIdentifier`.
    #[must_use]
    pub fn with_transaction_identifier(mut self, value: impl Into<sign_core::SecretString>) -> Self {
        self.transaction_identifier = Some(value.into());
        self
    }
}

impl SubscriptionPaymentRequest {
    /// A builder naming every field:
    /// `SubscriptionPaymentRequest::builder().amount(..).expiry_month(..).build()`.
    /// Prefer it to [`new`](Self::new) when required fields share a type and could be swapped
    /// unnoticed.
    pub fn builder() -> SubscriptionPaymentRequestBuilder {
        SubscriptionPaymentRequestBuilder::default()
    }
}

/// Builds a [`SubscriptionPaymentRequest`] field by field; [`build`](Self::build) names the first required field
/// left unset.
#[derive(Debug, Clone, Default)]
#[must_use]
pub struct SubscriptionPaymentRequestBuilder {
    amount: Option<sign_core::Decimal>,
    card_no: Option<sign_core::SecretString>,
    customer_initiated_reason: Option<CustomerInitiatedReason>,
    description: Option<String>,
    device_info: Option<DeviceInfo>,
    expiry_month: Option<String>,
    expiry_year: Option<String>,
    order_no: Option<String>,
    three_ds_mode: Option<ThreeDsMode>,
    transaction_identifier: Option<sign_core::SecretString>,
}

impl SubscriptionPaymentRequestBuilder {
    /// Sets `amount` (required).
    pub fn amount(mut self, value: impl Into<sign_core::Decimal>) -> Self {
        self.amount = Some(value.into());
        self
    }

    /// Sets `cardNo`.
    pub fn card_no(mut self, value: impl Into<sign_core::SecretString>) -> Self {
        self.card_no = Some(value.into());
        self
    }

    /// Sets `customerInitiatedReason`.
    pub fn customer_initiated_reason(mut self, value: impl Into<CustomerInitiatedReason>) -> Self {
        self.customer_initiated_reason = Some(value.into());
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

    /// Sets `expiryMonth` (required).
    pub fn expiry_month(mut self, value: impl Into<String>) -> Self {
        self.expiry_month = Some(value.into());
        self
    }

    /// Sets `expiryYear` (required).
    pub fn expiry_year(mut self, value: impl Into<String>) -> Self {
        self.expiry_year = Some(value.into());
        self
    }

    /// Sets `orderNo` (required).
    pub fn order_no(mut self, value: impl Into<String>) -> Self {
        self.order_no = Some(value.into());
        self
    }

    /// Sets `threeDsMode`.
    pub fn three_ds_mode(mut self, value: impl Into<ThreeDsMode>) -> Self {
        self.three_ds_mode = Some(value.into());
        self
    }

    /// Sets `transactionIdentifier`.
    pub fn transaction_identifier(mut self, value: impl Into<sign_core::SecretString>) -> Self {
        self.transaction_identifier = Some(value.into());
        self
    }

    /// The `SubscriptionPaymentRequest`.
    ///
    /// # Errors
    /// `InvalidRequest` naming the first required field left unset, e.g.
    /// `"SubscriptionPaymentRequest: amount must be set"`.
    pub fn build(self) -> Result<SubscriptionPaymentRequest, sign_core::InvalidRequest> {
        Ok(SubscriptionPaymentRequest {
            amount: self.amount.ok_or_else(|| {
                sign_core::InvalidRequest::field("SubscriptionPaymentRequest", "amount", "must be set")
            })?,
            card_no: self.card_no,
            customer_initiated_reason: self.customer_initiated_reason,
            description: self.description,
            device_info: self.device_info,
            expiry_month: self.expiry_month.ok_or_else(|| {
                sign_core::InvalidRequest::field("SubscriptionPaymentRequest", "expiryMonth", "must be set")
            })?,
            expiry_year: self.expiry_year.ok_or_else(|| {
                sign_core::InvalidRequest::field("SubscriptionPaymentRequest", "expiryYear", "must be set")
            })?,
            order_no: self.order_no.ok_or_else(|| {
                sign_core::InvalidRequest::field("SubscriptionPaymentRequest", "orderNo", "must be set")
            })?,
            three_ds_mode: self.three_ds_mode,
            transaction_identifier: self.transaction_identifier,
        })
    }
}

impl SubscriptionPaymentRequest {
    /// Checks the rules of the constraints column of `docs/acqra-gateway/subscription_payment.md`, in this type and in the doc
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
            &sign_core::check::at(path, "cardNo"),
            sign_core::check::given(self.card_no.as_ref().map(|v| v.expose())),
            &sign_core::check::at(path, "transactionIdentifier"),
            sign_core::check::given(self.transaction_identifier.as_ref().map(|v| v.expose())),
        )?;
        if let Some(v) = &self.card_no {
            sign_core::check::len(context, &sign_core::check::at(path, "cardNo"), v.expose(), 13, 19)?;
            sign_core::check::digits(context, &sign_core::check::at(path, "cardNo"), v.expose())?;
        }
        if let Some(v) = &self.description {
            sign_core::check::len(context, &sign_core::check::at(path, "description"), v.as_str(), 1, 50)?;
        }
        sign_core::check::len(context, &sign_core::check::at(path, "orderNo"), self.order_no.as_str(), 5, 64)?;
        if let Some(v) = &self.transaction_identifier {
            sign_core::check::len(context, &sign_core::check::at(path, "transactionIdentifier"), v.expose(), 5, 64)?;
        }
        Ok(())
    }
}

impl sign_core::Endpoint for SubscriptionPaymentRequest {
    type Response = SubscriptionPaymentResponse;
    const NAME: &'static str = "subscription_payment";
    const METHOD: sign_core::Method = sign_core::Method::Post;
    const PATH: &'static str = "/gateway/v1/subscriptionPayment";
    const IDEMPOTENT: bool = false;

    /// The rules of the doc's constraints column.
    fn validate(&self) -> Result<(), sign_core::InvalidRequest> {
        self.validate_fields(Self::NAME, "")
    }
}

/// The `SubscriptionPayment Response` schema of the provider's documentation (also the response of `mitPayment`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SubscriptionPaymentResponse {
    /// 金额 (amount)
    pub amount: sign_core::Decimal,
    /// 授权码 (authorization code)
    #[serde(
        rename = "authorizeCode",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::deserialize"
    )]
    pub authorize_code: Option<String>,
    /// 币种 (currency)
    pub currency: sign_core::Currency,
    /// 描述信息 (description)
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "sign_core::lenient::deserialize")]
    pub desc: Option<String>,
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
    /// 定期支付凭证串 (recurring-payment credential)
    #[serde(
        rename = "transactionIdentifier",
        default,
        skip_serializing_if = "Option::is_none",
        with = "sign_core::secret::serde_expose::option"
    )]
    pub transaction_identifier: Option<sign_core::SecretString>,
    /// transactionTime
    #[serde(
        rename = "transactionTime",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::deserialize"
    )]
    pub transaction_time: Option<String>,
}

impl SubscriptionPaymentResponse {
    /// Creates a `SubscriptionPaymentResponse` from its required fields; optional fields start unset (set them with `with_*`).
    pub fn new(
        amount: impl Into<sign_core::Decimal>,
        currency: impl Into<sign_core::Currency>,
        order_no: impl Into<String>,
        trade_no: impl Into<String>,
    ) -> Self {
        Self {
            amount: amount.into(),
            authorize_code: None,
            currency: currency.into(),
            desc: None,
            order_no: order_no.into(),
            order_status: None,
            resp_code: None,
            resp_msg: None,
            trade_no: trade_no.into(),
            transaction_identifier: None,
            transaction_time: None,
        }
    }

    /// Sets `authorizeCode`.
    #[must_use]
    pub fn with_authorize_code(mut self, value: impl Into<String>) -> Self {
        self.authorize_code = Some(value.into());
        self
    }

    /// Sets `desc`.
    #[must_use]
    pub fn with_desc(mut self, value: impl Into<String>) -> Self {
        self.desc = Some(value.into());
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

    /// Sets `transactionIdentifier`.
    #[must_use]
    pub fn with_transaction_identifier(mut self, value: impl Into<sign_core::SecretString>) -> Self {
        self.transaction_identifier = Some(value.into());
        self
    }

    /// Sets `transactionTime`.
    #[must_use]
    pub fn with_transaction_time(mut self, value: impl Into<String>) -> Self {
        self.transaction_time = Some(value.into());
        self
    }
}
