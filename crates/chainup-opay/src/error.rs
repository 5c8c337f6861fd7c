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
    /// Whether the request may have reached the server (so the operation may have happened).
    pub fn may_have_been_processed(&self) -> bool {
        match self {
            Self::Transport(e) | Self::Timeout(e) => !e.kind().request_not_sent(),
            Self::Config(_) | Self::Key(_) | Self::Crypto(_) | Self::InvalidRequest(_) => false,
            _ => true,
        }
    }
}
