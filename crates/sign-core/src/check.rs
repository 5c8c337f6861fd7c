//! The request checks that generated code runs before anything is sent: one function per rule of
//! the `constraints` column of the API docs (`docs/README.md`).
//!
//! Each takes the endpoint name as `context` and the field's wire name, and fails with an
//! [`InvalidRequest`] that names both and the rule, never the value (a value can be a card number
//! or a token): `"payment: orderNo must be 5 to 64 characters"`.
//!
//! ```
//! use sign_core::check;
//! assert!(check::len("payment", "orderNo", "ORDER-1", 5, 64).is_ok());
//! let e = check::len("payment", "orderNo", "O-1", 5, 64).unwrap_err();
//! assert_eq!(e.message(), "payment: orderNo must be 5 to 64 characters");
//! ```

use std::borrow::Cow;
use std::fmt;

#[cfg(feature = "decimal")]
use crate::decimal::rust_decimal;
use crate::error::InvalidRequest;

/// The name of `field` at `path` in the request, as messages show it: `cardNo` at the top,
/// `card.cardNo` or `items[2].sku` inside (`path` ends with `.`).
///
/// ```
/// assert_eq!(sign_core::check::at("", "orderNo"), "orderNo");
/// assert_eq!(sign_core::check::at("items[2].", "sku"), "items[2].sku");
/// ```
pub fn at<'a>(path: &str, field: &'a str) -> Cow<'a, str> {
    if path.is_empty() { Cow::Borrowed(field) } else { Cow::Owned(format!("{path}{field}")) }
}

/// A length (characters or items) between `min` and `max`, in words: `"5 to 64"`, `"3"`,
/// `"at most 64"`, `"at least 5"`.
fn bounds(min: usize, max: usize, unit: &str) -> String {
    let plural = |n: usize| if n == 1 { unit.to_string() } else { format!("{unit}s") };
    match (min, max) {
        (a, b) if a == b => format!("{a} {}", plural(a)),
        (0, b) => format!("at most {b} {}", plural(b)),
        (a, usize::MAX) => format!("at least {a} {}", plural(a)),
        (a, b) => format!("{a} to {b} {}", plural(b)),
    }
}

/// `value` has `min` to `max` characters; `max` may be `usize::MAX`. Characters are counted as
/// the providers' Java backends count them (`String.length()`, UTF-16 code units): one for each
/// Chinese character or other character of the Basic Multilingual Plane, two for an emoji.
///
/// # Errors
/// `"<context>: <field> must be 5 to 64 characters"` (or `3 characters`, `at most 64 characters`,
/// `at least 5 characters`).
pub fn len(context: &str, field: &str, value: &str, min: usize, max: usize) -> Result<(), InvalidRequest> {
    let n = value.encode_utf16().count();
    if (min..=max).contains(&n) {
        Ok(())
    } else {
        Err(InvalidRequest::field(context, field, &format!("must be {}", bounds(min, max, "character"))))
    }
}

/// A list has `min` to `max` items; `max` may be `usize::MAX`.
///
/// # Errors
/// `"<context>: <field> must have 1 to 10 items"` (or `at least 1 item`, ...).
pub fn items(context: &str, field: &str, count: usize, min: usize, max: usize) -> Result<(), InvalidRequest> {
    if (min..=max).contains(&count) {
        Ok(())
    } else {
        Err(InvalidRequest::field(context, field, &format!("must have {}", bounds(min, max, "item"))))
    }
}

/// `value` is one or more ASCII digits `0`-`9`.
///
/// # Errors
/// `"<context>: <field> must be digits (0-9)"`.
pub fn digits(context: &str, field: &str, value: &str) -> Result<(), InvalidRequest> {
    if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) {
        Ok(())
    } else {
        Err(InvalidRequest::field(context, field, "must be digits (0-9)"))
    }
}

/// `value` is one or more upper-case ASCII letters `A`-`Z`.
///
/// # Errors
/// `"<context>: <field> must be upper-case letters (A-Z)"`.
pub fn upper(context: &str, field: &str, value: &str) -> Result<(), InvalidRequest> {
    if !value.is_empty() && value.bytes().all(|b| b.is_ascii_uppercase()) {
        Ok(())
    } else {
        Err(InvalidRequest::field(context, field, "must be upper-case letters (A-Z)"))
    }
}

/// `value` is not empty and not only whitespace.
///
/// # Errors
/// `"<context>: <field> must not be blank"`.
pub fn not_blank(context: &str, field: &str, value: &str) -> Result<(), InvalidRequest> {
    if value.trim().is_empty() { Err(InvalidRequest::field(context, field, "must not be blank")) } else { Ok(()) }
}

