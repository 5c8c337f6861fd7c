//! The blocking client, a thin layer over the sans-IO halves [`Client::prepare_with_token`] and
//! [`Client::parse`].
//!
//! ## The 401 rule
//! On HTTP 401 the client drops the refused token, fetches a fresh one and repeats the call
//! **once**. That is safe for every endpoint, payments included: a 401 is the gateway refusing to
//! authenticate the caller, which it does before looking at the request, so the call was not
//! processed and repeating it cannot charge twice. Idempotent endpoints (queries) could be repeated
//! in any case. A deployment where a 401 could come after processing (an unusual proxy) can turn
//! this off for non-idempotent calls with [`Client::repeat_after_unauthorized`]. The call is never
//! repeated more than once, and never after a timeout or any other failure where the gateway may
//! have processed it: those are reported as they are (query the order to reconcile).

use std::sync::Arc;

use serde::Serialize;
use serde::de::DeserializeOwned;
use sign_core::{Clock, Endpoint, HttpRequest, HttpResponse, Method, SystemClock, Transport};

use crate::generated::{
    Capture, CashierPaymentOrder, MitPayment, Payment, PaymentResponse, Query, Refund, RefundQuery, RetrievesTracking,
    SubscriptionPayment, Tracking, TrackingBatch, UpdateOrCancelTrackingInformation, Void,
};
use crate::generated::{
    CaptureResponse, CashierPreOrderResp, QueryResponse, RefundResponse, SubscriptionPaymentResponse,
    TrackingDetailsResponse, TrackingRspResponse, VoidResponse,
};
use crate::models_ext::GatewayRequest;

use crate::auth;
use crate::config::Config;
use crate::envelope;
use crate::error::Error;
use crate::token::{self, AccessToken, CachedToken, TokenCache};

struct Inner {
    config: Config,
    transport: Arc<dyn Transport>,
    clock: Arc<dyn Clock>,
    tokens: TokenCache,
    repeat_after_unauthorized: bool,
}

/// The Acqra gateway client. `Send + Sync`; clones are cheap and share the connection pool and the
/// access token.
#[derive(Clone)]
pub struct Client {
    inner: Arc<Inner>,
}

impl std::fmt::Debug for Client {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Client")
            .field("base_url", &self.inner.config.base_url())
            .field("app_id", &self.inner.config.app_id())
            .finish_non_exhaustive()
    }
}

impl Client {
    /// A client sending with sign-core's ureq transport, built from the configured timeouts,
    /// retry policy and response size limit.
    #[cfg(feature = "ureq")]
    pub fn new(config: Config) -> Result<Self, Error> {
        let transport =
            config.http_options().ureq_transport(concat!("paykit-acqra-gateway/", env!("CARGO_PKG_VERSION")));
        Ok(Self::with_transport(config, Arc::new(transport)))
    }

    /// A client sending with `transport`.
    pub fn with_transport(config: Config, transport: Arc<dyn Transport>) -> Self {
        let tokens = TokenCache::new(config.token_refresh_margin(), config.default_token_lifetime());
        Self {
            inner: Arc::new(Inner {
                config,
                transport,
                clock: Arc::new(SystemClock),
                tokens,
                repeat_after_unauthorized: true,
            }),
        }
    }

    fn rebuild(self, f: impl FnOnce(&mut Inner)) -> Self {
        let old = &self.inner;
        let mut inner = Inner {
            config: old.config.clone(),
            transport: Arc::clone(&old.transport),
            clock: Arc::clone(&old.clock),
            tokens: TokenCache::new(old.config.token_refresh_margin(), old.config.default_token_lifetime()),
            repeat_after_unauthorized: old.repeat_after_unauthorized,
        };
        f(&mut inner);
        Self { inner: Arc::new(inner) }
    }

    /// The same client reading time from `clock` (token expiry). Starts with an empty token cache.
    pub fn with_clock(self, clock: Arc<dyn Clock>) -> Self {
        self.rebuild(|i| i.clock = clock)
    }

    /// Whether a non-idempotent call answered with HTTP 401 is repeated once with a fresh token
    /// (default `true`; see the [module documentation](self) for why that is safe). Idempotent
    /// calls are repeated once either way.
    pub fn repeat_after_unauthorized(self, repeat: bool) -> Self {
        self.rebuild(|i| i.repeat_after_unauthorized = repeat)
    }

    /// The configuration.
    pub fn config(&self) -> &Config {
        &self.inner.config
    }

    /// The shared token cache (to store a token obtained elsewhere, or clear it).
    pub fn token_cache(&self) -> &TokenCache {
        &self.inner.tokens
    }

