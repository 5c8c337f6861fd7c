// @generated from docs/vip-charge/batch_order.md by `cargo xtask codegen`; do not edit.
//! Batch order (批量下单)
//!
//! Generated from `docs/vip-charge/batch_order.md`.

use serde::{Deserialize, Serialize};

/// `BatchOrderRequest`.
///
/// Request of the `batch_order` endpoint, `POST /v1/openapi/order/batch`, sent with [`Client::batch_order`](crate::Client::batch_order): 批量下单 (place one charge order per item).
/// Not idempotent: never retried once it may have been sent. Response: `BatchOrderResponse`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct BatchOrderRequest {
    /// 商家ID
    #[serde(rename = "merchantId", deserialize_with = "sign_core::lenient::deserialize")]
    pub merchant_id: String,
    /// 业务ID
    #[serde(rename = "businessId", deserialize_with = "sign_core::lenient::deserialize")]
    pub business_id: String,
    /// 商家批次号
    #[serde(rename = "batchBizCode", deserialize_with = "sign_core::lenient::deserialize")]
    pub batch_biz_code: String,
    /// 产品CODE
    #[serde(rename = "productCode", deserialize_with = "sign_core::lenient::deserialize")]
    pub product_code: String,
    /// 充值的状态报告推送地址,为空则使用开户时设置的地址
    #[serde(
        rename = "callbackUrl",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::deserialize"
    )]
    pub callback_url: Option<String>,
    /// 充值明细
    #[serde(rename = "itemList")]
    pub item_list: Vec<BatchOrderItem>,
}

impl BatchOrderRequest {
    /// Creates a `BatchOrderRequest` from its required fields; optional fields start unset (set them with `with_*`).
    pub fn new(
        merchant_id: impl Into<String>,
        business_id: impl Into<String>,
        batch_biz_code: impl Into<String>,
        product_code: impl Into<String>,
        item_list: impl Into<Vec<BatchOrderItem>>,
    ) -> Self {
        Self {
            merchant_id: merchant_id.into(),
            business_id: business_id.into(),
            batch_biz_code: batch_biz_code.into(),
            product_code: product_code.into(),
            callback_url: None,
            item_list: item_list.into(),
        }
    }

    /// Sets `callbackUrl`.
    #[must_use]
    pub fn with_callback_url(mut self, value: impl Into<String>) -> Self {
        self.callback_url = Some(value.into());
        self
    }
}

impl BatchOrderRequest {
    /// A builder naming every field:
    /// `BatchOrderRequest::builder().merchant_id(..).business_id(..).build()`.
    /// Prefer it to [`new`](Self::new) when required fields share a type and could be swapped
    /// unnoticed.
    pub fn builder() -> BatchOrderRequestBuilder {
        BatchOrderRequestBuilder::default()
    }
}

/// Builds a [`BatchOrderRequest`] field by field; [`build`](Self::build) names the first required field
/// left unset.
#[derive(Debug, Clone, Default)]
#[must_use]
pub struct BatchOrderRequestBuilder {
    merchant_id: Option<String>,
    business_id: Option<String>,
    batch_biz_code: Option<String>,
    product_code: Option<String>,
    callback_url: Option<String>,
    item_list: Option<Vec<BatchOrderItem>>,
}

impl BatchOrderRequestBuilder {
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

    /// Sets `batchBizCode` (required).
    pub fn batch_biz_code(mut self, value: impl Into<String>) -> Self {
        self.batch_biz_code = Some(value.into());
        self
    }

    /// Sets `productCode` (required).
    pub fn product_code(mut self, value: impl Into<String>) -> Self {
        self.product_code = Some(value.into());
        self
    }

    /// Sets `callbackUrl`.
    pub fn callback_url(mut self, value: impl Into<String>) -> Self {
        self.callback_url = Some(value.into());
        self
    }

    /// Sets `itemList` (required).
    pub fn item_list(mut self, value: impl Into<Vec<BatchOrderItem>>) -> Self {
        self.item_list = Some(value.into());
        self
    }

    /// The `BatchOrderRequest`.
    ///
    /// # Errors
    /// `InvalidRequest` naming the first required field left unset, e.g.
    /// `"BatchOrderRequest: merchantId must be set"`.
    pub fn build(self) -> Result<BatchOrderRequest, sign_core::InvalidRequest> {
        Ok(BatchOrderRequest {
            merchant_id: self
                .merchant_id
                .ok_or_else(|| sign_core::InvalidRequest::field("BatchOrderRequest", "merchantId", "must be set"))?,
            business_id: self
                .business_id
                .ok_or_else(|| sign_core::InvalidRequest::field("BatchOrderRequest", "businessId", "must be set"))?,
            batch_biz_code: self
                .batch_biz_code
                .ok_or_else(|| sign_core::InvalidRequest::field("BatchOrderRequest", "batchBizCode", "must be set"))?,
            product_code: self
                .product_code
                .ok_or_else(|| sign_core::InvalidRequest::field("BatchOrderRequest", "productCode", "must be set"))?,
            callback_url: self.callback_url,
            item_list: self
                .item_list
                .ok_or_else(|| sign_core::InvalidRequest::field("BatchOrderRequest", "itemList", "must be set"))?,
        })
    }
}

