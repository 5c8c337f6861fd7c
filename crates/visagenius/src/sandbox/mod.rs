//! A local VisaGenius server for tests and offline development (feature `sandbox`).
//!
//! [`Sandbox::start`] serves on `127.0.0.1` with a free port. It behaves like the provider as far
//! as the provider documents it:
//!
//! - every request must be a `POST` with `Content-Type: application/json`, the date in `X-Date`
//!   or `Date` (either one; both must then be the same string), `X-Appid` and `Authorization`; a
//!   missing header, an unknown app id, a malformed date, two dates that disagree, a date more
//!   than five minutes away from the sandbox's clock, or a wrong `Authorization` is refused with
//!   HTTP 400 and the provider's envelope `{"ret": -1, "msg": "..."}`. The signature is checked
//!   by code written separately from the client's signer, in constant time;
//! - `product_brief_query` and `product_query` serve a small product catalogue
//!   ([`SANDBOX_PRODUCT_IDS`]);
//! - `order_pay` pays the preset orders ([`SANDBOX_ORDER_ID`] and others, or your own with
//!   [`Sandbox::add_order`]) and refuses an unknown order, an already paid order and an amount
//!   that differs from the order's (HTTP 200, `ret: -1`); its success carries the supplier's full
//!   `express_address` (the document marks it required);
//! - by default every answer has the document's shape: integers are JSON numbers, required
//!   fields are present, so a client written from the document can read it strictly;
//! - with [`SandboxBuilder::variant_shapes`] it answers instead the way a real server may where
//!   the documentation is vague, to exercise a tolerant reader: [`SANDBOX_ORDER_ID`] gets a
//!   partial supplier address (no phone, no names; the fields appear only in an example),
//!   [`SANDBOX_EVISA_ORDER_ID`] (an e-visa, nothing to mail) none at all, and where the documents
//!   say integer the answers carry the strings a Java or PHP backend may send: the product
//!   list's `product_id`, `price` and `visa_type_id`, the detail's `visa_type_id`,
//!   `need_interview` and `need_delivery`, and the partial address's `id` hold the number as a
//!   string (`"10106"`);
//! - a body that is not JSON or lacks a required field is HTTP 400 `ret: -1` (参数不正确);
//! - any other path is HTTP 404 with `ret: -1` (the client reports it as
//!   [`crate::Error::HttpStatus`]).
//!
//! The provider's status codes for these failures, its wording, and the contents of
//! `visa_country` and `cover_province` are not public: the sandbox's are illustrative.
//!
//! ```
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! use visagenius::sandbox::{Sandbox, SANDBOX_ORDER_AMOUNT, SANDBOX_ORDER_ID};
//! use visagenius::{OrderPayRequest, ProductBriefQueryRequest};
//!
//! let sandbox = Sandbox::start()?;
//! let client = sandbox.client()?;
//! let list = client.product_brief_query(&ProductBriefQueryRequest::new())?;
//! assert!(list.total_count > Some(0));
//! client.order_pay(&OrderPayRequest::new(SANDBOX_ORDER_ID, SANDBOX_ORDER_AMOUNT))?;
//! assert!(sandbox.order(SANDBOX_ORDER_ID).is_some_and(|o| o.paid));
//! # Ok(()) }
//! ```

mod verify;

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex, MutexGuard};

pub use sandbox_server::{Fault, Faults, Hooks, Listen, poll_until};
use sandbox_server::{SandboxServer, is_lost_answer, refuse_because};
use serde_json::{Value, json};
use sign_core::{
    Clock, HttpRequest, HttpResponse, Method, SecretString, SystemClock, Transport, TransportError, TransportErrorKind,
};

use crate::{Client, Config, ConfigBuilder, Error, Fen};

/// The sandbox's app id.
pub const SANDBOX_APPID: &str = "vg-sandbox-app";
/// The sandbox's access key (not secret: it is published here).
pub const SANDBOX_ACCESS_KEY: &str = "vg-sandbox-access-key";
/// The sandbox's secret key (not secret: it is published here).
pub const SANDBOX_SECRET_KEY: &str = "vg-sandbox-secret-key";

