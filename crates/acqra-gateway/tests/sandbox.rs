//! The client against the sandbox: the quickstart flow, the payment state machine's refusals,
//! token expiry, recurring payments and shipping.

mod common;

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::Duration;

use acqra_gateway::sandbox::{self, Sandbox, SandboxGateway, SandboxOptions, codes, poll_until};
use acqra_gateway::{
    CancelRequest, CaptureRequest, CashierOrderRequest, Client, Decimal, Error, MitPaymentRequest, OrderStatus,
    PaymentMethodType, QueryRequest, RefundQueryRequest, RefundRequest, RefundStatus, ShipmentDirection,
    ShippingRetrieveRequest, ShippingStatus, ShippingTrackingBatchRequest, ShippingTrackingModifyRequest,
    ShippingTrackingRequest, SubscriptionPaymentRequest, TrackingIterm, TrackingNumberType, TrackingOp,
};
use common::*;
use sign_core::{FixedClock, HttpRequest, Method};

/// How long a test waits for what a sandbox does in the background (a handler still running after
/// its client gave up on a delayed answer): far longer than it takes, so a busy machine cannot fail it.
const PATIENCE: std::time::Duration = std::time::Duration::from_secs(10);

fn dec(s: &str) -> Decimal {
    s.parse().unwrap()
}

fn started() -> (Sandbox, Client) {
    let sandbox = Sandbox::start().unwrap();
    let client = sandbox.client().unwrap();
    (sandbox, client)
}

fn code(e: Error) -> String {
    e.api_code().map(str::to_owned).unwrap_or_else(|| panic!("not an API error: {e:?}"))
}

#[test]
fn quickstart_flow() {
    let (sandbox, client) = started();
    let token = client.access_token().unwrap();
    assert!(!token.token().secret().is_empty());

    let session = client
        .cashier_order(&CashierOrderRequest::new(dec("25.00"), acqra_gateway::Currency::USD, "CS-000001"))
        .unwrap();
    assert!(session.redirect_url.contains("CS-000001"));

    let paid = client.payment(&card_payment("ORD-000001", "100.99", CARD_NO)).unwrap();
    assert_eq!(paid.order_status, Some(OrderStatus::Authorized));
    assert_eq!(paid.amount, dec("100.99"));

    let captured = client.capture(&CaptureRequest::new(dec("100.99")).with_trade_no(&paid.trade_no)).unwrap();
    assert_eq!(captured.order_status, Some(OrderStatus::Successed));

    let refund = RefundRequest::new(dec("30.50"), "10.1.1.1", "damaged", "RF-000001").with_order_no("ORD-000001");
    let refunded = client.refund(&refund).unwrap();
    assert_eq!(refunded.refund_status, RefundStatus::Accepted);
    assert_eq!(refunded.amount, dec("30.50"));

    let q = client.query(&QueryRequest::new(PaymentMethodType::Card).with_order_no("ORD-000001")).unwrap();
    let order = q.order.unwrap();
    assert_eq!(order.order_status, Some(OrderStatus::Successed));
    assert_eq!(order.pay_amount.unwrap().value(), dec("100.99").value());
    let refunds = q.refund.unwrap();
    assert_eq!(refunds.len(), 1);
    assert_eq!(refunds[0].amount.unwrap().value(), dec("30.50").value());
    assert_eq!(q.extend.unwrap().bin.as_deref(), Some("411111"));

    let rq = client.refund_query(&RefundQueryRequest::new(PaymentMethodType::Card).with_order_no("RF-000001")).unwrap();
    assert_eq!(rq.refund_trade_no, refunded.refund_trade_no);
    // By the original order, the latest refund.
    let rq2 =
        client.refund_query(&RefundQueryRequest::new(PaymentMethodType::Card).with_trade_no(&paid.trade_no)).unwrap();
    assert_eq!(rq2.refund_order_no, "RF-000001");

    // One token for the whole flow.
    assert_eq!(sandbox.gateway().tokens_issued(), 1);
}

/// With `variant_shapes` the sandbox answers with the shapes the documents leave open, so the
/// client and the quickstart meet them: no `respCode` on a capture, numeric trade numbers,
/// `trackings` as one string. The client reads each (sans-IO here, to see the raw answers).
#[test]
fn the_sandbox_answers_with_the_providers_variants() {
    let gateway = SandboxGateway::new(SandboxOptions::default().variant_shapes(true));
    let config = acqra_gateway::Config::builder().base_url("https://sandbox.invalid").app_id(sandbox::APP_ID);
    let client = Client::with_transport(config.secret(sandbox::SECRET).build().unwrap(), Arc::new(Scripted::default()));
    let token = client.parse_token_response(&gateway.handle(&client.prepare_token_request().unwrap())).unwrap();
    let raw = |answer: &sign_core::HttpResponse| serde_json::from_slice::<serde_json::Value>(&answer.body).unwrap();

    let paid = gateway.handle(&client.prepare(&card_payment("ORD-VAR001", "20.00", CARD_NO), &token).unwrap());
    let paid = client.parse::<acqra_gateway::PaymentRequest>(&paid).unwrap();
    let capture = CaptureRequest::new(dec("20.00")).with_trade_no(&paid.trade_no);
    let answer = gateway.handle(&client.prepare(&capture, &token).unwrap());
    assert!(raw(&answer).get("respCode").is_none(), "{:?}", raw(&answer));
    assert_eq!(client.parse::<CaptureRequest>(&answer).unwrap().order_status, Some(OrderStatus::Successed));

    let refund = RefundRequest::new(dec("5.00"), "10.1.1.1", "r", "RF-VAR001").with_trade_no(&paid.trade_no);
    let answer = gateway.handle(&client.prepare(&refund, &token).unwrap());
    assert!(raw(&answer)["refundTradeNo"].is_u64(), "{:?}", raw(&answer));
    let refunded = client.parse::<RefundRequest>(&answer).unwrap();
    let query = QueryRequest::new(PaymentMethodType::Card).with_trade_no(&paid.trade_no);
    let answer = gateway.handle(&client.prepare(&query, &token).unwrap());
    assert!(raw(&answer)["order"]["tradeNo"].is_u64() && raw(&answer)["refund"][0]["tradeNo"].is_u64());
    let q = client.parse::<QueryRequest>(&answer).unwrap();
    assert_eq!(q.order.unwrap().trade_no.as_deref(), Some(paid.trade_no.as_str()));
    assert_eq!(q.refund.unwrap()[0].trade_no.as_deref(), Some(refunded.refund_trade_no.as_str()));
}

