//! The crate's error type.

use sign_core::{CryptoError, DecodeError, KeyError, Outcome, TransportError};

/// The envelope `status` the platform uses for a rejected signature (`{"status":2,"message":"验签失败"}`).
pub const SIGNATURE_REJECTED_STATUS: i64 = 2;

/// Everything that can go wrong calling the API or verifying a callback.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The request could not be sent or its response not received (DNS, connect, I/O). The
    /// request may not have reached the server; see [`TransportError::kind`].
    #[error(transparent)]
    Transport(TransportError),
    /// No complete response arrived in time. The server may have processed the request: for a
    /// charge order, look it up with `order_info` by `bizCode` before ordering again.
    #[error("timed out: {0}")]
    Timeout(TransportError),
    /// The server answered with a non-2xx status and no readable envelope.
    #[error("unexpected HTTP status {status}")]
    HttpStatus {
        /// The HTTP status code.
        status: u16,
    },
    /// The platform's failure envelope: `status` is not the configured success status and nothing
    /// in the answer looks like a success (otherwise it is [`Error::UnconfirmedSuccess`]).
    /// [`Error::is_signature_rejected`] tells a rejected signature (`status` 2) apart. A definite
    /// refusal, unless it came under an HTTP 5xx or its `message` says the platform failed or the
    /// charge is still processing (`系统异常`, `充值中`: [`Error::outcome`] is then unknown).
    #[error("API error: status {status}: {message}")]
    Api {
        /// The envelope's `status`.
        status: i64,
        /// The envelope's `message` (the provider's own wording, e.g. `验签失败`), cut to 512
        /// characters and `…`.
        message: String,
        /// The HTTP status the envelope came with (200 normally).
        http_status: u16,
    },
    /// The envelope's `status` is not the configured success status, yet the answer looks like a
    /// success: its `message` reads as one (`success`, `成功`) or its `data` holds an order
    /// (`orderCode`). The platform does not publish its success status, so this is likely the real
    /// one: the request may have been processed ([`Error::outcome_unknown`] is true). Look the order
    /// up before ordering again, and if `status` is the platform's success status, configure it with
    /// [`ConfigBuilder::success_status`](crate::ConfigBuilder::success_status).
    #[error(
        "status {status} ({message:?}) looks like a success but is not the configured success status \
         {success_status}: the request may have been processed, look it up before repeating it; if \
         {status} is the platform's success status, set it with ConfigBuilder::success_status({status})"
    )]
    UnconfirmedSuccess {
        /// The envelope's `status`.
        status: i64,
        /// The envelope's `message`, cut to 512 characters and `…`.
        message: String,
        /// The success status configured ([`Config::success_status`](crate::Config::success_status)).
        success_status: i64,
    },
    /// A status callback was refused: bad, missing or duplicated signature headers, a wrong
    /// signature, a `businessId` that is not ours, a timestamp outside the window or a body over the
    /// size limit. Which check failed is deliberately not said. Answer it with an HTTP error and do
    /// not act on it.
    #[error("callback rejected")]
    CallbackRejected,
    /// A status callback that verified, but whose delivery (the same `businessId`, `nonce`,
    /// `timestamp` and body) verified before: a replay, or the platform sending the identical
    /// request again. Answer it with [`Client::notification_reply`](crate::Client::notification_reply)
    /// (`SUCCESS`, so the platform stops sending it) and do not act on it again. The callback is
    /// authentic and held here: if your records lack its `orderCode`'s final state (the first
    /// delivery's handling failed), record it now, idempotently by `orderCode`.
    #[error("callback replayed: this delivery verified before")]
    CallbackReplayed(Box<crate::StatusCallback>),
    /// A response (or a verified callback body) could not be decoded.
    #[error(transparent)]
    Decode(DecodeError),
    /// Signing failed.
    #[error(transparent)]
    Crypto(#[from] CryptoError),
    /// A key could not be loaded.
    #[error(transparent)]
    Key(#[from] KeyError),
    /// The configuration is unusable (a missing credential, a malformed base URL or business id).
    #[error("configuration error: {0}")]
    Config(String),
    /// A request was refused before sending: a required field is empty, or order info has
    /// neither `orderCode` nor `bizCode`.
    #[error("invalid request: {0}")]
    InvalidRequest(String),
}

// The code is the envelope's integer `status`, written out by `envelope::read`.
sign_core::shared_error_conversions!(Error, |code, message, http_status| match code.parse() {
    Ok(status) => Self::Api { status, message, http_status },
    Err(_) => Self::Decode(DecodeError::new("the envelope's status is not an integer")),
});

impl Error {
    /// What this failure means for the request; see [`Outcome`](sign_core::Outcome) for the table.
    ///
    /// A refused or replayed callback is [`Outcome::Definite`]: it is no request of ours, nothing is
    /// to be reconciled.
    pub fn outcome(&self) -> Outcome {
        match self {
            Self::Transport(e) | Self::Timeout(e) => Outcome::of_transport(e),
            Self::HttpStatus { status } => Outcome::of_http_status(*status),
            Self::Decode(_) | Self::UnconfirmedSuccess { .. } => Outcome::Unknown,
            // A server's failure, or a charge still processing, may have been placed.
            Self::Api { message, http_status, .. } => Outcome::of_refusal(*http_status, message),
            Self::CallbackRejected | Self::CallbackReplayed(_) => Outcome::Definite,
            Self::Crypto(_) | Self::Key(_) | Self::Config(_) | Self::InvalidRequest(_) => Outcome::NotSent,
        }
    }

    /// Whether the provider may have processed the request ([`Outcome::Unknown`]): reconcile before
    /// resending. For a charge order, look it up with `order_info` by `bizCode` before ordering
    /// again.
    ///
    /// True after a response timeout, an I/O failure once the request was (partly) sent, a
    /// response body over the size limit, a 5xx status with or without the envelope, a failure
    /// envelope whose `message` says the platform failed or the request is still processing
    /// ([`Outcome::of_refusal`]), a response that arrived but could not be decoded (it may hide a
    /// success), and an answer that looks like a success under another status
    /// ([`Error::UnconfirmedSuccess`]).
    pub fn outcome_unknown(&self) -> bool {
        self.outcome().is_unknown()
    }

    /// True when the platform rejected the request's signature (envelope `status` 2, `验签失败`):
    /// a wrong secret or key, a wrong sign type, or a body altered on the way. (A callback that
    /// failed our verification is [`Error::CallbackRejected`], not this.)
    pub fn is_signature_rejected(&self) -> bool {
        matches!(self, Self::Api { status, .. } if *status == SIGNATURE_REJECTED_STATUS)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sign_core::TransportErrorKind;
    use sign_core::call::ResponseError;

    #[test]
    fn timeouts_are_their_own_variant() {
        let e: Error = TransportError::new(TransportErrorKind::Timeout, "slow").into();
        assert!(matches!(e, Error::Timeout(_)));
        let e: Error = TransportError::new(TransportErrorKind::ConnectTimeout, "slow").into();
        assert!(matches!(e, Error::Timeout(_)));
        let e: Error = TransportError::new(TransportErrorKind::Connect, "refused").into();
        assert!(matches!(e, Error::Transport(_)));
    }

    #[test]
    fn outcome_unknown_only_when_the_request_may_have_been_processed() {
        use TransportErrorKind as K;
        for kind in [K::Timeout, K::Io, K::BodyTooLarge] {
            assert!(Error::from(TransportError::new(kind, "t")).outcome_unknown(), "{kind:?}");
        }
        for kind in [K::Dns, K::Connect, K::ConnectTimeout] {
            let e = Error::from(TransportError::new(kind, "t"));
            assert!(!e.outcome_unknown(), "{kind:?}");
            assert_eq!(e.outcome(), Outcome::NotSent, "{kind:?}");
        }
        assert!(Error::HttpStatus { status: 503 }.outcome_unknown());
        assert!(!Error::HttpStatus { status: 404 }.outcome_unknown());
        assert_eq!(Error::HttpStatus { status: 404 }.outcome(), Outcome::Definite);
        assert!(Error::Decode(DecodeError::new("x")).outcome_unknown());
        let unconfirmed = Error::UnconfirmedSuccess { status: 961, message: "success".into(), success_status: 0 };
        assert!(unconfirmed.outcome_unknown());
        assert!(!unconfirmed.is_signature_rejected());
        let api = |message: &str, http_status| Error::Api { status: 3, message: message.into(), http_status };
        assert!(!api("x", 200).outcome_unknown());
        assert_eq!(api("x", 200).outcome(), Outcome::Definite);
        assert_eq!(api("x", 502).outcome(), Outcome::Unknown);
        assert_eq!(api("充值处理中", 200).outcome(), Outcome::Unknown);
        assert!(!Error::CallbackRejected.outcome_unknown());
        assert!(!Error::Config("x".into()).outcome_unknown());
        assert!(!Error::InvalidRequest("x".into()).outcome_unknown());
        assert_eq!(Error::InvalidRequest("x".into()).outcome(), Outcome::NotSent);
    }

    #[test]
    fn signature_rejection_is_recognised() {
        let e = Error::Api { status: 2, message: "验签失败".into(), http_status: 200 };
        assert!(e.is_signature_rejected());
        assert!(!Error::Api { status: 3, message: "x".into(), http_status: 200 }.is_signature_rejected());
        assert!(!Error::CallbackRejected.is_signature_rejected());
    }

    #[test]
    fn response_errors_convert() {
        let refused = ResponseError::Refused { code: "5".into(), message: "dup".into(), status: 200 };
        assert!(
            matches!(Error::from(refused), Error::Api { status: 5, ref message, http_status: 200 } if message == "dup")
        );
        assert!(matches!(Error::from(ResponseError::HttpStatus { status: 502 }), Error::HttpStatus { status: 502 }));
        assert!(matches!(Error::from(ResponseError::Decode(DecodeError::new("x"))), Error::Decode(_)));
    }
}
