//! The provider's response envelope `{"status": int, "msg": string, "data": ...}`.
//!
//! `status == 200` is success and `data` holds the payload; any other `status` (the provider
//! documents `0`) is a failure whose `data` is `[]`. A failure whose `msg` says the token expired
//! becomes [`Error::TokenExpired`], any other one [`Error::Api`].

use serde::Deserialize;
use serde::de::DeserializeOwned;
use serde_json::value::RawValue;
use sign_core::{DecodeError, HttpResponse};

use crate::error::Error;

/// The `status` of a successful call.
pub const STATUS_OK: i64 = 200;

#[derive(Deserialize)]
struct RawEnvelope<'a> {
    status: serde_json::Value,
    #[serde(default)]
    msg: Option<String>,
    #[serde(default, borrow)]
    data: Option<&'a RawValue>,
}

/// The most characters of a failure `msg` kept in an error (a misbehaving backend can send
/// megabytes, and errors end up in logs).
pub const MAX_MSG_CHARS: usize = 512;

fn cut(msg: String) -> String {
    match msg.char_indices().nth(MAX_MSG_CHARS) {
        Some((end, _)) => format!("{}…", &msg[..end]),
        None => msg,
    }
}

/// Whether a failure `msg` means the token expired.
///
/// The provider documents one such message, `token过期`. We assume the rule is: the message
/// mentions `token` (any case) and says it expired or is no longer valid (`过期`, `失效`,
/// `expire`), e.g. `token过期`, `token已失效`, `Token expired`.
pub fn is_token_expired_message(msg: &str) -> bool {
    let lower = msg.to_lowercase();
    lower.contains("token") && ["过期", "失效", "expire"].iter().any(|w| lower.contains(w))
}

