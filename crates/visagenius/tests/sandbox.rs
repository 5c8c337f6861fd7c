//! The sandbox: the provider's rules (signature, five-minute window, catalogue, order state)
//! and the quickstart flow end to end over loopback HTTP.
#![cfg(feature = "sandbox")]

use std::sync::Arc;
use std::time::Duration;

use serde_json::json;
use sign_core::{FixedClock, HttpRequest, Method, SecretString};
use time::macros::datetime;
use visagenius::sandbox::{
    SANDBOX_ACCESS_KEY, SANDBOX_APPID, SANDBOX_EVISA_ORDER_ID, SANDBOX_ORDER_AMOUNT, SANDBOX_ORDER_ID,
    SANDBOX_ORDER_WITH_ADDRESS_ID, SANDBOX_PAID_ORDER_ID, SANDBOX_PRODUCT_IDS, SANDBOX_SECRET_KEY, Sandbox, poll_until,
};
use visagenius::{
    Client, Error, Fen, OrderExpressAddress, OrderPayRequest, ProductBriefQueryRequest, ProductQueryRequest,
};

/// How long a test waits for what a sandbox does in the background (a handler still running after
/// its client gave up on a delayed answer): far longer than it takes, so a busy machine cannot fail it.
const PATIENCE: std::time::Duration = std::time::Duration::from_secs(10);

fn api_msg(result: Result<impl std::fmt::Debug, Error>) -> (u16, String) {
    match result {
        Err(Error::Api { ret, msg, status }) => {
            assert_eq!(ret, -1);
            (status, msg)
        }
        other => panic!("expected an API error, got {other:?}"),
    }
}

#[test]
fn quickstart_flow_list_detail_pay() {
    let sandbox = Sandbox::start().unwrap();
    let client = sandbox.client().unwrap();
    let list = client.product_brief_query(&ProductBriefQueryRequest::new()).unwrap();
    assert_eq!(list.total_count, Some(3));
    let first = list.data.unwrap()[0].product_id.unwrap();
    assert_eq!(first, SANDBOX_PRODUCT_IDS[0]);
    let detail = client.product_query(&ProductQueryRequest::new(first)).unwrap();
    assert_eq!(detail.product_id, first);
    assert_eq!(detail.price, Some(Fen(36900)));
    assert!(!sandbox.order(SANDBOX_ORDER_ID).unwrap().paid);
    let paid = client.order_pay(&OrderPayRequest::new(SANDBOX_ORDER_ID, SANDBOX_ORDER_AMOUNT)).unwrap();
    // By default the answer has the document's shape: the supplier's full address.
    let address = paid.express_address.unwrap();
    assert_eq!(address.id, Some(10116));
    assert_eq!(address.mobile_phone.as_deref(), Some("15071097990"));
    assert!(sandbox.order(SANDBOX_ORDER_ID).unwrap().paid);
    // Paying twice is refused, and the order stays paid.
    let (status, msg) = api_msg(client.order_pay(&OrderPayRequest::new(SANDBOX_ORDER_ID, SANDBOX_ORDER_AMOUNT)));
    assert_eq!(status, 200);
    assert!(msg.contains("已支付"), "{msg}");
}

#[test]
fn product_brief_query_filters_and_product_query_refuses_an_unknown_product() {
    let sandbox = Sandbox::start().unwrap();
    let client = sandbox.client().unwrap();
    let kr = client.product_brief_query(&ProductBriefQueryRequest::new().with_country_name("韩国")).unwrap();
    assert_eq!(kr.total_count, Some(1));
    let sh = client.product_brief_query(&ProductBriefQueryRequest::new().with_province_code("310000")).unwrap();
    let ids: Vec<_> = sh.data.unwrap().iter().filter_map(|p| p.product_id).collect();
    assert_eq!(ids, vec![10107, 10108]);
    let th = client.product_brief_query(&ProductBriefQueryRequest::new().with_country_code("th")).unwrap();
    assert_eq!(th.total_count, Some(1));
    let none = client.product_brief_query(&ProductBriefQueryRequest::new().with_country_code("US")).unwrap();
    assert_eq!(none.total_count, Some(0));
    let (_, msg) = api_msg(client.product_query(&ProductQueryRequest::new(1)));
    assert!(msg.contains("商品不存在"), "{msg}");
    let e = client.product_query(&ProductQueryRequest::new(10108)).unwrap();
    assert!(e.elec_material.is_some());
}