/// `value` is one of `allowed` (strings or integers).
///
/// # Errors
/// `"<context>: <field> must be one of CNY, USD"`: the allowed values are the docs', never the
/// request's.
pub fn one_of<T: PartialEq + fmt::Display>(
    context: &str,
    field: &str,
    value: T,
    allowed: &[T],
) -> Result<(), InvalidRequest> {
    if allowed.contains(&value) {
        return Ok(());
    }
    let list: Vec<String> = allowed.iter().map(ToString::to_string).collect();
    Err(InvalidRequest::field(context, field, &format!("must be one of {}", list.join(", "))))
}

/// Whether an optional text field is given and not blank: what [`either`] asks of its fields.
pub fn given(value: Option<&str>) -> bool {
    value.is_some_and(|v| !v.trim().is_empty())
}

/// At least one of two fields is given (for text fields: and not blank, see [`given`]).
///
/// # Errors
/// `"<context>: orderNo or tradeNo must be given (not blank)"`.
pub fn either(
    context: &str,
    first: &str,
    first_given: bool,
    second: &str,
    second_given: bool,
) -> Result<(), InvalidRequest> {
    if first_given || second_given {
        Ok(())
    } else {
        Err(InvalidRequest::field(context, &format!("{first} or {second}"), "must be given (not blank)"))
    }
}

/// An amount (or integer) is greater than zero.
///
/// # Errors
/// `"<context>: <field> must be greater than zero"`.
#[cfg(feature = "decimal")]
#[cfg_attr(docsrs, doc(cfg(feature = "decimal")))]
pub fn positive(context: &str, field: &str, value: impl Into<rust_decimal::Decimal>) -> Result<(), InvalidRequest> {
    if value.into() > rust_decimal::Decimal::ZERO {
        Ok(())
    } else {
        Err(InvalidRequest::field(context, field, "must be greater than zero"))
    }
}

/// An amount has at most `max` decimal places as written (and as it is sent: `1.100` has three).
///
/// # Errors
/// `"<context>: <field> must have at most 2 decimal places"`.
#[cfg(feature = "decimal")]
#[cfg_attr(docsrs, doc(cfg(feature = "decimal")))]
pub fn scale(
    context: &str,
    field: &str,
    value: impl Into<rust_decimal::Decimal>,
    max: u32,
) -> Result<(), InvalidRequest> {
    if value.into().scale() <= max {
        Ok(())
    } else {
        let places = if max == 1 { "place" } else { "places" };
        Err(InvalidRequest::field(context, field, &format!("must have at most {max} decimal {places}")))
    }
}

/// `amount` has no more decimal places than `currency`'s minor units (`JPY 100.99` is refused,
/// `USD 100.99` passes; any amount passes for a code the ISO table does not list).
///
/// # Errors
/// `"<context>: <field> must fit the currency: JPY amounts have no decimal places"`.
#[cfg(feature = "decimal")]
#[cfg_attr(docsrs, doc(cfg(feature = "decimal")))]
pub fn minor_units(
    context: &str,
    field: &str,
    amount: impl Into<rust_decimal::Decimal>,
    currency: &crate::Currency,
) -> Result<(), InvalidRequest> {
    currency
        .check_amount(amount)
        .map_err(|why| InvalidRequest::field(context, field, &format!("must fit the currency: {why}")))
}

/// `value` matches `pattern`, a sequence of ASCII character classes with repeat counts:
/// `[A-Z]{3}`, `[A-Z0-9]{2,4}[-]{1}[0-9]{1,8}` (a class without a count means one character).
///
/// # Errors
/// `"<context>: <field> must match [A-Z]{3}"`; a pattern outside that grammar (which the generator
/// never writes) fails every value.
pub fn pattern(context: &str, field: &str, value: &str, pattern: &str) -> Result<(), InvalidRequest> {
    if parse_pattern(pattern).is_some_and(|segments| matches(&segments, value.as_bytes())) {
        Ok(())
    } else {
        Err(InvalidRequest::field(context, field, &format!("must match {pattern}")))
    }
}

/// One `[class]{min,max}` segment: inclusive byte ranges and a repeat count.
struct Segment {
    ranges: Vec<(u8, u8)>,
    min: usize,
    max: usize,
}

/// The segments of a pattern, or `None` when it is outside the grammar.
fn parse_pattern(pattern: &str) -> Option<Vec<Segment>> {
    let mut rest = pattern.as_bytes();
    let mut segments = Vec::new();
    while !rest.is_empty() {
        let close = rest.iter().position(|&b| b == b']')?;
        let class = rest.strip_prefix(b"[")?.get(..close - 1)?;
        rest = &rest[close + 1..];
        let (min, max) = if rest.first() == Some(&b'{') {
            let end = rest.iter().position(|&b| b == b'}')?;
            let counts = std::str::from_utf8(&rest[1..end]).ok()?;
            rest = &rest[end + 1..];
            let (a, b) = counts.split_once(',').unwrap_or((counts, counts));
            (a.parse().ok()?, b.parse().ok()?)
        } else {
            (1, 1)
        };
        if min > max || max == 0 {
            return None;
        }
        segments.push(Segment { ranges: class_ranges(class)?, min, max });
    }
    (!segments.is_empty()).then_some(segments)
}

