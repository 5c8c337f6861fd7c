//! Models and endpoint impls generated from `docs/mall-pay/` by `cargo xtask codegen`.
//!
//! STAND-IN: written by hand in the generator's expected shape until `cargo xtask codegen` runs;
//! to be replaced by the generator's output.

mod order_pay;

pub use order_pay::*;
