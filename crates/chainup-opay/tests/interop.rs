//! Interop with an independent implementation (Python `cryptography`, see testdata/README.md):
//! its output decrypts and verifies in the crate, and the crate's output decrypts and verifies
//! there.

mod common;

use chainup_opay::{CancelOrderRequest, CreateThirdOrderRequest, Error, OrderDetailRequest, OrderStatus};
use common::*;
use rsa::BigUint;
use rsa::pkcs8::DecodePrivateKey;
use rsa::traits::{PrivateKeyParts, PublicKeyParts};
use sign_core::HttpResponse;

#[test]
fn python_responses_decrypt_and_verify() {
    let client = offline_client();
    let f = fixtures();
    let body = f["response_short"]["body"].as_str().unwrap();
    let created = client.parse::<CreateThirdOrderRequest>(&HttpResponse::json(200, body)).unwrap();
    assert_eq!(created.order_num, "10000000002");

    // Three RSA blocks, standard Base64 with padding, UTF-8 beyond ASCII, numbers where the docs
    // say strings.
    let body = f["response_long_std_base64"]["body"].as_str().unwrap();
    let detail = client.parse::<OrderDetailRequest>(&HttpResponse::json(200, body)).unwrap();
    assert_eq!(detail.order_num, "10000000002");
    assert_eq!(detail.order_status, OrderStatus::Paid);
    assert_eq!(detail.order_amount.unwrap().to_string(), "10.5");
    assert_eq!(detail.user_id.unwrap(), "22033390");
    let accounts = detail.total_account.unwrap();
    assert_eq!(accounts.len(), 12);
    assert_eq!(accounts[11].account_name.as_ref().unwrap(), "账户 11 (account 11)");
    assert_eq!(accounts[11].account_balance.unwrap().to_string(), "11.25");
}

#[test]
fn python_response_signed_by_another_key_is_refused() {
    let body = fixtures()["response_signed_by_stranger"]["body"].as_str().unwrap().to_owned();
    let err = offline_client().parse::<CreateThirdOrderRequest>(&HttpResponse::json(200, body)).unwrap_err();
    assert!(matches!(err, Error::ResponseUnverified), "{err:?}");
}

#[test]
fn python_callbacks_verify_in_every_accepted_form() {
    let client = offline_client();
    for name in ["callback_ok", "callback_ok_std_base64", "callback_ok_time_as_string"] {
        let n = client
            .verify_notification(NO_HEADERS, fixture_str(name).as_bytes())
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(n.out_order_id, "1000000009");
        assert_eq!(n.order_num, "10000000002");
        assert_eq!(n.order_status, OrderStatus::Paid);
        assert_eq!(n.pay_amount.to_string(), "200");
        assert_eq!(n.return_url.as_deref(), Some("https://www.google.com"));
    }
    assert_eq!(client.notification_reply(), "success");
}

#[test]
fn bad_callbacks_are_one_indistinguishable_error() {
    let client = offline_client();
    let mut seen = Vec::new();
    for name in [
        "callback_signed_by_stranger",
        "callback_encrypted_for_stranger",
        "callback_bad_padding",
        "callback_bad_padding_second_block",
        "callback_wrong_app_id",
    ] {
        let err = client.verify_notification(NO_HEADERS, fixture_str(name).as_bytes()).unwrap_err();
        assert!(matches!(err, Error::CallbackRejected), "{name}: {err:?}");
        seen.push((format!("{err}"), format!("{err:?}")));
    }
    // A padding failure and a signature failure look exactly alike.
    assert!(seen.windows(2).all(|w| w[0] == w[1]), "{seen:?}");
}

#[cfg(feature = "sandbox")]
#[test]
fn python_request_is_accepted_by_the_sandbox() {
    use chainup_opay::sandbox::{Sandbox, SandboxKeys};
    let keys = SandboxKeys::new(
        &testdata("platform_private.pem"),
        &testdata("merchant_public.b64"),
        Some(&testdata("merchant_private.pem")),
    )
    .unwrap();
    let sandbox = Sandbox::start_with(APP_KEY, keys).unwrap();
    let body = fixtures()["request_create_order"]["body"].as_str().unwrap().to_owned();
    let request = sign_core::HttpRequest::new(
        sign_core::Method::Post,
        format!("{}/platformapi/chainup/open/opay/createThirdOrder", sandbox.base_url()),
    )
    .with_header("Content-Type", "application/json")
    .with_body(body);
    let response = sandbox.handle(&request);
    let created = offline_client().parse::<CreateThirdOrderRequest>(&response).unwrap();
    let order = sandbox.order(created.order_num.as_str()).unwrap();
    assert_eq!(order.app_order_id, "py-11321");
    assert_eq!(order.user_id.as_deref(), Some("22033390"));
    assert_eq!(order.status, OrderStatus::Pending);
}

