//! The provider's envelope facts: every answer is `{"ret": int, "msg": string, "body": object}`.
//!
//! - Only a 2xx, 400 ("参数不正确") or 503 ("服务异常") status carries the envelope. Any other
//!   status is [`Error::HttpStatus`] whatever its body (a 404 with a JSON body is not the provider
//!   refusing the request).
//! - `ret == 0` ([`RET_OK`]) is success and `body` is the payload (`ret` and `msg` are read
//!   whether the server writes them as numbers or strings: `"0"` is success too) (a missing or `null` body
//!   decodes as JSON `null`, which suits `serde_json::Value`, `()` and `Option<_>`; a type that refuses
//!   `null`, or a body `[]`, is decoded from `{}`, so a response of optional fields is a success).
//! - Any other `ret` is the provider's refusal, [`Error::Api`] with `ret` and `msg`, whether it came
//!   with HTTP 200 ("接口异常"), 400 or 503 (under 503, or with a `msg` saying the server failed,
//!   its outcome is unknown: [`Error::outcome`]).
//!
//! Everything else (a 400/503 whose body is not the envelope, a success envelope under an error
//! status, an unreadable 2xx body, a body over the size limit, the cut of a long `msg`) follows
//! the shared decision table of [`sign_core::call::read_envelope`].

use serde::Deserialize;
use serde::de::DeserializeOwned;
use serde_json::value::RawValue;
use sign_core::HttpResponse;
use sign_core::call::{Envelope, decode_json, read_envelope};

use crate::Error;

/// The `ret` value of a successful response.
pub const RET_OK: i64 = 0;

/// The envelope as the provider writes it, read leniently: `ret` an integer or a string holding
/// one (`0`, `"0"`), `msg` a string or any scalar as its text. A response without a readable
/// `ret` is not the envelope.
#[derive(Deserialize)]
struct RawEnvelope {
    #[serde(deserialize_with = "sign_core::lenient::deserialize")]
    ret: i64,
    #[serde(default, deserialize_with = "sign_core::lenient::deserialize")]
    msg: Option<String>,
    #[serde(default)]
    body: Option<Box<RawValue>>,
}

/// [`RawEnvelope`] with the payload borrowed from the body.
#[derive(Deserialize)]
struct BorrowedEnvelope<'a> {
    #[serde(deserialize_with = "sign_core::lenient::deserialize")]
    ret: i64,
    #[serde(default, deserialize_with = "sign_core::lenient::deserialize")]
    msg: Option<String>,
    #[serde(default, borrow)]
    body: Option<&'a RawValue>,
}

/// Whether the provider documents its envelope for this HTTP status: 2xx, 400 and 503.
pub fn carries_envelope(status: u16) -> bool {
    (200..300).contains(&status) || status == 400 || status == 503
}

/// Reads the envelope in `body`, for [`read_envelope`]: the success payload (`body`, `None`
/// when absent or `null`) or the refusal with `ret` and `msg`; `None` when `body` is not the
/// envelope.
pub fn read(body: &[u8]) -> Option<Envelope<Option<Box<RawValue>>>> {
    let envelope: RawEnvelope = serde_json::from_slice(body).ok()?;
    Some(if envelope.ret == RET_OK {
        Envelope::Success(envelope.body)
    } else {
        Envelope::refused(envelope.ret, envelope.msg.unwrap_or_default())
    })
}

/// Decodes a response of the call named `context` (used in error messages only) into `T`,
/// refusing a body over `max_body_bytes`.
///
/// # Errors
/// See the [module documentation](self).
pub fn parse<T: DeserializeOwned>(response: &HttpResponse, max_body_bytes: u64, context: &str) -> Result<T, Error> {
    parse_scrubbed(response, max_body_bytes, context, &[])
}

