//! The gateway's response envelope: Acqra's facts for the shared rules of
//! [`sign_core::call::read_envelope`].
//!
//! Acqra puts `respCode` and `respMsg` beside the payload fields of every response (there is no
//! wrapping object): `respCode == "0000"` is success and the payload is the whole object; any other
//! code is a refusal described by `respMsg`. Before either goes into an error, the app secret and
//! the access token are scrubbed (when the client knows them: [`Client::parse`](crate::Client::parse)),
//! card numbers are masked to their last four digits whatever their separators, and only then is
//! the text cut to 512 characters ([`sign_core::call::truncate_for_error`]): a secret or a card
//! number cut in half first would no longer be recognised.
//!
//! Decisions where the documentation is silent:
//! - HTTP 401 is [`Error::Unauthorized`] whatever the body says (the client refreshes the token);
//!   it is checked before the shared decision table.
//! - The schema marks `respCode` optional in 8 of its 10 responses. A 2xx JSON object without one
//!   (or with `null`, `""`, or a code of zeros other than `"0000"`, such as the number `0`) says
//!   neither success nor refusal, so the body decides: it is a success when it decodes as the
//!   response type and holds at least one of that type's fields besides `respMsg` (a response
//!   whose fields are all optional, like `cancel`'s, would otherwise take any object for a
//!   success); otherwise it is [`Error::Decode`], whose outcome is unknown. Never a refusal.
//! - Any other numeric `respCode` is read as its digits, a refusal.

use serde::de::{DeserializeOwned, Visitor};
use serde_json::Value;
use sign_core::call::{Envelope, decode_json, read_envelope};
use sign_core::{DecodeError, HttpResponse};

use crate::error::Error;

/// The `respCode` of a successful call.
pub const SUCCESS_CODE: &str = "0000";

/// What a body's `respCode` says.
enum RespCode {
    Success,
    Refused(String),
    /// Absent, `null`, `""` or zeros other than `"0000"`: the body decides.
    Unsaid,
}

/// The two envelope fields of a body, read without building the rest of it (the payload is decoded
/// once, straight into its type): other fields are skipped, not allocated.
#[derive(serde::Deserialize)]
struct Head {
    #[serde(rename = "respCode", default)]
    resp_code: Option<Value>,
    #[serde(rename = "respMsg", default)]
    resp_msg: Option<Value>,
}

/// The envelope fields of a JSON object body; `None` for anything else (an array, not JSON).
fn head(body: &[u8]) -> Option<Head> {
    // A struct also deserializes from a JSON array: only an object is an envelope.
    if body.iter().find(|b| !b.is_ascii_whitespace()) != Some(&b'{') {
        return None;
    }
    serde_json::from_slice(body).ok()
}

fn resp_code(head: &Head) -> Option<RespCode> {
    let code = match &head.resp_code {
        None | Some(Value::Null) => return Some(RespCode::Unsaid),
        Some(Value::String(s)) => s.trim().to_owned(),
        Some(Value::Number(n)) => n.to_string(),
        Some(_) => return None,
    };
    Some(if code == SUCCESS_CODE {
        RespCode::Success
    } else if code.bytes().all(|b| b == b'0') {
        RespCode::Unsaid
    } else {
        RespCode::Refused(code)
    })
}

/// Reads Acqra's envelope in a response body: `None` when the body is not a JSON object whose
/// `respCode` says success or refusal by itself (see the module docs for what [`parse`] then
/// does). The success payload is the whole body, decoded by [`parse`].
pub fn read(body: &[u8]) -> Option<Envelope<()>> {
    let head = head(body)?;
    match resp_code(&head)? {
        RespCode::Success => Some(Envelope::Success(())),
        RespCode::Refused(code) => Some(refusal(&code, &head, &[])),
        RespCode::Unsaid => None,
    }
}

