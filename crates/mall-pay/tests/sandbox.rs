//! The sandbox: every payment method end to end, and the provider's rules checked by the
//! sandbox's own code (raw request bodies written by hand, not by the client).

#![cfg(feature = "sandbox")]

use mall_pay::sandbox::{STARTING_POINTS, Sandbox, poll_until};
use mall_pay::{BodyEncoding, Client, Error, Freight, OrderPayRequest, PayOrder, PayParam, PayWith, Points, Yuan};
use sign_core::{HttpRequest, HttpResponse, Method, SecretString};

/// How long a test waits for what a sandbox does in the background (a handler still running after
/// its client gave up on a delayed answer): far longer than it takes, so a busy machine cannot fail it.
const PATIENCE: std::time::Duration = std::time::Duration::from_secs(10);

fn raw_pay(sandbox: &Sandbox, token: Option<&SecretString>, body: &str) -> HttpResponse {
    let url = format!("{}{}", sandbox.base_url(), Sandbox::PAY_PATH);
    let mut req = HttpRequest::new(Method::Post, url)
        .with_header("Content-Type", "application/json")
        .with_body(body.as_bytes().to_vec());
    if let Some(t) = token {
        req = req.with_header("token", t.expose());
    }
    sandbox.handle(&req)
}

fn envelope(r: &HttpResponse) -> serde_json::Value {
    serde_json::from_slice(&r.body).unwrap()
}

fn failure_msg(r: &HttpResponse) -> String {
    let v = envelope(r);
    assert_eq!(v["status"], 0, "{v}");
    assert_eq!(v["data"], serde_json::json!([]), "{v}");
    v["msg"].as_str().unwrap().to_owned()
}

