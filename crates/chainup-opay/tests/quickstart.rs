//! Runs the quickstart example binary (built by `cargo test` alongside the tests) in both
//! modes: against its own sandbox, and "against a real server" given by the environment
//! variables, here a sandbox holding the test keys.
#![cfg(feature = "sandbox")]

mod common;

use std::path::PathBuf;
use std::process::Command;

use chainup_opay::sandbox::{Sandbox, SandboxKeys};
use common::*;

const VARS: [&str; 4] =
    ["CHAINUP_BASE_URL", "CHAINUP_APP_KEY", "CHAINUP_MERCHANT_PRIVATE_KEY_FILE", "CHAINUP_PLATFORM_PUBLIC_KEY_FILE"];

/// target/<profile>/examples/quickstart, next to target/<profile>/deps/<this test>.
fn quickstart() -> Option<PathBuf> {
    let exe = std::env::current_exe().ok()?;
    let path = exe
        .parent()?
        .parent()?
        .join("examples")
        .join(format!("chainup-opay-quickstart{}", std::env::consts::EXE_SUFFIX));
    let built = std::fs::metadata(&path).and_then(|m| m.modified()).ok()?;
    // `cargo test --test quickstart` does not rebuild examples: refuse a binary older than the
    // sources rather than test stale code.
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let newest = newest_mtime(&dir.join("src")).max(newest_mtime(&dir.join("examples")))?;
    (built >= newest).then_some(path)
}

fn newest_mtime(dir: &std::path::Path) -> Option<std::time::SystemTime> {
    let mut newest = None;
    for entry in std::fs::read_dir(dir).ok()?.flatten() {
        let path = entry.path();
        let t = if path.is_dir() { newest_mtime(&path) } else { entry.metadata().and_then(|m| m.modified()).ok() };
        newest = newest.max(t);
    }
    newest
}

fn command(bin: &PathBuf) -> Command {
    let mut cmd = Command::new(bin);
    for v in VARS {
        cmd.env_remove(v);
    }
    cmd
}

#[test]
fn quickstart_runs_in_both_modes_and_fails_loudly() {
    let Some(bin) = quickstart() else {
        eprintln!(
            "NOTE: quickstart example binary missing or older than the sources (run `cargo test --all-features`); skipped"
        );
        return;
    };

    // 1. No environment: its own sandbox, every step.
    let out = command(&bin).output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}\n{}", String::from_utf8_lossy(&out.stderr));
    for step in [
        "1. Created order",
        "2. Payment page: http://127.0.0.1",
        "3. Sandbox paid it; callback verified",
        "is paid",
        "5. Statement for",
        "6. Created order",
    ] {
        assert!(stdout.contains(step), "missing {step:?} in:\n{stdout}");
    }
    assert!(stdout.contains("cancelled it: now closed"), "{stdout}");

    // 2. "Real server" mode: the variables point at a sandbox with the committed test keys.
    let keys = SandboxKeys::new(&testdata("platform_private.pem"), &testdata("merchant_public.b64"), None).unwrap();
    let sandbox = Sandbox::start_with(APP_KEY, keys).unwrap();
    let dir = env!("CARGO_MANIFEST_DIR");
    let out = command(&bin)
        .env("CHAINUP_BASE_URL", sandbox.base_url())
        .env("CHAINUP_APP_KEY", APP_KEY)
        .env("CHAINUP_MERCHANT_PRIVATE_KEY_FILE", format!("{dir}/testdata/merchant_private.pem"))
        .env("CHAINUP_PLATFORM_PUBLIC_KEY_FILE", format!("{dir}/testdata/platform_public.b64"))
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}\n{}", String::from_utf8_lossy(&out.stderr));
    assert!(stdout.contains(&format!("Using {}", sandbox.base_url())), "{stdout}");
    assert!(stdout.contains("is pending"), "{stdout}");
    assert!(stdout.contains("cancelled it: now closed"), "{stdout}");

    // 3. A wrong key: non-zero exit, the error printed.
    let out = command(&bin)
        .env("CHAINUP_BASE_URL", sandbox.base_url())
        .env("CHAINUP_APP_KEY", APP_KEY)
        .env("CHAINUP_MERCHANT_PRIVATE_KEY_FILE", format!("{dir}/testdata/stranger_private.pem"))
        .env("CHAINUP_PLATFORM_PUBLIC_KEY_FILE", format!("{dir}/testdata/platform_public.b64"))
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("opay API error 1003"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    // 4. Only some variables: refused with the missing ones named.
    let out = command(&bin).env("CHAINUP_BASE_URL", sandbox.base_url()).output().unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("CHAINUP_APP_KEY"));
}
