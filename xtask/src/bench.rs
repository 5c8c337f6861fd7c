//! `cargo xtask bench [--quick] [--runs N] [--cpu N] [--only per-call,signing,rsa]`: builds `tools/bench` (package `paykit-bench`)
//! in release, once per RSA backend, runs it `--runs` times (default 3; 1 with `--quick`) pinned to one
//! CPU with `taskset` when there is one, and prints one table of ratios against the anchors each run
//! timed itself: medians over every round of every run, with the smallest and largest round.
//!
//! The first backend runs every section (per-call, signing, rsa); the others only `rsa`, the one that
//! depends on the backend. The raw lines of the last invocation are kept in
//! `<target>/bench/latest.tsv`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};

/// sign-core's RSA backends and the bench crate's feature selecting each (built with
/// `--no-default-features`). The first, the providers' default, runs every section.
const BACKENDS: &[(&str, &str)] = &[("rust-crypto", "backend-rust-crypto"), ("aws-lc-rs", "backend-aws-lc-rs")];

struct Args {
    quick: bool,
    /// Sections to run (`--only per-call,signing,rsa`); all when empty.
    only: Vec<String>,
    runs: usize,
    cpu: Option<String>,
}

fn parse_args(args: &[String]) -> Result<Args, String> {
    let mut out = Args { quick: false, only: Vec::new(), runs: 0, cpu: None };
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--quick" => out.quick = true,
            "--runs" => {
                out.runs = it.next().and_then(|n| n.parse().ok()).filter(|n| *n > 0).ok_or("--runs needs a count")?
            }
            "--only" => out.only = it.next().ok_or("--only needs sections")?.split(',').map(str::to_owned).collect(),
            "--cpu" => out.cpu = Some(it.next().ok_or("--cpu needs a CPU number")?.clone()),
            _ => return Err(format!("unknown argument `{a}`")),
        }
    }
    if out.runs == 0 {
        out.runs = if out.quick { 1 } else { 3 };
    }
    Ok(out)
}

/// Runs the task.
pub fn run(root: &Path, args: &[String]) -> ExitCode {
    let args = match parse_args(args) {
        Ok(a) => a,
        Err(e) => {
            eprintln!(
                "error: {e}\nusage: cargo xtask bench [--quick] [--runs N] [--cpu N] [--only per-call,signing,rsa]"
            );
            return ExitCode::from(2);
        }
    };
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let target = target_dir(&cargo, root);
    let out_dir = target.join("bench");
    if let Err(e) = std::fs::create_dir_all(&out_dir) {
        eprintln!("error: cannot create {}: {e}", out_dir.display());
        return ExitCode::from(1);
    }

    // One binary per backend, built before anything is timed; a backend none of whose sections
    // runs (`--only per-call,signing` leaves the aws-lc-rs build idle) is not built.
    let mut binaries = Vec::new();
    for (i, (name, feature)) in BACKENDS.iter().enumerate() {
        if sections_of(i, &args.only).is_empty() {
            binaries.push(None);
            continue;
        }
        eprintln!("building paykit-bench (release, RSA backend: {name})");
        let mut build = crate::tool::cargo();
        build.args(["build", "--release", "--quiet", "--package", "paykit-bench"]).current_dir(root);
        build.args(["--no-default-features", "--features", feature]);
        match build.status() {
            Ok(s) if s.success() => {}
            other => {
                eprintln!("error: building paykit-bench ({name}) failed: {other:?}");
                return ExitCode::from(1);
            }
        }
        let built = target.join("release").join("paykit-bench");
        let kept = out_dir.join(format!("paykit-bench-{name}"));
        if let Err(e) = std::fs::copy(&built, &kept) {
            eprintln!("error: cannot copy {} to {}: {e}", built.display(), kept.display());
            return ExitCode::from(1);
        }
        binaries.push(Some(kept));
    }

    let pin = pin_command(args.cpu.as_deref());
    let mut lines = Vec::new();
    for run in 1..=args.runs {
        for (i, binary) in binaries.iter().enumerate() {
            let Some(binary) = binary else { continue };
            let mut command = match &pin {
                Some((taskset, cpu)) => {
                    let mut c = Command::new(taskset);
                    c.args(["-c", cpu]).arg(binary);
                    c
                }
                None => Command::new(binary),
            };
            if args.quick {
                command.arg("--quick");
            }
            let sections = sections_of(i, &args.only);
            command.args(["--only", &sections.join(",")]);
            eprintln!("run {run}/{}: {} {}", args.runs, BACKENDS[i].0, if i > 0 { "(rsa only)" } else { "" });
            let output = match command.stderr(Stdio::inherit()).output() {
                Ok(o) if o.status.success() => o,
                other => {
                    eprintln!("error: {} failed: {other:?}", binary.display());
                    return ExitCode::from(1);
                }
            };
            let text = String::from_utf8_lossy(&output.stdout);
            lines.extend(text.lines().map(|l| format!("{run}\t{l}")));
        }
    }
    let raw = out_dir.join("latest.tsv");
    if let Err(e) = std::fs::write(&raw, lines.join("\n") + "\n") {
        eprintln!("warning: cannot write {}: {e}", raw.display());
    }
    let pinned = match &pin {
        Some((_, cpu)) => format!("pinned to CPU {cpu} with taskset (client and server threads alike)"),
        None => "not pinned (no taskset)".to_owned(),
    };
    print!("{}", render(&lines, args.runs, &pinned));
    ExitCode::SUCCESS
}

