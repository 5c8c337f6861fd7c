// @generated from docs/acqra-gateway/*.md by `cargo xtask codegen`; do not edit.
//! Models and endpoint bindings generated from `docs/acqra-gateway/`: one module per doc file.
//!
//! Do not edit: change the docs and run `cargo xtask codegen`.

mod async_client;
mod cancel;
mod capture;
mod cashier_order;
mod client;
mod common;
mod mit_payment;
mod payment;
mod query;
mod refund;
mod refund_query;
mod shipping_retrieve;
mod shipping_tracking;
mod shipping_tracking_batch;
mod shipping_tracking_modify;
mod subscription_payment;
mod token;

pub use cancel::{CancelRequest, CancelResponse};
pub use capture::{CaptureRequest, CaptureResponse};
pub use cashier_order::{CashierOrderRequest, CashierOrderResponse};
pub use common::{
    Address, Billing, Browser, CaptureMethod, Card, CustomerInitiatedReason, DeviceInfo, FraudMode, LinkMode, Location,
    Mobile, OrderStatus, PaymentMethodType, Phone, ProductInfo, RefundStatus, ShipmentDirection, Shipping,
    ShippingStatus, StoredCredentials, ThreeDsMode, TrackingNumberType,
};
pub use mit_payment::{MitPaymentRequest, MitPaymentResponse};
pub use payment::{
    Alipay, AlipayPlus, Ddc, GrabPay, PayNow, PayPal, PaymentRequest, PaymentResponse, ShopeePay, ThreeDsData, Upay,
    Wechat, WechatProductType,
};
pub use query::{OrderCardApiModel, OrderInfoModel, QueryRequest, QueryResponse, RefundLogModel, ThreeDsInfoDTO};
pub use refund::{RefundRequest, RefundResponse};
pub use refund_query::{RefundQueryRequest, RefundQueryResponse};
pub use shipping_retrieve::{ShippingRetrieveRequest, ShippingRetrieveResponse};
pub use shipping_tracking::{ShippingTrackingRequest, ShippingTrackingResponse};
pub use shipping_tracking_batch::{ShippingTrackingBatchRequest, ShippingTrackingBatchResponse};
pub use shipping_tracking_modify::{
    ShippingTrackingModifyRequest, ShippingTrackingModifyResponse, TrackingIterm, TrackingOp,
};
pub use subscription_payment::{SubscriptionPaymentRequest, SubscriptionPaymentResponse};
pub use token::{TokenRequest, TokenResponse};
