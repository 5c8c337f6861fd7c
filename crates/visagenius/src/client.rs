//! The client: sans-IO `prepare`/`parse`, and a blocking `call` over them.

use std::fmt;
use std::sync::Arc;

use serde::Serialize;
use serde::de::DeserializeOwned;
use sign_core::call::{check_raw_path, raw_body, request_body};
use sign_core::http::join_url;
use sign_core::{Clock, Endpoint, HttpRequest, HttpResponse, Method, SystemClock, Transport};

use crate::auth::{self, APPID_HEADER, AUTHORIZATION_HEADER, DATE_HEADER};
use crate::{Config, Error, envelope};

/// A VisaGenius client: signs every request, sends it, and decodes the provider's envelope.
///
/// `Send + Sync` and cheap to clone (an `Arc` inside): build one and share it.
///
/// For async code or another HTTP client, use the two halves directly:
/// [`prepare`](Client::prepare) gives the fully signed [`HttpRequest`], and
/// [`parse`](Client::parse) decodes the [`HttpResponse`] you got back.
#[derive(Clone)]
pub struct Client {
    inner: Arc<Inner>,
}

#[derive(Clone)]
struct Inner {
    config: Config,
    transport: Arc<dyn Transport>,
    clock: Arc<dyn Clock>,
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Client")
            .field("config", &self.inner.config)
            .field("clock", &self.inner.clock)
            .finish_non_exhaustive()
    }
}

impl Client {
    /// A client over sign-core's blocking ureq transport, with the timeouts, retry policy and
    /// body limit of `config` (validated when it was built, so this cannot fail).
    #[cfg(feature = "ureq")]
    pub fn new(config: Config) -> Self {
        let transport = config.http_options().ureq_transport(concat!("paykit-visagenius/", env!("CARGO_PKG_VERSION")));
        Self::with_transport(config, Arc::new(transport))
    }

    /// A client sending through `transport` (another HTTP client, a test double, the sandbox).
    pub fn with_transport(config: Config, transport: Arc<dyn Transport>) -> Self {
        Self { inner: Arc::new(Inner { config, transport, clock: Arc::new(SystemClock) }) }
    }

    /// The same client reading the time from `clock` (the `X-Date` header). For tests.
    pub fn with_clock(self, clock: Arc<dyn Clock>) -> Self {
        let mut inner = Inner::clone(&self.inner);
        inner.clock = clock;
        Self { inner: Arc::new(inner) }
    }

    /// The configuration.
    pub fn config(&self) -> &Config {
        &self.inner.config
    }

    /// The fully signed request for `request`, not sent. No I/O: the date comes from the
    /// client's [`Clock`].
    ///
    /// # Errors
    /// [`Error::InvalidRequest`] when the request fails its validation or does not serialize.
    pub fn prepare<E: Endpoint>(&self, request: &E) -> Result<HttpRequest, Error> {
        if E::PATH.is_empty() {
            return Err(Error::InvalidRequest(format!("{}: the endpoint has no published path", E::NAME)));
        }
        let body = request_body(request)?;
        Ok(self.sign(E::METHOD, E::PATH, body, E::IDEMPOTENT))
    }

    /// Decodes the response to an `E` request: the envelope's `body` on `ret == 0`, a typed
    /// error otherwise. A body over the configured `max_response_bytes` is not read.
    ///
    /// # Errors
    /// [`Error::Api`], [`Error::HttpStatus`] or [`Error::Decode`]; see [`envelope`].
    pub fn parse<E: Endpoint>(&self, response: &HttpResponse) -> Result<E::Response, Error> {
        envelope::parse(response, self.max_body_bytes(), E::NAME)
    }

    /// Sends `request` and decodes its response: [`prepare`](Self::prepare), the transport,
    /// then [`parse`](Self::parse).
    ///
    /// # Errors
    /// Any [`Error`]; on [`Error::Timeout`] a non-idempotent request may have been processed.
    pub fn call<E: Endpoint>(&self, request: &E) -> Result<E::Response, Error> {
        let http = self.prepare(request)?;
        let response = self.inner.transport.send(&http)?;
        self.parse::<E>(&response)
    }

    /// A signed `POST` of `body` (as JSON) to `path`, decoding the envelope's `body` into `T`.
    ///
    /// This is how to reach the endpoints the provider lists without publishing their paths or
    /// fields (创建订单, 查询订单详情, 订单退款, ...): ask the provider for the path and fields,
    /// then call them here with your own types. Set `idempotent` only for queries: an idempotent
    /// request may be retried after it reached the server.
    ///
    /// `path` must be an absolute path below the base URL made of `A-Z a-z 0-9 / _ - . ~`
    /// (e.g. `/openvisa/order_query`).
    ///
    /// ```no_run
    /// # fn demo(client: &visagenius::Client) -> Result<(), visagenius::Error> {
    /// #[derive(serde::Deserialize)]
    /// struct OrderDetail { order_id: i64 }
    /// let detail: OrderDetail =
    ///     client.raw_call("/openvisa/order_query", &serde_json::json!({"order_id": 1000012680}), true)?;
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
        envelope::parse(&response, self.max_body_bytes(), path)
    }

    /// [`raw_call`](Self::raw_call) returning the envelope's `body` as untyped JSON.
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

    /// The signed request of a [`raw_call`](Self::raw_call), not sent.
    ///
    /// # Errors
    /// [`Error::InvalidRequest`] for a bad path or a body that does not serialize.
    pub fn prepare_raw(
        &self,
        path: &str,
        body: &(impl Serialize + ?Sized),
        idempotent: bool,
    ) -> Result<HttpRequest, Error> {
        check_raw_path(path)?;
        let body = raw_body(path, body)?;
        Ok(self.sign(Method::Post, path, body, idempotent))
    }

    /// Decodes the response of a [`prepare_raw`](Self::prepare_raw) request.
    ///
    /// # Errors
    /// As [`parse`](Self::parse).
    pub fn parse_raw<T: DeserializeOwned>(&self, response: &HttpResponse) -> Result<T, Error> {
        envelope::parse(response, self.max_body_bytes(), "raw call")
    }

    /// The transport's response size cap, applied again when a response is parsed.
    fn max_body_bytes(&self) -> u64 {
        self.inner.config.http_options().max_response_bytes
    }

    /// `body` (serialized once: the bytes sent are exactly these) with the provider's three
    /// authentication headers.
    fn sign(&self, method: Method, path: &str, body: Vec<u8>, idempotent: bool) -> HttpRequest {
        let config = &self.inner.config;
        // One date string for both the header and the signed string.
        let date = sign_core::clock::rfc1123(self.inner.clock.now());
        let authorization = auth::authorization(&config.access_key, &config.secret_key, &config.appid, &date);
        HttpRequest::new(method, join_url(&config.base_url, path))
            .with_header("Content-Type", "application/json")
            .with_header("Accept", "application/json")
            .with_header(DATE_HEADER, date)
            .with_header(APPID_HEADER, config.appid.as_str())
            .with_header(AUTHORIZATION_HEADER, authorization)
            .with_body(body)
            .with_idempotent(idempotent)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_send_sync_clone<T: Send + Sync + Clone>() {}

    #[test]
    fn client_is_send_sync_clone() {
        assert_send_sync_clone::<Client>();
    }
}