/// An unpaid order of 20.00 CNY (the provider's own example order), present in every sandbox.
pub const SANDBOX_ORDER_ID: i64 = 1_000_012_680;
/// The amount of [`SANDBOX_ORDER_ID`].
pub const SANDBOX_ORDER_AMOUNT: Fen = Fen(2000);
/// A second unpaid order, of 450.00 CNY, that already has a return address.
pub const SANDBOX_ORDER_WITH_ADDRESS_ID: i64 = 1_000_012_681;
/// An order that is already paid: paying it again is refused.
pub const SANDBOX_PAID_ORDER_ID: i64 = 1_000_012_682;
/// An unpaid e-visa order of 230.00 CNY (the e-visa product [`SANDBOX_PRODUCT_IDS`]`[2]`): paying it
/// returns no `express_address`, as nothing is mailed.
pub const SANDBOX_EVISA_ORDER_ID: i64 = 1_000_012_683;
/// The product ids of the sandbox's catalogue.
pub const SANDBOX_PRODUCT_IDS: [i64; 3] = [10106, 10107, 10108];

/// An order as the sandbox holds it.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct SandboxOrder {
    /// The order id.
    pub order_id: i64,
    /// The amount `order_pay` must be given.
    pub amount: Fen,
    /// Whether `order_pay` succeeded for it.
    pub paid: bool,
    /// The return address (`order_express_address`), once given.
    pub express_address: Option<Value>,
}

struct State {
    products: Vec<Value>,
    orders: BTreeMap<i64, SandboxOrder>,
}

struct Core {
    clock: Arc<dyn Clock>,
    hooks: Arc<Hooks>,
    appid: String,
    access_key: SecretString,
    secret_key: SecretString,
    /// Whether the answers carry the undocumented variants ([`SandboxBuilder::variant_shapes`]).
    variant_shapes: bool,
    state: Mutex<State>,
}

/// A running local VisaGenius server. Dropping it stops the server.
pub struct Sandbox {
    core: Arc<Core>,
    faults: Arc<Faults>,
    server: SandboxServer,
}

impl std::fmt::Debug for Sandbox {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Sandbox").field("base_url", &self.server.base_url()).finish_non_exhaustive()
    }
}

/// Builder for a [`Sandbox`] with other credentials, clock or address than the defaults.
///
/// ```
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// use visagenius::sandbox::{Listen, Sandbox};
///
/// let sandbox = Sandbox::builder().appid("my-app").access_key("ak").secret_key("sk").listen(Listen::default()).start()?;
/// let client = sandbox.client()?; // signs with my-app / ak / sk
/// # let _ = client;
/// # Ok(()) }
/// ```
#[derive(Debug)]
pub struct SandboxBuilder {
    clock: Arc<dyn Clock>,
    appid: String,
    access_key: SecretString,
    secret_key: SecretString,
    listen: Listen,
    variant_shapes: bool,
}

impl Default for SandboxBuilder {
    fn default() -> Self {
        Self {
            clock: Arc::new(SystemClock),
            appid: SANDBOX_APPID.to_owned(),
            access_key: SecretString::from(SANDBOX_ACCESS_KEY),
            secret_key: SecretString::from(SANDBOX_SECRET_KEY),
            listen: Listen::default(),
            variant_shapes: false,
        }
    }
}

impl SandboxBuilder {
    /// The app id the sandbox accepts (default [`SANDBOX_APPID`]).
    pub fn appid(mut self, appid: impl Into<String>) -> Self {
        self.appid = appid.into();
        self
    }

    /// The access key (default [`SANDBOX_ACCESS_KEY`]).
    pub fn access_key(mut self, key: impl Into<SecretString>) -> Self {
        self.access_key = key.into();
        self
    }

    /// The secret key (default [`SANDBOX_SECRET_KEY`]).
    pub fn secret_key(mut self, key: impl Into<SecretString>) -> Self {
        self.secret_key = key.into();
        self
    }

    /// The sandbox's notion of "now", for the five-minute date window (default: the system clock).
    pub fn clock(mut self, clock: Arc<dyn Clock>) -> Self {
        self.clock = clock;
        self
    }

