//! The async client: the same endpoints, request and response types, errors, token handling and
//! 401 rule as [`Client`], as `async fn`s over an [`AsyncTransport`] (reqwest with the `reqwest`
//! feature, or your own).
//!
//! The access token is fetched **single flight** in async code too: however many tasks find the
//! token missing or due at once, one token request goes out and the others wait for it (without
//! blocking a thread) and share its result, its error included. The wait is an
//! [`async_lock::Mutex`], which names no runtime; a task cancelled while it fetches releases the
//! lock, and the next waiter fetches instead.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, Weak};

use serde::Serialize;
use serde::de::DeserializeOwned;
use sign_core::call::send_with_retries_async_in;
use sign_core::trace::CallSpan;
use sign_core::{AsyncTransport, Clock, Endpoint, HttpRequest, HttpResponse};

use crate::envelope;
use crate::generated::{TokenRequest, TokenResponse};
use crate::token_ext::{AccessToken, CachedToken, TokenCache};
use crate::{Client, Config, Error};

struct Inner {
    /// The sans-IO halves, the configuration, the clock and the token cache.
    client: Client,
    transport: Arc<dyn AsyncTransport>,
    repeat_after_unauthorized: bool,
    /// Held by the one task fetching a token.
    fetching: async_lock::Mutex<()>,
    /// Token fetches finished so far, and the outcome of the last one (for the tasks that waited
    /// on it).
    rounds: AtomicU64,
    last_outcome: Mutex<Option<Result<Weak<CachedToken>, Error>>>,
}

/// The Acqra gateway client for async code: `client.payment(&request).await`. Every endpoint method
/// of [`Client`] exists here with the same name, request and response types and errors; the token
/// is fetched and cached as there (single flight, refreshed before it expires, dropped after a
/// 401), and retries follow the same policy, their pauses on the transport's timer. No runtime is
/// named: the transport brings its own (`AsyncClient::new`, feature `reqwest`, uses reqwest on tokio).
///
/// `Send + Sync`; clones are cheap and share the connection pool and the token.
#[derive(Clone)]
pub struct AsyncClient {
    inner: Arc<Inner>,
}

impl std::fmt::Debug for AsyncClient {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AsyncClient").field("client", &self.inner.client).finish_non_exhaustive()
    }
}

impl AsyncClient {
    /// A client over sign-core's reqwest transport (rustls; call it inside a tokio runtime), with
    /// the timeouts, retry policy, body limit and proxy choice of `config`.
    #[cfg(feature = "reqwest")]
    #[cfg_attr(docsrs, doc(cfg(feature = "reqwest")))]
    pub fn new(config: Config) -> Self {
        let transport =
            config.http_options().reqwest_transport(concat!("paykit-acqra-gateway/", env!("CARGO_PKG_VERSION")));
        Self::with_transport(config, Arc::new(transport))
    }

    /// A client sending through any async `transport` (another HTTP client, another runtime, a test
    /// double).
    pub fn with_transport(config: Config, transport: Arc<dyn AsyncTransport>) -> Self {
        Self::from_parts(Client::sans_io(config), transport, false)
    }

    fn from_parts(client: Client, transport: Arc<dyn AsyncTransport>, repeat_after_unauthorized: bool) -> Self {
        Self {
            inner: Arc::new(Inner {
                client,
                transport,
                repeat_after_unauthorized,
                fetching: async_lock::Mutex::new(()),
                rounds: AtomicU64::new(0),
                last_outcome: Mutex::new(None),
            }),
        }
    }

    /// The same client reading time from `clock` (token expiry). Starts with an empty token cache.
    pub fn with_clock(self, clock: Arc<dyn Clock>) -> Self {
        let client = self.inner.client.clone().with_clock(clock);
        Self::from_parts(client, Arc::clone(&self.inner.transport), self.inner.repeat_after_unauthorized)
    }

    /// Whether a non-idempotent call answered with HTTP 401 is repeated once with a fresh token
    /// (default `false`), as [`Client::repeat_after_unauthorized`].
    pub fn repeat_after_unauthorized(self, repeat: bool) -> Self {
        Self::from_parts(self.inner.client.clone(), Arc::clone(&self.inner.transport), repeat)
    }

    /// The configuration.
    pub fn config(&self) -> &Config {
        self.inner.client.config()
    }

    /// The shared token cache (to store a token obtained elsewhere, or clear it).
    pub fn token_cache(&self) -> &TokenCache {
        self.inner.client.token_cache()
    }

