//! The provider's envelope facts: `{"status": int, "msg": string, "data": ...}`.
//!
//! `status == 200` is success and `data` holds the payload (`[]`, `null` or a missing `data` are
//! read as `{}`: PHP encodes an empty payload as `[]`); any other `status` is a failure whose `msg`
//! says why: `0` is the provider's documented refusal, any other value an undocumented failure
//! whose outcome is unknown (see [`Error::outcome`](crate::Error::outcome)). The decision table (HTTP statuses, empty and oversized
//! bodies, truncation) is sign-core's [`read_envelope`](sign_core::call::read_envelope); this
//! module only says where the status, message and payload are, and masks the caller's token in a
//! message before the shared truncation. A refusal whose message says the token expired becomes
//! [`Error::TokenExpired`](crate::Error::TokenExpired), any other one
//! [`Error::Api`](crate::Error::Api).

use serde::Deserialize;
use serde_json::value::RawValue;
use sign_core::call::Envelope;

/// The `status` of a successful call.
pub const STATUS_OK: i64 = 200;

/// The `status` of the one refusal the provider documents (`{"status": 0, "msg": "token过期",
/// "data": []}`). Another status that is not [`STATUS_OK`] is not documented: the mall may have
/// processed the request, so it is an [`Error::Api`](crate::Error::Api) whose outcome is unknown.
pub const STATUS_REFUSED: i64 = 0;

/// The envelope, read leniently (sign-core's readers): `status` an integer or a string holding one
/// (`200`, `"200"`), `msg` any scalar as its text.
#[derive(Deserialize)]
struct RawEnvelope<'a> {
    #[serde(deserialize_with = "sign_core::lenient::deserialize")]
    status: i64,
    #[serde(default, deserialize_with = "sign_core::lenient::deserialize")]
    msg: Option<String>,
    #[serde(default, borrow)]
    data: Option<&'a RawValue>,
}

/// Reads the mall's envelope from a response body: the `data` JSON text on success, the status
/// and message of a refusal, or `None` when the body is not the envelope (not JSON, not an object,
/// no integer `status`). A status in quotes (`"200"`) is accepted, and a `msg` that is a number is
/// read as its text.
///
/// Every occurrence of `token` in the message (in any letter case) is replaced by `[REDACTED]`: a
/// backend may echo the caller's token (`token <value>过期`). This runs before sign-core cuts the
/// message, so a cut can never leave part of the token behind.
///
/// ```
/// use mall_pay::envelope::read;
/// use mall_pay::sign_core::call::Envelope;
///
/// let token = "tok-9f8e";
/// assert_eq!(read(br#"{"status":200,"msg":"ok","data":[]}"#, token), Some(Envelope::Success("{}".to_owned())));
/// assert_eq!(
///     read(r#"{"status":0,"msg":"token TOK-9F8E过期","data":[]}"#.as_bytes(), token),
///     Some(Envelope::refused(0, "token [REDACTED]过期"))
/// );
/// assert_eq!(read(b"<html>", token), None);
/// ```
pub fn read(body: &[u8], token: &str) -> Option<Envelope<String>> {
    let envelope: RawEnvelope<'_> = serde_json::from_slice(body).ok()?;
    let status = envelope.status;
    if status != STATUS_OK {
        let message = redact(&envelope.msg.unwrap_or_default(), token);
        return Some(Envelope::refused(status, message));
    }
    let data = match envelope.data.map(RawValue::get).map(str::trim) {
        None | Some("null") | Some("[]") => "{}",
        Some(raw) => raw,
    };
    Some(Envelope::Success(data.to_owned()))
}

/// `text` with every ASCII-case-insensitive occurrence of `secret` replaced by `[REDACTED]`.
fn redact(text: &str, secret: &str) -> String {
    if secret.is_empty() {
        return text.to_owned();
    }
    let needle = secret.as_bytes();
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let (mut copied, mut at) = (0, 0);
    while at + needle.len() <= bytes.len() {
        if bytes[at..at + needle.len()].eq_ignore_ascii_case(needle) {
            // A match starts and ends on char boundaries: the token is ASCII, and an ASCII byte
            // is never inside a multi-byte character.
            out.push_str(&text[copied..at]);
            out.push_str(sign_core::secret::REDACTED);
            at += needle.len();
            copied = at;
        } else {
            at += 1;
        }
    }
    out.push_str(&text[copied..]);
    out
}

/// Whether a refusal's `msg` means the token expired.
///
/// The provider documents one such message, `token过期`. We assume the rule is: the message
/// mentions `token` (any case) and says it expired or is no longer valid (`过期`, `失效`,
/// `expire`), e.g. `token过期`, `token已失效`, `Token expired`.
pub fn is_token_expired_message(msg: &str) -> bool {
    let lower = msg.to_lowercase();
    lower.contains("token") && ["过期", "失效", "expire"].iter().any(|w| lower.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn refusals_and_successes() {
        let read = |body: &str, token| super::read(body.as_bytes(), token);
        assert_eq!(
            read(r#"{"status": 0, "msg": "token过期", "data": []}"#, "tok-1234"),
            Some(Envelope::refused(0, "token过期"))
        );
        assert_eq!(
            read(r#"{"status": "500", "msg": "系统错误"}"#, "tok-1234"),
            Some(Envelope::refused(500, "系统错误"))
        );
        assert_eq!(read(r#"{"status": 0}"#, "tok-1234"), Some(Envelope::refused(0, "")));
        assert_eq!(read(r#"{"status": " 0 ", "msg": 40001}"#, "t"), Some(Envelope::refused(0, "40001")));
        assert_eq!(
            read(r#"{"status":200,"msg":"下单成功","data":{"a":1}}"#, "t"),
            Some(Envelope::Success(r#"{"a":1}"#.to_owned()))
        );
        for body in [r#"{"status":200,"msg":"ok","data":[]}"#, r#"{"status":200,"data":null}"#, r#"{"status":200}"#] {
            assert_eq!(read(body, "tok-1234"), Some(Envelope::Success("{}".to_owned())), "{body}");
        }
    }

    #[test]
    fn not_the_envelope() {
        for body in ["", "<html>maintenance</html>", "{\"status\":200,", r#"{"msg":"x"}"#, r#"{"status":true}"#, "[]"] {
            assert_eq!(read(body.as_bytes(), "tok-1234"), None, "{body}");
        }
    }

    #[test]
    fn the_token_is_masked_in_any_case_and_text_around_it_kept() {
        let token = "AbC123xyz";
        for (msg, want) in [
            ("token AbC123xyz过期", "token [REDACTED]过期"),
            ("用户abc123XYZ余额不足,abc123xyz", "用户[REDACTED]余额不足,[REDACTED]"),
            ("AbC123xy", "AbC123xy"),
            ("无关", "无关"),
        ] {
            assert_eq!(redact(msg, token), want, "{msg}");
        }
        assert_eq!(redact("abc", ""), "abc");
    }
}
