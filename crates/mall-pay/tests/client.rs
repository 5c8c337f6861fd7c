//! The client against a loopback mock server (mockito): exact requests sent, every answer the
//! provider (or something in between) can give, and "never sent twice".
//!
//! mall-pay signs nothing: the only credential is the `token` header, so the exact-request tests
//! compare the header and the body bytes with literals written by hand from the seed's field
//! table (no code under test computes an expected value).

#![cfg(feature = "ureq")]

use std::io::Read;
use std::net::TcpListener;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use mall_pay::{
    Client, Config, Error, Freight, FreightChoice, OrderPayRequest, PayOrder, PayParam, PayWith, Points, RequestError,
    Yuan,
};
use mockito::Matcher;
use sign_core::{RetryPolicy, TransportErrorKind};

const PATH: &str = "/api/order/pay";
const TOKEN: &str = "d3b07384d113edec49eaa6238ad5ff00";

// The seed's success examples, verbatim.
const SEED_WECHAT: &str = r#"{
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
const SEED_ALIPAY_STRING: &str = r#"alipay_sdk=alipay-sdk-php-easyalipay-20190926&app_id=2019121169879357&biz_content={"body":"在线支付","subject": "在线支付","out_trade_no": "157615203168914672","timeout_express": "60m","total_amount": "0.01","product_code":"QUICK_MSECURITY_PAY"}&charset=UTF-8&format=json&method=alipay.trade.app.pay&notify_url=https://test.com&sign_type=RSA2&timestamp=2019-12-12 20:10:46&version=1.0&sign=s4lALt1mhGwP7NkWHgDgjQiQEvEdDhInWbR8YkBzj+cJLuIeIH3xjoIE6/CK4hma+MKcurtTm1VOunAZ9cTActdhsnwoxymnkltIOPUQNZCvzRVObTlFUCrqz2bnPZ1f9x/5/4IKkJ/M8bNRPNa79BzJkU0jM4jSJtxA6XNroe0wNgdMesVnp3HGLIwI1hx/3+nwfB0Hvig4AgP5ansXnW+R7yQLIH/soadMvV8fRLOW/LYJhJXJm4KItJz4vnq5hNhMj7nz1q3Bn5ost2f7OoMv/2qczjkgTRsCbkNCttGtdgaUp8OaY0toFMuVLryLj5LmJI+0tcL+XZ1E2wzvdw=="#;
const SEED_FAILURE: &str = r#"{
    "status": 0,
    "msg": "token过期",
    "data": []
}"#;

fn seed_alipay() -> String {
    serde_json::json!({"status": 200, "msg": "下单成功", "data": {"pay_param": SEED_ALIPAY_STRING}}).to_string()
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
    Client::new(config).unwrap()
}

fn wechat_order() -> PayOrder {
    PayOrder::new(1001, 7, PayWith::wechat(Yuan::parse("0.1").unwrap()), Freight::Free).unwrap()
}

fn alipay_order() -> PayOrder {
    let pay = PayWith::alipay_and_points(Yuan::parse("19.90").unwrap(), Points::new(300).unwrap());
    PayOrder::new(1002, 8, pay, Freight::NotFree(FreightChoice::MerchantChoice)).unwrap()
}

fn points_order() -> PayOrder {
    PayOrder::new(1003, 9, PayWith::points(Points::new(500).unwrap()), Freight::Free).unwrap()
}

