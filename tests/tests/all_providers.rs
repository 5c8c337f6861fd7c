//! All five provider sandboxes in one process, side by side: each provider's main flow runs
//! against its own sandbox over real loopback HTTP, at the same time as the others, and the
//! callbacks go to small merchant endpoints started here. Every step is checked against what
//! the sandbox recorded, not only for the absence of an error.

mod common;

use common::Receiver;
use sign_core::HttpResponse;

#[test]
fn every_provider_main_flow_runs_side_by_side_in_one_process() {
    let visagenius = visagenius::sandbox::Sandbox::start().expect("visagenius sandbox starts");
    let acqra = acqra_gateway::sandbox::Sandbox::start().expect("acqra sandbox starts");
    let vip = vip_charge::sandbox::Sandbox::start().expect("vip-charge sandbox starts");
    let mall = mall_pay::sandbox::Sandbox::start().expect("mall-pay sandbox starts");
    let chainup = chainup_opay::sandbox::Sandbox::start().expect("chainup sandbox starts");

    let urls = [visagenius.base_url(), acqra.base_url(), vip.base_url(), mall.base_url(), chainup.base_url()];
    for (i, url) in urls.iter().enumerate() {
        assert!(url.starts_with("http://127.0.0.1:"), "{url} is not loopback");
        assert!(!urls[..i].contains(url), "two sandboxes share {url}");
    }

    // All five flows at once: one provider's traffic must not disturb another's.
    std::thread::scope(|s| {
        s.spawn(|| visagenius_flow(&visagenius));
        s.spawn(|| acqra_flow(&acqra));
        s.spawn(|| vip_charge_flow(&vip));
        s.spawn(|| mall_pay_flow(&mall));
        s.spawn(|| chainup_flow(&chainup));
    });
}

/// Product list -> product detail -> order_pay.
fn visagenius_flow(sandbox: &visagenius::sandbox::Sandbox) {
    use visagenius::sandbox::{SANDBOX_ORDER_AMOUNT, SANDBOX_ORDER_ID, SANDBOX_PRODUCT_IDS};
    use visagenius::{Fen, OrderPayRequest, ProductBriefQueryRequest, ProductQueryRequest};

    let client = sandbox.client().expect("visagenius client");

    let list = client.product_brief_query(&ProductBriefQueryRequest::new()).expect("product list");
    assert_eq!(list.total_count, Some(SANDBOX_PRODUCT_IDS.len() as i64));
    let ids: Vec<i64> = list.products().iter().filter_map(|p| p.product_id).collect();
    assert_eq!(ids, SANDBOX_PRODUCT_IDS);

    let first = &list.products()[0];
    let detail = client.product_query(&ProductQueryRequest::new(ids[0])).expect("product detail");
    assert_eq!(detail.product_id, ids[0]);
    assert_eq!(detail.product_name, first.product_name);
    assert_eq!(detail.price, first.price);
    assert!(detail.price.is_some_and(Fen::is_positive), "{:?}", detail.price);

    let order = sandbox.order(SANDBOX_ORDER_ID).expect("the preset order");
    assert!(!order.paid);
    assert_eq!(order.amount, SANDBOX_ORDER_AMOUNT);

    // An amount one fen off is refused and leaves the order unpaid.
    let off_by_one = OrderPayRequest::new(SANDBOX_ORDER_ID, Fen(SANDBOX_ORDER_AMOUNT.0 + 1));
    let refused = client.order_pay(&off_by_one).expect_err("a wrong amount is refused");
    assert_eq!(refused.api_ret(), Some(-1), "{refused:?}");
    assert!(!sandbox.order(SANDBOX_ORDER_ID).expect("order").paid);

    let paid = client.order_pay(&OrderPayRequest::new(SANDBOX_ORDER_ID, SANDBOX_ORDER_AMOUNT)).expect("order_pay");
    // The sandbox sends the supplier's address (a partial one only with `variant_shapes(true)`).
    let address = paid.express_address.expect("an address for a delivered visa");
    assert!(address.detail_address.is_some_and(|d| !d.is_empty()));
    assert!(sandbox.order(SANDBOX_ORDER_ID).expect("order").paid);

    // Paying it again is refused: the order is paid once.
    let again =
        client.order_pay(&OrderPayRequest::new(SANDBOX_ORDER_ID, SANDBOX_ORDER_AMOUNT)).expect_err("paid twice");
    assert_eq!(again.api_ret(), Some(-1), "{again:?}");
}

