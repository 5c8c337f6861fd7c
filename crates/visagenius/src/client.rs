//! The client: sans-IO `prepare`/`parse`, and a blocking `call` over them.

use std::fmt;
use std::sync::Arc;

use serde::de::DeserializeOwned;
use sign_core::http::join_url;
use sign_core::{Clock, Endpoint, HttpRequest, HttpResponse, Method, SystemClock, Transport};

use crate::auth::{self, APPID_HEADER, AUTHORIZATION_HEADER, DATE_HEADER, HTTP_DATE_HEADER};
use crate::{Config, Error, envelope};

/// A VisaGenius client: signs every request, sends it, and decodes the provider's envelope.
///
/// `Send + Sync` and cheap to clone (an `Arc` inside): build one and share it.
///
/// For async code or another HTTP client, use the two halves directly:
/// [`prepare`](Client::prepare) gives the fully signed [`HttpRequest`], and
/// [`parse`](Client::parse) decodes the [`HttpResponse`] you got back.
#[derive(Clone)]
pub struct Client {
    inner: Arc<Inner>,
}

#[derive(Clone)]
struct Inner {
    config: Config,
    transport: Arc<dyn Transport>,
    clock: Arc<dyn Clock>,
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Client")
            .field("config", &self.inner.config)
            .field("clock", &self.inner.clock)
            .finish_non_exhaustive()
    }
}

impl Client {
    /// A client sending through `transport` (another HTTP client, a test double, the sandbox).
    pub fn with_transport(config: Config, transport: Arc<dyn Transport>) -> Self {
        Self { inner: Arc::new(Inner { config, transport, clock: Arc::new(SystemClock) }) }
    }

    /// The same client reading the time from `clock` (the `X-Date` and `Date` headers). For tests.
    pub fn with_clock(self, clock: Arc<dyn Clock>) -> Self {
        let mut inner = Inner::clone(&self.inner);
        inner.clock = clock;
        Self { inner: Arc::new(inner) }
    }

    sign_core::client_shell!(Error);

    /// The published path of `E` (every VisaGenius endpoint in the docs has one).
    fn endpoint_path<E: Endpoint>(&self) -> Result<&str, Error> {
        if E::PATH.is_empty() {
            return Err(Error::InvalidRequest(format!("{}: the endpoint has no published path", E::NAME)));
        }
        Ok(E::PATH)
    }

    /// The envelope's `body` decoded as `T` (see [`envelope`]), under the configured size cap.
    fn read_response<T: DeserializeOwned>(&self, response: &HttpResponse, context: &str) -> Result<T, Error> {
        let config = &self.inner.config;
        let secrets = [config.access_key.expose(), config.secret_key.expose()];
        envelope::parse_scrubbed(response, config.http_options().max_response_bytes, context, &secrets)
    }

    /// The provider's signing rule (see [`auth`]) over `body`: `X-Date` and `Date`, `X-Appid` and
    /// `Authorization` from one date string.
    fn sign_request(&self, method: Method, path: &str, body: Vec<u8>, idempotent: bool) -> Result<HttpRequest, Error> {
        let config = &self.inner.config;
        // One date string for both date headers and the signed string.
        let date = sign_core::clock::rfc1123(self.inner.clock.now());
        let authorization = auth::authorization(&config.access_key, &config.secret_key, &config.appid, &date);
        Ok(HttpRequest::new(method, join_url(&config.base_url, path))
            .with_header("Content-Type", "application/json")
            .with_header("Accept", "application/json")
            .with_header(DATE_HEADER, date.as_str())
            .with_header(HTTP_DATE_HEADER, date)
            .with_header(APPID_HEADER, config.appid.as_str())
            .with_header(AUTHORIZATION_HEADER, authorization)
            .with_body(body)
            .with_idempotent(idempotent))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_send_sync_clone<T: Send + Sync + Clone>() {}

    #[test]
    fn client_is_send_sync_clone() {
        assert_send_sync_clone::<Client>();
    }

    #[test]
    fn a_sans_io_client_prepares_and_parses_but_never_sends() {
        let config = Config::builder()
            .base_url("https://api.example.com")
            .appid("app1")
            .access_key("ak")
            .secret_key("sk")
            .build()
            .unwrap();
        let client = Client::sans_io(config);
        let request = crate::ProductQueryRequest::new(10106);
        let prepared = client.prepare(&request).unwrap();
        assert_eq!(prepared.url, "https://api.example.com/openvisa/product_query");
        let err = client.call(&request).unwrap_err();
        assert_eq!(err.outcome(), sign_core::Outcome::NotSent, "{err:?}");
        assert!(!err.outcome_unknown());
        let answer = HttpResponse::json(200, r#"{"ret":0,"msg":"ok","body":{"product_id":10106}}"#);
        assert_eq!(client.parse::<crate::ProductQueryRequest>(&answer).unwrap().product_id, 10106);
    }
}