    /// Where to listen (default: a free port of `127.0.0.1`).
    pub fn listen(mut self, listen: Listen) -> Self {
        self.listen = listen;
        self
    }

    /// Whether the answers carry the undocumented variants a real backend may send (default
    /// `false`: every answer has the document's shape). With `true`, numbers the document types
    /// integer come as strings in the product answers, and `order_pay` answers
    /// [`SANDBOX_ORDER_ID`] with a partial address and [`SANDBOX_EVISA_ORDER_ID`] with none: what a
    /// tolerant client must read, and a client written strictly from the document would not.
    pub fn variant_shapes(mut self, on: bool) -> Self {
        self.variant_shapes = on;
        self
    }

    /// Starts the sandbox.
    ///
    /// # Errors
    /// When the socket cannot be opened (or the address is not loopback and the options do not
    /// allow it).
    pub fn start(self) -> std::io::Result<Sandbox> {
        let core = Arc::new(Core {
            clock: self.clock,
            hooks: Arc::new(Hooks::new()),
            appid: self.appid,
            access_key: self.access_key,
            secret_key: self.secret_key,
            variant_shapes: self.variant_shapes,
            state: Mutex::new(State { products: catalogue(), orders: preset_orders() }),
        });
        let faults = Arc::new(Faults::new());
        let (handler_core, handler_faults) = (Arc::clone(&core), Arc::clone(&faults));
        let server = self.listen.start(move |request| {
            let apply = |r: &HttpRequest| handler_faults.apply(r, |r| handler_core.handle(r), provider_refusal);
            handler_core.hooks.serve(&request, apply, refusal_message)
        })?;
        Ok(Sandbox { core, faults, server })
    }
}

impl Sandbox {
    /// Starts a sandbox on `127.0.0.1` (free port) on the system clock.
    ///
    /// # Errors
    /// When no loopback socket can be opened.
    pub fn start() -> std::io::Result<Self> {
        Self::builder().start()
    }

    /// Starts a sandbox whose notion of "now" (for the five-minute date window) is `clock`.
    ///
    /// # Errors
    /// When no loopback socket can be opened.
    pub fn start_with_clock(clock: Arc<dyn Clock>) -> std::io::Result<Self> {
        Self::builder().clock(clock).start()
    }

    /// A builder: credentials, clock, address.
    pub fn builder() -> SandboxBuilder {
        SandboxBuilder::default()
    }

    /// The request log and extension points of the server (see [`Hooks`]): every request over
    /// the socket is logged with its verdict.
    pub fn hooks(&self) -> &Hooks {
        &self.core.hooks
    }

    /// Whether the answers carry the undocumented variants ([`SandboxBuilder::variant_shapes`]).
    pub fn variant_shapes(&self) -> bool {
        self.core.variant_shapes
    }

    /// The app id the sandbox accepts.
    pub fn appid(&self) -> &str {
        &self.core.appid
    }

    /// Every order the sandbox holds, by id.
    pub fn orders(&self) -> Vec<SandboxOrder> {
        self.core.state().orders.values().cloned().collect()
    }

    /// Marks an order paid or unpaid (what the provider's back office would do); `false` for an
    /// unknown order.
    pub fn set_paid(&self, order_id: i64, paid: bool) -> bool {
        match self.core.state().orders.get_mut(&order_id) {
            Some(order) => {
                order.paid = paid;
                true
            }
            None => false,
        }
    }

    /// The orders, as JSON for a state file: `[{"order_id", "amount_fen", "paid", "express_address"}]`.
    pub fn export_state(&self) -> Value {
        let orders: Vec<Value> = self
            .orders()
            .into_iter()
            .map(|o| {
                json!({
                    "order_id": o.order_id,
                    "amount_fen": o.amount.fen(),
                    "paid": o.paid,
                    "express_address": o.express_address,
                })
            })
            .collect();
        json!({ "orders": orders })
    }

