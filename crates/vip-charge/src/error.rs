//! The crate's error type.

use sign_core::{CryptoError, DecodeError, KeyError, TransportError};

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
    /// The platform's failure envelope: `status` is not the configured success status.
    /// [`Error::is_signature_rejected`] tells a rejected signature (`status` 2) apart.
    #[error("API error: status {status}: {message}")]
    Api {
        /// The envelope's `status`.
        status: i64,
        /// The envelope's `message` (the provider's own wording, e.g. `验签失败`).
        message: String,
    },
    /// A callback failed verification: bad or missing signature headers, a wrong signature, a
    /// `businessId` that is not ours, a timestamp outside the window or a replayed nonce. Which
    /// check failed is deliberately not said.
    #[error("callback failed verification")]
    Signature,
    /// A response or callback body could not be decoded.
    #[error(transparent)]
    Decode(#[from] DecodeError),
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

impl Error {
    /// Whether the request may have been processed although this call failed: look a charge
    /// order up with `order_info` by `bizCode` before ordering again.
    ///
    /// True after a response timeout, an I/O failure once the request was (partly) sent, a
    /// response body over the size limit, a 5xx status without the envelope, and a response that
    /// arrived but could not be decoded (it may hide a success). False when the request was
    /// certainly not sent (DNS, connect, connect timeout, configuration, key, signing and
    /// invalid-request errors) or the platform answered with its failure envelope
    /// ([`Error::Api`]). Meaningful for calls, not for callback verification.
    pub fn outcome_unknown(&self) -> bool {
        match self {
            Self::Transport(e) | Self::Timeout(e) => !e.kind().request_not_sent(),
            // A proxy's error page may come after the platform processed the request.
            Self::HttpStatus { status } => *status >= 500,
            Self::Decode(_) => true,
            _ => false,
        }
    }

    /// True when the platform rejected the request's signature (envelope `status` 2, `验签失败`):
    /// a wrong secret or key, a wrong sign type, or a body altered on the way.
    pub fn is_signature_rejected(&self) -> bool {
        matches!(self, Self::Api { status, .. } if *status == SIGNATURE_REJECTED_STATUS)
    }
}

impl From<TransportError> for Error {
    fn from(e: TransportError) -> Self {
        if e.is_timeout() { Self::Timeout(e) } else { Self::Transport(e) }
    }
}

impl From<serde_json::Error> for Error {
    fn from(e: serde_json::Error) -> Self {
        Self::Decode(DecodeError::from(e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sign_core::TransportErrorKind;

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
            assert!(!Error::from(TransportError::new(kind, "t")).outcome_unknown(), "{kind:?}");
        }
        assert!(Error::HttpStatus { status: 503 }.outcome_unknown());
        assert!(!Error::HttpStatus { status: 404 }.outcome_unknown());
        assert!(Error::Decode(DecodeError::new("x")).outcome_unknown());
        assert!(!Error::Api { status: 3, message: "x".into() }.outcome_unknown());
        assert!(!Error::Signature.outcome_unknown());
        assert!(!Error::Config("x".into()).outcome_unknown());
        assert!(!Error::InvalidRequest("x".into()).outcome_unknown());
    }

    #[test]
    fn signature_rejection_is_recognised() {
        let e = Error::Api { status: 2, message: "验签失败".into() };
        assert!(e.is_signature_rejected());
        assert!(!Error::Api { status: 3, message: "x".into() }.is_signature_rejected());
        assert!(!Error::Signature.is_signature_rejected());
    }
}
