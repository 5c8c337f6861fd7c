//! Status callbacks (充值状态报告): verify the platform's signed POST and read the notification.
//!
//! The platform POSTs JSON to the order's `callbackUrl` with the headers `businessId`, `nonce`,
//! `timestamp` and `sign` (no `signType`). [`CallbackVerifier::verify`] takes the raw headers and
//! the raw body bytes, checks the `businessId`, the timestamp window, the signature (MD5 with the
//! secret key, or SHA256withRSA with the platform public key) and optionally the nonce against a
//! [`ReplayGuard`], then returns the typed [`StatusCallback`]. Answer with [`REPLY_SUCCESS`].
//!
//! The platform retries a callback that was not answered `SUCCESS` after 15 s, 30 s, 3 min, 10 min,
//! 20 min, 30 min, 60 min, 3 h and 6 h, so the same order's status can arrive many times: handle it
//! idempotently by `orderCode` (record the order's final state once; on a repeat, reply `SUCCESS`
//! again without acting twice). A replay guard stops a captured request from being replayed within
//! the time window, but it is not a substitute for that idempotency.

use std::collections::{BTreeSet, HashMap};
use std::fmt;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use sign_core::rsa::PublicKey;
use sign_core::{Clock, DecodeError, HttpResponse, SecretString, SystemClock};

use crate::ChargeStatusNotification;
use crate::auth::{self, AuthHeaders, VerifyingKey, header};
use crate::error::Error;

/// The exact reply body the platform expects once a callback has been handled.
pub const REPLY_SUCCESS: &str = "SUCCESS";

/// The default accepted distance between a callback's `timestamp` and the local clock.
pub const DEFAULT_TIME_WINDOW: Duration = Duration::from_secs(5 * 60);

/// The default largest callback body accepted.
pub const DEFAULT_MAX_BODY_BYTES: usize = 1024 * 1024;

/// The reply to send once a callback was verified and handled: `200`, `text/plain`, `SUCCESS`.
pub fn success_reply() -> HttpResponse {
    HttpResponse::new(200, REPLY_SUCCESS.as_bytes().to_vec()).with_header("Content-Type", "text/plain; charset=utf-8")
}

/// A verified status callback.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct StatusCallback {
    /// The typed fields (`orderCode`, `bizCode`).
    pub notification: ChargeStatusNotification,
    /// The whole body as JSON: the platform's other fields, whose names are not public, are here.
    pub raw: serde_json::Value,
    /// The `nonce` header.
    pub nonce: String,
    /// The `timestamp` header, Unix milliseconds.
    pub timestamp_millis: i64,
}

/// Remembers the nonces of verified callbacks, so that a captured callback cannot be replayed
/// while its timestamp is still inside the window.
///
/// Only use a guard if the platform signs every retry afresh (a new `nonce` and `timestamp`, as
/// this crate assumes): a nonce is recorded as soon as the callback verifies, before your handler
/// runs, so if the platform re-sent the *identical* request after a failed attempt, the guard
/// would refuse every retry. Keep the guard's window at least as long as the verifier's time
/// window, or replays older than the guard's memory get through.
pub trait ReplayGuard: Send + Sync + fmt::Debug {
    /// Records `nonce` (of a callback that passed every other check) and returns `true` if it was
    /// not seen before. `timestamp_millis` is the callback's; the nonce needs remembering only
    /// until that time plus the window has passed.
    fn first_use(&self, business_id: &str, nonce: &str, timestamp_millis: i64, now_millis: i64) -> bool;
}

/// An in-memory [`ReplayGuard`] whose memory is bounded: entries are dropped once their timestamp
/// has left the time window (a replay of them is rejected by the window anyway), and at most
/// `capacity` entries are kept (the ones closest to expiry are dropped first). Only verified
/// callbacks are recorded, so an attacker without the key cannot fill it.
///
/// One process only: with several instances behind a load balancer use a shared store.
pub struct InMemoryReplayGuard {
    window_millis: i64,
    capacity: usize,
    state: Mutex<GuardState>,
}

