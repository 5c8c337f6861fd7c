//! Models and endpoints from `docs/vip-charge/`.
//!
//! STAND-IN: hand-written in the shape `cargo xtask codegen` is specified to produce (docs/README.md),
//! because the generator does not exist yet. Replace with `cargo xtask codegen --provider vip-charge`.
#![allow(missing_docs)]

use serde::{Deserialize, Serialize};
use sign_core::{Endpoint, Method};

macro_rules! setter {
    ($name:ident, $field:ident, $ty:ty) => {
        /// Sets the optional field.
        pub fn $name(mut self, value: impl Into<$ty>) -> Self {
            self.$field = Some(value.into());
            self
        }
    };
}

/// 直充会员下单 request.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct VipChargeRequest {
    /// 商家ID
    #[serde(rename = "merchantId")]
    pub merchant_id: String,
    /// 业务ID
    #[serde(rename = "businessId")]
    pub business_id: String,
    /// 产品CODE
    #[serde(rename = "productCode")]
    pub product_code: String,
    /// 手机号
    #[serde(rename = "mobile", default, skip_serializing_if = "Option::is_none")]
    pub mobile: Option<String>,
    /// 直冲账号
    #[serde(rename = "account")]
    pub account: String,
    /// 商家订单号
    #[serde(rename = "bizCode")]
    pub biz_code: String,
    /// 充值的状态报告推送地址
    #[serde(rename = "callbackUrl", default, skip_serializing_if = "Option::is_none")]
    pub callback_url: Option<String>,
}

impl VipChargeRequest {
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
    setter!(with_mobile, mobile, String);
    setter!(with_callback_url, callback_url, String);
}

