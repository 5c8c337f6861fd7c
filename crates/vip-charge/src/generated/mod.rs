// @generated from docs/vip-charge/*.md by `cargo xtask codegen`; do not edit.
//! Models and endpoint bindings generated from `docs/vip-charge/`: one module per doc file.
//!
//! Do not edit: change the docs and run `cargo xtask codegen`.

mod async_client;
mod batch_order;
mod business_balance;
mod callback;
mod client;
mod order_info;
mod product_list;
mod vip_charge;

pub use batch_order::{BatchOrderItem, BatchOrderRequest, BatchOrderResponse};
pub use business_balance::{BusinessBalanceRequest, BusinessBalanceResponse};
pub use callback::ChargeStatusNotification;
pub use order_info::{OrderInfoRequest, OrderInfoResponse};
pub use product_list::{ProductListRequest, ProductListResponse};
pub use vip_charge::{VipChargeRequest, VipChargeResponse};
