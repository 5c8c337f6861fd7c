//! What the client sends and how it reads every answer, against a loopback mockito server, a
//! scripted transport, or the sandbox's gateway without a socket (sans-IO). Acqra signs nothing: a
//! call is authenticated by the access token alone, so the exact token request body, every
//! endpoint's path and body, and the `Authorization` header are what is checked here.

mod common;

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Barrier};
use std::time::Duration;

use std::collections::BTreeMap;

use acqra_gateway::{
    AuthHeader, CancelRequest, CaptureRequest, Card, CashierOrderRequest, Client, Config, Currency, Decimal, Endpoint,
    Error, Metadata, MitPaymentRequest, MitPaymentResponse, OrderStatus, PaymentMethodType, PaymentRequest,
    QueryRequest, RefundQueryRequest, RefundQueryResponse, RefundRequest, RefundStatus, ShipmentDirection,
    ShippingRetrieveRequest, ShippingStatus, ShippingTrackingBatchRequest, ShippingTrackingBatchResponse,
    ShippingTrackingModifyRequest, ShippingTrackingModifyResponse, ShippingTrackingRequest, SubscriptionPaymentRequest,
    TokenRequest, TrackingIterm, TrackingNumberType, TrackingOp,
};
use common::*;
use mockito::Matcher;
use sign_core::{FixedClock, HttpResponse, RetryPolicy, TransportError, TransportErrorKind};

#[cfg(feature = "sandbox")]
use acqra_gateway::sandbox::{APP_ID, SECRET as SANDBOX_SECRET};

const TOKEN_PATH: &str = "/gateway/v1/connect/token";
const SECRET: &str = "app-secret-XYZ-987";

fn config(url: &str) -> Config {
    Config::builder().base_url(url).app_id("app-42").secret(SECRET).retry(RetryPolicy::none()).build().unwrap()
}

fn token_body(token: &str) -> String {
    format!(r#"{{"accessToken":"{token}","expiresIn":3600,"respCode":"0000","respMsg":"success"}}"#)
}

const QUERY_OK: &str = r#"{"respCode":"0000","respMsg":"ok","order":{"orderNo":"ORD-0001","tradeNo":"T1",
  "orderStatus":"authorized","payAmount":100.99,"paymentMethodType":"card"},"refund":[]}"#;

fn query() -> QueryRequest {
    QueryRequest::new(PaymentMethodType::Card).with_order_no("ORD-0001")
}