fn refusal<P>(code: &str, head: &Head, secrets: &[&str]) -> Envelope<P> {
    let message = head.resp_msg.as_ref().and_then(Value::as_str).unwrap_or_default();
    Envelope::refused(scrub(code, secrets), scrub(message, secrets))
}

/// The characters of a gateway text looked at by the card masker. Scrubbing maps at most 3
/// input characters to 1 (a grouped card number), so the first 4096 give well over the 512 kept:
/// a 10 MiB message costs no more than this.
const SCRUBBED_PREFIX_CHARS: usize = 4096;

/// A gateway text made safe for an error: each of `secrets` (the app secret, the access token)
/// replaced by `[REDACTED]` wherever it appears, card numbers masked ([`mask_card_numbers`]),
/// then cut with [`sign_core::call::truncate_for_error`], in that order.
pub(crate) fn scrub(text: &str, secrets: &[&str]) -> String {
    let mut text = std::borrow::Cow::Borrowed(text);
    for secret in secrets.iter().filter(|s| !s.is_empty()) {
        if text.contains(secret) {
            text = std::borrow::Cow::Owned(text.replace(secret, sign_core::secret::REDACTED));
        }
    }
    let prefix: String = text.chars().take(SCRUBBED_PREFIX_CHARS).collect();
    sign_core::call::truncate_for_error(&mask_card_numbers(&prefix))
}

/// Parses a gateway response into `T` (the whole JSON object, `respCode` included), or the error it
/// describes: 401 first, then the shared decision table with bodies over `max_body_bytes` refused.
/// A 2xx answer without a `respCode` is read by the rule of the module docs. `context` names the
/// call in decode errors (e.g. `"payment"`).
///
/// # Errors
/// [`Error::Unauthorized`], [`Error::Api`], [`Error::HttpStatus`] or [`Error::Decode`].
pub fn parse<T: DeserializeOwned>(response: &HttpResponse, max_body_bytes: u64, context: &str) -> Result<T, Error> {
    parse_scrubbed(response, max_body_bytes, context, &[])
}

/// [`parse`], scrubbing `secrets` from the gateway's `respCode` and `respMsg`.
pub(crate) fn parse_scrubbed<T: DeserializeOwned>(
    response: &HttpResponse,
    max_body_bytes: u64,
    context: &str,
    secrets: &[&str],
) -> Result<T, Error> {
    if response.status == 401 {
        return Err(Error::Unauthorized);
    }
    let decoded = read_envelope(response, max_body_bytes, |body| read_as::<T>(body, context, secrets))?;
    Ok(decoded?)
}

/// The envelope with its payload decoded as `T`; an answer whose `respCode` says nothing is a
/// success only when the body is `T` (with one of its fields), otherwise a decode error.
fn read_as<T: DeserializeOwned>(
    body: &[u8],
    context: &str,
    secrets: &[&str],
) -> Option<Envelope<Result<T, DecodeError>>> {
    // One pass: the payload decoded into `T` while its `respCode` and `respMsg` are noted on the
    // way. Anything unusual (not an object, `T` refusing the body, a key twice, no code) takes the
    // two passes below, whose answer the one pass reproduces when it succeeds.
    if let Some((payload, head)) = one_pass::<T>(body) {
        match resp_code(&head)? {
            RespCode::Success => return Some(Envelope::Success(Ok(payload))),
            RespCode::Refused(code) => return Some(refusal(&code, &head, secrets)),
            RespCode::Unsaid => {}
        }
    }
    // A light pass for the envelope fields, then the payload decoded once into `T`.
    let head = head(body)?;
    match resp_code(&head)? {
        RespCode::Success => Some(Envelope::Success(decode_json(context, body))),
        RespCode::Refused(code) => Some(refusal(&code, &head, secrets)),
        // Rare (the gateway said nothing): the whole object is looked at.
        RespCode::Unsaid => {
            let value: Value = serde_json::from_slice(body).ok()?;
            Some(Envelope::Success(unsaid::<T>(body, &value, context)))
        }
    }
}

