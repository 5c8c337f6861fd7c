//! No public type prints a secret: MD5 secret keys and RSA private keys never appear in `Debug`
//! or `Display` output.
#![cfg(feature = "ureq")]

use sign_core::SecretString;
use sign_core::rsa::PrivateKey;
use vip_charge::{Client, Config, SigningKey, VerifyingKey};

const SECRET: &str = "md5-Secret-Value-0123456789";
const PEM: &str = include_str!("../testdata/merchant_private_key.pem");

/// Pieces of the private key's Base64 that must never be printed.
fn key_fragments() -> Vec<String> {
    PEM.lines().filter(|l| !l.starts_with("-----")).map(|l| l[..16].to_owned()).collect()
}

fn assert_clean(what: &str, text: &str) {
    assert!(!text.contains(SECRET), "{what} leaks the MD5 secret: {text}");
    for fragment in key_fragments() {
        assert!(!text.contains(&fragment), "{what} leaks private key material: {text}");
    }
}

#[test]
fn configs_clients_and_keys_are_redacted() {
    let md5_builder = Config::builder().base_url("https://h.example").business_id("55").md5_secret_key(SECRET);
    assert_clean("ConfigBuilder", &format!("{md5_builder:?}"));
    let md5 = md5_builder.build().unwrap();
    assert_clean("Config", &format!("{md5:?}"));
    let client = Client::new(md5.clone());
    assert_clean("Client", &format!("{client:?}"));

    let rsa_builder = Config::builder().base_url("https://h.example").business_id("55").rsa_private_key(PEM);
    assert_clean("ConfigBuilder(rsa)", &format!("{rsa_builder:?}"));
    let rsa = rsa_builder.build().unwrap();
    assert_clean("Config(rsa)", &format!("{rsa:?}"));

    let key = PrivateKey::parse(PEM).unwrap();
    assert_clean("SigningKey", &format!("{:?}", SigningKey::Sha256Rsa(key)));
    assert_clean("SigningKey", &format!("{:?}", SigningKey::Md5(SecretString::new(SECRET))));
    assert_clean("VerifyingKey", &format!("{:?}", VerifyingKey::Md5(SecretString::new(SECRET))));

    let file_builder = Config::builder()
        .base_url("https://h.example")
        .business_id("55")
        .rsa_private_key_file(concat!(env!("CARGO_MANIFEST_DIR"), "/testdata/merchant_private_key.pem"));
    assert_clean("ConfigBuilder(file)", &format!("{file_builder:?}"));
    assert_clean("Config(file)", &format!("{:?}", file_builder.build().unwrap()));

    // Requests carry the signature in a header: Debug shows header names only.
    let request = client.prepare(&vip_charge::ProductListRequest::new("1")).unwrap();
    let text = format!("{request:?}");
    assert!(!text.contains(request.header("sign").unwrap()), "{text}");
}

#[test]
fn errors_do_not_quote_keys() {
    // A corrupted key: the error names the problem, not the bytes.
    let broken = PEM.replace('A', "*");
    let err = Config::builder().base_url("https://h.example").business_id("55").rsa_private_key(broken).build();
    let err = err.unwrap_err();
    assert_clean("Error", &format!("{err:?} {err}"));
    let err = Config::builder()
        .base_url("https://h.example")
        .business_id("55")
        .md5_secret_key(SECRET)
        .send_sign_type_header(false)
        .build()
        .unwrap_err();
    assert_clean("Error", &format!("{err:?} {err}"));
}

#[cfg(feature = "sandbox")]
#[test]
fn the_sandbox_is_redacted() {
    let builder = vip_charge::sandbox::Sandbox::builder()
        .md5_secret_key(SECRET)
        .merchant_key(PrivateKey::parse(PEM).unwrap())
        .platform_key(PrivateKey::parse(include_str!("../testdata/platform_private_key.pem")).unwrap());
    assert_clean("SandboxBuilder", &format!("{builder:?}"));
    let sandbox = builder.start().unwrap();
    assert_clean("Sandbox", &format!("{sandbox:?}"));
    assert_clean("Sandbox config", &format!("{:?}", sandbox.config_builder_with_sign_type(vip_charge::SignType::Md5)));
    assert_clean("Sandbox config", &format!("{:?}", sandbox.config_builder()));
    assert_clean("Sandbox key", &format!("{:?} {}", sandbox.md5_secret_key(), sandbox.md5_secret_key()));
}

/// A platform that echoes what it signed (`businessId=..&nonce=..&timestamp=..{body}{secret}` for
/// MD5) in its failure `message` must not put the MD5 secret into an error: it is replaced before
/// the message is cut, wherever it sits.
#[test]
fn an_echoed_md5_secret_never_reaches_an_error() {
    let config = Config::builder()
        .base_url("https://h.example")
        .business_id("55")
        .md5_secret_key(SECRET)
        .additional_md5_secret_key("old-Md5-Secret-987654")
        .build()
        .unwrap();
    let client = Client::sans_io(config);
    let near_the_cut = "x".repeat(500);
    for message in [
        format!("验签失败, 待签名串: businessId=55&nonce=n&timestamp=1{{}}{SECRET}"),
        format!("{near_the_cut}{SECRET}"),
        "old key old-Md5-Secret-987654 retired".to_owned(),
    ] {
        // A refusal, and a success-looking answer under another status (which keeps its message).
        for body in [
            serde_json::json!({"status": 2, "message": message}),
            serde_json::json!({"status": 961, "message": format!("success {message}"), "data": {"orderCode": "OC1"}}),
        ] {
            let response = sign_core::HttpResponse::json(200, body.to_string().into_bytes());
            let err = client.parse::<vip_charge::VipChargeRequest>(&response).unwrap_err();
            let text = format!("{err} {err:?}");
            assert_clean("Error::Api", &text);
            assert!(!text.contains("old-Md5-Secret"), "{text}");
            assert!(text.contains("[RED"), "replaced, not dropped (cut at 512 characters): {text}");
        }
    }
}
