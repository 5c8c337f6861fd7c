//! Building the workspace's tool binaries (`paykit-fuzz`, `paykit-faults`) and finding them.
//!
//! Normally a tool is built for its own package (`cargo build -p <package> --bin <bin>`), which
//! resolves features for that package alone. CI has just run `cargo test --workspace
//! --all-features`, whose feature set is another one: building the tool the normal way would compile
//! sign-core, every provider and the sandboxes a second time. With `PAYKIT_XTASK_REUSE_TEST_BUILD=1`
//! the tool is the binary that test build made: `cargo test --workspace --all-features --no-run`
//! finds nothing to compile and names the executable.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// The variable that makes the tools come from the test build.
pub const REUSE_TEST_BUILD: &str = "PAYKIT_XTASK_REUSE_TEST_BUILD";

/// A cargo command without the variables `cargo run` set for xtask itself.
///
/// `cargo xtask` is `cargo run -p xtask`, which gives xtask `CARGO_MANIFEST_DIR`, `CARGO_PKG_*` and
/// the like; a nested cargo passes them on to build scripts, and those that watch one (ring's watches
/// `CARGO_MANIFEST_DIR`) see it changed since the last plain `cargo` command and run again, and
/// everything above them is compiled again: ring, rustls, ureq, sign-core and every provider,
/// once after each switch between `cargo xtask ...` and plain `cargo ...`.
pub fn cargo() -> Command {
    let mut command = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned()));
    for (name, _) in std::env::vars_os() {
        let Some(name) = name.to_str() else { continue };
        if set_by_cargo_run(name) {
            command.env_remove(name);
        }
    }
    command
}

/// A variable `cargo run` sets for the program it runs (`CARGO` itself is kept: it names the cargo).
fn set_by_cargo_run(name: &str) -> bool {
    name.starts_with("CARGO_PKG_")
        || name.starts_with("CARGO_MANIFEST_")
        || matches!(name, "CARGO_CRATE_NAME" | "CARGO_BIN_NAME" | "CARGO_PRIMARY_PACKAGE")
}

/// Builds `bin` of `package` (cargo's progress and errors on stderr) and returns its path.
pub fn build(root: &Path, package: &str, bin: &str) -> Result<PathBuf, String> {
    let reuse = std::env::var(REUSE_TEST_BUILD).is_ok_and(|v| v == "1");
    let mut command = cargo();
    if reuse {
        command.args(["test", "--workspace", "--all-features", "--no-run"]);
    } else {
        command.args(["build", "--package", package, "--bin", bin]);
    }
    let output = command
        .args(["--quiet", "--message-format=json-render-diagnostics"])
        .current_dir(root)
        .stderr(Stdio::inherit())
        .output()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    if !output.status.success() {
        return Err(format!("{bin} did not build ({})", output.status));
    }
    executable(&String::from_utf8_lossy(&output.stdout), bin)
        .ok_or_else(|| format!("cargo built no `{bin}` executable (is {REUSE_TEST_BUILD} set without the test build?)"))
}

/// The `executable` of the `bin` target named `bin` among cargo's JSON messages.
fn executable(messages: &str, bin: &str) -> Option<PathBuf> {
    let name = format!("\"name\":\"{bin}\"");
    messages
        .lines()
        .filter(|l| l.contains("\"reason\":\"compiler-artifact\"") && l.contains("\"kind\":[\"bin\"]"))
        .filter(|l| l.contains(&name) && !built_for_tests(l))
        .find_map(|l| {
            let start = l.find("\"executable\":\"")? + "\"executable\":\"".len();
            let end = start + l[start..].find('"')?;
            Some(PathBuf::from(&l[start..end]))
        })
}

/// `cargo test` also builds a bin's own unit tests: a bin target whose profile says `"test":true`,
/// a test harness, not the tool.
fn built_for_tests(message: &str) -> bool {
    message
        .find("\"profile\":{")
        .and_then(|start| message[start..].find('}').map(|end| &message[start..start + end]))
        .is_some_and(|profile| profile.contains("\"test\":true"))
}

#[cfg(test)]
mod tests {
    use super::{executable, set_by_cargo_run};

    #[test]
    fn drops_what_cargo_run_set_and_keeps_the_rest() {
        for name in
            ["CARGO_MANIFEST_DIR", "CARGO_MANIFEST_PATH", "CARGO_PKG_NAME", "CARGO_CRATE_NAME", "CARGO_BIN_NAME"]
        {
            assert!(set_by_cargo_run(name), "{name}");
        }
        for name in ["CARGO", "CARGO_HOME", "CARGO_TARGET_DIR", "CARGO_INCREMENTAL", "PATH"] {
            assert!(!set_by_cargo_run(name), "{name}");
        }
    }

    #[test]
    fn the_nested_cargo_does_not_get_xtask_s_manifest_dir() {
        // This test runs under cargo, which sets CARGO_MANIFEST_DIR for it as `cargo run` does for xtask.
        assert!(std::env::var_os("CARGO_MANIFEST_DIR").is_some());
        let removed: Vec<_> = super::cargo()
            .get_envs()
            .filter(|(_, value)| value.is_none())
            .map(|(name, _)| name.to_string_lossy().into_owned())
            .collect();
        assert!(removed.iter().any(|n| n == "CARGO_MANIFEST_DIR"), "{removed:?}");
        assert!(!removed.iter().any(|n| n == "CARGO"), "{removed:?}");
    }

    #[test]
    fn finds_the_bin_target_executable_among_cargo_messages() {
        let messages = concat!(
            r#"{"reason":"compiler-artifact","target":{"kind":["lib"],"name":"paykit_fuzz"},"executable":null}"#,
            "\n",
            r#"{"reason":"compiler-artifact","target":{"kind":["test"],"name":"targets"},"executable":"/t/debug/deps/targets-1"}"#,
            "\n",
            r#"{"reason":"compiler-artifact","target":{"kind":["bin"],"name":"paykit-fuzz","test":true},"profile":{"opt_level":"0","test":true},"executable":"/t/debug/deps/paykit_fuzz-2"}"#,
            "\n",
            r#"{"reason":"compiler-artifact","target":{"kind":["bin"],"name":"paykit-fuzz","test":true},"profile":{"opt_level":"0","test":false},"executable":"/t/debug/paykit-fuzz"}"#,
            "\n",
            r#"{"reason":"build-finished","success":true}"#,
        );
        assert_eq!(executable(messages, "paykit-fuzz").unwrap().to_str(), Some("/t/debug/paykit-fuzz"));
        assert_eq!(executable(messages, "paykit-faults"), None);
        assert_eq!(executable(messages, "targets"), None, "a test target is not the tool");
    }
}
