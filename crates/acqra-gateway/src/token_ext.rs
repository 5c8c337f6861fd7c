//! The `token` endpoint (`docs/acqra-gateway/token.md`), written by hand: `POST
//! /gateway/v1/connect/token` with `{appId, secret}` returns `{accessToken, expiresIn}`; every other
//! call sends the token in a header (see [`AuthHeader`](crate::AuthHeader)). The client fetches
//! and caches it itself ([`Client::access_token`]); [`Client::prepare_token_request`] and
//! [`Client::parse_token_response`] are the sans-IO halves.
//!
//! [`TokenCache`] keeps one token for all threads of a client:
//! - **single flight**: when the token is missing or due for refresh, exactly one caller fetches a
//!   new one while the others wait for that fetch and share its result (its error too), so a burst
//!   of concurrent calls causes one token request, not one each;
//! - **early refresh**: a token is replaced `token_refresh_margin` before its `expiresIn` runs out
//!   (measured from the moment the token request was sent, by the injectable clock), so a call
//!   never leaves with a token about to expire in flight;
//! - **invalidation on 401**: the client drops the token the gateway refused
//!   ([`TokenCache::invalidate`]), but only if it is still the current one, so many calls failing
//!   with the same stale token cause one refresh.

use std::sync::{Arc, Condvar, Mutex, MutexGuard, Weak};
use std::time::Duration;

use sign_core::{Clock, Endpoint, HttpRequest, HttpResponse, SecretString};
use time::OffsetDateTime;

use crate::client::Client;
use crate::config::Config;
use crate::envelope;
use crate::error::Error;
use crate::generated::{TokenRequest, TokenResponse};

/// An access token as issued by the gateway. `Debug` and `Display` never show the value.
#[derive(Clone, PartialEq, Eq)]
pub struct AccessToken {
    value: SecretString,
    expires_in: Option<Duration>,
}

impl AccessToken {
    /// A token with its lifetime (`expiresIn`), if the gateway gave one.
    pub fn new(value: impl Into<SecretString>, expires_in: Option<Duration>) -> Self {
        Self { value: value.into(), expires_in }
    }

    /// The token value, for the header.
    pub fn secret(&self) -> &SecretString {
        &self.value
    }

    /// `expiresIn`: how long the token is valid after it was issued, when known.
    pub fn expires_in(&self) -> Option<Duration> {
        self.expires_in
    }
}

impl std::fmt::Debug for AccessToken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AccessToken").field("value", &self.value).field("expires_in", &self.expires_in).finish()
    }
}

impl std::fmt::Display for AccessToken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(sign_core::secret::REDACTED)
    }
}

/// The token request for `body`: `POST {base}/gateway/v1/connect/token` with
/// `{"appId": ..., "secret": ...}`. It carries no `Authorization` header, only the configured
/// [`token_request_headers`](Config::token_request_headers) beside its own (which they replace).
///
/// Not marked idempotent (the docs' choice): a token request that may have reached the gateway is
/// not re-sent by the transport, since some gateways revoke the previous token when issuing one.
pub(crate) fn token_request(config: &Config, body: &TokenRequest) -> Result<HttpRequest, Error> {
    let body = sign_core::call::request_body(body)?;
    let mut request =
        HttpRequest::new(TokenRequest::METHOD, sign_core::http::join_url(config.base_url(), TokenRequest::PATH))
            .with_header("Content-Type", "application/json")
            .with_header("Accept", crate::client::ACCEPT)
            .with_body(body)
            .with_idempotent(TokenRequest::IDEMPOTENT);
    for (name, value) in config.token_request_headers() {
        request.headers.retain(|(n, _)| !n.eq_ignore_ascii_case(name));
        request = request.with_header(name.as_str(), value.expose());
    }
    Ok(request)
}

fn configured_token_request(config: &Config) -> Result<HttpRequest, Error> {
    token_request(config, &TokenRequest::new(config.app_id(), config.secret().clone()))
}

/// Reads the token response. A missing `accessToken` on success is a decode error; a non-positive
/// `expiresIn` is treated as absent.
#[cfg(test)]
fn parse_token_response(response: &HttpResponse, max_body_bytes: u64) -> Result<AccessToken, Error> {
    parse_token_response_scrubbed(response, max_body_bytes, &[])
}

