// @generated from docs/acqra-gateway/shipping_tracking_modify.md by `cargo xtask codegen`; do not edit.
//! Update or cancel tracking information
//!
//! Generated from `docs/acqra-gateway/shipping_tracking_modify.md`.

use super::shipping_tracking::ShippingTrackingResponse;
use serde::{Deserialize, Serialize};

/// The `Update or cancel tracking information` schema of the provider's documentation. Its example
/// sends `"matedata": "K-V"` where the schema says an object of string values:
/// either is sent as given (`Metadata`).
///
/// Request of the `shipping_tracking_modify` endpoint, `POST /gateway/v1/shipping/tracking-modify`, sent with [`Client::shipping_tracking_modify`](crate::Client::shipping_tracking_modify): Updates or cancels the tracking information for a order.
/// Not idempotent: never retried once it may have been sent. Response: `ShippingTrackingModifyResponse`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ShippingTrackingModifyRequest {
    /// iterms
    pub iterms: Vec<TrackingIterm>,
    /// 元数据K-V (metadata, key-value)
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "sign_core::lenient::optional_value")]
    pub matedata: Option<crate::Metadata>,
    /// 商户订单编号(orderNo和tradeNo二选一)
    #[serde(rename = "orderNo", deserialize_with = "sign_core::lenient::deserialize")]
    pub order_no: String,
    /// 快递单号 (tracking number)
    #[serde(rename = "trackingNo", deserialize_with = "sign_core::lenient::deserialize")]
    pub tracking_no: String,
}

impl ShippingTrackingModifyRequest {
    /// Creates a `ShippingTrackingModifyRequest` from its required fields; optional fields start unset (set them with `with_*`).
    pub fn new(
        iterms: impl Into<Vec<TrackingIterm>>,
        order_no: impl Into<String>,
        tracking_no: impl Into<String>,
    ) -> Self {
        Self { iterms: iterms.into(), matedata: None, order_no: order_no.into(), tracking_no: tracking_no.into() }
    }

    /// Sets `matedata`.
    #[must_use]
    pub fn with_matedata(mut self, value: impl Into<crate::Metadata>) -> Self {
        self.matedata = Some(value.into());
        self
    }
}

impl ShippingTrackingModifyRequest {
    /// A builder naming every field:
    /// `ShippingTrackingModifyRequest::builder().iterms(..).order_no(..).build()`.
    /// Prefer it to [`new`](Self::new) when required fields share a type and could be swapped
    /// unnoticed.
    pub fn builder() -> ShippingTrackingModifyRequestBuilder {
        ShippingTrackingModifyRequestBuilder::default()
    }
}

/// Builds a [`ShippingTrackingModifyRequest`] field by field; [`build`](Self::build) names the first required field
/// left unset.
#[derive(Debug, Clone, Default)]
#[must_use]
pub struct ShippingTrackingModifyRequestBuilder {
    iterms: Option<Vec<TrackingIterm>>,
    matedata: Option<crate::Metadata>,
    order_no: Option<String>,
    tracking_no: Option<String>,
}

impl ShippingTrackingModifyRequestBuilder {
    /// Sets `iterms` (required).
    pub fn iterms(mut self, value: impl Into<Vec<TrackingIterm>>) -> Self {
        self.iterms = Some(value.into());
        self
    }

    /// Sets `matedata`.
    pub fn matedata(mut self, value: impl Into<crate::Metadata>) -> Self {
        self.matedata = Some(value.into());
        self
    }

    /// Sets `orderNo` (required).
    pub fn order_no(mut self, value: impl Into<String>) -> Self {
        self.order_no = Some(value.into());
        self
    }

    /// Sets `trackingNo` (required).
    pub fn tracking_no(mut self, value: impl Into<String>) -> Self {
        self.tracking_no = Some(value.into());
        self
    }

    /// The `ShippingTrackingModifyRequest`.
    ///
    /// # Errors
    /// `InvalidRequest` naming the first required field left unset, e.g.
    /// `"ShippingTrackingModifyRequest: iterms must be set"`.
    pub fn build(self) -> Result<ShippingTrackingModifyRequest, sign_core::InvalidRequest> {
        Ok(ShippingTrackingModifyRequest {
            iterms: self.iterms.ok_or_else(|| {
                sign_core::InvalidRequest::field("ShippingTrackingModifyRequest", "iterms", "must be set")
            })?,
            matedata: self.matedata,
            order_no: self.order_no.ok_or_else(|| {
                sign_core::InvalidRequest::field("ShippingTrackingModifyRequest", "orderNo", "must be set")
            })?,
            tracking_no: self.tracking_no.ok_or_else(|| {
                sign_core::InvalidRequest::field("ShippingTrackingModifyRequest", "trackingNo", "must be set")
            })?,
        })
    }
}

