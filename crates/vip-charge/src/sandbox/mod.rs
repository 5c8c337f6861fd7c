//! A local stand-in for the platform (feature `sandbox`): a loopback HTTP server that checks
//! signatures exactly like the platform's rule says, keeps a balance and orders, and sends signed
//! status callbacks.
//!
//! ```no_run
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! use vip_charge::sandbox::Sandbox;
//! use vip_charge::{ProductListRequest, SignType};
//!
//! let sandbox = Sandbox::start()?;
//! let client = sandbox.client()?; // SHA256-RSA; or sandbox.client_with_sign_type(SignType::Md5)?
//! # let _ = SignType::Md5;
//! let products = client.product_list(&ProductListRequest::new(sandbox.merchant_id()))?;
//! assert!(!products.products.is_empty());
//! # Ok(()) }
//! ```
//!
//! # What it does
//! - Every request: `POST`, a JSON `Content-Type`, the headers `businessId` (the sandbox's),
//!   `nonce`, `timestamp`, `sign` and optionally `signType` (`MD5` or `SHA256-RSA`, default
//!   `SHA256-RSA`). The signature is checked exactly (MD5: uppercase hex; RSA: standard Base64),
//!   with a rule implemented apart from the client's. A bad signature gets the platform's own
//!   `{"status":2,"message":"验签失败"}`; a timestamp outside the window (5 min by default) or a
//!   nonce already used gets `status` 2 with another message.
//! - State: a balance (10 000.00 by default), three products, orders by `orderCode` and `bizCode`.
//!   A charge order debits the product's price; an account starting with `fail` makes the order
//!   fail (and the price is refunded), any other succeeds at once.
//! - After an order, a status callback goes to its `callbackUrl` (or, when that is absent or empty,
//!   the sandbox's default), signed with the sign type the order was placed with, retried on
//!   anything but a `SUCCESS` reply with the platform's schedule divided by
//!   [`SandboxBuilder::time_scale`] (1000 by default: 15 ms, 30 ms, 180 ms, ...). Attempts are
//!   recorded: see [`Sandbox::deliveries`].
//! - Faults on purpose ([`Sandbox::faults`]): a lost or late answer after the order was placed,
//!   an HTTP status, or the platform's failure envelope, for the next request or the next request
//!   to a path.
//!
//! # Variants it sends
//! The platform runs a Java backend and its document says little about shapes, so some answers
//! use the variants a real server plausibly sends, and a client must read them:
//! - business balance: the envelope's `status` as a numeric string (`"0"`), `balance` as a decimal
//!   string;
//! - product list: an all-digit `productCode` as a JSON number (`87103`);
//! - charge order: `settlementPrice` as a decimal string (`"19.90"`); order codes are all digits;
//! - order info and status callbacks: `orderCode` as a JSON number, and no `settlementPrice` for a
//!   failed order.
//!
//! # Sandbox-specific answers
//! The platform's failure codes other than `2` are not public; the sandbox uses `1` bad request,
//! `3` balance too low, `4` order not found, `5` duplicate `bizCode`, `6` unknown product, `404`
//! unknown path. Its callback body is `orderCode, bizCode, account, productCode, settlementPrice,
//! status` (`SUCCESS` / `FAILED`); order info's `data` has the same fields. These shapes are the
//! sandbox's own guesses, not the platform's.

mod notify;
mod verify;

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use sandbox_server::hooks::{excerpt, masked, shortened};
use sandbox_server::{SandboxServer, refuse_because};
use serde::Serialize;
use serde_json::Value;
use sign_core::decimal::rust_decimal::Decimal as RustDecimal;
use sign_core::rsa::{PrivateKey, PublicKey};
use sign_core::{Clock, DecimalNumber, HttpRequest, HttpResponse, Method, SecretString, SystemClock};

pub use notify::{CallbackDelivery, DeliveryOutcome, RETRY_SCHEDULE};
pub use sandbox_server::{Fault, Faults, Hooks, Listen, poll_until};

use crate::auth::SignType;
use crate::{Client, ConfigBuilder, Error};

/// The sandbox's business id.
pub const BUSINESS_ID: &str = "900001";
/// The sandbox's merchant id.
pub const MERCHANT_ID: &str = "800001";

/// A product the sandbox sells.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct SandboxProduct {
    /// `productCode`.
    pub product_code: String,
    /// `productName`.
    pub product_name: String,
    /// `settlementPrice`.
    pub settlement_price: DecimalNumber,
}

impl SandboxProduct {
    /// A product.
    pub fn new(code: impl Into<String>, name: impl Into<String>, price: DecimalNumber) -> Self {
        Self { product_code: code.into(), product_name: name.into(), settlement_price: price }
    }
}

/// Builder for [`Sandbox`].
#[derive(Debug)]
pub struct SandboxBuilder {
    md5_secret: Option<SecretString>,
    merchant_key: Option<PrivateKey>,
    platform_key: Option<PrivateKey>,
    success_status: i64,
    time_window: Duration,
    time_scale: u32,
    balance: DecimalNumber,
    products: Vec<SandboxProduct>,
    default_callback_url: Option<String>,
    clock: Arc<dyn Clock>,
    listen: Listen,
}

