//! # sandbox-server
//!
//! A tiny loopback HTTP/1.1 server for the paykit provider crates' sandboxes (their `sandbox`
//! feature). Test infrastructure, kept out of `sign-core` so that a production client never
//! compiles it.
//!
//! A sandbox is a plain function from [`HttpRequest`] to [`HttpResponse`] (sans-IO, so it can be
//! tested without sockets); this module only puts it behind a real socket on `127.0.0.1`. One
//! request per connection (`Connection: close`), a thread per connection (at most
//! [`MAX_CONNECTIONS`] at once), bodies by `Content-Length` up to 10 MiB (`Expect: 100-continue`
//! answered): enough for SDK clients and curl, and small enough to own outright. Input is
//! untrusted: a head over 64 KiB, a request not delivered within 10 s, a chunked body or a
//! malformed request line or header is answered with a 4xx status and never reaches the handler;
//! a handler that panics is answered `500`.
//! Dropping the server closes its port before `drop` returns.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream};
use std::panic::AssertUnwindSafe;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use sign_core::{HttpRequest, HttpResponse, Method};

/// The largest request body the server reads.
const MAX_BODY: usize = 10 * 1024 * 1024;
/// The largest request head (request line and headers).
const MAX_HEAD: usize = 64 * 1024;
/// How long a connection may take to deliver its whole request.
const READ_TIMEOUT: Duration = Duration::from_secs(10);
/// How long writing the answer may block on a client that does not read.
const WRITE_TIMEOUT: Duration = Duration::from_secs(10);
/// How much unread input is read and dropped before closing, and for how long at most.
const MAX_DRAIN: u64 = 1024 * 1024;
const DRAIN_TIMEOUT: Duration = Duration::from_secs(2);
/// The most connections served at once; more are answered `503` straight away.
pub const MAX_CONNECTIONS: usize = 64;

type Handler = dyn Fn(HttpRequest) -> HttpResponse + Send + Sync;

/// A running loopback server. Dropping it stops the server.
pub struct SandboxServer {
    base_url: String,
    addr: SocketAddr,
    stop: Arc<AtomicBool>,
    active: Arc<AtomicUsize>,
    acceptor: Option<JoinHandle<()>>,
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
        let listener = TcpListener::bind(addr)?;
        let addr = listener.local_addr()?;
        let base_url = format!("http://{addr}");
        let stop = Arc::new(AtomicBool::new(false));
        let handler: Arc<Handler> = Arc::new(handler);
        let active = Arc::new(AtomicUsize::new(0));
        let acceptor = {
            let stop = Arc::clone(&stop);
            let active = Arc::clone(&active);
            let base = base_url.clone();
            std::thread::spawn(move || {
                for stream in listener.incoming() {
                    if stop.load(Ordering::SeqCst) {
                        break;
                    }
                    let Ok(stream) = stream else { continue };
                    if active.load(Ordering::SeqCst) >= MAX_CONNECTIONS {
                        refuse_busy(&stream);
                        continue;
                    }
                    let slot = Slot::take(&active);
                    let handler = Arc::clone(&handler);
                    let base = base.clone();
                    // If the thread cannot start, the closure is dropped and the slot with it.
                    let _ = std::thread::Builder::new().spawn(move || {
                        let _slot = slot;
                        serve_connection(&stream, &base, &*handler);
                    });
                }
            })
        };
        Ok(Self { base_url, addr, stop, active, acceptor: Some(acceptor) })
    }

    /// The server's base URL, e.g. `http://127.0.0.1:41234`.
    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// How many connections are being served right now (at most [`MAX_CONNECTIONS`]).
    pub fn active_connections(&self) -> usize {
        self.active.load(Ordering::SeqCst)
    }
}

impl Drop for SandboxServer {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // Wake the blocking accept so the thread sees the flag and drops the listener.
        if let Ok(s) = TcpStream::connect_timeout(&self.addr, Duration::from_secs(1)) {
            let _ = s.shutdown(Shutdown::Both);
        }
        if let Some(acceptor) = self.acceptor.take() {
            let _ = acceptor.join();
        }
    }
}

