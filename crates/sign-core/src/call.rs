//! The call rules every provider client follows, written once: what a failure means for the
//! request ([`Outcome`]), how a response is judged ([`read_envelope`]: the envelope decision
//! table), how provider text is cut before it goes into an error ([`truncate_for_error`]), how a
//! request body is built ([`request_body`], [`raw_body`]), which raw-call paths are accepted
//! ([`check_raw_path`]) and how a failed send is repeated, freshly signed ([`send_with_retries`]).
//!
//! A provider crate supplies only its provider's facts: where its envelope keeps the code, the
//! message and the payload, which code means success, and what must be masked in its messages.
//!
//! ```
//! use sign_core::call::{Envelope, ResponseError, read_envelope};
//! use sign_core::HttpResponse;
//!
//! // A provider whose envelope is {"code": 0, "msg": "...", "data": ...}.
//! fn read(body: &[u8]) -> Option<Envelope<serde_json::Value>> {
//!     let v: serde_json::Value = serde_json::from_slice(body).ok()?;
//!     match v.get("code")?.as_i64()? {
//!         0 => Some(Envelope::Success(v.get("data").cloned().unwrap_or_default())),
//!         code => Some(Envelope::refused(code, v.get("msg").and_then(|m| m.as_str()).unwrap_or(""))),
//!     }
//! }
//!
//! let ok = HttpResponse::json(200, br#"{"code":0,"data":{"id":7}}"#.to_vec());
//! assert_eq!(read_envelope(&ok, 1 << 20, read).unwrap()["id"], 7);
//! let refused = HttpResponse::json(200, br#"{"code":5,"msg":"no funds"}"#.to_vec());
//! assert!(matches!(read_envelope(&refused, 1 << 20, read), Err(ResponseError::Refused { .. })));
//! let proxy = HttpResponse::new(502, b"<html>Bad Gateway</html>".to_vec());
//! assert_eq!(read_envelope(&proxy, 1 << 20, read), Err(ResponseError::HttpStatus { status: 502 }));
//! ```

use std::fmt;

use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::async_transport::AsyncTransport;
use crate::error::{DecodeError, InvalidRequest, TransportError};
use crate::http::{Endpoint, HttpRequest, HttpResponse, Transport};
use crate::retry::RetryPolicy;

/// What a failed call means for the request. Every provider crate's `Error::outcome` answers with
/// this, from the one table in `docs/architecture.md`:
///
/// | failure | outcome |
/// |---|---|
/// | invalid request, configuration, key or signing error (nothing built) | [`NotSent`](Outcome::NotSent) |
/// | DNS failure, connection refused, connect timeout | [`NotSent`](Outcome::NotSent) |
/// | the provider refused the credentials before processing (acqra's token request failed or refused, mall-pay token expired) | [`NotSent`](Outcome::NotSent) |
/// | an HTTP 401 to a call the provider gives 401 no meaning for (acqra: a proxy may answer 401 after the gateway processed a payment) | [`Unknown`](Outcome::Unknown) |
/// | the provider's failure envelope (a refusal with its code and message) | [`Definite`](Outcome::Definite) |
/// | the failure envelope under a 5xx status, or saying "processing" or "server error" ([`Outcome::of_refusal`]) | [`Unknown`](Outcome::Unknown) |
/// | an HTTP status below 500 without the envelope (404, 403, a redirect) | [`Definite`](Outcome::Definite) |
/// | a callback refused by verification (no request of ours: nothing to reconcile) | [`Definite`](Outcome::Definite) |
/// | a response timeout, an I/O error once sent, a body over the size limit | [`Unknown`](Outcome::Unknown) |
/// | a 5xx status without the envelope (a proxy's error page) | [`Unknown`](Outcome::Unknown) |
/// | a response that arrived but cannot be decoded or verified | [`Unknown`](Outcome::Unknown) |
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Outcome {
    /// The request certainly was not processed: it was never built or sent, or the provider refused
    /// it before looking at it. Sending it again cannot duplicate a payment or an order.
    NotSent,
    /// The provider answered definitely: it refused the request, or the HTTP status says it was not
    /// processed. Sending the same request again will meet the same answer.
    #[doc(alias = "Refused")]
    Definite,
    /// The request may have been processed although the call failed. Reconcile (query the order)
    /// before sending a request that is not idempotent again.
    Unknown,
}

impl Outcome {
    /// Whether the provider may have processed the request ([`Outcome::Unknown`]).
    pub fn is_unknown(self) -> bool {
        self == Self::Unknown
    }

    /// Whether the request certainly was not processed ([`Outcome::NotSent`]).
    pub fn is_not_sent(self) -> bool {
        self == Self::NotSent
    }

