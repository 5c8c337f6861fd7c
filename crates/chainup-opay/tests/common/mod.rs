//! Shared test helpers: the committed TEST-ONLY keys and the Python-made fixtures
//! (see testdata/README.md).
#![allow(dead_code)]

use std::sync::Arc;

use chainup_opay::{Client, Config, ConfigBuilder, FixedClock};

pub const APP_KEY: &str = "test-app-key";
/// The Python fixtures' `time`, and the clock tests run at.
pub const NOW_MS: i64 = 1_700_000_000_000;

pub fn testdata(name: &str) -> String {
    let path = format!("{}/testdata/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

pub fn fixtures() -> serde_json::Value {
    serde_json::from_str(&testdata("python_fixtures.json")).expect("fixtures are JSON")
}

pub fn fixture_str(name: &str) -> String {
    fixtures()[name].as_str().unwrap_or_else(|| panic!("fixture {name}")).to_owned()
}

/// No headers: opay's callbacks carry everything in the body.
pub const NO_HEADERS: [(&str, &str); 0] = [];

pub fn builder(base_url: &str) -> ConfigBuilder {
    Config::builder()
        .base_url(base_url)
        .app_key(APP_KEY)
        .merchant_private_key(testdata("merchant_private.pem"))
        .platform_public_key(testdata("platform_public.b64"))
}

pub fn client_at(base_url: &str) -> Client {
    Client::new(builder(base_url).build().expect("config")).with_clock(Arc::new(FixedClock::from_unix_millis(NOW_MS)))
}

/// A client whose transport is never used (for parse-only and callback tests). Its callback
/// replay guard is off: these tests verify the same fixtures again and again (the guard is tested
/// in `tests/security.rs`).
pub fn offline_client() -> Client {
    let config = builder("https://service.example.com").callback_replay_protection(false).build().expect("config");
    Client::new(config).with_clock(Arc::new(FixedClock::from_unix_millis(NOW_MS)))
}