/// The sections the binary of backend `i` runs: the backends after the first only change the RSA
/// figures; `only` (when not empty) keeps the sections it names.
fn sections_of(i: usize, only: &[String]) -> Vec<&'static str> {
    let sections: &[&'static str] = if i > 0 { &["rsa"] } else { &["per-call", "signing", "rsa"] };
    sections.iter().copied().filter(|s| only.is_empty() || only.iter().any(|o| o == s)).collect()
}

/// `taskset` and the CPU to pin to: the one asked for, or the last one.
fn pin_command(cpu: Option<&str>) -> Option<(String, String)> {
    let ok = Command::new("taskset").arg("-V").stdout(Stdio::null()).stderr(Stdio::null()).status();
    if !ok.is_ok_and(|s| s.success()) {
        return None;
    }
    let cpu = cpu.map(str::to_owned).unwrap_or_else(|| {
        std::thread::available_parallelism().map(|n| n.get().saturating_sub(1)).unwrap_or(0).to_string()
    });
    Some(("taskset".to_owned(), cpu))
}

/// Cargo's target directory (`CARGO_TARGET_DIR` or the workspace's `target/`).
fn target_dir(cargo: &str, root: &Path) -> PathBuf {
    let metadata = Command::new(cargo)
        .args(["metadata", "--format-version", "1", "--no-deps"])
        .current_dir(root)
        .stderr(Stdio::null())
        .output();
    if let Ok(out) = metadata {
        let text = String::from_utf8_lossy(&out.stdout);
        if let Some(start) = text.find("\"target_directory\":\"") {
            let rest = &text[start + "\"target_directory\":\"".len()..];
            if let Some(end) = rest.find('"') {
                return PathBuf::from(rest[..end].replace("\\\\", "\\"));
            }
        }
    }
    root.join("target")
}

/// One figure, gathered over every run.
#[derive(Default)]
struct Figure {
    section: String,
    subject: String,
    anchor: String,
    goal: Option<f64>,
    /// (anchor ns, subject ns, anchor CPU ns, subject CPU ns) per round.
    rounds: Vec<[f64; 4]>,
    /// (paykit connections, requests, raw connections, requests), per run.
    conns: Vec<[u64; 4]>,
    notes: Vec<String>,
}

