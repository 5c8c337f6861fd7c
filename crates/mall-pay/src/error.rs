//! The crate's error type.
//!
//! No variant ever holds the token: messages are written by this crate or copied from the
//! provider's `msg` field (the token, or any piece of it of 8 characters or more, in any letter
//! case, plain or URL-encoded, replaced by `[REDACTED]` should the provider echo it, then cut to
//! 512 characters), never from request headers.

use sign_core::{DecodeError, Outcome, TransportError};

use crate::envelope;

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
    /// ([`Client::with_token`](crate::Client::with_token)). Nothing was charged.
    #[error("token expired: {message}")]
    TokenExpired {
        /// The provider's `msg`, e.g. `token过期`.
        message: String,
    },
    /// The provider's failure envelope (`status != 200`, e.g. `{"status": 0, "msg": "...", "data": []}`).
    ///
    /// `status` 0 is the documented refusal: nothing was done, unless it came under an HTTP 5xx or
    /// its `msg` says the mall failed or is still processing (`系统异常`, `处理中`: sign-core's
    /// [`Outcome::of_refusal`]). Any other status is not documented (a framework's `500`, a `-1`):
    /// the mall may have processed the request. In those cases [`Error::outcome_unknown`] is true;
    /// check the order before paying again.
    #[error("mall API error (status {status}): {message}")]
    Api {
        /// The envelope's `status` (0 for every failure the provider documents).
        status: i64,
        /// The envelope's `msg`.
        message: String,
        /// The HTTP status the envelope came with (200 normally; under a 5xx even the documented
        /// refusal's outcome is unknown).
        http_status: u16,
    },
    /// A response (or other input) could not be decoded.
    #[error(transparent)]
    Decode(DecodeError),
    /// The request breaks one of the payment rules (or a raw call's path or body is unusable) and
    /// was not sent. The message names the field and the rule, never the value.
    #[error("invalid request: {0}")]
    InvalidRequest(String),
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

// The mall says a token expired only in its message; the reader only refuses with an integer
// status.
sign_core::shared_error_conversions!(Error, |code, message, http_status| {
    if envelope::is_token_expired_message(&message) {
        return Self::TokenExpired { message };
    }
    match code.parse() {
        Ok(status) => Self::Api { status, message, http_status },
        Err(_) => Self::Decode(DecodeError::new("envelope status is not an integer")),
    }
});

impl Error {
    /// What this failure means for the request; see [`Outcome`](sign_core::Outcome) for the table.
    ///
    /// [`Error::TokenExpired`] is [`Outcome::NotSent`]: the mall refused the token before looking
    /// at the payment, so the same payment may go again with a new token.
    /// [`Error::UnexpectedPayParam`] is [`Outcome::Unknown`]: the mall accepted something, but not
    /// what was asked, so the order may be awaiting payment. [`Error::Api`] is
    /// [`Outcome::Definite`] with the documented refusal status `0`
    /// ([`envelope::STATUS_REFUSED`]) under a status below 500 and a `msg` that does not say the
    /// mall failed ([`Outcome::of_refusal`]), and [`Outcome::Unknown`] otherwise: an undocumented
    /// failure status never counts as a definite refusal.
    pub fn outcome(&self) -> Outcome {
        match self {
            Self::Transport(e) | Self::Timeout(e) => Outcome::of_transport(e),
            Self::HttpStatus { status } => Outcome::of_http_status(*status),
            Self::Api { status, message, http_status } if *status == envelope::STATUS_REFUSED => {
                Outcome::of_refusal(*http_status, message)
            }
            Self::Api { .. } => Outcome::Unknown,
            Self::Decode(_) | Self::UnexpectedPayParam { .. } => Outcome::Unknown,
            Self::TokenExpired { .. } | Self::InvalidRequest(_) | Self::Config(_) => Outcome::NotSent,
        }
    }

