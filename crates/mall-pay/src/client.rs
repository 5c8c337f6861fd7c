//! The client: [`Client::prepare`] builds the exact request (no I/O), [`Client::parse`] reads the
//! answer, and [`Client::call`] does both around one send.

use std::sync::Arc;

use serde::Serialize;
use serde::de::DeserializeOwned;
use sign_core::call::{check_raw_path, decode_json, raw_body, read_envelope, request_body};
use sign_core::http::join_url;
use sign_core::{Endpoint, HttpRequest, HttpResponse, Method, SecretString, Transport};

use crate::config::Config;
use crate::error::Error;
use crate::{auth, envelope};

/// A mall-pay client. `Send + Sync`; cloning is cheap (an `Arc`), so build one and share it.
#[derive(Clone)]
pub struct Client {
    inner: Arc<Inner>,
}

struct Inner {
    config: Config,
    transport: Arc<dyn Transport>,
}

impl std::fmt::Debug for Client {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Client").field("config", &self.inner.config).finish_non_exhaustive()
    }
}

impl Client {
    /// A client sending over sign-core's blocking ureq transport, with the configuration's
    /// timeouts, retry policy and response size limit.
    #[cfg(feature = "ureq")]
    pub fn new(config: Config) -> Self {
        let transport = config.http_options().ureq_transport(concat!("paykit-mall-pay/", env!("CARGO_PKG_VERSION")));
        Self::with_transport(config, Arc::new(transport))
    }

    /// A client sending over `transport` (another HTTP client, a test double).
    pub fn with_transport(config: Config, transport: Arc<dyn Transport>) -> Self {
        Self { inner: Arc::new(Inner { config, transport }) }
    }

    /// The same client (same transport and settings) with another user's token, or with a new
    /// token after [`Error::TokenExpired`] and a fresh login.
    ///
    /// # Errors
    /// [`Error::Config`] when the token is empty or not a valid header value.
    pub fn with_token(&self, token: impl Into<SecretString>) -> Result<Self, Error> {
        let config = self.inner.config.with_token(token.into())?;
        Ok(Self { inner: Arc::new(Inner { config, transport: Arc::clone(&self.inner.transport) }) })
    }

    /// The configuration.
    pub fn config(&self) -> &Config {
        &self.inner.config
    }

    /// The complete HTTP request for `request`, without sending it (sans-IO, never any I/O):
    /// the request is checked ([`Endpoint::validate`]), serialized once as JSON and sent with the
    /// `token` header (see [`auth`]). An endpoint whose path the provider does not publish
    /// (`order_pay`) goes to the configured pay path. Send it with any HTTP client, then hand the
    /// response to [`Client::parse`] (or [`Client::parse_order_pay`]).
    ///
    /// # Errors
    /// [`Error::InvalidRequest`] when the request breaks a rule; nothing is sent.
    pub fn prepare<E: Endpoint>(&self, request: &E) -> Result<HttpRequest, Error> {
        let body = request_body(request)?;
        // The provider does not publish the pay endpoint's path: the generated endpoint leaves it
        // empty and the configuration supplies it.
        let path = if E::PATH.is_empty() { self.inner.config.pay_path.as_str() } else { E::PATH };
        Ok(self.build(E::METHOD, path, body, E::IDEMPOTENT))
    }

    /// Reads the response to an endpoint's request: its payload, or the typed failure
    /// ([`Error::TokenExpired`], [`Error::Api`], [`Error::HttpStatus`], [`Error::Decode`]). A body
    /// over the configured `max_response_bytes` is refused unread, as the transport would.
    ///
    /// # Errors
    /// As listed above.
    pub fn parse<E: Endpoint>(&self, response: &HttpResponse) -> Result<E::Response, Error> {
        let data = self.read(response)?;
        Ok(decode_json(E::NAME, data.as_bytes())?)
    }

    /// Sends `request` and reads the answer: [`Client::parse`] of the transport's answer to
    /// [`Client::prepare`]. A non-idempotent request is only retried when it cannot have reached
    /// the server.
    ///
    /// # Errors
    /// Any [`Error`].
    pub fn call<E: Endpoint>(&self, request: &E) -> Result<E::Response, Error> {
        let http = self.prepare(request)?;
        let response = self.inner.transport.send(&http)?;
        self.parse::<E>(&response)
    }

    /// The request of a [`raw_call`](Self::raw_call), not sent: `POST` of `body` as JSON to
    /// `path` below the base URL, with the `token` header.
    ///
    /// # Errors
    /// [`Error::InvalidRequest`] for a path that is not an absolute path of `A-Z a-z 0-9 / _ - .
    /// ~` (no query, no `..`), or a body that does not serialize.
    pub fn prepare_raw(
        &self,
        path: &str,
        body: &(impl Serialize + ?Sized),
        idempotent: bool,
    ) -> Result<HttpRequest, Error> {
        check_raw_path(path)?;
        let body = raw_body(path, body)?;
        Ok(self.build(Method::Post, path, body, idempotent))
    }

    /// Reads the response of a [`prepare_raw`](Self::prepare_raw) request: the envelope's `data`
    /// as `T` (`[]` and `null` read as `{}`).
    ///
    /// # Errors
    /// As [`parse`](Self::parse).
    pub fn parse_raw<T: DeserializeOwned>(&self, response: &HttpResponse) -> Result<T, Error> {
        let data = self.read(response)?;
        Ok(decode_json("raw call", data.as_bytes())?)
    }

    /// A `POST` of `body` (as JSON) to `path` with the user's token, decoding the envelope's
    /// `data` into `T`: for an endpoint of the mall this crate has no model for. Set `idempotent`
    /// only for queries: an idempotent request may be retried after it reached the server.
    ///
    /// ```no_run
    /// # fn demo(client: &mall_pay::Client) -> Result<(), mall_pay::Error> {
    /// let answer: serde_json::Value = client.raw_call("/api/order/detail", &serde_json::json!({"order_id": 1001}), true)?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidRequest`] for a bad path or a body that does not serialize, then any
    /// [`Error`] of a call.
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

    /// [`raw_call`](Self::raw_call) returning the envelope's `data` as untyped JSON.
    ///
    /// # Errors
    /// As [`raw_call`](Self::raw_call).
    pub fn raw_call_json(
        &self,
        path: &str,
        body: &(impl Serialize + ?Sized),
        idempotent: bool,
    ) -> Result<serde_json::Value, Error> {
        self.raw_call(path, body, idempotent)
    }

    fn build(&self, method: Method, path: &str, body: Vec<u8>, idempotent: bool) -> HttpRequest {
        let config = &self.inner.config;
        let http = HttpRequest::new(method, join_url(&config.base_url, path))
            .with_header("Content-Type", "application/json; charset=utf-8")
            .with_header("Accept", "application/json")
            .with_body(body)
            .with_idempotent(idempotent);
        auth::authorize(http, &config.token)
    }

    /// The envelope's `data` JSON text, through sign-core's decision table.
    fn read(&self, response: &HttpResponse) -> Result<String, Error> {
        let config = &self.inner.config;
        let token = config.token.expose();
        Ok(read_envelope(response, config.http_options().max_response_bytes, |body| envelope::read(body, token))?)
    }
}
