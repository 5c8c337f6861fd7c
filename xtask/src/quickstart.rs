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
use std::process::ExitCode;

/// A provider and the flow its quickstart shows.
pub type Provider = (&'static str, &'static str);

/// The providers in the order the quickstarts run, with the flow each one shows.
pub const PROVIDERS: [Provider; 5] = [
    ("visagenius", "list products, show the first, pay an order"),
    ("acqra-gateway", "access token, checkout, card payment, capture, query, refund, refund query"),
    ("vip-charge", "product list, balance, charge order, order info, status callback"),
    ("mall-pay", "pay one order by WeChat, one by Alipay and one by points"),
    ("chainup-opay", "create an order, pay it, verify the callback, query, statement, cancel"),
];

/// What `args` ask for: whether to run the async examples, and the providers with their flows.
///
/// # Errors
/// An unknown provider or option, named.
pub fn select(args: &[String]) -> Result<(bool, Vec<Provider>), String> {
    let asynchronous = args.iter().any(|a| a == "--async");
    let only: Vec<&String> = args.iter().filter(|a| *a != "--async").collect();
    let names: Vec<&str> = PROVIDERS.iter().map(|(p, _)| *p).collect();
    if let Some(p) = only.iter().find(|p| p.starts_with("--") || !names.contains(&p.as_str())) {
        return Err(format!("unknown provider `{p}` (one of: {}; or --async)", names.join(", ")));
    }
    let selected = PROVIDERS.iter().copied().filter(|(p, _)| only.is_empty() || only.iter().any(|o| o == p)).collect();
    Ok((asynchronous, selected))
}

/// The two cargo invocations for provider `p`: the build, which shows cargo's progress (a first
/// build compiles the whole dependency tree and must not look like a hang), then the run, quiet
/// (nothing is left to build).
pub fn commands(p: &str, asynchronous: bool) -> [Vec<String>; 2] {
    let (kind, features) = if asynchronous { ("async", "sandbox,reqwest") } else { ("quickstart", "sandbox") };
    let target = ["--package", p, "--features", features, "--example", &format!("{p}-{kind}")].map(str::to_owned);
    let build = std::iter::once("build".to_owned()).chain(target.clone()).collect();
    let run = ["run".to_owned(), "--quiet".to_owned()].into_iter().chain(target).collect();
    [build, run]
}

/// Runs the quickstarts named in `args` (all providers when none is named); `--async` runs the
/// async examples instead.
pub fn run(root: &Path, args: &[String]) -> ExitCode {
    let (asynchronous, selected) = match select(args) {
        Ok(selection) => selection,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    let kind = if asynchronous { "async" } else { "quickstart" };
    let mut failed = Vec::new();
    for (i, (p, flow)) in selected.iter().enumerate() {
        println!("\n=== [{}/{}] {p}: {flow} ({p}-{kind}) ===", i + 1, selected.len());
        let [build, run] = commands(p, asynchronous);
        let built = crate::tool::cargo().args(&build).current_dir(root).status();
        let status = match built {
            Ok(s) if s.success() => crate::tool::cargo().args(&run).current_dir(root).status(),
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

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn selects_providers_and_the_async_examples() {
        let (asynchronous, all) = select(&[]).unwrap();
        assert!(!asynchronous);
        assert_eq!(all.len(), 5);
        let (asynchronous, two) = select(&args(&["--async", "mall-pay", "visagenius"])).unwrap();
        assert!(asynchronous);
        assert_eq!(two.iter().map(|(p, _)| *p).collect::<Vec<_>>(), ["visagenius", "mall-pay"], "in run order");
        assert!(select(&args(&["stripe"])).unwrap_err().contains("`stripe`"));
        assert!(select(&args(&["--quiet"])).unwrap_err().contains("`--quiet`"));
    }

    #[test]
    fn the_build_shows_cargos_progress_and_the_run_is_quiet() {
        let [build, run] = commands("vip-charge", false);
        assert_eq!(build.join(" "), "build --package vip-charge --features sandbox --example vip-charge-quickstart");
        assert!(!build.iter().any(|a| a == "--quiet" || a == "-q"), "cargo's progress is shown while building");
        assert_eq!(
            run.join(" "),
            "run --quiet --package vip-charge --features sandbox --example vip-charge-quickstart"
        );
        let [build, _] = commands("acqra-gateway", true);
        assert!(build.join(" ").ends_with("--features sandbox,reqwest --example acqra-gateway-async"), "{build:?}");
    }
}