/// [`parse_token_response`] scrubbing `secrets` (the app secret) from a refusal's text.
fn parse_token_response_scrubbed(
    response: &HttpResponse,
    max_body_bytes: u64,
    secrets: &[&str],
) -> Result<AccessToken, Error> {
    let body: TokenResponse = envelope::parse_scrubbed(response, max_body_bytes, TokenRequest::NAME, secrets)?;
    let value = body
        .access_token
        .filter(|t| !t.is_empty())
        .ok_or_else(|| Error::Decode(sign_core::DecodeError::new("token: response has no accessToken")))?;
    let expires_in = body.expires_in.filter(|s| *s > 0).map(|s| Duration::from_secs(s.unsigned_abs()));
    Ok(AccessToken::new(value, expires_in))
}

/// The `token` endpoint: the client keeps one token for all threads and clones.
impl Client {
    /// The current access token, fetched from `/gateway/v1/connect/token` when there is none or it
    /// is due for refresh. Concurrent callers share one fetch.
    ///
    /// # Errors
    /// [`Error::TokenRequest`] around the token request's failure ([`Error::Api`] for refused
    /// credentials, see [`Error::credentials_refused`]; a transport error...).
    pub fn access_token(&self) -> Result<Arc<CachedToken>, Error> {
        self.token_cache().get(self.clock(), || self.fetch_token())
    }

    /// `POST /gateway/v1/connect/token` now, whatever the cache holds, and caches the new token.
    ///
    /// # Errors
    /// As [`Client::access_token`].
    pub fn refresh_token(&self) -> Result<Arc<CachedToken>, Error> {
        self.token_cache().clear();
        self.access_token()
    }

    /// The token request (sans-IO), for fetching a token with another HTTP client; read the answer
    /// with [`Client::parse_token_response`] and, to share it with this client,
    /// [`TokenCache::store`] it.
    ///
    /// # Errors
    /// [`Error::InvalidRequest`] if the request cannot be serialized.
    pub fn prepare_token_request(&self) -> Result<HttpRequest, Error> {
        configured_token_request(self.config())
    }

    /// Reads the gateway's answer to [`Client::prepare_token_request`] (sans-IO), with the
    /// configured response size cap.
    ///
    /// # Errors
    /// [`Error::TokenRequest`] around the failure: [`Error::Api`] for refused credentials
    /// ([`Error::credentials_refused`]), [`Error::Decode`] for an answer without `accessToken`,
    /// and the other failures of [`Client::parse`](crate::Client::parse).
    pub fn parse_token_response(&self, response: &HttpResponse) -> Result<AccessToken, Error> {
        let secret = self.config().secret().expose();
        parse_token_response_scrubbed(response, self.config().http_options().max_response_bytes, &[secret])
            .map_err(Error::token_request)
    }

    /// The `token` endpoint as it is, `POST /gateway/v1/connect/token`: sends `request` (any
    /// `appId` / `secret`, without an `Authorization` header) and returns the gateway's answer.
    /// Nothing is cached, and it is repeated only when it cannot have reached the gateway (the
    /// retry policy): the client's own token is [`Client::access_token`].
    ///
    /// # Errors
    /// [`Error::Api`] for refused credentials, and the failures of [`Client::call`] (this is the
    /// token endpoint called as such, so its failures are not wrapped in [`Error::TokenRequest`]).
    pub fn token(&self, request: &TokenRequest) -> Result<TokenResponse, Error> {
        let span = sign_core::trace::CallSpan::start(env!("CARGO_PKG_NAME"), TokenRequest::NAME);
        let result = span.in_scope(|| {
            let policy = self.retry_policy();
            let response = sign_core::call::send_with_retries_in(&span, self.transport(), &policy, || {
                token_request(self.config(), request)
            })?;
            let secrets = [request.secret.expose(), self.config().secret().expose()];
            envelope::parse_scrubbed(
                &response,
                self.config().http_options().max_response_bytes,
                TokenRequest::NAME,
                &secrets,
            )
        });
        span.finish(result.as_ref().err().map(|e| e.outcome()));
        result
    }

    /// The current token if one is cached (to scrub it from the gateway's messages).
    pub(crate) fn cached_token(&self) -> Option<Arc<CachedToken>> {
        self.token_cache().current()
    }