/// The body decoded as `T` in one pass, with the `respCode` and `respMsg` a [`Head`] would hold.
/// `None` when the body is not a JSON object, `T` does not decode from it (or reads it other than
/// as an object), or either envelope field comes twice: the caller then reads the body as before.
fn one_pass<T: DeserializeOwned>(body: &[u8]) -> Option<(T, Head)> {
    if body.iter().find(|b| !b.is_ascii_whitespace()) != Some(&b'{') {
        return None;
    }
    let mut noted = Noted::default();
    let mut json = serde_json::Deserializer::from_slice(body);
    let payload = T::deserialize(Tap { inner: &mut json, noted: &mut noted }).ok()?;
    json.end().ok()?;
    if noted.twice {
        return None;
    }
    Some((payload, Head { resp_code: noted.code, resp_msg: noted.message }))
}

/// The envelope fields seen while `T` decodes.
#[derive(Default)]
struct Noted {
    /// `respCode`, `None` for `null` as in [`Head`].
    code: Option<Value>,
    message: Option<Value>,
    seen: [bool; 2],
    /// A field seen twice (a [`Head`] refuses the body then).
    twice: bool,
    /// Which envelope field the next value belongs to (`true`: `respCode`).
    pending: Option<bool>,
}

impl Noted {
    fn keep(&mut self, is_code: bool, value: &Value) {
        let seen = &mut self.seen[usize::from(is_code)];
        self.twice |= *seen;
        *seen = true;
        // `Option<Value>` reads `null` as `None`: so does this.
        let kept = (!value.is_null()).then(|| value.clone());
        if is_code {
            self.code = kept;
        } else {
            self.message = kept;
        }
    }
}

/// The body's deserializer, handing `T` the top-level object through [`TapMap`]. The body is an
/// object: whatever `T` asks for reaches its visitor as a map, and fails there (the caller then
/// falls back to two passes) when `T` expected something else.
struct Tap<'n, D> {
    inner: D,
    noted: &'n mut Noted,
}

impl<'de, D: serde::Deserializer<'de>> serde::Deserializer<'de> for Tap<'_, D> {
    type Error = D::Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        self.inner.deserialize_map(TapVisitor { visitor, noted: self.noted })
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        self.inner.deserialize_map(TapVisitor { visitor, noted: self.noted })
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        self.inner.deserialize_map(TapVisitor { visitor, noted: self.noted })
    }

    fn is_human_readable(&self) -> bool {
        self.inner.is_human_readable()
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf option unit
        unit_struct newtype_struct seq tuple tuple_struct enum identifier ignored_any
    }
}

struct TapVisitor<'n, V> {
    visitor: V,
    noted: &'n mut Noted,
}

impl<'de, V: Visitor<'de>> Visitor<'de> for TapVisitor<'_, V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.visitor.expecting(f)
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<V::Value, A::Error> {
        self.visitor.visit_map(TapMap { inner: map, noted: self.noted })
    }
}

/// The top-level object as `T` sees it: every key and value passed through, `respCode` and
/// `respMsg` read as [`Value`]s first (as [`Head`] reads them) and noted.
struct TapMap<'n, A> {
    inner: A,
    noted: &'n mut Noted,
}

/// A key, borrowed from the body when it has no escapes.
enum KeyText<'de> {
    Borrowed(&'de str),
    Owned(String),
}

impl<'de> serde::Deserialize<'de> for KeyText<'de> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Text;
        impl<'de> Visitor<'de> for Text {
            type Value = KeyText<'de>;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a key")
            }

            fn visit_borrowed_str<E: serde::de::Error>(self, key: &'de str) -> Result<KeyText<'de>, E> {
                Ok(KeyText::Borrowed(key))
            }

            fn visit_str<E: serde::de::Error>(self, key: &str) -> Result<KeyText<'de>, E> {
                Ok(KeyText::Owned(key.to_owned()))
            }
        }
        deserializer.deserialize_str(Text)
    }
}

