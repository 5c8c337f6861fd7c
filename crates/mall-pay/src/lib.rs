//! # mall-pay
//!
//! A client for a mall's "pay an order now" API (订单立即支付): pay an order with WeChat,
//! Alipay, points, or WeChat/Alipay plus points, and get back what the app hands to the WeChat
//! or Alipay SDK. A local sandbox (feature `sandbox`) behaves like the provider.
//!
//! ```
//! # #[cfg(feature = "sandbox")]
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! use mall_pay::{Client, Config, Error, Freight, FreightChoice, PayOrder, PayParam, PayWith, Points, Yuan};
//! # let sandbox = mall_pay::sandbox::Sandbox::start()?;
//! # let (base_url, pay_path, token) = (sandbox.base_url().to_owned(), mall_pay::sandbox::Sandbox::PAY_PATH, sandbox.token());
//!
//! // The pay path is not public: it comes from the mall's operator, there is no default.
//! let client = Client::new(Config::builder().base_url(base_url).pay_path(pay_path).token(token).build()?)?;
//!
//! // WeChat, 0.10 yuan, free shipping.
//! let order = PayOrder::new(1001, 7, PayWith::wechat(Yuan::parse("0.1")?), Freight::Free)?;
//! match client.order_pay(&order) {
//!     Ok(data) => match data.pay_param {
//!         PayParam::Wechat(w) => println!("open WeChat with prepayid {}", w.prepayid),
//!         PayParam::Alipay(order_string) => println!("open Alipay with {order_string}"),
//!         _ => println!("nothing to pay in the app"),
//!     },
//!     Err(Error::TokenExpired { .. }) => println!("log the user in again, then retry"),
//!     Err(e) => return Err(e.into()),
//! }
//!
//! // Alipay for 19.90 yuan plus 300 points, shipping not free (cash on delivery).
//! let mixed = PayWith::alipay_and_points(Yuan::from_fen(1990)?, Points::new(300)?);
//! let order = PayOrder::new(1002, 7, mixed, Freight::NotFree(FreightChoice::CashOnDelivery))?;
//! let alipay = client.order_pay(&order)?;
//! assert!(alipay.pay_param.alipay().is_some());
//! # Ok(()) }
//! # #[cfg(not(feature = "sandbox"))] fn main() {}
//! ```
//!
//! ## How a call works
//!
//! [`PayOrder`] is the request, valid by construction: [`PayWith`] holds exactly the amounts each
//! `pay_method` needs ([`Yuan`] for `pay_price`, [`Points`] for `pay_integral`), [`Freight`] holds
//! the `freight_json_arr_key` choice that "not free" needs, and both are turned into the flat wire
//! model [`OrderPayRequest`] (generated from `docs/mall-pay/`) only when sent. A flat request
//! built some other way goes through the same checks ([`Client::prepare_wire`], or
//! `PayOrder::try_from(&request)`) and is refused with a [`RequestError`] before sending.
//!
//! [`Client::prepare`] serializes the request once and adds the `token` header (see [`auth`]):
//! that [`HttpRequest`] is what is sent. [`Client::parse_order_pay`] (or the generic
//! [`Client::parse`]) turns the [`HttpResponse`] into [`OrderPayData`] or an [`Error`] (see
//! [`envelope`]). [`Client::order_pay`] is these two halves around sign-core's blocking ureq
//! transport; from async code, send the prepared request with your own HTTP client and parse
//! the answer.
//!
//! | method | provider endpoint | idempotent |
//! |---|---|---|
//! | [`Client::order_pay`] | 订单立即支付 `POST <pay_path>` | no: never retried once it may have been sent |
//!
//! ## Errors
//!
//! - [`Error::TokenExpired`]: the token expired; log the user in again, then retry with
//!   [`Client::with_token`]. The rejected call charged nothing.
//! - [`Error::Api`]: any other failure envelope (`status != 200`), with the provider's `status`
//!   and `msg`.
//! - [`Error::InvalidRequest`]: the request broke a payment rule and was not sent.
//! - [`Error::Timeout`], [`Error::Transport`], [`Error::HttpStatus`], [`Error::Decode`],
//!   [`Error::UnexpectedPayParam`]: see each variant. After a response timeout, a 5xx or an
//!   unreadable answer the payment may have reached the mall ([`Error::outcome_unknown`] is
//!   true): check the order before paying again.
//!
//! ## Nothing is sent twice
//!
//! Paying is not idempotent, so the request is marked non-idempotent and the transport retries it
//! only when it cannot have reached the server (DNS failure, connection refused, connect
//! timeout), never after a response timeout or a 5xx. Callbacks: the provider documents none.
//!
//! ## What the provider leaves unspecified, and what this crate assumes
//!
//! - **URL.** The public document leaves "请求URL" empty. The path is part of the configuration
//!   ([`ConfigBuilder::pay_path`]) with no default; [`ConfigBuilder::build`] fails without it.
//! - **Body format.** Not stated. We send a JSON object (`Content-Type: application/json;
//!   charset=utf-8`), matching `pay_price` being a JSON number.
//! - **Required fields.** The "是否必须" column is empty. We require `order_id`, `pay_method`,
//!   `address_id` and `freight_mode` (ids more than 0); `pay_price` for methods 1, 2, 4, 5 and
//!   only for them; `pay_integral` for methods 3, 4, 5 and only for them (both more than 0);
//!   `freight_json_arr_key` exactly when `freight_mode` is 2. With free shipping the key is not
//!   sent (the provider's default is 0).
//! - **Money.** `pay_price` is yuan as a JSON number ("float" in the document). It is a [`Yuan`]:
//!   an exact decimal with at most two decimal places, written with exactly its digits (`0.1`,
//!   never `0.10000000000000001`) and at most 13 integer digits, so that a float-based server
//!   reads it exactly.
//! - **Points rule.** "When the points cover the goods, API pay may not be chosen; when they do
//!   not, API pay must be chosen." The client cannot see the user's balance; the server decides.
//! - **Token expiry.** The document shows one failure, `{"status": 0, "msg": "token过期",
//!   "data": []}`. We treat a failure whose `msg` mentions `token` and says `过期`, `失效` or
//!   `expire` as [`Error::TokenExpired`] ([`envelope::is_token_expired_message`]); every other
//!   `status != 200` is [`Error::Api`]. A `"200"` status in quotes is accepted.
//! - **Points-only answers.** The document only shows WeChat and Alipay answers. For a
//!   points-only payment we accept `data: []`, a missing `data`, or `pay_param` missing, `null`,
//!   `""`, `[]` or `{}` as [`PayParam::Empty`]; [`Client::order_pay`] refuses WeChat parameters
//!   for an Alipay payment and the reverse ([`Error::UnexpectedPayParam`]).
//! - **WeChat `timestamp`** is a string, as in the document.
//! - **The token** is the logged-in user's token, per user and expiring: [`Client::with_token`]
//!   makes a client for another token sharing the same connection pool.
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
#[cfg_attr(docsrs, doc(cfg(feature = "sandbox")))]
pub mod sandbox;

pub use client::Client;
pub use config::{Config, ConfigBuilder};
pub use error::{Error, RequestError};
pub use generated::{FreightJsonArrKey, FreightMode, OrderPayData, OrderPayRequest, PayMethod, WechatAppPayParam};
pub use pay::{AppPay, Freight, FreightChoice, PayOrder, PayWith, Points, Yuan};
pub use pay_param::PayParam;
pub use sign_core::{DecimalNumber, HttpRequest, HttpResponse, SecretString, Transport};

/// The README's example, compiled and run as a doctest.
#[cfg(all(doctest, feature = "sandbox"))]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
