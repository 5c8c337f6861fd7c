//! A local Acqra gateway for tests and offline integration work (feature `sandbox`).
//!
//! [`SandboxGateway`] is the gateway as a plain function from [`HttpRequest`] to [`HttpResponse`]
//! (sans-IO); [`Sandbox`] serves it on `127.0.0.1`. It behaves like the documented gateway:
//!
//! - `POST /gateway/v1/connect/token` issues a random token for [`APP_ID`]/[`SECRET`] (and refuses
//!   other credentials with [`codes::BAD_CREDENTIALS`]), valid for
//!   `expiresIn` seconds by the sandbox's clock (injectable, see [`SandboxOptions`]); every other
//!   endpoint answers HTTP 401 without a valid, unexpired token in `Authorization: <token>` (checked
//!   here independently of the client's code);
//! - payments run through a state machine: card payments with `captureMethod: manual` are
//!   `authorized`, then `capture` (at most the authorized amount) makes them `successed` or `cancel`
//!   makes them `canceled`; automatic capture goes straight to `successed`; refunds are accepted up
//!   to the captured amount less earlier refunds; impossible transitions (capture after void, void
//!   after capture, refund of an uncaptured payment) are refused with the envelope;
//! - `query` and `refundQuery` report that state, shipping trackings are kept per order;
//! - the text fields of payments, checkouts and subscription payments must have the lengths and
//!   formats their schemas give (`description` 1 to 50 characters, addresses, names, emails, phones,
//!   product texts, wallet ids, `birthday` `yyyy-MM-dd`, `country` two upper-case letters,
//!   `transactionIdentifier` 5 to 64), else [`codes::BAD_PARAMETER`];
//! - a request whose `Content-Type` is not `application/json` (parameters such as a charset
//!   allowed) is HTTP 415, the token request included.
//!
//! Where the provider's examples and schemas disagree, the sandbox takes both shapes
//! (`matedata` is read as an object or a string) but answers, by default, in the schemas' types:
//! every trade number a string, `trackings` an array, `respCode` in every answer. A client written
//! strictly from the document reads every answer.
//!
//! With [`SandboxOptions::variant_shapes`] it answers instead in the variants a real gateway may
//! send, so that a tolerant client (and the quickstart) meets them: `shipping/tracking-modify`
//! answers `trackings` as one string (the example's shape), successful `capture` and `cancel`
//! answers carry no `respCode` (optional in their schemas; failures always carry one), and trade
//! numbers are JSON numbers where a Java backend's numeric ids would be (`refundTradeNo` of
//! refunds, `tradeNo` in `query` answers and their refunds).
//!
//! Failures use the gateway's envelope with the sandbox's codes in [`codes`] (the gateway's own
//! codes are not published). Test cards: a number of 13 to 19 digits that passes the Luhn check is
//! approved, and so is a UnionPay number (`62...`, such as the gateway's example card
//! [`UNIONPAY_CARD`], which fails it); other numbers failing the check and [`DECLINED_CARD`] are
//! declined ([`codes::DECLINED`]). The sandbox keeps only a card's BIN and last four digits.

mod ledger;

use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use sandbox_server::hooks::masked;
pub use sandbox_server::{Fault, Faults, Hooks, Listen, poll_until};
use sandbox_server::{SandboxServer, refuse_because};
use serde_json::{Value, json};
use sign_core::{Clock, HttpRequest, HttpResponse, Method, SecretString, SystemClock};
use time::OffsetDateTime;

pub use ledger::{Fail, MERCHANT_ID, codes};

use crate::{Client, Config, ConfigBuilder};

/// The sandbox's `appId`.
pub const APP_ID: &str = "sandbox-app";
/// The sandbox's `secret`.
pub const SECRET: &str = "sandbox-secret-0123456789";
/// A Luhn-valid test card number the sandbox declines (respCode [`codes::DECLINED`]).
pub const DECLINED_CARD: &str = "4000000000000002";
/// A test card number the sandbox approves.
pub const APPROVED_CARD: &str = "4111111111111111";
/// The gateway's own example card, a UnionPay number that fails the Luhn check: the sandbox
/// approves it.
pub const UNIONPAY_CARD: &str = "6212454545454690";