/// `A-Z0-9_` -> `[(A, Z), (0, 9), (_, _)]`; a `-` first or last is itself.
fn class_ranges(class: &[u8]) -> Option<Vec<(u8, u8)>> {
    let mut ranges = Vec::new();
    let mut i = 0;
    while i < class.len() {
        let c = class[i];
        if !c.is_ascii_graphic() || matches!(c, b'[' | b']' | b'\\') {
            return None;
        }
        if class.get(i + 1) == Some(&b'-') && i + 2 < class.len() {
            let end = class[i + 2];
            if end < c || !end.is_ascii_graphic() {
                return None;
            }
            ranges.push((c, end));
            i += 3;
        } else {
            ranges.push((c, c));
            i += 1;
        }
    }
    (!ranges.is_empty()).then_some(ranges)
}

/// Whether `value` is exactly the segments in order: the set of positions each segment can end
/// at, carried from segment to segment (no backtracking blow-up).
fn matches(segments: &[Segment], value: &[u8]) -> bool {
    let mut ends = vec![false; value.len() + 1];
    ends[0] = true;
    for s in segments {
        let mut next = vec![false; value.len() + 1];
        for start in (0..=value.len()).filter(|&p| ends[p]) {
            let mut n = 0;
            while n < s.max
                && start + n < value.len()
                && s.ranges.iter().any(|&(a, b)| (a..=b).contains(&value[start + n]))
            {
                n += 1;
                if n >= s.min {
                    next[start + n] = true;
                }
            }
            if s.min == 0 {
                next[start] = true;
            }
        }
        ends = next;
    }
    ends[value.len()]
}

#[cfg(test)]
mod tests {
    #[cfg(feature = "decimal")]
    #[test]
    fn minor_units_follow_the_currency() {
        let amount = |s: &str| s.parse::<rust_decimal::Decimal>().unwrap();
        assert!(minor_units("pay", "amount", amount("100.99"), &crate::Currency::USD).is_ok());
        let e = minor_units("pay", "amount", amount("100.99"), &crate::Currency::JPY).unwrap_err();
        assert_eq!(e.message(), "pay: amount must fit the currency: JPY amounts have no decimal places");
    }

    use super::*;
    #[cfg(feature = "decimal")]
    use crate::decimal::{Decimal, DecimalNumber};

    /// The message of a failed check, after asserting that it never quotes `value` (a blank
    /// value cannot be told apart from the message's own spaces).
    fn message(result: Result<(), InvalidRequest>, value: &str) -> String {
        let e = result.unwrap_err();
        let shown = format!("{e} {e:?}");
        assert!(value.trim().is_empty() || !shown.contains(value), "`{value}` leaked into {shown}");
        e.message().to_string()
    }

    #[test]
    fn lengths_count_characters_and_say_the_bounds() {
        assert!(len("pay", "orderNo", "12345", 5, 64).is_ok());
        assert!(len("pay", "name", "张三丰", 1, 3).is_ok(), "characters, not bytes");
        // Java's String.length(): an emoji is two UTF-16 units.
        assert!(len("pay", "name", "😀", 2, 2).is_ok());
        assert!(len("pay", "name", "😀😀", 1, 3).is_err());
        assert_eq!(message(len("pay", "orderNo", "1234", 5, 64), "1234"), "pay: orderNo must be 5 to 64 characters");
        assert_eq!(message(len("pay", "currency", "EURO", 3, 3), "EURO"), "pay: currency must be 3 characters");
        assert_eq!(message(len("pay", "x", "toolong", 0, 4), "toolong"), "pay: x must be at most 4 characters");
        assert_eq!(len("pay", "x", "", 1, usize::MAX).unwrap_err().message(), "pay: x must be at least 1 character");
        assert!(items("pay", "items", 1, 1, usize::MAX).is_ok());
        assert_eq!(
            items("pay", "items", 0, 1, usize::MAX).unwrap_err().message(),
            "pay: items must have at least 1 item"
        );
        assert_eq!(items("pay", "items", 11, 1, 10).unwrap_err().message(), "pay: items must have 1 to 10 items");
    }

