// @generated from docs/acqra-gateway/payment.md by `cargo xtask codegen`; do not edit.
//! Request a payment
//!
//! Generated from `docs/acqra-gateway/payment.md`.

use super::common::{
    Billing, Card, DeviceInfo, FraudMode, OrderStatus, PaymentMethodType, ProductInfo, Shipping, ThreeDsMode,
};
use serde::{Deserialize, Serialize};

/// The `Payment` schema of the provider's documentation.
///
/// Request of the `payment` endpoint, `POST /gateway/v1/payment`, sent with [`Client::payment`](crate::Client::payment): 使用任何可用的付款方式创建新付款 (create a payment with any available payment method).
/// Not idempotent: never retried once it may have been sent. Response: `PaymentResponse`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PaymentRequest {
    /// 支付宝 (Alipay)
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::optional_object"
    )]
    pub alipay: Option<Alipay>,
    /// AlipayPlus
    #[serde(
        rename = "alipayPlus",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::optional_object"
    )]
    pub alipay_plus: Option<AlipayPlus>,
    /// 交易金额,长度7,2 (amount: at most 7 digits, 2 of them decimals)
    pub amount: sign_core::Decimal,
    /// 账单信息 (billing details)
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::optional_object"
    )]
    pub billing: Option<Billing>,
    /// 账单描述符,如需自定义上送请联系业务经理开通 string[1..18] (billing descriptor, 1 to 18 characters; ask your account manager to enable custom ones)
    #[serde(
        rename = "billingDesc",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::deserialize"
    )]
    pub billing_desc: Option<String>,
    /// 银行卡交易信息 (card details)
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::optional_object"
    )]
    pub card: Option<Card>,
    /// 三字母ISO-4217货币代码,大写 (ISO 4217 currency code, upper case)
    pub currency: sign_core::Currency,
    /// 附言 string[1..50] (note, 1 to 50 characters)
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "sign_core::lenient::deserialize")]
    pub description: Option<String>,
    /// 客户端环境信息 (client environment)
    #[serde(rename = "deviceInfo")]
    pub device_info: DeviceInfo,
    /// expiryTime
    #[serde(
        rename = "expiryTime",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::deserialize"
    )]
    pub expiry_time: Option<String>,
    /// 欺诈检测 enum:Y、N (fraud check: Y or N)
    #[serde(rename = "fraudMode", default, skip_serializing_if = "Option::is_none")]
    pub fraud_mode: Option<FraudMode>,
    /// 重定向地址不允许携带参数 string[3..128] (redirect URL without query parameters, 3 to 128 characters)
    #[serde(
        rename = "frontUrl",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::deserialize"
    )]
    pub front_url: Option<String>,
    /// GrabPay
    #[serde(
        rename = "grabPay",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::optional_object"
    )]
    pub grab_pay: Option<GrabPay>,
    /// 订单编号 string[5..64] (order number, 5 to 64 characters)
    #[serde(rename = "orderNo", deserialize_with = "sign_core::lenient::deserialize")]
    pub order_no: String,
    /// payNow
    #[serde(
        rename = "payNow",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::optional_object"
    )]
    pub pay_now: Option<PayNow>,
    /// Payment methodType\[1, 20\]
    #[serde(rename = "paymentMethodType")]
    pub payment_method_type: PaymentMethodType,
    /// paypal
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::optional_object"
    )]
    pub paypal: Option<PayPal>,
    /// 商品信息 (product information)
    #[serde(
        rename = "productInfo",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::optional_list"
    )]
    pub product_info: Option<Vec<ProductInfo>>,
    /// 收货信息 (shipping details)
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::optional_object"
    )]
    pub shipping: Option<Shipping>,
    /// ShopeePay
    #[serde(
        rename = "shopeePay",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::optional_object"
    )]
    pub shopee_pay: Option<ShopeePay>,
    /// 3ds认证结果信息 (3-D Secure authentication result)
    #[serde(
        rename = "threeDsData",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::optional_object"
    )]
    pub three_ds_data: Option<ThreeDsData>,
    /// 3ds模式取值范围,有疑问请联系业务经理[no、auto、standard] (3-D Secure mode: no, auto or standard; ask your account manager when in doubt)
    #[serde(rename = "threeDsMode", default, skip_serializing_if = "Option::is_none")]
    pub three_ds_mode: Option<ThreeDsMode>,
    /// 银联二维码 (UnionPay QR code)
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::optional_object"
    )]
    pub upay: Option<Upay>,
    /// 微信支付交易信息 (WeChat Pay details)
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::optional_object"
    )]
    pub wechat: Option<Wechat>,
}

impl PaymentRequest {
    /// Creates a `PaymentRequest` from its required fields; optional fields start unset (set them with `with_*`).
    pub fn new(
        amount: impl Into<sign_core::Decimal>,
        currency: impl Into<sign_core::Currency>,
        device_info: impl Into<DeviceInfo>,
        order_no: impl Into<String>,
        payment_method_type: impl Into<PaymentMethodType>,
    ) -> Self {
        Self {
            alipay: None,
            alipay_plus: None,
            amount: amount.into(),
            billing: None,
            billing_desc: None,
            card: None,
            currency: currency.into(),
            description: None,
            device_info: device_info.into(),
            expiry_time: None,
            fraud_mode: None,
            front_url: None,
            grab_pay: None,
            order_no: order_no.into(),
            pay_now: None,
            payment_method_type: payment_method_type.into(),
            paypal: None,
            product_info: None,
            shipping: None,
            shopee_pay: None,
            three_ds_data: None,
            three_ds_mode: None,
            upay: None,
            wechat: None,
        }
    }

