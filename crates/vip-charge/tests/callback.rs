//! Status callback verification (`Client::verify_notification`). Signatures come from md5sum / the
//! OpenSSL CLI (testdata/README.md).
#![cfg(feature = "ureq")]

use std::sync::Arc;
use std::time::Duration;

use sign_core::replay::MemoryReplayStore;
use sign_core::{Clock, FixedClock, SecretString};
use vip_charge::auth::{self, AuthHeaders, SigningKey};
use vip_charge::{Client, Config, ConfigBuilder, Error, Outcome, REPLY_SUCCESS};

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

fn base() -> ConfigBuilder {
    Config::builder().base_url("https://recharge.example.com").business_id("55")
}

fn md5_base() -> ConfigBuilder {
    base().md5_secret_key("test-secret-key")
}

/// A client verifying with `config` at `now`.
fn at(config: ConfigBuilder, now: i64) -> Client {
    Client::new(config.build().unwrap()).with_clock(clock_at(now))
}

fn md5_verifier() -> Client {
    at(md5_base(), TS)
}

fn rsa_base() -> ConfigBuilder {
    base()
        .rsa_private_key(include_str!("../testdata/merchant_private_key.pem"))
        .platform_public_key(include_str!("../testdata/platform_public_key.pem"))
}

fn rsa_verifier() -> Client {
    at(rsa_base(), TS + 1000)
}

#[test]
fn md5_callback_verifies_and_parses() {
    let cb = md5_verifier().verify_notification(headers("cbnonce1", C1), BODY).unwrap();
    assert_eq!(cb.notification.order_code, "OC1");
    assert_eq!(cb.notification.biz_code.as_deref(), Some("87103"));
    assert_eq!(cb.raw["status"], "SUCCESS");
    assert_eq!(cb.nonce, "cbnonce1");
    assert_eq!(cb.timestamp_millis, TS);
    assert_eq!(REPLY_SUCCESS, "SUCCESS");
    assert_eq!(md5_verifier().notification_reply(), "SUCCESS");
}

#[test]
fn callback_reads_numeric_order_and_biz_codes() {
    // A Java backend with numeric ids: the codes arrive as JSON numbers. C6: md5sum (testdata/README.md).
    let body = br#"{"orderCode":7100000000000001,"bizCode":87103,"status":"SUCCESS"}"#;
    let cb = md5_verifier().verify_notification(headers("cbnonce6", "BE47166636FDE30D028E15EE8C59A35A"), body).unwrap();
    assert_eq!(cb.notification.order_code, "7100000000000001");
    assert_eq!(cb.notification.biz_code.as_deref(), Some("87103"));
    assert_eq!(cb.raw["orderCode"], 7_100_000_000_000_001_u64);
}

#[test]
fn rsa_callback_verifies_with_the_platform_key() {
    let cb = rsa_verifier().verify_notification(headers("cbnonce1", C2), BODY).unwrap();
    assert_eq!(cb.notification.order_code, "OC1");
    // Bare Base64 DER works as well as PEM.
    let pem = include_str!("../testdata/platform_public_key.pem");
    let bare: String = pem.lines().filter(|l| !l.starts_with("-----")).collect();
    let v = at(base().md5_secret_key("ignored-for-callbacks").platform_public_key(bare), TS);
    v.verify_notification(headers("cbnonce1", C2), BODY).unwrap();
    // From a file as well; the platform key wins over the MD5 secret.
    let file = concat!(env!("CARGO_MANIFEST_DIR"), "/testdata/platform_public_key.pem");
    let v = at(base().md5_secret_key("test-secret-key").platform_public_key_file(file), TS);
    v.verify_notification(headers("cbnonce1", C2), BODY).unwrap();
    assert!(matches!(v.verify_notification(headers("cbnonce1", C1), BODY), Err(Error::CallbackRejected)));
}

#[test]
fn header_names_are_case_insensitive() {
    let lower: Vec<(String, String)> =
        headers("cbnonce1", C1).into_iter().map(|(k, v)| (k.to_ascii_lowercase(), v)).collect();
    md5_verifier().verify_notification(lower, BODY).unwrap();
}

