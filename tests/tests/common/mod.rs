//! Helpers shared by the e2e tests: a loopback receiver for the providers' callbacks and a
//! bounded wait.
#![allow(dead_code)]

use std::sync::mpsc;
use std::time::Duration;

use sandbox_server::SandboxServer;
use sign_core::{HttpRequest, HttpResponse};

/// How long a test waits for something that should happen at once. A failure guard only: no
/// test asserts on how long anything took.
pub const WAIT: Duration = Duration::from_secs(10);

/// A merchant's callback endpoint on `127.0.0.1`: every request is handed to a function that
/// answers it and reports what it saw; the reports are read in arrival order with [`next`].
///
/// [`next`]: Receiver::next
pub struct Receiver<T> {
    server: SandboxServer,
    reports: mpsc::Receiver<T>,
}

impl<T: Send + 'static> Receiver<T> {
    /// Starts the endpoint.
    pub fn start(handle: impl Fn(&HttpRequest) -> (HttpResponse, T) + Send + Sync + 'static) -> Self {
        let (tx, reports) = mpsc::channel();
        let server = SandboxServer::start(move |request| {
            let (response, report) = handle(&request);
            // The test may have finished (and dropped the channel) while a late retry arrives.
            let _ = tx.send(report);
            response
        })
        .expect("a loopback callback receiver starts");
        Self { server, reports }
    }

    /// The endpoint's URL for `path` (e.g. `/notify`).
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.server.base_url())
    }

    /// The next report, waiting at most [`WAIT`].
    pub fn next(&self, what: &str) -> T {
        self.reports.recv_timeout(WAIT).unwrap_or_else(|_| panic!("no {what} arrived within {WAIT:?}"))
    }
}
