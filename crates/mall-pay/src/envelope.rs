//! The provider's envelope facts: `{"status": int, "msg": string, "data": ...}`.
//!
//! `status == 200` is success and `data` holds the payload (`[]`, `""`, `null` or a missing `data`
//! are read as `{}`: PHP encodes an empty payload as `[]`); any other `status` is a failure whose `msg`
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
/// The token is replaced by `[REDACTED]` in the message, and so is every piece of it of at least
/// [`MIN_REDACTED_FRAGMENT`] characters (a backend may echo the caller's token, `token <value>过期`,
/// or a part of it), in any ASCII letter case, plain or URL-encoded (`%2B`). This runs before
/// sign-core cuts the message to 512 characters, so a cut can never leave part of the token behind.
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
    read_with(body, token, str::to_owned)
}

/// [`read`], handing the success's `data` text (`{}` for `[]` and `null`) to `decode` where it lies
/// in the body, instead of copying it out.
pub(crate) fn read_with<P>(body: &[u8], token: &str, decode: impl FnOnce(&str) -> P) -> Option<Envelope<P>> {
    let envelope: RawEnvelope<'_> = serde_json::from_slice(body).ok()?;
    let status = envelope.status;
    if status != STATUS_OK {
        let message = redact(&envelope.msg.unwrap_or_default(), token);
        return Some(Envelope::refused(status, message));
    }
    let data = match envelope.data.map(RawValue::get).map(str::trim) {
        // PHP's empty payloads: `[]` from `json_encode([])`, `""` from an empty string.
        None | Some("null") | Some("[]") | Some("\"\"") => "{}",
        Some(raw) => raw,
    };
    Some(Envelope::Success(decode(data)))
}

/// The shortest piece of the token that is redacted when a message echoes only part of it (a
/// prefix, a suffix, a middle part). A token shorter than this is redacted whole only.
pub const MIN_REDACTED_FRAGMENT: usize = 8;

/// How many characters of a message [`redact`] reads at most: the rest could never reach an error
/// (sign-core keeps [`MAX_PROVIDER_TEXT_CHARS`](sign_core::call::MAX_PROVIDER_TEXT_CHARS)), and
/// the bound keeps the work linear in the token's length.
const MAX_SCANNED_CHARS: usize = 16 * 1024;

/// One character of the message as the matcher sees it: where it is in the text, and the ASCII
/// byte it stands for, lower-cased (`None` for anything that cannot be part of a token).
struct Unit {
    start: usize,
    end: usize,
    byte: Option<u8>,
}

/// The message's characters, a `%XX` escape read as the byte it encodes (URL-encoded echoes).
fn units(text: &str) -> Vec<Unit> {
    let bytes = text.as_bytes();
    let mut units = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if units.len() == MAX_SCANNED_CHARS {
            break;
        }
        // `%XX`: two hex digits (`from_str_radix` alone would also take `+1`), an ASCII byte.
        let escaped = bytes
            .get(start + 1..start + 3)
            .filter(|hex| c == '%' && hex.iter().all(u8::is_ascii_hexdigit))
            .and_then(|hex| u8::from_str_radix(std::str::from_utf8(hex).ok()?, 16).ok())
            .filter(u8::is_ascii);
        let unit = match escaped {
            Some(b) => {
                chars.next();
                chars.next();
                Unit { start, end: start + 3, byte: Some(b.to_ascii_lowercase()) }
            }
            None => {
                Unit { start, end: start + c.len_utf8(), byte: c.is_ascii().then(|| (c as u8).to_ascii_lowercase()) }
            }
        };
        units.push(unit);
    }
    units
}

/// How many units from `units[at]` on spell a piece of `secret` (lower-cased), the longest piece.
fn longest_piece(units: &[Unit], at: usize, secret: &[u8]) -> usize {
    let mut best = 0;
    for from in 0..secret.len() {
        let len = units[at..].iter().zip(&secret[from..]).take_while(|(unit, s)| unit.byte == Some(**s)).count();
        best = best.max(len);
        if best == secret.len() - from {
            // No later start can give a longer piece than what is left of the secret.
            break;
        }
    }
    best
}

/// `text` with the token, and every piece of it at least [`MIN_REDACTED_FRAGMENT`] characters
/// long, replaced by `[REDACTED]`: in any ASCII letter case, written plainly or URL-encoded
/// (`%2B` for `+`, either hex case). Only the first `MAX_SCANNED_CHARS` characters are read; a
/// longer message ends with `…` there.
fn redact(text: &str, secret: &str) -> String {
    let secret: Vec<u8> = secret.bytes().map(|b| b.to_ascii_lowercase()).collect();
    let units = units(text);
    let scanned_end = units.last().map_or(0, |u| u.end);
    let min = secret.len().min(MIN_REDACTED_FRAGMENT);
    let mut out = String::with_capacity(scanned_end);
    let (mut copied, mut at) = (0, 0);
    while at < units.len() && !secret.is_empty() {
        let len = longest_piece(&units, at, &secret);
        if len >= min {
            out.push_str(&text[copied..units[at].start]);
            out.push_str(sign_core::secret::REDACTED);
            copied = units[at + len - 1].end;
            at += len;
        } else {
            at += 1;
        }
    }
    out.push_str(&text[copied..scanned_end]);
    if scanned_end < text.len() {
        out.push('…');
    }
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
        for body in [
            r#"{"status":200,"msg":"ok","data":[]}"#,
            r#"{"status":200,"data":null}"#,
            r#"{"status":200}"#,
            r#"{"status":200,"msg":"下单成功","data":""}"#,
        ] {
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
            ("AbC123x", "AbC123x"),
            ("无关", "无关"),
        ] {
            assert_eq!(redact(msg, token), want, "{msg}");
        }
        assert_eq!(redact("abc", ""), "abc");
    }

    #[test]
    fn pieces_of_the_token_are_masked_plain_or_url_encoded() {
        let token = "Tok+9f8e7d6c5b4a/3210";
        for (msg, want) in [
            // A prefix, a suffix and a middle part of 8 characters or more.
            ("token Tok+9f8e7过期", "token [REDACTED]过期"),
            ("末尾 5b4a/3210", "末尾 [REDACTED]"),
            ("x 9F8E7D6C5B y", "x [REDACTED] y"),
            // URL-encoded, in either hex case, whole or in part.
            ("token=Tok%2B9f8e7d6c5b4a%2f3210&x=1", "token=[REDACTED]&x=1"),
            ("t=%54%6F%6B%2b9f8e", "t=[REDACTED]"),
            // Shorter than 8: kept (it cannot be told from ordinary text).
            ("Tok+9f8 and 3210", "Tok+9f8 and 3210"),
            ("100% sure, %zz %2", "100% sure, %zz %2"),
        ] {
            assert_eq!(redact(msg, token), want, "{msg}");
        }
        // A token shorter than 8 characters is masked whole only.
        assert_eq!(redact("ab12 ab1 AB12", "ab12"), "[REDACTED] ab1 [REDACTED]");
    }

    #[test]
    fn a_long_message_is_read_only_as_far_as_needed() {
        let token = "d3b07384d113edec49eaa6238ad5ff00";
        let msg = format!("{}{token}", "x".repeat(MAX_SCANNED_CHARS + 10));
        let out = redact(&msg, token);
        assert!(out.ends_with('…') && !out.contains("d3b07384"), "{}", &out[out.len() - 20..]);
        assert_eq!(out.chars().count(), MAX_SCANNED_CHARS + 1);
    }
}