    /// Whether sending the same request again cannot duplicate its effect: true when it was not
    /// sent or the provider answered definitely (a repeat meets the same refusal, so correct the
    /// request first), false when the outcome is unknown. A request the provider treats as
    /// idempotent (a query) is always safe to repeat, whatever this says.
    ///
    /// ```
    /// use sign_core::Outcome;
    /// assert!(Outcome::NotSent.is_retry_safe());
    /// assert!(Outcome::Definite.is_retry_safe());
    /// assert!(!Outcome::Unknown.is_retry_safe()); // query the order first
    /// ```
    pub fn is_retry_safe(self) -> bool {
        self != Self::Unknown
    }

    /// The outcome of a transport failure: not sent when the request cannot have left (DNS,
    /// connect, connect timeout), unknown otherwise.
    pub fn of_transport(error: &TransportError) -> Self {
        if error.kind().request_not_sent() { Self::NotSent } else { Self::Unknown }
    }

    /// The outcome of an HTTP status that came without the provider's envelope: a 5xx may come
    /// from a proxy after the provider processed the request; anything else is definite.
    pub fn of_http_status(status: u16) -> Self {
        if status >= 500 { Self::Unknown } else { Self::Definite }
    }

    /// The outcome of a provider's refusal (its failure envelope) that came with HTTP `status`
    /// and `message`: definite, unless the refusal itself leaves the request's fate open. That is
    /// a 5xx status (a server error, e.g. visagenius's documented "503 服务异常": the failure may
    /// come after the provider processed the request), or a message that says the request is
    /// still being processed or that the server failed ([`message_leaves_outcome_open`]).
    ///
    /// ```
    /// use sign_core::Outcome;
    /// assert_eq!(Outcome::of_refusal(200, "余额不足"), Outcome::Definite);
    /// assert_eq!(Outcome::of_refusal(503, "余额不足"), Outcome::Unknown);
    /// assert_eq!(Outcome::of_refusal(200, "订单处理中"), Outcome::Unknown);
    /// assert_eq!(Outcome::of_refusal(200, "系统异常"), Outcome::Unknown);
    /// ```
    pub fn of_refusal(status: u16, message: &str) -> Self {
        if status >= 500 || message_leaves_outcome_open(message) { Self::Unknown } else { Self::Definite }
    }
}

/// Words of a refusal's message that say the request is still being processed (`处理中`,
/// `processing`), or that the server failed rather than refused (`系统异常`, `接口异常`,
/// `系统繁忙`, `internal error`): Java and PHP backends answer an unhandled exception with their
/// failure envelope and such a message, whatever the request had done by then.
///
/// Not `pending`: it names an order's state in the providers' own words (chainup's "1 Pending
/// payment", acqra's `pending`), so a refusal quoting it ("order is not pending", "cannot
/// capture an order that is pending") is about that state, and definite.
const OUTCOME_OPEN_WORDS: &[&str] = &[
    "处理中",
    "受理中",
    "进行中",
    "支付中",
    "充值中",
    "交易中",
    "processing",
    "being processed",
    "in progress",
    "系统异常",
    "系统错误",
    "系统繁忙",
    "服务异常",
    "服务错误",
    "服务繁忙",
    "服务器异常",
    "服务器错误",
    "服务器繁忙",
    "内部错误",
    "接口异常",
    "网络异常",
    "未知错误",
    "未知异常",
    "请求超时",
    "处理超时",
    "响应超时",
    "internal error",
    "server error",
    "system error",
    "system busy",
    // A database's failure, whatever else its exception's name says (`InvalidDataAccess...`).
    "sqlexception",
    "dataaccess",
    "jdbc",
];

/// Words that say the server failed (`java.lang.NullPointerException`, `Read timed out`) only
/// when the message names no bad input: a Java backend words a refused parameter as an exception
/// too, as chainup's document does ("does not match the format parameter exception"), and an
/// expired credential as a timeout ("token timeout").
const SERVER_FAILURE_HINTS: &[&str] = &["exception", "timeout", "timed out"];

/// Words that name the request's own input (a parameter, its format, the signature, the
/// credentials) as the cause of a refusal.
const INPUT_WORDS: &[&str] = &[
    "param",
    "参数",
    "argument",
    "format",
    "格式",
    "parse",
    "invalid",
    "not valid",
    "validat",
    "violation",
    "must be",
    "must not",
    "不能为空",
    "sign",
    "签名",
    "token",
    "timestamp",
    "时间戳",
    "过期",
    "expired",
];