impl Default for SandboxBuilder {
    fn default() -> Self {
        Self {
            md5_secret: None,
            merchant_key: None,
            platform_key: None,
            success_status: crate::DEFAULT_SUCCESS_STATUS,
            time_window: Duration::from_secs(5 * 60),
            time_scale: 1000,
            balance: DecimalNumber::from_minor(1_000_000, 2),
            products: vec![
                SandboxProduct::new("87103", "视频会员月卡", DecimalNumber::from_minor(1990, 2)),
                SandboxProduct::new("87104", "视频会员季卡", DecimalNumber::from_minor(5480, 2)),
                SandboxProduct::new("87105", "音乐会员月卡", DecimalNumber::from_minor(1200, 2)),
            ],
            default_callback_url: None,
            clock: Arc::new(SystemClock),
            listen: Listen::default(),
        }
    }
}

impl SandboxBuilder {
    /// The MD5 secret key (default: random).
    pub fn md5_secret_key(mut self, secret: impl Into<SecretString>) -> Self {
        self.md5_secret = Some(secret.into());
        self
    }

    /// The merchant's key pair; the sandbox verifies with its public half (default: a fresh
    /// 2048-bit key).
    pub fn merchant_key(mut self, key: PrivateKey) -> Self {
        self.merchant_key = Some(key);
        self
    }

    /// The platform's key pair that signs RSA callbacks (default: a fresh 2048-bit key).
    pub fn platform_key(mut self, key: PrivateKey) -> Self {
        self.platform_key = Some(key);
        self
    }

    /// The envelope `status` of a success (default 0).
    pub fn success_status(mut self, status: i64) -> Self {
        self.success_status = status;
        self
    }

    /// How far a request's timestamp may be from the sandbox clock (default 5 min).
    pub fn time_window(mut self, window: Duration) -> Self {
        self.time_window = window;
        self
    }

    /// Divides the platform's callback retry schedule (default 1000; 1 keeps the real schedule).
    pub fn time_scale(mut self, divisor: u32) -> Self {
        self.time_scale = divisor.max(1);
        self
    }

    /// The starting balance (default 10 000.00).
    pub fn balance(mut self, balance: DecimalNumber) -> Self {
        self.balance = balance;
        self
    }

    /// Replaces the products on sale.
    pub fn products(mut self, products: Vec<SandboxProduct>) -> Self {
        self.products = products;
        self
    }

    /// Where callbacks go for orders without a `callbackUrl` (the account's default address).
    pub fn default_callback_url(mut self, url: impl Into<String>) -> Self {
        self.default_callback_url = Some(url.into());
        self
    }

    /// The sandbox's clock (timestamp checks, callback timestamps).
    pub fn clock(mut self, clock: Arc<dyn Clock>) -> Self {
        self.clock = clock;
        self
    }

    /// Where to listen (default: a free port of `127.0.0.1`).
    pub fn listen(mut self, listen: Listen) -> Self {
        self.listen = listen;
        self
    }

    /// Starts the sandbox (on a free port of `127.0.0.1` unless [`listen`](Self::listen) says
    /// otherwise).
    pub fn start(self) -> std::io::Result<Sandbox> {
        let listen = self.listen.clone();
        let shared = Arc::new(self.into_shared()?);
        let handler = Arc::clone(&shared);
        let server = listen.start(move |request| {
            let apply = |r: &HttpRequest| handler.faults.apply(r, |r| handler.handle(r), refusal);
            handler.hooks.serve(&request, apply, |response| handler.refusal_message(response))
        })?;
        Ok(Sandbox { base_url: server.base_url().to_owned(), server: Some(server), shared })
    }

    fn into_shared(self) -> std::io::Result<Shared> {
        let generate = || PrivateKey::generate(2048).map_err(std::io::Error::other);
        let merchant_key = match self.merchant_key {
            Some(k) => k,
            None => generate()?,
        };
        let platform_key = match self.platform_key {
            Some(k) => k,
            None => generate()?,
        };
        Ok(Shared {
            business_id: BUSINESS_ID.to_owned(),
            merchant_id: MERCHANT_ID.to_owned(),
            md5_secret: self.md5_secret.unwrap_or_else(|| SecretString::new(sign_core::clock::random_nonce(32))),
            merchant_public: merchant_key.public_key(),
            merchant_key,
            platform_key,
            success_status: self.success_status,
            window_millis: i64::try_from(self.time_window.as_millis()).unwrap_or(i64::MAX),
            time_scale: self.time_scale,
            default_callback_url: self.default_callback_url,
            clock: self.clock,
            initial: (self.balance.value(), self.products.clone()),
            hooks: Hooks::new(),
            state: Mutex::new(State { balance: self.balance.value(), products: self.products, ..State::default() }),
            deliveries_changed: Condvar::new(),
            stopped: AtomicBool::new(false),
            stop_lock: Mutex::new(()),
            stop_signal: Condvar::new(),
            sequence: AtomicU64::new(1),
            faults: Faults::new(),
        })
    }
}

/// A running sandbox. Dropping it stops the server and the callback senders.
pub struct Sandbox {
    base_url: String,
    server: Option<SandboxServer>,
    shared: Arc<Shared>,
}

impl std::fmt::Debug for Sandbox {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Sandbox").field("base_url", &self.base_url).finish_non_exhaustive()
    }
}

