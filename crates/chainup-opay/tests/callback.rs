//! Callback handling beyond the interop fixtures: malformed input, the optional time window,
//! authenticated-but-unexpected payloads.

mod common;

use std::sync::Arc;
use std::time::Duration;

use chainup_opay::FixedClock;
use chainup_opay::{Client, Error, MAX_CALLBACK_BODY_BYTES, Outcome};
use common::*;
use serde_json::json;

fn client_with_window(clock: Arc<FixedClock>) -> Client {
    let config = builder("https://service.example.com")
        .callback_max_age(Duration::from_secs(300))
        .callback_replay_protection(false)
        .build()
        .unwrap();
    Client::new(config).with_clock(clock)
}

#[test]
fn headers_are_accepted_in_any_form_and_ignored() {
    let client = offline_client();
    let body = fixture_str("callback_ok");
    let owned = vec![("Content-Type".to_owned(), "application/json".to_owned())];
    assert!(client.verify_notification(&owned, body.as_bytes()).is_ok());
    assert!(client.verify_notification(owned.clone(), body.as_bytes()).is_ok());
    assert!(client.verify_notification([("X-Anything", "forged")], body.as_bytes()).is_ok());
    // No header makes a forged body pass.
    assert!(matches!(client.verify_notification(owned, b"{}"), Err(Error::CallbackRejected)));
}

#[test]
fn malformed_callbacks_are_rejected() {
    let client = offline_client();
    for body in [&b""[..], b"not json", b"{}", br#"{"app_id":"test-app-key","data":"","sign":"","time":1}"#] {
        assert!(matches!(client.verify_notification(NO_HEADERS, body), Err(Error::CallbackRejected)), "{body:?}");
    }
    // Tampering with the sign of a good callback.
    let mut v: serde_json::Value = serde_json::from_str(&fixture_str("callback_ok")).unwrap();
    let sign = v["sign"].as_str().unwrap().to_owned();
    v["sign"] = json!(format!("{}{}", if sign.starts_with('A') { "B" } else { "A" }, &sign[1..]));
    assert!(matches!(client.verify_notification(NO_HEADERS, v.to_string().as_bytes()), Err(Error::CallbackRejected)));
}

#[test]
fn an_oversized_callback_is_rejected_before_any_rsa_work() {
    let client = offline_client();
    let body = fixture_str("callback_ok");
    // The genuine callback padded with white space (still valid JSON) up to the limit passes...
    let mut padded = body.clone().into_bytes();
    padded.resize(MAX_CALLBACK_BODY_BYTES, b' ');
    assert!(client.verify_notification(NO_HEADERS, &padded).is_ok());
    // ...and one byte more is refused: every RSA block costs a private-key operation, so a huge
    // body would let anyone burn the endpoint's CPU.
    padded.push(b' ');
    assert!(matches!(client.verify_notification(NO_HEADERS, &padded), Err(Error::CallbackRejected)));
    let mut huge = body.into_bytes();
    huge.resize(8 * 1024 * 1024, b' ');
    assert!(matches!(client.verify_notification(NO_HEADERS, &huge), Err(Error::CallbackRejected)));
}

#[test]
fn the_time_window_is_off_by_default_and_enforced_when_set() {
    let body = fixture_str("callback_ok");
    // Off by default: the fixture's time (2023) is far from a fresh system clock.
    assert!(
        Client::new(builder("https://s.example").build().unwrap())
            .verify_notification(NO_HEADERS, body.as_bytes())
            .is_ok()
    );

    let clock = Arc::new(FixedClock::from_unix_millis(NOW_MS));
    let client = client_with_window(Arc::clone(&clock));
    assert!(client.verify_notification(NO_HEADERS, body.as_bytes()).is_ok());
    clock.advance(Duration::from_secs(299));
    assert!(client.verify_notification(NO_HEADERS, body.as_bytes()).is_ok());
    clock.advance(Duration::from_secs(2));
    assert!(matches!(client.verify_notification(NO_HEADERS, body.as_bytes()), Err(Error::CallbackRejected)));
    // A callback from the future is as suspicious as a stale one.
    let early = client_with_window(Arc::new(FixedClock::from_unix_millis(NOW_MS - 301_000)));
    assert!(matches!(early.verify_notification(NO_HEADERS, body.as_bytes()), Err(Error::CallbackRejected)));
    // Without a time, the window cannot be checked.
    let mut v: serde_json::Value = serde_json::from_str(&body).unwrap();
    v.as_object_mut().unwrap().remove("time");
    let fresh = client_with_window(Arc::new(FixedClock::from_unix_millis(NOW_MS)));
    assert!(matches!(fresh.verify_notification(NO_HEADERS, v.to_string().as_bytes()), Err(Error::CallbackRejected)));
}

