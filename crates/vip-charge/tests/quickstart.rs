//! The quickstart's own code, run against the sandbox with both sign types.
#![cfg(feature = "sandbox")]

#[allow(dead_code)]
#[path = "../examples/quickstart.rs"]
mod quickstart;

use vip_charge::SignType;

#[test]
fn quickstart_flow_md5() {
    let outcome = quickstart::run_sandbox(SignType::Md5).unwrap();
    let callback = outcome.callback.unwrap();
    assert_eq!(callback.notification.order_code, outcome.order.order_code);
    assert_eq!(callback.raw["status"], "SUCCESS");
}

#[test]
fn quickstart_flow_rsa() {
    let outcome = quickstart::run_sandbox(SignType::Sha256Rsa).unwrap();
    assert_eq!(outcome.callback.unwrap().notification.order_code, outcome.order.order_code);
}
