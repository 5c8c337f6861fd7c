//! The crate's error type.
//!
//! Transport failures, timeouts, HTTP statuses, the gateway's own failure envelope (`respCode` other
//! than `"0000"`) and undecodable responses stay distinct variants, so a caller can tell "the
//! gateway said no" from "we do not know what happened" (a [`Error::Timeout`] on a payment means the
//! payment may exist: query it before trying again).
//!
//! No variant ever holds a secret: the app secret and access tokens are never formatted into a
//! message, and card numbers that a gateway message might echo are masked to their last four digits.

use sign_core::{DecodeError, TransportError};

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
    /// The gateway answered HTTP 401: it refused the access token (missing, expired or revoked),
    /// or the token endpoint refused the credentials. For an API call the client has already
    /// fetched a fresh token and repeated the call once before reporting this.
    #[error("the gateway refused the access token (HTTP 401)")]
    Unauthorized,
    /// The gateway answered with an HTTP status other than 2xx and without its JSON envelope
    /// (403, 404, a 5xx error page...).
    #[error("unexpected HTTP status {status}")]
    HttpStatus {
        /// The HTTP status code.
        status: u16,
    },
    /// The gateway's failure envelope: `respCode` was not `"0000"`.
    #[error("Acqra API error {code}: {message}")]
    Api {
        /// `respCode`, the gateway's response code.
        code: String,
        /// `respMsg`, the gateway's description (card numbers masked to their last four digits).
        message: String,
        /// The HTTP status the envelope came with (normally 200).
        status: u16,
    },
    /// The response could not be decoded (not JSON, an HTML error page, missing fields, a missing
    /// `respCode`).
    #[error(transparent)]
    Decode(#[from] DecodeError),
    /// The client configuration is unusable (missing credential, bad base URL or header name).
    #[error("configuration error: {0}")]
    Config(String),
    /// A request was rejected before sending because it cannot be valid (for example a capture that
    /// names neither `orderNo` nor `tradeNo`).
    #[error("invalid request: {0}")]
    InvalidRequest(String),
}

impl Error {
    /// The gateway's `respCode` when this is an [`Error::Api`].
    pub fn api_code(&self) -> Option<&str> {
        match self {
            Self::Api { code, .. } => Some(code),
            _ => None,
        }
    }

    /// Whether the request may have been processed although this call failed: for a payment,
    /// capture, void or refund, query the order (`query_payment` / `query_refund`) before sending
    /// it again.
    ///
    /// True after a response timeout, an I/O failure once the request was (partly) sent, a
    /// response body over the size limit, a 5xx status without the gateway's envelope, and a
    /// response that arrived but could not be decoded (it may hide a success). False when the
    /// request was certainly not sent or not processed (DNS, connect, connect timeout, 401,
    /// configuration and invalid-request errors) or the gateway answered with its failure
    /// envelope ([`Error::Api`]). Not simply the negation of [`Error::request_not_processed`]:
    /// a refusal by the gateway is neither unknown nor unsent.
    pub fn outcome_unknown(&self) -> bool {
        match self {
            Self::Transport(e) | Self::Timeout(e) => !e.kind().request_not_sent(),
            // A proxy's error page may come after the gateway processed the request.
            Self::HttpStatus { status } => *status >= 500,
            Self::Decode(_) => true,
            _ => false,
        }
    }

    /// True when the request certainly did not reach the gateway (or the gateway refused it before
    /// processing it), so sending it again cannot duplicate a payment, capture or refund.
    pub fn request_not_processed(&self) -> bool {
        match self {
            Self::Transport(e) => e.kind().request_not_sent(),
            Self::Unauthorized | Self::Config(_) | Self::InvalidRequest(_) => true,
            _ => false,
        }
    }
}

impl From<TransportError> for Error {
    fn from(e: TransportError) -> Self {
        // A connect timeout is a timeout too, but one where the request was never sent: keep the
        // kind inside so `request_not_processed` stays exact.
        if e.is_timeout() { Self::Timeout(e) } else { Self::Transport(e) }
    }
}

impl From<sign_core::Error> for Error {
    fn from(e: sign_core::Error) -> Self {
        match e {
            sign_core::Error::Transport(t) => t.into(),
            sign_core::Error::HttpStatus { status } => Self::HttpStatus { status },
            sign_core::Error::Decode(d) => Self::Decode(d),
            sign_core::Error::Config(c) => Self::Config(c),
            // Acqra uses no keys or signatures; anything else from sign-core is a configuration
            // problem of this client.
            other => Self::Config(other.to_string()),
        }
    }
}