/// Sandbox settings.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct SandboxOptions {
    /// The clock used for token expiry and timestamps.
    pub clock: Arc<dyn Clock>,
    /// `expiresIn` of issued tokens.
    pub token_lifetime: Duration,
    app_id: String,
    secret: SecretString,
    listen: Listen,
    variant_shapes: bool,
}

impl Default for SandboxOptions {
    fn default() -> Self {
        Self {
            clock: Arc::new(SystemClock),
            token_lifetime: Duration::from_secs(3600),
            app_id: APP_ID.to_owned(),
            secret: SecretString::new(SECRET),
            listen: Listen::default(),
            variant_shapes: false,
        }
    }
}

impl SandboxOptions {
    /// Uses `clock` for token expiry and timestamps.
    pub fn with_clock(mut self, clock: Arc<dyn Clock>) -> Self {
        self.clock = clock;
        self
    }

    /// Issues tokens valid for `lifetime`.
    pub fn with_token_lifetime(mut self, lifetime: Duration) -> Self {
        self.token_lifetime = lifetime;
        self
    }

    /// Accepts `app_id` and `secret` for tokens (default [`APP_ID`] and [`SECRET`]).
    pub fn with_credentials(mut self, app_id: impl Into<String>, secret: impl Into<SecretString>) -> Self {
        self.app_id = app_id.into();
        self.secret = secret.into();
        self
    }

    /// Where [`Sandbox::start_with`] listens (default: a free port of `127.0.0.1`).
    pub fn with_listen(mut self, listen: Listen) -> Self {
        self.listen = listen;
        self
    }

    /// Whether the answers carry the undocumented variants listed in the
    /// [module documentation](self) (default `false`: the schemas' types everywhere). For
    /// exercising a tolerant reader; a client written strictly from the document would refuse them.
    pub fn variant_shapes(mut self, on: bool) -> Self {
        self.variant_shapes = on;
        self
    }

    /// Whether the answers carry the undocumented variants ([`variant_shapes`](Self::variant_shapes)).
    pub fn has_variant_shapes(&self) -> bool {
        self.variant_shapes
    }

    /// The `appId` the sandbox accepts.
    pub fn app_id(&self) -> &str {
        &self.app_id
    }
}

struct State {
    tokens: Vec<(SecretString, OffsetDateTime)>,
    tokens_issued: usize,
    ledger: ledger::Ledger,
}

/// The sandbox gateway without a socket: [`handle`](Self::handle) answers one request.
pub struct SandboxGateway {
    options: SandboxOptions,
    state: Mutex<State>,
    hooks: Hooks,
}

impl std::fmt::Debug for SandboxGateway {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SandboxGateway").field("options", &self.options).finish_non_exhaustive()
    }
}

impl Default for SandboxGateway {
    fn default() -> Self {
        Self::new(SandboxOptions::default())
    }
}

fn reply(status: u16, body: Value) -> HttpResponse {
    // Amounts shown as JSON numbers keep their exact digits (`ledger::ExactJson`).
    let text = serde_json::to_vec(&ledger::ExactJson(&body)).unwrap_or_else(|_| body.to_string().into_bytes());
    HttpResponse::json(status, text)
}

fn envelope(outcome: Result<Value, Fail>) -> HttpResponse {
    envelope_with(outcome, true)
}

/// The answer; `with_code: false` leaves `respCode`/`respMsg` out of a success, which the schema
/// allows for most responses (the sandbox does so for `capture` and `cancel`).
fn envelope_with(outcome: Result<Value, Fail>, with_code: bool) -> HttpResponse {
    match outcome {
        Ok(body) if !with_code => reply(200, body),
        Ok(mut body) => {
            body["respCode"] = json!(codes::SUCCESS);
            body["respMsg"] = json!("success");
            reply(200, body)
        }
        Err(f) => reply(200, json!({ "respCode": f.code, "respMsg": f.message })),
    }
}

