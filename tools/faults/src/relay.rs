//! A loopback HTTP/1.1 relay between a client and a sandbox that injects one planned fault and
//! records, for every request, whether its complete bytes were forwarded to the sandbox: the
//! ground truth of "did the provider receive it".
//!
//! The relay reads each request whole (head, then `Content-Length` bytes of body) before it
//! decides anything, so "forwarded" is exact: a fault on the request side ([`Fault::ResetBeforeRead`],
//! [`Fault::Answer`]) forwards nothing; every other fault forwards the request first and is then
//! applied to the answer. The sandbox answers one request per connection; the relay re-frames its
//! answer with a `Content-Length` and keeps the client's connection alive when asked to
//! ([`Relay::start`]'s `keep_alive`), so that a client's connection pool is exercised too.

use std::io::{self, Read, Write};
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// The largest request head the relay reads (the clients send a few hundred bytes).
const MAX_REQUEST_HEAD: usize = 64 * 1024;
/// The largest request body the relay reads.
const MAX_REQUEST_BODY: usize = 4 * 1024 * 1024;
/// How long a connection may sit idle or deliver a request, and how long the sandbox may take.
const IO_TIMEOUT: Duration = Duration::from_secs(10);

/// A canned answer the relay sends itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Canned {
    /// The status.
    pub status: u16,
    /// Extra headers (`Content-Length` is added).
    pub headers: Vec<(String, String)>,
    /// The body.
    pub body: Vec<u8>,
}

impl Canned {
    /// An answer with `status` and `body`, no extra header.
    pub fn new(status: u16, body: impl Into<Vec<u8>>) -> Self {
        Self { status, headers: Vec::new(), body: body.into() }
    }

    /// The same answer with one more header.
    #[must_use]
    pub fn with_header(mut self, name: &str, value: &str) -> Self {
        self.headers.push((name.to_owned(), value.to_owned()));
        self
    }
}

/// One fault, applied to one request.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Fault {
    /// Reset the connection (RST) as soon as the request's first byte arrives, before reading it:
    /// nothing is forwarded. On a reused keep-alive connection this is the server closing it just
    /// as the client reuses it.
    ResetBeforeRead,
    /// Read the whole request, forward it, wait for the sandbox's answer, then reset the client's
    /// connection.
    ResetAfterRequest,
    /// Read the whole request, forward it, wait for the answer, then close (FIN) without answering.
    CloseAfterRequest,
    /// Forward, then send the sandbox's answer only after this delay.
    LateHead(Duration),
    /// Forward, send the answer's head at once, then its body one byte per pause.
    TrickleBody(Duration),
    /// Forward, then announce a `Content-Length` this many bytes longer than the body, send the
    /// body and close.
    ShortBody(usize),
    /// Forward, then answer with one header padded so that the head is about this many bytes.
    HugeHead(usize),
    /// Forward, then answer the sandbox's status with a body of this many bytes (the sandbox's body
    /// followed by spaces).
    HugeBody(usize),
    /// Answer this without forwarding anything.
    Answer(Canned),
    /// Forward, wait for the sandbox's answer, then answer this instead.
    AnswerAfter(Canned),
    /// Forward, then send the sandbox's answer under another status.
    Restatus(u16),
    /// Forward, then send an interim (1xx) answer with this status before the sandbox's answer.
    Interim(u16),
    /// Forward and answer normally with keep-alive, then close the connection at once (the client
    /// finds it closed when it reuses it).
    CloseWhenIdle,
}

impl Fault {
    /// Whether the relay forwards the request before applying the fault.
    pub fn forwards(&self) -> bool {
        !matches!(self, Self::ResetBeforeRead | Self::Answer(_))
    }
}

/// Which request a planned fault meets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum At {
    /// The request with this number (0-based, in the order requests start to arrive at the relay).
    Index(usize),
    /// The first request whose path ends with this.
    Path(String),
}

/// What the relay saw of one request.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Record {
    /// The request's number (0-based, in arrival order).
    pub index: usize,
    /// Its connection's number (0-based, in accept order).
    pub connection: usize,
    /// The request's path, if it was read.
    pub path: Option<String>,
    /// Whether its complete bytes were written to the sandbox.
    pub forwarded: bool,
    /// The fault it met, if any.
    pub fault: Option<Fault>,
}