/// Whether a provider's refusal message leaves open whether the request was processed: it says
/// the request is still in progress (`订单处理中`, `processing`), or that the server failed
/// (`系统异常`, `服务异常`, `接口异常`, `系统繁忙`, `请求超时`, `internal error`; `exception`,
/// `timeout` when the message names no parameter, format, signature or credential),
/// case-insensitive. Such a refusal is no definite answer: see [`Outcome::of_refusal`].
///
/// ```
/// use sign_core::call::message_leaves_outcome_open;
/// assert!(message_leaves_outcome_open("订单处理中,请稍后查询"));
/// assert!(message_leaves_outcome_open("Internal Error"));
/// assert!(message_leaves_outcome_open("java.lang.NullPointerException"));
/// assert!(!message_leaves_outcome_open("余额不足"));
/// assert!(!message_leaves_outcome_open("验签失败"));
/// assert!(!message_leaves_outcome_open("does not match the format parameter exception"));
/// assert!(!message_leaves_outcome_open("order is not pending"));
/// ```
pub fn message_leaves_outcome_open(message: &str) -> bool {
    let lower = message.to_lowercase();
    let has = |words: &[&str]| words.iter().any(|word| lower.contains(word));
    has(OUTCOME_OPEN_WORDS) || (has(SERVER_FAILURE_HINTS) && !has(INPUT_WORDS))
}

/// The longest provider text (a code or a message) kept in an error, in characters. A longer one
/// is cut and ends with `…`, so that a misbehaving server cannot flood logs.
pub const MAX_PROVIDER_TEXT_CHARS: usize = 512;

/// Sends a request through `transport`, repeating it as `policy` allows, and signs every attempt
/// afresh: `sign` runs once per attempt, so each repeat carries a new nonce and timestamp (a
/// provider that rejects a reused nonce, or a date outside its window, accepts the repeat).
///
/// Which failures are repeated is [`RetryPolicy`]'s rule: a send that cannot have reached the
/// provider (DNS, refused connection, connect timeout) always, a timeout or a 5xx only when the
/// request is [`idempotent`](HttpRequest::idempotent). A payment that may have been processed is
/// never sent twice. The last attempt's result is returned.
///
/// ```
/// use std::sync::atomic::{AtomicU32, Ordering};
/// use sign_core::{HttpRequest, HttpResponse, Method, RetryPolicy, Transport, TransportError, TransportErrorKind};
///
/// struct RefusesOnce(AtomicU32);
/// impl Transport for RefusesOnce {
///     fn send(&self, request: &HttpRequest) -> Result<HttpResponse, TransportError> {
///         if self.0.fetch_add(1, Ordering::SeqCst) == 0 {
///             return Err(TransportError::new(TransportErrorKind::Connect, "refused"));
///         }
///         Ok(HttpResponse::new(200, request.header("X-Nonce").unwrap_or("").as_bytes().to_vec()))
///     }
/// }
///
/// let transport = RefusesOnce(AtomicU32::new(0));
/// let policy = RetryPolicy::new(2, std::time::Duration::ZERO, std::time::Duration::ZERO);
/// let mut nonce = 0;
/// let response = sign_core::call::send_with_retries(&transport, &policy, || {
///     nonce += 1;
///     let request = HttpRequest::new(Method::Post, "https://h.example/pay").with_header("X-Nonce", nonce.to_string());
///     Ok::<_, TransportError>(request)
/// })
/// .unwrap();
/// assert_eq!(response.body, b"2"); // the repeat was signed again
/// ```
///
/// # Errors
/// `sign`'s error (nothing is sent for that attempt), or the last attempt's transport error.
pub fn send_with_retries<Err: From<TransportError>>(
    transport: &(impl Transport + ?Sized),
    policy: &RetryPolicy,
    sign: impl FnMut() -> Result<HttpRequest, Err>,
) -> Result<HttpResponse, Err> {
    send_with_retries_in(&crate::trace::CallSpan::disabled(), transport, policy, sign)
}

/// [`send_with_retries`] reporting to `span` (feature `tracing`): the attempt count and the last
/// HTTP status are recorded on it, and each repeat is a `retry` event in it.
///
/// # Errors
/// As [`send_with_retries`].
pub fn send_with_retries_in<Err: From<TransportError>>(
    span: &crate::trace::CallSpan,
    transport: &(impl Transport + ?Sized),
    policy: &RetryPolicy,
    mut sign: impl FnMut() -> Result<HttpRequest, Err>,
) -> Result<HttpResponse, Err> {
    let mut retry = 0;
    loop {
        let request = sign()?;
        let result = transport.send(&request);
        span.attempt(retry + 1, &result);
        let Some(pause) = retry_after(policy, retry, &request, &result) else {
            return result.map_err(Err::from);
        };
        span.retry(retry + 1, &result, pause);
        std::thread::sleep(pause);
        retry += 1;
    }
}