impl SandboxGateway {
    /// A fresh gateway with no orders and no tokens.
    pub fn new(options: SandboxOptions) -> Self {
        Self {
            options,
            state: Mutex::new(State { tokens: Vec::new(), tokens_issued: 0, ledger: ledger::Ledger::default() }),
            hooks: Hooks::new(),
        }
    }

    /// The request log and extension points of the server serving this gateway (see [`Hooks`]).
    pub fn hooks(&self) -> &Hooks {
        &self.hooks
    }

    /// Back to a fresh gateway: no orders, refunds, trackings or tokens.
    pub fn reset(&self) {
        let mut state = self.lock();
        state.tokens.clear();
        state.ledger = ledger::Ledger::default();
    }

    /// Settles a pending order (a checkout session or a wallet payment) as the payer or the
    /// gateway would: `successed` (paid), `failed` or `canceled` (closed).
    ///
    /// # Errors
    /// The order is unknown, not pending, or `status` is not one of the three.
    pub fn settle(&self, order_no: &str, status: &str) -> Result<(), String> {
        let status = match status {
            "successed" => "successed",
            "failed" => "failed",
            "canceled" => "canceled",
            other => return Err(format!("cannot settle an order as {other:?}: successed, failed or canceled")),
        };
        let now = self.now_text();
        self.lock().ledger.settle(order_no, status, &now)
    }

    /// Pays a pending checkout session with a card (the cashier page's form): `card` holds
    /// `cardNo`, `expiryMonth`, `expiryYear`, `cvc`, `firstName` and `lastName`, judged by the
    /// same rules as a card `payment` (test cards: see the module docs). A declined card fails
    /// the order.
    ///
    /// # Errors
    /// The gateway's refusal ([`Fail`]): unknown order, not pending, a malformed or declined card.
    pub fn pay_checkout_with_card(&self, order_no: &str, card: &Value) -> Result<(), Fail> {
        let now = self.now_text();
        let ym = (self.now().year().unsigned_abs(), u32::from(u8::from(self.now().month())));
        self.lock().ledger.pay_checkout_with_card(order_no, card, &now, ym).map(|_| ())
    }

    /// Every order (`orderNo`, `tradeNo`, `amount`, `currency`, `orderStatus`), oldest first.
    pub fn orders(&self) -> Vec<Value> {
        self.lock().ledger.summaries()
    }

    /// What the gateway holds (orders, refunds, trackings, stored credentials), as JSON for a
    /// state file. Tokens are not kept: clients fetch new ones.
    pub fn export_state(&self) -> Value {
        serde_json::to_value(&self.lock().ledger).unwrap_or(Value::Null)
    }

    /// Replaces what the gateway holds with `state` (from [`export_state`](Self::export_state)).
    ///
    /// # Errors
    /// `state` is not such a document; nothing is changed then.
    pub fn import_state(&self, state: &Value) -> Result<(), String> {
        let ledger: ledger::Ledger = serde_json::from_value(state.clone()).map_err(|e| e.to_string())?;
        self.lock().ledger = ledger;
        Ok(())
    }

    /// One order's summary (as in [`orders`](Self::orders)).
    pub fn order(&self, order_no: &str) -> Option<Value> {
        self.orders().into_iter().find(|o| o["orderNo"] == order_no)
    }

    fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn now(&self) -> OffsetDateTime {
        self.options.clock.now()
    }

    fn now_text(&self) -> String {
        let now = self.now().replace_nanosecond(0).unwrap_or(self.now());
        now.format(&time::format_description::well_known::Rfc3339).unwrap_or_default()
    }

    /// How many tokens have been issued (for tests: a client should fetch one, not one per call).
    pub fn tokens_issued(&self) -> usize {
        self.lock().tokens_issued
    }

    /// Revokes every issued token, as if they had all expired.
    pub fn expire_tokens(&self) {
        self.lock().tokens.clear();
    }

