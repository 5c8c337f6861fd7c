//! A local mall that behaves like the provider (feature `sandbox`).
//!
//! [`Sandbox::start`] serves the "pay an order now" endpoint on `127.0.0.1` at
//! [`Sandbox::PAY_PATH`] (the real path is not public, so the sandbox picks its own and
//! [`Sandbox::config_builder`] fills it in). It reads the body as a JSON object or as
//! `application/x-www-form-urlencoded` fields (the provider names no content type; its PHP
//! backend may read either), checks the `token` header and every method/amount/freight rule with
//! its own code (written apart from the client's, reading each value's text as sent so that a
//! float-mangled `pay_price` such as `0.10000000000000001` is caught), keeps
//! state (tokens issued and expired, orders paid, the user's points balance), and answers with the
//! provider's envelopes, in the document's types: `"status": 200` (a number), WeChat parameters for
//! methods 1 and 4 (every field a string, `timestamp` and `partnerid` included), an Alipay order
//! string for 2 and 5, `data: []` for points only (nothing for the app to pay), and
//! `{"status": 0, "msg": "token过期", "data": []}` for an expired token.
//!
//! With [`SandboxBuilder::variant_shapes`] it answers instead with the variants a loosely typed
//! PHP backend may send, to exercise a tolerant reader: WeChat's `timestamp` and `partnerid` as
//! JSON numbers (as PHP writes `time()` and a numeric id), and the points-only success with a
//! quoted `"status": "200"`.
//!
//! Only `token过期` is the provider's own wording; the sandbox's other failure messages are ours.
//! The WeChat `sign` and Alipay `sign` it returns are made with sandbox keys and will not be
//! accepted by the real WeChat or Alipay SDKs.

use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex, MutexGuard};

pub use sandbox_server::{Fault, Faults, Hooks, Listen, poll_until};
use sandbox_server::{SandboxServer, refuse_because};
use serde_json::value::RawValue;
use sign_core::{HttpRequest, HttpResponse, Method, SecretString};

use crate::config::ConfigBuilder;
use crate::{Client, Error};

/// The sandbox's WeChat app id.
pub const WECHAT_APPID: &str = "wx0000sandbox0000";
/// The sandbox's WeChat merchant id (`partnerid`).
pub const WECHAT_PARTNERID: &str = "1900000109";
/// The key the sandbox signs its WeChat parameters with (WeChat's app-pay MD5 rule).
pub const WECHAT_SANDBOX_KEY: &str = "mallpaysandboxwechatkey000000000";
/// The sandbox's Alipay app id.
pub const ALIPAY_APP_ID: &str = "2021000000000000";
/// The points balance of every user the sandbox logs in.
pub const STARTING_POINTS: i64 = 10_000;

/// How the sandbox recorded a paid order.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct PaidOrder {
    /// `order_id`.
    pub order_id: i64,
    /// `pay_method` (1-5).
    pub pay_method: i64,
    /// `pay_price` exactly as received (the number's text), if sent.
    pub pay_price: Option<String>,
    /// `pay_integral`, if sent.
    pub pay_integral: Option<i64>,
    /// `address_id`.
    pub address_id: i64,
    /// `freight_mode`.
    pub freight_mode: i64,
    /// `freight_json_arr_key` (0 when not sent).
    pub freight_json_arr_key: i64,
}

#[derive(Default)]
struct State {
    /// token -> expired?
    tokens: HashMap<String, bool>,
    orders: BTreeMap<i64, PaidOrder>,
    points: i64,
    requests: usize,
}

/// The sans-IO sandbox: state plus [`SandboxHandler::handle`]. [`Sandbox`] puts one behind a socket.
#[derive(Clone)]
pub struct SandboxHandler {
    state: Arc<Mutex<State>>,
    /// Whether answers carry the undocumented variants ([`SandboxBuilder::variant_shapes`]).
    variant_shapes: bool,
}

impl std::fmt::Debug for SandboxHandler {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Counts only: the state holds the users' tokens.
        let state = self.state();
        f.debug_struct("SandboxHandler")
            .field("tokens", &state.tokens.len())
            .field("paid_orders", &state.orders.len())
            .field("points", &state.points)
            .finish()
    }
}

