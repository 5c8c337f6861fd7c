//! The async client against the sandbox over reqwest: the quickstart flow (the async example's
//! own code) prints the blocking quickstart's steps, and a payment is never sent twice.
#![cfg(all(feature = "sandbox", feature = "reqwest"))]

#[allow(dead_code)]
#[path = "../examples/async.rs"]
mod async_example;

use std::time::Duration;

use mall_pay::sandbox::{Fault, Sandbox};
use mall_pay::{AsyncClient, Error, Freight, PayOrder, PayWith, RetryPolicy, Yuan};

use async_example::quickstart;

/// The step lines of a run (the first line names the server, which differs per sandbox).
fn steps(out: &[u8]) -> Vec<String> {
    String::from_utf8_lossy(out).lines().filter(|l| l.starts_with("- ")).map(str::to_owned).collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_async_quickstart_prints_the_blocking_quickstarts_steps() {
    let mut async_out = Vec::new();
    async_example::flow(&mut async_out).await.unwrap();

    let sandbox = Sandbox::start().unwrap();
    let client = sandbox.client().unwrap();
    let mut blocking_out = Vec::new();
    tokio::task::block_in_place(|| {
        quickstart::run(&mut blocking_out, &client, &quickstart::sandbox_plan().unwrap()).unwrap();
    });
    let blocking = steps(&blocking_out);
    assert_eq!(blocking.len(), 3, "{blocking:?}");
    assert_eq!(steps(&async_out)[..3], blocking[..], "{}", String::from_utf8_lossy(&async_out));
    assert!(String::from_utf8_lossy(&async_out).contains("token expired"), "the sandbox-only steps ran too");
}

#[tokio::test]
async fn a_payment_answered_5xx_is_not_repeated() {
    let sandbox = Sandbox::start().unwrap();
    let fast = RetryPolicy::new(3, Duration::from_millis(5), Duration::from_millis(20));
    let client = AsyncClient::new(sandbox.config_builder().retry(fast).build().unwrap());
    let order = PayOrder::new(1001, 7, PayWith::wechat(Yuan::parse("0.1").unwrap()), Freight::Free).unwrap();

    sandbox.faults().on_path(Sandbox::PAY_PATH, Fault::LoseAnswer);
    let err = client.order_pay(&order.into()).await.unwrap_err();
    assert!(err.outcome_unknown(), "{err:?}");
    assert_eq!(sandbox.pay_requests(), 1, "processed once, not repeated");

    sandbox.faults().on_path(Sandbox::PAY_PATH, Fault::Status(503));
    let err = client.order_pay(&order.into()).await.unwrap_err();
    assert!(matches!(err, Error::HttpStatus { status: 503 }), "{err:?}");
}
