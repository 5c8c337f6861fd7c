//! # sandbox-server
//!
//! A tiny loopback HTTP/1.1 server for the paykit provider crates' sandboxes (their `sandbox`
//! feature). Test infrastructure, kept out of `sign-core` so that a production client never
//! compiles it.
//!
//! A sandbox is a plain function from [`HttpRequest`] to [`HttpResponse`] (sans-IO, so it can be
//! tested without sockets); this module only puts it behind a real socket on `127.0.0.1`. One
//! request per connection (`Connection: close`), a thread per connection, bodies by
//! `Content-Length` or chunked up to 10 MiB (`Expect: 100-continue` answered): enough for SDK clients and
//! curl, and small enough to own outright. Dropping the server closes its port before `drop`
//! returns.
//!
//! ## Faults on purpose
//!
//! Every provider sandbox owns a [`Faults`] plan: a late answer, an answer lost after processing, a
//! 5xx or a provider refusal, for the next call or the next call to a path (see [`Fault`]).
//!
//! ## Request log, front handler, address
//!
//! [`Hooks`] logs every request a sandbox serves with its [`Verdict`] (the sandbox's checks give
//! the reason with [`refuse_because`]) and the callbacks it sends, and answers some requests before
//! the provider (the standalone `paykit-sandbox` program's admin pages); [`Listen`] says where a
//! sandbox listens.
//!
//! ## What is bounded, and how
//!
//! Input is untrusted, and everything a client can make the server spend is bounded
//! (the limits marked *option* are set through [`SandboxOptions`]):
//!
//! - **Where it listens**: loopback addresses only. [`SandboxServer::start_on`] refuses any other
//!   address (`0.0.0.0`, a LAN address, a host name resolving to one) with an
//!   [`InvalidInput`](std::io::ErrorKind::InvalidInput) error before binding anything; serving
//!   beyond this machine takes [`SandboxOptions::allow_non_loopback`].
//! - **Requests**: a head over 64 KiB, a request not delivered within the read timeout (*option*,
//!   10 s; a deadline for the whole request, so trickling bytes does not extend it), a body over
//!   10 MiB (by `Content-Length` or `Transfer-Encoding: chunked`; another transfer coding is a
//!   `501`, a length beside a coding a `400`) or a malformed request line, header or chunk is
//!   answered with a 4xx status and never reaches the handler. Writing an answer may block for at
//!   most 10 s.
//! - **Handler time** (*option*, 30 s): the handler runs on a thread of its own and the
//!   connection waits for it at most that long, then answers `504`. A handler cannot be stopped
//!   from outside, so an overrunning handler's thread is *abandoned*: it runs on until the
//!   handler returns, and its answer is dropped. A handler that panics is answered `500`.
//! - **Connections** (*option*, [`MAX_CONNECTIONS`]): when every slot is taken, the oldest
//!   connection that is not in its handler (still delivering its request, or being answered and
//!   closed) is shut down without an answer to make room, so slow clients cannot starve the
//!   server. Only when every slot is waiting for its handler is a new connection answered `503`
//!   at once; its request is then read and dropped (up to 1 MiB, 2 s) on a thread of its own
//!   before the close, so that the client reads the `503` instead of a reset.
//! - **Handler threads**: at most `max_connections` at once, abandoned ones included; while that
//!   many run, a request is answered `503` without calling the handler.
//! - **Accept failures** (running out of file descriptors, say): the acceptor backs off, from
//!   5 ms doubling up to 1 s and back to 5 ms after the next success, instead of spinning.

mod faults;
pub mod hooks;

pub use faults::{Fault, Faults, is_lost_answer};
pub use hooks::{Direction, Hooks, LoggedRequest, Verdict, refuse_because};

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{IpAddr, Shutdown, SocketAddr, TcpListener, TcpStream, ToSocketAddrs};
use std::panic::AssertUnwindSafe;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError, mpsc};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use sign_core::{HttpRequest, HttpResponse, Method};

/// The largest request body the server reads.
const MAX_BODY: usize = 10 * 1024 * 1024;
/// The largest request head (request line and headers).
const MAX_HEAD: usize = 64 * 1024;
/// How long writing the answer may block on a client that does not read.
const WRITE_TIMEOUT: Duration = Duration::from_secs(10);
/// How much unread input is read and dropped before closing, and for how long at most.
const MAX_DRAIN: u64 = 1024 * 1024;
const DRAIN_TIMEOUT: Duration = Duration::from_secs(2);
/// Connections turned away while busy that wait for the refuser thread; beyond that many, one is
/// closed at once (under a flood a reset is acceptable; a stalled acceptor is not).
const REFUSALS_QUEUED: usize = 64;
/// The first and the longest pause after a failed `accept`.
const ACCEPT_BACKOFF_MIN: Duration = Duration::from_millis(5);
const ACCEPT_BACKOFF_MAX: Duration = Duration::from_secs(1);
/// The default for [`SandboxOptions::max_connections`]: the most connections served at once.
pub const MAX_CONNECTIONS: usize = 64;

type Handler = dyn Fn(HttpRequest) -> HttpResponse + Send + Sync;