    /// The token request under the retry policy: not idempotent, so it is repeated only when it
    /// cannot have reached the gateway (built afresh each time).
    /// Any failure is [`Error::TokenRequest`]: the call waiting for the token is not sent.
    ///
    /// Traced as a `token refresh` event and a call span of its own (endpoint `token`), inside
    /// the span of the call that needed the token.
    fn fetch_token(&self) -> Result<AccessToken, Error> {
        sign_core::trace::token_refresh(env!("CARGO_PKG_NAME"));
        let span = sign_core::trace::CallSpan::start(env!("CARGO_PKG_NAME"), TokenRequest::NAME);
        let result = span.in_scope(|| {
            let policy = self.retry_policy();
            sign_core::call::send_with_retries_in(&span, self.transport(), &policy, || {
                configured_token_request(self.config())
            })
            .and_then(|response| self.parse_token_response(&response))
            .map_err(Error::token_request)
        });
        span.finish(result.as_ref().err().map(|e| e.outcome()));
        result
    }
}

/// A token held by the cache, with its identity (to invalidate exactly this one) and refresh time.
#[derive(Debug)]
pub struct CachedToken {
    id: u64,
    token: AccessToken,
    refresh_at: OffsetDateTime,
}

impl CachedToken {
    /// The token.
    pub fn token(&self) -> &AccessToken {
        &self.token
    }

    /// Identifies this token for [`TokenCache::invalidate`].
    pub fn id(&self) -> u64 {
        self.id
    }

    /// When the cache will fetch a replacement.
    pub fn refresh_at(&self) -> OffsetDateTime {
        self.refresh_at
    }
}

#[derive(Default)]
struct State {
    current: Option<Arc<CachedToken>>,
    fetching: bool,
    /// Incremented each time a fetch ends.
    round: u64,
    /// The outcome of the fetch that ended `round`, for the callers that waited on it. A token
    /// is held weakly: once invalidated or cleared, nothing here keeps it (a secret) alive.
    last_outcome: Option<Result<Weak<CachedToken>, Error>>,
    next_id: u64,
    /// Callers currently waiting for another caller's fetch.
    waiters: usize,
}

/// The shared, single-flight token cache. See the module documentation.
pub struct TokenCache {
    state: Mutex<State>,
    fetched: Condvar,
    refresh_margin: Duration,
    default_lifetime: Duration,
}

impl std::fmt::Debug for TokenCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TokenCache")
            .field("refresh_margin", &self.refresh_margin)
            .field("default_lifetime", &self.default_lifetime)
            .finish_non_exhaustive()
    }
}

impl TokenCache {
    /// An empty cache refreshing `refresh_margin` before expiry and assuming `default_lifetime` for
    /// tokens issued without `expiresIn`.
    pub fn new(refresh_margin: Duration, default_lifetime: Duration) -> Self {
        Self { state: Mutex::new(State::default()), fetched: Condvar::new(), refresh_margin, default_lifetime }
    }

    fn lock(&self) -> MutexGuard<'_, State> {
        // A panic elsewhere while holding the lock leaves the state consistent (every update is a
        // single assignment), so a poisoned lock is still usable.
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// The current token if it is not due for refresh at `clock`'s time; otherwise fetches one with
    /// `fetch` (or waits for the fetch another thread is running and shares its outcome).
    pub fn get(
        &self,
        clock: &dyn Clock,
        fetch: impl FnOnce() -> Result<AccessToken, Error>,
    ) -> Result<Arc<CachedToken>, Error> {
        let mut state = self.lock();
        if let Some(t) = &state.current
            && clock.now() < t.refresh_at
        {
            return Ok(Arc::clone(t));
        }
        if state.fetching {
            let round = state.round;
            state.waiters += 1;
            while state.fetching && state.round == round {
                state = self.fetched.wait(state).unwrap_or_else(|p| p.into_inner());
            }
            state.waiters -= 1;
            match &state.last_outcome {
                Some(Ok(token)) => {
                    // Gone when it was invalidated meanwhile and nobody holds it: fetch anew.
                    if let Some(token) = token.upgrade() {
                        return Ok(token);
                    }
                }
                Some(Err(e)) => return Err(e.clone()),
                None => {}
            }
        }
        state.fetching = true;
        drop(state);
        let mut guard = FetchGuard { cache: self, done: false };
        let issued_at = clock.now();
        let outcome = fetch().map(|token| {
            let refresh_at = self.refresh_time(&token, issued_at);
            (token, refresh_at)
        });
        guard.done = true;
        let mut state = self.lock();
        let outcome = outcome.map(|(token, refresh_at)| {
            state.next_id += 1;
            Arc::new(CachedToken { id: state.next_id, token, refresh_at })
        });
        if let Ok(t) = &outcome {
            state.current = Some(Arc::clone(t));
        }
        finish_round(&mut state, outcome.clone());
        drop(state);
        self.fetched.notify_all();
        outcome
    }

