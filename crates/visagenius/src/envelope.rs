//! The provider's response envelope, `{"ret": int, "msg": string, "body": object}`, turned into
//! `Result<T, Error>`.
//!
//! - `ret == 0` is success and `body` is decoded into `T` (a missing or `null` body decodes as
//!   JSON `null`, which suits `serde_json::Value`, `()` and `Option<_>`).
//! - `ret != 0` is [`Error::Api`] with `ret` and `msg`, whether it came with HTTP 200
//!   ("接口异常"), 400 ("参数不正确") or 503 ("服务异常").
//! - Any other status, or a 400/503 whose body is not the envelope (an HTML page from a proxy),
//!   is [`Error::HttpStatus`]; a 2xx body that is not the envelope is [`Error::Decode`].

use serde::Deserialize;
use serde::de::DeserializeOwned;
use serde_json::value::RawValue;
use sign_core::{DecodeError, HttpResponse};

use crate::Error;

/// The `ret` value of a successful response.
pub const RET_OK: i64 = 0;

/// The longest provider `msg` kept in an [`Error::Api`] (in characters); longer ones are cut so
/// that a misbehaving server cannot blow up logs.
const MAX_MSG_CHARS: usize = 512;

#[derive(Deserialize)]
struct RawEnvelope<'a> {
    ret: i64,
    #[serde(default)]
    msg: Option<String>,
    #[serde(default, borrow)]
    body: Option<&'a RawValue>,
}

/// Whether the provider documents its envelope for this HTTP status.
fn carries_envelope(status: u16) -> bool {
    (200..300).contains(&status) || status == 400 || status == 503
}

/// Decodes a response of the endpoint called `name` (used in error messages only).
///
/// # Errors
/// See the [module documentation](self).
pub fn parse<T: DeserializeOwned>(response: &HttpResponse, name: &str) -> Result<T, Error> {
    let status = response.status;
    if !carries_envelope(status) {
        return Err(Error::HttpStatus { status });
    }
    let envelope: RawEnvelope<'_> = match serde_json::from_slice(&response.body) {
        Ok(envelope) => envelope,
        Err(_) if !response.is_success() => return Err(Error::HttpStatus { status }),
        Err(e) => {
            return Err(Error::Decode(DecodeError::new(format!(
                "{name}: not a VisaGenius envelope: {}",
                DecodeError::from(e).message()
            ))));
        }
    };
    if envelope.ret != RET_OK {
        let msg = envelope.msg.unwrap_or_default();
        let msg = if msg.chars().count() > MAX_MSG_CHARS {
            let mut cut: String = msg.chars().take(MAX_MSG_CHARS).collect();
            cut.push('…');
            cut
        } else {
            msg
        };
        return Err(Error::Api { ret: envelope.ret, msg, status });
    }
    if !response.is_success() {
        // `ret == 0` with an error status contradicts itself: trust the status.
        return Err(Error::HttpStatus { status });
    }
    let body = envelope.body.map_or("null", RawValue::get);
    serde_json::from_str(body).map_err(|e| {
        Error::Decode(DecodeError::new(format!("{name}: invalid body: {}", DecodeError::from(e).message())))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

    #[derive(Debug, Deserialize, PartialEq)]
    struct Body {
        n: i64,
    }

    fn resp(status: u16, body: &str) -> HttpResponse {
        HttpResponse::json(status, body.as_bytes().to_vec())
    }

    #[test]
    fn success_decodes_the_body() {
        let b: Body = parse(&resp(200, r#"{"ret":0,"msg":"ok","body":{"n":3}}"#), "t").unwrap();
        assert_eq!(b, Body { n: 3 });
        let v: Value = parse(&resp(200, r#"{"ret":0,"msg":"ok"}"#), "t").unwrap();
        assert_eq!(v, Value::Null);
    }

    #[test]
    fn nonzero_ret_is_an_api_error_on_every_documented_status() {
        for status in [200, 400, 503] {
            match parse::<Body>(&resp(status, r#"{"ret":-1,"msg":"签名错误","body":{}}"#), "t") {
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
        assert!(matches!(parse::<Body>(&resp(503, "<html>busy</html>"), "t"), Err(Error::HttpStatus { status: 503 })));
        assert!(matches!(parse::<Body>(&resp(400, ""), "t"), Err(Error::HttpStatus { status: 400 })));
        assert!(matches!(
            parse::<Body>(&resp(404, r#"{"ret":-1,"msg":"x"}"#), "t"),
            Err(Error::HttpStatus { status: 404 })
        ));
        assert!(matches!(
            parse::<Body>(&resp(503, r#"{"ret":0,"msg":"ok"}"#), "t"),
            Err(Error::HttpStatus { status: 503 })
        ));
        for body in ["", "<html></html>", "{\"ret\":0", "{\"msg\":\"ok\"}", r#"{"ret":"0"}"#] {
            assert!(matches!(parse::<Body>(&resp(200, body), "t"), Err(Error::Decode(_))), "{body}");
        }
        // Missing body field, wrong type inside the body.
        assert!(matches!(parse::<Body>(&resp(200, r#"{"ret":0,"msg":"ok"}"#), "t"), Err(Error::Decode(_))));
        assert!(matches!(parse::<Body>(&resp(200, r#"{"ret":0,"body":{"n":1.5}}"#), "t"), Err(Error::Decode(_))));
    }

    #[test]
    fn long_messages_are_cut() {
        let long = "x".repeat(10_000);
        let body = format!(r#"{{"ret":-1,"msg":"{long}"}}"#);
        match parse::<Body>(&resp(200, &body), "t") {
            Err(Error::Api { msg, .. }) => assert_eq!(msg.chars().count(), MAX_MSG_CHARS + 1),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn decode_errors_never_quote_the_offending_value() {
        for body in [r#"{"ret":0,"body":"tok-SECRET-4111111111111111"}"#, r#"{"ret":"tok-SECRET-4111111111111111"}"#] {
            match parse::<Body>(&resp(200, body), "t") {
                Err(Error::Decode(e)) => assert!(!e.message().contains("SECRET"), "{e}"),
                other => panic!("{other:?}"),
            }
        }
    }
}
