//! The client: sans-IO halves ([`Client::prepare`], [`Client::parse`]) and the blocking
//! [`Client::call`] around them, which fetches the access token and applies the 401 rule.
//!
//! ## The 401 rule
//! On HTTP 401 the client drops the refused token (the next call fetches a fresh one). An
//! idempotent call (a query) is then repeated **once** with a fresh token. A non-idempotent call
//! (payment, capture, cancel, refund...) is not repeated unless [`Client::repeat_after_unauthorized`]
//! says so: the documentation lists 401 for every endpoint without giving it a meaning, and a proxy
//! in front of the gateway may answer 401 after the gateway processed the payment, so the 401 is
//! reported ([`Error::Unauthorized`], outcome unknown: query before sending it again). A call is
//! never repeated more than once, and never after a timeout or any other failure where the gateway
//! may have processed it: those are reported as they are (query the order to reconcile).

use std::sync::Arc;

use serde::Serialize;
use serde::de::DeserializeOwned;
use sign_core::{Clock, Endpoint, HttpRequest, HttpResponse, Method, SystemClock, Transport};

use crate::auth;
use crate::config::Config;
use crate::envelope;
use crate::error::Error;
use crate::token_ext::{AccessToken, TokenCache};

/// The `Accept` header of every request: `*/*`, as in every request sample of the provider's
/// document (its responses are declared `*/*` too), not `application/json`.
pub(crate) const ACCEPT: &str = "*/*";

struct Inner {
    config: Config,
    transport: Arc<dyn Transport>,
    clock: Arc<dyn Clock>,
    tokens: TokenCache,
    repeat_after_unauthorized: bool,
}