impl Default for SandboxHandler {
    fn default() -> Self {
        Self::new()
    }
}

/// A running sandbox on `127.0.0.1`. Dropping it stops the server.
#[derive(Debug)]
pub struct Sandbox {
    server: SandboxServer,
    handler: SandboxHandler,
    faults: Arc<Faults>,
    hooks: Arc<Hooks>,
    token: SecretString,
}

/// Builder for a [`Sandbox`] with a token or an address of your choosing.
#[derive(Debug, Default)]
pub struct SandboxBuilder {
    token: Option<SecretString>,
    listen: Listen,
    variant_shapes: bool,
}

impl SandboxBuilder {
    /// The logged-in user's token (default: a random one).
    pub fn token(mut self, token: impl Into<SecretString>) -> Self {
        self.token = Some(token.into());
        self
    }

    /// Where to listen (default: a free port of `127.0.0.1`).
    pub fn listen(mut self, listen: Listen) -> Self {
        self.listen = listen;
        self
    }

    /// Whether the answers carry the undocumented variants a loosely typed backend may send
    /// (default `false`: the document's types). With `true`, WeChat's `timestamp` and `partnerid`
    /// come as JSON numbers and the points-only success as `"status": "200"`: what a tolerant
    /// client must read, and a client written strictly from the document would not.
    pub fn variant_shapes(mut self, on: bool) -> Self {
        self.variant_shapes = on;
        self
    }

    /// Starts the sandbox with one logged-in user.
    ///
    /// # Errors
    /// When the socket cannot be opened.
    pub fn start(self) -> std::io::Result<Sandbox> {
        let handler = SandboxHandler::new().variant_shapes(self.variant_shapes);
        let token = match self.token {
            Some(token) => {
                handler.add_token(&token);
                token
            }
            None => handler.issue_token(),
        };
        let faults = Arc::new(Faults::new());
        let hooks = Arc::new(Hooks::new());
        let (served, served_faults, served_hooks) = (handler.clone(), Arc::clone(&faults), Arc::clone(&hooks));
        let server = self.listen.start(move |request| {
            let apply = |r: &HttpRequest| served_faults.apply(r, |r| served.handle(r), provider_refusal);
            served_hooks.serve(&request, apply, refusal_message)
        })?;
        Ok(Sandbox { server, handler, faults, hooks, token })
    }
}

/// `None` for the mall's success envelope (`status` 200 or `"200"`), else its `msg`.
fn refusal_message(response: &HttpResponse) -> Option<String> {
    let doc: serde_json::Value = serde_json::from_slice(&response.body).unwrap_or_default();
    let ok =
        matches!(&doc["status"], serde_json::Value::Number(n) if n.as_i64() == Some(200)) || doc["status"] == "200";
    if ok && response.is_success() {
        return None;
    }
    Some(match doc.get("msg").and_then(serde_json::Value::as_str) {
        Some(msg) => format!("{msg} (status {})", doc["status"]),
        None => format!("HTTP {}", response.status),
    })
}

impl Sandbox {
    /// The path the sandbox serves the pay endpoint on.
    pub const PAY_PATH: &'static str = "/sandbox/order/pay";

    /// Starts a sandbox on a free loopback port with one logged-in user.
    pub fn start() -> std::io::Result<Self> {
        Self::builder().start()
    }

    /// A builder: token, address.
    pub fn builder() -> SandboxBuilder {
        SandboxBuilder::default()
    }

    /// The request log and extension points of the server (see [`Hooks`]): every request over
    /// the socket is logged with its verdict.
    pub fn hooks(&self) -> &Hooks {
        &self.hooks
    }

    /// Every paid order, by id.
    pub fn paid_orders(&self) -> Vec<PaidOrder> {
        self.handler.state().orders.values().cloned().collect()
    }