    /// The current access token, fetched from `/gateway/v1/connect/token` when there is none or it
    /// is due for refresh. Concurrent callers share one fetch.
    pub fn access_token(&self) -> Result<Arc<CachedToken>, Error> {
        self.inner.tokens.get(&*self.inner.clock, || self.fetch_token())
    }

    fn fetch_token(&self) -> Result<AccessToken, Error> {
        let request = token::token_request(&self.inner.config)?;
        let response = self.inner.transport.send(&request)?;
        token::parse_token_response(&response)
    }

    /// The token request (sans-IO), for fetching a token with another HTTP client; parse the answer
    /// with [`token::parse_token_response`].
    pub fn prepare_token_request(&self) -> Result<HttpRequest, Error> {
        token::token_request(&self.inner.config)
    }

    /// The complete request for `request` with the cached token (fetching one first if needed: the
    /// only I/O this method may do). Use [`prepare_with_token`](Self::prepare_with_token) for no I/O.
    pub fn prepare<E: GatewayRequest>(&self, request: &E) -> Result<HttpRequest, Error> {
        GatewayRequest::validate(request)?;
        let token = self.access_token()?;
        self.prepare_with_token(request, token.token())
    }

    /// The complete request for `request` authenticated with `token` (sans-IO). The request is
    /// checked first ([`GatewayRequest::validate`]).
    pub fn prepare_with_token<E: GatewayRequest>(
        &self,
        request: &E,
        token: &AccessToken,
    ) -> Result<HttpRequest, Error> {
        GatewayRequest::validate(request)?;
        self.build_request(E::METHOD, E::PATH, E::NAME, request, E::IDEMPOTENT, token)
    }

    fn build_request<B: Serialize + ?Sized>(
        &self,
        method: Method,
        path: &str,
        name: &str,
        body: &B,
        idempotent: bool,
        token: &AccessToken,
    ) -> Result<HttpRequest, Error> {
        if path.is_empty() || !path.starts_with('/') {
            return Err(Error::InvalidRequest(format!("{name}: path must start with '/'")));
        }
        // Serialized once: the bytes built here are the bytes sent. serde_json's serialization
        // errors never quote field values, but say nothing anyway.
        let bytes = serde_json::to_vec(body)
            .map_err(|_| Error::InvalidRequest(format!("{name}: request could not be serialized")))?;
        let request = HttpRequest::new(method, sign_core::http::join_url(self.inner.config.base_url(), path))
            .with_header("Content-Type", "application/json")
            .with_header("Accept", "application/json")
            .with_body(bytes)
            .with_idempotent(idempotent);
        Ok(auth::authorize(request, self.inner.config.auth_header(), token))
    }

    /// Parses the gateway's response to an `E` request into its typed payload (sans-IO).
    pub fn parse<E: Endpoint>(&self, response: &HttpResponse) -> Result<E::Response, Error> {
        envelope::parse(response, E::NAME)
    }

    /// Sends `request` and returns its typed response, applying the token and 401 rules above.
    pub fn call<E: GatewayRequest>(&self, request: &E) -> Result<E::Response, Error> {
        // Checked before a token is fetched: a bad request costs no I/O at all.
        GatewayRequest::validate(request)?;
        let response = self.send_authorized(E::IDEMPOTENT, |t| self.prepare_with_token(request, t))?;
        self.parse::<E>(&response)
    }

    /// An authenticated call to any path with any JSON body, for endpoints without a typed model:
    /// the response is checked against the envelope and decoded as `T` (use `serde_json::Value`
    /// for untyped, or [`Client::raw_call_json`]). Mark it `idempotent` only when sending it twice
    /// has the effect of sending it once.
    pub fn raw_call<T: DeserializeOwned>(
        &self,
        path: &str,
        body: &(impl Serialize + ?Sized),
        idempotent: bool,
    ) -> Result<T, Error> {
        let response =
            self.send_authorized(idempotent, |t| self.build_request(Method::Post, path, path, body, idempotent, t))?;
        envelope::parse(&response, path)
    }

    /// [`Client::raw_call`] returning the response as untyped JSON.
    pub fn raw_call_json(
        &self,
        path: &str,
        body: &(impl Serialize + ?Sized),
        idempotent: bool,
    ) -> Result<serde_json::Value, Error> {
        self.raw_call(path, body, idempotent)
    }

