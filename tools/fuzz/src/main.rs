//! `paykit-fuzz fuzz [--time SECONDS] [--target NAME] [--seed N]` and `paykit-fuzz sweep [--target
//! NAME]`: the campaigns over the registry (run through `cargo xtask fuzz` / `cargo xtask sweep`).

use std::collections::BTreeMap;
use std::process::ExitCode;
use std::time::Duration;

use paykit_fuzz::{Budget, CellResult, Target, fresh_seed, registry, run_cell};

const USAGE: &str = "usage: paykit-fuzz fuzz [--time SECONDS] [--target NAME] [--seed N]
       paykit-fuzz sweep [--target NAME]";

/// A sweep cell running longer than this is a hang.
const HANG: Duration = Duration::from_secs(1);

struct Args {
    task: String,
    time: Option<u64>,
    target: Option<String>,
    seed: Option<u64>,
}

fn parse(args: &[String]) -> Result<Args, String> {
    let mut it = args.iter();
    let task = it.next().cloned().ok_or("no task given")?;
    if task != "fuzz" && task != "sweep" {
        return Err(format!("unknown task `{task}`"));
    }
    let mut out = Args { task, time: None, target: None, seed: None };
    while let Some(a) = it.next() {
        let mut value = |name: &str| it.next().cloned().ok_or(format!("{name} needs a value"));
        match a.as_str() {
            "--time" if out.task == "fuzz" => {
                out.time = Some(value("--time")?.parse().map_err(|_| "--time takes whole seconds")?)
            }
            "--seed" if out.task == "fuzz" => {
                out.seed = Some(value("--seed")?.parse().map_err(|_| "--seed takes a number")?)
            }
            "--target" => out.target = Some(value("--target")?),
            other => return Err(format!("unknown argument `{other}`")),
        }
    }
    Ok(out)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args = match parse(&args) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("error: {e}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let targets: Vec<Target> =
        registry().into_iter().filter(|t| args.target.as_deref().is_none_or(|name| t.name == name)).collect();
    if targets.is_empty() {
        eprintln!("error: no target named {:?}", args.target.unwrap_or_default());
        return ExitCode::from(2);
    }
    // Panics are findings, reported in the tables: the default hook would print each one.
    std::panic::set_hook(Box::new(|_| {}));
    if args.task == "fuzz" { fuzz(&targets, &args) } else { sweep(&targets) }
}

fn fuzz(targets: &[Target], args: &Args) -> ExitCode {
    let seed = match args.seed {
        Some(n) => {
            let mut s = [0u8; 32];
            s[..8].copy_from_slice(&n.to_le_bytes());
            s
        }
        None => fresh_seed(),
    };
    let seed_shown = u64::from_le_bytes(seed[..8].try_into().unwrap_or_default());
    let per_target = args.time.map(Duration::from_secs);
    println!(
        "fuzz: {} targets, seed {seed_shown}, {}",
        targets.len(),
        match per_target {
            Some(t) => format!("{} s per target", t.as_secs()),
            None => "ten times the bounded cases per target".to_owned(),
        }
    );
    println!("{:<32} {:>10} {:>10} {:>9} {:>11}  slowest input", "target", "execs", "execs/s", "failures", "slowest");
    let mut failed = 0;
    for t in targets {
        let budget = per_target.map_or(Budget::Cases(t.ci_cases * 10), Budget::Time);
        let s = t.fuzz(budget, seed);
        println!(
            "{:<32} {:>10} {:>10.0} {:>9} {:>9.1}ms  {}",
            t.name,
            s.executions,
            s.per_second(),
            s.failures,
            s.slowest.0.as_secs_f64() * 1000.0,
            s.slowest.1.chars().take(90).collect::<String>()
        );
        if let Some((input, why)) = &s.first_failure {
            failed += 1;
            println!("    FAILED: minimal input {input}\n            {why}");
        }
    }
    println!("fuzz: {} targets, {failed} with failures (seed {seed_shown})", targets.len());
    if failed == 0 { ExitCode::SUCCESS } else { ExitCode::from(1) }
}

#[derive(Default)]
struct Summary {
    cells: usize,
    panics: usize,
    hangs: usize,
    leaks: usize,
    violations: usize,
    unknown: usize,
    cpu: Duration,
    slowest: (Duration, String),
    variants: BTreeMap<String, usize>,
}

fn sweep(targets: &[Target]) -> ExitCode {
    let mut findings: Vec<CellResult> = Vec::new();
    let mut rows = Vec::new();
    let mut total = Summary::default();
    for t in targets {
        let mut s = Summary::default();
        for cell in t.cells() {
            let r = run_cell(cell, HANG);
            s.cells += 1;
            s.cpu += r.cpu;
            if r.cpu > s.slowest.0 {
                s.slowest = (r.cpu, r.label.clone());
            }
            let mut finding = r.hang;
            s.hangs += usize::from(r.hang);
            if let Some(o) = &r.observed {
                *s.variants.entry(o.variant.clone()).or_default() += 1;
                s.panics += usize::from(o.panicked);
                s.leaks += usize::from(o.leak);
                s.unknown += usize::from(o.outcome_unknown == Some(true));
                s.violations += usize::from(o.violation.is_some() && !o.panicked && !o.leak);
                finding |= o.violation.is_some();
            }
            if finding {
                findings.push(r);
            }
        }
        total.cells += s.cells;
        total.panics += s.panics;
        total.hangs += s.hangs;
        total.leaks += s.leaks;
        total.violations += s.violations;
        total.unknown += s.unknown;
        total.cpu += s.cpu;
        rows.push((t.name, s));
    }
    println!(
        "{:<32} {:>6} {:>6} {:>5} {:>5} {:>10} {:>8} {:>9} {:>9}  variants",
        "target", "cells", "panic", "hang", "leak", "violation", "unknown", "cpu ms", "max ms"
    );
    for (name, s) in &rows {
        let variants: Vec<String> = s.variants.iter().map(|(v, n)| format!("{v} {n}")).collect();
        println!(
            "{:<32} {:>6} {:>6} {:>5} {:>5} {:>10} {:>8} {:>9.1} {:>9.2}  {}",
            name,
            s.cells,
            s.panics,
            s.hangs,
            s.leaks,
            s.violations,
            s.unknown,
            s.cpu.as_secs_f64() * 1000.0,
            s.slowest.0.as_secs_f64() * 1000.0,
            variants.join(", ")
        );
    }
    for r in &findings {
        let what = match &r.observed {
            None => "HANG (over 1 s)".to_owned(),
            Some(o) => o.violation.clone().unwrap_or_default(),
        };
        println!(
            "  {} / {}: {}",
            r.target,
            r.label.chars().take(100).collect::<String>(),
            what.chars().take(300).collect::<String>()
        );
    }
    println!(
        "sweep: {} cells, {} panics, {} hangs, {} canary leaks, {} other violations, {:.1} s CPU",
        total.cells,
        total.panics,
        total.hangs,
        total.leaks,
        total.violations,
        total.cpu.as_secs_f64()
    );
    if findings.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(1) }
}
