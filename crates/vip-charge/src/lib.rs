#![doc = include_str!("../README.md")]
#![cfg_attr(docsrs, feature(doc_cfg))]

#[cfg(not(any(feature = "rust-crypto", feature = "aws-lc-rs")))]
compile_error!(
    "vip-charge needs an RSA backend: enable its feature `aws-lc-rs` (constant time; choose it where callbacks \
     decrypt input anyone can send) or `rust-crypto` (pure Rust, no C toolchain; the default)"
);

pub mod auth;
pub mod envelope;
pub mod generated;
#[cfg(feature = "sandbox")]
pub mod sandbox;

mod business_balance_ext;
mod callback;
mod client;
mod config;
mod error;
mod fields_ext;
mod order_info_ext;
mod product_list_ext;

pub use auth::{SignType, SigningKey, VerifyingKey};
pub use business_balance_ext::BusinessBalanceResponse;
pub use callback::{REPLY_SUCCESS, StatusCallback};
pub use client::{Client, NonceSource, RandomNonce};
pub use config::{
    Config, ConfigBuilder, DEFAULT_CALLBACK_MAX_BODY_BYTES, DEFAULT_CALLBACK_TIME_WINDOW, DEFAULT_SUCCESS_STATUS,
};
pub use error::{Error, SIGNATURE_REJECTED_STATUS};
pub use generated::*;
pub use product_list_ext::{Product, ProductListResponse};
pub use sign_core;
pub use sign_core::HeaderPair;
pub use sign_core::rsa::{KeySource, PrivateKey, PublicKey};
pub use sign_core::{
    Clock, Decimal, DecimalNumber, Endpoint, FixedClock, HttpOptions, HttpRequest, HttpResponse, InvalidRequest,
    Method, Outcome, RetryPolicy, SecretString, SystemClock, Transport,
};