    /// Sets `alipay`.
    #[must_use]
    pub fn with_alipay(mut self, value: impl Into<Alipay>) -> Self {
        self.alipay = Some(value.into());
        self
    }

    /// Sets `alipayPlus`.
    #[must_use]
    pub fn with_alipay_plus(mut self, value: impl Into<AlipayPlus>) -> Self {
        self.alipay_plus = Some(value.into());
        self
    }

    /// Sets `billing`.
    #[must_use]
    pub fn with_billing(mut self, value: impl Into<Billing>) -> Self {
        self.billing = Some(value.into());
        self
    }

    /// Sets `billingDesc`.
    #[must_use]
    pub fn with_billing_desc(mut self, value: impl Into<String>) -> Self {
        self.billing_desc = Some(value.into());
        self
    }

    /// Sets `card`.
    #[must_use]
    pub fn with_card(mut self, value: impl Into<Card>) -> Self {
        self.card = Some(value.into());
        self
    }

    /// Sets `description`.
    #[must_use]
    pub fn with_description(mut self, value: impl Into<String>) -> Self {
        self.description = Some(value.into());
        self
    }

    /// Sets `expiryTime`.
    #[must_use]
    pub fn with_expiry_time(mut self, value: impl Into<String>) -> Self {
        self.expiry_time = Some(value.into());
        self
    }

    /// Sets `fraudMode`.
    #[must_use]
    pub fn with_fraud_mode(mut self, value: impl Into<FraudMode>) -> Self {
        self.fraud_mode = Some(value.into());
        self
    }

    /// Sets `frontUrl`.
    #[must_use]
    pub fn with_front_url(mut self, value: impl Into<String>) -> Self {
        self.front_url = Some(value.into());
        self
    }

    /// Sets `grabPay`.
    #[must_use]
    pub fn with_grab_pay(mut self, value: impl Into<GrabPay>) -> Self {
        self.grab_pay = Some(value.into());
        self
    }

    /// Sets `payNow`.
    #[must_use]
    pub fn with_pay_now(mut self, value: impl Into<PayNow>) -> Self {
        self.pay_now = Some(value.into());
        self
    }

    /// Sets `paypal`.
    #[must_use]
    pub fn with_paypal(mut self, value: impl Into<PayPal>) -> Self {
        self.paypal = Some(value.into());
        self
    }

    /// Sets `productInfo`.
    #[must_use]
    pub fn with_product_info(mut self, value: impl Into<Vec<ProductInfo>>) -> Self {
        self.product_info = Some(value.into());
        self
    }

    /// Sets `shipping`.
    #[must_use]
    pub fn with_shipping(mut self, value: impl Into<Shipping>) -> Self {
        self.shipping = Some(value.into());
        self
    }

    /// Sets `shopeePay`.
    #[must_use]
    pub fn with_shopee_pay(mut self, value: impl Into<ShopeePay>) -> Self {
        self.shopee_pay = Some(value.into());
        self
    }

    /// Sets `threeDsData`.
    #[must_use]
    pub fn with_three_ds_data(mut self, value: impl Into<ThreeDsData>) -> Self {
        self.three_ds_data = Some(value.into());
        self
    }

    /// Sets `threeDsMode`.
    #[must_use]
    pub fn with_three_ds_mode(mut self, value: impl Into<ThreeDsMode>) -> Self {
        self.three_ds_mode = Some(value.into());
        self
    }

    /// Sets `upay`.
    #[must_use]
    pub fn with_upay(mut self, value: impl Into<Upay>) -> Self {
        self.upay = Some(value.into());
        self
    }

    /// Sets `wechat`.
    #[must_use]
    pub fn with_wechat(mut self, value: impl Into<Wechat>) -> Self {
        self.wechat = Some(value.into());
        self
    }
}

impl PaymentRequest {
    /// A builder naming every field:
    /// `PaymentRequest::builder().amount(..).currency(..).build()`.
    /// Prefer it to [`new`](Self::new) when required fields share a type and could be swapped
    /// unnoticed.
    pub fn builder() -> PaymentRequestBuilder {
        PaymentRequestBuilder::default()
    }
}

/// Builds a [`PaymentRequest`] field by field; [`build`](Self::build) names the first required field
/// left unset.
#[derive(Debug, Clone, Default)]
#[must_use]
pub struct PaymentRequestBuilder {
    alipay: Option<Alipay>,
    alipay_plus: Option<AlipayPlus>,
    amount: Option<sign_core::Decimal>,
    billing: Option<Billing>,
    billing_desc: Option<String>,
    card: Option<Card>,
    currency: Option<sign_core::Currency>,
    description: Option<String>,
    device_info: Option<DeviceInfo>,
    expiry_time: Option<String>,
    fraud_mode: Option<FraudMode>,
    front_url: Option<String>,
    grab_pay: Option<GrabPay>,
    order_no: Option<String>,
    pay_now: Option<PayNow>,
    payment_method_type: Option<PaymentMethodType>,
    paypal: Option<PayPal>,
    product_info: Option<Vec<ProductInfo>>,
    shipping: Option<Shipping>,
    shopee_pay: Option<ShopeePay>,
    three_ds_data: Option<ThreeDsData>,
    three_ds_mode: Option<ThreeDsMode>,
    upay: Option<Upay>,
    wechat: Option<Wechat>,
}

impl PaymentRequestBuilder {
    /// Sets `alipay`.
    pub fn alipay(mut self, value: impl Into<Alipay>) -> Self {
        self.alipay = Some(value.into());
        self
    }

    /// Sets `alipayPlus`.
    pub fn alipay_plus(mut self, value: impl Into<AlipayPlus>) -> Self {
        self.alipay_plus = Some(value.into());
        self
    }