impl<'de, A: serde::de::MapAccess<'de>> serde::de::MapAccess<'de> for TapMap<'_, A> {
    type Error = A::Error;

    fn next_key_seed<K: serde::de::DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, A::Error> {
        use serde::de::IntoDeserializer;
        let Some(key) = self.inner.next_key::<KeyText<'de>>()? else {
            return Ok(None);
        };
        let text = match &key {
            KeyText::Borrowed(s) => *s,
            KeyText::Owned(s) => s.as_str(),
        };
        self.noted.pending = match text {
            "respCode" => Some(true),
            "respMsg" => Some(false),
            _ => None,
        };
        match key {
            KeyText::Borrowed(s) => seed.deserialize(serde::de::value::BorrowedStrDeserializer::new(s)).map(Some),
            KeyText::Owned(s) => seed.deserialize(s.into_deserializer()).map(Some),
        }
    }

    fn next_value_seed<S: serde::de::DeserializeSeed<'de>>(&mut self, seed: S) -> Result<S::Value, A::Error> {
        let Some(is_code) = self.noted.pending.take() else {
            return self.inner.next_value_seed(seed);
        };
        let value: Value = self.inner.next_value()?;
        self.noted.keep(is_code, &value);
        seed.deserialize(value).map_err(serde::de::Error::custom)
    }

    fn size_hint(&self) -> Option<usize> {
        self.inner.size_hint()
    }
}

/// A 2xx answer without a `respCode`: the response when the body is `T` with one of its fields.
fn unsaid<T: DeserializeOwned>(body: &[u8], value: &Value, context: &str) -> Result<T, DecodeError> {
    match serde_json::from_slice::<T>(body) {
        Ok(payload) if holds_a_field_of::<T>(value) => Ok(payload),
        Ok(_) => Err(DecodeError::new(format!(
            "{context}: no respCode, and none of the response's fields (outcome unknown)"
        ))),
        Err(e) => Err(DecodeError::new(format!(
            "{context}: no respCode, and not the response (outcome unknown): {}",
            DecodeError::from(e).message()
        ))),
    }
}

/// Whether `body` has a non-null value for one of `T`'s fields other than `respCode` and
/// `respMsg`. False when `T` is not a struct (a map, `serde_json::Value`): its fields are unknown.
fn holds_a_field_of<T: DeserializeOwned>(body: &Value) -> bool {
    let mut fields = None;
    let _ = T::deserialize(FieldProbe(&mut fields));
    fields
        .unwrap_or_default()
        .iter()
        .any(|f| !matches!(*f, "respCode" | "respMsg") && body.get(*f).is_some_and(|v| !v.is_null()))
}

/// A deserializer that only records the field names a derived struct asks for (its wire names,
/// renames applied) and then fails: how [`holds_a_field_of`] learns them without a value.
struct FieldProbe<'a>(&'a mut Option<&'static [&'static str]>);

impl<'de> serde::Deserializer<'de> for FieldProbe<'_> {
    type Error = serde::de::value::Error;

    fn deserialize_any<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value, Self::Error> {
        Err(serde::de::Error::custom("not a struct"))
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        fields: &'static [&'static str],
        _visitor: V,
    ) -> Result<V::Value, Self::Error> {
        *self.0 = Some(fields);
        Err(serde::de::Error::custom("fields recorded"))
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf option unit
        unit_struct newtype_struct seq tuple tuple_struct map enum identifier ignored_any
    }
}

/// Card numbers in a gateway text, masked to their last four digits: sign-core's masker, which
/// the shared envelope rules also apply to every provider's refusal.
pub(crate) use sign_core::secret::mask_card_numbers;

#[cfg(test)]
mod tests {
    use super::*;

    const LIMIT: u64 = 10 * 1024 * 1024;