/// How a [`SandboxServer`] listens and what it bounds; see the [crate docs](crate) for what each
/// limit protects against.
///
/// ```
/// use std::time::Duration;
/// use sandbox_server::{SandboxOptions, SandboxServer};
/// use sign_core::HttpResponse;
///
/// let options = SandboxOptions::default().handler_timeout(Duration::from_secs(5)).max_connections(16);
/// let server = SandboxServer::start_with("127.0.0.1:0", options, |_req| HttpResponse::new(200, "ok"))?;
/// assert!(server.base_url().starts_with("http://127.0.0.1:"));
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Clone)]
pub struct SandboxOptions {
    allow_non_loopback: bool,
    handler_timeout: Duration,
    read_timeout: Duration,
    max_connections: usize,
    on_refused: Option<RefusedSink>,
}

/// Where [`SandboxOptions::on_refused`] lines go.
type RefusedSink = Arc<dyn Fn(&str) + Send + Sync>;

impl std::fmt::Debug for SandboxOptions {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SandboxOptions")
            .field("allow_non_loopback", &self.allow_non_loopback)
            .field("handler_timeout", &self.handler_timeout)
            .field("read_timeout", &self.read_timeout)
            .field("max_connections", &self.max_connections)
            .field("on_refused", &self.on_refused.is_some())
            .finish()
    }
}

impl Default for SandboxOptions {
    fn default() -> Self {
        Self {
            allow_non_loopback: false,
            handler_timeout: Duration::from_secs(30),
            read_timeout: Duration::from_secs(10),
            max_connections: MAX_CONNECTIONS,
            on_refused: None,
        }
    }
}

impl SandboxOptions {
    /// Whether an address other than a loopback one may be bound (default `false`). A sandbox
    /// reachable from the network serves anyone who finds it: say so only on purpose.
    #[must_use]
    pub fn allow_non_loopback(mut self, allow: bool) -> Self {
        self.allow_non_loopback = allow;
        self
    }

    /// How long the handler may take before the client is answered `504` and the handler's
    /// thread is abandoned (default 30 s).
    #[must_use]
    pub fn handler_timeout(mut self, timeout: Duration) -> Self {
        self.handler_timeout = timeout;
        self
    }

    /// Calls `say` with a line for each request the server answers itself, before any handler
    /// (malformed, too large, too slow, a method not served): `"HEAD /x -> 405 refused before any
    /// handler: method HEAD is not served: ..."`, method and path (no query) when they were read.
    /// Such requests never reach the sandbox, so its request log cannot hold them; a program
    /// serving sandboxes prints these lines beside it.
    #[must_use]
    pub fn on_refused(mut self, say: impl Fn(&str) + Send + Sync + 'static) -> Self {
        self.on_refused = Some(Arc::new(say));
        self
    }

    /// How long a client may take to deliver its whole request, head and body, before it is
    /// answered `408` (default 10 s).
    #[must_use]
    pub fn read_timeout(mut self, timeout: Duration) -> Self {
        self.read_timeout = timeout;
        self
    }

    /// The most connections served at once, and the most handler threads running at once
    /// (default [`MAX_CONNECTIONS`]; `0` counts as `1`).
    #[must_use]
    pub fn max_connections(mut self, max: usize) -> Self {
        self.max_connections = max.max(1);
        self
    }
}

/// Where a provider sandbox listens: an address and the [`SandboxOptions`] (default: a free port
/// of `127.0.0.1`). The provider sandboxes' builders take one, so that a program can serve them
/// on ports of its choosing.
///
/// ```
/// use sandbox_server::{Listen, SandboxOptions};
/// use sign_core::HttpResponse;
///
/// let server = Listen::new("127.0.0.1:0").options(SandboxOptions::default()).start(|_| HttpResponse::new(200, ""))?;
/// assert!(server.base_url().starts_with("http://127.0.0.1:"));
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct Listen {
    addr: String,
    options: SandboxOptions,
}

impl Default for Listen {
    fn default() -> Self {
        Self::new("127.0.0.1:0")
    }
}

impl Listen {
    /// Listens on `addr` (`host:port`; port 0 for a free one) with the default options: a
    /// non-loopback address is refused unless the options allow it.
    pub fn new(addr: impl Into<String>) -> Self {
        Self { addr: addr.into(), options: SandboxOptions::default() }
    }

    /// Uses `options`.
    #[must_use]
    pub fn options(mut self, options: SandboxOptions) -> Self {
        self.options = options;
        self
    }

    /// The address to listen on.
    pub fn addr(&self) -> &str {
        &self.addr
    }

    /// Starts serving `handler` here ([`SandboxServer::start_with`]).
    pub fn start<H>(&self, handler: H) -> std::io::Result<SandboxServer>
    where
        H: Fn(HttpRequest) -> HttpResponse + Send + Sync + 'static,
    {
        SandboxServer::start_with(self.addr.as_str(), self.options.clone(), handler)
    }
}

/// A running loopback server. Dropping it stops the server.
pub struct SandboxServer {
    base_url: String,
    addr: SocketAddr,
    stop: Arc<AtomicBool>,
    shared: Arc<Shared>,
    acceptor: Option<JoinHandle<()>>,
}

impl std::fmt::Debug for SandboxServer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SandboxServer").field("base_url", &self.base_url).finish()
    }
}

impl SandboxServer {
    /// Starts serving `handler` on a free port of `127.0.0.1`, with the default
    /// [`SandboxOptions`].
    pub fn start<H>(handler: H) -> std::io::Result<Self>
    where
        H: Fn(HttpRequest) -> HttpResponse + Send + Sync + 'static,
    {
        Self::start_on("127.0.0.1:0", handler)
    }