    fn send_authorized(
        &self,
        idempotent: bool,
        build: impl Fn(&AccessToken) -> Result<HttpRequest, Error>,
    ) -> Result<HttpResponse, Error> {
        let token = self.access_token()?;
        let response = self.inner.transport.send(&build(token.token())?)?;
        if response.status != 401 {
            return Ok(response);
        }
        self.inner.tokens.invalidate(token.id());
        if !(idempotent || self.inner.repeat_after_unauthorized) {
            return Ok(response);
        }
        // Once only: a second 401 is reported, never looped on.
        let token = self.access_token()?;
        let response = self.inner.transport.send(&build(token.token())?)?;
        if response.status == 401 {
            self.inner.tokens.invalidate(token.id());
        }
        Ok(response)
    }
}

/// One method per endpoint, each `call` with the endpoint's request type.
impl Client {
    /// `POST /gateway/v1/connect/token` now, whatever the cache holds, and caches the new token.
    pub fn refresh_token(&self) -> Result<Arc<CachedToken>, Error> {
        self.inner.tokens.clear();
        self.access_token()
    }

    /// Creates a hosted checkout session (cashier order), `POST /gateway/v1/cashier/order`: the
    /// response's `redirectUrl` is where the payer goes.
    pub fn create_checkout_session(&self, request: &CashierPaymentOrder) -> Result<CashierPreOrderResp, Error> {
        self.call(request)
    }

    /// Requests a payment (card or wallet), `POST /gateway/v1/payment`. A timeout means the payment
    /// may exist: [`query_payment`](Self::query_payment) before sending it again.
    pub fn create_payment(&self, request: &Payment) -> Result<PaymentResponse, Error> {
        self.call(request)
    }

    /// A merchant-initiated card payment, `POST /gateway/v1/mitPayment`.
    pub fn create_mit_payment(&self, request: &MitPayment) -> Result<SubscriptionPaymentResponse, Error> {
        self.call(request)
    }

    /// A recurring charge with the `transactionIdentifier` of a first payment,
    /// `POST /gateway/v1/subscriptionPayment`.
    pub fn create_subscription_payment(
        &self,
        request: &SubscriptionPayment,
    ) -> Result<SubscriptionPaymentResponse, Error> {
        self.call(request)
    }

    /// Voids (cancels) an authorized, not yet captured payment, `POST /gateway/v1/cancel`.
    pub fn void_payment(&self, request: &Void) -> Result<VoidResponse, Error> {
        self.call(request)
    }

    /// Captures an authorized payment (manual capture), `POST /gateway/v1/capture`.
    pub fn capture_payment(&self, request: &Capture) -> Result<CaptureResponse, Error> {
        self.call(request)
    }

    /// A payment's details, refunds included, `POST /gateway/v1/query`.
    pub fn query_payment(&self, request: &Query) -> Result<QueryResponse, Error> {
        self.call(request)
    }

    /// A refund's state, `POST /gateway/v1/refundQuery`.
    pub fn query_refund(&self, request: &RefundQuery) -> Result<RefundResponse, Error> {
        self.call(request)
    }

    /// Refunds a captured payment (in part or in full), `POST /gateway/v1/refund`. Refunds are
    /// processed asynchronously: the answer is usually `accepted`; follow with
    /// [`query_refund`](Self::query_refund). Reuse the same `refundNumber` when retrying so the
    /// gateway can recognise the repeat.
    pub fn refund_payment(&self, request: &Refund) -> Result<RefundResponse, Error> {
        self.call(request)
    }

    /// A shipment's tracking details, `POST /gateway/v1/shipping/retrieve`.
    pub fn retrieve_tracking(&self, request: &RetrievesTracking) -> Result<TrackingDetailsResponse, Error> {
        self.call(request)
    }

    /// Adds tracking information to an order, `POST /gateway/v1/shipping/tracking`.
    pub fn add_tracking(&self, request: &Tracking) -> Result<TrackingRspResponse, Error> {
        self.call(request)
    }

    /// Adds tracking information to several orders, `POST /gateway/v1/shipping/tracking-batch`.
    pub fn add_trackings(&self, request: &TrackingBatch) -> Result<TrackingRspResponse, Error> {
        self.call(request)
    }

    /// Updates or cancels an order's tracking information, `POST /gateway/v1/shipping/tracking-modify`.
    pub fn modify_tracking(&self, request: &UpdateOrCancelTrackingInformation) -> Result<TrackingRspResponse, Error> {
        self.call(request)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_send_sync<T: Send + Sync + Clone>() {}

    #[test]
    fn client_is_send_sync_and_clone() {
        assert_send_sync::<Client>();
    }
}