    /// Pays a pending checkout session (what the payer does on the hosted page). False when there
    /// is no pending order with that `orderNo`.
    pub fn complete_checkout(&self, order_no: &str) -> bool {
        let now = self.now_text();
        self.lock().ledger.complete(order_no, &now)
    }

    /// Answers one request (sans-IO).
    pub fn handle(&self, request: &HttpRequest) -> HttpResponse {
        let path = request.path().to_owned();
        if !path.starts_with("/gateway/v1/") {
            refuse_because(format!("no endpoint {path}: the gateway's endpoints are under /gateway/v1/"));
            return HttpResponse::new(404, "<html><body><h1>404 Not Found</h1></body></html>")
                .with_header("Content-Type", "text/html");
        }
        if request.method != Method::Post {
            refuse_because(format!("method {} not allowed: every endpoint takes POST", request.method.as_str()));
            return HttpResponse::new(405, "").with_header("Allow", "POST");
        }
        // Every request sample sends `Content-Type: application/json`; a body declared as anything
        // else (or not declared) is 415, as a Spring `@RequestBody` endpoint answers.
        let media_type = request.header("Content-Type").and_then(|v| v.split(';').next()).map(str::trim);
        if !media_type.is_some_and(|t| t.eq_ignore_ascii_case("application/json")) {
            refuse_because(format!(
                "Content-Type {:?} is not application/json",
                request.header("Content-Type").unwrap_or_default()
            ));
            let error = json!({ "status": 415, "error": "Unsupported Media Type", "path": path });
            return reply(415, error);
        }
        let mut body: Value = match serde_json::from_slice(&request.body) {
            Ok(v) => v,
            // Never echo the body: it can hold a card number.
            Err(_) => {
                refuse_because("the body is not JSON");
                return envelope(Err(ledger::fail(codes::BAD_PARAMETER, "request body is not JSON")));
            }
        };
        // Amounts sent as JSON numbers are read from their own text, not from an f64.
        ledger::exact_amounts(&request.body, &mut body);
        if path == "/gateway/v1/connect/token" {
            return self.issue_token(&body);
        }
        if !self.authorized(request) {
            refuse_because(match request.header("Authorization") {
                None => "no Authorization header: send the access token from /gateway/v1/connect/token".to_owned(),
                Some(_) => "the Authorization token is unknown or expired: fetch a new one from \
                            /gateway/v1/connect/token"
                    .to_owned(),
            });
            return reply(401, json!({ "respCode": "401", "respMsg": "Unauthorized" }));
        }
        let batch = path == "/gateway/v1/shipping/tracking-batch";
        if !(body.is_object() || batch) {
            return envelope(Err(ledger::fail(codes::BAD_PARAMETER, "request body must be a JSON object")));
        }
        let now = self.now_text();
        let ym = (self.now().year().unsigned_abs(), u32::from(u8::from(self.now().month())));
        let mut state = self.lock();
        let l = &mut state.ledger;
        let outcome = match path.as_str() {
            "/gateway/v1/cashier/order" => l.cashier_order(&body, &now),
            "/gateway/v1/payment" => l.payment(&body, false, &now, ym),
            "/gateway/v1/mitPayment" => l.payment(&body, true, &now, ym),
            "/gateway/v1/subscriptionPayment" => l.subscription_payment(&body, &now),
            "/gateway/v1/cancel" => l.cancel(&body, &now),
            "/gateway/v1/capture" => l.capture(&body, &now),
            "/gateway/v1/query" => l.query(&body),
            "/gateway/v1/refundQuery" => l.refund_query(&body),
            "/gateway/v1/refund" => l.refund(&body, &now),
            "/gateway/v1/shipping/retrieve" => l.shipping_retrieve(&body),
            "/gateway/v1/shipping/tracking" => l.shipping_tracking(&body),
            "/gateway/v1/shipping/tracking-batch" => l.shipping_tracking_batch(&body),
            "/gateway/v1/shipping/tracking-modify" => l.shipping_tracking_modify(&body),
            _ => {
                refuse_because(format!("no endpoint {path}: see the gateway's endpoints in the crate docs"));
                return HttpResponse::new(404, "<html><body><h1>404 Not Found</h1></body></html>")
                    .with_header("Content-Type", "text/html");
            }
        };
        if !self.options.variant_shapes {
            return envelope(outcome);
        }
        // The schema marks respCode optional here: with the variants these successes come
        // without it.
        let with_code = !matches!(path.as_str(), "/gateway/v1/capture" | "/gateway/v1/cancel");
        envelope_with(outcome.map(|body| variant_shape(&path, body)), with_code)
    }

