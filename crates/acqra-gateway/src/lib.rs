//! # acqra-gateway
//!
//! Client and local sandbox for the Acqra online payment gateway (cards and wallets), API version
//! 20250508: checkout sessions, card and wallet payments, merchant-initiated and recurring
//! payments, capture, void, refunds, queries and shipment tracking.
//!
//! ```
//! # #[cfg(feature = "sandbox")] {
//! use acqra_gateway::sandbox::Sandbox;
//! use acqra_gateway::{
//!     Address, Billing, Browser, Capture, CaptureMethod, Card, Client, Config, Decimal, DeviceInfo, OrderStatus,
//!     Payment, PaymentMethodType, Query, Refund,
//! };
//!
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let sandbox = Sandbox::start()?; // or your gateway's URL and credentials:
//! let config = Config::builder(sandbox.base_url(), "sandbox-app", "sandbox-secret-0123456789").build()?;
//! let client = Client::new(config)?; // Send + Sync, clone it freely: one token for all clones
//!
//! let amount: Decimal = "100.99".parse()?;
//! let card = Card::new("4111111111111111", "12", "2030", "Jane", "Doe")
//!     .with_cvc("737")
//!     .with_capture_method(CaptureMethod::Manual);
//! let device = DeviceInfo::new(Browser::new("Mozilla/5.0"), "203.0.113.7", "en-US");
//! let payment = Payment::new(amount, "USD", device, "ORDER-0001", PaymentMethodType::Card)
//!     .with_card(card)
//!     .with_billing(Billing::new(Address::new("Seattle", "US", "1 Main St", "98102", "WA")));
//!
//! let paid = client.create_payment(&payment)?;
//! assert_eq!(paid.order_status, Some(OrderStatus::Authorized));
//! client.capture_payment(&Capture::new(amount).with_trade_no(paid.trade_no.as_str()))?;
//! client.refund_payment(&Refund::new("30.50".parse::<Decimal>()?, "203.0.113.7", "return", "REFUND-0001")
//!     .with_order_no("ORDER-0001"))?;
//! let q = client.query_payment(&Query::new(PaymentMethodType::Card).with_order_no("ORDER-0001"))?;
//! assert_eq!(q.refund.map(|r| r.len()), Some(1));
//! # Ok(()) }
//! # main().unwrap();
//! # }
//! ```
//!
//! ## How a call works
//! 1. **Access token.** `POST /gateway/v1/connect/token` with `appId` and `secret` returns
//!    `accessToken` and `expiresIn`. The client caches it for all threads and clones, fetches it
//!    once however many calls start together ([`token::TokenCache`]), and replaces it
//!    `token_refresh_margin` (default 60 s) before it expires by the injectable clock.
//! 2. **Request.** The body is serialized once and sent with `Authorization: <accessToken>`
//!    ([`AuthHeader`] changes the header's name or adds a prefix). [`Client::prepare_with_token`]
//!    gives the complete request without sending it, [`Client::parse`] reads a response: the
//!    blocking client is those two steps around a [`sign_core::Transport`], so any async HTTP client
//!    can use them ([`Client::prepare_token_request`] and [`token::parse_token_response`] do the
//!    same for the token).
//! 3. **Response.** `respCode == "0000"` is success; any other code is [`Error::Api`] with
//!    `respCode` and `respMsg` ([`envelope`]).
//! 4. **401.** The refused token is dropped, a new one fetched and the call repeated **once**
//!    (see [`client`] for why that is safe for payments too); never in a loop.
//!
//! ## Money and card data
//! Amounts are [`Decimal`] (`"100.99"` on the wire) or [`DecimalNumber`] (the query response's JSON
//! numbers), never floats. Card numbers, CVCs, the recurring `transactionIdentifier`, the app secret
//! and tokens are [`SecretString`]s: `Debug` shows `[REDACTED]`, memory is wiped on drop, and
//! [`Card::masked_card_no`] shows the last four digits. Gateway messages are masked too before they
//! go into an error.
//!
//! ## Retries and idempotency
//! Only queries (`query`, `refundQuery`, `shipping/retrieve`) are marked idempotent; the transport
//! retries the others only when they cannot have reached the gateway. When a payment, capture,
//! void or refund fails with [`Error::outcome_unknown`] true (a timeout, an I/O error after
//! sending, a 5xx, an unreadable answer), query the order before sending it again; reuse the same
//! `refundNumber` when retrying a refund.
//!
//! ## What the provider leaves unspecified, and what this crate assumes
//! - The token header's format: the samples show `Authorization: <token>` (default; configurable).
//! - Whether a token request may be retried: it is not marked idempotent (a gateway may revoke the
//!   previous token when issuing one).
//! - `expiresIn` missing or not positive: `default_token_lifetime` (300 s) is assumed.
//! - Failure codes: none are published. Any `respCode` but `"0000"` is an error; a 2xx answer
//!   without `respCode` is a decode error, not a success; HTTP 401 means the token was refused.
//! - Status values: the seed shows `authorized`, `successed`, `canceled` (orders) and `accepted`
//!   (refunds) only; other values arrive as `Unknown(..)` (the sandbox uses `pending` for unpaid
//!   checkout sessions and wallet payments and `failed` for declined cards).
//! - `refundQuery` takes the same `orderNo`/`tradeNo` fields as `query`; whether they name the refund
//!   or the original payment is not said. The sandbox accepts either.
//! - Webhooks: the seed mentions them for refunds but documents neither their format nor their
//!   signature, so this crate has no callback verification; poll with the query endpoints.
//!   Whatever notification you receive, treat it as a hint and confirm with a query: callbacks are
//!   retried by providers and handlers must be idempotent.
//!
//! ## Sandbox
//! Feature `sandbox`: [`sandbox::Sandbox`] runs a local gateway (tokens, the payment state
//! machine, refunds, shipping) for tests and offline work; `examples/quickstart.rs` runs the whole
//! flow against it, or against a real gateway when `ACQRA_BASE_URL`, `ACQRA_APP_ID` and
//! `ACQRA_SECRET` are set.
#![cfg_attr(docsrs, feature(doc_cfg))]

pub mod auth;
pub mod client;
pub mod config;
pub mod envelope;
pub mod error;
pub mod generated;
pub mod models_ext;
#[cfg(feature = "sandbox")]
pub mod sandbox;
pub mod token;

pub use client::Client;
pub use config::{AuthHeader, Config, ConfigBuilder};
pub use error::Error;
pub use generated::*;
pub use models_ext::GatewayRequest;
pub use sign_core::{Decimal, DecimalNumber, SecretString};
pub use token::AccessToken;

/// The README's example, compiled and run as a doctest.
#[cfg(all(doctest, feature = "sandbox"))]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