    /// Drops the token `id` if it is still the current one (the gateway refused it). A token
    /// already replaced by another thread's refresh stays replaced.
    pub fn invalidate(&self, id: u64) {
        let mut state = self.lock();
        if state.current.as_ref().is_some_and(|t| t.id == id) {
            state.current = None;
        }
    }

    /// When a token issued at `issued_at` is due for refresh: `refresh_margin` (at most half its
    /// lifetime) before it expires. `expiresIn` comes from the network, so an absurd lifetime
    /// saturates at the latest representable time instead of overflowing.
    fn refresh_time(&self, token: &AccessToken, issued_at: OffsetDateTime) -> OffsetDateTime {
        let lifetime = token.expires_in.unwrap_or(self.default_lifetime);
        let margin = self.refresh_margin.min(lifetime / 2);
        time::Duration::try_from(lifetime - margin)
            .ok()
            .and_then(|d| issued_at.checked_add(d))
            .unwrap_or_else(|| time::PrimitiveDateTime::MAX.assume_utc())
    }

    /// The cached token, if any, whether or not it is due for refresh.
    pub(crate) fn current(&self) -> Option<Arc<CachedToken>> {
        self.lock().current.clone()
    }

    /// How many callers are waiting for a fetch in progress (for tests and metrics).
    pub fn waiting(&self) -> usize {
        self.lock().waiters
    }

    /// Drops whatever token is cached.
    pub fn clear(&self) {
        self.lock().current = None;
    }

    /// Puts a token obtained elsewhere (for example with [`Client::prepare_token_request`] on an
    /// async client)
    /// into the cache, as issued at `issued_at`.
    pub fn store(&self, token: AccessToken, issued_at: OffsetDateTime) -> Arc<CachedToken> {
        let refresh_at = self.refresh_time(&token, issued_at);
        let mut state = self.lock();
        state.next_id += 1;
        let t = Arc::new(CachedToken { id: state.next_id, token, refresh_at });
        state.current = Some(Arc::clone(&t));
        t
    }
}

fn finish_round(state: &mut State, outcome: Result<Arc<CachedToken>, Error>) {
    state.fetching = false;
    state.round += 1;
    state.last_outcome = Some(outcome.map(|token| Arc::downgrade(&token)));
}

/// Ends the round even if `fetch` panics, so waiting threads are released instead of hanging.
struct FetchGuard<'a> {
    cache: &'a TokenCache,
    done: bool,
}