#[test]
fn altered_or_forged_callbacks_are_rejected() {
    let v = md5_verifier();
    let altered = br#"{"orderCode":"OC2","bizCode":"87103","status":"SUCCESS"}"#;
    assert!(matches!(v.verify_notification(headers("cbnonce1", C1), altered), Err(Error::CallbackRejected)));
    assert!(matches!(v.verify_notification(headers("cbnonce2", C1), BODY), Err(Error::CallbackRejected)));
    assert!(matches!(
        v.verify_notification(headers("cbnonce1", "00000000000000000000000000000000"), BODY),
        Err(Error::CallbackRejected)
    ));
    assert!(matches!(v.verify_notification(headers("cbnonce1", ""), BODY), Err(Error::CallbackRejected)));
    // The RSA signature is not an MD5 one, and the MD5 one is not an RSA one.
    assert!(matches!(v.verify_notification(headers("cbnonce1", C2), BODY), Err(Error::CallbackRejected)));
    assert!(matches!(rsa_verifier().verify_notification(headers("cbnonce1", C1), BODY), Err(Error::CallbackRejected)));
}

#[test]
fn wrong_key_is_rejected() {
    let v = at(base().md5_secret_key("other-secret"), TS);
    assert!(matches!(v.verify_notification(headers("cbnonce1", C1), BODY), Err(Error::CallbackRejected)));
    // The merchant's public key is not the platform's.
    let v = at(md5_base().platform_public_key(include_str!("../testdata/merchant_public_key.pem")), TS);
    assert!(matches!(v.verify_notification(headers("cbnonce1", C2), BODY), Err(Error::CallbackRejected)));
}

#[test]
fn missing_duplicated_or_foreign_headers_are_rejected() {
    let v = md5_verifier();
    for drop in ["businessId", "nonce", "timestamp", "sign"] {
        let h: Vec<_> = headers("cbnonce1", C1).into_iter().filter(|(k, _)| k != drop).collect();
        assert!(matches!(v.verify_notification(h, BODY), Err(Error::CallbackRejected)), "without {drop}");
    }
    let mut twice = headers("cbnonce1", C1);
    twice.push(("sign".into(), C1.into()));
    assert!(matches!(v.verify_notification(twice, BODY), Err(Error::CallbackRejected)));
    let other = at(md5_base().business_id("56"), TS);
    assert!(matches!(other.verify_notification(headers("cbnonce1", C1), BODY), Err(Error::CallbackRejected)));
    let mut bad_ts = headers("cbnonce1", C1);
    bad_ts[2].1 = "+1628772138668".into();
    assert!(matches!(v.verify_notification(bad_ts, BODY), Err(Error::CallbackRejected)));
}

#[test]
fn the_time_window_is_enforced_both_ways() {
    let at = |now: i64| at(md5_base().callback_time_window(Duration::from_secs(300)), now);
    assert!(at(TS + 300_000).verify_notification(headers("cbnonce1", C1), BODY).is_ok());
    assert!(matches!(
        at(TS + 300_001).verify_notification(headers("cbnonce1", C1), BODY),
        Err(Error::CallbackRejected)
    ));
    assert!(at(TS - 300_000).verify_notification(headers("cbnonce1", C1), BODY).is_ok());
    assert!(matches!(
        at(TS - 300_001).verify_notification(headers("cbnonce1", C1), BODY),
        Err(Error::CallbackRejected)
    ));
}

/// The platform's waits between callback attempts (provider notes): 15 s, 30 s, 3 min, 10 min,
/// 20 min, 30 min, 60 min, 3 h, 6 h.
const RETRY_WAITS_SECS: [i64; 9] = [15, 30, 180, 600, 1200, 1800, 3600, 3 * 3600, 6 * 3600];

#[test]
fn callback_default_window_accepts_every_platform_retry_with_the_first_timestamp() {
    // A retry that re-sends the first attempt's signed request: its timestamp is TS, the clock has
    // moved on. Read as waits between attempts the last retry comes 11 h 3 min 45 s after the
    // first; read as times after the first attempt, 6 h. The default window accepts both.
    assert_eq!(vip_charge::DEFAULT_CALLBACK_TIME_WINDOW, Duration::from_secs(12 * 3600));
    let mut elapsed = 0;
    for wait in RETRY_WAITS_SECS {
        elapsed += wait;
        for after in [elapsed, wait] {
            let v = at(md5_base(), TS + after * 1000);
            let cb = v.verify_notification(headers("cbnonce1", C1), BODY);
            assert!(cb.is_ok(), "a retry {after} s after the first attempt: {cb:?}");
        }
    }
    assert_eq!(elapsed, 11 * 3600 + 3 * 60 + 45);
    // With margin for clock skew, and still bounded: beyond 12 h the callback is stale.
    assert!(at(md5_base(), TS + 12 * 3600 * 1000).verify_notification(headers("cbnonce1", C1), BODY).is_ok());
    assert!(matches!(
        at(md5_base(), TS + 12 * 3600 * 1000 + 1).verify_notification(headers("cbnonce1", C1), BODY),
        Err(Error::CallbackRejected)
    ));
}

