//! The client against mockito (loopback only): exact headers and bodies, every failure shape.
//!
//! Signature values below were computed independently with the OpenSSL CLI, never with this
//! crate:
//!
//! ```text
//! printf 'AKIDexample\napp-10001\nFri, 21 Oct 2022 07:28:00 GMT' | openssl dgst -sha1 -hmac 's3cr3t-KEY' -binary | base64
//! HsYi7QMCnNZtOsRGI+bE+ukk4Go=
//! ```
//! 1666337280 is 2022-10-21 07:28:00 UTC
//! (`python3 -c "import datetime; print(datetime.datetime(2022,10,21,7,28,tzinfo=datetime.timezone.utc).timestamp())"`).

use std::sync::Arc;
use std::time::Duration;

use mockito::{Matcher, Server};
use sign_core::{FixedClock, HttpRequest, HttpResponse, RetryPolicy, Transport, TransportError, TransportErrorKind};
use visagenius::{
    Client, Config, Error, Fen, OrderExpressAddress, OrderPayRequest, ProductBriefQueryRequest, ProductQueryRequest,
};

const DATE: &str = "Fri, 21 Oct 2022 07:28:00 GMT";
const AUTHORIZATION: &str = "Basic HsYi7QMCnNZtOsRGI+bE+ukk4Go=";
const UNIX: i64 = 1_666_337_280;

fn config(base_url: &str) -> Config {
    Config::builder()
        .base_url(base_url)
        .appid("app-10001")
        .access_key("AKIDexample")
        .secret_key("s3cr3t-KEY")
        .retry(RetryPolicy::new(2, Duration::from_millis(1), Duration::from_millis(2)))
        .build()
        .unwrap()
}

fn client(server: &Server) -> Client {
    Client::new(config(&server.url())).with_clock(Arc::new(FixedClock::from_unix_millis(UNIX * 1000)))
}

fn signed(server: &mut Server, path: &str, body: &str) -> mockito::Mock {
    server
        .mock("POST", path)
        .match_header("X-Date", DATE)
        .match_header("Date", DATE)
        .match_header("X-Appid", "app-10001")
        .match_header("Authorization", AUTHORIZATION)
        .match_header("Content-Type", "application/json")
        .match_body(Matcher::Exact(body.to_owned()))
}

const PAY_OK: &str = r#"{"ret":0,"msg":"ok","body":{"express_address":{"mobile_phone":"15071097990","county_code":"120101","id":10116,"addressee":"周建成","city_code":"120100","detail_address":"东外斜街甲4号宏天  商务115室","province_code":"120000"}}}"#;

