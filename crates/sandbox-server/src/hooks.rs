//! What a program serving a sandbox (the standalone `paykit-sandbox`) needs from it beyond the
//! provider's rules: a log of the requests served with their verdicts, a place to print each
//! one as it happens, and a handler tried before the provider's own (its admin pages).
//!
//! A provider sandbox owns one [`Hooks`] and serves every request through [`Hooks::serve`].
//! While its handler runs, the sandbox's own checks call [`refuse_because`] with the rule a
//! refused request broke, in words a user can act on (the provider's envelope usually says only
//! "sign error"); [`Faults::apply`](crate::Faults::apply) says which planned fault it used. Both
//! are per thread, so they follow the request wherever the server runs its handler.
//!
//! ```
//! use sandbox_server::{Hooks, Verdict, refuse_because};
//! use sign_core::{HttpRequest, HttpResponse, Method};
//!
//! let hooks = Hooks::new();
//! let handle = |r: &HttpRequest| {
//!     if r.header("sign").is_none() {
//!         refuse_because("the header `sign` is missing");
//!         return HttpResponse::new(200, r#"{"status":2}"#);
//!     }
//!     HttpResponse::new(200, r#"{"status":0}"#)
//! };
//! // The provider's envelope decides accepted or refused; the note says why.
//! let classify = |resp: &HttpResponse| (resp.body != br#"{"status":0}"#).then(|| "status 2".to_owned());
//! hooks.serve(&HttpRequest::new(Method::Post, "http://127.0.0.1:1/pay"), handle, classify);
//! let logged = hooks.requests();
//! assert_eq!(logged[0].verdict, Verdict::Refused { rule: "the header `sign` is missing".into() });
//! ```

use std::cell::RefCell;
use std::collections::VecDeque;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError, RwLock};

use sign_core::{HttpRequest, HttpResponse};

/// How many logged requests a sandbox keeps (the oldest are dropped first).
pub const LOG_CAPACITY: usize = 1000;

/// Whether the sandbox accepted a request, and if not why.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Verdict {
    /// Accepted and processed.
    Accepted,
    /// Refused with the provider's failure envelope (or an HTTP error status).
    Refused {
        /// The rule the request broke, as the sandbox's check put it (secrets masked, signatures
        /// shortened), or the provider's own message when the check said nothing more.
        rule: String,
    },
    /// Met a fault planned on purpose ([`Faults`](crate::Faults)).
    Fault {
        /// Which fault, and whether the request was processed.
        fault: String,
    },
}

impl std::fmt::Display for Verdict {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Accepted => f.write_str("accepted"),
            Self::Refused { rule } => write!(f, "refused: {rule}"),
            Self::Fault { fault } => write!(f, "planned fault: {fault}"),
        }
    }
}

/// Which way a logged exchange went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Direction {
    /// A request the sandbox served.
    Incoming,
    /// A callback the sandbox sent to the merchant.
    Callback,
}

/// One logged exchange. Never holds a header value or a body: only what the log line shows.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct LoggedRequest {
    /// 1, 2, ... in the order logged.
    pub seq: u64,
    /// Incoming request or outgoing callback.
    pub direction: Direction,
    /// `GET`, `POST`...
    pub method: String,
    /// The request's path (no query: it can carry identifiers), or the callback's URL.
    pub target: String,
    /// The HTTP status answered (for a callback: received; 0 when none came).
    pub status: u16,
    /// What the sandbox made of it (for a callback: acknowledged or not).
    pub verdict: Verdict,
}

impl std::fmt::Display for LoggedRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.direction {
            Direction::Incoming => write!(f, "{} {} -> {} {}", self.method, self.target, self.status, self.verdict),
            Direction::Callback => {
                let verdict = match &self.verdict {
                    Verdict::Accepted => "acknowledged".to_owned(),
                    other => other.to_string(),
                };
                write!(f, "callback {} {} -> {} {verdict}", self.method, self.target, self.status)
            }
        }
    }
}

type Sink = Arc<dyn Fn(&LoggedRequest) + Send + Sync>;
type Front = Arc<dyn Fn(&HttpRequest) -> Option<HttpResponse> + Send + Sync>;