    /// The paid orders, the points balance and the tokens (valid or expired), as JSON for a state
    /// file (which then holds tokens: keep it private).
    pub fn export_state(&self) -> serde_json::Value {
        let state = self.handler.state();
        let orders: Vec<serde_json::Value> = state
            .orders
            .values()
            .map(|o| {
                serde_json::json!({
                    "order_id": o.order_id,
                    "pay_method": o.pay_method,
                    "pay_price": o.pay_price,
                    "pay_integral": o.pay_integral,
                    "address_id": o.address_id,
                    "freight_mode": o.freight_mode,
                    "freight_json_arr_key": o.freight_json_arr_key,
                })
            })
            .collect();
        let tokens: serde_json::Map<String, serde_json::Value> =
            state.tokens.iter().map(|(t, expired)| (t.clone(), serde_json::Value::Bool(*expired))).collect();
        serde_json::json!({ "orders": orders, "points": state.points, "tokens": tokens })
    }

    /// Replaces the state with `state` (from [`export_state`](Self::export_state)); the
    /// sandbox's own token stays valid.
    ///
    /// # Errors
    /// `state` is not such a document; nothing is changed then.
    pub fn import_state(&self, state: &serde_json::Value) -> Result<(), String> {
        let int = |o: &serde_json::Value, k: &str| o[k].as_i64().ok_or_else(|| format!("an order lacks {k}: {o}"));
        let mut orders = BTreeMap::new();
        for o in state["orders"].as_array().ok_or("no `orders` list")? {
            let order = PaidOrder {
                order_id: int(o, "order_id")?,
                pay_method: int(o, "pay_method")?,
                pay_price: o["pay_price"].as_str().map(str::to_owned),
                pay_integral: o["pay_integral"].as_i64(),
                address_id: int(o, "address_id")?,
                freight_mode: int(o, "freight_mode")?,
                freight_json_arr_key: int(o, "freight_json_arr_key")?,
            };
            orders.insert(order.order_id, order);
        }
        let points = state["points"].as_i64().ok_or("no `points`")?;
        let tokens: HashMap<String, bool> = state["tokens"]
            .as_object()
            .ok_or("no `tokens`")?
            .iter()
            .map(|(t, e)| (t.clone(), e.as_bool().unwrap_or(true)))
            .collect();
        let mut current = self.handler.state();
        current.orders = orders;
        current.points = points;
        current.tokens = tokens;
        current.tokens.insert(self.token.expose().to_owned(), false);
        Ok(())
    }

    /// Back to a fresh sandbox: no paid orders, [`STARTING_POINTS`] points, only the sandbox's
    /// own token ([`Sandbox::token`], valid again), no planned faults.
    pub fn reset(&self) {
        *self.handler.state() = State { points: STARTING_POINTS, ..State::default() };
        self.handler.add_token(&self.token);
        self.faults.clear();
    }

    /// The faults planned for this sandbox: plan one, and the next request over the socket (or
    /// the next one to a path, e.g. [`Sandbox::PAY_PATH`]) meets it ([`handle`](Self::handle)
    /// ignores them). [`Fault::ProviderError`] answers the mall's envelope
    /// `{"status": <code>, "msg": <message>, "data": []}` (HTTP 200): code `"0"` is the documented
    /// refusal, a definite [`Error::Api`]; another code an undocumented one, outcome unknown.
    ///
    /// ```
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// use mall_pay::sandbox::{Fault, Sandbox};
    /// use mall_pay::{Freight, PayOrder, PayWith, Points};
    ///
    /// let sandbox = Sandbox::start()?;
    /// let client = sandbox.client()?;
    /// sandbox.faults().on_path(Sandbox::PAY_PATH, Fault::LoseAnswer);
    /// let order = PayOrder::new(1001, 7, PayWith::points(Points::new(5)?), Freight::Free)?;
    /// let err = client.order_pay(&order.into()).unwrap_err();
    /// assert!(err.outcome_unknown()); // and it did go through:
    /// assert!(sandbox.paid_order(1001).is_some());
    /// # Ok(()) }
    /// ```
    pub fn faults(&self) -> &Faults {
        &self.faults
    }

    /// The base URL, e.g. `http://127.0.0.1:41234`.
    pub fn base_url(&self) -> &str {
        self.server.base_url()
    }

    /// The logged-in user's token, valid until [`Sandbox::expire_token`].
    pub fn token(&self) -> SecretString {
        self.token.clone()
    }