/// One of the [`MAX_CONNECTIONS`] places, released when dropped whatever happens to the thread.
struct Slot(Arc<AtomicUsize>);

impl Slot {
    fn take(active: &Arc<AtomicUsize>) -> Self {
        active.fetch_add(1, Ordering::SeqCst);
        Self(Arc::clone(active))
    }
}

impl Drop for Slot {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

/// Reads through a `TcpStream` until a fixed instant: a client trickling a byte now and then
/// cannot hold a connection past it.
struct DeadlineStream<'a> {
    stream: &'a TcpStream,
    deadline: Instant,
}

impl Read for DeadlineStream<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let left = self.deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(std::io::ErrorKind::TimedOut.into());
        }
        self.stream.set_read_timeout(Some(left))?;
        (&*self.stream).read(buf)
    }
}

fn serve_connection(stream: &TcpStream, base: &str, handler: &Handler) {
    let _ = stream.set_write_timeout(Some(WRITE_TIMEOUT));
    let mut reader = BufReader::new(DeadlineStream { stream, deadline: Instant::now() + READ_TIMEOUT });
    // A client that sent `Expect: 100-continue` (curl, for larger bodies) waits for this before
    // sending the body.
    let mut send_continue = || {
        let mut writer = stream;
        let _ = writer.write_all(b"HTTP/1.1 100 Continue\r\n\r\n");
    };
    let response = match read_request(&mut reader, base, &mut send_continue) {
        // A bug in a sandbox must not look like a network failure to the client under test.
        Ok(request) => std::panic::catch_unwind(AssertUnwindSafe(|| handler(request)))
            .unwrap_or_else(|_| HttpResponse::new(500, "sandbox handler panicked")),
        Err(status) => HttpResponse::new(status, reason(status)),
    };
    let mut writer = stream;
    let _ = write_response(&mut writer, &response);
    let _ = writer.flush();
    close_gracefully(stream, reader.into_inner());
}

/// Closes after the answer was written. Input left unread (a refused oversized request) would
/// turn the close into a reset that can destroy the answer before the client reads it, so a
/// bounded amount of it is read and dropped first.
fn close_gracefully(stream: &TcpStream, mut rest: DeadlineStream<'_>) {
    let _ = stream.shutdown(Shutdown::Write);
    rest.deadline = rest.deadline.min(Instant::now() + DRAIN_TIMEOUT);
    let _ = std::io::copy(&mut rest.take(MAX_DRAIN), &mut std::io::sink());
    let _ = stream.shutdown(Shutdown::Both);
}

/// Turns a connection away without reading it (too many connections at once).
fn refuse_busy(stream: &TcpStream) {
    let _ = stream.set_write_timeout(Some(WRITE_TIMEOUT));
    let mut writer = stream;
    let _ = write_response(&mut writer, &HttpResponse::new(503, "sandbox busy"));
    let _ = stream.shutdown(Shutdown::Both);
}

fn is_token(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b))
}

