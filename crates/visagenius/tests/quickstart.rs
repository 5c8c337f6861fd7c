//! The quickstart example's own code: against its own sandbox with no environment, and against a
//! sandbox given through the `VISAGENIUS_*` variables as if it were a real server.
#![cfg(feature = "sandbox")]

#[allow(dead_code)]
#[path = "../examples/quickstart.rs"]
mod quickstart;

use std::collections::HashMap;

use visagenius::Fen;
use visagenius::sandbox::{SANDBOX_ACCESS_KEY, SANDBOX_APPID, SANDBOX_ORDER_ID, SANDBOX_SECRET_KEY, Sandbox};

/// Runs the example's flow with `env` as its whole environment: its output, or its error.
fn run(env: &HashMap<&str, String>) -> (Result<(), String>, String) {
    let mut out = Vec::new();
    let result = quickstart::target(|name| env.get(name).cloned())
        .and_then(|target| {
            let result = quickstart::run(&target, &mut out);
            if let Some(sandbox) = &target.sandbox {
                assert!(sandbox.order(SANDBOX_ORDER_ID).is_some_and(|o| o.paid), "the sandbox order is paid");
            }
            result
        })
        .map_err(|e| e.to_string());
    (result, String::from_utf8(out).unwrap())
}

#[test]
fn quickstart_runs_against_its_own_sandbox() {
    let (result, stdout) = run(&HashMap::new());
    assert_eq!(result, Ok(()), "{stdout}");
    assert!(stdout.contains("local sandbox"), "{stdout}");
    assert!(stdout.contains("1. product_brief_query"), "{stdout}");
    assert!(stdout.contains("2. product_query"), "{stdout}");
    assert!(stdout.contains("3. order_pay"), "{stdout}");
    // The sandbox answers the quickstart's order with the supplier's address.
    assert!(stdout.contains("paid; send the documents to 周建成"), "{stdout}");
    assert!(stdout.contains("东外斜街甲4号"), "{stdout}");
}

#[test]
fn quickstart_runs_against_a_configured_server_and_fails_loudly() {
    let sandbox = Sandbox::start().unwrap();
    sandbox.add_order(555, Fen(36900));
    let env = |amount: &str| {
        HashMap::from([
            ("VISAGENIUS_BASE_URL", sandbox.base_url().to_owned()),
            ("VISAGENIUS_APPID", SANDBOX_APPID.to_owned()),
            ("VISAGENIUS_ACCESS_KEY", SANDBOX_ACCESS_KEY.to_owned()),
            ("VISAGENIUS_SECRET_KEY", SANDBOX_SECRET_KEY.to_owned()),
            ("VISAGENIUS_ORDER_ID", "555".to_owned()),
            ("VISAGENIUS_PAY_AMOUNT", amount.to_owned()),
        ])
    };
    // A wrong amount: the provider refuses, the flow fails with the provider's error.
    let (result, _) = run(&env("100"));
    let error = result.unwrap_err();
    assert!(error.contains("ret=-1"), "{error}");
    assert!(!sandbox.order(555).unwrap().paid);

    let (result, stdout) = run(&env("36900"));
    assert_eq!(result, Ok(()), "{stdout}");
    assert!(stdout.contains(sandbox.base_url()), "{stdout}");
    assert!(sandbox.order(555).unwrap().paid);
    // Credentials never appear in the output.
    assert!(!stdout.contains(SANDBOX_SECRET_KEY) && !stdout.contains(SANDBOX_ACCESS_KEY));

    // A missing or malformed variable is reported by name.
    let mut partial = env("36900");
    partial.remove("VISAGENIUS_SECRET_KEY");
    let error = run(&partial).0.unwrap_err();
    assert!(error.contains("VISAGENIUS_SECRET_KEY"), "{error}");
    let error = run(&env("20.00")).0.unwrap_err();
    assert!(error.contains("VISAGENIUS_PAY_AMOUNT"), "{error}");
}
