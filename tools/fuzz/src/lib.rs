//! # paykit-fuzz
//!
//! One registry of the entry points that read network input ([`registry`]), each with the input it
//! takes, the property it must hold and a harness that calls it through the crates' public API.
//! Two campaigns use the same harnesses, so nothing is written twice:
//!
//! - **fuzzing** ([`Target::fuzz`]): proptest strategies generate inputs, every execution checks
//!   the property, a failure is shrunk to a minimal input. The crate's tests run a bounded number
//!   of cases per target (CI); `cargo xtask fuzz [--time SECONDS]` runs each target longer.
//! - **the bad-input sweep** ([`Target::cells`], [`run_cell`]): a fixed corpus per target, built as
//!   a product of bad-input categories; every cell runs on a worker thread with a deadline and
//!   records panic, hang, CPU time, error variant, `outcome_unknown()` and canary leaks
//!   (`cargo xtask sweep`).
//!
//! Canaries ([`CANARY_CARD`], [`CANARY_TOKEN`]) are planted in the inputs; a canary found in any
//! `Display` or `Debug` output of a result is a violation.

use std::fmt;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::{Arc, mpsc};
use std::time::{Duration, Instant};

use proptest::strategy::{BoxedStrategy, Strategy, ValueTree};
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};

mod targets;

pub use targets::registry;

/// A card number planted in inputs (a Visa test number, Luhn-valid). Masking keeps its last four
/// digits; its first twelve must never reach an error.
pub const CANARY_CARD: &str = "4000056655665556";
/// A token planted in inputs, and configured as the client's own token or secret where the client
/// sends one (acqra's app secret, mall-pay's token): it must never reach an error.
pub const CANARY_TOKEN: &str = "tokCANARY7f3a9c2e5b1d4a6f";

/// The first twelve digits of [`CANARY_CARD`]: what masking must remove.
const CARD_PREFIX: &str = "400005665566";

/// Whether `text` holds a canary: the card's first twelve digits (also across spaces and dashes),
/// or the token in any letter case.
pub fn leaks_canary(text: &str) -> bool {
    if text.contains(CARD_PREFIX) || text.replace([' ', '-'], "").contains(CARD_PREFIX) {
        return true;
    }
    text.to_ascii_lowercase().contains(&CANARY_TOKEN.to_ascii_lowercase())
}

/// What one execution of an entry point showed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Observed {
    /// `Ok`, the error variant's name, or `panic`.
    pub variant: String,
    /// The error's `outcome_unknown()`, where the entry point has one.
    pub outcome_unknown: Option<bool>,
    /// Whether a canary appeared in the result's `Display` or `Debug` output.
    pub leak: bool,
    /// Whether the entry point panicked.
    pub panicked: bool,
    /// Why the property does not hold, if it does not.
    pub violation: Option<String>,
}

impl Observed {
    /// An observation without an error.
    pub fn ok() -> Self {
        Self { variant: "Ok".into(), outcome_unknown: None, leak: false, panicked: false, violation: None }
    }

    /// An observation of a value that is not a `Result` (a masked text, an HTTP answer).
    pub fn named(variant: impl Into<String>) -> Self {
        Self { variant: variant.into(), ..Self::ok() }
    }

    /// Records a property violation (the first one is kept).
    pub fn violate(mut self, why: impl Into<String>) -> Self {
        if self.violation.is_none() {
            self.violation = Some(why.into());
        }
        self
    }

    /// Records a violation when `holds` is false.
    pub fn require(self, holds: bool, why: impl FnOnce() -> String) -> Self {
        if holds { self } else { self.violate(why()) }
    }

    /// Whether the result was `Ok`.
    pub fn is_ok(&self) -> bool {
        self.variant == "Ok"
    }

    /// Checks `texts` for canaries: a leak is recorded and is a violation.
    pub fn scan(mut self, texts: &[&str]) -> Self {
        if texts.iter().any(|t| leaks_canary(t)) {
            self.leak = true;
            let shown: String = texts.join(" | ").chars().take(300).collect();
            self = self.violate(format!("canary in output: {shown}"));
        }
        self
    }
}

/// The variant name of an error from its `Debug` output (`HttpStatus { status: 500 }` ->
/// `HttpStatus`).
pub fn variant_name(debug: &str) -> String {
    debug.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect()
}

/// Observes a `Result`: its variant, the error's outcome (through `unknown`), and canaries in the
/// error's `Display` and `Debug` output.
pub fn observe<T, E: fmt::Display + fmt::Debug>(result: &Result<T, E>, unknown: impl Fn(&E) -> bool) -> Observed {
    match result {
        Ok(_) => Observed::ok(),
        Err(e) => {
            let (display, debug) = (e.to_string(), format!("{e:?}"));
            let o = Observed { variant: variant_name(&debug), outcome_unknown: Some(unknown(e)), ..Observed::ok() };
            o.scan(&[&display, &debug])
        }
    }
}

