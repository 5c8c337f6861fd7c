//! No public type holding a credential prints it, through `{:?}` or `{}`.

use std::sync::Arc;

use sign_core::{FixedClock, HttpRequest, HttpResponse, Transport, TransportError};
use visagenius::{Client, Config, Error, Fen, OrderPayRequest};

const ACCESS_KEY: &str = "AK-very-secret-access-key-123";
const SECRET_KEY: &str = "SK-very-secret-hmac-key-456";

fn assert_clean(what: &str, text: &str) {
    for secret in [ACCESS_KEY, SECRET_KEY] {
        assert!(!text.contains(secret), "{what} leaks a credential: {text}");
    }
}

#[derive(Debug)]
struct Refuses;
impl Transport for Refuses {
    fn send(&self, _: &HttpRequest) -> Result<HttpResponse, TransportError> {
        Ok(HttpResponse::json(400, r#"{"ret":-1,"msg":"Authorization签名错误"}"#.as_bytes().to_vec()))
    }
}

#[test]
fn config_builder_config_client_request_and_errors_are_redacted() {
    let builder =
        Config::builder().base_url("https://vg.example").appid("app").access_key(ACCESS_KEY).secret_key(SECRET_KEY);
    assert_clean("ConfigBuilder", &format!("{builder:?}"));
    let config = builder.build().unwrap();
    let debug = format!("{config:?}");
    assert_clean("Config", &debug);
    assert!(debug.contains("app") && debug.contains("[REDACTED]"), "{debug}");
    let client =
        Client::with_transport(config, Arc::new(Refuses)).with_clock(Arc::new(FixedClock::from_unix_millis(0)));
    assert_clean("Client", &format!("{client:?}"));
    let request = client.prepare(&OrderPayRequest::new(1, Fen(1))).unwrap();
    let request_debug = format!("{request:?}");
    assert_clean("HttpRequest", &request_debug);
    // The signature itself is not printed either.
    let auth = request.header("Authorization").unwrap();
    assert!(!request_debug.contains(auth.trim_start_matches("Basic ")), "{request_debug}");
    let err = client.order_pay(&OrderPayRequest::new(1, Fen(1))).unwrap_err();
    assert!(matches!(err, Error::Api { .. }));
    assert_clean("Error", &format!("{err:?} {err}"));
    // Config errors name the field, never the value.
    let err = Config::builder()
        .base_url("https://vg.example")
        .appid(SECRET_KEY.replace('-', " "))
        .access_key(ACCESS_KEY)
        .secret_key(SECRET_KEY)
        .build()
        .unwrap_err();
    assert_clean("config Error", &format!("{err:?} {err}"));
    assert!(!format!("{err}").contains("very secret"));
}

#[cfg(feature = "sandbox")]
#[test]
fn sandbox_debug_is_clean() {
    let sandbox = visagenius::sandbox::Sandbox::start().unwrap();
    let text = format!("{sandbox:?} {:?}", sandbox.config_builder());
    assert!(!text.contains(visagenius::sandbox::SANDBOX_SECRET_KEY), "{text}");
    assert!(!text.contains(visagenius::sandbox::SANDBOX_ACCESS_KEY), "{text}");
}

/// Found by `cargo xtask sweep` (visagenius_responses): a refusal whose `msg` echoes a card number
/// kept it whole in `Error::Api`.
#[test]
fn card_numbers_in_a_refusal_are_masked() {
    let config =
        Config::builder().base_url("https://vg.example").appid("app").access_key(ACCESS_KEY).secret_key(SECRET_KEY);
    let client = Client::sans_io(config.build().unwrap());
    let body = r#"{"ret":9999,"msg":"card 4000056655665556 declined"}"#;
    let e = client.parse::<OrderPayRequest>(&HttpResponse::json(200, body.as_bytes().to_vec())).unwrap_err();
    let shown = format!("{e} {e:?}");
    assert!(matches!(e, Error::Api { .. }) && !shown.contains("400005665566"), "{shown}");
    assert!(shown.contains("************5556"), "{shown}");
}

/// A server that echoes the string it signed (`access_key \n appid \n date`) in `msg` must not put
/// the credential into `Error::Api`: it is replaced before the message is cut.
#[test]
fn an_echoed_access_key_never_reaches_an_error() {
    let config =
        Config::builder().base_url("https://vg.example").appid("app").access_key(ACCESS_KEY).secret_key(SECRET_KEY);
    let client = Client::sans_io(config.build().unwrap());
    let near_the_cut = "x".repeat(500);
    for msg in [
        format!("Authorization签名错误, 待签名串: {ACCESS_KEY}\\napp\\nFri, 21 Oct 2022 07:28:00 GMT"),
        format!("{near_the_cut}{ACCESS_KEY}"),
        format!("bad key {SECRET_KEY}"),
    ] {
        let body = serde_json::json!({"ret": -1, "msg": msg}).to_string();
        let e = client.parse::<OrderPayRequest>(&HttpResponse::json(400, body.into_bytes())).unwrap_err();
        let shown = format!("{e} {e:?}");
        assert_clean("Error::Api", &shown);
        assert!(shown.contains("[RED"), "replaced, not dropped: {shown}");
    }
}
