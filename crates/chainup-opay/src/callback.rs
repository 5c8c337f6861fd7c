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
//! check failed. An authenticated payload that is not a payment notification is rejected the
//! same way.
//!
//! `time` is not covered by the signature, so it cannot stop replays; the optional window
//! ([`ConfigBuilder::callback_max_age`](crate::ConfigBuilder::callback_max_age)) only turns away
//! careless replays. Process each `orderNum` once (idempotently): the platform can deliver the
//! same callback more than once, and a captured callback can be replayed.

use serde::Deserialize;
use sign_core::{Clock, HeaderPair, SecretBytes};

use crate::auth;
use crate::client::Client;
use crate::envelope::EnvelopeTime;
use crate::error::Error;
use crate::generated::PayNotification;

/// The largest callback body accepted. A payment notification is well under 4 KiB; each 256
/// bytes of `data` beyond that would cost one RSA private-key operation, so an unbounded body
/// would let anyone burn the endpoint's CPU. A larger body is [`Error::CallbackRejected`].
pub const MAX_CALLBACK_BODY_BYTES: usize = 64 * 1024;

#[derive(Deserialize)]
struct CallbackEnvelope {
    app_id: String,
    data: String,
    sign: String,
    #[serde(default)]
    time: Option<EnvelopeTime>,
}

impl Client {
    /// Verifies and decrypts a payment-result callback: the raw body the platform POSTed to the
    /// order's `notifyPage`. On `Ok` process the [`PayNotification`] once and answer HTTP 200
    /// with [`Client::notification_reply`]; on `Err` answer an HTTP error and do nothing.
    ///
    /// opay puts everything, the signature included, in the body: `headers` are not used by
    /// this provider. Pass what your web framework hands over (`(name, value)` pairs), or an
    /// empty list; the parameter keeps one callback shape across the paykit crates.
    ///
    /// # Errors
    /// [`Error::CallbackRejected`] for every failure, including an authenticated payload that is
    /// not a payment notification: one opaque error, so the endpoint is no oracle.
    pub fn verify_notification<I>(&self, headers: I, body: &[u8]) -> Result<PayNotification, Error>
    where
        I: IntoIterator,
        I::Item: HeaderPair,
    {
        drop(headers);
        let config = self.config();
        if body.len() > MAX_CALLBACK_BODY_BYTES {
            return Err(Error::CallbackRejected);
        }
        // The envelope's shape is public: rejecting a malformed one early reveals nothing secret.
        let envelope: CallbackEnvelope = serde_json::from_slice(body).map_err(|_| Error::CallbackRejected)?;
        let opened =
            auth::open(&envelope.data, &envelope.sign, &config.merchant_private_key, &config.platform_public_key);
        let app_ok = envelope.app_id == config.app_key;
        let time_ok = match config.callback_max_age {
            None => true,
            Some(max_age) => within(self.clock(), envelope.time.as_ref().and_then(EnvelopeTime::millis), max_age),
        };
        let plaintext = match opened {
            Ok(p) if app_ok & time_ok => SecretBytes::from(p),
            _ => return Err(Error::CallbackRejected),
        };
        serde_json::from_slice(plaintext.expose()).map_err(|_| Error::CallbackRejected)
    }

    /// The body to answer an accepted callback with (HTTP 200, `text/plain`):
    /// [`ConfigBuilder::callback_reply`](crate::ConfigBuilder::callback_reply), by default
    /// [`DEFAULT_CALLBACK_REPLY`](crate::DEFAULT_CALLBACK_REPLY).
    pub fn notification_reply(&self) -> &str {
        &self.config().callback_reply
    }
}

fn within(clock: &dyn Clock, millis: Option<i64>, max_age: std::time::Duration) -> bool {
    let Some(sent) = millis else { return false };
    let max = i64::try_from(max_age.as_millis()).unwrap_or(i64::MAX);
    clock.unix_millis().saturating_sub(sent).saturating_abs() <= max
}