    /// The sans-IO [`Client`] with the same configuration and token cache, which this client
    /// prepares and parses with.
    pub fn sans_io(&self) -> &Client {
        &self.inner.client
    }

    fn retry_policy(&self) -> sign_core::RetryPolicy {
        self.config().http_options().retry
    }

    /// The cached token when it is not due for refresh.
    fn fresh_token(&self) -> Option<Arc<CachedToken>> {
        let now = self.inner.client.clock().now();
        self.token_cache().current().filter(|t| now < t.refresh_at())
    }

    /// The current access token, fetched from `/gateway/v1/connect/token` when there is none or it
    /// is due for refresh. Concurrent tasks share one fetch and its outcome.
    ///
    /// # Errors
    /// [`Error::TokenRequest`] around the token request's failure, as [`Client::access_token`].
    pub async fn access_token(&self) -> Result<Arc<CachedToken>, Error> {
        if let Some(token) = self.fresh_token() {
            return Ok(token);
        }
        let round = self.inner.rounds.load(Ordering::SeqCst);
        let _fetching = self.inner.fetching.lock().await;
        if self.inner.rounds.load(Ordering::SeqCst) != round {
            // A fetch ended while this task waited: its outcome is this task's too.
            let last = self.inner.last_outcome.lock().unwrap_or_else(|p| p.into_inner()).clone();
            match last {
                // Held weakly: a token invalidated meanwhile is gone, and fetched anew below.
                Some(Ok(token)) => {
                    if let Some(token) = token.upgrade() {
                        return Ok(token);
                    }
                }
                Some(Err(e)) => return Err(e),
                None => {}
            }
        }
        if let Some(token) = self.fresh_token() {
            return Ok(token);
        }
        let issued_at = self.inner.client.clock().now();
        let outcome = self.fetch_token().await.map(|token| self.token_cache().store(token, issued_at));
        *self.inner.last_outcome.lock().unwrap_or_else(|p| p.into_inner()) =
            Some(outcome.as_ref().map(Arc::downgrade).map_err(Clone::clone));
        self.inner.rounds.fetch_add(1, Ordering::SeqCst);
        outcome
    }

    /// `POST /gateway/v1/connect/token` now, whatever the cache holds, and caches the new token.
    ///
    /// # Errors
    /// As [`AsyncClient::access_token`].
    pub async fn refresh_token(&self) -> Result<Arc<CachedToken>, Error> {
        self.token_cache().clear();
        self.access_token().await
    }

    /// The token request under the retry policy (not idempotent: repeated only when it cannot have
    /// reached the gateway). Any failure is [`Error::TokenRequest`].
    async fn fetch_token(&self) -> Result<AccessToken, Error> {
        // Traced as the blocking client does: a `token refresh` event and a call span of its own.
        sign_core::trace::token_refresh(env!("CARGO_PKG_NAME"));
        let span = CallSpan::start(env!("CARGO_PKG_NAME"), TokenRequest::NAME);
        let client = &self.inner.client;
        let result = span
            .instrument(async {
                send_with_retries_async_in(&span, &*self.inner.transport, &self.retry_policy(), || {
                    std::future::ready(client.prepare_token_request())
                })
                .await
                .and_then(|response| client.parse_token_response(&response))
            })
            .await;
        span.finish(result.as_ref().err().map(|e| e.outcome()));
        result.map_err(Error::token_request)
    }

    /// The `token` endpoint as it is (as [`Client::token`]): sends `request` and returns the
    /// gateway's answer; nothing is cached.
    ///
    /// # Errors
    /// As [`Client::token`].
    pub async fn token(&self, request: &TokenRequest) -> Result<TokenResponse, Error> {
        let config = self.config();
        let span = CallSpan::start(env!("CARGO_PKG_NAME"), TokenRequest::NAME);
        let result = span
            .instrument(async {
                let response = send_with_retries_async_in(&span, &*self.inner.transport, &self.retry_policy(), || {
                    std::future::ready(crate::token_ext::token_request(config, request))
                })
                .await?;
                let secrets = [request.secret.expose(), config.secret().expose()];
                envelope::parse_scrubbed(
                    &response,
                    config.http_options().max_response_bytes,
                    TokenRequest::NAME,
                    &secrets,
                )
            })
            .await;
        span.finish(result.as_ref().err().map(|e| e.outcome()));
        result
    }

