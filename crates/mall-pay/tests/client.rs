//! The client against a loopback mock server (mockito): exact requests sent, every answer the
//! provider (or something in between) can give, and "never sent twice".
//!
//! mall-pay signs nothing: the only credential is the `token` header, so the exact-request tests
//! compare the header and the body bytes with literals written by hand from the field table of
//! the provider's documentation (no code under test computes an expected value).

#![cfg(feature = "ureq")]

use std::io::Read;
use std::net::TcpListener;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use mall_pay::{
    BodyEncoding, Client, Config, Error, Freight, FreightChoice, HttpResponse, Method, OrderPayRequest, Outcome,
    PayOrder, PayParam, PayWith, Points, RetryPolicy, Yuan,
};
use mockito::Matcher;
use sign_core::TransportErrorKind;

const PATH: &str = "/api/order/pay";
const TOKEN: &str = "d3b07384d113edec49eaa6238ad5ff00";

// The success examples of the provider's documentation, verbatim.
const DOC_WECHAT: &str = r#"{
    "status": 200,
    "msg": "下单成功",
    "data": {
        "pay_param": {
            "appid": "wxd65a13300ecaae03",
            "partnerid": "1523813651",
            "prepayid": "wx11102746130494c056cec7991228043100",
            "package": "Sign=WXPay",
            "noncestr": "0qsodzn796sfru0puj1fmtf2hz45so0n",
            "timestamp": "1576031264",
            "sign": "677C19A31F423BC18984CD9BF7D86CAD"
        }
    }
}"#;
const DOC_ALIPAY_STRING: &str = r#"alipay_sdk=alipay-sdk-php-easyalipay-20190926&app_id=2019121169879357&biz_content={"body":"在线支付","subject": "在线支付","out_trade_no": "157615203168914672","timeout_express": "60m","total_amount": "0.01","product_code":"QUICK_MSECURITY_PAY"}&charset=UTF-8&format=json&method=alipay.trade.app.pay&notify_url=https://test.com&sign_type=RSA2&timestamp=2019-12-12 20:10:46&version=1.0&sign=s4lALt1mhGwP7NkWHgDgjQiQEvEdDhInWbR8YkBzj+cJLuIeIH3xjoIE6/CK4hma+MKcurtTm1VOunAZ9cTActdhsnwoxymnkltIOPUQNZCvzRVObTlFUCrqz2bnPZ1f9x/5/4IKkJ/M8bNRPNa79BzJkU0jM4jSJtxA6XNroe0wNgdMesVnp3HGLIwI1hx/3+nwfB0Hvig4AgP5ansXnW+R7yQLIH/soadMvV8fRLOW/LYJhJXJm4KItJz4vnq5hNhMj7nz1q3Bn5ost2f7OoMv/2qczjkgTRsCbkNCttGtdgaUp8OaY0toFMuVLryLj5LmJI+0tcL+XZ1E2wzvdw=="#;
const DOC_FAILURE: &str = r#"{
    "status": 0,
    "msg": "token过期",
    "data": []
}"#;

fn doc_alipay() -> String {
    serde_json::json!({"status": 200, "msg": "下单成功", "data": {"pay_param": DOC_ALIPAY_STRING}}).to_string()
}

fn client_for(url: &str) -> Client {
    let config = Config::builder()
        .base_url(url)
        .pay_path(PATH)
        .token(TOKEN)
        // Generous retries: they must still never repeat a payment that may have been received.
        .retry(RetryPolicy::new(3, Duration::from_millis(1), Duration::from_millis(5)))
        .build()
        .unwrap();
    Client::new(config)
}

fn wechat_order() -> OrderPayRequest {
    PayOrder::new(1001, 7, PayWith::wechat(Yuan::parse("0.1").unwrap()), Freight::Free).unwrap().into()
}

fn alipay_order() -> OrderPayRequest {
    let pay = PayWith::alipay_and_points(Yuan::parse("19.90").unwrap(), Points::new(300).unwrap());
    PayOrder::new(1002, 8, pay, Freight::NotFree(FreightChoice::MerchantChoice)).unwrap().into()
}

fn points_order() -> OrderPayRequest {
    PayOrder::new(1003, 9, PayWith::points(Points::new(500).unwrap()), Freight::Free).unwrap().into()
}