impl Drop for FetchGuard<'_> {
    fn drop(&mut self) {
        if !self.done {
            let mut state = self.cache.lock();
            finish_round(&mut state, Err(Error::Config("token fetch panicked".into())));
            drop(state);
            self.cache.fetched.notify_all();
        }
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicUsize, Ordering};

    use sign_core::FixedClock;

    use super::*;

    const LIMIT: u64 = 10 * 1024 * 1024;

    fn clock() -> FixedClock {
        FixedClock::from_unix_millis(1_700_000_000_000)
    }

    fn tok(v: &str, secs: u64) -> AccessToken {
        AccessToken::new(v, Some(Duration::from_secs(secs)))
    }

    #[test]
    fn reuses_the_token_until_the_refresh_margin() {
        let cache = TokenCache::new(Duration::from_secs(60), Duration::from_secs(300));
        let c = clock();
        let calls = AtomicUsize::new(0);
        let fetch = |v: &'static str| {
            let calls = &calls;
            move || {
                calls.fetch_add(1, Ordering::SeqCst);
                Ok(tok(v, 3600))
            }
        };
        let t1 = cache.get(&c, fetch("one")).unwrap();
        assert_eq!(t1.token().secret().expose(), "one");
        c.advance(Duration::from_secs(3600 - 61));
        assert_eq!(cache.get(&c, fetch("two")).unwrap().token().secret().expose(), "one");
        c.advance(Duration::from_secs(1)); // 60 s before expiry: due
        assert_eq!(cache.get(&c, fetch("two")).unwrap().token().secret().expose(), "two");
        assert_eq!(calls.load(Ordering::SeqCst), 2);
    }

    #[test]
    fn short_lived_tokens_are_refreshed_at_half_life() {
        let cache = TokenCache::new(Duration::from_secs(60), Duration::from_secs(300));
        let c = clock();
        cache.get(&c, || Ok(tok("a", 10))).unwrap();
        c.advance(Duration::from_secs(4));
        assert_eq!(cache.get(&c, || Ok(tok("b", 10))).unwrap().token().secret().expose(), "a");
        c.advance(Duration::from_secs(1));
        assert_eq!(cache.get(&c, || Ok(tok("b", 10))).unwrap().token().secret().expose(), "b");
        // No expiresIn: the configured default lifetime applies.
        let cache = TokenCache::new(Duration::from_secs(60), Duration::from_secs(300));
        let t = cache.get(&c, || Ok(AccessToken::new("x", None))).unwrap();
        assert_eq!(t.refresh_at(), c.now() + Duration::from_secs(240));
    }

    #[test]
    fn invalidate_only_drops_the_refused_token() {
        let cache = TokenCache::new(Duration::from_secs(60), Duration::from_secs(300));
        let c = clock();
        let old = cache.get(&c, || Ok(tok("old", 3600))).unwrap();
        cache.invalidate(old.id());
        let new = cache.get(&c, || Ok(tok("new", 3600))).unwrap();
        // A second thread that also failed with "old" must not throw "new" away.
        cache.invalidate(old.id());
        let again = cache.get(&c, || Ok(tok("third", 3600))).unwrap();
        assert_eq!(again.id(), new.id());
        assert_eq!(again.token().secret().expose(), "new");
    }

    /// Review finding I9: once a token is invalidated or the cache cleared, the cache keeps
    /// nothing of it alive (the outcome kept for waiting callers holds it weakly).
    #[test]
    fn an_invalidated_or_cleared_token_is_not_kept_alive_by_the_cache() {
        let cache = TokenCache::new(Duration::from_secs(60), Duration::from_secs(300));
        let c = clock();
        let (id, first) = {
            let token = cache.get(&c, || Ok(tok("first", 3600))).unwrap();
            (token.id(), Arc::downgrade(&token))
        };
        assert!(first.upgrade().is_some(), "the current token is held");
        cache.invalidate(id);
        assert!(first.upgrade().is_none(), "invalidated, yet still alive in the cache");

        let second = Arc::downgrade(&cache.get(&c, || Ok(tok("second", 3600))).unwrap());
        assert!(second.upgrade().is_some());
        cache.clear();
        assert!(second.upgrade().is_none(), "cleared, yet still alive in the cache");
        // And the cache still works: the next caller fetches a new one.
        assert_eq!(cache.get(&c, || Ok(tok("third", 3600))).unwrap().token().secret().expose(), "third");
    }

    #[test]
    fn concurrent_callers_share_one_fetch_and_its_error() {
        let cache = Arc::new(TokenCache::new(Duration::from_secs(60), Duration::from_secs(300)));
        let c = Arc::new(clock());
        let calls = Arc::new(AtomicUsize::new(0));
        let gate = Arc::new(std::sync::Barrier::new(8));
        let handles: Vec<_> = (0..8)
            .map(|_| {
                let (cache, c, calls, gate) = (cache.clone(), c.clone(), calls.clone(), gate.clone());
                std::thread::spawn(move || {
                    gate.wait();
                    let waiting = cache.clone();
                    cache.get(&*c, move || {
                        calls.fetch_add(1, Ordering::SeqCst);
                        // Hold the fetch until the seven other threads are queued behind it.
                        while waiting.waiting() < 7 {
                            std::thread::yield_now();
                        }
                        Err(Error::Api { code: "1001".into(), message: "bad secret".into(), status: 200 })
                    })
                })
            })
            .collect();
        for h in handles {
            assert_eq!(h.join().unwrap().unwrap_err().api_code(), Some("1001"));
        }
        assert_eq!(calls.load(Ordering::SeqCst), 1);
        assert_eq!(cache.waiting(), 0);
    }

    #[test]
    fn a_panicking_fetch_releases_waiters() {
        let cache = TokenCache::new(Duration::from_secs(60), Duration::from_secs(300));
        let c = clock();
        let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let _ = cache.get(&c, || panic!("transport bug"));
        }));
        assert!(r.is_err());
        assert_eq!(cache.get(&c, || Ok(tok("ok", 3600))).unwrap().token().secret().expose(), "ok");
    }

    #[test]
    fn an_absurd_expires_in_from_the_gateway_is_not_a_panic() {
        // expiresIn is network input: i64::MAX seconds must not overflow the refresh time.
        let huge = HttpResponse::json(
            200,
            r#"{"accessToken":"tk-big","expiresIn":9223372036854775807,"respCode":"0000","respMsg":"ok"}"#,
        );
        let token = parse_token_response(&huge, LIMIT).unwrap();
        let cache = TokenCache::new(Duration::from_secs(60), Duration::from_secs(300));
        let c = clock();
        let cached = cache.get(&c, || Ok(token.clone())).unwrap();
        assert!(cached.refresh_at() > c.now() + Duration::from_secs(3600 * 24 * 365));
        // Still served from the cache a year later.
        c.advance(Duration::from_secs(3600 * 24 * 365));
        assert_eq!(cache.get(&c, || Ok(tok("other", 3600))).unwrap().id(), cached.id());
        let stored = cache.store(token, c.now());
        assert!(stored.refresh_at() > c.now());
    }

    #[test]
    fn token_request_and_response_on_the_wire() {
        let config = Config::builder().base_url("https://gw.example.com").app_id("app-1").secret("top-secret");
        let config = config.build().unwrap();
        let req = configured_token_request(&config).unwrap();
        assert_eq!(req.url, "https://gw.example.com/gateway/v1/connect/token");
        assert_eq!(req.body, br#"{"appId":"app-1","secret":"top-secret"}"#);
        assert!(req.header("Authorization").is_none());
        // The headers of every request sample in the provider's document.
        assert_eq!(req.header("Content-Type"), Some("application/json"));
        assert_eq!(req.header("Accept"), Some("*/*"));
        assert!(!format!("{req:?}").contains("top-secret"));
        let ok = HttpResponse::json(200, r#"{"accessToken":"tk-9","expiresIn":3600,"respCode":"0000","respMsg":"ok"}"#);
        let t = parse_token_response(&ok, LIMIT).unwrap();
        assert_eq!(t.secret().expose(), "tk-9");
        assert_eq!(t.expires_in(), Some(Duration::from_secs(3600)));
        assert!(!format!("{t:?} {t}").contains("tk-9"));
        let none = HttpResponse::json(200, r#"{"respCode":"0000","respMsg":"","expiresIn":0,"accessToken":"z"}"#);
        assert_eq!(parse_token_response(&none, LIMIT).unwrap().expires_in(), None);
        let missing = HttpResponse::json(200, r#"{"respCode":"0000","respMsg":"ok"}"#);
        assert!(matches!(parse_token_response(&missing, LIMIT), Err(Error::Decode(_))));
        let bad = HttpResponse::json(200, r#"{"respCode":"4001","respMsg":"invalid secret"}"#);
        assert_eq!(parse_token_response(&bad, LIMIT).unwrap_err().api_code(), Some("4001"));
    }

    #[test]
    fn a_token_answer_without_resp_msg_is_still_a_token() {
        // The schema marks `respMsg` required here (in 2 of its 10 responses only); a gateway that
        // leaves it out, or sends null, on success must not make every call fail.
        for body in [
            r#"{"accessToken":"tk-9","expiresIn":3600,"respCode":"0000"}"#,
            r#"{"accessToken":"tk-9","expiresIn":3600,"respCode":"0000","respMsg":null}"#,
        ] {
            let t =
                parse_token_response(&HttpResponse::json(200, body), LIMIT).unwrap_or_else(|e| panic!("{body}: {e}"));
            assert_eq!(t.secret().expose(), "tk-9");
        }
    }
}