/// The MD5 `sign` of a callback with this nonce, timestamp and body, signed with `secret`.
fn md5_callback_sign(secret: &str, nonce: &str, timestamp: i64, body: &[u8]) -> String {
    let ts = timestamp.to_string();
    let headers = AuthHeaders { business_id: "55", nonce, timestamp: &ts, sign_type: None };
    auth::sign(&SigningKey::Md5(SecretString::new(secret)), &headers, body).unwrap()
}

fn headers_at(nonce: &str, timestamp: i64, sign: &str) -> Vec<(String, String)> {
    let mut h = headers(nonce, sign);
    h[2].1 = timestamp.to_string();
    h
}

#[test]
fn a_replayed_delivery_is_refused_by_default() {
    // Fails before issue 13: without a guard configured, the same delivery verified twice.
    let v = md5_verifier();
    assert_eq!(v.config().callback_replay_window(), Some(Duration::from_secs(24 * 3600)));
    v.verify_notification(headers("cbnonce1", C1), BODY).unwrap();
    match v.verify_notification(headers("cbnonce1", C1), BODY) {
        Err(Error::CallbackReplayed(callback)) => {
            // Authentic, and held: a handler whose first attempt failed can still record it.
            assert_eq!(callback.notification.order_code, "OC1");
            assert_eq!(callback.nonce, "cbnonce1");
        }
        other => panic!("expected CallbackReplayed, got {other:?}"),
    }
    let replayed = v.verify_notification(headers("cbnonce1", C1), BODY).unwrap_err();
    assert_eq!(replayed.outcome(), Outcome::Definite);
    assert!(!replayed.outcome_unknown());
    // A clone shares the guard.
    assert!(matches!(v.clone().verify_notification(headers("cbnonce1", C1), BODY), Err(Error::CallbackReplayed(_))));
    // The RSA verifier too.
    let r = rsa_verifier();
    r.verify_notification(headers("cbnonce1", C2), BODY).unwrap();
    assert!(matches!(r.verify_notification(headers("cbnonce1", C2), BODY), Err(Error::CallbackReplayed(_))));
}

#[test]
fn another_spelling_of_the_signature_is_still_a_replay() {
    // The MD5 comparison ignores case and the Base64 reader is lenient: the guard keys on what the
    // signature covers, not on the sign header's text.
    let v = md5_verifier();
    v.verify_notification(headers("cbnonce1", C1), BODY).unwrap();
    let lower = C1.to_ascii_lowercase();
    assert!(matches!(v.verify_notification(headers("cbnonce1", &lower), BODY), Err(Error::CallbackReplayed(_))));
    let r = rsa_verifier();
    r.verify_notification(headers("cbnonce1", C2), BODY).unwrap();
    let wrapped = format!("{}\n{}", &C2[..64], &C2[64..]);
    let again = r.verify_notification(headers("cbnonce1", &wrapped), BODY);
    assert!(matches!(again, Err(Error::CallbackReplayed(_))), "{again:?}");
}

#[test]
fn a_retry_signed_afresh_is_a_new_delivery() {
    // The sandbox (and, by its rule that a nonce differs on every request, the platform) signs every
    // retry with a new nonce and timestamp: the guard lets it through, the handler dedupes by orderCode.
    let clock = clock_at(TS);
    let v = Client::new(md5_base().build().unwrap()).with_clock(clock.clone());
    v.verify_notification(headers("cbnonce1", C1), BODY).unwrap();
    clock.advance(Duration::from_secs(15));
    let ts = TS + 15_000;
    let sign = md5_callback_sign("test-secret-key", "retry-nonce", ts, BODY);
    let retry = v.verify_notification(headers_at("retry-nonce", ts, &sign), BODY).unwrap();
    assert_eq!(retry.notification.order_code, "OC1");
}

