//! The platform's response envelope `{status, message, data}`: where the status, the message and the
//! payload live and which status means success. The decision table itself (HTTP status, size cap,
//! truncation) is [`sign_core::call::read_envelope`].

use serde::de::DeserializeOwned;
use sign_core::HttpResponse;
use sign_core::call::{Envelope, read_envelope};

use crate::error::Error;

/// Reads the envelope in `body`: `status` is an integer (a numeric string is accepted too), and
/// `success_status` (see [`ConfigBuilder::success_status`](crate::ConfigBuilder::success_status))
/// marks success, whose payload is `data` (`null` when absent). Any other status is a refusal with
/// the envelope's `message`. `None` when `body` is not the envelope.
pub fn read(body: &[u8], success_status: i64) -> Option<Envelope<serde_json::Value>> {
    let serde_json::Value::Object(mut map) = serde_json::from_slice::<serde_json::Value>(body).ok()? else {
        return None;
    };
    // `status` is an int32 in the document; a numeric string is accepted too.
    let status: i64 = match map.get("status")? {
        serde_json::Value::Number(n) => n.as_i64()?,
        serde_json::Value::String(s) => s.trim().parse().ok()?,
        _ => return None,
    };
    if status == success_status {
        return Some(Envelope::Success(map.remove("data").unwrap_or(serde_json::Value::Null)));
    }
    let message = match map.get("message") {
        Some(serde_json::Value::String(s)) => s.as_str(),
        _ => "",
    };
    Some(Envelope::refused(status, message))
}

/// Parses a response: the `data` of a success envelope as `T`, the failure envelope as
/// [`Error::Api`], anything else as [`Error::HttpStatus`] (non-2xx) or [`Error::Decode`] (2xx), as
/// sign-core's decision table says. A body over `max_body_bytes` is never read.
pub fn parse<T: DeserializeOwned>(
    response: &HttpResponse,
    success_status: i64,
    max_body_bytes: u64,
) -> Result<T, Error> {
    let data = read_envelope(response, max_body_bytes, |body| read(body, success_status))?;
    serde_json::from_value(data).map_err(|e| {
        Error::Decode(sign_core::DecodeError::new(format!(
            "invalid data: {}",
            sign_core::DecodeError::from(e).message()
        )))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::VipChargeResponse;
    use sign_core::call::MAX_PROVIDER_TEXT_CHARS;

    const LIMIT: u64 = 1 << 20;

    fn ok(body: &str) -> HttpResponse {
        HttpResponse::json(200, body.as_bytes().to_vec())
    }

    fn parse<T: DeserializeOwned>(response: &HttpResponse, success_status: i64) -> Result<T, Error> {
        super::parse(response, success_status, LIMIT)
    }

    #[test]
    fn success_with_the_configured_status() {
        let body = r#"{"status":961,"message":"success","data":{"orderCode":"87103","bizCode":"87103","account":"0xkis3","settlementPrice":451}}"#;
        let order: VipChargeResponse = parse(&ok(body), 961).unwrap();
        assert_eq!(order.order_code, "87103");
        assert_eq!(order.settlement_price.map(|p| p.to_string()), Some("451".to_owned()));
        // The same body under the default success status is an API error carrying 961.
        match parse::<VipChargeResponse>(&ok(body), 0) {
            Err(Error::Api { status: 961, message }) => assert_eq!(message, "success"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn signature_failure_envelope() {
        let e = parse::<VipChargeResponse>(&ok(r#"{"status":2,"message":"验签失败"}"#), 0).unwrap_err();
        assert!(e.is_signature_rejected(), "{e:?}");
        assert!(e.to_string().contains("验签失败"));
    }

    #[test]
    fn envelope_under_a_non_2xx_status_is_the_api_error() {
        let r = HttpResponse::json(400, br#"{"status":1,"message":"bad"}"#.to_vec());
        assert!(matches!(parse::<serde_json::Value>(&r, 0), Err(Error::Api { status: 1, .. })));
        let r = HttpResponse::json(500, br#"{"status":0,"message":"ok","data":{}}"#.to_vec());
        assert!(matches!(parse::<serde_json::Value>(&r, 0), Err(Error::HttpStatus { status: 500 })));
    }

    #[test]
    fn not_an_envelope() {
        let html = HttpResponse::new(502, b"<html>Bad Gateway</html>".to_vec());
        assert!(matches!(parse::<serde_json::Value>(&html, 0), Err(Error::HttpStatus { status: 502 })));
        let html = HttpResponse::new(200, b"<html>hi</html>".to_vec());
        assert!(matches!(parse::<serde_json::Value>(&html, 0), Err(Error::Decode(_))));
        assert!(matches!(parse::<serde_json::Value>(&ok(""), 0), Err(Error::Decode(_))));
        assert!(matches!(parse::<serde_json::Value>(&ok("[1]"), 0), Err(Error::Decode(_))));
        assert!(matches!(parse::<serde_json::Value>(&ok(r#"{"message":"x"}"#), 0), Err(Error::Decode(_))));
        assert!(matches!(parse::<serde_json::Value>(&ok(r#"{"status":0,"data":"#), 0), Err(Error::Decode(_))));
    }

    #[test]
    fn missing_or_wrong_data_is_a_decode_error() {
        assert!(matches!(parse::<VipChargeResponse>(&ok(r#"{"status":0,"message":"ok"}"#), 0), Err(Error::Decode(_))));
        let body = r#"{"status":0,"data":{"bizCode":"1"}}"#;
        assert!(matches!(parse::<VipChargeResponse>(&ok(body), 0), Err(Error::Decode(_))));
        let body = r#"{"status":0,"data":{"orderCode":"1","settlementPrice":"abc"}}"#;
        assert!(matches!(parse::<VipChargeResponse>(&ok(body), 0), Err(Error::Decode(_))));
    }

    #[test]
    fn string_status_and_long_messages() {
        let v: serde_json::Value = parse(&ok(r#"{"status":"0","data":{"a":1}}"#), 0).unwrap();
        assert_eq!(v["a"], 1);
        let long = "x".repeat(10_000);
        let body = format!(r#"{{"status":5,"message":"{long}"}}"#);
        match parse::<serde_json::Value>(&ok(&body), 0) {
            Err(Error::Api { status: 5, message }) => {
                // The shared truncation: 512 characters and an ellipsis.
                assert_eq!(message.chars().count(), MAX_PROVIDER_TEXT_CHARS + 1);
                assert!(message.ends_with('…'), "{message}");
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn bodies_over_the_limit_are_not_read() {
        let body = r#"{"status":0,"message":"ok","data":{"orderCode":"1"}}"#;
        let small = body.len() as u64 - 1;
        assert!(matches!(super::parse::<VipChargeResponse>(&ok(body), 0, small), Err(Error::Decode(_))));
        let r = HttpResponse::json(503, body.as_bytes().to_vec());
        assert!(matches!(super::parse::<VipChargeResponse>(&r, 0, small), Err(Error::HttpStatus { status: 503 })));
        assert!(super::parse::<VipChargeResponse>(&ok(body), 0, small + 1).is_ok());
    }

    #[test]
    fn decode_errors_never_quote_the_offending_value() {
        match parse::<VipChargeResponse>(&ok(r#"{"status":0,"data":"tok-SECRET-4111111111111111"}"#), 0) {
            Err(Error::Decode(e)) => assert!(!e.message().contains("SECRET"), "{e}"),
            other => panic!("{other:?}"),
        }
    }
}
