// @generated from docs/acqra-gateway/shipping_tracking.md by `cargo xtask codegen`; do not edit.
//! Add tracking information
//!
//! Generated from `docs/acqra-gateway/shipping_tracking.md`.

use super::common::{ShipmentDirection, ShippingStatus, TrackingNumberType};
use serde::{Deserialize, Serialize};

/// The `Tracking` schema of the provider's documentation.
///
/// Request of the `shipping_tracking` endpoint, `POST /gateway/v1/shipping/tracking`, sent with [`Client::shipping_tracking`](crate::Client::shipping_tracking): Adds tracking information for an Order.
/// Not idempotent: never retried once it may have been sent. Response: `ShippingTrackingResponse`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ShippingTrackingRequest {
    /// 货件的承运人编码 (carrier code of the shipment)
    #[serde(deserialize_with = "sign_core::lenient::deserialize")]
    pub carrier: String,
    /// 商户订单编号(orderNo和tradeNo二选一)
    #[serde(rename = "orderNo", deserialize_with = "sign_core::lenient::deserialize")]
    pub order_no: String,
    /// 发货日期 (shipment date)
    #[serde(rename = "shipmentDate", deserialize_with = "sign_core::lenient::deserialize")]
    pub shipment_date: String,
    /// 表示货件是转发给收件人还是退回 (whether the shipment goes to the recipient or back)
    #[serde(rename = "shipmentDirection")]
    pub shipment_direction: ShipmentDirection,
    /// 商品货件的状态 (status of the shipment)
    #[serde(rename = "shippingStatus")]
    pub shipping_status: ShippingStatus,
    /// 快递单号 (tracking number)
    #[serde(rename = "trackingNo", deserialize_with = "sign_core::lenient::deserialize")]
    pub tracking_no: String,
    /// 运单号的类型 (type of the tracking number)
    #[serde(rename = "trackingNumberType")]
    pub tracking_number_type: TrackingNumberType,
    /// 获取的跟踪链接 (tracking link)
    #[serde(
        rename = "trackingUrl",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::deserialize"
    )]
    pub tracking_url: Option<String>,
}

impl ShippingTrackingRequest {
    /// Creates a `ShippingTrackingRequest` from its required fields; optional fields start unset (set them with `with_*`).
    pub fn new(
        carrier: impl Into<String>,
        order_no: impl Into<String>,
        shipment_date: impl Into<String>,
        shipment_direction: impl Into<ShipmentDirection>,
        shipping_status: impl Into<ShippingStatus>,
        tracking_no: impl Into<String>,
        tracking_number_type: impl Into<TrackingNumberType>,
    ) -> Self {
        Self {
            carrier: carrier.into(),
            order_no: order_no.into(),
            shipment_date: shipment_date.into(),
            shipment_direction: shipment_direction.into(),
            shipping_status: shipping_status.into(),
            tracking_no: tracking_no.into(),
            tracking_number_type: tracking_number_type.into(),
            tracking_url: None,
        }
    }

    /// Sets `trackingUrl`.
    #[must_use]
    pub fn with_tracking_url(mut self, value: impl Into<String>) -> Self {
        self.tracking_url = Some(value.into());
        self
    }
}

impl ShippingTrackingRequest {
    /// A builder naming every field:
    /// `ShippingTrackingRequest::builder().carrier(..).order_no(..).build()`.
    /// Prefer it to [`new`](Self::new) when required fields share a type and could be swapped
    /// unnoticed.
    pub fn builder() -> ShippingTrackingRequestBuilder {
        ShippingTrackingRequestBuilder::default()
    }
}

/// Builds a [`ShippingTrackingRequest`] field by field; [`build`](Self::build) names the first required field
/// left unset.
#[derive(Debug, Clone, Default)]
#[must_use]
pub struct ShippingTrackingRequestBuilder {
    carrier: Option<String>,
    order_no: Option<String>,
    shipment_date: Option<String>,
    shipment_direction: Option<ShipmentDirection>,
    shipping_status: Option<ShippingStatus>,
    tracking_no: Option<String>,
    tracking_number_type: Option<TrackingNumberType>,
    tracking_url: Option<String>,
}

impl ShippingTrackingRequestBuilder {
    /// Sets `carrier` (required).
    pub fn carrier(mut self, value: impl Into<String>) -> Self {
        self.carrier = Some(value.into());
        self
    }

    /// Sets `orderNo` (required).
    pub fn order_no(mut self, value: impl Into<String>) -> Self {
        self.order_no = Some(value.into());
        self
    }

    /// Sets `shipmentDate` (required).
    pub fn shipment_date(mut self, value: impl Into<String>) -> Self {
        self.shipment_date = Some(value.into());
        self
    }

