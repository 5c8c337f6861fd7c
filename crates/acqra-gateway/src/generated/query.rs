// @generated from docs/acqra-gateway/query.md by `cargo xtask codegen`; do not edit.
//! Query a payment
//!
//! Generated from `docs/acqra-gateway/query.md`.

use super::common::{Billing, OrderStatus, PaymentMethodType, RefundStatus, Shipping};
use serde::{Deserialize, Serialize};

/// The `Query` schema of the provider's documentation. Send `orderNo` or `tradeNo` (either one).
///
/// Request of the `query` endpoint, `POST /gateway/v1/query`, sent with [`Client::query`](crate::Client::query): inquiry Requests.
/// Idempotent (safe to retry). Response: `QueryResponse`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct QueryRequest {
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

impl QueryRequest {
    /// Creates a `QueryRequest` from its required fields; optional fields start unset (set them with `with_*`).
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

impl QueryRequest {
    /// Checks the rules of the constraints column of `docs/acqra-gateway/query.md`, in this type and in the doc
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

impl sign_core::Endpoint for QueryRequest {
    type Response = QueryResponse;
    const NAME: &'static str = "query";
    const METHOD: sign_core::Method = sign_core::Method::Post;
    const PATH: &'static str = "/gateway/v1/query";
    const IDEMPOTENT: bool = true;

    /// The rules of the doc's constraints column.
    fn validate(&self) -> Result<(), sign_core::InvalidRequest> {
        self.validate_fields(Self::NAME, "")
    }
}

/// The `Query Response` schema of the provider's documentation.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct QueryResponse {
    /// 账单信息 (billing details)
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::optional_object"
    )]
    pub billing: Option<Billing>,
    /// extend
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::optional_object"
    )]
    pub extend: Option<OrderCardApiModel>,
    /// order
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::optional_object"
    )]
    pub order: Option<OrderInfoModel>,
    /// refund
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "sign_core::lenient::optional_list")]
    pub refund: Option<Vec<RefundLogModel>>,
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
    /// 收货信息 (shipping details)
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::optional_object"
    )]
    pub shipping: Option<Shipping>,
}

impl QueryResponse {
    /// Creates a `QueryResponse` from its required fields; optional fields start unset (set them with `with_*`).
    pub fn new() -> Self {
        Self { billing: None, extend: None, order: None, refund: None, resp_code: None, resp_msg: None, shipping: None }
    }

    /// Sets `billing`.
    #[must_use]
    pub fn with_billing(mut self, value: impl Into<Billing>) -> Self {
        self.billing = Some(value.into());
        self
    }

    /// Sets `extend`.
    #[must_use]
    pub fn with_extend(mut self, value: impl Into<OrderCardApiModel>) -> Self {
        self.extend = Some(value.into());
        self
    }

    /// Sets `order`.
    #[must_use]
    pub fn with_order(mut self, value: impl Into<OrderInfoModel>) -> Self {
        self.order = Some(value.into());
        self
    }

