//! The bench's output: tab-separated lines on stdout that `cargo xtask bench` merges (over runs and
//! RSA backends) into one table. One line per fact:
//!
//! ```text
//! meta    <key>   <value>
//! figure  <id>    <section>   <what is measured>  <anchor>    <goal: max CPU ratio, or ->
//! round   <id>    <anchor ns/op>  <subject ns/op> <anchor CPU ns/op>  <subject CPU ns/op>
//! conns   <id>    <paykit connections> <paykit requests>    <raw connections> <raw requests>
//! note    <id>    <text>
//! ```

use std::io::Write;

use crate::measure::Round;

/// Writes the lines, flushing each (a long run shows progress).
#[derive(Debug, Default)]
pub struct Report {
    /// Only figures whose id contains this are measured (`--filter`, for profiling one figure).
    filter: Option<String>,
}

fn clean(text: &str) -> String {
    text.replace(['\t', '\n', '\r'], " ")
}

impl Report {
    /// A report measuring only the figures whose id contains `filter` (all when `None`).
    pub fn new(filter: Option<String>) -> Self {
        Self { filter }
    }

    /// Whether figure `id` is to be measured.
    pub fn wants(&self, id: &str) -> bool {
        self.filter.as_deref().is_none_or(|f| id.contains(f))
    }

    fn line(&mut self, fields: &[&str]) {
        let text: Vec<String> = fields.iter().map(|f| clean(f)).collect();
        let mut out = std::io::stdout().lock();
        let _ = writeln!(out, "{}", text.join("\t"));
        let _ = out.flush();
    }

    /// A fact about the run (backend, settings).
    pub fn meta(&mut self, key: &str, value: &str) {
        self.line(&["meta", key, value]);
    }

    /// Declares a figure.
    pub fn figure(&mut self, id: &str, section: &str, subject: &str, anchor: &str, goal: Option<f64>) {
        let goal = goal.map_or_else(|| "-".to_owned(), |g| g.to_string());
        self.line(&["figure", id, section, subject, anchor, &goal]);
    }

    /// The rounds measured for a figure.
    pub fn rounds(&mut self, id: &str, rounds: &[Round]) {
        for r in rounds {
            let f = |x: f64| format!("{x:.1}");
            self.line(&["round", id, &f(r.anchor_time), &f(r.subject_time), &f(r.anchor_cpu), &f(r.subject_cpu)]);
        }
    }

    /// Connections and requests of each side of a per-call figure: paykit's connections and
    /// requests, raw ureq's connections and requests.
    pub fn connections(&mut self, id: &str, counts: [u64; 4]) {
        let [a, b, c, d] = counts.map(|n| n.to_string());
        self.line(&["conns", id, &a, &b, &c, &d]);
    }

    /// A remark on a figure.
    pub fn note(&mut self, id: &str, text: &str) {
        self.line(&["note", id, text]);
    }
}
