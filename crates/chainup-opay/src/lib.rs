//! Client, callback handling and sandbox for ChainUP opay crypto payments (RSA-encrypted,
//! RSA-signed envelopes).
//!
//! Every call is a `POST` of the envelope `{app_id, data, sign, time}`: `data` is the business
//! JSON encrypted for the platform, `sign` the merchant's signature over it (see [`auth`]).
//! Responses `{code, msg, data, sign}` and payment callbacks come back the same way and are
//! decrypted with the merchant private key and verified with the platform public key before
//! anything is returned.
//!
//! # Quick example
//!
//! Against the bundled sandbox (feature `sandbox`); for a real server build the [`Config`] from
//! your base URL, AppKey and the two keys instead (see the README).
//!
//! ```
//! # #[cfg(feature = "sandbox")] {
//! use chainup_opay::sandbox::Sandbox;
//! use chainup_opay::{Client, CreateThirdOrderRequest, OrderDetailRequest, OrderStatus, Payer};
//!
//! let sandbox = Sandbox::start()?;
//! let client = sandbox.client()?;
//!
//! let order = CreateThirdOrderRequest::for_payer(
//!     Payer::UserId("22033390".into()),
//!     "merchant-order-1",
//!     "10.5".parse::<sign_core::Decimal>()?,
//!     "USDT",
//!     "https://merchant.example.com/paid",
//!     "https://merchant.example.com/opay/notify",
//! );
//! let order_num = client.create_order(&order)?.order_num.0;
//! let url = client.payment_page(order_num.clone(), Payer::UserId("22033390".into())).url();
//! assert!(url.contains("/platform/pay.html?appKey="));
//!
//! let detail = client.order_detail(&OrderDetailRequest::new(client.app_key(), order_num))?;
//! assert_eq!(detail.order_status, OrderStatus::Pending);
//! # }
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! From async code, or with your own HTTP client: [`Client::prepare`] gives the fully
//! encrypted and signed [`sign_core::HttpRequest`]; send it however you like and hand the
//! response to [`Client::parse`].
//!
//! # Payment callbacks
//!
//! The platform POSTs the same envelope to the order's `notifyPage`. Pass the raw body to
//! [`Client::verify_notification`]; on `Ok` process the [`PayNotification`] and answer HTTP 200
//! with [`Client::notification_reply`]; on `Err` answer an HTTP error and do nothing.
//!
//! - **Process each `orderNum` once.** Like every payment platform, opay can deliver a callback
//!   more than once (our reply may be lost, the platform may retry), and the envelope's `time`
//!   is *not* signed, so a captured callback can be replayed with any `time`. Make the handler
//!   idempotent: record the `orderNum` and its final status in the same transaction that
//!   fulfils the order, and treat a repeat as already done. When in doubt, confirm with
//!   [`Client::order_detail`].
//! - [`ConfigBuilder::callback_max_age`] can reject callbacks whose `time` is far from now. It is
//!   off by default and weak (the attacker chooses the unsigned `time`); it is no substitute for
//!   idempotency.
//! - Every rejection is the same [`Error::CallbackRejected`]: the error does not say whether the
//!   decryption or the signature failed (see below).
//!
//! # Security: RSA decryption of attacker-controlled input
//!
//! Callback handling decrypts `data` that anyone can POST, with the merchant private key. The
//! classic risk is a padding oracle (Bleichenbacher): if the answer or its timing reveals
//! whether the PKCS#1 v1.5 padding of a forged ciphertext was valid, an attacker with many
//! queries can decrypt captured traffic or forge signatures with the key. This crate:
//!
//! - runs the signature check even when decryption failed (over a stand-in of the same length),
//!   decrypts every block even after one failed, and returns one opaque error for every
//!   failure, so neither the error value nor an early return tells the padding result;
//! - never reveals decrypted bytes of an unverified message.
//!
//! What remains, honestly: the private-key operation of the `rsa` crate (0.9.10, used through
//! sign-core) is not constant time. RUSTSEC-2023-0071 ("Marvin") warns that its timing is
//! observable over the network and may allow recovery of the private key; the advisory lists
//! no patched version (the 0.10 pre-releases are flagged too). Uniform errors do not remove a
//! timing difference inside the RSA operation itself, so an attacker who can send many
//! callbacks and time the answers precisely may still learn from them. Mitigations on your side:
//! rate-limit the callback endpoint and alert on bursts of rejections, keep it behind TLS and
//! off shared hosts, answer rejections after a uniform delay if you can, and keep the merchant
//! key dedicated to opay (rotate it if you suspect abuse). The crate will move to a
//! constant-time RSA implementation once one is released.
//!
//! # What the provider leaves unspecified, and what this crate assumes
//!
//! - **Callback reply**: not published. The crate answers `success`
//!   ([`DEFAULT_CALLBACK_REPLY`]); change it with [`ConfigBuilder::callback_reply`].
//! - **`time`**: the demo sends a JSON number, the table says String. Default: number;
//!   [`ConfigBuilder::time_format`] switches. It is not signed.
//! - **Cancel path**: the seed lists `/opay/cancelOrder` without the
//!   `/platformapi/chainup/open` prefix the other endpoints have. The crate uses the documented
//!   path; override any path with [`ConfigBuilder::path`].
//! - **Failure envelope**: only `code == "0"` means success; anything else becomes
//!   [`Error::Api`] with the provider's `code` and `msg` (codes are not published). A numeric
//!   `code` is accepted too.
//! - **Response field types**: not published. Identifiers, counters and timestamps are read as
//!   text whether sent as strings or numbers ([`FlexString`]); amounts are exact decimals read
//!   from strings or numbers; `orderStatus` is read from `"3"` or `3` ([`OrderStatus`]).
//! - **`cancelOrder` result**: not published; returned as raw JSON (`null` when the success
//!   envelope has no `data`). Success envelopes with `data` are always decrypted and verified;
//!   one without `data` carries nothing to verify.
//! - **`createThirdOrder`**: the seed marks both `openId` and `userId` as required but says
//!   either one must exist; [`CreateThirdOrderRequest::for_payer`] takes a [`Payer`] so one is
//!   always set, and the client refuses a request with neither. The scraped table shows an
//!   `appKey` name without its row; the crate sends it only when set (`with_app_key`).
//! - **`merchantBillingDay`**: every parameter is documented as optional in prose although the
//!   table says "YES"; all are optional here.
//! - **Callback fields**: the seed marks `returnUrl` as present; the crate tolerates its absence.
//! - **Idempotency**: `createThirdOrder` and `cancelOrder` are not retried once they may have
//!   reached the server; when [`Error::outcome_unknown`] says a failed one may have been
//!   processed (timeout, 5xx, unreadable response), query with `order_detail` first. Queries are retried under the configured [`sign_core::RetryPolicy`].
#![cfg_attr(docsrs, feature(doc_cfg))]

pub mod auth;
pub mod callback;
pub mod client;
pub mod config;
pub mod envelope;
pub mod error;
pub mod generated;
#[cfg(feature = "sandbox")]
#[cfg_attr(docsrs, doc(cfg(feature = "sandbox")))]
pub mod sandbox;
mod types_ext;

pub use client::Client;
pub use config::{Config, ConfigBuilder, DEFAULT_CALLBACK_REPLY, TimeFormat};
pub use error::Error;
pub use generated::*;
pub use types_ext::{FlexString, OpayRequest, OrderStatus, PAYMENT_PAGE_PATH, Payer, PaymentPage};

#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