impl Drop for Sandbox {
    fn drop(&mut self) {
        self.shared.stopped.store(true, Ordering::SeqCst);
        let _guard = lock(&self.shared.stop_lock);
        self.shared.stop_signal.notify_all();
        drop(_guard);
        self.server.take();
    }
}

impl Sandbox {
    /// Starts a sandbox with the defaults (fresh keys, random MD5 secret).
    pub fn start() -> std::io::Result<Self> {
        Self::builder().start()
    }

    /// A builder.
    pub fn builder() -> SandboxBuilder {
        SandboxBuilder::default()
    }

    /// The base URL, e.g. `http://127.0.0.1:41234`.
    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// The sandbox's `businessId`.
    pub fn business_id(&self) -> &str {
        &self.shared.business_id
    }

    /// The sandbox's `merchantId`.
    pub fn merchant_id(&self) -> &str {
        &self.shared.merchant_id
    }

    /// The MD5 secret key.
    pub fn md5_secret_key(&self) -> SecretString {
        self.shared.md5_secret.clone()
    }

    /// The merchant private key (for the client's RSA config).
    pub fn merchant_private_key(&self) -> PrivateKey {
        self.shared.merchant_key.clone()
    }

    /// The platform public key (for RSA callback verification).
    pub fn platform_public_key(&self) -> PublicKey {
        self.shared.platform_key.public_key()
    }

    /// The envelope `status` of a success.
    pub fn success_status(&self) -> i64 {
        self.shared.success_status
    }

    /// A configuration builder preset for this sandbox, signing with `SHA256-RSA` (the platform's
    /// default): URL, business id, success status, the merchant private key and the platform public
    /// key that verifies the sandbox's callbacks. Adjust it, then `build()`.
    pub fn config_builder(&self) -> ConfigBuilder {
        self.config_builder_with_sign_type(SignType::Sha256Rsa)
    }

    /// A configuration builder preset for this sandbox, signing with `sign_type`, with the key that
    /// verifies the callbacks of orders placed with it (the MD5 secret key, or the platform public
    /// key).
    pub fn config_builder_with_sign_type(&self, sign_type: SignType) -> ConfigBuilder {
        let builder = crate::Config::builder()
            .base_url(self.base_url.as_str())
            .business_id(self.shared.business_id.as_str())
            .success_status(self.shared.success_status)
            .sign_type(sign_type);
        match sign_type {
            SignType::Md5 => builder.md5_secret_key(self.md5_secret_key()),
            _ => builder
                .rsa_private_key_parsed(self.merchant_private_key())
                .platform_public_key_parsed(self.platform_public_key()),
        }
    }

    /// A client for this sandbox over the real HTTP transport, signing with `SHA256-RSA` (see
    /// [`config_builder`](Self::config_builder)).
    ///
    /// # Errors
    /// As [`ConfigBuilder::build`].
    pub fn client(&self) -> Result<Client, Error> {
        self.client_with_sign_type(SignType::Sha256Rsa)
    }

    /// A client for this sandbox over the real HTTP transport, signing with `sign_type` (see
    /// [`config_builder_with_sign_type`](Self::config_builder_with_sign_type)).
    ///
    /// # Errors
    /// As [`ConfigBuilder::build`].
    pub fn client_with_sign_type(&self, sign_type: SignType) -> Result<Client, Error> {
        Ok(Client::new(self.config_builder_with_sign_type(sign_type).build()?))
    }

    /// The faults planned for the next requests through the server (not for
    /// [`handle`](Self::handle)): a late answer, an answer lost after the order was placed, an HTTP
    /// status, or the platform's own failure envelope (`Fault::provider_error("3", "余额不足")`
    /// answers `{"status":3,"message":"余额不足"}`, HTTP 200).
    ///
    /// ```no_run
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// use vip_charge::sandbox::{Fault, Sandbox};
    ///
    /// let sandbox = Sandbox::start()?;
    /// sandbox.faults().on_path("/v1/openapi/order/VIPCharge", Fault::LoseAnswer);
    /// // The next charge order is placed, and its answer never arrives: the client's error says
    /// // `outcome_unknown()`; look the order up by bizCode before ordering again.
    /// # Ok(()) }
    /// ```
    pub fn faults(&self) -> &Faults {
        &self.shared.faults
    }

    /// Answers one request without a socket (sans-IO).
    pub fn handle(&self, request: &HttpRequest) -> HttpResponse {
        self.shared.handle(request)
    }

    /// The current balance.
    pub fn balance(&self) -> DecimalNumber {
        DecimalNumber(lock(&self.shared.state).balance)
    }

    /// Sets the balance.
    pub fn set_balance(&self, balance: DecimalNumber) {
        lock(&self.shared.state).balance = balance.value();
    }

    /// The number of orders placed.
    pub fn order_count(&self) -> usize {
        lock(&self.shared.state).orders.len()
    }

    /// The request log and extension points of the server (see [`Hooks`]): every request over
    /// the socket and every callback attempt is logged with its verdict.
    pub fn hooks(&self) -> &Hooks {
        &self.shared.hooks
    }

    /// Where callbacks go for orders placed without a `callbackUrl`, if anywhere.
    pub fn default_callback_url(&self) -> Option<&str> {
        self.shared.default_callback_url.as_deref()
    }

