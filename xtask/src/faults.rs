//! `cargo xtask faults [<provider>...]`: fault injection with ground truth.
//!
//! Runs `tools/faults` (package `paykit-faults`): a loopback relay between each provider client and
//! its sandbox injects one fault per case and records whether the sandbox received the call's
//! request (its complete bytes forwarded). This driver reads the one line per case it prints and
//! reports, per provider, the confusion matrix of the client's verdict (not sent / outcome unknown /
//! definite failure / success) against that truth, then the latency per fault, and ends with
//! `faults: N cases, X sent twice, Y wrong not-sent verdicts, Z panics`.
//!
//! Exit status 1 when X, Y or Z is not 0, or when the campaign did not test what it claims (a case
//! that could not be set up, a fault that met no request, a request that reached a host the client
//! must never reach, an effect in the sandbox without a request received).

use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Command, ExitCode};

/// One case as `paykit-faults` prints it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Case {
    provider: String,
    call: String,
    non_idempotent: bool,
    fault: String,
    verdict: String,
    variant: String,
    received: usize,
    processed: Option<bool>,
    fault_met: bool,
    elsewhere: usize,
    latency_us: u64,
    setup_error: Option<String>,
    panic: Option<String>,
}

fn parse_line(line: &str) -> Option<Case> {
    let f: Vec<&str> = line.split('\t').collect();
    if f.len() != 14 || f[0] != "case" {
        return None;
    }
    let dash = |s: &str| (s != "-").then(|| s.to_owned());
    Some(Case {
        provider: f[1].to_owned(),
        call: f[2].to_owned(),
        non_idempotent: f[3] == "non-idempotent",
        fault: f[4].to_owned(),
        verdict: f[5].to_owned(),
        variant: f[6].to_owned(),
        received: f[7].parse().ok()?,
        processed: match f[8] {
            "yes" => Some(true),
            "no" => Some(false),
            _ => None,
        },
        fault_met: f[9] == "true",
        elsewhere: f[10].parse().ok()?,
        latency_us: f[11].parse().ok()?,
        setup_error: dash(f[12]),
        panic: dash(f[13]),
    })
}

/// The counts of the last line, and every problem found.
#[derive(Debug, Default, PartialEq, Eq)]
struct Summary {
    cases: usize,
    sent_twice: usize,
    wrong_not_sent: usize,
    panics: usize,
    problems: Vec<String>,
}

fn summarize(cases: &[Case]) -> Summary {
    let mut s = Summary { cases: cases.len(), ..Summary::default() };
    for c in cases {
        let name = format!("{} {} / {}", c.provider, c.call, c.fault);
        if c.non_idempotent && c.received > 1 {
            s.sent_twice += 1;
            s.problems.push(format!("sent twice: {name} (received {} times)", c.received));
        }
        if c.verdict == "not-sent" && c.received > 0 {
            s.wrong_not_sent += 1;
            s.problems.push(format!("wrong not-sent verdict: {name} ({}, received {})", c.variant, c.received));
        }
        if c.verdict == "panic" || c.panic.is_some() {
            s.panics += 1;
            s.problems.push(format!("panic: {name}: {}", c.panic.as_deref().unwrap_or("?")));
        }
        if let Some(e) = &c.setup_error {
            s.problems.push(format!("set-up failed: {name}: {e}"));
        }
        if !c.fault_met {
            s.problems.push(format!("the fault met no request: {name}"));
        }
        if c.elsewhere > 0 {
            s.problems.push(format!("a request reached a host it must never reach: {name}"));
        }
        if c.verdict == "definite" && c.processed == Some(true) {
            s.problems.push(format!("a definite failure for a request the sandbox processed: {name}"));
        }
        if c.processed == Some(true) && c.received == 0 {
            s.problems.push(format!("the sandbox shows an effect but received nothing (relay bug): {name}"));
        }
    }
    s
}

const VERDICTS: [(&str, &str); 4] = [
    ("not-sent", "not sent"),
    ("unknown", "outcome unknown"),
    ("definite", "definite failure"),
    ("success", "success"),
];

/// The confusion matrix of one provider's cases, as a Markdown table.
fn matrix(cases: &[&Case]) -> String {
    let mut out = String::from("| verdict \\ truth | received | not received |\n|---|---:|---:|\n");
    for (key, label) in VERDICTS {
        let count = |received: bool| cases.iter().filter(|c| c.verdict == key && (c.received > 0) == received).count();
        out.push_str(&format!("| {label} | {} | {} |\n", count(true), count(false)));
    }
    let panics = cases.iter().filter(|c| c.verdict == "panic").count();
    if panics > 0 {
        out.push_str(&format!("| panic | {panics} | |\n"));
    }
    out
}

fn median(values: &mut [u64]) -> u64 {
    values.sort_unstable();
    values.get(values.len() / 2).copied().unwrap_or(0)
}

/// Latency per fault over every provider and call, as a Markdown table.
fn latency_table(cases: &[Case]) -> String {
    let mut order: Vec<&str> = Vec::new();
    let mut by_fault: BTreeMap<&str, Vec<&Case>> = BTreeMap::new();
    for c in cases {
        if !order.contains(&c.fault.as_str()) {
            order.push(&c.fault);
        }
        by_fault.entry(&c.fault).or_default().push(c);
    }
    let mut out = String::from("| fault | cases | verdicts | median ms | max ms |\n|---|---:|---|---:|---:|\n");
    for fault in order {
        let group = &by_fault[fault];
        let mut verdicts: BTreeMap<&str, usize> = BTreeMap::new();
        for c in group {
            *verdicts.entry(c.verdict.as_str()).or_default() += 1;
        }
        let verdicts: Vec<String> = verdicts.iter().map(|(v, n)| format!("{v} {n}")).collect();
        let mut micros: Vec<u64> = group.iter().map(|c| c.latency_us).collect();
        let max = micros.iter().copied().max().unwrap_or(0);
        let med = median(&mut micros);
        out.push_str(&format!(
            "| {fault} | {} | {} | {} | {} |\n",
            group.len(),
            verdicts.join(", "),
            med / 1000,
            max / 1000
        ));
    }
    out
}