    /// Sets `shipmentDirection` (required).
    pub fn shipment_direction(mut self, value: impl Into<ShipmentDirection>) -> Self {
        self.shipment_direction = Some(value.into());
        self
    }

    /// Sets `shippingStatus` (required).
    pub fn shipping_status(mut self, value: impl Into<ShippingStatus>) -> Self {
        self.shipping_status = Some(value.into());
        self
    }

    /// Sets `trackingNo` (required).
    pub fn tracking_no(mut self, value: impl Into<String>) -> Self {
        self.tracking_no = Some(value.into());
        self
    }

    /// Sets `trackingNumberType` (required).
    pub fn tracking_number_type(mut self, value: impl Into<TrackingNumberType>) -> Self {
        self.tracking_number_type = Some(value.into());
        self
    }

    /// Sets `trackingUrl`.
    pub fn tracking_url(mut self, value: impl Into<String>) -> Self {
        self.tracking_url = Some(value.into());
        self
    }

    /// The `ShippingTrackingRequest`.
    ///
    /// # Errors
    /// `InvalidRequest` naming the first required field left unset, e.g.
    /// `"ShippingTrackingRequest: carrier must be set"`.
    pub fn build(self) -> Result<ShippingTrackingRequest, sign_core::InvalidRequest> {
        Ok(ShippingTrackingRequest {
            carrier: self
                .carrier
                .ok_or_else(|| sign_core::InvalidRequest::field("ShippingTrackingRequest", "carrier", "must be set"))?,
            order_no: self
                .order_no
                .ok_or_else(|| sign_core::InvalidRequest::field("ShippingTrackingRequest", "orderNo", "must be set"))?,
            shipment_date: self.shipment_date.ok_or_else(|| {
                sign_core::InvalidRequest::field("ShippingTrackingRequest", "shipmentDate", "must be set")
            })?,
            shipment_direction: self.shipment_direction.ok_or_else(|| {
                sign_core::InvalidRequest::field("ShippingTrackingRequest", "shipmentDirection", "must be set")
            })?,
            shipping_status: self.shipping_status.ok_or_else(|| {
                sign_core::InvalidRequest::field("ShippingTrackingRequest", "shippingStatus", "must be set")
            })?,
            tracking_no: self.tracking_no.ok_or_else(|| {
                sign_core::InvalidRequest::field("ShippingTrackingRequest", "trackingNo", "must be set")
            })?,
            tracking_number_type: self.tracking_number_type.ok_or_else(|| {
                sign_core::InvalidRequest::field("ShippingTrackingRequest", "trackingNumberType", "must be set")
            })?,
            tracking_url: self.tracking_url,
        })
    }
}

impl sign_core::Endpoint for ShippingTrackingRequest {
    type Response = ShippingTrackingResponse;
    const NAME: &'static str = "shipping_tracking";
    const METHOD: sign_core::Method = sign_core::Method::Post;
    const PATH: &'static str = "/gateway/v1/shipping/tracking";
    const IDEMPOTENT: bool = false;
}

/// The `TrackingRsp Response` schema of the provider's documentation (the response of every tracking
/// call). Its example sends `"trackings": "ids"` where the schema says an array of strings: both are
/// read (one string is a one-item list).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ShippingTrackingResponse {
    /// 备注 (remark)
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "sign_core::lenient::deserialize")]
    pub desc: Option<String>,
    /// 响应码 (response code)
    #[serde(
        rename = "respCode",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::deserialize"
    )]
    pub resp_code: Option<String>,
    /// 响应描述 (response message)
    #[serde(
        rename = "respMsg",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::deserialize"
    )]
    pub resp_msg: Option<String>,
    /// 受理成功的集合id (ids of the trackings accepted)
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "sign_core::lenient::deserialize")]
    pub trackings: Option<Vec<String>>,
}

impl ShippingTrackingResponse {
    /// Creates a `ShippingTrackingResponse` from its required fields; optional fields start unset (set them with `with_*`).
    pub fn new() -> Self {
        Self { desc: None, resp_code: None, resp_msg: None, trackings: None }
    }

    /// Sets `desc`.
    #[must_use]
    pub fn with_desc(mut self, value: impl Into<String>) -> Self {
        self.desc = Some(value.into());
        self
    }

    /// Sets `respCode`.
    #[must_use]
    pub fn with_resp_code(mut self, value: impl Into<String>) -> Self {
        self.resp_code = Some(value.into());
        self
    }

    /// Sets `respMsg`.
    #[must_use]
    pub fn with_resp_msg(mut self, value: impl Into<String>) -> Self {
        self.resp_msg = Some(value.into());
        self
    }

    /// Sets `trackings`.
    #[must_use]
    pub fn with_trackings(mut self, value: impl Into<Vec<String>>) -> Self {
        self.trackings = Some(value.into());
        self
    }
}