    /// Whether the provider may have processed the request ([`Outcome::Unknown`]): reconcile before resending.
    ///
    /// True after a response timeout, an I/O failure once the request was (partly) sent, a
    /// response body over the size limit, a 5xx status without the envelope, a response that
    /// arrived but could not be decoded (it may hide a success), a failure envelope with an
    /// undocumented status (not `0`), and a success envelope whose `pay_param` does not fit the
    /// method. Check the order's state in the mall before paying it
    /// again.
    pub fn outcome_unknown(&self) -> bool {
        self.outcome().is_unknown()
    }
}

/// Why a payment request breaks the provider's rules: the reasons [`PayOrder`](crate::PayOrder),
/// [`Yuan`](crate::Yuan) and [`Points`](crate::Points) refuse to be built, and that
/// [`Client::prepare`](crate::Client::prepare) refuses an [`OrderPayRequest`](crate::OrderPayRequest)
/// for (as [`Error::InvalidRequest`]).
///
/// The messages name the field and the rule, never the value; `Debug` does not show the amount
/// text of the `Price*` variants either (an amount is a long number, and no error output quotes
/// one).
#[derive(Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum RequestError {
    /// `pay_price` must be more than zero.
    #[error("pay_price must be more than 0 yuan")]
    PriceNotPositive(String),
    /// `pay_price` is in yuan and may have at most two decimal places (fen).
    #[error("pay_price may have at most two decimal places")]
    PriceTooPrecise(String),
    /// `pay_price` is larger than a JSON number the provider can read exactly.
    #[error("pay_price may have at most 13 integer digits")]
    PriceTooLarge(String),
    /// `pay_price` is not a decimal number.
    #[error("pay_price is not a decimal amount")]
    PriceNotDecimal(String),
    /// `pay_integral` must be more than zero.
    #[error("pay_integral must be more than 0")]
    PointsNotPositive(i64),
    /// An id (`order_id`, `address_id`) must be more than zero.
    #[error("{field} must be more than 0")]
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
    #[error("{field} is not a documented value")]
    UnknownCode {
        /// The field's wire name.
        field: &'static str,
        /// The value.
        value: i64,
    },
}

impl std::fmt::Debug for RequestError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            // The caller's amount text stays out of the output (review finding I8).
            Self::PriceNotPositive(_) => f.write_str("PriceNotPositive(..)"),
            Self::PriceTooPrecise(_) => f.write_str("PriceTooPrecise(..)"),
            Self::PriceTooLarge(_) => f.write_str("PriceTooLarge(..)"),
            Self::PriceNotDecimal(_) => f.write_str("PriceNotDecimal(..)"),
            Self::PointsNotPositive(points) => f.debug_tuple("PointsNotPositive").field(points).finish(),
            Self::IdNotPositive { field, value } => {
                f.debug_struct("IdNotPositive").field("field", field).field("value", value).finish()
            }
            Self::MissingAmount { pay_method, field } => {
                f.debug_struct("MissingAmount").field("pay_method", pay_method).field("field", field).finish()
            }
            Self::UnexpectedAmount { pay_method, field } => {
                f.debug_struct("UnexpectedAmount").field("pay_method", pay_method).field("field", field).finish()
            }
            Self::Freight { freight_mode, problem } => {
                f.debug_struct("Freight").field("freight_mode", freight_mode).field("problem", problem).finish()
            }
            Self::UnknownCode { field, value } => {
                f.debug_struct("UnknownCode").field("field", field).field("value", value).finish()
            }
        }
    }
}

impl From<RequestError> for sign_core::InvalidRequest {
    fn from(e: RequestError) -> Self {
        sign_core::InvalidRequest::new(format!("order_pay: {e}"))
    }
}

