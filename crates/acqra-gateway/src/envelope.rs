//! The gateway's response envelope.
//!
//! Acqra puts `respCode` and `respMsg` beside the payload fields of every response (there is no
//! wrapping object): `respCode == "0000"` is success, anything else is a failure described by
//! `respMsg`. [`parse`] turns an [`HttpResponse`] into the typed payload or a typed [`Error`].
//!
//! Decisions where the documentation is silent:
//! - HTTP 401 is [`Error::Unauthorized`] whatever the body says (the client refreshes the token).
//! - A 2xx response without a `respCode` is a decode error, not a success: success is defined by
//!   `respCode`, so its absence cannot be read as one.
//! - A non-2xx response that carries the envelope with a failure code is an [`Error::Api`] (with the
//!   status); one without the envelope (an HTML error page, an empty body) is [`Error::HttpStatus`].

use serde::de::DeserializeOwned;
use sign_core::{DecodeError, HttpResponse};

use crate::error::{Error, json_decode_error, mask_card_numbers};

/// The `respCode` of a successful call.
pub const SUCCESS_CODE: &str = "0000";

/// The largest response body parsed (10 MiB, the transport's default limit too).
pub const MAX_BODY_BYTES: usize = 10 * 1024 * 1024;

/// Parses a gateway response into `T` (the whole JSON object, `respCode` included), or the error it
/// describes. `context` names the call in decode errors (e.g. `"payment"`).
pub fn parse<T: DeserializeOwned>(response: &HttpResponse, context: &str) -> Result<T, Error> {
    check(response, context)?;
    serde_json::from_slice::<T>(&response.body).map_err(|e| Error::Decode(json_decode_error(context, &e)))
}

/// Checks the status and the envelope without decoding the payload.
pub fn check(response: &HttpResponse, context: &str) -> Result<(), Error> {
    let status = response.status;
    if status == 401 {
        return Err(Error::Unauthorized);
    }
    let ok_status = response.is_success();
    if response.body.len() > MAX_BODY_BYTES {
        return Err(Error::Decode(DecodeError::new(format!("{context}: response body too large"))));
    }
    if response.body.iter().all(u8::is_ascii_whitespace) {
        return Err(if ok_status {
            Error::Decode(DecodeError::new(format!("{context}: empty response body")))
        } else {
            Error::HttpStatus { status }
        });
    }
    let value: serde_json::Value = match serde_json::from_slice(&response.body) {
        Ok(v) => v,
        Err(_) if !ok_status => return Err(Error::HttpStatus { status }),
        Err(e) => return Err(Error::Decode(json_decode_error(context, &e))),
    };
    let code = match value.get("respCode") {
        Some(serde_json::Value::String(s)) => s.clone(),
        // Tolerate a numeric code; "0000" cannot be written as a number, so it is never success.
        Some(serde_json::Value::Number(n)) => n.to_string(),
        _ if !ok_status => return Err(Error::HttpStatus { status }),
        _ => return Err(Error::Decode(DecodeError::new(format!("{context}: response has no respCode")))),
    };
    if code != SUCCESS_CODE {
        let message = value.get("respMsg").and_then(|m| m.as_str()).unwrap_or_default();
        return Err(Error::Api { code: mask_card_numbers(&code), message: mask_card_numbers(message), status });
    }
    if !ok_status {
        return Err(Error::HttpStatus { status });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, serde::Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct Paid {
        trade_no: String,
        amount: sign_core::Decimal,
    }

    fn resp(status: u16, body: &str) -> HttpResponse {
        HttpResponse::json(status, body.as_bytes().to_vec())
    }

    #[test]
    fn success_decodes_the_payload() {
        let p: Paid =
            parse(&resp(200, r#"{"respCode":"0000","respMsg":"ok","tradeNo":"T1","amount":"100.99"}"#), "t").unwrap();
        assert_eq!(p.trade_no, "T1");
        assert_eq!(p.amount, sign_core::Decimal::from_minor(10099, 2));
    }

    #[test]
    fn failure_codes_become_api_errors() {
        let e = parse::<Paid>(&resp(200, r#"{"respCode":"5001","respMsg":"余额不足"}"#), "t").unwrap_err();
        match e {
            Error::Api { code, message, status } => {
                assert_eq!((code.as_str(), message.as_str(), status), ("5001", "余额不足", 200));
            }
            other => panic!("{other:?}"),
        }
        let e = parse::<Paid>(&resp(400, r#"{"respCode":"9999","respMsg":"bad"}"#), "t").unwrap_err();
        assert!(matches!(e, Error::Api { status: 400, .. }), "{e:?}");
        let e = parse::<Paid>(&resp(200, r#"{"respCode":1001}"#), "t").unwrap_err();
        assert_eq!(e.api_code(), Some("1001"));
    }

    #[test]
    fn api_messages_mask_card_numbers() {
        let e =
            parse::<Paid>(&resp(200, r#"{"respCode":"1","respMsg":"card 4111111111111111 bad"}"#), "t").unwrap_err();
        let s = format!("{e} {e:?}");
        assert!(!s.contains("4111111111111111"), "{s}");
        assert!(s.contains("************1111"), "{s}");
    }

    #[test]
    fn every_malformed_response_is_a_typed_error() {
        type Case = (u16, &'static str, fn(&Error) -> bool);
        let cases: [Case; 9] = [
            (200, "", |e| matches!(e, Error::Decode(_))),
            (200, "{not json", |e| matches!(e, Error::Decode(_))),
            (200, "<html><body>502 Bad Gateway</body></html>", |e| matches!(e, Error::Decode(_))),
            (200, r#"{"tradeNo":"T1","amount":"1"}"#, |e| matches!(e, Error::Decode(_))),
            (200, r#"{"respCode":"0000","amount":"1"}"#, |e| matches!(e, Error::Decode(_))),
            (200, r#"{"respCode":"0000","tradeNo":"T","amount":"1x"}"#, |e| matches!(e, Error::Decode(_))),
            (502, "<html>Bad Gateway</html>", |e| matches!(e, Error::HttpStatus { status: 502 })),
            (404, "", |e| matches!(e, Error::HttpStatus { status: 404 })),
            (401, r#"{"respCode":"0000"}"#, |e| matches!(e, Error::Unauthorized)),
        ];
        for (status, body, ok) in cases {
            let e = parse::<Paid>(&resp(status, body), "t").unwrap_err();
            assert!(ok(&e), "{status} {body}: {e:?}");
        }
        let e = parse::<Paid>(&resp(500, r#"{"respCode":"0000","tradeNo":"T","amount":"1"}"#), "t").unwrap_err();
        assert!(matches!(e, Error::HttpStatus { status: 500 }));
        let huge = format!(r#"{{"respCode":"0000","pad":"{}"}}"#, "x".repeat(MAX_BODY_BYTES));
        assert!(matches!(parse::<Paid>(&resp(200, &huge), "t"), Err(Error::Decode(_))));
    }
}
