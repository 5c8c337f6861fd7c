//! A local ChainUP opay (feature `sandbox`): an in-process server on `127.0.0.1` that behaves
//! like the platform for every documented endpoint.
//!
//! - It holds its own platform key pair and the merchant's public key, decrypts every request's
//!   `data` and verifies its `sign` with its own implementation of the envelope rule (not the
//!   client's), and answers with encrypted, signed envelopes.
//! - It keeps orders: `createThirdOrder` makes a pending order; [`Sandbox::pay`],
//!   [`Sandbox::fail`] and [`Sandbox::close`] settle it and POST an encrypted, signed callback to
//!   its `notifyPage`, waiting for the answer on the calling thread;
//!   [`Sandbox::pay_in_background`] (and `fail_`/`close_in_background`) return at once and
//!   deliver from the sandbox's own thread, as vip-charge's sandbox does, so that a handler served
//!   on the caller's thread (a single-threaded async test) can answer; see
//!   [`Sandbox::wait_for_deliveries`]. `cancelOrder` closes a pending order.
//! - Faults ([`Sandbox::faults`]): plan a late answer, a lost answer, an HTTP status or an opay
//!   refusal envelope (`{"code", "msg", "data": null}`, HTTP 200) for the next call or the next
//!   call to a path, to test the "may have gone through" paths.
//! - `orderDetail` and `merchantBillingDay` read that state; `GET /platform/pay.html` shows a
//!   payment page for a valid order and payer.
//!
//! Failure codes are the sandbox's own (the provider's are not public); each failure is a
//! `{"code", "msg"}` envelope with HTTP 200:
//!
//! | code | meaning |
//! |---|---|
//! | `1001` | malformed envelope (not JSON, a missing field, `time` not milliseconds) |
//! | `1002` | unknown `app_id` |
//! | `1003` | `data` does not decrypt or `sign` does not verify |
//! | `1004` | invalid business parameter |
//! | `1005` | order not found |
//! | `1006` | order is not pending |
//! | `1007` | duplicate `appOrderId` |
//!
//! Dates in statements are UTC.
//!
//! ## Answers in the document's shape, or in both shapes on request
//!
//! The provider publishes no response types, and its tables say String. By default the sandbox
//! answers as they do: `createThirdOrder`, `orderDetail`, `cancelOrder` and statement records
//! carry ids, statuses, amounts and times as strings, and `orderDetail` every field the
//! documents list (`userId` when the order has one, `showPrecision`, `googleStatus`,
//! `isOpenMobileCheck`, `totalAccount`). Callbacks have their published table's shape: all five
//! fields required Strings, `time` too.
//!
//! Its servers (Java) may send numbers where the tables say String. With
//! [`SandboxBuilder::variant_shapes`] the sandbox answers in both shapes, by order number, so that
//! every flow meets both: for an order with an **odd** number the answers above carry ids,
//! statuses, amounts and times as JSON numbers and leave out the optional fields; for an
//! **even** number they keep the document's shape. The first order of a sandbox is odd
//! (`10000000001`). Callbacks keep their table's shape either way.
//!
//! It reads requests leniently too: numbers where strings are documented, and `appKey` in
//! `createThirdOrder` when sent (it must then be the merchant's app key).
//!
//! ```no_run
//! use chainup_opay::sandbox::Sandbox;
//! use chainup_opay::Client;
//! let sandbox = Sandbox::start()?;
//! let client = sandbox.client()?; // or Client::new(sandbox.config_builder().build()?)
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod crypto;
mod platform;

use std::collections::BTreeMap;
use std::sync::{Arc, Condvar, Mutex};
use std::time::Duration;

use rsa::{RsaPrivateKey, RsaPublicKey};
pub use sandbox_server::{Fault, Faults, Hooks, Listen, poll_until};
use sandbox_server::{SandboxServer, refuse_because};
use serde_json::{Value, json};
use sign_core::decimal::rust_decimal;
use sign_core::{Clock, HttpRequest, HttpResponse, Method, SecretString, SystemClock, Transport};