/// [`send_with_retries`] in async code: the same policy, the same safety rules (the decision after
/// each attempt is the one function both loops call), each attempt signed afresh by `sign` (a
/// future, so that a signer may fetch a token first), and the pause between attempts is the
/// transport's [`sleep`](AsyncTransport::sleep): no runtime is named here.
///
/// ```
/// use std::sync::atomic::{AtomicU32, Ordering};
/// use std::time::Duration;
/// use sign_core::async_transport::BoxFuture;
/// use sign_core::{AsyncTransport, HttpRequest, HttpResponse, Method, RetryPolicy, TransportError, TransportErrorKind};
///
/// struct RefusesOnce(AtomicU32);
/// impl AsyncTransport for RefusesOnce {
///     fn send<'a>(&'a self, request: &'a HttpRequest) -> BoxFuture<'a, Result<HttpResponse, TransportError>> {
///         Box::pin(async move {
///             if self.0.fetch_add(1, Ordering::SeqCst) == 0 {
///                 return Err(TransportError::new(TransportErrorKind::Connect, "refused"));
///             }
///             Ok(HttpResponse::new(200, request.header("X-Nonce").unwrap_or("").as_bytes().to_vec()))
///         })
///     }
///     fn sleep(&self, _: Duration) -> BoxFuture<'static, ()> {
///         Box::pin(std::future::ready(()))
///     }
/// }
///
/// let transport = RefusesOnce(AtomicU32::new(0));
/// let policy = RetryPolicy::new(2, Duration::ZERO, Duration::ZERO);
/// let nonce = AtomicU32::new(0);
/// let call = sign_core::call::send_with_retries_async(&transport, &policy, || {
///     let n = nonce.fetch_add(1, Ordering::SeqCst) + 1;
///     let request = HttpRequest::new(Method::Post, "https://h.example/pay").with_header("X-Nonce", n.to_string());
///     std::future::ready(Ok::<_, TransportError>(request))
/// });
/// # let response = block_on(call);
/// # fn block_on<F: std::future::Future>(f: F) -> F::Output {
/// #     // A minimal executor for the example: these futures never wait.
/// #     let mut cx = std::task::Context::from_waker(std::task::Waker::noop());
/// #     let mut f = std::pin::pin!(f);
/// #     loop { if let std::task::Poll::Ready(v) = f.as_mut().poll(&mut cx) { return v; } }
/// # }
/// assert_eq!(response.unwrap().body, b"2"); // the repeat was signed again
/// ```
///
/// # Errors
/// `sign`'s error (nothing is sent for that attempt), or the last attempt's transport error.
pub async fn send_with_retries_async<Err, Signed>(
    transport: &(impl AsyncTransport + ?Sized),
    policy: &RetryPolicy,
    sign: impl FnMut() -> Signed,
) -> Result<HttpResponse, Err>
where
    Err: From<TransportError>,
    Signed: Future<Output = Result<HttpRequest, Err>>,
{
    send_with_retries_async_in(&crate::trace::CallSpan::disabled(), transport, policy, sign).await
}

/// [`send_with_retries_async`] reporting to `span` (feature `tracing`), as
/// [`send_with_retries_in`] does for the blocking loop.
///
/// # Errors
/// As [`send_with_retries_async`].
pub async fn send_with_retries_async_in<Err, Signed>(
    span: &crate::trace::CallSpan,
    transport: &(impl AsyncTransport + ?Sized),
    policy: &RetryPolicy,
    mut sign: impl FnMut() -> Signed,
) -> Result<HttpResponse, Err>
where
    Err: From<TransportError>,
    Signed: Future<Output = Result<HttpRequest, Err>>,
{
    let mut retry = 0;
    loop {
        let request = sign().await?;
        let result = transport.send(&request).await;
        span.attempt(retry + 1, &result);
        let Some(pause) = retry_after(policy, retry, &request, &result) else {
            return result.map_err(Err::from);
        };
        span.retry(retry + 1, &result, pause);
        drop(request);
        transport.sleep(pause).await;
        retry += 1;
    }
}

/// The decision after attempt number `retry` (0-based) of `request` ended with `result`: the pause
/// before the next attempt, or `None` when `result` is final. Shared by the blocking and the async
/// loop, so that both repeat exactly the same failures.
fn retry_after(
    policy: &RetryPolicy,
    retry: u32,
    request: &HttpRequest,
    result: &Result<HttpResponse, TransportError>,
) -> Option<std::time::Duration> {
    let again = retry < policy.retries()
        && match result {
            Ok(response) => policy.should_retry_response(request, response),
            Err(error) => policy.should_retry_error(request, error),
        };
    again.then(|| policy.backoff(retry))
}

