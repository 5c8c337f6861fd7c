//! The quickstart flow and the provider's behaviours against the sandbox (loopback only).
#![cfg(feature = "sandbox")]

mod common;

use std::sync::{Arc, Mutex};

use chainup_opay::sandbox::{Sandbox, SandboxError, SandboxKeys, poll_until};
use chainup_opay::{
    CancelOrderRequest, Client, CreateThirdOrderRequest, Error, MerchantBillingDayRequest, OrderDetailRequest,
    OrderStatus, PayNotification, Payer,
};
use common::*;
use sandbox_server::SandboxServer;
use sign_core::{HttpRequest, HttpResponse, Method};

/// How long a test waits for what a sandbox does in the background (a handler still running after
/// its client gave up on a delayed answer): far longer than it takes, so a busy machine cannot fail it.
const PATIENCE: std::time::Duration = std::time::Duration::from_secs(10);

fn keys() -> SandboxKeys {
    SandboxKeys::new(
        &testdata("platform_private.pem"),
        &testdata("merchant_public.b64"),
        Some(&testdata("merchant_private.pem")),
    )
    .unwrap()
}

fn sandbox() -> Sandbox {
    Sandbox::start_with(APP_KEY, keys()).unwrap()
}

fn client_for(sandbox: &Sandbox) -> Client {
    sandbox.client().unwrap()
}

/// The merchant's notify endpoint: verifies each callback with the client, records it, and
/// processes each orderNum once (as the crate docs advise); a replay is acknowledged, not
/// processed.
struct Merchant {
    server: SandboxServer,
    received: Arc<Mutex<Vec<PayNotification>>>,
    processed: Arc<Mutex<Vec<String>>>,
    replayed: Arc<Mutex<usize>>,
}

fn merchant(client: &Client) -> Merchant {
    let received: Arc<Mutex<Vec<PayNotification>>> = Arc::default();
    let processed: Arc<Mutex<Vec<String>>> = Arc::default();
    let replayed: Arc<Mutex<usize>> = Arc::default();
    let (c, r, p, rp) = (client.clone(), Arc::clone(&received), Arc::clone(&processed), Arc::clone(&replayed));
    let server = SandboxServer::start(move |req| match c.verify_notification(&req.headers, &req.body) {
        Ok(n) => {
            let mut done = p.lock().unwrap();
            if !done.contains(&n.order_num) {
                done.push(n.order_num.clone());
            }
            r.lock().unwrap().push(n);
            HttpResponse::new(200, c.notification_reply().to_owned())
        }
        Err(Error::CallbackReplayed(_)) => {
            *rp.lock().unwrap() += 1;
            HttpResponse::new(200, c.notification_reply().to_owned())
        }
        Err(_) => HttpResponse::new(400, "rejected"),
    })
    .unwrap();
    Merchant { server, received, processed, replayed }
}

fn order(app_order_id: &str, notify: &str) -> CreateThirdOrderRequest {
    CreateThirdOrderRequest::for_payer(
        Payer::UserId("22033390".into()),
        app_order_id,
        "10.5".parse::<sign_core::Decimal>().unwrap(),
        "USDT",
        "https://merchant.example.com/paid",
        notify,
    )
}

fn api_code(e: Error) -> String {
    match e {
        Error::Api { code, .. } => code,
        other => panic!("expected an API error, got {other:?}"),
    }
}