impl ShippingTrackingModifyRequest {
    /// Checks the rules of the constraints column of `docs/acqra-gateway/shipping_tracking_modify.md`, in this type and in the doc
    /// types it holds. `context` (the endpoint's name) starts every message; `path` is where this
    /// value sits in the request (`""` at the top, `"items[2]."` inside a list), put before each
    /// field name.
    ///
    /// # Errors
    /// The first rule broken, as an [`InvalidRequest`](sign_core::InvalidRequest) naming the field,
    /// never its value.
    #[doc(hidden)]
    pub fn validate_fields(&self, context: &str, path: &str) -> Result<(), sign_core::InvalidRequest> {
        sign_core::check::items(context, &sign_core::check::at(path, "iterms"), self.iterms.len(), 1, usize::MAX)?;
        Ok(())
    }
}

impl sign_core::Endpoint for ShippingTrackingModifyRequest {
    type Response = ShippingTrackingResponse;
    const NAME: &'static str = "shipping_tracking_modify";
    const METHOD: sign_core::Method = sign_core::Method::Post;
    const PATH: &'static str = "/gateway/v1/shipping/tracking-modify";
    const IDEMPOTENT: bool = false;

    /// The rules of the doc's constraints column.
    fn validate(&self) -> Result<(), sign_core::InvalidRequest> {
        self.validate_fields(Self::NAME, "")
    }
}

/// One change, in the style of a JSON Patch operation (the provider's example: `op` `replace`, `path`
/// `/status`, `value` `CANCELLED`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TrackingIterm {
    /// replace、add
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub op: Option<TrackingOp>,
    /// path
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "sign_core::lenient::deserialize")]
    pub path: Option<String>,
    /// CANCELLED、add
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "sign_core::lenient::deserialize")]
    pub value: Option<String>,
}

impl TrackingIterm {
    /// Creates a `TrackingIterm` from its required fields; optional fields start unset (set them with `with_*`).
    pub fn new() -> Self {
        Self { op: None, path: None, value: None }
    }

    /// Sets `op`.
    #[must_use]
    pub fn with_op(mut self, value: impl Into<TrackingOp>) -> Self {
        self.op = Some(value.into());
        self
    }

    /// Sets `path`.
    #[must_use]
    pub fn with_path(mut self, value: impl Into<String>) -> Self {
        self.path = Some(value.into());
        self
    }

    /// Sets `value`.
    #[must_use]
    pub fn with_value(mut self, value: impl Into<String>) -> Self {
        self.value = Some(value.into());
        self
    }
}

/// `TrackingOp`.
///
/// Values these docs do not list are kept in `Unknown`, so a new provider value never breaks parsing. Read from a JSON string or a number alike.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum TrackingOp {
    /// `replace`: replace
    Replace,
    /// `add`: add
    Add,
    /// A value these docs do not list, kept verbatim.
    Unknown(String),
}

impl TrackingOp {
    /// The value as sent on the wire.
    pub fn as_str(&self) -> &str {
        match self {
            Self::Replace => "replace",
            Self::Add => "add",
            Self::Unknown(v) => v,
        }
    }
}

impl From<&str> for TrackingOp {
    fn from(v: &str) -> Self {
        match v {
            "replace" => Self::Replace,
            "add" => Self::Add,
            _ => Self::Unknown(v.to_string()),
        }
    }
}

impl std::fmt::Display for TrackingOp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl serde::Serialize for TrackingOp {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> serde::Deserialize<'de> for TrackingOp {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // A string or a number: `3` and `"3"` are the same value to a Java or PHP backend.
        let v = sign_core::lenient::text(deserializer)?;
        Ok(Self::from(v.as_str()))
    }
}

/// The response of the `shipping_tracking_modify` endpoint ([`Client::shipping_tracking_modify`](crate::Client::shipping_tracking_modify)): [`ShippingTrackingResponse`], a response shared with other endpoints.
pub type ShippingTrackingModifyResponse = ShippingTrackingResponse;
