//! The opay envelope, both ways: `{app_id, data, sign, time}` out (requests, and the callbacks
//! the platform sends), `{code, msg, data, sign}` back. The decision table (success, refusal, HTTP
//! error, undecodable) is sign-core's; this module holds opay's facts: where the code, message
//! and payload live, which code is success, and how the payload is sealed.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use sign_core::call::{Envelope, decode_json, read_envelope, truncate_for_error};
use sign_core::rsa::{PrivateKey, PublicKey};
use sign_core::{DecodeError, HttpResponse, SecretBytes};

use crate::auth;
use crate::config::TimeFormat;
use crate::error::Error;

/// The `code` of a successful response.
pub const SUCCESS_CODE: &str = "0";

/// `time` as sent: a number (as the demo does) or a string (as the table says).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum EnvelopeTime {
    /// Milliseconds as a JSON number.
    Number(i64),
    /// Milliseconds as a JSON string.
    Text(String),
}

impl EnvelopeTime {
    /// The given milliseconds in the chosen format.
    pub fn new(millis: i64, format: TimeFormat) -> Self {
        match format {
            TimeFormat::String => Self::Text(millis.to_string()),
            _ => Self::Number(millis),
        }
    }

    /// The milliseconds, if readable.
    pub fn millis(&self) -> Option<i64> {
        match self {
            Self::Number(n) => Some(*n),
            Self::Text(t) => t.trim().parse().ok(),
        }
    }
}

/// The request (and callback) envelope.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RequestEnvelope {
    /// The merchant AppKey.
    pub app_id: String,
    /// The encrypted business JSON (see [`auth`]).
    pub data: String,
    /// The signature over the business JSON (see [`auth`]).
    pub sign: String,
    /// Milliseconds since the epoch; not signed.
    pub time: EnvelopeTime,
}

impl RequestEnvelope {
    /// Seals `plaintext` (the business JSON) into an envelope.
    pub fn seal(
        app_id: &str,
        plaintext: &[u8],
        recipient_public_key: &PublicKey,
        sender_private_key: &PrivateKey,
        time: EnvelopeTime,
    ) -> Result<Self, Error> {
        let (data, sign) = auth::seal(plaintext, recipient_public_key, sender_private_key)?;
        Ok(Self { app_id: app_id.to_owned(), data, sign, time })
    }
}

#[derive(Deserialize)]
struct ResponseEnvelope {
    #[serde(default, deserialize_with = "sign_core::lenient::deserialize")]
    code: Option<String>,
    #[serde(default)]
    msg: Option<serde_json::Value>,
    #[serde(default)]
    data: Option<serde_json::Value>,
    #[serde(default)]
    sign: Option<serde_json::Value>,
}

/// What a success envelope carries, still sealed: `data` (encrypted for the merchant) and `sign`
/// (the platform's signature), as they came. Or an envelope that is neither a success nor a plain
/// refusal (see [`read`]), which [`open`] turns into [`Error::UnclassifiedResponse`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sealed {
    data: Option<serde_json::Value>,
    sign: Option<serde_json::Value>,
    unclassified: Option<(String, String)>,
}

/// Messages that read as a success (compared trimmed, case-insensitive): a failure code beside
/// one of these is no plain refusal.
const SUCCESS_MESSAGES: [&str; 5] = ["succ", "success", "ok", "成功", "操作成功"];

fn non_empty_text(v: Option<&serde_json::Value>) -> bool {
    matches!(v, Some(serde_json::Value::String(s)) if !s.trim().is_empty())
}

fn msg_text(msg: Option<serde_json::Value>) -> String {
    match msg {
        Some(serde_json::Value::String(s)) => s,
        Some(serde_json::Value::Null) | None => String::new(),
        Some(other) => other.to_string(),
    }
}

