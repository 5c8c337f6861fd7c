//! `cargo xtask quickstart [--async] [<provider>...]`: runs each provider's `examples/quickstart.rs`
//! (with `--async`, its `examples/async.rs` on tokio + reqwest) with the `sandbox` feature, one
//! after another, and fails if any of them fails.
//!
//! Each example starts its provider's embedded sandbox unless that provider's `*_BASE_URL` and
//! credential variables are set, in which case it talks to that server instead.
//!
//! Each example is built first with cargo's progress shown (a first build compiles the whole
//! dependency tree, a minute or two on a fresh machine), then run quietly; a line before each says
//! which provider's flow runs.

use std::path::Path;
use std::process::{Command, ExitCode};

/// The providers in the order the quickstarts run, with the flow each one shows.
pub const PROVIDERS: [(&str, &str); 5] = [
    ("visagenius", "list products, show the first, pay an order"),
    ("acqra-gateway", "access token, checkout, card payment, capture, query, refund, refund query"),
    ("vip-charge", "product list, balance, charge order, order info, status callback"),
    ("mall-pay", "pay one order by WeChat, one by Alipay and one by points"),
    ("chainup-opay", "create an order, pay it, verify the callback, query, statement, cancel"),
];

/// Runs the quickstarts named in `args` (all providers when none is named); `--async` runs the
/// async examples instead.
pub fn run(root: &Path, args: &[String]) -> ExitCode {
    let asynchronous = args.iter().any(|a| a == "--async");
    let only: Vec<&String> = args.iter().filter(|a| *a != "--async").collect();
    let names: Vec<&str> = PROVIDERS.iter().map(|(p, _)| *p).collect();
    for p in &only {
        if p.starts_with("--") || !names.contains(&p.as_str()) {
            eprintln!("error: unknown provider `{p}` (one of: {}; or --async)", names.join(", "));
            return ExitCode::from(2);
        }
    }
    let selected: Vec<(&str, &str)> =
        PROVIDERS.iter().copied().filter(|(p, _)| only.is_empty() || only.iter().any(|o| o == p)).collect();
    let (kind, features) = if asynchronous { ("async", "sandbox,reqwest") } else { ("quickstart", "sandbox") };
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let mut failed = Vec::new();
    for (i, (p, flow)) in selected.iter().enumerate() {
        let example = format!("{p}-{kind}");
        println!("\n=== [{}/{}] {p}: {flow} ({example}) ===", i + 1, selected.len());
        let args = ["--package", p, "--features", features, "--example", &example];
        // Built first with cargo's own progress on stderr: the first build takes a while and
        // must not look like a hang. Then run without cargo's chatter (nothing left to build).
        let built = Command::new(&cargo).arg("build").args(args).current_dir(root).status();
        let status = match built {
            Ok(s) if s.success() => Command::new(&cargo).args(["run", "--quiet"]).args(args).current_dir(root).status(),
            other => other,
        };
        match status {
            Ok(s) if s.success() => {}
            Ok(s) => {
                eprintln!("{p} {kind} failed ({s})");
                failed.push(*p);
            }
            Err(e) => {
                eprintln!("{p} {kind} could not start: {e}");
                failed.push(*p);
            }
        }
    }
    println!();
    let what = if asynchronous { "async examples" } else { "quickstarts" };
    if failed.is_empty() {
        println!("all {} {what} passed", selected.len());
        ExitCode::SUCCESS
    } else {
        eprintln!("failed: {}", failed.join(", "));
        ExitCode::from(1)
    }
}
