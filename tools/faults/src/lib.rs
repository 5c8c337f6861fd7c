//! Fault injection with ground truth for the paykit clients (`cargo xtask faults`).
//!
//! [`relay`] sits between a provider client's blocking transport and that provider's in-process
//! sandbox, injects one fault per case and records whether the sandbox received each request
//! (its complete bytes were forwarded). [`providers`] drives every provider's non-idempotent calls
//! and one query through every [`Kind`] of fault; [`run_case`] runs one case and reports the
//! client's verdict against the truth. The binary prints one tab-separated line per case for the
//! xtask driver, which prints the confusion matrices.

pub mod providers;
pub mod relay;

use std::net::SocketAddr;
use std::panic::AssertUnwindSafe;
use std::time::Duration;

use sandbox_server::{Fault as SandboxFault, Faults};
use sign_core::{HttpOptions, Outcome, RetryPolicy};

use relay::{At, Blackhole, Canned, Fault, Relay, TlsListener, Witness};

/// The call timeout every case runs with: short, so the whole campaign takes seconds, and long
/// enough that a loaded CI machine answers the control case in time.
pub const TIMEOUT: Duration = Duration::from_secs(1);
/// The connect timeout.
pub const CONNECT_TIMEOUT: Duration = Duration::from_millis(250);
/// The response size limit the clients are given (the "body over the limit" case exceeds it).
pub const MAX_RESPONSE_BYTES: u64 = 64 * 1024;
/// Longer than [`TIMEOUT`]: the lateness of the late-answer faults.
pub const LATE: Duration = Duration::from_millis(1500);

/// The client's verdict on one call, from its typed error.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Verdict {
    /// `Outcome::NotSent`: the client says the provider cannot have received it.
    NotSent,
    /// `Outcome::Unknown`: the provider may have processed it.
    Unknown,
    /// `Outcome::Definite`: the provider answered a definite failure.
    Definite,
    /// The call succeeded.
    Success,
}

impl Verdict {
    /// The verdict a failure's outcome means.
    pub fn of(outcome: Outcome) -> Self {
        match outcome {
            Outcome::NotSent => Self::NotSent,
            Outcome::Definite => Self::Definite,
            // Unknown, and anything sign-core adds later: not a claim that nothing was sent.
            _ => Self::Unknown,
        }
    }

    /// Its name in the report.
    pub fn name(self) -> &'static str {
        match self {
            Self::NotSent => "not-sent",
            Self::Unknown => "unknown",
            Self::Definite => "definite",
            Self::Success => "success",
        }
    }
}

/// What one call returned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Called {
    /// The verdict.
    pub verdict: Verdict,
    /// The error's variant (`Timeout`, `HttpStatus`...), or `Ok`.
    pub variant: String,
    /// How long the call took (warm-up requests excluded).
    pub latency: Duration,
}

impl Called {
    /// The verdict of `result`, whose error's outcome `outcome` reads.
    pub fn of<T, E: std::fmt::Debug>(result: Result<T, E>, outcome: impl Fn(&E) -> Outcome, latency: Duration) -> Self {
        match result {
            Ok(_) => Self { verdict: Verdict::Success, variant: "Ok".to_owned(), latency },
            Err(e) => {
                // The variant's name only: the Debug text of a message is not needed here.
                let debug = format!("{e:?}");
                let variant = debug.split(|c: char| !c.is_ascii_alphanumeric()).next().unwrap_or("").to_owned();
                Self { verdict: Verdict::of(outcome(&e)), variant, latency }
            }
        }
    }
}

/// One call of a provider that a case drives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CallSpec {
    /// The client method.
    pub name: &'static str,
    /// The end of its request path (the relay counts requests by it).
    pub path: &'static str,
    /// Whether the endpoint is idempotent (a query).
    pub idempotent: bool,
}

/// The state a call needs, made before the case with a client straight to the sandbox.
#[derive(Debug, Clone, Default)]
pub struct Prep {
    /// The order, payment or merchant id the call uses.
    pub key: String,
    /// A second id (acqra's trade number).
    pub trade_no: String,
    /// A count of the sandbox's state before the case (vip-charge's orders).
    pub before: usize,
    /// A stored credential (acqra's `transactionIdentifier`).
    pub credential: Option<sign_core::SecretString>,
}

/// What every case reaches of a provider's sandbox.
#[derive(Debug, Clone, Copy)]
pub struct Sandbox<'a> {
    /// The provider's crate name.
    pub provider: &'static str,
    /// The sandbox's base URL, `http://` and its socket address.
    pub base_url: &'a str,
    /// The sandbox's own fault plan.
    pub faults: &'a Faults,
}

