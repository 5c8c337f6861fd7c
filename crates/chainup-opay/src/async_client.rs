//! The async client: the same endpoints, request and response types and errors as
//! [`Client`](crate::Client), as `async fn`s over an [`AsyncTransport`](sign_core::AsyncTransport)
//! (reqwest with the `reqwest` feature, or your own). Signing and parsing are the blocking client's
//! sans-IO halves, so both clients send the same bytes. The struct and its constructors are
//! `sign_core::async_client!`'s, the same in every crate; this file adds what is the provider's own.

use std::sync::Arc;

use sign_core::Clock;

sign_core::async_client! {
    /// An opay client for async code: `client.order_detail(&request).await`.
    callbacks: crate::PayNotification
}

impl AsyncClient {
    /// The same client reading the time from `clock` (see [`Client::with_clock`](crate::Client::with_clock)). For tests.
    pub fn with_clock(self, clock: Arc<dyn Clock>) -> Self {
        Self { client: self.client.with_clock(clock), ..self }
    }
}
