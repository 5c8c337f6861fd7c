//! Error types shared by every provider crate.
//!
//! The provider crates each define their own `Error` enum (adding the provider's API error) and
//! convert these into it; the split between transport, timeout, HTTP status, decode, crypto and
//! configuration failures is kept all the way up. No error here ever holds a secret: messages
//! are written by this crate, never copied from key material or request bodies.

use std::fmt;

/// Every failure sign-core can report.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The request could not be sent or the response not received (connection refused, DNS,
    /// TLS, I/O). See [`TransportError::kind`].
    #[error(transparent)]
    Transport(#[from] TransportError),
    /// The server answered with a status the caller did not expect.
    #[error("unexpected HTTP status {status}")]
    HttpStatus {
        /// The HTTP status code.
        status: u16,
    },
    /// A response or input could not be decoded.
    #[error(transparent)]
    Decode(#[from] DecodeError),
    /// Signing, verification, encryption or decryption failed.
    #[error(transparent)]
    Crypto(#[from] CryptoError),
    /// A key could not be loaded.
    #[error(transparent)]
    Key(#[from] KeyError),
    /// The client configuration is unusable.
    #[error("configuration error: {0}")]
    Config(String),
}

/// What went wrong while talking to the server.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum TransportErrorKind {
    /// The host name could not be resolved. The request was never sent.
    Dns,
    /// The TCP (or TLS) connection could not be established. The request was never sent.
    Connect,
    /// Connecting took longer than the connect timeout. The request was never sent.
    ConnectTimeout,
    /// The TLS handshake failed (the server's certificate was refused, no protocol in common):
    /// it happens before any byte of the request, so the request was never sent.
    Tls,
    /// The request could not be built or written at all (an invalid URL or header). Nothing was
    /// sent.
    Build,
    /// The request was sent (or partly sent) but no complete response arrived in time: the
    /// server may have processed it.
    Timeout,
    /// The response body exceeded the configured size limit.
    BodyTooLarge,
    /// Any other I/O or protocol failure after the connection was made.
    Io,
}

impl TransportErrorKind {
    /// True when the request can not have reached the server, so sending it again cannot
    /// duplicate an operation.
    pub fn request_not_sent(self) -> bool {
        matches!(self, Self::Dns | Self::Connect | Self::ConnectTimeout | Self::Tls | Self::Build)
    }

    /// True for the two kinds of timeout.
    pub fn is_timeout(self) -> bool {
        matches!(self, Self::ConnectTimeout | Self::Timeout)
    }
}

/// A failure to send a request or receive its response.
#[derive(Debug, Clone, thiserror::Error)]
#[error("transport error ({kind:?}): {message}")]
pub struct TransportError {
    kind: TransportErrorKind,
    message: String,
}

impl TransportError {
    /// A new transport error. `message` must not contain secrets (never a header value).
    pub fn new(kind: TransportErrorKind, message: impl Into<String>) -> Self {
        Self { kind, message: message.into() }
    }

    /// What went wrong.
    pub fn kind(&self) -> TransportErrorKind {
        self.kind
    }

    /// Whether this was a timeout (connect or response).
    pub fn is_timeout(&self) -> bool {
        self.kind.is_timeout()
    }
}

/// A request refused before it was signed or sent, because it cannot be valid (a required field
/// blank, a length or format the provider's documentation rules out, neither of two alternative
/// fields given). Nothing was sent, so correcting the input and sending again is safe.
///
/// The message names the endpoint, the field and the rule, never the field's value (values can be
/// card numbers or tokens).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct InvalidRequest {
    message: String,
}

impl InvalidRequest {
    /// A new error. `message` must not quote the offending value.
    pub fn new(message: impl Into<String>) -> Self {
        Self { message: message.into() }
    }

    /// `"<context>: <field> <rule>"`, e.g. `("capture", "orderNo", "must be 5 to 64 characters")`.
    pub fn field(context: &str, field: &str, rule: &str) -> Self {
        Self::new(format!("{context}: {field} {rule}"))
    }

    /// The description.
    pub fn message(&self) -> &str {
        &self.message
    }
}

/// Input that could not be decoded (Base64, JSON, a date...).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("decode error: {message}")]
pub struct DecodeError {
    message: String,
}

impl DecodeError {
    /// A new decode error. `message` must not quote secret input.
    pub fn new(message: impl Into<String>) -> Self {
        Self { message: message.into() }
    }

    /// The description.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl From<serde_json::Error> for DecodeError {
    fn from(e: serde_json::Error) -> Self {
        Self::new(format!("invalid JSON: {}", redact_serde_message(&e.to_string())))
    }
}

/// serde's messages can quote the offending input (`invalid type: string "4111…", expected u32`,
/// ``unknown variant `…` ``), and input can be a card number or a token: keep the shape of the
/// message, drop the quoted value. The phrases are found anywhere in the message, since a custom
/// `Deserialize` may wrap an inner serde error in its own text.
fn redact_serde_message(message: &str) -> String {
    const TYPE_OR_VALUE: [&str; 2] = ["invalid type: ", "invalid value: "];
    const VARIANT: &str = "unknown variant `";
    // With `deny_unknown_fields` serde quotes the unknown key, which is input too.
    const FIELD: &str = "unknown field `";
    let mut out = String::with_capacity(message.len());
    let mut rest = message;
    loop {
        let next = TYPE_OR_VALUE
            .iter()
            .chain([&VARIANT, &FIELD])
            .filter_map(|marker| rest.find(marker).map(|at| (at, *marker)))
            .min_by_key(|(at, _)| *at);
        let Some((at, marker)) = next else {
            out.push_str(rest);
            return out;
        };
        out.push_str(&rest[..at]);
        let after = &rest[at + marker.len()..];
        if marker == VARIANT || marker == FIELD {
            // The name is printed raw, backticks and all: skip to the last place the expected
            // list can start, so nothing of it survives.
            out.push_str(marker.trim_end_matches(" `"));
            let end = ["`, expected ", "`, there are no variants", "`, there are no fields"]
                .iter()
                .filter_map(|tail| after.rfind(tail).map(|i| i + 1))
                .max()
                .unwrap_or(after.len());
            rest = &after[end..];
        } else {
            // `<kind> "<Debug-escaped string>"` or ``<kind> `<value>` ``: keep the kind only.
            out.push_str(marker);
            let (kind, value_and_rest) = match after.find(['"', '`']) {
                Some(q) if !after[..q].contains(", expected") => after.split_at(q),
                _ => {
                    rest = after;
                    continue;
                }
            };
            out.push_str(kind.trim_end());
            rest = skip_quoted(value_and_rest);
        }
    }
}

/// Skips one quoted value at the start of `text`: a `"…"` string with `\` escapes, or a `` `…` ``
/// value. Returns what follows it (nothing if it is unterminated).
fn skip_quoted(text: &str) -> &str {
    let mut chars = text.char_indices();
    let Some((_, quote)) = chars.next() else { return text };
    let mut escaped = false;
    for (i, c) in chars {
        if quote == '"' && escaped {
            escaped = false;
        } else if quote == '"' && c == '\\' {
            escaped = true;
        } else if c == quote {
            return &text[i + c.len_utf8()..];
        }
    }
    ""
}

/// A signing, verification, encryption or decryption failure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CryptoError {
    /// A signature did not verify (wrong key, altered data or a forged signature).
    #[error("signature verification failed")]
    BadSignature,
    /// Creating a signature failed.
    #[error("signing failed")]
    SignFailed,
    /// Encryption failed (for example the key is too small for PKCS#1 v1.5 padding).
    #[error("encryption failed")]
    EncryptFailed,
    /// Decryption failed. Deliberately says nothing about why (length, padding or key), so that
    /// it cannot serve as a padding oracle.
    #[error("decryption failed")]
    DecryptFailed,
    /// A ciphertext longer than the caller's cap, refused before any private-key work: it says
    /// only what the sender already knows (the length).
    #[error("ciphertext of {blocks} blocks refused: at most {max_blocks} accepted")]
    TooManyBlocks {
        /// Blocks in the ciphertext (rounded up).
        blocks: usize,
        /// The cap.
        max_blocks: usize,
    },
}

