//! Runs the compiled `quickstart` example (cargo builds examples for `cargo test`): against its
//! own sandbox with no environment, and against a sandbox given through the `VISAGENIUS_*`
//! variables as if it were a real server.
#![cfg(feature = "sandbox")]

use std::path::PathBuf;
use std::process::{Command, Output};

use visagenius::Fen;
use visagenius::sandbox::{SANDBOX_ACCESS_KEY, SANDBOX_APPID, SANDBOX_SECRET_KEY, Sandbox};

fn example() -> PathBuf {
    let exe = std::env::current_exe().expect("test binary path");
    // target/debug/deps/quickstart-<hash> -> target/debug/examples/quickstart
    let dir = exe.parent().and_then(|d| d.parent()).expect("target dir").join("examples");
    let path = dir.join(format!("visagenius-quickstart{}", std::env::consts::EXE_SUFFIX));
    assert!(path.exists(), "{} not built; run with --features sandbox", path.display());
    path
}

fn run(env: &[(&str, String)]) -> Output {
    let mut cmd = Command::new(example());
    for name in [
        "VISAGENIUS_BASE_URL",
        "VISAGENIUS_APPID",
        "VISAGENIUS_ACCESS_KEY",
        "VISAGENIUS_SECRET_KEY",
        "VISAGENIUS_ORDER_ID",
        "VISAGENIUS_PAY_AMOUNT",
    ] {
        cmd.env_remove(name);
    }
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().expect("run quickstart")
}

#[test]
fn runs_against_its_own_sandbox() {
    let out = run(&[]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}\n{}", String::from_utf8_lossy(&out.stderr));
    assert!(stdout.contains("local sandbox"), "{stdout}");
    assert!(stdout.contains("3. order_pay"), "{stdout}");
    assert!(stdout.contains("paid;"), "{stdout}");
}

#[test]
fn runs_against_a_configured_server_and_fails_loudly() {
    let sandbox = Sandbox::start().unwrap();
    sandbox.add_order(555, Fen(36900));
    let env = |amount: &str| {
        vec![
            ("VISAGENIUS_BASE_URL", sandbox.base_url().to_owned()),
            ("VISAGENIUS_APPID", SANDBOX_APPID.to_owned()),
            ("VISAGENIUS_ACCESS_KEY", SANDBOX_ACCESS_KEY.to_owned()),
            ("VISAGENIUS_SECRET_KEY", SANDBOX_SECRET_KEY.to_owned()),
            ("VISAGENIUS_ORDER_ID", "555".to_owned()),
            ("VISAGENIUS_PAY_AMOUNT", amount.to_owned()),
        ]
    };
    // A wrong amount: the provider refuses, the example exits non-zero with the error.
    let out = run(&env("100"));
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("ret=-1"), "{stderr}");
    assert!(!sandbox.order(555).unwrap().paid);

    let out = run(&env("36900"));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}\n{}", String::from_utf8_lossy(&out.stderr));
    assert!(stdout.contains(sandbox.base_url()), "{stdout}");
    assert!(sandbox.order(555).unwrap().paid);
    // Credentials never appear in the output.
    assert!(!stdout.contains(SANDBOX_SECRET_KEY) && !stdout.contains(SANDBOX_ACCESS_KEY));

    // A missing variable is reported by name.
    let mut partial = env("36900");
    partial.retain(|(k, _)| *k != "VISAGENIUS_SECRET_KEY");
    let out = run(&partial);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("VISAGENIUS_SECRET_KEY"));
}
