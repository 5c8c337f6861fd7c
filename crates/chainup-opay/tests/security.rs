//! Issue 13 and 18 hardening: base URLs, config errors naming setters, the sans-IO client,
//! callback replays, key rotation and the length checks done before any private-key work.
//! Uses only the sans-IO client (no transport, nothing leaves the process).

mod common;

use std::sync::Arc;

use chainup_opay::sign_core::replay::MemoryReplayStore;
use chainup_opay::{
    Client, Config, Error, HttpResponse, OrderDetailRequest, OrderStatus, Outcome, PrivateKey, PublicKey,
};
use common::*;
use serde_json::json;

fn merchant_public() -> PublicKey {
    PublicKey::parse(&testdata("merchant_public.b64")).unwrap()
}

fn platform_private() -> PrivateKey {
    PrivateKey::parse(&testdata("platform_private.pem")).unwrap()
}

/// A second platform key, as during a rotation.
fn new_platform_private() -> PrivateKey {
    PrivateKey::parse(&testdata("stranger_private.pem")).unwrap()
}

/// A callback body for `payload`, sealed as the platform (`signer`) does.
fn callback(payload: &str, signer: &PrivateKey) -> Vec<u8> {
    let (data, sign) = chainup_opay::auth::seal(payload.as_bytes(), &merchant_public(), signer).unwrap();
    json!({"app_id": APP_KEY, "data": data, "sign": sign, "time": NOW_MS}).to_string().into_bytes()
}

const PAID: &str = r#"{"outOrderId":"o-1","orderNum":"10000000001","orderStatus":"3","payAmount":"10.5"}"#;

fn sans_io(builder: chainup_opay::ConfigBuilder) -> Client {
    Client::sans_io(builder.build().unwrap())
}

// ---- base URLs ---------------------------------------------------------------------------------

