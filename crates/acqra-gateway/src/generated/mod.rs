// @generated from docs/acqra-gateway/*.md by `cargo xtask codegen`; do not edit.
//! Models and endpoint bindings generated from `docs/acqra-gateway/`: one module per doc file.
//!
//! Do not edit: change the docs and run `cargo xtask codegen`.

mod cancel;
mod capture;
mod cashier_order;
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

pub use cancel::{Void, VoidResponse};
pub use capture::{Capture, CaptureResponse};
pub use cashier_order::{CashierPaymentOrder, CashierPreOrderResp};
pub use common::{
    Address, Billing, Browser, CaptureMethod, Card, CustomerInitiatedReason, DeviceInfo, FraudMode, LinkMode, Location,
    Mobile, OrderStatus, PaymentMethodType, Phone, ProductInfo, RefundStatus, ShipmentDirection, Shipping,
    ShippingStatus, StoredCredentials, ThreeDsMode, TrackingNumberType,
};
pub use mit_payment::MitPayment;
pub use payment::{
    Alipay, AlipayPlus, Ddc, GrabPay, PayNow, PayPal, Payment, PaymentResponse, ShopeePay, ThreeDsData, Upay, Wechat,
    WechatProductType,
};
pub use query::{OrderCardApiModel, OrderInfoModel, Query, QueryResponse, RefundLogModel, ThreeDsInfoDTO};
pub use refund::{Refund, RefundResponse};
pub use refund_query::RefundQuery;
pub use shipping_retrieve::{RetrievesTracking, TrackingDetailsResponse};
pub use shipping_tracking::{Tracking, TrackingRspResponse};
pub use shipping_tracking_batch::TrackingBatch;
pub use shipping_tracking_modify::{TrackingIterm, TrackingOp, UpdateOrCancelTrackingInformation};
pub use subscription_payment::{SubscriptionPayment, SubscriptionPaymentResponse};
pub use token::{AccessTokenRequest, AccessTokenResponse};
