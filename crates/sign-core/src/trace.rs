//! Tracing (feature `tracing`): one span per call, an event per retry and per token refresh, one
//! span per callback verification. Without the feature every item here is an empty shell the
//! compiler removes, so the call sites need no `cfg`.
//!
//! Everything is emitted with the target `paykit` (filter with `paykit=info`):
//!
//! | name | kind | fields |
//! |---|---|---|
//! | `call` | span, INFO | `provider`, `endpoint`, `attempts`, `http_status`, `outcome`, `duration_us` |
//! | `retry` | event, WARN | `attempt` (the one that failed), `http_status` or `error` (the transport error's kind), `backoff_ms` |
//! | `token refresh` | event, INFO | `provider` |
//! | `callback` | span, INFO | `provider`, `verdict`, `duration_us` |
//!
//! `outcome` is `ok`, `not_sent`, `definite` or `unknown` (see [`Outcome`]); `verdict` is
//! `accepted`, `replayed`, `rejected` or `error`. Nothing else is recorded: no URL, header, body,
//! key, token, card number or error message, only names chosen here, the endpoint's name (or a raw
//! call's path) and numbers.
//!
//! A blocking call opens a [`CallSpan`], runs inside [`CallSpan::in_scope`], and its retry loop
//! ([`send_with_retries_in`](crate::call::send_with_retries_in)) reports each attempt with
//! [`CallSpan::attempt`] and each repeat with [`CallSpan::retry`] on that span, passed explicitly
//! (no reliance on the subscriber tracking the current span); [`CallSpan::finish`] records the
//! outcome and the duration. An async loop makes the same calls, with its future wrapped by
//! [`CallSpan::instrument`] instead of `in_scope`.
//!
//! A callback verifier runs inside [`verify_callback`], which opens the [`CallbackSpan`] and
//! records the verdict its error type names ([`CallbackError`]).

use std::time::Duration;

use crate::call::Outcome;
use crate::error::TransportError;
use crate::http::HttpResponse;

#[cfg(feature = "tracing")]
const TARGET: &str = "paykit";

/// The span of one call: the attempts, the final HTTP status, the outcome and the duration.
#[must_use = "a call span records nothing until it is finished"]
pub struct CallSpan {
    timed: Timed,
}

impl CallSpan {
    /// Opens the span of a call to `endpoint` (the endpoint's name, or a raw call's path) of
    /// `provider` (the provider crate's name).
    pub fn start(provider: &'static str, endpoint: &str) -> Self {
        #[cfg(not(feature = "tracing"))]
        let _ = (provider, endpoint);
        Self {
            timed: Timed::new(
                #[cfg(feature = "tracing")]
                tracing::info_span!(
                    target: TARGET,
                    "call",
                    provider,
                    endpoint,
                    attempts = tracing::field::Empty,
                    http_status = tracing::field::Empty,
                    outcome = tracing::field::Empty,
                    duration_us = tracing::field::Empty,
                ),
            ),
        }
    }

    /// A span that records nothing (for [`send_with_retries`](crate::call::send_with_retries)
    /// called on its own): retry events are still emitted, in whatever span is current.
    pub fn disabled() -> Self {
        Self {
            timed: Timed::new(
                #[cfg(feature = "tracing")]
                tracing::Span::none(),
            ),
        }
    }

    /// Runs the blocking call `f` inside the span (entered: the events of code below it, a token
    /// refresh for example, are its children).
    pub fn in_scope<R>(&self, f: impl FnOnce() -> R) -> R {
        self.timed.in_scope(f)
    }

    /// The async call `future` inside the span (entered at each poll): the async twin of
    /// [`in_scope`](Self::in_scope), without a `cfg` at the call site.
    pub fn instrument<F: std::future::Future>(&self, future: F) -> impl std::future::Future<Output = F::Output> {
        #[cfg(feature = "tracing")]
        return tracing::Instrument::instrument(future, self.timed.span.clone());
        #[cfg(not(feature = "tracing"))]
        future
    }

    /// The span itself.
    #[cfg(feature = "tracing")]
    pub fn span(&self) -> &tracing::Span {
        &self.timed.span
    }

    /// Records attempt number `attempt` (1 for the first) and its HTTP status, if it got one.
    pub fn attempt(&self, attempt: u32, result: &Result<HttpResponse, TransportError>) {
        #[cfg(feature = "tracing")]
        {
            self.timed.span.record("attempts", attempt);
            if let Ok(response) = result {
                self.timed.span.record("http_status", response.status);
            }
        }
        #[cfg(not(feature = "tracing"))]
        let _ = (attempt, result);
    }

    /// An event in this span: attempt number `attempt` failed with `result` and is repeated after
    /// `backoff`. Only the status or the transport error's kind is recorded, never its message.
    pub fn retry(&self, attempt: u32, result: &Result<HttpResponse, TransportError>, backoff: Duration) {
        #[cfg(feature = "tracing")]
        {
            let backoff_ms = u64::try_from(backoff.as_millis()).unwrap_or(u64::MAX);
            // The span as explicit parent: a subscriber need not track which span is current.
            let parent = self.timed.span.id();
            match (result, parent) {
                (Ok(response), Some(parent)) => {
                    let http_status = response.status;
                    tracing::warn!(target: TARGET, parent: parent, attempt, http_status, backoff_ms, "retry")
                }
                (Ok(response), None) => {
                    tracing::warn!(target: TARGET, attempt, http_status = response.status, backoff_ms, "retry")
                }
                (Err(error), Some(parent)) => {
                    let error = format!("{:?}", error.kind());
                    tracing::warn!(target: TARGET, parent: parent, attempt, error, backoff_ms, "retry")
                }
                (Err(error), None) => {
                    let error = format!("{:?}", error.kind());
                    tracing::warn!(target: TARGET, attempt, error, backoff_ms, "retry")
                }
            }
        }
        #[cfg(not(feature = "tracing"))]
        let _ = (attempt, result, backoff);
    }