use crate::config::{ConfigBuilder, DEFAULT_CALLBACK_REPLY};
use crate::generated::OrderStatus;
use crate::{Client, Error};

/// The app key the sandbox accepts unless told otherwise.
pub const SANDBOX_APP_KEY: &str = "sandbox-app-key";

const PREFIX: &str = "/platformapi/chainup/open";

/// The key material of a sandbox. `Debug` never shows private keys.
#[derive(Clone)]
pub struct SandboxKeys {
    platform_private: RsaPrivateKey,
    merchant_public: RsaPublicKey,
    merchant_private: Option<SecretString>,
}

impl std::fmt::Debug for SandboxKeys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SandboxKeys").field("merchant_private_known", &self.merchant_private.is_some()).finish()
    }
}

impl SandboxKeys {
    /// Fresh RSA-2048 key pairs for the platform and the merchant.
    pub fn generate() -> std::io::Result<Self> {
        let platform_private = crypto::generate().map_err(std::io::Error::other)?;
        let merchant = crypto::generate().map_err(std::io::Error::other)?;
        let merchant_private = crypto::private_to_base64(&merchant).map_err(std::io::Error::other)?;
        Ok(Self {
            platform_private,
            merchant_public: merchant.to_public_key(),
            merchant_private: Some(merchant_private.into()),
        })
    }

    /// Given keys (PKCS#8 / SPKI, PEM or bare Base64 DER): the platform's private key, the
    /// merchant's public key and, optionally, the merchant's private key (only used by
    /// [`Sandbox::config_builder`]).
    pub fn new(platform_private: &str, merchant_public: &str, merchant_private: Option<&str>) -> std::io::Result<Self> {
        Ok(Self {
            platform_private: crypto::private_from_text(platform_private).map_err(std::io::Error::other)?,
            merchant_public: crypto::public_from_text(merchant_public).map_err(std::io::Error::other)?,
            merchant_private: merchant_private.map(SecretString::from),
        })
    }

    /// The platform public key as bare Base64 SPKI DER (the form the provider hands out).
    pub fn platform_public_key(&self) -> String {
        crypto::public_to_base64(&self.platform_private.to_public_key()).unwrap_or_default()
    }

    /// The merchant private key (PKCS#8, bare Base64 DER), when the sandbox knows it: generated
    /// keys, or given to [`SandboxKeys::new`].
    pub fn merchant_private_key(&self) -> Option<SecretString> {
        self.merchant_private.clone()
    }
}

/// An order as the sandbox holds it.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct SandboxOrder {
    /// The platform order number.
    pub order_num: String,
    /// The merchant's order id.
    pub app_order_id: String,
    /// The amount.
    pub order_amount: sign_core::Decimal,
    /// The coin.
    pub pay_coin_symbol: String,
    /// The payer's openId, if given.
    pub open_id: Option<String>,
    /// The payer's userId, if given.
    pub user_id: Option<String>,
    /// The status.
    pub status: OrderStatus,
    /// Where callbacks go.
    pub notify_page: String,
    /// The merchant's return page.
    pub return_page: String,
    /// Creation time, epoch milliseconds.
    pub created_ms: i64,
    /// Payment time, epoch milliseconds.
    pub paid_ms: Option<i64>,
}

/// The outcome of one callback delivery.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Delivery {
    /// The merchant's HTTP status.
    pub status: u16,
    /// The merchant's reply body.
    pub body: String,
    /// Whether the reply was a 2xx with the expected reply body (the platform would stop
    /// retrying).
    pub acknowledged: bool,
}

/// What a sandbox operation failed on.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum SandboxError {
    /// No such order.
    #[error("unknown order")]
    UnknownOrder,
    /// The order is no longer pending.
    #[error("order is {0}, not pending")]
    NotPending(OrderStatus),
    /// The callback could not be delivered.
    #[error("callback delivery failed: {0}")]
    Delivery(sign_core::TransportError),
    /// The callback could not be encrypted or signed.
    #[error("callback could not be sealed: {0}")]
    Seal(String),
}

/// One callback delivered in the background ([`Sandbox::pay_in_background`] and the like).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct BackgroundDelivery {
    /// The order the callback reported.
    pub order_num: String,
    /// The merchant's answer, or why none came (the text of the transport error).
    pub result: Result<Delivery, String>,
}

