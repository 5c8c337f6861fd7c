//! Client and sandbox for the mall order payment API (订单立即支付): pay an order with WeChat,
//! Alipay, points, or WeChat/Alipay plus points.
//!
//! TODO crate docs
#![cfg_attr(docsrs, feature(doc_cfg))]

pub mod auth;
pub mod client;
pub mod config;
pub mod envelope;
pub mod error;
pub mod generated;
pub mod pay;
pub mod pay_param;
#[cfg(feature = "sandbox")]
pub mod sandbox;

pub use client::Client;
pub use config::{Config, ConfigBuilder};
pub use error::{Error, RequestError};
pub use generated::{FreightJsonArrKey, FreightMode, OrderPayData, OrderPayRequest, PayMethod, WechatAppPayParam};
pub use pay::{AppPay, Freight, FreightChoice, PayOrder, PayWith, Points, Yuan};
pub use pay_param::PayParam;
pub use sign_core::{DecimalNumber, HttpRequest, HttpResponse, SecretString, Transport};
