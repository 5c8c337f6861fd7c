//! The retry policy: which failed sends may be repeated, and how long to wait. Transport-agnostic,
//! so a user sending [`HttpRequest`]s with their own (async) client can apply the same rules.

use std::time::Duration;

use crate::error::{TransportError, TransportErrorKind};
use crate::http::{HttpRequest, HttpResponse};

/// The most retries a policy may ask for: more cannot help a call and would hold it for minutes.
pub const MAX_RETRIES: u32 = 10;

/// The longest delay between two attempts a policy may ask for.
pub const MAX_BACKOFF: Duration = Duration::from_secs(60);

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

    /// Checks the policy: at most [`MAX_RETRIES`] retries and backoffs of at most [`MAX_BACKOFF`].
    /// Provider configurations call it in `build()`; the bounds are applied anyway, so an
    /// unchecked policy cannot overflow or hang a call.
    ///
    /// # Errors
    /// A message naming the bound exceeded.
    pub fn validate(&self) -> Result<(), String> {
        if self.max_retries > MAX_RETRIES {
            return Err(format!("retry: max_retries must be at most {MAX_RETRIES}"));
        }
        if self.initial_backoff > MAX_BACKOFF || self.max_backoff > MAX_BACKOFF {
            return Err(format!("retry: backoffs must be at most {} s", MAX_BACKOFF.as_secs()));
        }
        Ok(())
    }

    /// The retries this policy allows, at most [`MAX_RETRIES`].
    pub fn retries(&self) -> u32 {
        self.max_retries.min(MAX_RETRIES)
    }

    /// The delay before retry number `retry` (0-based): `initial * 2^retry`, capped at
    /// `max_backoff` (and [`MAX_BACKOFF`]), then scaled by a random factor in `[0.5, 1.0]` so that many clients failing
    /// together do not retry in lockstep.
    pub fn backoff(&self, retry: u32) -> Duration {
        let exp = self.initial_backoff.saturating_mul(2u32.saturating_pow(retry.min(31)));
        let capped = exp.min(self.max_backoff).min(MAX_BACKOFF);
        // 16 random bits are plenty for jitter; a retry is rare enough to afford a syscall.
        let mut bits = [0u8; 2];
        crate::clock::os_random(&mut bits);
        let factor = 0.5 + f64::from(u16::from_le_bytes(bits)) / f64::from(u16::MAX) / 2.0;
        capped.mul_f64(factor)
    }

    /// Whether a failed attempt may be retried: one that cannot have reached the server and may go
    /// better next time (DNS, a refused or timed-out connect), or a timeout of an idempotent
    /// request. A request that cannot be built, or a refused TLS certificate, fails the same way
    /// every time: not retried.
    pub fn should_retry_error(&self, request: &HttpRequest, error: &TransportError) -> bool {
        let kind = error.kind();
        let deterministic = matches!(kind, TransportErrorKind::Build | TransportErrorKind::Tls);
        (kind.request_not_sent() && !deterministic) || (request.idempotent && kind == TransportErrorKind::Timeout)
    }

    /// Whether a received response may be retried.
    pub fn should_retry_response(&self, request: &HttpRequest, response: &HttpResponse) -> bool {
        request.idempotent && response.status >= 500
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn huge_policies_are_refused_and_still_cannot_overflow() {
        let huge = RetryPolicy::new(u32::MAX, Duration::MAX, Duration::MAX);
        assert!(huge.validate().unwrap_err().contains("max_retries"));
        assert!(RetryPolicy::new(3, Duration::MAX, Duration::MAX).validate().unwrap_err().contains("backoffs"));
        assert!(RetryPolicy::new(3, Duration::ZERO, Duration::from_secs(61)).validate().is_err());
        assert_eq!(RetryPolicy::default().validate(), Ok(()));
        assert_eq!(RetryPolicy::none().validate(), Ok(()));
        // Unvalidated, the bounds still hold: no panic, no endless loop.
        for retry in [0, 1, 31, 32, u32::MAX] {
            assert!(huge.backoff(retry) <= MAX_BACKOFF, "{retry}");
        }
        assert_eq!(huge.retries(), MAX_RETRIES);
    }

    #[test]
    fn backoff_doubles_within_its_jitter() {
        let p = RetryPolicy::new(5, Duration::from_millis(100), Duration::from_millis(350));
        for (retry, full) in [(0, 100), (1, 200), (2, 350), (9, 350)] {
            let d = p.backoff(retry).as_millis();
            assert!(d >= full / 2 && d <= full, "retry {retry}: {d} ms");
        }
    }
}
