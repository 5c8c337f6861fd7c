// @generated from docs/vip-charge/business_balance.md by `cargo xtask codegen`; do not edit.
//! Business balance (业务余额)
//!
//! Generated from `docs/vip-charge/business_balance.md`.

use serde::{Deserialize, Serialize};

/// `BusinessBalanceRequest`.
///
/// Request of the `business_balance` endpoint, `POST /v1/openapi/merchant/business/balance`, sent with [`Client::business_balance`](crate::Client::business_balance): 业务余额查询 (the business account's balance).
/// Idempotent (safe to retry). Response: `BusinessBalanceResponse`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct BusinessBalanceRequest {
    /// 商家ID
    #[serde(rename = "merchantId", deserialize_with = "sign_core::lenient::deserialize")]
    pub merchant_id: String,
    /// 业务ID
    #[serde(rename = "businessId", deserialize_with = "sign_core::lenient::deserialize")]
    pub business_id: String,
}

impl BusinessBalanceRequest {
    /// Creates a `BusinessBalanceRequest` from its required fields; optional fields start unset (set them with `with_*`).
    pub fn new(merchant_id: impl Into<String>, business_id: impl Into<String>) -> Self {
        Self { merchant_id: merchant_id.into(), business_id: business_id.into() }
    }
}

impl BusinessBalanceRequest {
    /// Checks the rules of the constraints column of `docs/vip-charge/business_balance.md`, in this type and in the doc
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
        Ok(())
    }
}

impl sign_core::Endpoint for BusinessBalanceRequest {
    type Response = crate::BusinessBalanceResponse;
    const NAME: &'static str = "business_balance";
    const METHOD: sign_core::Method = sign_core::Method::Post;
    const PATH: &'static str = "/v1/openapi/merchant/business/balance";
    const IDEMPOTENT: bool = true;

    /// The rules of the doc's constraints column.
    fn validate(&self) -> Result<(), sign_core::InvalidRequest> {
        self.validate_fields(Self::NAME, "")
    }
}

/// The response of the `business_balance` endpoint ([`Client::business_balance`](crate::Client::business_balance)): [`crate::BusinessBalanceResponse`], read by hand-written code.
pub type BusinessBalanceResponse = crate::BusinessBalanceResponse;
