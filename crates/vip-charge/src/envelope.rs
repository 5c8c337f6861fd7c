//! The platform's response envelope `{status, message, data}`: where the status, the message and the
//! payload live, which status means success, and which answers cannot be classified. The decision
//! table itself (HTTP status, size cap, truncation) is [`sign_core::call::read_envelope`].

use serde::de::{DeserializeOwned, MapAccess, Visitor};
use serde::{Deserialize, Deserializer};
use serde_json::Value;
use serde_json::value::RawValue;
use sign_core::HttpResponse;
use sign_core::call::{Envelope, read_envelope, truncate_for_error};

use crate::error::Error;

/// The payload of an envelope, as [`read`] classifies it.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Payload {
    /// The configured success status: the envelope's `data` (`null` when absent).
    Data(Value),
    /// Another status, but the answer looks like a success: its `message` reads as one
    /// (`success`, `ok`, `成功`, ...) or its `data` holds an order (an `orderCode`). The platform
    /// does not publish its success status, so this may well be it: the request may have been
    /// processed. [`parse`] makes it [`Error::UnconfirmedSuccess`].
    Unconfirmed {
        /// The envelope's `status`.
        status: i64,
        /// The envelope's `message` (empty when absent).
        message: String,
    },
}

/// Reads the envelope in `body`: `status` is an integer (a numeric string is accepted too), and
/// `success_status` (see [`ConfigBuilder::success_status`](crate::ConfigBuilder::success_status))
/// marks success, whose payload is `data`. Another status is a refusal with the envelope's
/// `message`, unless the answer looks like a success ([`Payload::Unconfirmed`], carried as the
/// envelope's payload so that the shared table still applies the HTTP status). `None` when `body`
/// is not the envelope.
pub fn read(body: &[u8], success_status: i64) -> Option<Envelope<Payload>> {
    let fields = Fields::of(body)?;
    match fields.classify(success_status, &[])? {
        Class::Success => Some(Envelope::Success(Payload::Data(fields.data_value()?))),
        Class::Other(envelope) => Some(envelope),
    }
}

/// The envelope's fields, read in one pass over the body without building it: `status` and
/// `message` as JSON values (small), `data` as the raw text of the payload, decoded later straight
/// into its type, and every other field checked as [`Value`] would check it but not kept. A key
/// that comes twice keeps its last value, as in a [`Value`] object.
#[derive(Default)]
struct Fields<'a> {
    status: Option<Value>,
    message: Option<Value>,
    data: Option<&'a RawValue>,
}

/// What [`Fields::classify`] found.
enum Class {
    /// The configured success status: the payload is `data`.
    Success,
    /// A refusal, or a success under another status.
    Other(Envelope<Payload>),
}

impl<'a> Fields<'a> {
    /// The fields of a JSON object body; `None` for anything else (not JSON, not an object, a
    /// value a [`Value`] could not hold).
    fn of(body: &'a [u8]) -> Option<Self> {
        serde_json::from_slice(body).ok()
    }

    /// The envelope's class; `secrets` are replaced by `[REDACTED]` in the message it keeps.
    fn classify(&self, success_status: i64, secrets: &[&str]) -> Option<Class> {
        // `status` is an int32 in the document; a numeric string is accepted too (sign-core's lenient rule).
        let status = sign_core::lenient::integer(self.status.as_ref()?).ok()?;
        if status == success_status {
            return Some(Class::Success);
        }
        let message = match &self.message {
            Some(Value::String(s)) => s.as_str(),
            _ => "",
        };
        let data = self.data.map(|raw| serde_json::from_str::<Value>(raw.get())).transpose().ok()?;
        if success_message(message) || data.as_ref().is_some_and(holds_an_order) {
            let message = scrub(message, secrets);
            return Some(Class::Other(Envelope::Success(Payload::Unconfirmed { status, message })));
        }
        Some(Class::Other(Envelope::refused(status, scrub(message, secrets))))
    }

    /// `data` as a [`Value`] (`null` when absent); `None` when a [`Value`] cannot hold it.
    fn data_value(&self) -> Option<Value> {
        self.data.map_or(Some(Value::Null), |raw| serde_json::from_str(raw.get()).ok())
    }

    /// `data` decoded as `T` (from `null` when absent): straight from its text, and when `T`
    /// refuses that (a key twice, which a [`Value`] keeps once, last value winning) through a
    /// [`Value`] as before, so that the answer and the error are the ones a `Value` gives.
    fn data_as<T: DeserializeOwned>(&self) -> Result<T, serde_json::Error> {
        match self.data {
            Some(raw) => serde_json::from_str(raw.get()).or_else(|_| {
                let value: Value = serde_json::from_str(raw.get())?;
                serde_json::from_value(value)
            }),
            None => serde_json::from_value(Value::Null),
        }
    }
}