#[derive(Default)]
struct State {
    plan: Vec<(At, Fault)>,
    records: Vec<Record>,
}

struct Shared {
    upstream: SocketAddr,
    keep_alive: bool,
    state: Mutex<State>,
    requests: AtomicUsize,
    connections: AtomicUsize,
    /// Connections currently between a request's first byte and its forward (or refusal).
    busy: AtomicUsize,
    stop: AtomicBool,
}

impl Shared {
    fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn take(&self, index: usize, path: Option<&str>) -> Option<Fault> {
        let mut state = self.lock();
        let i = state.plan.iter().position(|(at, fault)| match at {
            At::Index(n) => *n == index && (path.is_some() != matches!(fault, Fault::ResetBeforeRead)),
            At::Path(p) => path.is_some_and(|path| path.ends_with(p.as_str())),
        })?;
        Some(state.plan.remove(i).1)
    }

    fn record(&self, record: Record) {
        self.lock().records.push(record);
    }
}

/// A running relay on `127.0.0.1`. Dropping it stops accepting (connections already open finish
/// on their own threads, bounded by their timeouts).
pub struct Relay {
    addr: SocketAddr,
    shared: Arc<Shared>,
    acceptor: Option<JoinHandle<()>>,
}

impl std::fmt::Debug for Relay {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Relay").field("addr", &self.addr).field("upstream", &self.shared.upstream).finish()
    }
}

impl Relay {
    /// A relay to `upstream` (the sandbox's address). With `keep_alive`, answers leave the client's
    /// connection open for its next request; without, every answer says `Connection: close`.
    ///
    /// # Errors
    /// When no loopback socket can be opened.
    pub fn start(upstream: SocketAddr, keep_alive: bool) -> io::Result<Self> {
        let listener = TcpListener::bind("127.0.0.1:0")?;
        let addr = listener.local_addr()?;
        let shared = Arc::new(Shared {
            upstream,
            keep_alive,
            state: Mutex::new(State::default()),
            requests: AtomicUsize::new(0),
            connections: AtomicUsize::new(0),
            busy: AtomicUsize::new(0),
            stop: AtomicBool::new(false),
        });
        let s = Arc::clone(&shared);
        let acceptor = std::thread::spawn(move || {
            for stream in listener.incoming() {
                if s.stop.load(Ordering::SeqCst) {
                    return;
                }
                let Ok(stream) = stream else { continue };
                let connection = s.connections.fetch_add(1, Ordering::SeqCst);
                let s = Arc::clone(&s);
                std::thread::spawn(move || serve(&s, stream, connection));
            }
        });
        Ok(Self { addr, shared, acceptor: Some(acceptor) })
    }

    /// The relay's base URL, e.g. `http://127.0.0.1:41234`.
    pub fn base_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Plans `fault` for the request `at` designates; each planned fault is used once.
    pub fn plan(&self, at: At, fault: Fault) {
        self.shared.lock().plan.push((at, fault));
    }

    /// Faults planned and not met yet.
    pub fn pending(&self) -> usize {
        self.shared.lock().plan.len()
    }

    /// Waits (at most `limit`) until no connection is in the middle of reading or forwarding a
    /// request, then returns every record so far.
    pub fn records(&self, limit: Duration) -> Vec<Record> {
        let deadline = Instant::now() + limit;
        while self.shared.busy.load(Ordering::SeqCst) > 0 && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(2));
        }
        self.shared.lock().records.clone()
    }

    /// How many requests to a path ending with `suffix` were forwarded whole.
    pub fn forwarded(&self, suffix: &str, limit: Duration) -> usize {
        self.records(limit)
            .iter()
            .filter(|r| r.forwarded && r.path.as_deref().is_some_and(|p| p.ends_with(suffix)))
            .count()
    }

    /// Connections accepted so far.
    pub fn connections(&self) -> usize {
        self.shared.connections.load(Ordering::SeqCst)
    }
}

impl Drop for Relay {
    fn drop(&mut self) {
        self.shared.stop.store(true, Ordering::SeqCst);
        // Wakes the acceptor, which then sees the flag.
        let _ = TcpStream::connect_timeout(&self.addr, Duration::from_secs(1));
        if let Some(acceptor) = self.acceptor.take() {
            let _ = acceptor.join();
        }
    }
}

