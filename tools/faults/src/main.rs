//! Runs every fault case against every provider and prints one tab-separated line per case
//! (`case\t...`, see [`paykit_faults::CaseResult::line`]) for `cargo xtask faults`, which prints
//! the report. Optional arguments name the providers to run.
//!
//! Each call of each provider runs on a thread of its own with a sandbox of its own (the cases of
//! one call run in order, since they read the sandbox's state): the campaign takes as long as its
//! slowest call.

use std::process::ExitCode;

use paykit_faults::run_all;

fn main() -> ExitCode {
    let only: Vec<String> = std::env::args().skip(1).collect();
    let mut threads = Vec::new();
    let mut failed = false;
    for (name, start) in
        paykit_faults::providers::ALL.into_iter().filter(|(name, _)| only.is_empty() || only.iter().any(|o| o == name))
    {
        // One sandbox only to list the calls; each call then starts its own.
        let calls = match start() {
            Ok(target) => target.calls(),
            Err(e) => {
                eprintln!("{name}: the sandbox did not start: {e}");
                failed = true;
                continue;
            }
        };
        for call in calls {
            let thread = std::thread::spawn(move || {
                start().map(|target| run_all(&*target, Some(call.name))).map_err(|e| e.to_string())
            });
            threads.push((name, call.name, thread));
        }
    }
    for (name, call, thread) in threads {
        match thread.join() {
            Ok(Ok(results)) => {
                for r in results {
                    println!("{}", r.line());
                }
            }
            Ok(Err(e)) => {
                eprintln!("{name} {call}: the sandbox did not start: {e}");
                failed = true;
            }
            Err(_) => {
                eprintln!("{name} {call}: the case runner panicked outside a case");
                failed = true;
            }
        }
    }
    if failed { ExitCode::FAILURE } else { ExitCode::SUCCESS }
}
