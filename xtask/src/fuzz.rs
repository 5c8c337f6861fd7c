//! `cargo xtask fuzz [--time SECONDS] [--target NAME] [--seed N]`: runs every target of the
//! `paykit-fuzz` registry (tools/fuzz) for `SECONDS` each (default: ten times the bounded cases the
//! tests run) and prints per target executions, executions per second, failures and the slowest
//! input. Exits 1 when a property fails (the shrunk input is printed).

use std::path::Path;
use std::process::{Command, ExitCode};

/// Checks the arguments, then runs `paykit-fuzz fuzz` with them.
pub fn run(root: &Path, args: &[String]) -> ExitCode {
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--time" | "--seed" => match it.next() {
                Some(v) if v.parse::<u64>().is_ok() => {}
                _ => return usage(&format!("{a} takes a whole number")),
            },
            "--target" => {
                if it.next().is_none() {
                    return usage("--target needs a name");
                }
            }
            other => return usage(&format!("unknown argument `{other}`")),
        }
    }
    tool(root, "fuzz", args)
}

fn usage(problem: &str) -> ExitCode {
    eprintln!("error: {problem}\n\nusage: cargo xtask fuzz [--time SECONDS] [--target NAME] [--seed N]");
    ExitCode::from(2)
}

/// Runs `paykit-fuzz <task> <args>` (built with the dev profile, whose dependencies are optimized)
/// from the workspace root, passing its exit code on.
pub fn tool(root: &Path, task: &str, args: &[String]) -> ExitCode {
    let exe = match crate::tool::build(root, "paykit-fuzz", "paykit-fuzz") {
        Ok(exe) => exe,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(1);
        }
    };
    let status = Command::new(exe).arg(task).args(args).current_dir(root).status();
    match status {
        Ok(s) if s.success() => ExitCode::SUCCESS,
        Ok(s) => ExitCode::from(u8::try_from(s.code().unwrap_or(1)).unwrap_or(1).max(1)),
        Err(e) => {
            eprintln!("error: cannot run paykit-fuzz: {e}");
            ExitCode::from(1)
        }
    }
}