/// Decrements the busy count when a request is done with (read and forwarded, or refused).
struct Busy<'a>(&'a AtomicUsize);

impl Drop for Busy<'_> {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

/// A request read whole.
struct Request {
    raw: Vec<u8>,
    path: String,
}

/// The sandbox's answer, taken apart.
struct Answer {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

fn serve(shared: &Shared, mut stream: TcpStream, connection: usize) {
    let _ = stream.set_read_timeout(Some(IO_TIMEOUT));
    let _ = stream.set_write_timeout(Some(IO_TIMEOUT));
    let _ = stream.set_nodelay(true);
    loop {
        // The next request starts when its first byte arrives (or the client closes).
        match stream.peek(&mut [0u8; 1]) {
            Ok(0) | Err(_) => return,
            Ok(_) => {}
        }
        shared.busy.fetch_add(1, Ordering::SeqCst);
        let busy = Busy(&shared.busy);
        let index = shared.requests.fetch_add(1, Ordering::SeqCst);
        if let Some(fault) = shared.take(index, None) {
            shared.record(Record { index, connection, path: None, forwarded: false, fault: Some(fault) });
            drop(busy);
            reset(stream);
            return;
        }
        let Ok(request) = read_request(&mut stream) else {
            shared.record(Record { index, connection, path: None, forwarded: false, fault: None });
            return;
        };
        let fault = shared.take(index, Some(&request.path));
        let record =
            |forwarded| Record { index, connection, path: Some(request.path.clone()), forwarded, fault: fault.clone() };
        if let Some(Fault::Answer(canned)) = &fault {
            shared.record(record(false));
            drop(busy);
            let keep = shared.keep_alive;
            if write_answer(&mut stream, canned.status, &canned.headers, &canned.body, keep).is_err() || !keep {
                close(stream);
                return;
            }
            continue;
        }
        let mut upstream = match TcpStream::connect_timeout(&shared.upstream, IO_TIMEOUT) {
            Ok(u) => u,
            Err(_) => {
                shared.record(record(false));
                return;
            }
        };
        let _ = upstream.set_read_timeout(Some(IO_TIMEOUT * 3));
        let _ = upstream.set_write_timeout(Some(IO_TIMEOUT));
        if upstream.write_all(&request.raw).and_then(|()| upstream.flush()).is_err() {
            shared.record(record(false));
            return;
        }
        shared.record(record(true));
        drop(busy);
        // The sandbox answers once and closes: its answer is everything up to the end.
        let mut raw = Vec::new();
        let read = upstream.read_to_end(&mut raw);
        let answer = if read.is_ok() { parse_answer(&raw) } else { None };
        let keep = shared.keep_alive;
        let Some(answer) = answer else {
            // The sandbox lost its answer (its own fault): so does the relay.
            close(stream);
            return;
        };
        let done = match fault {
            None => write_answer(&mut stream, answer.status, &answer.headers, &answer.body, keep),
            Some(Fault::ResetAfterRequest) => {
                reset(stream);
                return;
            }
            Some(Fault::CloseAfterRequest) => {
                close(stream);
                return;
            }
            Some(Fault::LateHead(delay)) => {
                std::thread::sleep(delay);
                write_answer(&mut stream, answer.status, &answer.headers, &answer.body, keep)
            }
            Some(Fault::TrickleBody(pause)) => {
                let head = head(answer.status, &answer.headers, answer.body.len(), keep);
                let mut result = stream.write_all(&head);
                for byte in &answer.body {
                    if result.is_err() {
                        break;
                    }
                    std::thread::sleep(pause);
                    result = stream.write_all(std::slice::from_ref(byte));
                }
                result
            }
            Some(Fault::ShortBody(extra)) => {
                let head = head(answer.status, &answer.headers, answer.body.len() + extra, keep);
                let _ = stream.write_all(&head).and_then(|()| stream.write_all(&answer.body));
                close(stream);
                return;
            }
            Some(Fault::HugeHead(bytes)) => {
                let mut headers = answer.headers.clone();
                headers.push(("X-Padding".to_owned(), "p".repeat(bytes)));
                write_answer(&mut stream, answer.status, &headers, &answer.body, keep)
            }
            Some(Fault::HugeBody(bytes)) => {
                let mut body = answer.body.clone();
                body.resize(bytes.max(body.len()), b' ');
                write_answer(&mut stream, answer.status, &answer.headers, &body, keep)
            }
            Some(Fault::AnswerAfter(canned)) => {
                write_answer(&mut stream, canned.status, &canned.headers, &canned.body, keep)
            }
            Some(Fault::Interim(status)) => stream
                .write_all(format!("HTTP/1.1 {status} Interim\r\nLink: </x>; rel=preload\r\n\r\n").as_bytes())
                .and_then(|()| write_answer(&mut stream, answer.status, &answer.headers, &answer.body, keep)),
            Some(Fault::Restatus(status)) => write_answer(&mut stream, status, &answer.headers, &answer.body, keep),
            Some(Fault::CloseWhenIdle) => {
                let _ = write_answer(&mut stream, answer.status, &answer.headers, &answer.body, true);
                close(stream);
                return;
            }
            Some(Fault::ResetBeforeRead | Fault::Answer(_)) => Ok(()),
        };
        if done.is_err() || !keep {
            close(stream);
            return;
        }
    }
}

/// Closes with a reset (SO_LINGER 0) instead of a FIN.
fn reset(stream: TcpStream) {
    let _ = socket2::SockRef::from(&stream).set_linger(Some(Duration::ZERO));
    drop(stream);
}

/// Closes cleanly (FIN).
fn close(stream: TcpStream) {
    let _ = stream.shutdown(Shutdown::Both);
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// Header lines of a head (after the first line) as (name, value).
fn header_lines(head: &str) -> Vec<(String, String)> {
    head.split("\r\n")
        .skip(1)
        .filter_map(|line| line.split_once(':'))
        .map(|(n, v)| (n.trim().to_owned(), v.trim().to_owned()))
        .collect()
}

fn content_length(headers: &[(String, String)]) -> Option<usize> {
    headers.iter().find(|(n, _)| n.eq_ignore_ascii_case("content-length")).and_then(|(_, v)| v.parse().ok())
}

fn read_request(stream: &mut TcpStream) -> io::Result<Request> {
    let bad = |what: &str| io::Error::new(io::ErrorKind::InvalidData, what.to_owned());
    let mut raw = Vec::new();
    let mut chunk = [0u8; 8192];
    let head_end = loop {
        if let Some(i) = find(&raw, b"\r\n\r\n") {
            break i + 4;
        }
        if raw.len() > MAX_REQUEST_HEAD {
            return Err(bad("request head too large"));
        }
        let n = stream.read(&mut chunk)?;
        if n == 0 {
            return Err(bad("closed mid-request"));
        }
        raw.extend_from_slice(&chunk[..n]);
    };
    let head = String::from_utf8_lossy(&raw[..head_end]).into_owned();
    let path = head.split(' ').nth(1).ok_or_else(|| bad("no request target"))?;
    let path = path.split('?').next().unwrap_or(path).to_owned();
    let headers = header_lines(&head);
    if headers.iter().any(|(n, _)| n.eq_ignore_ascii_case("transfer-encoding")) {
        return Err(bad("chunked requests are not relayed"));
    }
    let length = content_length(&headers).unwrap_or(0);
    if length > MAX_REQUEST_BODY {
        return Err(bad("request body too large"));
    }
    while raw.len() < head_end + length {
        let n = stream.read(&mut chunk)?;
        if n == 0 {
            return Err(bad("closed mid-body"));
        }
        raw.extend_from_slice(&chunk[..n]);
    }
    // A client never pipelines here: anything past the body would be a second request.
    raw.truncate(head_end + length);
    Ok(Request { raw, path })
}

fn parse_answer(raw: &[u8]) -> Option<Answer> {
    let end = find(raw, b"\r\n\r\n")? + 4;
    let head = String::from_utf8_lossy(&raw[..end]).into_owned();
    let status = head.split(' ').nth(1)?.parse().ok()?;
    let headers: Vec<_> = header_lines(&head)
        .into_iter()
        .filter(|(n, _)| {
            !["content-length", "connection", "transfer-encoding", "keep-alive"]
                .iter()
                .any(|h| n.eq_ignore_ascii_case(h))
        })
        .collect();
    let mut body = raw[end..].to_vec();
    if let Some(length) = content_length(&header_lines(&head)) {
        if body.len() < length {
            return None;
        }
        body.truncate(length);
    }
    Some(Answer { status, headers, body })
}

fn head(status: u16, headers: &[(String, String)], length: usize, keep_alive: bool) -> Vec<u8> {
    let mut out = format!("HTTP/1.1 {status} {}\r\n", reason(status));
    for (n, v) in headers {
        out.push_str(&format!("{n}: {v}\r\n"));
    }
    out.push_str(&format!("Content-Length: {length}\r\n"));
    if !keep_alive {
        out.push_str("Connection: close\r\n");
    }
    out.push_str("\r\n");
    out.into_bytes()
}

fn write_answer(
    stream: &mut TcpStream,
    status: u16,
    headers: &[(String, String)],
    body: &[u8],
    keep_alive: bool,
) -> io::Result<()> {
    let mut bytes = head(status, headers, body.len(), keep_alive);
    bytes.extend_from_slice(body);
    stream.write_all(&bytes)?;
    stream.flush()
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        307 => "Temporary Redirect",
        400 => "Bad Request",
        401 => "Unauthorized",
        404 => "Not Found",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        _ => "Status",
    }
}

/// A loopback port where nothing listens, held for as long as this lives: a connection to it is
/// refused.
///
/// The port is bound and never listened on. A port bound and let go at once (the obvious way) can
/// be handed by the kernel to the next listener anybody opens (another provider's witness, relay or
/// sandbox: the campaign runs providers in parallel), and the "refused" connection then reaches it.
pub struct Refused {
    addr: SocketAddr,
    _socket: socket2::Socket,
}

impl Refused {
    /// Binds one on `127.0.0.1`.
    ///
    /// # Errors
    /// When no loopback socket can be opened.
    pub fn start() -> io::Result<Self> {
        use socket2::{Domain, Protocol, Socket, Type};
        let socket = Socket::new(Domain::IPV4, Type::STREAM, Some(Protocol::TCP))?;
        socket.bind(&SocketAddr::from(([127, 0, 0, 1], 0)).into())?;
        let addr = socket.local_addr()?.as_socket().ok_or_else(|| io::Error::other("not an inet socket"))?;
        Ok(Self { addr, _socket: socket })
    }