/// The table, from the raw lines (each prefixed with its run number).
fn render(lines: &[String], runs: usize, pinned: &str) -> String {
    let mut order: Vec<String> = Vec::new();
    let mut figures: BTreeMap<String, Figure> = BTreeMap::new();
    let mut meta: Vec<(String, String)> = Vec::new();
    for line in lines {
        let f: Vec<&str> = line.split('\t').collect();
        let (kind, rest) = match f.as_slice() {
            [_run, kind, rest @ ..] => (*kind, rest),
            _ => continue,
        };
        if kind == "meta" {
            if let [k, v] = rest {
                if !meta.iter().any(|(mk, mv)| mk == k && mv == v) {
                    meta.push(((*k).to_owned(), (*v).to_owned()));
                }
            }
            continue;
        }
        let Some(id) = rest.first() else { continue };
        if !figures.contains_key(*id) {
            order.push((*id).to_owned());
        }
        let fig = figures.entry((*id).to_owned()).or_default();
        match (kind, rest) {
            ("figure", [_, section, subject, anchor, goal]) => {
                fig.section = (*section).to_owned();
                fig.subject = (*subject).to_owned();
                fig.anchor = (*anchor).to_owned();
                fig.goal = goal.parse().ok();
            }
            ("round", [_, a, s, ac, sc]) => {
                let v: Vec<f64> = [a, s, ac, sc].iter().filter_map(|x| x.parse().ok()).collect();
                if let [a, s, ac, sc] = v[..] {
                    fig.rounds.push([a, s, ac, sc]);
                }
            }
            ("conns", [_, counts @ ..]) => {
                let counts: Vec<u64> = counts.iter().filter_map(|c| c.parse().ok()).collect();
                if let [a, b, c, d] = counts[..] {
                    fig.conns.push([a, b, c, d]);
                }
            }
            ("note", [_, text]) => {
                let text = (*text).to_owned();
                if !fig.notes.contains(&text) {
                    fig.notes.push(text);
                }
            }
            _ => {}
        }
    }

    let mut out = String::new();
    out.push_str(&format!(
        "paykit bench: {runs} run(s), {pinned}; each figure the median over every round of every run (min-max of the rounds)\n"
    ));
    for (k, v) in &meta {
        out.push_str(&format!("  {k}: {v}\n"));
    }
    for section in ["per-call", "signing", "parse", "rsa"] {
        let ids: Vec<&String> = order.iter().filter(|id| figures[*id].section == section).collect();
        if ids.is_empty() {
            continue;
        }
        out.push_str(&format!("\n### {}\n\n", section_title(section)));
        let per_call = section == "per-call";
        out.push_str(
            "| figure | anchor | anchor CPU/op | paykit CPU/op | CPU ratio | time/op anchor, paykit | time ratio |",
        );
        out.push_str(if per_call { " connections paykit / raw |" } else { "" });
        out.push_str(" goal | met |\n|---|---|---|---|---|---|---|");
        out.push_str(if per_call { "---|" } else { "" });
        out.push_str("---|---|\n");
        let mut notes = String::new();
        for id in ids {
            let fig = &figures[id];
            if fig.rounds.is_empty() {
                out.push_str(&format!("| {} | {} | not measured |\n", fig.subject, fig.anchor));
            } else {
                let med = |i: usize| median(fig.rounds.iter().map(|r| r[i]).collect());
                let cpu: Vec<f64> = fig.rounds.iter().map(|r| r[3] / r[2]).collect();
                let time: Vec<f64> = fig.rounds.iter().map(|r| r[1] / r[0]).collect();
                let cpu_ratio = median(cpu.clone());
                let conns_ok = fig.conns.iter().all(|c| c[0] == 1);
                let conns = fig.conns.iter().map(|c| format!("{} / {}", c[0], c[2])).collect::<Vec<_>>();
                let met = match fig.goal {
                    None => "-".to_owned(),
                    Some(g) if cpu_ratio <= g && (!per_call || conns_ok) => "met".to_owned(),
                    Some(_) => "**not met**".to_owned(),
                };
                let goal = match (fig.goal, per_call) {
                    (Some(g), true) => format!("CPU <= {g}x, 1 connection"),
                    (Some(g), false) => format!("CPU <= {g}x"),
                    (None, _) => "-".to_owned(),
                };
                out.push_str(&format!(
                    "| {} | {} | {} | {} | **{:.2}x** ({:.2}-{:.2}) | {}, {} | {:.2}x ({:.2}-{:.2}) |",
                    fig.subject,
                    fig.anchor,
                    ns(med(2)),
                    ns(med(3)),
                    cpu_ratio,
                    min(&cpu),
                    max(&cpu),
                    ns(med(0)),
                    ns(med(1)),
                    median(time.clone()),
                    min(&time),
                    max(&time),
                ));
                if per_call {
                    let mut distinct = Vec::new();
                    conns_dedup_push(&mut distinct, &conns);
                    out.push_str(&format!(" {} |", distinct.join(", ")));
                }
                out.push_str(&format!(" {goal} | {met} |\n"));
            }
            if !fig.conns.is_empty() {
                let range = |i: usize| {
                    let lo = fig.conns.iter().map(|c| c[i]).min().unwrap_or(0);
                    let hi = fig.conns.iter().map(|c| c[i]).max().unwrap_or(0);
                    if lo == hi { lo.to_string() } else { format!("{lo}-{hi}") }
                };
                notes.push_str(&format!(
                    "- {}: per run, paykit {} connection(s) for {} requests, raw ureq {} for {}\n",
                    fig.subject,
                    range(0),
                    range(1),
                    range(2),
                    range(3)
                ));
            }
            for n in &fig.notes {
                notes.push_str(&format!("- {}: {n}\n", fig.subject));
            }
        }
        if !notes.is_empty() {
            out.push('\n');
            out.push_str(&notes);
        }
    }
    out
}

fn conns_dedup_push(into: &mut Vec<String>, items: &[String]) {
    for i in items {
        if !into.contains(i) {
            into.push(i.clone());
        }
    }
}