/// [`parse`], with each of `secrets` (the access key and the secret key) replaced by `[REDACTED]`
/// in a refusal's `msg` before it is cut and put into [`Error::Api`]: a server may echo the string
/// it signed, which starts with the access key.
pub(crate) fn parse_scrubbed<T: DeserializeOwned>(
    response: &HttpResponse,
    max_body_bytes: u64,
    context: &str,
    secrets: &[&str],
) -> Result<T, Error> {
    if !carries_envelope(response.status) {
        return Err(Error::HttpStatus { status: response.status });
    }
    // The payload is decoded where it lies in the body (no copy of its text).
    let decoded = read_envelope(response, max_body_bytes, |body| {
        let envelope: BorrowedEnvelope<'_> = serde_json::from_slice(body).ok()?;
        Some(if envelope.ret == RET_OK {
            Envelope::Success(decode_body::<T>(context, envelope.body))
        } else {
            let msg = envelope.msg.unwrap_or_default();
            let msg = secrets
                .iter()
                .filter(|s| !s.is_empty())
                .fold(msg, |text, secret| text.replace(secret, sign_core::secret::REDACTED));
            Envelope::refused(envelope.ret, msg)
        })
    })?;
    Ok(decoded?)
}

/// The success payload as `T`. A missing or `null` body is decoded from `null` (which suits
/// `serde_json::Value`, `()` and `Option<_>`); when `T` refuses that, or the body is `[]` (how PHP's
/// `json_encode` writes an empty payload) or `""`, it is decoded from `{}`, so a success whose fields are all
/// optional (an `order_pay` with nothing to mail) is not reported as an unreadable answer.
fn decode_body<T: DeserializeOwned>(context: &str, body: Option<&RawValue>) -> Result<T, sign_core::DecodeError> {
    let text = body.map_or("null", |raw| raw.get().trim());
    let decoded = decode_json::<T>(context, text.as_bytes());
    if decoded.is_err() && matches!(text, "null" | "[]" | "\"\"") {
        if let Ok(empty) = decode_json::<T>(context, b"{}") {
            return Ok(empty);
        }
    }
    decoded
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

    #[derive(Debug, Deserialize, PartialEq)]
    struct Body {
        n: i64,
    }

    const LIMIT: u64 = 1 << 20;

    fn resp(status: u16, body: &str) -> HttpResponse {
        HttpResponse::json(status, body.as_bytes().to_vec())
    }

    #[test]
    fn success_decodes_the_body() {
        let b: Body = parse(&resp(200, r#"{"ret":0,"msg":"ok","body":{"n":3}}"#), LIMIT, "t").unwrap();
        assert_eq!(b, Body { n: 3 });
        let v: Value = parse(&resp(200, r#"{"ret":0,"msg":"ok"}"#), LIMIT, "t").unwrap();
        assert_eq!(v, Value::Null);
        let v: Value = parse(&resp(200, r#"{"ret":0,"msg":"ok","body":null}"#), LIMIT, "t").unwrap();
        assert_eq!(v, Value::Null);
    }

    #[test]
    fn a_success_without_a_body_is_a_response_of_optional_fields() {
        // `ret: 0` is the provider's success: an e-visa payment with nothing to mail may come with no
        // body, `null`, or PHP's empty array, and must not be reported as an unreadable answer.
        for body in [
            r#"{"ret":0,"msg":"ok"}"#,
            r#"{"ret":0,"msg":"ok","body":null}"#,
            r#"{"ret":0,"msg":"ok","body":[]}"#,
            r#"{"ret":0,"msg":"ok","body":""}"#,
        ] {
            let paid: crate::OrderPayResponse = parse(&resp(200, body), LIMIT, "order_pay").unwrap();
            assert_eq!(paid.express_address, None, "{body}");
        }
        // A required field is still required, and untyped JSON still sees what was sent.
        assert!(matches!(parse::<Body>(&resp(200, r#"{"ret":0,"body":[]}"#), LIMIT, "t"), Err(Error::Decode(_))));
        assert!(matches!(parse::<Body>(&resp(200, r#"{"ret":0}"#), LIMIT, "t"), Err(Error::Decode(_))));
        let v: Value = parse(&resp(200, r#"{"ret":0,"body":[]}"#), LIMIT, "t").unwrap();
        assert_eq!(v, serde_json::json!([]));
    }

    #[test]
    fn nonzero_ret_is_an_api_error_on_every_documented_status() {
        for status in [200, 400, 503] {
            match parse::<Body>(&resp(status, r#"{"ret":-1,"msg":"签名错误","body":{}}"#), LIMIT, "t") {
                Err(Error::Api { ret: -1, msg, status: s }) => {
                    assert_eq!(msg, "签名错误");
                    assert_eq!(s, status);
                }
                other => panic!("{status}: {other:?}"),
            }
        }
    }

    #[test]
    fn non_envelopes_are_status_or_decode_errors() {
        let status = |s: u16, body: &str| parse::<Body>(&resp(s, body), LIMIT, "t");
        assert!(matches!(status(503, "<html>busy</html>"), Err(Error::HttpStatus { status: 503 })));
        assert!(matches!(status(400, ""), Err(Error::HttpStatus { status: 400 })));
        // Only 2xx, 400 and 503 carry the envelope: a 404 or a 500 with one is an HTTP error.
        assert!(matches!(status(404, r#"{"ret":-1,"msg":"x"}"#), Err(Error::HttpStatus { status: 404 })));
        assert!(matches!(status(500, r#"{"ret":-1,"msg":"x"}"#), Err(Error::HttpStatus { status: 500 })));
        assert!(matches!(status(503, r#"{"ret":0,"msg":"ok"}"#), Err(Error::HttpStatus { status: 503 })));
        for body in ["", "<html></html>", "{\"ret\":0", "{\"msg\":\"ok\"}", r#"{"ret":"ok"}"#, r#"{"ret":[0]}"#] {
            assert!(matches!(status(200, body), Err(Error::Decode(_))), "{body}");
        }
        // Missing body field, wrong type inside the body.
        assert!(matches!(status(200, r#"{"ret":0,"msg":"ok"}"#), Err(Error::Decode(_))));
        assert!(matches!(status(200, r#"{"ret":0,"body":{"n":1.5}}"#), Err(Error::Decode(_))));
    }

    #[test]
    fn ret_and_msg_are_read_as_numbers_or_strings() {
        let b: Body = parse(&resp(200, r#"{"ret":"0","msg":"ok","body":{"n":3}}"#), LIMIT, "t").unwrap();
        assert_eq!(b, Body { n: 3 });
        match parse::<Body>(&resp(400, r#"{"ret":"-1","msg":7}"#), LIMIT, "t") {
            Err(Error::Api { ret: -1, msg, status: 400 }) => assert_eq!(msg, "7"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn bodies_over_the_limit_are_never_read() {
        let body = r#"{"ret":0,"msg":"ok","body":{"n":3}}"#;
        assert!(matches!(parse::<Body>(&resp(200, body), 10, "t"), Err(Error::Decode(_))));
        let refusal = r#"{"ret":-1,"msg":"服务异常"}"#;
        assert!(matches!(parse::<Body>(&resp(503, refusal), 10, "t"), Err(Error::HttpStatus { status: 503 })));
    }

    #[test]
    fn long_messages_are_cut_by_the_shared_rule() {
        let long = "x".repeat(10_000);
        let body = format!(r#"{{"ret":-1,"msg":"{long}"}}"#);
        match parse::<Body>(&resp(200, &body), LIMIT, "t") {
            Err(Error::Api { msg, .. }) => {
                assert_eq!(msg.chars().count(), sign_core::call::MAX_PROVIDER_TEXT_CHARS + 1);
                assert!(msg.ends_with('…'));
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn decode_errors_name_the_call_and_never_quote_the_offending_value() {
        for body in [r#"{"ret":0,"body":"tok-SECRET-4111111111111111"}"#, r#"{"ret":"tok-SECRET-4111111111111111"}"#] {
            match parse::<Body>(&resp(200, body), LIMIT, "order_pay") {
                Err(Error::Decode(e)) => assert!(!e.message().contains("SECRET"), "{e}"),
                other => panic!("{other:?}"),
            }
        }
        match parse::<Body>(&resp(200, r#"{"ret":0,"body":{"n":"x"}}"#), LIMIT, "order_pay") {
            Err(Error::Decode(e)) => assert!(e.message().starts_with("order_pay: "), "{e}"),
            other => panic!("{other:?}"),
        }
    }
}
