//! Receiving the providers' signed callbacks in an axum app.
//!
//! Two paykit providers call back with signed notifications: vip-charge (status callbacks, headers
//! `businessId`, `nonce`, `timestamp`, `sign` over headers and body) and chainup-opay (payment-result
//! callbacks, an RSA-encrypted and RSA-signed envelope in the body). The other three send nothing
//! verifiable: visagenius lists callbacks without a format or signature (treat one as a hint and
//! re-read the order with a signed call), acqra-gateway and mall-pay document none.
//!
//! Each handler is the same four steps:
//!
//! 1. **Raw in.** The body as [`Bytes`] (exactly the bytes that were signed: never a parsed and
//!    re-serialized JSON value) and every header as `(name, value)` pairs.
//! 2. **Verify** with the provider crate's callback API, `Client::verify_notification`, on a
//!    blocking thread ([`tokio::task::spawn_blocking`]): RSA signature checks and chainup-opay's RSA
//!    decryption are CPU work of a millisecond or more, and the replay guard takes a lock; run on
//!    the async workers they would stall every other request of the runtime.
//! 3. **Process once.** A verified callback reaches [`AppState::process`], which acts on each order
//!    once: the platforms repeat a callback until they get their reply (vip-charge signs each
//!    retry afresh, so only the order code tells a retry apart).
//! 4. **The provider's exact reply out**, HTTP 200 with `Client::notification_reply()` (`SUCCESS`
//!    for vip-charge, the configured reply for chainup-opay). A callback the replay guard has seen
//!    before (`Error::CallbackReplayed`) gets the same reply and is **not** processed again, as both
//!    crates' docs say: the platform may resend a callback whose reply it lost (chainup-opay's
//!    re-encrypted resend is the same notification), and a 4xx would keep it retrying. Anything
//!    that fails verification gets a 4xx and nothing is processed: 401 for a forged, altered or
//!    stale callback (the crates say no more than "rejected", so the endpoint is no oracle), 400
//!    for a verified body of the wrong shape, 413 for a body over [`MAX_CALLBACK_BODY_BYTES`];
//!    a configuration error on our side is a 500, so that the platform tries again later.
//!
//! [`router`] builds the app and [`serve`] runs it; `tests/callbacks.rs` starts it on a loopback
//! port, points both sandboxes' callbacks at it and checks genuine, replayed and tampered ones.

use std::collections::HashSet;
use std::sync::{Arc, Mutex, MutexGuard};

use axum::Router;
use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::post;

/// Where vip-charge status callbacks are received (the order's `callbackUrl`).
pub const VIP_CHARGE_PATH: &str = "/callbacks/vip-charge";
/// Where chainup-opay payment-result callbacks are received (the order's `notifyPage`).
pub const CHAINUP_OPAY_PATH: &str = "/callbacks/chainup-opay";
/// The largest body axum reads for a callback (413 above it): both providers' notifications are
/// under 16 KiB (chainup-opay's own cap), so a client cannot make the app buffer megabytes.
pub const MAX_CALLBACK_BODY_BYTES: usize = 16 * 1024;

/// The provider a callback came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Provider {
    /// vip-charge status callbacks.
    VipCharge,
    /// chainup-opay payment-result callbacks.
    ChainupOpay,
}

/// An order the app acted on: what the "process" step recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Processed {
    /// Which provider called back.
    pub provider: Provider,
    /// The provider's order id (`orderCode`, `orderNum`).
    pub order: String,
    /// The status the callback reported.
    pub status: String,
}

/// What the app did with one callback request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// Verified, first for its order: processed and answered with the provider's reply.
    Processed(Provider),
    /// Verified, a new delivery for an order processed before (a platform retry signed afresh):
    /// answered with the provider's reply, not processed again.
    AlreadyProcessed(Provider),
    /// Verified before (the replay guard's verdict): answered with the provider's reply, not
    /// processed again.
    Replayed(Provider),
    /// Refused with this HTTP status; nothing processed.
    Refused(Provider, u16),
}

/// The app's state: the two provider clients (they hold the callback keys, settings and replay
/// guards) and what the app has done so far.
#[derive(Clone)]
pub struct AppState {
    inner: Arc<Inner>,
}

struct Inner {
    vip_charge: vip_charge::Client,
    chainup_opay: chainup_opay::Client,
    ledger: Mutex<Ledger>,
}

#[derive(Default)]
struct Ledger {
    done: HashSet<(Provider, String)>,
    processed: Vec<Processed>,
    verdicts: Vec<Verdict>,
}

impl AppState {
    /// The state of an app verifying callbacks with these clients (configured with the callback
    /// keys: vip-charge's platform public key or MD5 secret, chainup-opay's merchant private key
    /// and platform public key).
    pub fn new(vip_charge: vip_charge::Client, chainup_opay: chainup_opay::Client) -> Self {
        let inner = Inner { vip_charge, chainup_opay, ledger: Mutex::default() };
        Self { inner: Arc::new(inner) }
    }

    /// The "process" step: act on an order's verified status, once per order. Here it only
    /// records; a real app would update its database in one transaction keyed by the order id.
    pub fn process(&self, provider: Provider, order: &str, status: &str) -> Verdict {
        let mut ledger = self.ledger();
        let verdict = if ledger.done.insert((provider, order.to_owned())) {
            ledger.processed.push(Processed { provider, order: order.to_owned(), status: status.to_owned() });
            Verdict::Processed(provider)
        } else {
            Verdict::AlreadyProcessed(provider)
        };
        ledger.verdicts.push(verdict.clone());
        verdict
    }

