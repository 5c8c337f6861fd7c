//! `cargo xtask bench-builds [--runs N] [--debug-only] [--keep] [<program>...]`: what a user pays
//! to build a program on paykit, as ratios against a bare program on the same HTTP and JSON stack.
//!
//! In a temporary directory it writes the anchor, `bare` (ureq with the workspace's features and
//! serde_json, sending one JSON request), and one program per provider that builds that provider's
//! client and calls one endpoint (path dependencies on this workspace, default features). Each
//! program is built cold (a fresh target directory every time, `RUSTC_WRAPPER` unset) in debug and
//! in release; the stripped release binary is weighed. Runs go in rounds (every program once, then
//! again) so that a change of load on a shared machine touches all programs alike; each figure is
//! the median of `--runs` (3) runs, each ratio is against `bare` in the same run. With `taskset`
//! present every build is pinned to the same CPUs (`--cpus`, default `0,1`).
//!
//! Wall time is what a user waits; CPU time (user + system of cargo and every compiler it ran) is
//! the same work measured without the waiting for other processes, steadier on a busy machine.

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::time::Instant;

use crate::quickstart::PROVIDERS;

const USAGE: &str = "usage: cargo xtask bench-builds [--runs N] [--debug-only] [--keep] [--cpus LIST] [<program>...]

  <program>      bare (always built: the anchor) and providers (default: all of them)
  --runs N       cold builds of each program and profile; the median is shown (default 3)
  --debug-only   skip the release builds and binary sizes
  --keep         keep the temporary directory (its path is printed)
  --cpus LIST    the CPUs taskset pins every build to (default 0,1; ignored without taskset)";

/// The anchor program: ureq and serde_json only, doing what a provider call does (a JSON body out,
/// a JSON body read back).
const BARE_MAIN: &str = r#"fn main() {
    let body = serde_json::to_vec(&serde_json::json!({"productType": 1, "pageNo": 1})).expect("json");
    let response = ureq::post("http://127.0.0.1:9/api").header("content-type", "application/json").send(&body[..]);
    match response {
        Ok(mut r) => {
            let text = r.body_mut().read_to_string().unwrap_or_default();
            let value: serde_json::Value = serde_json::from_str(&text).unwrap_or_default();
            println!("{value}");
        }
        Err(e) => println!("{e}"),
    }
}
"#;

/// One provider program: build a client, call one endpoint, print the outcome.
fn provider_main(provider: &str) -> &'static str {
    match provider {
        "visagenius" => {
            r#"fn main() -> Result<(), Box<dyn std::error::Error>> {
    let config = visagenius::Config::builder()
        .base_url("http://127.0.0.1:9")
        .appid("app")
        .access_key("access")
        .secret_key("secret")
        .build()?;
    let client = visagenius::Client::new(config);
    match client.product_brief_query(&visagenius::ProductBriefQueryRequest::new()) {
        Ok(list) => println!("{:?} products", list.total_count),
        Err(e) => println!("{e}"),
    }
    Ok(())
}
"#
        }
        "acqra-gateway" => {
            r#"use acqra_gateway::{Client, Config, PaymentMethodType, QueryRequest};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let config = Config::builder().base_url("http://127.0.0.1:9").app_id("app").secret("secret").build()?;
    let client = Client::new(config);
    match client.query(&QueryRequest::new(PaymentMethodType::Card).with_trade_no("T1")) {
        Ok(found) => println!("{found:?}"),
        Err(e) => println!("{e}"),
    }
    Ok(())
}
"#
        }
        "vip-charge" => {
            r#"use vip_charge::{Client, Config, ProductListRequest};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let config =
        Config::builder().base_url("http://127.0.0.1:9").business_id("B1").md5_secret_key("secret").build()?;
    let client = Client::new(config);
    match client.product_list(&ProductListRequest::new("M1")) {
        Ok(products) => println!("{products:?}"),
        Err(e) => println!("{e}"),
    }
    Ok(())
}
"#
        }
        "mall-pay" => {
            r#"use mall_pay::{Client, Config, Freight, PayOrder, PayWith, Yuan};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let config = Config::builder().base_url("http://127.0.0.1:9").pay_path("/pay").token("token").build()?;
    let client = Client::new(config);
    let order = PayOrder::new(1004, 7, PayWith::wechat(Yuan::parse("0.1")?), Freight::Free)?;
    match client.order_pay(&order.into()) {
        Ok(paid) => println!("{paid:?}"),
        Err(e) => println!("{e}"),
    }
    Ok(())
}
"#
        }
        "chainup-opay" => {
            r#"use chainup_opay::{Client, Config, MerchantBillingDayRequest};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let config = Config::builder()
        .base_url("http://127.0.0.1:9")
        .app_key("app")
        .merchant_private_key_file("merchant.pem")
        .platform_public_key_file("platform.pem")
        .build()?;
    let client = Client::new(config);
    match client.merchant_billing_day(&MerchantBillingDayRequest::new()) {
        Ok(statement) => println!("{statement:?}"),
        Err(e) => println!("{e}"),
    }
    Ok(())
}
"#
        }
        _ => unreachable!("PROVIDERS lists the providers this file has programs for"),
    }
}

