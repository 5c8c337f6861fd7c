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
/// provider's text): a group of digits joined by
/// separators of one to three characters (spaces, no-break and thin spaces, `-`, `.`, `/`, `_`,
/// `,`, dashes and their full-width forms) that holds 13 digits or more is masked whole, whatever
/// its grouping and whether or not it passes the Luhn check (not every card number does:
/// UnionPay), and also when the card number is glued to other digits (a 25-digit run keeps only its
/// last four). Full-width and other script digits (`４１１１`) count as digits. Letters, `:` and
/// any other character end a group, so a short number beside a word stays readable; a long order or
/// trade number is masked too, the safe side.
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
        while i < chars.len() {
            if let Some(d) = ascii_digit(chars[i]) {
                digits.push(d);
                i += 1;
                end = i;
                continue;
            }
            let gap = chars[i..].iter().take_while(|c| is_separator(**c)).count();
            if (1..=3).contains(&gap) && chars.get(i + gap).is_some_and(|c| ascii_digit(*c).is_some()) {
                i += gap;
            } else {
                break;
            }
        }
        if digits.len() >= 13 {
            out.push_str(&mask_last4(&digits));
        } else {
            out.extend(&chars[start..end]);
        }
        i = end;
    }
    out
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
    fn masks_card_numbers() {
        assert_eq!(mask_last4("4111111111111111"), "************1111");
        assert_eq!(mask_last4("123"), "***");
        assert_eq!(mask_last4(""), "");
    }
}