    /// Every order, as order info's `data` shows it (`orderCode`, `bizCode`, `account`,
    /// `productCode`, `settlementPrice`, `status`), by `orderCode`.
    pub fn orders(&self) -> Vec<Value> {
        let state = lock(&self.shared.state);
        let mut orders: Vec<&Order> = state.orders.values().collect();
        orders.sort_by(|a, b| a.order_code.cmp(&b.order_code));
        orders.into_iter().filter_map(|o| serde_json::to_value(o.view()).ok()).collect()
    }

    /// Sets an order's status as the platform would on its own (`SUCCESS` or `FAILED`; a
    /// failed order's price goes back to the balance, a succeeded one's is debited), then sends
    /// its status callback.
    ///
    /// # Errors
    /// An unknown order.
    pub fn set_order_status(&self, order_code: &str, success: bool) -> Result<(), String> {
        {
            let mut state = lock(&self.shared.state);
            let order = state.orders.get_mut(order_code).ok_or_else(|| format!("no order {order_code:?}"))?;
            let status = if success { "SUCCESS" } else { "FAILED" };
            if order.status == status {
                return self.notify_again(order_code);
            }
            order.status = status;
            let price = order.price;
            if success {
                state.balance -= price;
            } else {
                state.balance += price;
            }
        }
        self.notify_again(order_code)
    }

    /// Sends the order's status callback again (to its `callbackUrl`, or the default one),
    /// signed with the sign type it was placed with, retried until acknowledged.
    ///
    /// # Errors
    /// An unknown order, or one with nowhere to send its callback.
    pub fn notify_again(&self, order_code: &str) -> Result<(), String> {
        let order = lock(&self.shared.state).orders.get(order_code).cloned();
        let order = order.ok_or_else(|| format!("no order {order_code:?}"))?;
        if order.callback_url.is_none() && self.shared.default_callback_url.is_none() {
            return Err(format!("order {order_code:?} has no callbackUrl and the sandbox no default callback URL"));
        }
        self.shared.notify(&order, order.callback_url.clone(), order.sign_type);
        Ok(())
    }

    /// The balance and the orders (with where their callbacks go and how they are signed), as
    /// JSON for a state file. Nonces seen and deliveries are not kept.
    pub fn export_state(&self) -> Value {
        let state = lock(&self.shared.state);
        let orders: Vec<Value> = state
            .orders
            .values()
            .map(|o| {
                serde_json::json!({
                    "order_code": o.order_code,
                    "biz_code": o.biz_code,
                    "account": o.account,
                    "product_code": o.product_code,
                    "price": o.price.to_string(),
                    "status": o.status,
                    "callback_url": o.callback_url,
                    "sign_type": o.sign_type.to_string(),
                })
            })
            .collect();
        serde_json::json!({
            "balance": state.balance.to_string(),
            "orders": orders,
            "sequence": self.shared.sequence.load(Ordering::SeqCst),
        })
    }

    /// Replaces the balance and the orders with those of `state` (from
    /// [`export_state`](Self::export_state)).
    ///
    /// # Errors
    /// `state` is not such a document; nothing is changed then.
    pub fn import_state(&self, state: &Value) -> Result<(), String> {
        let text = |o: &Value, k: &str| o[k].as_str().map(str::to_owned).ok_or_else(|| format!("lacks {k}: {o}"));
        let decimal = |o: &Value, k: &str| -> Result<RustDecimal, String> {
            text(o, k)?.parse().map_err(|_| format!("{k} is not a decimal: {o}"))
        };
        let mut orders = HashMap::new();
        let mut by_biz = HashMap::new();
        for o in state["orders"].as_array().ok_or("no `orders` list")? {
            let status = match o["status"].as_str() {
                Some("SUCCESS") => "SUCCESS",
                Some("FAILED") => "FAILED",
                _ => return Err(format!("status is not SUCCESS or FAILED: {o}")),
            };
            let order = Order {
                order_code: text(o, "order_code")?,
                biz_code: text(o, "biz_code")?,
                account: text(o, "account")?,
                product_code: text(o, "product_code")?,
                price: decimal(o, "price")?,
                status,
                callback_url: o["callback_url"].as_str().map(str::to_owned),
                sign_type: text(o, "sign_type")?.parse().map_err(|_| format!("sign_type: {o}"))?,
            };
            by_biz.insert(order.biz_code.clone(), order.order_code.clone());
            orders.insert(order.order_code.clone(), order);
        }
        let balance = decimal(state, "balance")?;
        let sequence = state["sequence"].as_u64().ok_or("no `sequence`")?;
        let mut current = lock(&self.shared.state);
        current.balance = balance;
        current.orders = orders;
        current.order_of_biz_code = by_biz;
        self.shared.sequence.fetch_max(sequence, Ordering::SeqCst);
        Ok(())
    }

    /// Back to the state of a fresh sandbox: the starting balance and products, no orders, no
    /// nonces seen, no deliveries recorded, no planned faults.
    pub fn reset(&self) {
        let (balance, products) = self.shared.initial.clone();
        *lock(&self.shared.state) = State { balance, products, ..State::default() };
        self.shared.faults.clear();
    }

    /// Every callback attempt so far, in order.
    pub fn deliveries(&self) -> Vec<CallbackDelivery> {
        lock(&self.shared.state).deliveries.clone()
    }

