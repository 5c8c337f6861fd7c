//! The async client against the sandbox over reqwest: the quickstart flow (the async example's own
//! code), single-flight token refresh under concurrency, and the retry rules.
#![cfg(all(feature = "sandbox", feature = "reqwest"))]

#[allow(dead_code)]
#[path = "../examples/async.rs"]
mod async_example;

use std::sync::Arc;
use std::time::Duration;

use acqra_gateway::sandbox::{Fault, Sandbox, SandboxOptions};
use acqra_gateway::{AsyncClient, Error, FixedClock, PaymentMethodType, QueryRequest, RetryPolicy};

#[tokio::test]
async fn the_async_quickstart_flow_runs_against_the_sandbox() {
    let sandbox = Sandbox::start().unwrap();
    let client = AsyncClient::new(sandbox.config_builder().build().unwrap());
    async_example::run(&client).await.unwrap();
    assert_eq!(sandbox.gateway().tokens_issued(), 1, "one token for the whole flow");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_calls_with_an_expired_token_cause_one_token_request() {
    let clock = Arc::new(FixedClock::from_unix_millis(1_700_000_000_000));
    let options = SandboxOptions::default().with_clock(clock.clone()).with_token_lifetime(Duration::from_secs(600));
    let sandbox = Sandbox::start_with(options).unwrap();
    let client = AsyncClient::new(sandbox.config_builder().build().unwrap()).with_clock(clock.clone());
    let first = client.access_token().await.unwrap();
    assert_eq!(sandbox.gateway().tokens_issued(), 1);

    // The token expires (for the client and the gateway alike); the next token request is held
    // back so that every call below finds it in flight.
    clock.advance(Duration::from_secs(601));
    sandbox.faults().on_path("/gateway/v1/connect/token", Fault::Delay(Duration::from_millis(300)));
    let calls: Vec<_> = (0..16)
        .map(|i| {
            let client = client.clone();
            tokio::spawn(async move {
                let query = QueryRequest::new(PaymentMethodType::Card).with_trade_no(format!("T-none-{i}"));
                client.query(&query).await
            })
        })
        .collect();
    for call in calls {
        match call.await.unwrap() {
            // The trade is unknown: the gateway's refusal, after the token was accepted.
            Ok(_) | Err(Error::Api { .. }) => {}
            Err(e) => panic!("the call did not get through with the fresh token: {e:?}"),
        }
    }
    assert_eq!(sandbox.gateway().tokens_issued(), 2, "sixteen calls, one token request");
    assert_ne!(client.access_token().await.unwrap().id(), first.id());
}

#[tokio::test]
async fn a_refused_token_request_is_shared_and_not_sent_and_a_5xx_query_is_repeated() {
    let sandbox = Sandbox::start().unwrap();
    let fast = RetryPolicy::new(2, Duration::from_millis(5), Duration::from_millis(20));
    let client = AsyncClient::new(sandbox.config_builder().retry(fast).build().unwrap());

    // The token request is not idempotent: a 503 is not repeated, and the call is not sent.
    sandbox.faults().on_path("/gateway/v1/connect/token", Fault::Status(503));
    let err = client.query(&QueryRequest::new(PaymentMethodType::Card).with_trade_no("T-1")).await.unwrap_err();
    assert!(matches!(err, Error::TokenRequest { .. }), "{err:?}");
    assert!(err.outcome().is_not_sent(), "{err:?}");

    // A query answered 503 is repeated (it is idempotent), with the same token.
    sandbox.faults().on_path("/gateway/v1/query", Fault::Status(503));
    let answer = client.query(&QueryRequest::new(PaymentMethodType::Card).with_trade_no("T-1")).await;
    assert!(!matches!(answer, Err(Error::HttpStatus { .. })), "{answer:?}");
    assert_eq!(sandbox.gateway().tokens_issued(), 1);
}