    #[derive(Debug, serde::Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct Paid {
        trade_no: String,
        amount: sign_core::Decimal,
    }

    fn resp(status: u16, body: &str) -> HttpResponse {
        HttpResponse::json(status, body.as_bytes().to_vec())
    }

    fn parse_paid(status: u16, body: &str) -> Result<Paid, Error> {
        parse(&resp(status, body), LIMIT, "t")
    }

    #[test]
    fn success_decodes_the_payload() {
        let p = parse_paid(200, r#"{"respCode":"0000","respMsg":"ok","tradeNo":"T1","amount":"100.99"}"#).unwrap();
        assert_eq!(p.trade_no, "T1");
        assert_eq!(p.amount, sign_core::Decimal::from_minor(10099, 2));
    }

    #[test]
    fn the_one_pass_reads_the_envelope_fields_as_the_two_passes_do() {
        // An escaped key is the key it spells.
        let body = r#"{"resp\u0043ode":"5001","respMsg":"no","tradeNo":"T1","amount":"1"}"#;
        assert!(matches!(parse_paid(200, body), Err(Error::Api { code, .. }) if code == "5001"));
        // `respCode` twice: not the envelope (the two passes refuse it), although `Paid` decodes.
        let body = r#"{"respCode":"0000","respCode":"5001","tradeNo":"T1","amount":"1"}"#;
        assert!(matches!(parse_paid(200, body), Err(Error::Decode(_))));
        assert!(matches!(parse_paid(500, body), Err(Error::HttpStatus { status: 500 })));
        // `null` says nothing, as an absent code: the body decides (it is a `Paid`).
        let body = r#"{"respCode":null,"respMsg":null,"tradeNo":"T1","amount":"1"}"#;
        assert_eq!(parse_paid(200, body).unwrap().trade_no, "T1");
        // The payload type sees `respCode` too.
        let v: Value = parse(&resp(200, r#"{"respCode":"0000","n":1}"#), LIMIT, "t").unwrap();
        assert_eq!(v, serde_json::json!({"respCode": "0000", "n": 1}));
    }

    #[test]
    fn failure_codes_become_api_errors() {
        let e = parse_paid(200, r#"{"respCode":"5001","respMsg":"余额不足"}"#).unwrap_err();
        match e {
            Error::Api { code, message, status } => {
                assert_eq!((code.as_str(), message.as_str(), status), ("5001", "余额不足", 200));
            }
            other => panic!("{other:?}"),
        }
        let e = parse_paid(400, r#"{"respCode":"9999","respMsg":"bad"}"#).unwrap_err();
        assert!(matches!(e, Error::Api { status: 400, .. }), "{e:?}");
        let e = parse_paid(200, r#"{"respCode":1001}"#).unwrap_err();
        assert_eq!(e.api_code(), Some("1001"));
    }

    #[test]
    fn api_messages_mask_card_numbers_before_the_shared_cut() {
        let e = parse_paid(200, r#"{"respCode":"1","respMsg":"card 4111111111111111 bad"}"#).unwrap_err();
        let s = format!("{e} {e:?}");
        assert!(!s.contains("4111111111111111"), "{s}");
        assert!(s.contains("************1111"), "{s}");
        // A card number right at the cut is masked whole, never cut in half first.
        let body = format!(r#"{{"respCode":"1","respMsg":"{}4111111111111111"}}"#, "x".repeat(500));
        let Error::Api { message, .. } = parse_paid(200, &body).unwrap_err() else { panic!("not an API error") };
        assert_eq!(message.chars().count(), sign_core::call::MAX_PROVIDER_TEXT_CHARS + 1);
        assert!(message.ends_with("************…"), "{message}");
        assert!(!message.contains("411111"), "{message}");
    }

    #[test]
    fn every_malformed_response_is_a_typed_error() {
        type Case = (u16, &'static str, fn(&Error) -> bool);
        let cases: [Case; 10] = [
            (200, "", |e| matches!(e, Error::Decode(_))),
            (200, "{not json", |e| matches!(e, Error::Decode(_))),
            (200, "<html><body>502 Bad Gateway</body></html>", |e| matches!(e, Error::Decode(_))),
            (200, r#"{"tradeNo":"T1"}"#, |e| matches!(e, Error::Decode(_))),
            (200, r#"{"respCode":["0000"],"tradeNo":"T1","amount":"1"}"#, |e| matches!(e, Error::Decode(_))),
            (200, r#"{"respCode":"0000","amount":"1"}"#, |e| matches!(e, Error::Decode(_))),
            (200, r#"{"respCode":"0000","tradeNo":"T","amount":"1x"}"#, |e| matches!(e, Error::Decode(_))),
            (502, "<html>Bad Gateway</html>", |e| matches!(e, Error::HttpStatus { status: 502 })),
            (404, "", |e| matches!(e, Error::HttpStatus { status: 404 })),
            (401, r#"{"respCode":"0000"}"#, |e| matches!(e, Error::Unauthorized)),
        ];
        for (status, body, ok) in cases {
            let e = parse_paid(status, body).unwrap_err();
            assert!(ok(&e), "{status} {body}: {e:?}");
        }
        let e = parse_paid(500, r#"{"respCode":"0000","tradeNo":"T","amount":"1"}"#).unwrap_err();
        assert!(matches!(e, Error::HttpStatus { status: 500 }));
        let body = r#"{"respCode":"0000","tradeNo":"T","amount":"1","pad":"xxxxxxxxxxxxxxxxxxxxxxxx"}"#;
        assert!(matches!(parse::<Paid>(&resp(200, body), 40, "t"), Err(Error::Decode(_))));
        assert!(parse::<Paid>(&resp(200, body), body.len() as u64, "t").is_ok());
    }

    /// All fields optional, like `cancel`'s response.
    #[derive(Debug, serde::Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct Voided {
        trade_no: Option<String>,
        #[serde(rename = "respMsg")]
        _resp_msg: Option<String>,
    }

    #[test]
    fn a_2xx_without_resp_code_is_a_success_when_the_body_is_the_response() {
        for body in [
            r#"{"tradeNo":"T1","amount":"1.50"}"#,
            r#"{"respCode":null,"respMsg":"ok","tradeNo":"T1","amount":"1.50"}"#,
            r#"{"respCode":"","tradeNo":"T1","amount":"1.50"}"#,
            // A Java backend's integer code for "0000".
            r#"{"respCode":0,"tradeNo":"T1","amount":"1.50"}"#,
        ] {
            let p = parse_paid(200, body).unwrap_or_else(|e| panic!("{body}: {e:?}"));
            assert_eq!((p.trade_no.as_str(), p.amount), ("T1", sign_core::Decimal::from_minor(150, 2)));
        }
        let v: Voided = parse(&resp(200, r#"{"tradeNo":"T2"}"#), LIMIT, "cancel").unwrap();
        assert_eq!(v.trade_no.as_deref(), Some("T2"));
        // The same bodies under a non-2xx status are not a success.
        assert!(matches!(parse_paid(500, r#"{"tradeNo":"T1","amount":"1"}"#), Err(Error::HttpStatus { status: 500 })));
    }

    #[test]
    fn a_2xx_without_resp_code_that_is_not_the_response_is_outcome_unknown() {
        let cases: [(&str, &str); 5] = [
            (r#"{"tradeNo":"T1"}"#, "missing field `amount`"),
            (r#"{"respCode":0,"amount":"1"}"#, "missing field `tradeNo`"),
            (r#"{"code":"E01","message":"system busy"}"#, "missing field"),
            (r#"{"respMsg":"ok"}"#, "missing field"),
            (r#"{}"#, "missing field"),
        ];
        for (body, says) in cases {
            let e = parse_paid(200, body).unwrap_err();
            assert!(matches!(&e, Error::Decode(_)) && e.outcome_unknown(), "{body}: {e:?}");
            assert!(e.to_string().contains("no respCode") && e.to_string().contains(says), "{body}: {e}");
        }
        // A response whose fields are all optional is not just any object: it needs one of them.
        for body in [r#"{}"#, r#"{"respMsg":"ok"}"#, r#"{"code":"E01"}"#, r#"{"tradeNo":null}"#] {
            let e = parse::<Voided>(&resp(200, body), LIMIT, "cancel").unwrap_err();
            assert!(matches!(&e, Error::Decode(_)) && e.outcome_unknown(), "{body}: {e:?}");
        }
        // Untyped, the fields are unknown: never a success without respCode.
        let e = parse::<Value>(&resp(200, r#"{"tradeNo":"T1"}"#), LIMIT, "raw call").unwrap_err();
        assert!(e.outcome_unknown(), "{e:?}");
        assert!(parse::<Value>(&resp(200, r#"{"respCode":"0000","tradeNo":"T1"}"#), LIMIT, "raw call").is_ok());
        // Other codes stay definite refusals.
        let e = parse_paid(200, r#"{"respCode":1001,"tradeNo":"T1","amount":"1"}"#).unwrap_err();
        assert!(e.api_code() == Some("1001") && !e.outcome_unknown(), "{e:?}");
    }

    #[test]
    fn decode_errors_never_quote_values() {
        let e = parse_paid(200, r#"{"respCode":"0000","tradeNo":"T","amount":"4111111111111111x"}"#).unwrap_err();
        let s = format!("{e} {e:?}");
        assert!(matches!(e, Error::Decode(_)) && !s.contains("4111"), "{s}");
        let e = parse_paid(200, r#"{"respCode":"0000","amount":"1"}"#).unwrap_err();
        assert!(e.to_string().contains("missing field `tradeNo`"), "{e}");
    }

    #[test]
    fn card_numbers_in_gateway_text_are_masked() {
        let m = mask_card_numbers("card 4111111111111111 declined for order 2022082801");
        assert_eq!(m, "card ************1111 declined for order 2022082801");
        assert_eq!(mask_card_numbers("no digits here"), "no digits here");
        assert_eq!(mask_card_numbers("卡号4444333322221111无效"), "卡号************1111无效");
        // Grouped the way people write them.
        assert_eq!(mask_card_numbers("card 4111 1111 1111 1111 declined"), "card ************1111 declined");
        assert_eq!(mask_card_numbers("card 4111-1111-1111-1111."), "card ************1111.");
        // A card number next to another number is masked with it (the safe side).
        assert_eq!(mask_card_numbers("ref 12 4111111111111111 x"), "ref **************1111 x");
        assert_eq!(mask_card_numbers("ref 12: 4111111111111111 x"), "ref 12: ************1111 x");
        assert_eq!(mask_card_numbers("order 12-34 5"), "order 12-34 5");
        // Twelve digits alone are not a card number.
        assert_eq!(mask_card_numbers("order 411111111111 ok"), "order 411111111111 ok");
    }

    /// Every way of writing 4111 1111 1111 1111 the security review listed (L7), and more.
    #[test]
    fn card_numbers_are_masked_whatever_their_separators() {
        for written in [
            "4111 1111  1111 1111",
            "4111  1111  1111  1111",
            "4111-1111-1111-1111",
            "4111.1111.1111.1111",
            "4111/1111/1111/1111",
            "4111_1111_1111_1111",
            "4111\u{a0}1111\u{a0}1111\u{a0}1111",
            "4111 - 1111 - 1111 - 1111",
            "４１１１ ４１１１ ４１１１ １１１１",
            "４１１１４１１１４１１１１１１１",
            "41 11 11 11 11 11 11 11",
            "4111111111111111",
        ] {
            let m = mask_card_numbers(&format!("card {written} declined"));
            assert!(m.starts_with("card ****") && m.ends_with("1111 declined"), "{written}: {m}");
            // The digits left in any script (full-width included), as ASCII.
            let digits: String = m
                .chars()
                .filter_map(|c| {
                    let zero = ['0', '\u{ff10}']
                        .into_iter()
                        .find(|z| (*z..=char::from_u32(u32::from(*z) + 9).unwrap_or(*z)).contains(&c))?;
                    char::from_digit(u32::from(c) - u32::from(zero), 10)
                })
                .collect();
            assert_eq!(digits, "1111", "{written}: {m}");
        }
    }

    #[test]
    fn card_numbers_glued_to_other_digits_are_masked() {
        let m = mask_card_numbers("ref 20251130411111111111111199 end");
        assert_eq!(m, format!("ref {}1199 end", "*".repeat(22)));
        let m = mask_card_numbers("411111111111 41111111111111111111");
        assert!(!m.contains("411111"), "{m}");
    }

    #[test]
    fn echoed_secrets_are_scrubbed_before_the_cut() {
        let secret = "app-secret-XYZ-987";
        let token = "tok-abcdef0123456789";
        let body = format!(r#"{{"respCode":"1","respMsg":"bad secret {secret} for token {token}"}}"#);
        let e = parse_scrubbed::<Paid>(&resp(200, &body), LIMIT, "t", &[secret, token]).unwrap_err();
        let s = format!("{e} {e:?}");
        assert!(!s.contains(secret) && !s.contains(token) && s.contains("[REDACTED]"), "{s}");
        // Right at the cut: scrubbed whole, never cut in half first.
        let body = format!(r#"{{"respCode":"1","respMsg":"{}{token}"}}"#, "x".repeat(505));
        let Error::Api { message, .. } = parse_scrubbed::<Paid>(&resp(200, &body), LIMIT, "t", &[token]).unwrap_err()
        else {
            panic!("not an API error")
        };
        assert!(!message.contains("tok-abcdef") && message.ends_with("[REDACT…"), "{message}");
    }

    #[test]
    fn a_huge_message_is_cut_after_scrubbing() {
        let body = format!(r#"{{"respCode":"1","respMsg":"{}"}}"#, "4111 1111 1111 1111 ".repeat(200_000));
        let Error::Api { message, .. } = parse_paid(200, &body).unwrap_err() else { panic!("not an API error") };
        assert_eq!(message.chars().count(), sign_core::call::MAX_PROVIDER_TEXT_CHARS + 1);
        assert!(!message.contains("4111"), "{message}");
    }

    /// Order and trade numbers of 13 digits or more are not card numbers: they stay readable in
    /// the error, while a card number beside them is masked (README, "Ambiguities").
    #[test]
    fn order_numbers_survive_while_card_numbers_are_masked() {
        let body = r#"{"respCode":"3001","respMsg":"order 2022082801123456 (trade 1000000000000000000000000000) refused: card 4111111111111111 blocked"}"#;
        let Error::Api { message, .. } = parse_paid(200, body).unwrap_err() else { panic!("not an API error") };
        assert_eq!(
            message,
            "order 2022082801123456 (trade 1000000000000000000000000000) refused: card ************1111 blocked"
        );
        // Without a card word, a Luhn-valid number is still a card number.
        let body = r#"{"respCode":"3001","respMsg":"orderNo 2022082801123456 ref 5555555555554444"}"#;
        let Error::Api { message, .. } = parse_paid(200, body).unwrap_err() else { panic!("not an API error") };
        assert_eq!(message, "orderNo 2022082801123456 ref ************4444");
    }

    #[test]
    fn api_messages_mask_card_numbers_that_fail_luhn() {
        // The provider's example card (UnionPay) fails the Luhn check; so does a mistyped Visa, masked
        // when a card field names it.
        let m = mask_card_numbers("card 6212454545454690 and cardNo 4111 1111 1111 1112 refused");
        assert_eq!(m, "card ************4690 and cardNo ************1112 refused");
        let e = parse_paid(200, r#"{"respCode":"3001","respMsg":"cardNo 6212454545454690 not supported"}"#);
        let e = e.unwrap_err();
        let s = format!("{e} {e:?}");
        assert!(!s.contains("621245454545") && s.contains("************4690"), "{s}");
    }
}
