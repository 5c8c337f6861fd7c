#![doc = include_str!("../README.md")]
#![cfg_attr(docsrs, feature(doc_cfg))]

mod async_client;
pub mod auth;
mod client;
mod config;
pub mod envelope;
mod error;
pub mod generated;
mod money_ext;
mod product_brief_query_ext;
#[cfg(feature = "sandbox")]
#[cfg_attr(docsrs, doc(cfg(feature = "sandbox")))]
pub mod sandbox;

pub use async_client::AsyncClient;
pub use client::Client;
pub use config::{Config, ConfigBuilder, DEV_BASE_URL};
pub use error::Error;
pub use generated::*;
pub use money_ext::{Fen, ParseFenError};
pub use sign_core;
pub use sign_core::{
    AsyncTransport, Clock, Endpoint, FixedClock, HttpOptions, HttpRequest, HttpResponse, InvalidRequest, Method,
    Outcome, RetryPolicy, SecretString, SystemClock, Transport,
};
