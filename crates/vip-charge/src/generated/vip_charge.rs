// @generated from docs/vip-charge/vip_charge.md by `cargo xtask codegen`; do not edit.
//! VIP charge order (直充会员下单)
//!
//! Generated from `docs/vip-charge/vip_charge.md`.

use serde::{Deserialize, Serialize};

/// `VipChargeRequest`.
///
/// Request of the `vip_charge` endpoint, `POST /v1/openapi/order/VIPCharge`, sent with [`Client::vip_charge`](crate::Client::vip_charge): 直充会员下单 (place a membership direct-recharge order).
/// Not idempotent: never retried once it may have been sent. Response: `VipChargeResponse`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct VipChargeRequest {
    /// 商家ID
    #[serde(rename = "merchantId", deserialize_with = "sign_core::lenient::deserialize")]
    pub merchant_id: String,
    /// 业务ID
    #[serde(rename = "businessId", deserialize_with = "sign_core::lenient::deserialize")]
    pub business_id: String,
    /// 产品CODE
    #[serde(rename = "productCode", deserialize_with = "sign_core::lenient::deserialize")]
    pub product_code: String,
    /// 手机号
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "sign_core::lenient::deserialize")]
    pub mobile: Option<String>,
    /// 直冲账号
    #[serde(deserialize_with = "sign_core::lenient::deserialize")]
    pub account: String,
    /// 商家订单号
    #[serde(rename = "bizCode", deserialize_with = "sign_core::lenient::deserialize")]
    pub biz_code: String,
    /// 充值的状态报告推送地址,为空则使用开户时设置的地址
    #[serde(
        rename = "callbackUrl",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::deserialize"
    )]
    pub callback_url: Option<String>,
}

impl VipChargeRequest {
    /// Creates a `VipChargeRequest` from its required fields; optional fields start unset (set them with `with_*`).
    pub fn new(
        merchant_id: impl Into<String>,
        business_id: impl Into<String>,
        product_code: impl Into<String>,
        account: impl Into<String>,
        biz_code: impl Into<String>,
    ) -> Self {
        Self {
            merchant_id: merchant_id.into(),
            business_id: business_id.into(),
            product_code: product_code.into(),
            mobile: None,
            account: account.into(),
            biz_code: biz_code.into(),
            callback_url: None,
        }
    }

    /// Sets `mobile`.
    #[must_use]
    pub fn with_mobile(mut self, value: impl Into<String>) -> Self {
        self.mobile = Some(value.into());
        self
    }

    /// Sets `callbackUrl`.
    #[must_use]
    pub fn with_callback_url(mut self, value: impl Into<String>) -> Self {
        self.callback_url = Some(value.into());
        self
    }
}

impl VipChargeRequest {
    /// A builder naming every field:
    /// `VipChargeRequest::builder().merchant_id(..).business_id(..).build()`.
    /// Prefer it to [`new`](Self::new) when required fields share a type and could be swapped
    /// unnoticed.
    pub fn builder() -> VipChargeRequestBuilder {
        VipChargeRequestBuilder::default()
    }
}

/// Builds a [`VipChargeRequest`] field by field; [`build`](Self::build) names the first required field
/// left unset.
#[derive(Debug, Clone, Default)]
#[must_use]
pub struct VipChargeRequestBuilder {
    merchant_id: Option<String>,
    business_id: Option<String>,
    product_code: Option<String>,
    mobile: Option<String>,
    account: Option<String>,
    biz_code: Option<String>,
    callback_url: Option<String>,
}

impl VipChargeRequestBuilder {
    /// Sets `merchantId` (required).
    pub fn merchant_id(mut self, value: impl Into<String>) -> Self {
        self.merchant_id = Some(value.into());
        self
    }

    /// Sets `businessId` (required).
    pub fn business_id(mut self, value: impl Into<String>) -> Self {
        self.business_id = Some(value.into());
        self
    }

    /// Sets `productCode` (required).
    pub fn product_code(mut self, value: impl Into<String>) -> Self {
        self.product_code = Some(value.into());
        self
    }

    /// Sets `mobile`.
    pub fn mobile(mut self, value: impl Into<String>) -> Self {
        self.mobile = Some(value.into());
        self
    }

    /// Sets `account` (required).
    pub fn account(mut self, value: impl Into<String>) -> Self {
        self.account = Some(value.into());
        self
    }