    /// Sets `amount` (required).
    pub fn amount(mut self, value: impl Into<sign_core::Decimal>) -> Self {
        self.amount = Some(value.into());
        self
    }

    /// Sets `billing`.
    pub fn billing(mut self, value: impl Into<Billing>) -> Self {
        self.billing = Some(value.into());
        self
    }

    /// Sets `billingDesc`.
    pub fn billing_desc(mut self, value: impl Into<String>) -> Self {
        self.billing_desc = Some(value.into());
        self
    }

    /// Sets `card`.
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

    /// Sets `deviceInfo` (required).
    pub fn device_info(mut self, value: impl Into<DeviceInfo>) -> Self {
        self.device_info = Some(value.into());
        self
    }

    /// Sets `expiryTime`.
    pub fn expiry_time(mut self, value: impl Into<String>) -> Self {
        self.expiry_time = Some(value.into());
        self
    }

    /// Sets `fraudMode`.
    pub fn fraud_mode(mut self, value: impl Into<FraudMode>) -> Self {
        self.fraud_mode = Some(value.into());
        self
    }

    /// Sets `frontUrl`.
    pub fn front_url(mut self, value: impl Into<String>) -> Self {
        self.front_url = Some(value.into());
        self
    }

    /// Sets `grabPay`.
    pub fn grab_pay(mut self, value: impl Into<GrabPay>) -> Self {
        self.grab_pay = Some(value.into());
        self
    }

    /// Sets `orderNo` (required).
    pub fn order_no(mut self, value: impl Into<String>) -> Self {
        self.order_no = Some(value.into());
        self
    }

    /// Sets `payNow`.
    pub fn pay_now(mut self, value: impl Into<PayNow>) -> Self {
        self.pay_now = Some(value.into());
        self
    }

    /// Sets `paymentMethodType` (required).
    pub fn payment_method_type(mut self, value: impl Into<PaymentMethodType>) -> Self {
        self.payment_method_type = Some(value.into());
        self
    }

    /// Sets `paypal`.
    pub fn paypal(mut self, value: impl Into<PayPal>) -> Self {
        self.paypal = Some(value.into());
        self
    }

    /// Sets `productInfo`.
    pub fn product_info(mut self, value: impl Into<Vec<ProductInfo>>) -> Self {
        self.product_info = Some(value.into());
        self
    }

    /// Sets `shipping`.
    pub fn shipping(mut self, value: impl Into<Shipping>) -> Self {
        self.shipping = Some(value.into());
        self
    }

    /// Sets `shopeePay`.
    pub fn shopee_pay(mut self, value: impl Into<ShopeePay>) -> Self {
        self.shopee_pay = Some(value.into());
        self
    }

    /// Sets `threeDsData`.
    pub fn three_ds_data(mut self, value: impl Into<ThreeDsData>) -> Self {
        self.three_ds_data = Some(value.into());
        self
    }

    /// Sets `threeDsMode`.
    pub fn three_ds_mode(mut self, value: impl Into<ThreeDsMode>) -> Self {
        self.three_ds_mode = Some(value.into());
        self
    }

    /// Sets `upay`.
    pub fn upay(mut self, value: impl Into<Upay>) -> Self {
        self.upay = Some(value.into());
        self
    }

    /// Sets `wechat`.
    pub fn wechat(mut self, value: impl Into<Wechat>) -> Self {
        self.wechat = Some(value.into());
        self
    }

    /// The `PaymentRequest`.
    ///
    /// # Errors
    /// `InvalidRequest` naming the first required field left unset, e.g.
    /// `"PaymentRequest: amount must be set"`.
    pub fn build(self) -> Result<PaymentRequest, sign_core::InvalidRequest> {
        Ok(PaymentRequest {
            alipay: self.alipay,
            alipay_plus: self.alipay_plus,
            amount: self
                .amount
                .ok_or_else(|| sign_core::InvalidRequest::field("PaymentRequest", "amount", "must be set"))?,
            billing: self.billing,
            billing_desc: self.billing_desc,
            card: self.card,
            currency: self
                .currency
                .ok_or_else(|| sign_core::InvalidRequest::field("PaymentRequest", "currency", "must be set"))?,
            description: self.description,
            device_info: self
                .device_info
                .ok_or_else(|| sign_core::InvalidRequest::field("PaymentRequest", "deviceInfo", "must be set"))?,
            expiry_time: self.expiry_time,
            fraud_mode: self.fraud_mode,
            front_url: self.front_url,
            grab_pay: self.grab_pay,
            order_no: self
                .order_no
                .ok_or_else(|| sign_core::InvalidRequest::field("PaymentRequest", "orderNo", "must be set"))?,
            pay_now: self.pay_now,
            payment_method_type: self.payment_method_type.ok_or_else(|| {
                sign_core::InvalidRequest::field("PaymentRequest", "paymentMethodType", "must be set")
            })?,
            paypal: self.paypal,
            product_info: self.product_info,
            shipping: self.shipping,
            shopee_pay: self.shopee_pay,
            three_ds_data: self.three_ds_data,
            three_ds_mode: self.three_ds_mode,
            upay: self.upay,
            wechat: self.wechat,
        })
    }
}

