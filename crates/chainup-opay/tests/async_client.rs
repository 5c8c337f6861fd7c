//! The async client against the sandbox over reqwest: the quickstart flow (the async example's
//! own code, the sandbox's payment and its verified callback included) prints the blocking
//! quickstart's steps, and failed sends are repeated by the same rules.
#![cfg(all(feature = "sandbox", feature = "reqwest"))]

#[allow(dead_code)]
#[path = "../examples/async.rs"]
mod async_example;

use std::time::Duration;

use chainup_opay::sandbox::{Fault, Sandbox};
use chainup_opay::{AsyncClient, Endpoint, Error, OrderDetailRequest, RetryPolicy};

use async_example::quickstart;

/// Each line's step number and first words (order numbers and ports differ between runs).
fn steps(out: &[u8]) -> Vec<String> {
    String::from_utf8_lossy(out)
        .lines()
        .filter(|l| l.starts_with(|c: char| c.is_ascii_digit()))
        .map(|l| l.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_async_quickstart_prints_the_blocking_quickstarts_steps() {
    let none = |_: &str| None;
    let mut async_out = Vec::new();
    async_example::run(&none, &mut async_out).await.unwrap();
    let mut blocking_out = Vec::new();
    tokio::task::block_in_place(|| quickstart::run(&none, &mut blocking_out)).unwrap();
    let text = String::from_utf8_lossy(&async_out);
    assert_eq!(steps(&async_out), steps(&blocking_out), "{text}");
    assert_eq!(steps(&async_out).len(), 6, "{text}");
    assert!(
        text.contains("3. Sandbox paid it; callback verified") && text.contains("cancelled it: now Closed"),
        "{text}"
    );
}

#[tokio::test]
async fn a_5xx_query_is_repeated_and_a_refused_connection_is_not_sent() {
    let sandbox = tokio::task::spawn_blocking(Sandbox::start).await.unwrap().unwrap();
    let fast = RetryPolicy::new(2, Duration::from_millis(5), Duration::from_millis(20));
    let client = AsyncClient::new(sandbox.config_builder().retry(fast).build().unwrap());
    let app_key = client.sans_io().app_key().to_owned();
    sandbox.faults().on_path(OrderDetailRequest::PATH, Fault::Status(503));
    let answer = client.order_detail(&OrderDetailRequest::new(app_key.as_str(), "no-such-order")).await;
    // Repeated past the 503: the answer is the platform's own (an unknown order), not the status.
    assert!(!matches!(answer, Err(Error::HttpStatus { .. })), "{answer:?}");

    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let config = sandbox.config_builder().base_url(format!("http://127.0.0.1:{port}")).retry(RetryPolicy::none());
    let offline = AsyncClient::new(config.build().unwrap());
    let err = offline.order_detail(&OrderDetailRequest::new(app_key.as_str(), "x")).await.unwrap_err();
    assert!(err.outcome().is_not_sent(), "{err:?}");
}