/// A key that could not be loaded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum KeyError {
    /// The input is a key, but of another kind than asked for (a public key where a private key
    /// was expected, or the reverse).
    #[error("wrong key kind: expected {expected}, found {found}")]
    WrongKind {
        /// What the caller asked for.
        expected: KeyKind,
        /// What the input holds.
        found: KeyKind,
    },
    /// The input is not a readable key (bad PEM, bad Base64, truncated or corrupt DER).
    #[error("malformed key: {0}")]
    Malformed(String),
    /// The key is not usable for the operation (for example shorter than 1024 bits).
    #[error("unsupported key: {0}")]
    Unsupported(String),
}

/// A kind of RSA key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyKind {
    /// An RSA private key.
    Private,
    /// An RSA public key.
    Public,
}

impl fmt::Display for KeyKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Private => "private key",
            Self::Public => "public key",
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A record whose number and kind come from the (secret-bearing) input.
    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Card {
        number: u64,
        kind: Kind,
    }

    #[derive(Debug, serde::Deserialize)]
    enum Kind {
        Visa,
    }

    #[test]
    fn serde_messages_lose_the_quoted_input() {
        for input in [
            r#"{"number": "4111111111111111", "kind": "Visa"}"#,
            r#"{"number": 1, "kind": "4111111111111111"}"#,
            r#"{"number": -4111111111111111, "kind": "Visa"}"#,
        ] {
            let e = DecodeError::from(serde_json::from_str::<Card>(input).unwrap_err());
            assert!(!e.message().contains("4111"), "{e}");
            assert!(e.message().contains("line 1"), "position kept: {e}");
        }
        let missing = DecodeError::from(serde_json::from_str::<Card>(r#"{"number": 1}"#).unwrap_err());
        assert!(missing.message().contains("missing field `kind`"), "{missing}");
        let wrong = DecodeError::from(serde_json::from_str::<Card>(r#"{"number": "x1", "kind": "Visa"}"#).unwrap_err());
        assert!(wrong.message().starts_with("invalid JSON: invalid type: string, expected u64"), "{wrong}");
        let float =
            DecodeError::from(serde_json::from_str::<Card>(r#"{"number": 4111.25, "kind": "Visa"}"#).unwrap_err());
        assert!(float.message().starts_with("invalid JSON: invalid type: floating point, expected u64"), "{float}");
    }

    #[test]
    fn quoted_values_go_wherever_they_sit_in_the_message() {
        #[derive(Debug)]
        struct Wrapped;
        impl<'de> serde::Deserialize<'de> for Wrapped {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                // A hand-written Deserialize that wraps an inner serde error in its own text.
                let v = serde_json::Value::deserialize(d)?;
                serde_json::from_value::<u64>(v)
                    .map(|_| Wrapped)
                    .map_err(|e| serde::de::Error::custom(format!("card field: {e}")))
            }
        }
        for input in [r#""4111111111111111""#, "-4111111111111111", "4111111111111111.5"] {
            let e = DecodeError::from(serde_json::from_str::<Wrapped>(input).unwrap_err());
            assert!(!e.message().contains("4111"), "{e}");
            assert!(e.message().contains("card field: invalid "), "{e}");
        }
        // A string value that contains the words the message is split on, or escaped quotes.
        for input in [
            r#"{"number": "1, expected 4111111111111111", "kind": "Visa"}"#,
            r#"{"number": "\"4111111111111111\" x", "kind": "Visa"}"#,
            r#"{"number": 1, "kind": "a`, expected `4111111111111111"}"#,
            r#"{"number": 1, "kind": "`4111111111111111"}"#,
        ] {
            let e = DecodeError::from(serde_json::from_str::<Card>(input).unwrap_err());
            assert!(!e.message().contains("4111"), "{input} -> {e}");
            assert!(e.message().contains("expected"), "{input} -> {e}");
        }
    }
}
