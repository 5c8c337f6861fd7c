//! The client: sans-IO `prepare`/`parse`, and the blocking `call` over a [`Transport`].

use std::sync::Arc;

use serde::Serialize;
use serde::de::DeserializeOwned;
use sign_core::{Clock, HttpRequest, HttpResponse, Method, SystemClock, Transport};

use crate::config::Config;
use crate::envelope::{self, EnvelopeTime, RequestEnvelope};
use crate::error::Error;
use crate::generated::{
    CancelOrderRequest, CreateThirdOrderRequest, CreateThirdOrderResponse, MerchantBillingDay,
    MerchantBillingDayRequest, OrderDetail, OrderDetailRequest, PayNotification,
};
use crate::types_ext::{OpayRequest, Payer, PaymentPage};

/// The ChainUP opay client. `Send + Sync`; cloning is cheap (one `Arc`).
#[derive(Clone)]
pub struct Client {
    inner: Arc<Inner>,
}

struct Inner {
    config: Config,
    transport: Arc<dyn Transport>,
    clock: Arc<dyn Clock>,
}

impl std::fmt::Debug for Client {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Client").field("config", &self.inner.config).finish_non_exhaustive()
    }
}

impl Client {
    /// A client sending with sign-core's ureq transport (keep-alive, the configured timeouts
    /// and retry policy).
    #[cfg(feature = "ureq")]
    pub fn new(config: Config) -> Result<Self, Error> {
        let transport =
            config.http_options().ureq_transport(concat!("paykit-chainup-opay/", env!("CARGO_PKG_VERSION")));
        Ok(Self::with_transport(config, Arc::new(transport)))
    }

    /// A client sending with `transport`.
    pub fn with_transport(config: Config, transport: Arc<dyn Transport>) -> Self {
        Self { inner: Arc::new(Inner { config, transport, clock: Arc::new(SystemClock) }) }
    }

    /// The same client reading the time (the envelope's `time`, the callback window) from
    /// `clock`.
    pub fn with_clock(self, clock: Arc<dyn Clock>) -> Self {
        let inner = Inner { config: self.inner.config.clone(), transport: Arc::clone(&self.inner.transport), clock };
        Self { inner: Arc::new(inner) }
    }

    /// The configuration.
    pub fn config(&self) -> &Config {
        &self.inner.config
    }

    /// The merchant AppKey.
    pub fn app_key(&self) -> &str {
        &self.inner.config.app_key
    }

    pub(crate) fn clock(&self) -> &dyn Clock {
        &*self.inner.clock
    }

    /// The fully encrypted and signed request for `request`, without sending it.
    pub fn prepare<E: OpayRequest>(&self, request: &E) -> Result<HttpRequest, Error> {
        OpayRequest::validate(request)?;
        let path = self.inner.config.path_for(E::NAME, E::PATH);
        self.prepare_at(E::METHOD, &path, request, E::IDEMPOTENT)
    }

    /// The encrypted and signed request for any business JSON at `path`: for endpoints this
    /// crate has no model for. `idempotent` marks it safe to retry after it may have been
    /// processed (queries only).
    pub fn prepare_raw<B: Serialize + ?Sized>(
        &self,
        path: &str,
        body: &B,
        idempotent: bool,
    ) -> Result<HttpRequest, Error> {
        self.prepare_at(Method::Post, path, body, idempotent)
    }

    fn prepare_at<B: Serialize + ?Sized>(
        &self,
        method: Method,
        path: &str,
        body: &B,
        idempotent: bool,
    ) -> Result<HttpRequest, Error> {
        let config = &self.inner.config;
        // Serialized once: these exact bytes are encrypted and signed.
        let plaintext = sign_core::SecretBytes::new(
            serde_json::to_vec(body).map_err(|e| Error::InvalidRequest(format!("request does not serialize: {e}")))?,
        );
        let time = EnvelopeTime::new(self.inner.clock.unix_millis(), config.time_format);
        let envelope = RequestEnvelope::seal(
            &config.app_key,
            plaintext.expose(),
            &config.platform_public_key,
            &config.merchant_private_key,
            time,
        )?;
        let body = serde_json::to_vec(&envelope)
            .map_err(|e| Error::InvalidRequest(format!("envelope does not serialize: {e}")))?;
        Ok(HttpRequest::new(method, sign_core::http::join_url(&config.base_url, path))
            .with_header("Content-Type", "application/json")
            .with_header("Accept", "application/json")
            .with_body(body)
            .with_idempotent(idempotent))
    }

