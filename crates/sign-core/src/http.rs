//! HTTP without I/O: plain request and response values, the [`Transport`] that sends one, and the
//! [`Endpoint`] trait every generated request type implements.
//!
//! Provider crates build fully signed [`HttpRequest`]s and parse [`HttpResponse`]s; they never
//! open a socket themselves. Users on an async stack send the request with any client they
//! like and hand the response back for parsing.

use std::fmt;

use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::error::{InvalidRequest, TransportError};

/// An HTTP method.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Method {
    /// GET
    Get,
    /// POST
    Post,
    /// PUT
    Put,
    /// DELETE
    Delete,
}

impl Method {
    /// The method's name as sent on the wire.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Get => "GET",
            Self::Post => "POST",
            Self::Put => "PUT",
            Self::Delete => "DELETE",
        }
    }
}

impl fmt::Display for Method {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A fully prepared request: what is signed is exactly what is sent.
///
/// `Debug` prints the method, URL, header *names* and the body length only: header values
/// carry signatures and tokens, and bodies can carry card numbers.
#[derive(Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct HttpRequest {
    /// The method.
    pub method: Method,
    /// The absolute URL, query string included.
    pub url: String,
    /// Headers in the order they are sent.
    pub headers: Vec<(String, String)>,
    /// The body bytes.
    pub body: Vec<u8>,
    /// Whether sending this request twice has the same effect as sending it once (queries).
    /// The transport retries only idempotent requests once they may have reached the server.
    pub idempotent: bool,
}

impl HttpRequest {
    /// A request with no headers, no body, not idempotent.
    pub fn new(method: Method, url: impl Into<String>) -> Self {
        // Room for the headers a provider's request carries (up to 7 today): one allocation.
        Self { method, url: url.into(), headers: Vec::with_capacity(8), body: Vec::new(), idempotent: false }
    }

    /// Adds a header.
    pub fn with_header(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.headers.push((name.into(), value.into()));
        self
    }

    /// Sets the body.
    pub fn with_body(mut self, body: impl Into<Vec<u8>>) -> Self {
        self.body = body.into();
        self
    }

    /// Marks the request idempotent (safe to retry after it may have been processed).
    pub fn with_idempotent(mut self, idempotent: bool) -> Self {
        self.idempotent = idempotent;
        self
    }

    /// The first header of that name, compared case-insensitively.
    pub fn header(&self, name: &str) -> Option<&str> {
        find_header(&self.headers, name)
    }

    /// The path and query of the URL (everything from the first `/` after the host).
    pub fn path_and_query(&self) -> &str {
        path_and_query(&self.url)
    }

    /// The URL path without the query string.
    pub fn path(&self) -> &str {
        let pq = self.path_and_query();
        pq.split('?').next().unwrap_or(pq)
    }
}

impl Drop for HttpRequest {
    /// Header values carry tokens and signatures and bodies can carry card numbers: wipe them.
    fn drop(&mut self) {
        use zeroize::Zeroize;
        for (_, value) in &mut self.headers {
            value.zeroize();
        }
        self.body.zeroize();
    }
}

impl fmt::Debug for HttpRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names: Vec<&str> = self.headers.iter().map(|(n, _)| n.as_str()).collect();
        f.debug_struct("HttpRequest")
            .field("method", &self.method)
            .field("url", &self.url)
            .field("header_names", &names)
            .field("body_len", &self.body.len())
            .field("idempotent", &self.idempotent)
            .finish()
    }
}

/// A response as received: non-2xx statuses are responses too, so providers can parse their
/// error envelopes.
#[derive(Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct HttpResponse {
    /// The status code.
    pub status: u16,
    /// The headers.
    pub headers: Vec<(String, String)>,
    /// The body bytes.
    pub body: Vec<u8>,
}

impl HttpResponse {
    /// A response with the given status and body and no headers.
    pub fn new(status: u16, body: impl Into<Vec<u8>>) -> Self {
        Self { status, headers: Vec::new(), body: body.into() }
    }

    /// A JSON response with the given status (`Content-Type: application/json; charset=utf-8`).
    pub fn json(status: u16, body: impl Into<Vec<u8>>) -> Self {
        Self::new(status, body).with_header("Content-Type", "application/json; charset=utf-8")
    }

    /// Adds a header.
    pub fn with_header(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.headers.push((name.into(), value.into()));
        self
    }

    /// The first header of that name, compared case-insensitively.
    pub fn header(&self, name: &str) -> Option<&str> {
        find_header(&self.headers, name)
    }

    /// Takes the body out (the response wipes what it still holds when dropped, so fields cannot be
    /// moved out of it directly).
    pub fn into_body(mut self) -> Vec<u8> {
        std::mem::take(&mut self.body)
    }

    /// Whether the status is 2xx.
    pub fn is_success(&self) -> bool {
        (200..300).contains(&self.status)
    }
}

impl Drop for HttpResponse {
    /// Responses carry access tokens and decrypted payloads: wipe them.
    fn drop(&mut self) {
        use zeroize::Zeroize;
        for (_, value) in &mut self.headers {
            value.zeroize();
        }
        self.body.zeroize();
    }
}

impl fmt::Debug for HttpResponse {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names: Vec<&str> = self.headers.iter().map(|(n, _)| n.as_str()).collect();
        f.debug_struct("HttpResponse")
            .field("status", &self.status)
            .field("header_names", &names)
            .field("body_len", &self.body.len())
            .finish()
    }
}

fn find_header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
}

