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