    /// Starts serving `handler` on `addr`, with the default [`SandboxOptions`].
    ///
    /// `addr` must be a loopback address such as `127.0.0.1:8080`, `[::1]:8080` or
    /// `localhost:8080`; anything else is refused with an error of kind
    /// [`InvalidInput`](std::io::ErrorKind::InvalidInput) (see
    /// [`SandboxOptions::allow_non_loopback`]).
    pub fn start_on<A, H>(addr: A, handler: H) -> std::io::Result<Self>
    where
        A: ToSocketAddrs,
        H: Fn(HttpRequest) -> HttpResponse + Send + Sync + 'static,
    {
        Self::start_with(addr, SandboxOptions::default(), handler)
    }

    /// Starts serving `handler` on `addr` with `options`.
    ///
    /// Every address `addr` resolves to must be a loopback one unless
    /// [`SandboxOptions::allow_non_loopback`] is set; the addresses checked are the ones bound.
    pub fn start_with<A, H>(addr: A, options: SandboxOptions, handler: H) -> std::io::Result<Self>
    where
        A: ToSocketAddrs,
        H: Fn(HttpRequest) -> HttpResponse + Send + Sync + 'static,
    {
        let addrs: Vec<SocketAddr> = addr.to_socket_addrs()?.collect();
        if addrs.is_empty() {
            return Err(std::io::Error::new(std::io::ErrorKind::InvalidInput, "sandbox address resolves to nothing"));
        }
        if !options.allow_non_loopback {
            if let Some(outside) = addrs.iter().find(|a| !is_loopback(a.ip())) {
                return Err(std::io::Error::new(
                    std::io::ErrorKind::InvalidInput,
                    format!(
                        "sandbox server refuses to listen on {outside}, which is not a loopback address; \
                         set SandboxOptions::allow_non_loopback to serve beyond this machine"
                    ),
                ));
            }
        }
        let listener = TcpListener::bind(&addrs[..])?;
        let addr = listener.local_addr()?;
        let base_url = format!("http://{addr}");
        let stop = Arc::new(AtomicBool::new(false));
        let shared = Arc::new(Shared {
            base: base_url.clone(),
            handler: Arc::new(handler),
            options,
            connections: Mutex::new(Connections::default()),
            handlers: AtomicUsize::new(0),
        });
        let acceptor = {
            let stop = Arc::clone(&stop);
            let shared = Arc::clone(&shared);
            let refuser = Refuser::start();
            std::thread::Builder::new().name("sandbox-accept".into()).spawn(move || {
                accept_loop(
                    &stop,
                    || listener.accept().map(|(stream, _)| stream),
                    |stream| admit(&shared, &refuser, stream),
                );
            })?
        };
        Ok(Self { base_url, addr, stop, shared, acceptor: Some(acceptor) })
    }

    /// The server's base URL, e.g. `http://127.0.0.1:41234`.
    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// How many connections are being served right now (at most
    /// [`SandboxOptions::max_connections`], [`MAX_CONNECTIONS`] by default).
    pub fn active_connections(&self) -> usize {
        self.shared.connections().list.len()
    }
}

impl Drop for SandboxServer {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        if let Some(acceptor) = &self.acceptor {
            // Cut short a back-off pause.
            acceptor.thread().unpark();
        }
        // Wake the blocking accept so the thread sees the flag and drops the listener.
        let mut wake = self.addr;
        if wake.ip().is_unspecified() {
            wake.set_ip(match wake.ip() {
                IpAddr::V4(_) => IpAddr::V4(std::net::Ipv4Addr::LOCALHOST),
                IpAddr::V6(_) => IpAddr::V6(std::net::Ipv6Addr::LOCALHOST),
            });
        }
        if let Ok(s) = TcpStream::connect_timeout(&wake, Duration::from_secs(1)) {
            let _ = s.shutdown(Shutdown::Both);
        }
        if let Some(acceptor) = self.acceptor.take() {
            let _ = acceptor.join();
        }
    }
}

/// Loopback, including IPv4 loopback written as an IPv4-mapped IPv6 address.
fn is_loopback(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => v4.is_loopback(),
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(v6.is_loopback(), |v4| v4.is_loopback()),
    }
}

/// What the acceptor and the connection threads share.
struct Shared {
    base: String,
    handler: Arc<Handler>,
    options: SandboxOptions,
    connections: Mutex<Connections>,
    /// Handler threads running, abandoned ones included.
    handlers: AtomicUsize,
}

impl Shared {
    fn connections(&self) -> MutexGuard<'_, Connections> {
        // The lock is never held across user code, but a poisoned list is still a valid list.
        self.connections.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// Where a connection is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    /// Delivering its request: the client sets the pace. Evictable.
    Reading,
    /// Waiting for the handler (bounded by the handler timeout). Not evictable.
    Handling,
    /// Being answered and closed: the client sets the pace again. Evictable.
    Finishing,
}

/// The connections being served, oldest first.
#[derive(Default)]
struct Connections {
    next_id: u64,
    list: Vec<Connection>,
}

struct Connection {
    id: u64,
    phase: Phase,
    /// A handle on the socket, to shut it down from the acceptor when evicted.
    stream: TcpStream,
}