/// The Acqra gateway client. `Send + Sync`; clones are cheap and share the connection pool and the
/// access token. `Debug` shows the base URL and app id, never the secret or the token.
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
    pub fn new(config: Config) -> Self {
        let transport =
            config.http_options().ureq_transport(concat!("paykit-acqra-gateway/", env!("CARGO_PKG_VERSION")));
        Self::with_transport(config, Arc::new(transport))
    }

    /// A sans-IO client: it sends nothing ([`sign_core::NoTransport`]), available without the
    /// `ureq` feature. Use [`Client::prepare_token_request`] / [`Client::parse_token_response`]
    /// and [`Client::prepare`] / [`Client::parse`] around your own HTTP client (see the crate
    /// docs' "Sans-IO" section); [`Client::call`] on it fails with [`Error::TokenRequest`], outcome
    /// not sent.
    pub fn sans_io(config: Config) -> Self {
        Self::with_transport(config, Arc::new(sign_core::NoTransport))
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
                repeat_after_unauthorized: false,
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
    /// (default `false`: see [the 401 rule](crate#how-a-call-works)). Turn it on when your
    /// gateway is known to refuse a token before it looks at the request, so that a 401 means
    /// "not processed". Idempotent calls are repeated once either way.
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

    pub(crate) fn clock(&self) -> &dyn Clock {
        &*self.inner.clock
    }

    pub(crate) fn transport(&self) -> &dyn Transport {
        &*self.inner.transport
    }

    /// The configured retry policy, applied by [`sign_core::call::send_with_retries`] around every
    /// send (the token request included): each attempt is built afresh.
    pub(crate) fn retry_policy(&self) -> sign_core::RetryPolicy {
        self.inner.config.http_options().retry
    }

    /// The complete request for `request`, authenticated with `token` (sans-IO: no I/O, ever). The
    /// request is checked first ([`Endpoint::validate`]) and serialized once. Get the token with
    /// [`Client::access_token`], or with [`Client::prepare_token_request`] and
    /// [`Client::parse_token_response`] on your own HTTP client.
    ///
    /// # Errors
    /// [`Error::InvalidRequest`] when the request cannot be valid.
    pub fn prepare<E: Endpoint>(&self, request: &E, token: &AccessToken) -> Result<HttpRequest, Error> {
        let body = sign_core::call::request_body(request)?;
        Ok(self.build_request(E::METHOD, E::PATH, body, E::IDEMPOTENT, token))
    }

    /// The complete request for a raw call (an endpoint without a typed model) to `path` with any
    /// JSON `body`, authenticated with `token` (sans-IO). Mark it `idempotent` only when sending it
    /// twice has the effect of sending it once.
    ///
    /// # Errors
    /// [`Error::InvalidRequest`] for a path outside `A-Z a-z 0-9 / _ - . ~` (or with `..`, `//`, a
    /// query) or a body that does not serialize.
    pub fn prepare_raw(
        &self,
        path: &str,
        body: &(impl Serialize + ?Sized),
        idempotent: bool,
        token: &AccessToken,
    ) -> Result<HttpRequest, Error> {
        sign_core::call::check_raw_path(path)?;
        let body = sign_core::call::raw_body(path, body)?;
        Ok(self.build_request(Method::Post, path, body, idempotent, token))
    }

    fn build_request(
        &self,
        method: Method,
        path: &str,
        body: Vec<u8>,
        idempotent: bool,
        token: &AccessToken,
    ) -> HttpRequest {
        let request = HttpRequest::new(method, sign_core::http::join_url(self.inner.config.base_url(), path))
            .with_header("Content-Type", "application/json")
            .with_header("Accept", ACCEPT)
            .with_body(body)
            .with_idempotent(idempotent);
        auth::authorize(request, self.inner.config.auth_header(), token)
    }

    /// Parses the gateway's response to an `E` request into its typed payload (sans-IO), refusing
    /// a body over the configured `max_response_bytes`.
    ///
    /// # Errors
    /// [`Error::Unauthorized`] for HTTP 401, [`Error::Api`] for the gateway's failure envelope,
    /// [`Error::HttpStatus`] and [`Error::Decode`] as in [`sign_core::call::read_envelope`].
    ///
    /// The app secret and the cached access token are scrubbed from the gateway's `respCode` and
    /// `respMsg` before they go into an [`Error::Api`] (then card numbers are masked and the text
    /// is cut).
    pub fn parse<E: Endpoint>(&self, response: &HttpResponse) -> Result<E::Response, Error> {
        self.parse_as(response, E::NAME)
    }

    fn parse_as<T: DeserializeOwned>(&self, response: &HttpResponse, context: &str) -> Result<T, Error> {
        let token = self.cached_token();
        let mut secrets = vec![self.inner.config.secret().expose()];
        if let Some(t) = &token {
            secrets.push(t.token().secret().expose());
        }
        envelope::parse_scrubbed(response, self.max_body_bytes(), context, &secrets)
    }

    /// Parses the gateway's response to a raw call as `T` (sans-IO); see [`Client::parse`].
    ///
    /// # Errors
    /// As [`Client::parse`].
    pub fn parse_raw<T: DeserializeOwned>(&self, response: &HttpResponse) -> Result<T, Error> {
        self.parse_as(response, "raw call")
    }

    fn max_body_bytes(&self) -> u64 {
        self.inner.config.http_options().max_response_bytes
    }

    /// Sends `request` and returns its typed response: fetches the access token (cached), then
    /// [`prepare`](Self::prepare), send, [`parse`](Self::parse), applying the 401 rule.
    ///
    /// # Errors
    /// Any [`Error`]; [`Error::outcome`] says whether the gateway may have processed the request.
    /// A failed token request is [`Error::TokenRequest`]: the call was not sent.
    pub fn call<E: Endpoint>(&self, request: &E) -> Result<E::Response, Error> {
        let span = sign_core::trace::CallSpan::start(env!("CARGO_PKG_NAME"), E::NAME);
        let result = span.in_scope(|| {
            // Validated and serialized once, before a token is fetched: a bad request costs no
            // I/O, and a repeat after a 401 sends the very same body.
            let body = sign_core::call::request_body(request)?;
            let response = self.send_authorized(&span, E::IDEMPOTENT, |t| {
                Ok(self.build_request(E::METHOD, E::PATH, body.clone(), E::IDEMPOTENT, t))
            })?;
            self.parse::<E>(&response)
        });
        span.finish(result.as_ref().err().map(|e| e.outcome()));
        result
    }

    /// An authenticated call to any path with any JSON body, for endpoints without a typed model:
    /// the response is checked against the envelope and decoded as `T` (use `serde_json::Value`
    /// for untyped, or [`Client::raw_call_json`]). Mark it `idempotent` only when sending it twice
    /// has the effect of sending it once.
    ///
    /// # Errors
    /// As [`Client::prepare_raw`] and [`Client::call`].
    pub fn raw_call<T: DeserializeOwned>(
        &self,
        path: &str,
        body: &(impl Serialize + ?Sized),
        idempotent: bool,
    ) -> Result<T, Error> {
        let span = sign_core::trace::CallSpan::start(env!("CARGO_PKG_NAME"), path);
        let result = span.in_scope(|| {
            sign_core::call::check_raw_path(path)?;
            let body = sign_core::call::raw_body(path, body)?;
            let response = self.send_authorized(&span, idempotent, |t| {
                Ok(self.build_request(Method::Post, path, body.clone(), idempotent, t))
            })?;
            self.parse_raw(&response)
        });
        span.finish(result.as_ref().err().map(|e| e.outcome()));
        result
    }

    /// [`Client::raw_call`] returning the response as untyped JSON.
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

    /// Sends the request `build` makes with the current token, applying the retry policy (each
    /// attempt built afresh: the token is read again, so a token refreshed meanwhile is used) and
    /// the 401 rule.
    fn send_authorized(
        &self,
        span: &sign_core::trace::CallSpan,
        idempotent: bool,
        build: impl Fn(&AccessToken) -> Result<HttpRequest, Error>,
    ) -> Result<HttpResponse, Error> {
        // The token of the last attempt, the one a 401 refused.
        let used = std::cell::Cell::new(0);
        let send = || {
            sign_core::call::send_with_retries_in(span, self.transport(), &self.retry_policy(), || {
                let token = self.access_token()?;
                used.set(token.id());
                build(token.token())
            })
        };
        let response = send()?;
        if response.status != 401 {
            return Ok(response);
        }
        self.inner.tokens.invalidate(used.get());
        if !(idempotent || self.inner.repeat_after_unauthorized) {
            return Ok(response);
        }
        // Once only: a second 401 is reported, never looped on.
        let response = send()?;
        if response.status == 401 {
            self.inner.tokens.invalidate(used.get());
        }
        Ok(response)
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
