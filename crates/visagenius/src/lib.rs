//! # visagenius
//!
//! A signed client for the VisaGenius Global open visa API (`/openvisa/...`), with a local
//! sandbox that behaves like the provider.
//!
//! ```
//! # #[cfg(feature = "sandbox")]
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! use visagenius::{Client, Config, Fen, OrderPayRequest, ProductBriefQueryRequest, ProductQueryRequest};
//! # let sandbox = visagenius::sandbox::Sandbox::start()?;
//! # let base_url = sandbox.base_url().to_owned();
//! # let (appid, access_key, secret_key) = ("vg-sandbox-app", "vg-sandbox-access-key", "vg-sandbox-secret-key");
//!
//! let client = Client::new(
//!     Config::builder().base_url(base_url).appid(appid).access_key(access_key).secret_key(secret_key).build()?,
//! )?;
//!
//! // 商品列表查询 -> 商品详情查询 -> 订单支付
//! let products = client.product_brief_query(&ProductBriefQueryRequest::new().with_country_code("KR"))?;
//! let first = products.data.unwrap_or_default().into_iter().next().and_then(|p| p.product_id);
//! if let Some(product_id) = first {
//!     let detail = client.product_query(&ProductQueryRequest::new(product_id))?;
//!     println!("{:?} costs {}", detail.product_name, detail.price.unwrap_or_default());
//! }
//! let paid = client.order_pay(&OrderPayRequest::new(1000012680, Fen::new(2000)))?;
//! println!("send the documents to {}", paid.express_address.detail_address);
//! # Ok(()) }
//! # #[cfg(not(feature = "sandbox"))] fn main() {}
//! ```
//!
//! ## How a call works
//!
//! [`Client::prepare`] serializes the request once, stamps it with `X-Date` (RFC 1123, GMT, from
//! the client's [`Clock`]), `X-Appid` and
//! `Authorization: Basic base64(hmac_sha1(secret_key, access_key + "\n" + appid + "\n" + date))`
//! (see [`auth`]), and returns the [`HttpRequest`] to send.
//! [`Client::parse`] turns the [`HttpResponse`] into the typed body or an
//! [`Error`] (see [`envelope`]). The blocking methods ([`Client::order_pay`] ...) are these two
//! halves around sign-core's ureq transport; from async code, send the prepared request with
//! your own HTTP client and call `parse`.
//!
//! ## Endpoints
//!
//! | method | provider endpoint | idempotent |
//! |---|---|---|
//! | [`Client::product_brief_query`] | 商品列表查询 `POST /openvisa/product_brief_query` | yes (retried) |
//! | [`Client::product_query`] | 商品详情查询 `POST /openvisa/product_query` | yes (retried) |
//! | [`Client::order_pay`] | 订单支付 `POST /openvisa/order_pay` | no: never retried once sent |
//! | [`Client::raw_call`] / [`Client::raw_call_json`] | any other endpoint, signed the same way | you say |
//!
//! The provider's navigation lists about 46 more endpoints (versions 1.0 and 2.0: 创建订单,
//! 提交申请人资料, 查询订单详情, 订单补差价, 订单退款, 上传文件, OCR, 账单获取, 配置获取 ...)
//! without publishing their paths or fields. This crate does not guess them: get the path and
//! fields from the provider, then call them with [`Client::raw_call`] (your own
//! `Serialize`/`Deserialize` types, or `serde_json::Value` with [`Client::raw_call_json`]); they are
//! signed and decoded exactly like the typed endpoints. The README lists every such endpoint by
//! its provider name.
//!
//! Amounts are [`Fen`] (integer 分), never floats: `Fen::new(2000)` is 20.00 CNY.
//!
//! ## What the provider leaves unspecified, and what this crate assumes
//!
//! - **Date header name.** The prose says `Date/X-Date`, the header table and sample send
//!   `X-Date`: the client sends `X-Date` only. The provider's example date
//!   `Wed, 21 Oct 2022 07:28:00 GMT` has a wrong weekday (21 Oct 2022 was a Friday); the client
//!   always writes the true weekday.
//! - **Clock skew.** The server refuses dates more than 5 minutes off. Keep the host clock in
//!   sync (NTP); the client does not correct for skew.
//! - **Failure statuses.** `ret == 0` is success; any other `ret` is [`Error::Api`] whatever the
//!   HTTP status (200 "接口异常", 400 "参数不正确", 503 "服务异常"). The `ret` values besides
//!   `0` and `-1` and the wording of `msg` are not public. A 400/503 without the envelope, and
//!   any other non-2xx status, is [`Error::HttpStatus`].
//! - **Product list items** show 13 fields on the provider's page of which only a few are
//!   named; `product_id`, `product_name` and `price` are assumed to have the same names as in the
//!   product detail. Every item field is optional.
//! - **Enumerations** (`visa_type_id` 1..30, `visa_form`, `need_interview`, `need_delivery`,
//!   `need_return_material`) are published without meanings and stay integers; `visa_country`,
//!   `cover_province` items and `elec_material` contents stay JSON.
//! - **Base URL.** Only the development host [`DEV_BASE_URL`] is published; there is no default.
//! - **Callbacks.** The provider lists 订单状态变更回调通知, 商品状态变更回调通知 and
//!   资料变更回调通知 without describing their body or any signature, so this crate has no
//!   callback verifier. If you expose such an endpoint, treat every notification as untrusted:
//!   re-read the order with a signed query before acting, and make the handler idempotent, since
//!   notifiers retry and the same notification can arrive many times.
//!
//! ## Retries and idempotency
//!
//! The default transport retries only when the request cannot have reached the server, and,
//! for the two product queries, after a timeout or a 5xx. `order_pay` is never repeated
//! automatically: after [`Error::Timeout`] (see [`Error::outcome_unknown`]) look the order up
//! before paying again.
//!
//! ## Features
//!
//! - `ureq` (default): [`Client::new`] with sign-core's blocking transport.
//! - `sandbox`: `sandbox::Sandbox`, a local server with the provider's rules, and the
//!   `quickstart` example.
#![cfg_attr(docsrs, feature(doc_cfg))]

pub mod auth;
mod client;
mod config;
pub mod envelope;
mod error;
pub mod generated;
mod models_ext;
mod money;
#[cfg(feature = "sandbox")]
#[cfg_attr(docsrs, doc(cfg(feature = "sandbox")))]
pub mod sandbox;

pub use client::Client;
pub use config::{Config, ConfigBuilder, DEV_BASE_URL};
pub use error::Error;
pub use generated::{
    ElecMaterial, ExpressAddress, OrderExpressAddress, OrderPayBody, OrderPayRequest, ProductBrief,
    ProductBriefQueryBody, ProductBriefQueryRequest, ProductQueryBody, ProductQueryRequest,
};
pub use money::{Fen, ParseFenError};
pub use sign_core::{Clock, FixedClock, HttpRequest, HttpResponse, SecretString, Transport};

/// The README's examples, compiled and run as doctests.
#[cfg(all(doctest, feature = "sandbox"))]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