#[test]
fn order_pay_sends_exact_headers_and_body() {
    let mut server = Server::new();
    let mock = signed(&mut server, "/openvisa/order_pay", r#"{"order_id":1000012680,"pay_amount":2000}"#)
        .with_status(200)
        .with_body(PAY_OK)
        .expect(1)
        .create();
    let paid = client(&server).order_pay(&OrderPayRequest::new(1000012680, Fen::new(2000))).unwrap();
    mock.assert();
    let address = paid.express_address.unwrap();
    assert_eq!(address.id, Some(10116));
    assert_eq!(address.addressee.as_deref(), Some("周建成"));
    assert_eq!(address.province_name, None);
}

#[test]
fn order_pay_sends_the_signed_date_in_both_date_and_x_date() {
    // The prose names `Date`, the header table and the sample `X-Date`: both carry the one signed
    // date, so a server reading either finds it (checked on the wire, through mockito).
    let mut server = Server::new();
    let mock = server
        .mock("POST", "/openvisa/order_pay")
        .match_header("Date", DATE)
        .match_header("X-Date", DATE)
        .match_header("Authorization", AUTHORIZATION)
        .with_body(PAY_OK)
        .expect(1)
        .create();
    client(&server).order_pay(&OrderPayRequest::new(1, Fen(1))).unwrap();
    mock.assert();
    let prepared = client(&server).prepare(&OrderPayRequest::new(1, Fen(1))).unwrap();
    let dates: Vec<_> = prepared
        .headers
        .iter()
        .filter(|(name, _)| name.eq_ignore_ascii_case("Date") || name.eq_ignore_ascii_case("X-Date"))
        .map(|(_, value)| value.as_str())
        .collect();
    assert_eq!(dates, [DATE, DATE]);
}

#[test]
fn order_pay_reads_a_partial_or_missing_express_address() {
    // The address's fields appear only in the provider's example, and an e-visa needs no delivery:
    // a partial, empty, null or missing address is a success, not a decoding failure.
    let c = Client::with_transport(config("https://vg.example"), Arc::new(Unreachable));
    let parse = |body: &str| c.parse::<OrderPayRequest>(&HttpResponse::json(200, body.as_bytes().to_vec()));
    let partial =
        parse(r#"{"ret":0,"msg":"ok","body":{"express_address":{"id":10116,"detail_address":"东外斜街甲4号"}}}"#)
            .unwrap()
            .express_address
            .unwrap();
    assert_eq!((partial.id, partial.detail_address.as_deref()), (Some(10116), Some("东外斜街甲4号")));
    assert_eq!((partial.addressee, partial.mobile_phone, partial.province_code), (None, None, None));
    let empty = parse(r#"{"ret":0,"msg":"ok","body":{"express_address":{}}}"#).unwrap();
    assert_eq!(empty.express_address, Some(visagenius::ExpressAddress::new()));
    for body in [
        r#"{"ret":0,"msg":"ok","body":{}}"#,
        r#"{"ret":0,"msg":"ok","body":{"express_address":null}}"#,
        // PHP's json_encode writes an empty array as `[]`, and some backends send `""` for nothing.
        r#"{"ret":0,"msg":"ok","body":{"express_address":[]}}"#,
        r#"{"ret":0,"msg":"ok","body":{"express_address":""}}"#,
    ] {
        assert_eq!(parse(body).unwrap().express_address, None, "{body}");
    }
    // Through the transport too.
    let mut server = Server::new();
    let mock = server.mock("POST", "/openvisa/order_pay").with_body(r#"{"ret":0,"msg":"ok","body":{}}"#).create();
    assert_eq!(client(&server).order_pay(&OrderPayRequest::new(1, Fen(1))).unwrap().express_address, None);
    mock.assert();
}

#[test]
fn order_pay_with_address_serializes_it_in_the_provider_shape() {
    let mut server = Server::new();
    let body = r#"{"order_id":7,"pay_amount":1,"order_express_address":{"addressee":"张三","mobile_phone":"13800000000","province_code":"110000","city_code":"110100","county_code":"110101","detail_address":"长安街1号"}}"#;
    let mock = signed(&mut server, "/openvisa/order_pay", body).with_body(PAY_OK).create();
    let address = OrderExpressAddress::new("张三", "13800000000", "110000", "110100", "110101", "长安街1号");
    client(&server).order_pay(&OrderPayRequest::new(7, Fen::new(1)).with_order_express_address(address)).unwrap();
    mock.assert();
}

#[test]
fn product_brief_query_sends_exact_bodies_and_reads_every_item_field() {
    let mut server = Server::new();
    let list = signed(&mut server, "/openvisa/product_brief_query", r#"{"country_name":"韩国","province_code":"110000"}"#)
        .with_body(r#"{"ret":0,"msg":"ok","body":{"total_count":87,"data":[{"visa_type_id":4,"need_return_material":0,"validity_period_unit":"0个月","product_id":10106,"price":36900,"unknown_field":true}]}}"#)
        .create();
    let empty = signed(&mut server, "/openvisa/product_brief_query", "{}")
        .with_body(r#"{"ret":0,"msg":"ok","body":{"total_count":0}}"#)
        .create();
    let c = client(&server);
    let got = c
        .product_brief_query(&ProductBriefQueryRequest::new().with_country_name("韩国").with_province_code("110000"))
        .unwrap();
    assert_eq!(got.total_count, Some(87));
    let first = &got.data.as_ref().unwrap()[0];
    assert_eq!((first.product_id, first.price, first.visa_type_id), (Some(10106), Some(Fen(36900)), Some(4)));
    assert_eq!(first.validity_period_unit.as_deref(), Some("0个月"));
    let none = c.product_brief_query(&ProductBriefQueryRequest::new()).unwrap();
    assert_eq!((none.total_count, none.data), (Some(0), None));
    list.assert();
    empty.assert();
}

#[test]
fn product_query_sends_the_exact_body_and_reads_the_detail() {
    let mut server = Server::new();
    let detail = signed(&mut server, "/openvisa/product_query", r#"{"product_id":10106}"#)
        .with_body(r#"{"ret":0,"msg":"ok","body":{"product_id":10106,"product_name":"韩国","price":36900,"visa_type_id":30,"cover_province":[{"a":1,"b":2}],"visa_country":{"x":"y"},"elec_material":{"style":1,"pattern":"p"}}}"#)
        .create();
    let d = client(&server).product_query(&ProductQueryRequest::new(10106)).unwrap();
    assert_eq!((d.product_id, d.price, d.visa_type_id), (10106, Some(Fen(36900)), Some(30)));
    assert_eq!(d.elec_material.unwrap().pattern, Some(serde_json::json!("p")));
    detail.assert();
}

#[test]
fn product_query_and_list_read_numbers_sent_as_strings() {
    // A Java or PHP backend may quote what the documents show as integers (ids, enumerations, the
    // price in fen, `ret` itself), or send an id as a number where a code is text.
    let c = Client::with_transport(config("https://vg.example"), Arc::new(Unreachable));
    let response = |body: &str| HttpResponse::json(200, body.as_bytes().to_vec());
    let detail = c
        .parse::<ProductQueryRequest>(&response(
            r#"{"ret":"0","msg":"ok","body":{"product_id":"10106","price":"36900","visa_type_id":"4","visa_form":1,
                "need_interview":"0","need_delivery":"1","country_code":"KR","update_time":20241129}}"#,
        ))
        .unwrap();
    assert_eq!((detail.product_id, detail.price, detail.visa_type_id), (10106, Some(Fen(36900)), Some(4)));
    assert_eq!((detail.need_interview, detail.need_delivery, detail.visa_form), (Some(0), Some(1), Some(1)));
    assert_eq!(detail.update_time.as_deref(), Some("20241129"));
    let list = c
        .parse::<ProductBriefQueryRequest>(&response(
            r#"{"ret":0,"msg":"ok","body":{"total_count":"2","data":[{"product_id":"10106","price":"36900",
                "visa_type_id":"4","need_return_material":""},{"product_id":10107,"price":45000}]}}"#,
        ))
        .unwrap();
    assert_eq!(list.total_count, Some(2));
    let ids: Vec<_> = list.products().iter().map(|p| (p.product_id, p.price, p.need_return_material)).collect();
    assert_eq!(ids, [(Some(10106), Some(Fen(36900)), None), (Some(10107), Some(Fen(45000)), None)]);
    let paid = c
        .parse::<OrderPayRequest>(&response(
            r#"{"ret":0,"body":{"express_address":{"id":"10116","mobile_phone":15071097990,"province_code":120000}}}"#,
        ))
        .unwrap()
        .express_address
        .unwrap();
    assert_eq!(paid.id, Some(10116));
    assert_eq!((paid.mobile_phone.as_deref(), paid.province_code.as_deref()), (Some("15071097990"), Some("120000")));
    // Read liberally in the JSON type only, never in the value: a price with a decimal point may be
    // yuan, and is not taken as fen.
    for body in [
        r#"{"ret":0,"body":{"product_id":"10106x"}}"#,
        r#"{"ret":0,"body":{"product_id":1,"price":"369.00"}}"#,
        r#"{"ret":0,"body":{"product_id":1,"price":369.0}}"#,
    ] {
        let err = c.parse::<ProductQueryRequest>(&response(body)).unwrap_err();
        assert!(matches!(err, Error::Decode(_)) && err.outcome_unknown(), "{body}: {err:?}");
    }
}

#[test]
fn order_pay_retry_after_a_connect_failure_is_signed_afresh() {
    // The first attempt cannot have reached the server (connection refused): the client signs the
    // repeat again, with the clock's new date in both date headers and a new Authorization, never
    // the identical signed bytes.
    let clock = Arc::new(FixedClock::from_unix_millis(UNIX * 1000));
    let transport = Arc::new(RefusesFirst { clock: clock.clone(), seen: std::sync::Mutex::new(Vec::new()) });
    let c = Client::with_transport(config("https://vg.example"), transport.clone()).with_clock(clock);
    let paid = c.order_pay(&OrderPayRequest::new(1000012680, Fen::new(2000))).unwrap();
    assert_eq!(paid.express_address.unwrap().id, Some(10116));
    let seen = transport.seen.lock().unwrap();
    assert_eq!(seen.len(), 2, "one refused attempt, one answered");
    fn headers(r: &HttpRequest) -> (Option<&str>, Option<&str>, Option<&str>) {
        (r.header("X-Date"), r.header("Date"), r.header("Authorization"))
    }
    assert_eq!(headers(&seen[0]), (Some(DATE), Some(DATE), Some(AUTHORIZATION)));
    // printf 'AKIDexample\napp-10001\nFri, 21 Oct 2022 07:28:01 GMT' | openssl dgst -sha1 -hmac 's3cr3t-KEY' -binary | base64
    let later = "Fri, 21 Oct 2022 07:28:01 GMT";
    assert_eq!(headers(&seen[1]), (Some(later), Some(later), Some("Basic hrL3v0ZfomdDpvK7UiGp4tkHAXM=")));
    assert_eq!(seen[0].body, seen[1].body);
}

/// Refuses the first request with a not-sent error (one second passes on `clock`), then answers.
#[derive(Debug)]
struct RefusesFirst {
    clock: Arc<FixedClock>,
    seen: std::sync::Mutex<Vec<HttpRequest>>,
}

impl Transport for RefusesFirst {
    fn send(&self, request: &HttpRequest) -> Result<HttpResponse, TransportError> {
        let mut seen = self.seen.lock().unwrap();
        seen.push(request.clone());
        if seen.len() == 1 {
            self.clock.advance(Duration::from_secs(1));
            return Err(TransportError::new(TransportErrorKind::Connect, "connection refused"));
        }
        Ok(HttpResponse::json(200, PAY_OK.as_bytes().to_vec()))
    }
}

#[test]
fn prepare_is_sans_io_and_marks_only_queries_idempotent() {
    let c = Client::with_transport(config("https://vg.example/base/"), Arc::new(Unreachable))
        .with_clock(Arc::new(FixedClock::from_unix_millis(UNIX * 1000)));
    let pay = c.prepare(&OrderPayRequest::new(1, Fen(2))).unwrap();
    assert_eq!(pay.url, "https://vg.example/base/openvisa/order_pay");
    assert_eq!(pay.header("X-Date"), Some(DATE));
    assert_eq!(pay.header("Date"), Some(DATE));
    assert_eq!(pay.header("Authorization"), Some(AUTHORIZATION));
    assert_eq!(pay.body, br#"{"order_id":1,"pay_amount":2}"#);
    assert!(!pay.idempotent);
    assert!(c.prepare(&ProductQueryRequest::new(1)).unwrap().idempotent);
    assert!(c.prepare(&ProductBriefQueryRequest::new()).unwrap().idempotent);
    // parse is the other half, fed by hand.
    let ok = HttpResponse::json(200, PAY_OK.as_bytes().to_vec());
    assert_eq!(c.parse::<OrderPayRequest>(&ok).unwrap().express_address.unwrap().id, Some(10116));
}

#[test]
fn raw_call_signs_like_the_typed_endpoints() {
    let mut server = Server::new();
    let mock = signed(&mut server, "/openvisa/order_query", r#"{"order_id":5}"#)
        .with_body(r#"{"ret":0,"msg":"ok","body":{"order_id":5,"status":3}}"#)
        .expect(2)
        .create();
    let c = client(&server);
    #[derive(serde::Deserialize)]
    struct Detail {
        status: i64,
    }
    let typed: Detail = c.raw_call("/openvisa/order_query", &serde_json::json!({"order_id": 5}), true).unwrap();
    assert_eq!(typed.status, 3);
    let raw = c.raw_call_json("/openvisa/order_query", &serde_json::json!({"order_id": 5}), true).unwrap();
    assert_eq!(raw["order_id"], 5);
    mock.assert();
    for good in ["/openvisa/order_query", "/openvisa/v2.0/order-query", "/a~b"] {
        assert!(c.prepare_raw(good, &(), true).is_ok(), "{good}");
    }
    assert!(c.prepare_raw("/x", &(), true).unwrap().idempotent);
    assert!(!c.prepare_raw("/x", &(), false).unwrap().idempotent);
}

#[test]
fn raw_call_rejects_bad_paths_and_bodies_before_sending() {
    let c = Client::with_transport(config("https://vg.example"), Arc::new(Unreachable));
    for path in
        ["", "/", "openvisa/x", "/a?b=1", "/a#b", "//evil.example/x", "/../x", "/a/../b", "/a b", "/a\r\nX: 1", "/订单"]
    {
        assert!(
            matches!(c.raw_call_json(path, &serde_json::json!({}), false), Err(Error::InvalidRequest(_))),
            "{path}"
        );
    }
    // A map with non-string keys cannot be JSON.
    let bad: std::collections::HashMap<(i32, i32), i32> = [((1, 2), 3)].into_iter().collect();
    assert!(matches!(c.raw_call_json("/openvisa/x", &bad, false), Err(Error::InvalidRequest(_))));
}

#[test]
fn failure_envelopes_are_api_errors_with_ret_msg_and_status() {
    let mut server = Server::new();
    let cases = [
        (200, r#"{"ret":-1,"msg":"订单不存在","body":{}}"#),
        (400, r#"{"ret":-1,"msg":"参数不正确"}"#),
        (503, r#"{"ret":-2,"msg":"服务异常","body":null}"#),
    ];
    let c = client(&server);
    for (status, body) in cases {
        let _m = server.mock("POST", "/openvisa/order_pay").with_status(status).with_body(body).create();
        match c.order_pay(&OrderPayRequest::new(1, Fen(1))) {
            Err(Error::Api { ret, msg, status: s }) => {
                assert_eq!(usize::from(s), status);
                assert!(ret != 0);
                assert!(body.contains(&msg), "{msg}");
            }
            other => panic!("{status}: {other:?}"),
        }
    }
}

/// The document lists "200接口异常" and "503服务异常" beside the refusal "400参数不正确": a service
/// or interface exception may come after the order was paid, so it is no definite refusal.
#[test]
fn order_pay_service_and_interface_exceptions_are_outcome_unknown() {
    let mut server = Server::new();
    let c = client(&server);
    for (status, body, unknown) in [
        (503, r#"{"ret":-1,"msg":"服务异常","body":null}"#, true),
        (503, r#"{"ret":-1,"msg":"余额不足"}"#, true),
        (200, r#"{"ret":-1,"msg":"接口异常"}"#, true),
        (200, r#"{"ret":-1,"msg":"订单支付处理中"}"#, true),
        (200, r#"{"ret":-1,"msg":"订单不存在"}"#, false),
        (400, r#"{"ret":-1,"msg":"参数不正确"}"#, false),
    ] {
        let _m = server.mock("POST", "/openvisa/order_pay").with_status(status).with_body(body).create();
        let err = c.order_pay(&OrderPayRequest::new(1, Fen(1))).unwrap_err();
        assert!(matches!(err, Error::Api { ret: -1, .. }), "{body}: {err:?}");
        assert_eq!(err.outcome_unknown(), unknown, "{status} {body}");
    }
}

#[test]
fn order_pay_success_after_a_byte_order_mark_is_read() {
    let mut server = Server::new();
    let c = client(&server);
    let body = [&b"\xEF\xBB\xBF"[..], br#"{"ret":0,"msg":"ok","body":{"express_address":{"id":7}}}"#].concat();
    let _m =
        server.mock("POST", "/openvisa/order_pay").with_header("content-type", "text/html").with_body(body).create();
    let paid = c.order_pay(&OrderPayRequest::new(1, Fen(1))).unwrap();
    assert_eq!(paid.express_address.and_then(|a| a.id), Some(7));
}

#[test]
fn order_pay_success_encoded_twice_is_read() {
    // A Java controller returning its JSON as a String through a JSON converter quotes it again.
    let mut server = Server::new();
    let c = client(&server);
    let inner = r#"{"ret":0,"msg":"ok","body":{"express_address":{"id":8}}}"#;
    let body = serde_json::Value::String(inner.to_owned()).to_string();
    let _m = server.mock("POST", "/openvisa/order_pay").with_body(body).create();
    let paid = c.order_pay(&OrderPayRequest::new(1, Fen(1))).unwrap();
    assert_eq!(paid.express_address.and_then(|a| a.id), Some(8));
}

#[test]
fn non_envelope_errors_are_http_status_errors() {
    let mut server = Server::new();
    let c = client(&server);
    let cases = [
        (503, "<html><body>503 Service Temporarily Unavailable</body></html>"),
        (400, "Bad Request"),
        (404, r#"{"ret":-1,"msg":"not found"}"#),
        (500, ""),
        (502, "<html>bad gateway</html>"),
    ];
    for (status, body) in cases {
        let _m = server.mock("POST", "/openvisa/order_pay").with_status(status).with_body(body).create();
        match c.order_pay(&OrderPayRequest::new(1, Fen(1))) {
            Err(Error::HttpStatus { status: s }) => assert_eq!(usize::from(s), status),
            other => panic!("{status}: {other:?}"),
        }
    }
}

#[test]
fn order_pay_unreadable_success_is_a_decode_error_with_an_unknown_outcome() {
    let mut server = Server::new();
    let c = client(&server);
    let cases = [
        "",
        "<html>maintenance</html>",
        "{\"ret\":0,",
        "null",
        r#"{"msg":"ok","body":{}}"#,
        r#"{"ret":0,"msg":"ok","body":{"express_address":{"id":"x"}}}"#,
        r#"{"ret":0,"msg":"ok","body":{"express_address":"东外斜街"}}"#,
    ];
    for body in cases {
        let _m = server.mock("POST", "/openvisa/order_pay").with_status(200).with_body(body).create();
        let err = c.order_pay(&OrderPayRequest::new(1, Fen(1))).unwrap_err();
        assert!(matches!(err, Error::Decode(_)), "{body:?}: {err:?}");
        // Neither a success nor the provider's refusal: the payment may have gone through.
        assert!(err.outcome_unknown(), "{body:?}");
    }
    // `ret: 0` without a body is the provider's success with nothing in it (nothing to mail).
    let _m = server.mock("POST", "/openvisa/order_pay").with_body(r#"{"ret":0,"msg":"ok"}"#).create();
    assert_eq!(c.order_pay(&OrderPayRequest::new(1, Fen(1))).unwrap().express_address, None);
    // A price as a float is not fen.
    let _m = server
        .mock("POST", "/openvisa/product_query")
        .with_body(r#"{"ret":0,"msg":"ok","body":{"product_id":1,"price":369.0}}"#)
        .create();
    assert!(matches!(c.product_query(&ProductQueryRequest::new(1)), Err(Error::Decode(_))));
}

#[test]
fn a_huge_body_is_refused_by_the_transport() {
    let mut server = Server::new();
    let big = format!(r#"{{"ret":0,"msg":"{}","body":{{}}}}"#, "x".repeat(64 * 1024));
    let _m = server.mock("POST", "/openvisa/product_query").with_body(big).create();
    let cfg = Config::builder()
        .base_url(server.url())
        .appid("a")
        .access_key("k")
        .secret_key("s")
        .max_response_bytes(16 * 1024)
        .retry(RetryPolicy::none())
        .build()
        .unwrap();
    match Client::new(cfg).product_query(&ProductQueryRequest::new(1)) {
        Err(Error::Transport(e)) => assert_eq!(e.kind(), TransportErrorKind::BodyTooLarge),
        other => panic!("{other:?}"),
    }
}

#[test]
fn parse_applies_the_configured_size_limit() {
    let cfg = Config::builder()
        .base_url("https://vg.example")
        .appid("a")
        .access_key("k")
        .secret_key("s")
        .max_response_bytes(64)
        .build()
        .unwrap();
    let c = Client::with_transport(cfg, Arc::new(Unreachable));
    let small = HttpResponse::json(200, br#"{"ret":0,"msg":"ok","body":{"product_id":1}}"#.to_vec());
    assert_eq!(c.parse::<ProductQueryRequest>(&small).unwrap().product_id, 1);
    let big = format!(r#"{{"ret":0,"msg":"ok","body":{{"product_id":1,"product_name":"{}"}}}}"#, "x".repeat(64));
    let err = c.parse::<ProductQueryRequest>(&HttpResponse::json(200, big.into_bytes())).unwrap_err();
    assert!(matches!(err, Error::Decode(_)), "{err:?}");
    assert!(err.outcome_unknown());
    let refusal = format!(r#"{{"ret":-1,"msg":"{}"}}"#, "x".repeat(64));
    let err = c.parse_raw::<serde_json::Value>(&HttpResponse::json(503, refusal.into_bytes())).unwrap_err();
    assert!(matches!(err, Error::HttpStatus { status: 503 }), "{err:?}");
}

#[test]
fn order_pay_is_never_retried_but_queries_are() {
    let mut server = Server::new();
    let pay = server.mock("POST", "/openvisa/order_pay").with_status(503).with_body("busy").expect(1).create();
    let query = server.mock("POST", "/openvisa/product_query").with_status(503).with_body("busy").expect(3).create();
    let c = client(&server);
    assert!(matches!(c.order_pay(&OrderPayRequest::new(1, Fen(1))), Err(Error::HttpStatus { status: 503 })));
    assert!(matches!(c.product_query(&ProductQueryRequest::new(1)), Err(Error::HttpStatus { status: 503 })));
    pay.assert();
    query.assert();
}

#[test]
fn transport_timeouts_become_timeout_errors() {
    let c = Client::with_transport(config("https://vg.example"), Arc::new(TimesOut));
    let err = c.order_pay(&OrderPayRequest::new(1, Fen(1))).unwrap_err();
    assert!(matches!(err, Error::Timeout(_)), "{err:?}");
    assert!(err.outcome_unknown());
}

#[test]
fn the_date_comes_from_the_injected_clock_each_call() {
    let clock = Arc::new(FixedClock::from_unix_millis(UNIX * 1000));
    let c = Client::with_transport(config("https://vg.example"), Arc::new(Unreachable)).with_clock(clock.clone());
    let first = c.prepare(&ProductQueryRequest::new(1)).unwrap();
    clock.advance(Duration::from_secs(1));
    let second = c.prepare(&ProductQueryRequest::new(1)).unwrap();
    assert_eq!(first.header("X-Date"), Some(DATE));
    assert_eq!(second.header("X-Date"), Some("Fri, 21 Oct 2022 07:28:01 GMT"));
    assert_eq!(second.header("Date"), Some("Fri, 21 Oct 2022 07:28:01 GMT"));
    // printf 'AKIDexample\napp-10001\nFri, 21 Oct 2022 07:28:01 GMT' | openssl dgst -sha1 -hmac 's3cr3t-KEY' -binary | base64
    assert_eq!(second.header("Authorization"), Some("Basic hrL3v0ZfomdDpvK7UiGp4tkHAXM="));
}

#[derive(Debug)]
struct Unreachable;
impl Transport for Unreachable {
    fn send(&self, _: &HttpRequest) -> Result<HttpResponse, TransportError> {
        panic!("this test must not send anything")
    }
}

#[derive(Debug)]
struct TimesOut;
impl Transport for TimesOut {
    fn send(&self, _: &HttpRequest) -> Result<HttpResponse, TransportError> {
        Err(TransportError::new(TransportErrorKind::Timeout, "response timed out"))
    }
}

/// A Java or PHP backend writes an absent price as `""` and a list of one as its only item (or a
/// bare code): the product detail is still read.
#[test]
fn product_query_reads_an_empty_price_and_a_single_cover_province() {
    let c = Client::sans_io(config("https://vg.example"));
    let parse = |body: &str| c.parse::<ProductQueryRequest>(&HttpResponse::json(200, body.as_bytes().to_vec()));
    let d = parse(r#"{"ret":0,"body":{"product_id":1,"price":"","cover_province":{"code":"110000"}}}"#).unwrap();
    assert_eq!(d.price, None);
    assert_eq!(d.cover_province.unwrap(), [serde_json::json!({"code": "110000"})]);
    let d = parse(r#"{"ret":0,"body":{"product_id":1,"price":"36900","cover_province":"110000"}}"#).unwrap();
    assert_eq!((d.price, d.cover_province.unwrap()), (Some(Fen(36900)), vec![serde_json::json!("110000")]));
    assert!(matches!(parse(r#"{"ret":0,"body":{"product_id":1,"price":"369.5"}}"#), Err(Error::Decode(_))));
}
