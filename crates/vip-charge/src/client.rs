//! The client: sans-IO `prepare` / `parse`, and a blocking `call` over any [`Transport`]
//! ([`Client::sans_io`] has none).

use std::fmt;
use std::sync::Arc;

use serde::de::DeserializeOwned;
use sign_core::http::join_url;
use sign_core::{Clock, Endpoint, HttpRequest, HttpResponse, Method, SystemClock, Transport};

use crate::auth::{self, AuthHeaders, header};
use crate::config::Config;
use crate::envelope;
use crate::error::Error;

/// Where request nonces come from. The default, [`RandomNonce`], draws 32 characters from the
/// operating system's CSPRNG, so nonces never repeat in practice. Replace it only in tests that
/// need a fixed request.
pub trait NonceSource: Send + Sync + fmt::Debug {
    /// A fresh nonce: printable ASCII without `&` or `=`, different on every call.
    fn next_nonce(&self) -> String;
}

/// 32 random characters from `[0-9A-Za-z]` per request.
#[derive(Debug, Clone, Copy, Default)]
pub struct RandomNonce;

impl NonceSource for RandomNonce {
    fn next_nonce(&self) -> String {
        sign_core::clock::random_nonce(32)
    }
}

/// The API client. `Send + Sync` and cheap to clone (an `Arc` inside): build it once and share it.
///
/// Every call serializes its request once, signs exactly those bytes and sends exactly those bytes.
#[derive(Clone)]
pub struct Client {
    inner: Arc<Inner>,
}

#[derive(Clone)]
struct Inner {
    config: Config,
    transport: Arc<dyn Transport>,
    clock: Arc<dyn Clock>,
    nonces: Arc<dyn NonceSource>,
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Client")
            .field("base_url", &self.inner.config.base_url)
            .field("business_id", &self.inner.config.business_id)
            .field("sign_type", &self.inner.config.sign_type())
            .finish_non_exhaustive()
    }
}

impl Client {
    /// A client sending through `transport` (any HTTP client, a test double, the sandbox).
    pub fn with_transport(config: Config, transport: Arc<dyn Transport>) -> Self {
        Self {
            inner: Arc::new(Inner { config, transport, clock: Arc::new(SystemClock), nonces: Arc::new(RandomNonce) }),
        }
    }

    /// The same client reading time from `clock` (the `timestamp` header, and the callback time
    /// window).
    pub fn with_clock(self, clock: Arc<dyn Clock>) -> Self {
        let mut inner = Arc::unwrap_or_clone(self.inner);
        inner.clock = clock;
        Self { inner: Arc::new(inner) }
    }

    /// The same client taking nonces from `nonces` (for tests that need an exact request).
    pub fn with_nonce_source(self, nonces: Arc<dyn NonceSource>) -> Self {
        let mut inner = Arc::unwrap_or_clone(self.inner);
        inner.nonces = nonces;
        Self { inner: Arc::new(inner) }
    }

    /// The clock requests and callbacks are timed with.
    pub(crate) fn clock(&self) -> &dyn Clock {
        &*self.inner.clock
    }

    sign_core::client_shell!(Error);

    /// Every endpoint of this platform has a published path.
    fn endpoint_path<E: Endpoint>(&self) -> Result<&str, Error> {
        Ok(E::PATH)
    }

    /// The envelope's `data` as `T` (see [`envelope`]), under the configured size cap.
    fn read_response<T: DeserializeOwned>(&self, response: &HttpResponse, _context: &str) -> Result<T, Error> {
        let config = &self.inner.config;
        envelope::parse_scrubbed(response, config.success_status, config.http.max_response_bytes, &config.md5_secrets())
    }

    /// Signs `body` (the exact bytes that will be sent) and builds the request.
    fn sign_request(&self, method: Method, path: &str, body: Vec<u8>, idempotent: bool) -> Result<HttpRequest, Error> {
        let inner = &*self.inner;
        let config = &inner.config;
        let nonce = inner.nonces.next_nonce();
        if !crate::config::header_safe(&nonce) {
            return Err(Error::Config("nonce must be printable ASCII without '&' or '='".into()));
        }
        let timestamp = inner.clock.unix_millis().to_string();
        let sign_type = config.send_sign_type.then(|| config.sign_type());
        let headers = AuthHeaders { business_id: &config.business_id, nonce: &nonce, timestamp: &timestamp, sign_type };
        let sign = auth::sign(&config.signing_key, &headers, &body)?;
        // The nonce and timestamp strings move into their headers (no copies).
        let mut request = HttpRequest::new(method, join_url(&config.base_url, path))
            .with_header("Content-Type", "application/json; charset=utf-8")
            .with_header("Accept", "application/json")
            .with_header(header::BUSINESS_ID, config.business_id.as_str())
            .with_header(header::NONCE, nonce)
            .with_header(header::TIMESTAMP, timestamp);
        if let Some(sign_type) = sign_type {
            request = request.with_header(header::SIGN_TYPE, sign_type.as_str());
        }
        Ok(request.with_header(header::SIGN, sign).with_body(body).with_idempotent(idempotent))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_send_sync<T: Send + Sync + Clone>() {}

    #[test]
    fn client_is_send_sync_clone() {
        assert_send_sync::<Client>();
    }

    #[test]
    fn a_sans_io_client_prepares_and_parses_but_never_sends() {
        // Fails before issue 18: there was no client without a transport.
        let config = Config::builder()
            .base_url("https://recharge.example.com")
            .business_id("55")
            .md5_secret_key("s")
            .build()
            .unwrap();
        let client = Client::sans_io(config);
        let request = crate::ProductListRequest::new("166");
        let prepared = client.prepare(&request).unwrap();
        assert_eq!(prepared.url, "https://recharge.example.com/v1/openapi/order/product/list");
        let err = client.call(&request).unwrap_err();
        assert_eq!(err.outcome(), sign_core::Outcome::NotSent, "{err:?}");
        assert!(!err.outcome_unknown());
        let charge = crate::VipChargeRequest::builder()
            .merchant_id("166")
            .business_id("55")
            .product_code("87103")
            .account("acc")
            .biz_code("b1")
            .build()
            .unwrap();
        assert_eq!(client.call(&charge).unwrap_err().outcome(), sign_core::Outcome::NotSent);
    }
}
