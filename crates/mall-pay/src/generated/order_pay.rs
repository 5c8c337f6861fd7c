// @generated from docs/mall-pay/order_pay.md by `cargo xtask codegen`; do not edit.
//! Order pay now (订单立即支付)
//!
//! Generated from `docs/mall-pay/order_pay.md`.

use serde::{Deserialize, Serialize};

/// `OrderPayRequest`.
///
/// Request of the `order_pay` endpoint, `POST` to the path the client configuration supplies (the provider does not publish it), sent with [`Client::order_pay`](crate::Client::order_pay): 订单立即支付 (pay an order now).
/// Not idempotent: never retried once it may have been sent. Response: `OrderPayResponse`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct OrderPayRequest {
    /// 订单id
    #[serde(deserialize_with = "sign_core::lenient::deserialize")]
    pub order_id: i64,
    /// 支付方式,1=微信支付,2=支付宝支付,3=积分,4=微信和积分支付,5支付宝和积分支付(说明:当积分足够购买商品时,不能选择api支付,当积分不足时,要选择api支付)
    pub pay_method: PayMethod,
    /// 支付金额 (yuan, a JSON number; required for API pay: methods 1, 2, 4, 5)
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "sign_core::lenient::optional_value")]
    pub pay_price: Option<sign_core::DecimalNumber>,
    /// 支付积分 (required for points: methods 3, 4, 5)
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "sign_core::lenient::deserialize")]
    pub pay_integral: Option<i64>,
    /// 地址id
    #[serde(deserialize_with = "sign_core::lenient::deserialize")]
    pub address_id: i64,
    /// 是否包邮 1=包邮 2=不包邮
    pub freight_mode: FreightMode,
    /// 默认 0,freight_mode=2必填,1=到付 2=商家自选
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub freight_json_arr_key: Option<FreightJsonArrKey>,
}

impl OrderPayRequest {
    /// Creates a `OrderPayRequest` from its required fields; optional fields start unset (set them with `with_*`).
    pub fn new(
        order_id: impl Into<i64>,
        pay_method: impl Into<PayMethod>,
        address_id: impl Into<i64>,
        freight_mode: impl Into<FreightMode>,
    ) -> Self {
        Self {
            order_id: order_id.into(),
            pay_method: pay_method.into(),
            pay_price: None,
            pay_integral: None,
            address_id: address_id.into(),
            freight_mode: freight_mode.into(),
            freight_json_arr_key: None,
        }
    }

    /// Sets `pay_price`.
    #[must_use]
    pub fn with_pay_price(mut self, value: impl Into<sign_core::DecimalNumber>) -> Self {
        self.pay_price = Some(value.into());
        self
    }

    /// Sets `pay_integral`.
    #[must_use]
    pub fn with_pay_integral(mut self, value: impl Into<i64>) -> Self {
        self.pay_integral = Some(value.into());
        self
    }

    /// Sets `freight_json_arr_key`.
    #[must_use]
    pub fn with_freight_json_arr_key(mut self, value: impl Into<FreightJsonArrKey>) -> Self {
        self.freight_json_arr_key = Some(value.into());
        self
    }
}

impl OrderPayRequest {
    /// A builder naming every field:
    /// `OrderPayRequest::builder().order_id(..).pay_method(..).build()`.
    /// Prefer it to [`new`](Self::new) when required fields share a type and could be swapped
    /// unnoticed.
    pub fn builder() -> OrderPayRequestBuilder {
        OrderPayRequestBuilder::default()
    }
}

/// Builds a [`OrderPayRequest`] field by field; [`build`](Self::build) names the first required field
/// left unset.
#[derive(Debug, Clone, Default)]
#[must_use]
pub struct OrderPayRequestBuilder {
    order_id: Option<i64>,
    pay_method: Option<PayMethod>,
    pay_price: Option<sign_core::DecimalNumber>,
    pay_integral: Option<i64>,
    address_id: Option<i64>,
    freight_mode: Option<FreightMode>,
    freight_json_arr_key: Option<FreightJsonArrKey>,
}

impl OrderPayRequestBuilder {
    /// Sets `order_id` (required).
    pub fn order_id(mut self, value: impl Into<i64>) -> Self {
        self.order_id = Some(value.into());
        self
    }

    /// Sets `pay_method` (required).
    pub fn pay_method(mut self, value: impl Into<PayMethod>) -> Self {
        self.pay_method = Some(value.into());
        self
    }

