//! # sign-core
//!
//! The small shared core of the paykit SDKs: everything a provider crate needs to sign a request,
//! verify a response or callback, and move bytes over HTTP, and nothing provider-specific.
//!
//! | module | what it holds |
//! |---|---|
//! | [`secret`] | [`SecretString`]/[`SecretBytes`]: redacted, zeroized on drop, constant-time equality |
//! | [`digest`] | HMAC-SHA1, MD5 (hex), SHA-256 |
//! | [`encoding`] | Base64 (standard, URL-safe, lenient) and the canonical `k=v&k=v` join |
//! | `rsa` | RSA keys from PEM or bare Base64 DER, SHA256withRSA, chunked PKCS#1 v1.5 (feature `rust-crypto` or `aws-lc-rs`) |
//! | [`clock`] | an injectable [`Clock`], nonces, RFC 1123 dates |
//! | [`currency`] | [`Currency`]: ISO 4217 codes with their minor units, checked before sending |
//! | `decimal` | exact decimal amounts: money is never a float (feature `decimal`) |
//! | [`call`] | the call rules every provider follows: [`Outcome`], the envelope decision table, raw-call paths |
//! | [`check`] | the rules of the generated request validation (lengths, one of two fields, amounts) |
//! | [`lenient`] | tolerant readers of response fields: a string or a number, one value or a list |
//! | [`http`] | sans-IO [`HttpRequest`]/[`HttpResponse`], the [`Transport`] and [`Endpoint`] traits |
//! | [`replay`] | the replay guard of the callback verifiers: a bounded store on the monotonic clock |
//! | [`options`] | base URL rules, header safety, [`HttpOptions`] (timeouts, [`RetryPolicy`], body limit) |
//! | `transport` | the blocking ureq transport with timeouts and a body limit, sending once (feature `ureq`) |
//! | [`async_transport`] | [`AsyncTransport`]: the async twin of [`Transport`], naming no runtime |
//! | `reqwest_transport` | the async reqwest transport with the blocking one's guarantees (feature `reqwest`) |
//! | [`error`] | error types that keep transport, status, decode and crypto failures apart |
//!
//! ```
//! use sign_core::{digest, encoding};
//! let mac = digest::hmac_sha1(b"key", b"The quick brown fox jumps over the lazy dog");
//! assert_eq!(encoding::base64_std(&mac), "3nybhbi3iqa8ino29wqQcBydtNk=");
//! ```
#![doc = include_str!("../README.md")]
#![cfg_attr(docsrs, feature(doc_cfg))]

pub mod async_transport;
pub mod call;
pub mod check;
mod client_macros;
pub mod clock;
pub mod currency;
#[cfg(feature = "decimal")]
#[cfg_attr(docsrs, doc(cfg(feature = "decimal")))]
pub mod decimal;
pub mod digest;
pub mod encoding;
pub mod error;
pub mod http;
pub mod lenient;
pub mod options;
pub mod replay;
#[cfg(feature = "reqwest")]
#[cfg_attr(docsrs, doc(cfg(feature = "reqwest")))]
pub mod reqwest_transport;
pub mod retry;
#[cfg(any(feature = "rust-crypto", feature = "aws-lc-rs"))]
#[cfg_attr(docsrs, doc(cfg(any(feature = "rust-crypto", feature = "aws-lc-rs"))))]
pub mod rsa;
pub mod secret;
pub mod trace;
#[cfg(feature = "ureq")]
pub mod transport;

pub use async_transport::AsyncTransport;
pub use call::Outcome;
pub use clock::{Clock, FixedClock, SystemClock};
pub use currency::Currency;
#[cfg(feature = "decimal")]
pub use decimal::{Decimal, DecimalNumber};
pub use error::{CryptoError, DecodeError, Error, InvalidRequest, KeyError, TransportError, TransportErrorKind};
pub use http::{Endpoint, HeaderPair, HttpRequest, HttpResponse, Method, NoTransport, Transport};
pub use options::HttpOptions;
#[cfg(feature = "reqwest")]
pub use reqwest_transport::ReqwestTransport;
pub use retry::RetryPolicy;
pub use secret::{SecretBytes, SecretString};
#[cfg(feature = "ureq")]
pub use transport::UreqTransport;
/// Re-exported: decrypted plaintexts are returned as [`zeroize::Zeroizing`] buffers, wiped on drop.
pub use zeroize;