impl<'de> Deserialize<'de> for Fields<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Object;
        impl<'de> Visitor<'de> for Object {
            type Value = Fields<'de>;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a JSON object")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Fields<'de>, A::Error> {
                let mut fields = Fields::default();
                while let Some(key) = map.next_key::<Key>()? {
                    match key {
                        Key::Status => fields.status = Some(map.next_value()?),
                        Key::Message => fields.message = Some(map.next_value()?),
                        Key::Data => fields.data = Some(map.next_value()?),
                        Key::Other => map.next_value::<sign_core::call::CheckedJson>().map(drop)?,
                    }
                }
                Ok(fields)
            }
        }
        deserializer.deserialize_map(Object)
    }
}

/// A key of the envelope object (unescaped, as a [`Value`] object's key would be).
enum Key {
    Status,
    Message,
    Data,
    Other,
}

impl<'de> Deserialize<'de> for Key {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Name;
        impl Visitor<'_> for Name {
            type Value = Key;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a key")
            }

            fn visit_str<E: serde::de::Error>(self, key: &str) -> Result<Key, E> {
                Ok(match key {
                    "status" => Key::Status,
                    "message" => Key::Message,
                    "data" => Key::Data,
                    _ => Key::Other,
                })
            }
        }
        deserializer.deserialize_identifier(Name)
    }
}

/// `message` with each of `secrets` replaced by `[REDACTED]`, before anything cuts it (a secret cut
/// in half would no longer be found).
fn scrub(message: &str, secrets: &[&str]) -> String {
    secrets
        .iter()
        .filter(|s| !s.is_empty())
        .fold(message.to_owned(), |text, secret| text.replace(secret, sign_core::secret::REDACTED))
}

/// Whether a message reads as a success (`success`, `Success!`, `ok`, `下单成功`), and not as a
/// failure (`unsuccessful`, `failed`, `不成功`, `失败`).
fn success_message(message: &str) -> bool {
    const FAILURE: [&str; 9] = ["fail", "error", "unsuccess", "not ", "失败", "不成功", "未成功", "错误", "异常"];
    let m = message.trim().to_lowercase();
    if FAILURE.iter().any(|word| m.contains(word)) {
        return false;
    }
    m == "ok" || m.contains("success") || m.contains("succeed") || m.contains("成功")
}

/// Whether `data` holds an order: an object with an `orderCode`, or a list of them (as `data`
/// itself or as one of its fields, like a batch's order list).
fn holds_an_order(data: &Value) -> bool {
    let is_order = |v: &Value| match v.get("orderCode") {
        Some(Value::String(code)) => !code.trim().is_empty(),
        Some(Value::Number(_)) => true,
        _ => false,
    };
    let any_order = |v: &Value| v.as_array().is_some_and(|items| items.iter().any(is_order));
    match data {
        Value::Object(map) => is_order(data) || map.values().any(any_order),
        Value::Array(_) => any_order(data),
        _ => false,
    }
}

/// Parses a response: the `data` of a success envelope as `T`, the failure envelope as
/// [`Error::Api`], an answer that looks like a success under another status as
/// [`Error::UnconfirmedSuccess`] (outcome unknown), anything else as [`Error::HttpStatus`]
/// (non-2xx) or [`Error::Decode`] (2xx), as sign-core's decision table says. A body over
/// `max_body_bytes` is never read.
pub fn parse<T: DeserializeOwned>(
    response: &HttpResponse,
    success_status: i64,
    max_body_bytes: u64,
) -> Result<T, Error> {
    parse_scrubbed(response, success_status, max_body_bytes, &[])
}