fn read_request<R: Read>(
    reader: &mut BufReader<R>,
    base: &str,
    send_continue: &mut dyn FnMut(),
) -> Result<HttpRequest, u16> {
    let mut head_len = 0;
    let mut line = String::new();
    let mut read_line = |line: &mut String| -> Result<(), u16> {
        line.clear();
        let limit = (MAX_HEAD - head_len) as u64;
        let n = reader.by_ref().take(limit).read_line(line).map_err(|e| match e.kind() {
            std::io::ErrorKind::TimedOut | std::io::ErrorKind::WouldBlock => 408u16,
            _ => 400,
        })?;
        head_len += n;
        if n == 0 || !line.ends_with('\n') {
            return Err(if head_len >= MAX_HEAD { 431 } else { 400 });
        }
        Ok(())
    };
    read_line(&mut line)?;
    let request_line = line.strip_suffix('\n').map(|l| l.strip_suffix('\r').unwrap_or(l)).unwrap_or(&line);
    let mut parts = request_line.split(' ');
    let (Some(method), Some(target), Some(version), None) = (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(400);
    };
    if !is_token(method) || !matches!(version, "HTTP/1.1" | "HTTP/1.0") {
        return Err(400);
    }
    // Origin form only: anything else would be glued onto the base URL as a bogus URL.
    if !target.starts_with('/') || !target.bytes().all(|b| b.is_ascii_graphic()) {
        return Err(400);
    }
    let method = match method {
        "GET" => Method::Get,
        "POST" => Method::Post,
        "PUT" => Method::Put,
        "DELETE" => Method::Delete,
        _ => return Err(405),
    };
    let mut request = HttpRequest::new(method, format!("{base}{target}"));
    loop {
        read_line(&mut line)?;
        let header = line.strip_suffix('\n').map(|l| l.strip_suffix('\r').unwrap_or(l)).unwrap_or(&line);
        if header.is_empty() {
            break;
        }
        let (name, value) = header.split_once(':').ok_or(400u16)?;
        let value = value.trim_matches([' ', '\t']);
        // No white space before the colon (RFC 9112 5.1), no folding, no control characters.
        if !is_token(name) || value.chars().any(|c| c.is_ascii_control() && c != '\t') {
            return Err(400);
        }
        request.headers.push((name.to_owned(), value.to_owned()));
    }
    if request.header("transfer-encoding").is_some() {
        return Err(411);
    }
    let mut length = None;
    for (_, value) in request.headers.iter().filter(|(n, _)| n.eq_ignore_ascii_case("content-length")) {
        // Digits only (`usize::from_str` would take `+1`); copies must agree.
        if value.is_empty() || !value.bytes().all(|b| b.is_ascii_digit()) {
            return Err(400);
        }
        let n = value.parse::<u64>().map_err(|_| 400u16)?;
        if length.is_some_and(|l| l != n) {
            return Err(400);
        }
        length = Some(n);
    }
    let length = length.unwrap_or(0);
    if length > MAX_BODY as u64 {
        return Err(413);
    }
    if length > 0 && request.header("expect").is_some_and(|v| v.eq_ignore_ascii_case("100-continue")) {
        send_continue();
    }
    // Grown as bytes arrive: an announced length is not a reason to allocate it up front.
    let mut body = Vec::new();
    reader.by_ref().take(length).read_to_end(&mut body).map_err(|_| 400u16)?;
    if body.len() as u64 != length {
        return Err(400);
    }
    request.body = body;
    Ok(request)
}

fn write_response(out: &mut impl Write, response: &HttpResponse) -> std::io::Result<()> {
    let mut head = format!("HTTP/1.1 {} {}\r\n", response.status, reason(response.status));
    for (name, value) in &response.headers {
        // Framing headers are ours to write.
        if name.eq_ignore_ascii_case("content-length") || name.eq_ignore_ascii_case("connection") {
            continue;
        }
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str(&format!("Content-Length: {}\r\nConnection: close\r\n\r\n", response.body.len()));
    out.write_all(head.as_bytes())?;
    out.write_all(&response.body)
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        201 => "Created",
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        411 => "Length Required",
        413 => "Content Too Large",
        431 => "Request Header Fields Too Large",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        _ => "Status",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_request_not_delivered_by_the_deadline_is_408() {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let mut client = TcpStream::connect(listener.local_addr().unwrap()).unwrap();
        // Half a head, then nothing: a slow client trickling bytes.
        client.write_all(b"GET / HTTP/1.1\r\nX-Slow: 1").unwrap();
        let (server_side, _) = listener.accept().unwrap();
        // A deadline already passed stands in for ten seconds of trickling.
        let mut reader = BufReader::new(DeadlineStream { stream: &server_side, deadline: Instant::now() });
        assert_eq!(read_request(&mut reader, "http://127.0.0.1", &mut || {}).unwrap_err(), 408);
    }
}