impl Sandbox<'_> {
    /// The sandbox's socket address.
    pub fn addr(&self) -> SocketAddr {
        self.base_url.trim_start_matches("http://").parse().expect("a sandbox listens on a socket address")
    }
}

/// A provider, its sandbox and its calls.
pub trait Target: Send {
    /// The provider and its sandbox.
    fn sandbox(&self) -> Sandbox<'_>;
    /// The calls driven: every non-idempotent call and one query.
    fn calls(&self) -> Vec<CallSpec>;
    /// How many requests the client sends through the relay before the call: acqra's token
    /// request always, and a query first when the case tests a reused connection.
    fn warm_ups(&self, reuse: bool) -> usize {
        usize::from(reuse)
    }
    /// Makes the state the call needs (an unpaid order, an authorized payment...), case `n`.
    ///
    /// # Errors
    /// When the sandbox refuses the set-up.
    fn prepare(&self, call: &str, n: usize) -> Result<Prep, String>;
    /// Runs the call once through a fresh client whose base URL is `base_url`, after the warm-up
    /// requests (`reuse`: a query first, on the connection the call will reuse).
    fn run(&self, call: &str, prep: &Prep, base_url: &str, options: HttpOptions, reuse: bool) -> Called;
    /// Whether the sandbox's own state shows the call's effect (an order paid, created...), or
    /// `None` when it keeps none for this call.
    fn processed(&self, call: &str, prep: &Prep) -> Option<bool>;
}

/// The connection options of every case's client.
pub fn options() -> HttpOptions {
    let mut o = HttpOptions::default();
    o.timeout = TIMEOUT;
    o.connect_timeout = CONNECT_TIMEOUT;
    o.max_response_bytes = MAX_RESPONSE_BYTES;
    // Retries on: a client that repeats what it must not is what this campaign looks for.
    o.retry = RetryPolicy::new(2, Duration::from_millis(5), Duration::from_millis(20));
    o
}

/// Every kind of fault.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// No fault: the control case.
    None,
    /// Nothing listens at the base URL.
    ConnectionRefused,
    /// A listener whose backlog is full: the connect never completes.
    ConnectHangs,
    /// The same, with a call timeout shorter than the connect timeout (the call's timeout fires
    /// first, during the connect).
    ConnectHangsPastCallTimeout,
    /// A TLS listener with an untrusted (self-signed) certificate.
    TlsUntrusted,
    /// Reset as the request arrives, before it is read.
    ResetBeforeRead,
    /// Reset after the whole request was read and forwarded.
    ResetAfterRequest,
    /// The whole request read and forwarded, then closed without an answer.
    CloseAfterRequest,
    /// The answer's head later than the timeout.
    LateHead,
    /// The answer's body trickled slower than the timeout.
    TrickleBody,
    /// `Content-Length` longer than the body.
    ShortBody,
    /// An answer head over the client's size limit.
    HugeHead,
    /// An answer body over the client's size limit.
    HugeBody,
    /// A 103 Early Hints interim answer before the sandbox's answer.
    EarlyHints,
    /// A 307 to another host, not forwarded.
    Redirect,
    /// A 502 error page after the request was forwarded (a proxy's 5xx, no envelope).
    BadGatewayAfter,
    /// A 503 carrying the provider's refusal envelope (the sandbox refuses, the status is 503).
    EnvelopeUnder503,
    /// 429 with `Retry-After`, not forwarded.
    TooManyRequests,
    /// 401 before the call is forwarded, then 200 (acqra: a fresh token).
    UnauthorizedThenOk,
    /// 401 after the call was forwarded (acqra: a proxy's 401 after the gateway processed it).
    UnauthorizedAfter,
    /// Keep-alive: the server closes the idle connection just as the client reuses it.
    IdleCloseOnReuse,
    /// Keep-alive: reset as the request arrives on the reused connection.
    ResetOnReuse,
    /// Keep-alive: the request on the reused connection read and forwarded, then closed unanswered.
    CloseAfterReusedRequest,
    /// The sandbox's own fault: it processes the request and loses the answer.
    SandboxLostAnswer,
    /// The sandbox's own fault: 503 without processing.
    Sandbox503,
    /// The sandbox's own fault: it processes the request and answers late.
    SandboxLate,
}

