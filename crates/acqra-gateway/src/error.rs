//! The crate's error type.
//!
//! Transport failures, timeouts, HTTP statuses, the gateway's own failure envelope (`respCode` other
//! than `"0000"`) and undecodable responses stay distinct variants, so a caller can tell "the
//! gateway said no" from "we do not know what happened" (a [`Error::Timeout`] on a payment means the
//! payment may exist: query it before trying again).
//!
//! No variant ever holds a secret: the app secret and access tokens are never formatted into a
//! message, and card numbers that a gateway message might echo are masked to their last four digits.

use sign_core::{DecodeError, Outcome, TransportError};

/// Everything that can go wrong talking to the Acqra gateway.
#[derive(Debug, Clone, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The request could not be sent or its response not received (DNS, connection refused, I/O,
    /// a response body over the size limit). See [`TransportError::kind`] for whether the request
    /// may have reached the gateway.
    #[error(transparent)]
    Transport(TransportError),
    /// No complete response arrived in time. The gateway may have processed the request: for a
    /// payment, capture, void or refund, query the order before sending it again.
    #[error("timed out: {0}")]
    Timeout(TransportError),
    /// The call itself was answered HTTP 401 by the gateway (or something in front of it): usually
    /// a refused access token (expired or revoked). The refused token is dropped; an idempotent
    /// call was already repeated once with a fresh one. The documentation gives 401 no meaning, so
    /// the outcome is unknown: a non-idempotent call may have been processed (query before sending
    /// it again). A failure of the token request itself is [`Error::TokenRequest`], never this.
    #[error("the gateway refused the access token (HTTP 401)")]
    Unauthorized,
    /// The access-token request (`POST /gateway/v1/connect/token`) failed, so the call that needed
    /// the token was **never sent**: outcome [`Outcome::NotSent`], whatever happened to the token
    /// request. `source` is that failure: [`Error::Api`] when the gateway refused the credentials
    /// (a wrong `appId` or `secret`; the sandbox answers `1001`), [`Error::Unauthorized`] for an
    /// HTTP 401 from the token endpoint, a transport error or timeout, a decode error.
    /// [`Error::credentials_refused`] tells the first two apart from the others.
    #[error("the access-token request failed, so the call was not sent: {source}")]
    TokenRequest {
        /// What happened to the token request.
        source: Box<Error>,
    },
    /// The gateway answered with an HTTP status other than 2xx and without its JSON envelope
    /// (403, 404, a 5xx error page...).
    #[error("unexpected HTTP status {status}")]
    HttpStatus {
        /// The HTTP status code.
        status: u16,
    },
    /// The gateway's failure envelope: `respCode` was not `"0000"`. A definite refusal, unless it
    /// came under a 5xx status or `respMsg` says the gateway failed or is still processing
    /// (`系统异常`, `processing`, `timeout` naming no parameter, ...): then [`Error::outcome`] is unknown.
    #[error("Acqra API error {code}: {message}")]
    Api {
        /// `respCode`, the gateway's response code (card numbers masked, cut to 512 characters).
        code: String,
        /// `respMsg`, the gateway's description (card numbers masked to their last four digits, then
        /// cut to 512 characters and `…`).
        message: String,
        /// The HTTP status the envelope came with (normally 200).
        status: u16,
    },
    /// The response could not be decoded (not JSON, an HTML error page, missing fields, a missing
    /// `respCode`).
    #[error(transparent)]
    Decode(DecodeError),
    /// The client configuration is unusable (missing credential, bad base URL or header name).
    #[error("configuration error: {0}")]
    Config(String),
    /// A request was rejected before sending because it cannot be valid (for example a capture that
    /// names neither `orderNo` nor `tradeNo`). The message names the field, never its value.
    #[error("invalid request: {0}")]
    InvalidRequest(String),
}

impl Error {
    /// The gateway's `respCode` when this is an [`Error::Api`], or a token request refused with one.
    pub fn api_code(&self) -> Option<&str> {
        match self {
            Self::Api { code, .. } => Some(code),
            // The gateway's code for a refused token request (`1001`: wrong appId or secret).
            Self::TokenRequest { source } => source.api_code(),
            _ => None,
        }
    }

    /// The token request's failure, wrapped: the call it was for was not sent.
    pub(crate) fn token_request(source: Error) -> Self {
        match source {
            already @ Self::TokenRequest { .. } => already,
            other => Self::TokenRequest { source: Box::new(other) },
        }
    }

    /// Whether the gateway refused the app credentials (`appId` / `secret`): an
    /// [`Error::TokenRequest`] answered with the gateway's failure envelope or HTTP 401. Check the
    /// configuration; sending again will not help.
    pub fn credentials_refused(&self) -> bool {
        matches!(self, Self::TokenRequest { source } if matches!(**source, Self::Api { .. } | Self::Unauthorized))
    }

    /// What this failure means for the request; see [`Outcome`](sign_core::Outcome) for the table.
    pub fn outcome(&self) -> Outcome {
        match self {
            // The call waited for the token and never left.
            Self::TokenRequest { .. } => Outcome::NotSent,
            Self::Transport(e) | Self::Timeout(e) => Outcome::of_transport(e),
            Self::Config(_) | Self::InvalidRequest(_) => Outcome::NotSent,
            // No documented meaning: a proxy may answer 401 after the gateway processed the call.
            Self::Unauthorized => Outcome::Unknown,
            Self::HttpStatus { status } => Outcome::of_http_status(*status),
            // A refusal under a 5xx, or one saying the gateway failed or is still processing,
            // may come after the payment was made.
            Self::Api { message, status, .. } => Outcome::of_refusal(*status, message),
            Self::Decode(_) => Outcome::Unknown,
        }
    }