/// `text` cut to [`MAX_PROVIDER_TEXT_CHARS`] characters, with `…` appended when it was longer.
///
/// Redact before truncating (the envelope rules do): a card number cut in half is no longer
/// recognised by a masker, and its visible half would survive.
///
/// ```
/// let long = "x".repeat(600);
/// let cut = sign_core::call::truncate_for_error(&long);
/// assert_eq!(cut.chars().count(), sign_core::call::MAX_PROVIDER_TEXT_CHARS + 1);
/// assert!(cut.ends_with('…'));
/// assert_eq!(sign_core::call::truncate_for_error("短"), "短");
/// ```
pub fn truncate_for_error(text: &str) -> String {
    match text.char_indices().nth(MAX_PROVIDER_TEXT_CHARS) {
        Some((end, _)) => format!("{}…", &text[..end]),
        None => text.to_owned(),
    }
}

/// The characters of a provider text looked at by the card masker: masking maps at most 3 input
/// characters to 1, so these give well over the [`MAX_PROVIDER_TEXT_CHARS`] kept, and a huge
/// message costs no more than this.
const MASKED_PREFIX_CHARS: usize = 4096;

/// A provider's message as an error may show it: card numbers masked to their last four
/// digits (a provider may echo one, and no error holds a full card number), then cut.
fn provider_text(text: &str) -> String {
    let prefix: String = text.chars().take(MASKED_PREFIX_CHARS).collect();
    truncate_for_error(&crate::secret::mask_card_numbers(&prefix))
}

/// What a provider's envelope says, as read by the provider crate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Envelope<P> {
    /// The provider's success code, with the payload still to decode.
    Success(P),
    /// A failure code: the provider refused the request.
    Refused {
        /// The provider's code, as text (`"5001"`, `"-1"`).
        code: String,
        /// The provider's message, with whatever must never reach an error (card numbers, the
        /// caller's token) already masked by the provider crate.
        message: String,
    },
}

impl<P> Envelope<P> {
    /// A refusal with `code` and `message`.
    pub fn refused(code: impl ToString, message: impl Into<String>) -> Self {
        Self::Refused { code: code.to_string(), message: message.into() }
    }
}

/// How a response failed the shared rules. The provider crate turns each into its own error
/// variant: `HttpStatus`, `Decode`, and its API error for `Refused`.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ResponseError {
    /// A non-2xx status without the provider's envelope, or a success envelope under a non-2xx
    /// status (which contradicts itself: the status is trusted).
    HttpStatus {
        /// The HTTP status code.
        status: u16,
    },
    /// A 2xx response that cannot be read: empty, not the provider's envelope, or over the size
    /// limit. It may hide a success: the outcome is unknown.
    Decode(DecodeError),
    /// The provider's failure envelope.
    Refused {
        /// The provider's code, cut to [`MAX_PROVIDER_TEXT_CHARS`].
        code: String,
        /// The provider's message, masked by the provider crate, then cut to
        /// [`MAX_PROVIDER_TEXT_CHARS`].
        message: String,
        /// The HTTP status the envelope came with.
        status: u16,
    },
}

/// The envelope decision table, shared by every provider crate. `read` is the provider's fact:
/// it returns the envelope found in a body, or `None` when the body is not the provider's
/// envelope.
///
/// | response | result |
/// |---|---|
/// | body over `max_body_bytes` (the transport's limit) | 2xx: [`ResponseError::Decode`]; otherwise [`ResponseError::HttpStatus`] |
/// | a UTF-8 byte order mark before the body | skipped: the rest is read |
/// | a JSON string holding a JSON object (the envelope encoded twice) | the object inside is read |
/// | not the envelope, non-2xx | [`ResponseError::HttpStatus`] |
/// | not the envelope, 2xx, blank body | [`ResponseError::Decode`] ("empty response body") |
/// | not the envelope, 2xx | [`ResponseError::Decode`] |
/// | a refusal, any status | [`ResponseError::Refused`], card numbers in the message masked to their last four digits, code and message cut to [`MAX_PROVIDER_TEXT_CHARS`] |
/// | a success, non-2xx | [`ResponseError::HttpStatus`] |
/// | a success, 2xx | the payload |
///
/// Statuses a provider gives a meaning of its own (acqra's 401) are checked by the provider crate
/// before this table.
///
/// # Errors
/// As in the table.
pub fn read_envelope<P>(
    response: &HttpResponse,
    max_body_bytes: u64,
    read: impl FnOnce(&[u8]) -> Option<Envelope<P>>,
) -> Result<P, ResponseError> {
    let status = response.status;
    let ok_status = response.is_success();
    if u64::try_from(response.body.len()).map_or(true, |len| len > max_body_bytes) {
        return Err(if ok_status {
            ResponseError::Decode(DecodeError::new(format!("response body over {max_body_bytes} bytes")))
        } else {
            ResponseError::HttpStatus { status }
        });
    }
    // A UTF-8 byte order mark before the JSON (a PHP source file saved with one prints it first)
    // is no part of the answer.
    let body = response.body.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&response.body);
    // The envelope JSON-encoded once more (`"{\"code\":0,...}"`: a Java controller returning its
    // JSON as a `String` through a JSON converter) is read inside its quotes.
    let unquoted = double_encoded(body);
    let body = unquoted.as_deref().map_or(body, str::as_bytes);
    match read(body) {
        None if !ok_status => Err(ResponseError::HttpStatus { status }),
        None if body.iter().all(u8::is_ascii_whitespace) => {
            Err(ResponseError::Decode(DecodeError::new("empty response body")))
        }
        None => Err(ResponseError::Decode(DecodeError::new("the response is not the provider's envelope"))),
        Some(Envelope::Refused { code, message }) => {
            // Codes are the providers' own tokens (integers for most): cut, never rewritten.
            Err(ResponseError::Refused { code: truncate_for_error(&code), message: provider_text(&message), status })
        }
        Some(Envelope::Success(_)) if !ok_status => Err(ResponseError::HttpStatus { status }),
        Some(Envelope::Success(payload)) => Ok(payload),
    }
}

