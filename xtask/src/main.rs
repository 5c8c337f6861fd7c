//! `cargo xtask`: developer tasks for the paykit workspace.
//!
//! `cargo xtask codegen [--check] [--provider <name>]` turns `docs/<provider>/*.md` into
//! `crates/<provider>/src/generated/` (see `docs/README.md` for the doc format).
//!
//! `cargo xtask quickstart [--async] [<provider>...]` runs the providers' quickstart examples against their
//! embedded sandboxes.
//!
//! `cargo xtask layout [<provider>...]` checks that every provider crate has the common layout.
//!
//! `cargo xtask faults [<provider>...]` runs the fault-injection campaign (`tools/faults`).
//! `cargo xtask fuzz [--time SECONDS]` and `cargo xtask sweep` run the fuzzing campaign and the
//! bad-input sweep of `tools/fuzz` (docs/reliability.md).
//! `cargo xtask bench [--quick]` measures per-call CPU, signing and RSA against anchors timed in the same
//! run (`tools/bench`, docs/performance.md).
//! `cargo xtask bench-builds [<program>...]` times cold builds of one-provider programs against a
//! bare ureq + serde_json program.

mod bench;
mod bench_builds;
mod check;
mod constraints;
mod emit;
mod faults;
#[cfg(test)]
mod fixtures;
mod fuzz;
mod layout;
mod model;
mod names;
mod parse;
mod quickstart;
mod sweep;
mod templates;
mod tool;

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};

use model::{Doc, DocError};