impl fmt::Debug for InMemoryReplayGuard {
    // The remembered nonces are not printed: there can be many.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("InMemoryReplayGuard")
            .field("window_millis", &self.window_millis)
            .field("capacity", &self.capacity)
            .field("len", &self.len())
            .finish()
    }
}

#[derive(Default)]
struct GuardState {
    expiry_of: HashMap<String, i64>,
    by_expiry: BTreeSet<(i64, String)>,
}

impl InMemoryReplayGuard {
    /// A guard covering `window` (use the verifier's time window), keeping at most `capacity`
    /// nonces.
    pub fn new(window: Duration, capacity: usize) -> Self {
        Self {
            window_millis: i64::try_from(window.as_millis()).unwrap_or(i64::MAX),
            capacity: capacity.max(1),
            state: Mutex::new(GuardState::default()),
        }
    }

    /// The number of nonces currently remembered.
    pub fn len(&self) -> usize {
        self.state.lock().unwrap_or_else(|p| p.into_inner()).expiry_of.len()
    }

    /// Whether no nonce is remembered.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl Default for InMemoryReplayGuard {
    /// Covers [`DEFAULT_TIME_WINDOW`], keeping up to 100 000 nonces.
    fn default() -> Self {
        Self::new(DEFAULT_TIME_WINDOW, 100_000)
    }
}

impl ReplayGuard for InMemoryReplayGuard {
    fn first_use(&self, business_id: &str, nonce: &str, timestamp_millis: i64, now_millis: i64) -> bool {
        let mut state = self.state.lock().unwrap_or_else(|p| p.into_inner());
        while let Some(first) = state.by_expiry.first().cloned() {
            if first.0 >= now_millis {
                break;
            }
            state.by_expiry.remove(&first);
            state.expiry_of.remove(&first.1);
        }
        let key = format!("{business_id}\n{nonce}");
        if state.expiry_of.contains_key(&key) {
            return false;
        }
        while state.expiry_of.len() >= self.capacity {
            let Some(first) = state.by_expiry.pop_first() else { break };
            state.expiry_of.remove(&first.1);
        }
        let expiry = timestamp_millis.max(now_millis).saturating_add(self.window_millis);
        state.expiry_of.insert(key.clone(), expiry);
        state.by_expiry.insert((expiry, key));
        true
    }
}

/// A header as a name and a value: `(name, value)` tuples of `String`/`&str`, or references to them
/// (so `&request.headers` of a [`sign_core::HttpRequest`] works as is).
pub trait HeaderPair {
    /// The header name.
    fn name(&self) -> &str;
    /// The header value.
    fn value(&self) -> &str;
}

impl<K: AsRef<str>, V: AsRef<str>> HeaderPair for (K, V) {
    fn name(&self) -> &str {
        self.0.as_ref()
    }

    fn value(&self) -> &str {
        self.1.as_ref()
    }
}

impl<T: HeaderPair + ?Sized> HeaderPair for &T {
    fn name(&self) -> &str {
        (**self).name()
    }

    fn value(&self) -> &str {
        (**self).value()
    }
}

/// Verifies status callbacks. Build one per business id and share it (it is `Send + Sync`).
#[derive(Debug, Clone)]
pub struct CallbackVerifier {
    business_id: String,
    key: VerifyingKey,
    window_millis: i64,
    max_body_bytes: usize,
    clock: Arc<dyn Clock>,
    replay_guard: Option<Arc<dyn ReplayGuard>>,
}

/// Builder for [`CallbackVerifier`].
#[derive(Debug, Default)]
pub struct CallbackVerifierBuilder {
    business_id: Option<String>,
    md5_secret_key: Option<SecretString>,
    public_key_text: Option<String>,
    public_key: Option<PublicKey>,
    window: Option<Duration>,
    max_body_bytes: Option<usize>,
    clock: Option<Arc<dyn Clock>>,
    replay_guard: Option<Arc<dyn ReplayGuard>>,
}

impl CallbackVerifierBuilder {
    /// Our `businessId` (required): a callback carrying another one is rejected.
    pub fn business_id(mut self, business_id: impl Into<String>) -> Self {
        self.business_id = Some(business_id.into());
        self
    }

