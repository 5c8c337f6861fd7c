//! `paykit-bench`: paykit's clients timed against anchors measured in the same run (raw ureq on the
//! same loopback server, the bare digest, the raw aws-lc-rs RSA primitives). Prints tab-separated
//! lines (see `report.rs`); `cargo xtask bench` runs it, once per RSA backend, pinned to one CPU,
//! and prints the table. Not a test: nothing here asserts a time.
//!
//! ```text
//! paykit-bench [--quick] [--only per-call,signing,rsa] [--filter <part of a figure id>]
//! ```

mod cpu;
mod fixtures;
mod measure;
mod per_call;
mod report;
mod rsa;
mod server;
mod signing;

use std::process::ExitCode;

use measure::Settings;
use report::Report;

const SECTIONS: [&str; 3] = ["per-call", "signing", "rsa"];

fn main() -> ExitCode {
    let mut settings = Settings::FULL;
    let mut only: Vec<String> = SECTIONS.iter().map(|s| (*s).to_owned()).collect();
    let mut filter = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--quick" => settings = Settings::QUICK,
            "--filter" => match args.next() {
                Some(f) => filter = Some(f),
                None => return usage("--filter needs part of a figure id"),
            },
            "--only" => match args.next() {
                Some(list) => only = list.split(',').map(str::to_owned).collect(),
                None => return usage("--only needs a list of sections"),
            },
            _ => return usage(&format!("unknown argument `{arg}`")),
        }
    }
    if let Some(bad) = only.iter().find(|s| !SECTIONS.contains(&s.as_str())) {
        return usage(&format!("unknown section `{bad}`"));
    }
    let mut report = Report::new(filter);
    report.meta("backend", rsa::backend());
    report.meta("backend-id", rsa::backend_id());
    report.meta("settings", &format!("{} rounds of {} ms batches", settings.rounds, settings.batch.as_millis()));
    let wants = |s: &str| only.iter().any(|o| o == s);
    if wants("per-call") {
        per_call::run(settings, &mut report);
    }
    if wants("signing") {
        signing::run(settings, &mut report);
    }
    if wants("rsa") {
        rsa::run(settings, &mut report, &fixtures::chainup::KEYS);
    }
    ExitCode::SUCCESS
}

fn usage(error: &str) -> ExitCode {
    eprintln!(
        "error: {error}\nusage: paykit-bench [--quick] [--only {}] [--filter <part of a figure id>]",
        SECTIONS.join(",")
    );
    ExitCode::from(2)
}