#[test]
fn order_pay_checks_amount_order_and_fields() {
    let sandbox = Sandbox::start().unwrap();
    let client = sandbox.client().unwrap();
    let (_, msg) = api_msg(client.order_pay(&OrderPayRequest::new(SANDBOX_ORDER_ID, Fen(1999))));
    assert!(msg.contains("金额"), "{msg}");
    assert!(!sandbox.order(SANDBOX_ORDER_ID).unwrap().paid, "a refused payment must not change the order");
    let (_, msg) = api_msg(client.order_pay(&OrderPayRequest::new(42, Fen(1))));
    assert!(msg.contains("订单不存在"), "{msg}");
    let (_, msg) = api_msg(client.order_pay(&OrderPayRequest::new(SANDBOX_PAID_ORDER_ID, Fen(23000))));
    assert!(msg.contains("已支付"), "{msg}");
    let (status, _) = api_msg(client.order_pay(&OrderPayRequest::new(SANDBOX_ORDER_ID, Fen(0))));
    assert_eq!(status, 400);
    // A float amount or a missing field is a 400 with the envelope (through the raw call).
    let (status, msg) = api_msg(client.raw_call_json(
        "/openvisa/order_pay",
        &serde_json::json!({"order_id": SANDBOX_ORDER_ID, "pay_amount": 20.0}),
        false,
    ));
    assert_eq!(status, 400);
    assert!(msg.contains("pay_amount"), "{msg}");
    let (status, _) =
        api_msg(client.raw_call_json("/openvisa/order_pay", &serde_json::json!({"pay_amount": 1}), false));
    assert_eq!(status, 400);
    // An incomplete address is refused, a complete one is stored.
    let (status, msg) = api_msg(client.raw_call_json(
        "/openvisa/order_pay",
        &serde_json::json!({"order_id": SANDBOX_ORDER_ID, "pay_amount": 2000, "order_express_address": {"addressee": "x"}}),
        false,
    ));
    assert_eq!(status, 400);
    assert!(msg.contains("mobile_phone"), "{msg}");
    sandbox.add_order(77, Fen(500));
    let address = OrderExpressAddress::new("张三", "13800000000", "110000", "110100", "110101", "长安街1号");
    client.order_pay(&OrderPayRequest::new(77, Fen(500)).with_order_express_address(address)).unwrap();
    let order = sandbox.order(77).unwrap();
    assert!(order.paid);
    assert_eq!(order.express_address.unwrap()["detail_address"], "长安街1号");
    assert!(sandbox.order(SANDBOX_ORDER_WITH_ADDRESS_ID).unwrap().express_address.is_some());
}

#[test]
fn order_pay_sandbox_answers_a_partial_a_full_or_no_address() {
    let sandbox = Sandbox::builder().variant_shapes(true).start().unwrap();
    let client = sandbox.client().unwrap();
    let partial = client.order_pay(&OrderPayRequest::new(SANDBOX_ORDER_ID, SANDBOX_ORDER_AMOUNT)).unwrap();
    let partial = partial.express_address.unwrap();
    assert_eq!(partial.detail_address.as_deref(), Some("东外斜街甲4号宏天  商务115室"));
    assert_eq!((partial.mobile_phone, partial.city_name), (None, None));
    let full = client.order_pay(&OrderPayRequest::new(SANDBOX_ORDER_WITH_ADDRESS_ID, Fen(45000))).unwrap();
    let full = full.express_address.unwrap();
    assert_eq!(full.mobile_phone.as_deref(), Some("15071097990"));
    assert_eq!(full.county_name.as_deref(), Some("和平区"));
    // An e-visa: nothing to mail, no address, and still a success.
    let evisa = client.order_pay(&OrderPayRequest::new(SANDBOX_EVISA_ORDER_ID, Fen(23000))).unwrap();
    assert_eq!(evisa.express_address, None);
    assert!(sandbox.order(SANDBOX_EVISA_ORDER_ID).unwrap().paid);
}