    #[test]
    fn character_classes() {
        assert!(digits("pay", "cvc", "0123").is_ok());
        for bad in ["", "12a4", "１２", "4111 1111"] {
            assert_eq!(message(digits("pay", "cvc", bad), bad), "pay: cvc must be digits (0-9)");
        }
        assert!(upper("pay", "currency", "USD").is_ok());
        for bad in ["", "usd", "US1", "ÜSD"] {
            assert_eq!(message(upper("pay", "currency", bad), bad), "pay: currency must be upper-case letters (A-Z)");
        }
        assert!(not_blank("pay", "refundNumber", " r1 ").is_ok());
        assert_eq!(message(not_blank("pay", "refundNumber", " \t"), " \t"), "pay: refundNumber must not be blank");
    }

    #[test]
    fn one_of_lists_the_allowed_values_only() {
        assert!(one_of("pay", "currency", "CNY", &["CNY", "USD"]).is_ok());
        assert_eq!(
            message(one_of("pay", "currency", "4111111111111111", &["CNY", "USD"]), "4111111111111111"),
            "pay: currency must be one of CNY, USD"
        );
        assert!(one_of("pay", "channel", 2, &[1, 2]).is_ok());
        assert_eq!(message(one_of("pay", "channel", 987654, &[1, 2]), "987654"), "pay: channel must be one of 1, 2");
    }

    #[test]
    fn either_wants_one_field_given_and_not_blank() {
        assert!(given(Some("x")) && !given(Some("  ")) && !given(None));
        assert!(either("void", "orderNo", true, "tradeNo", false).is_ok());
        assert!(either("void", "orderNo", false, "tradeNo", true).is_ok());
        assert_eq!(
            either("void", "orderNo", given(Some(" ")), "tradeNo", given(None)).unwrap_err().message(),
            "void: orderNo or tradeNo must be given (not blank)"
        );
    }

    #[cfg(feature = "decimal")]
    #[test]
    fn amounts() {
        let amount: Decimal = "100.99".parse().unwrap();
        assert!(positive("pay", "amount", amount).is_ok());
        assert!(positive("pay", "amount", DecimalNumber::from(1)).is_ok());
        assert!(positive("pay", "count", 3_i64).is_ok());
        for bad in ["0", "-0.01", "0.00"] {
            let d: Decimal = bad.parse().unwrap();
            assert_eq!(message(positive("pay", "amount", d), bad), "pay: amount must be greater than zero");
        }
        assert_eq!(message(positive("pay", "count", -73_i64), "73"), "pay: count must be greater than zero");
        assert!(scale("pay", "amount", amount, 2).is_ok());
        assert!(scale("pay", "amount", Decimal::from(5), 0).is_ok());
        let fine: Decimal = "1.005".parse().unwrap();
        assert_eq!(message(scale("pay", "amount", fine, 2), "1.005"), "pay: amount must have at most 2 decimal places");
        let written: Decimal = "1.100".parse().unwrap();
        assert!(scale("pay", "amount", written, 2).is_err(), "the places as written (and sent) count");
        assert_eq!(
            scale("pay", "amount", amount, 1).unwrap_err().message(),
            "pay: amount must have at most 1 decimal place"
        );
    }

    #[test]
    fn patterns_are_classes_with_counts() {
        let ok = |p: &str, v: &str| pattern("pay", "f", v, p).is_ok();
        assert!(ok("[A-Z]{3}", "USD"));
        assert!(!ok("[A-Z]{3}", "US"));
        assert!(!ok("[A-Z]{3}", "USDX"));
        assert!(!ok("[A-Z]{3}", "usd"));
        assert!(ok("[A-Z0-9]{2,4}[-]{1}[0-9]{1,8}", "AB1-42"));
        assert!(ok("[A-Z0-9]{2,4}[-][0-9]{1,8}", "AB12-1"));
        assert!(!ok("[A-Z0-9]{2,4}[-][0-9]{1,8}", "A-1"));
        // A segment that could take more characters gives them back to the next one.
        assert!(ok("[0-9]{1,6}[0-9]{2}", "12345"));
        assert!(ok("[a-z_-]{0,3}[0-9]", "a-_7"));
        assert!(ok("[a-z]{0,3}[0-9]", "7"));
        assert!(!ok("[0-9]", ""));
        assert_eq!(message(pattern("pay", "code", "abc", "[A-Z]{3}"), "abc"), "pay: code must match [A-Z]{3}");
        // Outside the grammar: every value fails, nothing panics.
        for bad in
            ["", "[]", "[A-Z", "A-Z]", "[A-Z]{3", "[A-Z]{4,2}", "[A-Z]{0}", "[Z-A]", "[A-Z]x", "[\\d]", "[A-Z]{a}"]
        {
            assert!(parse_pattern(bad).is_none(), "{bad}");
            assert!(pattern("pay", "f", "A", bad).is_err());
        }
        // Long values are linear, not exponential.
        let long = "A".repeat(10_000);
        assert!(!ok("[A-Z]{0,64}[A-Z]{0,64}[A-Z]{0,64}[0-9]", &long));
    }
}