    /// A configuration builder preset for this sandbox: base URL, pay path and the user's token.
    /// Adjust it, then `build()`.
    pub fn config_builder(&self) -> ConfigBuilder {
        crate::Config::builder().base_url(self.base_url()).pay_path(Self::PAY_PATH).token(self.token())
    }

    /// A client for this sandbox over the real HTTP transport, logged in with [`Sandbox::token`].
    ///
    /// # Errors
    /// As [`ConfigBuilder::build`].
    pub fn client(&self) -> Result<Client, Error> {
        Ok(Client::new(self.config_builder().build()?))
    }

    /// The sans-IO handler serving this sandbox (shares its state).
    pub fn handler(&self) -> &SandboxHandler {
        &self.handler
    }

    /// Answers one request without a socket (same state as the server).
    pub fn handle(&self, request: &HttpRequest) -> HttpResponse {
        self.handler.handle(request)
    }

    /// Logs the user in again: a new valid token.
    pub fn issue_token(&self) -> SecretString {
        self.handler.issue_token()
    }

    /// Expires a token: calls with it get `{"status":0,"msg":"token过期","data":[]}`.
    pub fn expire_token(&self, token: &SecretString) {
        self.handler.expire_token(token)
    }

    /// The order as paid, if it was.
    pub fn paid_order(&self, order_id: i64) -> Option<PaidOrder> {
        self.handler.paid_order(order_id)
    }

    /// The user's points balance.
    pub fn points_balance(&self) -> i64 {
        self.handler.points_balance()
    }

    /// How many requests reached the pay endpoint (accepted or not).
    pub fn pay_requests(&self) -> usize {
        self.handler.pay_requests()
    }
}

impl SandboxHandler {
    /// A sandbox with no tokens, no paid orders and [`STARTING_POINTS`] points.
    pub fn new() -> Self {
        Self {
            state: Arc::new(Mutex::new(State { points: STARTING_POINTS, ..State::default() })),
            variant_shapes: false,
        }
    }

    /// Whether the answers carry the undocumented variants (see
    /// [`SandboxBuilder::variant_shapes`]; default `false`).
    #[must_use]
    pub fn variant_shapes(mut self, on: bool) -> Self {
        self.variant_shapes = on;
        self
    }

    fn state(&self) -> MutexGuard<'_, State> {
        // A panic in another handler thread must not take the sandbox down with it.
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Logs a user in: a new valid token.
    pub fn issue_token(&self) -> SecretString {
        let token = sign_core::clock::random_nonce(32);
        self.state().tokens.insert(token.clone(), false);
        SecretString::new(token)
    }

    /// Logs a user in with `token` (valid until expired).
    pub fn add_token(&self, token: &SecretString) {
        self.state().tokens.insert(token.expose().to_owned(), false);
    }

    /// Expires a token.
    pub fn expire_token(&self, token: &SecretString) {
        if let Some(expired) = self.state().tokens.get_mut(token.expose()) {
            *expired = true;
        }
    }

    /// The order as paid, if it was.
    pub fn paid_order(&self, order_id: i64) -> Option<PaidOrder> {
        self.state().orders.get(&order_id).cloned()
    }

    /// The user's points balance.
    pub fn points_balance(&self) -> i64 {
        self.state().points
    }

    /// How many requests reached the pay endpoint.
    pub fn pay_requests(&self) -> usize {
        self.state().requests
    }

