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
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::optional_object"
    )]
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

impl OrderPayRequest {
    /// A builder naming every field:
    /// `OrderPayRequest::builder().order_id(..).pay_amount(..).build()`.
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
    pay_amount: Option<crate::Fen>,
    order_express_address: Option<OrderExpressAddress>,
}

impl OrderPayRequestBuilder {
    /// Sets `order_id` (required).
    pub fn order_id(mut self, value: impl Into<i64>) -> Self {
        self.order_id = Some(value.into());
        self
    }

    /// Sets `pay_amount` (required).
    pub fn pay_amount(mut self, value: impl Into<crate::Fen>) -> Self {
        self.pay_amount = Some(value.into());
        self
    }

    /// Sets `order_express_address`.
    pub fn order_express_address(mut self, value: impl Into<OrderExpressAddress>) -> Self {
        self.order_express_address = Some(value.into());
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
            pay_amount: self
                .pay_amount
                .ok_or_else(|| sign_core::InvalidRequest::field("OrderPayRequest", "pay_amount", "must be set"))?,
            order_express_address: self.order_express_address,
        })
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

impl OrderExpressAddress {
    /// A builder naming every field:
    /// `OrderExpressAddress::builder().addressee(..).mobile_phone(..).build()`.
    /// Prefer it to [`new`](Self::new) when required fields share a type and could be swapped
    /// unnoticed.
    pub fn builder() -> OrderExpressAddressBuilder {
        OrderExpressAddressBuilder::default()
    }
}

/// Builds a [`OrderExpressAddress`] field by field; [`build`](Self::build) names the first required field
/// left unset.
#[derive(Debug, Clone, Default)]
#[must_use]
pub struct OrderExpressAddressBuilder {
    addressee: Option<String>,
    mobile_phone: Option<String>,
    province_code: Option<String>,
    city_code: Option<String>,
    county_code: Option<String>,
    detail_address: Option<String>,
}

impl OrderExpressAddressBuilder {
    /// Sets `addressee` (required).
    pub fn addressee(mut self, value: impl Into<String>) -> Self {
        self.addressee = Some(value.into());
        self
    }

    /// Sets `mobile_phone` (required).
    pub fn mobile_phone(mut self, value: impl Into<String>) -> Self {
        self.mobile_phone = Some(value.into());
        self
    }

    /// Sets `province_code` (required).
    pub fn province_code(mut self, value: impl Into<String>) -> Self {
        self.province_code = Some(value.into());
        self
    }

    /// Sets `city_code` (required).
    pub fn city_code(mut self, value: impl Into<String>) -> Self {
        self.city_code = Some(value.into());
        self
    }

    /// Sets `county_code` (required).
    pub fn county_code(mut self, value: impl Into<String>) -> Self {
        self.county_code = Some(value.into());
        self
    }

    /// Sets `detail_address` (required).
    pub fn detail_address(mut self, value: impl Into<String>) -> Self {
        self.detail_address = Some(value.into());
        self
    }

    /// The `OrderExpressAddress`.
    ///
    /// # Errors
    /// `InvalidRequest` naming the first required field left unset, e.g.
    /// `"OrderExpressAddress: addressee must be set"`.
    pub fn build(self) -> Result<OrderExpressAddress, sign_core::InvalidRequest> {
        Ok(OrderExpressAddress {
            addressee: self
                .addressee
                .ok_or_else(|| sign_core::InvalidRequest::field("OrderExpressAddress", "addressee", "must be set"))?,
            mobile_phone: self.mobile_phone.ok_or_else(|| {
                sign_core::InvalidRequest::field("OrderExpressAddress", "mobile_phone", "must be set")
            })?,
            province_code: self.province_code.ok_or_else(|| {
                sign_core::InvalidRequest::field("OrderExpressAddress", "province_code", "must be set")
            })?,
            city_code: self
                .city_code
                .ok_or_else(|| sign_core::InvalidRequest::field("OrderExpressAddress", "city_code", "must be set"))?,
            county_code: self
                .county_code
                .ok_or_else(|| sign_core::InvalidRequest::field("OrderExpressAddress", "county_code", "must be set"))?,
            detail_address: self.detail_address.ok_or_else(|| {
                sign_core::InvalidRequest::field("OrderExpressAddress", "detail_address", "must be set")
            })?,
        })
    }
}

/// The provider's response table marks `express_address` required, but an e-visa needs no delivery, so a
/// successful payment may come without it (or with an empty one): it is optional here, so that a real success is
/// never reported as a decoding failure.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct OrderPayResponse {
    /// 供应商地址信息 (the supplier's address; absent when nothing is mailed)
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::optional_object"
    )]
    pub express_address: Option<ExpressAddress>,
}

impl OrderPayResponse {
    /// Creates a `OrderPayResponse` from its required fields; optional fields start unset (set them with `with_*`).
    pub fn new() -> Self {
        Self { express_address: None }
    }

    /// Sets `express_address`.
    #[must_use]
    pub fn with_express_address(mut self, value: impl Into<ExpressAddress>) -> Self {
        self.express_address = Some(value.into());
        self
    }
}

/// The fields of the supplier's address appear only in the provider's response example, not in its schema table:
/// every one is optional (an address may come partial, or empty for an e-visa).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ExpressAddress {
    /// 地址id
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "sign_core::lenient::deserialize")]
    pub id: Option<i64>,
    /// 收件人
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "sign_core::lenient::deserialize")]
    pub addressee: Option<String>,
    /// 手机号码
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "sign_core::lenient::deserialize")]
    pub mobile_phone: Option<String>,
    /// 省份code
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "sign_core::lenient::deserialize")]
    pub province_code: Option<String>,
    /// 城市code
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "sign_core::lenient::deserialize")]
    pub city_code: Option<String>,
    /// 区code
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "sign_core::lenient::deserialize")]
    pub county_code: Option<String>,
    /// 详细地址
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "sign_core::lenient::deserialize")]
    pub detail_address: Option<String>,
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
    pub fn new() -> Self {
        Self {
            id: None,
            addressee: None,
            mobile_phone: None,
            province_code: None,
            city_code: None,
            county_code: None,
            detail_address: None,
            province_name: None,
            city_name: None,
            county_name: None,
        }
    }

    /// Sets `id`.
    #[must_use]
    pub fn with_id(mut self, value: impl Into<i64>) -> Self {
        self.id = Some(value.into());
        self
    }

    /// Sets `addressee`.
    #[must_use]
    pub fn with_addressee(mut self, value: impl Into<String>) -> Self {
        self.addressee = Some(value.into());
        self
    }

    /// Sets `mobile_phone`.
    #[must_use]
    pub fn with_mobile_phone(mut self, value: impl Into<String>) -> Self {
        self.mobile_phone = Some(value.into());
        self
    }

    /// Sets `province_code`.
    #[must_use]
    pub fn with_province_code(mut self, value: impl Into<String>) -> Self {
        self.province_code = Some(value.into());
        self
    }

    /// Sets `city_code`.
    #[must_use]
    pub fn with_city_code(mut self, value: impl Into<String>) -> Self {
        self.city_code = Some(value.into());
        self
    }

    /// Sets `county_code`.
    #[must_use]
    pub fn with_county_code(mut self, value: impl Into<String>) -> Self {
        self.county_code = Some(value.into());
        self
    }

    /// Sets `detail_address`.
    #[must_use]
    pub fn with_detail_address(mut self, value: impl Into<String>) -> Self {
        self.detail_address = Some(value.into());
        self
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