impl PaymentRequest {
    /// Checks the rules of the constraints column of `docs/acqra-gateway/payment.md`, in this type and in the doc
    /// types it holds. `context` (the endpoint's name) starts every message; `path` is where this
    /// value sits in the request (`""` at the top, `"items[2]."` inside a list), put before each
    /// field name.
    ///
    /// # Errors
    /// The first rule broken, as an [`InvalidRequest`](sign_core::InvalidRequest) naming the field,
    /// never its value.
    #[doc(hidden)]
    pub fn validate_fields(&self, context: &str, path: &str) -> Result<(), sign_core::InvalidRequest> {
        if let Some(v) = &self.alipay {
            v.validate_fields(context, &format!("{path}alipay."))?;
        }
        if let Some(v) = &self.alipay_plus {
            v.validate_fields(context, &format!("{path}alipayPlus."))?;
        }
        sign_core::check::positive(context, &sign_core::check::at(path, "amount"), self.amount)?;
        sign_core::check::scale(context, &sign_core::check::at(path, "amount"), self.amount, 2)?;
        sign_core::check::minor_units(context, &sign_core::check::at(path, "amount"), self.amount, &self.currency)?;
        if let Some(v) = &self.billing {
            v.validate_fields(context, &format!("{path}billing."))?;
        }
        if let Some(v) = &self.billing_desc {
            sign_core::check::len(context, &sign_core::check::at(path, "billingDesc"), v.as_str(), 1, 18)?;
        }
        if let Some(v) = &self.card {
            v.validate_fields(context, &format!("{path}card."))?;
        }
        if let Some(v) = &self.description {
            sign_core::check::len(context, &sign_core::check::at(path, "description"), v.as_str(), 1, 50)?;
        }
        if let Some(v) = &self.front_url {
            sign_core::check::len(context, &sign_core::check::at(path, "frontUrl"), v.as_str(), 3, 128)?;
        }
        sign_core::check::len(context, &sign_core::check::at(path, "orderNo"), self.order_no.as_str(), 5, 64)?;
        if let Some(v) = &self.product_info {
            for (i0, item) in v.iter().enumerate() {
                item.validate_fields(context, &format!("{path}productInfo[{i0}]."))?;
            }
        }
        if let Some(v) = &self.shipping {
            v.validate_fields(context, &format!("{path}shipping."))?;
        }
        if let Some(v) = &self.upay {
            v.validate_fields(context, &format!("{path}upay."))?;
        }
        if let Some(v) = &self.wechat {
            v.validate_fields(context, &format!("{path}wechat."))?;
        }
        Ok(())
    }
}

impl sign_core::Endpoint for PaymentRequest {
    type Response = PaymentResponse;
    const NAME: &'static str = "payment";
    const METHOD: sign_core::Method = sign_core::Method::Post;
    const PATH: &'static str = "/gateway/v1/payment";
    const IDEMPOTENT: bool = false;

    /// The rules of the doc's constraints column, then the checks of `validate_ext` (hand-written beside this module).
    fn validate(&self) -> Result<(), sign_core::InvalidRequest> {
        self.validate_fields(Self::NAME, "")?;
        self.validate_ext()
    }
}

/// The `Payment Response` schema of the provider's documentation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PaymentResponse {
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
    /// ddc jwt参数信息 (device data collection (DDC) JWT parameters)
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::optional_object"
    )]
    pub ddc: Option<Ddc>,
    /// 描述信息 (description)
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "sign_core::lenient::deserialize")]
    pub desc: Option<String>,
    /// 事件引导地址 (URL the event leads to)
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
    /// 重定向支付链接 (payment redirect link)
    #[serde(
        rename = "payUrl",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::deserialize"
    )]
    pub pay_url: Option<String>,
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
    /// 交易时间 (transaction time)
    #[serde(
        rename = "transactionTime",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::deserialize"
    )]
    pub transaction_time: Option<String>,
}

impl PaymentResponse {
    /// Creates a `PaymentResponse` from its required fields; optional fields start unset (set them with `with_*`).
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
            ddc: None,
            desc: None,
            last_event: None,
            order_no: order_no.into(),
            order_status: None,
            pay_url: None,
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

    /// Sets `ddc`.
    #[must_use]
    pub fn with_ddc(mut self, value: impl Into<Ddc>) -> Self {
        self.ddc = Some(value.into());
        self
    }

    /// Sets `desc`.
    #[must_use]
    pub fn with_desc(mut self, value: impl Into<String>) -> Self {
        self.desc = Some(value.into());
        self
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

    /// Sets `payUrl`.
    #[must_use]
    pub fn with_pay_url(mut self, value: impl Into<String>) -> Self {
        self.pay_url = Some(value.into());
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

/// Device data collection parameters for 3-D Secure.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Ddc {
    /// bin
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "sign_core::lenient::deserialize")]
    pub bin: Option<String>,
    /// challenged
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "sign_core::lenient::deserialize")]
    pub challenged: Option<String>,
    /// ddc请求地址 (device data collection (DDC) request URL)
    #[serde(
        rename = "ddcAction",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::deserialize"
    )]
    pub ddc_action: Option<String>,
    /// jwt
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "sign_core::lenient::deserialize")]
    pub jwt: Option<String>,
}

impl Ddc {
    /// Creates a `Ddc` from its required fields; optional fields start unset (set them with `with_*`).
    pub fn new() -> Self {
        Self { bin: None, challenged: None, ddc_action: None, jwt: None }
    }

    /// Sets `bin`.
    #[must_use]
    pub fn with_bin(mut self, value: impl Into<String>) -> Self {
        self.bin = Some(value.into());
        self
    }

    /// Sets `challenged`.
    #[must_use]
    pub fn with_challenged(mut self, value: impl Into<String>) -> Self {
        self.challenged = Some(value.into());
        self
    }

    /// Sets `ddcAction`.
    #[must_use]
    pub fn with_ddc_action(mut self, value: impl Into<String>) -> Self {
        self.ddc_action = Some(value.into());
        self
    }

    /// Sets `jwt`.
    #[must_use]
    pub fn with_jwt(mut self, value: impl Into<String>) -> Self {
        self.jwt = Some(value.into());
        self
    }
}

