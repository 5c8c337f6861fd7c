//! Status callback verification. Signatures come from md5sum / the OpenSSL CLI (testdata/README.md).

use std::sync::Arc;
use std::time::Duration;

use sign_core::FixedClock;
use vip_charge::{CallbackVerifier, Error, InMemoryReplayGuard, REPLY_SUCCESS};

const TS: i64 = 1_628_772_138_668;
const BODY: &[u8] = br#"{"orderCode":"OC1","bizCode":"87103","status":"SUCCESS"}"#;
/// C1: md5sum (testdata/README.md).
const C1: &str = "90AF8E00C33FD87727B48AB0DEC2438A";
/// C2: openssl dgst -sha256 -sign platform_private_key.pem | base64 -w0 (testdata/README.md).
const C2: &str = "PgnBK+CsF3D+0CCgs091gOSjBROVKx71jIB0IBtdUK6e4ZZmBwhUHN+A446pW2mTCkCxYenZwWkCkefh7awJEgDkSInf/Z2k28P7eFMzBMbn4+hFjKZdpLiqjfHr9WpYi987K6/N/q9xPV2UKdR6440S8HYhZfb6RHRyV8sGRCLguMGb+jho3faXrgwiCFvfqO8pGMrWvsWOqLGQ8+oHONk/343hlP8Sb8QU5otm4mWRlu4kYBGybIVc4n0lLwGLi54Afnhnpnkj6ozKCe6E6GgIfsMxaGn0Sn/qwubMlSNx+nY+pHk21xsu16823o0lH6cCqyy77l1RgLyr7X/Ixg==";

fn headers(nonce: &str, sign: &str) -> Vec<(String, String)> {
    vec![
        ("businessId".into(), "55".into()),
        ("nonce".into(), nonce.into()),
        ("timestamp".into(), TS.to_string()),
        ("sign".into(), sign.into()),
    ]
}

fn clock_at(millis: i64) -> Arc<FixedClock> {
    Arc::new(FixedClock::from_unix_millis(millis))
}

fn md5_verifier() -> CallbackVerifier {
    CallbackVerifier::builder().business_id("55").md5_secret_key("test-secret-key").clock(clock_at(TS)).build().unwrap()
}

fn rsa_verifier() -> CallbackVerifier {
    CallbackVerifier::builder()
        .business_id("55")
        .platform_public_key(include_str!("../testdata/platform_public_key.pem"))
        .clock(clock_at(TS + 1000))
        .build()
        .unwrap()
}

#[test]
fn md5_callback_verifies_and_parses() {
    let cb = md5_verifier().verify(headers("cbnonce1", C1), BODY).unwrap();
    assert_eq!(cb.notification.order_code, "OC1");
    assert_eq!(cb.notification.biz_code.as_deref(), Some("87103"));
    assert_eq!(cb.raw["status"], "SUCCESS");
    assert_eq!(cb.nonce, "cbnonce1");
    assert_eq!(cb.timestamp_millis, TS);
    assert_eq!(REPLY_SUCCESS, "SUCCESS");
    assert_eq!(vip_charge::callback::success_reply().body, b"SUCCESS");
}

#[test]
fn rsa_callback_verifies_with_the_platform_key() {
    let cb = rsa_verifier().verify(headers("cbnonce1", C2), BODY).unwrap();
    assert_eq!(cb.notification.order_code, "OC1");
    // Bare Base64 DER works as well as PEM.
    let pem = include_str!("../testdata/platform_public_key.pem");
    let bare: String = pem.lines().filter(|l| !l.starts_with("-----")).collect();
    let v =
        CallbackVerifier::builder().business_id("55").platform_public_key(bare).clock(clock_at(TS)).build().unwrap();
    v.verify(headers("cbnonce1", C2), BODY).unwrap();
}

#[test]
fn header_names_are_case_insensitive() {
    let lower: Vec<(String, String)> =
        headers("cbnonce1", C1).into_iter().map(|(k, v)| (k.to_ascii_lowercase(), v)).collect();
    md5_verifier().verify(lower, BODY).unwrap();
}

#[test]
fn altered_or_forged_callbacks_are_rejected() {
    let v = md5_verifier();
    let altered = br#"{"orderCode":"OC2","bizCode":"87103","status":"SUCCESS"}"#;
    assert!(matches!(v.verify(headers("cbnonce1", C1), altered), Err(Error::Signature)));
    assert!(matches!(v.verify(headers("cbnonce2", C1), BODY), Err(Error::Signature)));
    assert!(matches!(v.verify(headers("cbnonce1", "00000000000000000000000000000000"), BODY), Err(Error::Signature)));
    assert!(matches!(v.verify(headers("cbnonce1", ""), BODY), Err(Error::Signature)));
    // The RSA signature is not an MD5 one, and the MD5 one is not an RSA one.
    assert!(matches!(v.verify(headers("cbnonce1", C2), BODY), Err(Error::Signature)));
    assert!(matches!(rsa_verifier().verify(headers("cbnonce1", C1), BODY), Err(Error::Signature)));
}