fn last_line(s: &Summary) -> String {
    format!(
        "faults: {} cases, {} sent twice, {} wrong not-sent verdicts, {} panics",
        s.cases, s.sent_twice, s.wrong_not_sent, s.panics
    )
}

/// `cargo xtask faults [<provider>...]`.
pub fn run(root: &Path, only: &[String]) -> ExitCode {
    if let Some(bad) = only.iter().find(|p| !crate::quickstart::PROVIDERS.iter().any(|(name, _)| *name == p.as_str())) {
        eprintln!(
            "error: unknown provider `{bad}` (one of: {})",
            crate::quickstart::PROVIDERS.map(|(name, _)| name).join(", ")
        );
        return ExitCode::from(2);
    }
    // Built first, so that the time printed is the campaign's own.
    let exe = match crate::tool::build(root, "paykit-faults", "paykit-faults") {
        Ok(exe) => exe,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(1);
        }
    };
    let started = std::time::Instant::now();
    let output = Command::new(exe).args(only).current_dir(root).stderr(std::process::Stdio::inherit()).output();
    let output = match output {
        Ok(o) => o,
        Err(e) => {
            eprintln!("error: could not run paykit-faults: {e}");
            return ExitCode::from(1);
        }
    };
    let elapsed = started.elapsed();
    let stdout = String::from_utf8_lossy(&output.stdout);
    let cases: Vec<Case> = stdout.lines().filter_map(parse_line).collect();
    let mut summary = summarize(&cases);
    if !output.status.success() {
        summary.problems.push(format!("paykit-faults exited with {}", output.status));
    }
    if cases.is_empty() {
        summary.problems.push("no case ran".to_owned());
    }

    let mut providers: Vec<&str> = Vec::new();
    for c in &cases {
        if !providers.contains(&c.provider.as_str()) {
            providers.push(&c.provider);
        }
    }
    println!("Fault injection: {} cases, {} providers, {:.1} s\n", cases.len(), providers.len(), elapsed.as_secs_f64());
    for p in &providers {
        let mine: Vec<&Case> = cases.iter().filter(|c| c.provider == *p).collect();
        let calls: Vec<&str> = mine.iter().map(|c| c.call.as_str()).fold(Vec::new(), |mut v, c| {
            if !v.contains(&c) {
                v.push(c);
            }
            v
        });
        println!("### {p}: {} cases ({})\n", mine.len(), calls.join(", "));
        println!("{}", matrix(&mine));
    }
    println!("### Latency per fault (every provider and call)\n");
    println!("{}", latency_table(&cases));
    for p in &summary.problems {
        println!("problem: {p}");
    }
    println!("{}", last_line(&summary));
    let failed = summary.sent_twice + summary.wrong_not_sent + summary.panics > 0 || !summary.problems.is_empty();
    if failed { ExitCode::from(1) } else { ExitCode::SUCCESS }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(verdict: &str, received: usize, non_idempotent: bool) -> String {
        format!(
            "case\tmall-pay\torder_pay\t{}\treset after the whole request was read\t{verdict}\tTransport\t{received}\tyes\ttrue\t0\t1500\t-\t-",
            if non_idempotent { "non-idempotent" } else { "query" }
        )
    }

    #[test]
    fn lines_parse_and_other_output_is_ignored() {
        let c = parse_line(&line("unknown", 1, true)).unwrap();
        assert_eq!((c.verdict.as_str(), c.received, c.processed, c.latency_us), ("unknown", 1, Some(true), 1500));
        assert!(c.non_idempotent && c.fault_met && c.setup_error.is_none());
        assert_eq!(parse_line("warning: something"), None);
        assert_eq!(parse_line("case\ttoo\tfew"), None);
    }

    #[test]
    fn the_counts_follow_the_truth() {
        let cases: Vec<Case> = [
            line("unknown", 1, true),
            line("not-sent", 1, true), // wrong: it was received
            line("not-sent", 0, true), // right
            line("success", 2, true),  // sent twice
            line("success", 2, false), // a query repeated: fine
            line("panic", 0, true),
        ]
        .iter()
        .filter_map(|l| parse_line(l))
        .collect();
        let s = summarize(&cases);
        assert_eq!((s.cases, s.sent_twice, s.wrong_not_sent, s.panics), (6, 1, 1, 1));
        assert_eq!(last_line(&s), "faults: 6 cases, 1 sent twice, 1 wrong not-sent verdicts, 1 panics");
        // The panicked case shows an effect without a request: the relay's truth is checked too.
        assert!(s.problems.iter().any(|p| p.contains("relay bug")), "{:?}", s.problems);
    }

    #[test]
    fn the_matrix_splits_verdicts_by_truth() {
        let cases: Vec<Case> =
            [line("unknown", 1, true), line("unknown", 0, true), line("not-sent", 0, true), line("success", 1, true)]
                .iter()
                .filter_map(|l| parse_line(l))
                .collect();
        let refs: Vec<&Case> = cases.iter().collect();
        let m = matrix(&refs);
        assert!(m.contains("| not sent | 0 | 1 |"), "{m}");
        assert!(m.contains("| outcome unknown | 1 | 1 |"), "{m}");
        assert!(m.contains("| definite failure | 0 | 0 |"), "{m}");
        assert!(m.contains("| success | 1 | 0 |"), "{m}");
    }
}