    /// Verify with MD5 and this secret key (for accounts signing with `MD5`).
    pub fn md5_secret_key(mut self, secret: impl Into<SecretString>) -> Self {
        self.md5_secret_key = Some(secret.into());
        self
    }

    /// Verify with SHA256withRSA and the platform public key, PEM or bare Base64 DER (for accounts
    /// signing with `SHA256-RSA`). Parsed by [`build`](Self::build).
    pub fn platform_public_key(mut self, key: impl Into<String>) -> Self {
        self.public_key_text = Some(key.into());
        self.public_key = None;
        self
    }

    /// An already parsed platform public key.
    pub fn platform_public_key_parsed(mut self, key: PublicKey) -> Self {
        self.public_key = Some(key);
        self.public_key_text = None;
        self
    }

    /// How far a callback's `timestamp` may be from the local clock, either way (default 5 min).
    pub fn time_window(mut self, window: Duration) -> Self {
        self.window = Some(window);
        self
    }

    /// The largest body accepted (default 1 MiB).
    pub fn max_body_bytes(mut self, bytes: usize) -> Self {
        self.max_body_bytes = Some(bytes);
        self
    }

    /// The clock the time window is checked against (default: the system clock).
    pub fn clock(mut self, clock: Arc<dyn Clock>) -> Self {
        self.clock = Some(clock);
        self
    }

    /// Reject nonces already seen (see [`InMemoryReplayGuard`]).
    pub fn replay_guard(mut self, guard: Arc<dyn ReplayGuard>) -> Self {
        self.replay_guard = Some(guard);
        self
    }

    /// Validates the settings and parses the key.
    pub fn build(self) -> Result<CallbackVerifier, Error> {
        let business_id = self.business_id.map(|s| s.trim().to_owned()).unwrap_or_default();
        if business_id.is_empty() {
            return Err(Error::Config("callback verifier needs our businessId".into()));
        }
        let md5 = self.md5_secret_key.filter(|s| !s.is_empty());
        let rsa = match (self.public_key, self.public_key_text) {
            (Some(key), _) => Some(key),
            (None, Some(text)) if !text.trim().is_empty() => Some(PublicKey::parse(&text)?),
            _ => None,
        };
        let key = match (md5, rsa) {
            (Some(secret), None) => VerifyingKey::Md5(secret),
            (None, Some(public_key)) => VerifyingKey::Sha256Rsa(public_key),
            (Some(_), Some(_)) => {
                return Err(Error::Config("set either the MD5 secret key or the platform public key, not both".into()));
            }
            (None, None) => {
                return Err(Error::Config(
                    "callback verifier needs the MD5 secret key or the platform public key".into(),
                ));
            }
        };
        let window = self.window.unwrap_or(DEFAULT_TIME_WINDOW);
        Ok(CallbackVerifier {
            business_id,
            key,
            window_millis: i64::try_from(window.as_millis()).unwrap_or(i64::MAX),
            max_body_bytes: self.max_body_bytes.unwrap_or(DEFAULT_MAX_BODY_BYTES),
            clock: self.clock.unwrap_or_else(|| Arc::new(SystemClock)),
            replay_guard: self.replay_guard,
        })
    }
}

impl CallbackVerifier {
    /// A builder.
    pub fn builder() -> CallbackVerifierBuilder {
        CallbackVerifierBuilder::default()
    }