    /// Waits until `done` holds for the callback attempts, or `timeout` passes; returns the
    /// attempts at that point (check them: a timeout is not an error here).
    pub fn wait_for_deliveries(
        &self,
        timeout: Duration,
        done: impl Fn(&[CallbackDelivery]) -> bool,
    ) -> Vec<CallbackDelivery> {
        let state = lock(&self.shared.state);
        let state = sandbox_server::wait_for(state, &self.shared.deliveries_changed, timeout, |s| done(&s.deliveries));
        state.deliveries.clone()
    }
}

#[derive(Debug, Clone)]
struct Order {
    order_code: String,
    biz_code: String,
    account: String,
    product_code: String,
    price: RustDecimal,
    status: &'static str,
    /// Where its callbacks go (`None`: the sandbox's default), and how they are signed.
    callback_url: Option<String>,
    sign_type: SignType,
}

/// The sandbox's order as JSON (order info's `data` and the callback body). Amounts are written
/// with their own digits (`DecimalNumber`), never through a float.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct OrderView<'a> {
    /// A JSON number (the codes are all digits): the document says string.
    order_code: Value,
    biz_code: &'a str,
    account: &'a str,
    product_code: &'a str,
    /// Left out for a failed order.
    #[serde(skip_serializing_if = "Option::is_none")]
    settlement_price: Option<DecimalNumber>,
    status: &'a str,
}

impl Order {
    fn view(&self) -> OrderView<'_> {
        OrderView {
            order_code: id_value(&self.order_code),
            biz_code: &self.biz_code,
            account: &self.account,
            product_code: &self.product_code,
            settlement_price: (self.status != "FAILED").then_some(DecimalNumber(self.price)),
            status: self.status,
        }
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ChargeView<'a> {
    order_code: &'a str,
    biz_code: &'a str,
    account: &'a str,
    /// A decimal string (`"19.90"`): the document says number.
    settlement_price: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ProductView<'a> {
    /// A JSON number for an all-digit code: the document says string.
    product_code: Value,
    product_name: &'a str,
    settlement_price: DecimalNumber,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct BalanceView<'a> {
    merchant_id: &'a str,
    business_id: &'a str,
    /// A decimal string (`"10000.00"`).
    balance: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct BatchItemView<'a> {
    order_code: &'a str,
    biz_code: &'a str,
    account: &'a str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct BatchView<'a> {
    batch_biz_code: &'a str,
    order_list: Vec<BatchItemView<'a>>,
}

#[derive(Debug, Default)]
struct State {
    balance: RustDecimal,
    products: Vec<SandboxProduct>,
    orders: HashMap<String, Order>,
    order_of_biz_code: HashMap<String, String>,
    /// Nonces seen, with the time (ms) after which they may be forgotten.
    nonces: HashMap<String, i64>,
    nonce_expiry: BTreeSet<(i64, String)>,
    deliveries: Vec<CallbackDelivery>,
}

pub(crate) struct Shared {
    business_id: String,
    merchant_id: String,
    md5_secret: SecretString,
    merchant_key: PrivateKey,
    merchant_public: PublicKey,
    platform_key: PrivateKey,
    success_status: i64,
    window_millis: i64,
    time_scale: u32,
    default_callback_url: Option<String>,
    clock: Arc<dyn Clock>,
    /// The starting balance and products, for [`Sandbox::reset`].
    initial: (RustDecimal, Vec<SandboxProduct>),
    hooks: Hooks,
    state: Mutex<State>,
    deliveries_changed: Condvar,
    stopped: AtomicBool,
    stop_lock: Mutex<()>,
    stop_signal: Condvar,
    sequence: AtomicU64,
    faults: Faults,
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

/// The envelope the sandbox answers with (HTTP 200 unless said otherwise). `status` is a JSON
/// number, or a numeric string in the answers that send that variant.
fn envelope<T: Serialize>(status: Value, message: &str, data: Option<&T>) -> HttpResponse {
    #[derive(Serialize)]
    struct Envelope<'a, T> {
        status: Value,
        message: &'a str,
        #[serde(skip_serializing_if = "Option::is_none")]
        data: Option<&'a T>,
    }
    match serde_json::to_vec(&Envelope { status, message, data }) {
        Ok(body) => HttpResponse::json(200, body),
        Err(_) => HttpResponse::new(500, b"sandbox could not serialize its answer".to_vec()),
    }
}

fn fail(status: i64, message: &str) -> HttpResponse {
    envelope::<()>(Value::from(status), message, None)
}

/// The platform's failure envelope for a planned [`Fault::ProviderError`]: `status` is the code as
/// a number when it is one (else as the string given), HTTP 200.
fn refusal(code: &str, message: &str) -> HttpResponse {
    let status = code.trim().parse::<i64>().map_or_else(|_| Value::from(code), Value::from);
    envelope::<()>(status, message, None)
}

/// An id as a JSON number when it is all digits and fits, else as a string: the variant a Java
/// backend with numeric ids sends where the document says string.
fn id_value(id: &str) -> Value {
    match id.parse::<u64>() {
        Ok(n) if id.bytes().all(|b| b.is_ascii_digit()) && !id.starts_with('0') => Value::from(n),
        _ => Value::from(id),
    }
}

/// The same envelope answered with another HTTP status.
fn with_status(http_status: u16, mut response: HttpResponse) -> HttpResponse {
    response.status = http_status;
    response
}

const BAD_REQUEST: i64 = 1;
const SIGNATURE: i64 = 2;
const BALANCE_TOO_LOW: i64 = 3;
const NOT_FOUND: i64 = 4;
const DUPLICATE: i64 = 5;
const UNKNOWN_PRODUCT: i64 = 6;

impl Shared {
    /// `None` for a success (`status` the success status, as a number or a numeric string),
    /// else the platform's `status` and `message`.
    fn refusal_message(&self, response: &HttpResponse) -> Option<String> {
        let doc: Value = serde_json::from_slice(&response.body).unwrap_or(Value::Null);
        let status = match &doc["status"] {
            Value::Number(n) => n.as_i64(),
            Value::String(s) => s.parse().ok(),
            _ => None,
        };
        if status == Some(self.success_status) && response.is_success() {
            return None;
        }
        match doc.get("message").and_then(Value::as_str) {
            Some(message) => Some(format!("{message} (status {})", doc["status"])),
            None => Some(format!("HTTP {}", response.status)),
        }
    }

