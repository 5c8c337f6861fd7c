//! Time and nonces, injectable so that every timestamp and time-window check can be tested at a
//! chosen instant.

use std::sync::Mutex;
use std::time::Duration;

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
///
/// # Panics
/// If the operating system cannot provide random bytes at all (no `getrandom` syscall and no
/// `/dev/urandom`): signing with a predictable nonce would be worse than stopping.
pub fn random_nonce(len: usize) -> String {
    const ALPHABET: &[u8] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    // The largest multiple of 62 below 256: bytes under it map evenly onto the alphabet.
    const LIMIT: u8 = 248;
    let mut out = String::with_capacity(len);
    // 3 % of bytes are dropped; a quarter more than needed almost always suffices in one read.
    let need = len + len / 4 + 8;
    // Nonces are short: the random bytes fit on the stack (a nonce is no secret to wipe).
    let (mut stack, mut heap) = ([0u8; 96], Vec::new());
    let buf: &mut [u8] = if need <= stack.len() {
        &mut stack[..need]
    } else {
        heap.resize(need, 0);
        &mut heap
    };
    while out.len() < len {
        os_random(buf);
        for &b in buf.iter().filter(|&&b| b < LIMIT).take(len - out.len()) {
            out.push(ALPHABET[usize::from(b) % ALPHABET.len()] as char);
        }
    }
    out
}

/// Fills `buf` from the operating system's CSPRNG. `getrandom` is the crate `rand`'s `OsRng` calls
/// (and `ring` already builds), without `rand`'s generators and their dependencies.
pub(crate) fn os_random(buf: &mut [u8]) {
    if let Err(e) = getrandom::getrandom(buf) {
        panic!("the operating system's random number generator failed: {e}");
    }
}

// The RFC 1123 GMT date form, `Wed, 21 Oct 2022 07:28:00 GMT`, written and read by hand: one fixed
// layout does not need `time`'s format-description macros (a proc-macro in every user's build).
const WEEKDAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/// Formats an instant as an RFC 1123 date in GMT, e.g. `Wed, 21 Oct 2022 07:28:00 GMT`
/// (the HTTP `Date` header form).
pub fn rfc1123(t: OffsetDateTime) -> String {
    let t = t.to_offset(time::UtcOffset::UTC);
    format!(
        "{}, {:02} {} {:04} {:02}:{:02}:{:02} GMT",
        WEEKDAYS[usize::from(t.weekday().number_days_from_monday())],
        t.day(),
        MONTHS[usize::from(u8::from(t.month())) - 1],
        t.year(),
        t.hour(),
        t.minute(),
        t.second()
    )
}

/// Parses an RFC 1123 GMT date as written by [`rfc1123`] (exactly that layout; the weekday must be
/// a weekday's name but is not checked against the date, as providers' examples get it wrong).
pub fn parse_rfc1123(s: &str) -> Result<OffsetDateTime, crate::error::DecodeError> {
    let bad = || crate::error::DecodeError::new("not an RFC 1123 GMT date");
    let b = s.as_bytes();
    // "Sun, 06 Nov 1994 08:49:37 GMT": 29 ASCII characters with fixed separators.
    if b.len() != 29 || !s.is_ascii() || &s[3..5] != ", " || &s[25..] != " GMT" {
        return Err(bad());
    }
    if [7, 11, 16].iter().any(|&i| b[i] != b' ') || b[19] != b':' || b[22] != b':' {
        return Err(bad());
    }
    let number = |range: std::ops::Range<usize>| -> Result<u16, crate::error::DecodeError> {
        let text = &s[range];
        if text.bytes().all(|c| c.is_ascii_digit()) { text.parse().map_err(|_| bad()) } else { Err(bad()) }
    };
    if !WEEKDAYS.contains(&&s[0..3]) {
        return Err(bad());
    }
    let month = MONTHS.iter().position(|m| *m == &s[8..11]).ok_or_else(bad)?;
    let month = time::Month::try_from(u8::try_from(month + 1).map_err(|_| bad())?).map_err(|_| bad())?;
    let day = u8::try_from(number(5..7)?).map_err(|_| bad())?;
    let date = time::Date::from_calendar_date(i32::from(number(12..16)?), month, day).map_err(|_| bad())?;
    let hms = [number(17..19)?, number(20..22)?, number(23..25)?].map(|n| u8::try_from(n).unwrap_or(u8::MAX));
    let time = time::Time::from_hms(hms[0], hms[1], hms[2]).map_err(|_| bad())?;
    Ok(time::PrimitiveDateTime::new(date, time).assume_utc())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc1123_matches_the_http_example() {
        // The example in RFC 7231 section 7.1.1.1 (and the VisaGenius doc's format).
        let t = OffsetDateTime::from_unix_timestamp(784_111_777).unwrap();
        assert_eq!(rfc1123(t), "Sun, 06 Nov 1994 08:49:37 GMT");
        assert_eq!(parse_rfc1123("Sun, 06 Nov 1994 08:49:37 GMT").unwrap(), t);
        assert!(parse_rfc1123("1994-11-06").is_err());
        // Offsets are written in GMT; single digits are padded.
        let plus8 = t.to_offset(time::UtcOffset::from_hms(8, 0, 0).unwrap());
        assert_eq!(rfc1123(plus8), "Sun, 06 Nov 1994 08:49:37 GMT");
        let early = OffsetDateTime::from_unix_timestamp(1_000_000_000).unwrap();
        assert_eq!(rfc1123(early), "Sun, 09 Sep 2001 01:46:40 GMT");
        assert_eq!(parse_rfc1123(&rfc1123(early)).unwrap(), early);
    }

    #[test]
    fn rfc1123_parsing_is_strict_about_layout_but_not_the_weekday() {
        // The weekday is a name but not checked against the date (provider examples get it wrong).
        assert!(parse_rfc1123("Mon, 06 Nov 1994 08:49:37 GMT").is_ok());
        for bad in [
            "Xyz, 06 Nov 1994 08:49:37 GMT",
            "Sun, 06 nov 1994 08:49:37 GMT",
            "Sun, 31 Nov 1994 08:49:37 GMT",
            "Sun, 06 Nov 1994 24:00:00 GMT",
            "Sun, 06 Nov 1994 08:49:37 UTC",
            "Sun,  6 Nov 1994 08:49:37 GMT",
            "Sun, +6 Nov 1994 08:49:37 GMT",
            "Sun, 06 Nov 1994 08:49:37 GMT ",
            "Sun, 06 Nov 1994 08-49-37 GMT",
            "Sun, 06 Nov 1994 08:49:3é GMT",
        ] {
            assert!(parse_rfc1123(bad).is_err(), "{bad}");
        }
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