#[test]
fn quickstart_flow() {
    let sandbox = sandbox();
    let client = client_for(&sandbox);
    let m = merchant(&client);
    let notify = format!("{}/notify", m.server.base_url());

    // 1. create
    let num = client.create_third_order(&order("A-1", &notify)).unwrap().order_num;
    assert_eq!(sandbox.order(&num).unwrap().status, OrderStatus::Pending);

    // 2. payment page: served for the order's payer only
    let url = client.payment_page(num.clone(), Payer::UserId("22033390".into())).url();
    let path = url.strip_prefix(sandbox.base_url()).unwrap();
    let page = sandbox.handle(&HttpRequest::new(Method::Get, format!("{}{path}", sandbox.base_url())));
    assert_eq!(page.status, 200);
    assert!(String::from_utf8_lossy(&page.body).contains(&num));
    let other = client.payment_page(num.clone(), Payer::UserId("someone-else".into())).url();
    assert_eq!(sandbox.handle(&HttpRequest::new(Method::Get, other)).status, 403);

    // 3. pay: the callback arrives, verifies, is acknowledged
    let delivery = sandbox.pay(&num).unwrap();
    assert!(delivery.acknowledged, "{delivery:?}");
    let got = m.received.lock().unwrap().pop().unwrap();
    assert_eq!((got.order_num.as_str(), got.out_order_id.as_str()), (num.as_str(), "A-1"));
    assert_eq!(got.order_status, OrderStatus::Paid);
    assert_eq!(got.pay_amount.to_string(), "10.5");

    // 4. detail
    let detail = client.order_detail(&OrderDetailRequest::new(APP_KEY, num.clone())).unwrap();
    assert_eq!(detail.order_status, OrderStatus::Paid);
    assert_eq!(detail.app_order_id.unwrap(), "A-1");
    assert_eq!(detail.order_amount.unwrap().to_string(), "10.5");

    // 5. statement
    let today = time::OffsetDateTime::now_utc().date().to_string();
    let day = client.merchant_billing_day(&MerchantBillingDayRequest::new().with_day(today)).unwrap();
    assert_eq!(day.count, Some(1));
    assert_eq!(day.list.unwrap()[0].app_order_id.as_ref().unwrap(), "A-1");

    // 6. create and cancel a second order; cancelling twice is the provider's error
    let second = client.create_third_order(&order("A-2", &notify)).unwrap().order_num;
    client.cancel_order(&CancelOrderRequest::new(second.clone())).unwrap();
    let after = client.order_detail(&OrderDetailRequest::new(APP_KEY, second.clone())).unwrap();
    assert_eq!(after.order_status, OrderStatus::Closed);
    assert_eq!(api_code(client.cancel_order(&CancelOrderRequest::new(second.clone())).unwrap_err()), "1006");
    // a paid order cannot be cancelled either, nor paid again
    assert_eq!(api_code(client.cancel_order(&CancelOrderRequest::new(num.clone())).unwrap_err()), "1006");
    assert!(matches!(sandbox.pay(&num), Err(SandboxError::NotPending(OrderStatus::Paid))));
}

#[test]
fn repeated_callbacks_are_processed_once_by_an_idempotent_handler() {
    let sandbox = sandbox();
    let client = client_for(&sandbox);
    let m = merchant(&client);
    let num = client.create_third_order(&order("R-1", &format!("{}/n", m.server.base_url()))).unwrap().order_num;
    sandbox.pay(&num).unwrap();
    assert!(sandbox.deliver(&num).unwrap().acknowledged);
    assert!(sandbox.deliver(&num).unwrap().acknowledged);
    // The replay guard reports the two repeats (acknowledged, not processed).
    assert_eq!(m.received.lock().unwrap().len(), 1);
    assert_eq!(*m.replayed.lock().unwrap(), 2);
    assert_eq!(m.processed.lock().unwrap().as_slice(), [num]);
}

#[test]
fn failed_and_closed_orders_notify_too() {
    let sandbox = sandbox();
    let client = client_for(&sandbox);
    let m = merchant(&client);
    let notify = format!("{}/n", m.server.base_url());
    let a = client.create_third_order(&order("F-1", &notify)).unwrap().order_num;
    let b = client.create_third_order(&order("F-2", &notify)).unwrap().order_num;
    assert!(sandbox.fail(&a).unwrap().acknowledged);
    assert!(sandbox.close(&b).unwrap().acknowledged);
    let statuses: Vec<_> = m.received.lock().unwrap().iter().map(|n| n.order_status.clone()).collect();
    assert_eq!(statuses, [OrderStatus::Failed, OrderStatus::Closed]);
    // Not paid: not in the statement.
    let day = client.merchant_billing_day(&MerchantBillingDayRequest::new()).unwrap();
    assert_eq!(day.count, Some(0));
}

#[test]
fn a_callback_the_merchant_rejects_is_not_acknowledged() {
    let sandbox = sandbox();
    let client = client_for(&sandbox);
    // A merchant configured with another platform key rejects the sandbox's callbacks.
    let wrong =
        Client::new(sandbox.config_builder().platform_public_key(testdata("stranger_public.b64")).build().unwrap());
    let m = merchant(&wrong);
    let num = client.create_third_order(&order("W-1", &format!("{}/n", m.server.base_url()))).unwrap().order_num;
    let delivery = sandbox.pay(&num).unwrap();
    assert!(!delivery.acknowledged);
    assert_eq!(delivery.status, 400);
    assert!(m.received.lock().unwrap().is_empty());
}