/// Token -> checkout session -> card payment (manual capture) -> capture -> query -> refund ->
/// refund query.
fn acqra_flow(sandbox: &acqra_gateway::sandbox::Sandbox) {
    use acqra_gateway::{
        Address, Billing, Browser, CaptureMethod, CaptureRequest, Card, CashierOrderRequest, Decimal, DeviceInfo,
        OrderStatus, PaymentMethodType, PaymentRequest, QueryRequest, RefundQueryRequest, RefundRequest, RefundStatus,
    };
    let dec = |s: &str| s.parse::<Decimal>().expect("a decimal literal");

    let client = sandbox.client().expect("acqra client");
    assert_eq!(sandbox.gateway().tokens_issued(), 0);

    let token = client.access_token().expect("access token");
    assert!(!token.token().secret().is_empty());
    assert_eq!(sandbox.gateway().tokens_issued(), 1);

    let session = client
        .cashier_order(&CashierOrderRequest::new(dec("25.00"), acqra_gateway::sign_core::Currency::USD, "E2E-CS-0001"))
        .expect("checkout session");
    assert_eq!(session.order_no, "E2E-CS-0001");
    assert!(session.redirect_url.contains("E2E-CS-0001"), "{}", session.redirect_url);
    // The payer pays on the hosted page; the session's order is then paid in full.
    assert!(sandbox.gateway().complete_checkout("E2E-CS-0001"));
    let q = client
        .query(&QueryRequest::new(PaymentMethodType::Card).with_order_no("E2E-CS-0001"))
        .expect("query the checkout order");
    assert_eq!(q.order.and_then(|o| o.order_status), Some(OrderStatus::Successed));

    let card = Card::new(acqra_gateway::sandbox::APPROVED_CARD, "12", "2030", "Jane", "Doe")
        .with_cvc("737")
        .with_capture_method(CaptureMethod::Manual);
    let device = DeviceInfo::new(Browser::new("paykit-e2e"), "127.0.0.1", "en-US");
    let billing = Billing::new(Address::new("Seattle", "US", "1 Main St", "98102", "WA"));
    let payment = PaymentRequest::new(
        dec("100.99"),
        acqra_gateway::sign_core::Currency::USD,
        device,
        "E2E-OR-0001",
        PaymentMethodType::Card,
    )
    .with_card(card)
    .with_billing(billing);
    let paid = client.payment(&payment).expect("card payment");
    assert_eq!(paid.order_status, Some(OrderStatus::Authorized));
    assert_eq!(paid.amount, dec("100.99"));
    assert_eq!(paid.currency, "USD");
    assert!(!paid.trade_no.is_empty());

    let captured = client.capture(&CaptureRequest::new(dec("100.99")).with_trade_no(&paid.trade_no)).expect("capture");
    assert_eq!(captured.order_status, Some(OrderStatus::Successed));
    assert_eq!(captured.amount, dec("100.99"));
    assert_eq!(captured.trade_no, paid.trade_no);

    let q = client.query(&QueryRequest::new(PaymentMethodType::Card).with_trade_no(&paid.trade_no)).expect("query");
    let order = q.order.expect("the query names the order");
    assert_eq!(order.order_status, Some(OrderStatus::Successed));
    assert_eq!(order.pay_amount.expect("payAmount").value(), dec("100.99").value());
    assert!(q.refund.unwrap_or_default().is_empty());
    // The gateway keeps only the card's BIN.
    assert_eq!(q.extend.and_then(|e| e.bin).as_deref(), Some("411111"));

    let refund =
        RefundRequest::new(dec("30.50"), "127.0.0.1", "customer request", "E2E-RF-0001").with_trade_no(&paid.trade_no);
    let refunded = client.refund(&refund).expect("refund");
    assert_eq!(refunded.refund_status, RefundStatus::Accepted);
    assert_eq!(refunded.amount, dec("30.50"));
    assert_eq!(refunded.refund_order_no, "E2E-RF-0001");

    let rq = client
        .refund_query(&RefundQueryRequest::new(PaymentMethodType::Card).with_order_no("E2E-RF-0001"))
        .expect("refund query");
    assert_eq!(rq.refund_trade_no, refunded.refund_trade_no);
    assert_eq!(rq.amount, dec("30.50"));
    assert_eq!(rq.refund_status, RefundStatus::Accepted);

    // The payment query now lists that refund.
    let q = client.query(&QueryRequest::new(PaymentMethodType::Card).with_trade_no(&paid.trade_no)).expect("query");
    let refunds = q.refund.expect("refunds listed");
    assert_eq!(refunds.len(), 1);
    assert_eq!(refunds[0].amount.expect("refund amount").value(), dec("30.50").value());

    // One token served the whole flow.
    assert_eq!(sandbox.gateway().tokens_issued(), 1);
}

