//! `cargo xtask sweep [--target NAME]`: the bad-input sweep. For every target of the `paykit-fuzz`
//! registry, a fixed corpus built as a product of bad-input categories; each cell runs on a worker
//! thread with a one-second deadline and records panic, hang, CPU time, error variant,
//! `outcome_unknown()` and canary leaks. Prints a summary table and exits 1 on any panic, hang,
//! canary leak or other property violation.

use std::path::Path;
use std::process::ExitCode;

/// Checks the arguments, then runs `paykit-fuzz sweep` with them.
pub fn run(root: &Path, args: &[String]) -> ExitCode {
    match args {
        [] => {}
        [flag, _] if flag == "--target" => {}
        _ => {
            eprintln!("error: unexpected arguments {args:?}\n\nusage: cargo xtask sweep [--target NAME]");
            return ExitCode::from(2);
        }
    }
    crate::fuzz::tool(root, "sweep", args)
}
