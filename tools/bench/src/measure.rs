//! Timing: an anchor and a subject run in alternating batches, each batch timed by the wall clock
//! and by the process CPU clock (less the CPU of threads that belong to neither, e.g. the canned
//! server's), giving one pair of per-operation figures per round.

use std::time::{Duration, Instant};

use crate::cpu;

/// How long and how often to measure.
#[derive(Debug, Clone, Copy)]
pub struct Settings {
    /// Rounds: each one batch of the anchor and one of the subject.
    pub rounds: usize,
    /// The target duration of one batch.
    pub batch: Duration,
}

impl Settings {
    /// Full runs: 9 rounds of 200 ms batches.
    pub const FULL: Self = Self { rounds: 9, batch: Duration::from_millis(200) };
    /// `--quick`: 3 rounds of 30 ms batches (a smoke run; figures are rough).
    pub const QUICK: Self = Self { rounds: 3, batch: Duration::from_millis(30) };
}

/// One round: the time and CPU per operation of the anchor and of the subject, in nanoseconds.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Round {
    /// Wall-clock nanoseconds per anchor operation.
    pub anchor_time: f64,
    /// Wall-clock nanoseconds per subject operation.
    pub subject_time: f64,
    /// CPU nanoseconds per anchor operation.
    pub anchor_cpu: f64,
    /// CPU nanoseconds per subject operation.
    pub subject_cpu: f64,
}

/// CPU used so far by threads that are part of neither side (subtracted from the process CPU).
pub type Excluded<'a> = &'a dyn Fn() -> u64;

/// No thread to exclude.
pub fn nothing_excluded() -> u64 {
    0
}

/// Measures `anchor` against `subject`: a warm-up call of each, a batch size per side calibrated to
/// take about `settings.batch`, then `settings.rounds` rounds, the order of the two batches
/// alternating from round to round so that a drift of the machine's speed hits both alike.
pub fn compare(
    settings: Settings,
    excluded: Excluded<'_>,
    anchor: &mut dyn FnMut(),
    subject: &mut dyn FnMut(),
) -> Vec<Round> {
    let anchor_n = calibrate(settings.batch, anchor);
    let subject_n = calibrate(settings.batch, subject);
    (0..settings.rounds)
        .map(|round| {
            let (a, s) = if round % 2 == 0 {
                let a = batch(anchor_n, excluded, anchor);
                (a, batch(subject_n, excluded, subject))
            } else {
                let s = batch(subject_n, excluded, subject);
                (batch(anchor_n, excluded, anchor), s)
            };
            Round { anchor_time: a.0, anchor_cpu: a.1, subject_time: s.0, subject_cpu: s.1 }
        })
        .collect()
}

/// Iterations that take about `target`, from doubling runs (after one warm-up call).
fn calibrate(target: Duration, f: &mut dyn FnMut()) -> u64 {
    f();
    let mut n = 1u64;
    loop {
        let start = Instant::now();
        for _ in 0..n {
            f();
        }
        let took = start.elapsed();
        if took >= target / 8 || n >= 1 << 30 {
            let per_op = took.as_secs_f64() / n as f64;
            return ((target.as_secs_f64() / per_op.max(1e-9)) as u64).max(1);
        }
        n *= 2;
    }
}

/// `n` calls of `f`: (wall ns per call, CPU ns per call).
fn batch(n: u64, excluded: Excluded<'_>, f: &mut dyn FnMut()) -> (f64, f64) {
    let cpu0 = cpu::process_ns().saturating_sub(excluded());
    let start = Instant::now();
    for _ in 0..n {
        f();
    }
    let wall = start.elapsed();
    let cpu1 = cpu::process_ns().saturating_sub(excluded());
    (wall.as_nanos() as f64 / n as f64, cpu1.saturating_sub(cpu0) as f64 / n as f64)
}
