#![doc = include_str!("../README.md")]
#![cfg_attr(docsrs, feature(doc_cfg))]

pub mod auth;
pub mod envelope;
pub mod generated;
#[cfg(feature = "sandbox")]
pub mod sandbox;

mod async_client;
mod client;
mod config;
mod error;

mod common_ext;
mod metadata_ext;
mod payment_ext;
mod shipping_tracking_batch_ext;
mod token_ext;

pub use async_client::AsyncClient;
pub use client::Client;
pub use config::{AuthHeader, Config, ConfigBuilder};
pub use error::Error;
pub use generated::*;
pub use metadata_ext::Metadata;
pub use token_ext::{AccessToken, CachedToken, TokenCache};

pub use sign_core;
pub use sign_core::{
    AsyncTransport, Clock, Currency, Decimal, DecimalNumber, Endpoint, FixedClock, HttpOptions, HttpRequest,
    HttpResponse, InvalidRequest, Method, Outcome, RetryPolicy, SecretString, SystemClock, Transport,
};