#[test]
fn product_query_sandbox_answers_carry_numbers_as_strings_and_the_client_reads_them() {
    let sandbox = Sandbox::builder().variant_shapes(true).start().unwrap();
    let client = sandbox.client().unwrap();
    // What the sandbox writes, read raw: strings where the documents say integer.
    let raw =
        |request: &HttpRequest| -> serde_json::Value { serde_json::from_slice(&sandbox.handle(request).body).unwrap() };
    let list = raw(&client.prepare(&ProductBriefQueryRequest::new()).unwrap());
    let first = &list["body"]["data"][0];
    assert_eq!(
        (&first["product_id"], &first["price"], &first["visa_type_id"]),
        (&json!("10106"), &json!("36900"), &json!("4"))
    );
    let detail = raw(&client.prepare(&ProductQueryRequest::new(SANDBOX_PRODUCT_IDS[0])).unwrap());
    assert_eq!((&detail["body"]["need_delivery"], &detail["body"]["visa_type_id"]), (&json!("1"), &json!("4")));
    // And what the client makes of them.
    let list = client.product_brief_query(&ProductBriefQueryRequest::new()).unwrap();
    let first = &list.products()[0];
    assert_eq!((first.product_id, first.price, first.visa_type_id), (Some(10106), Some(Fen(36900)), Some(4)));
    let detail = client.product_query(&ProductQueryRequest::new(SANDBOX_PRODUCT_IDS[0])).unwrap();
    assert_eq!((detail.visa_type_id, detail.need_interview, detail.need_delivery), (Some(4), Some(0), Some(1)));
}

/// By default every answer has the types of the document's response tables, read as raw JSON
/// (not through the client, whose reader tolerates more): a client written strictly from the
/// document reads it.
#[test]
fn default_answers_have_exactly_the_documented_types() {
    let sandbox = Sandbox::start().unwrap();
    assert!(!sandbox.variant_shapes());
    let client = sandbox.client().unwrap();
    let raw =
        |request: &HttpRequest| -> serde_json::Value { serde_json::from_slice(&sandbox.handle(request).body).unwrap() };
    let list = raw(&client.prepare(&ProductBriefQueryRequest::new()).unwrap());
    assert!(list["ret"].is_i64() && list["msg"].is_string(), "{list}");
    assert!(list["body"]["total_count"].is_i64(), "{list}");
    let data = list["body"]["data"].as_array().unwrap();
    assert_eq!(data.len(), 3);
    for item in data {
        for field in ["product_id", "price", "visa_type_id", "visa_form", "need_return_material"] {
            assert!(item[field].is_i64(), "{field} in {item}");
        }
        for field in ["product_name", "country_code", "validity_period_unit"] {
            assert!(item[field].is_string(), "{field} in {item}");
        }
    }
    for id in SANDBOX_PRODUCT_IDS {
        let detail = raw(&client.prepare(&ProductQueryRequest::new(id)).unwrap());
        let body = &detail["body"];
        for field in ["product_id", "visa_type_id", "visa_form", "price", "need_interview", "need_delivery"] {
            assert!(body[field].is_i64(), "{field} in {body}");
        }
    }
    for (order, amount) in
        [(SANDBOX_ORDER_ID, 2000), (SANDBOX_ORDER_WITH_ADDRESS_ID, 45000), (SANDBOX_EVISA_ORDER_ID, 23000)]
    {
        let paid = raw(&client.prepare(&OrderPayRequest::new(order, Fen(amount))).unwrap());
        assert_eq!(paid["ret"], json!(0), "{paid}");
        let address = &paid["body"]["express_address"];
        assert!(address["id"].is_i64(), "order {order}: {paid}");
        for field in ["addressee", "mobile_phone", "province_code", "city_code", "county_code", "detail_address"] {
            assert!(address[field].is_string(), "order {order}: {field} in {paid}");
        }
    }
}

