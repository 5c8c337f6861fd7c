#![doc = include_str!("../README.md")]
#![cfg_attr(docsrs, feature(doc_cfg))]

mod async_client;
pub mod auth;
pub mod envelope;
pub mod generated;
#[cfg(feature = "sandbox")]
#[cfg_attr(docsrs, doc(cfg(feature = "sandbox")))]
pub mod sandbox;

mod client;
mod config;
mod error;
mod form_ext;
mod order_pay_ext;
mod pay_param_ext;

pub use async_client::AsyncClient;
pub use client::Client;
pub use config::{Config, ConfigBuilder};
pub use error::{Error, RequestError};
pub use form_ext::BodyEncoding;
pub use generated::*;
pub use order_pay_ext::{AppPay, Freight, FreightChoice, PayOrder, PayWith, Points, Yuan};
pub use pay_param_ext::PayParam;
pub use sign_core;
pub use sign_core::{
    AsyncTransport, Clock, Decimal, DecimalNumber, Endpoint, FixedClock, HttpOptions, HttpRequest, HttpResponse,
    InvalidRequest, Method, Outcome, RetryPolicy, SecretString, SystemClock, Transport,
};