/// Masks every run of 13 to 19 digits that passes the Luhn check (a plausible card number) to its
/// last four digits. Used on every text that comes from the gateway before it is put in an error.
pub(crate) fn mask_card_numbers(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        // A group: digit runs joined by single spaces or dashes ("4111 1111 1111 1111").
        let start = i;
        while i < chars.len()
            && (chars[i].is_ascii_digit()
                || (matches!(chars[i], ' ' | '-') && chars.get(i + 1).is_some_and(char::is_ascii_digit)))
        {
            i += 1;
        }
        let group = &chars[start..i];
        let digits: String = group.iter().filter(|c| c.is_ascii_digit()).collect();
        if is_card_number(&digits) {
            out.push_str(&sign_core::secret::mask_last4(&digits));
            continue;
        }
        // Not one number as a whole: each plain digit run on its own.
        let mut run = String::new();
        for &c in group {
            if c.is_ascii_digit() {
                run.push(c);
            } else {
                push_masked(&mut out, &run);
                run.clear();
                out.push(c);
            }
        }
        push_masked(&mut out, &run);
    }
    out
}

fn push_masked(out: &mut String, digits: &str) {
    if is_card_number(digits) {
        out.push_str(&sign_core::secret::mask_last4(digits));
    } else {
        out.push_str(digits);
    }
}

fn is_card_number(digits: &str) -> bool {
    (13..=19).contains(&digits.len()) && luhn_valid(digits)
}

/// The Luhn (mod 10) check used by card numbers.
pub(crate) fn luhn_valid(digits: &str) -> bool {
    let mut sum = 0u32;
    let mut double = false;
    for c in digits.chars().rev() {
        let Some(mut d) = c.to_digit(10) else { return false };
        if double {
            d *= 2;
            if d > 9 {
                d -= 9;
            }
        }
        sum += d;
        double = !double;
    }
    !digits.is_empty() && sum % 10 == 0
}

/// A JSON decoding failure described without quoting any value from the input: serde_json's
/// messages for a wrong type or an unknown variant include the offending value, which could be a
/// card number or a token.
pub(crate) fn json_decode_error(context: &str, e: &serde_json::Error) -> DecodeError {
    let msg = e.to_string();
    let detail = if msg.starts_with("missing field") {
        // "missing field `tradeNo` at line 1 column 20": names the field, never a value.
        msg
    } else {
        let what = match e.classify() {
            serde_json::error::Category::Io => "I/O error",
            serde_json::error::Category::Syntax => "not valid JSON",
            serde_json::error::Category::Data => "a field has the wrong type or value",
            serde_json::error::Category::Eof => "truncated JSON",
        };
        format!("{what} at line {} column {}", e.line(), e.column())
    };
    DecodeError::new(format!("{context}: {detail}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn luhn_matches_known_numbers() {
        // Well-known test card numbers (Visa, Mastercard) pass; one changed digit fails.
        assert!(luhn_valid("4111111111111111"));
        assert!(luhn_valid("5555555555554444"));
        assert!(luhn_valid("4444333322221111"));
        assert!(!luhn_valid("4111111111111112"));
        assert!(!luhn_valid(""));
        assert!(!luhn_valid("41x1"));
    }

    #[test]
    fn card_numbers_in_gateway_text_are_masked() {
        let m = mask_card_numbers("card 4111111111111111 declined for order 20220828000001");
        assert_eq!(m, "card ************1111 declined for order 20220828000001");
        assert_eq!(mask_card_numbers("no digits here"), "no digits here");
        assert_eq!(mask_card_numbers("卡号4444333322221111无效"), "卡号************1111无效");
        // Grouped the way people write them.
        assert_eq!(mask_card_numbers("card 4111 1111 1111 1111 declined"), "card ************1111 declined");
        assert_eq!(mask_card_numbers("card 4111-1111-1111-1111."), "card ************1111.");
        // A card number next to another number still gets masked on its own.
        assert_eq!(mask_card_numbers("ref 12 4111111111111111 x"), "ref 12 ************1111 x");
        assert_eq!(mask_card_numbers("order 12-34 5"), "order 12-34 5");
    }

    #[test]
    fn decode_errors_never_quote_values() {
        #[derive(Debug, serde::Deserialize)]
        #[allow(dead_code)]
        struct T {
            n: i64,
        }
        let e = serde_json::from_str::<T>(r#"{"n":"4111111111111111"}"#).unwrap_err();
        assert!(e.to_string().contains("4111111111111111"), "serde_json quotes the value: {e}");
        let d = json_decode_error("payment response", &e);
        assert!(!d.to_string().contains("4111"), "{d}");
        let missing = serde_json::from_str::<T>("{}").unwrap_err();
        assert!(json_decode_error("x", &missing).to_string().contains("missing field `n`"));
    }

    #[test]
    fn timeouts_are_their_own_variant() {
        use sign_core::TransportErrorKind as K;
        assert!(matches!(Error::from(TransportError::new(K::Timeout, "t")), Error::Timeout(_)));
        assert!(matches!(Error::from(TransportError::new(K::Connect, "c")), Error::Transport(_)));
        assert!(Error::from(TransportError::new(K::Connect, "c")).request_not_processed());
        assert!(!Error::from(TransportError::new(K::Timeout, "t")).request_not_processed());
        assert!(Error::Unauthorized.request_not_processed());
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
        assert!(!Error::Unauthorized.outcome_unknown());
        assert!(!Error::Config("x".into()).outcome_unknown());
        assert!(!Error::InvalidRequest("x".into()).outcome_unknown());
    }
}