#[test]
fn sandbox_accepts_date_or_x_date_and_refuses_two_that_disagree() {
    let now = datetime!(2026-11-22 01:00:00 UTC);
    let sandbox = Sandbox::start_with_clock(Arc::new(FixedClock::new(now))).unwrap();
    let client = sandbox.client().unwrap().with_clock(Arc::new(FixedClock::new(now)));
    let signed = client.prepare(&ProductQueryRequest::new(SANDBOX_PRODUCT_IDS[0])).unwrap();
    assert_eq!(signed.header("Date"), signed.header("X-Date"));
    assert_eq!(sandbox.handle(&signed).status, 200, "both headers, the same date");
    for keep in ["Date", "X-Date"] {
        let mut one = signed.clone();
        one.headers.retain(|(name, _)| name == keep || (name != "Date" && name != "X-Date"));
        assert_eq!(sandbox.handle(&one).status, 200, "only {keep}");
    }
    // Two dates that disagree, whichever of them was signed, are refused.
    for (header, other) in [("Date", "Sun, 22 Nov 2026 01:00:01 GMT"), ("X-Date", "Sun, 22 Nov 2026 00:59:59 GMT")] {
        let mut request = signed.clone();
        request.headers.retain(|(name, _)| name != header);
        request.headers.push((header.to_owned(), other.to_owned()));
        let answer = sandbox.handle(&request);
        assert_eq!(answer.status, 400, "{header}");
        let v: serde_json::Value = serde_json::from_slice(&answer.body).unwrap();
        assert_eq!(v["ret"], -1);
        assert!(v["msg"].as_str().unwrap().contains("不一致"), "{v}");
    }
}

/// The document asks for a GMT date like `Wed, 21 Oct 2022 07:28:00 GMT`; RFC 1123 lets the day
/// have one digit, and Java's `DateTimeFormatter.RFC_1123_DATE_TIME` writes it so
/// (`Tue, 3 Nov 2026 01:00:00 GMT`). A request dated that way and signed over that very string is
/// accepted; a three-digit day is not a date.
#[test]
fn sandbox_accepts_a_one_digit_day_as_java_writes_it() {
    let now = datetime!(2026-11-03 01:00:00 UTC);
    let sandbox = Sandbox::start_with_clock(Arc::new(FixedClock::new(now))).unwrap();
    let client = sandbox.client().unwrap().with_clock(Arc::new(FixedClock::new(now)));
    let signed = client.prepare(&ProductQueryRequest::new(SANDBOX_PRODUCT_IDS[0])).unwrap();
    assert_eq!(signed.header("X-Date"), Some("Tue, 03 Nov 2026 01:00:00 GMT"));
    for (date, status) in [("Tue, 3 Nov 2026 01:00:00 GMT", 200), ("Tue, 003 Nov 2026 01:00:00 GMT", 400)] {
        let mut request = signed.clone();
        request.headers.retain(|(name, _)| !matches!(name.as_str(), "Date" | "X-Date" | "Authorization"));
        let authorization = visagenius::auth::authorization(
            &SecretString::from(SANDBOX_ACCESS_KEY),
            &SecretString::from(SANDBOX_SECRET_KEY),
            sandbox.appid(),
            date,
        );
        request.headers.push(("X-Date".to_owned(), date.to_owned()));
        request.headers.push(("Authorization".to_owned(), authorization));
        assert_eq!(sandbox.handle(&request).status, status, "{date}");
    }
}

#[test]
fn wrong_credentials_are_refused_with_the_envelope() {
    let sandbox = Sandbox::start().unwrap();
    let builders = [
        sandbox.config_builder().secret_key("wrong-secret"),
        sandbox.config_builder().access_key("wrong-access"),
        sandbox.config_builder().appid("someone-else"),
    ];
    for builder in builders {
        let client = Client::new(builder.build().unwrap());
        let (status, _) = api_msg(client.product_query(&ProductQueryRequest::new(SANDBOX_PRODUCT_IDS[0])));
        assert_eq!(status, 400);
    }
}

/// The sandbox's clock stands at `server`, the client's at `server + offset_secs`.
fn skewed(offset_secs: i64) -> Result<visagenius::ProductQueryResponse, Error> {
    let now = datetime!(2026-11-22 01:00:00 UTC);
    let sandbox = Sandbox::start_with_clock(Arc::new(FixedClock::new(now))).unwrap();
    let client =
        sandbox.client().unwrap().with_clock(Arc::new(FixedClock::new(now + time::Duration::seconds(offset_secs))));
    client.product_query(&ProductQueryRequest::new(SANDBOX_PRODUCT_IDS[0]))
}

#[test]
fn date_window_is_five_minutes_each_way() {
    for ok in [0, 300, -300, 299, -299] {
        assert!(skewed(ok).is_ok(), "{ok} s off must be accepted");
    }
    for late in [301, -301, 3600, -86_400] {
        let (status, msg) = api_msg(skewed(late));
        assert_eq!(status, 400);
        assert!(msg.contains("5分钟"), "{late}: {msg}");
    }
}