/// A connection's place in [`Connections`], given up when dropped whatever happens to the
/// thread (unless it was evicted first).
struct Slot {
    shared: Arc<Shared>,
    id: u64,
}

impl Slot {
    /// Moves to `phase`; `false` if the connection was evicted meanwhile (its socket is shut
    /// down: there is no one left to answer).
    fn enter(&self, phase: Phase) -> bool {
        let mut connections = self.shared.connections();
        match connections.list.iter_mut().find(|c| c.id == self.id) {
            Some(c) => {
                c.phase = phase;
                true
            }
            None => false,
        }
    }
}

impl Drop for Slot {
    fn drop(&mut self) {
        self.shared.connections().list.retain(|c| c.id != self.id);
    }
}

/// Accepts until `stop` is set, handing each connection to `serve`. A failed `accept` (out of
/// file descriptors, say) would fail again at once, so it is followed by a pause, doubling from
/// [`ACCEPT_BACKOFF_MIN`] to [`ACCEPT_BACKOFF_MAX`] while failures go on; a success resets it.
/// The pause ends early when `stop` is set and the thread is unparked.
fn accept_loop<C>(stop: &AtomicBool, mut accept: impl FnMut() -> std::io::Result<C>, mut serve: impl FnMut(C)) {
    let mut backoff = Backoff::default();
    loop {
        let accepted = accept();
        if stop.load(Ordering::SeqCst) {
            break;
        }
        match accepted {
            Ok(connection) => {
                backoff.reset();
                serve(connection);
            }
            Err(_) => {
                let until = Instant::now() + backoff.next_pause();
                while !stop.load(Ordering::SeqCst) {
                    let left = until.saturating_duration_since(Instant::now());
                    if left.is_zero() {
                        break;
                    }
                    std::thread::park_timeout(left);
                }
            }
        }
    }
}

/// The pauses after consecutive accept failures.
#[derive(Debug, Default)]
struct Backoff {
    failures: u32,
}

impl Backoff {
    fn next_pause(&mut self) -> Duration {
        let pause = ACCEPT_BACKOFF_MIN.saturating_mul(1 << self.failures.min(16)).min(ACCEPT_BACKOFF_MAX);
        self.failures = self.failures.saturating_add(1);
        pause
    }

    fn reset(&mut self) {
        self.failures = 0;
    }
}

/// Gives an accepted connection a slot and a thread, making room by evicting the oldest
/// connection not in its handler, or answers `503` when every slot waits for a handler.
fn admit(shared: &Arc<Shared>, refuser: &Refuser, stream: TcpStream) {
    let slot = {
        let mut connections = shared.connections();
        if connections.list.len() >= shared.options.max_connections {
            match connections.list.iter().position(|c| c.phase != Phase::Handling) {
                Some(oldest) => {
                    let evicted = connections.list.remove(oldest);
                    // Its thread's pending read returns at once, and its writes fail.
                    let _ = evicted.stream.shutdown(Shutdown::Both);
                }
                None => {
                    drop(connections);
                    refuser.refuse(stream);
                    return;
                }
            }
        }
        let Ok(handle) = stream.try_clone() else {
            drop(connections);
            refuser.refuse(stream);
            return;
        };
        let id = connections.next_id;
        connections.next_id += 1;
        connections.list.push(Connection { id, phase: Phase::Reading, stream: handle });
        Slot { shared: Arc::clone(shared), id }
    };
    // If the thread cannot start, the closure is dropped and the slot with it.
    let _ = std::thread::Builder::new().name("sandbox-conn".into()).spawn(move || {
        serve_connection(&stream, &slot);
    });
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

/// Waits on `changed` until `done` holds for the guarded state or `timeout` passes (any
/// `Duration`, `Duration::MAX` included), and returns the guard either way: the sandboxes'
/// `wait_for_deliveries` (a timeout is not an error there; the caller checks the state).
pub fn wait_for<'a, T>(
    mut guard: MutexGuard<'a, T>,
    changed: &Condvar,
    timeout: Duration,
    done: impl Fn(&T) -> bool,
) -> MutexGuard<'a, T> {
    let deadline = deadline_after(timeout);
    loop {
        let now = Instant::now();
        if done(&guard) || now >= deadline {
            return guard;
        }
        guard = match changed.wait_timeout(guard, deadline - now) {
            Ok((guard, _)) => guard,
            Err(poisoned) => poisoned.into_inner().0,
        };
    }
}