/// One entry point under test: how to generate its inputs, its fixed bad-input corpus, and the
/// call that checks its property on one input.
pub trait Harness: Send + Sync + 'static {
    /// The input the entry point takes.
    type Input: Clone + fmt::Debug + Send + 'static;
    /// Inputs for fuzzing.
    fn strategy(&self) -> BoxedStrategy<Self::Input>;
    /// The sweep's cells: a label naming the categories, and the input.
    fn corpus(&self) -> Vec<(String, Self::Input)>;
    /// Calls the entry point with `input` and checks its property.
    fn check(&self, input: &Self::Input) -> Observed;
}

/// How long a fuzzing campaign runs.
#[derive(Debug, Clone, Copy)]
pub enum Budget {
    /// This many executions.
    Cases(u64),
    /// Until this much time has passed.
    Time(Duration),
}

/// The result of fuzzing one target.
#[derive(Debug, Clone)]
pub struct FuzzStats {
    /// The target's name.
    pub target: &'static str,
    /// Inputs executed.
    pub executions: u64,
    /// Wall time spent.
    pub elapsed: Duration,
    /// Executions whose property did not hold (panics included).
    pub failures: u64,
    /// The first failure, shrunk: the minimal input and why it fails.
    pub first_failure: Option<(String, String)>,
    /// The slowest execution and its input (cut to 200 characters).
    pub slowest: (Duration, String),
}

impl FuzzStats {
    /// Executions per second.
    pub fn per_second(&self) -> f64 {
        self.executions as f64 / self.elapsed.as_secs_f64().max(1e-9)
    }
}

/// One cell of the sweep, ready to run.
pub struct Cell {
    /// The target's name.
    pub target: &'static str,
    /// The categories this cell combines.
    pub label: String,
    run: Box<dyn FnOnce() -> Observed + Send>,
}

/// What one sweep cell showed.
#[derive(Debug, Clone)]
pub struct CellResult {
    /// The target's name.
    pub target: &'static str,
    /// The cell's categories.
    pub label: String,
    /// What the call showed (`None` when it did not finish within the deadline).
    pub observed: Option<Observed>,
    /// The call ran past the deadline.
    pub hang: bool,
    /// CPU time of the worker thread (wall time where the platform does not say).
    pub cpu: Duration,
}

/// A registered entry point.
pub struct Target {
    /// Short name, `crate_thing`.
    pub name: &'static str,
    /// The input it takes.
    pub input: &'static str,
    /// The property it must hold.
    pub property: &'static str,
    /// Cases the bounded run (the crate's tests, CI) executes: few for RSA targets.
    pub ci_cases: u64,
    inner: Arc<dyn Erased>,
}

impl Target {
    /// Registers `harness`.
    pub fn new<H: Harness>(
        name: &'static str,
        input: &'static str,
        property: &'static str,
        ci_cases: u64,
        harness: H,
    ) -> Self {
        Self { name, input, property, ci_cases, inner: Arc::new(Wrap(Arc::new(harness))) }
    }

    /// Fuzzes the target within `budget`, from `seed` (the same seed generates the same inputs).
    pub fn fuzz(&self, budget: Budget, seed: [u8; 32]) -> FuzzStats {
        self.inner.fuzz(self.name, budget, seed)
    }

    /// The target's sweep cells.
    pub fn cells(&self) -> Vec<Cell> {
        self.inner.cells(self.name)
    }
}

