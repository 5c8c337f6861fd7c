//! Runs the quickstart example's flow (the file itself, included below) in both modes: against
//! its own sandbox, and "against a real server" given by the environment variables, here a
//! sandbox holding the test keys.
#![cfg(feature = "sandbox")]

mod common;
#[allow(dead_code)] // its `main`
#[path = "../examples/quickstart.rs"]
mod quickstart;

use std::collections::BTreeMap;

use chainup_opay::sandbox::{Sandbox, SandboxKeys};
use common::*;

/// Runs the quickstart with exactly `vars` as its environment; returns what it printed, or its
/// error.
fn run(vars: &[(&str, String)]) -> Result<String, String> {
    let vars: BTreeMap<String, String> = vars.iter().map(|(k, v)| ((*k).to_owned(), v.clone())).collect();
    let mut out = Vec::new();
    quickstart::run(&|name| vars.get(name).cloned(), &mut out).map_err(|e| e.to_string())?;
    Ok(String::from_utf8(out).expect("UTF-8 output"))
}

#[test]
fn quickstart_runs_in_both_modes_and_fails_loudly() {
    // 1. No environment: its own sandbox, every step.
    let stdout = run(&[]).unwrap();
    for step in [
        "1. Created order",
        "2. Payment page: http://127.0.0.1",
        "3. Sandbox paid it; callback verified",
        "is Paid",
        "5. Statement for",
        "6. Created order",
    ] {
        assert!(stdout.contains(step), "missing {step:?} in:\n{stdout}");
    }
    assert!(stdout.contains("cancelled it: now Closed"), "{stdout}");

    // 2. "Real server" mode: the variables point at a sandbox with the committed test keys.
    let keys = SandboxKeys::new(&testdata("platform_private.pem"), &testdata("merchant_public.b64"), None).unwrap();
    let sandbox = Sandbox::start_with(APP_KEY, keys).unwrap();
    let dir = env!("CARGO_MANIFEST_DIR");
    let server = |merchant_key: &str| {
        vec![
            ("CHAINUP_BASE_URL", sandbox.base_url().to_owned()),
            ("CHAINUP_APP_KEY", APP_KEY.to_owned()),
            ("CHAINUP_MERCHANT_PRIVATE_KEY_FILE", format!("{dir}/testdata/{merchant_key}")),
            ("CHAINUP_PLATFORM_PUBLIC_KEY_FILE", format!("{dir}/testdata/platform_public.b64")),
        ]
    };
    let stdout = run(&server("merchant_private.pem")).unwrap();
    assert!(stdout.contains(&format!("Using {}", sandbox.base_url())), "{stdout}");
    assert!(stdout.contains("is Pending"), "{stdout}");
    assert!(stdout.contains("cancelled it: now Closed"), "{stdout}");

    // 3. A wrong key: the platform's refusal comes back as the error.
    let err = run(&server("stranger_private.pem")).unwrap_err();
    assert!(err.contains("opay API error 1003"), "{err}");

    // 4. Only some variables: refused with the missing ones named.
    let err = run(&[("CHAINUP_BASE_URL", sandbox.base_url().to_owned())]).unwrap_err();
    assert!(err.contains("CHAINUP_APP_KEY"), "{err}");
}