    /// Answers one request (sans-IO).
    pub fn handle(&self, request: &HttpRequest) -> HttpResponse {
        if request.path() != Sandbox::PAY_PATH {
            refuse_because(format!("no endpoint {}: the pay endpoint is {}", request.path(), Sandbox::PAY_PATH));
            return HttpResponse::new(404, "<html><body><h1>404 Not Found</h1></body></html>")
                .with_header("Content-Type", "text/html; charset=utf-8");
        }
        if request.method != Method::Post {
            refuse_because(format!("method {} not allowed: the pay endpoint takes POST", request.method.as_str()));
            return HttpResponse::new(405, "<html><body><h1>405 Method Not Allowed</h1></body></html>")
                .with_header("Content-Type", "text/html; charset=utf-8");
        }
        let mut state = self.state();
        state.requests += 1;
        match pay(&mut state, request, self.variant_shapes) {
            // A loosely typed PHP backend may quote its numbers: with the variants, the points-only
            // answer (nothing for the app, `data: []`) comes with `"status": "200"`.
            Ok(data) if data == "[]" && self.variant_shapes => envelope("\"200\"", "支付成功", &data),
            Ok(data) if data == "[]" => envelope("200", "支付成功", &data),
            Ok(data) => envelope("200", "下单成功", &data),
            Err(msg) => envelope("0", &msg, "[]"),
        }
    }
}

/// The mall's refusal envelope for [`Fault::ProviderError`]: `status` the code (a number when it
/// is one), `msg` the message, `data: []`.
fn provider_refusal(code: &str, message: &str) -> HttpResponse {
    let status = match code.trim().parse::<i64>() {
        Ok(n) => n.to_string(),
        Err(_) => serde_json::to_string(code).unwrap_or_else(|_| "\"\"".into()),
    };
    envelope(&status, message, "[]")
}

/// The envelope, `status` written as given (`200`, `"200"` or `0`).
fn envelope(status: &str, msg: &str, data: &str) -> HttpResponse {
    let msg = serde_json::to_string(msg).unwrap_or_else(|_| "\"\"".into());
    HttpResponse::json(200, format!(r#"{{"status":{status},"msg":{msg},"data":{data}}}"#))
}

/// The request's fields, each value's text as sent: a JSON number's own digits, a JSON string's
/// content (a PHP backend sees `"1001"` and `1001` alike, as it sees a form field's text: the
/// document gives types, not JSON shapes), another JSON value's own text, or a form field's
/// decoded text.
type Fields = BTreeMap<String, String>;

/// A field's text, if present (a JSON `null` counts as absent).
fn raw<'a>(fields: &'a Fields, name: &str) -> Option<&'a str> {
    fields.get(name).map(|v| v.trim())
}

/// The fields of a JSON object body; `null` values are left out.
fn json_fields(body: &[u8]) -> Option<Fields> {
    let object: BTreeMap<String, Box<RawValue>> = serde_json::from_slice(body).ok()?;
    let present = object.into_iter().filter(|(_, v)| v.get().trim() != "null");
    let text = |v: &RawValue| match serde_json::from_str::<String>(v.get()) {
        Ok(content) => content,
        Err(_) => v.get().trim().to_owned(),
    };
    Some(present.map(|(k, v)| (k, text(&v))).collect())
}

/// The fields of an `application/x-www-form-urlencoded` body (`+` is a space, `%XX` a byte, the
/// result UTF-8); the last of repeated names wins, as in PHP's `$_POST`.
fn form_fields(body: &[u8]) -> Option<Fields> {
    let decode = |part: &[u8]| -> Option<String> {
        let mut bytes = Vec::with_capacity(part.len());
        let mut i = 0;
        while i < part.len() {
            match part[i] {
                b'+' => bytes.push(b' '),
                b'%' => {
                    let hex = std::str::from_utf8(part.get(i + 1..i + 3)?).ok()?;
                    bytes.push(u8::from_str_radix(hex, 16).ok()?);
                    i += 2;
                }
                b => bytes.push(b),
            }
            i += 1;
        }
        String::from_utf8(bytes).ok()
    };
    let mut fields = Fields::new();
    for pair in body.split(|&b| b == b'&').filter(|p| !p.is_empty()) {
        let (name, value) = match pair.iter().position(|&b| b == b'=') {
            Some(at) => (&pair[..at], &pair[at + 1..]),
            None => (pair, &b""[..]),
        };
        fields.insert(decode(name)?, decode(value)?);
    }
    Some(fields)
}

/// A positive integer (digits only: no sign, no fraction, no exponent, no quotes).
fn positive_int(fields: &Fields, name: &str) -> Result<Option<i64>, String> {
    let Some(text) = raw(fields, name) else { return Ok(None) };
    let valid = !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit());
    match text.parse::<i64>() {
        Ok(v) if valid && v > 0 => Ok(Some(v)),
        _ => Err(format!("参数错误: {name}")),
    }
}