/// `ThreeDsData`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ThreeDsData {
    /// cavv
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "sign_core::lenient::deserialize")]
    pub cavv: Option<String>,
    /// amex交易标识符 (Amex transaction identifier)
    #[serde(
        rename = "dsTransId",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::deserialize"
    )]
    pub ds_trans_id: Option<String>,
    /// 3ds版本号 (3-D Secure version)
    #[serde(rename = "dsVersion", deserialize_with = "sign_core::lenient::deserialize")]
    pub ds_version: String,
    /// eci
    #[serde(deserialize_with = "sign_core::lenient::deserialize")]
    pub eci: String,
    /// xid
    #[serde(deserialize_with = "sign_core::lenient::deserialize")]
    pub xid: String,
}

impl ThreeDsData {
    /// Creates a `ThreeDsData` from its required fields; optional fields start unset (set them with `with_*`).
    pub fn new(ds_version: impl Into<String>, eci: impl Into<String>, xid: impl Into<String>) -> Self {
        Self { cavv: None, ds_trans_id: None, ds_version: ds_version.into(), eci: eci.into(), xid: xid.into() }
    }

    /// Sets `cavv`.
    #[must_use]
    pub fn with_cavv(mut self, value: impl Into<String>) -> Self {
        self.cavv = Some(value.into());
        self
    }

    /// Sets `dsTransId`.
    #[must_use]
    pub fn with_ds_trans_id(mut self, value: impl Into<String>) -> Self {
        self.ds_trans_id = Some(value.into());
        self
    }
}

impl ThreeDsData {
    /// A builder naming every field:
    /// `ThreeDsData::builder().ds_version(..).eci(..).build()`.
    /// Prefer it to [`new`](Self::new) when required fields share a type and could be swapped
    /// unnoticed.
    pub fn builder() -> ThreeDsDataBuilder {
        ThreeDsDataBuilder::default()
    }
}

/// Builds a [`ThreeDsData`] field by field; [`build`](Self::build) names the first required field
/// left unset.
#[derive(Debug, Clone, Default)]
#[must_use]
pub struct ThreeDsDataBuilder {
    cavv: Option<String>,
    ds_trans_id: Option<String>,
    ds_version: Option<String>,
    eci: Option<String>,
    xid: Option<String>,
}

impl ThreeDsDataBuilder {
    /// Sets `cavv`.
    pub fn cavv(mut self, value: impl Into<String>) -> Self {
        self.cavv = Some(value.into());
        self
    }

    /// Sets `dsTransId`.
    pub fn ds_trans_id(mut self, value: impl Into<String>) -> Self {
        self.ds_trans_id = Some(value.into());
        self
    }

    /// Sets `dsVersion` (required).
    pub fn ds_version(mut self, value: impl Into<String>) -> Self {
        self.ds_version = Some(value.into());
        self
    }

    /// Sets `eci` (required).
    pub fn eci(mut self, value: impl Into<String>) -> Self {
        self.eci = Some(value.into());
        self
    }

    /// Sets `xid` (required).
    pub fn xid(mut self, value: impl Into<String>) -> Self {
        self.xid = Some(value.into());
        self
    }

    /// The `ThreeDsData`.
    ///
    /// # Errors
    /// `InvalidRequest` naming the first required field left unset, e.g.
    /// `"ThreeDsData: dsVersion must be set"`.
    pub fn build(self) -> Result<ThreeDsData, sign_core::InvalidRequest> {
        Ok(ThreeDsData {
            cavv: self.cavv,
            ds_trans_id: self.ds_trans_id,
            ds_version: self
                .ds_version
                .ok_or_else(|| sign_core::InvalidRequest::field("ThreeDsData", "dsVersion", "must be set"))?,
            eci: self.eci.ok_or_else(|| sign_core::InvalidRequest::field("ThreeDsData", "eci", "must be set"))?,
            xid: self.xid.ok_or_else(|| sign_core::InvalidRequest::field("ThreeDsData", "xid", "must be set"))?,
        })
    }
}

/// `Alipay`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Alipay {
    /// 微信支付授权码string\[1, 64\] (WeChat Pay authorization code, 1 to 64 characters)
    #[serde(
        rename = "authCode",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::deserialize"
    )]
    pub auth_code: Option<String>,
    /// 限制支付方式string\[1, 32\] (restricted payment methods, 1 to 32 characters)
    #[serde(
        rename = "limitPayMethod",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::deserialize"
    )]
    pub limit_pay_method: Option<String>,
    /// 微信openId\[1, 64\] (WeChat openId, 1 to 64 characters)
    #[serde(
        rename = "openId",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::deserialize"
    )]
    pub open_id: Option<String>,
    /// product type
    #[serde(rename = "productType", deserialize_with = "sign_core::lenient::deserialize")]
    pub product_type: String,
    /// 门店编号string\[1, 30\] (store number, 1 to 30 characters)
    #[serde(
        rename = "storeId",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::deserialize"
    )]
    pub store_id: Option<String>,
    /// 微信子appId\[1, 64\] (WeChat sub-appId, 1 to 64 characters)
    #[serde(
        rename = "subAppId",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::deserialize"
    )]
    pub sub_app_id: Option<String>,
}

impl Alipay {
    /// Creates a `Alipay` from its required fields; optional fields start unset (set them with `with_*`).
    pub fn new(product_type: impl Into<String>) -> Self {
        Self {
            auth_code: None,
            limit_pay_method: None,
            open_id: None,
            product_type: product_type.into(),
            store_id: None,
            sub_app_id: None,
        }
    }