#[test]
fn a_wall_clock_step_does_not_let_a_replay_in() {
    // Fails before issue 13: the old guard forgot entries against the wall clock, so a step forward
    // (and any callback verified meanwhile) emptied it; once the clock was corrected, the first
    // callback verified again inside its window.
    let clock = clock_at(TS);
    let v = Client::new(md5_base().build().unwrap()).with_clock(clock.clone());
    v.verify_notification(headers("cbnonce1", C1), BODY).unwrap();
    // The clock jumps 13 hours ahead; a genuine callback arrives meanwhile.
    let later = TS + 13 * 3600 * 1000;
    clock.set(FixedClock::from_unix_millis(later).now());
    let sign = md5_callback_sign("test-secret-key", "cbnonce-later", later, BODY);
    v.verify_notification(headers_at("cbnonce-later", later, &sign), BODY).unwrap();
    // The clock is corrected: the first delivery is inside its window again, and still refused.
    clock.set(FixedClock::from_unix_millis(TS + 1000).now());
    let replay = v.verify_notification(headers("cbnonce1", C1), BODY);
    assert!(matches!(replay, Err(Error::CallbackReplayed(_))), "{replay:?}");
}

#[test]
fn a_replay_store_of_your_own_or_none() {
    let store = Arc::new(MemoryReplayStore::new(1000));
    let v = at(md5_base().callback_replay_store(store.clone()), TS);
    v.verify_notification(headers("cbnonce1", C1), BODY).unwrap();
    assert_eq!(store.len(), 1);
    assert!(matches!(v.verify_notification(headers("cbnonce1", C1), BODY), Err(Error::CallbackReplayed(_))));
    // A forged or stale callback is not recorded: an attacker without the key cannot fill the store.
    assert!(matches!(v.verify_notification(headers("cbnonce9", C1), BODY), Err(Error::CallbackRejected)));
    assert_eq!(store.len(), 1);
    // Another client on the same store (another instance behind the load balancer) sees the replay.
    let other = at(md5_base().callback_replay_store(store.clone()), TS);
    assert!(matches!(other.verify_notification(headers("cbnonce1", C1), BODY), Err(Error::CallbackReplayed(_))));
    // The window follows the callback time window: twice it.
    let short = md5_base().callback_time_window(Duration::from_secs(300)).build().unwrap();
    assert_eq!(short.callback_replay_window(), Some(Duration::from_secs(600)));
    // Off: the same callback verifies again (handlers must then be idempotent by orderCode).
    let plain = at(md5_base().callback_replay_protection(false), TS);
    assert_eq!(plain.config().callback_replay_window(), None);
    plain.verify_notification(headers("cbnonce1", C1), BODY).unwrap();
    plain.verify_notification(headers("cbnonce1", C1), BODY).unwrap();
    let back_on = md5_base().callback_replay_protection(false).callback_replay_protection(true).build().unwrap();
    assert!(back_on.callback_replay_window().is_some());
}

#[test]
fn several_platform_keys_are_accepted_during_a_rotation() {
    // Fails before issue 13: one platform key only.
    let old = include_str!("../testdata/platform_public_key.pem");
    let new = include_str!("../testdata/merchant_public_key.pem"); // stands in for the next key
    let rotating = base()
        .rsa_private_key(include_str!("../testdata/merchant_private_key.pem"))
        .platform_public_key(new)
        .additional_platform_public_key(old);
    let v = at(rotating, TS);
    assert_eq!(v.config().callback_key_count(), 2);
    v.verify_notification(headers("cbnonce1", C2), BODY).unwrap();
    // Either order, parsed or from a file.
    let file = concat!(env!("CARGO_MANIFEST_DIR"), "/testdata/platform_public_key.pem");
    let v = at(base().md5_secret_key("s").platform_public_key(new).additional_platform_public_key_file(file), TS);
    v.verify_notification(headers("cbnonce1", C2), BODY).unwrap();
    let parsed = vip_charge::PublicKey::parse(old).unwrap();
    let v = at(base().md5_secret_key("s").additional_platform_public_key_parsed(parsed).platform_public_key(new), TS);
    v.verify_notification(headers("cbnonce1", C2), BODY).unwrap();
    // Neither key: rejected. An unreadable additional key fails the build.
    let v = at(base().md5_secret_key("s").platform_public_key(new).additional_platform_public_key(new), TS);
    assert!(matches!(v.verify_notification(headers("cbnonce1", C2), BODY), Err(Error::CallbackRejected)));
    let bad = base().md5_secret_key("s").platform_public_key(new).additional_platform_public_key("nonsense").build();
    assert!(matches!(bad, Err(Error::Key(_))), "{bad:?}");
    // With platform keys, callbacks are RSA only: an MD5 signature with the secret is refused.
    let v = at(md5_base().platform_public_key(old), TS);
    assert!(matches!(v.verify_notification(headers("cbnonce1", C1), BODY), Err(Error::CallbackRejected)));
}