    /// Its address.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// Its base URL.
    pub fn base_url(&self) -> String {
        format!("http://{}", self.addr)
    }
}

/// A listener that counts the connections it gets and closes them at once: the "other host" of a
/// redirect, which nothing may reach.
pub struct Witness {
    addr: SocketAddr,
    connections: Arc<AtomicUsize>,
    stop: Arc<AtomicBool>,
}

impl Witness {
    /// Starts one on `127.0.0.1`.
    ///
    /// # Errors
    /// When no loopback socket can be opened.
    pub fn start() -> io::Result<Self> {
        let listener = TcpListener::bind("127.0.0.1:0")?;
        let addr = listener.local_addr()?;
        let connections = Arc::new(AtomicUsize::new(0));
        let stop = Arc::new(AtomicBool::new(false));
        let (c, s) = (Arc::clone(&connections), Arc::clone(&stop));
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                if s.load(Ordering::SeqCst) {
                    return;
                }
                if stream.is_ok() {
                    c.fetch_add(1, Ordering::SeqCst);
                }
            }
        });
        Ok(Self { addr, connections, stop })
    }

    /// Its base URL.
    pub fn base_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Connections it got.
    pub fn connections(&self) -> usize {
        self.connections.load(Ordering::SeqCst)
    }
}

impl Drop for Witness {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        let _ = TcpStream::connect_timeout(&self.addr, Duration::from_secs(1));
    }
}

