//! Secrets: credentials that must never be printed and must not outlive their use in memory.
//!
//! Every key, token, password and card number in paykit is held in [`SecretString`] or
//! [`SecretBytes`]. Both print a fixed redaction through `Debug` and `Display`, wipe their
//! memory when dropped and compare in constant time (the length is not hidden).

use std::fmt;

use subtle::ConstantTimeEq;
use zeroize::Zeroize;

/// The text every secret prints instead of its value.
pub const REDACTED: &str = "[REDACTED]";

/// A secret UTF-8 string (API secret, access token, password, card number).
#[derive(Clone, Default)]
pub struct SecretString(String);

impl SecretString {
    /// Wraps a secret value.
    pub fn new(value: impl Into<String>) -> Self {
        Self(value.into())
    }

    /// The secret value. Call this only where the value is actually used (signing, a header).
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// Whether the secret is the empty string (a missing credential).
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The length in bytes.
    pub fn len(&self) -> usize {
        self.0.len()
    }
}

impl From<String> for SecretString {
    fn from(value: String) -> Self {
        Self(value)
    }
}

impl From<&str> for SecretString {
    fn from(value: &str) -> Self {
        Self(value.to_owned())
    }
}

impl Drop for SecretString {
    fn drop(&mut self) {
        self.0.zeroize();
    }
}

impl fmt::Debug for SecretString {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(REDACTED)
    }
}

impl fmt::Display for SecretString {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(REDACTED)
    }
}

impl PartialEq for SecretString {
    fn eq(&self, other: &Self) -> bool {
        self.0.as_bytes().ct_eq(other.0.as_bytes()).into()
    }
}

impl Eq for SecretString {}

/// Secret bytes (a raw key, a decrypted payload).
#[derive(Clone, Default)]
pub struct SecretBytes(Vec<u8>);

impl SecretBytes {
    /// Wraps secret bytes.
    pub fn new(value: impl Into<Vec<u8>>) -> Self {
        Self(value.into())
    }

    /// The secret bytes.
    pub fn expose(&self) -> &[u8] {
        &self.0
    }

    /// Whether there are no bytes.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The length in bytes.
    pub fn len(&self) -> usize {
        self.0.len()
    }
}

impl From<Vec<u8>> for SecretBytes {
    fn from(value: Vec<u8>) -> Self {
        Self(value)
    }
}

impl From<zeroize::Zeroizing<Vec<u8>>> for SecretBytes {
    /// Takes the buffer over without copying it (a decrypted plaintext stays in one place).
    fn from(mut value: zeroize::Zeroizing<Vec<u8>>) -> Self {
        Self(std::mem::take(&mut *value))
    }
}

impl Drop for SecretBytes {
    fn drop(&mut self) {
        self.0.zeroize();
    }
}

impl fmt::Debug for SecretBytes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(REDACTED)
    }
}

impl fmt::Display for SecretBytes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(REDACTED)
    }
}

impl PartialEq for SecretBytes {
    fn eq(&self, other: &Self) -> bool {
        self.0.ct_eq(&other.0).into()
    }
}

impl Eq for SecretBytes {}

/// Serde glue for the few places where a secret must go on the wire (a card number in a
/// payment request, a token in a response). Use it explicitly with
/// `#[serde(with = "sign_core::secret::serde_expose")]`; secrets are not `Serialize` by
/// default so a config or a log record can never serialize one by accident.
pub mod serde_expose {
    use super::SecretString;
    use serde::{Deserialize, Deserializer, Serializer};

    /// Serializes the exposed value as a string.
    pub fn serialize<S: Serializer>(value: &SecretString, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(value.expose())
    }

    /// Deserializes a string into a secret.
    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<SecretString, D::Error> {
        String::deserialize(deserializer).map(SecretString::from)
    }

    /// The same for `Option<SecretString>` fields.
    pub mod option {
        use super::SecretString;
        use serde::{Deserialize, Deserializer, Serializer};

        /// Serializes `Some` as its exposed string and `None` as null.
        pub fn serialize<S: Serializer>(value: &Option<SecretString>, serializer: S) -> Result<S::Ok, S::Error> {
            match value {
                Some(v) => serializer.serialize_some(v.expose()),
                None => serializer.serialize_none(),
            }
        }

        /// Deserializes an optional string into an optional secret.
        pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<SecretString>, D::Error> {
            Option::<String>::deserialize(deserializer).map(|o| o.map(SecretString::from))
        }
    }
}

/// Compares two byte strings in constant time (for their common length; the lengths themselves are
/// not hidden). Use it for signatures and MACs recomputed by a verifier.
pub fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.ct_eq(b).into()
}