/// What the vip-charge callback endpoint saw: the verified callback, or why it was refused,
/// and whether a replay of the same request was refused.
type VipReport = (Result<vip_charge::StatusCallback, String>, bool);

/// Product list -> balance -> charge -> order info with each sign type, and the status
/// callback received and verified by a merchant endpoint.
fn vip_charge_flow(sandbox: &vip_charge::sandbox::Sandbox) {
    use vip_charge::sandbox::DeliveryOutcome;
    use vip_charge::{BusinessBalanceRequest, OrderInfoRequest, ProductListRequest, SignType, VipChargeRequest};

    let price = sign_core::DecimalNumber::from_minor(1990, 2);
    let start_balance = sandbox.balance();
    assert_eq!(sandbox.order_count(), 0);

    for (n, sign_type) in [SignType::Md5, SignType::Sha256Rsa].into_iter().enumerate() {
        // The replay guard is on by default.
        let config = sandbox.config_builder_with_sign_type(sign_type).build().expect("vip-charge config");
        let client = vip_charge::Client::new(config);
        let verifier = client.clone();
        let receiver: Receiver<VipReport> =
            Receiver::start(move |request| match verifier.verify_notification(&request.headers, &request.body) {
                Ok(callback) => {
                    let replay_refused = verifier.verify_notification(&request.headers, &request.body).is_err();
                    (HttpResponse::new(200, verifier.notification_reply()), (Ok(callback), replay_refused))
                }
                Err(e) => (HttpResponse::new(401, "FAIL"), (Err(e.to_string()), false)),
            });

        let products = client.product_list(&ProductListRequest::new(sandbox.merchant_id())).expect("product list");
        assert_eq!(products.products.len(), 3, "{sign_type}");
        let first = &products.products[0];
        assert_eq!(first.product_code.as_deref(), Some("87103"));
        assert_eq!(first.settlement_price, Some(price));

        let balance = client
            .business_balance(&BusinessBalanceRequest::new(sandbox.merchant_id(), sandbox.business_id()))
            .expect("balance");
        assert_eq!(balance.balance, Some(sandbox.balance()), "{sign_type}");

        let biz_code = format!("E2E-VIP-{}", sign_type.as_str());
        let account = format!("e2e-account-{n}");
        let request = VipChargeRequest::new(
            sandbox.merchant_id(),
            sandbox.business_id(),
            "87103",
            account.as_str(),
            biz_code.as_str(),
        )
        .with_callback_url(receiver.url("/vip-charge/notify"));
        let order = client.vip_charge(&request).expect("charge order");
        assert!(!order.order_code.is_empty());
        assert_eq!(order.settlement_price, Some(price));
        assert_eq!(order.biz_code.as_deref(), Some(biz_code.as_str()));

        let info = client.order_info(&OrderInfoRequest::by_order_code(order.order_code.as_str())).expect("order info");
        assert_eq!(info.order_code.as_deref(), Some(order.order_code.as_str()));
        assert_eq!(info.biz_code.as_deref(), Some(biz_code.as_str()));
        assert_eq!(info.account.as_deref(), Some(account.as_str()));
        assert_eq!(info.product_code.as_deref(), Some("87103"));
        assert_eq!(info.settlement_price, Some(price));

        let (callback, replay_refused) = receiver.next("vip-charge status callback");
        let callback = callback.unwrap_or_else(|e| panic!("{sign_type} callback failed verification: {e}"));
        assert_eq!(callback.notification.order_code, order.order_code);
        assert_eq!(callback.notification.biz_code.as_deref(), Some(biz_code.as_str()));
        assert_eq!(callback.raw["status"], "SUCCESS", "{}", callback.raw);
        assert!(replay_refused, "{sign_type}: the same callback was accepted twice");

        // The sandbox saw the endpoint's SUCCESS reply: one attempt, acknowledged, no retry.
        let code = order.order_code.clone();
        let deliveries = sandbox.wait_for_deliveries(common::WAIT, |d| d.iter().any(|d| d.order_code == code));
        let ours: Vec<_> = deliveries.iter().filter(|d| d.order_code == order.order_code).collect();
        assert_eq!(ours.len(), 1, "{ours:?}");
        assert_eq!(ours[0].outcome, DeliveryOutcome::Acknowledged);
    }

    assert_eq!(sandbox.order_count(), 2);
    let spent = price.value() + price.value();
    assert_eq!(sandbox.balance().value(), start_balance.value() - spent);
}

