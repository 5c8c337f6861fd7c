// @generated from docs/chainup-opay/*.md by `cargo xtask codegen`; do not edit.
//! Models and endpoint bindings generated from `docs/chainup-opay/`: one module per doc file.
//!
//! Do not edit: change the docs and run `cargo xtask codegen`.

mod async_client;
mod cancel_order;
mod client;
mod common;
mod create_third_order;
mod merchant_billing_day;
mod order_detail;
mod pay_notification;

pub use cancel_order::{CancelOrderRequest, CancelOrderResponse};
pub use common::OrderStatus;
pub use create_third_order::{CreateThirdOrderRequest, CreateThirdOrderResponse};
pub use merchant_billing_day::{BillingRecord, MerchantBillingDayRequest, MerchantBillingDayResponse, OrderType};
pub use order_detail::{OrderDetailRequest, OrderDetailResponse, TotalAccount};
pub use pay_notification::PayNotification;