#[test]
fn order_pay_every_method_gets_the_right_pay_param() {
    // With the variants, so that the client's tolerant reader meets them end to end.
    let sandbox = Sandbox::builder().variant_shapes(true).start().unwrap();
    let client = Client::new(sandbox.config_builder().build().unwrap());
    let price = Yuan::from_fen(2999).unwrap();
    let pts = Points::new(10).unwrap();
    let cases = [
        (PayWith::wechat(price), "wechat"),
        (PayWith::alipay(price), "alipay"),
        (PayWith::points(pts), "empty"),
        (PayWith::wechat_and_points(price, pts), "wechat"),
        (PayWith::alipay_and_points(price, pts), "alipay"),
    ];
    for (i, (pay_with, kind)) in cases.into_iter().enumerate() {
        let order = PayOrder::new(2000 + i as i64, 1, pay_with, Freight::Free).unwrap();
        let data = client.order_pay(&order.into()).unwrap();
        assert_eq!(data.pay_param.kind(), kind, "{pay_with:?}");
        if let PayParam::Alipay(s) = &data.pay_param {
            assert!(s.contains(r#""total_amount":"29.99""#), "{s}");
            assert!(s.contains("&method=alipay.trade.app.pay&"), "{s}");
        }
        if let PayParam::Wechat(w) = &data.pay_param {
            assert_eq!(w.package, "Sign=WXPay");
            assert_eq!(w.sign.len(), 32);
        }
    }
    // With the variants the WeChat answer writes `timestamp` and `partnerid` as numbers, as PHP
    // does; the client above read them as text.
    let wechat = raw_pay(
        &sandbox,
        Some(&sandbox.token()),
        r#"{"order_id":2101,"pay_method":1,"pay_price":0.5,"address_id":1,"freight_mode":1}"#,
    );
    let param = &envelope(&wechat)["data"]["pay_param"];
    assert!(param["timestamp"].is_u64() && param["partnerid"].is_u64(), "{param}");
    assert!(param["prepayid"].is_string(), "{param}");
    // With the variants the points-only answer quotes its status, as a loosely typed backend may:
    // still a success.
    let points = raw_pay(
        &sandbox,
        Some(&sandbox.token()),
        r#"{"order_id":2100,"pay_method":3,"pay_integral":1,"address_id":1,"freight_mode":1}"#,
    );
    assert_eq!(
        (envelope(&points)["status"].as_str(), envelope(&points)["data"].as_array().map(Vec::len)),
        (Some("200"), Some(0))
    );
    // Paying an order twice is refused by the provider (our sandbox's wording).
    let again = PayOrder::new(2000, 1, PayWith::wechat(price), Freight::Free).unwrap();
    assert!(
        matches!(client.order_pay(&again.into()), Err(Error::Api { status: 0, message, .. }) if message == "订单已支付")
    );
}

/// By default every answer has the document's types, read as raw JSON (apart from the client's
/// tolerant reader): `status` the number 200, every WeChat `pay_param` field a string, the Alipay
/// `pay_param` a string.
#[test]
fn default_answers_have_exactly_the_documented_types() {
    let sandbox = Sandbox::start().unwrap();
    let token = sandbox.token();
    let bodies = [
        (1, r#"{"order_id":3001,"pay_method":1,"pay_price":0.5,"address_id":1,"freight_mode":1}"#),
        (2, r#"{"order_id":3002,"pay_method":2,"pay_price":0.5,"address_id":1,"freight_mode":1}"#),
        (3, r#"{"order_id":3003,"pay_method":3,"pay_integral":1,"address_id":1,"freight_mode":1}"#),
        (4, r#"{"order_id":3004,"pay_method":4,"pay_price":0.5,"pay_integral":1,"address_id":1,"freight_mode":1}"#),
        (5, r#"{"order_id":3005,"pay_method":5,"pay_price":0.5,"pay_integral":1,"address_id":1,"freight_mode":1}"#),
    ];
    for (method, body) in bodies {
        let answer = envelope(&raw_pay(&sandbox, Some(&token), body));
        assert!(answer["status"].is_i64() && answer["status"] == 200, "{answer}");
        assert!(answer["msg"].is_string(), "{answer}");
        let param = &answer["data"]["pay_param"];
        match method {
            1 | 4 => {
                let fields = ["appid", "partnerid", "prepayid", "package", "noncestr", "timestamp", "sign"];
                for field in fields {
                    assert!(param[field].is_string(), "{field} in {answer}");
                }
                assert_eq!(param.as_object().map(|o| o.len()), Some(fields.len()), "{answer}");
            }
            2 | 5 => assert!(param.is_string(), "{answer}"),
            _ => assert_eq!(answer["data"], serde_json::json!([]), "{answer}"),
        }
    }
}

#[test]
fn order_pay_expired_token_gets_the_providers_envelope() {
    let sandbox = Sandbox::start().unwrap();
    let token = sandbox.token();
    sandbox.expire_token(&token);
    let r = raw_pay(
        &sandbox,
        Some(&token),
        r#"{"order_id":1,"pay_method":1,"pay_price":0.1,"address_id":1,"freight_mode":1}"#,
    );
    // Byte for byte the failure example of the provider's documentation (compacted).
    assert_eq!(String::from_utf8(r.body.clone()).unwrap(), r#"{"status":0,"msg":"token过期","data":[]}"#);
    let client = Client::new(sandbox.config_builder().build().unwrap());
    let order: OrderPayRequest =
        PayOrder::new(1, 1, PayWith::wechat(Yuan::parse("0.1").unwrap()), Freight::Free).unwrap().into();
    assert!(matches!(client.order_pay(&order), Err(Error::TokenExpired { .. })));
    assert!(sandbox.paid_order(1).is_none());
    let fresh = client.with_token(sandbox.issue_token()).unwrap();
    assert!(fresh.order_pay(&order).unwrap().pay_param.wechat().is_some());
}

#[test]
fn order_pay_sandbox_checks_token_and_rules() {
    let sandbox = Sandbox::start().unwrap();
    let t = sandbox.token();
    let unknown = SecretString::new("not-a-token");
    let cases: [(Option<&SecretString>, &str, &str); 14] = [
        (None, r#"{"order_id":1,"pay_method":1,"pay_price":1,"address_id":1,"freight_mode":1}"#, "token不能为空"),
        (
            Some(&unknown),
            r#"{"order_id":1,"pay_method":1,"pay_price":1,"address_id":1,"freight_mode":1}"#,
            "token无效,请登录",
        ),
        // A float-mangled amount is not what an exact client sends.
        (
            Some(&t),
            r#"{"order_id":1,"pay_method":1,"pay_price":0.10000000000000001,"address_id":1,"freight_mode":1}"#,
            "支付金额格式错误",
        ),
        (
            Some(&t),
            r#"{"order_id":1,"pay_method":1,"pay_price":0,"address_id":1,"freight_mode":1}"#,
            "支付金额格式错误",
        ),
        (
            Some(&t),
            r#"{"order_id":1,"pay_method":1,"pay_price":-1,"address_id":1,"freight_mode":1}"#,
            "支付金额格式错误",
        ),
        (
            Some(&t),
            r#"{"order_id":1,"pay_method":1,"pay_price":"1.","address_id":1,"freight_mode":1}"#,
            "支付金额格式错误",
        ),
        (Some(&t), r#"{"order_id":1,"pay_method":2,"address_id":1,"freight_mode":1}"#, "请输入支付金额"),
        (
            Some(&t),
            r#"{"order_id":1,"pay_method":3,"pay_price":1,"pay_integral":5,"address_id":1,"freight_mode":1}"#,
            "积分支付不需要支付金额",
        ),
        (Some(&t), r#"{"order_id":1,"pay_method":4,"pay_price":1,"address_id":1,"freight_mode":1}"#, "请输入支付积分"),
        (
            Some(&t),
            r#"{"order_id":1,"pay_method":1,"pay_price":1,"address_id":1,"freight_mode":2}"#,
            "不包邮时请选择运费方式",
        ),
        (Some(&t), r#"{"order_id":1,"pay_method":6,"pay_price":1,"address_id":1,"freight_mode":1}"#, "支付方式错误"),
        (Some(&t), r#"{"pay_method":1,"pay_price":1,"address_id":1,"freight_mode":1}"#, "缺少参数: order_id"),
        (
            Some(&t),
            r#"{"order_id":1,"pay_method":3,"pay_integral":999999,"address_id":1,"freight_mode":1}"#,
            "积分不足",
        ),
        (Some(&t), "not json", "参数错误: 请求体不是 JSON 对象"),
    ];
    for (token, body, msg) in cases {
        assert_eq!(failure_msg(&raw_pay(&sandbox, token, body)), msg, "{body}");
    }
    assert!(sandbox.paid_order(1).is_none());
    assert_eq!(sandbox.points_balance(), STARTING_POINTS);

    let wrong_path = sandbox.handle(&HttpRequest::new(Method::Post, format!("{}/other", sandbox.base_url())));
    assert_eq!(wrong_path.status, 404);
    let get = sandbox.handle(&HttpRequest::new(Method::Get, format!("{}{}", sandbox.base_url(), Sandbox::PAY_PATH)));
    assert_eq!(get.status, 405);
    let text = sandbox.handle(
        &HttpRequest::new(Method::Post, format!("{}{}", sandbox.base_url(), Sandbox::PAY_PATH))
            .with_header("token", t.expose())
            .with_header("Content-Type", "text/plain")
            .with_body(b"order_id=1".to_vec()),
    );
    assert!(failure_msg(&text).contains("application/x-www-form-urlencoded"));
}

fn raw_form(sandbox: &Sandbox, token: &SecretString, body: &str) -> HttpResponse {
    let url = format!("{}{}", sandbox.base_url(), Sandbox::PAY_PATH);
    sandbox.handle(
        &HttpRequest::new(Method::Post, url)
            .with_header("token", token.expose())
            .with_header("Content-Type", "application/x-www-form-urlencoded")
            .with_body(body.as_bytes().to_vec()),
    )
}

#[test]
fn order_pay_sandbox_reads_a_form_by_its_own_rules() {
    let sandbox = Sandbox::start().unwrap();
    let t = sandbox.token();
    for (body, msg) in [
        ("order_id=1", "缺少参数: pay_method"),
        ("order_id=1&pay_method=1&pay_price=0.10000000000000001&address_id=1&freight_mode=1", "支付金额格式错误"),
        ("order_id=1&pay_method=3&pay_price=1&pay_integral=5&address_id=1&freight_mode=1", "积分支付不需要支付金额"),
        ("order_id=%ZZ", "参数错误: 表单编码错误"),
    ] {
        assert_eq!(failure_msg(&raw_form(&sandbox, &t, body)), msg, "{body}");
    }
    // Written by hand: `+` and `%XX` decode, the last of repeated names wins, as in PHP.
    let ok =
        raw_form(&sandbox, &t, "order_id=9&order_id=7&pay_method=2&pay_price=0.10&address_id=%31&freight_mode=1&x=a+b");
    assert_eq!(envelope(&ok)["status"], 200, "{}", envelope(&ok));
    let paid = sandbox.paid_order(7).unwrap();
    assert_eq!((paid.pay_method, paid.pay_price.as_deref(), paid.address_id), (2, Some("0.10"), 1));
    assert!(sandbox.paid_order(9).is_none());
}

#[test]
fn order_pay_sandbox_reads_json_numbers_sent_as_strings() {
    // The document types the fields (`int`, `float`), not their JSON shape, and the mall is PHP: a
    // client writing `"order_id":"21"` or `"pay_price":"0.10"` is read as one writing the numbers.
    let sandbox = Sandbox::start().unwrap();
    let t = sandbox.token();
    let body = r#"{"order_id":"21","pay_method":"5","pay_price":"0.10","pay_integral":"5","address_id":"3",
        "freight_mode":"2","freight_json_arr_key":"2"}"#;
    let ok = raw_pay(&sandbox, Some(&t), body);
    assert_eq!(envelope(&ok)["status"], 200, "{}", envelope(&ok));
    let paid = sandbox.paid_order(21).unwrap();
    assert_eq!((paid.pay_method, paid.pay_price.as_deref(), paid.pay_integral), (5, Some("0.10"), Some(5)));
    assert_eq!((paid.address_id, paid.freight_mode, paid.freight_json_arr_key), (3, 2, 2));
    // Still the same rules for the text inside the quotes.
    for (body, msg) in [
        (r#"{"order_id":"2x","pay_method":1,"pay_price":1,"address_id":1,"freight_mode":1}"#, "参数错误: order_id"),
        (r#"{"order_id":22,"pay_method":1,"pay_price":"0.101","address_id":1,"freight_mode":1}"#, "支付金额格式错误"),
        (r#"{"order_id":22,"pay_method":1,"pay_price":true,"address_id":1,"freight_mode":1}"#, "支付金额格式错误"),
    ] {
        assert_eq!(failure_msg(&raw_pay(&sandbox, Some(&t), body)), msg, "{body}");
    }
    assert!(sandbox.paid_order(22).is_none());
}

#[test]
fn a_zero_in_a_field_the_method_does_not_use_is_none() {
    // A PHP backend reading `pay_integral` with a default of 0 sees 0 as "none" (the document says
    // nothing): WeChat with `pay_integral=0`, points with `pay_price=0` go through; where the method
    // uses the field, zero is still refused.
    let sandbox = Sandbox::start().unwrap();
    let t = sandbox.token();
    let wechat =
        raw_form(&sandbox, &t, "order_id=11&pay_method=1&pay_price=0.10&pay_integral=0&address_id=1&freight_mode=1");
    assert_eq!(envelope(&wechat)["status"], 200, "{}", envelope(&wechat));
    let points =
        raw_form(&sandbox, &t, "order_id=12&pay_method=3&pay_price=0.00&pay_integral=5&address_id=1&freight_mode=1");
    // (With the variants the sandbox answers some successes with `"status":"200"`, as the
    // platform's PHP may.)
    assert_eq!(envelope(&points)["status"].to_string().trim_matches('"'), "200", "{}", envelope(&points));
    assert_eq!(sandbox.paid_order(12).unwrap().pay_price, None);
    let mixed =
        raw_form(&sandbox, &t, "order_id=13&pay_method=4&pay_price=0.10&pay_integral=0&address_id=1&freight_mode=1");
    assert_eq!(failure_msg(&mixed), "参数错误: pay_integral");
}

#[test]
fn order_pay_form_encoded_every_method_end_to_end() {
    // The client's form against the sandbox's own form reader, over loopback HTTP.
    let sandbox = Sandbox::start().unwrap();
    let client = Client::new(sandbox.config_builder().body_encoding(BodyEncoding::Form).build().unwrap());
    let price = Yuan::parse("19.90").unwrap();
    let pts = Points::new(10).unwrap();
    let cases = [
        (PayWith::wechat(price), "wechat"),
        (PayWith::alipay(price), "alipay"),
        (PayWith::points(pts), "empty"),
        (PayWith::wechat_and_points(price, pts), "wechat"),
        (PayWith::alipay_and_points(price, pts), "alipay"),
    ];
    for (i, (pay_with, kind)) in cases.into_iter().enumerate() {
        let order_id = 3000 + i as i64;
        let freight = Freight::NotFree(mall_pay::FreightChoice::CashOnDelivery);
        let data = client.order_pay(&PayOrder::new(order_id, 4, pay_with, freight).unwrap().into()).unwrap();
        assert_eq!(data.pay_param.kind(), kind, "{pay_with:?}");
        let paid = sandbox.paid_order(order_id).unwrap();
        assert_eq!((paid.address_id, paid.freight_mode, paid.freight_json_arr_key), (4, 2, 1));
        assert_eq!(paid.pay_price.as_deref(), pay_with.pay_price().map(|_| "19.90"));
    }
    assert_eq!(sandbox.points_balance(), STARTING_POINTS - 30);
    // The same client in JSON against the same sandbox.
    let json = Client::new(sandbox.config_builder().build().unwrap());
    let order = PayOrder::new(3100, 4, PayWith::points(pts), Freight::Free).unwrap();
    assert_eq!(json.order_pay(&order.into()).unwrap().pay_param, PayParam::Empty);
}

#[test]
fn sandbox_never_prints_its_token() {
    let sandbox = Sandbox::start().unwrap();
    let token = sandbox.token();
    let printed = format!("{sandbox:?} {:?} {:?}", sandbox.handler(), sandbox.config_builder());
    assert!(!printed.contains(token.expose()), "{printed}");
}

// Sandbox faults (issue 18): the "may have gone through" paths, through the client.

/// A client for faults that answer at once (or cut the connection): its timeout never runs out.
fn fault_client(sandbox: &Sandbox) -> Client {
    sandbox.client().unwrap()
}

fn pay_points(client: &Client, order_id: i64) -> Result<mall_pay::OrderPayResponse, Error> {
    let order = PayOrder::new(order_id, 7, PayWith::points(Points::new(5).unwrap()), Freight::Free).unwrap();
    client.order_pay(&order.into())
}

#[test]
fn order_pay_fault_lost_answer_is_outcome_unknown_and_the_order_is_paid() {
    let sandbox = Sandbox::start().unwrap();
    sandbox.faults().on_path(Sandbox::PAY_PATH, mall_pay::sandbox::Fault::LoseAnswer);
    let err = pay_points(&fault_client(&sandbox), 5001).unwrap_err();
    assert!(err.outcome_unknown(), "{err:?}");
    assert!(sandbox.paid_order(5001).is_some());
    assert_eq!(sandbox.faults().pending(), 0);
}

#[test]
fn order_pay_fault_503_is_outcome_unknown() {
    let sandbox = Sandbox::start().unwrap();
    sandbox.faults().next_call(mall_pay::sandbox::Fault::Status(503));
    let err = pay_points(&fault_client(&sandbox), 5002).unwrap_err();
    assert!(matches!(err, Error::HttpStatus { status: 503 }), "{err:?}");
    assert!(err.outcome_unknown());
    assert!(sandbox.paid_order(5002).is_none(), "a 503 fault processes nothing");
}

#[test]
fn order_pay_fault_provider_error_is_a_definite_api_error() {
    let sandbox = Sandbox::start().unwrap();
    sandbox.faults().on_path(Sandbox::PAY_PATH, mall_pay::sandbox::Fault::provider_error("0", "库存不足"));
    let err = pay_points(&fault_client(&sandbox), 5003).unwrap_err();
    assert!(matches!(&err, Error::Api { status: 0, message, .. } if message == "库存不足"), "{err:?}");
    assert_eq!(err.outcome(), mall_pay::Outcome::Definite);
    assert!(sandbox.paid_order(5003).is_none());
}

#[test]
fn order_pay_fault_delay_past_the_client_timeout_is_outcome_unknown() {
    let sandbox = Sandbox::start().unwrap();
    // The test waits for the timeout only, not for the delay (ten times longer).
    sandbox.faults().next_call(mall_pay::sandbox::Fault::Delay(std::time::Duration::from_millis(1500)));
    let client = Client::new(sandbox.config_builder().timeout(std::time::Duration::from_millis(150)).build().unwrap());
    let err = pay_points(&client, 5004).unwrap_err();
    assert!(err.outcome_unknown(), "{err:?}");
    assert!(poll_until(PATIENCE, || sandbox.paid_order(5004).is_some()), "a delay processes the request");
}

/// Review finding I7: the sandbox reads `pay_price` from the JSON number's own text, never
/// through an `f64`: `10.50` stays `10.50` (a float prints `10.5`), 15 significant digits stay
/// exact in the recorded order and in the Alipay order string, and a number a float would round
/// (17 significant digits) is refused, not rounded.
#[test]
fn pay_price_numbers_are_read_from_their_text() {
    let sandbox = Sandbox::start().unwrap();
    let t = sandbox.token();
    for (order_id, price) in [(21, "10.50"), (22, "1234567890123.45")] {
        let body =
            format!(r#"{{"order_id":{order_id},"pay_method":2,"pay_price":{price},"address_id":1,"freight_mode":1}}"#);
        let answer = raw_pay(&sandbox, Some(&t), &body);
        assert_eq!(envelope(&answer)["status"], 200, "{}", envelope(&answer));
        assert_eq!(sandbox.paid_order(order_id).unwrap().pay_price.as_deref(), Some(price));
        let order_string = envelope(&answer)["data"]["pay_param"].as_str().unwrap().to_owned();
        assert!(order_string.contains(&format!(r#""total_amount":"{price}""#)), "{order_string}");
    }
    assert_ne!("10.50".parse::<f64>().unwrap().to_string(), "10.50");
    let body = r#"{"order_id":23,"pay_method":2,"pay_price":12345678901234567.89,"address_id":1,"freight_mode":1}"#;
    assert_eq!(failure_msg(&raw_pay(&sandbox, Some(&t), body)), "支付金额格式错误");
    assert!(sandbox.paid_order(23).is_none());
}