    /// Sets `authCode`.
    #[must_use]
    pub fn with_auth_code(mut self, value: impl Into<String>) -> Self {
        self.auth_code = Some(value.into());
        self
    }

    /// Sets `limitPayMethod`.
    #[must_use]
    pub fn with_limit_pay_method(mut self, value: impl Into<String>) -> Self {
        self.limit_pay_method = Some(value.into());
        self
    }

    /// Sets `openId`.
    #[must_use]
    pub fn with_open_id(mut self, value: impl Into<String>) -> Self {
        self.open_id = Some(value.into());
        self
    }

    /// Sets `storeId`.
    #[must_use]
    pub fn with_store_id(mut self, value: impl Into<String>) -> Self {
        self.store_id = Some(value.into());
        self
    }

    /// Sets `subAppId`.
    #[must_use]
    pub fn with_sub_app_id(mut self, value: impl Into<String>) -> Self {
        self.sub_app_id = Some(value.into());
        self
    }
}

impl Alipay {
    /// Checks the rules of the constraints column of `docs/acqra-gateway/payment.md`, in this type and in the doc
    /// types it holds. `context` (the endpoint's name) starts every message; `path` is where this
    /// value sits in the request (`""` at the top, `"items[2]."` inside a list), put before each
    /// field name.
    ///
    /// # Errors
    /// The first rule broken, as an [`InvalidRequest`](sign_core::InvalidRequest) naming the field,
    /// never its value.
    #[doc(hidden)]
    pub fn validate_fields(&self, context: &str, path: &str) -> Result<(), sign_core::InvalidRequest> {
        if let Some(v) = &self.auth_code {
            sign_core::check::len(context, &sign_core::check::at(path, "authCode"), v.as_str(), 1, 64)?;
        }
        if let Some(v) = &self.limit_pay_method {
            sign_core::check::len(context, &sign_core::check::at(path, "limitPayMethod"), v.as_str(), 1, 32)?;
        }
        if let Some(v) = &self.open_id {
            sign_core::check::len(context, &sign_core::check::at(path, "openId"), v.as_str(), 1, 64)?;
        }
        if let Some(v) = &self.store_id {
            sign_core::check::len(context, &sign_core::check::at(path, "storeId"), v.as_str(), 1, 30)?;
        }
        if let Some(v) = &self.sub_app_id {
            sign_core::check::len(context, &sign_core::check::at(path, "subAppId"), v.as_str(), 1, 64)?;
        }
        Ok(())
    }
}

/// `AlipayPlus`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AlipayPlus {
    /// 微信支付授权码string\[1, 64\] (WeChat Pay authorization code, 1 to 64 characters)
    #[serde(
        rename = "authCode",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::deserialize"
    )]
    pub auth_code: Option<String>,
    /// 限制支付方式string\[1, 32\] (restricted payment methods, 1 to 32 characters)
    #[serde(
        rename = "limitPayMethod",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::deserialize"
    )]
    pub limit_pay_method: Option<String>,
    /// 微信openId\[1, 64\] (WeChat openId, 1 to 64 characters)
    #[serde(
        rename = "openId",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::deserialize"
    )]
    pub open_id: Option<String>,
    /// 产品编码 (product code)
    #[serde(rename = "productType", deserialize_with = "sign_core::lenient::deserialize")]
    pub product_type: String,
    /// 门店编号string\[1, 30\] (store number, 1 to 30 characters)
    #[serde(
        rename = "storeId",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::deserialize"
    )]
    pub store_id: Option<String>,
    /// 微信子appId\[1, 64\] (WeChat sub-appId, 1 to 64 characters)
    #[serde(
        rename = "subAppId",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::deserialize"
    )]
    pub sub_app_id: Option<String>,
}

impl AlipayPlus {
    /// Creates a `AlipayPlus` from its required fields; optional fields start unset (set them with `with_*`).
    pub fn new(product_type: impl Into<String>) -> Self {
        Self {
            auth_code: None,
            limit_pay_method: None,
            open_id: None,
            product_type: product_type.into(),
            store_id: None,
            sub_app_id: None,
        }
    }

    /// Sets `authCode`.
    #[must_use]
    pub fn with_auth_code(mut self, value: impl Into<String>) -> Self {
        self.auth_code = Some(value.into());
        self
    }

    /// Sets `limitPayMethod`.
    #[must_use]
    pub fn with_limit_pay_method(mut self, value: impl Into<String>) -> Self {
        self.limit_pay_method = Some(value.into());
        self
    }

    /// Sets `openId`.
    #[must_use]
    pub fn with_open_id(mut self, value: impl Into<String>) -> Self {
        self.open_id = Some(value.into());
        self
    }

    /// Sets `storeId`.
    #[must_use]
    pub fn with_store_id(mut self, value: impl Into<String>) -> Self {
        self.store_id = Some(value.into());
        self
    }

    /// Sets `subAppId`.
    #[must_use]
    pub fn with_sub_app_id(mut self, value: impl Into<String>) -> Self {
        self.sub_app_id = Some(value.into());
        self
    }
}

