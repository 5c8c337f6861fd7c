//! # vip-charge
//!
//! Client, callback verification and sandbox for the membership direct-recharge open API
//! (兑换系统开放接口 · 会员直充, `/v1/openapi/...`): charge orders, order info, product list,
//! business balance and batch orders, every request signed with `MD5` or `SHA256-RSA`, and the
//! platform's signed status callbacks verified.
//!
//! ## Quick example
//!
//! Build a [`Client`] once (keys are parsed and settings checked by [`ConfigBuilder::build`]) and
//! share it: it is `Send + Sync` and cheap to clone.
//!
//! ```no_run
//! # fn main() -> Result<(), vip_charge::Error> {
//! use vip_charge::{Client, Config, OrderInfoRequest, VipChargeRequest};
//!
//! let config = Config::builder()
//!     .base_url("https://recharge.example.com")
//!     .business_id("55")
//!     .md5_secret_key(std::env::var("VIPCHARGE_SECRET_KEY").unwrap_or_default())
//!     .success_status(0) // not published by the platform: ask for the real value
//!     .build()?;
//! let client = Client::new(config)?;
//!
//! let request = VipChargeRequest::new("166", "55", "87103", "w23b52", "my-order-0001")
//!     .with_callback_url("https://merchant.example.com/vip-charge/notify");
//! let order = client.vip_charge(&request)?;
//! let info = client.order_info(&OrderInfoRequest::by_order_code(order.order_code))?;
//! println!("{:?}", info.settlement_price);
//! # Ok(()) }
//! ```
//!
//! ### Sans-IO (async code, your own HTTP client)
//!
//! [`Client::prepare`] gives the fully signed request and [`Client::parse`] reads the answer; the
//! blocking [`Client::call`] is exactly these two around a [`sign_core::Transport`].
//!
//! ```
//! # fn main() -> Result<(), vip_charge::Error> {
//! use vip_charge::{Client, Config, HttpResponse, ProductListRequest};
//! # use std::sync::Arc;
//! # #[derive(Debug)] struct NoNetwork;
//! # impl sign_core::Transport for NoNetwork {
//! #     fn send(&self, _: &sign_core::HttpRequest) -> Result<HttpResponse, sign_core::TransportError> {
//! #         Err(sign_core::TransportError::new(sign_core::TransportErrorKind::Connect, "offline"))
//! #     }
//! # }
//! let config = Config::builder()
//!     .base_url("https://recharge.example.com")
//!     .business_id("55")
//!     .md5_secret_key("secret")
//!     .build()?;
//! let client = Client::with_transport(config, Arc::new(NoNetwork));
//!
//! let request = client.prepare(&ProductListRequest::new("166"))?;
//! assert_eq!(request.url, "https://recharge.example.com/v1/openapi/order/product/list");
//! assert_eq!(request.header("signType"), Some("MD5"));
//! assert_eq!(request.body, br#"{"merchantId":"166"}"#);
//! // ... send `request` with any HTTP client, then:
//! let response = HttpResponse::json(200, br#"{"status":0,"message":"ok","data":[{"productCode":"87103"}]}"#.to_vec());
//! let data = client.parse::<ProductListRequest>(&response)?;
//! let products = vip_charge::ProductList::from_data(data);
//! assert_eq!(products.products[0].product_code.as_deref(), Some("87103"));
//! # Ok(()) }
//! ```
//!
//! ## Signing
//!
//! The auth headers `businessId`, `nonce` (32 random characters, new for every request),
//! `timestamp` (milliseconds) and `signType` (sent by default; it can be left out only with
//! `SHA256-RSA`, the platform's default) are sorted and joined as `k=v&k=v`, and the exact body
//! bytes are appended; `MD5` appends the secret key and takes uppercase hex, `SHA256-RSA` signs with
//! the merchant private key and encodes in standard Base64. The body is serialized once, and those
//! bytes are both signed and sent. See [`auth`].
//!
//! ## Status callbacks
//!
//! ```
//! # fn main() -> Result<(), vip_charge::Error> {
//! use std::sync::Arc;
//! use vip_charge::{CallbackVerifier, InMemoryReplayGuard, REPLY_SUCCESS};
//! # let clock = Arc::new(sign_core::FixedClock::from_unix_millis(1_628_772_138_668));
//!
//! let verifier = CallbackVerifier::builder()
//!     .business_id("55")
//!     .md5_secret_key("test-secret-key") // or .platform_public_key(pem) for SHA256-RSA
//!     .replay_guard(Arc::new(InMemoryReplayGuard::default()))
//! #   .clock(clock)
//!     .build()?;
//!
//! // In your HTTP handler: the raw headers and the raw body bytes, exactly as received.
//! let headers = [
//!     ("businessId", "55"),
//!     ("nonce", "cbnonce1"),
//!     ("timestamp", "1628772138668"),
//!     ("sign", "90AF8E00C33FD87727B48AB0DEC2438A"), // md5sum, testdata/README.md (C1)
//! ];
//! let body = br#"{"orderCode":"OC1","bizCode":"87103","status":"SUCCESS"}"#;
//! let callback = verifier.verify(headers, body)?;
//! assert_eq!(callback.notification.order_code, "OC1");
//! // Record the order's state idempotently by orderCode, then answer:
//! assert_eq!(REPLY_SUCCESS, "SUCCESS");
//! # Ok(()) }
//! ```
//!
//! The platform retries a callback that was not answered `SUCCESS` after 15 s, 30 s, 3 min, 10 min,
//! 20 min, 30 min, 60 min, 3 h and 6 h. The same order's status can therefore arrive many times,
//! also after you handled it (your reply may have been lost): **deduplicate by `orderCode`** —
//! store the order's final state in one transaction keyed by `orderCode` (a unique constraint, or
//! "update ... where state = pending"), and on a repeat reply `SUCCESS` again without acting a
//! second time. The optional [`ReplayGuard`] stops a captured request from being replayed while its
//! timestamp is inside the window; it does not replace that idempotency. Every verification failure
//! is the same [`Error::Signature`]: answer it with a non-`SUCCESS` status and do not act on it.
//!
//! ## Errors and retries
//!
//! The platform's failure envelope is [`Error::Api`] with its `status` and `message`;
//! [`Error::is_signature_rejected`] recognises `{"status":2,"message":"验签失败"}`. Transport failures,
//! timeouts, HTTP statuses and undecodable answers are separate variants. Queries (order info,
//! product list, balance) are marked idempotent and may be retried by the transport; a charge or
//! batch order is never resent once it may have reached the server: when
//! [`Error::outcome_unknown`] says a failed one may have been processed (timeout, I/O error after
//! sending, 5xx, unreadable answer), look the order up by `bizCode`
//! ([`OrderInfoRequest::by_biz_code`]) before ordering again.
//!
//! ## What the platform leaves unspecified, and what this crate assumes
//!
//! - **The success `status`.** The document's example shows `961`, a generated placeholder. The
//!   value is client configuration ([`ConfigBuilder::success_status`]), default `0`. Any other
//!   `status` is an [`Error::Api`].
//! - **Failure codes** other than `2` (signature rejected) are not public; they are passed through.
//! - **Response shapes** beyond the charge order's: [`OrderInfo`] assumes the charge order's field
//!   names, all optional; the product list and balance are read leniently ([`ProductList`],
//!   [`BusinessBalance`]: an array or an object holding one; a number or an object with `balance`);
//!   the batch order's answer is raw JSON. Unknown fields are ignored by the typed views and kept in
//!   their `raw` JSON; [`Client::raw_call_json`] returns any endpoint's `data` untyped.
//! - **The order info request** is assumed to need only `orderCode` or `bizCode`; if the platform
//!   wants more (e.g. `merchantId`), use [`Client::raw_call`].
//! - **Callbacks.** Only `orderCode, bizCode` of the body are public; the rest is in
//!   [`StatusCallback::raw`]. Callbacks carry no `signType`: the verifier is configured with the
//!   MD5 secret or the platform public key (inferred from the request rule). The timestamp window is
//!   5 minutes by default ([`CallbackVerifierBuilder::time_window`]). The crate assumes each retry is
//!   signed afresh (new nonce and timestamp); if the platform resends the original request instead,
//!   late retries fall outside the window and a replay guard rejects them: widen the window to the
//!   retry schedule (about 11 h) and rely on idempotency by `orderCode` instead of the guard.
//! - **Amounts** (`settlementPrice`, balance) are JSON numbers, read exactly as [`DecimalNumber`]
//!   (never a float); their unit (presumably yuan) is not stated.
//! - **Header names** are sent as the platform spells them (`businessId`, `signType`); received
//!   headers are matched case-insensitively, as HTTP requires.
//!
//! ## Sandbox
//!
//! With the `sandbox` feature, `sandbox::Sandbox` is a local server that checks both sign types
//! exactly (with its own implementation of the rule), rejects replayed nonces and stale timestamps,
//! keeps a balance and orders, and sends signed status callbacks with the retry schedule scaled
//! down. `examples/quickstart.rs` runs the whole flow against it.
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
pub use models_ext::{BusinessBalance, OpenApiRequest, Product, ProductList};
pub use sign_core::{DecimalNumber, HttpRequest, HttpResponse};

#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