    /// Sets `bizCode` (required).
    pub fn biz_code(mut self, value: impl Into<String>) -> Self {
        self.biz_code = Some(value.into());
        self
    }

    /// Sets `callbackUrl`.
    pub fn callback_url(mut self, value: impl Into<String>) -> Self {
        self.callback_url = Some(value.into());
        self
    }

    /// The `VipChargeRequest`.
    ///
    /// # Errors
    /// `InvalidRequest` naming the first required field left unset, e.g.
    /// `"VipChargeRequest: merchantId must be set"`.
    pub fn build(self) -> Result<VipChargeRequest, sign_core::InvalidRequest> {
        Ok(VipChargeRequest {
            merchant_id: self
                .merchant_id
                .ok_or_else(|| sign_core::InvalidRequest::field("VipChargeRequest", "merchantId", "must be set"))?,
            business_id: self
                .business_id
                .ok_or_else(|| sign_core::InvalidRequest::field("VipChargeRequest", "businessId", "must be set"))?,
            product_code: self
                .product_code
                .ok_or_else(|| sign_core::InvalidRequest::field("VipChargeRequest", "productCode", "must be set"))?,
            mobile: self.mobile,
            account: self
                .account
                .ok_or_else(|| sign_core::InvalidRequest::field("VipChargeRequest", "account", "must be set"))?,
            biz_code: self
                .biz_code
                .ok_or_else(|| sign_core::InvalidRequest::field("VipChargeRequest", "bizCode", "must be set"))?,
            callback_url: self.callback_url,
        })
    }
}

impl VipChargeRequest {
    /// Checks the rules of the constraints column of `docs/vip-charge/vip_charge.md`, in this type and in the doc
    /// types it holds. `context` (the endpoint's name) starts every message; `path` is where this
    /// value sits in the request (`""` at the top, `"items[2]."` inside a list), put before each
    /// field name.
    ///
    /// # Errors
    /// The first rule broken, as an [`InvalidRequest`](sign_core::InvalidRequest) naming the field,
    /// never its value.
    #[doc(hidden)]
    pub fn validate_fields(&self, context: &str, path: &str) -> Result<(), sign_core::InvalidRequest> {
        sign_core::check::not_blank(context, &sign_core::check::at(path, "merchantId"), self.merchant_id.as_str())?;
        sign_core::check::not_blank(context, &sign_core::check::at(path, "businessId"), self.business_id.as_str())?;
        sign_core::check::not_blank(context, &sign_core::check::at(path, "productCode"), self.product_code.as_str())?;
        sign_core::check::not_blank(context, &sign_core::check::at(path, "account"), self.account.as_str())?;
        sign_core::check::not_blank(context, &sign_core::check::at(path, "bizCode"), self.biz_code.as_str())?;
        Ok(())
    }
}

impl sign_core::Endpoint for VipChargeRequest {
    type Response = VipChargeResponse;
    const NAME: &'static str = "vip_charge";
    const METHOD: sign_core::Method = sign_core::Method::Post;
    const PATH: &'static str = "/v1/openapi/order/VIPCharge";
    const IDEMPOTENT: bool = false;

    /// The rules of the doc's constraints column.
    fn validate(&self) -> Result<(), sign_core::InvalidRequest> {
        self.validate_fields(Self::NAME, "")
    }
}

/// Only `orderCode` is required: the other fields are documented, but an order the platform accepted must never
/// be reported as a failure because an informational field is missing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct VipChargeResponse {
    /// 平台订单号
    #[serde(rename = "orderCode", deserialize_with = "sign_core::lenient::deserialize")]
    pub order_code: String,
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
    /// 结算金额
    #[serde(
        rename = "settlementPrice",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::optional_value"
    )]
    pub settlement_price: Option<sign_core::DecimalNumber>,
}

impl VipChargeResponse {
    /// Creates a `VipChargeResponse` from its required fields; optional fields start unset (set them with `with_*`).
    pub fn new(order_code: impl Into<String>) -> Self {
        Self { order_code: order_code.into(), biz_code: None, account: None, settlement_price: None }
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

    /// Sets `settlementPrice`.
    #[must_use]
    pub fn with_settlement_price(mut self, value: impl Into<sign_core::DecimalNumber>) -> Self {
        self.settlement_price = Some(value.into());
        self
    }
}
