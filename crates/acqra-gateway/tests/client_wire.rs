//! What the client sends and how it reads every answer, against a loopback mockito server or a
//! scripted transport. Acqra signs nothing: a call is authenticated by the access token alone, so
//! the exact token request body and `Authorization` header are what is checked here.

mod common;

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Barrier};
use std::time::Duration;

use acqra_gateway::{
    AuthHeader, Capture, Client, Config, Decimal, Error, OrderStatus, PaymentMethodType, Query, Refund,
};
use common::*;
use mockito::Matcher;
use sign_core::{FixedClock, HttpResponse, RetryPolicy, TransportError, TransportErrorKind};

const TOKEN_PATH: &str = "/gateway/v1/connect/token";
const SECRET: &str = "app-secret-XYZ-987";

fn config(url: &str) -> Config {
    Config::builder(url, "app-42", SECRET).retry(RetryPolicy::none()).build().unwrap()
}

fn token_body(token: &str) -> String {
    format!(r#"{{"accessToken":"{token}","expiresIn":3600,"respCode":"0000","respMsg":"success"}}"#)
}

const QUERY_OK: &str = r#"{"respCode":"0000","respMsg":"ok","order":{"orderNo":"ORD-0001","tradeNo":"T1",
  "orderStatus":"authorized","payAmount":100.99,"paymentMethodType":"card"},"refund":[]}"#;

fn query() -> Query {
    Query::new(PaymentMethodType::Card).with_order_no("ORD-0001")
}

