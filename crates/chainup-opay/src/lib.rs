#![doc = include_str!("../README.md")]
#![cfg_attr(docsrs, feature(doc_cfg))]

#[cfg(not(any(feature = "rust-crypto", feature = "aws-lc-rs")))]
compile_error!(
    "chainup-opay needs an RSA backend: enable its feature `aws-lc-rs` (constant time; choose it where callbacks \
     decrypt input anyone can send) or `rust-crypto` (pure Rust, no C toolchain; the default)"
);

pub mod auth;
pub mod envelope;
pub mod generated;
#[cfg(feature = "sandbox")]
#[cfg_attr(docsrs, doc(cfg(feature = "sandbox")))]
pub mod sandbox;

mod callback;
mod client;
mod common_ext;
mod config;
mod create_third_order_ext;
mod error;
mod payment_page_ext;

pub use callback::MAX_CALLBACK_BODY_BYTES;
pub use client::Client;
pub use config::{
    Config, ConfigBuilder, DEFAULT_CALLBACK_REPLAY_WINDOW, DEFAULT_CALLBACK_REPLY, DEFAULT_MAX_CALLBACK_BLOCKS,
    DEFAULT_MAX_RESPONSE_BLOCKS, TimeFormat,
};
pub use create_third_order_ext::Payer;
pub use error::Error;
pub use generated::*;
pub use payment_page_ext::{PAYMENT_PAGE_PATH, PaymentPage};

pub use sign_core;
pub use sign_core::rsa::{KeySource, PrivateKey, PublicKey};
pub use sign_core::{
    Clock, Decimal, DecimalNumber, Endpoint, FixedClock, HttpOptions, HttpRequest, HttpResponse, InvalidRequest,
    Method, Outcome, RetryPolicy, SecretString, SystemClock, Transport,
};
