//! The server's own limits (issue 13): loopback only unless asked, a bounded handler time, and
//! no starvation by slow connections. (Accept back-off is tested in `src/lib.rs`, with a fake
//! acceptor.) Every test talks to `127.0.0.1` only; waits are bounded generously, so a slow
//! machine cannot fail them, and no test needs the server's default timeouts to expire.

use std::io::{ErrorKind, Read, Write};
use std::net::TcpStream;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

mod common;

use common::{PATIENCE, connect, exchange, status_of};
use sandbox_server::{SandboxOptions, SandboxServer};
use sign_core::{HttpRequest, HttpResponse};

fn ok(_req: HttpRequest) -> HttpResponse {
    HttpResponse::new(200, "ok")
}

fn wait_until(what: &str, done: impl Fn() -> bool) {
    let start = Instant::now();
    while !done() {
        assert!(start.elapsed() < PATIENCE, "still waiting for {what}");
        std::thread::sleep(Duration::from_millis(2));
    }
}

/// A gate handlers wait at until the test opens it (or a minute passes).
#[derive(Default)]
struct Gate {
    open: Mutex<bool>,
    opened: Condvar,
}

impl Gate {
    fn wait(&self) {
        let open = self.open.lock().unwrap();
        let _ = self.opened.wait_timeout_while(open, Duration::from_secs(60), |open| !*open).unwrap();
    }

    fn open(&self) {
        *self.open.lock().unwrap() = true;
        self.opened.notify_all();
    }
}

#[test]
fn non_loopback_addresses_are_refused_unless_allowed() {
    // Refused before anything is bound: these tests open no port beyond loopback.
    for addr in ["0.0.0.0:0", "[::]:0", "192.0.2.1:0", "[::ffff:192.0.2.1]:0"] {
        for result in
            [SandboxServer::start_on(addr, ok), SandboxServer::start_with(addr, SandboxOptions::default(), ok)]
        {
            let err = result.expect_err(addr);
            assert_eq!(err.kind(), ErrorKind::InvalidInput, "{addr}: {err}");
            assert!(err.to_string().contains("allow_non_loopback"), "{addr}: {err}");
        }
    }
    // Asked for, the address goes to `bind`, which fails for an address this machine lacks
    // (TEST-NET-1) with the system's own error, not the refusal.
    let allowed = SandboxServer::start_with("192.0.2.1:0", SandboxOptions::default().allow_non_loopback(true), ok);
    if let Err(err) = allowed {
        assert_ne!(err.kind(), ErrorKind::InvalidInput, "{err}");
    }
    // Loopback in its spellings still serves.
    for addr in ["127.0.0.1:0", "localhost:0"] {
        let server = SandboxServer::start_on(addr, ok).expect(addr);
        assert_eq!(status_of(&exchange(&server, b"GET / HTTP/1.1\r\n\r\n")), 200);
    }
}

#[test]
fn a_handler_that_overruns_is_answered_504_and_the_server_lives_on() {
    let gate = Arc::new(Gate::default());
    let server = {
        let gate = Arc::clone(&gate);
        let options = SandboxOptions::default().handler_timeout(Duration::from_millis(200));
        SandboxServer::start_with("127.0.0.1:0", options, move |req: HttpRequest| {
            if req.path() == "/stuck" {
                gate.wait();
            }
            HttpResponse::new(200, "done")
        })
        .unwrap()
    };
    // The handler would block for a minute; the client gets its answer long before.
    let answer = exchange(&server, b"GET /stuck HTTP/1.1\r\n\r\n");
    assert_eq!(status_of(&answer), 504, "{answer:?}");
    assert!(answer.starts_with("HTTP/1.1 504 Gateway Timeout\r\n"), "{answer:?}");
    // Its connection is gone; the abandoned handler does not hold up the next request.
    wait_until("the connection to close", || server.active_connections() == 0);
    assert_eq!(status_of(&exchange(&server, b"GET /fast HTTP/1.1\r\n\r\n")), 200);
    gate.open();
}

