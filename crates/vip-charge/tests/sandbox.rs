//! The sandbox behaves like the platform: exact signature checks, replay and staleness rejection,
//! balance and orders, signed callbacks with retries.
#![cfg(feature = "sandbox")]

use std::sync::atomic::{AtomicI64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use sandbox_server::SandboxServer;
use sign_core::rsa::PrivateKey;
use sign_core::{DecimalNumber, FixedClock, HttpResponse, RetryPolicy, TransportError, TransportErrorKind};
use vip_charge::sandbox::{DeliveryOutcome, Fault, Sandbox, poll_until};
use vip_charge::{
    BatchOrderItem, BatchOrderRequest, BusinessBalanceRequest, Client, Error, OrderInfoRequest, ProductListRequest,
    SignType, StatusCallback, VipChargeRequest,
};

/// How long a test waits for what a sandbox does in the background (a handler still running after
/// its client gave up on a delayed answer): far longer than it takes, so a busy machine cannot fail it.
const PATIENCE: std::time::Duration = std::time::Duration::from_secs(10);

fn merchant_key() -> PrivateKey {
    PrivateKey::parse(include_str!("../testdata/merchant_private_key.pem")).unwrap()
}

fn platform_key() -> PrivateKey {
    PrivateKey::parse(include_str!("../testdata/platform_private_key.pem")).unwrap()
}

fn sandbox() -> Sandbox {
    Sandbox::builder().merchant_key(merchant_key()).platform_key(platform_key()).start().unwrap()
}

fn charge(sb: &Sandbox, product: &str, account: &str, biz: &str) -> VipChargeRequest {
    VipChargeRequest::new(sb.merchant_id(), sb.business_id(), product, account, biz)
}

fn envelope(response: &HttpResponse) -> (i64, String) {
    let v: serde_json::Value = serde_json::from_slice(&response.body).unwrap();
    (v["status"].as_i64().unwrap(), v["message"].as_str().unwrap_or_default().to_owned())
}

/// The header names reach the platform spelled as the document spells them (`businessId`,
/// `nonce`, `timestamp`, `signType`, `sign`), not in `http`'s lower case: a platform whose
/// document spells a header one way may look it up that way. The sandbox's server keeps names as
/// they came over the socket; mockito would compare them case-insensitively.
#[test]
fn header_names_leave_spelled_as_the_document_spells_them() {
    let sb = sandbox();
    let seen = Arc::new(Mutex::new(Vec::new()));
    let names = Arc::clone(&seen);
    sb.hooks().set_front(move |request| {
        names.lock().unwrap().extend(request.headers.iter().map(|(name, _)| name.clone()));
        None
    });
    let c = sb.client_with_sign_type(SignType::Md5).unwrap();
    c.vip_charge(&charge(&sb, "87103", "names-001", "NAMES-001")).unwrap();
    let seen = seen.lock().unwrap();
    for name in ["businessId", "nonce", "timestamp", "signType", "sign"] {
        assert!(seen.iter().any(|n| n == name), "{name:?} not spelled so in {seen:?}");
    }
}

#[test]
fn both_sign_types_are_accepted() {
    let sb = sandbox();
    for t in [SignType::Md5, SignType::Sha256Rsa] {
        let c = sb.client_with_sign_type(t).unwrap();
        let products = c.product_list(&ProductListRequest::new(sb.merchant_id())).unwrap();
        assert_eq!(products.products.len(), 3, "{t}");
    }
    // The default client signs with SHA256-RSA, the platform's default.
    let c = sb.client().unwrap();
    assert_eq!(c.config().sign_type(), SignType::Sha256Rsa);
    assert_eq!(c.config().callback_sign_type(), Some(SignType::Sha256Rsa));
    c.product_list(&ProductListRequest::new(sb.merchant_id())).unwrap();
    // RSA without the optional signType header is the platform's default.
    let c = Client::new(sb.config_builder().send_sign_type_header(false).build().unwrap());
    c.business_balance(&BusinessBalanceRequest::new(sb.merchant_id(), sb.business_id())).unwrap();
}

#[test]
fn wrong_credentials_get_the_signature_failure_envelope() {
    let sb = sandbox();
    let wrong_secret =
        Client::new(sb.config_builder_with_sign_type(SignType::Md5).md5_secret_key("not-the-secret").build().unwrap());
    let e = wrong_secret.product_list(&ProductListRequest::new(sb.merchant_id())).unwrap_err();
    assert!(e.is_signature_rejected(), "{e:?}");
    assert!(e.to_string().contains("验签失败"));
    let wrong_key = Client::new(sb.config_builder().rsa_private_key_parsed(platform_key()).build().unwrap());
    let e = wrong_key.product_list(&ProductListRequest::new(sb.merchant_id())).unwrap_err();
    assert!(e.is_signature_rejected(), "{e:?}");
}

#[test]
fn signatures_are_checked_exactly() {
    let sb = sandbox();
    let c = sb.client_with_sign_type(SignType::Md5).unwrap();
    let req = ProductListRequest::new(sb.merchant_id());

    // A body changed after signing.
    let mut tampered = c.prepare(&req).unwrap();
    tampered.body.push(b' ');
    assert_eq!(envelope(&sb.handle(&tampered)), (2, "验签失败".to_owned()));

    // MD5 in lowercase hex is not the platform's format.
    let mut lower = c.prepare(&req).unwrap();
    for (k, v) in &mut lower.headers {
        if k == "sign" {
            *v = v.to_ascii_lowercase();
        }
    }
    assert_eq!(envelope(&sb.handle(&lower)).0, 2);

    // Without signType an MD5 signature is checked as SHA256-RSA and fails.
    let mut no_type = c.prepare(&req).unwrap();
    no_type.headers.retain(|(k, _)| k != "signType");
    assert_eq!(envelope(&sb.handle(&no_type)), (2, "验签失败".to_owned()));

    // Untouched, it passes.
    assert_eq!(envelope(&sb.handle(&c.prepare(&req).unwrap())).0, 0);
}

#[test]
fn an_empty_sign_type_header_is_the_default_sha256_rsa() {
    // The platform drops empty header values from the string to sign and defaults signType to
    // SHA256-RSA: an empty signType is the same as none, not an unknown sign type.
    let sb = sandbox();
    let c = Client::new(sb.config_builder().send_sign_type_header(false).build().unwrap());
    let mut request = c.prepare(&ProductListRequest::new(sb.merchant_id())).unwrap();
    request.headers.push(("signType".to_owned(), String::new()));
    assert_eq!(envelope(&sb.handle(&request)).0, 0);
    // An unknown non-empty sign type is still refused.
    let mut request = c.prepare(&ProductListRequest::new(sb.merchant_id())).unwrap();
    request.headers.push(("signType".to_owned(), "RSA".to_owned()));
    assert_eq!(envelope(&sb.handle(&request)), (2, "不支持的签名方式".to_owned()));
}

#[test]
fn replayed_nonces_and_stale_timestamps_are_rejected() {
    let sb = sandbox();
    let c = sb.client_with_sign_type(SignType::Sha256Rsa).unwrap();
    let once = c.prepare(&charge(&sb, "87103", "acc", "replay-1")).unwrap();
    assert_eq!(envelope(&sb.handle(&once)).0, 0);
    let (status, message) = envelope(&sb.handle(&once));
    assert_eq!(status, 2);
    assert!(message.contains("nonce"), "{message}");
    assert_eq!(sb.order_count(), 1, "the replay placed no order");

    let now = sign_core::SystemClock;
    let past = sign_core::Clock::unix_millis(&now) - 10 * 60 * 1000;
    let stale =
        sb.client_with_sign_type(SignType::Md5).unwrap().with_clock(Arc::new(FixedClock::from_unix_millis(past)));
    match stale.product_list(&ProductListRequest::new(sb.merchant_id())) {
        Err(Error::Api { status: 2, message, .. }) => assert!(message.contains("过期"), "{message}"),
        other => panic!("{other:?}"),
    }
    let future = sb
        .client_with_sign_type(SignType::Md5)
        .unwrap()
        .with_clock(Arc::new(FixedClock::from_unix_millis(past + 20 * 60 * 1000)));
    assert!(matches!(
        future.product_list(&ProductListRequest::new(sb.merchant_id())),
        Err(Error::Api { status: 2, .. })
    ));
}

#[test]
fn amounts_go_on_the_wire_with_their_own_digits() {
    let sb = sandbox();
    let c = sb.client_with_sign_type(SignType::Md5).unwrap();
    let response = sb.handle(&c.prepare(&ProductListRequest::new(sb.merchant_id())).unwrap());
    let text = String::from_utf8(response.into_body()).unwrap();
    assert!(text.contains(r#""settlementPrice":19.90"#), "{text}");
    let response = sb.handle(&c.prepare(&BusinessBalanceRequest::new(sb.merchant_id(), sb.business_id())).unwrap());
    let text = String::from_utf8(response.into_body()).unwrap();
    assert!(text.contains(r#""balance":10000.00"#), "{text}");
}

/// By default every answer and callback has the document's types (read as raw JSON, apart from
/// the client's tolerant reader): `status` a number, codes and accounts strings, amounts numbers,
/// `settlementPrice` present even for a failed order.
#[test]
fn default_answers_have_exactly_the_documented_types() {
    let sb = sandbox();
    assert!(!sb.variant_shapes());
    let c = sb.client_with_sign_type(SignType::Md5).unwrap();
    let wire = |request: vip_charge::HttpRequest| -> serde_json::Value {
        let json: serde_json::Value = serde_json::from_slice(&sb.handle(&request).body).unwrap();
        assert!(json["status"].is_i64() && json["message"].is_string(), "{json}");
        json
    };
    let balance = wire(c.prepare(&BusinessBalanceRequest::new(sb.merchant_id(), sb.business_id())).unwrap());
    assert_eq!(balance["status"], 0);
    assert!(balance["data"]["balance"].is_number(), "{balance}");
    let list = wire(c.prepare(&ProductListRequest::new(sb.merchant_id())).unwrap());
    for product in list["data"].as_array().unwrap() {
        assert!(product["productCode"].is_string() && product["productName"].is_string(), "{product}");
        assert!(product["settlementPrice"].is_number(), "{product}");
    }
    // The charge answer, field by field as the document's table types it.
    let (seen, server) = {
        let seen = Arc::new(Mutex::new(Vec::new()));
        let store = Arc::clone(&seen);
        let server = SandboxServer::start(move |request| {
            store.lock().unwrap().push(request.body.clone());
            HttpResponse::new(200, b"SUCCESS".to_vec())
        })
        .unwrap();
        (seen, server)
    };
    let url = format!("{}/notify", server.base_url());
    for (account, biz) in [("acc", "doc-1"), ("fail-acc", "doc-2")] {
        let charged = wire(c.prepare(&charge(&sb, "87103", account, biz).with_callback_url(url.as_str())).unwrap());
        let data = &charged["data"];
        for field in ["orderCode", "bizCode", "account"] {
            assert!(data[field].is_string(), "{field} in {charged}");
        }
        assert!(data["settlementPrice"].is_number(), "{charged}");
        // Order info and the callback carry the same types, failed order or not.
        let info = wire(c.prepare(&OrderInfoRequest::by_biz_code(biz)).unwrap());
        for field in ["orderCode", "bizCode", "account", "productCode", "status"] {
            assert!(info["data"][field].is_string(), "{field} in {info}");
        }
        assert!(info["data"]["settlementPrice"].is_number(), "{info}");
    }
    sb.wait_for_deliveries(Duration::from_secs(30), |d| {
        d.iter().filter(|x| x.outcome == DeliveryOutcome::Acknowledged).count() >= 2
    });
    let bodies = seen.lock().unwrap().clone();
    assert_eq!(bodies.len(), 2);
    for body in bodies {
        let callback: serde_json::Value = serde_json::from_slice(&body).unwrap();
        for field in ["orderCode", "bizCode", "account", "productCode", "status"] {
            assert!(callback[field].is_string(), "{field} in {callback}");
        }
        assert!(callback["settlementPrice"].is_number(), "{callback}");
    }
}

#[test]
fn the_sandbox_sends_the_variants_and_the_client_reads_them() {
    let sb = Sandbox::builder()
        .merchant_key(merchant_key())
        .platform_key(platform_key())
        .variant_shapes(true)
        .start()
        .unwrap();
    let c = sb.client_with_sign_type(SignType::Md5).unwrap();
    let wire = |request: vip_charge::HttpRequest| -> (HttpResponse, serde_json::Value) {
        let response = sb.handle(&request);
        let json = serde_json::from_slice(&response.body).unwrap();
        (response, json)
    };
    // Balance: a numeric-string status and a decimal-string balance.
    let (response, json) = wire(c.prepare(&BusinessBalanceRequest::new(sb.merchant_id(), sb.business_id())).unwrap());
    assert_eq!(json["status"], "0");
    assert_eq!(json["data"]["balance"], "10000.00");
    let balance = c.parse::<BusinessBalanceRequest>(&response).unwrap();
    assert_eq!(balance.balance, Some("10000.00".parse().unwrap()));
    // Product list: numeric product codes.
    let (response, json) = wire(c.prepare(&ProductListRequest::new(sb.merchant_id())).unwrap());
    assert_eq!(json["data"][0]["productCode"], 87103);
    assert_eq!(c.parse::<ProductListRequest>(&response).unwrap().products[0].product_code.as_deref(), Some("87103"));
    // Charge: a decimal-string settlement price.
    let (response, json) = wire(c.prepare(&charge(&sb, "87103", "acc", "variants-1")).unwrap());
    assert_eq!(json["data"]["settlementPrice"], "19.90");
    let order = c.parse::<VipChargeRequest>(&response).unwrap();
    assert_eq!(order.settlement_price, Some("19.90".parse().unwrap()));
    // Order info: the order code as a JSON number.
    let (response, json) = wire(c.prepare(&OrderInfoRequest::by_biz_code("variants-1")).unwrap());
    assert!(json["data"]["orderCode"].is_u64(), "{json}");
    let info = c.parse::<OrderInfoRequest>(&response).unwrap();
    assert_eq!(info.order_code.as_deref(), Some(order.order_code.as_str()));
    // A failed order: no settlement price.
    let failed = c.vip_charge(&charge(&sb, "87103", "fail-acc", "variants-2")).unwrap();
    let (response, json) = wire(c.prepare(&OrderInfoRequest::by_order_code(failed.order_code.as_str())).unwrap());
    assert!(json["data"].get("settlementPrice").is_none(), "{json}");
    let info = c.parse::<OrderInfoRequest>(&response).unwrap();
    assert_eq!((info.order_code.as_deref(), info.settlement_price), (Some(failed.order_code.as_str()), None));
    // The failed order's status callback: the order code as a JSON number, no settlement price;
    // the client's verifier reads it.
    let seen = Arc::new(Mutex::new(Vec::new()));
    let store = Arc::clone(&seen);
    let server = SandboxServer::start(move |request| {
        store.lock().unwrap().push(request);
        HttpResponse::new(200, b"SUCCESS".to_vec())
    })
    .unwrap();
    let url = format!("{}/notify", server.base_url());
    let failed = c.vip_charge(&charge(&sb, "87103", "fail-acc", "variants-3").with_callback_url(url.as_str())).unwrap();
    sb.wait_for_deliveries(Duration::from_secs(30), |d| {
        d.iter().any(|x| x.order_code == failed.order_code && x.outcome == DeliveryOutcome::Acknowledged)
    });
    let callback = seen.lock().unwrap().first().cloned().expect("the callback");
    let raw: serde_json::Value = serde_json::from_slice(&callback.body).unwrap();
    assert!(raw["orderCode"].is_u64() && raw.get("settlementPrice").is_none(), "{raw}");
    let verified = c.verify_notification(&callback.headers, &callback.body).unwrap();
    assert_eq!(verified.notification.order_code, failed.order_code);
}

/// A transport double in front of the sandbox (sans-IO): the first attempt fails as `first` says,
/// every later one is answered by the sandbox. Every request is recorded.
struct FlakyTransport {
    sandbox: Arc<Sandbox>,
    first: FirstAttempt,
    seen: Mutex<Vec<vip_charge::HttpRequest>>,
}

#[derive(Clone, Copy)]
enum FirstAttempt {
    /// Refused before sending (`Connect`): the sandbox never sees it.
    Refused,
    /// Reaches the sandbox, but its answer is lost (`Timeout`).
    AnswerLost,
}

impl vip_charge::Transport for FlakyTransport {
    fn send(&self, request: &vip_charge::HttpRequest) -> Result<HttpResponse, TransportError> {
        let attempt = {
            let mut seen = self.seen.lock().unwrap();
            seen.push(request.clone());
            seen.len()
        };
        match (attempt, self.first) {
            (1, FirstAttempt::Refused) => Err(TransportError::new(TransportErrorKind::Connect, "connection refused")),
            (1, FirstAttempt::AnswerLost) => {
                let _lost = self.sandbox.handle(request);
                Err(TransportError::new(TransportErrorKind::Timeout, "no answer in time"))
            }
            _ => Ok(self.sandbox.handle(request)),
        }
    }
}

/// A clock that moves one millisecond each time it is read.
#[derive(Debug)]
struct SteppingClock(AtomicI64);

impl sign_core::Clock for SteppingClock {
    fn now(&self) -> time::OffsetDateTime {
        let millis = self.0.fetch_add(1, Ordering::SeqCst);
        time::OffsetDateTime::from_unix_timestamp_nanos(i128::from(millis) * 1_000_000).unwrap()
    }
}

/// A client of `sb` sending through `transport`, retrying at once, on a stepping clock.
fn flaky_client(sb: &Sandbox, transport: Arc<FlakyTransport>) -> Client {
    let retry = RetryPolicy::new(2, Duration::ZERO, Duration::ZERO);
    let config = sb.config_builder_with_sign_type(SignType::Md5).retry(retry).build().unwrap();
    let now = sign_core::Clock::unix_millis(&sign_core::SystemClock);
    Client::with_transport(config, transport).with_clock(Arc::new(SteppingClock(AtomicI64::new(now))))
}

#[test]
fn vip_charge_retry_after_a_refused_connection_is_signed_afresh() {
    let sb = Arc::new(sandbox());
    let transport =
        Arc::new(FlakyTransport { sandbox: Arc::clone(&sb), first: FirstAttempt::Refused, seen: Mutex::default() });
    let c = flaky_client(&sb, transport.clone());
    // A charge may be repeated after a refused connection: it never left.
    let order = c.vip_charge(&charge(&sb, "87103", "acc", "retry-1")).unwrap();
    let seen = transport.seen.lock().unwrap();
    assert_eq!(seen.len(), 2);
    let [first, second] = [&seen[0], &seen[1]];
    assert_ne!(first.header("nonce"), second.header("nonce"), "a new nonce for the repeat");
    assert_ne!(first.header("timestamp"), second.header("timestamp"), "a new timestamp for the repeat");
    assert_ne!(first.header("sign"), second.header("sign"));
    assert_eq!(first.body, second.body, "the same order");
    // The sandbox checked the repeat's signature and placed the order once.
    assert_eq!(sb.order_count(), 1);
    assert!(!order.order_code.is_empty());
}

#[test]
fn order_info_retry_after_a_lost_answer_gets_a_fresh_nonce_the_sandbox_accepts() {
    let sb = Arc::new(sandbox());
    let placed = sb.client_with_sign_type(SignType::Md5).unwrap().vip_charge(&charge(&sb, "87103", "acc", "retry-2"));
    let placed = placed.unwrap();
    let transport =
        Arc::new(FlakyTransport { sandbox: Arc::clone(&sb), first: FirstAttempt::AnswerLost, seen: Mutex::default() });
    let c = flaky_client(&sb, transport.clone());
    // The first attempt reached the sandbox, which recorded its nonce; the identical request would
    // now be refused as a replay (`nonce重复`). The repeat of this query is signed afresh.
    let info = c.order_info(&OrderInfoRequest::by_biz_code("retry-2")).unwrap();
    assert_eq!(info.order_code.as_deref(), Some(placed.order_code.as_str()));
    let seen = transport.seen.lock().unwrap();
    assert_eq!(seen.len(), 2);
    assert_ne!(seen[0].header("nonce"), seen[1].header("nonce"));
    assert_eq!(envelope(&sb.handle(&seen[0])), (2, "nonce重复".to_owned()), "the first attempt's nonce is spent");
    drop(seen);

    // A charge whose answer was lost is not repeated: the outcome is unknown.
    let transport =
        Arc::new(FlakyTransport { sandbox: Arc::clone(&sb), first: FirstAttempt::AnswerLost, seen: Mutex::default() });
    let c = flaky_client(&sb, transport.clone());
    let e = c.vip_charge(&charge(&sb, "87103", "acc", "retry-3")).unwrap_err();
    assert!(matches!(e, Error::Timeout(_)) && e.outcome_unknown(), "{e:?}");
    assert_eq!(transport.seen.lock().unwrap().len(), 1);
    assert_eq!(sb.order_count(), 2);
}

#[test]
fn balance_and_orders_are_kept() {
    let sb = sandbox();
    let c = sb.client_with_sign_type(SignType::Md5).unwrap();
    let before = c.business_balance(&BusinessBalanceRequest::new(sb.merchant_id(), sb.business_id())).unwrap();
    assert_eq!(before.balance, Some("10000".parse().unwrap()));

    let order = c.vip_charge(&charge(&sb, "87103", "acc-1", "biz-1")).unwrap();
    assert_eq!(order.settlement_price, Some("19.90".parse().unwrap()));
    assert_eq!(sb.balance(), "9980.10".parse::<DecimalNumber>().unwrap());

    let by_biz = c.order_info(&OrderInfoRequest::by_biz_code("biz-1")).unwrap();
    assert_eq!(by_biz.order_code.as_deref(), Some(order.order_code.as_str()));
    assert_eq!(by_biz.product_code.as_deref(), Some("87103"));
    let by_code = c.order_info(&OrderInfoRequest::by_order_code(order.order_code.as_str())).unwrap();
    assert_eq!(by_code.biz_code.as_deref(), Some("biz-1"));

    assert!(matches!(c.vip_charge(&charge(&sb, "87103", "acc-1", "biz-1")), Err(Error::Api { status: 5, .. })));
    assert!(matches!(c.vip_charge(&charge(&sb, "00000", "acc-1", "biz-2")), Err(Error::Api { status: 6, .. })));
    assert!(matches!(c.order_info(&OrderInfoRequest::by_biz_code("nope")), Err(Error::Api { status: 4, .. })));

    sb.set_balance("10.00".parse().unwrap());
    assert!(matches!(c.vip_charge(&charge(&sb, "87103", "acc-1", "biz-3")), Err(Error::Api { status: 3, .. })));
    assert_eq!(sb.balance(), "10.00".parse::<DecimalNumber>().unwrap());

    // A failing account: the order exists, its status says FAILED, nothing is debited.
    sb.set_balance("100.00".parse().unwrap());
    let failed = c.vip_charge(&charge(&sb, "87105", "fail-acc", "biz-4")).unwrap();
    let by_code = OrderInfoRequest::by_order_code(failed.order_code);
    let raw: serde_json::Value = c.raw_call("/v1/openapi/order/info", &by_code, true).unwrap();
    assert_eq!(raw["status"], "FAILED");
    assert_eq!(c.raw_call_json("/v1/openapi/order/info", &by_code, true).unwrap(), raw);
    assert_eq!(sb.balance(), "100.00".parse::<DecimalNumber>().unwrap());
}

#[test]
fn batch_orders_place_one_order_per_item() {
    let sb = sandbox();
    let c = sb.client_with_sign_type(SignType::Sha256Rsa).unwrap();
    let items = vec![BatchOrderItem::new("b-1", "a-1"), BatchOrderItem::new("b-2", "a-2")];
    let result =
        c.batch_order(&BatchOrderRequest::new(sb.merchant_id(), sb.business_id(), "batch-1", "87105", items)).unwrap();
    assert_eq!(result["orderList"].as_array().unwrap().len(), 2);
    assert_eq!(sb.order_count(), 2);
    assert_eq!(sb.balance(), "9976.00".parse::<DecimalNumber>().unwrap());
    let dup = vec![BatchOrderItem::new("b-1", "a-3")];
    let r = c.batch_order(&BatchOrderRequest::new(sb.merchant_id(), sb.business_id(), "batch-2", "87105", dup));
    assert!(matches!(r, Err(Error::Api { status: 5, .. })));
}

#[test]
fn malformed_requests_get_failure_envelopes() {
    let sb = sandbox();
    let c = sb.client_with_sign_type(SignType::Md5).unwrap();
    // Another merchant.
    assert!(matches!(c.product_list(&ProductListRequest::new("nobody")), Err(Error::Api { status: 1, .. })));
    // A raw body missing required fields, correctly signed.
    let r: Result<serde_json::Value, _> = c.raw_call("/v1/openapi/order/VIPCharge", &serde_json::json!({}), false);
    assert!(matches!(r, Err(Error::Api { status: 1, .. })));
    // Missing auth headers.
    let mut bare = c.prepare(&ProductListRequest::new(sb.merchant_id())).unwrap();
    bare.headers.retain(|(k, _)| k != "nonce");
    assert_eq!(envelope(&sb.handle(&bare)).0, 1);
    // An unknown path.
    let r: Result<serde_json::Value, _> = c.raw_call("/v1/openapi/nothing", &serde_json::json!({}), true);
    assert!(matches!(r, Err(Error::Api { status: 404, .. })));
}

#[test]
fn success_status_is_configurable_end_to_end() {
    let sb = Sandbox::builder()
        .merchant_key(merchant_key())
        .platform_key(platform_key())
        .success_status(961)
        .start()
        .unwrap();
    let c = sb.client_with_sign_type(SignType::Md5).unwrap();
    assert_eq!(c.config().success_status(), 961);
    c.product_list(&ProductListRequest::new(sb.merchant_id())).unwrap();
    // A client left at the default cannot read 961 "success" as a success, nor as a refusal: the
    // outcome is unknown and the error says which setting to change.
    let default = Client::new(sb.config_builder_with_sign_type(SignType::Md5).success_status(0).build().unwrap());
    let e = default.product_list(&ProductListRequest::new(sb.merchant_id())).unwrap_err();
    assert!(matches!(e, Error::UnconfirmedSuccess { status: 961, success_status: 0, .. }), "{e:?}");
    assert!(e.outcome_unknown());
    // A charge under the wrong success status: the order was placed, the client must not say "refused".
    let e = default.vip_charge(&charge(&sb, "87103", "acc", "unconfirmed-1")).unwrap_err();
    assert!(e.outcome_unknown(), "{e:?}");
    assert!(e.to_string().contains("ConfigBuilder::success_status(961)"), "{e}");
    assert_eq!(sb.order_count(), 1);
    // A refusal stays definite under the wrong success status too.
    let e = default.vip_charge(&charge(&sb, "87103", "acc", "unconfirmed-1")).unwrap_err();
    assert!(matches!(e, Error::Api { status: 5, .. }), "{e:?}");
}

/// A merchant callback endpoint that refuses the first `refuse` deliveries.
fn receiver(sb: &Sandbox, sign_type: SignType, refuse: usize) -> (SandboxServer, Arc<Mutex<Vec<StatusCallback>>>) {
    let verifier = sb.client_with_sign_type(sign_type).unwrap();
    let seen = Arc::new(Mutex::new(Vec::new()));
    let calls = AtomicUsize::new(0);
    let store = Arc::clone(&seen);
    let server = SandboxServer::start(move |request| {
        let Ok(callback) = verifier.verify_notification(&request.headers, &request.body) else {
            return HttpResponse::new(401, b"BAD SIGNATURE".to_vec());
        };
        store.lock().unwrap().push(callback);
        if calls.fetch_add(1, Ordering::SeqCst) < refuse {
            HttpResponse::new(200, b"FAIL".to_vec())
        } else {
            HttpResponse::new(200, verifier.notification_reply().as_bytes().to_vec())
        }
    })
    .unwrap();
    (server, seen)
}

#[test]
fn callbacks_are_signed_and_retried_until_success() {
    for sign_type in [SignType::Md5, SignType::Sha256Rsa] {
        let sb = sandbox();
        let (server, seen) = receiver(&sb, sign_type, 2);
        let c = sb.client_with_sign_type(sign_type).unwrap();
        let req = charge(&sb, "87103", "acc", "cb-1").with_callback_url(format!("{}/notify", server.base_url()));
        let order = c.vip_charge(&req).unwrap();

        let log = sb.wait_for_deliveries(Duration::from_secs(30), |d| {
            d.iter().any(|x| x.outcome == DeliveryOutcome::Acknowledged)
        });
        let outcomes: Vec<_> = log.iter().map(|d| (d.attempt, d.outcome.clone())).collect();
        assert_eq!(
            outcomes,
            vec![
                (1, DeliveryOutcome::NotAcknowledged { status: 200 }),
                (2, DeliveryOutcome::NotAcknowledged { status: 200 }),
                (3, DeliveryOutcome::Acknowledged),
            ],
            "{sign_type}"
        );
        let seen = seen.lock().unwrap();
        assert_eq!(seen.len(), 3, "every attempt verified ({sign_type})");
        assert!(seen.iter().all(|cb| cb.notification.order_code == order.order_code));
        assert_eq!(seen[0].notification.biz_code.as_deref(), Some("cb-1"));
        assert_ne!(seen[0].nonce, seen[1].nonce, "each attempt is signed afresh");
    }
}

#[test]
fn callbacks_to_an_unreachable_url_are_recorded_as_failed() {
    let sb = Sandbox::builder()
        .merchant_key(merchant_key())
        .platform_key(platform_key())
        .default_callback_url("http://127.0.0.1:9/notify")
        .start()
        .unwrap();
    let c = sb.client_with_sign_type(SignType::Md5).unwrap();
    c.vip_charge(&charge(&sb, "87103", "acc", "cb-2")).unwrap();
    let log = sb.wait_for_deliveries(Duration::from_secs(30), |d| d.len() >= 2);
    assert!(log.len() >= 2, "{log:?}");
    assert!(log.iter().all(|d| d.outcome == DeliveryOutcome::Failed && d.url == "http://127.0.0.1:9/notify"));
}

#[test]
fn an_empty_callback_url_falls_back_to_the_default_one() {
    // "callbackUrl: 为空则使用开户时设置的地址": an empty callbackUrl means the account's default URL.
    let default_url = "http://127.0.0.1:9/notify";
    let sb = Sandbox::builder()
        .merchant_key(merchant_key())
        .platform_key(platform_key())
        .default_callback_url(default_url)
        .start()
        .unwrap();
    let c = sb.client_with_sign_type(SignType::Md5).unwrap();
    let order = c.vip_charge(&charge(&sb, "87103", "acc", "cb-empty").with_callback_url("")).unwrap();
    let items = vec![BatchOrderItem::new("cb-empty-b", "acc")];
    let batch = BatchOrderRequest::new(sb.merchant_id(), sb.business_id(), "batch-cb-empty", "87103", items)
        .with_callback_url(" ");
    c.batch_order(&batch).unwrap();
    let log = sb.wait_for_deliveries(Duration::from_secs(30), |d| {
        d.iter().any(|d| d.order_code == order.order_code) && d.iter().any(|d| d.order_code != order.order_code)
    });
    let codes: std::collections::BTreeSet<&str> = log.iter().map(|d| d.order_code.as_str()).collect();
    assert_eq!(codes.len(), 2, "{log:?}");
    assert!(log.iter().all(|d| d.url == default_url), "{log:?}");
}

const CHARGE_PATH: &str = "/v1/openapi/order/VIPCharge";

#[test]
fn a_lost_answer_is_outcome_unknown_though_the_order_was_placed() {
    // Fails before issue 18: the sandbox could not lose an answer.
    let sb = sandbox();
    sb.faults().on_path(CHARGE_PATH, Fault::LoseAnswer);
    let c = sb.client_with_sign_type(SignType::Md5).unwrap();
    let e = c.vip_charge(&charge(&sb, "87103", "acc", "lost-1")).unwrap_err();
    assert!(e.outcome_unknown(), "{e:?}");
    assert_eq!(sb.order_count(), 1, "the order went through");
    assert_eq!(sb.faults().pending(), 0);
    // Reconcile by bizCode before ordering again.
    let info = c.order_info(&OrderInfoRequest::by_biz_code("lost-1")).unwrap();
    assert!(info.order_code.is_some());
}

#[test]
fn a_503_is_outcome_unknown() {
    let sb = sandbox();
    sb.faults().next_call(Fault::Status(503));
    let c = sb.client_with_sign_type(SignType::Md5).unwrap();
    let e = c.vip_charge(&charge(&sb, "87103", "acc", "busy-1")).unwrap_err();
    assert!(matches!(e, Error::HttpStatus { status: 503 }), "{e:?}");
    assert!(e.outcome_unknown());
    assert_eq!(sb.order_count(), 0, "a 503 fault processes nothing");
    // Used up: the next call goes through.
    c.vip_charge(&charge(&sb, "87103", "acc", "busy-1")).unwrap();
}

#[test]
fn a_planned_provider_error_is_the_api_error_and_definite() {
    let sb = sandbox();
    sb.faults().on_path(CHARGE_PATH, Fault::provider_error("3", "余额不足"));
    let c = sb.client_with_sign_type(SignType::Md5).unwrap();
    let e = c.vip_charge(&charge(&sb, "87103", "acc", "refused-1")).unwrap_err();
    match &e {
        Error::Api { status: 3, message, .. } => assert_eq!(message, "余额不足"),
        other => panic!("{other:?}"),
    }
    assert_eq!(e.outcome(), vip_charge::Outcome::Definite);
    assert_eq!(sb.order_count(), 0);
}

#[test]
fn a_late_answer_past_the_client_timeout_is_outcome_unknown() {
    let sb = sandbox();
    // The test waits for the timeout only, not for the delay (ten times longer).
    sb.faults().on_path(CHARGE_PATH, Fault::Delay(Duration::from_millis(1500)));
    let config = sb.config_builder_with_sign_type(SignType::Md5).timeout(Duration::from_millis(150)).build().unwrap();
    let c = Client::new(config);
    let e = c.vip_charge(&charge(&sb, "87103", "acc", "late-1")).unwrap_err();
    assert!(e.outcome_unknown(), "{e:?}");
    assert!(poll_until(PATIENCE, || sb.order_count() == 1), "the order went through");
    assert_eq!(sb.order_count(), 1, "once");
}

/// Review §4 ("can panic"): a batch whose total overflows the decimal type (an absurd configured
/// price) is refused as more than the balance, not a panic in the handler.
#[test]
fn a_batch_total_too_large_to_represent_is_refused_not_a_panic() {
    let huge: DecimalNumber = "79228162514264337593543950335".parse().unwrap(); // rust_decimal's largest
    let sb = Sandbox::builder()
        .merchant_key(merchant_key())
        .platform_key(platform_key())
        .products(vec![vip_charge::sandbox::SandboxProduct::new("99999", "absurd", huge)])
        .start()
        .unwrap();
    let c = sb.client_with_sign_type(SignType::Md5).unwrap();
    let items = vec![BatchOrderItem::new("h-1", "a-1"), BatchOrderItem::new("h-2", "a-2")];
    let r = c.batch_order(&BatchOrderRequest::new(sb.merchant_id(), sb.business_id(), "batch-h", "99999", items));
    assert!(matches!(r, Err(Error::Api { status: 3, .. })), "{r:?}");
    assert_eq!(sb.order_count(), 0);
}

/// The sandbox's callback on the wire, checked against the platform's description and not with the
/// client's verifier: `POST` to `callbackUrl`, JSON, the headers `businessId`, `nonce`,
/// `timestamp` (milliseconds) and `sign` and no `signType`, signed over
/// `businessId=..&nonce=..&timestamp=..` followed by the raw body (MD5: the secret appended,
/// uppercase hex; SHA256-RSA: the platform key, standard Base64), the body starting with
/// `orderCode`, `bizCode`; the plain text `SUCCESS` ends the deliveries.
#[test]
fn the_callback_on_the_wire_is_the_documented_one() {
    for sign_type in [SignType::Md5, SignType::Sha256Rsa] {
        let sb = sandbox();
        let seen: Arc<Mutex<Vec<sign_core::HttpRequest>>> = Arc::default();
        let store = Arc::clone(&seen);
        let server = SandboxServer::start(move |request| {
            store.lock().unwrap().push(request);
            HttpResponse::new(200, b"SUCCESS".to_vec())
        })
        .unwrap();
        let c = sb.client_with_sign_type(sign_type).unwrap();
        let req = charge(&sb, "87103", "acc", "wire-1").with_callback_url(format!("{}/notify", server.base_url()));
        let order = c.vip_charge(&req).unwrap();
        let log = sb.wait_for_deliveries(Duration::from_secs(30), |d| !d.is_empty());
        assert_eq!(log.len(), 1, "{log:?}");
        assert_eq!(log[0].outcome, DeliveryOutcome::Acknowledged);
        let request = seen.lock().unwrap().pop().unwrap();
        assert_eq!(request.method, sign_core::Method::Post);
        assert!(request.url.ends_with("/notify"), "{}", request.url);
        let header = |name: &str| {
            let mut values = request.headers.iter().filter(|(k, _)| k.eq_ignore_ascii_case(name));
            let value = values.next().map(|(_, v)| v.clone());
            assert!(values.next().is_none(), "one {name} header");
            value
        };
        assert!(header("content-type").unwrap().starts_with("application/json"));
        assert_eq!(header("signType"), None, "callbacks carry no signType");
        let (business_id, nonce, timestamp, sign) = (
            header("businessId").unwrap(),
            header("nonce").unwrap(),
            header("timestamp").unwrap(),
            header("sign").unwrap(),
        );
        assert_eq!(business_id, sb.business_id());
        assert!(!nonce.is_empty());
        assert!(timestamp.len() == 13 && timestamp.bytes().all(|b| b.is_ascii_digit()), "milliseconds: {timestamp}");
        let mut signed = format!("businessId={business_id}&nonce={nonce}&timestamp={timestamp}").into_bytes();
        signed.extend_from_slice(&request.body);
        match sign_type {
            SignType::Md5 => {
                let mut with_key = signed.clone();
                with_key.extend_from_slice(sb.md5_secret_key().expose().as_bytes());
                let hex: String = sign_core::digest::md5(&with_key).iter().map(|b| format!("{b:02X}")).collect();
                assert_eq!(sign, hex);
            }
            _ => {
                assert!(sign.bytes().all(|b| b.is_ascii_alphanumeric() || b"+/=".contains(&b)), "standard Base64");
                let signature = sign_core::encoding::base64_decode_lenient(&sign).unwrap();
                sb.platform_public_key().verify_sha256(&signed, &signature).unwrap();
            }
        }
        // "The body starts with orderCode, bizCode": checked on the bytes (a parsed map may sort keys).
        let text = String::from_utf8(request.body.clone()).unwrap();
        let rest = text.strip_prefix(r#"{"orderCode":"#).unwrap_or_else(|| panic!("{text}"));
        assert!(rest.split_once(',').is_some_and(|(_, next)| next.starts_with(r#""bizCode":"#)), "{text}");
        let body: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(body["orderCode"].to_string().trim_matches('"'), order.order_code);
        assert_eq!(body["bizCode"], "wire-1");
    }
}
