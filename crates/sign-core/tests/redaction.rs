//! Every public sign-core type that can hold a secret, formatted with `{:?}` and `{}` where it has
//! them: the secret must never appear.

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

    let key = PrivateKey::generate(1024).unwrap();
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
