// @generated from docs/acqra-gateway/shipping_retrieve.md by `cargo xtask codegen`; do not edit.
//! Retrieve tracking details
//!
//! Generated from `docs/acqra-gateway/shipping_retrieve.md`.

use super::common::{ShipmentDirection, ShippingStatus, TrackingNumberType};
use serde::{Deserialize, Serialize};

/// The `Retrieves Tracking` schema of the provider's documentation. Its example sends
/// `"matedata": "K-V"` where the schema says an object of string values:
/// either is sent as given (`Metadata`).
///
/// Request of the `shipping_retrieve` endpoint, `POST /gateway/v1/shipping/retrieve`, sent with [`Client::shipping_retrieve`](crate::Client::shipping_retrieve): Retrieve Tracking Details.
/// Idempotent (safe to retry). Response: `ShippingRetrieveResponse`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ShippingRetrieveRequest {
    /// 元数据 (metadata)
    pub matedata: crate::Metadata,
    /// 商户订单编号(orderNo和tradeNo二选一)
    #[serde(rename = "orderNo", deserialize_with = "sign_core::lenient::deserialize")]
    pub order_no: String,
    /// 快递单号 (tracking number)
    #[serde(rename = "trackingNo", deserialize_with = "sign_core::lenient::deserialize")]
    pub tracking_no: String,
}

impl ShippingRetrieveRequest {
    /// Creates a `ShippingRetrieveRequest` from its required fields; optional fields start unset (set them with `with_*`).
    pub fn new(
        matedata: impl Into<crate::Metadata>,
        order_no: impl Into<String>,
        tracking_no: impl Into<String>,
    ) -> Self {
        Self { matedata: matedata.into(), order_no: order_no.into(), tracking_no: tracking_no.into() }
    }
}

impl ShippingRetrieveRequest {
    /// A builder naming every field:
    /// `ShippingRetrieveRequest::builder().matedata(..).order_no(..).build()`.
    /// Prefer it to [`new`](Self::new) when required fields share a type and could be swapped
    /// unnoticed.
    pub fn builder() -> ShippingRetrieveRequestBuilder {
        ShippingRetrieveRequestBuilder::default()
    }
}

/// Builds a [`ShippingRetrieveRequest`] field by field; [`build`](Self::build) names the first required field
/// left unset.
#[derive(Debug, Clone, Default)]
#[must_use]
pub struct ShippingRetrieveRequestBuilder {
    matedata: Option<crate::Metadata>,
    order_no: Option<String>,
    tracking_no: Option<String>,
}

impl ShippingRetrieveRequestBuilder {
    /// Sets `matedata` (required).
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

    /// The `ShippingRetrieveRequest`.
    ///
    /// # Errors
    /// `InvalidRequest` naming the first required field left unset, e.g.
    /// `"ShippingRetrieveRequest: matedata must be set"`.
    pub fn build(self) -> Result<ShippingRetrieveRequest, sign_core::InvalidRequest> {
        Ok(ShippingRetrieveRequest {
            matedata: self.matedata.ok_or_else(|| {
                sign_core::InvalidRequest::field("ShippingRetrieveRequest", "matedata", "must be set")
            })?,
            order_no: self
                .order_no
                .ok_or_else(|| sign_core::InvalidRequest::field("ShippingRetrieveRequest", "orderNo", "must be set"))?,
            tracking_no: self.tracking_no.ok_or_else(|| {
                sign_core::InvalidRequest::field("ShippingRetrieveRequest", "trackingNo", "must be set")
            })?,
        })
    }
}

impl sign_core::Endpoint for ShippingRetrieveRequest {
    type Response = ShippingRetrieveResponse;
    const NAME: &'static str = "shipping_retrieve";
    const METHOD: sign_core::Method = sign_core::Method::Post;
    const PATH: &'static str = "/gateway/v1/shipping/retrieve";
    const IDEMPOTENT: bool = true;
}

/// The `Tracking Details Response` schema of the provider's documentation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ShippingRetrieveResponse {
    /// 货件的承运人编码 (carrier code of the shipment)
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "sign_core::lenient::deserialize")]
    pub carrier: Option<String>,
    /// 备注 (remark)
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "sign_core::lenient::deserialize")]
    pub desc: Option<String>,
    /// 商户订单编号(orderNo和tradeNo二选一)
    #[serde(
        rename = "orderNo",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::deserialize"
    )]
    pub order_no: Option<String>,
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
    #[serde(
        rename = "trackingNo",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::deserialize"
    )]
    pub tracking_no: Option<String>,
    /// 运单号的类型 (type of the tracking number)
    #[serde(rename = "trackingNumberType")]
    pub tracking_number_type: TrackingNumberType,
    /// trackingUrl
    #[serde(
        rename = "trackingUrl",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::deserialize"
    )]
    pub tracking_url: Option<String>,
    /// 交易Reference (transaction reference)
    #[serde(
        rename = "tradeNo",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::deserialize"
    )]
    pub trade_no: Option<String>,
}

impl ShippingRetrieveResponse {
    /// Creates a `ShippingRetrieveResponse` from its required fields; optional fields start unset (set them with `with_*`).
    pub fn new(
        shipment_date: impl Into<String>,
        shipment_direction: impl Into<ShipmentDirection>,
        shipping_status: impl Into<ShippingStatus>,
        tracking_number_type: impl Into<TrackingNumberType>,
    ) -> Self {
        Self {
            carrier: None,
            desc: None,
            order_no: None,
            resp_code: None,
            resp_msg: None,
            shipment_date: shipment_date.into(),
            shipment_direction: shipment_direction.into(),
            shipping_status: shipping_status.into(),
            tracking_no: None,
            tracking_number_type: tracking_number_type.into(),
            tracking_url: None,
            trade_no: None,
        }
    }

    /// Sets `carrier`.
    #[must_use]
    pub fn with_carrier(mut self, value: impl Into<String>) -> Self {
        self.carrier = Some(value.into());
        self
    }

    /// Sets `desc`.
    #[must_use]
    pub fn with_desc(mut self, value: impl Into<String>) -> Self {
        self.desc = Some(value.into());
        self
    }

    /// Sets `orderNo`.
    #[must_use]
    pub fn with_order_no(mut self, value: impl Into<String>) -> Self {
        self.order_no = Some(value.into());
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

    /// Sets `trackingNo`.
    #[must_use]
    pub fn with_tracking_no(mut self, value: impl Into<String>) -> Self {
        self.tracking_no = Some(value.into());
        self
    }

    /// Sets `trackingUrl`.
    #[must_use]
    pub fn with_tracking_url(mut self, value: impl Into<String>) -> Self {
        self.tracking_url = Some(value.into());
        self
    }

    /// Sets `tradeNo`.
    #[must_use]
    pub fn with_trade_no(mut self, value: impl Into<String>) -> Self {
        self.trade_no = Some(value.into());
        self
    }
}
