//! The crate's error type.
//!
//! No variant ever holds the token: messages are written by this crate or copied from the
//! provider's `msg` field (cut to 512 characters, the token replaced by `[REDACTED]` should the
//! provider echo it), never from request headers.

use sign_core::{DecodeError, TransportError};

/// Everything that can go wrong while preparing, sending or parsing a call.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The request could not be sent or the response not received (connection refused, DNS, I/O,
    /// a response larger than the limit). When [`TransportError::kind`] says the request was
    /// never sent it is safe to pay again; otherwise the order may have been charged.
    #[error(transparent)]
    Transport(TransportError),
    /// A timeout. After a connect timeout ([`TransportError::kind`] is `ConnectTimeout`) nothing
    /// was sent; after a response timeout the payment may have reached the server: do not pay
    /// again blindly, check the order's state in the mall first.
    #[error("timed out: {0}")]
    Timeout(TransportError),
    /// The server answered with a non-2xx HTTP status and no provider envelope.
    #[error("unexpected HTTP status {status}")]
    HttpStatus {
        /// The HTTP status code.
        status: u16,
    },
    /// The token was rejected as expired (a `status == 0` envelope whose `msg` says so, e.g.
    /// `token过期`): log the user in again, then retry with the new token
    /// ([`Client::with_token`](crate::Client::with_token)).
    #[error("token expired: {message}")]
    TokenExpired {
        /// The provider's `msg`, e.g. `token过期`.
        message: String,
    },
    /// The provider's failure envelope (`status != 200`, e.g. `{"status": 0, "msg": "...", "data": []}`).
    #[error("mall API error (status {status}): {message}")]
    Api {
        /// The envelope's `status` (0 for every failure the provider documents).
        status: i64,
        /// The envelope's `msg`.
        message: String,
    },
    /// The request breaks one of the payment rules and was not sent.
    #[error("invalid request: {0}")]
    InvalidRequest(#[from] RequestError),
    /// A response (or other input) could not be decoded.
    #[error(transparent)]
    Decode(#[from] DecodeError),
    /// A success envelope whose `pay_param` does not fit the payment method that was sent (for
    /// example Alipay parameters for a WeChat payment). The order may be awaiting payment.
    #[error("pay_param does not match the payment method: expected {expected}, got {got}")]
    UnexpectedPayParam {
        /// The kind of `pay_param` the method needs.
        expected: &'static str,
        /// The kind received.
        got: &'static str,
    },
    /// The client configuration is unusable (missing base URL, pay path or token).
    #[error("configuration error: {0}")]
    Config(String),
}

impl Error {
    /// Whether the payment may have been processed although this call failed: check the order's
    /// state in the mall before paying it again.
    ///
    /// True after a response timeout, an I/O failure once the request was (partly) sent, a
    /// response body over the size limit, a 5xx status without the envelope, a response that
    /// arrived but could not be decoded (it may hide a success), and a success envelope whose
    /// `pay_param` does not fit the method ([`Error::UnexpectedPayParam`]: the order may be
    /// awaiting payment). False when the request was certainly not sent (DNS, connect, connect
    /// timeout, configuration and invalid-request errors) or the mall answered with its failure
    /// envelope ([`Error::Api`], [`Error::TokenExpired`]).
    pub fn outcome_unknown(&self) -> bool {
        match self {
            Self::Transport(e) | Self::Timeout(e) => !e.kind().request_not_sent(),
            // A proxy's error page may come after the mall processed the payment.
            Self::HttpStatus { status } => *status >= 500,
            Self::Decode(_) | Self::UnexpectedPayParam { .. } => true,
            _ => false,
        }
    }
}

impl Error {
    /// Replaces every occurrence of `secret` in the provider's text with `[REDACTED]`.
    pub(crate) fn redact(self, secret: &str) -> Self {
        let scrub = |text: String| {
            if secret.is_empty() || !text.contains(secret) {
                text
            } else {
                text.replace(secret, sign_core::secret::REDACTED)
            }
        };
        match self {
            Self::TokenExpired { message } => Self::TokenExpired { message: scrub(message) },
            Self::Api { status, message } => Self::Api { status, message: scrub(message) },
            other => other,
        }
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

/// Why a payment request was refused before sending.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum RequestError {
    /// `pay_price` must be more than zero.
    #[error("pay_price must be more than 0 yuan, got {0}")]
    PriceNotPositive(String),
    /// `pay_price` is in yuan and may have at most two decimal places (fen).
    #[error("pay_price has more than two decimal places: {0}")]
    PriceTooPrecise(String),
    /// `pay_price` is larger than a JSON number the provider can read exactly.
    #[error("pay_price is too large: {0}")]
    PriceTooLarge(String),
    /// `pay_price` is not a decimal number.
    #[error("pay_price is not a decimal amount: {0}")]
    PriceNotDecimal(String),
    /// `pay_integral` must be more than zero.
    #[error("pay_integral must be more than 0, got {0}")]
    PointsNotPositive(i64),
    /// An id (`order_id`, `address_id`) must be more than zero.
    #[error("{field} must be more than 0, got {value}")]
    IdNotPositive {
        /// The field's wire name.
        field: &'static str,
        /// The value given.
        value: i64,
    },
    /// A field that the payment method needs is missing (`pay_price` for WeChat or Alipay,
    /// `pay_integral` for points).
    #[error("pay_method {pay_method} needs {field}")]
    MissingAmount {
        /// The `pay_method` wire value.
        pay_method: i64,
        /// The missing field's wire name.
        field: &'static str,
    },
    /// A field that the payment method does not use was set (e.g. `pay_price` when paying with
    /// points only).
    #[error("pay_method {pay_method} does not take {field}")]
    UnexpectedAmount {
        /// The `pay_method` wire value.
        pay_method: i64,
        /// The unexpected field's wire name.
        field: &'static str,
    },
    /// `freight_mode` 2 (not free) needs `freight_json_arr_key`, and 1 (free) takes none.
    #[error("freight_mode {freight_mode} {problem}")]
    Freight {
        /// The `freight_mode` wire value.
        freight_mode: i64,
        /// What is wrong.
        problem: &'static str,
    },
    /// A code the provider does not document (`pay_method`, `freight_mode` or
    /// `freight_json_arr_key`).
    #[error("{field} {value} is not a documented value")]
    UnknownCode {
        /// The field's wire name.
        field: &'static str,
        /// The value.
        value: i64,
    },
}

#[cfg(test)]
mod tests {
    use super::*;
    use sign_core::TransportErrorKind as K;

    #[test]
    fn outcome_unknown_only_when_the_payment_may_have_been_processed() {
        for kind in [K::Timeout, K::Io, K::BodyTooLarge] {
            assert!(Error::from(TransportError::new(kind, "t")).outcome_unknown(), "{kind:?}");
        }
        for kind in [K::Dns, K::Connect, K::ConnectTimeout] {
            assert!(!Error::from(TransportError::new(kind, "t")).outcome_unknown(), "{kind:?}");
        }
        assert!(Error::HttpStatus { status: 502 }.outcome_unknown());
        assert!(!Error::HttpStatus { status: 404 }.outcome_unknown());
        assert!(Error::Decode(DecodeError::new("x")).outcome_unknown());
        assert!(Error::UnexpectedPayParam { expected: "wechat", got: "alipay" }.outcome_unknown());
        assert!(!Error::Api { status: 0, message: "x".into() }.outcome_unknown());
        assert!(!Error::TokenExpired { message: "token过期".into() }.outcome_unknown());
        assert!(!Error::InvalidRequest(RequestError::PointsNotPositive(0)).outcome_unknown());
        assert!(!Error::Config("x".into()).outcome_unknown());
    }
}