    /// Replaces the orders with those of `state` (from [`export_state`](Self::export_state)).
    ///
    /// # Errors
    /// `state` is not such a document; nothing is changed then.
    pub fn import_state(&self, state: &Value) -> Result<(), String> {
        let list = state.get("orders").and_then(Value::as_array).ok_or("no `orders` list")?;
        let mut orders = BTreeMap::new();
        for o in list {
            let (Some(order_id), Some(fen), Some(paid)) =
                (o["order_id"].as_i64(), o["amount_fen"].as_i64(), o["paid"].as_bool())
            else {
                return Err(format!("an order lacks order_id, amount_fen or paid: {o}"));
            };
            let express_address = Some(o["express_address"].clone()).filter(|a| a.is_object());
            orders.insert(order_id, SandboxOrder { order_id, amount: Fen(fen), paid, express_address });
        }
        self.core.state().orders = orders;
        Ok(())
    }

    /// Back to the state of a fresh sandbox: the preset orders only, none of them newly paid.
    /// Planned faults are forgotten too.
    pub fn reset(&self) {
        *self.core.state() = State { products: catalogue(), orders: preset_orders() };
        self.faults.clear();
    }

    /// The faults planned for this sandbox: plan one, and the next request (or the next one to a
    /// path, e.g. `/openvisa/order_pay`) meets it, over the socket and through
    /// [`transport`](Self::transport) alike ([`handle`](Self::handle) ignores them).
    /// [`Fault::ProviderError`] answers the provider's envelope `{"ret": <code>, "msg": <message>}`
    /// (HTTP 200), which the client reports as [`Error::Api`].
    ///
    /// ```
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// use visagenius::sandbox::{Fault, Sandbox, SANDBOX_ORDER_AMOUNT, SANDBOX_ORDER_ID};
    /// use visagenius::OrderPayRequest;
    ///
    /// let sandbox = Sandbox::start()?;
    /// let client = sandbox.client()?;
    /// sandbox.faults().on_path("/openvisa/order_pay", Fault::LoseAnswer);
    /// let err = client.order_pay(&OrderPayRequest::new(SANDBOX_ORDER_ID, SANDBOX_ORDER_AMOUNT)).unwrap_err();
    /// assert!(err.outcome_unknown()); // and it did go through:
    /// assert!(sandbox.order(SANDBOX_ORDER_ID).is_some_and(|o| o.paid));
    /// # Ok(()) }
    /// ```
    pub fn faults(&self) -> &Faults {
        &self.faults
    }

    /// The base URL, e.g. `http://127.0.0.1:41234`.
    pub fn base_url(&self) -> &str {
        self.server.base_url()
    }

    /// A configuration builder preset for this sandbox: its URL and credentials (adjust timeouts
    /// or retries, then `build()`).
    pub fn config_builder(&self) -> ConfigBuilder {
        Config::builder()
            .base_url(self.base_url())
            .appid(self.core.appid.as_str())
            .access_key(self.core.access_key.clone())
            .secret_key(self.core.secret_key.clone())
    }

    /// A client for this sandbox over the real HTTP transport.
    ///
    /// # Errors
    /// As [`ConfigBuilder::build`].
    pub fn client(&self) -> Result<Client, Error> {
        Ok(Client::new(self.config_builder().build()?))
    }

    /// A transport that hands requests straight to [`handle`](Self::handle), without a socket.
    pub fn transport(&self) -> Arc<dyn Transport> {
        Arc::new(InProcess(Arc::clone(&self.core), Arc::clone(&self.faults)))
    }

    /// Answers one request as the provider would (sans-IO).
    pub fn handle(&self, request: &HttpRequest) -> HttpResponse {
        self.core.handle(request)
    }

    /// The order `order_id`, if the sandbox knows it.
    pub fn order(&self, order_id: i64) -> Option<SandboxOrder> {
        self.core.state().orders.get(&order_id).cloned()
    }

    /// Adds (or replaces) an unpaid order of `amount`.
    pub fn add_order(&self, order_id: i64, amount: Fen) {
        self.core
            .state()
            .orders
            .insert(order_id, SandboxOrder { order_id, amount, paid: false, express_address: None });
    }
}

struct InProcess(Arc<Core>, Arc<Faults>);