#[test]
fn sandbox_accepts_an_independently_signed_request() {
    // printf 'vg-sandbox-access-key\nvg-sandbox-app\nSun, 22 Nov 2026 01:00:00 GMT' \
    //   | openssl dgst -sha1 -hmac 'vg-sandbox-secret-key' -binary | base64
    // d8fXGOpzYH5CEKjIrSyxzGXDhsY=
    let sandbox = Sandbox::start_with_clock(Arc::new(FixedClock::new(datetime!(2026-11-22 01:02:00 UTC)))).unwrap();
    let request = |auth: &str, date: &str| {
        HttpRequest::new(Method::Post, format!("{}/openvisa/product_query", sandbox.base_url()))
            .with_header("Content-Type", "application/json")
            .with_header("X-Date", date)
            .with_header("X-Appid", SANDBOX_APPID)
            .with_header("Authorization", auth)
            .with_body(br#"{"product_id":10106}"#.to_vec())
    };
    let good = sandbox.handle(&request("Basic d8fXGOpzYH5CEKjIrSyxzGXDhsY=", "Sun, 22 Nov 2026 01:00:00 GMT"));
    assert_eq!(good.status, 200);
    let v: serde_json::Value = serde_json::from_slice(&good.body).unwrap();
    assert_eq!(v["ret"], 0);
    assert_eq!(v["body"]["product_id"], 10106);
    // The same signature with another date (a replay with a fresh X-Date) is refused: the date
    // in the header is the date that was signed.
    let replay = sandbox.handle(&request("Basic d8fXGOpzYH5CEKjIrSyxzGXDhsY=", "Sun, 22 Nov 2026 01:01:00 GMT"));
    assert_eq!(replay.status, 400);
    for bad_auth in
        ["d8fXGOpzYH5CEKjIrSyxzGXDhsY=", "basic d8fXGOpzYH5CEKjIrSyxzGXDhsY=", "Basic d8fXGOpzYH5CEKjIrSyxzGXDhsZ=", ""]
    {
        let r = sandbox.handle(&request(bad_auth, "Sun, 22 Nov 2026 01:00:00 GMT"));
        assert_eq!(r.status, 400, "{bad_auth}");
        let v: serde_json::Value = serde_json::from_slice(&r.body).unwrap();
        assert_eq!(v["ret"], -1);
    }
}

#[test]
fn tampered_or_incomplete_requests_are_refused() {
    let sandbox = Sandbox::start().unwrap();
    let client = sandbox.client().unwrap();
    let good = client.prepare(&ProductQueryRequest::new(10106)).unwrap();
    assert_eq!(sandbox.handle(&good).status, 200);
    for drop in [&["X-Date", "Date"][..], &["X-Appid"], &["Authorization"]] {
        let mut r = good.clone();
        r.headers.retain(|(n, _)| !drop.contains(&n.as_str()));
        assert_eq!(sandbox.handle(&r).status, 400, "without {drop:?}");
    }
    let mut no_json = good.clone();
    no_json.headers.retain(|(n, _)| n != "Content-Type");
    assert_eq!(sandbox.handle(&no_json).status, 400);
    let mut garbage = good.clone();
    garbage.body = b"product_id=10106".to_vec();
    assert_eq!(sandbox.handle(&garbage).status, 400);
    let mut get = good.clone();
    get.method = Method::Get;
    assert_eq!(sandbox.handle(&get).status, 405);
    // An unpublished path is a 404, reported as an HTTP status error.
    assert!(matches!(
        client.raw_call_json("/openvisa/order_create", &serde_json::json!({}), false),
        Err(Error::HttpStatus { status: 404 })
    ));
}

#[test]
fn in_process_transport_and_shared_client() {
    let sandbox = Sandbox::start().unwrap();
    let client = Client::with_transport(sandbox.config_builder().build().unwrap(), sandbox.transport());
    let handles: Vec<_> = (0..4)
        .map(|i| {
            let client = client.clone();
            std::thread::spawn(move || client.product_query(&ProductQueryRequest::new(SANDBOX_PRODUCT_IDS[i % 3])))
        })
        .collect();
    for h in handles {
        assert!(h.join().unwrap().is_ok());
    }
    let _ = Duration::ZERO;
}

// Sandbox faults (issue 18): the "may have gone through" paths, through the client.

/// A client for faults that answer at once (or cut the connection): its timeout never runs out.
fn fault_client(sandbox: &visagenius::sandbox::Sandbox) -> visagenius::Client {
    sandbox.client().unwrap()
}

fn pay_sandbox_order(client: &visagenius::Client) -> Result<visagenius::OrderPayResponse, visagenius::Error> {
    use visagenius::sandbox::{SANDBOX_ORDER_AMOUNT, SANDBOX_ORDER_ID};
    client.order_pay(&visagenius::OrderPayRequest::new(SANDBOX_ORDER_ID, SANDBOX_ORDER_AMOUNT))
}

#[test]
fn order_pay_fault_lost_answer_is_outcome_unknown_and_the_order_is_paid() {
    use visagenius::sandbox::{Fault, SANDBOX_ORDER_ID, Sandbox};
    let sandbox = Sandbox::start().unwrap();
    sandbox.faults().on_path("/openvisa/order_pay", Fault::LoseAnswer);
    let err = pay_sandbox_order(&fault_client(&sandbox)).unwrap_err();
    assert!(err.outcome_unknown(), "{err:?}");
    assert!(sandbox.order(SANDBOX_ORDER_ID).is_some_and(|o| o.paid));
    assert_eq!(sandbox.faults().pending(), 0);
}

#[test]
fn order_pay_fault_503_is_outcome_unknown() {
    use visagenius::sandbox::{Fault, SANDBOX_ORDER_ID, Sandbox};
    let sandbox = Sandbox::start().unwrap();
    sandbox.faults().next_call(Fault::Status(503));
    let err = pay_sandbox_order(&fault_client(&sandbox)).unwrap_err();
    assert!(matches!(err, visagenius::Error::HttpStatus { status: 503 }), "{err:?}");
    assert!(err.outcome_unknown());
    assert!(sandbox.order(SANDBOX_ORDER_ID).is_some_and(|o| !o.paid), "a 503 fault processes nothing");
}

#[test]
fn order_pay_fault_provider_error_is_a_definite_api_error() {
    use visagenius::sandbox::{Fault, SANDBOX_ORDER_ID, Sandbox};
    let sandbox = Sandbox::start().unwrap();
    sandbox.faults().on_path("/openvisa/order_pay", Fault::provider_error("-1", "余额不足"));
    let err = pay_sandbox_order(&fault_client(&sandbox)).unwrap_err();
    assert!(matches!(&err, visagenius::Error::Api { ret: -1, msg, status: 200 } if msg == "余额不足"), "{err:?}");
    assert_eq!(err.outcome(), visagenius::Outcome::Definite);
    assert!(sandbox.order(SANDBOX_ORDER_ID).is_some_and(|o| !o.paid));
}

#[test]
fn order_pay_fault_delay_past_the_client_timeout_is_outcome_unknown() {
    use visagenius::sandbox::{Fault, SANDBOX_ORDER_ID, Sandbox};
    let sandbox = Sandbox::start().unwrap();
    // The test waits for the timeout only, not for the delay (ten times longer).
    sandbox.faults().next_call(Fault::Delay(std::time::Duration::from_millis(1500)));
    let config = sandbox.config_builder().timeout(std::time::Duration::from_millis(150)).build().unwrap();
    let err = pay_sandbox_order(&visagenius::Client::new(config)).unwrap_err();
    assert!(err.outcome_unknown(), "{err:?}");
    let paid = poll_until(PATIENCE, || sandbox.order(SANDBOX_ORDER_ID).is_some_and(|o| o.paid));
    assert!(paid, "a delay processes the request");
}

#[test]
fn fault_lost_answer_through_the_in_process_transport_is_outcome_unknown() {
    use visagenius::sandbox::{Fault, SANDBOX_ORDER_ID, Sandbox};
    let sandbox = Sandbox::start().unwrap();
    let client = visagenius::Client::with_transport(sandbox.config_builder().build().unwrap(), sandbox.transport());
    sandbox.faults().next_call(Fault::LoseAnswer);
    let err = pay_sandbox_order(&client).unwrap_err();
    assert!(err.outcome_unknown(), "{err:?}");
    assert!(sandbox.order(SANDBOX_ORDER_ID).is_some_and(|o| o.paid));
}