#[test]
fn token_then_call_with_exact_headers_and_bodies() {
    let mut server = mockito::Server::new();
    let token = server
        .mock("POST", TOKEN_PATH)
        .match_header("content-type", "application/json")
        // Every request sample in the provider's document sends `Accept: */*`.
        .match_header("accept", "*/*")
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
        .match_header("accept", "*/*")
        .match_body(Matcher::Exact(r#"{"captureAmount":"100.55","orderNo":"ORD-0001"}"#.into()))
        .with_body(
            r#"{"amount":"100.55","currency":"USD","orderNo":"ORD-0001","tradeNo":"T1","orderStatus":"successed",
                "respCode":"0000","respMsg":"ok"}"#,
        )
        .expect(2)
        .create();
    let client = Client::new(config(&server.url()));
    let req = CaptureRequest::new("100.55".parse::<Decimal>().unwrap()).with_order_no("ORD-0001");
    for _ in 0..2 {
        let r = client.capture(&req).unwrap();
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
    let cfg = Config::builder()
        .base_url(server.url())
        .app_id("app-42")
        .secret(SECRET)
        .auth_header(AuthHeader::bearer())
        .build()
        .unwrap();
    Client::new(cfg).query(&query()).unwrap();
    m.assert();
}

/// The samples send `Authorization: API_KEY` with the token request too; a deployment that needs
/// such a header configures it. Nothing else carries it, and it replaces a header of the same name.
#[test]
fn token_request_carries_the_configured_static_header() {
    let mut server = mockito::Server::new();
    let token = server
        .mock("POST", TOKEN_PATH)
        .match_header("authorization", "API_KEY-777")
        .match_header("accept", "application/json")
        .match_header("x-tenant", "hk-01")
        .match_body(Matcher::Exact(format!(r#"{{"appId":"app-42","secret":"{SECRET}"}}"#)))
        .with_body(token_body("tok-h"))
        .expect(1)
        .create();
    let call = server
        .mock("POST", "/gateway/v1/query")
        .match_header("authorization", "tok-h")
        .match_header("accept", "*/*")
        .match_header("x-tenant", Matcher::Missing)
        .with_body(QUERY_OK)
        .expect(1)
        .create();
    let cfg = Config::builder()
        .base_url(server.url())
        .app_id("app-42")
        .secret(SECRET)
        .token_request_header("Authorization", "API_KEY-777")
        .token_request_header("Accept", "application/json")
        .token_request_header("X-Tenant", "hk-01")
        .build()
        .unwrap();
    let client = Client::new(cfg);
    let prepared = client.prepare_token_request().unwrap();
    assert_eq!(prepared.headers.iter().filter(|(n, _)| n.eq_ignore_ascii_case("accept")).count(), 1);
    assert!(!format!("{prepared:?} {client:?}").contains("API_KEY-777"));
    client.query(&query()).unwrap();
    token.assert();
    call.assert();
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
    let client = Client::new(config(&server.url()));
    let start = Arc::new(Barrier::new(16));
    let handles: Vec<_> = (0..16)
        .map(|_| {
            let (client, start) = (client.clone(), start.clone());
            std::thread::spawn(move || {
                start.wait();
                client.query(&query()).map(|r| r.order.and_then(|o| o.order_status))
            })
        })
        .collect();
    for h in handles {
        assert_eq!(h.join().unwrap().unwrap(), Some(OrderStatus::Authorized));
    }
    token.assert();
    calls.assert();
}

/// A token endpoint that answers `tok-0`, `tok-1`, ... and expects `count` fetches.
fn numbered_tokens(server: &mut mockito::Server, count: usize) -> mockito::Mock {
    let n = AtomicUsize::new(0);
    server
        .mock("POST", TOKEN_PATH)
        .with_body_from_request(move |_| token_body(&format!("tok-{}", n.fetch_add(1, Ordering::SeqCst))).into())
        .expect(count)
        .create()
}

#[test]
fn token_is_refreshed_shortly_before_expiry() {
    let mut server = mockito::Server::new();
    let token = numbered_tokens(&mut server, 2);
    let first = server.mock("POST", "/gateway/v1/query").match_header("authorization", "tok-0").with_body(QUERY_OK);
    let first = first.expect(2).create();
    let second = server.mock("POST", "/gateway/v1/query").match_header("authorization", "tok-1").with_body(QUERY_OK);
    let second = second.expect(1).create();
    let clock = Arc::new(FixedClock::from_unix_millis(1_750_000_000_000));
    let cfg = Config::builder()
        .base_url(server.url())
        .app_id("app-42")
        .secret(SECRET)
        .token_refresh_margin(Duration::from_secs(120))
        .build();
    let client = Client::new(cfg.unwrap()).with_clock(clock.clone());
    client.query(&query()).unwrap();
    clock.advance(Duration::from_secs(3600 - 121));
    client.query(&query()).unwrap(); // still tok-0
    clock.advance(Duration::from_secs(1)); // 120 s before expiry: refresh
    client.query(&query()).unwrap();
    token.assert();
    first.assert();
    second.assert();
}

/// Opted in ([`Client::repeat_after_unauthorized`]): the refund refused with 401 is repeated once
/// with a fresh token.
#[test]
fn refund_after_a_401_is_repeated_once_when_opted_in() {
    let mut server = mockito::Server::new();
    let token = numbered_tokens(&mut server, 2);
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
    let client = Client::new(config(&server.url())).repeat_after_unauthorized(true);
    let refund =
        RefundRequest::new(Decimal::from_minor(1000, 2), "10.1.1.1", "damaged", "RF-1").with_order_no("ORD-0001");
    let r = client.refund(&refund).unwrap();
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
    let client = Client::new(config(&server.url()));
    assert!(matches!(client.query(&query()), Err(Error::Unauthorized)));
    token.assert();
    refused.assert();
}

/// By default a non-idempotent call answered 401 is not repeated (the documentation gives 401 no
/// meaning; a proxy may answer it after the payment was processed): the error's outcome is unknown.
/// The refused token is dropped all the same, and an idempotent query is repeated once.
#[test]
fn non_idempotent_calls_are_not_repeated_after_401_by_default() {
    let transport = Arc::new(Scripted::new(vec![
        token_ok("t0", 3600),
        Ok(HttpResponse::new(401, "")),
        // The idempotent query is still repeated once.
        token_ok("t1", 3600),
        Ok(HttpResponse::new(401, "")),
        token_ok("t2", 3600),
        Ok(HttpResponse::json(200, QUERY_OK)),
    ]));
    let client = Client::with_transport(config("http://127.0.0.1:9"), transport.clone());
    let capture = CaptureRequest::new(Decimal::from(5)).with_trade_no("T1");
    let e = client.capture(&capture).unwrap_err();
    assert!(matches!(e, Error::Unauthorized) && e.outcome_unknown(), "{e:?}");
    assert!(client.query(&query()).is_ok());
    let paths = transport.sent_paths();
    assert_eq!(
        paths,
        [TOKEN_PATH, "/gateway/v1/capture", TOKEN_PATH, "/gateway/v1/query", TOKEN_PATH, "/gateway/v1/query"]
    );
    // Turned off explicitly, the same.
    let transport = Arc::new(Scripted::new(vec![token_ok("t0", 3600), Ok(HttpResponse::new(401, ""))]));
    let client =
        Client::with_transport(config("http://127.0.0.1:9"), transport.clone()).repeat_after_unauthorized(false);
    let pay = client.payment(&card_payment("ORD-401001", "1.00", CARD_NO)).unwrap_err();
    assert!(matches!(pay, Error::Unauthorized));
    assert_eq!(transport.sent_paths(), [TOKEN_PATH, "/gateway/v1/payment"]);
}

#[test]
fn payment_that_timed_out_is_not_sent_again() {
    let transport = Arc::new(Scripted::new(vec![
        token_ok("t0", 3600),
        Err(TransportError::new(TransportErrorKind::Timeout, "read timed out")),
    ]));
    let client = Client::with_transport(config("http://127.0.0.1:9"), transport.clone());
    let e = client.payment(&card_payment("ORD-TIMEOUT", "42.00", CARD_NO)).unwrap_err();
    assert!(matches!(e, Error::Timeout(_)), "{e:?}");
    assert!(!e.outcome().is_not_sent());
    assert!(e.outcome_unknown());
    assert_eq!(transport.sent_paths(), [TOKEN_PATH, "/gateway/v1/payment"]);
    // The payment request was not marked idempotent, so no transport may retry it either.
    assert!(!transport.sent.lock().unwrap()[1].idempotent);
}

/// Retries live in the client (`sign_core::call::send_with_retries`; the ureq transport sends once):
/// a payment after a 5xx may have been processed, so only the idempotent query is repeated.
#[test]
fn payment_is_not_retried_after_a_5xx_but_a_query_is() {
    let mut server = mockito::Server::new();
    server.mock("POST", TOKEN_PATH).with_body(token_body("t")).create();
    let pay = server.mock("POST", "/gateway/v1/payment").with_status(503).expect(1).create();
    let q = server.mock("POST", "/gateway/v1/query").with_status(503).expect(2).create();
    let cfg = Config::builder()
        .base_url(server.url())
        .app_id("app-42")
        .secret(SECRET)
        .retry(RetryPolicy::new(1, Duration::from_millis(1), Duration::from_millis(1)))
        .build()
        .unwrap();
    let client = Client::new(cfg);
    let e = client.payment(&card_payment("ORD-5XX01", "1.00", CARD_NO)).unwrap_err();
    assert!(matches!(e, Error::HttpStatus { status: 503 }), "{e:?}");
    assert!(matches!(client.query(&query()), Err(Error::HttpStatus { status: 503 })));
    pay.assert();
    q.assert();
}

/// A transport answering from a script that moves `clock` on by `step` whenever it fails.
struct ClockedScript {
    script: Scripted,
    clock: Arc<FixedClock>,
    step: Duration,
}

impl sign_core::Transport for ClockedScript {
    fn send(&self, request: &sign_core::HttpRequest) -> Result<HttpResponse, TransportError> {
        let answer = self.script.send(request);
        if answer.is_err() {
            self.clock.advance(self.step);
        }
        answer
    }
}

fn retrying(url: &str) -> Config {
    let retry = RetryPolicy::new(2, Duration::ZERO, Duration::ZERO);
    Config::builder().base_url(url).app_id("app-42").secret(SECRET).retry(retry).build().unwrap()
}

/// A payment whose first attempt cannot have reached the gateway (connection refused) is sent again,
/// built afresh: the token is read again, and since the token came due meanwhile (the injectable
/// clock moved on), the repeat carries a new one. Acqra signs nothing else, so the token is what a
/// stale repeat would get wrong.
#[test]
fn payment_retried_after_a_connect_failure_is_built_afresh_with_the_current_token() {
    let clock = Arc::new(FixedClock::from_unix_millis(1_750_000_000_000));
    let transport = Arc::new(ClockedScript {
        script: Scripted::new(vec![
            token_ok("tok-old", 3600),
            Err(TransportError::new(TransportErrorKind::Connect, "connection refused")),
            token_ok("tok-new", 3600),
            Ok(HttpResponse::json(
                200,
                r#"{"respCode":"0000","amount":"42.00","currency":"USD","orderNo":"ORD-RETRY1","tradeNo":"T8"}"#,
            )),
        ]),
        clock: clock.clone(),
        step: Duration::from_secs(3600),
    });
    let client = Client::with_transport(retrying("http://127.0.0.1:9"), transport.clone()).with_clock(clock);
    let paid = client.payment(&card_payment("ORD-RETRY1", "42.00", CARD_NO)).unwrap();
    assert_eq!(paid.trade_no, "T8");
    let sent = transport.script.sent.lock().unwrap().clone();
    let paths: Vec<&str> = sent.iter().map(|r| r.path()).collect();
    assert_eq!(paths, [TOKEN_PATH, "/gateway/v1/payment", TOKEN_PATH, "/gateway/v1/payment"]);
    assert_eq!(sent[1].header("Authorization"), Some("tok-old"));
    assert_eq!(sent[3].header("Authorization"), Some("tok-new"));
    assert_eq!(sent[1].body, sent[3].body);
}

/// The token step goes through the retry policy too: not idempotent, so it is repeated after a
/// failure that cannot have reached the gateway, never after a timeout.
#[test]
fn token_request_is_retried_only_when_it_was_not_sent() {
    let transport = Arc::new(Scripted::new(vec![
        Err(TransportError::new(TransportErrorKind::Connect, "connection refused")),
        token_ok("t1", 3600),
        Ok(HttpResponse::json(200, QUERY_OK)),
    ]));
    let client = Client::with_transport(retrying("http://127.0.0.1:9"), transport.clone());
    client.query(&query()).unwrap();
    assert_eq!(transport.sent_paths(), [TOKEN_PATH, TOKEN_PATH, "/gateway/v1/query"]);
    assert_eq!(transport.sent.lock().unwrap()[2].header("Authorization"), Some("t1"));

    let transport =
        Arc::new(Scripted::new(vec![Err(TransportError::new(TransportErrorKind::Timeout, "read timed out"))]));
    let client = Client::with_transport(retrying("http://127.0.0.1:9"), transport.clone());
    let e = client.access_token().unwrap_err();
    assert!(matches!(&e, Error::TokenRequest { source } if matches!(**source, Error::Timeout(_))), "{e:?}");
    assert_eq!(transport.sent_paths(), [TOKEN_PATH]);
}

/// A transport failure of the token request: the payment waiting for the token was never sent.
#[test]
fn a_token_request_that_fails_in_transport_leaves_the_call_not_sent() {
    for kind in [TransportErrorKind::Timeout, TransportErrorKind::Io, TransportErrorKind::Connect] {
        let transport = Arc::new(Scripted::new(vec![Err(TransportError::new(kind, "token request failed"))]));
        let client = Client::with_transport(config("http://127.0.0.1:9"), transport.clone());
        let e = client.payment(&card_payment("ORD-TKN001", "1.00", CARD_NO)).unwrap_err();
        assert!(matches!(e, Error::TokenRequest { .. }) && e.outcome().is_not_sent(), "{kind:?}: {e:?}");
        assert!(!e.outcome_unknown() && !e.credentials_refused(), "{e:?}");
        assert!(e.to_string().contains("access-token request failed"), "{e}");
        assert_eq!(transport.sent_paths(), [TOKEN_PATH]);
    }
}

#[test]
fn sans_io_client_sends_nothing_and_says_not_sent() {
    let client = Client::sans_io(config("https://gateway.example.com"));
    let e = client.payment(&card_payment("ORD-SANS01", "1.00", CARD_NO)).unwrap_err();
    assert!(e.outcome().is_not_sent() && matches!(e, Error::TokenRequest { .. }), "{e:?}");
    // The sans-IO halves still work.
    let token = acqra_gateway::AccessToken::new("tok-1", None);
    let request = client.prepare(&query(), &token).unwrap();
    assert_eq!(request.header("Authorization"), Some("tok-1"));
    assert!(client.parse::<QueryRequest>(&HttpResponse::json(200, QUERY_OK)).is_ok());
}

#[test]
fn token_endpoint_failures_are_typed() {
    let mut server = mockito::Server::new();
    let m = server
        .mock("POST", TOKEN_PATH)
        .with_body(r#"{"respCode":"1001","respMsg":"invalid appId or secret"}"#)
        .expect(1)
        .create();
    let call = server.mock("POST", "/gateway/v1/payment").expect(0).create();
    let client = Client::new(config(&server.url()));
    let e = client.payment(&card_payment("ORD-TKN002", "1.00", CARD_NO)).unwrap_err();
    // The refusal is the token request's, and the payment was never sent.
    assert!(e.credentials_refused() && e.outcome().is_not_sent() && !e.outcome_unknown(), "{e:?}");
    assert!(matches!(&e, Error::TokenRequest { source } if source.api_code() == Some("1001")), "{e:?}");
    assert!(e.to_string().contains("access-token request failed"), "{e}");
    assert!(!format!("{e} {e:?}").contains(SECRET));
    m.assert();
    call.assert();
}

/// A gateway that echoes the secret in its refusal: scrubbed before the message is cut.
#[test]
fn an_echoed_secret_or_token_never_reaches_the_error() {
    let mut server = mockito::Server::new();
    let _m = server
        .mock("POST", TOKEN_PATH)
        .with_body(format!(r#"{{"respCode":"1001","respMsg":"{}bad secret {SECRET}"}}"#, "x".repeat(480)))
        .create();
    let e = Client::new(config(&server.url())).query(&query()).unwrap_err();
    let s = format!("{e} {e:?}");
    assert!(!s.contains("app-secret") && s.contains("[REDACTED"), "{s}");

    let mut server = mockito::Server::new();
    let _t = server.mock("POST", TOKEN_PATH).with_body(token_body("tok-echoed-0123456789")).create();
    let _q = server
        .mock("POST", "/gateway/v1/query")
        .with_body(r#"{"respCode":"2001","respMsg":"token tok-echoed-0123456789 not allowed"}"#)
        .create();
    let e = Client::new(config(&server.url())).query(&query()).unwrap_err();
    let s = format!("{e} {e:?}");
    assert!(e.api_code() == Some("2001") && !s.contains("tok-echoed") && s.contains("[REDACTED]"), "{s}");
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
        let client = Client::new(config(&server.url()));
        let e = client.query(&query()).unwrap_err();
        let ok = match kind {
            "api" => matches!(&e, Error::Api { code, message, .. } if code == "2001" && message == "订单不存在"),
            "decode" => matches!(e, Error::Decode(_)),
            _ => matches!(e, Error::HttpStatus { status: s } if s == status),
        };
        assert!(ok, "{status} {body:?}: {e:?}");
    }
}

/// A failure envelope is a definite refusal only when nothing in it says the payment may have been
/// made: under a 5xx status, or with a message saying the gateway failed or is still processing,
/// it keeps its code and message but its outcome is unknown.
#[test]
fn payment_refusals_under_a_5xx_or_saying_processing_are_outcome_unknown() {
    for (status, body, unknown) in [
        (500, r#"{"respCode":"9999","respMsg":"card declined"}"#, true),
        (503, r#"{"respCode":"9999","respMsg":"service unavailable"}"#, true),
        (200, r#"{"respCode":"9999","respMsg":"系统异常"}"#, true),
        (200, r#"{"respCode":"3002","respMsg":"Transaction is processing"}"#, true),
        (200, r#"{"respCode":"3001","respMsg":"card declined"}"#, false),
        (400, r#"{"respCode":"1002","respMsg":"orderNo is required"}"#, false),
    ] {
        let transport = Arc::new(Scripted::new(vec![token_ok("t0", 3600), Ok(HttpResponse::json(status, body))]));
        let client = Client::with_transport(config("http://127.0.0.1:9"), transport);
        let e = client.payment(&card_payment("ORD-5XX", "42.00", CARD_NO)).unwrap_err();
        assert!(matches!(&e, Error::Api { status: s, .. } if *s == status), "{body}: {e:?}");
        assert_eq!(e.outcome_unknown(), unknown, "{status} {body}");
    }
}

/// The schema marks `respCode` optional in 8 of its 10 responses: a 2xx answer without it (or with
/// `null`, `""` or a backend's integer `0`) is the response when it decodes as one and holds one of
/// its fields.
#[test]
fn payment_answer_without_resp_code_is_the_response() {
    let transport = Arc::new(Scripted::new(vec![
        token_ok("t0", 3600),
        Ok(HttpResponse::json(
            200,
            r#"{"amount":"42.00","currency":"USD","orderNo":"ORD-NOCODE","tradeNo":"T7","orderStatus":"authorized"}"#,
        )),
    ]));
    let client = Client::with_transport(config("http://127.0.0.1:9"), transport);
    let paid = client.payment(&card_payment("ORD-NOCODE", "42.00", CARD_NO)).unwrap();
    assert_eq!((paid.trade_no.as_str(), paid.order_status), ("T7", Some(OrderStatus::Authorized)));
    // Sans-IO, the same rule: capture and the all-optional cancel response.
    let capture = r#"{"respCode":0,"amount":"1.00","currency":"USD","orderNo":"O1","tradeNo":"T1"}"#;
    let c = client.parse::<CaptureRequest>(&HttpResponse::json(200, capture)).unwrap();
    assert_eq!(c.amount, Decimal::from_minor(100, 2));
    let cancel = r#"{"respCode":null,"orderNo":"O1","tradeNo":"T1","orderStatus":"canceled"}"#;
    let v = client.parse::<CancelRequest>(&HttpResponse::json(200, cancel)).unwrap();
    assert_eq!(v.order_status, Some(OrderStatus::Canceled));
    let q = client.parse::<QueryRequest>(&HttpResponse::json(200, r#"{"order":{"orderNo":"O1"}}"#)).unwrap();
    assert_eq!(q.order.and_then(|o| o.order_no).as_deref(), Some("O1"));
}

/// Java backends send numbers where the tables say string: ids, codes, the token's lifetime as a
/// string. The generated lenient readers take them, through the client.
#[test]
fn payment_and_refund_answers_read_numbers_for_ids_and_codes() {
    let transport = Arc::new(Scripted::new(vec![
        Ok(HttpResponse::json(200, r#"{"accessToken":"t0","expiresIn":"3600","respCode":0,"respMsg":"ok"}"#)),
        Ok(HttpResponse::json(
            200,
            r#"{"respCode":"0000","amount":42,"currency":"USD","orderNo":20250609000001,"tradeNo":589327510105900001,
               "authorizeCode":123456,"orderStatus":"authorized"}"#,
        )),
        Ok(HttpResponse::json(
            200,
            r#"{"respCode":"0000","respMsg":"ok","amount":"10.00","currency":"USD","mercId":1000001,"refundOrderNo":"RF-1",
               "refundStatus":"accepted","refundTradeNo":589327510105900002}"#,
        )),
        Ok(HttpResponse::json(200, r#"{"respCode":1001,"respMsg":"order not found"}"#)),
    ]));
    let client = Client::with_transport(config("http://127.0.0.1:9"), transport);
    let paid = client.payment(&card_payment("ORD-NUM001", "42.00", CARD_NO)).unwrap();
    assert_eq!(paid.trade_no, "589327510105900001");
    assert_eq!(paid.order_no, "20250609000001");
    assert_eq!(paid.authorize_code.as_deref(), Some("123456"));
    assert_eq!(paid.amount, Decimal::from(42));
    assert_eq!(client.access_token().unwrap().token().expires_in(), Some(Duration::from_secs(3600)));
    let refund = RefundRequest::new(Decimal::from(10), "10.1.1.1", "r", "RF-1").with_trade_no(paid.trade_no.as_str());
    let r = client.refund(&refund).unwrap();
    assert_eq!((r.merc_id.as_str(), r.refund_trade_no.as_str()), ("1000001", "589327510105900002"));
    // A numeric failure code is still a definite refusal.
    let e = client.query(&query()).unwrap_err();
    assert!(e.api_code() == Some("1001") && !e.outcome_unknown(), "{e:?}");
}

/// A 2xx answer without `respCode` that is not the response says neither success nor refusal: an
/// error whose outcome is unknown (query before sending again), never a definite refusal.
#[test]
fn answers_without_resp_code_that_are_not_the_response_are_outcome_unknown() {
    let transport = Arc::new(Scripted::new(vec![
        token_ok("t0", 3600),
        Ok(HttpResponse::json(200, r#"{"orderNo":"ORD-NOCODE","orderStatus":"authorized"}"#)),
    ]));
    let client = Client::with_transport(config("http://127.0.0.1:9"), transport);
    let e = client.payment(&card_payment("ORD-NOCODE", "42.00", CARD_NO)).unwrap_err();
    assert!(matches!(e, Error::Decode(_)) && e.outcome_unknown(), "{e:?}");
    assert!(e.to_string().contains("payment: no respCode"), "{e}");
    for (body, parse) in [
        // Another service's error shape on a 2xx: none of cancel's fields.
        (r#"{"code":"E01","message":"system busy"}"#, "cancel"),
        (r#"{}"#, "cancel"),
        (r#"{"respMsg":"processing"}"#, "query"),
        // refund's schema requires respCode itself.
        (
            r#"{"amount":"1.00","currency":"USD","mercId":"M1","refundOrderNo":"R1","refundStatus":"accepted","refundTradeNo":"RT1"}"#,
            "refund",
        ),
    ] {
        let response = HttpResponse::json(200, body);
        let e = match parse {
            "cancel" => client.parse::<CancelRequest>(&response).map(|_| ()),
            "query" => client.parse::<QueryRequest>(&response).map(|_| ()),
            _ => client.parse::<RefundRequest>(&response).map(|_| ()),
        }
        .unwrap_err();
        assert!(matches!(e, Error::Decode(_)) && e.outcome_unknown(), "{body}: {e:?}");
    }
}

#[test]
fn a_huge_body_is_refused() {
    let mut server = mockito::Server::new();
    server.mock("POST", TOKEN_PATH).with_body(token_body("t")).create();
    let huge = format!(r#"{{"respCode":"0000","respMsg":"{}"}}"#, "x".repeat(11 * 1024 * 1024));
    server.mock("POST", "/gateway/v1/query").with_body(huge).create();
    let client = Client::new(config(&server.url()));
    let e = client.query(&query()).unwrap_err();
    assert!(matches!(&e, Error::Transport(t) if t.kind() == TransportErrorKind::BodyTooLarge), "{e:?}");
}

#[test]
fn the_configured_body_limit_reaches_the_transport() {
    let mut server = mockito::Server::new();
    server.mock("POST", TOKEN_PATH).with_body(token_body("t")).create();
    let big = format!(r#"{{"respCode":"9999","respMsg":"{}"}}"#, "x".repeat(64 * 1024));
    server.mock("POST", "/gateway/v1/query").with_body(big).create();
    let limited = Config::builder()
        .base_url(server.url())
        .app_id("app-42")
        .secret(SECRET)
        .retry(RetryPolicy::none())
        .max_response_bytes(16 * 1024)
        .build()
        .unwrap();
    let e = Client::new(limited).query(&query()).unwrap_err();
    assert!(matches!(&e, Error::Transport(t) if t.kind() == TransportErrorKind::BodyTooLarge), "{e:?}");
    // The same answer under the default 10 MiB limit is read: the gateway's failure envelope.
    let e = Client::new(config(&server.url())).query(&query()).unwrap_err();
    assert!(matches!(&e, Error::Api { code, .. } if code == "9999"), "{e:?}");
}

#[test]
fn card_data_never_appears_in_debug_errors_or_prepared_request_debug() {
    let payment = card_payment("ORD-CARD1", "19.99", CARD_NO);
    let client = Client::with_transport(config("http://127.0.0.1:9"), Arc::new(Scripted::default()));
    let token = acqra_gateway::AccessToken::new("tok-secret-1", None);
    let prepared = client.prepare(&payment, &token).unwrap();
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
    let bad = card_payment("ORD-CARD2", "1.00", "4111-1111-1111-1112");
    let e = client.prepare(&bad, &token).unwrap_err();
    assert!(matches!(e, Error::InvalidRequest(_)));
    assert!(!format!("{e} {e:?}").contains("1111-1112"));
    // A gateway message that echoes the number is masked.
    let resp = HttpResponse::json(200, r#"{"respCode":"3001","respMsg":"card 4111111111111111 blocked"}"#);
    let e = client.parse::<acqra_gateway::PaymentRequest>(&resp).unwrap_err();
    let shown = format!("{e} {e:?}");
    assert!(!shown.contains(CARD_NO) && shown.contains("************1111"), "{shown}");
}

#[test]
fn bad_requests_fail_before_any_io() {
    let transport = Arc::new(Scripted::default());
    let client = Client::with_transport(config("http://127.0.0.1:9"), transport.clone());
    let e = client.capture(&CaptureRequest::new(Decimal::from(1))).unwrap_err();
    assert!(matches!(e, Error::InvalidRequest(_)), "{e:?}");
    let e = client.query(&QueryRequest::new(PaymentMethodType::Card)).unwrap_err();
    assert!(matches!(e, Error::InvalidRequest(_)));
    // Nothing was sent, not even a token request.
    assert!(transport.sent_paths().is_empty());
}

// What each endpoint refuses before anything is sent (`Endpoint::validate`, which `prepare` and
// every client method run first): the rules of the docs' constraints columns, then the hand-written
// `validate_ext` checks. Messages name the endpoint, the field and the rule, never the value.

/// The message of a refused request.
fn refused<E: Endpoint>(request: &E) -> String {
    request.validate().expect_err("the request should be refused").message().to_string()
}

const NEITHER: &str = "orderNo or tradeNo must be given (not blank)";

#[test]
fn cancel_needs_an_order_or_trade_number() {
    assert_eq!(refused(&CancelRequest::new()), format!("cancel: {NEITHER}"));
    assert_eq!(refused(&CancelRequest::new().with_order_no("  ").with_trade_no("")), format!("cancel: {NEITHER}"));
    assert!(CancelRequest::new().with_trade_no("T1").validate().is_ok());
    assert!(CancelRequest::new().with_order_no("O").validate().is_ok());
}

#[test]
fn capture_needs_a_positive_amount_and_an_order_or_trade_number() {
    assert_eq!(refused(&CaptureRequest::new(Decimal::from(1))), format!("capture: {NEITHER}"));
    assert!(CaptureRequest::new(Decimal::from(1)).with_trade_no("T1").validate().is_ok());
    let e = refused(&CaptureRequest::new(Decimal::from(0)).with_trade_no("T1"));
    assert_eq!(e, "capture: captureAmount must be greater than zero");
}

#[test]
fn cashier_order_checks_amount_currency_and_order_number() {
    let order = |amount: i64, currency: &str, order_no: &str| {
        CashierOrderRequest::new(Decimal::from(amount), Currency::new(currency).unwrap(), order_no)
    };
    assert!(order(9, "USD", "CS-0001").validate().is_ok());
    assert!(order(9, "USD", &"O".repeat(64)).validate().is_ok());
    assert_eq!(refused(&order(0, "USD", "CS-0001")), "cashier_order: amount must be greater than zero");
    // A currency is a Currency: a code that is not ISO 4217 cannot be written.
    for bad in ["usd", "US1", "USDT", "XYZ"] {
        let e = Currency::new(bad).unwrap_err().to_string();
        assert!(e.contains("not an ISO 4217 currency code"), "{bad}: {e}");
    }
    assert_eq!(refused(&order(9, "USD", "CS-1")), "cashier_order: orderNo must be 5 to 64 characters");
    assert_eq!(refused(&order(9, "USD", &"O".repeat(65))), "cashier_order: orderNo must be 5 to 64 characters");
}

#[test]
fn query_needs_an_order_or_trade_number() {
    assert_eq!(refused(&QueryRequest::new(PaymentMethodType::Card)), format!("query: {NEITHER}"));
    assert!(QueryRequest::new(PaymentMethodType::Card).with_order_no("O-12345").validate().is_ok());
}

#[test]
fn refund_query_needs_an_order_or_trade_number() {
    let e = refused(&RefundQueryRequest::new(PaymentMethodType::Card).with_order_no(" "));
    assert_eq!(e, format!("refund_query: {NEITHER}"));
    assert!(RefundQueryRequest::new(PaymentMethodType::Card).with_trade_no("T1").validate().is_ok());
}

#[test]
fn refund_needs_a_number_and_the_payment() {
    let refund = |amount: i64, number: &str| RefundRequest::new(Decimal::from(amount), "1.1.1.1", "r", number);
    assert_eq!(refused(&refund(1, "R1")), format!("refund: {NEITHER}"));
    assert_eq!(refused(&refund(1, " ").with_trade_no("T1")), "refund: refundNumber must not be blank");
    assert_eq!(refused(&refund(1, "").with_order_no("ORD-1")), "refund: refundNumber must not be blank");
    assert_eq!(refused(&refund(0, "R1").with_trade_no("T1")), "refund: amount must be greater than zero");
    assert!(refund(1, "R1").with_trade_no("T1").validate().is_ok());
}

#[test]
fn shipping_tracking_modify_needs_a_change() {
    let modify = |iterms: Vec<TrackingIterm>| ShippingTrackingModifyRequest::new(iterms, "ORD-0001", "TRK-1");
    assert_eq!(refused(&modify(Vec::new())), "shipping_tracking_modify: iterms must have at least 1 item");
    assert!(modify(vec![TrackingIterm::new().with_op(TrackingOp::Replace)]).validate().is_ok());
}

#[test]
fn shipping_tracking_batch_refuses_an_empty_array() {
    let e = refused(&ShippingTrackingBatchRequest::new(Vec::new()));
    assert_eq!(e, "shipping_tracking_batch: the batch is empty");
    assert!(ShippingTrackingBatchRequest::new(vec![tracking("ORD-0001", "TRK-1")]).validate().is_ok());
}

#[test]
fn payment_checks_amount_currency_order_number_and_the_card() {
    let pay = |amount: i64, currency: &str, order_no: &str, card: Option<Card>| {
        let currency = Currency::new(currency).unwrap();
        let p = PaymentRequest::new(Decimal::from(amount), currency, device(), order_no, PaymentMethodType::Card);
        match card {
            Some(c) => p.with_card(c),
            None => p,
        }
    };
    let good = || Some(card(CARD_NO));
    assert!(pay(5, "USD", "ORD-0001", good()).validate().is_ok());
    assert_eq!(refused(&pay(0, "USD", "ORD-0001", good())), "payment: amount must be greater than zero");
    assert_eq!(refused(&pay(5, "USD", "ORD1", good())), "payment: orderNo must be 5 to 64 characters");
    assert_eq!(refused(&pay(5, "USD", "ORD-0001", None)), "payment: paymentMethodType card needs card");
    let wechat = PaymentRequest::new(Decimal::from(5), Currency::USD, device(), "ORD-0001", PaymentMethodType::Wechat);
    assert!(wechat.validate().is_ok());
}

/// Every card rule, through `payment` and `mit_payment`: the `Card` table's constraints (no Luhn
/// check: see `payment_sends_a_card_number_that_fails_luhn`).
#[test]
fn payment_refuses_a_malformed_card_without_echoing_it() {
    let no = |no: &str| Card::new(no, "06", "2099", "Si", "Li");
    let expiry = |month: &str, year: &str| Card::new(CARD_NO, month, year, "Si", "Li");
    let months = "01, 02, 03, 04, 05, 06, 07, 08, 09, 10, 11, 12";
    let cases = [
        (no("41111111"), "cardNo must be 13 to 19 characters".to_string()),
        (no("41111111111111111111"), "cardNo must be 13 to 19 characters".to_string()),
        (no("4111-1111-1111-1111"), "cardNo must be digits (0-9)".to_string()),
        (no("4111 1111 1111 111"), "cardNo must be digits (0-9)".to_string()),
        (card(CARD_NO).with_cvc("40x"), "cvc must be digits (0-9)".to_string()),
        (card(CARD_NO).with_cvc("12"), "cvc must be 3 to 4 characters".to_string()),
        (card(CARD_NO).with_cvc("12345"), "cvc must be 3 to 4 characters".to_string()),
        (expiry("13", "2099"), format!("expiryMonth must be one of {months}")),
        (expiry("00", "2099"), format!("expiryMonth must be one of {months}")),
        (expiry("6", "2099"), format!("expiryMonth must be one of {months}")),
        (expiry("006", "2099"), format!("expiryMonth must be one of {months}")),
        // Two characters that parse as a month are not two digits.
        (expiry("+1", "2099"), format!("expiryMonth must be one of {months}")),
        (expiry("06", "99"), "expiryYear must be 4 characters".to_string()),
        (expiry("06", "20x9"), "expiryYear must be digits (0-9)".to_string()),
    ];
    for (bad, rule) in cases {
        let payment =
            PaymentRequest::new(Decimal::from(5), Currency::USD, device(), "ORD-0001", PaymentMethodType::Card)
                .with_card(bad.clone());
        let mit = MitPaymentRequest::new(Decimal::from(5), billing(), bad.clone(), Currency::USD, "ORD-0001");
        for (e, endpoint) in [(refused(&payment), "payment"), (refused(&mit), "mit_payment")] {
            assert_eq!(e, format!("{endpoint}: card.{rule}"));
            assert!(!e.contains("1111"), "{e}");
        }
        // The card alone: the same rules, named after the card.
        assert_eq!(bad.validate().unwrap_err().message(), format!("card: {rule}"));
    }
    for good in [
        no("4111111111111111"),
        no("5555555555554444"),
        no("4222222222222"),
        no("4111111111111112"),
        no("6212454545454690"),
        expiry("12", "2030").with_cvc("1234"),
        expiry("01", "2030").with_cvc("000"),
    ] {
        assert!(good.validate().is_ok());
        assert!(
            MitPaymentRequest::new(Decimal::from(5), billing(), good, Currency::USD, "ORD-0001").validate().is_ok()
        );
    }
}

/// The provider's own example card `6212454545454690` (UnionPay) fails the Luhn check: it is sent
/// as it is, and the gateway judges it. A message echoing it is masked all the same.
#[test]
fn payment_sends_a_card_number_that_fails_luhn() {
    const UNIONPAY: &str = "6212454545454690";
    let transport = Arc::new(Scripted::new(vec![
        token_ok("t0", 3600),
        Ok(HttpResponse::json(200, r#"{"respCode":"3002","respMsg":"card 6212454545454690 not enrolled"}"#)),
    ]));
    let client = Client::with_transport(config("http://127.0.0.1:9"), transport.clone());
    let e = client.payment(&card_payment("ORD-UPI001", "5.00", UNIONPAY)).unwrap_err();
    let sent = transport.sent.lock().unwrap()[1].clone();
    assert_eq!(sent.path(), "/gateway/v1/payment");
    assert!(String::from_utf8(sent.body.clone()).unwrap().contains(&format!(r#""cardNo":"{UNIONPAY}""#)));
    // The gateway's refusal stays definite, and the number is masked in it.
    assert_eq!(e.api_code(), Some("3002"));
    assert!(!e.outcome_unknown());
    let shown = format!("{e} {e:?}");
    assert!(!shown.contains("62124545") && shown.contains("************4690"), "{shown}");
    let mit = MitPaymentRequest::new(Decimal::from(5), billing(), card(UNIONPAY), Currency::USD, "ORD-UPI002");
    assert!(mit.validate().is_ok());
}

/// The document's "长度7,2": at most 2 decimals, and no more than the currency has (JPY none).
#[test]
fn amounts_have_at_most_two_decimals_and_fit_the_currency() {
    let amount = |s: &str| s.parse::<Decimal>().unwrap();
    let pay = |a: &str, c: Currency| {
        PaymentRequest::new(amount(a), c, device(), "ORD-0001", PaymentMethodType::Card).with_card(card(CARD_NO))
    };
    assert!(pay("100.99", Currency::USD).validate().is_ok());
    assert!(pay("100", Currency::JPY).validate().is_ok());
    assert_eq!(refused(&pay("100.999", Currency::USD)), "payment: amount must have at most 2 decimal places");
    assert_eq!(
        refused(&pay("100.99", Currency::JPY)),
        "payment: amount must fit the currency: JPY amounts have no decimal places"
    );
    let session = CashierOrderRequest::new(amount("1.001"), Currency::HKD, "CS-0001");
    assert_eq!(refused(&session), "cashier_order: amount must have at most 2 decimal places");
    let session = CashierOrderRequest::new(amount("5.5"), Currency::JPY, "CS-0001");
    assert!(refused(&session).contains("JPY amounts have no decimal places"));
    let mit = MitPaymentRequest::new(amount("1.005"), billing(), card(CARD_NO), Currency::USD, "MIT-0001");
    assert_eq!(refused(&mit), "mit_payment: amount must have at most 2 decimal places");
    let capture = CaptureRequest::new(amount("0.001")).with_trade_no("T1");
    assert_eq!(refused(&capture), "capture: captureAmount must have at most 2 decimal places");
    let refund = RefundRequest::new(amount("1.234"), "10.1.1.1", "r", "RF-0001").with_order_no("ORD-0001");
    assert_eq!(refused(&refund), "refund: amount must have at most 2 decimal places");
    // Refused locally: nothing is sent.
    let client = Client::with_transport(config("http://127.0.0.1:9"), Arc::new(Scripted::default()));
    let e = client.payment(&pay("100.999", Currency::USD)).unwrap_err();
    assert!(matches!(e, Error::InvalidRequest(_)) && e.outcome().is_not_sent(), "{e:?}");
}

/// The lengths and formats the document's schemas give (`string[1..50]`, `<= 50 characters`,
/// `[yyyy-MM-dd]`, ISO 3166-1 alpha-2 upper case, `[O,min5~max64]`, ...) are checked before sending,
/// in nested blocks too, at their bounds: a request the gateway's validation would refuse never leaves.
#[test]
fn documented_lengths_and_formats_are_checked_before_sending() {
    use acqra_gateway::{Address, Billing, Phone, ProductInfo, Shipping, Wechat, WechatProductType};
    let pay = || {
        PaymentRequest::new(Decimal::from(1), Currency::USD, device(), "ORD-0001", PaymentMethodType::Card)
            .with_card(card(CARD_NO))
    };
    let address = || Address::new("Seattle", "HK", "1 Main St", "98102", "WA");
    let shipping = |first: &str| Shipping::new(address(), first, "Li", Phone::new().with_number("18510775231"));
    let x = |n: usize| "x".repeat(n);
    // At the bounds: accepted.
    assert!(pay().with_description(x(50)).with_front_url(x(128)).with_billing_desc(x(18)).validate().is_ok());
    assert!(pay().with_shipping(shipping(&x(64))).validate().is_ok());
    assert!(pay().with_billing(billing().with_birthday("2022-08-01").with_email("a@b")).validate().is_ok());
    // One past them, or malformed: refused, naming the field and never the value.
    let cases: Vec<(PaymentRequest, &str)> = vec![
        (pay().with_description(x(51)), "payment: description must be 1 to 50 characters"),
        (pay().with_description(""), "payment: description must be 1 to 50 characters"),
        (pay().with_billing_desc(x(19)), "payment: billingDesc must be 1 to 18 characters"),
        (pay().with_front_url("ab"), "payment: frontUrl must be 3 to 128 characters"),
        (pay().with_shipping(shipping(&x(65))), "payment: shipping.firstName must be 1 to 64 characters"),
        (pay().with_billing(billing().with_birthday("2022/08/01")), "payment: billing.birthday"),
        (pay().with_billing(billing().with_email("ab")), "payment: billing.email must be 3 to 255 characters"),
        (
            pay().with_billing(Billing::new(Address::new("Seattle", "hk", "1 Main St", "98102", "WA"))),
            "payment: billing.address.country",
        ),
        (pay().with_billing(Billing::new(Address::new(x(51), "HK", "l1", "98102", "WA"))), "billing.address.city"),
        (
            pay().with_product_info(vec![ProductInfo::new(Decimal::from(1), x(513), "1", "SKU-1")]),
            "payment: productInfo[0].productName must be 1 to 512 characters",
        ),
        (
            pay().with_wechat(Wechat::new(WechatProductType::QrCode).with_attach(x(51))),
            "payment: wechat.attach must be 1 to 50 characters",
        ),
    ];
    for (request, message) in cases {
        let got = refused(&request);
        assert!(got.starts_with(message) || got.contains(message), "{got} / {message}");
        assert!(!got.contains(&x(50)), "{got}");
    }
    // What the document leaves open passes: an address field's minimum ("<= 128 characters", a Hong
    // Kong address has no postcode, line2 is often left empty).
    let hong_kong = Address::new("Central", "HK", "1 Queen's Road", "", "").with_line2("").with_line3("");
    assert!(pay().with_billing(Billing::new(hong_kong.clone())).validate().is_ok());
    assert!(pay().with_shipping(Shipping::new(hong_kong, "Si", "Li", Phone::new())).validate().is_ok());
    // Lengths are counted as the gateway's Java counts them (String.length(), UTF-16 units): one per
    // Chinese character, two per emoji.
    assert!(pay().with_description("支".repeat(50)).validate().is_ok());
    assert!(pay().with_description("😀".repeat(25)).validate().is_ok());
    assert_eq!(refused(&pay().with_description("😀".repeat(26))), "payment: description must be 1 to 50 characters");
    let session = CashierOrderRequest::new(Decimal::from(1), Currency::USD, "CS-0001");
    assert_eq!(refused(&session.clone().with_front_url("ab")), "cashier_order: frontUrl must be 3 to 128 characters");
    assert!(refused(&session.clone().with_expiry_time("14400m")).starts_with("cashier_order: expiryTime"));
    assert!(session.with_expiry_time("14400").validate().is_ok());
    let sub = SubscriptionPaymentRequest::new(Decimal::from(1), "12", "2099", "SUB-0001");
    assert_eq!(
        refused(&sub.clone().with_transaction_identifier("1234")),
        "subscription_payment: transactionIdentifier must be 5 to 64 characters"
    );
    assert_eq!(
        refused(&sub.with_transaction_identifier("12345").with_description(x(51))),
        "subscription_payment: description must be 1 to 50 characters"
    );
}

#[test]
fn mit_payment_checks_amount_currency_and_order_number() {
    let mit = |amount: i64, currency: &str, order_no: &str| {
        MitPaymentRequest::new(
            Decimal::from(amount),
            billing(),
            card(CARD_NO),
            Currency::new(currency).unwrap(),
            order_no,
        )
    };
    assert!(mit(3, "USD", "MIT-0001").validate().is_ok());
    assert_eq!(refused(&mit(0, "USD", "MIT-0001")), "mit_payment: amount must be greater than zero");
    assert_eq!(refused(&mit(3, "USD", &"M".repeat(65))), "mit_payment: orderNo must be 5 to 64 characters");
}

#[test]
fn subscription_payment_checks_amount_order_number_and_the_credential() {
    let sub = |amount: i64, order_no: &str| {
        SubscriptionPaymentRequest::new(Decimal::from(amount), "06", "2099", order_no)
            .with_transaction_identifier("00005")
    };
    assert!(sub(1, "SUB-0001").validate().is_ok());
    assert_eq!(refused(&sub(0, "SUB-0001")), "subscription_payment: amount must be greater than zero");
    assert_eq!(refused(&sub(1, "SUB1")), "subscription_payment: orderNo must be 5 to 64 characters");
    let without = SubscriptionPaymentRequest::new(Decimal::from(1), "06", "2099", "SUB-0001");
    assert_eq!(refused(&without), "subscription_payment: cardNo or transactionIdentifier must be given (not blank)");
    let blank = without.clone().with_card_no(" ").with_transaction_identifier("");
    assert!(refused(&blank).starts_with("subscription_payment: cardNo or transactionIdentifier"));
    let short = without.clone().with_card_no("411111");
    assert_eq!(refused(&short), "subscription_payment: cardNo must be 13 to 19 characters");
}

/// The schema makes `cardNo` and `transactionIdentifier` both optional: either names the card.
#[test]
fn subscription_payment_accepts_the_card_number_instead_of_the_credential() {
    let by_card = SubscriptionPaymentRequest::new(Decimal::from(1), "06", "2099", "SUB-0001").with_card_no(CARD_NO);
    assert!(by_card.validate().is_ok());
    let both = by_card.clone().with_transaction_identifier("00005");
    assert!(both.validate().is_ok());
    let r = on_the_wire(
        "/gateway/v1/subscriptionPayment",
        &format!(
            r#"{{"amount":"1","cardNo":"{CARD_NO}","expiryMonth":"06","expiryYear":"2099","orderNo":"SUB-0001"}}"#
        ),
        r#"{"respCode":"0000","respMsg":"ok","amount":"1.00","currency":"USD","orderNo":"SUB-0001","tradeNo":"T4"}"#,
        |c| c.subscription_payment(&by_card),
    );
    assert_eq!(r.trade_no, "T4");
}

#[test]
fn a_401_from_the_token_endpoint_is_reported_once() {
    let mut server = mockito::Server::new();
    let token = server.mock("POST", TOKEN_PATH).with_status(401).expect(1).create();
    let call = server.mock("POST", "/gateway/v1/query").expect(0).create();
    let client = Client::new(config(&server.url()));
    let e = client.query(&query()).unwrap_err();
    assert!(matches!(&e, Error::TokenRequest { source } if matches!(**source, Error::Unauthorized)), "{e:?}");
    assert!(e.credentials_refused() && e.outcome().is_not_sent(), "{e:?}");
    token.assert();
    call.assert();
}

// Each endpoint's method, path and exact body on the wire.

/// One call against a loopback gateway: a token, then exactly one `POST path` carrying exactly
/// `body` and `Authorization: tok-w`, answered with `answer`.
fn on_the_wire<T>(path: &str, body: &str, answer: &str, call: impl FnOnce(&Client) -> Result<T, Error>) -> T {
    let mut server = mockito::Server::new();
    let token = server.mock("POST", TOKEN_PATH).with_body(token_body("tok-w")).expect(1).create();
    let endpoint = server
        .mock("POST", path)
        .match_header("authorization", "tok-w")
        .match_header("content-type", "application/json")
        .match_header("accept", "*/*")
        .match_body(Matcher::Exact(body.to_owned()))
        .with_body(answer)
        .expect(1)
        .create();
    let out = call(&Client::new(config(&server.url()))).unwrap_or_else(|e| panic!("{path}: {e:?}"));
    token.assert();
    endpoint.assert();
    out
}

fn tracking(order_no: &str, tracking_no: &str) -> ShippingTrackingRequest {
    ShippingTrackingRequest::new(
        "FEDEX",
        order_no,
        "2025-06-09",
        ShipmentDirection::Forward,
        ShippingStatus::Shipped,
        tracking_no,
        TrackingNumberType::CarrierProvided,
    )
}

const TRACKING_OK: &str = r#"{"respCode":"0000","respMsg":"ok","trackings":["TK1"],"desc":"accepted"}"#;

#[test]
fn cancel_voids_by_trade_number() {
    let r = on_the_wire(
        "/gateway/v1/cancel",
        r#"{"tradeNo":"T1"}"#,
        r#"{"respCode":"0000","respMsg":"ok","orderNo":"ORD-0001","tradeNo":"T1","orderStatus":"canceled"}"#,
        |c| c.cancel(&CancelRequest::new().with_trade_no("T1")),
    );
    assert_eq!(r.order_status, Some(OrderStatus::Canceled));
}

#[test]
fn capture_sends_the_amount_as_a_decimal_string() {
    let r = on_the_wire(
        "/gateway/v1/capture",
        r#"{"captureAmount":"0.10","tradeNo":"T1"}"#,
        r#"{"respCode":"0000","respMsg":"ok","amount":"0.10","currency":"USD","orderNo":"O","tradeNo":"T1"}"#,
        |c| c.capture(&CaptureRequest::new(Decimal::from_minor(10, 2)).with_trade_no("T1")),
    );
    assert_eq!(r.amount, Decimal::from_minor(10, 2));
}

#[test]
fn cashier_order_answers_with_the_hosted_page() {
    let r = on_the_wire(
        "/gateway/v1/cashier/order",
        r#"{"amount":"25.00","currency":"USD","orderNo":"CS-000001"}"#,
        r#"{"respCode":"0000","respMsg":"ok","orderNo":"CS-000001","redirectUrl":"https://pay.example/CS-000001"}"#,
        |c| c.cashier_order(&CashierOrderRequest::new(Decimal::from_minor(2500, 2), Currency::USD, "CS-000001")),
    );
    assert_eq!(r.redirect_url, "https://pay.example/CS-000001");
}

#[test]
fn mit_payment_sends_the_card_and_billing() {
    let body = format!(
        r#"{{"amount":"3.00","billing":{{"address":{{"city":"Seattle","country":"HK","line1":"1 Main St","postcode":"98102","state":"WA"}}}},"card":{{"captureMethod":"manual","cardNo":"{CARD_NO}","cvc":"{CVC}","expiryMonth":"06","expiryYear":"2099","firstName":"Si","lastName":"Li"}},"currency":"USD","orderNo":"ORD-MIT001"}}"#
    );
    let r = on_the_wire(
        "/gateway/v1/mitPayment",
        &body,
        r#"{"respCode":"0000","respMsg":"ok","amount":"3.00","currency":"USD","orderNo":"ORD-MIT001","tradeNo":"T9"}"#,
        |c| {
            c.mit_payment(&MitPaymentRequest::new(
                Decimal::from_minor(300, 2),
                billing(),
                card(CARD_NO),
                Currency::USD,
                "ORD-MIT001",
            ))
        },
    );
    let r: MitPaymentResponse = r;
    assert_eq!(r.trade_no, "T9");
}

#[test]
fn payment_sends_the_card_once_serialized() {
    let body = format!(
        r#"{{"amount":"42.00","billing":{{"address":{{"city":"Seattle","country":"HK","line1":"1 Main St","postcode":"98102","state":"WA"}},"storedcredentials":"store"}},"card":{{"captureMethod":"manual","cardNo":"{CARD_NO}","cvc":"{CVC}","expiryMonth":"06","expiryYear":"2099","firstName":"Si","lastName":"Li"}},"currency":"USD","deviceInfo":{{"browser":{{"userAgent":"Mozilla/5.0 (test)"}},"clientIp":"10.1.1.1","language":"en-US"}},"orderNo":"ORD-PAY001","paymentMethodType":"card"}}"#
    );
    let r = on_the_wire(
        "/gateway/v1/payment",
        &body,
        r#"{"respCode":"0000","respMsg":"ok","amount":"42.00","currency":"USD","orderNo":"ORD-PAY001","tradeNo":"T2","orderStatus":"authorized"}"#,
        |c| c.payment(&card_payment("ORD-PAY001", "42.00", CARD_NO)),
    );
    assert_eq!(r.order_status, Some(OrderStatus::Authorized));
}

#[test]
fn query_reads_the_order_and_its_refunds() {
    let r = on_the_wire("/gateway/v1/query", r#"{"orderNo":"ORD-0001","paymentMethodType":"card"}"#, QUERY_OK, |c| {
        c.query(&query())
    });
    assert_eq!(r.order.and_then(|o| o.order_status), Some(OrderStatus::Authorized));
    assert_eq!(r.refund.map(|r| r.len()), Some(0));
}

#[test]
fn refund_query_reads_the_refund() {
    let r = on_the_wire(
        "/gateway/v1/refundQuery",
        r#"{"orderNo":"RF-1","paymentMethodType":"card"}"#,
        r#"{"respCode":"0000","respMsg":"ok","amount":"10.00","currency":"USD","mercId":"M1","refundOrderNo":"RF-1","refundStatus":"accepted","refundTradeNo":"RT1"}"#,
        |c| c.refund_query(&RefundQueryRequest::new(PaymentMethodType::Card).with_order_no("RF-1")),
    );
    let r: RefundQueryResponse = r;
    assert_eq!(r.refund_status, RefundStatus::Accepted);
}

#[test]
fn refund_sends_the_refund_number() {
    let r = on_the_wire(
        "/gateway/v1/refund",
        r#"{"amount":"10.00","clientIp":"10.1.1.1","orderNo":"ORD-0001","reason":"damaged","refundNumber":"RF-1"}"#,
        r#"{"respCode":"0000","respMsg":"ok","amount":"10.00","currency":"USD","mercId":"M1","refundOrderNo":"RF-1","refundStatus":"accepted","refundTradeNo":"RT1"}"#,
        |c| {
            c.refund(
                &RefundRequest::new(Decimal::from_minor(1000, 2), "10.1.1.1", "damaged", "RF-1")
                    .with_order_no("ORD-0001"),
            )
        },
    );
    assert_eq!(r.refund_trade_no, "RT1");
}

#[test]
fn shipping_retrieve_reads_the_tracking() {
    let r = on_the_wire(
        "/gateway/v1/shipping/retrieve",
        r#"{"matedata":{},"orderNo":"ORD-0001","trackingNo":"TRK-1"}"#,
        r#"{"respCode":"0000","respMsg":"ok","carrier":"FEDEX","orderNo":"ORD-0001","shipmentDate":"2025-06-09","shipmentDirection":"FORWARD","shippingStatus":"SHIPPED","trackingNo":"TRK-1","trackingNumberType":"CARRIER_PROVIDED"}"#,
        |c| c.shipping_retrieve(&ShippingRetrieveRequest::new(BTreeMap::new(), "ORD-0001", "TRK-1")),
    );
    assert_eq!(r.shipping_status, ShippingStatus::Shipped);
}

const TRACKING_BODY: &str = r#"{"carrier":"FEDEX","orderNo":"ORD-0001","shipmentDate":"2025-06-09","shipmentDirection":"FORWARD","shippingStatus":"SHIPPED","trackingNo":"TRK-1","trackingNumberType":"CARRIER_PROVIDED"}"#;

#[test]
fn shipping_tracking_adds_one_tracking() {
    let r = on_the_wire("/gateway/v1/shipping/tracking", TRACKING_BODY, TRACKING_OK, |c| {
        c.shipping_tracking(&tracking("ORD-0001", "TRK-1"))
    });
    assert_eq!(r.trackings, Some(vec!["TK1".to_owned()]));
}

#[test]
fn shipping_tracking_batch_sends_a_json_array() {
    let r = on_the_wire("/gateway/v1/shipping/tracking-batch", &format!("[{TRACKING_BODY}]"), TRACKING_OK, |c| {
        c.shipping_tracking_batch(&ShippingTrackingBatchRequest::new(vec![tracking("ORD-0001", "TRK-1")]))
    });
    let r: ShippingTrackingBatchResponse = r;
    assert_eq!(r.desc.as_deref(), Some("accepted"));
}

#[test]
fn shipping_tracking_modify_sends_patch_operations() {
    let cancel = ShippingTrackingModifyRequest::new(
        vec![TrackingIterm::new().with_op(TrackingOp::Replace).with_path("/status").with_value("CANCELLED")],
        "ORD-0001",
        "TRK-1",
    );
    let r = on_the_wire(
        "/gateway/v1/shipping/tracking-modify",
        r#"{"iterms":[{"op":"replace","path":"/status","value":"CANCELLED"}],"orderNo":"ORD-0001","trackingNo":"TRK-1"}"#,
        TRACKING_OK,
        |c| c.shipping_tracking_modify(&cancel),
    );
    let r: ShippingTrackingModifyResponse = r;
    assert_eq!(r.trackings.map(|t| t.len()), Some(1));
}

/// The provider's example answers `"trackings": "ids"` (a string) where the schema says an array:
/// one string is read as a one-item list (a Java backend's number too).
#[test]
fn shipping_tracking_modify_reads_trackings_as_a_string() {
    let modify = ShippingTrackingModifyRequest::new(
        vec![TrackingIterm::new().with_op(TrackingOp::Replace).with_path("/status").with_value("DELIVERED")],
        "ORD-0001",
        "TRK-1",
    );
    let transport = Arc::new(Scripted::new(vec![
        token_ok("t0", 3600),
        Ok(HttpResponse::json(200, r#"{"respCode":"0000","respMsg":"ok","trackings":"TK1"}"#)),
        Ok(HttpResponse::json(200, r#"{"respCode":"0000","respMsg":"ok","trackings":["TK3",4]}"#)),
        Ok(HttpResponse::json(200, r#"{"respCode":"0000","respMsg":"ok","trackings":5}"#)),
    ]));
    let client = Client::with_transport(config("http://127.0.0.1:9"), transport);
    let r = client.shipping_tracking_modify(&modify).unwrap();
    assert_eq!(r.trackings, Some(vec!["TK1".to_owned()]));
    let r = client.shipping_tracking(&tracking("ORD-0001", "TRK-3")).unwrap();
    assert_eq!(r.trackings, Some(vec!["TK3".to_owned(), "4".to_owned()]));
    let r = client.shipping_tracking_modify(&modify).unwrap();
    assert_eq!(r.trackings, Some(vec!["5".to_owned()]));
}

/// `matedata` / `metadata`: the schema says an object, the provider's examples send a string. The
/// client sends whichever it is given, as it is.
#[test]
fn shipping_retrieve_sends_matedata_as_an_object_or_a_string() {
    let answer = r#"{"respCode":"0000","respMsg":"ok","shipmentDate":"2025-06-09","shipmentDirection":"FORWARD","shippingStatus":"SHIPPED","trackingNumberType":"CARRIER_PROVIDED"}"#;
    on_the_wire(
        "/gateway/v1/shipping/retrieve",
        r#"{"matedata":"K-V","orderNo":"ORD-0001","trackingNo":"TRK-1"}"#,
        answer,
        |c| c.shipping_retrieve(&ShippingRetrieveRequest::new("K-V", "ORD-0001", "TRK-1")),
    );
    let map = BTreeMap::from([("K".to_owned(), serde_json::json!("V"))]);
    on_the_wire(
        "/gateway/v1/shipping/retrieve",
        r#"{"matedata":{"K":"V"},"orderNo":"ORD-0001","trackingNo":"TRK-1"}"#,
        answer,
        |c| c.shipping_retrieve(&ShippingRetrieveRequest::new(map, "ORD-0001", "TRK-1")),
    );
    let paypal = acqra_gateway::PayPal::new("checkout").with_metadata("key-value");
    assert_eq!(
        serde_json::to_value(&paypal).unwrap(),
        serde_json::json!({"metadata":"key-value","productType":"checkout"})
    );
    let modify = ShippingTrackingModifyRequest::new(vec![TrackingIterm::new()], "ORD-0001", "TRK-1")
        .with_matedata(Metadata::default());
    assert_eq!(serde_json::to_value(&modify).unwrap()["matedata"], serde_json::json!({}));
}

#[test]
fn subscription_payment_sends_the_stored_credential() {
    let sub = SubscriptionPaymentRequest::new(Decimal::from_minor(999, 2), "06", "2099", "ORD-SUB002")
        .with_transaction_identifier("000000000000020005060720116005061");
    let r = on_the_wire(
        "/gateway/v1/subscriptionPayment",
        r#"{"amount":"9.99","expiryMonth":"06","expiryYear":"2099","orderNo":"ORD-SUB002","transactionIdentifier":"000000000000020005060720116005061"}"#,
        r#"{"respCode":"0000","respMsg":"ok","amount":"9.99","currency":"USD","orderNo":"ORD-SUB002","tradeNo":"T3","orderStatus":"successed"}"#,
        |c| c.subscription_payment(&sub),
    );
    assert_eq!(r.order_status, Some(OrderStatus::Successed));
}

#[test]
fn token_sends_the_given_credentials_and_caches_nothing() {
    let mut server = mockito::Server::new();
    let token = server
        .mock("POST", TOKEN_PATH)
        .match_header("authorization", Matcher::Missing)
        .match_body(Matcher::Exact(r#"{"appId":"other-app","secret":"other-secret"}"#.into()))
        .with_body(token_body("tok-other"))
        .expect(2)
        .create();
    let client = Client::new(config(&server.url()));
    for _ in 0..2 {
        let r = client.token(&TokenRequest::new("other-app", "other-secret")).unwrap();
        assert_eq!(r.access_token.as_ref().map(|t| t.expose()), Some("tok-other"));
        assert_eq!(r.expires_in, Some(3600));
    }
    token.assert();
    // Nothing was cached: the client's own token is fetched with its own credentials.
    let own = server
        .mock("POST", TOKEN_PATH)
        .match_body(Matcher::Exact(format!(r#"{{"appId":"app-42","secret":"{SECRET}"}}"#)))
        .with_body(token_body("tok-own"))
        .expect(1)
        .create();
    assert_eq!(client.access_token().unwrap().token().secret().expose(), "tok-own");
    own.assert();
}

// Sans-IO: the same requests answered by the sandbox's gateway without any socket.

#[cfg(feature = "sandbox")]
#[test]
fn payment_without_any_socket() {
    let gateway = acqra_gateway::sandbox::SandboxGateway::default();
    let config = Config::builder().base_url("https://sandbox.invalid").app_id(APP_ID).secret(SANDBOX_SECRET);
    let config = config.build().unwrap();
    // The transport is never used: it would panic (no scripted answers).
    let client = Client::with_transport(config, Arc::new(Scripted::default()));

    let token_request = client.prepare_token_request().unwrap();
    assert_eq!(token_request.url, "https://sandbox.invalid/gateway/v1/connect/token");
    let token = client.parse_token_response(&gateway.handle(&token_request)).unwrap();

    let payment = card_payment("ORD-SANS01", "12.34", CARD_NO);
    let request = client.prepare(&payment, &token).unwrap();
    assert_eq!(request.header("Authorization"), Some(token.secret().expose()));
    assert!(!request.idempotent);
    let paid = client.parse::<PaymentRequest>(&gateway.handle(&request)).unwrap();
    assert_eq!(paid.order_status, Some(OrderStatus::Authorized));

    let capture = CaptureRequest::new("12.34".parse::<Decimal>().unwrap()).with_trade_no(paid.trade_no.as_str());
    let captured = client.parse::<CaptureRequest>(&gateway.handle(&client.prepare(&capture, &token).unwrap()));
    assert_eq!(captured.unwrap().order_status, Some(OrderStatus::Successed));

    let query = QueryRequest::new(PaymentMethodType::Card).with_order_no("ORD-SANS01");
    let request = client.prepare(&query, &token).unwrap();
    assert!(request.idempotent);
    let q = client.parse::<QueryRequest>(&gateway.handle(&request)).unwrap();
    assert_eq!(q.order.unwrap().order_status, Some(OrderStatus::Successed));
    assert_eq!(gateway.tokens_issued(), 1);
}

#[cfg(feature = "sandbox")]
#[test]
fn many_threads_one_token_from_the_sandbox() {
    let sandbox = acqra_gateway::sandbox::Sandbox::start().unwrap();
    let client = sandbox.client().unwrap();
    let payment = client.payment(&card_payment("ORD-THRD01", "5.00", CARD_NO)).unwrap();
    assert_eq!(sandbox.gateway().tokens_issued(), 1);
    sandbox.gateway().expire_tokens();
    client.token_cache().clear();
    let start = Arc::new(std::sync::Barrier::new(8));
    let handles: Vec<_> = (0..8)
        .map(|_| {
            let (client, start, trade) = (client.clone(), start.clone(), payment.trade_no.clone());
            std::thread::spawn(move || {
                start.wait();
                client.query(&QueryRequest::new(PaymentMethodType::Card).with_trade_no(trade)).map(|_| ())
            })
        })
        .collect();
    for h in handles {
        h.join().unwrap().unwrap();
    }
    assert_eq!(sandbox.gateway().tokens_issued(), 2);
}

/// A Java or PHP backend writes an absent amount or currency as `""` (or PHP's `[]`): a query of an
/// unpaid order must still be read (it is how a caller reconciles an unknown outcome).
#[test]
fn query_reads_an_empty_amount_or_currency_as_absent() {
    let client = Client::sans_io(config("https://gateway.example"));
    for absent in [r#""""#, "null", "[]", r#"" ""#] {
        let body = format!(
            r#"{{"respCode":"0000","order":{{"orderNo":"ORD-1","payAmount":{absent},"tradeCurrency":{absent}}},"refund":[{{"amount":{absent},"refundStatus":"accepted"}}]}}"#
        );
        let answer = client.parse::<QueryRequest>(&HttpResponse::json(200, body.clone())).unwrap();
        let order = answer.order.unwrap_or_else(|| panic!("{body}"));
        assert_eq!((order.pay_amount, order.trade_currency), (None, None), "{body}");
        assert_eq!(answer.refund.unwrap()[0].amount, None, "{body}");
    }
    let body = r#"{"respCode":"0000","order":{"orderNo":"ORD-1","payAmount":"100.99"}}"#;
    let order = client.parse::<QueryRequest>(&HttpResponse::json(200, body)).unwrap().order.unwrap();
    assert_eq!(order.pay_amount.map(|a| a.to_string()), Some("100.99".to_owned()));
    let body = r#"{"respCode":"0000","order":{"orderNo":"ORD-1","payAmount":"1x"}}"#;
    assert!(matches!(client.parse::<QueryRequest>(&HttpResponse::json(200, body)), Err(Error::Decode(_))));
}

/// The refunds of a query are a list in the schema; a backend may write an empty one as `""` and a
/// list of one as its only item.
#[test]
fn query_reads_refunds_written_as_one_object_or_an_empty_text() {
    let client = Client::sans_io(config("https://gateway.example"));
    let one = r#"{"respCode":"0000","order":{"orderNo":"ORD-1"},"refund":{"amount":"1.50","refundStatus":"accepted"}}"#;
    let refunds = client.parse::<QueryRequest>(&HttpResponse::json(200, one)).unwrap().refund.unwrap();
    assert_eq!((refunds.len(), refunds[0].refund_status.clone()), (1, Some(RefundStatus::Accepted)));
    let none = r#"{"respCode":"0000","order":{"orderNo":"ORD-1"},"refund":""}"#;
    assert_eq!(client.parse::<QueryRequest>(&HttpResponse::json(200, none)).unwrap().refund, None);
}