    fn issue_token(&self, body: &Value) -> HttpResponse {
        let app_id = body.get("appId").and_then(Value::as_str).unwrap_or_default();
        let secret = SecretString::new(body.get("secret").and_then(Value::as_str).unwrap_or_default());
        // Both compared in full (the secret in constant time) before answering.
        let ok = (app_id == self.options.app_id) & (secret == self.options.secret);
        if !ok {
            if app_id != self.options.app_id {
                refuse_because(format!(
                    "token request: appId {app_id:?} is not the sandbox's {:?}",
                    self.options.app_id
                ));
            } else {
                refuse_because(format!(
                    "token request: wrong secret (got {}, the sandbox's is {})",
                    masked("secret", secret.expose()),
                    masked("secret", self.options.secret.expose())
                ));
            }
            return envelope(Err(ledger::fail(codes::BAD_CREDENTIALS, "invalid appId or secret")));
        }
        let token = sign_core::clock::random_nonce(40);
        // An absurd configured lifetime means "never expires", not a panic (`+` would overflow).
        let expires_at = time::Duration::try_from(self.options.token_lifetime)
            .ok()
            .and_then(|lifetime| self.now().checked_add(lifetime))
            .unwrap_or(time::PrimitiveDateTime::MAX.assume_utc());
        let mut state = self.lock();
        let now = self.now();
        state.tokens.retain(|(_, exp)| *exp > now);
        state.tokens.push((SecretString::new(token.clone()), expires_at));
        state.tokens_issued += 1;
        envelope(Ok(json!({ "accessToken": token, "expiresIn": self.options.token_lifetime.as_secs() })))
    }

    /// The sandbox's own reading of the rule: the header holds exactly a token it issued that has
    /// not expired.
    fn authorized(&self, request: &HttpRequest) -> bool {
        let Some(presented) = request.header("Authorization").map(SecretString::from) else { return false };
        let now = self.now();
        self.lock().tokens.iter().any(|(t, exp)| *t == presented && now < *exp)
    }
}

/// The variant shapes of a success answer: trade numbers as JSON numbers where a Java backend's
/// numeric ids would be (the tables say string), and `trackings` of `tracking-modify` as the
/// example's one string (the schema says an array).
fn variant_shape(path: &str, mut body: Value) -> Value {
    fn as_number(id: Option<&mut Value>) {
        if let Some(id) = id
            && let Some(n) = id.as_str().and_then(|s| s.parse::<u64>().ok())
        {
            *id = json!(n);
        }
    }
    match path {
        "/gateway/v1/refund" | "/gateway/v1/refundQuery" => as_number(body.get_mut("refundTradeNo")),
        "/gateway/v1/query" => {
            as_number(body.get_mut("order").and_then(|o| o.get_mut("tradeNo")));
            if let Some(refunds) = body.get_mut("refund").and_then(Value::as_array_mut) {
                refunds.iter_mut().for_each(|r| as_number(r.get_mut("tradeNo")));
            }
        }
        "/gateway/v1/shipping/tracking-modify" => {
            if let Some(id) = body["trackings"].get(0).cloned() {
                body["trackings"] = id;
            }
        }
        _ => {}
    }
    body
}

/// `None` for a success (`respCode` 0000, or a 2xx answer without one), else the gateway's
/// `respCode` and `respMsg`.
fn refusal_message(response: &HttpResponse) -> Option<String> {
    let doc: Value = serde_json::from_slice(&response.body).unwrap_or(Value::Null);
    match doc.get("respCode").and_then(Value::as_str) {
        Some(codes::SUCCESS) => None,
        None if response.is_success() => None,
        Some(code) => Some(format!("{} (respCode {code})", doc["respMsg"].as_str().unwrap_or("?"))),
        None => Some(format!("HTTP {}", response.status)),
    }
}

