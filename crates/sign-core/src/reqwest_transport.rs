//! The async transport: reqwest (HTTP/1.1 over rustls, no default features) with the guarantees of
//! the blocking `UreqTransport` (feature `ureq`): a connect timeout and a timeout
//! for the whole attempt (connect to last body byte), a response body limit read incrementally (the
//! reading stops at the limit), redirects handed back as responses instead of followed, no proxy
//! from the environment unless [`proxy_from_env`](ReqwestTransportBuilder::proxy_from_env) is set,
//! and the same [`TransportErrorKind`]s: a failure to connect is "not sent", a failure after the
//! request may have gone out is a `Timeout` or `Io` (outcome unknown). It sends each request exactly
//! once; retrying is the client's business
//! ([`send_with_retries_async`](crate::call::send_with_retries_async)).
//!
//! reqwest runs on tokio: use this transport inside a tokio runtime (with its timer, which reqwest
//! needs anyway). The backoff sleep between retries is tokio's timer too, the one reqwest brings.

use std::time::Duration;

use crate::async_transport::{AsyncTransport, BoxFuture};
use crate::error::{TransportError, TransportErrorKind};
use crate::http::{HttpRequest, HttpResponse, Method};

/// Builder for [`ReqwestTransport`]; the defaults are [`HttpOptions::default`](crate::HttpOptions)'s.
#[derive(Debug, Clone, Default)]
pub struct ReqwestTransportBuilder {
    pub(crate) settings: crate::options::TransportSettings,
}

impl ReqwestTransportBuilder {
    crate::options::transport_builder_setters!();

    /// Builds the transport and its connection pool. Timeouts longer than
    /// [`MAX_TIMEOUT`](crate::options::MAX_TIMEOUT) are shortened to it.
    ///
    /// reqwest can refuse to build a client (a TLS backend that cannot start, a `User-Agent` that
    /// is not a header value); the transport then fails every send with a
    /// [`TransportErrorKind::Build`] error (nothing sent) saying so, so that building a client
    /// stays infallible like the blocking one.
    pub fn build(self) -> ReqwestTransport {
        use crate::options::MAX_TIMEOUT;
        let mut builder = reqwest::Client::builder()
            .connect_timeout(self.settings.connect_timeout.min(MAX_TIMEOUT))
            .timeout(self.settings.timeout.min(MAX_TIMEOUT))
            // A redirected POST could be replayed elsewhere; hand 3xx back instead.
            .redirect(reqwest::redirect::Policy::none())
            .referer(false)
            .user_agent(self.settings.user_agent.as_str());
        if !self.settings.proxy_from_env {
            // reqwest reads the proxy variables by default; here only when asked.
            builder = builder.no_proxy();
        }
        let client = builder.build().map_err(|e| {
            // reqwest's message names the failing setting, never a request.
            format!("the reqwest client cannot be built: {e}")
        });
        ReqwestTransport { client, max_response_bytes: self.settings.max_response_bytes }
    }
}

/// An async HTTP transport over one shared reqwest client (connections are kept alive and
/// reused). Cheap to clone: clones share the pool.
#[derive(Debug, Clone)]
pub struct ReqwestTransport {
    client: Result<reqwest::Client, String>,
    max_response_bytes: u64,
}

impl Default for ReqwestTransport {
    fn default() -> Self {
        Self::builder().build()
    }
}

impl ReqwestTransport {
    /// A builder with the defaults (5 s connect, 30 s overall, 10 MiB bodies, no proxy).
    pub fn builder() -> ReqwestTransportBuilder {
        ReqwestTransportBuilder::default()
    }