    /// Sets `pay_price`.
    pub fn pay_price(mut self, value: impl Into<sign_core::DecimalNumber>) -> Self {
        self.pay_price = Some(value.into());
        self
    }

    /// Sets `pay_integral`.
    pub fn pay_integral(mut self, value: impl Into<i64>) -> Self {
        self.pay_integral = Some(value.into());
        self
    }

    /// Sets `address_id` (required).
    pub fn address_id(mut self, value: impl Into<i64>) -> Self {
        self.address_id = Some(value.into());
        self
    }

    /// Sets `freight_mode` (required).
    pub fn freight_mode(mut self, value: impl Into<FreightMode>) -> Self {
        self.freight_mode = Some(value.into());
        self
    }

    /// Sets `freight_json_arr_key`.
    pub fn freight_json_arr_key(mut self, value: impl Into<FreightJsonArrKey>) -> Self {
        self.freight_json_arr_key = Some(value.into());
        self
    }

    /// The `OrderPayRequest`.
    ///
    /// # Errors
    /// `InvalidRequest` naming the first required field left unset, e.g.
    /// `"OrderPayRequest: order_id must be set"`.
    pub fn build(self) -> Result<OrderPayRequest, sign_core::InvalidRequest> {
        Ok(OrderPayRequest {
            order_id: self
                .order_id
                .ok_or_else(|| sign_core::InvalidRequest::field("OrderPayRequest", "order_id", "must be set"))?,
            pay_method: self
                .pay_method
                .ok_or_else(|| sign_core::InvalidRequest::field("OrderPayRequest", "pay_method", "must be set"))?,
            pay_price: self.pay_price,
            pay_integral: self.pay_integral,
            address_id: self
                .address_id
                .ok_or_else(|| sign_core::InvalidRequest::field("OrderPayRequest", "address_id", "must be set"))?,
            freight_mode: self
                .freight_mode
                .ok_or_else(|| sign_core::InvalidRequest::field("OrderPayRequest", "freight_mode", "must be set"))?,
            freight_json_arr_key: self.freight_json_arr_key,
        })
    }
}

impl sign_core::Endpoint for OrderPayRequest {
    type Response = OrderPayResponse;
    const NAME: &'static str = "order_pay";
    const METHOD: sign_core::Method = sign_core::Method::Post;
    const PATH: &'static str = "";
    const IDEMPOTENT: bool = false;

    /// The checks of `validate_ext` (hand-written beside this module).
    fn validate(&self) -> Result<(), sign_core::InvalidRequest> {
        self.validate_ext()
    }
}

/// `PayMethod`.
///
/// Values these docs do not list are kept in `Unknown`, so a new provider value never breaks parsing. Read from a JSON string or a number alike.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum PayMethod {
    /// `1`: 微信支付
    Wechat,
    /// `2`: 支付宝支付
    Alipay,
    /// `3`: 积分
    Integral,
    /// `4`: 微信和积分支付
    WechatIntegral,
    /// `5`: 支付宝和积分支付
    AlipayIntegral,
    /// A value these docs do not list, kept verbatim.
    Unknown(i64),
}

impl PayMethod {
    /// The value as sent on the wire.
    pub fn as_i64(&self) -> i64 {
        match self {
            Self::Wechat => 1,
            Self::Alipay => 2,
            Self::Integral => 3,
            Self::WechatIntegral => 4,
            Self::AlipayIntegral => 5,
            Self::Unknown(v) => *v,
        }
    }
}

impl From<i64> for PayMethod {
    fn from(v: i64) -> Self {
        match v {
            1 => Self::Wechat,
            2 => Self::Alipay,
            3 => Self::Integral,
            4 => Self::WechatIntegral,
            5 => Self::AlipayIntegral,
            _ => Self::Unknown(v),
        }
    }
}

impl std::fmt::Display for PayMethod {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.as_i64())
    }
}

impl serde::Serialize for PayMethod {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_i64(self.as_i64())
    }
}

impl<'de> serde::Deserialize<'de> for PayMethod {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // A number or a string holding one: `"3"` and `3` are the same value to a Java or PHP backend.
        let v = sign_core::lenient::integer(deserializer)?;
        Ok(Self::from(v))
    }
}

/// `FreightMode`.
///
/// Values these docs do not list are kept in `Unknown`, so a new provider value never breaks parsing. Read from a JSON string or a number alike.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum FreightMode {
    /// `1`: 包邮
    Free,
    /// `2`: 不包邮
    NotFree,
    /// A value these docs do not list, kept verbatim.
    Unknown(i64),
}

