//! The sans-IO halves on their own: build every request with `prepare_token_request` /
//! `prepare_with_token`, answer it with the sandbox's `handle` (no socket at all), and read the
//! answers with `parse_token_response` / `parse`. This is how an async application uses the crate.

#![cfg(feature = "sandbox")]

mod common;

use std::sync::Arc;

use acqra_gateway::sandbox::{self, SandboxGateway};
use acqra_gateway::token::parse_token_response;
use acqra_gateway::{Capture, Client, Config, Decimal, OrderStatus, Payment, PaymentMethodType, Query};
use common::*;

#[test]
fn a_payment_without_any_socket() {
    let gateway = SandboxGateway::default();
    let config = Config::builder("http://sandbox.invalid", sandbox::APP_ID, sandbox::SECRET).build().unwrap();
    // The transport is never used: it would panic (no scripted answers).
    let client = Client::with_transport(config, Arc::new(Scripted::default()));

    let token_request = client.prepare_token_request().unwrap();
    assert_eq!(token_request.url, "http://sandbox.invalid/gateway/v1/connect/token");
    let token = parse_token_response(&gateway.handle(&token_request)).unwrap();

    let payment = card_payment("ORD-SANS01", "12.34", CARD_NO);
    let request = client.prepare_with_token(&payment, &token).unwrap();
    assert_eq!(request.header("Authorization"), Some(token.secret().expose()));
    assert!(!request.idempotent);
    let paid = client.parse::<Payment>(&gateway.handle(&request)).unwrap();
    assert_eq!(paid.order_status, Some(OrderStatus::Authorized));

    let capture = Capture::new("12.34".parse::<Decimal>().unwrap()).with_trade_no(paid.trade_no.as_str());
    let captured = client.parse::<Capture>(&gateway.handle(&client.prepare_with_token(&capture, &token).unwrap()));
    assert_eq!(captured.unwrap().order_status, Some(OrderStatus::Successed));

    let query = Query::new(PaymentMethodType::Card).with_order_no("ORD-SANS01");
    let request = client.prepare_with_token(&query, &token).unwrap();
    assert!(request.idempotent);
    let q = client.parse::<Query>(&gateway.handle(&request)).unwrap();
    assert_eq!(q.order.unwrap().order_status, Some(OrderStatus::Successed));
    assert_eq!(gateway.tokens_issued(), 1);
}

#[test]
fn many_threads_one_token_from_the_sandbox() {
    let sandbox = sandbox::Sandbox::start().unwrap();
    let client = sandbox.client().unwrap();
    let payment = client.create_payment(&card_payment("ORD-THRD01", "5.00", CARD_NO)).unwrap();
    assert_eq!(sandbox.gateway().tokens_issued(), 1);
    sandbox.gateway().expire_tokens();
    client.token_cache().clear();
    let start = Arc::new(std::sync::Barrier::new(8));
    let handles: Vec<_> = (0..8)
        .map(|_| {
            let (client, start, trade) = (client.clone(), start.clone(), payment.trade_no.clone());
            std::thread::spawn(move || {
                start.wait();
                client.query_payment(&Query::new(PaymentMethodType::Card).with_trade_no(trade)).map(|_| ())
            })
        })
        .collect();
    for h in handles {
        h.join().unwrap().unwrap();
    }
    assert_eq!(sandbox.gateway().tokens_issued(), 2);
}