impl AlipayPlus {
    /// Checks the rules of the constraints column of `docs/acqra-gateway/payment.md`, in this type and in the doc
    /// types it holds. `context` (the endpoint's name) starts every message; `path` is where this
    /// value sits in the request (`""` at the top, `"items[2]."` inside a list), put before each
    /// field name.
    ///
    /// # Errors
    /// The first rule broken, as an [`InvalidRequest`](sign_core::InvalidRequest) naming the field,
    /// never its value.
    #[doc(hidden)]
    pub fn validate_fields(&self, context: &str, path: &str) -> Result<(), sign_core::InvalidRequest> {
        if let Some(v) = &self.auth_code {
            sign_core::check::len(context, &sign_core::check::at(path, "authCode"), v.as_str(), 1, 64)?;
        }
        if let Some(v) = &self.limit_pay_method {
            sign_core::check::len(context, &sign_core::check::at(path, "limitPayMethod"), v.as_str(), 1, 32)?;
        }
        if let Some(v) = &self.open_id {
            sign_core::check::len(context, &sign_core::check::at(path, "openId"), v.as_str(), 1, 64)?;
        }
        if let Some(v) = &self.store_id {
            sign_core::check::len(context, &sign_core::check::at(path, "storeId"), v.as_str(), 1, 30)?;
        }
        if let Some(v) = &self.sub_app_id {
            sign_core::check::len(context, &sign_core::check::at(path, "subAppId"), v.as_str(), 1, 64)?;
        }
        Ok(())
    }
}

/// `GrabPay`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct GrabPay {
    /// product type
    #[serde(rename = "productType", deserialize_with = "sign_core::lenient::deserialize")]
    pub product_type: String,
}

impl GrabPay {
    /// Creates a `GrabPay` from its required fields; optional fields start unset (set them with `with_*`).
    pub fn new(product_type: impl Into<String>) -> Self {
        Self { product_type: product_type.into() }
    }
}

/// `PayNow`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PayNow {
    /// product type
    #[serde(rename = "productType", deserialize_with = "sign_core::lenient::deserialize")]
    pub product_type: String,
}

impl PayNow {
    /// Creates a `PayNow` from its required fields; optional fields start unset (set them with `with_*`).
    pub fn new(product_type: impl Into<String>) -> Self {
        Self { product_type: product_type.into() }
    }
}

/// The `PayPal` block. Its example sends `"metadata": "key-value"` where the schema says an object:
/// either is sent as given (`Metadata`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PayPal {
    /// 元数据 (metadata)
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "sign_core::lenient::optional_value")]
    pub metadata: Option<crate::Metadata>,
    /// 产品编码 (product code)
    #[serde(rename = "productType", deserialize_with = "sign_core::lenient::deserialize")]
    pub product_type: String,
}

impl PayPal {
    /// Creates a `PayPal` from its required fields; optional fields start unset (set them with `with_*`).
    pub fn new(product_type: impl Into<String>) -> Self {
        Self { metadata: None, product_type: product_type.into() }
    }

    /// Sets `metadata`.
    #[must_use]
    pub fn with_metadata(mut self, value: impl Into<crate::Metadata>) -> Self {
        self.metadata = Some(value.into());
        self
    }
}

/// `ShopeePay`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ShopeePay {
    /// product type
    #[serde(rename = "productType", deserialize_with = "sign_core::lenient::deserialize")]
    pub product_type: String,
}

impl ShopeePay {
    /// Creates a `ShopeePay` from its required fields; optional fields start unset (set them with `with_*`).
    pub fn new(product_type: impl Into<String>) -> Self {
        Self { product_type: product_type.into() }
    }
}

/// `Upay`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Upay {
    /// 微信支付授权码string\[1, 64\] (WeChat Pay authorization code, 1 to 64 characters)
    #[serde(
        rename = "authCode",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::deserialize"
    )]
    pub auth_code: Option<String>,
    /// product type
    #[serde(rename = "productType", deserialize_with = "sign_core::lenient::deserialize")]
    pub product_type: String,
    /// 门店编号string\[1, 30\] (store number, 1 to 30 characters)
    #[serde(
        rename = "storeId",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::deserialize"
    )]
    pub store_id: Option<String>,
}

impl Upay {
    /// Creates a `Upay` from its required fields; optional fields start unset (set them with `with_*`).
    pub fn new(product_type: impl Into<String>) -> Self {
        Self { auth_code: None, product_type: product_type.into(), store_id: None }
    }

    /// Sets `authCode`.
    #[must_use]
    pub fn with_auth_code(mut self, value: impl Into<String>) -> Self {
        self.auth_code = Some(value.into());
        self
    }

    /// Sets `storeId`.
    #[must_use]
    pub fn with_store_id(mut self, value: impl Into<String>) -> Self {
        self.store_id = Some(value.into());
        self
    }
}

impl Upay {
    /// Checks the rules of the constraints column of `docs/acqra-gateway/payment.md`, in this type and in the doc
    /// types it holds. `context` (the endpoint's name) starts every message; `path` is where this
    /// value sits in the request (`""` at the top, `"items[2]."` inside a list), put before each
    /// field name.
    ///
    /// # Errors
    /// The first rule broken, as an [`InvalidRequest`](sign_core::InvalidRequest) naming the field,
    /// never its value.
    #[doc(hidden)]
    pub fn validate_fields(&self, context: &str, path: &str) -> Result<(), sign_core::InvalidRequest> {
        if let Some(v) = &self.auth_code {
            sign_core::check::len(context, &sign_core::check::at(path, "authCode"), v.as_str(), 1, 64)?;
        }
        if let Some(v) = &self.store_id {
            sign_core::check::len(context, &sign_core::check::at(path, "storeId"), v.as_str(), 1, 30)?;
        }
        Ok(())
    }
}