#[test]
fn signatures_equal_the_python_vectors() {
    let key = sign_core::rsa::PrivateKey::parse(&testdata("merchant_private.pem")).unwrap();
    for v in fixtures()["sign_vectors"].as_array().unwrap() {
        let plaintext = v["plaintext"].as_str().unwrap().as_bytes();
        assert_eq!(chainup_opay::auth::string_to_sign(plaintext), v["md5_hex"].as_str().unwrap());
        assert_eq!(chainup_opay::auth::sign(plaintext, &key).unwrap(), v["sign"].as_str().unwrap());
    }
}

/// Textbook RSA with the platform's private exponent, then a by-hand check of the PKCS#1 v1.5
/// encryption block `00 02 PS(>= 8 non-zero bytes) 00 M`: independent of sign-core's decrypt.
fn textbook_open(ciphertext: &[u8]) -> Vec<u8> {
    let key = rsa::RsaPrivateKey::from_pkcs8_pem(&testdata("platform_private.pem")).unwrap();
    let k = key.size();
    assert_eq!(ciphertext.len() % k, 0, "whole blocks of k bytes");
    let mut out = Vec::new();
    for block in ciphertext.chunks(k) {
        let m = BigUint::from_bytes_be(block).modpow(key.d(), key.n()).to_bytes_be();
        let mut em = vec![0u8; k - m.len()];
        em.extend(m);
        assert_eq!(&em[..2], &[0, 2], "PKCS#1 v1.5 encryption block type 02");
        let sep = em[2..].iter().position(|b| *b == 0).expect("separator") + 2;
        assert!(sep - 2 >= 8, "at least 8 padding bytes");
        assert!(em.len() - sep - 1 <= k - 11, "chunk of at most k - 11 bytes");
        out.extend_from_slice(&em[sep + 1..]);
    }
    out
}

#[test]
fn crate_request_matches_python_signature_and_decrypts_textbook() {
    let client = offline_client();
    let http = client.prepare(&CancelOrderRequest::new("1")).unwrap();
    assert_eq!(http.url, "https://service.example.com/opay/cancelOrder");
    assert_eq!(http.header("content-type"), Some("application/json"));
    let body: serde_json::Value = serde_json::from_slice(&http.body).unwrap();
    assert_eq!(body["app_id"], APP_KEY);
    assert_eq!(body["time"], NOW_MS.to_string(), "`time* String` in the document");
    // The Python vector for this exact plaintext.
    assert_eq!(body["sign"], fixtures()["sign_vectors"][0]["sign"]);
    let data = body["data"].as_str().unwrap();
    assert!(!data.contains(['+', '/', '=']), "URL-safe Base64 without padding");
    let ciphertext = sign_core::encoding::base64_decode_lenient(data).unwrap();
    assert_eq!(textbook_open(&ciphertext), br#"{"orderNum":"1"}"#);
}

#[test]
fn crate_long_request_splits_into_245_byte_chunks() {
    let client = offline_client();
    let goods = serde_json::json!([{"name": "商品", "desc": "x".repeat(600)}]).to_string();
    let req = CreateThirdOrderRequest::for_payer(
        chainup_opay::Payer::OpenId("2ae04ed9165624419bad68e9e0f3f29fbd".into()),
        "11321",
        sign_core::Decimal::from_minor(1050, 2),
        "BTC",
        "https://www.google.com",
        "https://www.google.com",
    )
    .with_goods(goods.clone());
    let http = client.prepare(&req).unwrap();
    let body: serde_json::Value = serde_json::from_slice(&http.body).unwrap();
    let ciphertext = sign_core::encoding::base64_decode_lenient(body["data"].as_str().unwrap()).unwrap();
    let plaintext = textbook_open(&ciphertext);
    assert_eq!(ciphertext.len() / 256, plaintext.len().div_ceil(245));
    let sent: serde_json::Value = serde_json::from_slice(&plaintext).unwrap();
    assert_eq!(
        sent,
        serde_json::json!({
            "appKey": APP_KEY,
            "appOrderId": "11321",
            "openId": "2ae04ed9165624419bad68e9e0f3f29fbd",
            "orderAmount": "10.50",
            "payCoinSymbol": "BTC",
            "returnPage": "https://www.google.com",
            "notifyPage": "https://www.google.com",
            "goods": goods,
        })
    );
}

/// The other direction, live: Python decrypts and verifies what the crate produced. Runs when
/// python3 with `cryptography` is installed, else says so and passes (the committed
/// `crate_output_*.json` records the same check, done during development).
#[test]
fn python_decrypts_and_verifies_crate_output_when_available() {
    let has_python = std::process::Command::new("python3")
        .args(["-c", "import cryptography"])
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false);
    if !has_python {
        eprintln!("NOTE: python3 with `cryptography` not found: live Python check skipped");
        return;
    }
    let client = offline_client();
    let req = OrderDetailRequest::new(APP_KEY, "10000000002");
    let http = client.prepare(&req).unwrap();
    let script = format!("{}/testdata/verify_crate_output.py", env!("CARGO_MANIFEST_DIR"));
    let mut child = std::process::Command::new("python3")
        .arg(script)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child.stdin.take().unwrap().write_all(&http.body).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "python rejected the crate's request");
    let plaintext: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(plaintext, serde_json::json!({"appKey": APP_KEY, "orderNum": "10000000002"}));
}

