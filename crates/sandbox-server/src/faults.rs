//! Faults a sandbox injects on purpose, so that a user tests the paths a real provider takes
//! rarely: a late answer, an answer lost after the payment went through, a 5xx, a provider
//! refusal. Plan them on the sandbox's [`Faults`]; each applies to one request (the next one, or
//! the next one to a path) and is used up, in the order planned.
//!
//! ```
//! use std::time::Duration;
//! use sandbox_server::{Fault, Faults};
//! use sign_core::{HttpRequest, HttpResponse, Method};
//!
//! let faults = Faults::new();
//! faults.next_call(Fault::Status(503));
//! faults.on_path("/pay", Fault::LoseAnswer);
//!
//! let refuse = |code: &str, message: &str| HttpResponse::new(200, format!("{code}:{message}"));
//! let paid = std::cell::Cell::new(0);
//! let handle = |_: &HttpRequest| { paid.set(paid.get() + 1); HttpResponse::new(200, "paid") };
//! let pay = HttpRequest::new(Method::Post, "http://127.0.0.1:1/pay");
//!
//! // The first call meets the 503 and is not processed...
//! assert_eq!(faults.apply(&pay, &handle, &refuse).status, 503);
//! // ...the second is processed, and its answer is lost (the server closes the connection).
//! assert!(sandbox_server::is_lost_answer(&faults.apply(&pay, &handle, &refuse)));
//! assert_eq!(paid.get(), 1);
//! // Nothing planned any more: served normally.
//! assert_eq!(faults.apply(&pay, &handle, &refuse).body, b"paid");
//! ```

use std::sync::Mutex;
use std::time::Duration;

use sign_core::{HttpRequest, HttpResponse};

/// One fault.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Fault {
    /// Process the request, then answer only after this long: past the client's timeout, the
    /// client reports "outcome unknown" for a request that did go through. (A delay longer than
    /// the server's handler timeout is answered `504` at that timeout.)
    Delay(Duration),
    /// Process the request, then close the connection without answering: the answer is lost.
    LoseAnswer,
    /// Answer this HTTP status without processing the request (a proxy's `502`, a `503`).
    Status(u16),
    /// Refuse with the provider's own error envelope, this code and message, without processing.
    ProviderError {
        /// The provider's error code.
        code: String,
        /// Its message.
        message: String,
    },
}

impl Fault {
    /// A [`Fault::ProviderError`].
    pub fn provider_error(code: impl Into<String>, message: impl Into<String>) -> Self {
        Self::ProviderError { code: code.into(), message: message.into() }
    }
}

/// The faults planned for a sandbox; shared by its handler and the test that plans them.
#[derive(Debug, Default)]
pub struct Faults {
    planned: Mutex<Vec<(Option<String>, Fault)>>,
}

/// The status of an answer the server never writes: [`Fault::LoseAnswer`]'s marker.
const LOST: u16 = 0;

/// Whether `response` is the marker of a lost answer (the server closes the connection instead of
/// writing it).
pub fn is_lost_answer(response: &HttpResponse) -> bool {
    response.status == LOST
}

impl Faults {
    /// No fault planned.
    pub fn new() -> Self {
        Self::default()
    }

    /// The next request, whatever its path, meets `fault`.
    pub fn next_call(&self, fault: Fault) {
        self.lock().push((None, fault));
    }

    /// The next request to `path` (e.g. `/gateway/v1/payment`) meets `fault`.
    pub fn on_path(&self, path: &str, fault: Fault) {
        self.lock().push((Some(path.to_owned()), fault));
    }

    /// Forgets every planned fault.
    pub fn clear(&self) {
        self.lock().clear();
    }

    /// How many faults are still planned.
    pub fn pending(&self) -> usize {
        self.lock().len()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Vec<(Option<String>, Fault)>> {
        self.planned.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// The first planned fault matching `path`, used up.
    fn take(&self, path: &str) -> Option<Fault> {
        let mut planned = self.lock();
        let i = planned.iter().position(|(p, _)| p.as_deref().is_none_or(|p| p == path))?;
        Some(planned.remove(i).1)
    }

    /// Serves `request` with the planned fault, if any: `handle` processes it (not called for
    /// `Status` and `ProviderError`), `refuse` renders the provider's error envelope.
    pub fn apply(
        &self,
        request: &HttpRequest,
        handle: impl FnOnce(&HttpRequest) -> HttpResponse,
        refuse: impl Fn(&str, &str) -> HttpResponse,
    ) -> HttpResponse {
        let fault = self.take(request.path());
        if let Some(fault) = &fault {
            crate::hooks::note_fault(match fault {
                Fault::Delay(d) => format!("processed, answered after {d:?}"),
                Fault::LoseAnswer => "processed, answer lost (connection closed)".to_owned(),
                Fault::Status(s) => format!("not processed, answered HTTP {s}"),
                Fault::ProviderError { code, message } => {
                    format!("not processed, answered the provider's refusal {code} {message:?}")
                }
            });
        }
        match fault {
            None => handle(request),
            Some(Fault::Status(status)) => HttpResponse::new(status, format!("sandbox fault: HTTP {status}")),
            Some(Fault::ProviderError { code, message }) => refuse(&code, &message),
            Some(Fault::Delay(delay)) => {
                let response = handle(request);
                std::thread::sleep(delay);
                response
            }
            Some(Fault::LoseAnswer) => {
                let _processed = handle(request);
                HttpResponse::new(LOST, Vec::new())
            }
        }
    }
}