struct Args {
    runs: usize,
    release: bool,
    keep: bool,
    cpus: String,
    programs: Vec<String>,
}

fn parse_args(args: &[String]) -> Result<Args, String> {
    let mut out = Args { runs: 3, release: true, keep: false, cpus: "0,1".into(), programs: Vec::new() };
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--runs" => {
                out.runs = it
                    .next()
                    .and_then(|n| n.parse().ok())
                    .filter(|&n| n > 0)
                    .ok_or("--runs needs a positive number")?;
            }
            "--debug-only" => out.release = false,
            "--keep" => out.keep = true,
            "--cpus" => out.cpus = it.next().ok_or("--cpus needs a CPU list")?.clone(),
            "bare" => {}
            p if PROVIDERS.iter().any(|(name, _)| *name == p) => out.programs.push(p.to_owned()),
            other => return Err(format!("unknown argument `{other}`")),
        }
    }
    if out.programs.is_empty() {
        out.programs = PROVIDERS.iter().map(|(name, _)| (*name).to_owned()).collect();
    }
    out.programs.insert(0, "bare".into());
    Ok(out)
}

/// `cargo xtask bench-builds ...`.
pub fn run(root: &Path, args: &[String]) -> ExitCode {
    let args = match parse_args(args) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("error: {e}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let dir = std::env::temp_dir().join(format!("paykit-bench-builds-{}", std::process::id()));
    let result = bench(root, &dir, &args);
    if args.keep {
        println!("kept {}", dir.display());
    } else {
        let _ = std::fs::remove_dir_all(&dir);
    }
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(1)
        }
    }
}

/// One cold build: seconds waited, CPU seconds, and the binary's size in bytes (release only).
#[derive(Clone, Copy)]
struct Build {
    wall: f64,
    cpu: Option<f64>,
    size: Option<u64>,
}

