//! The async client: the same endpoints, request and response types and errors as [`Client`],
//! as `async fn`s over an [`AsyncTransport`] (reqwest with the `reqwest` feature, or your own).
//! Signing and parsing are the blocking client's sans-IO halves, so both clients send the same bytes.

use std::fmt;
use std::sync::Arc;

use sign_core::{AsyncTransport, Clock};

use crate::{Client, Config, Error};

/// An opay client for async code: `client.order_detail(&request).await`. Every endpoint method
/// of [`Client`] exists here with the same name, request and response types and errors; retries
/// follow the same policy (each attempt signed afresh, a payment never repeated once it may have
/// been processed), their pauses on the transport's timer. No runtime is named: the transport
/// brings its own (`AsyncClient::new`, feature `reqwest`, uses reqwest on tokio).
///
/// `Send + Sync` and cheap to clone (an `Arc` inside): build one and share it.
#[derive(Clone)]
pub struct AsyncClient {
    client: Client,
    transport: Arc<dyn AsyncTransport>,
}

impl fmt::Debug for AsyncClient {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AsyncClient").field("client", &self.client).finish_non_exhaustive()
    }
}

impl AsyncClient {
    /// A client over sign-core's reqwest transport (rustls; call it inside a tokio runtime), with
    /// the timeouts, retry policy, body limit and proxy choice of `config`.
    #[cfg(feature = "reqwest")]
    #[cfg_attr(docsrs, doc(cfg(feature = "reqwest")))]
    pub fn new(config: Config) -> Self {
        let transport =
            config.http_options().reqwest_transport(concat!("paykit-chainup-opay/", env!("CARGO_PKG_VERSION")));
        Self::with_transport(config, Arc::new(transport))
    }

    /// A client sending through any async `transport` (another HTTP client, another runtime, a test
    /// double).
    pub fn with_transport(config: Config, transport: Arc<dyn AsyncTransport>) -> Self {
        Self { client: Client::sans_io(config), transport }
    }

    /// The same client reading the time from `clock` (see [`Client::with_clock`]). For tests.
    pub fn with_clock(self, clock: Arc<dyn Clock>) -> Self {
        Self { client: self.client.with_clock(clock), ..self }
    }

    /// The configuration.
    pub fn config(&self) -> &Config {
        self.client.config()
    }

    /// The sans-IO [`Client`] with the same configuration, which this client signs and parses with.
    pub fn sans_io(&self) -> &Client {
        &self.client
    }

    /// Verifies a callback: [`Client::verify_notification`] (sans-IO, nothing to await), with this
    /// client's configuration and replay guard.
    ///
    /// # Errors
    /// As [`Client::verify_notification`].
    pub fn verify_notification<I>(&self, headers: I, body: &[u8]) -> Result<crate::PayNotification, Error>
    where
        I: IntoIterator,
        I::Item: sign_core::HeaderPair,
    {
        self.client.verify_notification(headers, body)
    }

    /// The exact body to answer an accepted callback with ([`Client::notification_reply`]).
    pub fn notification_reply(&self) -> &str {
        self.client.notification_reply()
    }

    sign_core::async_client_call_methods!(Error);

    fn async_transport(&self) -> &dyn AsyncTransport {
        &*self.transport
    }

    fn retry_policy(&self) -> sign_core::RetryPolicy {
        self.config().http_options().retry
    }
}
