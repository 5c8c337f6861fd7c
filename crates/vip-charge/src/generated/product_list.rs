// @generated from docs/vip-charge/product_list.md by `cargo xtask codegen`; do not edit.
//! Product list (产品列表)
//!
//! Generated from `docs/vip-charge/product_list.md`.

use serde::{Deserialize, Serialize};

/// `ProductListRequest`.
///
/// Request of the `product_list` endpoint, `POST /v1/openapi/order/product/list`, sent with [`Client::product_list`](crate::Client::product_list): 产品列表 (products the merchant may order).
/// Idempotent (safe to retry). Response: `ProductListResponse`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ProductListRequest {
    /// 商家ID
    #[serde(rename = "merchantId", deserialize_with = "sign_core::lenient::deserialize")]
    pub merchant_id: String,
}

impl ProductListRequest {
    /// Creates a `ProductListRequest` from its required fields; optional fields start unset (set them with `with_*`).
    pub fn new(merchant_id: impl Into<String>) -> Self {
        Self { merchant_id: merchant_id.into() }
    }
}

impl ProductListRequest {
    /// Checks the rules of the constraints column of `docs/vip-charge/product_list.md`, in this type and in the doc
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
        Ok(())
    }
}

impl sign_core::Endpoint for ProductListRequest {
    type Response = crate::ProductListResponse;
    const NAME: &'static str = "product_list";
    const METHOD: sign_core::Method = sign_core::Method::Post;
    const PATH: &'static str = "/v1/openapi/order/product/list";
    const IDEMPOTENT: bool = true;

    /// The rules of the doc's constraints column.
    fn validate(&self) -> Result<(), sign_core::InvalidRequest> {
        self.validate_fields(Self::NAME, "")
    }
}

/// The response of the `product_list` endpoint ([`Client::product_list`](crate::Client::product_list)): [`crate::ProductListResponse`], read by hand-written code.
pub type ProductListResponse = crate::ProductListResponse;
