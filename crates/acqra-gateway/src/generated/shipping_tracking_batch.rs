// @generated from docs/acqra-gateway/shipping_tracking_batch.md by `cargo xtask codegen`; do not edit.
//! Add tracking information in bulk
//!
//! Generated from `docs/acqra-gateway/shipping_tracking_batch.md`.

use super::shipping_tracking::{ShippingTrackingRequest, ShippingTrackingResponse};
use serde::{Deserialize, Serialize};

/// The body is a JSON array of `shipping_tracking` request bodies (the provider's parameter table names
/// its `Tracking` schema, its body example is an array of them).
///
/// Request of the `shipping_tracking_batch` endpoint, `POST /gateway/v1/shipping/tracking-batch`, sent with [`Client::shipping_tracking_batch`](crate::Client::shipping_tracking_batch): Add tracking information for multiple for Order.
/// Not idempotent: never retried once it may have been sent. Response: `ShippingTrackingBatchResponse`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ShippingTrackingBatchRequest(pub Vec<ShippingTrackingRequest>);

impl ShippingTrackingBatchRequest {
    /// Wraps `value`.
    pub fn new(value: impl Into<Vec<ShippingTrackingRequest>>) -> Self {
        Self(value.into())
    }
}

impl From<Vec<ShippingTrackingRequest>> for ShippingTrackingBatchRequest {
    fn from(value: Vec<ShippingTrackingRequest>) -> Self {
        Self(value)
    }
}

impl sign_core::Endpoint for ShippingTrackingBatchRequest {
    type Response = ShippingTrackingResponse;
    const NAME: &'static str = "shipping_tracking_batch";
    const METHOD: sign_core::Method = sign_core::Method::Post;
    const PATH: &'static str = "/gateway/v1/shipping/tracking-batch";
    const IDEMPOTENT: bool = false;

    /// The checks of `validate_ext` (hand-written beside this module).
    fn validate(&self) -> Result<(), sign_core::InvalidRequest> {
        self.validate_ext()
    }
}

/// The response of the `shipping_tracking_batch` endpoint ([`Client::shipping_tracking_batch`](crate::Client::shipping_tracking_batch)): [`ShippingTrackingResponse`], a response shared with other endpoints.
pub type ShippingTrackingBatchResponse = ShippingTrackingResponse;