/// The gateway's own refusal envelope, for [`Fault::ProviderError`].
fn refusal_envelope(code: &str, message: &str) -> HttpResponse {
    reply(200, json!({ "respCode": code, "respMsg": message }))
}

/// A running sandbox on `127.0.0.1`. Dropping it stops the server.
///
/// [`Sandbox::faults`] plans failures for the requests that come over the socket (the token
/// request included: plan them [`on_path`](Faults::on_path) to hit one endpoint):
///
/// ```
/// # #[cfg(feature = "sandbox")] {
/// use acqra_gateway::sandbox::{Fault, Sandbox};
/// use acqra_gateway::{QueryRequest, PaymentMethodType};
///
/// let sandbox = Sandbox::start().unwrap();
/// let client = sandbox.client().unwrap();
/// sandbox.faults().on_path("/gateway/v1/query", Fault::provider_error("9999", "system busy"));
/// let e = client.query(&QueryRequest::new(PaymentMethodType::Card).with_order_no("ORD-00001")).unwrap_err();
/// assert_eq!(e.api_code(), Some("9999"));
/// # }
/// ```
pub struct Sandbox {
    gateway: Arc<SandboxGateway>,
    faults: Arc<Faults>,
    server: SandboxServer,
}

impl std::fmt::Debug for Sandbox {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Sandbox").field("base_url", &self.base_url()).finish_non_exhaustive()
    }
}

impl Sandbox {
    /// Starts a sandbox with the default options on a free loopback port.
    pub fn start() -> std::io::Result<Self> {
        Self::start_with(SandboxOptions::default())
    }

    /// Starts a sandbox with `options`.
    pub fn start_with(options: SandboxOptions) -> std::io::Result<Self> {
        let listen = options.listen.clone();
        let gateway = Arc::new(SandboxGateway::new(options));
        let faults = Arc::new(Faults::new());
        let (g, f) = (Arc::clone(&gateway), Arc::clone(&faults));
        let server = listen.start(move |req| {
            g.hooks.serve(&req, |r| f.apply(r, |r| g.handle(r), refusal_envelope), refusal_message)
        })?;
        Ok(Self { gateway, faults, server })
    }

    /// The base URL, e.g. `http://127.0.0.1:41234`.
    pub fn base_url(&self) -> &str {
        self.server.base_url()
    }

    /// The gateway behind the socket (state inspection, [`SandboxGateway::complete_checkout`]...).
    pub fn gateway(&self) -> &SandboxGateway {
        &self.gateway
    }

    /// The faults planned for the next requests over the socket: a late answer
    /// ([`Fault::Delay`], processed), a lost answer ([`Fault::LoseAnswer`], processed, the
    /// connection closed), an HTTP status ([`Fault::Status`], not processed) or the gateway's own
    /// refusal envelope ([`Fault::provider_error`], not processed). Each is used up by one request.
    /// [`Sandbox::handle`] (no socket) ignores them.
    pub fn faults(&self) -> &Faults {
        &self.faults
    }

    /// Answers one request without the socket (sans-IO).
    pub fn handle(&self, request: &HttpRequest) -> HttpResponse {
        self.gateway.handle(request)
    }

    /// A configuration builder preset for this sandbox: its URL and test credentials. Adjust it,
    /// then `build()`.
    pub fn config_builder(&self) -> ConfigBuilder {
        let options = &self.gateway.options;
        Config::builder().base_url(self.base_url()).app_id(options.app_id.as_str()).secret(options.secret.clone())
    }

    /// A client for this sandbox over the real HTTP transport.
    ///
    /// # Errors
    /// As [`ConfigBuilder::build`].
    pub fn client(&self) -> Result<Client, crate::Error> {
        Ok(Client::new(self.config_builder().build()?))
    }
}