struct State {
    orders: BTreeMap<String, SandboxOrder>,
    next_order_num: u64,
    deliveries: Vec<BackgroundDelivery>,
}

struct Core {
    app_key: String,
    hooks: Hooks,
    /// Where every callback goes instead of the order's `notifyPage`, if set.
    notify_override: Option<String>,
    /// Whether answers come in both shapes by order number ([`SandboxBuilder::variant_shapes`]).
    variant_shapes: bool,
    keys: SandboxKeys,
    state: Mutex<State>,
    deliveries_changed: Condvar,
    clock: Arc<dyn Clock>,
    expected_reply: String,
    faults: Faults,
}

/// A running sandbox. Dropping it stops the server.
pub struct Sandbox {
    core: Arc<Core>,
    server: SandboxServer,
}

impl std::fmt::Debug for Sandbox {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Sandbox").field("base_url", &self.server.base_url()).finish_non_exhaustive()
    }
}

/// `None` for a success (`code` "0", or a 2xx page), else opay's `code` and `msg`.
fn refusal_message(response: &HttpResponse) -> Option<String> {
    let doc: Value = serde_json::from_slice(&response.body).unwrap_or(Value::Null);
    match (doc.get("code"), response.is_success()) {
        (Some(Value::String(code)), _) if code == "0" => None,
        (Some(code), _) => Some(format!("{} (code {code})", doc["msg"].as_str().unwrap_or("?"))),
        (None, true) => None,
        (None, false) => Some(format!("HTTP {}: {}", response.status, String::from_utf8_lossy(&response.body))),
    }
}

fn failure(code: &str, msg: &str) -> HttpResponse {
    HttpResponse::json(200, json!({ "code": code, "msg": msg, "data": null }).to_string())
}

fn format_ms(ms: i64, with_time: bool) -> String {
    let t = time::OffsetDateTime::from_unix_timestamp_nanos(i128::from(ms) * 1_000_000)
        .unwrap_or(time::OffsetDateTime::UNIX_EPOCH);
    let date = format!("{:04}-{:02}-{:02}", t.year(), u8::from(t.month()), t.day());
    if with_time { format!("{date} {:02}:{:02}:{:02}", t.hour(), t.minute(), t.second()) } else { date }
}

/// The two layouts opay writes (`2026-11-30 08:00:00`, `2026-11-30`), parsed at run time: `time`'s
/// format macros are not worth a proc-macro in the build.
const DATE_TIME: &str = "[year]-[month]-[day] [hour]:[minute]:[second]";
const DATE: &str = "[year]-[month]-[day]";

fn parse_ms(text: &str, with_time: bool) -> Option<i64> {
    let t = if with_time {
        time::PrimitiveDateTime::parse(text, &time::format_description::parse(DATE_TIME).ok()?).ok()?
    } else {
        time::Date::parse(text, &time::format_description::parse(DATE).ok()?).ok()?.midnight()
    };
    Some((t.assume_utc().unix_timestamp_nanos() / 1_000_000) as i64)
}

/// With the variant shapes, whether the sandbox answers about `order_num` with numbers and without
/// optional fields (odd order numbers) or with strings and every field (even ones). See the
/// module docs.
fn numeric(order_num: &str) -> bool {
    order_num.bytes().last().is_some_and(|b| b.is_ascii_digit() && (b - b'0') % 2 == 1)
}

/// The sandbox's own wire values of the documented statuses (1 pending payment, 2 payment failed,
/// 3 payment successful, 0 closed), independent of the client's enum mapping.
fn status_code(status: &OrderStatus) -> i64 {
    match status {
        OrderStatus::Closed => 0,
        OrderStatus::Pending => 1,
        OrderStatus::Failed => 2,
        OrderStatus::Paid => 3,
        _ => -1,
    }
}

fn status_word(status: &OrderStatus) -> &'static str {
    match status {
        OrderStatus::Closed => "closed",
        OrderStatus::Pending => "pending payment",
        OrderStatus::Failed => "payment failed",
        OrderStatus::Paid => "paid",
        _ => "unknown",
    }
}