    /// Sets `refund`.
    #[must_use]
    pub fn with_refund(mut self, value: impl Into<Vec<RefundLogModel>>) -> Self {
        self.refund = Some(value.into());
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

    /// Sets `shipping`.
    #[must_use]
    pub fn with_shipping(mut self, value: impl Into<Shipping>) -> Self {
        self.shipping = Some(value.into());
        self
    }
}

impl QueryResponse {
    /// Checks the rules of the constraints column of `docs/acqra-gateway/query.md`, in this type and in the doc
    /// types it holds. `context` (the endpoint's name) starts every message; `path` is where this
    /// value sits in the request (`""` at the top, `"items[2]."` inside a list), put before each
    /// field name.
    ///
    /// # Errors
    /// The first rule broken, as an [`InvalidRequest`](sign_core::InvalidRequest) naming the field,
    /// never its value.
    #[doc(hidden)]
    pub fn validate_fields(&self, context: &str, path: &str) -> Result<(), sign_core::InvalidRequest> {
        if let Some(v) = &self.billing {
            v.validate_fields(context, &format!("{path}billing."))?;
        }
        if let Some(v) = &self.shipping {
            v.validate_fields(context, &format!("{path}shipping."))?;
        }
        Ok(())
    }
}

/// `OrderInfoModel`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct OrderInfoModel {
    /// billingDesc
    #[serde(
        rename = "billingDesc",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::deserialize"
    )]
    pub billing_desc: Option<String>,
    /// brand
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "sign_core::lenient::deserialize")]
    pub brand: Option<String>,
    /// clientIp
    #[serde(
        rename = "clientIp",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::deserialize"
    )]
    pub client_ip: Option<String>,
    /// mcc
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "sign_core::lenient::deserialize")]
    pub mcc: Option<String>,
    /// mercName
    #[serde(
        rename = "mercName",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::deserialize"
    )]
    pub merc_name: Option<String>,
    /// orderNo
    #[serde(
        rename = "orderNo",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::deserialize"
    )]
    pub order_no: Option<String>,
    /// orderStatus
    #[serde(rename = "orderStatus", default, skip_serializing_if = "Option::is_none")]
    pub order_status: Option<OrderStatus>,
    /// orderStatusDesc
    #[serde(
        rename = "orderStatusDesc",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::deserialize"
    )]
    pub order_status_desc: Option<String>,
    /// payAmount
    #[serde(
        rename = "payAmount",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::optional_value"
    )]
    pub pay_amount: Option<sign_core::DecimalNumber>,
    /// payName
    #[serde(
        rename = "payName",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::deserialize"
    )]
    pub pay_name: Option<String>,
    /// payNo
    #[serde(
        rename = "payNo",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::deserialize"
    )]
    pub pay_no: Option<String>,
    /// payTime
    #[serde(
        rename = "payTime",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::deserialize"
    )]
    pub pay_time: Option<String>,
    /// paymentMethodType
    #[serde(rename = "paymentMethodType", default, skip_serializing_if = "Option::is_none")]
    pub payment_method_type: Option<PaymentMethodType>,
    /// tradeComments
    #[serde(
        rename = "tradeComments",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::deserialize"
    )]
    pub trade_comments: Option<String>,
    /// tradeCurrency (currency of the payment)
    #[serde(
        rename = "tradeCurrency",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::optional_value"
    )]
    pub trade_currency: Option<sign_core::Currency>,
    /// tradeFinishTime
    #[serde(
        rename = "tradeFinishTime",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::deserialize"
    )]
    pub trade_finish_time: Option<String>,
    /// tradeNo
    #[serde(
        rename = "tradeNo",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::deserialize"
    )]
    pub trade_no: Option<String>,
    /// websiteId
    #[serde(
        rename = "websiteId",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::deserialize"
    )]
    pub website_id: Option<String>,
}

impl OrderInfoModel {
    /// Creates a `OrderInfoModel` from its required fields; optional fields start unset (set them with `with_*`).
    pub fn new() -> Self {
        Self {
            billing_desc: None,
            brand: None,
            client_ip: None,
            mcc: None,
            merc_name: None,
            order_no: None,
            order_status: None,
            order_status_desc: None,
            pay_amount: None,
            pay_name: None,
            pay_no: None,
            pay_time: None,
            payment_method_type: None,
            trade_comments: None,
            trade_currency: None,
            trade_finish_time: None,
            trade_no: None,
            website_id: None,
        }
    }

    /// Sets `billingDesc`.
    #[must_use]
    pub fn with_billing_desc(mut self, value: impl Into<String>) -> Self {
        self.billing_desc = Some(value.into());
        self
    }

    /// Sets `brand`.
    #[must_use]
    pub fn with_brand(mut self, value: impl Into<String>) -> Self {
        self.brand = Some(value.into());
        self
    }

