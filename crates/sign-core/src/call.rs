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
    match read(&response.body) {
        None if !ok_status => Err(ResponseError::HttpStatus { status }),
        None if response.body.iter().all(u8::is_ascii_whitespace) => {
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

/// Writes the conversions every provider `Error` has from the shared failures, for an enum with
/// the shared variant names `Transport(TransportError)`, `Timeout(TransportError)`,
/// `HttpStatus { status }`, `Decode(DecodeError)` and `InvalidRequest(String)`:
/// `From<TransportError>` (a timeout of either kind becomes `Timeout`, the kind kept inside),
/// `From<DecodeError>` and `From<InvalidRequest>`; and, given how the provider's refusal becomes
/// its API error (a closure-like `|code, message, status| ...` whose body may `return` early),
/// `From<ResponseError>` for the envelope decision table.
///
/// ```
/// use sign_core::{DecodeError, TransportError, TransportErrorKind};
/// use sign_core::call::ResponseError;
///
/// /// A provider's error.
/// #[derive(Debug)]
/// pub enum Error {
///     /// Transport.
///     Transport(TransportError),
///     /// Timeout.
///     Timeout(TransportError),
///     /// Status.
///     HttpStatus { status: u16 },
///     /// The provider refused.
///     Api { code: String, message: String },
///     /// Decode.
///     Decode(DecodeError),
///     /// Invalid.
///     InvalidRequest(String),
/// }
/// sign_core::shared_error_conversions!(Error, |code, message, _status| Self::Api { code, message });
///
/// let e = Error::from(TransportError::new(TransportErrorKind::ConnectTimeout, "slow"));
/// assert!(matches!(e, Error::Timeout(_)));
/// let e = Error::from(ResponseError::Refused { code: "7".into(), message: "no".into(), status: 200 });
/// assert!(matches!(e, Error::Api { .. }));
/// ```
#[macro_export]
macro_rules! shared_error_conversions {
    ($error:ty, |$code:pat_param, $message:pat_param, $status:pat_param| $refused:expr) => {
        $crate::shared_error_conversions!($error);

        impl ::core::convert::From<$crate::call::ResponseError> for $error {
            fn from(e: $crate::call::ResponseError) -> Self {
                match e {
                    $crate::call::ResponseError::HttpStatus { status } => Self::HttpStatus { status },
                    $crate::call::ResponseError::Decode(e) => Self::Decode(e),
                    $crate::call::ResponseError::Refused { code: $code, message: $message, status: $status } => {
                        $refused
                    }
                    // A rule sign-core may add later: the answer was not read as a success.
                    _ => Self::Decode($crate::DecodeError::new("the response could not be read")),
                }
            }
        }
    };
    ($error:ty) => {
        impl ::core::convert::From<$crate::TransportError> for $error {
            fn from(e: $crate::TransportError) -> Self {
                // Both timeouts are `Timeout`; the kind inside says whether the request was sent.
                if e.is_timeout() { Self::Timeout(e) } else { Self::Transport(e) }
            }
        }

        impl ::core::convert::From<$crate::DecodeError> for $error {
            fn from(e: $crate::DecodeError) -> Self {
                Self::Decode(e)
            }
        }

        impl ::core::convert::From<$crate::InvalidRequest> for $error {
            fn from(e: $crate::InvalidRequest) -> Self {
                Self::InvalidRequest(e.message().to_owned())
            }
        }
    };
}

/// Writes the call surface every provider `Client` has, once for all of them: the sans-IO halves
/// `prepare` / `parse`, the blocking `call`, and the raw calls `prepare_raw` / `parse_raw` /
/// `raw_call` / `raw_call_json` for endpoints without a typed model. Use it inside
/// `impl Client { ... }` with the crate's error type; the client supplies its provider's facts as
/// five private methods:
///
/// ```text
/// fn endpoint_path<E: Endpoint>(&self) -> Result<&str, Error>            // E::PATH, or the configured one
/// fn sign_request(&self, method: Method, path: &str, body: Vec<u8>, idempotent: bool)
///     -> Result<HttpRequest, Error>                                       // the provider's signing rule
/// fn read_response<T: DeserializeOwned>(&self, response: &HttpResponse, context: &str)
///     -> Result<T, Error>                                                 // envelope facts + read_envelope
/// fn transport(&self) -> &dyn Transport
/// fn retry_policy(&self) -> RetryPolicy                                    // from the configuration
/// ```
///
/// `prepare` validates the request ([`Endpoint::validate`]) and serializes it once
/// ([`request_body`]): the bytes signed are the bytes sent, and it does no I/O. `call` and
/// `raw_call` repeat failed sends through [`send_with_retries`], signing each attempt afresh. Raw calls check
/// their path with [`check_raw_path`] before anything is signed. (acqra-gateway, whose requests
/// carry an access token, writes its own surface with the token as an argument.)
#[macro_export]
macro_rules! client_call_methods {
    ($error:ty) => {
        /// The fully signed request for `request`, not sent: validated, serialized once (the bytes
        /// signed are the bytes sent) and signed with the provider's rule. No I/O at all: send it
        /// with any HTTP client and hand the answer to [`parse`](Self::parse).
        ///
        /// # Errors
        /// `InvalidRequest` when the request fails its checks or does not serialize; a signing
        /// failure where the provider's rule can fail.
        pub fn prepare<E: $crate::Endpoint>(&self, request: &E) -> ::core::result::Result<$crate::HttpRequest, $error> {
            let path = self.endpoint_path::<E>()?;
            let body = $crate::call::request_body(request)?;
            self.sign_request(E::METHOD, path, body, E::IDEMPOTENT)
        }

        /// Reads the provider's answer to an `E` request (sans-IO): the typed response, or the
        /// error the answer means (see `Error::outcome`). A body over the configured
        /// `max_response_bytes` is not read.
        ///
        /// # Errors
        /// The provider's refusal (`Api`), `HttpStatus`, `Decode`, or the provider's own response
        /// failures.
        pub fn parse<E: $crate::Endpoint>(
            &self,
            response: &$crate::HttpResponse,
        ) -> ::core::result::Result<E::Response, $error> {
            self.read_response(response, E::NAME)
        }

        /// Sends `request` and reads the answer: [`prepare`](Self::prepare), the transport, then
        /// [`parse`](Self::parse). A failed send is repeated as the configured retry policy allows,
        /// each attempt prepared and signed afresh (new nonce, new timestamp); a request that is
        /// not idempotent is never repeated once it may have reached the provider.
        ///
        /// # Errors
        /// Any error of `prepare`, the transport or `parse`; `Error::outcome` says whether the
        /// provider may have processed the request.
        pub fn call<E: $crate::Endpoint>(&self, request: &E) -> ::core::result::Result<E::Response, $error> {
            let span = $crate::trace::CallSpan::start(::core::env!("CARGO_PKG_NAME"), E::NAME);
            let result = span.in_scope(|| {
                let response =
                    $crate::call::send_with_retries_in(&span, self.transport(), &self.retry_policy(), || {
                        self.prepare(request)
                    })?;
                self.parse::<E>(&response)
            });
            span.finish(result.as_ref().err().map(|e| e.outcome()));
            result
        }

        /// The signed `POST` of `body` (as JSON) to `path`, not sent: for an endpoint the provider
        /// lists without a model here. `path` is an absolute path below the base URL made of
        /// `A-Z a-z 0-9 / _ - . ~` (no query, no `..`). Mark it `idempotent` only for queries: an
        /// idempotent request may be repeated after it reached the provider.
        ///
        /// # Errors
        /// `InvalidRequest` for a bad path or a body that does not serialize.
        pub fn prepare_raw(
            &self,
            path: &str,
            body: &(impl ::serde::Serialize + ?Sized),
            idempotent: bool,
        ) -> ::core::result::Result<$crate::HttpRequest, $error> {
            $crate::call::check_raw_path(path)?;
            let body = $crate::call::raw_body(path, body)?;
            self.sign_request($crate::Method::Post, path, body, idempotent)
        }

        /// Reads the answer to a [`prepare_raw`](Self::prepare_raw) request as `T`
        /// (`serde_json::Value` for untyped JSON), through the same envelope rules as
        /// [`parse`](Self::parse).
        ///
        /// # Errors
        /// As [`parse`](Self::parse).
        pub fn parse_raw<T: ::serde::de::DeserializeOwned>(
            &self,
            response: &$crate::HttpResponse,
        ) -> ::core::result::Result<T, $error> {
            self.read_response(response, "raw call")
        }

        /// A signed call to `path` with `body`, its answer decoded as `T`:
        /// [`prepare_raw`](Self::prepare_raw), the transport, then [`parse_raw`](Self::parse_raw).
        ///
        /// # Errors
        /// As [`prepare_raw`](Self::prepare_raw) and [`call`](Self::call).
        pub fn raw_call<T: ::serde::de::DeserializeOwned>(
            &self,
            path: &str,
            body: &(impl ::serde::Serialize + ?Sized),
            idempotent: bool,
        ) -> ::core::result::Result<T, $error> {
            let span = $crate::trace::CallSpan::start(::core::env!("CARGO_PKG_NAME"), path);
            let result = span.in_scope(|| {
                let response =
                    $crate::call::send_with_retries_in(&span, self.transport(), &self.retry_policy(), || {
                        self.prepare_raw(path, body, idempotent)
                    })?;
                self.read_response(&response, path)
            });
            span.finish(result.as_ref().err().map(|e| e.outcome()));
            result
        }

        /// [`raw_call`](Self::raw_call) with the answer as untyped JSON.
        ///
        /// # Errors
        /// As [`raw_call`](Self::raw_call).
        pub fn raw_call_json(
            &self,
            path: &str,
            body: &(impl ::serde::Serialize + ?Sized),
            idempotent: bool,
        ) -> ::core::result::Result<::serde_json::Value, $error> {
            self.raw_call(path, body, idempotent)
        }
    };
}

/// The user agent a provider crate's clients send: `paykit-<crate>/<version>`, from the calling
/// crate's `Cargo.toml`.
///
/// ```
/// assert_eq!(sign_core::user_agent!(), concat!("paykit-sign-core/", env!("CARGO_PKG_VERSION")));
/// ```
#[macro_export]
macro_rules! user_agent {
    () => {
        ::core::concat!("paykit-", ::core::env!("CARGO_PKG_NAME"), "/", ::core::env!("CARGO_PKG_VERSION"))
    };
}

/// Writes the part of a provider's blocking `Client` that is the same in every crate, inside its
/// `impl Client { ... }`: the constructors `new` (over sign-core's ureq transport when the crate's
/// `ureq` feature is on, sending `paykit-<crate>/<version>`) and `sans_io`, `config`, the call
/// surface of [`client_call_methods!`](crate::client_call_methods) and the two private methods it
/// needs, `transport` and `retry_policy` (from the configuration). The crate keeps its struct,
/// `Debug`, `with_transport` and its provider's facts (`endpoint_path`, `sign_request`,
/// `read_response`). The client must hold `inner.config` (the crate's `Config`, with
/// `http_options()`) and `inner.transport` (an `Arc<dyn Transport>`); the crate must have `Config`
/// at its root.
// `crate::` is meant: the provider crate that calls it.
#[allow(clippy::crate_in_macro_def)]
#[macro_export]
macro_rules! client_shell {
    ($error:ty) => {
        /// A client over sign-core's blocking ureq transport, with the timeouts, retry policy and
        /// response size limit of `config` (validated when it was built, so this cannot fail). A
        /// failed call is repeated as the retry policy allows, each attempt signed afresh.
        #[cfg(feature = "ureq")]
        pub fn new(config: crate::Config) -> Self {
            let transport = config.http_options().ureq_transport($crate::user_agent!());
            Self::with_transport(config, ::std::sync::Arc::new(transport))
        }

        /// A sans-IO client, with no transport: [`prepare`](Self::prepare) builds the exact
        /// request, you send it with your own HTTP client (async or not), and
        /// [`parse`](Self::parse) reads the answer; callbacks verify as with any client. Nothing
        /// is ever sent: `call` and the endpoint methods fail with an error whose `outcome` is
        /// [`Outcome::NotSent`](sign_core::Outcome::NotSent) (sign-core's
        /// [`NoTransport`](sign_core::NoTransport)). Available without the `ureq` feature.
        pub fn sans_io(config: crate::Config) -> Self {
            Self::with_transport(config, ::std::sync::Arc::new($crate::NoTransport))
        }

        /// The configuration.
        pub fn config(&self) -> &crate::Config {
            &self.inner.config
        }

        $crate::client_call_methods!($error);

        fn transport(&self) -> &dyn $crate::Transport {
            &*self.inner.transport
        }

        /// How [`call`](Self::call) repeats a failed attempt; each repeat is signed afresh.
        fn retry_policy(&self) -> $crate::RetryPolicy {
            self.inner.config.http_options().retry
        }
    };
}

/// Writes a provider's `AsyncClient`: the struct (a sans-IO `Client` and an
/// `Arc<dyn AsyncTransport>`), its redacting `Debug`, the constructors (`new` over sign-core's
/// reqwest transport when the crate's `reqwest` feature is on, sending `paykit-<crate>/<version>`;
/// `with_transport`), `config`, `sans_io` and the call surface of [`async_client_call_methods!`](crate::async_client_call_methods).
/// The doc comment given is the struct's first paragraph; the crate adds its own methods in another
/// `impl AsyncClient` block. The crate must have `Client` (with `sans_io(Config)` and `config()`),
/// `Config` (with `http_options()`) and `Error` at its root.
// `crate::` is meant: the provider crate that calls it.
#[allow(clippy::crate_in_macro_def)]
#[macro_export]
macro_rules! async_client {
    ($(#[$meta:meta])*) => {
        $(#[$meta])*
        ///
        /// Every endpoint method of the blocking `Client` exists here with the same name, request
        /// and response types and errors; retries follow the same policy (each attempt signed
        /// afresh, a payment never repeated once it may have been processed), their pauses on the
        /// transport's timer. No runtime is named: the transport brings its own (`AsyncClient::new`,
        /// feature `reqwest`, uses reqwest on tokio).
        ///
        /// `Send + Sync` and cheap to clone (an `Arc` inside): build one and share it.
        #[derive(Clone)]
        pub struct AsyncClient {
            client: crate::Client,
            transport: ::std::sync::Arc<dyn $crate::AsyncTransport>,
        }

        impl ::core::fmt::Debug for AsyncClient {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.debug_struct("AsyncClient").field("client", &self.client).finish_non_exhaustive()
            }
        }

        impl AsyncClient {
            /// A client over sign-core's reqwest transport (rustls; call it inside a tokio
            /// runtime), with the timeouts, retry policy, body limit and proxy choice of `config`.
            #[cfg(feature = "reqwest")]
            #[cfg_attr(docsrs, doc(cfg(feature = "reqwest")))]
            pub fn new(config: crate::Config) -> Self {
                let transport = config.http_options().reqwest_transport($crate::user_agent!());
                Self::with_transport(config, ::std::sync::Arc::new(transport))
            }

            /// A client sending through any async `transport` (another HTTP client, another
            /// runtime, a test double).
            pub fn with_transport(
                config: crate::Config,
                transport: ::std::sync::Arc<dyn $crate::AsyncTransport>,
            ) -> Self {
                Self { client: crate::Client::sans_io(config), transport }
            }

            /// The configuration.
            pub fn config(&self) -> &crate::Config {
                self.client.config()
            }

            /// The sans-IO `Client` with the same configuration, which this client signs and
            /// parses with.
            pub fn sans_io(&self) -> &crate::Client {
                &self.client
            }

            $crate::async_client_call_methods!(crate::Error);

            fn async_transport(&self) -> &dyn $crate::AsyncTransport {
                &*self.transport
            }

            fn retry_policy(&self) -> $crate::RetryPolicy {
                self.config().http_options().retry
            }
        }
    };
}

/// Writes the call surface of every provider's `AsyncClient`, the async twin of
/// [`client_call_methods!`]: `prepare` / `parse` and `prepare_raw` / `parse_raw` (the sans-IO halves,
/// the same as the blocking client's), and `call` / `raw_call` / `raw_call_json` as `async fn`s that
/// send through the client's [`AsyncTransport`] with [`send_with_retries_async`] (each attempt
/// prepared and signed afresh, the same retry rules). Use it inside `impl AsyncClient { ... }`; the
/// async client supplies three private methods:
///
/// ```text
/// fn sans_io(&self) -> &Client                         // a sans-IO Client with the same config and clock
/// fn async_transport(&self) -> &dyn AsyncTransport
/// fn retry_policy(&self) -> RetryPolicy                // from the configuration
/// ```
#[macro_export]
macro_rules! async_client_call_methods {
    ($error:ty) => {
        /// The fully signed request for `request`, not sent (sans-IO, as the blocking
        /// client's `prepare`).
        ///
        /// # Errors
        /// `InvalidRequest` when the request fails its checks or does not serialize; a signing
        /// failure where the provider's rule can fail.
        pub fn prepare<E: $crate::Endpoint>(&self, request: &E) -> ::core::result::Result<$crate::HttpRequest, $error> {
            self.sans_io().prepare(request)
        }

        /// Reads the provider's answer to an `E` request (sans-IO, as the blocking client's `parse`).
        ///
        /// # Errors
        /// The provider's refusal (`Api`), `HttpStatus`, `Decode`, or the provider's own response
        /// failures.
        pub fn parse<E: $crate::Endpoint>(
            &self,
            response: &$crate::HttpResponse,
        ) -> ::core::result::Result<E::Response, $error> {
            self.sans_io().parse::<E>(response)
        }

        /// Sends `request` and reads the answer without blocking a thread:
        /// [`prepare`](Self::prepare), the async transport, then [`parse`](Self::parse). A failed
        /// send is repeated as the configured retry policy allows, each attempt prepared and signed
        /// afresh; a request that is not idempotent is never repeated once it may have reached the
        /// provider.
        ///
        /// # Errors
        /// Any error of `prepare`, the transport or `parse`; `Error::outcome` says whether the
        /// provider may have processed the request.
        pub async fn call<E: $crate::Endpoint>(&self, request: &E) -> ::core::result::Result<E::Response, $error> {
            let span = $crate::trace::CallSpan::start(::core::env!("CARGO_PKG_NAME"), E::NAME);
            let result = span
                .instrument(async {
                    let response = $crate::call::send_with_retries_async_in(
                        &span,
                        self.async_transport(),
                        &self.retry_policy(),
                        || ::core::future::ready(self.prepare(request)),
                    )
                    .await?;
                    self.parse::<E>(&response)
                })
                .await;
            span.finish(result.as_ref().err().map(|e| e.outcome()));
            result
        }

        /// The signed `POST` of `body` (as JSON) to `path`, not sent (as the blocking client's
        /// `prepare_raw`).
        ///
        /// # Errors
        /// `InvalidRequest` for a bad path or a body that does not serialize.
        pub fn prepare_raw(
            &self,
            path: &str,
            body: &(impl ::serde::Serialize + ?Sized),
            idempotent: bool,
        ) -> ::core::result::Result<$crate::HttpRequest, $error> {
            self.sans_io().prepare_raw(path, body, idempotent)
        }

        /// Reads the answer to a [`prepare_raw`](Self::prepare_raw) request as `T`.
        ///
        /// # Errors
        /// As [`parse`](Self::parse).
        pub fn parse_raw<T: ::serde::de::DeserializeOwned>(
            &self,
            response: &$crate::HttpResponse,
        ) -> ::core::result::Result<T, $error> {
            self.sans_io().parse_raw(response)
        }

        /// A signed call to `path` with `body`, its answer decoded as `T`, without blocking a
        /// thread. Mark it `idempotent` only for queries.
        ///
        /// # Errors
        /// As [`prepare_raw`](Self::prepare_raw) and [`call`](Self::call).
        pub async fn raw_call<T: ::serde::de::DeserializeOwned>(
            &self,
            path: &str,
            body: &(impl ::serde::Serialize + ?Sized + ::core::marker::Sync),
            idempotent: bool,
        ) -> ::core::result::Result<T, $error> {
            let span = $crate::trace::CallSpan::start(::core::env!("CARGO_PKG_NAME"), path);
            let result = span
                .instrument(async {
                    let response = $crate::call::send_with_retries_async_in(
                        &span,
                        self.async_transport(),
                        &self.retry_policy(),
                        || ::core::future::ready(self.prepare_raw(path, body, idempotent)),
                    )
                    .await?;
                    self.parse_raw(&response)
                })
                .await;
            span.finish(result.as_ref().err().map(|e| e.outcome()));
            result
        }

        /// [`raw_call`](Self::raw_call) with the answer as untyped JSON.
        ///
        /// # Errors
        /// As [`raw_call`](Self::raw_call).
        pub async fn raw_call_json(
            &self,
            path: &str,
            body: &(impl ::serde::Serialize + ?Sized + ::core::marker::Sync),
            idempotent: bool,
        ) -> ::core::result::Result<::serde_json::Value, $error> {
            self.raw_call(path, body, idempotent).await
        }
    };
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