fn required_int(fields: &Fields, name: &str) -> Result<i64, String> {
    positive_int(fields, name)?.ok_or_else(|| format!("缺少参数: {name}"))
}

/// `pay_price`: a number of yuan with at most two decimals, more than zero.
fn price(fields: &Fields) -> Result<Option<String>, String> {
    let Some(text) = raw(fields, "pay_price") else { return Ok(None) };
    let (int, frac) = text.split_once('.').unwrap_or((text, ""));
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    let well_formed =
        !int.is_empty() && digits(int) && digits(frac) && frac.len() <= 2 && !text.ends_with('.') && int.len() <= 13;
    let non_zero = text.bytes().any(|b| (b'1'..=b'9').contains(&b));
    if well_formed && non_zero { Ok(Some(text.to_owned())) } else { Err("支付金额格式错误".into()) }
}

fn pay(state: &mut State, request: &HttpRequest, variants: bool) -> Result<String, String> {
    let token = request.header("token").map(str::trim).unwrap_or_default();
    if token.is_empty() {
        refuse_because("no `token` header: send the logged-in user's token (printed at start)");
        return Err("token不能为空".into());
    }
    match state.tokens.get(token) {
        None => {
            refuse_because("the `token` header holds no token the sandbox issued (it printed its token at start)");
            return Err("token无效,请登录".into());
        }
        Some(true) => {
            refuse_because("the token has expired: log in again for a new one");
            return Err("token过期".into());
        }
        Some(false) => {}
    }
    let content_type = request.header("content-type").unwrap_or_default().trim().to_ascii_lowercase();
    let fields = if content_type.starts_with("application/json") {
        json_fields(&request.body).ok_or("参数错误: 请求体不是 JSON 对象")?
    } else if content_type.starts_with("application/x-www-form-urlencoded") {
        form_fields(&request.body).ok_or("参数错误: 表单编码错误")?
    } else {
        refuse_because(format!(
            "Content-Type {content_type:?}: send application/json or application/x-www-form-urlencoded"
        ));
        return Err("请求格式错误: 需要 application/json 或 application/x-www-form-urlencoded".into());
    };

    let order_id = required_int(&fields, "order_id")?;
    let pay_method = required_int(&fields, "pay_method")?;
    let address_id = required_int(&fields, "address_id")?;
    let freight_mode = required_int(&fields, "freight_mode")?;
    let key = match raw(&fields, "freight_json_arr_key") {
        None | Some("0") => 0,
        Some(_) => required_int(&fields, "freight_json_arr_key")?,
    };

    let (needs_price, needs_points) = match pay_method {
        1 | 2 => (true, false),
        3 => (false, true),
        4 | 5 => (true, true),
        _ => return Err("支付方式错误".into()),
    };
    // A zero in a field the method does not use is "none", as a PHP backend reading it with a
    // default of 0 sees it (the document is silent); where the method uses it, zero stays an error.
    let zero =
        |name: &str| raw(&fields, name).is_some_and(|t| t.contains('0') && t.bytes().all(|b| b == b'0' || b == b'.'));
    let pay_price = if !needs_price && zero("pay_price") { None } else { price(&fields)? };
    let pay_integral =
        if !needs_points && zero("pay_integral") { None } else { positive_int(&fields, "pay_integral")? };
    match (needs_price, pay_price.is_some()) {
        (true, false) => return Err("请输入支付金额".into()),
        (false, true) => return Err("积分支付不需要支付金额".into()),
        _ => {}
    }
    match (needs_points, pay_integral.is_some()) {
        (true, false) => return Err("请输入支付积分".into()),
        (false, true) => return Err("该支付方式不使用积分".into()),
        _ => {}
    }
    match (freight_mode, key) {
        (1, 0) | (2, 1) | (2, 2) => {}
        (1, _) => return Err("包邮订单不需要选择运费方式".into()),
        (2, 0) => return Err("不包邮时请选择运费方式".into()),
        (2, _) => return Err("运费方式错误".into()),
        _ => return Err("是否包邮参数错误".into()),
    }
    if state.orders.contains_key(&order_id) {
        return Err("订单已支付".into());
    }
    let points = pay_integral.unwrap_or(0);
    if points > state.points {
        return Err("积分不足".into());
    }

    let data = match pay_method {
        1 | 4 => wechat_data(order_id, variants),
        2 | 5 => alipay_data(order_id, pay_price.as_deref().unwrap_or("0")),
        _ => "[]".to_owned(),
    };
    state.points -= points;
    state.orders.insert(
        order_id,
        PaidOrder {
            order_id,
            pay_method,
            pay_price,
            pay_integral,
            address_id,
            freight_mode,
            freight_json_arr_key: key,
        },
    );
    Ok(data)
}