    /// Verifies a callback from its raw headers (names compared case-insensitively) and raw body
    /// bytes, exactly as received.
    ///
    /// Any failed check (a missing, duplicated or malformed header, another `businessId`, a
    /// timestamp outside the window, a wrong signature, a replayed nonce) is [`Error::Signature`],
    /// without saying which. A body that verifies but is not the expected JSON is
    /// [`Error::Decode`]; a body over the size limit is [`Error::Decode`] before any check.
    pub fn verify<I>(&self, headers: I, body: &[u8]) -> Result<StatusCallback, Error>
    where
        I: IntoIterator,
        I::Item: HeaderPair,
    {
        if body.len() > self.max_body_bytes {
            return Err(Error::Decode(DecodeError::new("callback body is too large")));
        }
        let mut business_id = None;
        let mut nonce = None;
        let mut timestamp = None;
        let mut sign = None;
        for pair in headers {
            let (name, value) = (pair.name(), pair.value());
            let slot = match name.trim() {
                n if n.eq_ignore_ascii_case(header::BUSINESS_ID) => &mut business_id,
                n if n.eq_ignore_ascii_case(header::NONCE) => &mut nonce,
                n if n.eq_ignore_ascii_case(header::TIMESTAMP) => &mut timestamp,
                n if n.eq_ignore_ascii_case(header::SIGN) => &mut sign,
                _ => continue,
            };
            if slot.is_some() {
                // Two values for one signed header: which one was signed is ambiguous.
                return Err(Error::Signature);
            }
            *slot = Some(value.trim().to_owned());
        }
        let (Some(business_id), Some(nonce), Some(timestamp), Some(sign)) = (business_id, nonce, timestamp, sign)
        else {
            return Err(Error::Signature);
        };
        if business_id != self.business_id || nonce.is_empty() || sign.is_empty() {
            return Err(Error::Signature);
        }
        if timestamp.is_empty() || !timestamp.bytes().all(|b| b.is_ascii_digit()) {
            return Err(Error::Signature);
        }
        let timestamp_millis: i64 = timestamp.parse().map_err(|_| Error::Signature)?;
        let now = self.clock.unix_millis();
        if now.abs_diff(timestamp_millis) > self.window_millis.unsigned_abs() {
            return Err(Error::Signature);
        }
        let signed = AuthHeaders { business_id: &business_id, nonce: &nonce, timestamp: &timestamp, sign_type: None };
        auth::verify(&self.key, &signed, body, &sign)?;
        if let Some(guard) = &self.replay_guard {
            if !guard.first_use(&business_id, &nonce, timestamp_millis, now) {
                return Err(Error::Signature);
            }
        }
        let raw: serde_json::Value = serde_json::from_slice(body)?;
        let notification: ChargeStatusNotification = serde_json::from_value(raw.clone())?;
        Ok(StatusCallback { notification, raw, nonce, timestamp_millis })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replay_guard_remembers_within_the_window_and_forgets_after() {
        let g = InMemoryReplayGuard::new(Duration::from_secs(60), 10);
        assert!(g.first_use("55", "n1", 1_000_000, 1_000_000));
        assert!(!g.first_use("55", "n1", 1_000_000, 1_000_500));
        assert!(g.first_use("56", "n1", 1_000_000, 1_000_500), "keyed by business id too");
        // After timestamp + window the entry is dropped (the window check rejects it by then).
        assert!(g.first_use("55", "n2", 1_000_000, 1_000_000));
        assert_eq!(g.len(), 3);
        assert!(g.first_use("55", "n3", 1_070_001, 1_070_001));
        assert_eq!(g.len(), 1);
    }

    #[test]
    fn replay_guard_memory_is_bounded() {
        let g = InMemoryReplayGuard::new(Duration::from_secs(3600), 3);
        for i in 0..10 {
            assert!(g.first_use("55", &format!("n{i}"), 1_000_000 + i, 1_000_000));
        }
        assert_eq!(g.len(), 3);
        assert!(!g.first_use("55", "n9", 1_000_009, 1_000_010));
    }

    #[test]
    fn builder_needs_exactly_one_key_and_a_business_id() {
        assert!(matches!(CallbackVerifier::builder().md5_secret_key("s").build(), Err(Error::Config(_))));
        assert!(matches!(CallbackVerifier::builder().business_id("55").build(), Err(Error::Config(_))));
        let both = CallbackVerifier::builder()
            .business_id("55")
            .md5_secret_key("s")
            .platform_public_key(include_str!("../testdata/platform_public_key.pem"));
        assert!(matches!(both.build(), Err(Error::Config(_))));
        let bad = CallbackVerifier::builder().business_id("55").platform_public_key("nonsense");
        assert!(matches!(bad.build(), Err(Error::Key(_))));
        let private = CallbackVerifier::builder()
            .business_id("55")
            .platform_public_key(include_str!("../testdata/platform_private_key.pem"));
        assert!(matches!(private.build(), Err(Error::Key(_))));
    }
}