impl From<RequestError> for Error {
    fn from(e: RequestError) -> Self {
        sign_core::InvalidRequest::from(e).into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sign_core::TransportErrorKind as K;
    use sign_core::call::ResponseError;

    #[test]
    fn outcome_follows_the_table() {
        for kind in [K::Timeout, K::Io, K::BodyTooLarge] {
            let e = Error::from(TransportError::new(kind, "t"));
            assert_eq!(e.outcome(), Outcome::Unknown, "{kind:?}");
            assert!(e.outcome_unknown(), "{kind:?}");
        }
        for kind in [K::Dns, K::Connect, K::ConnectTimeout] {
            let e = Error::from(TransportError::new(kind, "t"));
            assert_eq!(e.outcome(), Outcome::NotSent, "{kind:?}");
            assert!(!e.outcome_unknown(), "{kind:?}");
        }
        assert_eq!(Error::HttpStatus { status: 502 }.outcome(), Outcome::Unknown);
        assert_eq!(Error::HttpStatus { status: 404 }.outcome(), Outcome::Definite);
        assert_eq!(Error::Decode(DecodeError::new("x")).outcome(), Outcome::Unknown);
        assert_eq!(Error::UnexpectedPayParam { expected: "wechat", got: "alipay" }.outcome(), Outcome::Unknown);
        assert_eq!(Error::Api { status: 0, message: "x".into(), http_status: 200 }.outcome(), Outcome::Definite);
        assert_eq!(Error::Api { status: 0, message: "x".into(), http_status: 502 }.outcome(), Outcome::Unknown);
        assert_eq!(Error::Api { status: 0, message: "系统异常".into(), http_status: 200 }.outcome(), Outcome::Unknown);
        // Only status 0 is a documented refusal: another one may hide a processed payment.
        for status in [-1, 1, 500] {
            assert_eq!(
                Error::Api { status, message: "x".into(), http_status: 200 }.outcome(),
                Outcome::Unknown,
                "{status}"
            );
        }
        assert_eq!(Error::TokenExpired { message: "token过期".into() }.outcome(), Outcome::NotSent);
        assert_eq!(Error::from(RequestError::PointsNotPositive(0)).outcome(), Outcome::NotSent);
        assert_eq!(Error::Config("x".into()).outcome(), Outcome::NotSent);
    }

    #[test]
    fn refusals_become_api_or_token_expired() {
        let refused = |code: &str, message: &str| ResponseError::Refused {
            code: code.into(),
            message: message.into(),
            status: 200,
        };
        let e = Error::from(refused("0", "token过期"));
        assert!(matches!(&e, Error::TokenExpired { message } if message == "token过期"), "{e:?}");
        let e = Error::from(refused("-1", "积分不足"));
        assert!(matches!(&e, Error::Api { status: -1, message, http_status: 200 } if message == "积分不足"), "{e:?}");
        assert!(matches!(Error::from(ResponseError::HttpStatus { status: 502 }), Error::HttpStatus { status: 502 }));
    }

    #[test]
    fn request_errors_never_quote_the_value() {
        let e = Error::from(RequestError::PriceNotPositive("-98765".into()));
        assert!(
            matches!(&e, Error::InvalidRequest(m) if m == "order_pay: pay_price must be more than 0 yuan"),
            "{e:?}"
        );
        for e in [
            RequestError::PriceTooPrecise("1.98765".into()),
            RequestError::PriceTooLarge("98765432109876543".into()),
            RequestError::PriceNotDecimal("98765x".into()),
            RequestError::PointsNotPositive(-98765),
            RequestError::IdNotPositive { field: "order_id", value: -98765 },
            RequestError::UnknownCode { field: "pay_method", value: 98765 },
        ] {
            assert!(!e.to_string().contains("98765"), "{e}");
        }
    }

    /// Review finding I8: the amount text is not in `Debug` either (neither bare nor through
    /// `Yuan::parse`), while the other variants still show what they hold.
    #[test]
    fn request_error_debug_never_quotes_the_amount() {
        for e in [
            RequestError::PriceNotPositive("-4111111111111111".into()),
            RequestError::PriceTooPrecise("4111111111111111.123".into()),
            RequestError::PriceTooLarge("4111111111111111".into()),
            RequestError::PriceNotDecimal("4111111111111111x".into()),
        ] {
            let shown = format!("{e:?} {e:#?} {:?}", Error::from(e.clone()));
            assert!(!shown.contains("41111111"), "{shown}");
        }
        let e = crate::Yuan::parse("4111111111111111x").unwrap_err();
        assert_eq!(format!("{e:?}"), "PriceNotDecimal(..)");
        let e = RequestError::IdNotPositive { field: "order_id", value: -3 };
        assert_eq!(format!("{e:?}"), r#"IdNotPositive { field: "order_id", value: -3 }"#);
    }
}