    /// Sets `clientIp`.
    #[must_use]
    pub fn with_client_ip(mut self, value: impl Into<String>) -> Self {
        self.client_ip = Some(value.into());
        self
    }

    /// Sets `mcc`.
    #[must_use]
    pub fn with_mcc(mut self, value: impl Into<String>) -> Self {
        self.mcc = Some(value.into());
        self
    }

    /// Sets `mercName`.
    #[must_use]
    pub fn with_merc_name(mut self, value: impl Into<String>) -> Self {
        self.merc_name = Some(value.into());
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

    /// Sets `orderStatusDesc`.
    #[must_use]
    pub fn with_order_status_desc(mut self, value: impl Into<String>) -> Self {
        self.order_status_desc = Some(value.into());
        self
    }

    /// Sets `payAmount`.
    #[must_use]
    pub fn with_pay_amount(mut self, value: impl Into<sign_core::DecimalNumber>) -> Self {
        self.pay_amount = Some(value.into());
        self
    }

    /// Sets `payName`.
    #[must_use]
    pub fn with_pay_name(mut self, value: impl Into<String>) -> Self {
        self.pay_name = Some(value.into());
        self
    }

    /// Sets `payNo`.
    #[must_use]
    pub fn with_pay_no(mut self, value: impl Into<String>) -> Self {
        self.pay_no = Some(value.into());
        self
    }

    /// Sets `payTime`.
    #[must_use]
    pub fn with_pay_time(mut self, value: impl Into<String>) -> Self {
        self.pay_time = Some(value.into());
        self
    }

    /// Sets `paymentMethodType`.
    #[must_use]
    pub fn with_payment_method_type(mut self, value: impl Into<PaymentMethodType>) -> Self {
        self.payment_method_type = Some(value.into());
        self
    }

    /// Sets `tradeComments`.
    #[must_use]
    pub fn with_trade_comments(mut self, value: impl Into<String>) -> Self {
        self.trade_comments = Some(value.into());
        self
    }

    /// Sets `tradeCurrency`.
    #[must_use]
    pub fn with_trade_currency(mut self, value: impl Into<sign_core::Currency>) -> Self {
        self.trade_currency = Some(value.into());
        self
    }

    /// Sets `tradeFinishTime`.
    #[must_use]
    pub fn with_trade_finish_time(mut self, value: impl Into<String>) -> Self {
        self.trade_finish_time = Some(value.into());
        self
    }

    /// Sets `tradeNo`.
    #[must_use]
    pub fn with_trade_no(mut self, value: impl Into<String>) -> Self {
        self.trade_no = Some(value.into());
        self
    }

    /// Sets `websiteId`.
    #[must_use]
    pub fn with_website_id(mut self, value: impl Into<String>) -> Self {
        self.website_id = Some(value.into());
        self
    }
}

/// Card details of the order.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct OrderCardApiModel {
    /// arn
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "sign_core::lenient::deserialize")]
    pub arn: Option<String>,
    /// authorizeCode
    #[serde(
        rename = "authorizeCode",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::deserialize"
    )]
    pub authorize_code: Option<String>,
    /// avsResult
    #[serde(
        rename = "avsResult",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::deserialize"
    )]
    pub avs_result: Option<String>,
    /// bin
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "sign_core::lenient::deserialize")]
    pub bin: Option<String>,
    /// cardClass
    #[serde(
        rename = "cardClass",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::deserialize"
    )]
    pub card_class: Option<String>,
    /// cvcResult
    #[serde(
        rename = "cvcResult",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::deserialize"
    )]
    pub cvc_result: Option<String>,
    /// dsInfo
    #[serde(
        rename = "dsInfo",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::optional_object"
    )]
    pub ds_info: Option<ThreeDsInfoDTO>,
    /// issuerCountryCode
    #[serde(
        rename = "issuerCountryCode",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::deserialize"
    )]
    pub issuer_country_code: Option<String>,
    /// riskScore
    #[serde(
        rename = "riskScore",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::deserialize"
    )]
    pub risk_score: Option<String>,
}

