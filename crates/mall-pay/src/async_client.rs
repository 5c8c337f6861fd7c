//! The async client: the same endpoints, request and response types and errors as
//! [`Client`](crate::Client), as `async fn`s over an [`AsyncTransport`](sign_core::AsyncTransport)
//! (reqwest with the `reqwest` feature, or your own). Signing and parsing are the blocking client's
//! sans-IO halves, so both clients send the same bytes. The struct and its constructors are
//! `sign_core::async_client!`'s, the same in every crate; this file adds what is the provider's own.

use std::sync::Arc;

use crate::Error;

sign_core::async_client! {
    /// A mall client for async code: `client.order_pay(&request).await`.
}

impl AsyncClient {
    /// The same client with another user's token ([`Client::with_token`](crate::Client::with_token)).
    ///
    /// # Errors
    /// [`Error::Config`](crate::Error::Config) when the token is empty or not a valid header value.
    pub fn with_token(&self, token: impl Into<sign_core::SecretString>) -> Result<Self, Error> {
        Ok(Self { client: self.client.with_token(token)?, transport: Arc::clone(&self.transport) })
    }

    /// 订单立即支付, without blocking a thread: [`Client::order_pay`](crate::Client::order_pay)'s rules (the pay path from the
    /// configuration, `pay_param` checked against the method), sent through the async transport.
    ///
    /// Not idempotent: sent once, repeated only when it cannot have reached the server. After
    /// [`Error::outcome_unknown`](crate::Error::outcome_unknown), check the order in the mall before paying again.
    ///
    /// # Errors
    /// As [`Client::order_pay`](crate::Client::order_pay).
    pub async fn order_pay(&self, request: &crate::OrderPayRequest) -> Result<crate::OrderPayResponse, Error> {
        let response = sign_core::call::send_with_retries_async(self.async_transport(), &self.retry_policy(), || {
            std::future::ready(self.prepare(request))
        })
        .await?;
        self.client.parse_order_pay(request, &response)
    }
}
