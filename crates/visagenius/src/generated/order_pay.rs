// @generated from docs/visagenius/order_pay.md by `cargo xtask codegen`; do not edit.
//! Order pay (订单支付)
//!
//! Generated from `docs/visagenius/order_pay.md`.

use serde::{Deserialize, Serialize};

/// `OrderPayRequest`.
///
/// Request of the `order_pay` endpoint, `POST /openvisa/order_pay`, sent with [`Client::order_pay`](crate::Client::order_pay): 订单支付 (pay an order).
/// Not idempotent: never retried once it may have been sent. Response: `OrderPayResponse`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct OrderPayRequest {
    /// 订单id
    #[serde(deserialize_with = "sign_core::lenient::deserialize")]
    pub order_id: i64,
    /// 订单支付总金额,以分为单位 (total amount paid, in fen)
    pub pay_amount: crate::Fen,
    /// 订单回寄地址,创建订单或者订单支付时填写 (return address; give it once, when creating or when paying the order)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order_express_address: Option<OrderExpressAddress>,
}

impl OrderPayRequest {
    /// Creates a `OrderPayRequest` from its required fields; optional fields start unset (set them with `with_*`).
    pub fn new(order_id: impl Into<i64>, pay_amount: impl Into<crate::Fen>) -> Self {
        Self { order_id: order_id.into(), pay_amount: pay_amount.into(), order_express_address: None }
    }

    /// Sets `order_express_address`.
    #[must_use]
    pub fn with_order_express_address(mut self, value: impl Into<OrderExpressAddress>) -> Self {
        self.order_express_address = Some(value.into());
        self
    }
}

impl sign_core::Endpoint for OrderPayRequest {
    type Response = OrderPayResponse;
    const NAME: &'static str = "order_pay";
    const METHOD: sign_core::Method = sign_core::Method::Post;
    const PATH: &'static str = "/openvisa/order_pay";
    const IDEMPOTENT: bool = false;
}

/// `OrderExpressAddress`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct OrderExpressAddress {
    /// 收件人
    #[serde(deserialize_with = "sign_core::lenient::deserialize")]
    pub addressee: String,
    /// 手机号码
    #[serde(deserialize_with = "sign_core::lenient::deserialize")]
    pub mobile_phone: String,
    /// 省份code
    #[serde(deserialize_with = "sign_core::lenient::deserialize")]
    pub province_code: String,
    /// 城市code
    #[serde(deserialize_with = "sign_core::lenient::deserialize")]
    pub city_code: String,
    /// 区code
    #[serde(deserialize_with = "sign_core::lenient::deserialize")]
    pub county_code: String,
    /// 详细地址
    #[serde(deserialize_with = "sign_core::lenient::deserialize")]
    pub detail_address: String,
}

impl OrderExpressAddress {
    /// Creates a `OrderExpressAddress` from its required fields; optional fields start unset (set them with `with_*`).
    pub fn new(
        addressee: impl Into<String>,
        mobile_phone: impl Into<String>,
        province_code: impl Into<String>,
        city_code: impl Into<String>,
        county_code: impl Into<String>,
        detail_address: impl Into<String>,
    ) -> Self {
        Self {
            addressee: addressee.into(),
            mobile_phone: mobile_phone.into(),
            province_code: province_code.into(),
            city_code: city_code.into(),
            county_code: county_code.into(),
            detail_address: detail_address.into(),
        }
    }
}

/// `OrderPayResponse`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct OrderPayResponse {
    /// 供应商地址信息 (the supplier's address)
    pub express_address: ExpressAddress,
}

impl OrderPayResponse {
    /// Creates a `OrderPayResponse` from its required fields; optional fields start unset (set them with `with_*`).
    pub fn new(express_address: impl Into<ExpressAddress>) -> Self {
        Self { express_address: express_address.into() }
    }
}

/// `ExpressAddress`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ExpressAddress {
    /// 地址id
    #[serde(deserialize_with = "sign_core::lenient::deserialize")]
    pub id: i64,
    /// 收件人
    #[serde(deserialize_with = "sign_core::lenient::deserialize")]
    pub addressee: String,
    /// 手机号码
    #[serde(deserialize_with = "sign_core::lenient::deserialize")]
    pub mobile_phone: String,
    /// 省份code
    #[serde(deserialize_with = "sign_core::lenient::deserialize")]
    pub province_code: String,
    /// 城市code
    #[serde(deserialize_with = "sign_core::lenient::deserialize")]
    pub city_code: String,
    /// 区code
    #[serde(deserialize_with = "sign_core::lenient::deserialize")]
    pub county_code: String,
    /// 详细地址
    #[serde(deserialize_with = "sign_core::lenient::deserialize")]
    pub detail_address: String,
    /// 省份名称 (added 2024-08-26)
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "sign_core::lenient::deserialize")]
    pub province_name: Option<String>,
    /// 城市名称 (added 2024-08-26)
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "sign_core::lenient::deserialize")]
    pub city_name: Option<String>,
    /// 区名称 (added 2024-08-26)
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "sign_core::lenient::deserialize")]
    pub county_name: Option<String>,
}

impl ExpressAddress {
    /// Creates a `ExpressAddress` from its required fields; optional fields start unset (set them with `with_*`).
    pub fn new(
        id: impl Into<i64>,
        addressee: impl Into<String>,
        mobile_phone: impl Into<String>,
        province_code: impl Into<String>,
        city_code: impl Into<String>,
        county_code: impl Into<String>,
        detail_address: impl Into<String>,
    ) -> Self {
        Self {
            id: id.into(),
            addressee: addressee.into(),
            mobile_phone: mobile_phone.into(),
            province_code: province_code.into(),
            city_code: city_code.into(),
            county_code: county_code.into(),
            detail_address: detail_address.into(),
            province_name: None,
            city_name: None,
            county_name: None,
        }
    }

    /// Sets `province_name`.
    #[must_use]
    pub fn with_province_name(mut self, value: impl Into<String>) -> Self {
        self.province_name = Some(value.into());
        self
    }

    /// Sets `city_name`.
    #[must_use]
    pub fn with_city_name(mut self, value: impl Into<String>) -> Self {
        self.city_name = Some(value.into());
        self
    }

    /// Sets `county_name`.
    #[must_use]
    pub fn with_county_name(mut self, value: impl Into<String>) -> Self {
        self.county_name = Some(value.into());
        self
    }
}