const USAGE: &str = "usage: cargo xtask codegen [--check] [--provider <name>]
       cargo xtask quickstart [--async] [<provider>...]
       cargo xtask layout [<provider>...]
       cargo xtask faults [<provider>...]
       cargo xtask fuzz [--time SECONDS] [--target NAME] [--seed N]
       cargo xtask sweep [--target NAME]
       cargo xtask bench [--quick] [--runs N] [--cpu N] [--only ...]
       cargo xtask bench-builds [--runs N] [--debug-only] [--keep] [--cpus LIST] [<program>...]

  codegen               regenerate crates/<p>/src/generated/ from docs/<p>/*.md for every provider
  --check               regenerate in memory; exit 1 naming every file that differs from the docs
  --provider <name>     only docs/<name>/ -> crates/<name>/
  quickstart            run every provider's examples/quickstart.rs against its sandbox (or the named ones),
                        showing cargo's build progress; --async runs examples/async.rs (tokio + reqwest)
  layout                check every provider crate (or the named ones) against the common layout: its modules,
                        tests and examples, lib.rs and README, *_ext.rs names, one test per endpoint, no
                        second request trait; exit 1 naming each crate and file that differ
  faults                fault injection with ground truth (tools/faults): every provider's non-idempotent calls
                        and a query through a relay that injects one fault per case; prints the confusion
                        matrices and exits 1 on a request sent twice, a wrong not-sent verdict or a panic
  fuzz                  fuzz every network-input parser (tools/fuzz), SECONDS each; print executions, rate,
                        failures and the slowest input per target; exit 1 on a failure
  sweep                 run the fixed bad-input corpus of every parser; print the summary table; exit 1 on
                        a panic, hang, canary leak or property violation
  bench                 per-call time and CPU through each client vs raw ureq, signing vs the bare digest, RSA
                        per backend vs raw aws-lc-rs: ratios against anchors timed in the same run (release)
  bench-builds          cold debug and release build times and stripped binary sizes of one-provider programs,
                        as ratios against a bare ureq + serde_json program (median of --runs, default 3)";

struct Args {
    check: bool,
    provider: Option<String>,
}

fn parse_args(args: &[String]) -> Result<Args, String> {
    let mut it = args.iter();
    match it.next().map(String::as_str) {
        Some("codegen") => {}
        Some(other) => return Err(format!("unknown task `{other}`")),
        None => return Err("no task given".into()),
    }
    let mut out = Args { check: false, provider: None };
    while let Some(a) = it.next() {
        match a.as_str() {
            "--check" => out.check = true,
            "--provider" => match it.next() {
                Some(p) if !p.starts_with('-') => out.provider = Some(p.clone()),
                _ => return Err("--provider needs a name".into()),
            },
            _ if a.starts_with("--provider=") => out.provider = Some(a["--provider=".len()..].to_string()),
            _ => return Err(format!("unknown argument `{a}`")),
        }
    }
    Ok(out)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("quickstart") => return quickstart::run(&workspace_root(), &args[1..]),
        Some("layout") => return run_layout(&workspace_root(), &args[1..]),
        Some("bench") => return bench::run(&workspace_root(), &args[1..]),
        Some("faults") => return faults::run(&workspace_root(), &args[1..]),
        Some("fuzz") => return fuzz::run(&workspace_root(), &args[1..]),
        Some("sweep") => return sweep::run(&workspace_root(), &args[1..]),
        Some("bench-builds") => return bench_builds::run(&workspace_root(), &args[1..]),
        _ => {}
    }
    let args = match parse_args(&args) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("error: {e}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let root = workspace_root();
    let providers = match providers(&root, args.provider.as_deref()) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    match run(&root, &providers, args.check) {
        Ok(()) => ExitCode::SUCCESS,
        Err(lines) => {
            for l in lines {
                eprintln!("{l}");
            }
            ExitCode::from(1)
        }
    }
}

/// `cargo xtask layout [<provider>...]`.
fn run_layout(root: &Path, only: &[String]) -> ExitCode {
    if let Some(bad) = only.iter().find(|p| p.starts_with('-')) {
        eprintln!("error: unknown argument `{bad}`\n\n{USAGE}");
        return ExitCode::from(2);
    }
    let providers = layout::providers(root, only);
    if let Some(missing) = only.iter().find(|p| !providers.contains(p)) {
        eprintln!("error: `{missing}` is not a provider crate (crates/{missing} with docs/{missing}/)");
        return ExitCode::from(2);
    }
    let problems = layout::check(root, &providers);
    if problems.is_empty() {
        println!("layout ok ({})", providers.join(", "));
        return ExitCode::SUCCESS;
    }
    for p in &problems {
        eprintln!("{p}");
    }
    eprintln!("error: {} layout problem(s); the common layout is described in docs/README.md", problems.len());
    ExitCode::from(1)
}

fn workspace_root() -> PathBuf {
    workspace_root_from(std::env::var_os("CARGO_MANIFEST_DIR"), env!("CARGO_MANIFEST_DIR"))
}

/// The parent of xtask's manifest directory. `cargo xtask` (cargo run) sets `CARGO_MANIFEST_DIR`
/// at run time to the checkout it was invoked in; that wins over the compile-time path, which
/// names whichever checkout built the binary (checkouts sharing a CARGO_TARGET_DIR share it, and
/// codegen must never write into another checkout).
fn workspace_root_from(run_time: Option<std::ffi::OsString>, compile_time: &str) -> PathBuf {
    let manifest = run_time.filter(|d| !d.is_empty()).map(PathBuf::from).unwrap_or_else(|| PathBuf::from(compile_time));
    manifest.parent().map(Path::to_path_buf).unwrap_or(manifest)
}

/// Provider names: subdirectories of `docs/`, or the one asked for.
fn providers(root: &Path, only: Option<&str>) -> Result<Vec<String>, String> {
    let docs = root.join("docs");
    if let Some(p) = only {
        if !docs.join(p).is_dir() {
            return Err(format!("no docs directory docs/{p}/"));
        }
        return Ok(vec![p.to_string()]);
    }
    let entries = std::fs::read_dir(&docs).map_err(|e| format!("cannot read docs/: {e}"))?;
    let mut out = Vec::new();
    for e in entries {
        let e = e.map_err(|e| format!("cannot read docs/: {e}"))?;
        if e.path().is_dir() {
            out.push(e.file_name().to_string_lossy().into_owned());
        }
    }
    out.sort();
    Ok(out)
}

/// One generated file: its path relative to the workspace root and its formatted text.
struct Output {
    path: String,
    text: String,
}

/// Reads, checks and generates every provider; writes (or, with `check`, compares) the output.
/// Nothing is written unless every doc of every provider is valid.
fn run(root: &Path, providers: &[String], check: bool) -> Result<(), Vec<String>> {
    let mut all: Vec<(String, Vec<Output>)> = Vec::new();
    let mut errors: Vec<String> = Vec::new();
    for p in providers {
        match generate_provider(root, p) {
            // A provider directory without API docs yet: its crate is left alone.
            Ok(out) if out.is_empty() => println!("docs/{p}: no API docs, skipped"),
            Ok(out) => all.push((p.clone(), out)),
            Err(e) => errors.extend(e),
        }
    }
    if !errors.is_empty() {
        errors.push(format!("error: {} problem(s); nothing was generated", errors.len()));
        return Err(errors);
    }
    let mut differ = Vec::new();
    for (p, outputs) in &all {
        let dir = root.join("crates").join(p).join("src").join("generated");
        let rel_dir = format!("crates/{p}/src/generated");
        let mut wanted: Vec<&str> = Vec::new();
        for o in outputs {
            wanted.push(&o.path);
            let path = root.join(&o.path);
            let current = std::fs::read_to_string(&path).ok();
            let status = match &current {
                None => Some("missing"),
                Some(c) if *c != o.text => Some("differs"),
                Some(_) => None,
            };
            if check {
                if let Some(s) = status {
                    differ.push(format!("  {} ({s})", o.path));
                }
            } else if status.is_some() {
                std::fs::create_dir_all(&dir).map_err(|e| vec![format!("error: cannot create {rel_dir}: {e}")])?;
                std::fs::write(&path, &o.text).map_err(|e| vec![format!("error: cannot write {}: {e}", o.path)])?;
                println!("wrote {}", o.path);
            }
        }
        // Files no doc generates any more (a doc was renamed or removed).
        if let Ok(entries) = std::fs::read_dir(&dir) {
            let mut stale = Vec::new();
            for e in entries.flatten() {
                let name = e.file_name().to_string_lossy().into_owned();
                let rel = format!("{rel_dir}/{name}");
                if name.ends_with(".rs") && !wanted.contains(&rel.as_str()) {
                    stale.push((rel, e.path()));
                }
            }
            stale.sort();
            for (rel, path) in stale {
                if check {
                    differ.push(format!("  {rel} (no doc generates it)"));
                } else {
                    std::fs::remove_file(&path).map_err(|e| vec![format!("error: cannot remove {rel}: {e}")])?;
                    println!("removed {rel}");
                }
            }
        }
    }
    if !differ.is_empty() {
        let mut lines = vec![format!("error: {} generated file(s) disagree with docs/:", differ.len())];
        lines.extend(differ);
        lines.push("run `cargo xtask codegen` and commit the result".into());
        return Err(lines);
    }
    if check {
        println!("generated code matches docs/ ({})", providers.join(", "));
    }
    Ok(())
}

/// Parses, validates, generates and formats one provider's files.
fn generate_provider(root: &Path, provider: &str) -> Result<Vec<Output>, Vec<String>> {
    let dir = root.join("docs").join(provider);
    let rel_dir = format!("docs/{provider}");
    if !root.join("crates").join(provider).join("Cargo.toml").is_file() {
        return Err(vec![format!("{rel_dir}: no crate crates/{provider}/ to generate into")]);
    }
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map_err(|e| vec![format!("{rel_dir}: cannot read: {e}")])?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "md"))
        .filter(|p| !p.file_name().is_some_and(|n| n.eq_ignore_ascii_case("README.md")))
        .collect();
    files.sort();
    let mut docs = Vec::new();
    let mut errors: Vec<DocError> = Vec::new();
    for path in &files {
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let rel = format!("{rel_dir}/{name}");
        let text = std::fs::read_to_string(path).map_err(|e| vec![format!("{rel}: cannot read: {e}")])?;
        match parse_file(&rel, &text) {
            Ok(d) => docs.push(d),
            Err(e) => errors.extend(e),
        }
    }
    if errors.is_empty() {
        errors = check::validate(&docs);
    }
    if !errors.is_empty() {
        return Err(errors.iter().map(ToString::to_string).collect());
    }
    if docs.is_empty() {
        return Ok(Vec::new());
    }
    let rustfmt_toml = root.join("rustfmt.toml");
    let mut out = Vec::new();
    for (file, text) in emit::generate(&rel_dir, &docs) {
        let path = format!("crates/{provider}/src/generated/{file}");
        let text = rustfmt(&text, &rustfmt_toml).map_err(|e| vec![format!("error: formatting {path}: {e}")])?;
        out.push(Output { path, text });
    }
    let readme_rel = format!("crates/{provider}/README.md");
    if let Ok(readme) = std::fs::read_to_string(root.join(&readme_rel)) {
        match with_endpoint_table(&readme, &emit::readme_table(&docs)) {
            Some(text) => out.push(Output { path: readme_rel, text }),
            None if docs.iter().any(|d| d.endpoint.is_some()) => {
                return Err(vec![format!(
                    "{readme_rel}: add the lines `{TABLE_BEGIN}` and `{TABLE_END}` where the generated endpoint table goes"
                )]);
            }
            None => {}
        }
    }
    Ok(out)
}

/// The marker lines around the generated endpoint table in a crate README.
const TABLE_BEGIN: &str = "<!-- endpoints:begin -->";
const TABLE_END: &str = "<!-- endpoints:end -->";

/// `readme` with the text between its endpoint-table markers replaced by `table`; `None` when the
/// markers are missing or out of order.
fn with_endpoint_table(readme: &str, table: &str) -> Option<String> {
    let begin = readme.find(TABLE_BEGIN)? + TABLE_BEGIN.len();
    let end = begin + readme[begin..].find(TABLE_END)?;
    Some(format!("{}\n{table}{}", &readme[..begin], &readme[end..]))
}

/// Parses one doc; `rel` is its path relative to the workspace root.
fn parse_file(rel: &str, text: &str) -> Result<Doc, Vec<DocError>> {
    let stem = rel.rsplit('/').next().unwrap_or(rel).trim_end_matches(".md");
    let module = stem.replace('-', "_");
    if !names::is_module_name(&module) {
        return Err(vec![DocError {
            file: rel.to_string(),
            line: 1,
            message: format!("file name gives module `{module}`: use lowercase letters, digits, `-` and `_`"),
        }]);
    }
    parse::parse_doc(rel, &module, text)
}

/// Formats Rust source with rustfmt and the workspace settings.
fn rustfmt(source: &str, config: &Path) -> Result<String, String> {
    let program = std::env::var("RUSTFMT").unwrap_or_else(|_| "rustfmt".to_string());
    let mut cmd = Command::new(&program);
    cmd.args(["--edition", "2024", "--emit", "stdout"]);
    if config.is_file() {
        cmd.arg("--config-path").arg(config);
    }
    let mut child = cmd
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run {program}: {e}"))?;
    let mut stdin = child.stdin.take().ok_or("rustfmt has no stdin")?;
    let input = source.to_string();
    // Write from a thread so a large output cannot deadlock against a full stdout pipe.
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let output = child.wait_with_output().map_err(|e| format!("rustfmt failed: {e}"))?;
    let _ = writer.join();
    if !output.status.success() {
        return Err(format!(
            "rustfmt rejected the generated code (a generator bug):\n{}",
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    String::from_utf8(output.stdout).map_err(|_| "rustfmt printed invalid UTF-8".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(a: &[&str]) -> Result<Args, String> {
        parse_args(&a.iter().map(|s| s.to_string()).collect::<Vec<_>>())
    }

    #[test]
    fn the_root_is_the_checkout_cargo_runs_us_from() {
        // Two checkouts sharing one CARGO_TARGET_DIR share one xtask binary (cargo finds it fresh
        // for both): the compile-time path may name the other checkout, the run-time one does not.
        let here = std::ffi::OsString::from("/work/here/xtask");
        assert_eq!(workspace_root_from(Some(here), "/work/elsewhere/xtask"), PathBuf::from("/work/here"));
        assert_eq!(workspace_root_from(Some("".into()), "/work/elsewhere/xtask"), PathBuf::from("/work/elsewhere"));
        assert_eq!(workspace_root_from(None, "/work/elsewhere/xtask"), PathBuf::from("/work/elsewhere"));
    }

    #[test]
    fn command_line() {
        let a = args(&["codegen", "--check", "--provider", "acqra-gateway"]).unwrap();
        assert!(a.check);
        assert_eq!(a.provider.as_deref(), Some("acqra-gateway"));
        assert_eq!(args(&["codegen", "--provider=x"]).unwrap().provider.as_deref(), Some("x"));
        assert!(!args(&["codegen"]).unwrap().check);
        assert!(args(&[]).is_err());
        assert!(args(&["build"]).is_err());
        assert!(args(&["codegen", "--provider"]).is_err());
        assert!(args(&["codegen", "--fix"]).is_err());
    }

    #[test]
    fn bad_file_names_are_errors() {
        let e = parse_file("docs/p/type.md", "").unwrap_err();
        assert_eq!(
            e[0].to_string(),
            "docs/p/type.md:1: file name gives module `type`: use lowercase letters, digits, `-` and `_`"
        );
        assert_eq!(parse_file("docs/p/shipping-tracking.md", "").unwrap().module, "shipping_tracking");
    }
}

#[cfg(test)]
mod run_tests {
    use super::*;

    const DOC: &str = "# Pay\n\n```endpoint\nname: pay\nmethod: POST\npath: /v1/pay\nsummary: 支付\nidempotent: false\n\
request: PayRequest\nresponse: json\n```\n\n## PayRequest\n\n| field | type | required | description |\n\
|---|---|---|---|\n| orderNo | string | yes | 订单号 |\n";

    /// A scratch workspace with `docs/p/pay.md` and a crate `crates/p`.
    fn scratch(name: &str) -> PathBuf {
        let root = std::env::temp_dir().join(format!("xtask-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        std::fs::create_dir_all(root.join("docs/p")).unwrap();
        std::fs::create_dir_all(root.join("crates/p/src")).unwrap();
        std::fs::write(root.join("crates/p/Cargo.toml"), "[package]\n").unwrap();
        std::fs::write(root.join("docs/p/pay.md"), DOC).unwrap();
        std::fs::write(root.join("docs/README.md"), "# not a provider\n").unwrap();
        std::fs::write(root.join("rustfmt.toml"), "max_width = 120\nuse_small_heuristics = \"Max\"\n").unwrap();
        root
    }

    fn gen_dir(root: &Path) -> PathBuf {
        root.join("crates/p/src/generated")
    }

    fn listing(root: &Path) -> Vec<String> {
        let mut v: Vec<String> = std::fs::read_dir(gen_dir(root))
            .map(|d| d.flatten().map(|e| e.file_name().to_string_lossy().into_owned()).collect())
            .unwrap_or_default();
        v.sort();
        v
    }

    #[test]
    fn generate_then_check_then_detect_every_kind_of_drift() {
        let root = scratch("drift");
        let p = providers(&root, None).unwrap();
        assert_eq!(p, ["p"], "only subdirectories of docs/ are providers");
        // Before generating, check reports the missing files and writes nothing.
        let e = run(&root, &p, true).unwrap_err();
        assert!(e.contains(&"  crates/p/src/generated/pay.rs (missing)".to_string()), "{e:?}");
        assert!(e.contains(&"  crates/p/src/generated/mod.rs (missing)".to_string()), "{e:?}");
        assert!(listing(&root).is_empty());

        run(&root, &p, false).unwrap();
        assert_eq!(listing(&root), ["async_client.rs", "client.rs", "mod.rs", "pay.rs"]);
        let pay = std::fs::read_to_string(gen_dir(&root).join("pay.rs")).unwrap();
        assert!(pay.starts_with("// @generated from docs/p/pay.md by `cargo xtask codegen`; do not edit.\n"));
        run(&root, &p, true).unwrap();

        // Output is deterministic and already formatted: generating again changes nothing, and
        // rustfmt leaves it as it is.
        run(&root, &p, false).unwrap();
        assert_eq!(std::fs::read_to_string(gen_dir(&root).join("pay.rs")).unwrap(), pay);
        assert_eq!(rustfmt(&pay, &root.join("rustfmt.toml")).unwrap(), pay);

        // A hand edit, a stale file, and a doc change are all reported.
        std::fs::write(gen_dir(&root).join("pay.rs"), pay.replace("订单号", "order number")).unwrap();
        std::fs::write(gen_dir(&root).join("old.rs"), "// stale\n").unwrap();
        let e = run(&root, &p, true).unwrap_err();
        assert_eq!(
            e,
            [
                "error: 2 generated file(s) disagree with docs/:",
                "  crates/p/src/generated/pay.rs (differs)",
                "  crates/p/src/generated/old.rs (no doc generates it)",
                "run `cargo xtask codegen` and commit the result",
            ]
        );
        run(&root, &p, false).unwrap();
        assert_eq!(listing(&root), ["async_client.rs", "client.rs", "mod.rs", "pay.rs"]);
        std::fs::write(root.join("docs/p/pay.md"), DOC.replace("订单号", "订单编号")).unwrap();
        let e = run(&root, &p, true).unwrap_err();
        assert!(e.contains(&"  crates/p/src/generated/pay.rs (differs)".to_string()), "{e:?}");
        let _ = std::fs::remove_dir_all(&root);
    }

    #[test]
    fn a_bad_doc_is_reported_with_file_and_line_and_nothing_is_written() {
        let root = scratch("bad");
        let p = providers(&root, Some("p")).unwrap();
        run(&root, &p, false).unwrap();
        let before = std::fs::read_to_string(gen_dir(&root).join("pay.rs")).unwrap();
        std::fs::write(root.join("docs/p/pay.md"), DOC.replace("| orderNo | string |", "| orderNo | money |")).unwrap();
        std::fs::write(
            root.join("docs/p/extra.md"),
            "## Extra\n\n| field | type | required | description |\n|---|---|---|---|\n| x | Nope | no | |\n",
        )
        .unwrap();
        for check in [false, true] {
            let e = run(&root, &p, check).unwrap_err();
            assert_eq!(
                e,
                [
                    "docs/p/pay.md:17: field `orderNo`: unknown type `money` (expected string, integer, decimal, decimal-number, \
                     boolean, date, date-time, secret, map, json, a TypeName, [T] or `crate::path::Type`)",
                    "error: 1 problem(s); nothing was generated",
                ]
            );
        }
        assert_eq!(std::fs::read_to_string(gen_dir(&root).join("pay.rs")).unwrap(), before);
        // With the first error fixed, the undefined reference in the other file is reported.
        std::fs::write(root.join("docs/p/pay.md"), DOC).unwrap();
        let e = run(&root, &p, false).unwrap_err();
        assert_eq!(e[0], "docs/p/extra.md:5: field `x`: type `Nope` is not defined in these docs");
        assert!(!gen_dir(&root).join("extra.rs").exists());
        let _ = std::fs::remove_dir_all(&root);
    }

    #[test]
    fn a_provider_without_docs_is_left_alone() {
        let root = scratch("empty");
        std::fs::remove_file(root.join("docs/p/pay.md")).unwrap();
        std::fs::write(root.join("docs/p/README.md"), "# Notes, not a doc\n\n| a | b |\n").unwrap();
        std::fs::create_dir_all(gen_dir(&root)).unwrap();
        std::fs::write(gen_dir(&root).join("mod.rs"), "// hand-written for now\n").unwrap();
        run(&root, &["p".to_string()], true).unwrap();
        run(&root, &["p".to_string()], false).unwrap();
        assert_eq!(listing(&root), ["mod.rs"]);
        let _ = std::fs::remove_dir_all(&root);
    }

    #[test]
    fn providers_need_a_docs_dir_and_a_crate() {
        let root = scratch("missing");
        assert!(providers(&root, Some("nope")).is_err());
        std::fs::create_dir_all(root.join("docs/orphan")).unwrap();
        let e = run(&root, &["orphan".to_string()], true).unwrap_err();
        assert_eq!(e[0], "docs/orphan: no crate crates/orphan/ to generate into");
        let _ = std::fs::remove_dir_all(&root);
    }
}
