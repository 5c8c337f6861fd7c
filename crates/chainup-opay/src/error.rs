//! The crate's error type.

use sign_core::{CryptoError, DecodeError, KeyError, Outcome, TransportError};

/// Everything that can go wrong calling ChainUP opay or handling its callbacks.
///
/// No variant ever holds key material, a token, a decrypted payload or a request body.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The request could not be sent or the response not received (DNS, connect, TLS, I/O).
    #[error(transparent)]
    Transport(TransportError),
    /// No complete response arrived in time. For `create_third_order` and `cancel_order` the
    /// server may have processed the request: query the order before trying again.
    #[error("timed out: {0}")]
    Timeout(TransportError),
    /// The server answered with a non-2xx status and no opay envelope.
    #[error("unexpected HTTP status {status}")]
    HttpStatus {
        /// The HTTP status code.
        status: u16,
    },
    /// The provider's failure envelope: `code` other than `"0"`. A definite refusal, unless it
    /// came under an HTTP 5xx or `msg` says the platform failed or is still processing
    /// (`系统异常`, `系统繁忙`, `processing`, a `timeout` or `exception` naming no parameter: [`Error::outcome`]
    /// is then unknown; the document's "format parameter exception" stays definite).
    #[error("opay API error {code}: {msg}")]
    Api {
        /// The provider's `code` (a number sent as a string, kept as text).
        code: String,
        /// The provider's `msg`.
        msg: String,
        /// The HTTP status the envelope came with (200 normally).
        status: u16,
    },
    /// An envelope that is neither a success nor a plain refusal: a `code` other than `"0"` that
    /// comes with a sealed payload (`data` and `sign`) or a success message (`succ`,
    /// `success`, `ok`, `成功`). The provider publishes no failure codes, so this is not read as a
    /// refusal: the platform may have processed the request (outcome unknown). Query the order
    /// with `order_detail` before sending `create_third_order` or `cancel_order` again. Received
    /// under a non-2xx status it is [`Error::HttpStatus`] instead.
    #[error(
        "opay answered code {code} ({msg}) with a payload or a success message: neither success (code \"0\") nor a refusal; the request may have been processed, query the order before sending it again"
    )]
    UnclassifiedResponse {
        /// The provider's `code`, as text.
        code: String,
        /// The provider's `msg`.
        msg: String,
    },
    /// A success envelope whose `data` did not decrypt with the merchant private key or whose
    /// `sign` did not verify with the platform public key (or was missing). Deliberately does
    /// not say which (see the README's security note). The platform may have processed the
    /// request: the outcome is unknown.
    #[error("response failed decryption or signature verification")]
    ResponseUnverified,
    /// A payment callback was rejected: oversized or malformed envelope, wrong `app_id`, data
    /// that did not decrypt, a signature that did not verify, (when configured) a `time` outside
    /// the window, or an authenticated payload that is not a payment notification. One opaque
    /// error for all of them, so that the callback endpoint is not a padding or signature
    /// oracle. Answer it with an HTTP error and do not process the order.
    #[error("payment callback rejected")]
    CallbackRejected,
    /// A payment callback that verified, but the same notification was already accepted within
    /// the replay guard's window
    /// ([`ConfigBuilder::callback_replay_store`](crate::ConfigBuilder::callback_replay_store)): a
    /// retry of the platform (your reply was lost) or a replay of a captured callback. Answer it
    /// HTTP 200 with [`Client::notification_reply`](crate::Client::notification_reply) so the
    /// platform stops retrying, and do **not** process it again. Outcome definite.
    ///
    /// The guard records a notification when it is first returned as `Ok`. If your handler then
    /// failed to process it (and answered an error), the platform's retry comes back as this
    /// error: it carries the verified notification, so check your own records for that order and
    /// process it (idempotently) if it is missing, rather than dropping it.
    #[error("payment callback already accepted (replayed): acknowledge it, do not process it again")]
    CallbackReplayed(Box<crate::PayNotification>),
    /// A response (or an authenticated payload) that could not be decoded.
    #[error(transparent)]
    Decode(DecodeError),
    /// Encryption or signing of a request failed.
    #[error(transparent)]
    Crypto(CryptoError),
    /// A key could not be loaded (at config build time): unreadable text or file, wrong kind.
    #[error(transparent)]
    Key(KeyError),
    /// The configuration is unusable (a missing value, a bad URL, an unknown endpoint name).
    #[error("configuration error: {0}")]
    Config(String),
    /// A request that the provider would reject, caught before sending (e.g. neither `openId`
    /// nor `userId` set), or a raw-call path that is not a plain path.
    #[error("invalid request: {0}")]
    InvalidRequest(String),
}