    async fn send_once(&self, request: &HttpRequest) -> Result<HttpResponse, TransportError> {
        let client = self.client.as_ref().map_err(|e| TransportError::new(TransportErrorKind::Build, e.clone()))?;
        let method = match request.method {
            Method::Get => reqwest::Method::GET,
            Method::Post => reqwest::Method::POST,
            Method::Put => reqwest::Method::PUT,
            Method::Delete => reqwest::Method::DELETE,
        };
        let invalid = || TransportError::new(TransportErrorKind::Build, format!("invalid request for {}", request.url));
        let mut headers = reqwest::header::HeaderMap::with_capacity(request.headers.len());
        for (name, value) in &request.headers {
            // The error names the URL, never a header value.
            let name = reqwest::header::HeaderName::from_bytes(name.as_bytes()).map_err(|_| invalid())?;
            let value = reqwest::header::HeaderValue::from_str(value).map_err(|_| invalid())?;
            headers.append(name, value);
        }
        let mut builder = client.request(method, request.url.as_str()).headers(headers);
        if !(request.method == Method::Get && request.body.is_empty()) {
            builder = builder.body(request.body.clone());
        }
        let mut response = builder.send().await.map_err(|e| map_error(&e))?;
        let status = response.status().as_u16();
        let headers = response
            .headers()
            .iter()
            .map(|(n, v)| (n.as_str().to_owned(), String::from_utf8_lossy(v.as_bytes()).into_owned()))
            .collect();
        let limit = self.max_response_bytes;
        let too_large =
            || TransportError::new(TransportErrorKind::BodyTooLarge, format!("response body over {limit} bytes"));
        if response.content_length().is_some_and(|len| len > limit) {
            return Err(too_large());
        }
        let mut body = zeroize::Zeroizing::new(Vec::new());
        // Chunk by chunk: a body is never held past the limit, whatever the server announced.
        while let Some(chunk) = response.chunk().await.map_err(|e| map_error(&e))? {
            if u64::try_from(body.len() + chunk.len()).map_or(true, |len| len > limit) {
                return Err(too_large());
            }
            body.extend_from_slice(&chunk);
        }
        Ok(HttpResponse { status, headers, body: std::mem::take(&mut *body) })
    }
}

impl AsyncTransport for ReqwestTransport {
    fn send<'a>(&'a self, request: &'a HttpRequest) -> BoxFuture<'a, Result<HttpResponse, TransportError>> {
        Box::pin(self.send_once(request))
    }

    fn sleep(&self, duration: Duration) -> BoxFuture<'static, ()> {
        Box::pin(tokio::time::sleep(duration))
    }
}

/// What a reqwest failure means for the request. A failure to connect (hyper's connector: DNS,
/// TCP, the TLS handshake) happens before any request byte: not sent. Anything later may follow a
/// request the server received: `Timeout` or `Io`, outcome unknown.
fn map_error(error: &reqwest::Error) -> TransportError {
    use TransportErrorKind as K;
    let kind = if error.is_builder() {
        K::Build
    } else if error.is_connect() {
        if error.is_timeout() {
            K::ConnectTimeout
        } else if source_is::<rustls::Error>(error) {
            // In the connect phase a TLS failure is the handshake's (a refused certificate...).
            K::Tls
        } else if source_is_dns(error) {
            K::Dns
        } else {
            K::Connect
        }
    } else if error.is_timeout() {
        K::Timeout
    } else {
        K::Io
    };
    // reqwest's messages name the URL and the failure, never a header value or the body.
    TransportError::new(kind, error_text(error))
}

/// The error and its sources on one line (reqwest's own message is "error sending request").
fn error_text(error: &reqwest::Error) -> String {
    let mut text = error.to_string();
    let mut source = std::error::Error::source(error);
    while let Some(s) = source {
        text.push_str(": ");
        text.push_str(&s.to_string());
        source = s.source();
    }
    text
}

fn source_is<E: std::error::Error + 'static>(error: &reqwest::Error) -> bool {
    let mut source = std::error::Error::source(error);
    while let Some(s) = source {
        if s.is::<E>() {
            return true;
        }
        if s.downcast_ref::<std::io::Error>().and_then(std::io::Error::get_ref).is_some_and(|inner| inner.is::<E>()) {
            return true;
        }
        source = s.source();
    }
    false
}

/// hyper-util's resolver reports a failed lookup as its own `dns error` (no public type to match).
fn source_is_dns(error: &reqwest::Error) -> bool {
    let mut source = std::error::Error::source(error);
    while let Some(s) = source {
        if s.to_string().starts_with("dns error") {
            return true;
        }
        source = s.source();
    }
    false
}
