//! The async client against the sandbox over reqwest: the quickstart flow (the async example's
//! own code) prints the blocking quickstart's steps, and failed sends are repeated by the same rules.
#![cfg(all(feature = "sandbox", feature = "reqwest"))]

#[allow(dead_code)]
#[path = "../examples/async.rs"]
mod async_example;

use std::time::Duration;

use visagenius::sandbox::{Fault, SANDBOX_ORDER_AMOUNT, SANDBOX_ORDER_ID, Sandbox};
use visagenius::{AsyncClient, Error, OrderPayRequest, ProductQueryRequest, RetryPolicy};

use async_example::quickstart;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_async_quickstart_prints_the_blocking_quickstarts_steps() {
    let env = |_: &str| None;
    let blocking = quickstart::target(env).unwrap();
    let mut blocking_out = Vec::new();
    tokio::task::block_in_place(|| quickstart::run(&blocking, &mut blocking_out)).unwrap();

    let target = quickstart::target(env).unwrap();
    let mut async_out = Vec::new();
    async_example::run(&target, &mut async_out).await.unwrap();
    assert!(target.sandbox.as_ref().unwrap().order(SANDBOX_ORDER_ID).is_some_and(|o| o.paid));

    // The same lines but the first (each ran against its own sandbox, on its own port).
    let lines =
        |out: &[u8]| String::from_utf8(out.to_vec()).unwrap().lines().skip(1).map(str::to_owned).collect::<Vec<_>>();
    assert_eq!(lines(&async_out), lines(&blocking_out));
    assert!(lines(&async_out).iter().any(|l| l.starts_with("3. order_pay")), "{:?}", lines(&async_out));
}

#[tokio::test]
async fn a_5xx_is_repeated_for_a_query_and_never_for_a_payment() {
    let sandbox = Sandbox::start().unwrap();
    let config = sandbox
        .config_builder()
        .retry(RetryPolicy::new(2, Duration::from_millis(5), Duration::from_millis(20)))
        .build()
        .unwrap();
    let client = AsyncClient::new(config);

    sandbox.faults().on_path("/openvisa/product_query", Fault::Status(503));
    let detail = client.product_query(&ProductQueryRequest::new(10106)).await.unwrap();
    assert_eq!(detail.product_id, 10106, "the query was repeated after the 503");

    sandbox.faults().on_path("/openvisa/order_pay", Fault::Status(503));
    let pay = OrderPayRequest::new(SANDBOX_ORDER_ID, SANDBOX_ORDER_AMOUNT);
    let err = client.order_pay(&pay).await.unwrap_err();
    assert!(matches!(err, Error::HttpStatus { status: 503 }), "{err:?}");
    assert!(err.outcome_unknown());
    assert!(!sandbox.order(SANDBOX_ORDER_ID).unwrap().paid, "the payment was not repeated");

    sandbox.faults().on_path("/openvisa/order_pay", Fault::LoseAnswer);
    let err = client.order_pay(&pay).await.unwrap_err();
    assert!(err.outcome_unknown(), "{err:?}");
    assert!(sandbox.order(SANDBOX_ORDER_ID).unwrap().paid, "processed once, its answer lost");
    // Paying again is refused: the lost answer was not followed by a second payment.
    assert!(matches!(client.order_pay(&pay).await, Err(Error::Api { .. })));
}

#[tokio::test]
async fn a_refused_connection_is_not_sent() {
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let sandbox = Sandbox::start().unwrap();
    let config = sandbox.config_builder().base_url(format!("http://127.0.0.1:{port}")).retry(RetryPolicy::none());
    let client = AsyncClient::new(config.build().unwrap());
    let err = client.order_pay(&OrderPayRequest::new(SANDBOX_ORDER_ID, SANDBOX_ORDER_AMOUNT)).await.unwrap_err();
    assert!(err.outcome().is_not_sent(), "{err:?}");
}