#[test]
fn order_pay_wechat_request_is_exact_and_answer_typed() {
    let mut server = mockito::Server::new();
    let mock = server
        .mock("POST", PATH)
        .match_header("token", TOKEN)
        .match_header("content-type", "application/json; charset=utf-8")
        .match_body(Matcher::Exact(
            r#"{"order_id":1001,"pay_method":1,"pay_price":0.1,"address_id":7,"freight_mode":1}"#.into(),
        ))
        .with_status(200)
        .with_header("content-type", "application/json")
        .with_body(DOC_WECHAT)
        .expect(1)
        .create();
    let data = client_for(&server.url()).order_pay(&wechat_order()).unwrap();
    mock.assert();
    let w = data.pay_param.wechat().expect("WeChat params");
    assert_eq!(
        (w.appid.as_str(), w.partnerid.as_str(), w.prepayid.as_str(), w.package.as_str()),
        ("wxd65a13300ecaae03", "1523813651", "wx11102746130494c056cec7991228043100", "Sign=WXPay")
    );
    assert_eq!((w.noncestr.as_str(), w.timestamp.as_str()), ("0qsodzn796sfru0puj1fmtf2hz45so0n", "1576031264"));
    assert_eq!(w.sign, "677C19A31F423BC18984CD9BF7D86CAD");
}

#[test]
fn order_pay_alipay_with_points_request_is_exact_and_string_untouched() {
    let mut server = mockito::Server::new();
    let mock = server
        .mock("POST", PATH)
        .match_header("token", TOKEN)
        .match_body(Matcher::Exact(
            r#"{"order_id":1002,"pay_method":5,"pay_price":19.90,"pay_integral":300,"address_id":8,"freight_mode":2,"freight_json_arr_key":2}"#
                .into(),
        ))
        .with_body(doc_alipay())
        .expect(1)
        .create();
    let data = client_for(&server.url()).order_pay(&alipay_order()).unwrap();
    mock.assert();
    assert_eq!(data.pay_param, PayParam::Alipay(DOC_ALIPAY_STRING.to_owned()));
}

