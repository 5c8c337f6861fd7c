//! The payment-result callback the platform POSTs to the order's `notifyPage`.
//!
//! ```text
//! raw headers + raw body -> parse {app_id, data, sign, time}
//!                        -> decrypt data (merchant private key) AND verify sign (platform public key)
//!                        -> app_id, optional time window
//!                        -> PayNotification  |  Error::CallbackRejected
//! ```
//!
//! Every check runs before the verdict, and any failure is the one opaque
//! [`Error::CallbackRejected`]: the endpoint does not tell an attacker whether the RSA padding of
//! forged `data` was valid (a Bleichenbacher/Marvin oracle, RUSTSEC-2023-0071), nor which other
//! check failed. A bad padding is rejected *implicitly* ([`auth::open_implicit`]): `data` then
//! opens to a deterministic stand-in of a plausible length, which is hashed, verified and decoded
//! exactly as a real plaintext, so both take one path and only the final verdict differs. An authenticated payload that is not a payment notification is rejected the
//! same way.
//!
//! Cost is bounded before any private-key work: a body over [`MAX_CALLBACK_BODY_BYTES`], a `data`
//! of more RSA blocks than [`ConfigBuilder::max_callback_blocks`](crate::ConfigBuilder::max_callback_blocks)
//! or a `sign` whose length is not a platform key's size is rejected on its lengths alone (public
//! facts), so one unauthenticated request costs at most that many private-key operations.
//!
//! `time` is not covered by the signature, so it cannot stop replays; the optional window
//! ([`ConfigBuilder::callback_max_age`](crate::ConfigBuilder::callback_max_age)) only turns away
//! careless replays. What does: the replay guard (on by default,
//! [`ConfigBuilder::callback_replay_store`](crate::ConfigBuilder::callback_replay_store)) reports
//! a notification already accepted within its window as [`Error::CallbackReplayed`]; past the
//! window, or across processes without a shared store, process each `orderNum` once
//! (idempotently).

use serde::Deserialize;
use sign_core::{Clock, HeaderPair, SecretBytes};

use crate::auth;
use crate::client::Client;
use crate::envelope::EnvelopeTime;
use crate::error::Error;
use crate::generated::PayNotification;

/// The largest callback body accepted: 16 KiB. A real notification is under 1 KiB; 16 KiB holds
/// the default [`ConfigBuilder::max_callback_blocks`](crate::ConfigBuilder::max_callback_blocks)
/// (16 blocks) even with RSA-4096 keys (about 11 KiB in Base64, with `sign` and the envelope). The
/// block cap, not this, bounds the private-key work. A larger body is [`Error::CallbackRejected`].
pub const MAX_CALLBACK_BODY_BYTES: usize = 16 * 1024;

#[derive(Deserialize)]
struct CallbackEnvelope {
    /// A String in the table; read from a number too (an all-digit AppKey from a Java backend).
    #[serde(deserialize_with = "sign_core::lenient::deserialize")]
    app_id: String,
    data: String,
    sign: String,
    #[serde(default)]
    time: Option<EnvelopeTime>,
}

impl Client {
    /// Verifies and decrypts a payment-result callback: the raw body the platform POSTed to the
    /// order's `notifyPage`. On `Ok` process the [`PayNotification`] once and answer HTTP 200
    /// with [`Client::notification_reply`]; on [`Error::CallbackReplayed`] answer the same HTTP 200
    /// reply and do not process it again; on any other `Err` answer an HTTP error and do nothing.
    ///
    /// `headers` are **not used**: opay puts everything, the signature included, in the body, and
    /// no header is read or checked (a forged or missing header changes nothing). The parameter
    /// only keeps one callback shape across the paykit crates: pass what your web framework hands
    /// over (`(name, value)` pairs), or an empty list.
    ///
    /// # Errors
    /// - [`Error::CallbackRejected`] for every failed check, including an authenticated payload
    ///   that is not a payment notification: one opaque error, so the endpoint is no oracle.
    /// - [`Error::CallbackReplayed`] for a notification that verified but was already accepted
    ///   within the replay guard's window (a retry of the platform, or a replay).
    pub fn verify_notification<I>(&self, headers: I, body: &[u8]) -> Result<PayNotification, Error>
    where
        I: IntoIterator,
        I::Item: HeaderPair,
    {
        // Not read: everything, the signature included, is in the body.
        drop(headers);
        sign_core::trace::verify_callback(env!("CARGO_PKG_NAME"), || self.check_notification(body))
    }