/// By default every answer has the types of the document's schemas, read as raw JSON (apart
/// from the client's tolerant reader): `respCode` a string in every success, trade numbers
/// strings, `trackings` an array of strings.
#[test]
fn default_answers_have_exactly_the_documented_types() {
    let gateway = SandboxGateway::default();
    let config = acqra_gateway::Config::builder().base_url("https://sandbox.invalid").app_id(sandbox::APP_ID);
    let client = Client::with_transport(config.secret(sandbox::SECRET).build().unwrap(), Arc::new(Scripted::default()));
    let token = client.parse_token_response(&gateway.handle(&client.prepare_token_request().unwrap())).unwrap();
    let raw = |answer: &sign_core::HttpResponse| {
        let json = serde_json::from_slice::<serde_json::Value>(&answer.body).unwrap();
        assert_eq!(json["respCode"], codes::SUCCESS, "{json}");
        assert!(json["respMsg"].is_string(), "{json}");
        json
    };
    let string = |json: &serde_json::Value, field: &serde_json::Value| assert!(field.is_string(), "{json}");

    let paid = gateway.handle(&client.prepare(&card_payment("ORD-DOC001", "20.00", CARD_NO), &token).unwrap());
    let json = raw(&paid);
    string(&json, &json["tradeNo"]);
    let trade_no = json["tradeNo"].as_str().unwrap().to_owned();
    let capture = CaptureRequest::new(dec("20.00")).with_trade_no(&trade_no);
    let json = raw(&gateway.handle(&client.prepare(&capture, &token).unwrap()));
    string(&json, &json["tradeNo"]);
    let refund = RefundRequest::new(dec("5.00"), "10.1.1.1", "r", "RF-DOC001").with_trade_no(&trade_no);
    let json = raw(&gateway.handle(&client.prepare(&refund, &token).unwrap()));
    string(&json, &json["refundTradeNo"]);
    let by_refund = RefundQueryRequest::new(PaymentMethodType::Card).with_order_no("RF-DOC001");
    let json = raw(&gateway.handle(&client.prepare(&by_refund, &token).unwrap()));
    string(&json, &json["refundTradeNo"]);
    let query = QueryRequest::new(PaymentMethodType::Card).with_trade_no(&trade_no);
    let json = raw(&gateway.handle(&client.prepare(&query, &token).unwrap()));
    string(&json, &json["order"]["tradeNo"]);
    string(&json, &json["refund"][0]["tradeNo"]);
    assert!(json["order"]["payAmount"].is_number() && json["refund"][0]["amount"].is_number(), "{json}");

    let other = gateway.handle(&client.prepare(&card_payment("ORD-DOC002", "20.00", CARD_NO), &token).unwrap());
    let cancel = CancelRequest::new().with_trade_no(raw(&other)["tradeNo"].as_str().unwrap());
    raw(&gateway.handle(&client.prepare(&cancel, &token).unwrap()));

    let tracking = ShippingTrackingRequest::new(
        "FEDEX",
        "ORD-DOC001",
        "2025-06-09",
        ShipmentDirection::Forward,
        ShippingStatus::Shipped,
        "TRK-DOC1",
        TrackingNumberType::CarrierProvided,
    );
    let modify = ShippingTrackingModifyRequest::new(
        vec![TrackingIterm::new().with_op(TrackingOp::Replace).with_path("/status").with_value("DELIVERED")],
        "ORD-DOC001",
        "TRK-DOC1",
    );
    for answer in [
        gateway.handle(&client.prepare(&tracking, &token).unwrap()),
        gateway.handle(&client.prepare(&modify, &token).unwrap()),
    ] {
        let json = raw(&answer);
        let trackings = json["trackings"].as_array().unwrap_or_else(|| panic!("{json}"));
        assert!(trackings.len() == 1 && trackings[0].is_string(), "{json}");
    }
}

#[test]
fn impossible_transitions_are_refused() {
    let (_sandbox, client) = started();
    // Capture or refund a cancelled (voided) payment.
    let p = client.payment(&card_payment("ORD-VOID01", "50.00", CARD_NO)).unwrap();
    let voided = client.cancel(&CancelRequest::new().with_trade_no(&p.trade_no)).unwrap();
    assert_eq!(voided.order_status, Some(OrderStatus::Canceled));
    let e = client.capture(&CaptureRequest::new(dec("50.00")).with_trade_no(&p.trade_no)).unwrap_err();
    assert_eq!(code(e), codes::BAD_STATE);
    let e = client.cancel(&CancelRequest::new().with_trade_no(&p.trade_no)).unwrap_err();
    assert_eq!(code(e), codes::BAD_STATE);

    // Refund before capture; capture more than authorized; refund more than captured.
    let p = client.payment(&card_payment("ORD-CAPT01", "80.00", CARD_NO)).unwrap();
    let refund = |n: &str, amount: &str| RefundRequest::new(dec(amount), "10.1.1.1", "r", n).with_trade_no(&p.trade_no);
    assert_eq!(code(client.refund(&refund("RF-A", "1.00")).unwrap_err()), codes::BAD_STATE);
    let over = CaptureRequest::new(dec("80.01")).with_trade_no(&p.trade_no);
    assert_eq!(code(client.capture(&over).unwrap_err()), codes::AMOUNT_EXCEEDED);
    client.capture(&CaptureRequest::new(dec("60.00")).with_trade_no(&p.trade_no)).unwrap();
    assert_eq!(code(client.cancel(&CancelRequest::new().with_trade_no(&p.trade_no)).unwrap_err()), codes::BAD_STATE);
    let again = CaptureRequest::new(dec("1.00")).with_trade_no(&p.trade_no);
    assert_eq!(code(client.capture(&again).unwrap_err()), codes::BAD_STATE);
    client.refund(&refund("RF-B", "40.00")).unwrap();
    assert_eq!(code(client.refund(&refund("RF-C", "20.01")).unwrap_err()), codes::AMOUNT_EXCEEDED);
    client.refund(&refund("RF-C", "20.00")).unwrap();
    // The same refund sent again is answered the same; a different one under that number is refused.
    let replay = client.refund(&refund("RF-C", "20.00")).unwrap();
    assert_eq!(replay.refund_order_no, "RF-C");
    assert_eq!(code(client.refund(&refund("RF-C", "0.01")).unwrap_err()), codes::DUPLICATE);
    let q = client.query(&QueryRequest::new(PaymentMethodType::Card).with_trade_no(&p.trade_no)).unwrap();
    assert_eq!(q.refund.unwrap().len(), 2);

    // Duplicate order number, unknown order, declined card.
    let dup = client.payment(&card_payment("ORD-CAPT01", "1.00", CARD_NO)).unwrap_err();
    assert_eq!(code(dup), codes::DUPLICATE);
    let missing = QueryRequest::new(PaymentMethodType::Card).with_order_no("ORD-NOPE1");
    assert_eq!(code(client.query(&missing).unwrap_err()), codes::NOT_FOUND);
    let declined = client.payment(&card_payment("ORD-DECL01", "5.00", sandbox::DECLINED_CARD)).unwrap_err();
    assert_eq!(code(declined), codes::DECLINED);
    let q = client.query(&QueryRequest::new(PaymentMethodType::Card).with_order_no("ORD-DECL01")).unwrap();
    assert_eq!(q.order.unwrap().order_status, Some(OrderStatus::Unknown("failed".into())));
}

