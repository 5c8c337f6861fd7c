//! The crate's error type.

use sign_core::{CryptoError, DecodeError, KeyError, TransportError};

/// Everything that can go wrong calling ChainUP opay or handling its callbacks.
///
/// No variant ever holds key material, a token, a decrypted payload or a request body.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The request could not be sent or the response not received (DNS, connect, TLS, I/O).
    #[error(transparent)]
    Transport(TransportError),
    /// No complete response arrived in time. For `create_order` and `cancel_order` the server
    /// may have processed the request: query the order before trying again.
    #[error("timed out: {0}")]
    Timeout(TransportError),
    /// The server answered with a non-2xx status and no opay envelope.
    #[error("unexpected HTTP status {status}")]
    HttpStatus {
        /// The HTTP status code.
        status: u16,
    },
    /// The provider's failure envelope: `code` other than `"0"`.
    #[error("opay API error {code}: {msg}")]
    Api {
        /// The provider's `code` (a number sent as a string, kept as text).
        code: String,
        /// The provider's `msg`.
        msg: String,
    },
    /// A success envelope whose `data` did not decrypt with the merchant private key or whose
    /// `sign` did not verify with the platform public key (or was missing). Deliberately does
    /// not say which: see the crate docs on RUSTSEC-2023-0071.
    #[error("response failed decryption or signature verification")]
    Signature,
    /// A payment callback was rejected: malformed envelope, wrong `app_id`, data that did not
    /// decrypt, a signature that did not verify, or (when configured) a `time` outside the
    /// window. One opaque error for all of them, so that the callback endpoint is not a
    /// padding or signature oracle. Answer it with an HTTP error and do not process the order.
    #[error("payment callback rejected")]
    CallbackRejected,
    /// A response (or an authenticated payload) that could not be decoded.
    #[error(transparent)]
    Decode(DecodeError),
    /// Encryption or signing of a request failed.
    #[error(transparent)]
    Crypto(CryptoError),
    /// A key could not be loaded (at config build time).
    #[error(transparent)]
    Key(KeyError),
    /// The configuration is unusable (missing credential, bad URL, unreadable key file).
    #[error("configuration error: {0}")]
    Config(String),
    /// A request that the provider would reject, caught before sending (e.g. neither `openId`
    /// nor `userId` set).
    #[error("invalid request: {0}")]
    InvalidRequest(String),
}

impl From<TransportError> for Error {
    fn from(e: TransportError) -> Self {
        if e.is_timeout() { Self::Timeout(e) } else { Self::Transport(e) }
    }
}

impl From<DecodeError> for Error {
    fn from(e: DecodeError) -> Self {
        Self::Decode(e)
    }
}

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
    /// Whether the request may have been processed although this call failed: reconcile (query
    /// the order with `order_detail`) before sending a non-idempotent request such as
    /// `create_order` or `cancel_order` again.
    ///
    /// True after a response timeout, an I/O failure once the request was (partly) sent, a
    /// response body over the size limit, a 5xx status without the opay envelope, and a response
    /// that arrived but could not be decoded or failed decryption / signature verification (it
    /// may hide a success). False when the request was certainly not sent (DNS, connect, connect
    /// timeout, configuration, key, crypto and invalid-request errors) or the platform answered
    /// with its failure envelope ([`Error::Api`]). Meaningful for calls, not for callbacks.
    pub fn outcome_unknown(&self) -> bool {
        match self {
            Self::Transport(e) | Self::Timeout(e) => !e.kind().request_not_sent(),
            // A proxy's error page may come after the platform processed the request.
            Self::HttpStatus { status } => *status >= 500,
            Self::Decode(_) | Self::Signature => true,
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sign_core::TransportErrorKind as K;

    #[test]
    fn outcome_unknown_only_when_the_request_may_have_been_processed() {
        for kind in [K::Timeout, K::Io, K::BodyTooLarge] {
            assert!(Error::from(TransportError::new(kind, "t")).outcome_unknown(), "{kind:?}");
        }
        for kind in [K::Dns, K::Connect, K::ConnectTimeout] {
            assert!(!Error::from(TransportError::new(kind, "t")).outcome_unknown(), "{kind:?}");
        }
        assert!(Error::HttpStatus { status: 502 }.outcome_unknown());
        assert!(!Error::HttpStatus { status: 404 }.outcome_unknown());
        assert!(Error::Decode(DecodeError::new("x")).outcome_unknown());
        assert!(Error::Signature.outcome_unknown());
        assert!(!Error::Api { code: "1004".into(), msg: "x".into() }.outcome_unknown());
        assert!(!Error::Config("x".into()).outcome_unknown());
        assert!(!Error::InvalidRequest("x".into()).outcome_unknown());
        assert!(!Error::CallbackRejected.outcome_unknown());
    }
}