impl Transport for InProcess {
    fn send(&self, request: &HttpRequest) -> Result<HttpResponse, TransportError> {
        let response = self.1.apply(request, |r| self.0.handle(r), provider_refusal);
        if is_lost_answer(&response) {
            return Err(TransportError::new(TransportErrorKind::Io, "sandbox fault: the answer was lost"));
        }
        Ok(response)
    }
}

/// The provider's refusal envelope for [`Fault::ProviderError`]: HTTP 200, `ret` the code (a
/// number when it is one), `msg` the message.
fn provider_refusal(code: &str, message: &str) -> HttpResponse {
    let ret = code.trim().parse::<i64>().map_or_else(|_| Value::from(code), Value::from);
    HttpResponse::json(200, json!({ "ret": ret, "msg": message }).to_string().into_bytes())
}

/// `None` for the provider's success envelope (`ret` 0), else its `msg`.
fn refusal_message(response: &HttpResponse) -> Option<String> {
    let doc: Value = serde_json::from_slice(&response.body).ok()?;
    match doc.get("ret").and_then(Value::as_i64) {
        Some(0) => None,
        _ => Some(format!("{} (ret {})", doc.get("msg").and_then(Value::as_str).unwrap_or("?"), doc["ret"])),
    }
    .or_else(|| (!response.is_success()).then(|| format!("HTTP {}", response.status)))
}

fn envelope(status: u16, ret: i64, msg: &str, body: Value) -> HttpResponse {
    let mut doc = json!({ "ret": ret, "msg": msg });
    if !body.is_null() {
        doc["body"] = body;
    }
    HttpResponse::json(status, doc.to_string().into_bytes())
}

fn refuse(status: u16, msg: &str) -> HttpResponse {
    envelope(status, -1, msg, Value::Null)
}

fn bad_params(detail: &str) -> HttpResponse {
    refuse(400, &format!("参数不正确: {detail}"))
}

impl Core {
    fn state(&self) -> MutexGuard<'_, State> {
        // A panic while holding the lock cannot leave the maps half-updated: recover.
        self.state.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    fn handle(&self, request: &HttpRequest) -> HttpResponse {
        if request.method != Method::Post {
            refuse_because(format!("method {} not allowed: every endpoint takes POST", request.method.as_str()));
            return refuse(405, "只支持POST请求");
        }
        let creds =
            verify::Credentials { appid: &self.appid, access_key: &self.access_key, secret_key: &self.secret_key };
        if let Err(failure) = verify::check(request, &creds, self.clock.now()) {
            return refuse(400, failure.message());
        }
        let content_type = request.header("Content-Type").unwrap_or_default();
        if !content_type.trim_start().to_ascii_lowercase().starts_with("application/json") {
            refuse_because(format!("Content-Type is {content_type:?}: send application/json"));
            return bad_params("Content-Type必须为application/json");
        }
        let path = request.path().to_owned();
        let endpoint = match path.as_str() {
            "/openvisa/order_pay" | "/openvisa/product_brief_query" | "/openvisa/product_query" => path,
            _ => {
                refuse_because(format!(
                    "no endpoint {path}: the sandbox serves /openvisa/order_pay, /openvisa/product_brief_query and \
                     /openvisa/product_query"
                ));
                return refuse(404, "接口不存在");
            }
        };
        let body: Value = match serde_json::from_slice(&request.body) {
            Ok(Value::Object(map)) => Value::Object(map),
            _ => {
                refuse_because("the body is not a JSON object");
                return bad_params("请求体必须是JSON对象");
            }
        };
        match endpoint.as_str() {
            "/openvisa/order_pay" => self.order_pay(&body),
            "/openvisa/product_brief_query" => self.product_brief_query(&body),
            _ => self.product_query(&body),
        }
    }