sign_core::shared_error_conversions!(Error, |code, message, status| Self::Api { code, msg: message, status });

impl From<KeyError> for Error {
    fn from(e: KeyError) -> Self {
        Self::Key(e)
    }
}

impl From<CryptoError> for Error {
    fn from(e: CryptoError) -> Self {
        Self::Crypto(e)
    }
}

impl Error {
    /// What this failure means for the request; see [`Outcome`](sign_core::Outcome) for the table.
    ///
    /// [`Error::ResponseUnverified`] is [`Outcome::Unknown`]: the response arrived but cannot be
    /// trusted, and may hide a success. A refused callback is [`Outcome::Definite`] (as in
    /// vip-charge): it is no request of ours, nothing is to be reconciled.
    pub fn outcome(&self) -> Outcome {
        match self {
            Self::Transport(e) | Self::Timeout(e) => Outcome::of_transport(e),
            Self::HttpStatus { status } => Outcome::of_http_status(*status),
            // A server's failure may come after the order was created or cancelled.
            Self::Api { msg, status, .. } => Outcome::of_refusal(*status, msg),
            Self::CallbackRejected | Self::CallbackReplayed(_) => Outcome::Definite,
            Self::Decode(_) | Self::ResponseUnverified | Self::UnclassifiedResponse { .. } => Outcome::Unknown,
            Self::Crypto(_) | Self::Key(_) | Self::Config(_) | Self::InvalidRequest(_) => Outcome::NotSent,
        }
    }

    /// Whether the provider may have processed the request ([`Outcome::Unknown`]): reconcile
    /// (query the order with `order_detail`) before sending `create_third_order` or
    /// `cancel_order` again.
    pub fn outcome_unknown(&self) -> bool {
        self.outcome().is_unknown()
    }

    /// The provider's `code` of an [`Error::Api`].
    pub fn api_code(&self) -> Option<&str> {
        match self {
            Self::Api { code, .. } => Some(code),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sign_core::TransportErrorKind as K;
    use sign_core::call::ResponseError;

    #[test]
    fn outcomes_follow_the_shared_table() {
        for kind in [K::Timeout, K::Io, K::BodyTooLarge] {
            let e = Error::from(TransportError::new(kind, "t"));
            assert_eq!(e.outcome(), Outcome::Unknown, "{kind:?}");
            assert!(e.outcome_unknown(), "{kind:?}");
        }
        for kind in [K::Dns, K::Connect, K::ConnectTimeout] {
            assert_eq!(Error::from(TransportError::new(kind, "t")).outcome(), Outcome::NotSent, "{kind:?}");
        }
        assert!(Error::HttpStatus { status: 502 }.outcome_unknown());
        assert_eq!(Error::HttpStatus { status: 404 }.outcome(), Outcome::Definite);
        assert!(Error::Decode(DecodeError::new("x")).outcome_unknown());
        assert!(Error::ResponseUnverified.outcome_unknown());
        assert!(Error::UnclassifiedResponse { code: "200".into(), msg: "success".into() }.outcome_unknown());
        assert_eq!(Error::Api { code: "1004".into(), msg: "x".into(), status: 200 }.outcome(), Outcome::Definite);
        assert_eq!(Error::Api { code: "1004".into(), msg: "x".into(), status: 503 }.outcome(), Outcome::Unknown);
        assert_eq!(Error::Api { code: "500".into(), msg: "系统异常".into(), status: 200 }.outcome(), Outcome::Unknown);
        for e in [Error::Config("x".into()), Error::InvalidRequest("x".into())] {
            assert_eq!(e.outcome(), Outcome::NotSent, "{e:?}");
        }
        assert_eq!(Error::CallbackRejected.outcome(), Outcome::Definite);
    }

    #[test]
    fn refusals_become_api_errors() {
        let e = Error::from(ResponseError::Refused { code: "1003".into(), message: "m".into(), status: 200 });
        assert!(matches!(&e, Error::Api { code, msg, status: 200 } if code == "1003" && msg == "m"), "{e:?}");
        assert_eq!(e.api_code(), Some("1003"));
        assert_eq!(Error::from(ResponseError::HttpStatus { status: 502 }).api_code(), None);
    }
}