/// Polls `done` every few milliseconds until it holds or `within` passes (any `Duration`), and
/// says whether it held: for what a sandbox does in the background, such as a handler still running
/// after its client gave up on a delayed answer, or a callback on its way.
pub fn poll_until(within: Duration, mut done: impl FnMut() -> bool) -> bool {
    let deadline = deadline_after(within);
    loop {
        if done() {
            return true;
        }
        if Instant::now() >= deadline {
            return false;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
}

/// `timeout` from now, or as far as the clock goes.
fn deadline_after(timeout: Duration) -> Instant {
    let now = Instant::now();
    now.checked_add(timeout).or_else(|| now.checked_add(Duration::from_secs(365 * 24 * 3600))).unwrap_or(now)
}

fn serve_connection(stream: &TcpStream, slot: &Slot) {
    let shared = &slot.shared;
    let _ = stream.set_write_timeout(Some(WRITE_TIMEOUT));
    let mut reader = BufReader::new(DeadlineStream { stream, deadline: deadline_after(shared.options.read_timeout) });
    // A client that sent `Expect: 100-continue` (curl, for larger bodies) waits for this before
    // sending the body.
    let mut send_continue = || {
        let mut writer = stream;
        let _ = writer.write_all(b"HTTP/1.1 100 Continue\r\n\r\n");
    };
    let mut seen = None;
    let response = match read_request(&mut reader, &shared.base, &mut send_continue, &mut seen) {
        Ok(request) => {
            if !slot.enter(Phase::Handling) {
                return;
            }
            run_handler(shared, request)
        }
        Err(Refused { status, why }) => {
            // A connection closed without a byte (a port probe) has no reason: not said.
            if let Some(say) = shared.options.on_refused.as_ref().filter(|_| !why.is_empty()) {
                let what = seen.as_deref().unwrap_or("(unreadable request)");
                say(&format!("{what} -> {status} refused before any handler: {why}"));
            }
            HttpResponse::new(status, reason(status))
        }
    };
    if !slot.enter(Phase::Finishing) {
        return;
    }
    if faults::is_lost_answer(&response) {
        // Fault::LoseAnswer: processed, and the answer never leaves.
        let _ = stream.shutdown(Shutdown::Both);
        return;
    }
    let mut writer = stream;
    let _ = write_response(&mut writer, &response);
    let _ = writer.flush();
    close_gracefully(stream, reader.into_inner());
}

/// One of the handler threads, counted until dropped.
struct HandlerThread(Arc<Shared>);

impl Drop for HandlerThread {
    fn drop(&mut self) {
        self.0.handlers.fetch_sub(1, Ordering::SeqCst);
    }
}

/// Runs the handler on a thread of its own and waits for it at most the handler timeout. A
/// handler still running then is abandoned: its thread goes on (and keeps counting against the
/// handler threads) until the handler returns; its answer is dropped.
fn run_handler(shared: &Arc<Shared>, request: HttpRequest) -> HttpResponse {
    if shared.handlers.fetch_add(1, Ordering::SeqCst) >= shared.options.max_connections {
        shared.handlers.fetch_sub(1, Ordering::SeqCst);
        return HttpResponse::new(503, "sandbox busy: too many handlers still running");
    }
    let running = HandlerThread(Arc::clone(shared));
    let handler = Arc::clone(&shared.handler);
    let (tx, rx) = mpsc::sync_channel(1);
    // If the thread cannot start, the closure is dropped with `running` and `tx`: answered 500.
    let _ = std::thread::Builder::new().name("sandbox-handler".into()).spawn(move || {
        // A bug in a sandbox must not look like a network failure to the client under test.
        let response = std::panic::catch_unwind(AssertUnwindSafe(|| handler(request)))
            .unwrap_or_else(|_| HttpResponse::new(500, "sandbox handler panicked"));
        // Uncounted before answering, so that a finished handler never makes the next one 503.
        drop(running);
        let _ = tx.send(response);
    });
    match rx.recv_timeout(shared.options.handler_timeout) {
        Ok(response) => response,
        Err(mpsc::RecvTimeoutError::Timeout) => HttpResponse::new(
            504,
            format!("sandbox handler did not answer within {:?}", shared.options.handler_timeout),
        ),
        Err(mpsc::RecvTimeoutError::Disconnected) => HttpResponse::new(500, "sandbox handler did not run"),
    }
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

/// Turns connections away with a `503` while every slot waits for its handler, off the acceptor's
/// thread: the refused client may still be sending its request, and closing on unread input
/// would be a reset that can destroy the `503` before the client reads it (the same lingering
/// close as [`close_gracefully`]). Draining takes up to [`DRAIN_TIMEOUT`], so it happens on a
/// thread of its own, which ends when the acceptor does.
struct Refuser {
    queue: Option<mpsc::SyncSender<TcpStream>>,
}

impl Refuser {
    fn start() -> Self {
        let (tx, rx) = mpsc::sync_channel::<TcpStream>(REFUSALS_QUEUED);
        // Without that thread, `refuse` closes at once (the reset the thread avoids).
        let started = std::thread::Builder::new().name("sandbox-refuse".into()).spawn(move || {
            for stream in rx {
                refuse_busy(&stream);
                let rest = DeadlineStream { stream: &stream, deadline: deadline_after(DRAIN_TIMEOUT) };
                close_gracefully(&stream, rest);
            }
        });
        Self { queue: started.is_ok().then_some(tx) }
    }

    /// Answers `503` and closes, after draining on the refuser thread when it has room.
    fn refuse(&self, stream: TcpStream) {
        let stream = match &self.queue {
            Some(queue) => match queue.try_send(stream) {
                Ok(()) => return,
                Err(mpsc::TrySendError::Full(stream) | mpsc::TrySendError::Disconnected(stream)) => stream,
            },
            None => stream,
        };
        refuse_busy(&stream);
        let _ = stream.shutdown(Shutdown::Both);
    }
}

/// Writes the `503` that turns a connection away (every slot waits for its handler).
fn refuse_busy(stream: &TcpStream) {
    let _ = stream.set_write_timeout(Some(WRITE_TIMEOUT));
    let mut writer = stream;
    let _ = write_response(&mut writer, &HttpResponse::new(503, "sandbox busy"));
}

fn is_token(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b))
}

/// Why the server answered a request itself, before any handler: the status and the reason in
/// words (for [`SandboxOptions::on_refused`]).
#[derive(Debug, Clone, PartialEq, Eq)]
struct Refused {
    status: u16,
    why: String,
}

fn refused(status: u16, why: impl Into<String>) -> Refused {
    Refused { status, why: why.into() }
}

/// A read that failed: a 408 past the request's deadline, else a 400.
fn read_failed(e: &std::io::Error, what: &str) -> Refused {
    match e.kind() {
        std::io::ErrorKind::TimedOut | std::io::ErrorKind::WouldBlock => {
            refused(408, format!("{what} was not delivered within the read timeout"))
        }
        _ => refused(400, format!("the connection failed while reading {what}: {e}")),
    }
}

/// Reads one request. `seen` gets its method and path (no query) once the request line is read,
/// and `started` whether any byte came at all, for the refusal's log line.
fn read_request<R: Read>(
    reader: &mut BufReader<R>,
    base: &str,
    send_continue: &mut dyn FnMut(),
    seen: &mut Option<String>,
) -> Result<HttpRequest, Refused> {
    let mut head_len = 0;
    let mut line = String::new();
    let mut read_line = |line: &mut String| -> Result<(), Refused> {
        line.clear();
        let limit = (MAX_HEAD - head_len) as u64;
        let read = reader.by_ref().take(limit).read_line(line);
        // Not a byte: a port probe, a browser's idle preconnection, a client that gave up: no
        // request to speak of (an empty reason is not said).
        let nothing = head_len == 0 && line.is_empty();
        let n = read.map_err(|e| match e.kind() {
            // Bytes came, and they were not UTF-8 (the line is left empty then).
            std::io::ErrorKind::InvalidData => refused(400, "the request head is not UTF-8"),
            _ if nothing => refused(read_failed(&e, "").status, ""),
            _ => read_failed(&e, "the request head"),
        })?;
        if n == 0 && nothing {
            return Err(refused(400, ""));
        }
        head_len += n;
        if head_len >= MAX_HEAD && !line.ends_with('\n') {
            return Err(refused(431, format!("the request head is over {} KiB", MAX_HEAD / 1024)));
        }
        if n == 0 || !line.ends_with('\n') {
            return Err(refused(
                400,
                "the connection ended before the request head did (no empty line after the headers)",
            ));
        }
        Ok(())
    };
    read_line(&mut line)?;
    let request_line = line.strip_suffix('\n').map(|l| l.strip_suffix('\r').unwrap_or(l)).unwrap_or(&line);
    let not_a_request_line = || refused(400, "the request line is not `METHOD /path HTTP/1.1`");
    let mut parts = request_line.split(' ');
    let (Some(method), Some(target), Some(version), None) = (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(not_a_request_line());
    };
    if !is_token(method) || !matches!(version, "HTTP/1.1" | "HTTP/1.0") {
        return Err(not_a_request_line());
    }
    // Origin form only: anything else would be glued onto the base URL as a bogus URL.
    if !target.starts_with('/') || !target.bytes().all(|b| b.is_ascii_graphic()) {
        return Err(refused(
            400,
            "the target must be a path starting with `/`, in printable ASCII (percent-encode the rest)",
        ));
    }
    *seen = Some(format!("{method} {}", target.split('?').next().unwrap_or(target)));
    let method = match method {
        "GET" => Method::Get,
        "POST" => Method::Post,
        "PUT" => Method::Put,
        "DELETE" => Method::Delete,
        other => {
            return Err(refused(
                405,
                format!("method {other} is not served: the sandboxes take GET, POST, PUT and DELETE"),
            ));
        }
    };
    let mut request = HttpRequest::new(method, format!("{base}{target}"));
    loop {
        read_line(&mut line)?;
        let header = line.strip_suffix('\n').map(|l| l.strip_suffix('\r').unwrap_or(l)).unwrap_or(&line);
        if header.is_empty() {
            break;
        }
        let malformed = || {
            refused(
                400,
                "a header line is not `Name: value` (no space before the colon, no folding, no control characters)",
            )
        };
        let (name, value) = header.split_once(':').ok_or_else(malformed)?;
        let value = value.trim_matches([' ', '\t']);
        // No white space before the colon (RFC 9112 5.1), no folding, no control characters.
        if !is_token(name) || value.chars().any(|c| c.is_ascii_control() && c != '\t') {
            return Err(malformed());
        }
        request.headers.push((name.to_owned(), value.to_owned()));
    }
    // `Transfer-Encoding: chunked` is how many clients send a body whose length they do not state
    // (Node's `http.request` written then ended, Java's chunked streaming mode, Go's `io.Reader`
    // bodies): read it. Any other coding is not served (501); a length beside it is the shape of
    // request smuggling (RFC 9112 6.1): refused, never guessed.
    let mut codings = request.headers.iter().filter(|(n, _)| n.eq_ignore_ascii_case("transfer-encoding"));
    let chunked = match (codings.next(), codings.next()) {
        (None, _) => false,
        (Some((_, coding)), None) if coding.eq_ignore_ascii_case("chunked") => true,
        (Some((_, coding)), None) => {
            return Err(refused(
                501,
                format!("Transfer-Encoding {coding:?} is not served: send the body chunked or with a Content-Length"),
            ));
        }
        (Some(_), Some(_)) => return Err(refused(400, "Transfer-Encoding is sent twice")),
    };
    if chunked {
        if request.header("content-length").is_some() {
            return Err(refused(400, "both Content-Length and Transfer-Encoding are sent: send one"));
        }
        if request.header("expect").is_some_and(|v| v.eq_ignore_ascii_case("100-continue")) {
            send_continue();
        }
        request.body = read_chunked(reader)?;
        return Ok(request);
    }
    let mut length = None;
    for (_, value) in request.headers.iter().filter(|(n, _)| n.eq_ignore_ascii_case("content-length")) {
        // Digits only (`usize::from_str` would take `+1`); copies must agree.
        let n = value
            .bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| value.parse::<u64>().ok())
            .flatten()
            .ok_or_else(|| refused(400, format!("Content-Length {value:?} is not a number of bytes")))?;
        if length.is_some_and(|l| l != n) {
            return Err(refused(400, "two Content-Length headers disagree"));
        }
        length = Some(n);
    }
    let length = length.unwrap_or(0);
    if length > MAX_BODY as u64 {
        return Err(refused(413, format!("the body is over {} MiB", MAX_BODY >> 20)));
    }
    if length > 0 && request.header("expect").is_some_and(|v| v.eq_ignore_ascii_case("100-continue")) {
        send_continue();
    }
    // Grown as bytes arrive: an announced length is not a reason to allocate it up front.
    let mut body = Vec::new();
    reader.by_ref().take(length).read_to_end(&mut body).map_err(|e| read_failed(&e, "the body"))?;
    if body.len() as u64 != length {
        return Err(refused(400, format!("the body ended after {} of its Content-Length {length} bytes", body.len())));
    }
    request.body = body;
    Ok(request)
}

