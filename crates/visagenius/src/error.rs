//! The crate's error type: the provider's failure envelope stays apart from transport, timeout,
//! HTTP status and decoding failures.

use sign_core::{DecodeError, Outcome, TransportError};

/// Everything a VisaGenius call can fail with.
///
/// No variant ever holds a credential: messages are written by this crate, and the provider's
/// `msg` is the only text copied from a response (with the access key and the secret key replaced
/// by `[REDACTED]` should the server echo them, and card numbers masked).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The request could not be sent or the response not received (DNS, connection refused,
    /// TLS, I/O, a response body over the size limit).
    #[error(transparent)]
    Transport(TransportError),
    /// No complete response arrived in time. The request may have been processed: query the
    /// order before paying it again.
    #[error("request timed out: {0}")]
    Timeout(TransportError),
    /// The server answered with an HTTP status and a body that is not the provider's envelope
    /// (an HTML error page from a proxy, a 404, a 503 without JSON).
    #[error("unexpected HTTP status {status}")]
    HttpStatus {
        /// The HTTP status code.
        status: u16,
    },
    /// The provider answered with its envelope and `ret != 0`: the request was refused, unless
    /// the status is 5xx ("503服务异常") or `msg` says the server failed or is still processing
    /// (then [`Error::outcome`] is unknown: the order may have been paid).
    #[error("VisaGenius error ret={ret}: {msg} (HTTP {status})")]
    Api {
        /// The provider's `ret` code (`0` is success, so never `0` here; `-1` is the usual failure).
        ret: i64,
        /// The provider's `msg`, e.g. `签名错误`; a longer one than
        /// [`MAX_PROVIDER_TEXT_CHARS`](sign_core::call::MAX_PROVIDER_TEXT_CHARS) characters is cut
        /// and ends with `…`.
        msg: String,
        /// The HTTP status the envelope came with (200, 400 bad parameters, 503 service error).
        status: u16,
    },
    /// A successful response could not be decoded into the expected type (malformed JSON,
    /// missing fields, a float where fen were expected, an empty body).
    #[error(transparent)]
    Decode(DecodeError),
    /// A request could not be built from the given input (a raw-call path that is not a plain
    /// absolute path, a body that does not serialize to JSON). Nothing was sent.
    #[error("invalid request: {0}")]
    InvalidRequest(String),
    /// The client configuration is unusable (missing credential, bad base URL). Reported by
    /// [`ConfigBuilder::build`](crate::ConfigBuilder::build), never on the first call.
    #[error("configuration error: {0}")]
    Config(String),
}

impl Error {
    /// The provider's `ret` code when the provider refused the request.
    pub fn api_ret(&self) -> Option<i64> {
        match self {
            Self::Api { ret, .. } => Some(*ret),
            _ => None,
        }
    }

    /// What this failure means for the request; see [`Outcome`](sign_core::Outcome) for the table.
    ///
    /// Not sent: DNS, connect and connect-timeout failures, configuration and invalid-request
    /// errors. Definite: the provider's failure envelope ([`Error::Api`]) and a status below 500
    /// without it. Unknown: a response timeout, an I/O failure once the request was (partly) sent,
    /// a response body over the size limit, a 5xx status with or without the envelope (the
    /// document's "503服务异常"), a failure envelope whose `msg` says the server failed or the
    /// request is still processing (`接口异常`, `系统异常`, `处理中`: see
    /// [`Outcome::of_refusal`]), and a response that arrived but could not be decoded (it may hide
    /// a success).
    pub fn outcome(&self) -> Outcome {
        match self {
            Self::Transport(e) | Self::Timeout(e) => Outcome::of_transport(e),
            // A gateway error page may come after the provider processed the request.
            Self::HttpStatus { status } => Outcome::of_http_status(*status),
            // "503服务异常", "200接口异常": a failure that may come after the order was paid.
            Self::Api { msg, status, .. } => Outcome::of_refusal(*status, msg),
            Self::Decode(_) => Outcome::Unknown,
            Self::InvalidRequest(_) | Self::Config(_) => Outcome::NotSent,
        }
    }

    /// Whether the provider may have processed the request ([`Outcome::Unknown`]): reconcile
    /// (query the order) before sending a non-idempotent request such as `order_pay` again.
    pub fn outcome_unknown(&self) -> bool {
        self.outcome().is_unknown()
    }
}