trait Erased: Send + Sync {
    fn fuzz(&self, name: &'static str, budget: Budget, seed: [u8; 32]) -> FuzzStats;
    fn cells(&self, name: &'static str) -> Vec<Cell>;
}

struct Wrap<H>(Arc<H>);

fn panic_text(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "(no message)".to_owned())
}

/// Runs `f`, turning a panic into an observation that violates the property.
fn caught(f: impl FnOnce() -> Observed) -> Observed {
    catch_unwind(AssertUnwindSafe(f)).unwrap_or_else(|payload| Observed {
        variant: "panic".into(),
        outcome_unknown: None,
        leak: false,
        panicked: true,
        violation: Some(format!("panic: {}", panic_text(&*payload))),
    })
}

fn shown<T: fmt::Debug>(input: &T) -> String {
    let s = format!("{input:?}");
    if s.chars().count() > 200 { format!("{}…", s.chars().take(200).collect::<String>()) } else { s }
}

impl<H: Harness> Erased for Wrap<H> {
    fn fuzz(&self, name: &'static str, budget: Budget, seed: [u8; 32]) -> FuzzStats {
        let harness = &*self.0;
        let strategy = harness.strategy();
        let config = Config { failure_persistence: None, ..Config::default() };
        let mut runner = TestRunner::new_with_rng(config, TestRng::from_seed(RngAlgorithm::ChaCha, &seed));
        let start = Instant::now();
        let mut stats = FuzzStats {
            target: name,
            executions: 0,
            elapsed: Duration::ZERO,
            failures: 0,
            first_failure: None,
            slowest: (Duration::ZERO, String::new()),
        };
        loop {
            let more = match budget {
                Budget::Cases(n) => stats.executions < n,
                Budget::Time(t) => start.elapsed() < t,
            };
            if !more {
                break;
            }
            let Ok(mut tree) = strategy.new_tree(&mut runner) else { continue };
            let input = tree.current();
            let began = Instant::now();
            let observed = caught(|| harness.check(&input));
            let took = began.elapsed();
            stats.executions += 1;
            if took > stats.slowest.0 {
                stats.slowest = (took, shown(&input));
            }
            if let Some(why) = observed.violation {
                stats.failures += 1;
                if stats.first_failure.is_none() {
                    stats.first_failure = Some(shrink(harness, &mut tree, input, why));
                }
            }
        }
        stats.elapsed = start.elapsed();
        stats
    }

    fn cells(&self, name: &'static str) -> Vec<Cell> {
        self.0
            .corpus()
            .into_iter()
            .map(|(label, input)| {
                let harness = Arc::clone(&self.0);
                Cell { target: name, label, run: Box::new(move || harness.check(&input)) }
            })
            .collect()
    }
}

/// proptest's shrinking loop: simplify while the property still fails, step back when it holds.
fn shrink<H: Harness, T: ValueTree<Value = H::Input>>(
    harness: &H,
    tree: &mut T,
    input: H::Input,
    why: String,
) -> (String, String) {
    let mut best = (shown(&input), why);
    if !tree.simplify() {
        return best;
    }
    for _ in 0..2048 {
        let candidate = tree.current();
        match caught(|| harness.check(&candidate)).violation {
            Some(why) => {
                best = (shown(&candidate), why);
                if !tree.simplify() {
                    break;
                }
            }
            None => {
                if !tree.complicate() {
                    break;
                }
            }
        }
    }
    best
}

/// CPU time this thread has used: `/proc/thread-self/schedstat` (nanoseconds on a CPU), `None`
/// where it is not available.
fn thread_cpu() -> Option<Duration> {
    let text = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let nanos: u64 = text.split_whitespace().next()?.parse().ok()?;
    Some(Duration::from_nanos(nanos))
}

/// Runs one sweep cell on a worker thread and waits at most `deadline` for it; a cell still
/// running then is a hang (its thread is abandoned).
pub fn run_cell(cell: Cell, deadline: Duration) -> CellResult {
    let Cell { target, label, run } = cell;
    let (tx, rx) = mpsc::channel();
    let began = Instant::now();
    let spawned = std::thread::Builder::new().name(format!("sweep-{target}")).stack_size(16 << 20).spawn(move || {
        let cpu0 = thread_cpu();
        let observed = caught(run);
        let cpu = match (cpu0, thread_cpu()) {
            (Some(a), Some(b)) => Some(b.saturating_sub(a)),
            _ => None,
        };
        let _ = tx.send((observed, cpu));
    });
    if let Err(e) = spawned {
        let observed = Observed::named("not run").violate(format!("worker thread did not start: {e}"));
        return CellResult { target, label, observed: Some(observed), hang: false, cpu: Duration::ZERO };
    }
    match rx.recv_timeout(deadline) {
        Ok((observed, cpu)) => {
            CellResult { target, label, observed: Some(observed), hang: false, cpu: cpu.unwrap_or(began.elapsed()) }
        }
        Err(_) => CellResult { target, label, observed: None, hang: true, cpu: began.elapsed() },
    }
}

/// A seed from the clock, for campaigns that should explore new inputs each run.
pub fn fresh_seed() -> [u8; 32] {
    let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos());
    let mut seed = [0u8; 32];
    seed[..16].copy_from_slice(&nanos.to_le_bytes());
    seed[16..20].copy_from_slice(&std::process::id().to_le_bytes());
    seed
}

/// The fixed seed of the bounded runs (reproducible in CI).
pub const CI_SEED: [u8; 32] = *b"paykit-fuzz bounded ci run seed!";