/// WeChat app-pay parameters, signed by WeChat's APP rule: MD5 of the sorted `k=v&` pairs plus
/// `&key=<merchant key>`, upper-case hex. Every value a string as the document shows, or with
/// `variants` `timestamp` and `partnerid` as JSON numbers.
fn wechat_data(order_id: i64, variants: bool) -> String {
    let prepayid = format!("wx{}{}", order_id, sign_core::clock::random_nonce(20).to_ascii_lowercase());
    let noncestr = sign_core::clock::random_nonce(32).to_ascii_lowercase();
    let timestamp = time::OffsetDateTime::now_utc().unix_timestamp().to_string();
    let mut pairs = vec![
        ("appid", WECHAT_APPID.to_owned()),
        ("noncestr", noncestr),
        ("package", "Sign=WXPay".to_owned()),
        ("partnerid", WECHAT_PARTNERID.to_owned()),
        ("prepayid", prepayid),
        ("timestamp", timestamp),
    ];
    let to_sign: Vec<String> = pairs.iter().map(|(k, v)| format!("{k}={v}")).collect();
    let to_sign = format!("{}&key={WECHAT_SANDBOX_KEY}", to_sign.join("&"));
    pairs.push(("sign", sign_core::digest::md5_hex_upper(to_sign.as_bytes())));
    // PHP writes `time()` and a numeric merchant id as JSON numbers: the documentation shows
    // strings (the default here), a real backend may not (the variant shapes).
    let numeric = |k: &str| variants && (k == "timestamp" || k == "partnerid");
    let object: serde_json::Map<String, serde_json::Value> = pairs
        .into_iter()
        .map(|(k, v)| {
            let value = match v.parse::<u64>() {
                Ok(n) if numeric(k) => serde_json::Value::from(n),
                _ => serde_json::Value::String(v),
            };
            (k.to_owned(), value)
        })
        .collect();
    serde_json::json!({ "pay_param": object }).to_string()
}

/// An Alipay app-pay order string in the shape of the provider's example.
fn alipay_data(order_id: i64, total_amount: &str) -> String {
    let now = time::OffsetDateTime::now_utc();
    let timestamp = format!(
        "{:04}-{:02}-{:02} {:02}:{:02}:{:02}",
        now.year(),
        u8::from(now.month()),
        now.day(),
        now.hour(),
        now.minute(),
        now.second()
    );
    let biz = serde_json::json!({
        "body": "在线支付",
        "subject": "在线支付",
        "out_trade_no": format!("{order_id}{}", now.unix_timestamp()),
        "timeout_express": "60m",
        "total_amount": total_amount,
        "product_code": "QUICK_MSECURITY_PAY",
    });
    let unsigned = format!(
        "alipay_sdk=paykit-mall-pay-sandbox&app_id={ALIPAY_APP_ID}&biz_content={biz}&charset=UTF-8&format=json\
         &method=alipay.trade.app.pay&notify_url=http://127.0.0.1/notify&sign_type=RSA2&timestamp={timestamp}&version=1.0"
    );
    // Not an RSA2 signature: the sandbox has no Alipay key. Base64 of a digest keeps the shape.
    let sign = sign_core::encoding::base64_std(&sign_core::digest::sha256(unsigned.as_bytes()));
    let order_string = format!("{unsigned}&sign={sign}");
    serde_json::json!({ "pay_param": order_string }).to_string()
}