#[test]
fn token_then_call_with_exact_headers_and_bodies() {
    let mut server = mockito::Server::new();
    let token = server
        .mock("POST", TOKEN_PATH)
        .match_header("content-type", "application/json")
        .match_header("authorization", Matcher::Missing)
        // The exact bytes: {"appId":"app-42","secret":"app-secret-XYZ-987"}
        .match_body(Matcher::Exact(format!(r#"{{"appId":"app-42","secret":"{SECRET}"}}"#)))
        .with_body(token_body("tok-abc"))
        .expect(1)
        .create();
    let capture = server
        .mock("POST", "/gateway/v1/capture")
        .match_header("authorization", "tok-abc")
        .match_header("content-type", "application/json")
        .match_body(Matcher::Exact(r#"{"captureAmount":"100.55","orderNo":"ORD-0001"}"#.into()))
        .with_body(
            r#"{"amount":"100.55","currency":"USD","orderNo":"ORD-0001","tradeNo":"T1","orderStatus":"successed",
                "respCode":"0000","respMsg":"ok"}"#,
        )
        .expect(2)
        .create();
    let client = Client::new(config(&server.url())).unwrap();
    let req = Capture::new("100.55".parse::<Decimal>().unwrap()).with_order_no("ORD-0001");
    for _ in 0..2 {
        let r = client.capture_payment(&req).unwrap();
        assert_eq!(r.amount, Decimal::from_minor(10055, 2));
        assert_eq!(r.order_status, Some(OrderStatus::Successed));
    }
    token.assert();
    capture.assert();
}

#[test]
fn header_format_is_configurable() {
    let mut server = mockito::Server::new();
    server.mock("POST", TOKEN_PATH).with_body(token_body("tok-b")).create();
    let m = server
        .mock("POST", "/gateway/v1/query")
        .match_header("authorization", "Bearer tok-b")
        .with_body(QUERY_OK)
        .expect(1)
        .create();
    let cfg = Config::builder(server.url(), "app-42", SECRET).auth_header(AuthHeader::bearer()).build().unwrap();
    Client::new(cfg).unwrap().query_payment(&query()).unwrap();
    m.assert();
}

#[test]
fn many_threads_share_one_token_fetch() {
    let mut server = mockito::Server::new();
    let token = server.mock("POST", TOKEN_PATH).with_body(token_body("tok-shared")).expect(1).create();
    let calls = server
        .mock("POST", "/gateway/v1/query")
        .match_header("authorization", "tok-shared")
        .with_body(QUERY_OK)
        .expect(16)
        .create();
    let client = Client::new(config(&server.url())).unwrap();
    let start = Arc::new(Barrier::new(16));
    let handles: Vec<_> = (0..16)
        .map(|_| {
            let (client, start) = (client.clone(), start.clone());
            std::thread::spawn(move || {
                start.wait();
                client.query_payment(&query()).map(|r| r.order.and_then(|o| o.order_status))
            })
        })
        .collect();
    for h in handles {
        assert_eq!(h.join().unwrap().unwrap(), Some(OrderStatus::Authorized));
    }
    token.assert();
    calls.assert();
}

#[test]
fn token_is_refreshed_shortly_before_expiry() {
    let mut server = mockito::Server::new();
    let n = Arc::new(AtomicUsize::new(0));
    let n2 = n.clone();
    let token = server
        .mock("POST", TOKEN_PATH)
        .with_body_from_request(move |_| token_body(&format!("tok-{}", n2.fetch_add(1, Ordering::SeqCst))).into())
        .expect(2)
        .create();
    let first = server.mock("POST", "/gateway/v1/query").match_header("authorization", "tok-0").with_body(QUERY_OK);
    let first = first.expect(2).create();
    let second = server.mock("POST", "/gateway/v1/query").match_header("authorization", "tok-1").with_body(QUERY_OK);
    let second = second.expect(1).create();
    let clock = Arc::new(FixedClock::from_unix_millis(1_750_000_000_000));
    let cfg = Config::builder(server.url(), "app-42", SECRET).token_refresh_margin(Duration::from_secs(120)).build();
    let client = Client::new(cfg.unwrap()).unwrap().with_clock(clock.clone());
    client.query_payment(&query()).unwrap();
    clock.advance(Duration::from_secs(3600 - 121));
    client.query_payment(&query()).unwrap(); // still tok-0
    clock.advance(Duration::from_secs(1)); // 120 s before expiry: refresh
    client.query_payment(&query()).unwrap();
    token.assert();
    first.assert();
    second.assert();
}

#[test]
fn unauthorized_refreshes_the_token_and_repeats_once() {
    let mut server = mockito::Server::new();
    let n = Arc::new(AtomicUsize::new(0));
    let n2 = n.clone();
    let token = server
        .mock("POST", TOKEN_PATH)
        .with_body_from_request(move |_| token_body(&format!("tok-{}", n2.fetch_add(1, Ordering::SeqCst))).into())
        .expect(2)
        .create();
    let refused = server
        .mock("POST", "/gateway/v1/refund")
        .match_header("authorization", "tok-0")
        .with_status(401)
        .expect(1)
        .create();
    let accepted = server
        .mock("POST", "/gateway/v1/refund")
        .match_header("authorization", "tok-1")
        .with_body(
            r#"{"amount":"10.00","currency":"USD","mercId":"M1","refundOrderNo":"RF-1","refundStatus":"accepted",
                "refundTradeNo":"RT1","respCode":"0000","respMsg":"ok"}"#,
        )
        .expect(1)
        .create();
    let client = Client::new(config(&server.url())).unwrap();
    let refund = Refund::new(Decimal::from_minor(1000, 2), "10.1.1.1", "damaged", "RF-1").with_order_no("ORD-0001");
    let r = client.refund_payment(&refund).unwrap();
    assert_eq!(r.refund_order_no, "RF-1");
    token.assert();
    refused.assert();
    accepted.assert();
}

#[test]
fn a_second_unauthorized_is_reported_not_looped() {
    let mut server = mockito::Server::new();
    let token = server.mock("POST", TOKEN_PATH).with_body(token_body("tok-x")).expect(2).create();
    let refused = server.mock("POST", "/gateway/v1/query").with_status(401).expect(2).create();
    let client = Client::new(config(&server.url())).unwrap();
    assert!(matches!(client.query_payment(&query()), Err(Error::Unauthorized)));
    token.assert();
    refused.assert();
}

#[test]
fn non_idempotent_calls_are_not_repeated_after_401_when_told_so() {
    let transport = Arc::new(Scripted::new(vec![
        token_ok("t0", 3600),
        Ok(HttpResponse::new(401, "")),
        // The idempotent query is still repeated once.
        token_ok("t1", 3600),
        Ok(HttpResponse::new(401, "")),
        token_ok("t2", 3600),
        Ok(HttpResponse::json(200, QUERY_OK)),
    ]));
    let client =
        Client::with_transport(config("http://127.0.0.1:9"), transport.clone()).repeat_after_unauthorized(false);
    let capture = Capture::new(Decimal::from(5)).with_trade_no("T1");
    assert!(matches!(client.capture_payment(&capture), Err(Error::Unauthorized)));
    assert!(client.query_payment(&query()).is_ok());
    let paths = transport.sent_paths();
    assert_eq!(
        paths,
        [TOKEN_PATH, "/gateway/v1/capture", TOKEN_PATH, "/gateway/v1/query", TOKEN_PATH, "/gateway/v1/query"]
    );
}

#[test]
fn a_payment_that_timed_out_is_not_sent_again() {
    let transport = Arc::new(Scripted::new(vec![
        token_ok("t0", 3600),
        Err(TransportError::new(TransportErrorKind::Timeout, "read timed out")),
    ]));
    let client = Client::with_transport(config("http://127.0.0.1:9"), transport.clone());
    let e = client.create_payment(&card_payment("ORD-TIMEOUT", "42.00", CARD_NO)).unwrap_err();
    assert!(matches!(e, Error::Timeout(_)), "{e:?}");
    assert!(!e.request_not_processed());
    assert!(e.outcome_unknown());
    assert_eq!(transport.sent_paths(), [TOKEN_PATH, "/gateway/v1/payment"]);
    // The payment request was not marked idempotent, so no transport may retry it either.
    assert!(!transport.sent.lock().unwrap()[1].idempotent);
}

#[test]
fn the_ureq_transport_does_not_retry_a_payment_after_a_5xx() {
    let mut server = mockito::Server::new();
    server.mock("POST", TOKEN_PATH).with_body(token_body("t")).create();
    let pay = server.mock("POST", "/gateway/v1/payment").with_status(503).expect(1).create();
    let q = server.mock("POST", "/gateway/v1/query").with_status(503).expect(2).create();
    let cfg = Config::builder(server.url(), "app-42", SECRET)
        .retry(RetryPolicy::new(1, Duration::from_millis(1), Duration::from_millis(1)))
        .build()
        .unwrap();
    let client = Client::new(cfg).unwrap();
    let e = client.create_payment(&card_payment("ORD-5XX01", "1.00", CARD_NO)).unwrap_err();
    assert!(matches!(e, Error::HttpStatus { status: 503 }), "{e:?}");
    assert!(matches!(client.query_payment(&query()), Err(Error::HttpStatus { status: 503 })));
    pay.assert();
    q.assert();
}

#[test]
fn token_endpoint_failures_are_typed() {
    let mut server = mockito::Server::new();
    let m = server
        .mock("POST", TOKEN_PATH)
        .with_body(r#"{"respCode":"1001","respMsg":"invalid appId or secret"}"#)
        .expect(1)
        .create();
    let client = Client::new(config(&server.url())).unwrap();
    let e = client.query_payment(&query()).unwrap_err();
    assert_eq!(e.api_code(), Some("1001"));
    assert!(!format!("{e} {e:?}").contains(SECRET));
    m.assert();
}

#[test]
fn every_bad_answer_is_a_typed_error() {
    let cases: Vec<(u16, String, &str)> = vec![
        (200, r#"{"respCode":"2001","respMsg":"订单不存在"}"#.into(), "api"),
        (200, "{\"respCode\":\"0000\",".into(), "decode"),
        (200, String::new(), "decode"),
        (200, "<html><body>maintenance</body></html>".into(), "decode"),
        (200, r#"{"respMsg":"no code"}"#.into(), "decode"),
        (200, r#"{"respCode":"0000","respMsg":"ok","order":{"payAmount":"abc"}}"#.into(), "decode"),
        (502, "<html><body>Bad Gateway</body></html>".into(), "status"),
        (403, String::new(), "status"),
        (404, "Not Found".into(), "status"),
    ];
    for (status, body, kind) in cases {
        let mut server = mockito::Server::new();
        server.mock("POST", TOKEN_PATH).with_body(token_body("t")).create();
        server.mock("POST", "/gateway/v1/query").with_status(status as usize).with_body(&body).create();
        let client = Client::new(config(&server.url())).unwrap();
        let e = client.query_payment(&query()).unwrap_err();
        let ok = match kind {
            "api" => matches!(&e, Error::Api { code, message, .. } if code == "2001" && message == "订单不存在"),
            "decode" => matches!(e, Error::Decode(_)),
            _ => matches!(e, Error::HttpStatus { status: s } if s == status),
        };
        assert!(ok, "{status} {body:?}: {e:?}");
    }
}

#[test]
fn a_huge_body_is_refused() {
    let mut server = mockito::Server::new();
    server.mock("POST", TOKEN_PATH).with_body(token_body("t")).create();
    let huge = format!(r#"{{"respCode":"0000","respMsg":"{}"}}"#, "x".repeat(11 * 1024 * 1024));
    server.mock("POST", "/gateway/v1/query").with_body(huge).create();
    let client = Client::new(config(&server.url())).unwrap();
    let e = client.query_payment(&query()).unwrap_err();
    assert!(matches!(&e, Error::Transport(t) if t.kind() == TransportErrorKind::BodyTooLarge), "{e:?}");
}

#[test]
fn the_configured_body_limit_reaches_the_transport() {
    let mut server = mockito::Server::new();
    server.mock("POST", TOKEN_PATH).with_body(token_body("t")).create();
    let big = format!(r#"{{"respCode":"9999","respMsg":"{}"}}"#, "x".repeat(64 * 1024));
    server.mock("POST", "/gateway/v1/query").with_body(big).create();
    let limited = Config::builder(server.url(), "app-42", SECRET)
        .retry(RetryPolicy::none())
        .max_response_bytes(16 * 1024)
        .build()
        .unwrap();
    let e = Client::new(limited).unwrap().query_payment(&query()).unwrap_err();
    assert!(matches!(&e, Error::Transport(t) if t.kind() == TransportErrorKind::BodyTooLarge), "{e:?}");
    // The same answer under the default 10 MiB limit is read: the gateway's failure envelope.
    let e = Client::new(config(&server.url())).unwrap().query_payment(&query()).unwrap_err();
    assert!(matches!(&e, Error::Api { code, .. } if code == "9999"), "{e:?}");
}

#[test]
fn card_data_never_appears_in_debug_errors_or_prepared_request_debug() {
    let payment = card_payment("ORD-CARD1", "19.99", CARD_NO);
    let client = Client::with_transport(config("http://127.0.0.1:9"), Arc::new(Scripted::default()));
    let token = acqra_gateway::AccessToken::new("tok-secret-1", None);
    let prepared = client.prepare_with_token(&payment, &token).unwrap();
    // The wire body carries the card (it must), and nothing else does.
    let body = String::from_utf8(prepared.body.clone()).unwrap();
    assert!(body.contains(&format!(r#""cardNo":"{CARD_NO}""#)) && body.contains(&format!(r#""cvc":"{CVC}""#)));
    assert_eq!(prepared.header("Authorization"), Some("tok-secret-1"));
    for shown in [
        format!("{payment:?}"),
        format!("{:?}", payment.card),
        format!("{prepared:?}"),
        format!("{client:?}"),
        format!("{token:?} {token}"),
    ] {
        assert!(!shown.contains("4111111111111111") && !shown.contains("11111111"), "{shown}");
        assert!(!shown.contains("\"737\"") && !shown.contains("737"), "{shown}");
        assert!(!shown.contains("tok-secret-1"), "{shown}");
        assert!(!shown.contains(SECRET), "{shown}");
    }
    assert_eq!(payment.card.as_ref().unwrap().masked_card_no(), "************1111");
    // An invalid card is refused before sending, without the number in the error.
    let bad = card_payment("ORD-CARD2", "1.00", "4111111111111112");
    let e = client.prepare_with_token(&bad, &token).unwrap_err();
    assert!(matches!(e, Error::InvalidRequest(_)));
    assert!(!format!("{e} {e:?}").contains("4111111111111112"));
    // A gateway message that echoes the number is masked.
    let resp = HttpResponse::json(200, r#"{"respCode":"3001","respMsg":"card 4111111111111111 blocked"}"#);
    let e = client.parse::<acqra_gateway::Payment>(&resp).unwrap_err();
    let shown = format!("{e} {e:?}");
    assert!(!shown.contains(CARD_NO) && shown.contains("************1111"), "{shown}");
}

#[test]
fn bad_requests_fail_before_any_io() {
    let transport = Arc::new(Scripted::default());
    let client = Client::with_transport(config("http://127.0.0.1:9"), transport.clone());
    let e = client.capture_payment(&Capture::new(Decimal::from(1))).unwrap_err();
    assert!(matches!(e, Error::InvalidRequest(_)), "{e:?}");
    let e = client.query_payment(&Query::new(PaymentMethodType::Card)).unwrap_err();
    assert!(matches!(e, Error::InvalidRequest(_)));
    // Nothing was sent, not even a token request.
    assert!(transport.sent_paths().is_empty());
}

#[test]
fn a_401_from_the_token_endpoint_is_reported_once() {
    let mut server = mockito::Server::new();
    let token = server.mock("POST", TOKEN_PATH).with_status(401).expect(1).create();
    let call = server.mock("POST", "/gateway/v1/query").expect(0).create();
    let client = Client::new(config(&server.url())).unwrap();
    assert!(matches!(client.query_payment(&query()), Err(Error::Unauthorized)));
    token.assert();
    call.assert();
}
