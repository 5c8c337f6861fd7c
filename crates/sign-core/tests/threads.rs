//! The blocking transport runs each call on the caller's thread: no thread per call (ureq's own
//! resolver spawns one per lookup whenever a timeout applies). A test binary of its own, with one
//! test, so that the process's thread count is this test's alone.
#![cfg(all(feature = "ureq", target_os = "linux"))]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use sign_core::{HttpRequest, Method, Transport, UreqTransport};

/// The process's live threads, from `/proc/self/status`.
fn threads() -> usize {
    let status = std::fs::read_to_string("/proc/self/status").unwrap();
    status.lines().find_map(|l| l.strip_prefix("Threads:")).unwrap().trim().parse().unwrap()
}

/// A keep-alive server on one thread that answers every request with `ok`. It counts the
/// connections it accepted and the most threads the process had while a call was in flight.
struct Server {
    port: u16,
    connections: Arc<AtomicUsize>,
    most_threads_in_a_call: Arc<AtomicUsize>,
}

fn server() -> Server {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let connections = Arc::new(AtomicUsize::new(0));
    let most = Arc::new(AtomicUsize::new(0));
    let (c, m) = (Arc::clone(&connections), Arc::clone(&most));
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(stream) = stream else { return };
            c.fetch_add(1, Ordering::SeqCst);
            let mut writer = stream.try_clone().unwrap();
            let mut reader = BufReader::new(stream);
            loop {
                let mut content_length = 0;
                let mut line = String::new();
                while line != "\r\n" {
                    line.clear();
                    if reader.read_line(&mut line).unwrap_or(0) == 0 {
                        break;
                    }
                    if let Some(v) = line.to_ascii_lowercase().strip_prefix("content-length:") {
                        content_length = v.trim().parse().unwrap_or(0);
                    }
                }
                if line != "\r\n" || reader.read_exact(&mut vec![0; content_length]).is_err() {
                    break;
                }
                // The caller is blocked in its call right now: any thread the call started is alive.
                m.fetch_max(threads(), Ordering::SeqCst);
                if writer.write_all(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok").is_err() {
                    break;
                }
            }
        }
    });
    Server { port, connections, most_threads_in_a_call: most }
}

/// Waits (at most 10 s) until `done`.
fn eventually(mut done: impl FnMut() -> bool) -> bool {
    let give_up = std::time::Instant::now() + Duration::from_secs(10);
    while !done() {
        if std::time::Instant::now() > give_up {
            return false;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    true
}

#[test]
fn sequential_calls_start_no_thread_and_share_one_connection() {
    // The test harness's threads, then the server's.
    let expected = threads() + 1;
    let server = server();
    // An address and a host name (looked up once, then cached).
    for host in ["127.0.0.1", "localhost"] {
        // The whole-call timeout is what made ureq resolve on a thread of its own: keep one set.
        // A transport per host: dropping it closes its connection, which frees the server.
        let transport = UreqTransport::builder().timeout(Duration::from_secs(30)).build();
        let url = format!("http://{host}:{}/pay", server.port);
        let call = || {
            let response = transport.send(&HttpRequest::new(Method::Post, url.clone()).with_body("{}")).unwrap();
            assert_eq!((response.status, response.body.as_slice()), (200, b"ok".as_slice()));
        };
        call();
        // Once the host name's one lookup thread has finished.
        assert!(eventually(|| threads() == expected), "{host}: {} threads after the first call", threads());
        server.most_threads_in_a_call.store(0, Ordering::SeqCst);
        let connections = server.connections.load(Ordering::SeqCst);
        for _ in 0..300 {
            call();
        }
        assert_eq!(threads(), expected, "{host}: threads after 300 more calls");
        assert_eq!(server.most_threads_in_a_call.load(Ordering::SeqCst), expected, "{host}: threads during a call");
        assert_eq!(server.connections.load(Ordering::SeqCst), connections, "{host}: the kept-alive connection");
    }
}