impl OrderCardApiModel {
    /// Creates a `OrderCardApiModel` from its required fields; optional fields start unset (set them with `with_*`).
    pub fn new() -> Self {
        Self {
            arn: None,
            authorize_code: None,
            avs_result: None,
            bin: None,
            card_class: None,
            cvc_result: None,
            ds_info: None,
            issuer_country_code: None,
            risk_score: None,
        }
    }

    /// Sets `arn`.
    #[must_use]
    pub fn with_arn(mut self, value: impl Into<String>) -> Self {
        self.arn = Some(value.into());
        self
    }

    /// Sets `authorizeCode`.
    #[must_use]
    pub fn with_authorize_code(mut self, value: impl Into<String>) -> Self {
        self.authorize_code = Some(value.into());
        self
    }

    /// Sets `avsResult`.
    #[must_use]
    pub fn with_avs_result(mut self, value: impl Into<String>) -> Self {
        self.avs_result = Some(value.into());
        self
    }

    /// Sets `bin`.
    #[must_use]
    pub fn with_bin(mut self, value: impl Into<String>) -> Self {
        self.bin = Some(value.into());
        self
    }

    /// Sets `cardClass`.
    #[must_use]
    pub fn with_card_class(mut self, value: impl Into<String>) -> Self {
        self.card_class = Some(value.into());
        self
    }

    /// Sets `cvcResult`.
    #[must_use]
    pub fn with_cvc_result(mut self, value: impl Into<String>) -> Self {
        self.cvc_result = Some(value.into());
        self
    }

    /// Sets `dsInfo`.
    #[must_use]
    pub fn with_ds_info(mut self, value: impl Into<ThreeDsInfoDTO>) -> Self {
        self.ds_info = Some(value.into());
        self
    }

    /// Sets `issuerCountryCode`.
    #[must_use]
    pub fn with_issuer_country_code(mut self, value: impl Into<String>) -> Self {
        self.issuer_country_code = Some(value.into());
        self
    }

    /// Sets `riskScore`.
    #[must_use]
    pub fn with_risk_score(mut self, value: impl Into<String>) -> Self {
        self.risk_score = Some(value.into());
        self
    }
}

/// `ThreeDsInfoDTO`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ThreeDsInfoDTO {
    /// authenticationStatus
    #[serde(
        rename = "authenticationStatus",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::deserialize"
    )]
    pub authentication_status: Option<String>,
    /// cavvAlgorithm
    #[serde(
        rename = "cavvAlgorithm",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::deserialize"
    )]
    pub cavv_algorithm: Option<String>,
    /// eci
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "sign_core::lenient::deserialize")]
    pub eci: Option<String>,
    /// enrolled
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "sign_core::lenient::deserialize")]
    pub enrolled: Option<String>,
    /// signatureVerification
    #[serde(
        rename = "signatureVerification",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::deserialize"
    )]
    pub signature_verification: Option<String>,
    /// threeDsVersion
    #[serde(
        rename = "threeDsVersion",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::deserialize"
    )]
    pub three_ds_version: Option<String>,
}

impl ThreeDsInfoDTO {
    /// Creates a `ThreeDsInfoDTO` from its required fields; optional fields start unset (set them with `with_*`).
    pub fn new() -> Self {
        Self {
            authentication_status: None,
            cavv_algorithm: None,
            eci: None,
            enrolled: None,
            signature_verification: None,
            three_ds_version: None,
        }
    }

    /// Sets `authenticationStatus`.
    #[must_use]
    pub fn with_authentication_status(mut self, value: impl Into<String>) -> Self {
        self.authentication_status = Some(value.into());
        self
    }

    /// Sets `cavvAlgorithm`.
    #[must_use]
    pub fn with_cavv_algorithm(mut self, value: impl Into<String>) -> Self {
        self.cavv_algorithm = Some(value.into());
        self
    }