#[test]
fn several_md5_secrets_are_accepted_during_a_rotation() {
    // Fails before issue 13: one secret only.
    let v = at(base().md5_secret_key("the-new-secret").additional_md5_secret_key("test-secret-key"), TS);
    assert_eq!(v.config().callback_key_count(), 2);
    v.verify_notification(headers("cbnonce1", C1), BODY).unwrap();
    let sign = md5_callback_sign("the-new-secret", "cbnonce2", TS, BODY);
    v.verify_notification(headers("cbnonce2", &sign), BODY).unwrap();
    // Requests are signed with md5_secret_key only.
    let request = v.prepare(&vip_charge::ProductListRequest::new("166")).unwrap();
    let ts = request.header("timestamp").unwrap().to_owned();
    let nonce = request.header("nonce").unwrap().to_owned();
    let signed =
        AuthHeaders { business_id: "55", nonce: &nonce, timestamp: &ts, sign_type: Some(vip_charge::SignType::Md5) };
    let expected = auth::sign(&SigningKey::Md5(SecretString::new("the-new-secret")), &signed, &request.body).unwrap();
    assert_eq!(request.header("sign"), Some(expected.as_str()));
    // A secret in neither place is refused.
    let other = md5_callback_sign("a-third-secret", "cbnonce3", TS, BODY);
    assert!(matches!(v.verify_notification(headers("cbnonce3", &other), BODY), Err(Error::CallbackRejected)));
}