#[test]
fn committed_crate_output_was_verified_by_python() {
    // testdata/crate_output_request.json was produced by the crate (`write_crate_output` below)
    // and testdata/crate_output_plaintext.json is exactly what verify_crate_output.py printed
    // after decrypting and verifying it (commands in testdata/README.md).
    let request: serde_json::Value = serde_json::from_str(&testdata("crate_output_request.json")).unwrap();
    let plaintext = testdata("crate_output_plaintext.json");
    assert_eq!(request["app_id"], APP_KEY);
    assert_eq!(plaintext, r#"{"appKey":"test-app-key","orderNum":"10000000002"}"#);
    // The crate still produces the signature Python verified (PKCS#1 v1.5 signing is
    // deterministic), and the data Python decrypted still decrypts to the same plaintext here.
    let key = sign_core::rsa::PrivateKey::parse(&testdata("merchant_private.pem")).unwrap();
    assert_eq!(chainup_opay::auth::sign(plaintext.as_bytes(), &key).unwrap(), request["sign"].as_str().unwrap());
    let ciphertext = sign_core::encoding::base64_decode_lenient(request["data"].as_str().unwrap()).unwrap();
    assert_eq!(textbook_open(&ciphertext), plaintext.as_bytes());
    let client_now = offline_client().prepare(&OrderDetailRequest::new(APP_KEY, "10000000002")).unwrap();
    let now: serde_json::Value = serde_json::from_slice(&client_now.body).unwrap();
    assert_eq!(now["sign"], request["sign"]);
}

/// Regenerates testdata/crate_output_request.json (see testdata/README.md).
#[test]
#[ignore = "writes testdata; run by hand when regenerating fixtures"]
fn write_crate_output() {
    let http = offline_client().prepare(&OrderDetailRequest::new(APP_KEY, "10000000002")).unwrap();
    let path = format!("{}/testdata/crate_output_request.json", env!("CARGO_MANIFEST_DIR"));
    std::fs::write(path, &http.body).unwrap();
}

fn java_fixtures() -> serde_json::Value {
    serde_json::from_str(&testdata("java_fixtures.json")).expect("java fixtures are JSON")
}

#[test]
fn java_xrsa_callback_verifies() {
    let f = java_fixtures();
    let n = offline_client().verify_notification(NO_HEADERS, f["callback"].as_str().unwrap().as_bytes()).unwrap();
    assert_eq!(n.out_order_id, "J-1000000009");
    assert_eq!(n.order_num, "10000000003");
    assert_eq!(n.order_status, OrderStatus::Failed);
    assert_eq!(n.pay_amount.to_string(), "0.00012345");
}

#[cfg(feature = "sandbox")]
#[test]
fn java_xrsa_request_is_accepted_by_the_sandbox_and_signs_like_the_crate() {
    use chainup_opay::sandbox::{Sandbox, SandboxKeys};
    let f = java_fixtures();
    let key = sign_core::rsa::PrivateKey::parse(&testdata("merchant_private.pem")).unwrap();
    assert_eq!(
        chainup_opay::auth::sign(br#"{"orderNum":"1"}"#, &key).unwrap(),
        f["sign_of_orderNum_1"].as_str().unwrap()
    );
    let keys = SandboxKeys::new(&testdata("platform_private.pem"), &testdata("merchant_public.b64"), None).unwrap();
    let sandbox = Sandbox::start_with(APP_KEY, keys).unwrap();
    let request = sign_core::HttpRequest::new(
        sign_core::Method::Post,
        format!("{}/platformapi/chainup/open/opay/createThirdOrder", sandbox.base_url()),
    )
    .with_header("Content-Type", "application/json")
    .with_body(f["request"].as_str().unwrap().to_owned());
    let created = offline_client().parse::<CreateThirdOrderRequest>(&sandbox.handle(&request)).unwrap();
    let order = sandbox.order(created.order_num.as_str()).unwrap();
    assert_eq!(order.app_order_id, "java-11321");
    assert_eq!(order.pay_coin_symbol, "USDT");
    assert_eq!(order.order_amount.to_string(), "0.5");
}

#[test]
fn java_decrypted_and_verified_the_committed_crate_output() {
    // `java XRsaFixtures.java verify < crate_output_request.json` printed the same bytes as Python.
    assert_eq!(testdata("crate_output_plaintext_java.json"), testdata("crate_output_plaintext.json"));
}