/// Masks a card number (or any long identifier) to its last four characters, e.g.
/// `************1111`. Short inputs are masked entirely.
pub fn mask_last4(value: &str) -> String {
    let chars: Vec<char> = value.chars().collect();
    if chars.len() <= 4 {
        return "*".repeat(chars.len());
    }
    let keep = chars.len() - 4;
    let mut out = "*".repeat(keep);
    out.extend(&chars[keep..]);
    out
}

/// Masks every card number in `text` to its last four digits (what an error may show of a
/// provider's text), and leaves order numbers and other long ids readable.
///
/// A *group* is digits joined by separators of one to three characters (spaces, no-break and thin
/// spaces, `-`, `.`, `/`, `_`, `,`, dashes and their full-width forms); full-width and other
/// script digits (`４１１１`) count as digits; letters, `:` and anything else end a group. A group
/// of 13 digits or more is masked whole (all but its last four digits) when:
///
/// - **card context**: a card word (`card`, `pan`, `卡`, any case, so also `cardNo`, `卡号`) is in the
///   24 characters before it: then whatever its digits, even a mistyped or non-Luhn number; or
/// - **it holds a card number**: a stretch of 13 to 19 digits that passes the Luhn check, or a
///   UnionPay number (`62`, 16 to 19 digits; some do not pass Luhn), never one starting with `0`. The stretches tried are the
///   group's digit runs and runs of them joined by separators (`4111 1111 1111 1111`), and any 13
///   to 19 digits anywhere in a group longer than 19 (a card number glued to a reference). A card
///   glued to other digits inside a group of at most 19 digits is not recognised unless a card
///   word precedes it: that is an order number's shape.
///
/// So a 13-to-19-digit order number survives unless it passes Luhn (one in ten do, and are
/// masked: the safe side) or starts with `62`. A longer id survives only when no stretch of it
/// passes, which is rare (about 3 in 100 random 20-digit ids): that is the price of never letting a
/// card number glued to other digits through.
pub fn mask_card_numbers(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        if ascii_digit(chars[i]).is_none() {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        // A group: digit runs joined by short separator runs ("4111 1111  1111 1111").
        let start = i;
        let mut end = i;
        let mut digits = String::new();
        // Where each digit run ends, in `digits`.
        let mut run_ends = Vec::new();
        while i < chars.len() {
            if let Some(d) = ascii_digit(chars[i]) {
                digits.push(d);
                i += 1;
                end = i;
                continue;
            }
            run_ends.push(digits.len());
            let gap = chars[i..].iter().take_while(|c| is_separator(**c)).count();
            if (1..=3).contains(&gap) && chars.get(i + gap).is_some_and(|c| ascii_digit(*c).is_some()) {
                i += gap;
            } else {
                break;
            }
        }
        if run_ends.last() != Some(&digits.len()) {
            run_ends.push(digits.len());
        }
        let masked = digits.len() >= 13
            && (card_context(&chars[start.saturating_sub(CARD_CONTEXT_CHARS)..start])
                || holds_card(&digits, &run_ends));
        if masked {
            out.push_str(&mask_last4(&digits));
        } else {
            out.extend(&chars[start..end]);
        }
        i = end;
    }
    out
}

/// How far before a number a card word makes it a card number.
const CARD_CONTEXT_CHARS: usize = 24;

/// Whether `before` names a card field.
fn card_context(before: &[char]) -> bool {
    let text: String = before.iter().collect::<String>().to_lowercase();
    ["card", "pan", "卡"].iter().any(|word| text.contains(word))
}

/// Whether `digits` (ASCII, runs ending at `run_ends`) holds a stretch that looks like a card.
fn holds_card(digits: &str, run_ends: &[usize]) -> bool {
    let mut run_starts = vec![0];
    run_starts.extend(run_ends.iter().take(run_ends.len().saturating_sub(1)));
    // Whole runs, alone or joined by separators.
    for (a, &from) in run_starts.iter().enumerate() {
        for &to in &run_ends[a..] {
            let len = to - from;
            if len > 19 {
                break;
            }
            if len >= 13 && card_like(&digits[from..to]) {
                return true;
            }
        }
    }
    // A group too long for one card: a card may be glued to other digits anywhere in it.
    digits.len() > 19 && (13..=19).any(|len| (0..=digits.len() - len).any(|at| card_like(&digits[at..at + len])))
}

/// A card number: does not start with `0` (no card scheme's number does), and passes the Luhn
/// check or is a UnionPay number (`62`, 16 to 19 digits), of which some do not.
fn card_like(digits: &str) -> bool {
    !digits.starts_with('0') && ((digits.starts_with("62") && (16..=19).contains(&digits.len())) || luhn(digits))
}

