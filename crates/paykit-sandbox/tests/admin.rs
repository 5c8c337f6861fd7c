//! The admin interface under `/__sandbox/` of the built binary: state changes with their
//! callbacks, callbacks fired again, planned failures, reset, and the request log as JSON.

mod common;

use common::*;
use serde_json::Value;

fn admin_post(base: &str, path: &str, body: &str) -> (u16, Value) {
    let (status, text) = post(&format!("{base}/__sandbox/{path}"), "application/json", body);
    (status, serde_json::from_str(&text).unwrap_or_else(|_| panic!("not JSON: {text}")))
}

fn admin_get(base: &str, path: &str) -> Value {
    let (status, text) = get(&format!("{base}/__sandbox/{path}"));
    assert_eq!(status, 200, "{text}");
    serde_json::from_str(&text).unwrap()
}

#[test]
fn orders_are_settled_and_called_back_faults_planned_and_state_reset_from_outside() {
    let (merchant, received) = merchant(|path| match path {
        "/vip" => vip_charge::REPLY_SUCCESS,
        _ => chainup_opay::DEFAULT_CALLBACK_REPLY,
    });
    let keys = ScratchDir::new("admin-keys");
    let vip_url = format!("{}/vip", merchant.base_url());
    let running = Running::serving(&["--all"], &keys, &["--vip-charge-callback-url", &vip_url]);
    let var = |name: &str| running.var(name);

    // chainup: an order created through the API, failed from the admin interface: the callback
    // goes to the order's notifyPage and says "failed"; fired again, it comes again.
    let chainup = var("CHAINUP_BASE_URL");
    let client = running.chainup_client();
    let order = chainup_opay::CreateThirdOrderRequest::for_payer(
        chainup_opay::Payer::UserId("22033390".into()),
        "admin-test-1",
        "2.5".parse::<chainup_opay::Decimal>().unwrap(),
        "USDT",
        "https://merchant.example.com/paid",
        format!("{}/chainup-notify", merchant.base_url()),
    );
    let order_num = client.create_third_order(&order).unwrap().order_num;
    let (status, said) = admin_post(&chainup, &format!("orders/{order_num}/failed"), "");
    assert_eq!(status, 200, "{said}");
    let first = received.wait_for("/chainup-notify", |_| true).expect("the callback of the failed order");
    let failed = client.verify_notification(&first.headers, &first.body).unwrap();
    assert_eq!(
        (failed.order_num.as_str(), failed.order_status.clone()),
        (order_num.as_str(), chainup_opay::OrderStatus::Failed)
    );
    let (status, said) = admin_post(&chainup, &format!("orders/{order_num}/paid"), "");
    assert_eq!(status, 409, "a failed order cannot be paid: {said}");
    let (status, _) = admin_post(&chainup, &format!("orders/{order_num}/callback"), "");
    assert_eq!(status, 200);
    let again = received.wait_for("/chainup-notify", |r| r.body != first.body).expect("the callback fired again");
    // Signed afresh, and the same result: the client's replay guard recognises the redelivery.
    let redelivered = client.verify_notification(&again.headers, &again.body);
    assert!(matches!(redelivered, Err(chainup_opay::Error::CallbackReplayed(_))), "{redelivered:?}");
    let orders = admin_get(&chainup, "orders");
    assert_eq!(orders[0]["status"], "Failed");
    let (status, _) = admin_post(&chainup, "orders/99999999999/paid", "");
    assert_eq!(status, 404);

    // vip-charge: an order that succeeded, marked failed by the platform: a FAILED callback to the
    // command-line URL.
    let vip = var("VIPCHARGE_BASE_URL");
    let vip_client = vip_charge::Client::new(
        vip_charge::Config::builder()
            .base_url(vip.as_str())
            .business_id(var("VIPCHARGE_BUSINESS_ID"))
            .sign_type(vip_charge::SignType::Md5)
            .md5_secret_key(var("VIPCHARGE_SECRET_KEY"))
            .build()
            .unwrap(),
    );
    let request = vip_charge::VipChargeRequest::builder()
        .merchant_id(var("VIPCHARGE_MERCHANT_ID"))
        .business_id(var("VIPCHARGE_BUSINESS_ID"))
        .product_code("87103")
        .account("13800000000")
        .biz_code("ADMIN-1")
        .build()
        .unwrap();
    let placed = vip_client.vip_charge(&request).unwrap();
    received.wait_for("/vip", |r| String::from_utf8_lossy(&r.body).contains("SUCCESS")).expect("the first callback");
    let (status, said) = admin_post(&vip, &format!("orders/{}/failed", placed.order_code), "");
    assert_eq!(status, 200, "{said}");
    let failed = received.wait_for("/vip", |r| String::from_utf8_lossy(&r.body).contains("FAILED")).expect("FAILED");
    let verified = vip_client.verify_notification(&failed.headers, &failed.body).unwrap();
    assert_eq!(verified.notification.order_code, placed.order_code);
    let info = vip_client.order_info(&vip_charge::OrderInfoRequest::by_order_code(placed.order_code.as_str())).unwrap();
    // In the document's shape (no `--variant-shapes`), a failed order keeps its settlement price.
    assert!(info.settlement_price.is_some(), "the document lists settlementPrice for every order");
    let orders = admin_get(&vip, "orders");
    assert_eq!(orders[0]["status"], "FAILED", "{orders}");

    // visagenius: a planned 503 on one path meets the next call there, unprocessed, and is logged
    // as the fault; then the order is paid from outside and reset.
    let vg = var("VISAGENIUS_BASE_URL");
    let vg_client = running.visagenius_client();
    let (status, said) = admin_post(&vg, "faults", r#"{"status": 503, "path": "/openvisa/product_query"}"#);
    assert_eq!((status, said["pending"].as_u64()), (200, Some(1)));
    // A query is retried by the client: the first attempt meets the 503, the retry is served.
    vg_client.product_query(&visagenius::ProductQueryRequest::new(10106)).unwrap();
    let log = admin_get(&vg, "requests");
    let log = log.as_array().unwrap();
    let (fault, retry) = (&log[log.len() - 2], &log[log.len() - 1]);
    assert_eq!((&fault["verdict"], &fault["status"]), (&Value::from("fault"), &Value::from(503)), "{fault}");
    assert_eq!(fault["reason"], "not processed, answered HTTP 503");
    assert_eq!(retry["verdict"], "accepted", "{retry}");
    let order_id = var("VISAGENIUS_ORDER_ID");
    assert_eq!(admin_post(&vg, &format!("orders/{order_id}/paid"), "").0, 200);
    let paid = |orders: &Value| {
        orders
            .as_array()
            .unwrap()
            .iter()
            .any(|o| o["order_id"].as_i64() == order_id.parse::<i64>().ok() && o["paid"] == true)
    };
    assert!(paid(&admin_get(&vg, "orders")));
    let amount = visagenius::Fen::new(var("VISAGENIUS_PAY_AMOUNT").parse().unwrap());
    let twice =
        vg_client.order_pay(&visagenius::OrderPayRequest::new(order_id.parse::<i64>().unwrap(), amount)).unwrap_err();
    assert!(matches!(twice, visagenius::Error::Api { .. }), "paid from outside, so paying is refused: {twice:?}");
    assert_eq!(admin_post(&vg, "reset", "").0, 200);
    assert!(!paid(&admin_get(&vg, "orders")));
    assert_eq!(admin_get(&vg, "requests"), Value::Array(vec![]), "the log is reset too");
    vg_client.order_pay(&visagenius::OrderPayRequest::new(order_id.parse::<i64>().unwrap(), amount)).unwrap();

    // acqra: the gateway's own refusal envelope, planned for the next call.
    let acqra = var("ACQRA_BASE_URL");
    let (status, _) =
        admin_post(&acqra, "faults", r#"{"code": "9999", "message": "system busy", "path": "/gateway/v1/query"}"#);
    assert_eq!(status, 200);
    let acqra_client = running.acqra_client();
    let query = acqra_gateway::QueryRequest::new(acqra_gateway::PaymentMethodType::Card).with_order_no("ORD-00001");
    assert_eq!(acqra_client.query(&query).unwrap_err().api_code(), Some("9999"));

    // What a provider cannot do is said, not pretended.
    let mall = var("MALLPAY_BASE_URL");
    let (status, said) = admin_post(&mall, "orders/1001/paid", "");
    assert_eq!(status, 409);
    assert!(said["error"].as_str().unwrap().contains("only once paid"));
    assert_eq!(admin_post(&mall, "orders/1001/refunded", "").0, 404);
    assert_eq!(admin_post(&mall, "faults", r#"{"status": 42}"#).0, 400);
    let index = admin_get(&mall, "");
    assert_eq!(index["provider"], "mall-pay");
}