    /// Parses a response to `E` into its typed payload (decrypted and verified).
    pub fn parse<E: OpayRequest>(&self, response: &HttpResponse) -> Result<E::Response, Error> {
        self.parse_raw(response)
    }

    /// Parses a response into any type (`serde_json::Value` for raw JSON).
    pub fn parse_raw<T: DeserializeOwned>(&self, response: &HttpResponse) -> Result<T, Error> {
        let config = &self.inner.config;
        envelope::parse(response, &config.merchant_private_key, &config.platform_public_key)
    }

    /// Prepares, sends and parses `request`.
    pub fn call<E: OpayRequest>(&self, request: &E) -> Result<E::Response, Error> {
        let http = self.prepare(request)?;
        let response = self.inner.transport.send(&http)?;
        self.parse::<E>(&response)
    }

    /// A signed call to an endpoint without a model: `body` is the business JSON, the result
    /// is decrypted, verified and decoded into `T`. `idempotent` as in [`Client::prepare_raw`].
    pub fn raw_call<T: DeserializeOwned>(
        &self,
        path: &str,
        body: &(impl Serialize + ?Sized),
        idempotent: bool,
    ) -> Result<T, Error> {
        let http = self.prepare_raw(path, body, idempotent)?;
        let response = self.inner.transport.send(&http)?;
        self.parse_raw(&response)
    }

    /// [`Client::raw_call`] returning the decrypted, verified `data` as untyped JSON.
    pub fn raw_call_json(
        &self,
        path: &str,
        body: &(impl Serialize + ?Sized),
        idempotent: bool,
    ) -> Result<serde_json::Value, Error> {
        self.raw_call(path, body, idempotent)
    }

    /// Creates a payment order (`createThirdOrder`); returns the platform's `orderNum`.
    ///
    /// Not retried after it may have reached the server: on [`Error::Timeout`] look the order
    /// up before creating it again.
    pub fn create_order(&self, request: &CreateThirdOrderRequest) -> Result<CreateThirdOrderResponse, Error> {
        self.call(request)
    }

    /// Queries one order (`orderDetail`).
    pub fn order_detail(&self, request: &OrderDetailRequest) -> Result<OrderDetail, Error> {
        self.call(request)
    }

    /// The merchant daily posting statement (`merchantBillingDay`).
    pub fn daily_statement(&self, request: &MerchantBillingDayRequest) -> Result<MerchantBillingDay, Error> {
        self.call(request)
    }

    /// Cancels a pending order (`cancelOrder`). The success payload is not published: it is
    /// returned as raw JSON (`null` when there is none).
    pub fn cancel_order(&self, request: &CancelOrderRequest) -> Result<serde_json::Value, Error> {
        self.call(request)
    }

    /// The payment page for `order_num`, opened by `payer` (the order's creator). Add a token
    /// with [`PaymentPage::with_token`], then take [`PaymentPage::url`].
    pub fn payment_page(&self, order_num: impl Into<String>, payer: Payer) -> PaymentPage {
        let config = &self.inner.config;
        let base = config.payment_page_base_url.clone().unwrap_or_else(|| config.base_url.clone());
        PaymentPage::new(base, config.app_key.clone(), order_num, payer)
    }

    /// Verifies and decrypts a payment-result callback. See [`crate::callback`].
    pub fn verify_notification(&self, headers: &[(String, String)], body: &[u8]) -> Result<PayNotification, Error> {
        crate::callback::verify(self, headers, body)
    }

    /// The body to answer an accepted callback with (HTTP 200, `text/plain`).
    pub fn notification_reply(&self) -> &str {
        &self.inner.config.callback_reply
    }
}