/// [`parse`], with each of `secrets` (the MD5 secret keys) replaced by `[REDACTED]` in the
/// platform's message before it goes into an error.
pub(crate) fn parse_scrubbed<T: DeserializeOwned>(
    response: &HttpResponse,
    success_status: i64,
    max_body_bytes: u64,
    secrets: &[&str],
) -> Result<T, Error> {
    // The envelope read once; a success's `data` decoded straight into `T`, never into a `Value`.
    let decoded = read_envelope(response, max_body_bytes, |body| {
        let fields = Fields::of(body)?;
        Some(match fields.classify(success_status, secrets)? {
            Class::Success => Envelope::Success(Ok(fields.data_as::<T>())),
            Class::Other(Envelope::Success(payload)) => Envelope::Success(Err(payload)),
            Class::Other(Envelope::Refused { code, message }) => Envelope::Refused { code, message },
        })
    })?;
    let data = match decoded {
        Ok(data) => data,
        Err(Payload::Unconfirmed { status, message }) => {
            return Err(Error::UnconfirmedSuccess { status, message: truncate_for_error(&message), success_status });
        }
        // `classify` makes only `Unconfirmed` payloads.
        Err(Payload::Data(_)) => {
            return Err(Error::Decode(sign_core::DecodeError::new("the response is not the provider's envelope")));
        }
    };
    data.map_err(|e| {
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
        // The same body under the default success status may be a success: outcome unknown.
        match parse::<VipChargeResponse>(&ok(body), 0) {
            Err(e @ Error::UnconfirmedSuccess { status: 961, success_status: 0, .. }) => {
                assert!(e.outcome_unknown());
                assert!(e.to_string().contains("ConfigBuilder::success_status(961)"), "{e}");
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn success_messages_are_told_from_failures() {
        for m in ["success", "SUCCESS", " Success! ", "ok", "OK", "成功", "下单成功", "request succeeded"] {
            assert!(success_message(m), "{m}");
        }
        for m in ["", "验签失败", "余额不足", "unsuccessful", "not success", "failed", "下单不成功", "未成功", "error"]
        {
            assert!(!success_message(m), "{m}");
        }
    }

    #[test]
    fn orders_are_found_in_data() {
        use serde_json::json;
        assert!(holds_an_order(&json!({"orderCode": "OC1"})));
        assert!(holds_an_order(&json!({"orderCode": 20240001})));
        assert!(holds_an_order(&json!({"batchBizCode": "B1", "orderList": [{"orderCode": "OC1"}]})));
        assert!(holds_an_order(&json!([{"orderCode": "OC1"}])));
        assert!(!holds_an_order(&json!({"orderCode": ""})));
        assert!(!holds_an_order(&json!({"orderCode": null, "bizCode": "B1"})));
        assert!(!holds_an_order(&json!({"balance": 1})));
        assert!(!holds_an_order(&json!("OC1")));
        assert!(!holds_an_order(&Value::Null));
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
    fn a_key_twice_in_data_keeps_its_last_value() {
        // As a `serde_json::Value` reads an object (the payload was once read through one).
        let body = r#"{"status":0,"data":{"orderCode":1,"orderCode":"OC-2","account":"a"}}"#;
        let order: VipChargeResponse = parse(&ok(body), 0).unwrap();
        assert_eq!(order.order_code, "OC-2");
        let body = r#"{"status":0,"status":5,"message":"no","data":{"balance":1}}"#;
        assert!(matches!(parse::<VipChargeResponse>(&ok(body), 0), Err(Error::Api { status: 5, .. })));
    }

    #[test]
    fn what_the_type_ignores_in_data_is_only_checked_as_json() {
        // `data` decodes straight into the type: a field it does not read is skipped as JSON, so
        // a number a float cannot hold, or nesting deeper than serde_json builds (128), there is
        // no longer a decode error (README, "Ambiguities"). Malformed JSON still is.
        let deep = format!("{}1{}", "[".repeat(200), "]".repeat(200));
        for extra in ["1e400", deep.as_str()] {
            let body =
                format!(r#"{{"status":0,"data":{{"orderCode":"OC-1","bizCode":"B","account":"a","extra":{extra}}}}}"#);
            let order: VipChargeResponse = parse(&ok(&body), 0).unwrap_or_else(|e| panic!("{extra:.12}: {e}"));
            assert_eq!(order.order_code, "OC-1");
        }
        let body = r#"{"status":0,"data":{"orderCode":"OC-1","extra":[1,}}"#;
        assert!(matches!(parse::<VipChargeResponse>(&ok(body), 0), Err(Error::Decode(_))));
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
    fn an_empty_settlement_price_is_absent() {
        // A Java or PHP backend's absent amount: the charge went through, its price is unknown.
        for absent in [r#""""#, "null", "[]"] {
            let body = format!(r#"{{"status":0,"data":{{"orderCode":"OC1","settlementPrice":{absent}}}}}"#);
            let order: VipChargeResponse = parse(&ok(&body), 0).unwrap_or_else(|e| panic!("{body}: {e}"));
            assert_eq!(order.settlement_price, None, "{body}");
        }
    }

    #[test]
    fn string_status_and_long_messages() {
        let v: serde_json::Value = parse(&ok(r#"{"status":"0","data":{"a":1}}"#), 0).unwrap();
        assert_eq!(v["a"], 1);
        let long = "x".repeat(10_000);
        let body = format!(r#"{{"status":5,"message":"{long}"}}"#);
        match parse::<serde_json::Value>(&ok(&body), 0) {
            Err(Error::Api { status: 5, message, .. }) => {
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
