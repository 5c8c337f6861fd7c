// @generated from docs/acqra-gateway/shipping-tracking-batch.md by `cargo xtask codegen`; do not edit.
//! Add tracking information in bulk
//!
//! Generated from `docs/acqra-gateway/shipping-tracking-batch.md`.

use super::shipping_tracking::{Tracking, TrackingRspResponse};
use serde::{Deserialize, Serialize};

/// The body is a JSON array of `Tracking` objects (the seed's parameter table names `Tracking`, its body
/// example is an array of them).
///
/// Request of the `shipping_tracking_batch` endpoint, `POST /gateway/v1/shipping/tracking-batch`: Add tracking information for multiple for Order.
/// Not idempotent: never retried once it may have been sent. Response: `TrackingRspResponse` inside the `resp-code` envelope.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct TrackingBatch(pub Vec<Tracking>);

impl TrackingBatch {
    /// Wraps `value`.
    pub fn new(value: impl Into<Vec<Tracking>>) -> Self {
        Self(value.into())
    }
}

impl From<Vec<Tracking>> for TrackingBatch {
    fn from(value: Vec<Tracking>) -> Self {
        Self(value)
    }
}

impl sign_core::Endpoint for TrackingBatch {
    type Response = TrackingRspResponse;
    const NAME: &'static str = "shipping_tracking_batch";
    const METHOD: sign_core::Method = sign_core::Method::Post;
    const PATH: &'static str = "/gateway/v1/shipping/tracking-batch";
    const IDEMPOTENT: bool = false;
}
