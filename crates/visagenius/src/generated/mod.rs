//! Models and endpoint bindings generated from `docs/visagenius/*.md`.
//!
//! Do not edit by hand: edit the docs and run `cargo xtask codegen --provider visagenius`.
#![allow(clippy::all)]

pub mod order_pay;
pub mod product_brief_query;
pub mod product_query;

pub use order_pay::*;
pub use product_brief_query::*;
pub use product_query::*;