#[test]
fn verified_but_unexpected_bodies_are_decode_errors() {
    let v = md5_verifier();
    // C3: valid signature over a body without orderCode.
    let r = v.verify_notification(headers("cbnonce3", "5FDF9808400233A5925A1840BE586874"), br#"{"bizCode":"87103"}"#);
    assert!(matches!(r, Err(Error::Decode(_))), "{r:?}");
    // C4: valid signature over an empty body.
    let r = v.verify_notification(headers("cbnonce4", "E06A531C071C6D4DEE1A54632261D0D5"), b"");
    assert!(matches!(r, Err(Error::Decode(_))), "{r:?}");
    // C5: valid signature over an HTML body.
    let r = v.verify_notification(headers("cbnonce5", "5FB7BF2D4F1288004222C9EAFCB5E2F9"), b"<html>");
    assert!(matches!(r, Err(Error::Decode(_))), "{r:?}");
}

#[test]
fn huge_bodies_are_refused_before_any_work() {
    let v = at(md5_base().callback_max_body_bytes(1024), TS);
    let huge = vec![b' '; 4096];
    assert!(matches!(v.verify_notification(headers("cbnonce1", C1), &huge), Err(Error::CallbackRejected)));
    // The limit is the configured one: the valid callback fits.
    v.verify_notification(headers("cbnonce1", C1), BODY).unwrap();
    let tiny = at(md5_base().callback_max_body_bytes(BODY.len() - 1), TS);
    assert!(matches!(tiny.verify_notification(headers("cbnonce1", C1), BODY), Err(Error::CallbackRejected)));
}

#[test]
fn the_default_body_limit_is_one_mebibyte() {
    assert_eq!(vip_charge::DEFAULT_CALLBACK_MAX_BODY_BYTES, 1024 * 1024);
    let v = md5_verifier();
    assert_eq!(v.config().callback_max_body_bytes(), 1024 * 1024);
    let over = vec![b' '; 1024 * 1024 + 1];
    assert!(matches!(v.verify_notification(headers("cbnonce1", C1), &over), Err(Error::CallbackRejected)));
}

#[test]
fn an_rsa_config_without_the_platform_key_cannot_verify() {
    let c = at(base().rsa_private_key(include_str!("../testdata/merchant_private_key.pem")), TS);
    match c.verify_notification(headers("cbnonce1", C2), BODY) {
        Err(Error::Config(m)) => assert!(m.contains("platform_public_key"), "{m}"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn headers_of_an_http_request_work_as_they_are() {
    // `&request.headers` (a `Vec<(String, String)>`) is what a sans-IO server hands over.
    let request = vip_charge::HttpRequest::new(vip_charge::Method::Post, "http://127.0.0.1/notify")
        .with_header("businessId", "55")
        .with_header("nonce", "cbnonce1")
        .with_header("timestamp", TS.to_string())
        .with_header("sign", C1);
    md5_verifier().verify_notification(&request.headers, BODY).unwrap();
}

/// A transport for a client that must not send anything.
struct NoNetwork;

impl sign_core::AsyncTransport for NoNetwork {
    fn send<'a>(
        &'a self,
        _: &'a sign_core::HttpRequest,
    ) -> sign_core::async_transport::BoxFuture<'a, Result<sign_core::HttpResponse, sign_core::TransportError>> {
        unreachable!("verifying a callback sends nothing")
    }

    fn sleep(&self, _: Duration) -> sign_core::async_transport::BoxFuture<'static, ()> {
        unreachable!("verifying a callback sends nothing")
    }
}

#[test]
fn the_async_client_verifies_callbacks_like_the_blocking_one_with_its_own_replay_guard() {
    let client = vip_charge::AsyncClient::with_transport(md5_base().build().unwrap(), Arc::new(NoNetwork))
        .with_clock(clock_at(TS));
    let cb = client.verify_notification(headers("cbnonce1", C1), BODY).unwrap();
    assert_eq!(cb.notification.order_code, "OC1");
    assert!(matches!(client.verify_notification(headers("cbnonce1", C1), BODY), Err(Error::CallbackReplayed(_))));
    let forged = client.verify_notification(headers("cbnonce2", C1), BODY).unwrap_err();
    assert!(matches!(forged, Error::CallbackRejected), "{forged:?}");
    assert_eq!(client.notification_reply(), REPLY_SUCCESS);
}

/// C7: md5sum, C8: openssl dgst -sha256 -sign platform_private_key.pem (testdata/README.md): the
/// same callback with a `signType` header, signed as the rule says ("signType only if it is sent").
const C7: &str = "106E68A2346EAB88E798ED8A03DB0420";
const C8: &str = "iGqQULY6WFvaKDyNmAMwmXuRcLVvq3h7y0vca1z/ZcuPtjSsZ+C7IU+mnbe8Da/Y41PrAzqKsXM6xy9z4nVyA74wWcZeJAbzdVKrYDW7nuUgz6f3isoOHZyssMhJtEYjlk+xPQfvLyNB5SSUtjDbcPpGh2wDPkV4RlA0qXCAe19lJzNwMtw8phvvcIfpN+0RVtjMxxY5rMeZKijbhJOM7xq/849t3CQVNVuuPn+0I3sLdeBBN7mcRjgAIewGQ8aMEVRRj1/BJbvtuQSaMx9Zmfa6X4QHt62aYSL/5j2Nch6qeuBYbLJ1M0uKZN6tlZ9k8/bbdFSXCMzsmNlZ0GEvxw==";

fn with_sign_type(nonce: &str, sign: &str, sign_type: &str) -> Vec<(String, String)> {
    let mut h = headers(nonce, sign);
    h.push(("signType".into(), sign_type.into()));
    h
}

#[test]
fn a_sign_type_header_is_part_of_the_signed_string_when_sent() {
    // The platform documents callbacks without `signType`; one that carries it signs it, as every
    // request does ("signType only if it is sent").
    let cb = md5_verifier().verify_notification(with_sign_type("cbnonce7", C7, "MD5"), BODY).unwrap();
    assert_eq!(cb.notification.order_code, "OC1");
    let cb = rsa_verifier().verify_notification(with_sign_type("cbnonce8", C8, "SHA256-RSA"), BODY).unwrap();
    assert_eq!(cb.notification.order_code, "OC1");
    // An empty one is dropped like any empty value: the documented string without it.
    md5_verifier().verify_notification(with_sign_type("cbnonce1", C1, ""), BODY).unwrap();
    // A sent `signType` the signature does not cover, an unknown one, one contradicting the
    // signature, or two of them: refused.
    for h in [
        with_sign_type("cbnonce1", C1, "MD5"),
        with_sign_type("cbnonce7", C7, "md5x"),
        with_sign_type("cbnonce7", C7, "SHA256-RSA"),
        {
            let mut h = with_sign_type("cbnonce7", C7, "MD5");
            h.push(("SignType".into(), "MD5".into()));
            h
        },
    ] {
        assert!(matches!(md5_verifier().verify_notification(h.clone(), BODY), Err(Error::CallbackRejected)), "{h:?}");
    }
    assert!(matches!(
        rsa_verifier().verify_notification(with_sign_type("cbnonce8", C8, "MD5"), BODY),
        Err(Error::CallbackRejected)
    ));
}