/// Parses a response into the payload type `T` or the typed failure.
///
/// - a JSON envelope with `status != 200` -> [`Error::TokenExpired`] or [`Error::Api`], whatever
///   the HTTP status;
/// - a non-2xx HTTP status without an envelope, or a success envelope under a non-2xx status ->
///   [`Error::HttpStatus`];
/// - anything else that is not a success envelope with a readable `data` -> [`Error::Decode`].
pub fn parse<T: DeserializeOwned>(response: &HttpResponse) -> Result<T, Error> {
    let envelope = match serde_json::from_slice::<RawEnvelope<'_>>(&response.body) {
        Ok(envelope) => envelope,
        Err(_) if !response.is_success() => return Err(Error::HttpStatus { status: response.status }),
        Err(_) if response.body.iter().all(u8::is_ascii_whitespace) => {
            return Err(Error::Decode(DecodeError::new("empty response body")));
        }
        Err(e) => {
            return Err(Error::Decode(DecodeError::new(format!(
                "not a status/msg/data envelope: {}",
                DecodeError::from(e).message()
            ))));
        }
    };
    let status = match &envelope.status {
        serde_json::Value::Number(n) => n.as_i64(),
        // Tolerate `"200"`: loosely typed backends sometimes quote numbers.
        serde_json::Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
    .ok_or_else(|| Error::Decode(DecodeError::new("envelope status is not an integer")))?;
    let message = cut(envelope.msg.unwrap_or_default());
    if status != STATUS_OK {
        if is_token_expired_message(&message) {
            return Err(Error::TokenExpired { message });
        }
        return Err(Error::Api { status, message });
    }
    if !response.is_success() {
        return Err(Error::HttpStatus { status: response.status });
    }
    // PHP encodes an empty payload as `[]`; read it (and a missing or null `data`) as `{}`.
    let data = match envelope.data.map(RawValue::get).map(str::trim) {
        None | Some("null") | Some("[]") => "{}",
        Some(raw) => raw,
    };
    serde_json::from_str(data)
        .map_err(|e| Error::Decode(DecodeError::new(format!("invalid data: {}", DecodeError::from(e).message()))))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(body: &str) -> HttpResponse {
        HttpResponse::json(200, body.as_bytes().to_vec())
    }

    #[test]
    fn token_expired_rule() {
        for m in ["token过期", "Token已过期", "token失效", "token expired", "TOKEN EXPIRED, please log in"] {
            assert!(is_token_expired_message(m), "{m}");
        }
        for m in ["", "过期", "订单已过期", "token错误", "库存不足", "expired"] {
            assert!(!is_token_expired_message(m), "{m}");
        }
    }

    #[test]
    fn seed_failure_envelope_is_token_expired() {
        let e = parse::<serde_json::Value>(&ok(r#"{"status": 0, "msg": "token过期", "data": []}"#)).unwrap_err();
        assert!(matches!(&e, Error::TokenExpired { message } if message == "token过期"), "{e:?}");
    }

    #[test]
    fn other_failures_are_api_errors() {
        let e = parse::<serde_json::Value>(&ok(r#"{"status": 0, "msg": "积分不足", "data": []}"#)).unwrap_err();
        assert!(matches!(&e, Error::Api { status: 0, message } if message == "积分不足"), "{e:?}");
        let e = parse::<serde_json::Value>(&ok(r#"{"status": "500", "msg": "系统错误"}"#)).unwrap_err();
        assert!(matches!(&e, Error::Api { status: 500, .. }), "{e:?}");
        // An envelope under an HTTP error status still says what went wrong.
        let r = HttpResponse::json(401, r#"{"status":0,"msg":"token过期","data":[]}"#.as_bytes().to_vec());
        assert!(matches!(parse::<serde_json::Value>(&r), Err(Error::TokenExpired { .. })));
    }

    #[test]
    fn success_reads_data() {
        let v: serde_json::Value = parse(&ok(r#"{"status":200,"msg":"下单成功","data":{"a":1}}"#)).unwrap();
        assert_eq!(v, serde_json::json!({"a": 1}));
        for body in [r#"{"status":200,"msg":"ok","data":[]}"#, r#"{"status":200,"data":null}"#, r#"{"status":200}"#] {
            let v: serde_json::Value = parse(&ok(body)).unwrap();
            assert_eq!(v, serde_json::json!({}), "{body}");
        }
    }

    #[test]
    fn bad_bodies() {
        let html = HttpResponse::new(502, b"<html><body>Bad Gateway</body></html>".to_vec());
        assert!(matches!(parse::<serde_json::Value>(&html), Err(Error::HttpStatus { status: 502 })));
        let html200 = HttpResponse::new(200, b"<html>maintenance</html>".to_vec());
        assert!(matches!(parse::<serde_json::Value>(&html200), Err(Error::Decode(_))));
        assert!(matches!(parse::<serde_json::Value>(&ok("")), Err(Error::Decode(_))));
        assert!(matches!(parse::<serde_json::Value>(&ok("{\"status\":200,")), Err(Error::Decode(_))));
        assert!(matches!(parse::<serde_json::Value>(&ok(r#"{"msg":"x"}"#)), Err(Error::Decode(_))));
        assert!(matches!(parse::<serde_json::Value>(&ok(r#"{"status":true}"#)), Err(Error::Decode(_))));
        assert!(matches!(parse::<serde_json::Value>(&ok("[]")), Err(Error::Decode(_))));
        let r = HttpResponse::json(500, br#"{"status":200,"data":{}}"#.to_vec());
        assert!(matches!(parse::<serde_json::Value>(&r), Err(Error::HttpStatus { status: 500 })));
    }

    #[test]
    fn decode_errors_never_quote_the_offending_value() {
        #[derive(Debug, serde::Deserialize)]
        struct Paid {
            #[allow(dead_code)]
            n: i64,
        }
        for body in [
            r#"{"status":200,"data":"tok-SECRET-4111111111111111"}"#,
            r#"{"status":200,"data":{"n":"tok-SECRET-4111111111111111"}}"#,
        ] {
            match parse::<Paid>(&ok(body)) {
                Err(Error::Decode(e)) => assert!(!e.message().contains("SECRET"), "{e}"),
                other => panic!("{other:?}"),
            }
        }
    }

    #[test]
    fn a_bad_wechat_pay_param_is_not_quoted_either() {
        // `pay_param` is read by a hand-written Deserialize that wraps the inner serde error: the
        // wrapped message must lose the offending value too.
        let body = r#"{"status":200,"msg":"ok","data":{"pay_param":{"appid":"wx1","partnerid":"1",
            "prepayid":"p","package":"Sign=WXPay","noncestr":"n","timestamp":"1","sign":4111111111111111}}}"#;
        match parse::<crate::generated::OrderPayData>(&ok(body)) {
            Err(Error::Decode(e)) => {
                assert!(!e.message().contains("4111"), "{e}");
                assert!(e.message().contains("pay_param"), "{e}");
            }
            other => panic!("{other:?}"),
        }
    }
}
