//! Client, callback handling and sandbox for ChainUP opay crypto payments (RSA-encrypted,
//! RSA-signed envelopes).
//!
//! Placeholder crate docs; see README.
#![cfg_attr(docsrs, feature(doc_cfg))]

pub mod auth;
pub mod callback;
pub mod client;
pub mod config;
pub mod envelope;
pub mod error;
pub mod generated;
#[cfg(feature = "sandbox")]
pub mod sandbox;
mod types_ext;

pub use client::Client;
pub use config::{Config, ConfigBuilder, DEFAULT_CALLBACK_REPLY, TimeFormat};
pub use error::Error;
pub use generated::*;
pub use types_ext::{FlexString, OpayRequest, OrderStatus, PAYMENT_PAGE_PATH, Payer, PaymentPage};