/// A status as a JSON number or as a string.
fn status_value(status: &OrderStatus, numeric: bool) -> Value {
    let code = status_code(status);
    if numeric { Value::from(code) } else { Value::from(code.to_string()) }
}

/// A decimal-digit id as a JSON number, or as it is.
fn id_value(id: &str, numeric: bool) -> Value {
    match id.parse::<u64>() {
        Ok(n) if numeric => Value::from(n),
        _ => Value::from(id),
    }
}

/// An amount as a JSON number (when the number writes back to the same digits), or as a string.
fn amount_value(amount: &sign_core::Decimal, numeric: bool) -> Value {
    let text = amount.to_string();
    if numeric {
        if let Ok(i) = text.parse::<i64>() {
            return Value::from(i);
        }
        if let Some(n) = text.parse::<f64>().ok().and_then(serde_json::Number::from_f64) {
            if n.to_string() == text {
                return Value::Number(n);
            }
        }
    }
    Value::from(text)
}

/// A time as epoch milliseconds (a JSON number) or as `yyyy-MM-dd HH:mm:ss` text.
fn time_value(ms: i64, numeric: bool) -> Value {
    if numeric { Value::from(ms) } else { Value::from(format_ms(ms, true)) }
}

/// A string field of the business JSON (numbers accepted as text, as lenient servers do).
fn text(params: &Value, name: &str) -> Option<String> {
    match params.get(name)? {
        Value::String(s) if !s.trim().is_empty() => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// Builder for a [`Sandbox`]: app key, keys, address, callback address.
#[derive(Debug, Default)]
pub struct SandboxBuilder {
    app_key: Option<String>,
    keys: Option<SandboxKeys>,
    listen: Listen,
    notify_override: Option<String>,
    variant_shapes: bool,
}

impl SandboxBuilder {
    /// The app key the sandbox accepts (default [`SANDBOX_APP_KEY`]).
    pub fn app_key(mut self, app_key: impl Into<String>) -> Self {
        self.app_key = Some(app_key.into());
        self
    }

    /// The keys (default: fresh ones, [`SandboxKeys::generate`]).
    pub fn keys(mut self, keys: SandboxKeys) -> Self {
        self.keys = Some(keys);
        self
    }

    /// Where to listen (default: a free port of `127.0.0.1`).
    pub fn listen(mut self, listen: Listen) -> Self {
        self.listen = listen;
        self
    }

    /// Sends every callback to `url` instead of the order's `notifyPage` (a test environment
    /// whose merchant gives its public address as `notifyPage`).
    pub fn notify_url_override(mut self, url: impl Into<String>) -> Self {
        self.notify_override = Some(url.into());
        self
    }

    /// Whether the answers come in both shapes, by order number (default `false`: every answer
    /// in the document's shape). With `true`, answers about an odd order number carry numbers
    /// where the tables say String and leave out the optional fields, as a Java backend may: what
    /// a tolerant client must read, and a client written strictly from the document would not.
    pub fn variant_shapes(mut self, on: bool) -> Self {
        self.variant_shapes = on;
        self
    }

    /// Starts the sandbox.
    ///
    /// # Errors
    /// When keys cannot be generated or the socket cannot be opened.
    pub fn start(self) -> std::io::Result<Sandbox> {
        let keys = match self.keys {
            Some(keys) => keys,
            None => SandboxKeys::generate()?,
        };
        Sandbox::start_core(
            self.app_key.as_deref().unwrap_or(SANDBOX_APP_KEY),
            keys,
            &self.listen,
            self.notify_override,
            self.variant_shapes,
        )
    }
}

impl Sandbox {
    /// Starts a sandbox with fresh keys and the app key [`SANDBOX_APP_KEY`].
    pub fn start() -> std::io::Result<Self> {
        Self::start_with(SANDBOX_APP_KEY, SandboxKeys::generate()?)
    }

    /// A builder: app key, keys, address, callback address.
    pub fn builder() -> SandboxBuilder {
        SandboxBuilder::default()
    }

    /// Starts a sandbox accepting `app_key` with the given keys.
    pub fn start_with(app_key: &str, keys: SandboxKeys) -> std::io::Result<Self> {
        Self::start_core(app_key, keys, &Listen::default(), None, false)
    }

    fn start_core(
        app_key: &str,
        keys: SandboxKeys,
        listen: &Listen,
        notify_override: Option<String>,
        variant_shapes: bool,
    ) -> std::io::Result<Self> {
        let core = Arc::new(Core {
            app_key: app_key.to_owned(),
            hooks: Hooks::new(),
            notify_override,
            variant_shapes,
            keys,
            state: Mutex::new(State {
                orders: BTreeMap::new(),
                next_order_num: 10_000_000_001,
                deliveries: Vec::new(),
            }),
            deliveries_changed: Condvar::new(),
            clock: Arc::new(SystemClock),
            expected_reply: DEFAULT_CALLBACK_REPLY.to_owned(),
            faults: Faults::new(),
        });
        let c = Arc::clone(&core);
        let server = listen
            .start(move |req| c.hooks.serve(&req, |r| c.faults.apply(r, |r| c.handle(r), failure), refusal_message))?;
        Ok(Self { core, server })
    }

    /// The request log and extension points of the server (see [`Hooks`]): every request over
    /// the socket and every callback is logged with its verdict.
    pub fn hooks(&self) -> &Hooks {
        &self.core.hooks
    }

    /// Whether answers come in both shapes by order number ([`SandboxBuilder::variant_shapes`]).
    pub fn variant_shapes(&self) -> bool {
        self.core.variant_shapes
    }

    /// The app key the sandbox accepts.
    pub fn app_key(&self) -> &str {
        &self.core.app_key
    }

    /// Every order, oldest first.
    pub fn orders(&self) -> Vec<SandboxOrder> {
        self.core.lock().orders.values().cloned().collect()
    }

    /// The orders and the next order number, as JSON for a state file.
    pub fn export_state(&self) -> Value {
        let state = self.core.lock();
        let orders: Vec<Value> = state
            .orders
            .values()
            .map(|o| {
                json!({
                    "order_num": o.order_num,
                    "app_order_id": o.app_order_id,
                    "order_amount": o.order_amount.to_string(),
                    "pay_coin_symbol": o.pay_coin_symbol,
                    "open_id": o.open_id,
                    "user_id": o.user_id,
                    "status": status_code(&o.status),
                    "notify_page": o.notify_page,
                    "return_page": o.return_page,
                    "created_ms": o.created_ms,
                    "paid_ms": o.paid_ms,
                })
            })
            .collect();
        json!({ "orders": orders, "next_order_num": state.next_order_num })
    }

    /// Replaces the orders with those of `state` (from [`export_state`](Self::export_state)).
    ///
    /// # Errors
    /// `state` is not such a document; nothing is changed then.
    pub fn import_state(&self, state: &Value) -> Result<(), String> {
        let text =
            |o: &Value, k: &str| o[k].as_str().map(str::to_owned).ok_or_else(|| format!("an order lacks {k}: {o}"));
        let mut orders = BTreeMap::new();
        for o in state["orders"].as_array().ok_or("no `orders` list")? {
            let status = match o["status"].as_i64() {
                Some(0) => OrderStatus::Closed,
                Some(1) => OrderStatus::Pending,
                Some(2) => OrderStatus::Failed,
                Some(3) => OrderStatus::Paid,
                _ => return Err(format!("an order's status is not 0 to 3: {o}")),
            };
            let order = SandboxOrder {
                order_num: text(o, "order_num")?,
                app_order_id: text(o, "app_order_id")?,
                order_amount: text(o, "order_amount")?.parse().map_err(|_| format!("order_amount: {o}"))?,
                pay_coin_symbol: text(o, "pay_coin_symbol")?,
                open_id: o["open_id"].as_str().map(str::to_owned),
                user_id: o["user_id"].as_str().map(str::to_owned),
                status,
                notify_page: text(o, "notify_page")?,
                return_page: text(o, "return_page")?,
                created_ms: o["created_ms"].as_i64().ok_or_else(|| format!("created_ms: {o}"))?,
                paid_ms: o["paid_ms"].as_i64(),
            };
            orders.insert(order.order_num.clone(), order);
        }
        let next = state["next_order_num"].as_u64().ok_or("no `next_order_num`")?;
        let mut current = self.core.lock();
        current.orders = orders;
        current.next_order_num = next;
        Ok(())
    }

    /// Back to a fresh sandbox: no orders, no deliveries recorded, no planned faults (the keys
    /// stay).
    pub fn reset(&self) {
        let mut state = self.core.lock();
        state.orders.clear();
        state.deliveries.clear();
        state.next_order_num = 10_000_000_001;
        drop(state);
        self.core.faults.clear();
    }

    /// [`Sandbox::deliver`] from the sandbox's own thread: returns at once, the result goes to
    /// [`Sandbox::deliveries`].
    ///
    /// # Errors
    /// [`SandboxError::UnknownOrder`], or a callback that cannot be sealed.
    pub fn deliver_in_background(&self, order_num: &str) -> Result<(), SandboxError> {
        let request = self.notification_request(order_num)?;
        self.core.spawn_delivery(order_num.to_owned(), request);
        Ok(())
    }

    /// The base URL, e.g. `http://127.0.0.1:41234`.
    pub fn base_url(&self) -> &str {
        self.server.base_url()
    }

    /// The faults planned for the next calls (see [`Fault`]): [`Faults::next_call`] or
    /// [`Faults::on_path`] (a full path, e.g. `/platformapi/chainup/open/opay/createThirdOrder`).
    /// A [`Fault::ProviderError`] is answered with opay's refusal envelope
    /// (`{"code", "msg", "data": null}`, HTTP 200), which the client reads as [`Error::Api`].
    /// Faults apply to requests over HTTP, not to [`Sandbox::handle`].
    pub fn faults(&self) -> &Faults {
        &self.core.faults
    }

    /// The keys.
    pub fn keys(&self) -> &SandboxKeys {
        &self.core.keys
    }

    /// A configuration builder preset for this sandbox: its URL, app key, the platform public key
    /// and (when the sandbox knows it) the merchant private key. Adjust it, then `build()`.
    pub fn config_builder(&self) -> ConfigBuilder {
        let builder = ConfigBuilder::default()
            .base_url(self.base_url())
            .app_key(self.core.app_key.clone())
            .platform_public_key(self.core.keys.platform_public_key());
        match &self.core.keys.merchant_private {
            Some(k) => builder.merchant_private_key(k.clone()),
            None => builder,
        }
    }

    /// A client for this sandbox over the real HTTP transport ([`Sandbox::config_builder`] as is).
    ///
    /// # Errors
    /// As [`ConfigBuilder::build`] (a sandbox started with
    /// [`SandboxKeys::new`] without the merchant private key has no complete configuration).
    pub fn client(&self) -> Result<Client, Error> {
        Ok(Client::new(self.config_builder().build()?))
    }

    /// Answers one request without a socket (what the server does for each request).
    pub fn handle(&self, request: &HttpRequest) -> HttpResponse {
        self.core.handle(request)
    }

    /// A snapshot of one order.
    pub fn order(&self, order_num: &str) -> Option<SandboxOrder> {
        self.core.lock().orders.get(order_num).cloned()
    }

    /// Pays a pending order and delivers the callback to its `notifyPage`, waiting for the answer
    /// on the calling thread. Do not call it from the thread that serves `notifyPage` (a
    /// single-threaded async runtime, for example): the delivery would wait for itself. Use
    /// [`Sandbox::pay_in_background`] there.
    pub fn pay(&self, order_num: &str) -> Result<Delivery, SandboxError> {
        self.settle(order_num, OrderStatus::Paid)
    }

    /// Fails a pending order's payment and delivers the callback.
    pub fn fail(&self, order_num: &str) -> Result<Delivery, SandboxError> {
        self.settle(order_num, OrderStatus::Failed)
    }

    /// Closes a pending order (as on expiry) and delivers the callback.
    pub fn close(&self, order_num: &str) -> Result<Delivery, SandboxError> {
        self.settle(order_num, OrderStatus::Closed)
    }

    /// Pays a pending order and returns at once; the callback is delivered from the sandbox's own
    /// thread (as vip-charge's sandbox does), so the thread that serves `notifyPage` stays free,
    /// e.g. in a `#[tokio::test]` on a current-thread runtime. Follow it with
    /// [`Sandbox::wait_for_deliveries`] (off the runtime thread, or with `spawn_blocking`) or
    /// [`Sandbox::deliveries`].
    ///
    /// # Errors
    /// [`SandboxError::UnknownOrder`] or [`SandboxError::NotPending`]; a failed delivery is
    /// recorded in [`Sandbox::deliveries`].
    pub fn pay_in_background(&self, order_num: &str) -> Result<(), SandboxError> {
        self.settle_in_background(order_num, OrderStatus::Paid)
    }

    /// [`Sandbox::fail`], delivering from the sandbox's own thread (see
    /// [`Sandbox::pay_in_background`]).
    pub fn fail_in_background(&self, order_num: &str) -> Result<(), SandboxError> {
        self.settle_in_background(order_num, OrderStatus::Failed)
    }

    /// [`Sandbox::close`], delivering from the sandbox's own thread (see
    /// [`Sandbox::pay_in_background`]).
    pub fn close_in_background(&self, order_num: &str) -> Result<(), SandboxError> {
        self.settle_in_background(order_num, OrderStatus::Closed)
    }

    /// The callbacks delivered in the background so far, in order.
    pub fn deliveries(&self) -> Vec<BackgroundDelivery> {
        self.core.lock().deliveries.clone()
    }

    /// Waits until `done` holds for the background deliveries, or `timeout` passes; returns them
    /// at that point (check them: a timeout is not an error here). Blocks the calling thread.
    pub fn wait_for_deliveries(
        &self,
        timeout: Duration,
        done: impl Fn(&[BackgroundDelivery]) -> bool,
    ) -> Vec<BackgroundDelivery> {
        let state = self.core.lock();
        let state = sandbox_server::wait_for(state, &self.core.deliveries_changed, timeout, |s| done(&s.deliveries));
        state.deliveries.clone()
    }

    fn settle_in_background(&self, order_num: &str, status: OrderStatus) -> Result<(), SandboxError> {
        self.mark(order_num, status)?;
        let request = self.notification_request(order_num)?;
        self.core.spawn_delivery(order_num.to_owned(), request);
        Ok(())
    }

    fn settle(&self, order_num: &str, status: OrderStatus) -> Result<Delivery, SandboxError> {
        self.mark(order_num, status)?;
        self.deliver(order_num)
    }

    fn mark(&self, order_num: &str, status: OrderStatus) -> Result<(), SandboxError> {
        {
            let mut state = self.core.lock();
            let order = state.orders.get_mut(order_num).ok_or(SandboxError::UnknownOrder)?;
            if order.status != OrderStatus::Pending {
                return Err(SandboxError::NotPending(order.status.clone()));
            }
            if status == OrderStatus::Paid {
                order.paid_ms = Some(self.core.clock.unix_millis());
            }
            order.status = status;
        }
        Ok(())
    }

    /// The callback for the order's current state, encrypted and signed, without sending it.
    ///
    /// Always in the document's shape, whatever the order number (the "both shapes" of the API
    /// answers are for answers only, whose types are not published): the callback's table gives
    /// every field, `time` and the five business parameters, as a required String, and a merchant
    /// endpoint written from it must be able to read what the sandbox sends.
    pub fn notification_request(&self, order_num: &str) -> Result<HttpRequest, SandboxError> {
        let order = self.order(order_num).ok_or(SandboxError::UnknownOrder)?;
        let business = json!({
            "outOrderId": order.app_order_id,
            "orderNum": order.order_num,
            "orderStatus": status_value(&order.status, false),
            "payAmount": amount_value(&order.order_amount, false),
            "returnUrl": order.return_page,
        });
        let plaintext = business.to_string();
        let (data, sign) =
            crypto::seal(plaintext.as_bytes(), &self.core.keys.merchant_public, &self.core.keys.platform_private)
                .map_err(SandboxError::Seal)?;
        let time = self.core.clock.unix_millis().to_string();
        let body = json!({ "app_id": self.core.app_key, "data": data, "sign": sign, "time": time });
        let url = self.core.notify_override.clone().unwrap_or(order.notify_page);
        Ok(HttpRequest::new(Method::Post, url)
            .with_header("Content-Type", "application/json")
            .with_body(body.to_string()))
    }

    /// (Re)delivers the order's callback, as the platform does until acknowledged.
    pub fn deliver(&self, order_num: &str) -> Result<Delivery, SandboxError> {
        let request = self.notification_request(order_num)?;
        self.core.send_callback(&request)
    }
}

impl Core {
    /// Whether the answer about `order_num` carries numbers and leaves out optional fields: only
    /// with the variant shapes, for an odd order number.
    fn numeric(&self, order_num: &str) -> bool {
        self.variant_shapes && numeric(order_num)
    }

    /// Sends the callback on a thread of its own. When the OS has no thread to give, the
    /// delivery is recorded as failed instead of a panic (the order is already settled; the admin
    /// interface can fire the callback again).
    fn spawn_delivery(self: &Arc<Self>, order_num: String, request: HttpRequest) {
        self.start_delivery(order_num, request, |deliver| {
            std::thread::Builder::new().name("chainup-notify".into()).spawn(deliver).map(drop)
        });
    }

    /// [`spawn_delivery`](Self::spawn_delivery) with the thread's start given (a test makes it fail).
    fn start_delivery(
        self: &Arc<Self>,
        order_num: String,
        request: HttpRequest,
        start: impl FnOnce(Box<dyn FnOnce() + Send>) -> std::io::Result<()>,
    ) {
        let core = Arc::clone(self);
        let failed_order = order_num.clone();
        let started = start(Box::new(move || {
            let result = core.send_callback(&request).map_err(|e| e.to_string());
            core.record_delivery(BackgroundDelivery { order_num, result });
        }));
        if started.is_err() {
            let result = Err("not sent: the sandbox could not start a delivery thread".to_owned());
            self.record_delivery(BackgroundDelivery { order_num: failed_order, result });
        }
    }

    fn record_delivery(&self, delivery: BackgroundDelivery) {
        self.lock().deliveries.push(delivery);
        self.deliveries_changed.notify_all();
    }

    fn send_callback(&self, request: &HttpRequest) -> Result<Delivery, SandboxError> {
        let transport = sign_core::UreqTransport::builder()
            .connect_timeout(Duration::from_secs(5))
            .timeout(Duration::from_secs(30))
            .build();
        let response = match transport.send(request) {
            Ok(response) => response,
            Err(e) => {
                self.hooks.record_callback(&request.url, 0, Err(format!("no answer: {e}")));
                return Err(SandboxError::Delivery(e));
            }
        };
        let body = String::from_utf8_lossy(&response.body).into_owned();
        let acknowledged = response.is_success() && body.trim() == self.expected_reply;
        let verdict = if acknowledged {
            Ok(())
        } else {
            Err(format!("not acknowledged: reply 2xx with the body {:?}", self.expected_reply))
        };
        self.hooks.record_callback(&request.url, response.status, verdict);
        Ok(Delivery { status: response.status, body, acknowledged })
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_callback_whose_thread_cannot_start_is_a_failed_delivery_not_a_panic() {
        let sandbox = Sandbox::start().unwrap();
        let request = HttpRequest::new(Method::Post, "http://127.0.0.1:9/notify");
        sandbox.core.start_delivery("10000000001".into(), request, |_| Err(std::io::ErrorKind::OutOfMemory.into()));
        let deliveries = sandbox.wait_for_deliveries(Duration::ZERO, |d| !d.is_empty());
        assert_eq!(deliveries.len(), 1, "{deliveries:?}");
        assert_eq!(deliveries[0].order_num, "10000000001");
        assert!(deliveries[0].result.as_ref().is_err_and(|e| e.contains("could not start")), "{deliveries:?}");
    }
}