fn bench(root: &Path, dir: &Path, args: &Args) -> Result<(), String> {
    let manifest = std::fs::read_to_string(root.join("Cargo.toml")).map_err(|e| format!("Cargo.toml: {e}"))?;
    let lock = std::fs::read_to_string(root.join("Cargo.lock")).map_err(|e| format!("Cargo.lock: {e}"))?;
    for program in &args.programs {
        write_program(root, dir, program, &manifest, &lock)?;
    }
    let pin = taskset_present().then(|| args.cpus.clone());
    let rustc =
        Command::new("rustc").arg("--version").output().map(|o| String::from_utf8_lossy(&o.stdout).trim().to_owned());
    println!(
        "cold builds, median of {} runs; {}; {}; in {}",
        args.runs,
        rustc.unwrap_or_else(|_| "rustc ?".into()),
        pin.as_ref().map_or("not pinned (no taskset)".to_owned(), |c| format!("pinned to CPUs {c}")),
        dir.display()
    );
    let profiles: &[bool] = if args.release { &[false, true] } else { &[false] };
    // results[program][profile] = one Build per run.
    let mut results: Vec<Vec<Vec<Build>>> = vec![vec![Vec::new(); profiles.len()]; args.programs.len()];
    // A program that does not build is reported and left out of later rounds; without the anchor
    // there is nothing to compare with.
    let mut failed = vec![false; args.programs.len()];
    for round in 1..=args.runs {
        for (p, program) in args.programs.iter().enumerate() {
            for (k, &release) in profiles.iter().enumerate() {
                if failed[p] {
                    continue;
                }
                let b = match build(dir, program, release, pin.as_deref()) {
                    Ok(b) => b,
                    Err(e) if p > 0 => {
                        eprintln!("error: {e}");
                        failed[p] = true;
                        continue;
                    }
                    Err(e) => return Err(e),
                };
                eprintln!(
                    "round {round}/{}: {program} {}: {:.1} s, CPU {}",
                    args.runs,
                    if release { "release" } else { "debug" },
                    b.wall,
                    b.cpu.map_or("?".into(), |c| format!("{c:.1} s"))
                );
                results[p][k].push(b);
            }
        }
    }
    print_table(&args.programs, profiles, &results);
    if failed.contains(&true) { Err("some programs did not build (see above)".into()) } else { Ok(()) }
}