    fn product_brief_query(&self, body: &Value) -> HttpResponse {
        let mut filters = [None, None, None];
        for (slot, name) in filters.iter_mut().zip(["country_name", "country_code", "province_code"]) {
            match body.get(name) {
                None | Some(Value::Null) => {}
                Some(Value::String(s)) if s.is_empty() => {}
                Some(Value::String(s)) => *slot = Some(s.clone()),
                Some(_) => return bad_params(name),
            }
        }
        let [country_name, country_code, province_code] = filters;
        let state = self.state();
        let data: Vec<Value> = state
            .products
            .iter()
            .filter(|p| country_name.as_ref().is_none_or(|n| p["visa_country"]["country_name"] == n.as_str()))
            .filter(|p| {
                country_code
                    .as_ref()
                    .is_none_or(|c| p["country_code"].as_str().is_some_and(|pc| pc.eq_ignore_ascii_case(c)))
            })
            .filter(|p| {
                province_code.as_ref().is_none_or(|code| {
                    p["cover_province"]
                        .as_array()
                        .is_some_and(|ps| ps.iter().any(|x| x["province_code"] == code.as_str()))
                })
            })
            .map(|p| {
                // Integers as the document types them, or quoted with the variant shapes.
                let shaped = |v: &Value| if self.variant_shapes { quoted(v) } else { v.clone() };
                json!({
                    "product_id": shaped(&p["product_id"]),
                    "product_name": p["product_name"],
                    "price": shaped(&p["price"]),
                    "country_code": p["country_code"],
                    "visa_type_id": shaped(&p["visa_type_id"]),
                    "visa_form": p["visa_form"],
                    "need_return_material": p["need_delivery"],
                    "validity_period_unit": p["validity_period_unit"],
                })
            })
            .collect();
        envelope(200, 0, "ok", json!({ "total_count": data.len(), "data": data }))
    }

    fn product_query(&self, body: &Value) -> HttpResponse {
        let Some(product_id) = body.get("product_id").and_then(Value::as_i64) else {
            return bad_params("product_id");
        };
        let state = self.state();
        match state.products.iter().find(|p| p["product_id"] == product_id) {
            Some(product) => {
                let mut detail = product.clone();
                if self.variant_shapes {
                    for field in ["visa_type_id", "need_interview", "need_delivery"] {
                        detail[field] = quoted(&detail[field]);
                    }
                }
                envelope(200, 0, "ok", detail)
            }
            None => refuse(200, "商品不存在"),
        }
    }

    fn order_pay(&self, body: &Value) -> HttpResponse {
        let Some(order_id) = body.get("order_id").and_then(Value::as_i64) else {
            return bad_params("order_id");
        };
        // `as_i64` refuses floats: amounts are integer fen.
        let Some(pay_amount) = body.get("pay_amount").and_then(Value::as_i64) else {
            return bad_params("pay_amount");
        };
        if pay_amount <= 0 {
            return bad_params("pay_amount必须大于0");
        }
        let address = match body.get("order_express_address") {
            None | Some(Value::Null) => None,
            Some(Value::Object(a)) => {
                for field in
                    ["addressee", "mobile_phone", "province_code", "city_code", "county_code", "detail_address"]
                {
                    let filled = a.get(field).and_then(Value::as_str).is_some_and(|s| !s.is_empty());
                    if !filled {
                        return bad_params(&format!("order_express_address.{field}"));
                    }
                }
                Some(Value::Object(a.clone()))
            }
            Some(_) => return bad_params("order_express_address"),
        };
        let mut state = self.state();
        let Some(order) = state.orders.get_mut(&order_id) else {
            return refuse(200, "订单不存在");
        };
        if order.paid {
            return refuse(200, "订单已支付,请勿重复支付");
        }
        if order.amount.fen() != pay_amount {
            return refuse(200, "支付金额与订单金额不一致");
        }
        order.paid = true;
        if address.is_some() {
            order.express_address = address;
        }
        let body = match order_id {
            _ if !self.variant_shapes => json!({ "express_address": supplier_address() }),
            // Nothing to mail for an e-visa: no address at all.
            SANDBOX_EVISA_ORDER_ID => json!({}),
            // Only the example shows the address's fields: a real server may send fewer.
            SANDBOX_ORDER_ID => json!({ "express_address": partial_supplier_address() }),
            _ => json!({ "express_address": supplier_address() }),
        };
        envelope(200, 0, "ok", body)
    }
}

/// A number as a string holding it (`10106` -> `"10106"`), as a loosely typed backend writes it.
fn quoted(value: &Value) -> Value {
    match value {
        Value::Number(n) => Value::String(n.to_string()),
        other => other.clone(),
    }
}