#[test]
fn wechat_request_is_exact_and_answer_typed() {
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
        .with_body(SEED_WECHAT)
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
fn alipay_with_points_request_is_exact_and_string_untouched() {
    let mut server = mockito::Server::new();
    let mock = server
        .mock("POST", PATH)
        .match_header("token", TOKEN)
        .match_body(Matcher::Exact(
            r#"{"order_id":1002,"pay_method":5,"pay_price":19.90,"pay_integral":300,"address_id":8,"freight_mode":2,"freight_json_arr_key":2}"#
                .into(),
        ))
        .with_body(seed_alipay())
        .expect(1)
        .create();
    let data = client_for(&server.url()).order_pay(&alipay_order()).unwrap();
    mock.assert();
    assert_eq!(data.pay_param, PayParam::Alipay(SEED_ALIPAY_STRING.to_owned()));
}

#[test]
fn points_only_sends_no_price_and_accepts_empty_data() {
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
fn expired_token_is_its_own_error_and_a_new_token_retries() {
    let mut server = mockito::Server::new();
    let expired = server.mock("POST", PATH).match_header("token", TOKEN).with_body(SEED_FAILURE).expect(1).create();
    let renewed =
        server.mock("POST", PATH).match_header("token", "fresh-token-2").with_body(SEED_WECHAT).expect(1).create();
    let client = client_for(&server.url());
    let err = client.order_pay(&wechat_order()).unwrap_err();
    assert!(matches!(&err, Error::TokenExpired { message } if message == "token过期"), "{err:?}");
    // The rejected call charged nothing, so the same payment may go again with the new token.
    let data = client.with_token("fresh-token-2").unwrap().order_pay(&wechat_order()).unwrap();
    assert!(data.pay_param.wechat().is_some());
    expired.assert();
    renewed.assert();
    assert!(matches!(client.with_token(""), Err(Error::Config(_))));
}

#[test]
fn failure_envelopes_are_api_errors() {
    let mut server = mockito::Server::new();
    for (body, status, msg) in [
        (r#"{"status":0,"msg":"积分不足","data":[]}"#, 0, "积分不足"),
        (r#"{"status":0,"msg":"订单已支付","data":[]}"#, 0, "订单已支付"),
        (r#"{"status":0,"data":[]}"#, 0, ""),
        (r#"{"status":-1,"msg":"系统繁忙"}"#, -1, "系统繁忙"),
    ] {
        let mock = server.mock("POST", PATH).with_body(body).expect(1).create();
        let err = client_for(&server.url()).order_pay(&wechat_order()).unwrap_err();
        assert!(matches!(&err, Error::Api { status: s, message } if *s == status && message == msg), "{body}: {err:?}");
        mock.assert();
        mock.remove();
    }
}

#[test]
fn bad_answers_are_typed_errors() {
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
        (200, seed_alipay(), |e| matches!(e, Error::UnexpectedPayParam { expected: "wechat", got: "alipay" })),
        (200, r#"{"status":200,"msg":"ok","data":[]}"#.into(), |e| {
            matches!(e, Error::UnexpectedPayParam { expected: "wechat", got: "empty" })
        }),
    ];
    for (status, body, check) in cases {
        let mock = server.mock("POST", PATH).with_status(status.into()).with_body(&body).expect(1).create();
        let err = client_for(&server.url()).order_pay(&wechat_order()).unwrap_err();
        assert!(check(&err), "{status} {body}: {err:?}");
        mock.assert();
        mock.remove();
    }
}

#[test]
fn huge_body_is_refused() {
    let mut server = mockito::Server::new();
    let huge = format!(r#"{{"status":200,"msg":"{}","data":[]}}"#, "x".repeat(2 * 1024 * 1024));
    let mock = server.mock("POST", PATH).with_body(huge).expect(1).create();
    let err = client_for(&server.url()).order_pay(&points_order()).unwrap_err();
    assert!(matches!(&err, Error::Transport(t) if t.kind() == TransportErrorKind::BodyTooLarge), "{err:?}");
    mock.assert();
}

#[test]
fn server_error_is_not_retried() {
    let mut server = mockito::Server::new();
    // The payment may have been processed before the 500: it must reach the server exactly once.
    let mock = server.mock("POST", PATH).with_status(500).with_body("<html>500</html>").expect(1).create();
    let err = client_for(&server.url()).order_pay(&wechat_order()).unwrap_err();
    assert!(matches!(err, Error::HttpStatus { status: 500 }), "{err:?}");
    mock.assert();
}

#[test]
fn response_timeout_is_not_retried() {
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
        .timeout(Duration::from_millis(300))
        .retry(RetryPolicy::new(3, Duration::from_millis(1), Duration::from_millis(5)))
        .build()
        .unwrap();
    let err = Client::new(config).unwrap().order_pay(&wechat_order()).unwrap_err();
    assert!(matches!(&err, Error::Timeout(t) if t.kind() == TransportErrorKind::Timeout), "{err:?}");
    assert_eq!(accepted.load(Ordering::SeqCst), 1, "a timed-out payment must not be sent again");
}

#[test]
fn connection_refused_is_a_transport_error() {
    // Bind then drop: nothing listens on this port any more.
    let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let err = client_for(&format!("http://127.0.0.1:{port}")).order_pay(&wechat_order()).unwrap_err();
    assert!(matches!(&err, Error::Transport(t) if t.kind().request_not_sent()), "{err:?}");
}

#[test]
fn invalid_wire_request_is_refused_before_sending() {
    let mut server = mockito::Server::new();
    let mock = server.mock("POST", PATH).expect(0).create();
    let client = client_for(&server.url());
    let wire: OrderPayRequest = serde_json::from_str(
        r#"{"order_id":1,"pay_method":3,"pay_price":1,"pay_integral":5,"address_id":1,"freight_mode":1}"#,
    )
    .unwrap();
    let err = client.prepare_wire(&wire).unwrap_err();
    assert!(
        matches!(err, Error::InvalidRequest(RequestError::UnexpectedAmount { pay_method: 3, field: "pay_price" })),
        "{err:?}"
    );
    mock.assert();
}

#[test]
fn sans_io_prepare_and_parse() {
    let config =
        Config::builder().base_url("https://mall.example.com/").pay_path("mall/pay").token(TOKEN).build().unwrap();
    let client = Client::with_transport(config, Arc::new(NeverSend));
    let req = client.prepare(&alipay_order()).unwrap();
    assert_eq!(req.url, "https://mall.example.com/mall/pay");
    assert_eq!(req.method, sign_core::Method::Post);
    assert!(!req.idempotent, "paying is never idempotent");
    assert_eq!(req.header("token"), Some(TOKEN));
    assert_eq!(req.header("Content-Type"), Some("application/json; charset=utf-8"));
    assert_eq!(
        String::from_utf8(req.body.clone()).unwrap(),
        r#"{"order_id":1002,"pay_method":5,"pay_price":19.90,"pay_integral":300,"address_id":8,"freight_mode":2,"freight_json_arr_key":2}"#
    );
    let wire = client.prepare_wire(&alipay_order().to_wire()).unwrap();
    assert_eq!(wire, req);
    let response = sign_core::HttpResponse::json(200, seed_alipay().into_bytes());
    let data = client.parse_order_pay(&alipay_order(), &response).unwrap();
    assert_eq!(data.pay_param.alipay(), Some(SEED_ALIPAY_STRING));
    let generic = client.parse::<OrderPayRequest>(&response).unwrap();
    assert_eq!(generic, data);
    // `order_pay` is exactly prepare + transport.send + parse: this transport refuses to send.
    assert!(matches!(client.order_pay(&alipay_order()), Err(Error::Transport(_))));
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

#[test]
fn token_never_printed() {
    let secret = "tok-SECRET-7c1e9a";
    let builder = Config::builder().base_url("https://m.example").pay_path("/p").token(secret);
    let config = builder.clone().build().unwrap();
    let client = Client::with_transport(config.clone(), Arc::new(NeverSend));
    let request = client.prepare(&wechat_order()).unwrap();
    let errors = [
        client.order_pay(&wechat_order()).unwrap_err(),
        Error::TokenExpired { message: "token过期".into() },
        Error::Api { status: 0, message: "x".into() },
        Config::builder()
            .base_url("https://m.example")
            .pay_path("/p")
            .token(format!("{secret}\n"))
            .build()
            .unwrap_err(),
    ];
    let mut printed = vec![
        format!("{builder:?}"),
        format!("{config:?}"),
        format!("{client:?}"),
        format!("{request:?}"),
        format!("{:?} {}", sign_core::SecretString::new(secret), sign_core::SecretString::new(secret)),
    ];
    printed.extend(errors.iter().map(|e| format!("{e:?} {e}")));
    for text in printed {
        assert!(!text.contains(secret) && !text.contains("SECRET"), "{text}");
    }
}