    /// The complete request for `request` with `token` (sans-IO), as [`Client::prepare`].
    ///
    /// # Errors
    /// As [`Client::prepare`].
    pub fn prepare<E: Endpoint>(&self, request: &E, token: &AccessToken) -> Result<HttpRequest, Error> {
        self.inner.client.prepare(request, token)
    }

    /// Parses the gateway's answer to an `E` request (sans-IO), as [`Client::parse`].
    ///
    /// # Errors
    /// As [`Client::parse`].
    pub fn parse<E: Endpoint>(&self, response: &HttpResponse) -> Result<E::Response, Error> {
        self.inner.client.parse::<E>(response)
    }

    /// Sends `request` and returns its typed response without blocking a thread: the token
    /// (cached, single flight), [`prepare`](Self::prepare), send, [`parse`](Self::parse), with the
    /// retry policy and the 401 rule of [`Client::call`].
    ///
    /// # Errors
    /// Any [`Error`]; [`Error::outcome`] says whether the gateway may have processed the request.
    pub async fn call<E: Endpoint + Sync>(&self, request: &E) -> Result<E::Response, Error> {
        // Checked before a token is fetched: a bad request costs no I/O.
        sign_core::call::request_body(request)?;
        let client = &self.inner.client;
        let span = CallSpan::start(env!("CARGO_PKG_NAME"), E::NAME);
        let result = span
            .instrument(async {
                let response =
                    self.send_authorized(&span, E::IDEMPOTENT, |token| client.prepare(request, token)).await?;
                self.parse::<E>(&response)
            })
            .await;
        span.finish(result.as_ref().err().map(|e| e.outcome()));
        result
    }

    /// An authenticated call to any path with any JSON body, decoded as `T`, as [`Client::raw_call`].
    ///
    /// # Errors
    /// As [`Client::raw_call`].
    pub async fn raw_call<T: DeserializeOwned>(
        &self,
        path: &str,
        body: &(impl Serialize + ?Sized + Sync),
        idempotent: bool,
    ) -> Result<T, Error> {
        sign_core::call::check_raw_path(path)?;
        sign_core::call::raw_body(path, body)?;
        let client = &self.inner.client;
        let span = CallSpan::start(env!("CARGO_PKG_NAME"), path);
        let result = span
            .instrument(async {
                let response = self
                    .send_authorized(&span, idempotent, |token| client.prepare_raw(path, body, idempotent, token))
                    .await?;
                client.parse_raw(&response)
            })
            .await;
        span.finish(result.as_ref().err().map(|e| e.outcome()));
        result
    }

    /// [`AsyncClient::raw_call`] returning the answer as untyped JSON.
    ///
    /// # Errors
    /// As [`AsyncClient::raw_call`].
    pub async fn raw_call_json(
        &self,
        path: &str,
        body: &(impl Serialize + ?Sized + Sync),
        idempotent: bool,
    ) -> Result<serde_json::Value, Error> {
        self.raw_call(path, body, idempotent).await
    }

    /// Sends what `build` makes with the current token under the retry policy (each attempt reads
    /// the token again) and applies the 401 rule, as the blocking client does.
    async fn send_authorized(
        &self,
        span: &CallSpan,
        idempotent: bool,
        build: impl Fn(&AccessToken) -> Result<HttpRequest, Error> + Sync,
    ) -> Result<HttpResponse, Error> {
        // The token of the last attempt, the one a 401 refused.
        let used = AtomicU64::new(0);
        let (this, used_ref, build, policy) = (self, &used, &build, &self.retry_policy());
        let send = || {
            send_with_retries_async_in(span, &*this.inner.transport, policy, move || async move {
                let token = this.access_token().await?;
                used_ref.store(token.id(), Ordering::SeqCst);
                build(token.token())
            })
        };
        let response = send().await?;
        if response.status != 401 {
            return Ok(response);
        }
        self.token_cache().invalidate(used.load(Ordering::SeqCst));
        if !(idempotent || self.inner.repeat_after_unauthorized) {
            return Ok(response);
        }
        // Once only: a second 401 is reported, never looped on.
        let response = send().await?;
        if response.status == 401 {
            self.token_cache().invalidate(used.load(Ordering::SeqCst));
        }
        Ok(response)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_send_sync<T: Send + Sync + Clone>() {}

    #[test]
    fn async_client_is_send_sync_and_clone() {
        assert_send_sync::<AsyncClient>();
    }
}