impl Kind {
    /// Every kind, in report order.
    pub const ALL: [Kind; 26] = [
        Kind::None,
        Kind::ConnectionRefused,
        Kind::ConnectHangs,
        Kind::ConnectHangsPastCallTimeout,
        Kind::TlsUntrusted,
        Kind::ResetBeforeRead,
        Kind::ResetAfterRequest,
        Kind::CloseAfterRequest,
        Kind::LateHead,
        Kind::TrickleBody,
        Kind::ShortBody,
        Kind::HugeHead,
        Kind::HugeBody,
        Kind::EarlyHints,
        Kind::Redirect,
        Kind::BadGatewayAfter,
        Kind::EnvelopeUnder503,
        Kind::TooManyRequests,
        Kind::UnauthorizedThenOk,
        Kind::UnauthorizedAfter,
        Kind::IdleCloseOnReuse,
        Kind::ResetOnReuse,
        Kind::CloseAfterReusedRequest,
        Kind::SandboxLostAnswer,
        Kind::Sandbox503,
        Kind::SandboxLate,
    ];

    /// Its name in the report.
    pub fn name(self) -> &'static str {
        match self {
            Kind::None => "none (control)",
            Kind::ConnectionRefused => "connection refused",
            Kind::ConnectHangs => "connect never completes (full backlog)",
            Kind::ConnectHangsPastCallTimeout => "connect never completes, call timeout first",
            Kind::TlsUntrusted => "TLS handshake: untrusted certificate",
            Kind::ResetBeforeRead => "reset before the request is read",
            Kind::ResetAfterRequest => "reset after the whole request was read",
            Kind::CloseAfterRequest => "request read, closed without answer",
            Kind::LateHead => "head later than the timeout",
            Kind::TrickleBody => "body trickled slower than the timeout",
            Kind::ShortBody => "Content-Length longer than the body",
            Kind::HugeHead => "head over the size limit",
            Kind::HugeBody => "body over the size limit",
            Kind::EarlyHints => "103 Early Hints before the answer",
            Kind::Redirect => "307 redirect to another host",
            Kind::BadGatewayAfter => "502 page (no envelope) after forwarding",
            Kind::EnvelopeUnder503 => "503 with the provider's envelope",
            Kind::TooManyRequests => "429 with Retry-After",
            Kind::UnauthorizedThenOk => "401 before forwarding, then 200",
            Kind::UnauthorizedAfter => "401 after forwarding",
            Kind::IdleCloseOnReuse => "keep-alive: idle connection closed as reused",
            Kind::ResetOnReuse => "keep-alive: reset as the reused connection's request arrives",
            Kind::CloseAfterReusedRequest => "keep-alive: reused connection's request read, closed",
            Kind::SandboxLostAnswer => "sandbox fault: answer lost after processing",
            Kind::Sandbox503 => "sandbox fault: 503 before processing",
            Kind::SandboxLate => "sandbox fault: late answer after processing",
        }
    }

    /// Whether the case applies to `provider` (the 401 rules are acqra's token rules).
    pub fn applies_to(self, provider: &str) -> bool {
        !matches!(self, Kind::UnauthorizedThenOk | Kind::UnauthorizedAfter) || provider == "acqra-gateway"
    }

    fn reuses_connection(self) -> bool {
        matches!(self, Kind::IdleCloseOnReuse | Kind::ResetOnReuse | Kind::CloseAfterReusedRequest)
    }
}

/// The result of one case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseResult {
    /// The provider.
    pub provider: &'static str,
    /// The call.
    pub call: CallSpec,
    /// The fault.
    pub kind: Kind,
    /// The client's verdict and latency (`None` when it panicked).
    pub called: Option<Called>,
    /// How many times the sandbox received the call's request (complete bytes forwarded).
    pub received: usize,
    /// Whether the sandbox's state shows the call's effect.
    pub processed: Option<bool>,
    /// Whether the planned fault met a request (a case whose fault met nothing tested nothing).
    pub fault_met: bool,
    /// Connections that reached a host the client must never reach (a redirect's target, a TLS
    /// listener's application data).
    pub elsewhere: usize,
    /// Set-up failure, if any.
    pub setup_error: Option<String>,
    /// The panic message, if the client panicked.
    pub panic: Option<String>,
}