// `code` is the `ret` integer that `envelope::read` wrote as text, so it always parses; -1 is the
// provider's generic failure code.
sign_core::shared_error_conversions!(Error, |code, message, status| Self::Api {
    ret: code.parse().unwrap_or(-1),
    msg: message,
    status
});

#[cfg(test)]
mod tests {
    use super::*;
    use sign_core::TransportErrorKind;
    use sign_core::call::ResponseError;

    #[test]
    fn response_errors_keep_status_code_and_message() {
        let refused = ResponseError::Refused { code: "-2".into(), message: "服务异常".into(), status: 503 };
        assert!(matches!(Error::from(refused), Error::Api { ret: -2, ref msg, status: 503 } if msg == "服务异常"));
        assert!(matches!(Error::from(ResponseError::HttpStatus { status: 502 }), Error::HttpStatus { status: 502 }));
        assert!(matches!(Error::from(ResponseError::Decode(DecodeError::new("x"))), Error::Decode(_)));
        assert_eq!(Error::from(sign_core::InvalidRequest::new("bad")).to_string(), "invalid request: bad");
    }

    #[test]
    fn outcomes_follow_the_shared_table() {
        let t = |kind| Error::from(TransportError::new(kind, "t")).outcome();
        assert_eq!(t(TransportErrorKind::Dns), Outcome::NotSent);
        assert_eq!(t(TransportErrorKind::Connect), Outcome::NotSent);
        assert_eq!(t(TransportErrorKind::ConnectTimeout), Outcome::NotSent);
        assert_eq!(t(TransportErrorKind::Timeout), Outcome::Unknown);
        assert_eq!(t(TransportErrorKind::Io), Outcome::Unknown);
        assert_eq!(t(TransportErrorKind::BodyTooLarge), Outcome::Unknown);
        assert_eq!(Error::HttpStatus { status: 404 }.outcome(), Outcome::Definite);
        assert_eq!(Error::HttpStatus { status: 503 }.outcome(), Outcome::Unknown);
        assert_eq!(Error::Api { ret: -1, msg: "x".into(), status: 400 }.outcome(), Outcome::Definite);
        assert_eq!(Error::Api { ret: -1, msg: "x".into(), status: 503 }.outcome(), Outcome::Unknown);
        assert_eq!(Error::Api { ret: -1, msg: "接口异常".into(), status: 200 }.outcome(), Outcome::Unknown);
        assert_eq!(Error::Decode(DecodeError::new("x")).outcome(), Outcome::Unknown);
        assert_eq!(Error::InvalidRequest("x".into()).outcome(), Outcome::NotSent);
        assert_eq!(Error::Config("x".into()).outcome(), Outcome::NotSent);
    }

    #[test]
    fn timeouts_map_to_timeout() {
        for kind in [TransportErrorKind::Timeout, TransportErrorKind::ConnectTimeout] {
            assert!(matches!(Error::from(TransportError::new(kind, "t")), Error::Timeout(_)), "{kind:?}");
        }
        for kind in [TransportErrorKind::Connect, TransportErrorKind::Dns, TransportErrorKind::Io] {
            assert!(matches!(Error::from(TransportError::new(kind, "t")), Error::Transport(_)), "{kind:?}");
        }
    }

    #[test]
    fn outcome_unknown_only_after_sending() {
        assert!(Error::from(TransportError::new(TransportErrorKind::Timeout, "t")).outcome_unknown());
        assert!(Error::from(TransportError::new(TransportErrorKind::Io, "t")).outcome_unknown());
        assert!(!Error::from(TransportError::new(TransportErrorKind::ConnectTimeout, "t")).outcome_unknown());
        assert!(!Error::from(TransportError::new(TransportErrorKind::Connect, "t")).outcome_unknown());
        assert!(Error::HttpStatus { status: 504 }.outcome_unknown());
        assert!(!Error::HttpStatus { status: 404 }.outcome_unknown());
        assert!(!Error::Api { ret: -1, msg: "x".into(), status: 200 }.outcome_unknown());
        assert!(Error::from(TransportError::new(TransportErrorKind::BodyTooLarge, "t")).outcome_unknown());
        assert!(!Error::from(TransportError::new(TransportErrorKind::Dns, "t")).outcome_unknown());
        assert!(Error::Decode(DecodeError::new("x")).outcome_unknown());
        assert!(!Error::Config("x".into()).outcome_unknown());
        assert!(!Error::InvalidRequest("x".into()).outcome_unknown());
    }
}
