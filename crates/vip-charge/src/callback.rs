//! Status callbacks (充值状态报告): verify the platform's signed POST and read the notification.
//!
//! ```text
//! raw headers + raw body -> size cap -> businessId, timestamp window, signature
//!   (MD5 secrets or platform public keys, any of them) -> body decoded -> replay guard (on by
//!   default) -> StatusCallback | Error::CallbackRejected | Error::CallbackReplayed
//! ```
//!
//! The platform POSTs JSON to the order's `callbackUrl` with the headers `businessId`, `nonce`,
//! `timestamp` and `sign` (no `signType`; one that is sent is signed too, as on requests). [`Client::verify_notification`] takes the raw headers and
//! the raw body bytes and checks them with the callback settings of the [`Config`](crate::Config);
//! answer a verified and handled callback with [`Client::notification_reply`].
//!
//! The platform retries a callback that was not answered `SUCCESS` after 15 s, 30 s, 3 min, 10 min,
//! 20 min, 30 min, 60 min, 3 h and 6 h, so the same order's status can arrive many times, and a
//! retry may carry the first attempt's timestamp: the default time window
//! ([`DEFAULT_CALLBACK_TIME_WINDOW`](crate::DEFAULT_CALLBACK_TIME_WINDOW), 12 h) accepts the last
//! retry either way. Replay protection is idempotency by `orderCode`: record the order's final
//! state once; on a repeat (a retry, or a replay inside the window), reply `SUCCESS` again without
//! acting twice. The replay guard ([`sign_core::replay`], on by default) reports a delivery that
//! verified before as [`Error::CallbackReplayed`]; it is not a substitute for that idempotency.

use sign_core::{DecodeError, HeaderPair};

use crate::ChargeStatusNotification;
use crate::auth::{self, AuthHeaders, SignType, header};
use crate::client::Client;
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

impl Client {
    /// Verifies a status callback from its raw headers (names compared case-insensitively) and raw
    /// body bytes, exactly as received, with the callback settings of the [`Config`](crate::Config):
    /// our `businessId`, the time window (against the client's clock), the signature (with any of
    /// the platform public keys when one is configured, else any of the MD5 secret keys) and the
    /// replay guard.
    ///
    /// Any failed check (a body over the size limit, a missing, duplicated or malformed header,
    /// another `businessId`, a timestamp outside the window, a wrong signature) is
    /// [`Error::CallbackRejected`], without saying which. A body that verifies but is not the
    /// expected JSON is [`Error::Decode`]. A delivery that verified before (the same `businessId`,
    /// `nonce`, `timestamp` and body) is [`Error::CallbackReplayed`], holding the callback: answer it
    /// with [`notification_reply`](Self::notification_reply) and do not act on it again.
    /// [`Error::Config`] when the configuration holds neither a platform public key nor an MD5
    /// secret key.
    pub fn verify_notification<I>(&self, headers: I, body: &[u8]) -> Result<StatusCallback, Error>
    where
        I: IntoIterator,
        I::Item: HeaderPair,
    {
        sign_core::trace::verify_callback(env!("CARGO_PKG_NAME"), || self.check_notification(headers, body))
    }

    /// [`verify_notification`](Self::verify_notification) without its tracing span.
    fn check_notification<I>(&self, headers: I, body: &[u8]) -> Result<StatusCallback, Error>
    where
        I: IntoIterator,
        I::Item: HeaderPair,
    {
        let config = self.config();
        if config.callback_keys.is_empty() {
            return Err(Error::Config(
                "no key to verify status callbacks with: set ConfigBuilder::platform_public_key (SHA256-RSA) or \
                 ConfigBuilder::md5_secret_key (MD5)"
                    .into(),
            ));
        }
        if body.len() > config.callback_max_body_bytes {
            return Err(Error::CallbackRejected);
        }
        let mut business_id = None;
        let mut nonce = None;
        let mut timestamp = None;
        let mut sign = None;
        let mut sign_type = None;
        for pair in headers {
            let (name, value) = (pair.name(), pair.value());
            let slot = match name.trim() {
                n if n.eq_ignore_ascii_case(header::BUSINESS_ID) => &mut business_id,
                n if n.eq_ignore_ascii_case(header::NONCE) => &mut nonce,
                n if n.eq_ignore_ascii_case(header::TIMESTAMP) => &mut timestamp,
                n if n.eq_ignore_ascii_case(header::SIGN) => &mut sign,
                n if n.eq_ignore_ascii_case(header::SIGN_TYPE) => &mut sign_type,
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
        // The platform sends no `signType` on callbacks; one that is sent is signed, as on every
        // request ("signType only if it is sent"; an empty value is dropped), and names the method.
        let sign_type = match sign_type.as_deref() {
            None | Some("") => None,
            Some(named) => Some(named.parse::<SignType>().map_err(|_| Error::CallbackRejected)?),
        };
        let signed = AuthHeaders { business_id: &business_id, nonce: &nonce, timestamp: &timestamp, sign_type };
        auth::verify_any(&config.callback_keys, &signed, body, &sign)?;
        let raw: serde_json::Value = serde_json::from_slice(body).map_err(|e| Error::Decode(DecodeError::from(e)))?;
        let notification: ChargeStatusNotification =
            serde_json::from_value(raw.clone()).map_err(|e| Error::Decode(DecodeError::from(e)))?;
        let callback = StatusCallback { notification, raw, nonce, timestamp_millis };
        if let Some(guard) = &config.replay_guard {
            if !guard.first_time(&delivery_key(&business_id, &callback.nonce, &timestamp, body)) {
                return Err(Error::CallbackReplayed(Box::new(callback)));
            }
        }
        Ok(callback)
    }

    /// The exact body to answer a verified and handled callback with ([`REPLY_SUCCESS`], `SUCCESS`,
    /// with HTTP status 200). Anything else makes the platform send the callback again.
    pub fn notification_reply(&self) -> &str {
        REPLY_SUCCESS
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

/// What makes one delivery unique: exactly what its signature covers (the signed headers and the
/// body), so that the `sign` header's spelling (MD5 hex case, Base64 padding or line breaks, all
/// accepted by verification) cannot make a replay look new. A retry the platform signs afresh (a
/// new `nonce` or `timestamp`) is a new delivery.
fn delivery_key(business_id: &str, nonce: &str, timestamp: &str, body: &[u8]) -> Vec<u8> {
    let mut key = format!("vip-charge status callback\n{business_id}\n{nonce}\n{timestamp}\n").into_bytes();
    key.extend_from_slice(&sign_core::digest::sha256(body));
    key
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_delivery_key_covers_every_signed_part() {
        let k = delivery_key("55", "n1", "1000", b"{}");
        assert_ne!(k, delivery_key("56", "n1", "1000", b"{}"));
        assert_ne!(k, delivery_key("55", "n2", "1000", b"{}"));
        assert_ne!(k, delivery_key("55", "n1", "1001", b"{}"));
        assert_ne!(k, delivery_key("55", "n1", "1000", b"{ }"));
        // No ambiguity between the parts: a nonce cannot absorb the timestamp.
        assert_ne!(delivery_key("55", "n1\n1", "000", b"{}"), delivery_key("55", "n1", "1000", b"{}"));
    }
}