    /// Whether the provider may have processed the request ([`Outcome::Unknown`]): reconcile before resending.
    pub fn outcome_unknown(&self) -> bool {
        self.outcome().is_unknown()
    }
}

sign_core::shared_error_conversions!(Error, |code, message, status| Self::Api { code, message, status });

#[cfg(test)]
mod tests {
    use super::*;
    use sign_core::call::ResponseError;

    #[test]
    fn timeouts_are_their_own_variant() {
        use sign_core::TransportErrorKind as K;
        assert!(matches!(Error::from(TransportError::new(K::Timeout, "t")), Error::Timeout(_)));
        assert!(matches!(Error::from(TransportError::new(K::Connect, "c")), Error::Transport(_)));
        assert!(matches!(Error::from(TransportError::new(K::ConnectTimeout, "c")), Error::Timeout(_)));
        assert!(Error::from(TransportError::new(K::Connect, "c")).outcome().is_not_sent());
        assert!(Error::from(TransportError::new(K::ConnectTimeout, "c")).outcome().is_not_sent());
        assert!(!Error::from(TransportError::new(K::Timeout, "t")).outcome().is_not_sent());
    }

    #[test]
    fn outcome_unknown_only_when_the_request_may_have_been_processed() {
        use sign_core::TransportErrorKind as K;
        for kind in [K::Timeout, K::Io, K::BodyTooLarge] {
            assert!(Error::from(TransportError::new(kind, "t")).outcome_unknown(), "{kind:?}");
        }
        for kind in [K::Dns, K::Connect, K::ConnectTimeout] {
            assert!(!Error::from(TransportError::new(kind, "t")).outcome_unknown(), "{kind:?}");
        }
        assert!(Error::HttpStatus { status: 502 }.outcome_unknown());
        assert!(!Error::HttpStatus { status: 403 }.outcome_unknown());
        assert!(Error::Decode(DecodeError::new("x")).outcome_unknown());
        assert!(!Error::Api { code: "9999".into(), message: "x".into(), status: 200 }.outcome_unknown());
        assert!(Error::Unauthorized.outcome_unknown());
        assert!(!Error::Config("x".into()).outcome_unknown());
        assert!(!Error::InvalidRequest("x".into()).outcome_unknown());
    }

    #[test]
    fn outcome_follows_the_shared_table() {
        use sign_core::TransportErrorKind as K;
        let api = Error::Api { code: "9999".into(), message: "x".into(), status: 200 };
        assert_eq!(api.outcome(), Outcome::Definite);
        let at_5xx = Error::Api { code: "9999".into(), message: "x".into(), status: 502 };
        assert_eq!(at_5xx.outcome(), Outcome::Unknown);
        let processing = Error::Api { code: "9999".into(), message: "Transaction processing".into(), status: 200 };
        assert_eq!(processing.outcome(), Outcome::Unknown);
        assert_eq!(Error::HttpStatus { status: 404 }.outcome(), Outcome::Definite);
        assert_eq!(Error::HttpStatus { status: 503 }.outcome(), Outcome::Unknown);
        assert_eq!(Error::Unauthorized.outcome(), Outcome::Unknown);
        assert_eq!(Error::Config("x".into()).outcome(), Outcome::NotSent);
        assert_eq!(Error::InvalidRequest("x".into()).outcome(), Outcome::NotSent);
        assert_eq!(Error::Decode(DecodeError::new("x")).outcome(), Outcome::Unknown);
        assert_eq!(Error::from(TransportError::new(K::Dns, "d")).outcome(), Outcome::NotSent);
        assert_eq!(Error::from(TransportError::new(K::Io, "i")).outcome(), Outcome::Unknown);
        let refused = Error::token_request(api.clone());
        assert_eq!(refused.outcome(), Outcome::NotSent);
        assert!(refused.credentials_refused() && refused.to_string().contains("access-token request failed"));
        let timed_out = Error::token_request(Error::from(TransportError::new(K::Timeout, "t")));
        assert_eq!(timed_out.outcome(), Outcome::NotSent);
        assert!(!timed_out.credentials_refused());
        assert!(
            matches!(Error::token_request(refused), Error::TokenRequest { source } if matches!(*source, Error::Api { .. }))
        );
    }

    #[test]
    fn response_errors_keep_their_meaning() {
        let refused = ResponseError::Refused { code: "5001".into(), message: "no".into(), status: 200 };
        assert!(matches!(Error::from(refused), Error::Api { code, status: 200, .. } if code == "5001"));
        assert!(matches!(Error::from(ResponseError::HttpStatus { status: 502 }), Error::HttpStatus { status: 502 }));
        assert!(matches!(Error::from(ResponseError::Decode(DecodeError::new("x"))), Error::Decode(_)));
        let invalid = Error::from(sign_core::InvalidRequest::field("capture", "orderNo", "is required"));
        assert!(matches!(&invalid, Error::InvalidRequest(m) if m == "capture: orderNo is required"));
    }
}
