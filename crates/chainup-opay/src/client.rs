//! The client: sans-IO `prepare`/`parse`, and the blocking `call` over a [`Transport`].

use std::collections::BTreeMap;
use std::sync::Arc;

use serde::de::{DeserializeOwned, IgnoredAny};
use sign_core::{Clock, Endpoint, HttpRequest, HttpResponse, Method, SecretBytes, SystemClock, Transport};

use crate::config::Config;
use crate::envelope::{self, EnvelopeTime, RequestEnvelope};
use crate::error::Error;
use crate::generated::CreateThirdOrderRequest;

/// The ChainUP opay client. `Send + Sync`; cloning is cheap (one `Arc`).
#[derive(Clone)]
pub struct Client {
    inner: Arc<Inner>,
}

struct Inner {
    config: Config,
    transport: Arc<dyn Transport>,
    clock: Arc<dyn Clock>,
}

impl std::fmt::Debug for Client {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Client").field("config", &self.inner.config).finish_non_exhaustive()
    }
}

impl Client {
    /// A client sending with `transport`.
    pub fn with_transport(config: Config, transport: Arc<dyn Transport>) -> Self {
        Self { inner: Arc::new(Inner { config, transport, clock: Arc::new(SystemClock) }) }
    }

    /// The same client reading the time (the envelope's `time`, the callback window) from
    /// `clock`.
    pub fn with_clock(self, clock: Arc<dyn Clock>) -> Self {
        let inner = Inner { config: self.inner.config.clone(), transport: Arc::clone(&self.inner.transport), clock };
        Self { inner: Arc::new(inner) }
    }

    /// The merchant AppKey.
    pub fn app_key(&self) -> &str {
        &self.inner.config.app_key
    }

    pub(crate) fn clock(&self) -> &dyn Clock {
        &*self.inner.clock
    }

    sign_core::client_shell!(Error);

    /// The documented path of `E`, unless the configuration overrides it ([`ConfigBuilder::path`](crate::ConfigBuilder::path)).
    fn endpoint_path<E: Endpoint>(&self) -> Result<&str, Error> {
        Ok(self.inner.config.path_for(E::NAME, E::PATH))
    }

    /// The business JSON `body` encrypted for the platform and signed by the merchant, in the
    /// `{app_id, data, sign, time}` envelope (see [`auth`](crate::auth)).
    fn sign_request(&self, method: Method, path: &str, body: Vec<u8>, idempotent: bool) -> Result<HttpRequest, Error> {
        // The plaintext can hold payer details: wiped once sealed.
        let body = SecretBytes::new(body);
        match self.default_app_key(path, body.expose()) {
            Some(filled) => self.seal(method, path, &SecretBytes::new(filled), idempotent),
            None => self.seal(method, path, &body, idempotent),
        }
    }

    /// `createThirdOrder`'s business JSON with `appKey` set to the configured app key, when it
    /// goes to that endpoint's path, has no `appKey` of its own and the setting is on
    /// ([`ConfigBuilder::create_third_order_app_key`](crate::ConfigBuilder::create_third_order_app_key)).
    /// `None`: send `body` as it is. The field goes first; every other byte stays as serialized.
    fn default_app_key(&self, path: &str, body: &[u8]) -> Option<Vec<u8>> {
        let config = &self.inner.config;
        let create_path = config.path_for(CreateThirdOrderRequest::NAME, CreateThirdOrderRequest::PATH);
        if !config.create_third_order_app_key || path != create_path {
            return None;
        }
        // Only the keys are read (values are skipped, never copied: the body can hold a token).
        let keys: BTreeMap<String, IgnoredAny> = serde_json::from_slice(body).ok()?;
        if keys.contains_key("appKey") {
            return None;
        }
        let start = body.iter().position(|b| !b.is_ascii_whitespace())?;
        let rest = body[start + 1..].trim_ascii_start();
        let mut out = Vec::with_capacity(body.len() + config.app_key.len() + 12);
        out.extend_from_slice(b"{\"appKey\":");
        out.extend_from_slice(&serde_json::to_vec(&config.app_key).ok()?);
        if !rest.starts_with(b"}") {
            out.push(b',');
        }
        out.extend_from_slice(rest);
        Some(out)
    }

    fn seal(
        &self,
        method: Method,
        path: &str,
        plaintext: &SecretBytes,
        idempotent: bool,
    ) -> Result<HttpRequest, Error> {
        let config = &self.inner.config;
        let time = EnvelopeTime::new(self.inner.clock.unix_millis(), config.time_format);
        let envelope = RequestEnvelope::seal(
            &config.app_key,
            plaintext.expose(),
            &config.platform_public_keys[0],
            &config.merchant_private_key,
            time,
        )?;
        let body = serde_json::to_vec(&envelope)
            .map_err(|e| Error::InvalidRequest(format!("envelope does not serialize: {e}")))?;
        Ok(HttpRequest::new(method, sign_core::http::join_url(&config.base_url, path))
            .with_header("Content-Type", "application/json")
            .with_header("Accept", "application/json")
            .with_body(body)
            .with_idempotent(idempotent))
    }

    /// The envelope read, its `data` decrypted and verified, then decoded as `T`, under the
    /// configured size cap (see [`envelope`]).
    fn read_response<T: DeserializeOwned>(&self, response: &HttpResponse, context: &str) -> Result<T, Error> {
        let config = &self.inner.config;
        envelope::parse(
            response,
            config.http_options().max_response_bytes,
            context,
            &config.merchant_private_key,
            &config.platform_public_keys,
            config.max_response_blocks,
        )
    }
}
