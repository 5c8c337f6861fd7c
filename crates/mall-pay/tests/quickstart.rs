//! The quickstart's own code (`examples/quickstart.rs`), run against the sandbox: one order by
//! WeChat, one by Alipay, one by points, then a token expiring and the retry after logging in,
//! and a payment sent as a form.
#![cfg(feature = "sandbox")]

#[allow(dead_code)]
#[path = "../examples/quickstart.rs"]
mod quickstart;

use mall_pay::sandbox::{STARTING_POINTS, Sandbox};
use mall_pay::{Points, Yuan};

#[test]
fn order_pay_quickstart_flow_runs_against_the_sandbox() {
    let sandbox = Sandbox::start().unwrap();
    let client = sandbox.client().unwrap();
    let plan = quickstart::Plan {
        order_ids: vec![1001, 1002, 1003],
        address_id: 7,
        pay_price: Yuan::parse("0.1").unwrap(),
        pay_integral: Points::new(500).unwrap(),
    };
    let mut out = Vec::new();
    quickstart::run(&mut out, &client, &plan).unwrap();
    let text = String::from_utf8(out).unwrap();
    assert!(text.contains("app receives WeChat params: appid=wx0000sandbox0000"), "{text}");
    assert!(text.contains("app receives an Alipay order string"), "{text}");
    assert!(text.contains("nothing to pay in the app (paid with points)"), "{text}");

    // What the sandbox received, read back from its state: exact digits, right codes.
    let wechat = sandbox.paid_order(1001).unwrap();
    assert_eq!((wechat.pay_method, wechat.pay_price.as_deref(), wechat.pay_integral), (1, Some("0.1"), None));
    let alipay = sandbox.paid_order(1002).unwrap();
    assert_eq!((alipay.pay_method, alipay.freight_mode, alipay.freight_json_arr_key), (2, 2, 1));
    let points = sandbox.paid_order(1003).unwrap();
    assert_eq!((points.pay_method, points.pay_price, points.pay_integral), (3, None, Some(500)));
    assert_eq!(sandbox.points_balance(), STARTING_POINTS - 500);
    assert_eq!(sandbox.pay_requests(), 3);

    // The sandbox-only step: the token expires, the user logs in again, the payment goes through.
    let mut out = Vec::new();
    quickstart::relogin_step(&mut out, &sandbox, &client).unwrap();
    let text = String::from_utf8(out).unwrap();
    assert!(text.contains("token expired (token过期): logging in again"), "{text}");
    assert!(text.contains("app receives an Alipay order string"), "{text}");
    let mixed = sandbox.paid_order(1004).unwrap();
    assert_eq!((mixed.pay_method, mixed.pay_price.as_deref(), mixed.pay_integral), (5, Some("19.9"), Some(100)));
    assert_eq!(sandbox.pay_requests(), 5, "the refused call and the retry");

    // The sandbox-only form step: the same kind of payment as form fields, read by the sandbox.
    let mut out = Vec::new();
    quickstart::form_step(&mut out, &sandbox).unwrap();
    let text = String::from_utf8(out).unwrap();
    assert!(text.contains("as a form: order_id=1005&pay_method=1&pay_price=0.1&address_id=7&freight_mode=1"), "{text}");
    assert!(text.contains("app receives WeChat params"), "{text}");
    assert_eq!(sandbox.paid_order(1005).unwrap().pay_price.as_deref(), Some("0.1"));
}