/// The supplier's address with only some of the example's fields (no phone, no names), its `id`
/// as a string.
fn partial_supplier_address() -> Value {
    json!({
        "id": "10116",
        "addressee": "周建成",
        "province_code": "120000",
        "city_code": "120100",
        "county_code": "120101",
        "detail_address": "东外斜街甲4号宏天  商务115室"
    })
}

/// The supplier's address returned by `order_pay` (the provider's own example, with the names
/// added in its 2024-08-26 change).
fn supplier_address() -> Value {
    json!({
        "id": 10116,
        "addressee": "周建成",
        "mobile_phone": "15071097990",
        "province_code": "120000",
        "city_code": "120100",
        "county_code": "120101",
        "detail_address": "东外斜街甲4号宏天  商务115室",
        "province_name": "天津市",
        "city_name": "天津市",
        "county_name": "和平区"
    })
}

fn catalogue() -> Vec<Value> {
    let beijing = json!({ "province_code": "110000", "province_name": "北京市" });
    let shanghai = json!({ "province_code": "310000", "province_name": "上海市" });
    let tianjin = json!({ "province_code": "120000", "province_name": "天津市" });
    vec![
        json!({
            "product_id": SANDBOX_PRODUCT_IDS[0],
            "product_name": "韩国单次旅游签证(北京送签)",
            "visa_country": { "country_name": "韩国", "country_code": "KR" },
            "country_code": "KR",
            "cover_province": [beijing, tianjin],
            "visa_type_id": 4,
            "visa_form": 1,
            "entry_count_unit": "单次",
            "validity_period_unit": "3个月",
            "price": 36900,
            "update_time": "2024-11-29 10:00:00",
            "stay_duration_unit": "90天",
            "need_interview": 0,
            "need_delivery": 1
        }),
        json!({
            "product_id": SANDBOX_PRODUCT_IDS[1],
            "product_name": "日本单次旅游签证(上海送签)",
            "visa_country": { "country_name": "日本", "country_code": "JP" },
            "country_code": "JP",
            "cover_province": [shanghai],
            "visa_type_id": 1,
            "visa_form": 1,
            "entry_count_unit": "单次",
            "validity_period_unit": "3个月",
            "price": 45000,
            "update_time": "2024-11-29 10:00:00",
            "stay_duration_unit": "15天",
            "need_interview": 0,
            "need_delivery": 1
        }),
        json!({
            "product_id": SANDBOX_PRODUCT_IDS[2],
            "product_name": "泰国电子签证",
            "visa_country": { "country_name": "泰国", "country_code": "TH" },
            "country_code": "TH",
            "cover_province": [beijing, shanghai, tianjin],
            "visa_type_id": 1,
            "visa_form": 2,
            "entry_count_unit": "单次",
            "validity_period_unit": "0个月",
            "price": 23000,
            "update_time": "2024-11-29 10:00:00",
            "stay_duration_unit": "30天",
            "need_interview": 0,
            "need_delivery": 0,
            "elec_material": { "style": "pdf", "pattern": "https://sandbox.invalid/e-visa-sample.pdf" }
        }),
    ]
}

fn preset_orders() -> BTreeMap<i64, SandboxOrder> {
    let orders = [
        SandboxOrder { order_id: SANDBOX_ORDER_ID, amount: SANDBOX_ORDER_AMOUNT, paid: false, express_address: None },
        SandboxOrder {
            order_id: SANDBOX_ORDER_WITH_ADDRESS_ID,
            amount: Fen(45000),
            paid: false,
            express_address: Some(json!({
                "addressee": "张三",
                "mobile_phone": "13800000000",
                "province_code": "310000",
                "city_code": "310100",
                "county_code": "310101",
                "detail_address": "人民路1号"
            })),
        },
        SandboxOrder { order_id: SANDBOX_PAID_ORDER_ID, amount: Fen(23000), paid: true, express_address: None },
        SandboxOrder { order_id: SANDBOX_EVISA_ORDER_ID, amount: Fen(23000), paid: false, express_address: None },
    ];
    orders.into_iter().map(|o| (o.order_id, o)).collect()
}