#[test]
fn wrong_key_is_rejected() {
    let v = CallbackVerifier::builder()
        .business_id("55")
        .md5_secret_key("other-secret")
        .clock(clock_at(TS))
        .build()
        .unwrap();
    assert!(matches!(v.verify(headers("cbnonce1", C1), BODY), Err(Error::Signature)));
    // The merchant's public key is not the platform's.
    let v = CallbackVerifier::builder()
        .business_id("55")
        .platform_public_key(include_str!("../testdata/merchant_public_key.pem"))
        .clock(clock_at(TS))
        .build()
        .unwrap();
    assert!(matches!(v.verify(headers("cbnonce1", C2), BODY), Err(Error::Signature)));
}

#[test]
fn missing_duplicated_or_foreign_headers_are_rejected() {
    let v = md5_verifier();
    for drop in ["businessId", "nonce", "timestamp", "sign"] {
        let h: Vec<_> = headers("cbnonce1", C1).into_iter().filter(|(k, _)| k != drop).collect();
        assert!(matches!(v.verify(h, BODY), Err(Error::Signature)), "without {drop}");
    }
    let mut twice = headers("cbnonce1", C1);
    twice.push(("sign".into(), C1.into()));
    assert!(matches!(v.verify(twice, BODY), Err(Error::Signature)));
    let other = CallbackVerifier::builder()
        .business_id("56")
        .md5_secret_key("test-secret-key")
        .clock(clock_at(TS))
        .build()
        .unwrap();
    assert!(matches!(other.verify(headers("cbnonce1", C1), BODY), Err(Error::Signature)));
    let mut bad_ts = headers("cbnonce1", C1);
    bad_ts[2].1 = "+1628772138668".into();
    assert!(matches!(v.verify(bad_ts, BODY), Err(Error::Signature)));
}

#[test]
fn the_time_window_is_enforced_both_ways() {
    let at = |now: i64| {
        CallbackVerifier::builder()
            .business_id("55")
            .md5_secret_key("test-secret-key")
            .time_window(Duration::from_secs(300))
            .clock(clock_at(now))
            .build()
            .unwrap()
    };
    assert!(at(TS + 300_000).verify(headers("cbnonce1", C1), BODY).is_ok());
    assert!(matches!(at(TS + 300_001).verify(headers("cbnonce1", C1), BODY), Err(Error::Signature)));
    assert!(at(TS - 300_000).verify(headers("cbnonce1", C1), BODY).is_ok());
    assert!(matches!(at(TS - 300_001).verify(headers("cbnonce1", C1), BODY), Err(Error::Signature)));
}

#[test]
fn replayed_nonces_are_rejected_with_a_guard() {
    let guard = Arc::new(InMemoryReplayGuard::new(Duration::from_secs(300), 1000));
    let v = CallbackVerifier::builder()
        .business_id("55")
        .md5_secret_key("test-secret-key")
        .clock(clock_at(TS))
        .replay_guard(guard.clone())
        .build()
        .unwrap();
    v.verify(headers("cbnonce1", C1), BODY).unwrap();
    assert!(matches!(v.verify(headers("cbnonce1", C1), BODY), Err(Error::Signature)));
    // A forged callback does not get its nonce recorded.
    assert_eq!(guard.len(), 1);
    assert!(v.verify(headers("cbnonce9", C1), BODY).is_err());
    assert_eq!(guard.len(), 1);
    // Without a guard the same callback verifies again (handlers must be idempotent by orderCode).
    let plain = md5_verifier();
    plain.verify(headers("cbnonce1", C1), BODY).unwrap();
    plain.verify(headers("cbnonce1", C1), BODY).unwrap();
}

#[test]
fn verified_but_unexpected_bodies_are_decode_errors() {
    let v = md5_verifier();
    // C3: valid signature over a body without orderCode.
    let r = v.verify(headers("cbnonce3", "5FDF9808400233A5925A1840BE586874"), br#"{"bizCode":"87103"}"#);
    assert!(matches!(r, Err(Error::Decode(_))), "{r:?}");
    // C4: valid signature over an empty body.
    let r = v.verify(headers("cbnonce4", "E06A531C071C6D4DEE1A54632261D0D5"), b"");
    assert!(matches!(r, Err(Error::Decode(_))), "{r:?}");
    // C5: valid signature over an HTML body.
    let r = v.verify(headers("cbnonce5", "5FB7BF2D4F1288004222C9EAFCB5E2F9"), b"<html>");
    assert!(matches!(r, Err(Error::Decode(_))), "{r:?}");
}

#[test]
fn huge_bodies_are_refused_before_any_work() {
    let v = CallbackVerifier::builder()
        .business_id("55")
        .md5_secret_key("test-secret-key")
        .max_body_bytes(1024)
        .clock(clock_at(TS))
        .build()
        .unwrap();
    let huge = vec![b' '; 4096];
    assert!(matches!(v.verify(headers("cbnonce1", C1), &huge), Err(Error::Decode(_))));
}