    /// Sets `eci`.
    #[must_use]
    pub fn with_eci(mut self, value: impl Into<String>) -> Self {
        self.eci = Some(value.into());
        self
    }

    /// Sets `enrolled`.
    #[must_use]
    pub fn with_enrolled(mut self, value: impl Into<String>) -> Self {
        self.enrolled = Some(value.into());
        self
    }

    /// Sets `signatureVerification`.
    #[must_use]
    pub fn with_signature_verification(mut self, value: impl Into<String>) -> Self {
        self.signature_verification = Some(value.into());
        self
    }

    /// Sets `threeDsVersion`.
    #[must_use]
    pub fn with_three_ds_version(mut self, value: impl Into<String>) -> Self {
        self.three_ds_version = Some(value.into());
        self
    }
}

/// `RefundLogModel`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct RefundLogModel {
    /// amount
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "sign_core::lenient::optional_value")]
    pub amount: Option<sign_core::DecimalNumber>,
    /// completeTime
    #[serde(
        rename = "completeTime",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::deserialize"
    )]
    pub complete_time: Option<String>,
    /// currency (currency of the refund)
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "sign_core::lenient::optional_value")]
    pub currency: Option<sign_core::Currency>,
    /// desc
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "sign_core::lenient::deserialize")]
    pub desc: Option<String>,
    /// orderNo
    #[serde(
        rename = "orderNo",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::deserialize"
    )]
    pub order_no: Option<String>,
    /// refundStatus
    #[serde(rename = "refundStatus", default, skip_serializing_if = "Option::is_none")]
    pub refund_status: Option<RefundStatus>,
    /// refundTime
    #[serde(
        rename = "refundTime",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::deserialize"
    )]
    pub refund_time: Option<String>,
    /// tradeNo
    #[serde(
        rename = "tradeNo",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::deserialize"
    )]
    pub trade_no: Option<String>,
}

impl RefundLogModel {
    /// Creates a `RefundLogModel` from its required fields; optional fields start unset (set them with `with_*`).
    pub fn new() -> Self {
        Self {
            amount: None,
            complete_time: None,
            currency: None,
            desc: None,
            order_no: None,
            refund_status: None,
            refund_time: None,
            trade_no: None,
        }
    }

    /// Sets `amount`.
    #[must_use]
    pub fn with_amount(mut self, value: impl Into<sign_core::DecimalNumber>) -> Self {
        self.amount = Some(value.into());
        self
    }

    /// Sets `completeTime`.
    #[must_use]
    pub fn with_complete_time(mut self, value: impl Into<String>) -> Self {
        self.complete_time = Some(value.into());
        self
    }

    /// Sets `currency`.
    #[must_use]
    pub fn with_currency(mut self, value: impl Into<sign_core::Currency>) -> Self {
        self.currency = Some(value.into());
        self
    }

    /// Sets `desc`.
    #[must_use]
    pub fn with_desc(mut self, value: impl Into<String>) -> Self {
        self.desc = Some(value.into());
        self
    }

    /// Sets `orderNo`.
    #[must_use]
    pub fn with_order_no(mut self, value: impl Into<String>) -> Self {
        self.order_no = Some(value.into());
        self
    }

    /// Sets `refundStatus`.
    #[must_use]
    pub fn with_refund_status(mut self, value: impl Into<RefundStatus>) -> Self {
        self.refund_status = Some(value.into());
        self
    }

    /// Sets `refundTime`.
    #[must_use]
    pub fn with_refund_time(mut self, value: impl Into<String>) -> Self {
        self.refund_time = Some(value.into());
        self
    }

    /// Sets `tradeNo`.
    #[must_use]
    pub fn with_trade_no(mut self, value: impl Into<String>) -> Self {
        self.trade_no = Some(value.into());
        self
    }
}