    /// Closes the span with the call's result: `None` for success, else the error's outcome.
    pub fn finish(self, error: Option<Outcome>) {
        #[cfg(feature = "tracing")]
        self.timed.close("outcome", outcome_name(error));
        #[cfg(not(feature = "tracing"))]
        let _ = error;
    }
}

/// An event: `provider`'s client fetches a new access token.
pub fn token_refresh(provider: &'static str) {
    #[cfg(feature = "tracing")]
    tracing::info!(target: TARGET, provider, "token refresh");
    #[cfg(not(feature = "tracing"))]
    let _ = provider;
}

/// What a callback verification came to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum CallbackVerdict {
    /// Verified and new.
    Accepted,
    /// Verified, but seen before (the replay guard's verdict).
    Replayed,
    /// Forged, altered, stale or malformed.
    Rejected,
    /// Any other failure (a configuration error, a verified body of the wrong shape).
    Error,
}

/// A callback verifier's error type: which of its errors are a replay and which the rejection,
/// so that [`verify_callback`] can name the verdict (any other error is [`CallbackVerdict::Error`]).
pub trait CallbackError {
    /// Whether this is the replay guard's verdict: verified, but seen before.
    fn is_replayed(&self) -> bool;
    /// Whether this is the verifier's rejection: forged, altered, stale or malformed.
    fn is_rejected(&self) -> bool;
}

/// Runs the callback verification `verify` of `provider` (the provider crate's name) inside a
/// [`CallbackSpan`] and closes it with the verdict: [`CallbackVerdict::Accepted`] for `Ok`, else
/// the one its [`CallbackError`] names. The result is handed back unchanged.
pub fn verify_callback<T, E: CallbackError>(
    provider: &'static str,
    verify: impl FnOnce() -> Result<T, E>,
) -> Result<T, E> {
    let span = CallbackSpan::start(provider);
    let result = span.in_scope(verify);
    span.finish(match &result {
        Ok(_) => CallbackVerdict::Accepted,
        Err(e) if e.is_replayed() => CallbackVerdict::Replayed,
        Err(e) if e.is_rejected() => CallbackVerdict::Rejected,
        Err(_) => CallbackVerdict::Error,
    });
    result
}

/// The span of one callback verification.
#[must_use = "a callback span records nothing until it is finished"]
pub struct CallbackSpan {
    timed: Timed,
}

impl CallbackSpan {
    /// Opens the span of verifying a callback from `provider` (the provider crate's name).
    pub fn start(provider: &'static str) -> Self {
        #[cfg(not(feature = "tracing"))]
        let _ = provider;
        Self {
            timed: Timed::new(
                #[cfg(feature = "tracing")]
                tracing::info_span!(
                    target: TARGET,
                    "callback",
                    provider,
                    verdict = tracing::field::Empty,
                    duration_us = tracing::field::Empty,
                ),
            ),
        }
    }

    /// Runs the verification `f` inside the span.
    pub fn in_scope<R>(&self, f: impl FnOnce() -> R) -> R {
        self.timed.in_scope(f)
    }

    /// Closes the span with the verdict.
    pub fn finish(self, verdict: CallbackVerdict) {
        #[cfg(feature = "tracing")]
        {
            let name = match verdict {
                CallbackVerdict::Accepted => "accepted",
                CallbackVerdict::Replayed => "replayed",
                CallbackVerdict::Rejected => "rejected",
                CallbackVerdict::Error => "error",
            };
            self.timed.close("verdict", name);
        }
        #[cfg(not(feature = "tracing"))]
        let _ = verdict;
    }
}

/// A span and when it was opened: what [`CallSpan`] and [`CallbackSpan`] share. Without the
/// feature it holds nothing.
struct Timed {
    #[cfg(feature = "tracing")]
    span: tracing::Span,
    #[cfg(feature = "tracing")]
    start: std::time::Instant,
}

impl Timed {
    fn new(#[cfg(feature = "tracing")] span: tracing::Span) -> Self {
        Self {
            #[cfg(feature = "tracing")]
            span,
            #[cfg(feature = "tracing")]
            start: std::time::Instant::now(),
        }
    }

    fn in_scope<R>(&self, f: impl FnOnce() -> R) -> R {
        #[cfg(feature = "tracing")]
        return self.span.in_scope(f);
        #[cfg(not(feature = "tracing"))]
        f()
    }

    /// Records the result `field` as `value`, and the duration since the span opened.
    #[cfg(feature = "tracing")]
    fn close(&self, field: &str, value: &str) {
        self.span.record(field, value);
        self.span.record("duration_us", micros(self.start.elapsed()));
    }
}

#[cfg(feature = "tracing")]
fn outcome_name(error: Option<Outcome>) -> &'static str {
    match error {
        None => "ok",
        Some(Outcome::NotSent) => "not_sent",
        Some(Outcome::Definite) => "definite",
        Some(_) => "unknown",
    }
}

#[cfg(feature = "tracing")]
fn micros(elapsed: Duration) -> u64 {
    u64::try_from(elapsed.as_micros()).unwrap_or(u64::MAX)
}