#[test]
fn slow_connections_cannot_starve_the_server() {
    // The read timeout is far beyond the test's patience: only evicting a slow connection lets
    // the request through in time.
    let options = SandboxOptions::default().max_connections(4).read_timeout(Duration::from_secs(600));
    let server = SandboxServer::start_with("127.0.0.1:0", options, ok).unwrap();
    // Every slot taken by a client that sends half a head and stalls.
    let stalled: Vec<TcpStream> = (0..4)
        .map(|_| {
            let mut s = connect(&server);
            s.write_all(b"GET / HTTP/1.1\r\nX-Slow: 1").unwrap();
            s
        })
        .collect();
    wait_until("the stalled connections to be served", || server.active_connections() == 4);
    // A normal request is served, promptly.
    let answer = exchange(&server, b"GET /ok HTTP/1.1\r\n\r\n");
    assert_eq!(status_of(&answer), 200, "{answer:?}");
    // To make room, the oldest stalled connection was closed, without an answer.
    let mut first = &stalled[0];
    let mut out = Vec::new();
    match first.read_to_end(&mut out) {
        Ok(_) => assert!(out.is_empty(), "{:?}", String::from_utf8_lossy(&out)),
        Err(err) => assert_eq!(err.kind(), ErrorKind::ConnectionReset, "{err}"),
    }
    assert!(server.active_connections() <= 4);
}

#[test]
fn a_client_turned_away_while_still_sending_reads_the_503_not_a_reset() {
    // Review I6: the refusal closed on unread input, a reset that can destroy the `503` (or fail
    // the client's write) before the client reads it. Like a real client, this one sends its
    // whole request first, with a body larger than the socket buffers hold unread.
    let gate = Arc::new(Gate::default());
    let entered = Arc::new(AtomicUsize::new(0));
    let server = {
        let (gate, entered) = (Arc::clone(&gate), Arc::clone(&entered));
        SandboxServer::start_with("127.0.0.1:0", SandboxOptions::default().max_connections(1), move |_req| {
            entered.fetch_add(1, Ordering::SeqCst);
            gate.wait();
            HttpResponse::new(200, "ok")
        })
        .unwrap()
    };
    std::thread::scope(|s| {
        let held = s.spawn(|| exchange(&server, b"GET /hold HTTP/1.1\r\n\r\n"));
        wait_until("the handler to run", || entered.load(Ordering::SeqCst) == 1);
        for round in 0..3 {
            let body = vec![b'x'; 768 * 1024];
            let mut request = format!("POST /refused HTTP/1.1\r\nContent-Length: {}\r\n\r\n", body.len()).into_bytes();
            request.extend_from_slice(&body);
            let mut extra = connect(&server);
            extra.set_write_timeout(Some(PATIENCE)).unwrap();
            let written = extra.write_all(&request);
            let mut out = Vec::new();
            let read = extra.read_to_end(&mut out);
            let answer = String::from_utf8_lossy(&out).into_owned();
            assert!(written.is_ok() && read.is_ok(), "round {round}: write {written:?}, read {read:?}, {answer:?}");
            assert_eq!(status_of(&answer), 503, "round {round}: {answer:?}");
        }
        gate.open();
        assert_eq!(status_of(&held.join().unwrap()), 200);
    });
}

#[test]
fn only_when_every_slot_waits_for_its_handler_is_a_connection_answered_503() {
    let gate = Arc::new(Gate::default());
    let entered = Arc::new(AtomicUsize::new(0));
    let server = {
        let (gate, entered) = (Arc::clone(&gate), Arc::clone(&entered));
        SandboxServer::start_with("127.0.0.1:0", SandboxOptions::default().max_connections(2), move |_req| {
            entered.fetch_add(1, Ordering::SeqCst);
            gate.wait();
            HttpResponse::new(200, "ok")
        })
        .unwrap()
    };
    std::thread::scope(|s| {
        let held: Vec<_> = (0..2).map(|_| s.spawn(|| exchange(&server, b"GET /hold HTTP/1.1\r\n\r\n"))).collect();
        wait_until("both handlers to run", || entered.load(Ordering::SeqCst) == 2);
        // No slot can be freed: one more is turned away at once. (It sends nothing: unread input
        // would make the server's close a reset that can swallow the answer.)
        let mut extra = connect(&server);
        let mut out = Vec::new();
        let _ = extra.read_to_end(&mut out);
        let answer = String::from_utf8_lossy(&out).into_owned();
        assert_eq!(status_of(&answer), 503, "{answer:?}");
        gate.open();
        for held in held {
            assert_eq!(status_of(&held.join().unwrap()), 200);
        }
    });
    assert_eq!(entered.load(Ordering::SeqCst), 2);
}
