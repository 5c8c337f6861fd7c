//! Status callbacks (充值状态报告): verify the platform's signed POST and read the notification.
//!
//! ```text
//! raw headers + raw body -> size cap -> businessId, timestamp window, signature
//!   (MD5 secret or platform public key) -> replay guard (optional) -> StatusCallback
//!   | Error::CallbackRejected
//! ```
//!
//! The platform POSTs JSON to the order's `callbackUrl` with the headers `businessId`, `nonce`,
//! `timestamp` and `sign` (no `signType`). [`Client::verify_notification`] takes the raw headers and
//! the raw body bytes and checks them with the callback settings of the [`Config`](crate::Config);
//! answer a verified and handled callback with [`Client::notification_reply`].
//!
//! The platform retries a callback that was not answered `SUCCESS` after 15 s, 30 s, 3 min, 10 min,
//! 20 min, 30 min, 60 min, 3 h and 6 h, so the same order's status can arrive many times, and a
//! retry may carry the first attempt's timestamp: the default time window
//! ([`DEFAULT_CALLBACK_TIME_WINDOW`](crate::DEFAULT_CALLBACK_TIME_WINDOW), 12 h) accepts the last
//! retry either way. Replay protection is idempotency by `orderCode`: record the order's final
//! state once; on a repeat (a retry, or a replay inside the window), reply `SUCCESS` again without
//! acting twice. A replay guard stops a captured request from being replayed within the time
//! window, but it is not a substitute for that idempotency.

use std::collections::{BTreeSet, HashMap};
use std::fmt;
use std::sync::Mutex;
use std::time::Duration;

use sign_core::{DecodeError, HeaderPair};

use crate::ChargeStatusNotification;
use crate::auth::{self, AuthHeaders, header};
use crate::client::Client;
use crate::config::DEFAULT_CALLBACK_TIME_WINDOW;
use crate::error::Error;

/// The exact reply body the platform expects once a callback has been handled (what
/// [`Client::notification_reply`] returns).
pub const REPLY_SUCCESS: &str = "SUCCESS";

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
/// Only use a guard once the platform confirms that it signs every retry afresh (a new `nonce` and
/// `timestamp`; its documentation does not say): a nonce is recorded as soon as the callback verifies, before your handler
/// runs, so if the platform re-sent the *identical* request after a failed attempt, the guard
/// would refuse every retry. Keep the guard's window at least as long as the callback time window
/// ([`ConfigBuilder::callback_time_window`](crate::ConfigBuilder::callback_time_window)), or replays
/// older than the guard's memory get through. Plug a guard in with
/// [`ConfigBuilder::callback_replay_guard`](crate::ConfigBuilder::callback_replay_guard).
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
    /// A guard covering `window` (use the configured callback time window), keeping at most
    /// `capacity` nonces.
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
    /// Covers [`DEFAULT_CALLBACK_TIME_WINDOW`](crate::DEFAULT_CALLBACK_TIME_WINDOW), keeping up to
    /// 100 000 nonces.
    fn default() -> Self {
        Self::new(DEFAULT_CALLBACK_TIME_WINDOW, 100_000)
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

impl Client {
    /// Verifies a status callback from its raw headers (names compared case-insensitively) and raw
    /// body bytes, exactly as received, with the callback settings of the [`Config`](crate::Config):
    /// our `businessId`, the time window (against the client's clock), the signature (with the
    /// platform public key when one is configured, else the MD5 secret key) and, when configured,
    /// the replay guard.
    ///
    /// Any failed check (a body over the size limit, a missing, duplicated or malformed header,
    /// another `businessId`, a timestamp outside the window, a wrong signature, a replayed nonce) is
    /// [`Error::CallbackRejected`], without saying which. A body that verifies but is not the
    /// expected JSON is [`Error::Decode`]. [`Error::Config`] when the configuration holds neither a
    /// platform public key nor an MD5 secret key.
    pub fn verify_notification<I>(&self, headers: I, body: &[u8]) -> Result<StatusCallback, Error>
    where
        I: IntoIterator,
        I::Item: HeaderPair,
    {
        let config = self.config();
        let Some(key) = &config.callback_key else {
            return Err(Error::Config(
                "platform_public_key or md5_secret_key is missing: status callbacks are verified with one of them"
                    .into(),
            ));
        };
        if body.len() > config.callback_max_body_bytes {
            return Err(Error::CallbackRejected);
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
                return Err(Error::CallbackRejected);
            }
            *slot = Some(value.trim().to_owned());
        }
        let (Some(business_id), Some(nonce), Some(timestamp), Some(sign)) = (business_id, nonce, timestamp, sign)
        else {
            return Err(Error::CallbackRejected);
        };
        if business_id != config.business_id || nonce.is_empty() || sign.is_empty() {
            return Err(Error::CallbackRejected);
        }
        if timestamp.is_empty() || !timestamp.bytes().all(|b| b.is_ascii_digit()) {
            return Err(Error::CallbackRejected);
        }
        let timestamp_millis: i64 = timestamp.parse().map_err(|_| Error::CallbackRejected)?;
        let now = self.clock().unix_millis();
        let window_millis = u64::try_from(config.callback_window.as_millis()).unwrap_or(u64::MAX);
        if now.abs_diff(timestamp_millis) > window_millis {
            return Err(Error::CallbackRejected);
        }
        let signed = AuthHeaders { business_id: &business_id, nonce: &nonce, timestamp: &timestamp, sign_type: None };
        auth::verify(key, &signed, body, &sign)?;
        if let Some(guard) = &config.replay_guard {
            if !guard.first_use(&business_id, &nonce, timestamp_millis, now) {
                return Err(Error::CallbackRejected);
            }
        }
        let raw: serde_json::Value = serde_json::from_slice(body).map_err(|e| Error::Decode(DecodeError::from(e)))?;
        let notification: ChargeStatusNotification =
            serde_json::from_value(raw.clone()).map_err(|e| Error::Decode(DecodeError::from(e)))?;
        Ok(StatusCallback { notification, raw, nonce, timestamp_millis })
    }

    /// The exact body to answer a verified and handled callback with ([`REPLY_SUCCESS`], `SUCCESS`,
    /// with HTTP status 200). Anything else makes the platform send the callback again.
    pub fn notification_reply(&self) -> &str {
        REPLY_SUCCESS
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
}
