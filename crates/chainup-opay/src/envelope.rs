//! The opay envelope, both ways: `{app_id, data, sign, time}` out,
//! `{code, msg, data, sign}` back.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use sign_core::rsa::{PrivateKey, PublicKey};
use sign_core::{DecodeError, HttpResponse};

use crate::auth;
use crate::config::TimeFormat;
use crate::error::Error;
use crate::types_ext::FlexString;

/// The `code` of a successful response.
pub const SUCCESS_CODE: &str = "0";

/// Responses larger than this are refused before parsing (a real opay response is a few KiB).
pub const MAX_RESPONSE_BYTES: usize = 4 * 1024 * 1024;

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
    code: Option<FlexString>,
    #[serde(default)]
    msg: Option<serde_json::Value>,
    #[serde(default)]
    data: Option<serde_json::Value>,
    #[serde(default)]
    sign: Option<serde_json::Value>,
}

/// The most characters of the platform's `code` and `msg` kept in an [`Error::Api`]: errors end
/// up in logs, and a misbehaving server can send megabytes.
pub const MAX_API_TEXT_CHARS: usize = 512;

fn cut(text: String) -> String {
    match text.char_indices().nth(MAX_API_TEXT_CHARS) {
        Some((end, _)) => format!("{}…", &text[..end]),
        None => text,
    }
}

fn msg_text(msg: Option<serde_json::Value>) -> String {
    match msg {
        Some(serde_json::Value::String(s)) => s,
        Some(serde_json::Value::Null) | None => String::new(),
        Some(other) => other.to_string(),
    }
}

/// Turns an opay response into the typed payload: checks the status and `code`, decrypts `data`
/// with the merchant private key, verifies `sign` with the platform public key, then decodes.
///
/// A success envelope without `data` yields `T` read from JSON `null` (e.g. the untyped
/// `cancel_order` result); a success envelope whose `data` is not an encrypted string, or has no
/// valid signature, is [`Error::Signature`]: unverified data is never returned.
pub fn parse<T: DeserializeOwned>(
    response: &HttpResponse,
    merchant_private_key: &PrivateKey,
    platform_public_key: &PublicKey,
) -> Result<T, Error> {
    let status_error = || Error::HttpStatus { status: response.status };
    if response.body.len() > MAX_RESPONSE_BYTES {
        return Err(if response.is_success() {
            Error::Decode(DecodeError::new(format!("response body over {MAX_RESPONSE_BYTES} bytes")))
        } else {
            status_error()
        });
    }
    let envelope: ResponseEnvelope = match serde_json::from_slice(&response.body) {
        Ok(e) => e,
        Err(_) if !response.is_success() => return Err(status_error()),
        Err(_) if response.body.iter().all(u8::is_ascii_whitespace) => {
            return Err(Error::Decode(DecodeError::new("empty response body")));
        }
        Err(e) => return Err(Error::Decode(DecodeError::from(e))),
    };
    let Some(code) = envelope.code else {
        return Err(if response.is_success() {
            Error::Decode(DecodeError::new("response envelope has no code"))
        } else {
            status_error()
        });
    };
    if code.as_str().trim() != SUCCESS_CODE {
        return Err(Error::Api { code: cut(code.0), msg: cut(msg_text(envelope.msg)) });
    }
    if !response.is_success() {
        // A success code on an error status is not a success.
        return Err(status_error());
    }
    let plaintext = match envelope.data {
        None | Some(serde_json::Value::Null) => None,
        Some(serde_json::Value::String(s)) if s.is_empty() => None,
        Some(serde_json::Value::String(data)) => {
            let Some(serde_json::Value::String(sign)) = envelope.sign else {
                return Err(Error::Signature);
            };
            let plaintext =
                auth::open(&data, &sign, merchant_private_key, platform_public_key).map_err(|_| Error::Signature)?;
            Some(plaintext)
        }
        Some(_) => return Err(Error::Signature),
    };
    match plaintext {
        Some(p) => serde_json::from_slice(&p).map_err(|e| Error::Decode(DecodeError::from(e))),
        None => serde_json::from_value(serde_json::Value::Null)
            .map_err(|_| Error::Decode(DecodeError::new("success envelope has no data"))),
    }
}