fn section_title(section: &str) -> &'static str {
    match section {
        "per-call" => {
            "Per call: blocking client vs raw ureq (identical request bytes, same keep-alive loopback server)"
        }
        "signing" => "Request build + signing (sans-IO prepare) vs the bare primitive over the same string",
        "parse" => "Response parse (sans-IO parse) vs serde_json::from_slice::<Value> of the same body",
        _ => "RSA vs the raw aws-lc-rs primitives (same keys, RSA-2048, same sizes)",
    }
}

fn median(mut v: Vec<f64>) -> f64 {
    if v.is_empty() {
        return f64::NAN;
    }
    v.sort_by(f64::total_cmp);
    let n = v.len();
    if n % 2 == 1 { v[n / 2] } else { (v[n / 2 - 1] + v[n / 2]) / 2.0 }
}

fn min(v: &[f64]) -> f64 {
    v.iter().copied().fold(f64::INFINITY, f64::min)
}

fn max(v: &[f64]) -> f64 {
    v.iter().copied().fold(f64::NEG_INFINITY, f64::max)
}

/// Nanoseconds, readably.
fn ns(x: f64) -> String {
    if x < 1_000.0 {
        format!("{x:.0} ns")
    } else if x < 1_000_000.0 {
        format!("{:.1} µs", x / 1_000.0)
    } else {
        format!("{:.2} ms", x / 1_000_000.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn args() {
        let a = parse_args(&[]).unwrap();
        assert_eq!((a.quick, a.runs), (false, 3));
        let a = parse_args(&["--quick".into()]).unwrap();
        assert_eq!((a.quick, a.runs), (true, 1));
        let a = parse_args(&["--runs".into(), "5".into(), "--cpu".into(), "1".into()]).unwrap();
        assert_eq!((a.runs, a.cpu.as_deref()), (5, Some("1")));
        assert!(parse_args(&["--runs".into(), "0".into()]).is_err());
        assert!(parse_args(&["--fast".into()]).is_err());
    }

    #[test]
    fn rounds_of_every_run_make_one_row_with_the_median_ratio_and_the_goal_verdict() {
        let lines: Vec<String> = [
            "1\tfigure\tcall-x\tper-call\tx call\traw ureq\t1.2",
            "1\tround\tcall-x\t100\t110\t100\t110",
            "1\tround\tcall-x\t100\t130\t100\t130",
            "1\tconns\tcall-x\t1\t10\t1\t12",
            "2\tfigure\tcall-x\tper-call\tx call\traw ureq\t1.2",
            "2\tround\tcall-x\t100\t115\t100\t115",
            "2\tconns\tcall-x\t1\t20\t1\t12",
            "2\tnote\tcall-x\trequest bytes identical: yes",
            "1\tfigure\tsign-y\tsigning\ty prepare\tMD5\t-",
            "1\tround\tsign-y\t10\t40\t10\t40",
        ]
        .iter()
        .map(|s| (*s).to_owned())
        .collect();
        let table = render(&lines, 2, "pinned");
        let row = table.lines().find(|l| l.starts_with("| x call")).unwrap();
        assert!(row.contains("**1.15x** (1.10-1.30)"), "{row}");
        assert!(row.contains("| 1 / 1 |"), "{row}");
        assert!(row.ends_with("| CPU <= 1.2x, 1 connection | met |"), "{row}");
        let row = table.lines().find(|l| l.starts_with("| y prepare")).unwrap();
        assert!(row.contains("**4.00x**") && row.ends_with("| - | - |"), "{row}");
        assert!(table.contains("- x call: request bytes identical: yes"));
        assert!(
            table.contains("- x call: per run, paykit 1 connection(s) for 10-20 requests, raw ureq 1 for 12"),
            "{table}"
        );
    }

    #[test]
    fn a_missed_goal_or_a_second_connection_is_not_met() {
        let lines: Vec<String> = [
            "1\tfigure\tcall-x\tper-call\tx call\traw ureq\t1.2",
            "1\tround\tcall-x\t100\t110\t100\t110",
            "1\tconns\tcall-x\t2\t10\t1\t10",
            "1\tfigure\trsa-z\trsa\tz prepare\taws-lc-rs\t1.5",
            "1\tround\trsa-z\t100\t400\t100\t400",
        ]
        .iter()
        .map(|s| (*s).to_owned())
        .collect();
        let table = render(&lines, 1, "pinned");
        assert!(table.lines().find(|l| l.starts_with("| x call")).unwrap().ends_with("**not met** |"));
        assert!(table.lines().find(|l| l.starts_with("| z prepare")).unwrap().ends_with("**not met** |"));
    }
}