impl Endpoint for VipChargeRequest {
    type Response = VipChargeOrder;
    const NAME: &'static str = "vip_charge";
    const METHOD: Method = Method::Post;
    const PATH: &'static str = "/v1/openapi/order/VIPCharge";
    const IDEMPOTENT: bool = false;
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct VipChargeOrder {
    #[serde(rename = "orderCode")]
    pub order_code: String,
    #[serde(rename = "bizCode", default, skip_serializing_if = "Option::is_none")]
    pub biz_code: Option<String>,
    #[serde(rename = "account", default, skip_serializing_if = "Option::is_none")]
    pub account: Option<String>,
    #[serde(rename = "settlementPrice", default, skip_serializing_if = "Option::is_none")]
    pub settlement_price: Option<sign_core::DecimalNumber>,
}

impl VipChargeOrder {
    pub fn new(order_code: impl Into<String>) -> Self {
        Self { order_code: order_code.into(), biz_code: None, account: None, settlement_price: None }
    }
    setter!(with_biz_code, biz_code, String);
    setter!(with_account, account, String);
    setter!(with_settlement_price, settlement_price, sign_core::DecimalNumber);
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct OrderInfoRequest {
    #[serde(rename = "orderCode", default, skip_serializing_if = "Option::is_none")]
    pub order_code: Option<String>,
    #[serde(rename = "bizCode", default, skip_serializing_if = "Option::is_none")]
    pub biz_code: Option<String>,
}

impl OrderInfoRequest {
    pub fn new() -> Self {
        Self::default()
    }
    setter!(with_order_code, order_code, String);
    setter!(with_biz_code, biz_code, String);
}

impl Endpoint for OrderInfoRequest {
    type Response = OrderInfo;
    const NAME: &'static str = "order_info";
    const METHOD: Method = Method::Post;
    const PATH: &'static str = "/v1/openapi/order/info";
    const IDEMPOTENT: bool = true;
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct OrderInfo {
    #[serde(rename = "orderCode", default, skip_serializing_if = "Option::is_none")]
    pub order_code: Option<String>,
    #[serde(rename = "bizCode", default, skip_serializing_if = "Option::is_none")]
    pub biz_code: Option<String>,
    #[serde(rename = "account", default, skip_serializing_if = "Option::is_none")]
    pub account: Option<String>,
    #[serde(rename = "productCode", default, skip_serializing_if = "Option::is_none")]
    pub product_code: Option<String>,
    #[serde(rename = "settlementPrice", default, skip_serializing_if = "Option::is_none")]
    pub settlement_price: Option<sign_core::DecimalNumber>,
}

impl OrderInfo {
    pub fn new() -> Self {
        Self::default()
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ProductListRequest {
    #[serde(rename = "merchantId")]
    pub merchant_id: String,
}

impl ProductListRequest {
    pub fn new(merchant_id: impl Into<String>) -> Self {
        Self { merchant_id: merchant_id.into() }
    }
}

impl Endpoint for ProductListRequest {
    type Response = serde_json::Value;
    const NAME: &'static str = "product_list";
    const METHOD: Method = Method::Post;
    const PATH: &'static str = "/v1/openapi/order/product/list";
    const IDEMPOTENT: bool = true;
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct BusinessBalanceRequest {
    #[serde(rename = "merchantId")]
    pub merchant_id: String,
    #[serde(rename = "businessId")]
    pub business_id: String,
}

impl BusinessBalanceRequest {
    pub fn new(merchant_id: impl Into<String>, business_id: impl Into<String>) -> Self {
        Self { merchant_id: merchant_id.into(), business_id: business_id.into() }
    }
}

impl Endpoint for BusinessBalanceRequest {
    type Response = serde_json::Value;
    const NAME: &'static str = "business_balance";
    const METHOD: Method = Method::Post;
    const PATH: &'static str = "/v1/openapi/merchant/business/balance";
    const IDEMPOTENT: bool = true;
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct BatchOrderRequest {
    #[serde(rename = "merchantId")]
    pub merchant_id: String,
    #[serde(rename = "businessId")]
    pub business_id: String,
    #[serde(rename = "batchBizCode")]
    pub batch_biz_code: String,
    #[serde(rename = "productCode")]
    pub product_code: String,
    #[serde(rename = "callbackUrl", default, skip_serializing_if = "Option::is_none")]
    pub callback_url: Option<String>,
    #[serde(rename = "itemList")]
    pub item_list: Vec<BatchOrderItem>,
}

impl BatchOrderRequest {
    pub fn new(
        merchant_id: impl Into<String>,
        business_id: impl Into<String>,
        batch_biz_code: impl Into<String>,
        product_code: impl Into<String>,
        item_list: Vec<BatchOrderItem>,
    ) -> Self {
        Self {
            merchant_id: merchant_id.into(),
            business_id: business_id.into(),
            batch_biz_code: batch_biz_code.into(),
            product_code: product_code.into(),
            callback_url: None,
            item_list,
        }
    }
    setter!(with_callback_url, callback_url, String);
}

impl Endpoint for BatchOrderRequest {
    type Response = serde_json::Value;
    const NAME: &'static str = "batch_order";
    const METHOD: Method = Method::Post;
    const PATH: &'static str = "/v1/openapi/order/batch";
    const IDEMPOTENT: bool = false;
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct BatchOrderItem {
    #[serde(rename = "bizCode")]
    pub biz_code: String,
    #[serde(rename = "account")]
    pub account: String,
}

impl BatchOrderItem {
    pub fn new(biz_code: impl Into<String>, account: impl Into<String>) -> Self {
        Self { biz_code: biz_code.into(), account: account.into() }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChargeStatusNotification {
    #[serde(rename = "orderCode")]
    pub order_code: String,
    #[serde(rename = "bizCode", default, skip_serializing_if = "Option::is_none")]
    pub biz_code: Option<String>,
}

impl ChargeStatusNotification {
    pub fn new(order_code: impl Into<String>) -> Self {
        Self { order_code: order_code.into(), biz_code: None }
    }
    setter!(with_biz_code, biz_code, String);
}