/// The longest chunk-size line (the size in hex and any chunk extensions) and trailer section read.
const MAX_CHUNK_LINE: u64 = 4096;

/// Reads a chunked body (RFC 9112 7.1): chunks up to the zero-size one, then the trailer fields,
/// which are read and dropped. At most [`MAX_BODY`] bytes of data (413 beyond); anything malformed
/// is a 400, a client too slow for the request's deadline a 408.
fn read_chunked<R: Read>(reader: &mut BufReader<R>) -> Result<Vec<u8>, Refused> {
    let malformed = |what: &str| refused(400, format!("malformed chunked body: {what}"));
    let line = |reader: &mut BufReader<R>, max: u64, what: &str| -> Result<Vec<u8>, Refused> {
        let mut line = Vec::new();
        let n = reader.by_ref().take(max).read_until(b'\n', &mut line).map_err(|e| read_failed(&e, "the body"))?;
        // Cut short by the bound, or by the end of the input: not a whole line. A bare LF ends a
        // line too, as in the head.
        if n == 0 || line.pop() != Some(b'\n') {
            return Err(malformed(what));
        }
        if line.last() == Some(&b'\r') {
            line.pop();
        }
        Ok(line)
    };
    let too_big = || refused(413, format!("the body is over {} MiB", MAX_BODY >> 20));
    let mut body = Vec::new();
    loop {
        let size_line = line(reader, MAX_CHUNK_LINE, "a chunk size line is cut short or too long")?;
        // The size, then optional `;name=value` extensions (ignored).
        let end = size_line.iter().position(|b| *b == b';').unwrap_or(size_line.len());
        let size = std::str::from_utf8(&size_line[..end]).unwrap_or("?").trim_end_matches([' ', '\t']);
        if size.is_empty() || !size.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(malformed("a chunk size is not hexadecimal"));
        }
        // Too many digits for a u64 is too big for the body as well.
        let size = u64::from_str_radix(size, 16).map_err(|_| too_big())?;
        if size == 0 {
            break;
        }
        if body.len() as u64 + size > MAX_BODY as u64 {
            return Err(too_big());
        }
        let before = body.len();
        reader.by_ref().take(size).read_to_end(&mut body).map_err(|e| read_failed(&e, "the body"))?;
        if (body.len() - before) as u64 != size {
            return Err(malformed("the body ended inside a chunk"));
        }
        if !line(reader, 2, "a chunk is longer than its size")?.is_empty() {
            return Err(malformed("a chunk is longer than its size"));
        }
    }
    // Trailer fields up to the empty line, bounded like a head.
    let mut trailers = 0;
    loop {
        let field = line(reader, MAX_CHUNK_LINE, "the body ended before its last empty line")?;
        if field.is_empty() {
            return Ok(body);
        }
        trailers += field.len();
        if trailers > MAX_HEAD {
            return Err(refused(431, format!("the trailer fields are over {} KiB", MAX_HEAD / 1024)));
        }
    }
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
        202 => "Accepted",
        204 => "No Content",
        400 => "Bad Request",
        401 => "Unauthorized",
        402 => "Payment Required",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        409 => "Conflict",
        411 => "Length Required",
        413 => "Content Too Large",
        415 => "Unsupported Media Type",
        422 => "Unprocessable Content",
        429 => "Too Many Requests",
        431 => "Request Header Fields Too Large",
        500 => "Internal Server Error",
        501 => "Not Implemented",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        // Any other status the sandboxes or a planned fault answer: the class's name, not a wrong one.
        _ => match status / 100 {
            1 => "Informational",
            2 => "Success",
            3 => "Redirection",
            4 => "Client Error",
            _ => "Server Error",
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn polling_stops_when_done_or_at_the_deadline() {
        let mut calls = 0;
        assert!(poll_until(Duration::MAX, || {
            calls += 1;
            calls == 3
        }));
        assert_eq!(calls, 3);
        assert!(!poll_until(Duration::ZERO, || false));
    }

    #[test]
    fn waiting_for_deliveries_takes_any_timeout_and_wakes_on_a_change() {
        let state = Arc::new((Mutex::new(0u32), Condvar::new()));
        // Duration::MAX overflowed `Instant::now() + timeout` (a panic in the sandboxes' waits).
        let guard = wait_for(state.0.lock().unwrap(), &state.1, Duration::MAX, |n| *n == 0);
        assert_eq!(*guard, 0);
        drop(guard);
        let bumper = {
            let state = Arc::clone(&state);
            std::thread::spawn(move || {
                *state.0.lock().unwrap() = 3;
                state.1.notify_all();
            })
        };
        let guard = wait_for(state.0.lock().unwrap(), &state.1, Duration::MAX, |n| *n == 3);
        assert_eq!(*guard, 3);
        drop(guard);
        bumper.join().unwrap();
        // Not done by the deadline: the state as it is, no error.
        assert_eq!(*wait_for(state.0.lock().unwrap(), &state.1, Duration::ZERO, |n| *n == 7), 3);
    }

    #[test]
    fn a_request_not_delivered_by_the_deadline_is_408() {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let mut client = TcpStream::connect(listener.local_addr().unwrap()).unwrap();
        // Half a head, then nothing: a slow client trickling bytes.
        client.write_all(b"GET / HTTP/1.1\r\nX-Slow: 1").unwrap();
        let (server_side, _) = listener.accept().unwrap();
        // A deadline already passed stands in for ten seconds of trickling.
        let mut reader = BufReader::new(DeadlineStream { stream: &server_side, deadline: Instant::now() });
        assert_eq!(read_request(&mut reader, "http://127.0.0.1", &mut || {}, &mut None).unwrap_err().status, 408);
    }

    #[test]
    fn failing_accepts_back_off_instead_of_spinning() {
        // An acceptor failing like `accept` out of file descriptors (EMFILE): it fails again at
        // once, so a loop that only retries calls it millions of times a second.
        let stop = AtomicBool::new(false);
        let calls = AtomicUsize::new(0);
        std::thread::scope(|s| {
            let looper = s.spawn(|| {
                accept_loop(
                    &stop,
                    || {
                        // A spinning loop is stopped here, so that the test fails instead of hanging.
                        if calls.fetch_add(1, Ordering::SeqCst) + 1 >= 10_000 {
                            stop.store(true, Ordering::SeqCst);
                        }
                        Err::<(), _>(std::io::Error::other("too many open files"))
                    },
                    |()| unreachable!("nothing is accepted"),
                );
            });
            std::thread::sleep(Duration::from_millis(300));
            stop.store(true, Ordering::SeqCst);
            looper.thread().unpark();
            looper.join().unwrap();
        });
        // Pauses of 5, 10, 20, 40, 80, 160 ms: about 6 calls in 300 ms, fewer on a slow machine.
        let calls = calls.load(Ordering::SeqCst);
        assert!((2..=20).contains(&calls), "accept called {calls} times in 300 ms");
    }

    #[test]
    fn the_backoff_doubles_up_to_a_second_and_resets_on_success() {
        let mut backoff = Backoff::default();
        let pauses: Vec<u64> = (0..10).map(|_| backoff.next_pause().as_millis() as u64).collect();
        assert_eq!(pauses, [5, 10, 20, 40, 80, 160, 320, 640, 1000, 1000]);
        for _ in 0..100 {
            assert_eq!(backoff.next_pause(), ACCEPT_BACKOFF_MAX);
        }
        backoff.reset();
        assert_eq!(backoff.next_pause(), ACCEPT_BACKOFF_MIN);
    }

    #[test]
    fn the_status_line_names_the_status_answered() {
        // The admin interface's 409, the cashier page's 402, chainup's 415, a planned 502.
        for (status, name) in
            [(409, "Conflict"), (402, "Payment Required"), (415, "Unsupported Media Type"), (502, "Bad Gateway")]
        {
            let mut out = Vec::new();
            write_response(&mut out, &HttpResponse::new(status, "x")).unwrap();
            let head = String::from_utf8(out).unwrap();
            assert!(head.starts_with(&format!("HTTP/1.1 {status} {name}\r\n")), "{head}");
        }
        let mut out = Vec::new();
        write_response(&mut out, &HttpResponse::new(599, "x")).unwrap();
        assert!(out.starts_with(b"HTTP/1.1 599 Server Error\r\n"));
    }

    #[test]
    fn loopback_means_loopback_in_every_spelling() {
        for ip in ["127.0.0.1", "127.1.2.3", "::1", "::ffff:127.0.0.1"] {
            assert!(is_loopback(ip.parse().unwrap()), "{ip}");
        }
        for ip in ["0.0.0.0", "::", "10.0.0.1", "192.0.2.1", "::ffff:10.0.0.1", "fe80::1"] {
            assert!(!is_loopback(ip.parse().unwrap()), "{ip}");
        }
    }
}