impl CaseResult {
    /// One tab-separated line for the xtask driver.
    pub fn line(&self) -> String {
        let (verdict, variant, latency) = match &self.called {
            Some(c) => (c.verdict.name(), c.variant.as_str(), c.latency.as_micros()),
            None => ("panic", "-", 0),
        };
        let clean = |s: &str| s.replace(['\t', '\n', '\r'], " ");
        format!(
            "case\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
            self.provider,
            self.call.name,
            if self.call.idempotent { "query" } else { "non-idempotent" },
            self.kind.name(),
            verdict,
            variant,
            self.received,
            match self.processed {
                Some(true) => "yes",
                Some(false) => "no",
                None => "-",
            },
            self.fault_met,
            self.elsewhere,
            latency,
            clean(self.setup_error.as_deref().unwrap_or("-")),
            clean(self.panic.as_deref().unwrap_or("-")),
        )
    }
}

/// Where the case's client points, and what keeps that place alive.
enum Endpoint {
    Relay(Relay),
    Refused(relay::Refused),
    Blackhole(Blackhole),
    Tls(TlsListener),
}

/// Runs case `n`: `kind` on `call` of `target`.
pub fn run_case(target: &dyn Target, call: CallSpec, kind: Kind, n: usize) -> CaseResult {
    let mut result = CaseResult {
        provider: target.sandbox().provider,
        call,
        kind,
        called: None,
        received: 0,
        processed: None,
        fault_met: true,
        elsewhere: 0,
        setup_error: None,
        panic: None,
    };
    let prep = match target.prepare(call.name, n) {
        Ok(p) => p,
        Err(e) => {
            result.setup_error = Some(e);
            return result;
        }
    };
    let witness = Witness::start().ok();
    let reuse = kind.reuses_connection();
    let first = target.warm_ups(reuse);
    let endpoint = match endpoint(target, kind, call, first, witness.as_ref()) {
        Ok(e) => e,
        Err(e) => {
            result.setup_error = Some(e.to_string());
            return result;
        }
    };
    let base_url = match &endpoint {
        Endpoint::Relay(r) => r.base_url(),
        Endpoint::Refused(refused) => refused.base_url(),
        Endpoint::Blackhole(b) => b.base_url(),
        Endpoint::Tls(t) => t.base_url(),
    };
    let mut options = options();
    if kind == Kind::ConnectHangsPastCallTimeout {
        options.connect_timeout = TIMEOUT * 4;
    }
    let run = std::panic::catch_unwind(AssertUnwindSafe(|| target.run(call.name, &prep, &base_url, options, reuse)));
    match run {
        Ok(called) => result.called = Some(called),
        Err(payload) => {
            let message = payload
                .downcast_ref::<&str>()
                .map(|s| (*s).to_owned())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "non-string panic".to_owned());
            result.panic = Some(message);
        }
    }
    let settle = Duration::from_secs(2);
    match &endpoint {
        Endpoint::Relay(relay) => {
            // Requests before the call (warm-ups on the same path) are not the call's.
            result.received = relay
                .records(settle)
                .iter()
                .filter(|r| r.index >= first && r.forwarded)
                .filter(|r| r.path.as_deref().is_some_and(|p| p.ends_with(call.path)))
                .count();
            result.fault_met = relay.pending() == 0;
        }
        Endpoint::Tls(tls) => {
            result.fault_met = tls.handshakes() > 0;
            result.elsewhere += tls.app_bytes();
        }
        Endpoint::Refused(_) | Endpoint::Blackhole(_) => {}
    }
    if matches!(kind, Kind::EnvelopeUnder503 | Kind::SandboxLostAnswer | Kind::Sandbox503 | Kind::SandboxLate) {
        result.fault_met &= target.sandbox().faults.pending() == 0;
    }
    target.sandbox().faults.clear();
    if let Some(w) = &witness {
        result.elsewhere += w.connections();
    }
    // Read once: some checks change the state (chainup's duplicate probe creates the order when
    // it is missing). Every fault that forwards waits for the sandbox's answer before it acts on
    // the client's side, so the state is final when the call returns.
    result.processed = target.processed(call.name, &prep);
    drop(endpoint);
    result
}