#[test]
fn an_authenticated_payload_of_the_wrong_shape_is_rejected_too() {
    let merchant_pub = sign_core::rsa::PublicKey::parse(&testdata("merchant_public.b64")).unwrap();
    let platform = sign_core::rsa::PrivateKey::parse(&testdata("platform_private.pem")).unwrap();
    let (data, sign) = chainup_opay::auth::seal(br#"{"orderNum":"1"}"#, &merchant_pub, &platform).unwrap();
    let body = json!({"app_id": APP_KEY, "data": data, "sign": sign, "time": NOW_MS}).to_string();
    let e = offline_client().verify_notification(NO_HEADERS, body.as_bytes()).unwrap_err();
    assert!(matches!(e, Error::CallbackRejected), "{e:?}");
    assert_eq!(e.outcome(), Outcome::Definite);
}

#[test]
fn callbacks_with_numbers_and_without_return_url_are_read() {
    let merchant_pub = sign_core::rsa::PublicKey::parse(&testdata("merchant_public.b64")).unwrap();
    let platform = sign_core::rsa::PrivateKey::parse(&testdata("platform_private.pem")).unwrap();
    let payload = br#"{"outOrderId":1000000009,"orderNum":10000000002,"orderStatus":3,"payAmount":200.5}"#;
    let (data, sign) = chainup_opay::auth::seal(payload, &merchant_pub, &platform).unwrap();
    let body = json!({"app_id": APP_KEY, "data": data, "sign": sign, "time": NOW_MS.to_string()}).to_string();
    let n = offline_client().verify_notification(NO_HEADERS, body.as_bytes()).unwrap();
    assert_eq!((n.out_order_id.as_str(), n.order_num.as_str()), ("1000000009", "10000000002"));
    assert_eq!(n.order_status, chainup_opay::OrderStatus::Paid);
    assert_eq!(n.pay_amount.to_string(), "200.5");
    assert_eq!(n.return_url, None);
}

#[test]
fn the_reply_is_configurable() {
    let client = Client::new(builder("https://s.example").callback_reply("SUCCESS").build().unwrap());
    assert_eq!(client.notification_reply(), "SUCCESS");
    assert_eq!(offline_client().notification_reply(), chainup_opay::DEFAULT_CALLBACK_REPLY);
}

#[test]
fn an_all_digit_app_id_sent_as_a_json_number_is_read() {
    // The table says String, but a Java backend may write an all-digit AppKey as a number; `app_id`
    // is not signed, so only its value matters (a different value is still refused).
    let merchant_pub = sign_core::rsa::PublicKey::parse(&testdata("merchant_public.b64")).unwrap();
    let platform = sign_core::rsa::PrivateKey::parse(&testdata("platform_private.pem")).unwrap();
    let payload = br#"{"outOrderId":"1","orderNum":"2","orderStatus":"3","payAmount":"200","returnUrl":"https://r"}"#;
    let (data, sign) = chainup_opay::auth::seal(payload, &merchant_pub, &platform).unwrap();
    let client = Client::new(builder("https://s.example").app_key("20230001").build().unwrap());
    let body = json!({"app_id": 20230001, "data": data, "sign": sign, "time": NOW_MS.to_string()}).to_string();
    let n = client.verify_notification(NO_HEADERS, body.as_bytes()).unwrap();
    assert_eq!(n.order_num, "2");
    let other = json!({"app_id": 20230002, "data": data, "sign": sign, "time": NOW_MS.to_string()}).to_string();
    assert!(matches!(client.verify_notification(NO_HEADERS, other.as_bytes()), Err(Error::CallbackRejected)));
}
