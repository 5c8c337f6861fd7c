//! The async client against the sandbox over reqwest: the quickstart flow (the async example's own
//! code, status callback included), and the retry rules.
#![cfg(all(feature = "sandbox", feature = "reqwest"))]

#[allow(dead_code)]
#[path = "../examples/async.rs"]
mod async_example;

use std::time::Duration;

use vip_charge::sandbox::{Fault, Sandbox};
use vip_charge::{AsyncClient, Endpoint, Error, ProductListRequest, RetryPolicy, SignType};

const PRODUCT_LIST_PATH: &str = ProductListRequest::PATH;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_async_quickstart_flow_runs_with_both_sign_types() {
    for sign_type in [SignType::Md5, SignType::Sha256Rsa] {
        let outcome = async_example::run_sandbox(sign_type).await.unwrap();
        let callback = outcome.callback.unwrap();
        assert_eq!(callback.notification.order_code, outcome.order.order_code, "{sign_type}");
        assert_eq!(callback.raw["status"], "SUCCESS");
    }
}

#[tokio::test]
async fn a_5xx_query_is_repeated() {
    let sandbox = Sandbox::start().unwrap();
    let fast = RetryPolicy::new(2, Duration::from_millis(5), Duration::from_millis(20));
    let client = AsyncClient::new(sandbox.config_builder().retry(fast).build().unwrap());
    sandbox.faults().on_path(PRODUCT_LIST_PATH, Fault::Status(503));
    let products = client.product_list(&ProductListRequest::new(sandbox.merchant_id())).await.unwrap();
    assert!(!products.products.is_empty(), "answered after the repeat");

    let none = AsyncClient::new(sandbox.config_builder().retry(RetryPolicy::none()).build().unwrap());
    sandbox.faults().on_path(PRODUCT_LIST_PATH, Fault::Status(503));
    let err = none.product_list(&ProductListRequest::new(sandbox.merchant_id())).await.unwrap_err();
    assert!(matches!(err, Error::HttpStatus { status: 503 }), "{err:?}");
}
