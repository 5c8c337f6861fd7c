//! A tiny loopback HTTP server for the provider crates' sandboxes (feature `sandbox-server`).
//!
//! A sandbox is a plain function from [`HttpRequest`] to [`HttpResponse`] (sans-IO, so it can be
//! tested without sockets); this module only puts it behind a real socket on `127.0.0.1`.

use std::io::Read;
use std::sync::Arc;
use std::thread::JoinHandle;

use crate::http::{HttpRequest, HttpResponse, Method};

/// The largest request body the server reads.
const MAX_BODY: u64 = 10 * 1024 * 1024;
const WORKERS: usize = 4;

/// A running loopback server. Dropping it stops the server and waits for its threads.
pub struct SandboxServer {
    base_url: String,
    server: Arc<tiny_http::Server>,
    workers: Vec<JoinHandle<()>>,
}

impl std::fmt::Debug for SandboxServer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SandboxServer").field("base_url", &self.base_url).finish()
    }
}

impl SandboxServer {
    /// Starts serving `handler` on a free port of `127.0.0.1`.
    pub fn start<H>(handler: H) -> std::io::Result<Self>
    where
        H: Fn(HttpRequest) -> HttpResponse + Send + Sync + 'static,
    {
        Self::start_on("127.0.0.1:0", handler)
    }

    /// Starts serving `handler` on `addr` (a loopback address such as `127.0.0.1:8080`).
    pub fn start_on<H>(addr: &str, handler: H) -> std::io::Result<Self>
    where
        H: Fn(HttpRequest) -> HttpResponse + Send + Sync + 'static,
    {
        let server = Arc::new(tiny_http::Server::http(addr).map_err(std::io::Error::other)?);
        let port = server
            .server_addr()
            .to_ip()
            .map(|a| a.port())
            .ok_or_else(|| std::io::Error::other("sandbox is not listening on an IP socket"))?;
        let base_url = format!("http://127.0.0.1:{port}");
        let handler = Arc::new(handler);
        let workers = (0..WORKERS)
            .map(|_| {
                let server = Arc::clone(&server);
                let handler = Arc::clone(&handler);
                let base = base_url.clone();
                std::thread::spawn(move || {
                    while let Ok(request) = server.recv() {
                        serve_one(request, &base, &*handler);
                    }
                })
            })
            .collect();
        Ok(Self { base_url, server, workers })
    }

    /// The server's base URL, e.g. `http://127.0.0.1:41234`.
    pub fn base_url(&self) -> &str {
        &self.base_url
    }
}

impl Drop for SandboxServer {
    fn drop(&mut self) {
        for _ in 0..self.workers.len() {
            self.server.unblock();
        }
        for worker in self.workers.drain(..) {
            let _ = worker.join();
        }
    }
}

fn serve_one(
    mut request: tiny_http::Request,
    base: &str,
    handler: &(dyn Fn(HttpRequest) -> HttpResponse + Send + Sync),
) {
    let method = match request.method() {
        tiny_http::Method::Get => Some(Method::Get),
        tiny_http::Method::Post => Some(Method::Post),
        tiny_http::Method::Put => Some(Method::Put),
        tiny_http::Method::Delete => Some(Method::Delete),
        _ => None,
    };
    let mut body = Vec::new();
    let read = request.as_reader().take(MAX_BODY).read_to_end(&mut body);
    let response = match (method, read) {
        (Some(method), Ok(_)) => {
            let mut http = HttpRequest::new(method, format!("{base}{}", request.url())).with_body(body);
            http.headers = request
                .headers()
                .iter()
                .map(|h| (h.field.as_str().as_str().to_owned(), h.value.as_str().to_owned()))
                .collect();
            handler(http)
        }
        (None, _) => HttpResponse::new(405, "method not allowed"),
        (_, Err(_)) => HttpResponse::new(400, "unreadable body"),
    };
    let mut out = tiny_http::Response::from_data(response.body).with_status_code(response.status);
    for (name, value) in &response.headers {
        if let Ok(h) = tiny_http::Header::from_bytes(name.as_bytes(), value.as_bytes()) {
            out.add_header(h);
        }
    }
    let _ = request.respond(out);
}
