//! `--state FILE`: the orders survive a restart (SIGTERM, then a new process on the same file).

mod common;

use common::*;
use serde_json::Value;

#[cfg(unix)]
#[test]
fn a_restart_keeps_the_orders() {
    let dir = ScratchDir::new("state");
    std::fs::create_dir_all(&*dir).unwrap();
    let file = dir.join("state.json");
    let start = || Running::serving(&["--all"], &dir, &["--state", file.to_str().unwrap()]);

    let first = start();
    assert!(first.out.lines().iter().any(|l| l == &format!("# state kept in {}", file.display())));
    // visagenius: an order paid through the API; acqra: a checkout session; chainup: an order
    // created, then paid from the admin interface; mall-pay: an order paid with points.
    let vg_client = first.visagenius_client();
    let order_id: i64 = first.var("VISAGENIUS_ORDER_ID").parse().unwrap();
    let amount = visagenius::Fen::new(first.var("VISAGENIUS_PAY_AMOUNT").parse().unwrap());
    vg_client.order_pay(&visagenius::OrderPayRequest::new(order_id, amount)).unwrap();

    let acqra_client = first.acqra_client();
    let session = acqra_gateway::CashierOrderRequest::new(
        "9.99".parse::<acqra_gateway::Decimal>().unwrap(),
        acqra_gateway::Currency::USD,
        "CS-STATE-1",
    );
    acqra_client.cashier_order(&session).unwrap();

    let mall = mall_pay::Client::new(
        mall_pay::Config::builder()
            .base_url(first.var("MALLPAY_BASE_URL"))
            .pay_path(first.var("MALLPAY_PAY_PATH"))
            .token(first.var("MALLPAY_TOKEN"))
            .build()
            .unwrap(),
    );
    let points = mall_pay::PayOrder::new(
        4242,
        7,
        mall_pay::PayWith::points(mall_pay::Points::new(500).unwrap()),
        mall_pay::Freight::Free,
    )
    .unwrap();
    mall.order_pay(&points.into()).unwrap();

    let chainup = first.var("CHAINUP_BASE_URL");
    let chainup_client = first.chainup_client();
    let order = chainup_opay::CreateThirdOrderRequest::for_payer(
        chainup_opay::Payer::UserId("22033390".into()),
        "state-1",
        "3".parse::<chainup_opay::Decimal>().unwrap(),
        "USDT",
        "https://merchant.example.com/paid",
        "http://127.0.0.1:9/notify",
    );
    let order_num = chainup_client.create_third_order(&order).unwrap().order_num;
    let (status, _) = post(&format!("{chainup}/__sandbox/orders/{order_num}/closed"), "application/json", "");
    assert_eq!(status, 200);
    let (exit, _) = first.terminate();
    assert!(exit.success());

    let second = start();
    assert!(second.out.lines().iter().any(|l| l.ends_with("(restored)")));
    let orders = |base: &str| -> Value { serde_json::from_str(&get(&format!("{base}/__sandbox/orders")).1).unwrap() };
    let vg_orders = orders(&second.var("VISAGENIUS_BASE_URL"));
    let paid = vg_orders.as_array().unwrap().iter().find(|o| o["order_id"] == order_id).unwrap();
    assert_eq!(paid["paid"], true, "{vg_orders}");
    let acqra_orders = orders(&second.var("ACQRA_BASE_URL"));
    assert_eq!(acqra_orders[0]["orderNo"], "CS-STATE-1");
    assert_eq!(acqra_orders[0]["amount"], "9.99");
    assert_eq!(acqra_orders[0]["orderStatus"], "pending");
    let mall_orders = orders(&second.var("MALLPAY_BASE_URL"));
    assert_eq!(mall_orders["paid"][0]["order_id"], 4242);
    assert_eq!(mall_orders["points_balance"], mall_pay::sandbox::STARTING_POINTS - 500);
    let chainup_orders = orders(&second.var("CHAINUP_BASE_URL"));
    assert_eq!(chainup_orders[0]["orderNum"], order_num.as_str());
    assert_eq!(chainup_orders[0]["status"], "Closed");
    // The next chainup order gets a new number, not one already used.
    assert_eq!(
        serde_json::from_str::<Value>(&std::fs::read_to_string(&file).unwrap()).unwrap()["chainup-opay"]["next_order_num"],
        10_000_000_002u64
    );
    drop(second);
}
