//! # vip-charge
//!
//! Client, callback verification and sandbox for the membership direct-recharge open API
//! (兑换系统开放接口 · 会员直充, `/v1/openapi/...`), signing every request with `MD5` or `SHA256-RSA`.
//!
//! PLACEHOLDER: crate docs are completed below.
#![cfg_attr(docsrs, feature(doc_cfg))]

pub mod auth;
pub mod callback;
pub mod client;
pub mod config;
pub mod envelope;
pub mod error;
pub mod generated;
pub mod models_ext;
#[cfg(feature = "sandbox")]
pub mod sandbox;

pub use auth::{SignType, SigningKey, VerifyingKey};
pub use callback::{
    CallbackVerifier, CallbackVerifierBuilder, HeaderPair, InMemoryReplayGuard, REPLY_SUCCESS, ReplayGuard,
    StatusCallback,
};
pub use client::{Client, NonceSource, RandomNonce};
pub use config::{Config, ConfigBuilder, DEFAULT_SUCCESS_STATUS};
pub use error::Error;
pub use generated::*;
pub use models_ext::{BusinessBalance, Product, ProductList};
pub use sign_core::{DecimalNumber, HttpRequest, HttpResponse};