/// A sandbox's request log and extension points; see the [module docs](self).
#[derive(Default)]
pub struct Hooks {
    log: Mutex<(u64, VecDeque<LoggedRequest>)>,
    sink: RwLock<Option<Sink>>,
    front: RwLock<Option<Front>>,
}

impl std::fmt::Debug for Hooks {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Hooks").field("logged", &self.lock().1.len()).finish_non_exhaustive()
    }
}

thread_local! {
    static REFUSAL: RefCell<Option<String>> = const { RefCell::new(None) };
    static FAULT: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Says why the request being handled on this thread is refused, in words a user can act on.
/// The first call for a request wins (the first rule broken); calls outside [`Hooks::serve`]
/// are forgotten at the next request.
pub fn refuse_because(rule: impl Into<String>) {
    REFUSAL.with(|r| {
        let mut r = r.borrow_mut();
        if r.is_none() {
            *r = Some(rule.into());
        }
    });
}

/// Notes the planned fault the request being handled on this thread met.
pub(crate) fn note_fault(fault: String) {
    FAULT.with(|f| *f.borrow_mut() = Some(fault));
}

fn take_notes() -> (Option<String>, Option<String>) {
    (REFUSAL.with(|r| r.borrow_mut().take()), FAULT.with(|f| f.borrow_mut().take()))
}

impl Hooks {
    /// Nothing logged, no sink, no front handler.
    pub fn new() -> Self {
        Self::default()
    }

    fn lock(&self) -> MutexGuard<'_, (u64, VecDeque<LoggedRequest>)> {
        self.log.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Serves `request`: the front handler if it takes it (not logged), else `handle`, logged
    /// with its verdict. `classify` reads the provider's envelope: `None` for a success, else the
    /// provider's message (used when the sandbox's check gave no reason of its own).
    pub fn serve(
        &self,
        request: &HttpRequest,
        handle: impl FnOnce(&HttpRequest) -> HttpResponse,
        classify: impl Fn(&HttpResponse) -> Option<String>,
    ) -> HttpResponse {
        let front = self.front.read().unwrap_or_else(PoisonError::into_inner).clone();
        if let Some(response) = front.and_then(|front| front(request)) {
            return response;
        }
        let _ = take_notes();
        let response = handle(request);
        let (refusal, fault) = take_notes();
        let verdict = match (fault, classify(&response)) {
            (Some(fault), _) => Verdict::Fault { fault },
            (None, None) if response.is_success() => Verdict::Accepted,
            (None, message) => {
                Verdict::Refused { rule: refusal.or(message).unwrap_or_else(|| format!("HTTP {}", response.status)) }
            }
        };
        self.record(Direction::Incoming, request.method.as_str(), request.path(), response.status, verdict);
        response
    }

    /// Logs a callback the sandbox sent: `status` received (0 when none came), `acknowledged`
    /// or else why not.
    pub fn record_callback(&self, url: &str, status: u16, outcome: Result<(), String>) {
        let verdict = match outcome {
            Ok(()) => Verdict::Accepted,
            Err(rule) => Verdict::Refused { rule },
        };
        self.record(Direction::Callback, "POST", url, status, verdict);
    }

    fn record(&self, direction: Direction, method: &str, target: &str, status: u16, verdict: Verdict) {
        let entry = {
            let mut log = self.lock();
            log.0 += 1;
            let entry = LoggedRequest {
                seq: log.0,
                direction,
                method: method.to_owned(),
                target: target.to_owned(),
                status,
                verdict,
            };
            if log.1.len() == LOG_CAPACITY {
                log.1.pop_front();
            }
            log.1.push_back(entry.clone());
            entry
        };
        let sink = self.sink.read().unwrap_or_else(PoisonError::into_inner).clone();
        if let Some(sink) = sink {
            sink(&entry);
        }
    }

    /// The logged exchanges, oldest first (at most [`LOG_CAPACITY`]).
    pub fn requests(&self) -> Vec<LoggedRequest> {
        self.lock().1.iter().cloned().collect()
    }

    /// Forgets the logged exchanges (the numbering goes on).
    pub fn clear_requests(&self) {
        self.lock().1.clear();
    }

    /// Calls `sink` with each exchange as it is logged (a program prints it).
    pub fn on_logged(&self, sink: impl Fn(&LoggedRequest) + Send + Sync + 'static) {
        *self.sink.write().unwrap_or_else(PoisonError::into_inner) = Some(Arc::new(sink));
    }

    /// Tries `front` before the provider's handler and the planned faults: the request it
    /// answers (`Some`) is neither logged nor met by a fault. The standalone server's admin
    /// pages use it.
    pub fn set_front(&self, front: impl Fn(&HttpRequest) -> Option<HttpResponse> + Send + Sync + 'static) {
        *self.front.write().unwrap_or_else(PoisonError::into_inner) = Some(Arc::new(front));
    }
}

/// A secret as a log may show it: its length only.
pub fn masked(name: &str, secret: &str) -> String {
    format!("<{name}: {} chars>", secret.chars().count())
}

/// A signature as a log may show it: its first eight characters.
pub fn shortened(signature: &str) -> String {
    let head: String = signature.chars().take(8).collect();
    if head.len() < signature.len() { format!("{head}...") } else { head }
}

/// Text a log may show whole: at most `max` characters, control characters escaped.
pub fn excerpt(text: &str, max: usize) -> String {
    let mut out = escaped(text.chars().take(max));
    if text.chars().count() > max {
        out.push_str("...");
    }
    out
}

/// `text` with its control characters escaped (`\n`, `\u{1b}`), so that it stays one line of a
/// log whatever a request carried.
pub fn one_line(text: &str) -> String {
    escaped(text.chars())
}

fn escaped(chars: impl Iterator<Item = char>) -> String {
    let mut out = String::new();
    for c in chars {
        if c.is_control() { out.extend(c.escape_debug()) } else { out.push(c) }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use sign_core::Method;

    #[test]
    fn the_first_rule_noted_is_the_verdict_and_notes_do_not_leak_into_the_next_request() {
        let hooks = Hooks::new();
        let request = HttpRequest::new(Method::Post, "http://127.0.0.1:1/x?secret=1");
        let refuse = |_: &HttpRequest| {
            refuse_because("first");
            refuse_because("second");
            HttpResponse::new(400, "no")
        };
        hooks.serve(&request, refuse, |_| Some("provider".into()));
        // A note left by a call outside `serve` is not the next request's.
        refuse_because("stray");
        hooks.serve(&request, |_| HttpResponse::new(200, "ok"), |_| None);
        hooks.serve(&request, |_| HttpResponse::new(200, "no"), |_| Some("provider says no".into()));
        let logged = hooks.requests();
        assert_eq!(logged[0].verdict, Verdict::Refused { rule: "first".into() });
        assert_eq!(logged[0].target, "/x", "no query in the log");
        assert_eq!(logged[1].verdict, Verdict::Accepted);
        assert_eq!(logged[2].verdict, Verdict::Refused { rule: "provider says no".into() });
        assert_eq!(logged.iter().map(|l| l.seq).collect::<Vec<_>>(), [1, 2, 3]);
    }

    #[test]
    fn the_front_handler_answers_first_and_is_not_logged() {
        let hooks = Hooks::new();
        hooks.set_front(|r| (r.path() == "/__sandbox/x").then(|| HttpResponse::new(200, "admin")));
        let admin = hooks.serve(&HttpRequest::new(Method::Get, "http://h/__sandbox/x"), |_| unreachable!(), |_| None);
        assert_eq!(admin.body, b"admin");
        hooks.serve(&HttpRequest::new(Method::Get, "http://h/y"), |_| HttpResponse::new(200, ""), |_| None);
        assert_eq!(hooks.requests().len(), 1);
    }

    #[test]
    fn the_log_keeps_the_newest_entries() {
        let hooks = Hooks::new();
        for _ in 0..LOG_CAPACITY + 5 {
            hooks.record_callback("http://127.0.0.1:1/n", 200, Ok(()));
        }
        let logged = hooks.requests();
        assert_eq!(logged.len(), LOG_CAPACITY);
        assert_eq!(logged[0].seq, 6);
    }

    #[test]
    fn secrets_are_masked_and_signatures_shortened() {
        assert_eq!(masked("secret_key", "abcdef"), "<secret_key: 6 chars>");
        assert_eq!(shortened("ABCDEFGHIJKL"), "ABCDEFGH...");
        assert_eq!(shortened("ABC"), "ABC");
        assert_eq!(excerpt("a\nb\"", 10), "a\\nb\"");
        assert_eq!(excerpt("abcdef", 3), "abc...");
    }
}