#[test]
fn payment_with_the_documented_unionpay_card_is_judged_by_the_gateway() {
    let (_sandbox, client) = started();
    // The gateway's example card fails the Luhn check: the client sends it, the sandbox approves it.
    let p = client.payment(&card_payment("ORD-UPI001", "5.00", sandbox::UNIONPAY_CARD)).unwrap();
    assert_eq!(p.order_status, Some(OrderStatus::Authorized));
    let q = client.query(&QueryRequest::new(PaymentMethodType::Card).with_trade_no(&p.trade_no)).unwrap();
    assert_eq!(q.order.unwrap().brand.as_deref(), Some("UNIONPAY"));
    // Another number failing the check reaches the gateway too, which declines it: a definite refusal.
    let e = client.payment(&card_payment("ORD-LUHN01", "5.00", "4111111111111112")).unwrap_err();
    assert_eq!(e.api_code(), Some(codes::DECLINED));
    assert!(!e.outcome_unknown() && !e.to_string().contains("41111111"), "{e}");
}

#[test]
fn expired_tokens_get_401_and_the_client_recovers() {
    let clock = Arc::new(FixedClock::from_unix_millis(1_750_000_000_000));
    let opts = SandboxOptions::default().with_clock(clock.clone()).with_token_lifetime(Duration::from_secs(600));
    let sandbox = Sandbox::start_with(opts).unwrap();
    // The client's own clock stands still, so it believes its token is fresh: only the gateway's
    // 401 can tell it otherwise.
    let client = sandbox.client().unwrap().with_clock(Arc::new(FixedClock::from_unix_millis(1_750_000_000_000)));
    client.payment(&card_payment("ORD-EXP001", "10.00", CARD_NO)).unwrap();
    clock.advance(Duration::from_secs(601));
    let q = client.query(&QueryRequest::new(PaymentMethodType::Card).with_order_no("ORD-EXP001")).unwrap();
    assert_eq!(q.order.unwrap().order_status, Some(OrderStatus::Authorized));
    assert_eq!(sandbox.gateway().tokens_issued(), 2);
    // A revoked token: by default the non-idempotent capture is not repeated (its outcome is
    // unknown to the client), the query tells what happened, and the capture is sent again.
    sandbox.gateway().expire_tokens();
    let capture = CaptureRequest::new(dec("10.00")).with_order_no("ORD-EXP001");
    let e = client.capture(&capture).unwrap_err();
    assert!(matches!(e, Error::Unauthorized) && e.outcome_unknown(), "{e:?}");
    let q = client.query(&QueryRequest::new(PaymentMethodType::Card).with_order_no("ORD-EXP001")).unwrap();
    assert_eq!(q.order.unwrap().order_status, Some(OrderStatus::Authorized));
    assert_eq!(client.capture(&capture).unwrap().order_status, Some(OrderStatus::Successed));
    assert_eq!(sandbox.gateway().tokens_issued(), 3);
    // Opted in, where a 401 is known to mean "not processed": repeated once, applied exactly once.
    let client = client.repeat_after_unauthorized(true);
    client.payment(&card_payment("ORD-EXP002", "10.00", CARD_NO)).unwrap();
    sandbox.gateway().expire_tokens();
    let c = client.capture(&CaptureRequest::new(dec("10.00")).with_order_no("ORD-EXP002")).unwrap();
    assert_eq!(c.order_status, Some(OrderStatus::Successed));
    assert_eq!(sandbox.gateway().tokens_issued(), 5);
}