#[test]
fn the_sandbox_answers_with_its_failure_envelopes() {
    let sandbox = sandbox();
    let client = client_for(&sandbox);
    let notify = "https://merchant.example.com/n";
    client.create_third_order(&order("D-1", notify)).unwrap();
    assert_eq!(api_code(client.create_third_order(&order("D-1", notify)).unwrap_err()), "1007");
    assert_eq!(api_code(client.order_detail(&OrderDetailRequest::new(APP_KEY, "404")).unwrap_err()), "1005");
    assert_eq!(api_code(client.order_detail(&OrderDetailRequest::new("other", "1")).unwrap_err()), "1004");
    assert_eq!(api_code(client.cancel_order(&CancelOrderRequest::new("404")).unwrap_err()), "1005");
    // The client refuses a malformed day before sending; sent anyway (a raw call), the sandbox does.
    let bad_day = MerchantBillingDayRequest::new().with_day("22/11/2026");
    assert!(matches!(client.merchant_billing_day(&bad_day), Err(Error::InvalidRequest(_))));
    let raw: Result<serde_json::Value, Error> = client.raw_call(
        "/platformapi/chainup/open/opay/merchantBillingDay",
        &serde_json::json!({"day": "22/11/2026"}),
        true,
    );
    assert_eq!(api_code(raw.unwrap_err()), "1004");
    // `orderSceneType` is a "numerical enumeration": a number or digits pass, a word does not.
    let scene = |value: serde_json::Value, app_order_id: &str| -> Result<serde_json::Value, Error> {
        let body = serde_json::json!({"appOrderId": app_order_id, "userId": "22033390", "orderAmount": "1",
            "payCoinSymbol": "USDT", "returnPage": "https://r", "notifyPage": notify, "orderSceneType": value});
        client.raw_call("/platformapi/chainup/open/opay/createThirdOrder", &body, false)
    };
    assert_eq!(api_code(scene(serde_json::json!("scene"), "D-S1").unwrap_err()), "1004");
    assert!(scene(serde_json::json!("1000011"), "D-S2").is_ok());
    assert!(scene(serde_json::json!(1000011), "D-S3").is_ok());
    let too_big = MerchantBillingDayRequest::new().with_page_size("2001");
    assert_eq!(api_code(client.merchant_billing_day(&too_big).unwrap_err()), "1004");
    let lower = CreateThirdOrderRequest::for_payer(
        Payer::OpenId("o".into()),
        "D-2",
        sign_core::Decimal::from(1),
        "btc",
        "https://r",
        notify,
    );
    assert_eq!(api_code(client.create_third_order(&lower).unwrap_err()), "1004");
    // appKey, sent by default, must be the merchant's when given.
    let other_key = order("D-6", notify).with_app_key("someone-else");
    assert_eq!(api_code(client.create_third_order(&other_key).unwrap_err()), "1004");

    // A merchant signing with the wrong key, or encrypting for the wrong platform key.
    let wrong_signer =
        Client::new(sandbox.config_builder().merchant_private_key(testdata("stranger_private.pem")).build().unwrap());
    assert_eq!(api_code(wrong_signer.create_third_order(&order("D-3", notify)).unwrap_err()), "1003");
    let wrong_platform =
        Client::new(sandbox.config_builder().platform_public_key(testdata("stranger_public.b64")).build().unwrap());
    assert_eq!(api_code(wrong_platform.create_third_order(&order("D-4", notify)).unwrap_err()), "1003");
    // An unknown app id.
    let other_app = Client::new(
        chainup_opay::Config::builder()
            .base_url(sandbox.base_url())
            .app_key("other-app")
            .merchant_private_key(testdata("merchant_private.pem"))
            .platform_public_key(testdata("platform_public.b64"))
            .build()
            .unwrap(),
    );
    assert_eq!(api_code(other_app.create_third_order(&order("D-5", notify)).unwrap_err()), "1002");

    // Malformed envelopes and unknown paths.
    let post = |path: &str, body: &str| {
        sandbox.handle(
            &HttpRequest::new(Method::Post, format!("{}{path}", sandbox.base_url()))
                .with_header("Content-Type", "application/json; charset=utf-8")
                .with_body(body.to_owned()),
        )
    };
    let envelope_code = |r: HttpResponse| {
        let v: serde_json::Value = serde_json::from_slice(&r.body).unwrap();
        v["code"].as_str().unwrap().to_owned()
    };
    assert_eq!(envelope_code(post("/opay/cancelOrder", "nope")), "1001");
    assert_eq!(envelope_code(post("/opay/cancelOrder", r#"{"app_id":"test-app-key","data":"x"}"#)), "1001");
    assert_eq!(
        envelope_code(post("/opay/cancelOrder", r#"{"app_id":"test-app-key","data":"x","sign":"y","time":"soon"}"#)),
        "1001"
    );
    assert_eq!(post("/nowhere", "{}").status, 404);
    let no_type = HttpRequest::new(Method::Post, format!("{}/opay/cancelOrder", sandbox.base_url())).with_body("{}");
    assert_eq!(sandbox.handle(&no_type).status, 415);
}

#[test]
fn the_sandbox_serves_the_documented_paths_only() {
    // createThirdOrder, orderDetail and merchantBillingDay are documented under
    // /platformapi/chainup/open/opay/ only (cancelOrder under both, see below): a client pointed
    // at the unprefixed path must fail here as it would against the platform, not pass.
    let sandbox = sandbox();
    let notify = "https://merchant.example.com/n";
    let moved = |name: &str, path: &str| Client::new(sandbox.config_builder().path(name, path).build().unwrap());
    let created = moved("create_third_order", "/opay/createThirdOrder").create_third_order(&order("U-1", notify));
    assert!(matches!(created, Err(Error::HttpStatus { status: 404, .. })), "{created:?}");
    assert!(sandbox.orders().is_empty(), "nothing was created under an undocumented path");
    let order_num = client_for(&sandbox).create_third_order(&order("U-2", notify)).unwrap().order_num;
    let detail =
        moved("order_detail", "/opay/orderDetail").order_detail(&OrderDetailRequest::new(APP_KEY, order_num.clone()));
    assert!(matches!(detail, Err(Error::HttpStatus { status: 404, .. })), "{detail:?}");
    let statement = moved("merchant_billing_day", "/opay/merchantBillingDay")
        .merchant_billing_day(&MerchantBillingDayRequest::new());
    assert!(matches!(statement, Err(Error::HttpStatus { status: 404, .. })), "{statement:?}");
    // The documented paths still answer.
    assert_eq!(
        client_for(&sandbox).order_detail(&OrderDetailRequest::new(APP_KEY, order_num)).unwrap().order_status,
        OrderStatus::Pending
    );
}

#[test]
fn cancel_order_works_under_both_documented_paths_and_merchant_billing_day_filters() {
    let sandbox = sandbox();
    let default_client = client_for(&sandbox);
    let prefixed = Client::new(
        sandbox.config_builder().path("cancel_order", "/platformapi/chainup/open/opay/cancelOrder").build().unwrap(),
    );
    let notify = "https://merchant.example.com/n";
    let a = default_client.create_third_order(&order("P-1", notify)).unwrap().order_num;
    let b = default_client.create_third_order(&order("P-2", notify)).unwrap().order_num;
    default_client.cancel_order(&CancelOrderRequest::new(a.clone())).unwrap();
    prefixed.cancel_order(&CancelOrderRequest::new(b.clone())).unwrap();
    assert_eq!(sandbox.order(&a).unwrap().status, OrderStatus::Closed);
    assert_eq!(sandbox.order(&b).unwrap().status, OrderStatus::Closed);

    // Paging and userId filter over paid orders (payments to an unreachable notify page still
    // settle; the delivery error is reported).
    for i in 0..3 {
        let n = default_client.create_third_order(&order(&format!("S-{i}"), "http://127.0.0.1:9/n")).unwrap().order_num;
        assert!(matches!(sandbox.pay(&n), Err(SandboxError::Delivery(_))));
        assert_eq!(sandbox.order(&n).unwrap().status, OrderStatus::Paid);
    }
    let page2 = MerchantBillingDayRequest::new().with_page_num("2").with_page_size("2");
    let day = default_client.merchant_billing_day(&page2).unwrap();
    assert_eq!(day.count, Some(3));
    assert_eq!(day.list.unwrap().len(), 1);
    let nobody = MerchantBillingDayRequest::new().with_user_id("nobody");
    assert_eq!(default_client.merchant_billing_day(&nobody).unwrap().count, Some(0));
    let range =
        MerchantBillingDayRequest::new().with_start_date("2000-01-01 00:00:00").with_end_date("2000-01-02 00:00:00");
    assert_eq!(default_client.merchant_billing_day(&range).unwrap().count, Some(0));
}

#[test]
fn a_fresh_sandbox_generates_working_keys() {
    let sandbox = Sandbox::start().unwrap();
    let client = client_for(&sandbox);
    let num = client.create_third_order(&order("G-1", "https://merchant.example.com/n")).unwrap().order_num;
    assert_eq!(
        client.order_detail(&OrderDetailRequest::new(sandbox_app_key(), num)).unwrap().order_status,
        OrderStatus::Pending
    );
}

fn sandbox_app_key() -> &'static str {
    chainup_opay::sandbox::SANDBOX_APP_KEY
}

/// Sans-IO: a transport that hands each prepared request straight to `Sandbox::handle`, as a
/// user's own (async) HTTP client would carry it.
struct InProcess(Arc<Sandbox>);

impl sign_core::Transport for InProcess {
    fn send(&self, request: &HttpRequest) -> Result<HttpResponse, sign_core::TransportError> {
        Ok(self.0.handle(request))
    }
}

#[test]
fn prepare_and_parse_work_without_sockets() {
    let sandbox = Arc::new(sandbox());
    let config = sandbox.config_builder().build().unwrap();
    let client = Client::with_transport(config, Arc::new(InProcess(Arc::clone(&sandbox))));
    let num = client.create_third_order(&order("X-1", "https://merchant.example.com/n")).unwrap().order_num;
    // The two halves by hand.
    let request = client.prepare(&OrderDetailRequest::new(APP_KEY, num.clone())).unwrap();
    let response = sandbox.handle(&request);
    let detail = client.parse::<OrderDetailRequest>(&response).unwrap();
    assert_eq!(detail.order_num, num.as_str());
    assert_eq!(detail.order_status, OrderStatus::Pending);
    // The callback, sans-IO too.
    let callback = sandbox.notification_request(&num).unwrap();
    let n = client.verify_notification(&callback.headers, &callback.body).unwrap();
    assert_eq!(n.order_status, OrderStatus::Pending);
    assert_eq!(n.out_order_id, "X-1");
}

/// The business JSON of a sandbox answer or callback, opened with the test merchant key.
fn opened(body: &[u8]) -> serde_json::Value {
    let envelope: serde_json::Value = serde_json::from_slice(body).unwrap();
    let merchant = sign_core::rsa::PrivateKey::parse(&testdata("merchant_private.pem")).unwrap();
    let platform = sign_core::rsa::PublicKey::parse(&testdata("platform_public.b64")).unwrap();
    let plaintext = chainup_opay::auth::open(
        envelope["data"].as_str().unwrap(),
        envelope["sign"].as_str().unwrap(),
        &merchant,
        &platform,
    )
    .unwrap();
    serde_json::from_slice(&plaintext).unwrap()
}

#[test]
fn the_sandbox_answers_in_both_shapes_and_the_client_reads_both() {
    let sandbox = Sandbox::builder().app_key(APP_KEY).keys(keys()).variant_shapes(true).start().unwrap();
    assert!(sandbox.variant_shapes());
    let client = client_for(&sandbox);
    // Paying delivers the callback to a closed loopback port (no merchant needed here).
    let notify = "http://127.0.0.1:9/n";
    // The sandbox's first order number is odd: numbers and no optional fields; the next, strings.
    let create = |id: &str| {
        let http = client.prepare(&order(id, notify)).unwrap();
        let response = sandbox.handle(&http);
        (opened(&response.body), client.parse::<CreateThirdOrderRequest>(&response).unwrap().order_num)
    };
    let (raw_odd, odd) = create("V-1");
    let (raw_even, even) = create("V-2");
    assert!(raw_odd["orderNum"].is_u64(), "{raw_odd}");
    assert!(raw_even["orderNum"].is_string(), "{raw_even}");
    assert_eq!((odd.as_str(), even.as_str()), ("10000000001", "10000000002"));

    for (num, numeric) in [(odd.as_str(), true), (even.as_str(), false)] {
        assert!(matches!(sandbox.pay(num), Err(SandboxError::Delivery(_))));
        let http = client.prepare(&OrderDetailRequest::new(APP_KEY, num)).unwrap();
        let raw = opened(&sandbox.handle(&http).body);
        assert_eq!(raw["orderStatus"].is_number(), numeric, "{raw}");
        assert_eq!(raw["orderAmount"].is_number(), numeric, "{raw}");
        assert_eq!(raw["ctime"].is_number(), numeric, "{raw}");
        assert_eq!(raw.get("totalAccount").is_some(), !numeric, "{raw}");
        assert_eq!(raw.get("userId").is_some(), !numeric, "{raw}");
        let detail = client.parse::<OrderDetailRequest>(&sandbox.handle(&http)).unwrap();
        assert_eq!((detail.order_num.as_str(), detail.order_status), (num, OrderStatus::Paid));
        assert_eq!(detail.order_amount.unwrap().to_string(), "10.5");
        assert_eq!(detail.total_account.is_some(), !numeric);

        // Callbacks have the documented shape for both (see the test below).
        let callback = sandbox.notification_request(num).unwrap();
        let n = client.verify_notification(&callback.headers, &callback.body).unwrap();
        assert_eq!((n.order_num.as_str(), n.order_status), (num, OrderStatus::Paid));
        assert_eq!(n.pay_amount.to_string(), "10.5");
    }

    let http = client.prepare(&MerchantBillingDayRequest::new()).unwrap();
    let raw = opened(&sandbox.handle(&http).body);
    let types: Vec<_> = raw["list"].as_array().unwrap().iter().map(|r| r["orderType"].clone()).collect();
    assert_eq!(types, [serde_json::json!(1), serde_json::json!("1")], "{raw}");
    let day = client.parse::<MerchantBillingDayRequest>(&sandbox.handle(&http)).unwrap();
    let records = day.list.unwrap();
    assert!(records.iter().all(|r| r.order_type == Some(chainup_opay::OrderType::Payment)));
    // The odd order's times are epoch milliseconds, the even one's text.
    assert!(records[0].pay_time.as_deref().is_some_and(|t| t.parse::<i64>().is_ok()), "{records:?}");
    assert!(records[1].pay_time.as_deref().is_some_and(|t| t.contains(':')), "{records:?}");

    let (_, third) = create("V-3");
    let http = client.prepare(&CancelOrderRequest::new(third.as_str())).unwrap();
    let raw = opened(&sandbox.handle(&http).body);
    assert_eq!(raw, serde_json::json!({"orderNum": 10000000003_u64, "orderStatus": 0}));
}

/// By default every answer has the document's shape whatever the order number, read as raw JSON
/// (apart from the client's tolerant reader): every id, status, amount and time a string, and
/// `orderDetail` with every listed field.
#[test]
fn default_answers_have_exactly_the_documented_types() {
    let sandbox = sandbox();
    assert!(!sandbox.variant_shapes());
    let client = client_for(&sandbox);
    let notify = "http://127.0.0.1:9/n";
    let mut nums = Vec::new();
    for id in ["S-1", "S-2", "S-3"] {
        let raw = opened(&sandbox.handle(&client.prepare(&order(id, notify)).unwrap()).body);
        assert!(raw["orderNum"].is_string(), "{raw}");
        nums.push(raw["orderNum"].as_str().unwrap().to_owned());
    }
    for num in &nums[..2] {
        assert!(matches!(sandbox.pay(num), Err(SandboxError::Delivery(_))));
        let raw = opened(&sandbox.handle(&client.prepare(&OrderDetailRequest::new(APP_KEY, num)).unwrap()).body);
        for field in ["appOrderId", "orderNum", "orderStatus", "orderAmount", "payCoinSymbol", "ctime", "appKey"] {
            assert!(raw[field].is_string(), "{field} in {raw}");
        }
        for field in ["userId", "showPrecision", "googleStatus", "isOpenMobileCheck"] {
            assert!(raw[field].is_string(), "{field} in {raw}");
        }
        let accounts = raw["totalAccount"].as_array().unwrap_or_else(|| panic!("{raw}"));
        assert!(accounts.iter().all(|a| a.as_object().unwrap().values().all(|v| v.is_string())), "{raw}");
    }
    let raw = opened(&sandbox.handle(&client.prepare(&MerchantBillingDayRequest::new()).unwrap()).body);
    let list = raw["list"].as_array().unwrap();
    assert_eq!(list.len(), 2, "{raw}");
    for record in list {
        assert!(record.as_object().unwrap().values().all(|v| v.is_string()), "{record}");
        assert!(record["payTime"].as_str().is_some_and(|t| t.contains(':')), "{record}");
    }
    let raw = opened(&sandbox.handle(&client.prepare(&CancelOrderRequest::new(nums[2].as_str())).unwrap()).body);
    assert_eq!(raw, serde_json::json!({"orderNum": nums[2], "orderStatus": "0"}));
}

// ---- issue 18: background delivery and faults --------------------------------------------------

/// A notify endpoint served on the *calling* thread, as a single-threaded async runtime serves
/// it: with the blocking `pay` this would wait for itself; `pay_in_background` delivers from the
/// sandbox's own thread, so the caller can accept and answer the callback.
#[test]
fn pay_in_background_does_not_need_a_second_thread_on_the_merchant_side() {
    use std::io::{BufRead, BufReader, Read, Write};
    use std::net::TcpListener;
    use std::time::Duration;

    let sandbox = sandbox();
    let client = client_for(&sandbox);
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let notify = format!("http://{}/notify", listener.local_addr().unwrap());
    let num = client.create_third_order(&order("B-1", &notify)).unwrap().order_num;

    sandbox.pay_in_background(&num).unwrap(); // returns at once
    assert_eq!(sandbox.order(&num).unwrap().status, OrderStatus::Paid);

    // This thread now serves the one callback.
    let (stream, _) = listener.accept().unwrap();
    stream.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut length = 0;
    loop {
        let mut line = String::new();
        reader.read_line(&mut line).unwrap();
        if let Some(v) = line.to_ascii_lowercase().strip_prefix("content-length:") {
            length = v.trim().parse().unwrap();
        }
        if line == "\r\n" || line.is_empty() {
            break;
        }
    }
    let mut body = vec![0; length];
    reader.read_exact(&mut body).unwrap();
    let n = client.verify_notification(NO_HEADERS, &body).unwrap();
    assert_eq!((n.order_num.as_str(), n.order_status), (num.as_str(), OrderStatus::Paid));
    let reply = client.notification_reply();
    let mut stream = stream;
    write!(stream, "HTTP/1.1 200 OK\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{reply}", reply.len()).unwrap();
    drop(stream);

    let deliveries = sandbox.wait_for_deliveries(Duration::from_secs(10), |d| !d.is_empty());
    assert_eq!(deliveries.len(), 1, "{deliveries:?}");
    assert_eq!(deliveries[0].order_num, num);
    assert!(deliveries[0].result.as_ref().is_ok_and(|d| d.acknowledged), "{deliveries:?}");

    // Failing and closing in the background too; a refused connection is recorded, not returned.
    let a = client.create_third_order(&order("B-2", "http://127.0.0.1:9/n")).unwrap().order_num;
    sandbox.fail_in_background(&a).unwrap();
    let all = sandbox.wait_for_deliveries(Duration::from_secs(10), |d| d.len() == 2);
    assert!(all[1].result.is_err(), "{all:?}");
    assert_eq!(sandbox.order(&a).unwrap().status, OrderStatus::Failed);
    assert!(matches!(sandbox.close_in_background(&a), Err(SandboxError::NotPending(OrderStatus::Failed))));
}

const CREATE: &str = "/platformapi/chainup/open/opay/createThirdOrder";

#[test]
fn a_lost_answer_is_outcome_unknown_and_the_order_exists() {
    let sandbox = sandbox();
    let client = client_for(&sandbox);
    sandbox.faults().on_path(CREATE, chainup_opay::sandbox::Fault::LoseAnswer);
    let err = client.create_third_order(&order("L-1", "https://m.example/n")).unwrap_err();
    assert!(err.outcome_unknown(), "{err:?}");
    // The sandbox processed it: the first order exists, and a query finds it.
    let held = sandbox.order("10000000001").unwrap();
    assert_eq!((held.app_order_id.as_str(), held.status), ("L-1", OrderStatus::Pending));
    assert_eq!(
        client.order_detail(&OrderDetailRequest::new(APP_KEY, "10000000001")).unwrap().order_status,
        OrderStatus::Pending
    );
    // Sending it again is refused as a duplicate: why one queries first.
    assert_eq!(api_code(client.create_third_order(&order("L-1", "https://m.example/n")).unwrap_err()), "1007");
}

#[test]
fn a_503_is_outcome_unknown_and_a_provider_error_is_a_definite_api_error() {
    use chainup_opay::sandbox::Fault;
    let sandbox = sandbox();
    let client = client_for(&sandbox);
    sandbox.faults().next_call(Fault::Status(503));
    let err = client.create_third_order(&order("U-1", "https://m.example/n")).unwrap_err();
    assert!(matches!(err, Error::HttpStatus { status: 503 }), "{err:?}");
    assert!(err.outcome_unknown());
    assert!(sandbox.order("10000000001").is_none(), "a 503 fault is not processed");

    sandbox.faults().next_call(Fault::provider_error("2001", "merchant is frozen"));
    let err = client.create_third_order(&order("U-2", "https://m.example/n")).unwrap_err();
    assert!(matches!(&err, Error::Api { code, msg, .. } if code == "2001" && msg == "merchant is frozen"), "{err:?}");
    assert_eq!(err.outcome(), chainup_opay::Outcome::Definite);
    assert_eq!(sandbox.faults().pending(), 0);
}

/// Refusals that name the order's state or a parameter's format are definite: the sandbox's
/// `1006` "order is not pending" (cancelling a paid or closed order) and the document's own
/// wording for a `day` in another format ("does not match the format parameter exception") said
/// nothing about the request still running, yet their words `pending` and `exception` made them
/// outcome unknown.
#[test]
fn state_and_parameter_refusals_are_definite() {
    use chainup_opay::sandbox::Fault;
    let sandbox = sandbox();
    let client = client_for(&sandbox);
    let num = client.create_third_order(&order("D-1", "https://m.example/n")).unwrap().order_num;
    client.cancel_order(&CancelOrderRequest::new(num.clone())).unwrap();
    let err = client.cancel_order(&CancelOrderRequest::new(num)).unwrap_err();
    assert!(matches!(&err, Error::Api { code, .. } if code == "1006"), "{err:?}");
    assert_eq!(err.outcome(), chainup_opay::Outcome::Definite, "{err:?}");

    sandbox.faults().next_call(Fault::provider_error("1004", "day does not match the format parameter exception"));
    let err = client.merchant_billing_day(&MerchantBillingDayRequest::new()).unwrap_err();
    assert!(matches!(&err, Error::Api { code, .. } if code == "1004"), "{err:?}");
    assert_eq!(err.outcome(), chainup_opay::Outcome::Definite, "{err:?}");
}

#[test]
fn a_delay_past_the_client_timeout_is_outcome_unknown() {
    use chainup_opay::sandbox::Fault;
    use std::time::Duration;
    let sandbox = sandbox();
    // The test waits for the timeout only, not for the delay (13 times longer).
    let client = Client::new(sandbox.config_builder().timeout(Duration::from_millis(150)).build().unwrap());
    sandbox.faults().on_path(CREATE, Fault::Delay(Duration::from_secs(2)));
    let err = client.create_third_order(&order("D-1", "https://m.example/n")).unwrap_err();
    assert!(err.outcome_unknown(), "{err:?}");
    assert!(poll_until(PATIENCE, || sandbox.order("10000000001").is_some()), "processed, answered too late");
}

/// The document's "Payment result callback interface": `POST notifyPage`, `Content-Type:
/// application/json`, a body of `app_id*`, `sign*`, `data*`, `time*` (all String), and inside
/// `data` the five parameters `outOrderId`, `orderNum`, `orderStatus`, `payAmount`, `returnUrl`,
/// each String and required ("YES"). The sandbox is the platform here, so every callback it sends
/// has that shape, whatever shape its API answers take: a merchant endpoint written from the
/// document must be able to read it.
#[test]
fn every_callback_the_sandbox_sends_has_the_documented_fields_all_strings() {
    let sandbox = sandbox();
    let client = client_for(&sandbox);
    let notify = "http://127.0.0.1:9/n";
    let mut nums = Vec::new();
    for id in ["D-1", "D-2"] {
        let http = client.prepare(&order(id, notify)).unwrap();
        let response = sandbox.handle(&http);
        nums.push(client.parse::<CreateThirdOrderRequest>(&response).unwrap().order_num);
    }
    // The first order number is odd (with the variant shapes its API answers carry numbers), the
    // next even.
    assert_eq!(nums, ["10000000001", "10000000002"]);
    assert!(matches!(sandbox.pay(&nums[0]), Err(SandboxError::Delivery(_))));
    assert!(matches!(sandbox.fail(&nums[1]), Err(SandboxError::Delivery(_))));
    for (num, id, status) in [(&nums[0], "D-1", "3"), (&nums[1], "D-2", "2")] {
        let callback = sandbox.notification_request(num).unwrap();
        assert_eq!(callback.method, Method::Post);
        assert_eq!(callback.url, notify);
        let content_type = callback.headers.iter().find(|(k, _)| k.eq_ignore_ascii_case("content-type"));
        assert_eq!(content_type.map(|(_, v)| v.as_str()), Some("application/json"));
        let envelope: serde_json::Value = serde_json::from_slice(&callback.body).unwrap();
        let mut keys: Vec<_> = envelope.as_object().unwrap().keys().cloned().collect();
        keys.sort();
        assert_eq!(keys, ["app_id", "data", "sign", "time"], "{envelope}");
        assert!(envelope.as_object().unwrap().values().all(serde_json::Value::is_string), "{envelope}");
        assert_eq!(envelope["app_id"], APP_KEY);
        let time = envelope["time"].as_str().unwrap();
        assert!(time.len() >= 13 && time.bytes().all(|b| b.is_ascii_digit()), "time in milliseconds: {time}");
        let business = opened(&callback.body);
        assert_eq!(
            business,
            serde_json::json!({
                "outOrderId": id,
                "orderNum": num,
                "orderStatus": status,
                "payAmount": "10.5",
                "returnUrl": "https://merchant.example.com/paid",
            }),
            "{business}"
        );
        let n = client.verify_notification(&callback.headers, &callback.body).unwrap();
        assert_eq!(
            (n.order_num.as_str(), n.return_url.as_deref()),
            (num.as_str(), Some("https://merchant.example.com/paid"))
        );
    }
}