#[test]
fn order_pay_points_only_sends_no_price_and_accepts_empty_data() {
    let mut server = mockito::Server::new();
    let mock = server
        .mock("POST", PATH)
        .match_body(Matcher::Exact(
            r#"{"order_id":1003,"pay_method":3,"pay_integral":500,"address_id":9,"freight_mode":1}"#.into(),
        ))
        .with_body(r#"{"status":200,"msg":"支付成功","data":[]}"#)
        .expect(1)
        .create();
    let data = client_for(&server.url()).order_pay(&points_order()).unwrap();
    mock.assert();
    assert_eq!(data.pay_param, PayParam::Empty);
}

#[test]
fn order_pay_expired_token_is_its_own_error_and_a_new_token_retries() {
    let mut server = mockito::Server::new();
    let expired = server.mock("POST", PATH).match_header("token", TOKEN).with_body(DOC_FAILURE).expect(1).create();
    let renewed =
        server.mock("POST", PATH).match_header("token", "fresh-token-2").with_body(DOC_WECHAT).expect(1).create();
    let client = client_for(&server.url());
    let err = client.order_pay(&wechat_order()).unwrap_err();
    assert!(matches!(&err, Error::TokenExpired { message } if message == "token过期"), "{err:?}");
    assert_eq!(err.outcome(), Outcome::NotSent);
    // The rejected call charged nothing, so the same payment may go again with the new token.
    let data = client.with_token("fresh-token-2").unwrap().order_pay(&wechat_order()).unwrap();
    assert!(data.pay_param.wechat().is_some());
    expired.assert();
    renewed.assert();
    assert!(matches!(client.with_token(""), Err(Error::Config(_))));
}

#[test]
fn order_pay_failure_envelopes_are_api_errors() {
    let mut server = mockito::Server::new();
    for (body, status, msg) in [
        (r#"{"status":0,"msg":"积分不足","data":[]}"#, 0, "积分不足"),
        (r#"{"status":0,"msg":"订单已支付","data":[]}"#, 0, "订单已支付"),
        (r#"{"status":0,"data":[]}"#, 0, ""),
        (r#"{"status":"0","msg":"库存不足"}"#, 0, "库存不足"),
    ] {
        let mock = server.mock("POST", PATH).with_body(body).expect(1).create();
        let err = client_for(&server.url()).order_pay(&wechat_order()).unwrap_err();
        assert!(
            matches!(&err, Error::Api { status: s, message, .. } if *s == status && message == msg),
            "{body}: {err:?}"
        );
        assert_eq!(err.outcome(), Outcome::Definite);
        mock.assert();
        mock.remove();
    }
}

#[test]
fn order_pay_undocumented_failure_status_is_outcome_unknown() {
    // Only `status: 0` is a documented refusal. A framework's `500` or a `-1` may come after the
    // mall processed the payment (points already taken): never a definite refusal.
    let mut server = mockito::Server::new();
    for (body, status) in [
        (r#"{"status":-1,"msg":"系统繁忙"}"#, -1),
        (r#"{"status":500,"msg":"Internal Server Error","data":[]}"#, 500),
        (r#"{"status":"1","msg":"处理中"}"#, 1),
    ] {
        let mock = server.mock("POST", PATH).with_body(body).expect(1).create();
        let err = client_for(&server.url()).order_pay(&points_order()).unwrap_err();
        assert!(matches!(&err, Error::Api { status: s, .. } if *s == status), "{body}: {err:?}");
        assert_eq!(err.outcome(), Outcome::Unknown, "{body}");
        assert!(err.outcome_unknown());
        mock.assert();
        mock.remove();
    }
}

#[test]
fn order_pay_documented_refusal_under_a_5xx_or_saying_the_server_failed_is_outcome_unknown() {
    // `status: 0` is the documented refusal, but not when the HTTP status is a server error or the
    // message says the mall failed or is still processing: the points may already be taken.
    let mut server = mockito::Server::new();
    for (http, body, unknown) in [
        (500, r#"{"status":0,"msg":"库存不足","data":[]}"#, true),
        (503, r#"{"status":0,"msg":"","data":[]}"#, true),
        (200, r#"{"status":0,"msg":"系统异常","data":[]}"#, true),
        (200, r#"{"status":0,"msg":"订单支付处理中","data":[]}"#, true),
        (200, r#"{"status":0,"msg":"库存不足","data":[]}"#, false),
    ] {
        let mock = server.mock("POST", PATH).with_status(http).with_body(body).expect(1).create();
        let err = client_for(&server.url()).order_pay(&points_order()).unwrap_err();
        assert!(
            matches!(&err, Error::Api { status: 0, http_status, .. } if usize::from(*http_status) == http),
            "{body}: {err:?}"
        );
        assert_eq!(err.outcome_unknown(), unknown, "{http} {body}");
        mock.assert();
        mock.remove();
    }
}

#[test]
fn order_pay_form_encoding_sends_the_same_fields_as_a_form() {
    // Expected bytes written by hand from the documentation's field table: PHP's `$_POST` reads
    // them, `pay_price` keeps its digits.
    let mut server = mockito::Server::new();
    let mock = server
        .mock("POST", PATH)
        .match_header("token", TOKEN)
        .match_header("content-type", "application/x-www-form-urlencoded")
        .match_body(Matcher::Exact(
            "order_id=1002&pay_method=5&pay_price=19.90&pay_integral=300&address_id=8&freight_mode=2&freight_json_arr_key=2"
                .into(),
        ))
        .with_body(doc_alipay())
        .expect(1)
        .create();
    let config =
        Config::builder().base_url(server.url()).pay_path(PATH).token(TOKEN).body_encoding(BodyEncoding::Form).build();
    let client = Client::new(config.unwrap());
    assert_eq!(client.order_pay(&alipay_order()).unwrap().pay_param.alipay(), Some(DOC_ALIPAY_STRING));
    mock.assert();
    // prepare gives exactly the bytes sent; a raw call is a form too.
    let prepared = client.prepare(&wechat_order()).unwrap();
    assert_eq!(prepared.header("Content-Type"), Some("application/x-www-form-urlencoded"));
    assert_eq!(prepared.body, b"order_id=1001&pay_method=1&pay_price=0.1&address_id=7&freight_mode=1");
    let raw = client.prepare_raw("/api/order/detail", &serde_json::json!({"order_id": 1001, "note": "a b"}), true);
    // (`json!` keeps its keys sorted: the form follows the JSON text's order.)
    assert_eq!(raw.unwrap().body, b"note=a+b&order_id=1001");
    let err = client.prepare_raw("/api/x", &serde_json::json!([1, 2]), true).unwrap_err();
    assert!(matches!(&err, Error::InvalidRequest(m) if m.contains("form body")), "{err:?}");
}

#[test]
fn order_pay_bad_answers_are_typed_errors() {
    let mut server = mockito::Server::new();
    type Case = (u16, String, fn(&Error) -> bool);
    let cases: Vec<Case> = vec![
        (200, "{\"status\":200,\"data\":{\"pay_param\":".into(), |e| matches!(e, Error::Decode(_))),
        (200, "not json at all".into(), |e| matches!(e, Error::Decode(_))),
        (200, String::new(), |e| matches!(e, Error::Decode(_))),
        // WeChat params missing `sign`.
        (
            200,
            r#"{"status":200,"data":{"pay_param":{"appid":"a","partnerid":"b","prepayid":"c","package":"d","noncestr":"e","timestamp":"f"}}}"#
                .into(),
            |e| matches!(e, Error::Decode(_)),
        ),
        (200, r#"{"msg":"no status","data":[]}"#.into(), |e| matches!(e, Error::Decode(_))),
        (200, r#"{"status":200,"data":{"pay_param":12}}"#.into(), |e| matches!(e, Error::Decode(_))),
        (502, "<html><body><h1>502 Bad Gateway</h1></body></html>".into(), |e| {
            matches!(e, Error::HttpStatus { status: 502 })
        }),
        (200, "<html><body>维护中</body></html>".into(), |e| matches!(e, Error::Decode(_))),
        (404, String::new(), |e| matches!(e, Error::HttpStatus { status: 404 })),
        // The right kind of answer for the wrong method: Alipay for a WeChat payment.
        (200, doc_alipay(), |e| matches!(e, Error::UnexpectedPayParam { expected: "wechat", got: "alipay" })),
        (200, r#"{"status":200,"msg":"ok","data":[]}"#.into(), |e| {
            matches!(e, Error::UnexpectedPayParam { expected: "wechat", got: "empty" })
        }),
    ];
    for (status, body, check) in cases {
        let mock = server.mock("POST", PATH).with_status(status.into()).with_body(&body).expect(1).create();
        let err = client_for(&server.url()).order_pay(&wechat_order()).unwrap_err();
        assert!(check(&err), "{status} {body}: {err:?}");
        // Neither a success nor the mall's refusal: the payment may have been processed. Only the
        // 404 without an envelope is definite (the path is wrong, nothing was paid).
        assert_eq!(err.outcome_unknown(), status != 404, "{status} {body}: {err:?}");
        mock.assert();
        mock.remove();
    }
}

#[test]
fn order_pay_huge_body_is_refused() {
    let mut server = mockito::Server::new();
    let huge = format!(r#"{{"status":200,"msg":"{}","data":[]}}"#, "x".repeat(2 * 1024 * 1024));
    let mock = server.mock("POST", PATH).with_body(huge).expect(1).create();
    let err = client_for(&server.url()).order_pay(&points_order()).unwrap_err();
    assert!(matches!(&err, Error::Transport(t) if t.kind() == TransportErrorKind::BodyTooLarge), "{err:?}");
    assert!(err.outcome_unknown());
    mock.assert();
}

#[test]
fn order_pay_server_error_is_not_retried() {
    let mut server = mockito::Server::new();
    // The payment may have been processed before the 500: it must reach the server exactly once.
    let mock = server.mock("POST", PATH).with_status(500).with_body("<html>500</html>").expect(1).create();
    let err = client_for(&server.url()).order_pay(&wechat_order()).unwrap_err();
    assert!(matches!(err, Error::HttpStatus { status: 500 }), "{err:?}");
    assert!(err.outcome_unknown());
    mock.assert();
}

#[test]
fn order_pay_response_timeout_is_not_retried() {
    // A server that reads the request and never answers.
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let accepted = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&accepted);
    std::thread::spawn(move || {
        let mut open = Vec::new();
        for stream in listener.incoming().flatten() {
            counter.fetch_add(1, Ordering::SeqCst);
            let mut s = stream;
            let mut buf = [0u8; 4096];
            let _ = s.set_read_timeout(Some(Duration::from_millis(200)));
            let _ = s.read(&mut buf);
            open.push(s);
        }
    });
    let config = Config::builder()
        .base_url(url)
        .pay_path(PATH)
        .token(TOKEN)
        .timeout(Duration::from_millis(100))
        .retry(RetryPolicy::new(3, Duration::from_millis(1), Duration::from_millis(5)))
        .build()
        .unwrap();
    let err = Client::new(config).order_pay(&wechat_order()).unwrap_err();
    assert!(matches!(&err, Error::Timeout(t) if t.kind() == TransportErrorKind::Timeout), "{err:?}");
    assert_eq!(accepted.load(Ordering::SeqCst), 1, "a timed-out payment must not be sent again");
}

#[test]
fn order_pay_connection_refused_is_a_transport_error() {
    // Bind then drop: nothing listens on this port any more.
    let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let err = client_for(&format!("http://127.0.0.1:{port}")).order_pay(&wechat_order()).unwrap_err();
    assert!(matches!(&err, Error::Transport(t) if t.kind().request_not_sent()), "{err:?}");
    assert_eq!(err.outcome(), Outcome::NotSent);
}

#[test]
fn order_pay_refuses_an_invalid_request_before_sending() {
    let mut server = mockito::Server::new();
    let mock = server.mock("POST", PATH).expect(0).create();
    let client = client_for(&server.url());
    let cases = [
        (
            r#"{"order_id":1,"pay_method":3,"pay_price":1,"pay_integral":5,"address_id":1,"freight_mode":1}"#,
            "order_pay: pay_method 3 does not take pay_price",
        ),
        (r#"{"order_id":1,"pay_method":1,"address_id":1,"freight_mode":1}"#, "order_pay: pay_method 1 needs pay_price"),
        (
            r#"{"order_id":1,"pay_method":1,"pay_price":0.001,"address_id":1,"freight_mode":1}"#,
            "order_pay: pay_price may have at most two decimal places",
        ),
        (
            r#"{"order_id":1,"pay_method":1,"pay_price":1,"address_id":1,"freight_mode":2}"#,
            "order_pay: freight_mode 2 (not free) needs freight_json_arr_key",
        ),
        (
            r#"{"order_id":0,"pay_method":1,"pay_price":1,"address_id":1,"freight_mode":1}"#,
            "order_pay: order_id must be more than 0",
        ),
    ];
    for (json, message) in cases {
        let wire: OrderPayRequest = serde_json::from_str(json).unwrap();
        for err in [client.prepare(&wire).unwrap_err(), client.order_pay(&wire).unwrap_err()] {
            assert!(matches!(&err, Error::InvalidRequest(m) if m == message), "{json}: {err:?}");
            assert_eq!(err.outcome(), Outcome::NotSent);
        }
    }
    // Built field by field, the same rules apply.
    let by_hand = OrderPayRequest::new(1, mall_pay::PayMethod::Integral, 1, mall_pay::FreightMode::Free);
    assert!(matches!(client.prepare(&by_hand), Err(Error::InvalidRequest(m)) if m.contains("needs pay_integral")));
    mock.assert();
}

#[test]
fn order_pay_sans_io_prepare_and_parse() {
    let config =
        Config::builder().base_url("https://mall.example.com/").pay_path("mall/pay").token(TOKEN).build().unwrap();
    let client = Client::with_transport(config, Arc::new(NeverSend));
    let request = alipay_order();
    let req = client.prepare(&request).unwrap();
    assert_eq!(req.url, "https://mall.example.com/mall/pay");
    assert_eq!(req.method, Method::Post);
    assert!(!req.idempotent, "paying is never idempotent");
    assert_eq!(req.header("token"), Some(TOKEN));
    assert_eq!(req.header("Content-Type"), Some("application/json; charset=utf-8"));
    assert_eq!(
        String::from_utf8(req.body.clone()).unwrap(),
        r#"{"order_id":1002,"pay_method":5,"pay_price":19.90,"pay_integral":300,"address_id":8,"freight_mode":2,"freight_json_arr_key":2}"#
    );
    let response = HttpResponse::json(200, doc_alipay().into_bytes());
    let data = client.parse_order_pay(&request, &response).unwrap();
    assert_eq!(data.pay_param.alipay(), Some(DOC_ALIPAY_STRING));
    let generic = client.parse::<OrderPayRequest>(&response).unwrap();
    assert_eq!(generic, data);
    // The pay_param check belongs to order_pay / parse_order_pay: parse alone reads any kind.
    let wechat = HttpResponse::json(200, DOC_WECHAT);
    assert!(client.parse::<OrderPayRequest>(&wechat).unwrap().pay_param.wechat().is_some());
    let err = client.parse_order_pay(&request, &wechat).unwrap_err();
    assert!(matches!(err, Error::UnexpectedPayParam { expected: "alipay", got: "wechat" }), "{err:?}");
    // `order_pay` is exactly prepare + transport.send + parse: this transport refuses to send.
    assert!(matches!(client.order_pay(&request), Err(Error::Transport(_))));
    assert!(matches!(client.call(&request), Err(Error::Transport(_))));
}

#[test]
fn order_pay_parse_follows_the_envelope_table() {
    let client = Client::with_transport(
        Config::builder()
            .base_url("https://m.example")
            .pay_path("/p")
            .token(TOKEN)
            .max_response_bytes(256)
            .build()
            .unwrap(),
        Arc::new(NeverSend),
    );
    let parse = |status: u16, body: &str| client.parse::<OrderPayRequest>(&HttpResponse::json(status, body.to_owned()));
    // An envelope under an HTTP error status still says what went wrong.
    assert!(matches!(parse(401, r#"{"status":0,"msg":"token过期","data":[]}"#), Err(Error::TokenExpired { .. })));
    assert!(matches!(parse(200, r#"{"status":"500","msg":"系统错误"}"#), Err(Error::Api { status: 500, .. })));
    // A quoted "200" is a success; `data: []`, `null` or missing mean no payload.
    for body in [r#"{"status":"200","data":[]}"#, r#"{"status":200,"data":null}"#, r#"{"status":200}"#] {
        assert_eq!(parse(200, body).unwrap().pay_param, PayParam::Empty, "{body}");
    }
    for (status, body, want) in [
        (502, "<html><body>Bad Gateway</body></html>", "HttpStatus 502"),
        (500, r#"{"status":200,"data":{}}"#, "HttpStatus 500"),
        (404, "", "HttpStatus 404"),
        (200, "<html>maintenance</html>", "Decode"),
        (200, "", "Decode"),
        (200, "{\"status\":200,", "Decode"),
        (200, r#"{"msg":"x"}"#, "Decode"),
        (200, r#"{"status":true}"#, "Decode"),
        (200, "[]", "Decode"),
        (200, r#"{"status":200,"data":{"pay_param":12}}"#, "Decode"),
    ] {
        let got = match parse(status, body) {
            Err(Error::HttpStatus { status }) => format!("HttpStatus {status}"),
            Err(Error::Decode(_)) => "Decode".to_owned(),
            other => format!("{other:?}"),
        };
        assert_eq!(got, want, "{status} {body}");
    }
    // The response size cap applies to sans-IO parsing too: an oversized body is never read.
    let big = format!(r#"{{"status":0,"msg":"{}","data":[]}}"#, "x".repeat(300));
    let err = parse(200, &big).unwrap_err();
    assert!(matches!(&err, Error::Decode(e) if e.message().contains("over 256 bytes")), "{err:?}");
    assert!(err.outcome_unknown());
}

#[test]
fn raw_call_posts_with_the_token_and_reads_data() {
    let mut server = mockito::Server::new();
    let mock = server
        .mock("POST", "/api/order/detail")
        .match_header("token", TOKEN)
        .match_header("content-type", "application/json; charset=utf-8")
        .match_body(Matcher::Exact(r#"{"order_id":1001}"#.into()))
        .with_body(r#"{"status":200,"msg":"ok","data":{"order_id":1001,"state":"paid"}}"#)
        .expect(1)
        .create();
    let client = client_for(&server.url());
    let answer = client.raw_call_json("/api/order/detail", &serde_json::json!({"order_id": 1001}), true).unwrap();
    assert_eq!(answer, serde_json::json!({"order_id": 1001, "state": "paid"}));
    mock.assert();

    #[derive(Debug, serde::Deserialize)]
    struct Detail {
        state: String,
    }
    let refused = server.mock("POST", "/api/order/detail").with_body(DOC_FAILURE).expect(1).create();
    mock.remove();
    let err = client.raw_call::<Detail>("/api/order/detail", &serde_json::json!({"order_id": 1}), true).unwrap_err();
    assert!(matches!(err, Error::TokenExpired { .. }), "{err:?}");
    refused.assert();

    let request = client.prepare_raw("/api/order/detail", &serde_json::json!({}), false).unwrap();
    assert_eq!(request.url, format!("{}/api/order/detail", server.url()));
    assert_eq!((request.method, request.idempotent, request.header("token")), (Method::Post, false, Some(TOKEN)));
    let detail: Detail =
        client.parse_raw(&HttpResponse::json(200, r#"{"status":200,"data":{"state":"paid"}}"#.to_owned())).unwrap();
    assert_eq!(detail.state, "paid");
}

#[test]
fn raw_call_refuses_bad_paths_before_sending() {
    let mut server = mockito::Server::new();
    let mock = server.mock("POST", Matcher::Any).expect(0).create();
    let client = client_for(&server.url());
    for path in ["", "/", "api/x", "/a?b=1", "/a#b", "//evil.example/x", "/a/../b", "/a b", "/a\r\nX: 1"] {
        let err = client.raw_call_json(path, &serde_json::json!({}), false).unwrap_err();
        assert!(matches!(&err, Error::InvalidRequest(_)), "{path:?}: {err:?}");
        assert!(client.prepare_raw(path, &serde_json::json!({}), false).is_err(), "{path:?}");
    }
    mock.assert();
}

#[test]
fn order_pay_retry_after_a_connect_failure_builds_the_request_again() {
    // Retries are the client's: each attempt is built anew by `prepare`. mall-pay signs nothing
    // (no nonce, timestamp or date: the token is the whole authentication), so the repeat carries
    // the same token and body; it is sent only because the first attempt cannot have arrived.
    let transport = Arc::new(RefusesFirst(std::sync::Mutex::new(Vec::new())));
    let config = Config::builder()
        .base_url("https://mall.example.com")
        .pay_path(PATH)
        .token(TOKEN)
        .retry(RetryPolicy::new(2, Duration::ZERO, Duration::ZERO))
        .build()
        .unwrap();
    let client = Client::with_transport(config, transport.clone());
    let paid = client.order_pay(&wechat_order()).unwrap();
    assert_eq!(paid.pay_param.wechat().map(|w| w.prepayid.as_str()), Some("wx11102746130494c056cec7991228043100"));
    let seen = transport.0.lock().unwrap();
    assert_eq!(seen.len(), 2, "one refused attempt, one answered");
    for request in seen.iter() {
        assert_eq!(request.header("token"), Some(TOKEN));
        assert_eq!(
            request.body,
            br#"{"order_id":1001,"pay_method":1,"pay_price":0.1,"address_id":7,"freight_mode":1}"#
        );
    }
    // Without retries the refused attempt is the answer, and it is "not sent".
    let once = Arc::new(RefusesFirst(std::sync::Mutex::new(Vec::new())));
    let config = Config::builder().base_url("https://m.example").pay_path(PATH).token(TOKEN).retry(RetryPolicy::none());
    let err = Client::with_transport(config.build().unwrap(), once).order_pay(&wechat_order()).unwrap_err();
    assert_eq!(err.outcome(), Outcome::NotSent, "{err:?}");
}

/// Refuses the first request with a not-sent error (connection refused), then answers with the
/// documentation's WeChat example.
#[derive(Debug)]
struct RefusesFirst(std::sync::Mutex<Vec<sign_core::HttpRequest>>);

impl sign_core::Transport for RefusesFirst {
    fn send(&self, request: &sign_core::HttpRequest) -> Result<HttpResponse, sign_core::TransportError> {
        let mut seen = self.0.lock().unwrap();
        seen.push(request.clone());
        if seen.len() == 1 {
            return Err(sign_core::TransportError::new(TransportErrorKind::Connect, "connection refused"));
        }
        Ok(HttpResponse::json(200, DOC_WECHAT))
    }
}

#[derive(Debug)]
struct NeverSend;

impl sign_core::Transport for NeverSend {
    fn send(&self, _: &sign_core::HttpRequest) -> Result<sign_core::HttpResponse, sign_core::TransportError> {
        Err(sign_core::TransportError::new(TransportErrorKind::Connect, "test transport sends nothing"))
    }
}

#[test]
fn client_is_send_sync_clone() {
    fn check<T: Send + Sync + Clone + 'static>() {}
    check::<Client>();
}
