//! Each provider's `Client` shared by eight threads: every thread creates one payment under its
//! own order / business id and reads it back with an idempotent query. Afterwards the sandbox
//! holds exactly eight payments per provider: no request was lost and none was sent twice (the
//! transport may retry only idempotent requests, and these run side by side over real sockets).

mod common;

use std::sync::Barrier;

use common::Receiver;
use sign_core::HttpResponse;

const THREADS: usize = 8;

/// Compiles only if `T` can be shared and sent between threads and cloned cheaply into them.
fn assert_send_sync<T: Send + Sync + Clone>() {}

#[test]
fn every_client_is_send_sync_and_clone() {
    assert_send_sync::<visagenius::Client>();
    assert_send_sync::<acqra_gateway::Client>();
    assert_send_sync::<vip_charge::Client>();
    assert_send_sync::<mall_pay::Client>();
    assert_send_sync::<chainup_opay::Client>();
}

/// Runs `work(i, client)` on `THREADS` threads, each with its own clone of `client`, all
/// released at once, and returns the results in thread order.
fn on_threads<C, R>(client: &C, work: impl Fn(usize, C) -> R + Sync) -> Vec<R>
where
    C: Send + Sync + Clone,
    R: Send,
{
    let start = Barrier::new(THREADS);
    std::thread::scope(|s| {
        let handles: Vec<_> = (0..THREADS)
            .map(|i| {
                let (client, start, work) = (client.clone(), &start, &work);
                s.spawn(move || {
                    start.wait();
                    work(i, client)
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().expect("a worker thread panicked")).collect()
    })
}

#[test]
fn visagenius_pays_eight_orders_from_eight_threads() {
    use visagenius::sandbox::{SANDBOX_ORDER_ID, SANDBOX_ORDER_WITH_ADDRESS_ID, Sandbox};
    use visagenius::{Fen, OrderPayRequest, ProductQueryRequest};

    let sandbox = Sandbox::start().expect("sandbox");
    let order_id = |i: usize| 7_000_000_000 + i as i64;
    let amount = |i: usize| Fen(100 * (i as i64 + 1));
    for i in 0..THREADS {
        sandbox.add_order(order_id(i), amount(i));
    }
    let client = sandbox.client().expect("client");

    let results = on_threads(&client, |i, client| {
        let paid = client.order_pay(&OrderPayRequest::new(order_id(i), amount(i)));
        let detail = client.product_query(&ProductQueryRequest::new(10106));
        (paid, detail)
    });
    for (i, (paid, detail)) in results.into_iter().enumerate() {
        paid.unwrap_or_else(|e| panic!("thread {i}: order_pay failed: {e:?}"));
        assert_eq!(detail.unwrap_or_else(|e| panic!("thread {i}: product_query failed: {e:?}")).product_id, 10106);
    }

    // The sandbox has no list of payments; the orders' state is the count. A request sent twice
    // would have been refused as "already paid" and failed its thread above.
    let paid: Vec<i64> =
        (0..THREADS).filter_map(|i| sandbox.order(order_id(i))).filter(|o| o.paid).map(|o| o.order_id).collect();
    assert_eq!(paid.len(), THREADS, "paid: {paid:?}");
    // Nobody else's order was touched.
    for id in [SANDBOX_ORDER_ID, SANDBOX_ORDER_WITH_ADDRESS_ID] {
        assert!(!sandbox.order(id).expect("preset order").paid, "order {id} was paid");
    }
}

#[test]
fn acqra_makes_eight_payments_from_eight_threads_with_one_token() {
    use acqra_gateway::sandbox::{APPROVED_CARD, Sandbox, codes};
    use acqra_gateway::{
        Address, Billing, Browser, CaptureMethod, Card, Decimal, DeviceInfo, OrderStatus, PaymentMethodType,
        PaymentRequest, QueryRequest,
    };

    let sandbox = Sandbox::start().expect("sandbox");
    let client = sandbox.client().expect("client");
    assert_eq!(sandbox.gateway().tokens_issued(), 0);

    let order_no = |i: usize| format!("E2E-CONC-{i:02}");
    let amount = |i: usize| Decimal::from(i as i64 + 1);
    let payment = |i: usize| {
        let card = Card::new(APPROVED_CARD, "12", "2030", "Jane", "Doe")
            .with_cvc("737")
            .with_capture_method(CaptureMethod::Manual);
        let device = DeviceInfo::new(Browser::new("paykit-e2e"), "127.0.0.1", "en-US");
        let billing = Billing::new(Address::new("Seattle", "US", "1 Main St", "98102", "WA"));
        PaymentRequest::new(
            amount(i),
            acqra_gateway::sign_core::Currency::USD,
            device,
            order_no(i).as_str(),
            PaymentMethodType::Card,
        )
        .with_card(card)
        .with_billing(billing)
    };
    let query = |no: &str| QueryRequest::new(PaymentMethodType::Card).with_order_no(no);

    // A fresh client: all eight threads need a token at the same moment.
    let results = on_threads(&client, |i, client| {
        let paid = client.payment(&payment(i));
        let queried = client.query(&query(&order_no(i)));
        (paid, queried)
    });
    let mut trade_nos = Vec::new();
    for (i, (paid, queried)) in results.into_iter().enumerate() {
        let paid = paid.unwrap_or_else(|e| panic!("thread {i}: payment failed: {e:?}"));
        assert_eq!(paid.amount, amount(i));
        assert_eq!(paid.order_status, Some(OrderStatus::Authorized));
        let order = queried.unwrap_or_else(|e| panic!("thread {i}: query failed: {e:?}")).order.expect("order");
        assert_eq!(order.trade_no.as_deref(), Some(paid.trade_no.as_str()));
        assert_eq!(order.order_status, Some(OrderStatus::Authorized));
        trade_nos.push(paid.trade_no);
    }
    assert_eq!(sandbox.gateway().tokens_issued(), 1, "the eight threads fetched more than one token");

    // Counted through the query endpoint (the sandbox has no payment list): each order number is
    // held exactly once (a second payment under it is refused as a duplicate), eight distinct
    // trades, and nothing under a ninth number.
    trade_nos.sort();
    trade_nos.dedup();
    assert_eq!(trade_nos.len(), THREADS);
    for i in 0..THREADS {
        let dup = client.payment(&payment(i)).expect_err("a second payment under the same orderNo");
        assert_eq!(dup.api_code(), Some(codes::DUPLICATE), "{dup:?}");
    }
    let ninth = client.query(&query(&order_no(THREADS))).expect_err("no ninth payment");
    assert_eq!(ninth.api_code(), Some(codes::NOT_FOUND), "{ninth:?}");
    assert_eq!(sandbox.gateway().tokens_issued(), 1);
}

#[test]
fn vip_charge_places_eight_orders_from_eight_threads() {
    use vip_charge::sandbox::Sandbox;
    use vip_charge::{Error, OrderInfoRequest, VipChargeRequest};

    let sandbox = Sandbox::start().expect("sandbox");
    let start_balance = sandbox.balance().value();
    let client = sandbox.client().expect("client");
    let biz_code = |i: usize| format!("E2E-CONC-{i:02}");
    let request = |i: usize| {
        VipChargeRequest::new(
            sandbox.merchant_id(),
            sandbox.business_id(),
            "87104",
            format!("account-{i}"),
            biz_code(i),
        )
    };

    let results = on_threads(&client, |i, client| {
        let order = client.vip_charge(&request(i));
        let info = client.order_info(&OrderInfoRequest::by_biz_code(biz_code(i)));
        (order, info)
    });
    let mut order_codes = Vec::new();
    for (i, (order, info)) in results.into_iter().enumerate() {
        let order = order.unwrap_or_else(|e| panic!("thread {i}: charge failed: {e:?}"));
        let info = info.unwrap_or_else(|e| panic!("thread {i}: order info failed: {e:?}"));
        assert_eq!(info.order_code.as_deref(), Some(order.order_code.as_str()));
        assert_eq!(info.account.as_deref(), Some(format!("account-{i}").as_str()));
        order_codes.push(order.order_code);
    }
    order_codes.sort();
    order_codes.dedup();
    assert_eq!(order_codes.len(), THREADS);

    assert_eq!(sandbox.order_count(), THREADS);
    // Product 87104 costs 54.80: debited exactly eight times.
    let price = sign_core::DecimalNumber::from_minor(5480, 2).value();
    assert_eq!(sandbox.balance().value(), start_balance - price * sign_core::decimal::rust_decimal::Decimal::from(8));
    // Each bizCode is taken once.
    let dup = client.vip_charge(&request(0)).expect_err("a duplicate bizCode");
    assert!(matches!(dup, Error::Api { .. }), "{dup:?}");
    assert_eq!(sandbox.order_count(), THREADS);
}

#[test]
fn mall_pay_pays_eight_orders_from_eight_threads() {
    use mall_pay::sandbox::{STARTING_POINTS, Sandbox};
    use mall_pay::{Freight, PayOrder, PayParam, PayWith, Points};

    let sandbox = Sandbox::start().expect("sandbox");
    let client = sandbox.client().expect("client");
    let order_id = |i: usize| 5001 + i as i64;
    let points = |i: usize| 10 * (i as i64 + 1);

    // The mall has no query endpoint (only "pay now"), so each thread only pays; the sandbox's
    // state is the count.
    let results = on_threads(&client, |i, client| {
        let order = PayOrder::new(order_id(i), 9, PayWith::points(Points::new(points(i))?), Freight::Free)?;
        client.order_pay(&order.into())
    });
    for (i, paid) in results.into_iter().enumerate() {
        let paid = paid.unwrap_or_else(|e| panic!("thread {i}: payment failed: {e:?}"));
        assert_eq!(paid.pay_param, PayParam::Empty);
        let recorded = sandbox.paid_order(order_id(i)).expect("the order is paid");
        assert_eq!(recorded.pay_integral, Some(points(i)));
    }
    assert_eq!(sandbox.pay_requests(), THREADS, "requests lost or sent twice");
    let spent: i64 = (0..THREADS).map(points).sum();
    assert_eq!(sandbox.points_balance(), STARTING_POINTS - spent);
    assert!(sandbox.paid_order(order_id(THREADS)).is_none());
}

#[test]
fn chainup_creates_eight_orders_from_eight_threads() {
    use chainup_opay::sandbox::Sandbox;
    use chainup_opay::{
        CreateThirdOrderRequest, Error, MerchantBillingDayRequest, OrderDetailRequest, OrderStatus, Payer,
    };
    use sign_core::Decimal;

    let sandbox = Sandbox::start().expect("sandbox");
    let client = sandbox.client().expect("client");
    let verifying = client.clone();
    let receiver: Receiver<bool> = Receiver::start(move |request| {
        let ok = verifying.verify_notification(&request.headers, &request.body).is_ok();
        let reply = if ok { verifying.notification_reply() } else { "rejected" };
        (HttpResponse::new(if ok { 200 } else { 400 }, reply.to_owned()), ok)
    });
    let notify = receiver.url("/notify");
    let app_order_id = |i: usize| format!("e2e-conc-{i:02}");
    let amount = |i: usize| Decimal::from(i as i64 + 1);
    let create = |i: usize| {
        CreateThirdOrderRequest::for_payer(
            Payer::UserId("22033390".into()),
            app_order_id(i),
            amount(i),
            "USDT",
            "https://merchant.example.com/paid",
            notify.as_str(),
        )
        .with_app_key(client.app_key())
    };

    let results = on_threads(&client, |i, client| {
        let created = client.create_third_order(&create(i))?;
        let detail = client.order_detail(&OrderDetailRequest::new(client.app_key(), created.order_num.clone()))?;
        Ok::<_, Error>((created.order_num, detail))
    });
    let mut order_nums = Vec::new();
    for (i, result) in results.into_iter().enumerate() {
        let (order_num, detail) = result.unwrap_or_else(|e| panic!("thread {i}: {e:?}"));
        assert_eq!(detail.order_status, OrderStatus::Pending);
        assert_eq!(detail.order_amount, Some(amount(i)));
        assert_eq!(detail.app_order_id.as_deref(), Some(app_order_id(i).as_str()));
        order_nums.push(order_num);
    }
    let mut distinct = order_nums.clone();
    distinct.sort();
    distinct.dedup();
    assert_eq!(distinct.len(), THREADS);

    // Each merchant order id is held once: creating it again is refused.
    for i in 0..THREADS {
        match client.create_third_order(&create(i)) {
            Err(Error::Api { code, .. }) => assert_eq!(code, "1007"),
            other => panic!("a second order under {}: {other:?}", app_order_id(i)),
        }
    }
    // Counted through the statement endpoint: pay all eight, and today's statement lists exactly
    // those eight.
    for num in &order_nums {
        assert!(sandbox.pay(num).expect("pay").acknowledged);
        assert!(receiver.next("chainup notify callback"), "a callback failed verification");
    }
    let today = time::OffsetDateTime::now_utc().date().to_string();
    let statement = client.merchant_billing_day(&MerchantBillingDayRequest::new().with_day(today)).expect("statement");
    let mut listed: Vec<String> = statement
        .list
        .unwrap_or_default()
        .iter()
        .filter_map(|r| r.app_order_id.as_ref().map(|s| s.to_string()))
        .collect();
    listed.sort();
    assert_eq!(listed, (0..THREADS).map(app_order_id).collect::<Vec<_>>());
}
