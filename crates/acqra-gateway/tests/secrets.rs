//! Every public type that holds a secret (app secret, token, card number, CVC, recurring
//! credential) is formatted with `{:?}` (and `{}` where it has `Display`) and must not show it.

mod common;

use std::sync::Arc;
use std::time::Duration;

use acqra_gateway::{
    AccessToken, Client, Config, Decimal, Error, MitPaymentRequest, PaymentResponse, SubscriptionPaymentRequest,
    SubscriptionPaymentResponse, TokenCache, TokenRequest, TokenResponse,
};
use common::*;
use sign_core::HttpResponse;

const APP_SECRET: &str = "APPSECRET-5f1e9c";
const TOKEN: &str = "TOKEN-77aa31bd";
const CREDENTIAL: &str = "000000000000020005060720116005061";

fn assert_hidden(shown: &str) {
    for secret in [APP_SECRET, TOKEN, CARD_NO, CREDENTIAL, "411111111111", "5061"] {
        assert!(!shown.contains(secret), "{secret} shown in: {shown}");
    }
    assert!(!shown.contains(&format!("\"{CVC}\"")) && !shown.contains(CVC), "CVC shown in: {shown}");
}

#[test]
fn no_public_type_prints_a_secret() {
    let builder = Config::builder().base_url("https://gw.example.com").app_id("app").secret(APP_SECRET);
    let config = builder.clone().build().unwrap();
    let token = AccessToken::new(TOKEN, Some(Duration::from_secs(3600)));
    let cache = TokenCache::new(Duration::from_secs(60), Duration::from_secs(300));
    let cached = cache.store(token.clone(), time::OffsetDateTime::UNIX_EPOCH);
    let client = Client::with_transport(config.clone(), Arc::new(Scripted::default()));
    let payment = card_payment("ORD-RED001", "1.00", CARD_NO);
    let mit =
        MitPaymentRequest::new(Decimal::from(1), billing(), card(CARD_NO), acqra_gateway::Currency::USD, "ORD-RED002");
    let sub = SubscriptionPaymentRequest::new(Decimal::from(1), "06", "2099", "ORD-RED003")
        .with_card_no(CARD_NO)
        .with_transaction_identifier(CREDENTIAL);
    let pay_resp = PaymentResponse::new(Decimal::from(1), acqra_gateway::Currency::USD, "ORD-RED001", "T1")
        .with_transaction_identifier(CREDENTIAL);
    let sub_resp = SubscriptionPaymentResponse::new(Decimal::from(1), acqra_gateway::Currency::USD, "ORD-RED003", "T3")
        .with_transaction_identifier(CREDENTIAL);
    let token_req = TokenRequest::new("app", APP_SECRET);
    let token_resp = TokenResponse::new("0000").with_resp_msg("ok").with_access_token(TOKEN);
    let prepared = client.prepare(&payment, &token).unwrap();

    for shown in [
        format!("{builder:?}"),
        format!("{config:?}"),
        format!("{token:?} {token}"),
        format!("{cache:?}"),
        format!("{cached:?}"),
        format!("{client:?}"),
        format!("{payment:?}"),
        format!("{mit:?}"),
        format!("{sub:?}"),
        format!("{pay_resp:?}"),
        format!("{sub_resp:?}"),
        format!("{token_req:?}"),
        format!("{token_resp:?}"),
        format!("{prepared:?}"),
    ] {
        assert_hidden(&shown);
    }

    // Errors: every variant, including API messages that quote a card number.
    let resp = HttpResponse::json(200, format!(r#"{{"respCode":"9999","respMsg":"card {CARD_NO} cvc {CVC}"}}"#));
    let api = client.parse::<acqra_gateway::PaymentRequest>(&resp).unwrap_err();
    let bad_json = HttpResponse::json(200, format!(r#"{{"respCode":"0000","amount":"{CARD_NO}x"}}"#));
    let decode = client.parse::<acqra_gateway::PaymentRequest>(&bad_json).unwrap_err();
    let invalid = client.prepare(&card_payment("ORD-RED004", "1.00", "41111111111x1112"), &token).unwrap_err();
    for e in [api, decode, invalid, Error::Unauthorized, Error::HttpStatus { status: 500 }] {
        let shown = format!("{e} {e:?}");
        assert!(!shown.contains(CARD_NO) && !shown.contains("11111111111x1112"), "{shown}");
        assert!(!shown.contains(APP_SECRET) && !shown.contains(TOKEN), "{shown}");
    }
}

#[cfg(feature = "sandbox")]
#[test]
fn sandbox_types_do_not_print_tokens() {
    let sandbox = acqra_gateway::sandbox::Sandbox::start().unwrap();
    let client = sandbox.client().unwrap();
    let t = client.access_token().unwrap();
    let value = t.token().secret().expose().to_owned();
    for shown in [format!("{sandbox:?}"), format!("{:?}", sandbox.gateway()), format!("{client:?}"), format!("{t:?}")] {
        assert!(!shown.contains(&value), "{shown}");
        assert!(!shown.contains(acqra_gateway::sandbox::SECRET), "{shown}");
    }
}