/// One order each by WeChat, Alipay and points.
fn mall_pay_flow(sandbox: &mall_pay::sandbox::Sandbox) {
    use mall_pay::sandbox::{ALIPAY_APP_ID, STARTING_POINTS, WECHAT_APPID, WECHAT_PARTNERID};
    use mall_pay::{Error, Freight, FreightChoice, PayOrder, PayParam, PayWith, Points, Yuan};

    let client = sandbox.client().expect("mall-pay client");
    let price = Yuan::parse("0.10").expect("a price");
    let points = Points::new(500).expect("points");
    assert_eq!(sandbox.points_balance(), STARTING_POINTS);

    let wechat = client
        .order_pay(&PayOrder::new(1001, 7, PayWith::wechat(price), Freight::Free).expect("order").into())
        .expect("WeChat payment");
    let PayParam::Wechat(w) = &wechat.pay_param else { panic!("WeChat parameters expected: {wechat:?}") };
    assert_eq!(w.appid, WECHAT_APPID);
    assert_eq!(w.partnerid, WECHAT_PARTNERID);
    assert_eq!(w.package, "Sign=WXPay");
    assert!(w.prepayid.starts_with("wx1001"), "{}", w.prepayid);
    let recorded = sandbox.paid_order(1001).expect("order 1001 paid");
    assert_eq!((recorded.pay_method, recorded.address_id, recorded.freight_mode), (1, 7, 1));
    assert_eq!(
        recorded.pay_price.as_deref().map(|p| p.parse::<sign_core::Decimal>().map(|d| d.value())),
        Some(Ok(price.amount().value()))
    );
    assert_eq!(recorded.pay_integral, None);

    let cod = Freight::NotFree(FreightChoice::CashOnDelivery);
    let alipay = client
        .order_pay(&PayOrder::new(1002, 7, PayWith::alipay(price), cod).expect("order").into())
        .expect("Alipay payment");
    let PayParam::Alipay(order_string) = &alipay.pay_param else { panic!("an Alipay string expected: {alipay:?}") };
    assert!(order_string.contains(&format!("app_id={ALIPAY_APP_ID}")), "{order_string}");
    let recorded = sandbox.paid_order(1002).expect("order 1002 paid");
    assert_eq!((recorded.pay_method, recorded.freight_mode, recorded.freight_json_arr_key), (2, 2, 1));
    let sent_price = recorded.pay_price.expect("pay_price sent");
    assert!(order_string.contains(&format!(r#""total_amount":"{sent_price}""#)), "{order_string}");

    let by_points = client
        .order_pay(&PayOrder::new(1003, 7, PayWith::points(points), Freight::Free).expect("order").into())
        .expect("points payment");
    assert_eq!(by_points.pay_param, PayParam::Empty);
    let recorded = sandbox.paid_order(1003).expect("order 1003 paid");
    assert_eq!((recorded.pay_method, recorded.pay_price.as_deref(), recorded.pay_integral), (3, None, Some(500)));
    assert_eq!(sandbox.points_balance(), STARTING_POINTS - 500);
    assert_eq!(sandbox.pay_requests(), 3);

    // Paying an order twice is refused and costs nothing.
    let again = client
        .order_pay(&PayOrder::new(1003, 7, PayWith::points(points), Freight::Free).expect("order").into())
        .expect_err("paid twice");
    assert!(matches!(again, Error::Api { .. }), "{again:?}");
    assert_eq!(sandbox.points_balance(), STARTING_POINTS - 500);
    assert_eq!(sandbox.pay_requests(), 4);
}

/// Create order -> the sandbox pays it -> notify callback received and verified -> order
/// detail -> statement -> cancel a second order.
fn chainup_flow(sandbox: &chainup_opay::sandbox::Sandbox) {
    use chainup_opay::{
        CancelOrderRequest, CreateThirdOrderRequest, MerchantBillingDayRequest, OrderDetailRequest, OrderStatus,
        PayNotification, Payer,
    };
    use sign_core::Decimal;

    let client = sandbox.client().expect("chainup client");
    let amount: Decimal = "12.5".parse().expect("amount");

    let verifying = client.clone();
    let receiver: Receiver<Result<PayNotification, String>> =
        Receiver::start(move |request| match verifying.verify_notification(&request.headers, &request.body) {
            Ok(n) => (HttpResponse::new(200, verifying.notification_reply().to_owned()), Ok(n)),
            Err(e) => (HttpResponse::new(400, "rejected"), Err(e.to_string())),
        });
    let notify = receiver.url("/opay/notify");
    let payer = Payer::UserId("22033390".into());
    let create = |app_order_id: &str| {
        CreateThirdOrderRequest::for_payer(
            payer.clone(),
            app_order_id,
            amount,
            "USDT",
            "https://merchant.example.com/paid",
            notify.as_str(),
        )
        .with_app_key(client.app_key())
    };

    let order_num = client.create_third_order(&create("e2e-chainup-1")).expect("create order").order_num;
    let held = sandbox.order(&order_num).expect("the sandbox holds the order");
    assert_eq!(held.status, OrderStatus::Pending);
    assert_eq!(held.app_order_id, "e2e-chainup-1");
    assert_eq!(held.order_amount, amount);
    assert_eq!(held.user_id.as_deref(), Some("22033390"));

    let delivery = sandbox.pay(&order_num).expect("the sandbox pays and calls back");
    assert!(delivery.acknowledged, "{delivery:?}");
    let notification = receiver.next("chainup notify callback").unwrap_or_else(|e| panic!("callback refused: {e}"));
    assert_eq!(notification.order_num.as_str(), order_num);
    assert_eq!(notification.out_order_id.as_str(), "e2e-chainup-1");
    assert_eq!(notification.order_status, OrderStatus::Paid);
    assert_eq!(notification.pay_amount, amount);

    let detail = client.order_detail(&OrderDetailRequest::new(client.app_key(), order_num.clone())).expect("detail");
    assert_eq!(detail.order_num.as_str(), order_num);
    assert_eq!(detail.order_status, OrderStatus::Paid);
    assert_eq!(detail.order_amount, Some(amount));
    assert_eq!(detail.pay_coin_symbol.as_deref(), Some("USDT"));

    // Today's statement (UTC) lists the paid order.
    let today = time::OffsetDateTime::now_utc().date().to_string();
    let statement = client.merchant_billing_day(&MerchantBillingDayRequest::new().with_day(today)).expect("statement");
    let records = statement.list.unwrap_or_default();
    assert_eq!(records.len(), 1, "{records:?}");
    assert_eq!(records[0].app_order_id.as_deref(), Some("e2e-chainup-1"));
    assert_eq!(records[0].order_amount, Some(amount));

    let second = client.create_third_order(&create("e2e-chainup-2")).expect("second order").order_num;
    assert_ne!(second, order_num);
    client.cancel_order(&CancelOrderRequest::new(second.clone())).expect("cancel");
    let after = client.order_detail(&OrderDetailRequest::new(client.app_key(), second.clone())).expect("detail");
    assert_eq!(after.order_status, OrderStatus::Closed);
    assert_eq!(sandbox.order(&second).map(|o| o.status), Some(OrderStatus::Closed));
    // A closed order can no longer be paid, and the first stays paid.
    assert!(sandbox.pay(&second).is_err());
    assert_eq!(sandbox.order(&order_num).map(|o| o.status), Some(OrderStatus::Paid));
}

/// A parse result with the payload dropped and the error shown.
fn outcome<T, E: std::fmt::Debug>(result: Result<T, E>) -> Result<(), String> {
    result.map(|_| ()).map_err(|e| format!("{e:?}"))
}

/// How a client reads an answer, its payload dropped.
type Parse<'a> = Box<dyn Fn(&HttpResponse) -> Result<(), String> + 'a>;
/// A sandbox's sans-IO entry point.
type Handle<'a> = &'a dyn Fn(&sign_core::HttpRequest) -> HttpResponse;

/// A provider's prepared request with the way its client reads an answer.
struct Probe<'a> {
    provider: &'static str,
    request: sign_core::HttpRequest,
    parse: Parse<'a>,
}

/// Every provider's signed request handed to every other provider's sandbox (sans-IO, through
/// each sandbox's `handle`): the other sandbox refuses it, and the sending client turns that
/// foreign answer (another envelope, an HTML 404, a 401) into a typed error, never a success or a
/// panic. Its own sandbox accepts the same request, so the refusals are not a broken request.
#[test]
fn each_sandbox_refuses_the_other_providers_requests_and_each_client_types_foreign_answers() {
    let visagenius = visagenius::sandbox::Sandbox::start().expect("visagenius sandbox starts");
    let acqra = acqra_gateway::sandbox::Sandbox::start().expect("acqra sandbox starts");
    let vip = vip_charge::sandbox::Sandbox::start().expect("vip-charge sandbox starts");
    let mall = mall_pay::sandbox::Sandbox::start().expect("mall-pay sandbox starts");
    let chainup = chainup_opay::sandbox::Sandbox::start().expect("chainup sandbox starts");

    let vg_client = visagenius.client().expect("client");
    let acqra_client = acqra.client().expect("client");
    let vip_client = vip.client().expect("client");
    let mall_client = mall.client().expect("client");
    let chainup_client = chainup.client().expect("client");

    let vg_request = visagenius::ProductBriefQueryRequest::new();
    let acqra_request = acqra_gateway::CashierOrderRequest::new(
        acqra_gateway::Decimal::from(9),
        acqra_gateway::sign_core::Currency::USD,
        "E2E-X-01",
    );
    let vip_request = vip_charge::ProductListRequest::new(vip.merchant_id());
    let mall_order: mall_pay::OrderPayRequest = mall_pay::PayOrder::new(
        4242,
        1,
        mall_pay::PayWith::points(mall_pay::Points::new(1).expect("points")),
        mall_pay::Freight::Free,
    )
    .expect("order")
    .into();
    let chainup_request = chainup_opay::CreateThirdOrderRequest::for_payer(
        chainup_opay::Payer::UserId("22033390".into()),
        "e2e-x-01",
        sign_core::Decimal::from(2),
        "USDT",
        "https://merchant.example.com/paid",
        "https://merchant.example.com/notify",
    )
    .with_app_key(chainup_client.app_key());

    let probes = [
        Probe {
            provider: "visagenius",
            request: vg_client.prepare(&vg_request).expect("prepare"),
            parse: Box::new(|r| outcome(vg_client.parse::<visagenius::ProductBriefQueryRequest>(r))),
        },
        Probe {
            provider: "acqra",
            request: acqra_client
                .prepare(&acqra_request, acqra_client.access_token().expect("token").token())
                .expect("prepare"),
            parse: Box::new(|r| outcome(acqra_client.parse::<acqra_gateway::CashierOrderRequest>(r))),
        },
        Probe {
            provider: "vip-charge",
            request: vip_client.prepare(&vip_request).expect("prepare"),
            parse: Box::new(|r| outcome(vip_client.parse::<vip_charge::ProductListRequest>(r))),
        },
        Probe {
            provider: "mall-pay",
            request: mall_client.prepare(&mall_order).expect("prepare"),
            parse: Box::new(|r| outcome(mall_client.parse_order_pay(&mall_order, r))),
        },
        Probe {
            provider: "chainup",
            request: chainup_client.prepare(&chainup_request).expect("prepare"),
            parse: Box::new(|r| outcome(chainup_client.parse::<chainup_opay::CreateThirdOrderRequest>(r))),
        },
    ];
    let sandboxes: [(&str, Handle<'_>); 5] = [
        ("visagenius", &|r| visagenius.handle(r)),
        ("acqra", &|r| acqra.handle(r)),
        ("vip-charge", &|r| vip.handle(r)),
        ("mall-pay", &|r| mall.handle(r)),
        ("chainup", &|r| chainup.handle(r)),
    ];

    for probe in &probes {
        for (name, handle) in &sandboxes {
            if *name == probe.provider {
                continue;
            }
            let answer = handle(&probe.request);
            let parsed = (probe.parse)(&answer);
            assert!(parsed.is_err(), "{} read {name}'s answer as a success: {answer:?}", probe.provider);
        }
    }
    // Nothing was created anywhere by the foreign requests...
    assert!(mall.paid_order(4242).is_none());
    assert_eq!(mall.pay_requests(), 0);
    assert_eq!(vip.order_count(), 0);
    // ...and each provider's own sandbox accepts the very same request.
    for (probe, (name, handle)) in probes.iter().zip(&sandboxes) {
        assert_eq!(*name, probe.provider);
        let parsed = (probe.parse)(&handle(&probe.request));
        assert!(parsed.is_ok(), "{name} refused its own client's request: {parsed:?}");
    }
    assert!(mall.paid_order(4242).is_some());
}