    fn ok<T: Serialize>(&self, data: &T) -> HttpResponse {
        envelope(Value::from(self.success_status), "success", Some(data))
    }

    /// A success whose `status` is a numeric string (`"0"`), a variant the document's int32 does
    /// not rule out for a PHP or Java backend.
    fn ok_text_status<T: Serialize>(&self, data: &T) -> HttpResponse {
        envelope(Value::from(self.success_status.to_string()), "success", Some(data))
    }

    pub(crate) fn sleep_unless_stopped(&self, wait: Duration) -> bool {
        let deadline = Instant::now() + wait;
        let mut guard = lock(&self.stop_lock);
        loop {
            if self.stopped.load(Ordering::SeqCst) {
                return false;
            }
            let now = Instant::now();
            if now >= deadline {
                return true;
            }
            guard = match self.stop_signal.wait_timeout(guard, deadline - now) {
                Ok((g, _)) => g,
                Err(p) => p.into_inner().0,
            };
        }
    }

    pub(crate) fn record_delivery(&self, delivery: CallbackDelivery) {
        lock(&self.state).deliveries.push(delivery);
        self.deliveries_changed.notify_all();
    }

    fn handle(self: &Arc<Self>, request: &HttpRequest) -> HttpResponse {
        if request.method != Method::Post {
            refuse_because(format!("method {} not allowed: every endpoint takes POST", request.method.as_str()));
            return with_status(405, fail(BAD_REQUEST, "只支持POST"));
        }
        let route = match request.path() {
            p @ ("/v1/openapi/order/VIPCharge"
            | "/v1/openapi/order/info"
            | "/v1/openapi/order/product/list"
            | "/v1/openapi/merchant/business/balance"
            | "/v1/openapi/order/batch") => p,
            other => {
                refuse_because(format!("no endpoint {other}: see the paths under /v1/openapi/ in the crate docs"));
                return with_status(404, fail(404, "接口不存在"));
            }
        };
        let json_body = request
            .header("Content-Type")
            .is_some_and(|v| v.trim().to_ascii_lowercase().starts_with("application/json"));
        if !json_body {
            refuse_because("Content-Type is not application/json");
            return fail(BAD_REQUEST, "Content-Type必须为application/json");
        }
        let sign_type = match self.authenticate(request) {
            Ok(sign_type) => sign_type,
            Err(response) => return response,
        };
        let body: Value = match serde_json::from_slice(&request.body) {
            Ok(v @ Value::Object(_)) => v,
            _ => return fail(BAD_REQUEST, "参数错误: 请求体不是JSON对象"),
        };
        let result = match route {
            "/v1/openapi/order/VIPCharge" => self.vip_charge(&body, sign_type),
            "/v1/openapi/order/info" => self.order_info(&body),
            "/v1/openapi/order/product/list" => self.product_list(&body),
            "/v1/openapi/merchant/business/balance" => self.business_balance(&body),
            _ => self.batch_order(&body, sign_type),
        };
        result.unwrap_or_else(|response| response)
    }