/// The Luhn (mod 10) check over ASCII digits.
fn luhn(digits: &str) -> bool {
    let sum: u32 = digits
        .bytes()
        .rev()
        .enumerate()
        .map(|(i, b)| {
            let d = u32::from(b - b'0');
            if i % 2 == 1 { if d * 2 > 9 { d * 2 - 9 } else { d * 2 } } else { d }
        })
        .sum();
    sum % 10 == 0
}

/// The ASCII digit `c` stands for: `0`-`9`, full-width `０`-`９`, Arabic-Indic, Extended
/// Arabic-Indic and Devanagari digits.
fn ascii_digit(c: char) -> Option<char> {
    let zero = match c {
        '0'..='9' => '0',
        '\u{ff10}'..='\u{ff19}' => '\u{ff10}',
        '\u{0660}'..='\u{0669}' => '\u{0660}',
        '\u{06f0}'..='\u{06f9}' => '\u{06f0}',
        '\u{0966}'..='\u{096f}' => '\u{0966}',
        _ => return None,
    };
    let value = u32::from(c) - u32::from(zero);
    char::from_digit(value, 10)
}

/// A character people put between the digit groups of a card number.
fn is_separator(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t' | '\u{a0}' | '\u{2007}' | '\u{2009}' | '\u{202f}' | '\u{3000}' | '-' | '\u{2010}'
            ..='\u{2015}'
                | '\u{2212}'
                | '.'
                | '/'
                | '_'
                | ','
                | '\u{ff0c}'
                | '\u{ff0d}'
                | '\u{ff0e}'
                | '\u{ff0f}'
                | '\u{ff3f}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redacts_and_compares() {
        let a = SecretString::new("hunter2");
        assert_eq!(format!("{a:?} {a}"), "[REDACTED] [REDACTED]");
        assert_eq!(a, SecretString::from("hunter2"));
        assert_ne!(a, SecretString::from("hunter3"));
        assert_ne!(a, SecretString::from("hunter22"));
        assert!(constant_time_eq(b"abc", b"abc"));
        assert!(!constant_time_eq(b"abc", b"abd"));
        assert!(!constant_time_eq(b"abc", b"abcd"));
        let b = SecretBytes::new(vec![1, 2, 3]);
        assert_eq!(format!("{b:?}"), REDACTED);
        assert_eq!(b.expose(), &[1, 2, 3]);
    }

    #[test]
    fn luhn_and_card_likeness() {
        assert!(luhn("4111111111111111") && luhn("378282246310005") && luhn("5555555555554444"));
        assert!(!luhn("4111111111111112") && !luhn("2022082801123456"));
        // UnionPay's range counts without Luhn (the provider's test card fails it).
        assert!(!luhn("6212454545454690") && card_like("6212454545454690"));
        assert!(!card_like("621245454545469"), "15 digits is not a UnionPay length");
    }

    #[test]
    fn card_numbers_are_masked_and_order_numbers_survive() {
        // Cards: Luhn-valid, UnionPay, grouped, glued to a reference, or named by their field.
        for (text, masked) in [
            ("card 4111111111111111 declined", "card ************1111 declined"),
            ("ref 4111 1111 1111 1111.", "ref ************1111."),
            ("ref 378282246310005 x", "ref ***********0005 x"),
            ("ref 6212454545454690 x", "ref ************4690 x"),
            ("ref 12 4111111111111111 x", "ref **************1111 x"),
            ("ref 20251130411111111111111199 end", "ref **********************1199 end"),
            ("ref 1294111 1111 1111 111178 x", "ref *****************1178 x"),
            ("cardNo 4111111111111112 refused", "cardNo ************1112 refused"),
            ("卡号2022082801123456无效", "卡号************3456无效"),
            ("PAN: 2022082801123456", "PAN: ************3456"),
        ] {
            assert_eq!(mask_card_numbers(text), masked, "{text}");
        }
        // Order, trade and refund numbers: 13 to 19 digits failing Luhn, longer ids holding no
        // Luhn-valid stretch, and short numbers, all readable.
        for kept in [
            "order 2022082801123456 failed",
            "orderNo 1234567890123 paid",
            "trade 20221130000000001000 done",
            "tradeNo 1000000000000000000000000000 ok",
            "refund 2022-0828-0112-3456 queued",
            "order 411111111111 ok",
            // The documented limit: glued into a group of 19 digits or fewer, not a card's shape.
            "ref 94111 1111 1111 11117 x",
            "order 12-34 5",
        ] {
            assert_eq!(mask_card_numbers(kept), kept);
        }
    }

    #[test]
    fn masks_card_numbers() {
        assert_eq!(mask_last4("4111111111111111"), "************1111");
        assert_eq!(mask_last4("123"), "***");
        assert_eq!(mask_last4(""), "");
    }
}