/// The text of `body` when it is a JSON string holding a JSON object (`"{\"ret\":0}"`).
fn double_encoded(body: &[u8]) -> Option<String> {
    let start = body.iter().position(|b| !b.is_ascii_whitespace())?;
    if body[start] != b'"' {
        return None;
    }
    let text: String = serde_json::from_slice(body).ok()?;
    text.trim_start().starts_with('{').then_some(text)
}

/// A JSON value read and checked exactly as a [`serde_json::Value`] would be (UTF-8, escapes, number
/// range, nesting depth), then dropped without allocating: for envelope readers that skip the
/// fields they do not need in one pass and must still refuse every body a `Value` refuses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct CheckedJson;

impl<'de> serde::Deserialize<'de> for CheckedJson {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Any;
        impl<'de> serde::de::Visitor<'de> for Any {
            type Value = CheckedJson;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("any JSON value")
            }

            fn visit_bool<E: serde::de::Error>(self, _: bool) -> Result<CheckedJson, E> {
                Ok(CheckedJson)
            }

            fn visit_i64<E: serde::de::Error>(self, _: i64) -> Result<CheckedJson, E> {
                Ok(CheckedJson)
            }

            fn visit_u64<E: serde::de::Error>(self, _: u64) -> Result<CheckedJson, E> {
                Ok(CheckedJson)
            }

            fn visit_f64<E: serde::de::Error>(self, _: f64) -> Result<CheckedJson, E> {
                Ok(CheckedJson)
            }

            fn visit_str<E: serde::de::Error>(self, _: &str) -> Result<CheckedJson, E> {
                Ok(CheckedJson)
            }

            fn visit_unit<E: serde::de::Error>(self) -> Result<CheckedJson, E> {
                Ok(CheckedJson)
            }

            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<CheckedJson, A::Error> {
                while seq.next_element::<CheckedJson>()?.is_some() {}
                Ok(CheckedJson)
            }

            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<CheckedJson, A::Error> {
                while map.next_key::<CheckedJson>()?.is_some() {
                    map.next_value::<CheckedJson>()?;
                }
                Ok(CheckedJson)
            }
        }
        deserializer.deserialize_any(Any)
    }
}

/// Decodes a payload as `T`, through the redacting [`DecodeError`] (serde's messages can quote the
/// offending value). `context` names the call in the message, e.g. `"order_pay"`.
///
/// # Errors
/// [`DecodeError`] without any quoted value.
pub fn decode_json<T: DeserializeOwned>(context: &str, json: &[u8]) -> Result<T, DecodeError> {
    serde_json::from_slice(json).map_err(|e| DecodeError::new(format!("{context}: {}", DecodeError::from(e).message())))
}

/// The JSON body of an endpoint request: [`Endpoint::validate`] first, then serialized once (the
/// bytes signed are the bytes sent).
///
/// # Errors
/// [`InvalidRequest`] from the validation, or when the request does not serialize.
pub fn request_body<E: Endpoint>(request: &E) -> Result<Vec<u8>, InvalidRequest> {
    request.validate()?;
    serde_json::to_vec(request)
        .map_err(|_| InvalidRequest::new(format!("{}: request does not serialize to JSON", E::NAME)))
}

/// The JSON body of a raw call to `path`.
///
/// # Errors
/// [`InvalidRequest`] when the body does not serialize (serde_json's serialization errors never
/// quote values, but they are not kept anyway).
pub fn raw_body(path: &str, body: &(impl Serialize + ?Sized)) -> Result<Vec<u8>, InvalidRequest> {
    serde_json::to_vec(body).map_err(|_| InvalidRequest::new(format!("{path}: request does not serialize to JSON")))
}