/// `Wechat`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Wechat {
    /// 附加数据string\[1, 50\] (additional data, 1 to 50 characters)
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "sign_core::lenient::deserialize")]
    pub attach: Option<String>,
    /// 微信支付授权码string\[1, 64\] (WeChat Pay authorization code, 1 to 64 characters)
    #[serde(
        rename = "authCode",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::deserialize"
    )]
    pub auth_code: Option<String>,
    /// 限制支付方式string\[1, 32\] (restricted payment methods, 1 to 32 characters)
    #[serde(
        rename = "limitPayMethod",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::deserialize"
    )]
    pub limit_pay_method: Option<String>,
    /// 微信openId\[1, 64\] (WeChat openId, 1 to 64 characters)
    #[serde(
        rename = "openId",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::deserialize"
    )]
    pub open_id: Option<String>,
    /// 产品类型\[1, 16\] (product type, 1 to 16 characters)
    #[serde(rename = "productType")]
    pub product_type: WechatProductType,
    /// 门店编号string\[1, 30\] (store number, 1 to 30 characters)
    #[serde(
        rename = "storeId",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::deserialize"
    )]
    pub store_id: Option<String>,
    /// 微信子appId\[1, 64\] (WeChat sub-appId, 1 to 64 characters)
    #[serde(
        rename = "subAppId",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::deserialize"
    )]
    pub sub_app_id: Option<String>,
}

impl Wechat {
    /// Creates a `Wechat` from its required fields; optional fields start unset (set them with `with_*`).
    pub fn new(product_type: impl Into<WechatProductType>) -> Self {
        Self {
            attach: None,
            auth_code: None,
            limit_pay_method: None,
            open_id: None,
            product_type: product_type.into(),
            store_id: None,
            sub_app_id: None,
        }
    }

    /// Sets `attach`.
    #[must_use]
    pub fn with_attach(mut self, value: impl Into<String>) -> Self {
        self.attach = Some(value.into());
        self
    }

    /// Sets `authCode`.
    #[must_use]
    pub fn with_auth_code(mut self, value: impl Into<String>) -> Self {
        self.auth_code = Some(value.into());
        self
    }

    /// Sets `limitPayMethod`.
    #[must_use]
    pub fn with_limit_pay_method(mut self, value: impl Into<String>) -> Self {
        self.limit_pay_method = Some(value.into());
        self
    }

    /// Sets `openId`.
    #[must_use]
    pub fn with_open_id(mut self, value: impl Into<String>) -> Self {
        self.open_id = Some(value.into());
        self
    }

    /// Sets `storeId`.
    #[must_use]
    pub fn with_store_id(mut self, value: impl Into<String>) -> Self {
        self.store_id = Some(value.into());
        self
    }

    /// Sets `subAppId`.
    #[must_use]
    pub fn with_sub_app_id(mut self, value: impl Into<String>) -> Self {
        self.sub_app_id = Some(value.into());
        self
    }
}

impl Wechat {
    /// Checks the rules of the constraints column of `docs/acqra-gateway/payment.md`, in this type and in the doc
    /// types it holds. `context` (the endpoint's name) starts every message; `path` is where this
    /// value sits in the request (`""` at the top, `"items[2]."` inside a list), put before each
    /// field name.
    ///
    /// # Errors
    /// The first rule broken, as an [`InvalidRequest`](sign_core::InvalidRequest) naming the field,
    /// never its value.
    #[doc(hidden)]
    pub fn validate_fields(&self, context: &str, path: &str) -> Result<(), sign_core::InvalidRequest> {
        if let Some(v) = &self.attach {
            sign_core::check::len(context, &sign_core::check::at(path, "attach"), v.as_str(), 1, 50)?;
        }
        if let Some(v) = &self.auth_code {
            sign_core::check::len(context, &sign_core::check::at(path, "authCode"), v.as_str(), 1, 64)?;
        }
        if let Some(v) = &self.limit_pay_method {
            sign_core::check::len(context, &sign_core::check::at(path, "limitPayMethod"), v.as_str(), 1, 32)?;
        }
        if let Some(v) = &self.open_id {
            sign_core::check::len(context, &sign_core::check::at(path, "openId"), v.as_str(), 1, 64)?;
        }
        if let Some(v) = &self.store_id {
            sign_core::check::len(context, &sign_core::check::at(path, "storeId"), v.as_str(), 1, 30)?;
        }
        if let Some(v) = &self.sub_app_id {
            sign_core::check::len(context, &sign_core::check::at(path, "subAppId"), v.as_str(), 1, 64)?;
        }
        Ok(())
    }
}

/// The values the provider's example lists: `qr-code、pay、in-app、mini-program、h5`.
///
/// Values these docs do not list are kept in `Unknown`, so a new provider value never breaks parsing. Read from a JSON string or a number alike.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum WechatProductType {
    /// `qr-code`: qr-code
    QrCode,
    /// `pay`: pay
    Pay,
    /// `in-app`: in-app
    InApp,
    /// `mini-program`: mini-program
    MiniProgram,
    /// `h5`: h5
    H5,
    /// A value these docs do not list, kept verbatim.
    Unknown(String),
}

impl WechatProductType {
    /// The value as sent on the wire.
    pub fn as_str(&self) -> &str {
        match self {
            Self::QrCode => "qr-code",
            Self::Pay => "pay",
            Self::InApp => "in-app",
            Self::MiniProgram => "mini-program",
            Self::H5 => "h5",
            Self::Unknown(v) => v,
        }
    }
}

impl From<&str> for WechatProductType {
    fn from(v: &str) -> Self {
        match v {
            "qr-code" => Self::QrCode,
            "pay" => Self::Pay,
            "in-app" => Self::InApp,
            "mini-program" => Self::MiniProgram,
            "h5" => Self::H5,
            _ => Self::Unknown(v.to_string()),
        }
    }
}

impl std::fmt::Display for WechatProductType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl serde::Serialize for WechatProductType {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> serde::Deserialize<'de> for WechatProductType {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // A string or a number: `3` and `"3"` are the same value to a Java or PHP backend.
        let v = sign_core::lenient::text(deserializer)?;
        Ok(Self::from(v.as_str()))
    }
}