fn endpoint(
    target: &dyn Target,
    kind: Kind,
    call: CallSpec,
    first: usize,
    witness: Option<&Witness>,
) -> std::io::Result<Endpoint> {
    let relay = |keep_alive: bool, plan: Vec<(At, Fault)>| -> std::io::Result<Endpoint> {
        let r = Relay::start(target.sandbox().addr(), keep_alive)?;
        for (at, fault) in plan {
            r.plan(at, fault);
        }
        Ok(Endpoint::Relay(r))
    };
    let on_call = || At::Path(call.path.to_owned());
    let sandbox = target.sandbox().faults;
    Ok(match kind {
        Kind::None => relay(false, vec![])?,
        Kind::ConnectionRefused => Endpoint::Refused(relay::Refused::start()?),
        Kind::ConnectHangs | Kind::ConnectHangsPastCallTimeout => Endpoint::Blackhole(Blackhole::start()?),
        Kind::TlsUntrusted => Endpoint::Tls(TlsListener::start()?),
        Kind::ResetBeforeRead => relay(false, vec![(At::Index(first), Fault::ResetBeforeRead)])?,
        Kind::ResetAfterRequest => relay(false, vec![(on_call(), Fault::ResetAfterRequest)])?,
        Kind::CloseAfterRequest => relay(false, vec![(on_call(), Fault::CloseAfterRequest)])?,
        Kind::LateHead => relay(false, vec![(on_call(), Fault::LateHead(LATE))])?,
        Kind::TrickleBody => relay(false, vec![(on_call(), Fault::TrickleBody(Duration::from_millis(60)))])?,
        Kind::ShortBody => relay(false, vec![(on_call(), Fault::ShortBody(100))])?,
        Kind::HugeHead => relay(false, vec![(on_call(), Fault::HugeHead(128 * 1024))])?,
        Kind::HugeBody => {
            let too_big = usize::try_from(MAX_RESPONSE_BYTES).unwrap_or(usize::MAX).saturating_mul(2);
            relay(false, vec![(on_call(), Fault::HugeBody(too_big))])?
        }
        Kind::EarlyHints => relay(false, vec![(on_call(), Fault::Interim(103))])?,
        Kind::Redirect => {
            let to = witness.map(Witness::base_url).unwrap_or_else(|| "http://127.0.0.1:9".to_owned());
            let canned = Canned::new(307, "").with_header("Location", &format!("{to}{}", call.path));
            relay(false, vec![(on_call(), Fault::Answer(canned))])?
        }
        Kind::BadGatewayAfter => {
            let page =
                Canned::new(502, "<html><body>502 Bad Gateway</body></html>").with_header("Content-Type", "text/html");
            relay(false, vec![(on_call(), Fault::AnswerAfter(page))])?
        }
        Kind::EnvelopeUnder503 => {
            sandbox.clear();
            sandbox.on_path(&sandbox_path(call), SandboxFault::provider_error("9999", "system busy (injected)"));
            relay(false, vec![(on_call(), Fault::Restatus(503))])?
        }
        Kind::TooManyRequests => {
            let canned = Canned::new(429, "Too Many Requests").with_header("Retry-After", "1");
            relay(false, vec![(on_call(), Fault::Answer(canned))])?
        }
        Kind::UnauthorizedThenOk => {
            let canned = Canned::new(401, "").with_header("WWW-Authenticate", "Bearer");
            relay(false, vec![(on_call(), Fault::Answer(canned))])?
        }
        Kind::UnauthorizedAfter => {
            let canned = Canned::new(401, "").with_header("WWW-Authenticate", "Bearer");
            relay(false, vec![(on_call(), Fault::AnswerAfter(canned))])?
        }
        Kind::IdleCloseOnReuse => relay(true, vec![(At::Index(first - 1), Fault::CloseWhenIdle)])?,
        Kind::ResetOnReuse => relay(true, vec![(At::Index(first), Fault::ResetBeforeRead)])?,
        Kind::CloseAfterReusedRequest => relay(true, vec![(on_call(), Fault::CloseAfterRequest)])?,
        Kind::SandboxLostAnswer => {
            sandbox.clear();
            sandbox.on_path(&sandbox_path(call), SandboxFault::LoseAnswer);
            relay(false, vec![])?
        }
        Kind::Sandbox503 => {
            sandbox.clear();
            sandbox.on_path(&sandbox_path(call), SandboxFault::Status(503));
            relay(false, vec![])?
        }
        Kind::SandboxLate => {
            sandbox.clear();
            sandbox.on_path(&sandbox_path(call), SandboxFault::Delay(LATE));
            relay(false, vec![])?
        }
    })
}

/// The sandbox's faults match whole paths: every call's path here is whole.
fn sandbox_path(call: CallSpec) -> String {
    call.path.to_owned()
}

/// Runs every case of `target`, in order (or only those of the call named `only`).
pub fn run_all(target: &dyn Target, only: Option<&str>) -> Vec<CaseResult> {
    let mut out = Vec::new();
    let mut n = 0;
    for call in target.calls().into_iter().filter(|c| only.is_none_or(|o| o == c.name)) {
        for kind in Kind::ALL {
            if !kind.applies_to(target.sandbox().provider) {
                continue;
            }
            n += 1;
            out.push(run_case(target, call, kind, n));
        }
    }
    out
}