impl BatchOrderRequest {
    /// Checks the rules of the constraints column of `docs/vip-charge/batch_order.md`, in this type and in the doc
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
        sign_core::check::not_blank(
            context,
            &sign_core::check::at(path, "batchBizCode"),
            self.batch_biz_code.as_str(),
        )?;
        sign_core::check::not_blank(context, &sign_core::check::at(path, "productCode"), self.product_code.as_str())?;
        sign_core::check::items(context, &sign_core::check::at(path, "itemList"), self.item_list.len(), 1, usize::MAX)?;
        for (i0, item) in self.item_list.iter().enumerate() {
            item.validate_fields(context, &format!("{path}itemList[{i0}]."))?;
        }
        Ok(())
    }
}

impl sign_core::Endpoint for BatchOrderRequest {
    type Response = serde_json::Value;
    const NAME: &'static str = "batch_order";
    const METHOD: sign_core::Method = sign_core::Method::Post;
    const PATH: &'static str = "/v1/openapi/order/batch";
    const IDEMPOTENT: bool = false;

    /// The rules of the doc's constraints column.
    fn validate(&self) -> Result<(), sign_core::InvalidRequest> {
        self.validate_fields(Self::NAME, "")
    }
}

/// `BatchOrderItem`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct BatchOrderItem {
    /// 商家订单号
    #[serde(rename = "bizCode", deserialize_with = "sign_core::lenient::deserialize")]
    pub biz_code: String,
    /// 直冲账号
    #[serde(deserialize_with = "sign_core::lenient::deserialize")]
    pub account: String,
}

impl BatchOrderItem {
    /// Creates a `BatchOrderItem` from its required fields; optional fields start unset (set them with `with_*`).
    pub fn new(biz_code: impl Into<String>, account: impl Into<String>) -> Self {
        Self { biz_code: biz_code.into(), account: account.into() }
    }
}

impl BatchOrderItem {
    /// A builder naming every field:
    /// `BatchOrderItem::builder().biz_code(..).account(..).build()`.
    /// Prefer it to [`new`](Self::new) when required fields share a type and could be swapped
    /// unnoticed.
    pub fn builder() -> BatchOrderItemBuilder {
        BatchOrderItemBuilder::default()
    }
}

/// Builds a [`BatchOrderItem`] field by field; [`build`](Self::build) names the first required field
/// left unset.
#[derive(Debug, Clone, Default)]
#[must_use]
pub struct BatchOrderItemBuilder {
    biz_code: Option<String>,
    account: Option<String>,
}

impl BatchOrderItemBuilder {
    /// Sets `bizCode` (required).
    pub fn biz_code(mut self, value: impl Into<String>) -> Self {
        self.biz_code = Some(value.into());
        self
    }

    /// Sets `account` (required).
    pub fn account(mut self, value: impl Into<String>) -> Self {
        self.account = Some(value.into());
        self
    }

    /// The `BatchOrderItem`.
    ///
    /// # Errors
    /// `InvalidRequest` naming the first required field left unset, e.g.
    /// `"BatchOrderItem: bizCode must be set"`.
    pub fn build(self) -> Result<BatchOrderItem, sign_core::InvalidRequest> {
        Ok(BatchOrderItem {
            biz_code: self
                .biz_code
                .ok_or_else(|| sign_core::InvalidRequest::field("BatchOrderItem", "bizCode", "must be set"))?,
            account: self
                .account
                .ok_or_else(|| sign_core::InvalidRequest::field("BatchOrderItem", "account", "must be set"))?,
        })
    }
}

impl BatchOrderItem {
    /// Checks the rules of the constraints column of `docs/vip-charge/batch_order.md`, in this type and in the doc
    /// types it holds. `context` (the endpoint's name) starts every message; `path` is where this
    /// value sits in the request (`""` at the top, `"items[2]."` inside a list), put before each
    /// field name.
    ///
    /// # Errors
    /// The first rule broken, as an [`InvalidRequest`](sign_core::InvalidRequest) naming the field,
    /// never its value.
    #[doc(hidden)]
    pub fn validate_fields(&self, context: &str, path: &str) -> Result<(), sign_core::InvalidRequest> {
        sign_core::check::not_blank(context, &sign_core::check::at(path, "bizCode"), self.biz_code.as_str())?;
        sign_core::check::not_blank(context, &sign_core::check::at(path, "account"), self.account.as_str())?;
        Ok(())
    }
}

/// The response of the `batch_order` endpoint ([`Client::batch_order`](crate::Client::batch_order)): untyped JSON: the provider does not document this response's fields.
pub type BatchOrderResponse = serde_json::Value;
