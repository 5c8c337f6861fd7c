//! `cargo xtask quickstart [<provider>...]`: runs each provider's `examples/quickstart.rs` with the
//! `sandbox` feature, one after another, and fails if any of them fails.
//!
//! Each quickstart starts its provider's embedded sandbox unless that provider's `*_BASE_URL` and
//! credential variables are set, in which case it talks to that server instead.

use std::path::Path;
use std::process::{Command, ExitCode};

/// The providers in the order the quickstarts run.
pub const PROVIDERS: [&str; 5] = ["visagenius", "acqra-gateway", "vip-charge", "mall-pay", "chainup-opay"];

/// Runs the quickstarts of `only` (all providers when empty).
pub fn run(root: &Path, only: &[String]) -> ExitCode {
    for p in only {
        if !PROVIDERS.contains(&p.as_str()) {
            eprintln!("error: unknown provider `{p}` (one of: {})", PROVIDERS.join(", "));
            return ExitCode::from(2);
        }
    }
    let selected: Vec<&str> =
        PROVIDERS.iter().copied().filter(|p| only.is_empty() || only.iter().any(|o| o == p)).collect();
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let mut failed = Vec::new();
    for p in &selected {
        println!("\n=== {p} quickstart ===");
        let status = Command::new(&cargo)
            .args(["run", "--quiet", "--package", p, "--features", "sandbox", "--example", &format!("{p}-quickstart")])
            .current_dir(root)
            .status();
        match status {
            Ok(s) if s.success() => {}
            Ok(s) => {
                eprintln!("{p} quickstart failed ({s})");
                failed.push(*p);
            }
            Err(e) => {
                eprintln!("{p} quickstart could not start: {e}");
                failed.push(*p);
            }
        }
    }
    println!();
    if failed.is_empty() {
        println!("all {} quickstarts passed", selected.len());
        ExitCode::SUCCESS
    } else {
        eprintln!("failed: {}", failed.join(", "));
        ExitCode::from(1)
    }
}