/// Checks the path of a raw call (an endpoint without a typed model): an absolute path below the
/// base URL made of `A-Z a-z 0-9 / _ - . ~`, with no empty, `.` or `..` segment, no query and no
/// fragment. A path that could leave the base URL or smuggle a query is refused before signing.
///
/// ```
/// use sign_core::call::check_raw_path;
/// assert!(check_raw_path("/openvisa/order_query").is_ok());
/// assert!(check_raw_path("//evil.example/x").is_err());
/// assert!(check_raw_path("/a/../b").is_err());
/// ```
///
/// # Errors
/// [`InvalidRequest`] saying what a path may contain.
pub fn check_raw_path(path: &str) -> Result<(), InvalidRequest> {
    let ok = path.starts_with('/')
        && path.len() > 1
        && path.bytes().all(|b| b.is_ascii_alphanumeric() || b"/_-.~".contains(&b))
        && !path.contains("//")
        && !path.split('/').any(|segment| segment == "." || segment == "..");
    if ok {
        Ok(())
    } else {
        Err(InvalidRequest::new("raw-call path must be an absolute path of A-Z a-z 0-9 / _ - . ~ (no query, no ..)"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::TransportErrorKind as K;

    fn read(body: &[u8]) -> Option<Envelope<serde_json::Value>> {
        let v: serde_json::Value = serde_json::from_slice(body).ok()?;
        match v.get("code")?.as_i64()? {
            0 => Some(Envelope::Success(v.get("data").cloned().unwrap_or_default())),
            code => Some(Envelope::refused(code, v.get("msg").and_then(|m| m.as_str()).unwrap_or(""))),
        }
    }

    fn resp(status: u16, body: &str) -> HttpResponse {
        HttpResponse::json(status, body.as_bytes().to_vec())
    }

    #[test]
    fn the_decision_table() {
        let limit = 1024;
        assert_eq!(read_envelope(&resp(200, r#"{"code":0,"data":3}"#), limit, read), Ok(serde_json::json!(3)));
        for (status, body, want) in [
            (502, "<html/>", ResponseError::HttpStatus { status: 502 }),
            (404, "", ResponseError::HttpStatus { status: 404 }),
            (500, r#"{"code":0,"data":3}"#, ResponseError::HttpStatus { status: 500 }),
            (200, " \n", ResponseError::Decode(DecodeError::new("empty response body"))),
            (200, "<html/>", ResponseError::Decode(DecodeError::new("the response is not the provider's envelope"))),
            (
                400,
                r#"{"code":7,"msg":"bad"}"#,
                ResponseError::Refused { code: "7".into(), message: "bad".into(), status: 400 },
            ),
            (
                200,
                r#"{"code":7,"msg":"bad"}"#,
                ResponseError::Refused { code: "7".into(), message: "bad".into(), status: 200 },
            ),
        ] {
            assert_eq!(read_envelope(&resp(status, body), limit, read), Err(want), "{status} {body}");
        }
    }

    #[test]
    fn a_byte_order_mark_before_the_body_is_skipped() {
        let limit = 1024;
        let bom = |status, body: &str| HttpResponse::json(status, [&b"\xEF\xBB\xBF"[..], body.as_bytes()].concat());
        assert_eq!(read_envelope(&bom(200, r#"{"code":0,"data":3}"#), limit, read), Ok(serde_json::json!(3)));
        assert_eq!(
            read_envelope(&bom(200, r#"{"code":7,"msg":"bad"}"#), limit, read),
            Err(ResponseError::Refused { code: "7".into(), message: "bad".into(), status: 200 })
        );
        assert_eq!(
            read_envelope(&bom(200, ""), limit, read),
            Err(ResponseError::Decode(DecodeError::new("empty response body")))
        );
    }

    #[test]
    fn an_envelope_encoded_twice_is_read_inside_its_quotes() {
        let limit = 1024;
        let twice = |status, inner: &str| resp(status, &serde_json::Value::String(inner.to_owned()).to_string());
        assert_eq!(read_envelope(&twice(200, r#"{"code":0,"data":3}"#), limit, read), Ok(serde_json::json!(3)));
        assert_eq!(
            read_envelope(&twice(200, r#"{"code":7,"msg":"bad"}"#), limit, read),
            Err(ResponseError::Refused { code: "7".into(), message: "bad".into(), status: 200 })
        );
        // A string that holds no object is no envelope.
        assert!(matches!(read_envelope(&twice(200, "ok"), limit, read), Err(ResponseError::Decode(_))));
        assert_eq!(read_envelope(&twice(502, "<html/>"), limit, read), Err(ResponseError::HttpStatus { status: 502 }));
    }

    #[test]
    fn refusals_that_leave_the_outcome_open() {
        for (status, message) in [
            (503, "余额不足"),
            (500, ""),
            (200, "订单处理中,请稍后查询"),
            (200, "充值中"),
            (200, "request is being processed"),
            (200, "系统异常,请联系管理员"),
            (200, "接口异常"),
            (400, "服务异常"),
            (200, "系统繁忙,请稍后再试"),
            (200, "请求超时"),
            (200, "Read timed out"),
            (200, "java.lang.NullPointerException"),
            (200, "org.springframework.dao.InvalidDataAccessApiUsageException"),
            (200, "java.sql.SQLException: Lock wait timeout exceeded"),
            (200, "Internal Server Error"),
        ] {
            assert_eq!(Outcome::of_refusal(status, message), Outcome::Unknown, "{status} {message}");
        }
        for (status, message) in [
            (200, "余额不足"),
            (400, "参数不正确"),
            (200, "验签失败"),
            (200, "token过期"),
            (404, ""),
            // chainup's document: a `day` in another format is a "parameter exception".
            (200, "does not match the format parameter exception"),
            (200, "java.lang.IllegalArgumentException: pageSize"),
            (200, "ConstraintViolationException: orderNo: size must be between 5 and 64"),
            (200, "token timeout"),
            // An order's state named in a refusal: the refusal is definite.
            (200, "order is not pending"),
            (200, "cannot capture an order that is pending"),
        ] {
            assert_eq!(Outcome::of_refusal(status, message), Outcome::Definite, "{status} {message}");
        }
    }

    #[test]
    fn oversized_bodies_are_never_read() {
        let big = format!(r#"{{"code":0,"data":"{}"}}"#, "x".repeat(100));
        let never = |_: &[u8]| -> Option<Envelope<()>> { panic!("read an oversized body") };
        assert!(matches!(read_envelope(&resp(200, &big), 50, never), Err(ResponseError::Decode(_))));
        assert_eq!(read_envelope(&resp(503, &big), 50, never), Err(ResponseError::HttpStatus { status: 503 }));
    }

    #[test]
    fn refusals_are_cut_after_the_reader_masked_them() {
        let long = "4".repeat(2000);
        let body = format!(r#"{{"code":9,"msg":"{long}"}}"#);
        match read_envelope(&resp(200, &body), 1 << 20, read) {
            Err(ResponseError::Refused { message, .. }) => {
                assert_eq!(message.chars().count(), MAX_PROVIDER_TEXT_CHARS + 1);
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn outcomes() {
        for kind in [K::Dns, K::Connect, K::ConnectTimeout] {
            assert_eq!(Outcome::of_transport(&TransportError::new(kind, "t")), Outcome::NotSent, "{kind:?}");
        }
        for kind in [K::Timeout, K::Io, K::BodyTooLarge] {
            assert_eq!(Outcome::of_transport(&TransportError::new(kind, "t")), Outcome::Unknown, "{kind:?}");
        }
        assert_eq!(Outcome::of_http_status(502), Outcome::Unknown);
        assert_eq!(Outcome::of_http_status(404), Outcome::Definite);
        assert!(Outcome::Unknown.is_unknown() && !Outcome::Definite.is_unknown());
        assert!(Outcome::NotSent.is_not_sent() && !Outcome::Unknown.is_not_sent());
    }

    #[test]
    fn raw_paths() {
        for good in ["/openvisa/order_query", "/openvisa/v2.0/order-query", "/a~b"] {
            assert!(check_raw_path(good).is_ok(), "{good}");
        }
        for bad in ["", "/", "openvisa/x", "/a?b=1", "/a#b", "//evil.com/x", "/a/../b", "/a b", "/a\r\nX: 1", "/订单"]
        {
            assert!(check_raw_path(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn decode_json_names_the_call_and_quotes_nothing() {
        #[derive(Debug, serde::Deserialize)]
        #[allow(dead_code)]
        struct T {
            n: u64,
        }
        let e = decode_json::<T>("order_pay", br#"{"n":"4111111111111111"}"#).unwrap_err();
        assert!(e.message().starts_with("order_pay: invalid JSON"), "{e}");
        assert!(!e.message().contains("4111"), "{e}");
    }

    #[test]
    fn request_bodies_are_validated_first() {
        #[derive(serde::Serialize)]
        struct Req {
            n: i64,
        }
        impl Endpoint for Req {
            type Response = ();
            const NAME: &'static str = "req";
            const METHOD: crate::Method = crate::Method::Post;
            const PATH: &'static str = "/req";
            const IDEMPOTENT: bool = false;
            fn validate(&self) -> Result<(), InvalidRequest> {
                if self.n > 0 { Ok(()) } else { Err(InvalidRequest::field(Self::NAME, "n", "must be positive")) }
            }
        }
        assert_eq!(request_body(&Req { n: 1 }).unwrap(), br#"{"n":1}"#);
        assert_eq!(request_body(&Req { n: 0 }).unwrap_err().message(), "req: n must be positive");
    }
}