    /// Checks the auth headers and the signature; records the nonce.
    fn authenticate(&self, request: &HttpRequest) -> Result<SignType, HttpResponse> {
        let header = |name: &str| request.header(name).map(str::to_owned);
        let (Some(business_id), Some(nonce), Some(timestamp), Some(sign)) =
            (header("businessId"), header("nonce"), header("timestamp"), header("sign"))
        else {
            let missing: Vec<&str> = ["businessId", "nonce", "timestamp", "sign"]
                .into_iter()
                .filter(|n| request.header(n).is_none())
                .collect();
            refuse_because(format!("missing header(s): {}", missing.join(", ")));
            return Err(fail(BAD_REQUEST, "缺少请求头: businessId, nonce, timestamp, sign"));
        };
        if business_id != self.business_id {
            refuse_because(format!("businessId {business_id:?} is not the sandbox's {:?}", self.business_id));
            return Err(fail(SIGNATURE, "业务不存在"));
        }
        // An empty value is no value: the string to sign drops it, and signType defaults to SHA256-RSA.
        let sign_type_header = header("signType").filter(|t| !t.is_empty());
        let sign_type = match sign_type_header.as_deref() {
            None | Some("SHA256-RSA") => SignType::Sha256Rsa,
            Some("MD5") => SignType::Md5,
            Some(other) => {
                refuse_because(format!("signType {other:?} unknown: MD5 or SHA256-RSA"));
                return Err(fail(SIGNATURE, "不支持的签名方式"));
            }
        };
        let mut signed_headers = BTreeMap::from([
            ("businessId", business_id.clone()),
            ("nonce", nonce.clone()),
            ("timestamp", timestamp.clone()),
        ]);
        if let Some(t) = sign_type_header {
            signed_headers.insert("signType", t);
        }
        let signed = verify::signed_bytes(&signed_headers, &request.body);
        let valid = match sign_type {
            SignType::Md5 => verify::md5_ok(&self.md5_secret, &signed, &sign),
            _ => verify::rsa_ok(&self.merchant_public, &signed, &sign),
        };
        if !valid {
            let string_to_sign = excerpt(&String::from_utf8_lossy(&signed), 400);
            refuse_because(match sign_type {
                SignType::Md5 => format!(
                    "sign mismatch (MD5): expected the upper-case hex MD5 of the string to sign `{string_to_sign}` \
                     followed by {}; got `{}`",
                    masked("md5 secret key", self.md5_secret.expose()),
                    shortened(&sign)
                ),
                _ => format!(
                    "sign mismatch (SHA256-RSA): expected a standard-Base64 SHA256withRSA signature, by the merchant \
                     private key the sandbox printed at start, of the string to sign `{string_to_sign}`; got `{}`",
                    shortened(&sign)
                ),
            });
            return Err(fail(SIGNATURE, "验签失败"));
        }
        let ts: i64 = match timestamp.parse() {
            Ok(ts) if timestamp.bytes().all(|b| b.is_ascii_digit()) => ts,
            _ => {
                refuse_because(format!("timestamp {timestamp:?} is not epoch milliseconds"));
                return Err(fail(SIGNATURE, "timestamp格式错误"));
            }
        };
        let now = self.clock.unix_millis();
        if now.abs_diff(ts) > self.window_millis.unsigned_abs() {
            refuse_because(format!(
                "timestamp {ts} is {} ms from the sandbox's clock (at most {} ms)",
                now.abs_diff(ts),
                self.window_millis
            ));
            return Err(fail(SIGNATURE, "请求已过期"));
        }
        if nonce.is_empty() {
            refuse_because("the nonce is empty");
            return Err(fail(SIGNATURE, "nonce不能为空"));
        }
        let mut state = lock(&self.state);
        while let Some(first) = state.nonce_expiry.first().cloned() {
            if first.0 >= now {
                break;
            }
            state.nonce_expiry.remove(&first);
            state.nonces.remove(&first.1);
        }
        if state.nonces.contains_key(&nonce) {
            refuse_because(format!("nonce {nonce:?} already used: every request needs a fresh one"));
            return Err(fail(SIGNATURE, "nonce重复"));
        }
        let expiry = ts.max(now).saturating_add(self.window_millis);
        state.nonces.insert(nonce.clone(), expiry);
        state.nonce_expiry.insert((expiry, nonce));
        Ok(sign_type)
    }

    fn check_ids(&self, body: &Value, with_business: bool) -> Result<(), HttpResponse> {
        if required(body, "merchantId")? != self.merchant_id {
            return Err(fail(BAD_REQUEST, "商家不存在"));
        }
        if with_business && required(body, "businessId")? != self.business_id {
            return Err(fail(BAD_REQUEST, "业务ID与请求头不一致"));
        }
        Ok(())
    }

    fn vip_charge(self: &Arc<Self>, body: &Value, sign_type: SignType) -> Result<HttpResponse, HttpResponse> {
        self.check_ids(body, true)?;
        let product_code = required(body, "productCode")?;
        let account = required(body, "account")?;
        let biz_code = required(body, "bizCode")?;
        let callback_url = callback_url(body)?;
        let order = {
            let mut state = lock(&self.state);
            let price = state.price_of(&product_code)?;
            if state.order_of_biz_code.contains_key(&biz_code) {
                return Err(fail(DUPLICATE, "商家订单号重复"));
            }
            if state.balance < price {
                return Err(fail(BALANCE_TOO_LOW, "余额不足"));
            }
            self.place(&mut state, biz_code, account, product_code, price, (callback_url.clone(), sign_type))
        };
        self.notify(&order, callback_url, sign_type);
        Ok(self.ok(&ChargeView {
            order_code: &order.order_code,
            biz_code: &order.biz_code,
            account: &order.account,
            settlement_price: order.price.to_string(),
        }))
    }

    /// Places an order already checked: debits (and for a failing account, refunds) the balance.
    fn place(
        &self,
        state: &mut State,
        biz_code: String,
        account: String,
        product_code: String,
        price: RustDecimal,
        (callback_url, sign_type): (Option<String>, SignType),
    ) -> Order {
        let n = self.sequence.fetch_add(1, Ordering::SeqCst);
        let status = if account.starts_with("fail") { "FAILED" } else { "SUCCESS" };
        if status == "SUCCESS" {
            state.balance -= price;
        }
        let order = Order {
            order_code: format!("71{n:014}"),
            biz_code,
            account,
            product_code,
            price,
            status,
            callback_url,
            sign_type,
        };
        state.order_of_biz_code.insert(order.biz_code.clone(), order.order_code.clone());
        state.orders.insert(order.order_code.clone(), order.clone());
        order
    }