/// A listening socket that never accepts, with its backlog full: a connection to it never
/// completes (the kernel drops the SYN), so the client's connect timeout decides.
pub struct Blackhole {
    addr: SocketAddr,
    _listener: socket2::Socket,
    _fillers: Vec<TcpStream>,
}

impl Blackhole {
    /// Opens one on `127.0.0.1` and fills its backlog.
    ///
    /// # Errors
    /// When no loopback socket can be opened, or the backlog could not be filled.
    pub fn start() -> io::Result<Self> {
        use socket2::{Domain, Protocol, Socket, Type};
        let socket = Socket::new(Domain::IPV4, Type::STREAM, Some(Protocol::TCP))?;
        socket.bind(&SocketAddr::from(([127, 0, 0, 1], 0)).into())?;
        socket.listen(0)?;
        let addr = socket.local_addr()?.as_socket().ok_or_else(|| io::Error::other("not an inet socket"))?;
        let mut fillers = Vec::new();
        for _ in 0..16 {
            match TcpStream::connect_timeout(&addr, Duration::from_millis(100)) {
                Ok(s) => fillers.push(s),
                Err(e) if e.kind() == io::ErrorKind::TimedOut || e.kind() == io::ErrorKind::WouldBlock => {
                    return Ok(Self { addr, _listener: socket, _fillers: fillers });
                }
                Err(e) => return Err(e),
            }
        }
        Err(io::Error::other("the backlog did not fill"))
    }

