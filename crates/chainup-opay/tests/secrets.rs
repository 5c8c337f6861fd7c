//! No public type prints a key, a token or a decrypted payload.

mod common;

use chainup_opay::SecretString;
use chainup_opay::{CreateThirdOrderRequest, Error, OrderDetailRequest, Payer, PaymentPage};
use common::*;

const TOKEN: &str = "tok-2ae04ed9165624419bad68e9e0f3f29fbd";

/// Pieces of the private keys that must never appear in output.
fn key_fragments() -> Vec<String> {
    let mut out = Vec::new();
    for who in ["merchant", "platform"] {
        let pem = testdata(&format!("{who}_private.pem"));
        // Every full Base64 line of the PEM body.
        out.extend(pem.lines().filter(|l| !l.starts_with("-----")).map(str::to_owned));
    }
    out
}

fn assert_clean(what: &str, text: &str) {
    assert!(!text.contains(TOKEN), "{what} shows the token: {text}");
    for f in key_fragments() {
        assert!(!text.contains(&f[..20.min(f.len())]), "{what} shows key material: {text}");
    }
}

#[test]
fn debug_and_display_never_show_secrets() {
    let config_builder = builder("https://s.example");
    assert_clean("ConfigBuilder", &format!("{config_builder:?}"));
    let config = config_builder.build().unwrap();
    assert_clean("Config", &format!("{config:?}"));
    let client = chainup_opay::Client::new(config);
    assert_clean("Client", &format!("{client:?}"));

    let create = CreateThirdOrderRequest::for_payer(
        Payer::OpenId("o".into()),
        "1",
        sign_core::Decimal::from(1),
        "BTC",
        "https://r",
        "https://n",
    )
    .with_token(SecretString::new(TOKEN));
    assert_clean("CreateThirdOrderRequest", &format!("{create:?}"));
    let detail = OrderDetailRequest::new(APP_KEY, "1").with_token(SecretString::new(TOKEN));
    assert_clean("OrderDetailRequest", &format!("{detail:?}"));
    let page = PaymentPage::new("https://s.example", APP_KEY, "1", Payer::UserId("u".into()))
        .with_token(SecretString::new(TOKEN));
    assert_clean("PaymentPage", &format!("{page:?}"));
    // The prepared request: the token is encrypted inside `data`, and Debug hides the body anyway.
    let http = client.prepare(&detail).unwrap();
    assert_clean("HttpRequest", &format!("{http:?}"));
    assert!(!String::from_utf8_lossy(&http.body).contains(TOKEN), "token sent in clear");

    #[cfg(feature = "sandbox")]
    {
        use chainup_opay::sandbox::{Sandbox, SandboxKeys};
        let keys = SandboxKeys::new(
            &testdata("platform_private.pem"),
            &testdata("merchant_public.b64"),
            Some(&testdata("merchant_private.pem")),
        )
        .unwrap();
        assert_clean("SandboxKeys", &format!("{keys:?}"));
        let sandbox = Sandbox::start_with(APP_KEY, keys).unwrap();
        assert_clean("Sandbox", &format!("{sandbox:?}"));
    }

    let errors = [
        Error::ResponseUnverified,
        Error::CallbackRejected,
        Error::Api { code: "1".into(), msg: "m".into(), status: 200 },
        builder("https://s.example")
            .merchant_private_key("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----")
            .build()
            .unwrap_err(),
        client.verify_notification(NO_HEADERS, fixture_str("callback_bad_padding").as_bytes()).unwrap_err(),
    ];
    for e in errors {
        assert_clean("Error", &format!("{e:?} {e}"));
    }
}
