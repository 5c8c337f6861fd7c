//! A tiny loopback HTTP/1.1 server for the provider crates' sandboxes (feature `sandbox-server`).
//!
//! A sandbox is a plain function from [`HttpRequest`] to [`HttpResponse`] (sans-IO, so it can be
//! tested without sockets); this module only puts it behind a real socket on `127.0.0.1`. One
//! request per connection (`Connection: close`), a thread per connection, bodies by
//! `Content-Length` up to 10 MiB: enough for SDK clients, and small enough to own outright.
//! Dropping the server closes its port before `drop` returns.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread::JoinHandle;
use std::time::Duration;

use crate::http::{HttpRequest, HttpResponse, Method};

/// The largest request body the server reads.
const MAX_BODY: usize = 10 * 1024 * 1024;
/// The largest request head (request line and headers).
const MAX_HEAD: usize = 64 * 1024;
/// How long a connection may take to deliver its request.
const READ_TIMEOUT: Duration = Duration::from_secs(10);

type Handler = dyn Fn(HttpRequest) -> HttpResponse + Send + Sync;

/// A running loopback server. Dropping it stops the server.
pub struct SandboxServer {
    base_url: String,
    addr: SocketAddr,
    stop: Arc<AtomicBool>,
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
        let acceptor = {
            let stop = Arc::clone(&stop);
            let base = base_url.clone();
            std::thread::spawn(move || {
                for stream in listener.incoming() {
                    if stop.load(Ordering::SeqCst) {
                        break;
                    }
                    let Ok(stream) = stream else { continue };
                    let handler = Arc::clone(&handler);
                    let base = base.clone();
                    std::thread::spawn(move || serve_connection(stream, &base, &*handler));
                }
            })
        };
        Ok(Self { base_url, addr, stop, acceptor: Some(acceptor) })
    }

    /// The server's base URL, e.g. `http://127.0.0.1:41234`.
    pub fn base_url(&self) -> &str {
        &self.base_url
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

fn serve_connection(stream: TcpStream, base: &str, handler: &Handler) {
    let _ = stream.set_read_timeout(Some(READ_TIMEOUT));
    let Ok(mut writer) = stream.try_clone() else { return };
    let mut reader = BufReader::new(stream);
    let response = match read_request(&mut reader, base) {
        Ok(request) => handler(request),
        Err(status) => HttpResponse::new(status, "bad request"),
    };
    let _ = write_response(&mut writer, &response);
    let _ = writer.flush();
    let _ = writer.shutdown(Shutdown::Both);
}

fn read_request(reader: &mut BufReader<TcpStream>, base: &str) -> Result<HttpRequest, u16> {
    let mut head_len = 0;
    let mut line = String::new();
    let mut read_line = |line: &mut String| -> Result<(), u16> {
        line.clear();
        let n = reader.by_ref().take((MAX_HEAD - head_len) as u64).read_line(line).map_err(|_| 400u16)?;
        head_len += n;
        if n == 0 || !line.ends_with('\n') {
            return Err(if head_len >= MAX_HEAD { 431 } else { 400 });
        }
        Ok(())
    };
    read_line(&mut line)?;
    let mut parts = line.split_whitespace();
    let method = match parts.next() {
        Some("GET") => Method::Get,
        Some("POST") => Method::Post,
        Some("PUT") => Method::Put,
        Some("DELETE") => Method::Delete,
        _ => return Err(405),
    };
    let target = parts.next().ok_or(400u16)?.to_owned();
    let mut request = HttpRequest::new(method, format!("{base}{target}"));
    loop {
        read_line(&mut line)?;
        let header = line.trim_end_matches(['\r', '\n']);
        if header.is_empty() {
            break;
        }
        let (name, value) = header.split_once(':').ok_or(400u16)?;
        request.headers.push((name.trim().to_owned(), value.trim().to_owned()));
    }
    if request.header("transfer-encoding").is_some() {
        return Err(411);
    }
    let length = match request.header("content-length") {
        Some(v) => v.parse::<usize>().map_err(|_| 400u16)?,
        None => 0,
    };
    if length > MAX_BODY {
        return Err(413);
    }
    let mut body = vec![0; length];
    reader.read_exact(&mut body).map_err(|_| 400u16)?;
    request.body = body;
    Ok(request)
}

fn write_response(out: &mut TcpStream, response: &HttpResponse) -> std::io::Result<()> {
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
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        _ => "Status",
    }
}
