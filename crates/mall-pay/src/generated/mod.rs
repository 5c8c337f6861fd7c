// @generated from docs/mall-pay/*.md by `cargo xtask codegen`; do not edit.
//! Models and endpoint bindings generated from `docs/mall-pay/`: one module per doc file.
//!
//! Do not edit: change the docs and run `cargo xtask codegen`.

mod order_pay;

pub use order_pay::{FreightJsonArrKey, FreightMode, OrderPayRequest, OrderPayResponse, PayMethod, WechatAppPayParam};
