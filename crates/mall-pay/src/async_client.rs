//! The async client: the same endpoints, request and response types and errors as [`Client`],
//! as `async fn`s over an [`AsyncTransport`] (reqwest with the `reqwest` feature, or your own).
//! Signing and parsing are the blocking client's sans-IO halves, so both clients send the same bytes.

use std::fmt;
use std::sync::Arc;

use sign_core::AsyncTransport;

use crate::{Client, Config, Error};

/// A mall client for async code: `client.order_pay(&request).await`. Every endpoint method
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
        let transport = config.http_options().reqwest_transport(concat!("paykit-mall-pay/", env!("CARGO_PKG_VERSION")));
        Self::with_transport(config, Arc::new(transport))
    }

    /// A client sending through any async `transport` (another HTTP client, another runtime, a test
    /// double).
    pub fn with_transport(config: Config, transport: Arc<dyn AsyncTransport>) -> Self {
        Self { client: Client::sans_io(config), transport }
    }

    /// The configuration.
    pub fn config(&self) -> &Config {
        self.client.config()
    }

    /// The sans-IO [`Client`] with the same configuration, which this client signs and parses with.
    pub fn sans_io(&self) -> &Client {
        &self.client
    }

    /// The same client with another user's token ([`Client::with_token`]).
    ///
    /// # Errors
    /// [`Error::Config`] when the token is empty or not a valid header value.
    pub fn with_token(&self, token: impl Into<sign_core::SecretString>) -> Result<Self, Error> {
        Ok(Self { client: self.client.with_token(token)?, transport: Arc::clone(&self.transport) })
    }

    /// 订单立即支付, without blocking a thread: [`Client::order_pay`]'s rules (the pay path from the
    /// configuration, `pay_param` checked against the method), sent through the async transport.
    ///
    /// Not idempotent: sent once, repeated only when it cannot have reached the server. After
    /// [`Error::outcome_unknown`], check the order in the mall before paying again.
    ///
    /// # Errors
    /// As [`Client::order_pay`].
    pub async fn order_pay(&self, request: &crate::OrderPayRequest) -> Result<crate::OrderPayResponse, Error> {
        let response = sign_core::call::send_with_retries_async(self.async_transport(), &self.retry_policy(), || {
            std::future::ready(self.prepare(request))
        })
        .await?;
        self.client.parse_order_pay(request, &response)
    }

    sign_core::async_client_call_methods!(Error);

    fn async_transport(&self) -> &dyn AsyncTransport {
        &*self.transport
    }

    fn retry_policy(&self) -> sign_core::RetryPolicy {
        self.config().http_options().retry
    }
}