impl FreightMode {
    /// The value as sent on the wire.
    pub fn as_i64(&self) -> i64 {
        match self {
            Self::Free => 1,
            Self::NotFree => 2,
            Self::Unknown(v) => *v,
        }
    }
}

impl From<i64> for FreightMode {
    fn from(v: i64) -> Self {
        match v {
            1 => Self::Free,
            2 => Self::NotFree,
            _ => Self::Unknown(v),
        }
    }
}

impl std::fmt::Display for FreightMode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.as_i64())
    }
}

impl serde::Serialize for FreightMode {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_i64(self.as_i64())
    }
}

impl<'de> serde::Deserialize<'de> for FreightMode {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // A number or a string holding one: `"3"` and `3` are the same value to a Java or PHP backend.
        let v = sign_core::lenient::integer(deserializer)?;
        Ok(Self::from(v))
    }
}

/// `FreightJsonArrKey`.
///
/// Values these docs do not list are kept in `Unknown`, so a new provider value never breaks parsing. Read from a JSON string or a number alike.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum FreightJsonArrKey {
    /// `1`: 到付
    CashOnDelivery,
    /// `2`: 商家自选
    MerchantChoice,
    /// A value these docs do not list, kept verbatim.
    Unknown(i64),
}

impl FreightJsonArrKey {
    /// The value as sent on the wire.
    pub fn as_i64(&self) -> i64 {
        match self {
            Self::CashOnDelivery => 1,
            Self::MerchantChoice => 2,
            Self::Unknown(v) => *v,
        }
    }
}

impl From<i64> for FreightJsonArrKey {
    fn from(v: i64) -> Self {
        match v {
            1 => Self::CashOnDelivery,
            2 => Self::MerchantChoice,
            _ => Self::Unknown(v),
        }
    }
}

impl std::fmt::Display for FreightJsonArrKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.as_i64())
    }
}

impl serde::Serialize for FreightJsonArrKey {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_i64(self.as_i64())
    }
}

impl<'de> serde::Deserialize<'de> for FreightJsonArrKey {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // A number or a string holding one: `"3"` and `3` are the same value to a Java or PHP backend.
        let v = sign_core::lenient::integer(deserializer)?;
        Ok(Self::from(v))
    }
}

/// `OrderPayResponse`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct OrderPayResponse {
    /// 支付参数 (an object for WeChat, an Alipay order string for Alipay)
    pub pay_param: crate::PayParam,
}

impl OrderPayResponse {
    /// Creates a `OrderPayResponse` from its required fields; optional fields start unset (set them with `with_*`).
    pub fn new(pay_param: impl Into<crate::PayParam>) -> Self {
        Self { pay_param: pay_param.into() }
    }
}

/// `WechatAppPayParam`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct WechatAppPayParam {
    /// 应用ID
    #[serde(deserialize_with = "sign_core::lenient::deserialize")]
    pub appid: String,
    /// 商户号
    #[serde(deserialize_with = "sign_core::lenient::deserialize")]
    pub partnerid: String,
    /// 预支付交易会话ID
    #[serde(deserialize_with = "sign_core::lenient::deserialize")]
    pub prepayid: String,
    /// 扩展字段
    #[serde(deserialize_with = "sign_core::lenient::deserialize")]
    pub package: String,
    /// 随机串
    #[serde(deserialize_with = "sign_core::lenient::deserialize")]
    pub noncestr: String,
    /// 时间戳
    #[serde(deserialize_with = "sign_core::lenient::deserialize")]
    pub timestamp: String,
    /// 签名
    #[serde(deserialize_with = "sign_core::lenient::deserialize")]
    pub sign: String,
}

impl WechatAppPayParam {
    /// Creates a `WechatAppPayParam` from its required fields; optional fields start unset (set them with `with_*`).
    pub fn new(
        appid: impl Into<String>,
        partnerid: impl Into<String>,
        prepayid: impl Into<String>,
        package: impl Into<String>,
        noncestr: impl Into<String>,
        timestamp: impl Into<String>,
        sign: impl Into<String>,
    ) -> Self {
        Self {
            appid: appid.into(),
            partnerid: partnerid.into(),
            prepayid: prepayid.into(),
            package: package.into(),
            noncestr: noncestr.into(),
            timestamp: timestamp.into(),
            sign: sign.into(),
        }
    }
}
