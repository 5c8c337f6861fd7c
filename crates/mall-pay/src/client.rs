//! The client: [`Client::prepare`] builds the exact request (no I/O), [`Client::parse`] reads the
//! answer, and [`Client::call`] does both around one send.

use std::sync::Arc;

use serde::de::DeserializeOwned;
use sign_core::call::{decode_json, read_envelope};
use sign_core::http::join_url;
use sign_core::{Endpoint, HttpRequest, HttpResponse, Method, SecretString, Transport};

use crate::config::Config;
use crate::error::Error;
use crate::{auth, envelope};

/// A mall-pay client. `Send + Sync`; cloning is cheap (an `Arc`), so build one and share it.
#[derive(Clone)]
pub struct Client {
    inner: Arc<Inner>,
}

struct Inner {
    config: Config,
    transport: Arc<dyn Transport>,
}

impl std::fmt::Debug for Client {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Client").field("config", &self.inner.config).finish_non_exhaustive()
    }
}

impl Client {
    /// A client sending over `transport` (another HTTP client, a test double).
    pub fn with_transport(config: Config, transport: Arc<dyn Transport>) -> Self {
        Self { inner: Arc::new(Inner { config, transport }) }
    }

    /// The same client (same transport and settings) with another user's token, or with a new
    /// token after [`Error::TokenExpired`] and a fresh login.
    ///
    /// # Errors
    /// [`Error::Config`] when the token is empty or not a valid header value.
    pub fn with_token(&self, token: impl Into<SecretString>) -> Result<Self, Error> {
        let config = self.inner.config.with_token(token.into())?;
        Ok(Self { inner: Arc::new(Inner { config, transport: Arc::clone(&self.inner.transport) }) })
    }

    sign_core::client_shell!(Error);

    /// The provider does not publish the pay endpoint's path: the generated endpoint leaves it
    /// empty and the configuration supplies it.
    fn endpoint_path<E: Endpoint>(&self) -> Result<&str, Error> {
        Ok(if E::PATH.is_empty() { self.inner.config.pay_path.as_str() } else { E::PATH })
    }

    /// The envelope's `data` decoded as `T` (`[]` and `null` read as `{}`), under the configured
    /// size cap; the caller's token is redacted from the mall's messages (see [`envelope`]).
    fn read_response<T: DeserializeOwned>(&self, response: &HttpResponse, context: &str) -> Result<T, Error> {
        let config = &self.inner.config;
        let token = config.token.expose();
        // `data` decoded where it lies in the body.
        let decoded = read_envelope(response, config.http_options().max_response_bytes, |body| {
            envelope::read_with(body, token, |data| decode_json::<T>(context, data.as_bytes()))
        })?;
        Ok(decoded?)
    }

    /// The request with the `token` header (see [`auth`]), its JSON `body` written in the
    /// configured [`BodyEncoding`](crate::BodyEncoding): those bytes are what is sent.
    fn sign_request(&self, method: Method, path: &str, body: Vec<u8>, idempotent: bool) -> Result<HttpRequest, Error> {
        let config = &self.inner.config;
        let encoding = config.body_encoding;
        // A JSON body is sent as serialized (no copy); a form is written from it.
        let body = match encoding {
            crate::BodyEncoding::Json => body,
            other => other.encode(&body, path)?,
        };
        let http = HttpRequest::new(method, join_url(&config.base_url, path))
            .with_header("Content-Type", encoding.content_type())
            .with_header("Accept", "application/json")
            .with_body(body)
            .with_idempotent(idempotent);
        Ok(auth::authorize(http, &config.token))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Freight, OrderPayRequest, PayOrder, PayWith, Yuan};

    #[test]
    fn a_sans_io_client_prepares_and_parses_but_never_sends() {
        let config = Config::builder().base_url("https://mall.example.com").pay_path("/pay").token("tok-1").build();
        let client = Client::sans_io(config.unwrap());
        let order: OrderPayRequest =
            PayOrder::new(1001, 7, PayWith::wechat(Yuan::parse("0.1").unwrap()), Freight::Free).unwrap().into();
        assert_eq!(client.prepare(&order).unwrap().url, "https://mall.example.com/pay");
        let err = client.call(&order).unwrap_err();
        assert_eq!(err.outcome(), sign_core::Outcome::NotSent, "{err:?}");
        assert!(!err.outcome_unknown());
        let answer = HttpResponse::json(200, r#"{"status":200,"msg":"ok","data":{"pay_param":"app_id=1"}}"#);
        assert_eq!(client.parse::<OrderPayRequest>(&answer).unwrap().pay_param.alipay(), Some("app_id=1"));
    }
}
