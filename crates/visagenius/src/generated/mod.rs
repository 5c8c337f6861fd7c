// @generated from docs/visagenius/*.md by `cargo xtask codegen`; do not edit.
//! Models and endpoint bindings generated from `docs/visagenius/`: one module per doc file.
//!
//! Do not edit: change the docs and run `cargo xtask codegen`.

mod async_client;
mod client;
mod order_pay;
mod product_brief_query;
mod product_query;

pub use order_pay::{ExpressAddress, OrderExpressAddress, OrderPayRequest, OrderPayResponse};
pub use product_brief_query::{ProductBrief, ProductBriefQueryRequest, ProductBriefQueryResponse};
pub use product_query::{ElecMaterial, ProductQueryRequest, ProductQueryResponse};
