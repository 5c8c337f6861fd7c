//! The quickstart example's own code against the sandbox: it runs the flow, in order, and
//! every step succeeds.
#![cfg(feature = "sandbox")]

#[allow(dead_code)]
#[path = "../examples/quickstart.rs"]
mod quickstart;

use std::sync::{Arc, Mutex};

use acqra_gateway::Client;
use acqra_gateway::sandbox::{Sandbox, SandboxOptions};
use sign_core::{HttpRequest, HttpResponse, Transport, TransportError};

/// Answers with the sandbox (in process) and records each request's path and the `respCode`
/// the gateway answered.
struct Recording {
    sandbox: Sandbox,
    log: Mutex<Vec<(String, String)>>,
}

impl Transport for Recording {
    fn send(&self, request: &HttpRequest) -> Result<HttpResponse, TransportError> {
        let response = self.sandbox.handle(request);
        let code = serde_json::from_slice::<serde_json::Value>(&response.body)
            .ok()
            .map(|v| v.get("respCode").map_or("(none)".to_owned(), |c| c.as_str().unwrap_or("?").to_owned()))
            .unwrap_or_default();
        self.log.lock().unwrap().push((request.path().to_owned(), code));
        Ok(response)
    }
}

#[test]
fn quickstart_runs_the_main_flow_in_order_and_every_step_succeeds() {
    // With the variants, so that the quickstart's code meets the shapes a real gateway may send.
    let sandbox = Sandbox::start_with(SandboxOptions::default().variant_shapes(true)).unwrap();
    let config = sandbox.config_builder().build().unwrap();
    let recording = Arc::new(Recording { sandbox, log: Mutex::new(Vec::new()) });
    let client = Client::with_transport(config, recording.clone());

    quickstart::run(&client).unwrap();

    let log = recording.log.lock().unwrap().clone();
    let paths: Vec<&str> = log.iter().map(|(p, _)| p.as_str()).collect();
    assert_eq!(
        paths,
        [
            "/gateway/v1/connect/token",
            "/gateway/v1/cashier/order",
            "/gateway/v1/payment",
            "/gateway/v1/capture",
            "/gateway/v1/query",
            "/gateway/v1/refund",
            "/gateway/v1/refundQuery",
        ]
    );
    // The capture's answer carries no respCode (optional in its schema): a success all the same.
    let codes: Vec<&str> = log.iter().map(|(_, c)| c.as_str()).collect();
    assert_eq!(codes, ["0000", "0000", "0000", "(none)", "0000", "0000", "0000"], "{log:?}");
    // One token serves the whole flow.
    assert_eq!(recording.sandbox.gateway().tokens_issued(), 1);
}
