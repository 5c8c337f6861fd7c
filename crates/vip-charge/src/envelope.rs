//! The platform's response envelope `{status, message, data}` -> `Result<T, Error>`.

use serde::de::DeserializeOwned;
use sign_core::{DecodeError, HttpResponse};

use crate::error::Error;

/// Longest provider message kept in an [`Error::Api`] (a misbehaving server cannot flood logs).
const MAX_MESSAGE_CHARS: usize = 512;

/// Parses a response: the `data` of a success envelope as `T`, the failure envelope as
/// [`Error::Api`], anything else as [`Error::HttpStatus`] (non-2xx) or [`Error::Decode`] (2xx).
///
/// `success_status` is the `status` value that means success (see
/// [`ConfigBuilder::success_status`](crate::ConfigBuilder::success_status)).
pub fn parse<T: DeserializeOwned>(response: &HttpResponse, success_status: i64) -> Result<T, Error> {
    let envelope = match read_envelope(&response.body) {
        Some(envelope) => envelope,
        None if !response.is_success() => return Err(Error::HttpStatus { status: response.status }),
        None if response.body.iter().all(u8::is_ascii_whitespace) => {
            return Err(Error::Decode(DecodeError::new("empty response body")));
        }
        None => {
            return Err(Error::Decode(DecodeError::new("response is not the platform's {status, message, data} JSON")));
        }
    };
    if envelope.status != success_status {
        return Err(Error::Api { status: envelope.status, message: envelope.message });
    }
    if !response.is_success() {
        // A success envelope under an error status is contradictory: trust neither.
        return Err(Error::HttpStatus { status: response.status });
    }
    let data = envelope.data.unwrap_or(serde_json::Value::Null);
    serde_json::from_value(data)
        .map_err(|e| Error::Decode(DecodeError::new(format!("invalid data: {}", DecodeError::from(e).message()))))
}

struct Envelope {
    status: i64,
    message: String,
    data: Option<serde_json::Value>,
}

fn read_envelope(body: &[u8]) -> Option<Envelope> {
    let serde_json::Value::Object(mut map) = serde_json::from_slice::<serde_json::Value>(body).ok()? else {
        return None;
    };
    // `status` is an int32 in the document; a numeric string is accepted too.
    let status = match map.get("status")? {
        serde_json::Value::Number(n) => n.as_i64()?,
        serde_json::Value::String(s) => s.trim().parse().ok()?,
        _ => return None,
    };
    let message = match map.get("message") {
        Some(serde_json::Value::String(s)) => s.chars().take(MAX_MESSAGE_CHARS).collect(),
        _ => String::new(),
    };
    Some(Envelope { status, message, data: map.remove("data") })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::VipChargeOrder;

    fn ok(body: &str) -> HttpResponse {
        HttpResponse::json(200, body.as_bytes().to_vec())
    }

    #[test]
    fn success_with_the_configured_status() {
        let body = r#"{"status":961,"message":"success","data":{"orderCode":"87103","bizCode":"87103","account":"0xkis3","settlementPrice":451}}"#;
        let order: VipChargeOrder = parse(&ok(body), 961).unwrap();
        assert_eq!(order.order_code, "87103");
        assert_eq!(order.settlement_price.map(|p| p.to_string()), Some("451".to_owned()));
        // The same body under the default success status is an API error carrying 961.
        match parse::<VipChargeOrder>(&ok(body), 0) {
            Err(Error::Api { status: 961, message }) => assert_eq!(message, "success"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn signature_failure_envelope() {
        let e = parse::<VipChargeOrder>(&ok(r#"{"status":2,"message":"验签失败"}"#), 0).unwrap_err();
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
        assert!(matches!(parse::<VipChargeOrder>(&ok(r#"{"status":0,"message":"ok"}"#), 0), Err(Error::Decode(_))));
        let body = r#"{"status":0,"data":{"bizCode":"1"}}"#;
        assert!(matches!(parse::<VipChargeOrder>(&ok(body), 0), Err(Error::Decode(_))));
        let body = r#"{"status":0,"data":{"orderCode":"1","settlementPrice":"abc"}}"#;
        assert!(matches!(parse::<VipChargeOrder>(&ok(body), 0), Err(Error::Decode(_))));
    }

    #[test]
    fn string_status_and_long_messages() {
        let v: serde_json::Value = parse(&ok(r#"{"status":"0","data":{"a":1}}"#), 0).unwrap();
        assert_eq!(v["a"], 1);
        let long = "x".repeat(10_000);
        let body = format!(r#"{{"status":5,"message":"{long}"}}"#);
        match parse::<serde_json::Value>(&ok(&body), 0) {
            Err(Error::Api { message, .. }) => assert_eq!(message.chars().count(), MAX_MESSAGE_CHARS),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn decode_errors_never_quote_the_offending_value() {
        match parse::<VipChargeOrder>(&ok(r#"{"status":0,"data":"tok-SECRET-4111111111111111"}"#), 0) {
            Err(Error::Decode(e)) => assert!(!e.message().contains("SECRET"), "{e}"),
            other => panic!("{other:?}"),
        }
    }
}
