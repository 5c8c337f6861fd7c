//! The client: sans-IO `prepare`/`parse`, and the blocking `call` over a [`Transport`].

use std::sync::Arc;

use serde::Serialize;
use serde::de::DeserializeOwned;
use sign_core::call::{check_raw_path, raw_body, request_body};
use sign_core::{Clock, Endpoint, HttpRequest, HttpResponse, Method, SecretBytes, SystemClock, Transport};

use crate::config::Config;
use crate::envelope::{self, EnvelopeTime, RequestEnvelope};
use crate::error::Error;

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
    pub fn new(config: Config) -> Self {
        let transport =
            config.http_options().ureq_transport(concat!("paykit-chainup-opay/", env!("CARGO_PKG_VERSION")));
        Self::with_transport(config, Arc::new(transport))
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

    /// The fully encrypted and signed request for `request`, without sending it (no I/O).
    ///
    /// # Errors
    /// [`Error::InvalidRequest`] when the request fails its validation; [`Error::Crypto`] when
    /// it cannot be encrypted or signed.
    pub fn prepare<E: Endpoint>(&self, request: &E) -> Result<HttpRequest, Error> {
        // Validated, then serialized once: these exact bytes are encrypted and signed.
        let plaintext = SecretBytes::new(request_body(request)?);
        let path = self.inner.config.path_for(E::NAME, E::PATH);
        self.seal(E::METHOD, &path, &plaintext, E::IDEMPOTENT)
    }

    /// The encrypted and signed request for any business JSON at `path`: for endpoints this
    /// crate has no model for. `path` must be a plain absolute path
    /// ([`sign_core::call::check_raw_path`]). `idempotent` marks it safe to retry after it may
    /// have been processed (queries only).
    ///
    /// # Errors
    /// [`Error::InvalidRequest`] for a bad path or a body that does not serialize;
    /// [`Error::Crypto`] as in [`Client::prepare`].
    pub fn prepare_raw(
        &self,
        path: &str,
        body: &(impl Serialize + ?Sized),
        idempotent: bool,
    ) -> Result<HttpRequest, Error> {
        check_raw_path(path)?;
        let plaintext = SecretBytes::new(raw_body(path, body)?);
        self.seal(Method::Post, path, &plaintext, idempotent)
    }

    fn seal(
        &self,
        method: Method,
        path: &str,
        plaintext: &SecretBytes,
        idempotent: bool,
    ) -> Result<HttpRequest, Error> {
        let config = &self.inner.config;
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

    /// Parses a response to `E` into its typed payload (decrypted and verified), under the
    /// configured response size cap.
    ///
    /// # Errors
    /// See [`Error`]: [`Error::Api`] for the provider's failure envelope,
    /// [`Error::ResponseUnverified`] for a payload that fails decryption or verification,
    /// [`Error::HttpStatus`] and [`Error::Decode`] otherwise.
    pub fn parse<E: Endpoint>(&self, response: &HttpResponse) -> Result<E::Response, Error> {
        self.parse_as(E::NAME, response)
    }

    /// Parses a response into any type (`serde_json::Value` for raw JSON), as [`Client::parse`].
    ///
    /// # Errors
    /// As [`Client::parse`].
    pub fn parse_raw<T: DeserializeOwned>(&self, response: &HttpResponse) -> Result<T, Error> {
        self.parse_as("raw call", response)
    }

    fn parse_as<T: DeserializeOwned>(&self, context: &str, response: &HttpResponse) -> Result<T, Error> {
        let config = &self.inner.config;
        envelope::parse(
            response,
            config.http_options().max_response_bytes,
            context,
            &config.merchant_private_key,
            &config.platform_public_key,
        )
    }

    /// Prepares, sends and parses `request`.
    ///
    /// # Errors
    /// As [`Client::prepare`] and [`Client::parse`], plus [`Error::Transport`] and
    /// [`Error::Timeout`].
    pub fn call<E: Endpoint>(&self, request: &E) -> Result<E::Response, Error> {
        let http = self.prepare(request)?;
        let response = self.inner.transport.send(&http)?;
        self.parse::<E>(&response)
    }

    /// A signed call to an endpoint without a model: `body` is the business JSON, the result
    /// is decrypted, verified and decoded into `T`. `path` and `idempotent` as in
    /// [`Client::prepare_raw`].
    ///
    /// # Errors
    /// As [`Client::prepare_raw`] and [`Client::call`].
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
    ///
    /// # Errors
    /// As [`Client::raw_call`].
    pub fn raw_call_json(
        &self,
        path: &str,
        body: &(impl Serialize + ?Sized),
        idempotent: bool,
    ) -> Result<serde_json::Value, Error> {
        self.raw_call(path, body, idempotent)
    }
}