fn path_and_query(url: &str) -> &str {
    let after_scheme = url.find("://").map(|i| &url[i + 3..]).unwrap_or(url);
    after_scheme.find('/').map(|i| &after_scheme[i..]).unwrap_or("/")
}

/// Joins a base URL and a path with exactly one `/` between them.
pub fn join_url(base: &str, path: &str) -> String {
    format!("{}/{}", base.trim_end_matches('/'), path.trim_start_matches('/'))
}

/// Sends one request and returns the response, whatever its status.
///
/// Implement this to plug in another HTTP client; the default is
/// `UreqTransport` (feature `ureq`); a sans-IO client uses [`NoTransport`].
pub trait Transport: Send + Sync {
    /// Sends `request` once. Do not retry here: the clients repeat failed sends themselves through
    /// [`send_with_retries`](crate::call::send_with_retries), signing each attempt afresh (a provider
    /// may reject the identical signed bytes twice).
    fn send(&self, request: &HttpRequest) -> Result<HttpResponse, TransportError>;
}

impl<T: Transport + ?Sized> Transport for std::sync::Arc<T> {
    fn send(&self, request: &HttpRequest) -> Result<HttpResponse, TransportError> {
        (**self).send(request)
    }
}

impl<T: Transport + ?Sized> Transport for Box<T> {
    fn send(&self, request: &HttpRequest) -> Result<HttpResponse, TransportError> {
        (**self).send(request)
    }
}

/// The transport of a sans-IO client: it sends nothing. A client built over it (`Client::sans_io`
/// in every provider crate) prepares and parses requests and never does I/O; its blocking `call`
/// fails with a "not sent" [`TransportErrorKind::Build`](crate::TransportErrorKind::Build) error
/// instead. Works without the `ureq` feature.
///
/// ```
/// use sign_core::{HttpRequest, Method, NoTransport, Transport};
/// let err = NoTransport.send(&HttpRequest::new(Method::Post, "https://h.example/pay")).unwrap_err();
/// assert!(err.kind().request_not_sent());
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct NoTransport;

impl Transport for NoTransport {
    fn send(&self, _request: &HttpRequest) -> Result<HttpResponse, TransportError> {
        Err(TransportError::new(
            crate::TransportErrorKind::Build,
            "this client is sans-IO (built without a transport): send the prepared request with your own HTTP client \
             and hand the answer to parse",
        ))
    }
}

/// One header of a callback as the web framework hands it over: `(name, value)` tuples of
/// `&str` or `String` both work. Callback verifiers take `impl IntoIterator<Item: HeaderPair>`.
pub trait HeaderPair {
    /// The header name.
    fn name(&self) -> &str;
    /// The header value.
    fn value(&self) -> &str;
}

impl<K: AsRef<str>, V: AsRef<str>> HeaderPair for (K, V) {
    fn name(&self) -> &str {
        self.0.as_ref()
    }

    fn value(&self) -> &str {
        self.1.as_ref()
    }
}

impl<T: HeaderPair + ?Sized> HeaderPair for &T {
    fn name(&self) -> &str {
        (**self).name()
    }

    fn value(&self) -> &str {
        (**self).value()
    }
}

/// One API endpoint: the request body type implements it, binding itself to its method, path,
/// idempotency and response type. `cargo xtask codegen` writes these impls from `docs/`.
pub trait Endpoint: Serialize {
    /// The type of the successful response's payload (inside the provider's envelope).
    type Response: DeserializeOwned;
    /// A short name for logs and errors, e.g. `order_pay`.
    const NAME: &'static str;
    /// The HTTP method.
    const METHOD: Method;
    /// The path below the base URL, e.g. `/openvisa/order_pay`. Empty when the provider does not
    /// publish it: the provider's client configuration must then supply it.
    const PATH: &'static str;
    /// Whether sending twice has the same effect as sending once (queries), so that the transport
    /// may retry it after it may have reached the server.
    const IDEMPOTENT: bool;

    /// Checks what the provider's documentation states and a request can get wrong locally
    /// (lengths, one of two fields present, positive amounts), before anything is signed or sent:
    /// an impossible request fails without using the network. The provider stays the judge of
    /// everything else. Generated from the docs' constraints; the default accepts everything.
    ///
    /// # Errors
    /// [`InvalidRequest`] naming the field and the rule, never the field's value.
    fn validate(&self) -> Result<(), InvalidRequest> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_hides_header_values_and_body() {
        let r = HttpRequest::new(Method::Post, "https://h.example/a/b?x=1")
            .with_header("Authorization", "Basic c2VjcmV0")
            .with_body(b"{\"cardNo\":\"4111111111111111\"}".to_vec());
        let s = format!("{r:?}");
        assert!(!s.contains("c2VjcmV0"), "{s}");
        assert!(!s.contains("4111"), "{s}");
        assert!(s.contains("Authorization"));
        assert_eq!(r.path_and_query(), "/a/b?x=1");
        assert_eq!(r.path(), "/a/b");
        assert_eq!(r.header("authorization"), Some("Basic c2VjcmV0"));
    }

    #[test]
    fn into_body_hands_the_bytes_over() {
        let r = HttpResponse::json(200, b"{\"a\":1}".to_vec());
        assert!(r.is_success());
        assert_eq!(r.into_body(), b"{\"a\":1}");
    }

    #[test]
    fn join_url_has_one_slash() {
        assert_eq!(join_url("http://h/", "/p"), "http://h/p");
        assert_eq!(join_url("http://h", "p"), "http://h/p");
        assert_eq!(join_url("http://h/base", "/p"), "http://h/base/p");
    }
}
