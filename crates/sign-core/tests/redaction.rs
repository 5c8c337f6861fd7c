//! Every public sign-core type that can hold a secret, formatted with `{:?}` and `{}` where it has
//! them: the secret must never appear.
#![cfg(any(feature = "rust-crypto", feature = "aws-lc-rs"))]

use sign_core::error::{DecodeError, Error, KeyError};
use sign_core::rsa::PrivateKey;
use sign_core::{HttpRequest, HttpResponse, Method, SecretBytes, SecretString};

const SECRET: &str = "s3cr3t-Value-4111111111111111";

fn assert_hidden(shown: &str) {
    assert!(!shown.contains(SECRET), "secret leaked: {shown}");
    assert!(!shown.contains("4111111111111111"), "card number leaked: {shown}");
    assert!(!shown.contains("s3cr3t"), "secret prefix leaked: {shown}");
}

#[test]
fn secrets_never_appear_in_formatting() {
    let s = SecretString::new(SECRET);
    assert_hidden(&format!("{s:?} {s} {s:#?}"));
    let b = SecretBytes::new(SECRET.as_bytes().to_vec());
    assert_hidden(&format!("{b:?} {b} {b:#?}"));
    let opt = Some(SecretString::new(SECRET));
    assert_hidden(&format!("{opt:?}"));

    let key = PrivateKey::generate(2048).unwrap();
    let der = key.to_base64_der();
    let shown = format!("{key:?} {key:#?} {der:?} {der}");
    assert!(!shown.contains(&der.expose()[40..80]), "key material leaked: {shown}");

    let req = HttpRequest::new(Method::Post, "https://api.example/pay")
        .with_header("Authorization", SECRET)
        .with_header("token", SECRET)
        .with_body(format!("{{\"cardNo\":\"{SECRET}\"}}"));
    assert_hidden(&format!("{req:?} {req:#?}"));
    let resp = HttpResponse::json(200, format!("{{\"accessToken\":\"{SECRET}\"}}")).with_header("Set-Cookie", SECRET);
    assert_hidden(&format!("{resp:?}"));

    // Errors built from secret-bearing input do not quote it.
    let bad_json = serde_json::from_str::<serde_json::Value>(&format!("{{\"card\": {SECRET}}}")).unwrap_err();
    let decode = DecodeError::from(bad_json);
    assert_hidden(&format!("{decode} {decode:?}"));
    let key_err = PrivateKey::parse(SECRET).unwrap_err();
    assert!(matches!(key_err, KeyError::Malformed(_)));
    let all: Vec<Error> = vec![decode.into(), key_err.into()];
    for e in all {
        assert_hidden(&format!("{e} {e:?}"));
    }
    let base64_err = sign_core::encoding::base64_decode_lenient(SECRET).unwrap_err();
    assert_hidden(&format!("{base64_err} {base64_err:?}"));
}

/// Found by `cargo xtask fuzz` (target sign_core_json_error_redaction): with `deny_unknown_fields`
/// serde quotes the unknown key, and a key is input like any value.
#[test]
fn unknown_field_names_are_not_quoted_in_decode_errors() {
    #[allow(dead_code)]
    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Strict {
        small: Option<u8>,
    }
    let e = sign_core::call::decode_json::<Strict>("probe", br#"{"4000056655665556":null}"#).unwrap_err();
    let shown = format!("{e} {e:?}");
    assert!(!shown.contains("4000056655665556"), "{shown}");
    assert!(shown.contains("unknown field") && shown.contains("`small`"), "{shown}");
    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Empty {}
    let e = sign_core::call::decode_json::<Empty>("probe", br#"{"tok-secret-9f8e7d6c":1}"#).unwrap_err();
    assert!(!format!("{e} {e:?}").contains("tok-secret"), "{e:?}");
}

/// Found by `cargo xtask fuzz` (target sign_core_decimal_amount): 10^scale overflowed an i64 for
/// scales 19 to 28, so amounts that fit came back as `None`.
#[test]
fn minor_units_round_trip_at_every_scale() {
    for scale in 0..=28 {
        for units in [0_i64, 1, -1, 7] {
            let d = sign_core::Decimal::checked_from_minor(units, scale).unwrap();
            assert_eq!(d.to_minor(scale), Some(units), "{units} at scale {scale}");
        }
    }
    assert_eq!(sign_core::Decimal::from_minor(i64::MAX, 0).to_minor(1), None);
}

/// Found by `cargo xtask sweep` (visagenius, vip-charge, mall-pay and chainup-opay responses): a
/// refusal's message echoing a card number reached `Error::Api` whole; only acqra masked it.
#[test]
fn card_numbers_in_any_providers_refusal_are_masked() {
    use sign_core::call::{Envelope, ResponseError, read_envelope};
    let response = sign_core::HttpResponse::new(200, b"{}".to_vec());
    let refused = |code: &str, msg: &str| {
        let (code, msg) = (code.to_owned(), msg.to_owned());
        read_envelope::<()>(&response, 1024, move |_| Some(Envelope::refused(code, msg))).unwrap_err()
    };
    let ResponseError::Refused { code, message, .. } = refused("9999", "card 4000 0566 5566 5556 declined") else {
        panic!("not a refusal")
    };
    assert_eq!((code.as_str(), message.as_str()), ("9999", "card ************5556 declined"));
    // Masked before the cut, and a huge message costs a bounded scan.
    let long = format!("{}4000056655665556{}", "x".repeat(505), "y".repeat(1 << 20));
    let ResponseError::Refused { message, .. } = refused("1", &long) else { panic!("not a refusal") };
    assert!(!message.contains("400005") && message.ends_with('…'), "{message}");
}

/// Found by `cargo xtask sweep` (mall_pay_pay_param): a JSON number past the integers a float
/// holds was read as text with other digits (`18446744073709551616` became
/// `"18446744073709552000"`), silently; it is refused now, without quoting it.
#[test]
fn lenient_text_refuses_numbers_a_float_cannot_carry() {
    #[derive(Debug, serde::Deserialize)]
    struct Id {
        #[serde(deserialize_with = "sign_core::lenient::deserialize")]
        id: String,
    }
    let number: serde_json::Value = serde_json::from_str("0.10").unwrap();
    let arbitrary_precision = serde_json::to_string(&number).unwrap() == "0.10";
    for n in ["18446744073709551616", "-9223372036854775809", "99999999999999999999", "0.12345678901234567"] {
        match sign_core::call::decode_json::<Id>("t", format!(r#"{{"id":{n}}}"#).as_bytes()) {
            Ok(id) => assert!(arbitrary_precision && id.id == n, "{n} read as {}", id.id),
            Err(e) => assert!(!format!("{e} {e:?}").contains(&n[..10]), "{e}"),
        }
    }
    let id: Id = serde_json::from_str(r#"{"id":7100000000000001}"#).unwrap();
    assert_eq!(id.id, "7100000000000001");
    let id: Id = serde_json::from_str(r#"{"id":12.5}"#).unwrap();
    assert_eq!(id.id, "12.5");
}