    fn notify(self: &Arc<Self>, order: &Order, callback_url: Option<String>, sign_type: SignType) {
        let Some(url) = callback_url.or_else(|| self.default_callback_url.clone()) else { return };
        if !(url.starts_with("http://") || url.starts_with("https://")) {
            return;
        }
        let job = notify::Job {
            order_code: order.order_code.clone(),
            url,
            body: serde_json::to_vec(&order.view()).unwrap_or_default(),
            sign_type,
        };
        notify::spawn(Arc::clone(self), job);
    }

    fn order_info(&self, body: &Value) -> Result<HttpResponse, HttpResponse> {
        let order_code = optional(body, "orderCode")?.filter(|s| !s.is_empty());
        let biz_code = optional(body, "bizCode")?.filter(|s| !s.is_empty());
        let state = lock(&self.state);
        let code = match (order_code, biz_code) {
            (Some(code), _) => Some(code),
            (None, Some(biz)) => state.order_of_biz_code.get(&biz).cloned(),
            (None, None) => return Err(fail(BAD_REQUEST, "orderCode和bizCode不能同时为空")),
        };
        match code.and_then(|c| state.orders.get(&c)) {
            Some(order) => Ok(self.ok(&order.view())),
            None => Err(fail(NOT_FOUND, "订单不存在")),
        }
    }

    fn product_list(&self, body: &Value) -> Result<HttpResponse, HttpResponse> {
        self.check_ids(body, false)?;
        let state = lock(&self.state);
        let list: Vec<ProductView<'_>> = state
            .products
            .iter()
            .map(|p| ProductView {
                product_code: id_value(&p.product_code),
                product_name: &p.product_name,
                settlement_price: p.settlement_price,
            })
            .collect();
        Ok(self.ok(&list))
    }

    fn business_balance(&self, body: &Value) -> Result<HttpResponse, HttpResponse> {
        self.check_ids(body, true)?;
        let balance = lock(&self.state).balance.to_string();
        Ok(self.ok_text_status(&BalanceView {
            merchant_id: &self.merchant_id,
            business_id: &self.business_id,
            balance,
        }))
    }

    fn batch_order(self: &Arc<Self>, body: &Value, sign_type: SignType) -> Result<HttpResponse, HttpResponse> {
        self.check_ids(body, true)?;
        let batch_biz_code = required(body, "batchBizCode")?;
        let product_code = required(body, "productCode")?;
        let callback_url = callback_url(body)?;
        let Some(items) = body.get("itemList").and_then(Value::as_array).filter(|a| !a.is_empty()) else {
            return Err(fail(BAD_REQUEST, "参数错误: itemList不能为空"));
        };
        let mut wanted = Vec::with_capacity(items.len());
        for item in items {
            wanted.push((required(item, "bizCode")?, required(item, "account")?));
        }
        let orders = {
            let mut state = lock(&self.state);
            let price = state.price_of(&product_code)?;
            let mut seen = BTreeSet::new();
            for (biz_code, _) in &wanted {
                if state.order_of_biz_code.contains_key(biz_code) || !seen.insert(biz_code.clone()) {
                    return Err(fail(DUPLICATE, "商家订单号重复"));
                }
            }
            // `*` panics on overflow (an absurd configured price): a total too large to represent is
            // more than any balance.
            match price.checked_mul(RustDecimal::from(wanted.len())) {
                Some(total) if state.balance >= total => {}
                _ => return Err(fail(BALANCE_TOO_LOW, "余额不足")),
            }
            wanted
                .into_iter()
                .map(|(biz, account)| {
                    let callback = (callback_url.clone(), sign_type);
                    self.place(&mut state, biz, account, product_code.clone(), price, callback)
                })
                .collect::<Vec<_>>()
        };
        for order in &orders {
            self.notify(order, callback_url.clone(), sign_type);
        }
        let order_list = orders
            .iter()
            .map(|o| BatchItemView { order_code: &o.order_code, biz_code: &o.biz_code, account: &o.account })
            .collect();
        Ok(self.ok(&BatchView { batch_biz_code: &batch_biz_code, order_list }))
    }
}

impl State {
    fn price_of(&self, product_code: &str) -> Result<RustDecimal, HttpResponse> {
        self.products
            .iter()
            .find(|p| p.product_code == product_code)
            .map(|p| p.settlement_price.value())
            .ok_or_else(|| fail(UNKNOWN_PRODUCT, "产品不存在"))
    }
}

/// `callbackUrl`: "为空则使用开户时设置的地址", so an empty (or blank) one is none, and the account's
/// default URL is used.
fn callback_url(body: &Value) -> Result<Option<String>, HttpResponse> {
    Ok(optional(body, "callbackUrl")?.filter(|url| !url.trim().is_empty()))
}

/// A required string field (the platform's names are case-sensitive).
fn required(body: &Value, name: &str) -> Result<String, HttpResponse> {
    match body.get(name) {
        Some(Value::String(s)) if !s.trim().is_empty() => Ok(s.clone()),
        _ => Err(fail(BAD_REQUEST, &format!("参数错误: {name}不能为空"))),
    }
}

fn optional(body: &Value, name: &str) -> Result<Option<String>, HttpResponse> {
    match body.get(name) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(_) => Err(fail(BAD_REQUEST, &format!("参数错误: {name}必须是字符串"))),
    }
}