#[test]
fn the_sandbox_checks_the_token_itself() {
    let gw = SandboxGateway::default();
    let query = br#"{"orderNo":"ORD-000001","paymentMethodType":"card"}"#.to_vec();
    let req = |auth: Option<&str>| {
        let r = HttpRequest::new(Method::Post, "http://sandbox/gateway/v1/query")
            .with_header("Content-Type", "application/json")
            .with_body(query.clone());
        match auth {
            Some(a) => r.with_header("Authorization", a),
            None => r,
        }
    };
    assert_eq!(gw.handle(&req(None)).status, 401);
    assert_eq!(gw.handle(&req(Some("made-up"))).status, 401);
    let token = gw.handle(
        &HttpRequest::new(Method::Post, "http://sandbox/gateway/v1/connect/token")
            .with_header("Content-Type", "application/json")
            .with_body(format!(r#"{{"appId":"{}","secret":"{}"}}"#, sandbox::APP_ID, sandbox::SECRET)),
    );
    let v: serde_json::Value = serde_json::from_slice(&token.body).unwrap();
    let t = v["accessToken"].as_str().unwrap();
    assert_eq!(v["expiresIn"], 3600);
    assert_eq!(gw.handle(&req(Some(&format!("Bearer {t}")))).status, 401);
    let ok = gw.handle(&req(Some(t)));
    assert_eq!(ok.status, 200);
    // Authenticated, but no such order: the envelope says so.
    let v: serde_json::Value = serde_json::from_slice(&ok.body).unwrap();
    assert_eq!(v["respCode"], codes::NOT_FOUND);
    // Wrong secret.
    let bad = gw.handle(
        &HttpRequest::new(Method::Post, "http://sandbox/gateway/v1/connect/token")
            .with_header("Content-Type", "application/json")
            .with_body(format!(r#"{{"appId":"{}","secret":"wrong"}}"#, sandbox::APP_ID)),
    );
    let v: serde_json::Value = serde_json::from_slice(&bad.body).unwrap();
    assert_eq!(v["respCode"], codes::BAD_CREDENTIALS);
    // Unknown path and a body that is not JSON (never echoed back: it could hold a card number).
    assert_eq!(gw.handle(&HttpRequest::new(Method::Post, "http://sandbox/nope")).status, 404);
    let junk = gw.handle(
        &HttpRequest::new(Method::Post, "http://sandbox/gateway/v1/payment")
            .with_header("Content-Type", "application/json")
            .with_header("Authorization", t)
            .with_body(b"cardNo=4111111111111111".to_vec()),
    );
    assert!(!String::from_utf8_lossy(&junk.body).contains("4111"));
}

/// Every request sample sends `Content-Type: application/json`, and the gateway reads a JSON body:
/// another media type (or none) is HTTP 415, as a Spring `@RequestBody` endpoint answers, for the
/// token request too; a charset parameter or another spelling of the type is still JSON.
#[test]
fn requests_that_are_not_declared_json_are_unsupported_media_types() {
    let gw = SandboxGateway::default();
    let token = token_of(&gw);
    let query = br#"{"orderNo":"ORD-000001","paymentMethodType":"card"}"#;
    let credentials = format!(r#"{{"appId":"{}","secret":"{}"}}"#, sandbox::APP_ID, sandbox::SECRET);
    let send = |path: &str, content_type: Option<&str>, body: &[u8]| {
        let mut r = HttpRequest::new(Method::Post, format!("http://sandbox/gateway/v1/{path}"))
            .with_header("Authorization", token.as_str())
            .with_body(body.to_vec());
        if let Some(t) = content_type {
            r = r.with_header("Content-Type", t);
        }
        gw.handle(&r).status
    };
    for content_type in [None, Some("text/plain"), Some("application/x-www-form-urlencoded"), Some("")] {
        assert_eq!(send("query", content_type, query), 415, "{content_type:?}");
        assert_eq!(send("connect/token", content_type, credentials.as_bytes()), 415, "{content_type:?}");
    }
    let issued = gw.tokens_issued();
    for content_type in ["application/json", "application/json;charset=UTF-8", "Application/JSON ; charset=utf-8"] {
        assert_eq!(send("query", Some(content_type), query), 200, "{content_type}");
        assert_eq!(send("connect/token", Some(content_type), credentials.as_bytes()), 200, "{content_type}");
    }
    assert_eq!(gw.tokens_issued(), issued + 3);
}

#[test]
fn wrong_credentials_are_an_api_error() {
    let sandbox = Sandbox::start().unwrap();
    let cfg = acqra_gateway::Config::builder()
        .base_url(sandbox.base_url())
        .app_id(sandbox::APP_ID)
        .secret("not-the-secret")
        .build()
        .unwrap();
    let client = Client::new(cfg);
    let e = client.payment(&card_payment("ORD-000009", "1.00", CARD_NO)).unwrap_err();
    // The token request was refused; the payment itself never left.
    assert!(e.credentials_refused() && e.outcome().is_not_sent(), "{e:?}");
    assert!(matches!(&e, Error::TokenRequest { source } if source.api_code() == Some(codes::BAD_CREDENTIALS)));
    assert_eq!(sandbox.gateway().tokens_issued(), 0);
}

// Faults planned on the sandbox, seen through the client.

fn pay(client: &Client, order_no: &str) -> Result<acqra_gateway::PaymentResponse, Error> {
    client.payment(&card_payment(order_no, "10.00", CARD_NO))
}

fn order_status(client: &Client, order_no: &str) -> Option<OrderStatus> {
    let q = client.query(&QueryRequest::new(PaymentMethodType::Card).with_order_no(order_no)).ok()?;
    q.order.and_then(|o| o.order_status)
}

#[test]
fn a_lost_answer_is_outcome_unknown_and_the_payment_went_through() {
    let (sandbox, client) = started();
    client.access_token().unwrap();
    sandbox.faults().on_path("/gateway/v1/payment", sandbox::Fault::LoseAnswer);
    let e = pay(&client, "ORD-FLT001").unwrap_err();
    assert!(e.outcome_unknown(), "{e:?}");
    assert_eq!(order_status(&client, "ORD-FLT001"), Some(OrderStatus::Authorized));
}

#[test]
fn a_503_is_outcome_unknown() {
    let (sandbox, client) = started();
    client.access_token().unwrap();
    sandbox.faults().next_call(sandbox::Fault::Status(503));
    let e = pay(&client, "ORD-FLT002").unwrap_err();
    assert!(matches!(e, Error::HttpStatus { status: 503 }) && e.outcome_unknown(), "{e:?}");
    assert_eq!(order_status(&client, "ORD-FLT002"), None);
}

#[test]
fn a_provider_error_is_a_definite_api_error() {
    let (sandbox, client) = started();
    sandbox.faults().on_path("/gateway/v1/payment", sandbox::Fault::provider_error("9001", "risk control"));
    let e = pay(&client, "ORD-FLT003").unwrap_err();
    assert!(matches!(&e, Error::Api { code, message, .. } if code == "9001" && message == "risk control"), "{e:?}");
    assert!(!e.outcome_unknown() && !e.outcome().is_not_sent(), "{e:?}");
    assert_eq!(order_status(&client, "ORD-FLT003"), None);
}

#[test]
fn a_late_answer_past_the_timeout_is_outcome_unknown() {
    // The test waits for the timeout only, not for the delay: 150 ms against 1.5 s leaves a loaded
    // machine ten times the timeout before the answer could beat it.
    let (sandbox, patient) = started();
    let client = Client::new(sandbox.config_builder().timeout(Duration::from_millis(150)).build().unwrap());
    client.access_token().unwrap();
    sandbox.faults().on_path("/gateway/v1/payment", sandbox::Fault::Delay(Duration::from_millis(1500)));
    let e = pay(&client, "ORD-FLT004").unwrap_err();
    assert!(e.outcome_unknown(), "{e:?}");
    // Looked up with a client of the default timeout, which the delayed handler cannot hold up.
    assert!(poll_until(PATIENCE, || order_status(&patient, "ORD-FLT004") == Some(OrderStatus::Authorized)));
}

#[test]
fn subscription_payment_by_stored_credential_or_card_number() {
    let (_sandbox, client) = started();
    let first = card_payment("ORD-SUB001", "9.99", "5555555555554444");
    let first = client.payment(&first.with_card(card("5555555555554444").with_capture_method("auto"))).unwrap();
    assert_eq!(first.order_status, Some(OrderStatus::Successed));
    let id = first.transaction_identifier.expect("a stored credential");
    assert!(!format!("{id:?}").contains(id.expose()));
    let sub = SubscriptionPaymentRequest::new(dec("9.99"), "06", "2099", "ORD-SUB002")
        .with_transaction_identifier(id.clone());
    let r = client.subscription_payment(&sub).unwrap();
    assert_eq!(r.order_status, Some(OrderStatus::Successed));
    assert_eq!(r.currency, acqra_gateway::Currency::USD);
    let unknown =
        SubscriptionPaymentRequest::new(dec("9.99"), "06", "2099", "ORD-SUB003").with_transaction_identifier("00000");
    assert_eq!(code(client.subscription_payment(&unknown).unwrap_err()), codes::NOT_FOUND);
    // By card number instead of the credential (the schema allows either): the same stored card.
    let by_card =
        SubscriptionPaymentRequest::new(dec("4.99"), "06", "2099", "ORD-SUB004").with_card_no("5555555555554444");
    let r = client.subscription_payment(&by_card).unwrap();
    assert_eq!((r.order_status, r.currency.code()), (Some(OrderStatus::Successed), "USD"));
    assert_eq!(r.transaction_identifier.map(|t| t.expose().to_owned()), Some(id.expose().to_owned()));
    let other_card =
        SubscriptionPaymentRequest::new(dec("4.99"), "06", "2099", "ORD-SUB005").with_card_no("4000056655665556");
    assert_eq!(code(client.subscription_payment(&other_card).unwrap_err()), codes::NOT_FOUND);
    let mismatch = SubscriptionPaymentRequest::new(dec("4.99"), "06", "2099", "ORD-SUB006")
        .with_card_no("4000056655665556")
        .with_transaction_identifier(id.clone());
    assert_eq!(code(client.subscription_payment(&mismatch).unwrap_err()), codes::BAD_PARAMETER);
    let mit = MitPaymentRequest::new(dec("3.00"), billing(), card(CARD_NO), acqra_gateway::Currency::USD, "ORD-MIT001");
    let m = client.mit_payment(&mit).unwrap();
    assert_eq!(m.order_status, Some(OrderStatus::Authorized));
}

#[test]
fn wallet_payments_wait_for_the_payer() {
    let (sandbox, client) = started();
    let wechat = acqra_gateway::PaymentRequest::new(
        dec("8.80"),
        acqra_gateway::Currency::CNY,
        device(),
        "ORD-WX0001",
        PaymentMethodType::Wechat,
    );
    // Without its wechat block the gateway refuses it.
    assert_eq!(code(client.payment(&wechat.clone()).unwrap_err()), codes::BAD_PARAMETER);
    let wechat = acqra_gateway::PaymentRequest::new(
        dec("8.80"),
        acqra_gateway::Currency::CNY,
        device(),
        "ORD-WX0002",
        PaymentMethodType::Wechat,
    )
    .with_wechat(acqra_gateway::Wechat::new("qr-code"));
    let p = client.payment(&wechat).unwrap();
    assert_eq!(p.order_status, Some(OrderStatus::Unknown("pending".into())));
    assert!(p.pay_url.unwrap().contains(&p.trade_no));
    // Not capturable, not refundable until paid.
    let cap = CaptureRequest::new(dec("8.80")).with_trade_no(&p.trade_no);
    assert_eq!(code(client.capture(&cap).unwrap_err()), codes::BAD_STATE);
    assert!(sandbox.gateway().complete_checkout("ORD-WX0002"));
    let refund = RefundRequest::new(dec("8.80"), "10.1.1.1", "r", "RF-WX0002").with_trade_no(&p.trade_no);
    client.refund(&refund).unwrap();
}

#[test]
fn checkout_sessions_become_paid_orders() {
    let (sandbox, client) = started();
    client.cashier_order(&CashierOrderRequest::new(dec("12.00"), acqra_gateway::Currency::HKD, "CS-PAID01")).unwrap();
    let q = || client.query(&QueryRequest::new(PaymentMethodType::Card).with_order_no("CS-PAID01")).unwrap();
    assert_eq!(q().order.unwrap().order_status, Some(OrderStatus::Unknown("pending".into())));
    assert!(sandbox.gateway().complete_checkout("CS-PAID01"));
    assert_eq!(q().order.unwrap().order_status, Some(OrderStatus::Successed));
    assert!(!sandbox.gateway().complete_checkout("CS-PAID01"));
}

#[test]
fn shipping_tracking_lifecycle() {
    // With the variants: `tracking-modify` answers the example's one string.
    let sandbox = Sandbox::start_with(SandboxOptions::default().variant_shapes(true)).unwrap();
    let client = sandbox.client().unwrap();
    for o in ["ORD-SHIP01", "ORD-SHIP02", "ORD-SHIP03"] {
        client.payment(&card_payment(o, "20.00", CARD_NO)).unwrap();
    }
    let tracking = |order: &str, no: &str| {
        ShippingTrackingRequest::new(
            "FEDEX",
            order,
            "2025-06-09",
            ShipmentDirection::Forward,
            ShippingStatus::Shipped,
            no,
            TrackingNumberType::CarrierProvided,
        )
    };
    let added = client.shipping_tracking(&tracking("ORD-SHIP01", "TRK-1")).unwrap();
    assert_eq!(added.trackings.map(|t| t.len()), Some(1));
    let dup = client.shipping_tracking(&tracking("ORD-SHIP01", "TRK-1")).unwrap_err();
    assert_eq!(code(dup), codes::DUPLICATE);
    let batch =
        ShippingTrackingBatchRequest::new(vec![tracking("ORD-SHIP02", "TRK-2"), tracking("ORD-SHIP03", "TRK-3")]);
    assert_eq!(client.shipping_tracking_batch(&batch).unwrap().trackings.unwrap().len(), 2);
    // All or nothing: one bad entry keeps the whole batch out.
    let bad = ShippingTrackingBatchRequest::new(vec![tracking("ORD-SHIP02", "TRK-4"), tracking("ORD-NOPE01", "TRK-5")]);
    assert_eq!(code(client.shipping_tracking_batch(&bad).unwrap_err()), codes::NOT_FOUND);

    let retrieve = ShippingRetrieveRequest::new(BTreeMap::new(), "ORD-SHIP02", "TRK-2");
    let details = client.shipping_retrieve(&retrieve).unwrap();
    assert_eq!(details.shipping_status, ShippingStatus::Shipped);
    // `matedata` as the provider's example writes it, a string.
    let as_text = ShippingRetrieveRequest::new("K-V", "ORD-SHIP02", "TRK-2");
    assert_eq!(client.shipping_retrieve(&as_text).unwrap().tracking_no.as_deref(), Some("TRK-2"));
    assert!(client.shipping_retrieve(&ShippingRetrieveRequest::new(BTreeMap::new(), "ORD-SHIP02", "TRK-4")).is_err());

    let cancel = ShippingTrackingModifyRequest::new(
        vec![TrackingIterm::new().with_op(TrackingOp::Replace).with_path("/status").with_value("CANCELLED")],
        "ORD-SHIP02",
        "TRK-2",
    );
    // The sandbox answers this one with `"trackings": "<id>"` (with the variants), the shape of the provider's example.
    let modified = client.shipping_tracking_modify(&cancel.clone().with_matedata("K-V")).unwrap();
    assert!(modified.trackings.is_some_and(|t| t.len() == 1 && t[0].starts_with("TRK")));
    assert_eq!(client.shipping_retrieve(&retrieve).unwrap().shipping_status, ShippingStatus::Cancelled);
    assert_eq!(code(client.shipping_tracking_modify(&cancel).unwrap_err()), codes::BAD_STATE);
}

#[test]
fn raw_calls_reach_the_same_gateway() {
    let (_sandbox, client) = started();
    client.payment(&card_payment("ORD-RAW001", "1.00", CARD_NO)).unwrap();
    let query = serde_json::json!({"orderNo":"ORD-RAW001","paymentMethodType":"card"});
    let v: serde_json::Value = client.raw_call("/gateway/v1/query", &query, true).unwrap();
    assert_eq!(v["order"]["orderStatus"], "authorized");
    assert_eq!(client.raw_call_json("/gateway/v1/query", &query, true).unwrap(), v);
    let e = client.raw_call::<serde_json::Value>("/gateway/v1/cancel", &serde_json::json!({}), false).unwrap_err();
    assert_eq!(code(e), codes::BAD_PARAMETER);
}

#[test]
fn refunds_near_the_decimal_limit_are_refused_not_a_panic() {
    // rust_decimal's `+` panics on overflow: the refund check must not add blindly.
    let (sandbox, client) = started();
    let huge = "50000000000000000000000000000"; // 5e28; two of them exceed Decimal::MAX (~7.9e28)
    let p = client.payment(&card_payment("ORD-HUGE01", huge, CARD_NO)).unwrap();
    client.capture(&CaptureRequest::new(dec(huge)).with_trade_no(&p.trade_no)).unwrap();
    let refund = |n: &str| RefundRequest::new(dec(huge), "10.1.1.1", "r", n).with_trade_no(&p.trade_no);
    client.refund(&refund("RF-HUGE1")).unwrap();
    assert_eq!(code(client.refund(&refund("RF-HUGE2")).unwrap_err()), codes::AMOUNT_EXCEEDED);
    // The sandbox is still answering.
    client.payment(&card_payment("ORD-AFTER1", "1.00", CARD_NO)).unwrap();
    drop(sandbox);
}

/// Review finding I7: amounts a float would round (17 and 19 significant digits) keep every
/// digit through the sandbox, sent as JSON numbers or strings, and back in the query's numbers.
#[test]
fn amounts_a_float_would_round_keep_every_digit() {
    let gw = SandboxGateway::default();
    let token = token_of(&gw);
    let post = |path: &str, body: &str| {
        let r = HttpRequest::new(Method::Post, format!("http://sandbox/gateway/v1/{path}"))
            .with_header("Content-Type", "application/json")
            .with_header("Authorization", token.as_str())
            .with_body(body.as_bytes().to_vec());
        String::from_utf8(gw.handle(&r).body.to_vec()).unwrap()
    };
    // As f64 these are 12345678901234568 and 99999999999999999.99 -> 1e17: both wrong.
    for (order_no, amount) in [("CS-F1", "12345678901234567.89"), ("CS-F2", "99999999999999999.99")] {
        assert_ne!(amount.parse::<f64>().unwrap().to_string(), amount);
        let answer =
            post("cashier/order", &format!(r#"{{"amount":{amount},"currency":"USD","orderNo":"{order_no}"}}"#));
        assert!(answer.contains(r#""respCode":"0000""#), "{answer}");
        assert_eq!(gw.order(order_no).unwrap()["amount"], amount);
        let query = post("query", &format!(r#"{{"orderNo":"{order_no}","paymentMethodType":"card"}}"#));
        assert!(query.contains(&format!(r#""payAmount":{amount}"#)), "{query}");
    }
    // A string amount, the same.
    post("cashier/order", r#"{"amount":"1234567890123456.78","currency":"USD","orderNo":"CS-F3"}"#);
    assert_eq!(gw.order("CS-F3").unwrap()["amount"], "1234567890123456.78");
}

/// Through the client: the sandbox keeps the digits, and the client never reads a rounded amount.
/// A JSON number of more than 15 significant digits is read exactly when serde_json's
/// `arbitrary_precision` is on (CI's second run) and refused as a decode error otherwise
/// (sign-core's `DecimalNumber`): never rounded.
#[test]
fn the_client_never_reads_back_a_rounded_amount() {
    let (sandbox, client) = started();
    let amount = "12345678901234567.89";
    let paid = client.payment(&card_payment("ORD-F00001", amount, CARD_NO)).unwrap();
    assert_eq!(paid.amount, dec(amount));
    assert_eq!(sandbox.gateway().order("ORD-F00001").unwrap()["amount"], amount);
    match client.query(&QueryRequest::new(PaymentMethodType::Card).with_order_no("ORD-F00001")) {
        Ok(q) => assert_eq!(q.order.unwrap().pay_amount.unwrap().value(), dec(amount).value()),
        Err(e) => assert!(matches!(e, Error::Decode(_)), "{e:?}"),
    }
}

/// Review §4 ("can panic"): a configured token lifetime too large to add to the clock is a token
/// that never expires, not a panic in the handler.
#[test]
fn an_absurd_token_lifetime_is_a_token_that_never_expires() {
    let gw = SandboxGateway::new(SandboxOptions::default().with_token_lifetime(Duration::MAX));
    let answer = gw.handle(
        &HttpRequest::new(Method::Post, "http://sandbox/gateway/v1/connect/token")
            .with_header("Content-Type", "application/json")
            .with_body(format!(r#"{{"appId":"{}","secret":"{}"}}"#, sandbox::APP_ID, sandbox::SECRET)),
    );
    assert_eq!(answer.status, 200);
    let v: serde_json::Value = serde_json::from_slice(&answer.body).unwrap();
    let token = v["accessToken"].as_str().unwrap();
    let query = HttpRequest::new(Method::Post, "http://sandbox/gateway/v1/query")
        .with_header("Content-Type", "application/json")
        .with_header("Authorization", token)
        .with_body(br#"{"orderNo":"ORD-000001","paymentMethodType":"card"}"#.to_vec());
    assert_eq!(gw.handle(&query).status, 200, "the token is accepted");
}

/// The schema's required fields of the nested blocks a payment or checkout may carry (`Shipping`:
/// address, firstName, lastName, phone; `ProductInfo`: price, productName, quantity, sku;
/// `ThreeDsData`: dsVersion, eci, xid) are checked by the sandbox, as the gateway would, when
/// the block is sent (a raw call can leave them out; the typed requests cannot).
#[test]
fn nested_blocks_missing_a_required_field_are_refused() {
    let gw = SandboxGateway::default();
    let token = token_of(&gw);
    let post = |path: &str, body: &serde_json::Value| code_and_message(&gw, &token, path, body);
    let address =
        serde_json::json!({"city": "Seattle", "country": "HK", "line1": "l1", "postcode": "98102", "state": "WA"});
    let shipping =
        serde_json::json!({"address": address, "firstName": "Si", "lastName": "Li", "phone": {"number": "1"}});
    let product = serde_json::json!({"price": "1.00", "productName": "P", "quantity": "1", "sku": "S1"});
    let three_ds = serde_json::json!({"dsVersion": "2.2.0", "eci": "05", "xid": "x"});
    let wallet = |order_no: &str| {
        serde_json::json!({
            "amount": "1.00", "currency": "USD", "orderNo": order_no, "paymentMethodType": "wechat",
            "wechat": {"productType": "qr-code"},
            "deviceInfo": {"browser": {"userAgent": "ua"}, "clientIp": "10.1.1.1", "language": "en"},
            "shipping": shipping, "productInfo": [product], "threeDsData": three_ds,
        })
    };
    let cashier = |order_no: &str| serde_json::json!({"amount": "1.00", "currency": "USD", "orderNo": order_no, "shipping": shipping, "productInfo": [product]});
    // Complete blocks are accepted.
    assert_eq!(post("payment", &wallet("ORD-NEST00")).0, codes::SUCCESS);
    assert_eq!(post("cashier/order", &cashier("CS-NEST00")).0, codes::SUCCESS);
    let cases = [
        ("/shipping/firstName", "shipping.firstName"),
        ("/shipping/phone", "shipping.phone"),
        ("/shipping/address/city", "shipping.address.city"),
        ("/productInfo/0/sku", "productInfo[0].sku"),
        ("/productInfo/0/price", "productInfo[0].price"),
        ("/threeDsData/eci", "threeDsData.eci"),
    ];
    for (i, (pointer, named)) in cases.into_iter().enumerate() {
        let mut body = wallet(&format!("ORD-NEST{i:02}A"));
        let (parent, key) = pointer.rsplit_once('/').unwrap();
        body.pointer_mut(parent).unwrap().as_object_mut().unwrap().remove(key);
        let (code, msg) = post("payment", &body);
        assert_eq!(code, codes::BAD_PARAMETER, "payment without {pointer}: {msg}");
        assert!(msg.contains(named), "{msg}");
        if !pointer.starts_with("/threeDsData") {
            let mut body = cashier(&format!("CS-NEST{i:02}A"));
            body.pointer_mut(parent).unwrap().as_object_mut().unwrap().remove(key);
            assert_eq!(post("cashier/order", &body).0, codes::BAD_PARAMETER, "cashier order without {pointer}");
        }
    }
}

/// The lengths and formats the schemas give (`string[1..50]`, `<= 50 characters`, `[yyyy-MM-dd]`,
/// ISO 3166-1 alpha-2 upper case, `[O,min5~max64]`, ...) are the sandbox's own rules, checked on
/// hand-written bodies (`1002`), in nested blocks and list items too; the bounds themselves pass.
#[test]
fn documented_lengths_and_formats_are_refused_by_the_sandbox() {
    let gw = SandboxGateway::default();
    let token = token_of(&gw);
    let post = |path: &str, body: &serde_json::Value| code_and_message(&gw, &token, path, body);
    let x = |n: usize| "x".repeat(n);
    let mut n = 0;
    let mut wallet = |patch: serde_json::Value| {
        n += 1;
        let mut body = serde_json::json!({
            "amount": "1.00", "currency": "USD", "orderNo": format!("LEN-{n:04}"), "paymentMethodType": "wechat",
            "wechat": {"productType": "qr-code"},
            "deviceInfo": {"browser": {"userAgent": "ua"}, "clientIp": "10.1.1.1", "language": "en"},
            "billing": {"address": {"city": "Seattle", "country": "HK", "line1": "l1", "postcode": "98102", "state": "WA"}},
        });
        json_patch(&mut body, &patch);
        post("payment", &body)
    };
    let at_bounds = serde_json::json!({
        "description": x(50), "billingDesc": x(18), "frontUrl": x(128), "wechat": {"attach": x(50)},
        "billing": {"birthday": "2022-08-01", "email": "a@b", "address": {"city": x(50), "line1": x(128)}},
        "productInfo": [{"price": "1.00", "productName": x(512), "quantity": "1", "sku": "S1"}],
    });
    assert_eq!(wallet(at_bounds).0, "0000");
    for (patch, field) in [
        (serde_json::json!({"description": x(51)}), "description"),
        (serde_json::json!({"description": ""}), "description"),
        (serde_json::json!({"billingDesc": x(19)}), "billingDesc"),
        (serde_json::json!({"frontUrl": "ab"}), "frontUrl"),
        (serde_json::json!({"wechat": {"storeId": x(31)}}), "wechat.storeId"),
        (serde_json::json!({"billing": {"email": "ab"}}), "billing.email"),
        (serde_json::json!({"billing": {"birthday": "2022/08/01"}}), "billing.birthday"),
        (serde_json::json!({"billing": {"address": {"city": x(51)}}}), "billing.address.city"),
        (serde_json::json!({"billing": {"address": {"country": "hk"}}}), "billing.address.country"),
        (
            serde_json::json!({"productInfo": [{"price": "1", "productName": "p", "quantity": "1", "sku": "s"},
                {"price": "1", "productName": x(513), "quantity": "1", "sku": "s"}]}),
            "productInfo[1].productName",
        ),
    ] {
        let (code, msg) = wallet(patch);
        assert_eq!(code, codes::BAD_PARAMETER, "{field}: {msg}");
        assert!(msg.starts_with(field), "{field}: {msg}");
    }
    // What the document leaves open passes: an optional address line's minimum ("<= 128
    // characters": an empty line2). Lengths count as Java's String.length() does.
    let open = serde_json::json!({"billing": {"address": {"line2": "", "line3": ""}},
        "description": "支".repeat(50)});
    let (code, msg) = wallet(open);
    assert_eq!(code, "0000", "{msg}");
    assert_eq!(wallet(serde_json::json!({"description": "😀".repeat(25)})).0, "0000");
    assert_eq!(wallet(serde_json::json!({"description": "😀".repeat(26)})).0, codes::BAD_PARAMETER);
    // The card's expiry: "两位数字" and "四位数字", exactly.
    let card = |month: &str, year: &str| {
        serde_json::json!({"paymentMethodType": "card", "card": {"cardNo": "4111111111111111", "expiryMonth": month,
            "expiryYear": year, "firstName": "Si", "lastName": "Li"}})
    };
    assert_eq!(wallet(card("06", "2099")).0, "0000");
    for (month, year) in [("6", "2099"), ("006", "2099"), ("06", "99"), ("06", "02099"), ("13", "2099")] {
        let (code, msg) = wallet(card(month, year));
        assert_eq!(code, codes::BAD_PARAMETER, "{month}/{year}: {msg}");
    }
    let session = serde_json::json!({"amount": "1.00", "currency": "USD", "orderNo": "LEN-S001", "frontUrl": "ab"});
    assert_eq!(post("cashier/order", &session).0, codes::BAD_PARAMETER);
    let sub = serde_json::json!({"amount": "1.00", "orderNo": "LEN-B001", "expiryMonth": "06", "expiryYear": "2099",
        "transactionIdentifier": "1234"});
    let (code, msg) = post("subscriptionPayment", &sub);
    assert_eq!(code, codes::BAD_PARAMETER, "{msg}");
    assert!(msg.starts_with("transactionIdentifier"), "{msg}");
}

/// Merges `patch` into `body`, objects key by key.
fn json_patch(body: &mut serde_json::Value, patch: &serde_json::Value) {
    match (body, patch) {
        (serde_json::Value::Object(b), serde_json::Value::Object(p)) => {
            for (k, v) in p {
                json_patch(b.entry(k.clone()).or_insert(serde_json::Value::Null), v);
            }
        }
        (b, p) => *b = p.clone(),
    }
}

/// A token from `gw`'s token endpoint, asked for with the sandbox's credentials.
fn token_of(gw: &SandboxGateway) -> String {
    let answer = gw.handle(
        &HttpRequest::new(Method::Post, "http://sandbox/gateway/v1/connect/token")
            .with_header("Content-Type", "application/json")
            .with_body(format!(r#"{{"appId":"{}","secret":"{}"}}"#, sandbox::APP_ID, sandbox::SECRET)),
    );
    let answer: serde_json::Value = serde_json::from_slice(&answer.body).unwrap();
    answer["accessToken"].as_str().unwrap().to_owned()
}

/// `body` posted to `gw`'s `path` with `token`: the answer's `respCode` and `respMsg` (empty when
/// absent).
fn code_and_message(gw: &SandboxGateway, token: &str, path: &str, body: &serde_json::Value) -> (String, String) {
    let r = HttpRequest::new(Method::Post, format!("http://sandbox/gateway/v1/{path}"))
        .with_header("Content-Type", "application/json")
        .with_header("Authorization", token)
        .with_body(body.to_string());
    let answer: serde_json::Value = serde_json::from_slice(&gw.handle(&r).body).unwrap();
    (answer["respCode"].as_str().unwrap_or_default().to_owned(), answer["respMsg"].as_str().unwrap_or("").to_owned())
}