    /// Its base URL.
    pub fn base_url(&self) -> String {
        format!("http://{}", self.addr)
    }
}

/// A loopback TLS listener presenting a self-signed certificate (sign-core's test certificate),
/// which every client must refuse. Counts handshakes begun and application bytes received after a
/// handshake completed (there must be none).
pub struct TlsListener {
    addr: SocketAddr,
    handshakes: Arc<AtomicUsize>,
    app_bytes: Arc<AtomicUsize>,
    stop: Arc<AtomicBool>,
}

impl TlsListener {
    /// Starts one on `127.0.0.1`.
    ///
    /// # Errors
    /// When no loopback socket can be opened or the certificate does not load.
    pub fn start() -> io::Result<Self> {
        use rustls::pki_types::pem::PemObject;
        use rustls::pki_types::{CertificateDer, PrivateKeyDer};
        let cert = CertificateDer::from_pem_slice(include_bytes!(
            "../../../crates/sign-core/testdata/tls/self_signed_cert.pem"
        ))
        .map_err(io::Error::other)?;
        let key =
            PrivateKeyDer::from_pem_slice(include_bytes!("../../../crates/sign-core/testdata/tls/self_signed_key.pem"))
                .map_err(io::Error::other)?;
        let config = rustls::ServerConfig::builder_with_provider(Arc::new(rustls::crypto::ring::default_provider()))
            .with_safe_default_protocol_versions()
            .map_err(io::Error::other)?
            .with_no_client_auth()
            .with_single_cert(vec![cert], key)
            .map_err(io::Error::other)?;
        let config = Arc::new(config);
        let listener = TcpListener::bind("127.0.0.1:0")?;
        let addr = listener.local_addr()?;
        let handshakes = Arc::new(AtomicUsize::new(0));
        let app_bytes = Arc::new(AtomicUsize::new(0));
        let stop = Arc::new(AtomicBool::new(false));
        let (h, b, s) = (Arc::clone(&handshakes), Arc::clone(&app_bytes), Arc::clone(&stop));
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                if s.load(Ordering::SeqCst) {
                    return;
                }
                let Ok(mut stream) = stream else { continue };
                h.fetch_add(1, Ordering::SeqCst);
                let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
                let Ok(mut conn) = rustls::ServerConnection::new(Arc::clone(&config)) else { continue };
                let mut failed = false;
                while conn.is_handshaking() {
                    if conn.complete_io(&mut stream).is_err() {
                        failed = true;
                        break;
                    }
                }
                if !failed {
                    let mut tls = rustls::Stream::new(&mut conn, &mut stream);
                    let mut buf = [0u8; 4096];
                    while let Ok(n @ 1..) = tls.read(&mut buf) {
                        b.fetch_add(n, Ordering::SeqCst);
                    }
                }
            }
        });
        Ok(Self { addr, handshakes, app_bytes, stop })
    }

    /// Its base URL (`https://127.0.0.1:<port>`).
    pub fn base_url(&self) -> String {
        format!("https://{}", self.addr)
    }

    /// Handshakes begun.
    pub fn handshakes(&self) -> usize {
        self.handshakes.load(Ordering::SeqCst)
    }

    /// Application bytes received after a completed handshake.
    pub fn app_bytes(&self) -> usize {
        self.app_bytes.load(Ordering::SeqCst)
    }
}

impl Drop for TlsListener {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        let _ = TcpStream::connect_timeout(&self.addr, Duration::from_secs(1));
    }
}
