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
//! # The shapes it answers in
//! By default every answer and callback has the document's types: the envelope's `status` an
//! int32 JSON number, `orderCode`, `bizCode`, `account` and `productCode` strings, amounts
//! (`settlementPrice`, the balance's `balance`) JSON numbers written with their own digits, and
//! `settlementPrice` present in every order (order info, callbacks), failed or not. A client
//! written strictly from the document reads them.
//!
//! # Variants it sends on request
//! The platform runs a Java backend and its document says little about shapes. With
//! [`SandboxBuilder::variant_shapes`] some answers use instead the variants a real server
//! plausibly sends, which a tolerant client must read:
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
mod platform;
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
    variant_shapes: bool,
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
            variant_shapes: false,
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

    /// Whether answers and callbacks carry the undocumented variants listed in the
    /// [module documentation](self) (default `false`: the document's types everywhere). For
    /// exercising a tolerant reader; a client written strictly from the document would refuse them.
    pub fn variant_shapes(mut self, on: bool) -> Self {
        self.variant_shapes = on;
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
            variant_shapes: self.variant_shapes,
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

    /// Whether answers and callbacks carry the undocumented variants
    /// ([`SandboxBuilder::variant_shapes`]).
    pub fn variant_shapes(&self) -> bool {
        self.shared.variant_shapes
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
        orders.into_iter().filter_map(|o| serde_json::to_value(o.view(self.shared.variant_shapes)).ok()).collect()
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
    /// A string as the document says, or with the variants a JSON number (the codes are all
    /// digits).
    order_code: Value,
    biz_code: &'a str,
    account: &'a str,
    product_code: &'a str,
    /// Left out for a failed order with the variants.
    #[serde(skip_serializing_if = "Option::is_none")]
    settlement_price: Option<DecimalNumber>,
    status: &'a str,
}

impl Order {
    /// The order in the document's shape, or with `variants` in the variant shapes.
    fn view(&self, variants: bool) -> OrderView<'_> {
        OrderView {
            order_code: if variants { id_value(&self.order_code) } else { Value::from(self.order_code.as_str()) },
            biz_code: &self.biz_code,
            account: &self.account,
            product_code: &self.product_code,
            settlement_price: (!variants || self.status != "FAILED").then_some(DecimalNumber(self.price)),
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
    /// A JSON number as the document says, or with the variants a decimal string (`"19.90"`).
    settlement_price: Amount,
}

/// An amount as a JSON number with its own digits, or as a decimal string (a variant).
#[derive(Serialize)]
#[serde(untagged)]
enum Amount {
    Number(DecimalNumber),
    Text(String),
}

impl Amount {
    fn of(value: RustDecimal, variants: bool) -> Self {
        if variants { Self::Text(value.to_string()) } else { Self::Number(DecimalNumber(value)) }
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ProductView<'a> {
    /// A string as the document says, or with the variants a JSON number for an all-digit code.
    product_code: Value,
    product_name: &'a str,
    settlement_price: DecimalNumber,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct BalanceView<'a> {
    merchant_id: &'a str,
    business_id: &'a str,
    /// A JSON number, or with the variants a decimal string (`"10000.00"`).
    balance: Amount,
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
    /// Whether answers carry the undocumented variants ([`SandboxBuilder::variant_shapes`]).
    variant_shapes: bool,
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

    /// A success whose `status` is, with the variants, a numeric string (`"0"`), a variant the
    /// document's int32 does not rule out for a PHP or Java backend; else as [`ok`](Self::ok).
    fn ok_text_status<T: Serialize>(&self, data: &T) -> HttpResponse {
        if !self.variant_shapes {
            return self.ok(data);
        }
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
}
