//! Time and nonces, injectable so that every timestamp and time-window check can be tested at a
//! chosen instant.

use std::sync::Mutex;
use std::time::Duration;

use rand::RngCore;
use time::OffsetDateTime;

/// A source of the current time.
pub trait Clock: Send + Sync + std::fmt::Debug {
    /// The current instant, in UTC.
    fn now(&self) -> OffsetDateTime;

    /// Milliseconds since the Unix epoch.
    fn unix_millis(&self) -> i64 {
        (self.now().unix_timestamp_nanos() / 1_000_000) as i64
    }

    /// Seconds since the Unix epoch.
    fn unix_seconds(&self) -> i64 {
        self.now().unix_timestamp()
    }
}

/// The operating system's clock.
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> OffsetDateTime {
        OffsetDateTime::now_utc()
    }
}

/// A clock that stands still until moved: for tests.
#[derive(Debug)]
pub struct FixedClock {
    now: Mutex<OffsetDateTime>,
}

impl FixedClock {
    /// A clock showing `now`.
    pub fn new(now: OffsetDateTime) -> Self {
        Self { now: Mutex::new(now) }
    }

    /// A clock showing the given Unix time in milliseconds.
    pub fn from_unix_millis(millis: i64) -> Self {
        let t = OffsetDateTime::from_unix_timestamp_nanos(i128::from(millis) * 1_000_000)
            .unwrap_or(OffsetDateTime::UNIX_EPOCH);
        Self::new(t)
    }

    /// Sets the time.
    pub fn set(&self, now: OffsetDateTime) {
        *self.now.lock().unwrap_or_else(|p| p.into_inner()) = now;
    }

    /// Moves the time forward.
    pub fn advance(&self, by: Duration) {
        let mut guard = self.now.lock().unwrap_or_else(|p| p.into_inner());
        *guard += by;
    }
}

impl Clock for FixedClock {
    fn now(&self) -> OffsetDateTime {
        *self.now.lock().unwrap_or_else(|p| p.into_inner())
    }
}

/// A random nonce of `len` characters from `[0-9A-Za-z]`, drawn from the operating system's
/// CSPRNG. 32 characters carry about 190 bits, so two never collide in practice.
///
/// One read of the OS RNG per nonce (not one per character): bytes are drawn in a batch and mapped
/// without bias (a byte of 248 or more is dropped, so each character is equally likely).
pub fn random_nonce(len: usize) -> String {
    const ALPHABET: &[u8] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    // The largest multiple of 62 below 256: bytes under it map evenly onto the alphabet.
    const LIMIT: u8 = 248;
    let mut out = String::with_capacity(len);
    // 3 % of bytes are dropped; a quarter more than needed almost always suffices in one read.
    let mut buf = vec![0u8; len + len / 4 + 8];
    while out.len() < len {
        rand::rngs::OsRng.fill_bytes(&mut buf);
        for &b in buf.iter().filter(|&&b| b < LIMIT).take(len - out.len()) {
            out.push(ALPHABET[usize::from(b) % ALPHABET.len()] as char);
        }
    }
    out
}

/// The RFC 1123 GMT date form, e.g. `Wed, 21 Oct 2022 07:28:00 GMT`.
const RFC1123: &[time::format_description::BorrowedFormatItem<'static>] = time::macros::format_description!(
    "[weekday repr:short], [day] [month repr:short] [year] [hour]:[minute]:[second] GMT"
);

/// Formats an instant as an RFC 1123 date in GMT, e.g. `Wed, 21 Oct 2022 07:28:00 GMT`
/// (the HTTP `Date` header form).
pub fn rfc1123(t: OffsetDateTime) -> String {
    let t = t.to_offset(time::UtcOffset::UTC);
    t.format(RFC1123).expect("a UTC date always formats")
}

/// Parses an RFC 1123 GMT date as written by [`rfc1123`].
pub fn parse_rfc1123(s: &str) -> Result<OffsetDateTime, crate::error::DecodeError> {
    time::PrimitiveDateTime::parse(s, RFC1123)
        .map(|p| p.assume_utc())
        .map_err(|_| crate::error::DecodeError::new("not an RFC 1123 GMT date"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc1123_matches_the_http_example() {
        // The example in RFC 7231 section 7.1.1.1 (and the VisaGenius doc's format).
        let t = time::macros::datetime!(1994-11-06 08:49:37 UTC);
        assert_eq!(rfc1123(t), "Sun, 06 Nov 1994 08:49:37 GMT");
        assert_eq!(parse_rfc1123("Sun, 06 Nov 1994 08:49:37 GMT").unwrap(), t);
        assert!(parse_rfc1123("1994-11-06").is_err());
    }

    #[test]
    fn fixed_clock_moves_only_when_told() {
        let c = FixedClock::from_unix_millis(1_628_772_138_668);
        assert_eq!(c.unix_millis(), 1_628_772_138_668);
        c.advance(Duration::from_secs(1));
        assert_eq!(c.unix_millis(), 1_628_772_139_668);
        assert_eq!(c.unix_seconds(), 1_628_772_139);
    }

    #[test]
    fn nonces_use_every_character_evenly_and_any_length() {
        assert_eq!(random_nonce(0), "");
        assert_eq!(random_nonce(1000).len(), 1000);
        let mut counts = std::collections::HashMap::new();
        for _ in 0..200 {
            for c in random_nonce(62).chars() {
                *counts.entry(c).or_insert(0u32) += 1;
            }
        }
        // 12 400 draws over 62 characters: 200 each on average; a biased mapping or a missing
        // character would show far outside these bounds.
        assert_eq!(counts.len(), 62);
        assert!(counts.values().all(|&n| (100..=320).contains(&n)), "{counts:?}");
    }

    #[test]
    fn nonces_differ_and_use_the_alphabet() {
        let a = random_nonce(32);
        let b = random_nonce(32);
        assert_eq!(a.len(), 32);
        assert_ne!(a, b);
        assert!(a.chars().all(|c| c.is_ascii_alphanumeric()));
    }
}