/// The provider's envelope facts, for [`sign_core::call::read_envelope`]: a JSON object with a
/// `code` (a string or a number) is the envelope; [`SUCCESS_CODE`] is success, carrying `data`
/// and `sign` still sealed; any other code is a refusal with `msg` (a string, or any other JSON
/// written out as text). Nothing in opay's messages needs masking.
///
/// The failure codes are not published, so a failure code is a refusal only when nothing else in
/// the envelope contradicts it: one that comes with a sealed payload (`data` and `sign` both
/// non-empty text) or with a success message (`succ`, `success`, `ok`, `成功`) cannot be
/// classified, and is passed on as such ([`open`] makes it [`Error::UnclassifiedResponse`],
/// outcome unknown) rather than as a definite refusal.
pub fn read(body: &[u8]) -> Option<Envelope<Sealed>> {
    let envelope: ResponseEnvelope = serde_json::from_slice(body).ok()?;
    // A blank code is no code: not the envelope (outcome unknown), never a refusal.
    let code = envelope.code.filter(|c| !c.trim().is_empty())?;
    if code.trim() == SUCCESS_CODE {
        return Some(Envelope::Success(Sealed { data: envelope.data, sign: envelope.sign, unclassified: None }));
    }
    let msg = msg_text(envelope.msg);
    let sealed_payload = non_empty_text(envelope.data.as_ref()) && non_empty_text(envelope.sign.as_ref());
    let success_message = SUCCESS_MESSAGES.iter().any(|m| msg.trim().eq_ignore_ascii_case(m));
    if sealed_payload || success_message {
        let unclassified = Some((truncate_for_error(&code), truncate_for_error(&msg)));
        return Some(Envelope::Success(Sealed { data: None, sign: None, unclassified }));
    }
    Some(Envelope::refused(code, msg))
}

/// Opens a success envelope's payload: decrypts `data` with the merchant private key, verifies
/// `sign` with one of the platform public keys (several during a key rotation), then decodes the
/// plaintext as `T` (`context` names the call in a decode error). A `data` of more than
/// `max_blocks` RSA blocks, or a `sign` not the size of a platform key, is refused before any
/// private-key work (see [`auth::open_bounded`]).
///
/// A success envelope without `data` yields `T` read from JSON `null` (e.g. the untyped
/// `cancel_order` result); `data` that is not an encrypted string, or has no valid signature, is
/// [`Error::ResponseUnverified`]: unverified data is never returned.
pub fn open<T: DeserializeOwned>(
    sealed: Sealed,
    context: &str,
    merchant_private_key: &PrivateKey,
    platform_public_keys: &[PublicKey],
    max_blocks: usize,
) -> Result<T, Error> {
    if let Some((code, msg)) = sealed.unclassified {
        return Err(Error::UnclassifiedResponse { code, msg });
    }
    let plaintext = match sealed.data {
        None | Some(serde_json::Value::Null) => None,
        Some(serde_json::Value::String(s)) if s.is_empty() => None,
        Some(serde_json::Value::String(data)) => {
            let Some(serde_json::Value::String(sign)) = sealed.sign else {
                return Err(Error::ResponseUnverified);
            };
            let plaintext = auth::open_bounded(&data, &sign, merchant_private_key, platform_public_keys, max_blocks)
                .map_err(|_| Error::ResponseUnverified)?;
            Some(SecretBytes::from(plaintext))
        }
        Some(_) => return Err(Error::ResponseUnverified),
    };
    match plaintext {
        Some(p) => Ok(decode_json(context, p.expose())?),
        None => serde_json::from_value(serde_json::Value::Null)
            .map_err(|_| Error::Decode(DecodeError::new(format!("{context}: success envelope has no data")))),
    }
}

/// Turns an opay response into the typed payload: the shared envelope rules
/// ([`sign_core::call::read_envelope`] with [`read`], under the `max_body_bytes` cap), then
/// [`open`] (at most `max_blocks` RSA blocks of `data`).
pub fn parse<T: DeserializeOwned>(
    response: &HttpResponse,
    max_body_bytes: u64,
    context: &str,
    merchant_private_key: &PrivateKey,
    platform_public_keys: &[PublicKey],
    max_blocks: usize,
) -> Result<T, Error> {
    let sealed = read_envelope(response, max_body_bytes, read)?;
    open(sealed, context, merchant_private_key, platform_public_keys, max_blocks)
}