    /// Every order processed so far, in order.
    pub fn processed(&self) -> Vec<Processed> {
        self.ledger().processed.clone()
    }

    /// What the app did with each callback request so far, in order.
    pub fn verdicts(&self) -> Vec<Verdict> {
        self.ledger().verdicts.clone()
    }

    fn record(&self, verdict: Verdict) {
        self.ledger().verdicts.push(verdict);
    }

    fn ledger(&self) -> MutexGuard<'_, Ledger> {
        self.inner.ledger.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// The app: one `POST` route per provider that calls back.
pub fn router(state: AppState) -> Router {
    Router::new()
        .route(VIP_CHARGE_PATH, post(vip_charge_callback))
        .route(CHAINUP_OPAY_PATH, post(chainup_opay_callback))
        .layer(DefaultBodyLimit::max(MAX_CALLBACK_BODY_BYTES))
        .with_state(state)
}

/// Serves the app on `listener` until the task is dropped or the listener fails.
///
/// # Errors
/// What [`axum::serve()`] returns: an I/O error of the listener.
pub async fn serve(listener: tokio::net::TcpListener, state: AppState) -> std::io::Result<()> {
    axum::serve(listener, router(state)).await
}

async fn vip_charge_callback(State(app): State<AppState>, headers: HeaderMap, body: Bytes) -> Response {
    let provider = Provider::VipCharge;
    let client = app.inner.vip_charge.clone();
    let pairs = header_pairs(&headers);
    // Blocking: SHA256-RSA verification (or MD5) and the replay guard's lock (see the crate docs).
    let verified = tokio::task::spawn_blocking(move || client.verify_notification(&pairs, &body)).await;
    let reply = app.inner.vip_charge.notification_reply();
    match verified {
        Ok(Ok(callback)) => {
            let status = callback.raw.get("status").and_then(|s| s.as_str()).unwrap_or("");
            app.process(provider, &callback.notification.order_code, status);
            provider_reply(reply)
        }
        Ok(Err(vip_charge::Error::CallbackReplayed(_))) => {
            app.record(Verdict::Replayed(provider));
            provider_reply(reply)
        }
        Ok(Err(e)) => refuse(&app, provider, vip_charge_status(&e)),
        // The verification task panicked or was cancelled: nothing was processed.
        Err(_) => refuse(&app, provider, StatusCode::INTERNAL_SERVER_ERROR),
    }
}

async fn chainup_opay_callback(State(app): State<AppState>, headers: HeaderMap, body: Bytes) -> Response {
    let provider = Provider::ChainupOpay;
    let client = app.inner.chainup_opay.clone();
    // opay reads no header (everything is in the body); they are passed to keep one shape.
    let pairs = header_pairs(&headers);
    // Blocking: RSA decryption with the merchant private key and signature verification.
    let verified = tokio::task::spawn_blocking(move || client.verify_notification(&pairs, &body)).await;
    let reply = app.inner.chainup_opay.notification_reply();
    match verified {
        Ok(Ok(notification)) => {
            app.process(provider, &notification.order_num, &notification.order_status.to_string());
            provider_reply(reply)
        }
        Ok(Err(chainup_opay::Error::CallbackReplayed(_))) => {
            app.record(Verdict::Replayed(provider));
            provider_reply(reply)
        }
        Ok(Err(e)) => refuse(&app, provider, chainup_opay_status(&e)),
        Err(_) => refuse(&app, provider, StatusCode::INTERNAL_SERVER_ERROR),
    }
}

/// Every header as `(name, value)`, the form the crates' verifiers take. A value that is not
/// UTF-8 is passed lossily: a signed header changed that way fails verification, as it should.
fn header_pairs(headers: &HeaderMap) -> Vec<(String, String)> {
    headers
        .iter()
        .map(|(name, value)| (name.as_str().to_owned(), String::from_utf8_lossy(value.as_bytes()).into_owned()))
        .collect()
}

fn provider_reply(reply: &str) -> Response {
    (StatusCode::OK, [(header::CONTENT_TYPE, "text/plain; charset=utf-8")], reply.to_owned()).into_response()
}

fn refuse(app: &AppState, provider: Provider, status: StatusCode) -> Response {
    app.record(Verdict::Refused(provider, status.as_u16()));
    // No detail in the answer: the caller learns only that the callback was not accepted.
    status.into_response()
}

fn vip_charge_status(e: &vip_charge::Error) -> StatusCode {
    match e {
        vip_charge::Error::CallbackRejected => StatusCode::UNAUTHORIZED,
        vip_charge::Error::Config(_) => StatusCode::INTERNAL_SERVER_ERROR,
        _ => StatusCode::BAD_REQUEST,
    }
}

fn chainup_opay_status(e: &chainup_opay::Error) -> StatusCode {
    match e {
        chainup_opay::Error::CallbackRejected => StatusCode::UNAUTHORIZED,
        chainup_opay::Error::Config(_) | chainup_opay::Error::Key(_) => StatusCode::INTERNAL_SERVER_ERROR,
        _ => StatusCode::BAD_REQUEST,
    }
}
