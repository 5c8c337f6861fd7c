//! The gateway's response envelope: Acqra's facts for the shared rules of
//! [`sign_core::call::read_envelope`].
//!
//! Acqra puts `respCode` and `respMsg` beside the payload fields of every response (there is no
//! wrapping object): `respCode == "0000"` is success and the payload is the whole object; any other
//! code is a refusal described by `respMsg`. Card numbers the gateway might echo in either are
//! masked to their last four digits before the shared truncation.
//!
//! Decisions where the documentation is silent:
//! - HTTP 401 is [`Error::Unauthorized`] whatever the body says (the client refreshes the token);
//!   it is checked before the shared decision table.
//! - A response without a `respCode` is not the envelope: a decode error on a 2xx status, not a
//!   success, since success is defined by `respCode`.
//! - A numeric `respCode` is read as its digits (`"0000"` cannot be written as a number, so it is
//!   never success).

use serde::de::DeserializeOwned;
use serde_json::Value;
use sign_core::HttpResponse;
use sign_core::call::{Envelope, decode_json, read_envelope};

use crate::error::Error;

/// The `respCode` of a successful call.
pub const SUCCESS_CODE: &str = "0000";

/// Reads Acqra's envelope in a response body: `None` when the body is not a JSON object with a
/// `respCode`. The success payload is the whole body, decoded by [`parse`].
pub fn read(body: &[u8]) -> Option<Envelope<()>> {
    let value: Value = serde_json::from_slice(body).ok()?;
    let code = match value.get("respCode")? {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        _ => return None,
    };
    if code == SUCCESS_CODE {
        return Some(Envelope::Success(()));
    }
    let message = value.get("respMsg").and_then(Value::as_str).unwrap_or_default();
    Some(Envelope::refused(mask_card_numbers(&code), mask_card_numbers(message)))
}

/// Parses a gateway response into `T` (the whole JSON object, `respCode` included), or the error it
/// describes: 401 first, then the shared decision table with bodies over `max_body_bytes` refused.
/// `context` names the call in decode errors (e.g. `"payment"`).
///
/// # Errors
/// [`Error::Unauthorized`], [`Error::Api`], [`Error::HttpStatus`] or [`Error::Decode`].
pub fn parse<T: DeserializeOwned>(response: &HttpResponse, max_body_bytes: u64, context: &str) -> Result<T, Error> {
    if response.status == 401 {
        return Err(Error::Unauthorized);
    }
    read_envelope(response, max_body_bytes, read)?;
    Ok(decode_json(context, &response.body)?)
}

/// Masks every run of 13 to 19 digits (the length of a card number, written plain or grouped by
/// spaces or dashes) to its last four digits, whether or not it passes the Luhn check: not every
/// card number does (UnionPay). Used on every text that comes from the gateway before it is put in
/// an error; a long order or trade number in a message is masked too, the safe side.
pub(crate) fn mask_card_numbers(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        // A group: digit runs joined by single spaces or dashes ("4111 1111 1111 1111").
        let start = i;
        while i < chars.len()
            && (chars[i].is_ascii_digit()
                || (matches!(chars[i], ' ' | '-') && chars.get(i + 1).is_some_and(char::is_ascii_digit)))
        {
            i += 1;
        }
        let group = &chars[start..i];
        let digits: String = group.iter().filter(|c| c.is_ascii_digit()).collect();
        // Written in groups, a card number has groups of 3 to 6 digits (4-4-4-4, 4-6-5, ...);
        // "ref 12 4111111111111111" is two numbers.
        let card_grouping = group
            .split(|c| !c.is_ascii_digit())
            .all(|run| run.len() == digits.len() || (3..=6).contains(&run.len()));
        if card_grouping && is_card_number(&digits) {
            out.push_str(&sign_core::secret::mask_last4(&digits));
            continue;
        }
        // Not one number as a whole: each plain digit run on its own.
        let mut run = String::new();
        for &c in group {
            if c.is_ascii_digit() {
                run.push(c);
            } else {
                push_masked(&mut out, &run);
                run.clear();
                out.push(c);
            }
        }
        push_masked(&mut out, &run);
    }
    out
}

fn push_masked(out: &mut String, digits: &str) {
    if is_card_number(digits) {
        out.push_str(&sign_core::secret::mask_last4(digits));
    } else {
        out.push_str(digits);
    }
}

fn is_card_number(digits: &str) -> bool {
    (13..=19).contains(&digits.len())
}

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
            (200, r#"{"tradeNo":"T1","amount":"1"}"#, |e| matches!(e, Error::Decode(_))),
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
        // A card number next to another number still gets masked on its own.
        assert_eq!(mask_card_numbers("ref 12 4111111111111111 x"), "ref 12 ************1111 x");
        assert_eq!(mask_card_numbers("order 12-34 5"), "order 12-34 5");
        // Twelve and twenty digits are not a card number.
        assert_eq!(mask_card_numbers("411111111111 41111111111111111111"), "411111111111 41111111111111111111");
    }

    #[test]
    fn api_messages_mask_card_numbers_that_fail_luhn() {
        // The provider's example card (UnionPay) fails the Luhn check; so does a mistyped Visa.
        let m = mask_card_numbers("card 6212454545454690 and 4111 1111 1111 1112 refused");
        assert_eq!(m, "card ************4690 and ************1112 refused");
        let e = parse_paid(200, r#"{"respCode":"3001","respMsg":"cardNo 6212454545454690 not supported"}"#);
        let e = e.unwrap_err();
        let s = format!("{e} {e:?}");
        assert!(!s.contains("621245454545") && s.contains("************4690"), "{s}");
    }
}