/// `dir/<program>/`: a package of its own (an empty `[workspace]`) holding the workspace's
/// lockfile, so that it builds the very versions the workspace tests, offline.
fn write_program(root: &Path, dir: &Path, program: &str, manifest: &str, lock: &str) -> Result<(), String> {
    let pkg = dir.join(program);
    std::fs::create_dir_all(pkg.join("src")).map_err(|e| format!("{}: {e}", pkg.display()))?;
    let deps = if program == "bare" {
        let line = |name: &str| {
            manifest
                .lines()
                .find(|l| l.starts_with(&format!("{name} = ")))
                .map(str::to_owned)
                .ok_or(format!("no `{name}` in [workspace.dependencies]"))
        };
        format!("{}\n{}\n", line("ureq")?, line("serde_json")?)
    } else {
        format!("{program} = {{ path = {:?} }}\n", root.join("crates").join(program).display().to_string())
    };
    let toml = format!(
        "[package]\nname = \"bench-{program}\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n\
         [workspace]\n\n[dependencies]\n{deps}\n[profile.release]\nstrip = true\n"
    );
    let main = if program == "bare" { BARE_MAIN } else { provider_main(program) };
    for (path, text) in
        [(pkg.join("Cargo.toml"), toml.as_str()), (pkg.join("Cargo.lock"), lock), (pkg.join("src/main.rs"), main)]
    {
        std::fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    Ok(())
}

fn taskset_present() -> bool {
    Command::new("taskset")
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// One cold build of `program` in a fresh target directory, deleted afterwards.
fn build(dir: &Path, program: &str, release: bool, pin: Option<&str>) -> Result<Build, String> {
    let pkg = dir.join(program);
    let target = dir.join(format!("target-{program}"));
    let _ = std::fs::remove_dir_all(&target);
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let mut cmd = match pin {
        Some(cpus) => {
            let mut c = Command::new("taskset");
            c.args(["-c", cpus, &cargo]);
            c
        }
        None => Command::new(&cargo),
    };
    cmd.args(["build", "--quiet", "--offline"]).current_dir(&pkg).env("CARGO_TARGET_DIR", &target);
    if release {
        cmd.arg("--release");
    }
    // A compiler cache would make the build warm; so would the caller's incremental settings.
    cmd.env_remove("RUSTC_WRAPPER").env_remove("CARGO_BUILD_RUSTC_WRAPPER").env_remove("CARGO_INCREMENTAL");
    cmd.stdout(Stdio::null()).stderr(Stdio::piped());
    let cpu_before = children_cpu_seconds();
    let start = Instant::now();
    let out = cmd.output().map_err(|e| format!("cannot run cargo: {e}"))?;
    let wall = start.elapsed().as_secs_f64();
    let cpu = children_cpu_seconds().zip(cpu_before).map(|(after, before)| after - before);
    if !out.status.success() {
        return Err(format!("{program} did not build:\n{}", String::from_utf8_lossy(&out.stderr)));
    }
    let size = release
        .then(|| std::fs::metadata(binary(&target, program)).map(|m| m.len()))
        .transpose()
        .map_err(|e| format!("{program}: no binary: {e}"))?;
    let _ = std::fs::remove_dir_all(&target);
    Ok(Build { wall, cpu, size })
}

fn binary(target: &Path, program: &str) -> PathBuf {
    target.join("release").join(format!("bench-{program}{}", std::env::consts::EXE_SUFFIX))
}

/// User plus system time of this process's waited-for children (and theirs), from
/// `/proc/self/stat`; `None` where there is no such file.
fn children_cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the parenthesized command name; cutime and cstime are fields 16 and 17.
    let rest = &stat[stat.rfind(')')? + 2..];
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks = |i: usize| fields.get(i - 3)?.parse::<f64>().ok();
    // The kernel reports these in USER_HZ, 100 on every Linux this runs on.
    Some((ticks(16)? + ticks(17)?) / 100.0)
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    let n = values.len();
    if n % 2 == 1 { values[n / 2] } else { (values[n / 2 - 1] + values[n / 2]) / 2.0 }
}

/// One figure of a build (seconds, bytes), where measured.
type Figure = fn(&Build) -> Option<f64>;

fn print_table(programs: &[String], profiles: &[bool], results: &[Vec<Vec<Build>>]) {
    let figure = |p: usize, k: usize, f: Figure| -> Option<f64> {
        let values: Option<Vec<f64>> = results[p][k].iter().map(f).collect();
        values.filter(|v| !v.is_empty()).map(median)
    };
    let wall: Figure = |b| Some(b.wall);
    let cpu: Figure = |b| b.cpu;
    let size: Figure = |b| b.size.map(|s| s as f64);
    let mut columns: Vec<(String, usize, Figure, &str)> = Vec::new();
    for (k, &release) in profiles.iter().enumerate() {
        let name = if release { "release" } else { "debug" };
        columns.push((format!("{name} wall"), k, wall, "s"));
        columns.push((format!("{name} CPU"), k, cpu, "s"));
        if release {
            columns.push(("stripped binary".into(), k, size, "KiB"));
        }
    }
    let mut header = format!("| {:<14} |", "program");
    let mut rule = format!("|{}|", "-".repeat(16));
    for (name, ..) in &columns {
        header.push_str(&format!(" {name:>22} |"));
        rule.push_str(&format!("{}:|", "-".repeat(23)));
    }
    println!("\n{header}\n{rule}");
    for (p, program) in programs.iter().enumerate() {
        let mut row = format!("| {program:<14} |");
        for (_, k, f, unit) in &columns {
            let cell = match (figure(p, *k, *f), figure(0, *k, *f)) {
                (Some(v), Some(anchor)) => {
                    let shown = if *unit == "KiB" { v / 1024.0 } else { v };
                    if p == 0 {
                        format!("{shown:.1} {unit}")
                    } else {
                        format!("{shown:.1} {unit} ({:.2}x)", v / anchor)
                    }
                }
                _ => "n/a".into(),
            };
            row.push_str(&format!(" {cell:>22} |"));
        }
        println!("{row}");
    }
}
