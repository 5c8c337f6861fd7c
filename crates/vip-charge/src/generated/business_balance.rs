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
    /// A builder naming every field:
    /// `BusinessBalanceRequest::builder().merchant_id(..).business_id(..).build()`.
    /// Prefer it to [`new`](Self::new) when required fields share a type and could be swapped
    /// unnoticed.
    pub fn builder() -> BusinessBalanceRequestBuilder {
        BusinessBalanceRequestBuilder::default()
    }
}

/// Builds a [`BusinessBalanceRequest`] field by field; [`build`](Self::build) names the first required field
/// left unset.
#[derive(Debug, Clone, Default)]
#[must_use]
pub struct BusinessBalanceRequestBuilder {
    merchant_id: Option<String>,
    business_id: Option<String>,
}

impl BusinessBalanceRequestBuilder {
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

    /// The `BusinessBalanceRequest`.
    ///
    /// # Errors
    /// `InvalidRequest` naming the first required field left unset, e.g.
    /// `"BusinessBalanceRequest: merchantId must be set"`.
    pub fn build(self) -> Result<BusinessBalanceRequest, sign_core::InvalidRequest> {
        Ok(BusinessBalanceRequest {
            merchant_id: self.merchant_id.ok_or_else(|| {
                sign_core::InvalidRequest::field("BusinessBalanceRequest", "merchantId", "must be set")
            })?,
            business_id: self.business_id.ok_or_else(|| {
                sign_core::InvalidRequest::field("BusinessBalanceRequest", "businessId", "must be set")
            })?,
        })
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