    /// [`verify_notification`](Self::verify_notification) without its tracing span.
    fn check_notification(&self, body: &[u8]) -> Result<PayNotification, Error> {
        let config = self.config();
        if body.len() > MAX_CALLBACK_BODY_BYTES {
            return Err(Error::CallbackRejected);
        }
        // The envelope's shape is public: rejecting a malformed one early reveals nothing secret.
        let envelope: CallbackEnvelope = serde_json::from_slice(body).map_err(|_| Error::CallbackRejected)?;
        let opened = auth::open_implicit(
            &envelope.data,
            &envelope.sign,
            &config.merchant_private_key,
            &config.platform_public_keys,
            config.max_callback_blocks,
        );
        let app_ok = envelope.app_id == config.app_key;
        let time_ok = match config.callback_max_age {
            None => true,
            Some(max_age) => within(self.clock(), envelope.time.as_ref().and_then(EnvelopeTime::millis), max_age),
        };
        // The plaintext is decoded whether it is real or the implicit-rejection stand-in, so that a
        // good and a bad padding take one path (hash, verify, decode); the verdicts are read last.
        let Ok(opened) = opened else { return Err(Error::CallbackRejected) };
        let decoded = serde_json::from_slice::<PayNotification>(opened.plaintext());
        let notification = match decoded {
            Ok(n) if opened.is_authentic() & app_ok & time_ok => n,
            _ => return Err(Error::CallbackRejected),
        };
        let plaintext = SecretBytes::from(opened.into_authentic().map_err(|_| Error::CallbackRejected)?);
        if let Some(guard) = &config.callback_replay_guard {
            // Keyed on the authenticated plaintext (the `sign` is deterministic over it, while the
            // encryption of `data` is not): the same notification, however re-encrypted, is one.
            let mut key = Vec::with_capacity(plaintext.expose().len() + config.app_key.len() + 24);
            key.extend_from_slice(b"chainup-opay callback\n");
            key.extend_from_slice(config.app_key.as_bytes());
            key.push(b'\n');
            key.extend_from_slice(plaintext.expose());
            let first = guard.first_time(&key);
            sign_core::zeroize::Zeroize::zeroize(&mut key);
            if !first {
                return Err(Error::CallbackReplayed(Box::new(notification)));
            }
        }
        Ok(notification)
    }

    /// The body to answer an accepted callback with (HTTP 200, `text/plain`):
    /// [`ConfigBuilder::callback_reply`](crate::ConfigBuilder::callback_reply), by default
    /// [`DEFAULT_CALLBACK_REPLY`](crate::DEFAULT_CALLBACK_REPLY). Answer a replayed callback
    /// ([`Error::CallbackReplayed`]) with it too, so that the platform stops retrying.
    pub fn notification_reply(&self) -> &str {
        &self.config().callback_reply
    }
}

/// Which errors are the verdicts `replayed` and `rejected` in the `callback` span of
/// [`Client::verify_notification`].
impl sign_core::trace::CallbackError for Error {
    fn is_replayed(&self) -> bool {
        matches!(self, Self::CallbackReplayed(_))
    }

    fn is_rejected(&self) -> bool {
        matches!(self, Self::CallbackRejected)
    }
}

fn within(clock: &dyn Clock, millis: Option<i64>, max_age: std::time::Duration) -> bool {
    let Some(sent) = millis else { return false };
    let max = i64::try_from(max_age.as_millis()).unwrap_or(i64::MAX);
    clock.unix_millis().saturating_sub(sent).saturating_abs() <= max
}
