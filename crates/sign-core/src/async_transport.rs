//! The async twin of [`Transport`](crate::Transport): sends one [`HttpRequest`] and returns the
//! [`HttpResponse`] as a `Send` future, and sleeps between retries. It names no runtime: an
//! implementation brings its own (the reqwest one, feature `reqwest`, runs on tokio because reqwest
//! does; another may run on any executor), so the library itself depends on none.
//!
//! Futures are boxed ([`BoxFuture`]) so that clients can hold an `Arc<dyn AsyncTransport>`, as the
//! blocking clients hold an `Arc<dyn Transport>`; one allocation per attempt is nothing next to
//! a network round trip.

use std::future::Future;
use std::pin::Pin;
use std::time::Duration;

use crate::error::TransportError;
use crate::http::{HttpRequest, HttpResponse};

/// A boxed, `Send` future: what [`AsyncTransport`] returns.
pub type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// Sends one request and returns the response, whatever its status, without blocking a thread.
///
/// The same contract as the blocking [`Transport`](crate::Transport): send once and never retry
/// (the clients repeat failed sends through
/// [`send_with_retries_async`](crate::call::send_with_retries_async), signing each attempt afresh),
/// hand non-2xx statuses and redirects back as responses, and report failures with the
/// [`TransportErrorKind`](crate::TransportErrorKind) that says whether the request may have been sent.
///
/// ```
/// use std::time::Duration;
/// use sign_core::{AsyncTransport, HttpRequest, HttpResponse, TransportError};
/// use sign_core::async_transport::BoxFuture;
///
/// /// A test double answering every request with 200 at once.
/// struct Answers200;
/// impl AsyncTransport for Answers200 {
///     fn send<'a>(&'a self, _request: &'a HttpRequest) -> BoxFuture<'a, Result<HttpResponse, TransportError>> {
///         Box::pin(async { Ok(HttpResponse::new(200, b"ok".to_vec())) })
///     }
///     fn sleep(&self, _duration: Duration) -> BoxFuture<'static, ()> {
///         Box::pin(std::future::ready(())) // a real transport waits on its runtime's timer
///     }
/// }
/// ```
pub trait AsyncTransport: Send + Sync {
    /// Sends `request` once.
    fn send<'a>(&'a self, request: &'a HttpRequest) -> BoxFuture<'a, Result<HttpResponse, TransportError>>;

    /// Waits `duration` without blocking the thread: the backoff between two attempts, on the
    /// timer of the runtime this transport runs on.
    fn sleep(&self, duration: Duration) -> BoxFuture<'static, ()>;
}

impl<T: AsyncTransport + ?Sized> AsyncTransport for std::sync::Arc<T> {
    fn send<'a>(&'a self, request: &'a HttpRequest) -> BoxFuture<'a, Result<HttpResponse, TransportError>> {
        (**self).send(request)
    }

    fn sleep(&self, duration: Duration) -> BoxFuture<'static, ()> {
        (**self).sleep(duration)
    }
}

impl<T: AsyncTransport + ?Sized> AsyncTransport for Box<T> {
    fn send<'a>(&'a self, request: &'a HttpRequest) -> BoxFuture<'a, Result<HttpResponse, TransportError>> {
        (**self).send(request)
    }

    fn sleep(&self, duration: Duration) -> BoxFuture<'static, ()> {
        (**self).sleep(duration)
    }
}