#[test]
fn plain_http_base_urls_are_refused_unless_loopback_or_allowed() {
    let err = builder("http://api.example.com").build().unwrap_err();
    match &err {
        Error::Config(m) => {
            assert!(m.contains("ConfigBuilder::base_url") && m.contains("allow_insecure_http"), "{m}")
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(err.outcome(), Outcome::NotSent);
    assert!(builder("http://api.example.com").allow_insecure_http(true).build().is_ok());
    for loopback in ["http://127.0.0.1:8080", "http://localhost:1", "http://[::1]:9"] {
        assert!(builder(loopback).build().is_ok(), "{loopback}");
    }
    assert!(builder("https://api.example.com").build().is_ok());
}

#[test]
fn the_payment_page_base_url_is_checked_like_the_base_url() {
    let err = builder("https://api.example.com").payment_page_base_url("http://pay.example.com").build().unwrap_err();
    match &err {
        Error::Config(m) => assert!(
            m.contains("payment_page_base_url")
                && m.contains("ConfigBuilder::payment_page_base_url")
                && m.contains("allow_insecure_http"),
            "{m}"
        ),
        other => panic!("{other:?}"),
    }
    assert!(
        builder("https://api.example.com")
            .payment_page_base_url("http://pay.example.com")
            .allow_insecure_http(true)
            .build()
            .is_ok()
    );
    assert!(builder("https://api.example.com").payment_page_base_url("http://127.0.0.1:3").build().is_ok());
    assert!(builder("https://api.example.com").payment_page_base_url("ftp://pay.example.com").build().is_err());
    let client = sans_io(builder("https://api.example.com").payment_page_base_url("https://pay.example.com/"));
    let url = client.payment_page("1", chainup_opay::Payer::UserId("2".into())).url();
    assert!(url.starts_with("https://pay.example.com/platform/pay.html?"), "{url}");
}

// ---- config errors -----------------------------------------------------------------------------

#[test]
fn config_errors_name_the_builder_setting_and_no_environment_variable() {
    let cases = [
        (Config::builder(), "base_url is required (ConfigBuilder::base_url)"),
        (Config::builder().base_url("https://h.example"), "app_key is required (ConfigBuilder::app_key)"),
        (
            Config::builder().base_url("https://h.example").app_key(APP_KEY),
            "merchant_private_key is required (ConfigBuilder::merchant_private_key)",
        ),
        (
            Config::builder()
                .base_url("https://h.example")
                .app_key(APP_KEY)
                .merchant_private_key(testdata("merchant_private.pem")),
            "platform_public_key is required (ConfigBuilder::platform_public_key)",
        ),
    ];
    for (b, want) in cases {
        let err = b.build().unwrap_err();
        let text = err.to_string();
        assert!(text.contains(want), "{text}");
        assert!(!text.contains("CHAINUP_"), "{text}");
    }
    let err = builder("https://h.example").path("nope", "/x").build().unwrap_err().to_string();
    assert!(err.contains("ConfigBuilder::path"), "{err}");
}

// ---- sans-IO -----------------------------------------------------------------------------------

#[test]
fn a_sans_io_client_prepares_and_parses_but_its_call_is_not_sent() {
    let client = sans_io(builder("https://service.example.com"));
    let request = OrderDetailRequest::new(APP_KEY, "1");
    let prepared = client.prepare(&request).unwrap();
    assert!(prepared.url.ends_with("/orderDetail"), "{}", prepared.url);
    let err = client.call(&request).unwrap_err();
    assert_eq!(err.outcome(), Outcome::NotSent, "{err:?}");
    assert!(!err.outcome_unknown());
    let err = client.order_detail(&request).unwrap_err();
    assert_eq!(err.outcome(), Outcome::NotSent, "{err:?}");
    // Parsing a refusal works without any transport.
    let refused = HttpResponse::json(200, r#"{"code":"1005","msg":"order not found"}"#);
    assert!(matches!(client.parse::<OrderDetailRequest>(&refused), Err(Error::Api { .. })));
}

// ---- replays -----------------------------------------------------------------------------------

#[test]
fn a_callback_accepted_once_is_reported_as_replayed_the_second_time() {
    let client = sans_io(builder("https://s.example"));
    let body = callback(PAID, &platform_private());
    let n = client.verify_notification(NO_HEADERS, &body).unwrap();
    assert_eq!(n.order_status, OrderStatus::Paid);
    let err = client.verify_notification(NO_HEADERS, &body).unwrap_err();
    assert_eq!(err.outcome(), Outcome::Definite);
    // It carries the verified notification, so a handler whose first attempt failed can still
    // check its records and process the order (idempotently).
    match err {
        Error::CallbackReplayed(notification) => assert_eq!(*notification, n),
        other => panic!("{other:?}"),
    }
    // The same notification encrypted afresh (a platform retry, or a re-wrapped replay) is one.
    let again = callback(PAID, &platform_private());
    assert_ne!(again, body);
    assert!(matches!(client.verify_notification(NO_HEADERS, &again), Err(Error::CallbackReplayed(_))));
    // Clones of the client share the guard.
    assert!(matches!(client.clone().verify_notification(NO_HEADERS, &body), Err(Error::CallbackReplayed(_))));
    // Another notification of the same order (a new status) is new.
    let closed = PAID.replace(r#""orderStatus":"3""#, r#""orderStatus":"0""#);
    assert!(client.verify_notification(NO_HEADERS, &callback(&closed, &platform_private())).is_ok());
    // A forged callback never fills the guard: still rejected, not "replayed".
    assert!(matches!(client.verify_notification(NO_HEADERS, b"{}"), Err(Error::CallbackRejected)));
}

#[test]
fn the_replay_guard_can_be_replaced_or_turned_off() {
    let body = callback(PAID, &platform_private());
    let off = sans_io(builder("https://s.example").callback_replay_protection(false));
    assert!(off.config().callback_replay_window().is_none());
    assert!(off.verify_notification(NO_HEADERS, &body).is_ok());
    assert!(off.verify_notification(NO_HEADERS, &body).is_ok());

    // A store shared by two processes (here two clients built separately).
    let store = Arc::new(MemoryReplayStore::new(10));
    let a = sans_io(builder("https://s.example").callback_replay_store(store.clone()));
    let b = sans_io(builder("https://s.example").callback_replay_store(store.clone()));
    assert!(a.verify_notification(NO_HEADERS, &body).is_ok());
    assert!(matches!(b.verify_notification(NO_HEADERS, &body), Err(Error::CallbackReplayed(_))));

    // The default: on, in memory, for the documented window.
    let default = sans_io(builder("https://s.example"));
    assert_eq!(default.config().callback_replay_window(), Some(chainup_opay::DEFAULT_CALLBACK_REPLAY_WINDOW));
    // Off, then on again: back to the default store.
    let again =
        sans_io(builder("https://s.example").callback_replay_protection(false).callback_replay_protection(true));
    assert_eq!(again.config().callback_replay_window(), Some(chainup_opay::DEFAULT_CALLBACK_REPLAY_WINDOW));
}

// ---- key rotation ------------------------------------------------------------------------------

#[test]
fn callbacks_signed_with_any_configured_platform_key_verify() {
    let new_key = new_platform_private();
    let new_public = testdata("stranger_public.b64");
    let old_body = callback(PAID, &platform_private());
    let new_body = callback(&PAID.replace("o-1", "o-2"), &new_key);

    // Without the new key, its callbacks are rejected.
    let before = sans_io(builder("https://s.example"));
    assert!(matches!(before.verify_notification(NO_HEADERS, &new_body), Err(Error::CallbackRejected)));

    // During the rotation both verify.
    let during = sans_io(builder("https://s.example").additional_platform_public_key(new_public.clone()));
    assert!(during.verify_notification(NO_HEADERS, &old_body).is_ok());
    assert_eq!(during.verify_notification(NO_HEADERS, &new_body).unwrap().out_order_id.as_str(), "o-2");

    // After it, the new key is the main one and the old one can still be accepted for a while.
    let after = sans_io(
        Config::builder()
            .base_url("https://s.example")
            .app_key(APP_KEY)
            .merchant_private_key(testdata("merchant_private.pem"))
            .platform_public_key(new_public)
            .additional_platform_public_key_parsed(PublicKey::parse(&testdata("platform_public.b64")).unwrap()),
    );
    let c = PAID.replace("o-1", "o-3");
    assert!(after.verify_notification(NO_HEADERS, &callback(&c, &platform_private())).is_ok());
    let d = PAID.replace("o-1", "o-4");
    assert!(after.verify_notification(NO_HEADERS, &callback(&d, &new_key)).is_ok());
    // A bad additional key is an error at build time.
    assert!(matches!(builder("https://s.example").additional_platform_public_key("nope").build(), Err(Error::Key(_))));
}

#[test]
fn responses_signed_with_any_configured_platform_key_verify() {
    let (data, sign) =
        chainup_opay::auth::seal(br#"{"orderNum":"7","orderStatus":"3"}"#, &merchant_public(), &new_platform_private())
            .unwrap();
    let response = HttpResponse::json(200, json!({"code": "0", "msg": "succ", "data": data, "sign": sign}).to_string());
    let before = sans_io(builder("https://s.example"));
    assert!(matches!(before.parse::<OrderDetailRequest>(&response), Err(Error::ResponseUnverified)));
    let during = sans_io(builder("https://s.example").additional_platform_public_key(testdata("stranger_public.b64")));
    assert_eq!(during.parse::<OrderDetailRequest>(&response).unwrap().order_num.as_str(), "7");
}

// ---- lengths checked before key work -----------------------------------------------------------

#[test]
fn a_sign_of_the_wrong_length_or_too_many_blocks_is_rejected() {
    let client = sans_io(builder("https://s.example").callback_replay_protection(false));
    let body = callback(PAID, &platform_private());
    assert!(client.verify_notification(NO_HEADERS, &body).is_ok());
    let mut v: serde_json::Value = serde_json::from_slice(&body).unwrap();
    // A signature one byte short (Base64 of 255 bytes) is refused by its length.
    let short = sign_core::encoding::base64_url_nopad(&[7u8; 255]);
    v["sign"] = json!(short);
    assert!(matches!(client.verify_notification(NO_HEADERS, v.to_string().as_bytes()), Err(Error::CallbackRejected)));

    // A genuine callback of 2 blocks is refused under a 1-block cap.
    let long = format!(r#"{{"outOrderId":"{}","orderNum":"1","orderStatus":"3","payAmount":"1"}}"#, "x".repeat(300));
    let body = callback(&long, &platform_private());
    assert!(client.verify_notification(NO_HEADERS, &body).is_ok());
    let capped = sans_io(builder("https://s.example").max_callback_blocks(1));
    assert!(matches!(capped.verify_notification(NO_HEADERS, &body), Err(Error::CallbackRejected)));
    assert_eq!(capped.config().max_callback_blocks(), 1);
    assert_eq!(client.config().max_callback_blocks(), chainup_opay::DEFAULT_MAX_CALLBACK_BLOCKS);

    // Responses have their own cap.
    let (data, sign) = chainup_opay::auth::seal(long.as_bytes(), &merchant_public(), &platform_private()).unwrap();
    let response = HttpResponse::json(200, json!({"code": "0", "msg": "succ", "data": data, "sign": sign}).to_string());
    let capped = sans_io(builder("https://s.example").max_response_blocks(1));
    assert!(matches!(capped.parse::<OrderDetailRequest>(&response), Err(Error::ResponseUnverified)));
    assert!(client.parse::<OrderDetailRequest>(&response).is_ok());
}

// ---- implicit rejection (review finding M1) ------------------------------------------------------

fn merchant_private() -> PrivateKey {
    PrivateKey::parse(&testdata("merchant_private.pem")).unwrap()
}

fn platform_public() -> PublicKey {
    PublicKey::parse(&testdata("platform_public.b64")).unwrap()
}

/// `data` and `sign` of a two-block payload, and `data` with its second block tampered with.
fn sealed_and_tampered() -> (String, String, String) {
    let long = format!(r#"{{"outOrderId":"{}","orderNum":"1","orderStatus":"3","payAmount":"1"}}"#, "x".repeat(300));
    let (data, sign) = chainup_opay::auth::seal(long.as_bytes(), &merchant_public(), &platform_private()).unwrap();
    let mut raw = sign_core::encoding::base64_decode_lenient(&data).unwrap();
    assert_eq!(raw.len(), 2 * merchant_private().size());
    raw[merchant_private().size() + 9] ^= 0x21;
    (data, sign, sign_core::encoding::base64_url_nopad(&raw))
}

#[test]
fn a_tampered_block_is_opened_to_a_stand_in_and_goes_through_the_same_checks() {
    let (merchant, platform) = (merchant_private(), [platform_public()]);
    let (data, sign, tampered) = sealed_and_tampered();
    let k = merchant.size();

    let good = chainup_opay::auth::open_implicit(&data, &sign, &merchant, &platform, 16).unwrap();
    assert!(good.is_authentic());
    let bad = chainup_opay::auth::open_implicit(&tampered, &sign, &merchant, &platform, 16).unwrap();
    // The same path to the end: a plaintext came out (the stand-in), of a length two blocks could
    // hold, deterministic for this ciphertext, and the verdict is read last.
    assert!(!bad.is_authentic());
    assert!(bad.plaintext().len() <= 2 * (k - 11), "{}", bad.plaintext().len());
    assert_ne!(bad.plaintext(), good.plaintext());
    let again = chainup_opay::auth::open_implicit(&tampered, &sign, &merchant, &platform, 16).unwrap();
    assert_eq!(again.plaintext(), bad.plaintext());
    // Another tampering, another stand-in.
    let mut raw = sign_core::encoding::base64_decode_lenient(&data).unwrap();
    raw[4] ^= 0x10;
    let other = chainup_opay::auth::open_implicit(
        &sign_core::encoding::base64_url_nopad(&raw),
        &sign,
        &merchant,
        &platform,
        16,
    )
    .unwrap();
    assert!(!other.is_authentic());
    assert_ne!(other.plaintext(), bad.plaintext());
    assert_eq!(format!("{bad:?}"), "Opened([REDACTED])");

    // The result is the one opaque failure, the same as a good `data` with a forged `sign`.
    let forged_sign = sign_core::encoding::base64_url_nopad(&vec![1u8; k]);
    let failures = [
        chainup_opay::auth::open_bounded(&tampered, &sign, &merchant, &platform, 16).unwrap_err(),
        chainup_opay::auth::open_bounded(&data, &forged_sign, &merchant, &platform, 16).unwrap_err(),
        again.into_authentic().unwrap_err(),
    ];
    assert!(failures.iter().all(|f| *f == chainup_opay::auth::OpenFailed));
    assert!(chainup_opay::auth::open_bounded(&data, &sign, &merchant, &platform, 16).is_ok());
}

#[test]
fn a_callback_with_a_tampered_block_is_rejected_like_one_with_a_bad_signature() {
    let client = sans_io(builder("https://s.example").callback_replay_protection(false));
    let (data, sign, tampered) = sealed_and_tampered();
    let body =
        |data: &str, sign: &str| json!({"app_id": APP_KEY, "data": data, "sign": sign, "time": NOW_MS}).to_string();
    assert!(client.verify_notification(NO_HEADERS, body(&data, &sign).as_bytes()).is_ok());
    let forged_sign = sign_core::encoding::base64_url_nopad(&vec![1u8; merchant_private().size()]);
    for bad in [body(&tampered, &sign), body(&data, &forged_sign), body(&tampered, &forged_sign)] {
        let e = client.verify_notification(NO_HEADERS, bad.as_bytes()).unwrap_err();
        assert!(matches!(e, Error::CallbackRejected), "{e:?}");
        assert_eq!(e.to_string(), Error::CallbackRejected.to_string());
    }
}
