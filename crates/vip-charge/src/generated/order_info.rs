// @generated from docs/vip-charge/order_info.md by `cargo xtask codegen`; do not edit.
//! Order info (订单查询)
//!
//! Generated from `docs/vip-charge/order_info.md`.

use serde::{Deserialize, Serialize};

/// `OrderInfoRequest`.
///
/// Request of the `order_info` endpoint, `POST /v1/openapi/order/info`, sent with [`Client::order_info`](crate::Client::order_info): 订单查询 (order info by orderCode or bizCode).
/// Idempotent (safe to retry). Response: `OrderInfoResponse`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct OrderInfoRequest {
    /// 平台订单号 (give this or bizCode)
    #[serde(
        rename = "orderCode",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::deserialize"
    )]
    pub order_code: Option<String>,
    /// 商家订单号 (give this or orderCode)
    #[serde(
        rename = "bizCode",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::deserialize"
    )]
    pub biz_code: Option<String>,
}

impl OrderInfoRequest {
    /// Creates a `OrderInfoRequest` from its required fields; optional fields start unset (set them with `with_*`).
    pub fn new() -> Self {
        Self { order_code: None, biz_code: None }
    }

    /// Sets `orderCode`.
    #[must_use]
    pub fn with_order_code(mut self, value: impl Into<String>) -> Self {
        self.order_code = Some(value.into());
        self
    }

    /// Sets `bizCode`.
    #[must_use]
    pub fn with_biz_code(mut self, value: impl Into<String>) -> Self {
        self.biz_code = Some(value.into());
        self
    }
}

impl OrderInfoRequest {
    /// Checks the rules of the constraints column of `docs/vip-charge/order_info.md`, in this type and in the doc
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
            &sign_core::check::at(path, "orderCode"),
            sign_core::check::given(self.order_code.as_deref()),
            &sign_core::check::at(path, "bizCode"),
            sign_core::check::given(self.biz_code.as_deref()),
        )?;
        Ok(())
    }
}

impl sign_core::Endpoint for OrderInfoRequest {
    type Response = OrderInfoResponse;
    const NAME: &'static str = "order_info";
    const METHOD: sign_core::Method = sign_core::Method::Post;
    const PATH: &'static str = "/v1/openapi/order/info";
    const IDEMPOTENT: bool = true;

    /// The rules of the doc's constraints column.
    fn validate(&self) -> Result<(), sign_core::InvalidRequest> {
        self.validate_fields(Self::NAME, "")
    }
}

/// `OrderInfoResponse`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct OrderInfoResponse {
    /// 平台订单号
    #[serde(
        rename = "orderCode",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::deserialize"
    )]
    pub order_code: Option<String>,
    /// 商家订单号
    #[serde(
        rename = "bizCode",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::deserialize"
    )]
    pub biz_code: Option<String>,
    /// 充值账号
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "sign_core::lenient::deserialize")]
    pub account: Option<String>,
    /// 产品CODE (assumed name)
    #[serde(
        rename = "productCode",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::deserialize"
    )]
    pub product_code: Option<String>,
    /// 结算金额
    #[serde(
        rename = "settlementPrice",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::optional_value"
    )]
    pub settlement_price: Option<sign_core::DecimalNumber>,
}

impl OrderInfoResponse {
    /// Creates a `OrderInfoResponse` from its required fields; optional fields start unset (set them with `with_*`).
    pub fn new() -> Self {
        Self { order_code: None, biz_code: None, account: None, product_code: None, settlement_price: None }
    }

    /// Sets `orderCode`.
    #[must_use]
    pub fn with_order_code(mut self, value: impl Into<String>) -> Self {
        self.order_code = Some(value.into());
        self
    }

    /// Sets `bizCode`.
    #[must_use]
    pub fn with_biz_code(mut self, value: impl Into<String>) -> Self {
        self.biz_code = Some(value.into());
        self
    }

    /// Sets `account`.
    #[must_use]
    pub fn with_account(mut self, value: impl Into<String>) -> Self {
        self.account = Some(value.into());
        self
    }

    /// Sets `productCode`.
    #[must_use]
    pub fn with_product_code(mut self, value: impl Into<String>) -> Self {
        self.product_code = Some(value.into());
        self
    }

    /// Sets `settlementPrice`.
    #[must_use]
    pub fn with_settlement_price(mut self, value: impl Into<sign_core::DecimalNumber>) -> Self {
        self.settlement_price = Some(value.into());
        self
    }
}
