//! A small HTTP/1.1 keep-alive server on loopback that answers each path with a canned body.
//!
//! Both sides of a per-call comparison (a paykit client and raw ureq) talk to the same server, so the
//! server's cost is the same for both. It counts accepted connections and requests, can record the
//! exact bytes of the requests it receives (to replay them with raw ureq and to check that both sides
//! sent the same bytes), and keeps the CPU time its own threads used, so that the client's share of
//! the process CPU can be told apart.

use std::collections::HashMap;
use std::io::{self, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;

use crate::cpu;

/// The largest request head accepted; a larger one ends the connection.
const MAX_HEAD: usize = 64 * 1024;

/// A running canned-answer server; stops accepting when dropped (open connections end with their
/// clients).
pub struct CannedServer {
    addr: SocketAddr,
    shared: Arc<Shared>,
}

struct Shared {
    /// path -> the whole response (status line, headers, body).
    routes: HashMap<String, Vec<u8>>,
    not_found: Vec<u8>,
    connections: AtomicU64,
    requests: AtomicU64,
    capture: AtomicBool,
    captured: Mutex<Vec<Vec<u8>>>,
    /// One cell per server thread: the CPU time that thread had used after its last piece of work.
    cpu: Mutex<Vec<Arc<AtomicU64>>>,
    stop: AtomicBool,
}

impl CannedServer {
    /// Starts a server on `127.0.0.1` (a free port) answering `POST`/`GET` to each `(path, body)` with
    /// HTTP 200 and that JSON body, and anything else with 404.
    pub fn start(routes: &[(&str, &[u8])]) -> io::Result<Self> {
        let listener = TcpListener::bind("127.0.0.1:0")?;
        let addr = listener.local_addr()?;
        let shared = Arc::new(Shared {
            routes: routes.iter().map(|(path, body)| ((*path).to_owned(), response(200, "OK", body))).collect(),
            not_found: response(404, "Not Found", br#"{"error":"no such path"}"#),
            connections: AtomicU64::new(0),
            requests: AtomicU64::new(0),
            capture: AtomicBool::new(false),
            captured: Mutex::new(Vec::new()),
            cpu: Mutex::new(Vec::new()),
            stop: AtomicBool::new(false),
        });
        let accept_shared = Arc::clone(&shared);
        thread::Builder::new().name("canned-accept".into()).spawn(move || accept_loop(&listener, &accept_shared))?;
        Ok(Self { addr, shared })
    }

    /// `http://127.0.0.1:<port>`.
    pub fn base_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// TCP connections accepted so far.
    pub fn connections(&self) -> u64 {
        self.shared.connections.load(Ordering::SeqCst)
    }

    /// Requests answered so far.
    pub fn requests(&self) -> u64 {
        self.shared.requests.load(Ordering::SeqCst)
    }

    /// Starts recording the bytes of every request received (head and body, exactly as read).
    pub fn start_capture(&self) {
        self.shared.captured.lock().unwrap_or_else(|p| p.into_inner()).clear();
        self.shared.capture.store(true, Ordering::SeqCst);
    }

    /// Stops recording and returns the requests recorded since [`start_capture`](Self::start_capture),
    /// in the order they were answered.
    pub fn take_capture(&self) -> Vec<Vec<u8>> {
        self.shared.capture.store(false, Ordering::SeqCst);
        std::mem::take(&mut *self.shared.captured.lock().unwrap_or_else(|p| p.into_inner()))
    }

    /// CPU time used by the server's own threads so far, in nanoseconds (as of each thread's last
    /// answer or accepted connection).
    pub fn cpu_ns(&self) -> u64 {
        self.shared.cpu.lock().unwrap_or_else(|p| p.into_inner()).iter().map(|c| c.load(Ordering::SeqCst)).sum()
    }
}

impl Drop for CannedServer {
    fn drop(&mut self) {
        self.shared.stop.store(true, Ordering::SeqCst);
        // Wakes the accept loop so that it sees `stop`.
        let _ = TcpStream::connect(self.addr);
    }
}

fn response(status: u16, reason: &str, body: &[u8]) -> Vec<u8> {
    let mut out = format!(
        "HTTP/1.1 {status} {reason}\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n",
        body.len()
    )
    .into_bytes();
    out.extend_from_slice(body);
    out
}

fn cpu_cell(shared: &Shared) -> Arc<AtomicU64> {
    let cell = Arc::new(AtomicU64::new(cpu::thread_ns()));
    shared.cpu.lock().unwrap_or_else(|p| p.into_inner()).push(Arc::clone(&cell));
    cell
}

fn accept_loop(listener: &TcpListener, shared: &Arc<Shared>) {
    let cell = cpu_cell(shared);
    for stream in listener.incoming() {
        if shared.stop.load(Ordering::SeqCst) {
            break;
        }
        let Ok(stream) = stream else { continue };
        shared.connections.fetch_add(1, Ordering::SeqCst);
        let conn_shared = Arc::clone(shared);
        let spawned = thread::Builder::new().name("canned-conn".into()).spawn(move || serve(stream, &conn_shared));
        if spawned.is_err() {
            eprintln!("canned server: cannot spawn a connection thread");
        }
        cell.store(cpu::thread_ns(), Ordering::SeqCst);
    }
}

/// Answers the requests of one connection until the client closes it (or asks to).
fn serve(mut stream: TcpStream, shared: &Shared) {
    let cell = cpu_cell(shared);
    let _ = stream.set_nodelay(true);
    let mut buf: Vec<u8> = Vec::with_capacity(16 * 1024);
    let mut chunk = [0u8; 16 * 1024];
    loop {
        let (head_len, request) = loop {
            if let Some(end) = find(&buf, b"\r\n\r\n") {
                match parse_head(&buf[..end]) {
                    Some(r) => break (end + 4, r),
                    None => return,
                }
            }
            if buf.len() > MAX_HEAD {
                return;
            }
            match stream.read(&mut chunk) {
                Ok(0) | Err(_) => return,
                Ok(n) => buf.extend_from_slice(&chunk[..n]),
            }
        };
        let total = head_len + request.content_length;
        while buf.len() < total {
            match stream.read(&mut chunk) {
                Ok(0) | Err(_) => return,
                Ok(n) => buf.extend_from_slice(&chunk[..n]),
            }
        }
        if shared.capture.load(Ordering::SeqCst) {
            shared.captured.lock().unwrap_or_else(|p| p.into_inner()).push(buf[..total].to_vec());
        }
        let answer = shared.routes.get(request.path.as_str()).unwrap_or(&shared.not_found);
        // Counted before the answer goes out: a client that has its answer sees its request counted.
        shared.requests.fetch_add(1, Ordering::SeqCst);
        if stream.write_all(answer).is_err() {
            return;
        }
        buf.drain(..total);
        cell.store(cpu::thread_ns(), Ordering::SeqCst);
        if request.close {
            return;
        }
    }
}

struct RequestHead {
    path: String,
    content_length: usize,
    close: bool,
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn parse_head(head: &[u8]) -> Option<RequestHead> {
    let text = std::str::from_utf8(head).ok()?;
    let mut lines = text.split("\r\n");
    let mut request_line = lines.next()?.split(' ');
    let _method = request_line.next()?;
    let target = request_line.next()?;
    let path = target.split('?').next().unwrap_or(target).to_owned();
    let mut content_length = 0;
    let mut close = false;
    for line in lines {
        let (name, value) = line.split_once(':')?;
        let value = value.trim();
        if name.eq_ignore_ascii_case("content-length") {
            content_length = value.parse().ok()?;
        } else if name.eq_ignore_ascii_case("connection") && value.eq_ignore_ascii_case("close") {
            close = true;
        } else if name.eq_ignore_ascii_case("transfer-encoding") {
            // Clients here send bodies with a length; a chunked one is not understood.
            return None;
        }
    }
    Some(RequestHead { path, content_length, close })
}

/// A request as recorded by the server, split into the parts an HTTP client is given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordedRequest {
    /// `POST`, `GET`, ...
    pub method: String,
    /// The request target (path and query).
    pub target: String,
    /// Every header in the order it was sent, names as sent.
    pub headers: Vec<(String, String)>,
    /// The body.
    pub body: Vec<u8>,
}

impl RecordedRequest {
    /// Splits recorded request bytes; `None` if they are not one HTTP/1.1 request.
    pub fn parse(bytes: &[u8]) -> Option<Self> {
        let end = find(bytes, b"\r\n\r\n")?;
        let text = std::str::from_utf8(&bytes[..end]).ok()?;
        let mut lines = text.split("\r\n");
        let mut request_line = lines.next()?.split(' ');
        let method = request_line.next()?.to_owned();
        let target = request_line.next()?.to_owned();
        let headers = lines
            .map(|line| line.split_once(':').map(|(n, v)| (n.to_owned(), v.trim().to_owned())))
            .collect::<Option<Vec<_>>>()?;
        Some(Self { method, target, headers, body: bytes[end + 4..].to_vec() })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn post(stream: &mut TcpStream, path: &str, body: &str, close: bool) -> String {
        let connection = if close { "connection: close\r\n" } else { "" };
        let request =
            format!("POST {path} HTTP/1.1\r\nhost: x\r\n{connection}content-length: {}\r\n\r\n{body}", body.len());
        stream.write_all(request.as_bytes()).unwrap();
        // Read one response: head, then content-length bytes.
        let mut got = Vec::new();
        let mut byte = [0u8; 1];
        while find(&got, b"\r\n\r\n").is_none() {
            stream.read_exact(&mut byte).unwrap();
            got.push(byte[0]);
        }
        let head = String::from_utf8(got).unwrap();
        let len: usize =
            head.lines().find_map(|l| l.strip_prefix("content-length: ")).and_then(|v| v.trim().parse().ok()).unwrap();
        let mut body = vec![0u8; len];
        stream.read_exact(&mut body).unwrap();
        format!("{}|{}", head.lines().next().unwrap(), String::from_utf8(body).unwrap())
    }

    #[test]
    fn counts_connections_not_requests_and_answers_each_path() {
        let server = CannedServer::start(&[("/a", br#"{"ok":1}"#)]).unwrap();
        let addr = server.addr;
        let mut first = TcpStream::connect(addr).unwrap();
        assert_eq!(post(&mut first, "/a", "{}", false), r#"HTTP/1.1 200 OK|{"ok":1}"#);
        assert_eq!(post(&mut first, "/a?x=1", "{\"k\":2}", false), r#"HTTP/1.1 200 OK|{"ok":1}"#);
        assert_eq!(post(&mut first, "/b", "", false), r#"HTTP/1.1 404 Not Found|{"error":"no such path"}"#);
        assert_eq!(server.connections(), 1, "three requests on one keep-alive connection");
        let mut second = TcpStream::connect(addr).unwrap();
        post(&mut second, "/a", "", true);
        assert_eq!(server.connections(), 2);
        assert_eq!(server.requests(), 4);
    }

    #[test]
    fn records_the_exact_bytes_while_capturing() {
        let server = CannedServer::start(&[("/a", b"{}")]).unwrap();
        let mut stream = TcpStream::connect(server.addr).unwrap();
        post(&mut stream, "/a", "not recorded", false);
        server.start_capture();
        post(&mut stream, "/a", "{\"n\":1}", false);
        let captured = server.take_capture();
        post(&mut stream, "/a", "not recorded either", false);
        assert_eq!(captured, vec![b"POST /a HTTP/1.1\r\nhost: x\r\ncontent-length: 7\r\n\r\n{\"n\":1}".to_vec()]);
        let parsed = RecordedRequest::parse(&captured[0]).unwrap();
        assert_eq!(parsed.method, "POST");
        assert_eq!(parsed.target, "/a");
        assert_eq!(parsed.headers, vec![("host".into(), "x".into()), ("content-length".into(), "7".into())]);
        assert_eq!(parsed.body, b"{\"n\":1}");
        assert!(server.take_capture().is_empty());
    }
}
