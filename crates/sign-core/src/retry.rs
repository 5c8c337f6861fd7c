//! The retry policy: which failed sends may be repeated, and how long to wait. Transport-agnostic,
//! so a user sending [`HttpRequest`]s with their own (async) client can apply the same rules.

use std::time::Duration;

use rand::Rng;

use crate::error::{TransportError, TransportErrorKind};
use crate::http::{HttpRequest, HttpResponse};

/// How failed sends are retried: capped exponential backoff with jitter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct RetryPolicy {
    /// Retries after the first attempt (0 disables retrying).
    pub max_retries: u32,
    /// The delay before the first retry; doubles with each further retry.
    pub initial_backoff: Duration,
    /// The largest delay between two attempts.
    pub max_backoff: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        Self { max_retries: 2, initial_backoff: Duration::from_millis(100), max_backoff: Duration::from_secs(2) }
    }
}

impl RetryPolicy {
    /// No retries at all.
    pub fn none() -> Self {
        Self { max_retries: 0, ..Self::default() }
    }

    /// A policy with the given number of retries and backoff bounds.
    pub fn new(max_retries: u32, initial_backoff: Duration, max_backoff: Duration) -> Self {
        Self { max_retries, initial_backoff, max_backoff }
    }

    /// The delay before retry number `retry` (0-based): `initial * 2^retry`, capped at
    /// `max_backoff`, then scaled by a random factor in `[0.5, 1.0]` so that many clients failing
    /// together do not retry in lockstep.
    pub fn backoff(&self, retry: u32) -> Duration {
        let exp = self.initial_backoff.saturating_mul(2u32.saturating_pow(retry.min(31)));
        let capped = exp.min(self.max_backoff);
        let factor = rand::thread_rng().gen_range(0.5..=1.0);
        capped.mul_f64(factor)
    }

    /// Whether a failed attempt may be retried.
    pub fn should_retry_error(&self, request: &HttpRequest, error: &TransportError) -> bool {
        error.kind().request_not_sent() || (request.idempotent && error.kind() == TransportErrorKind::Timeout)
    }

    /// Whether a received response may be retried.
    pub fn should_retry_response(&self, request: &HttpRequest, response: &HttpResponse) -> bool {
        request.idempotent && response.status >= 500
    }
}
