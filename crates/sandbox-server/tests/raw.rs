//! The loopback server fed by a hostile client over a raw `TcpStream`: garbage, oversized,
//! malformed chunked, truncated and smuggling-shaped requests get a 4xx answer (never a handler call with
//! a mangled request, never a hung or dead server), and a panicking handler is a 500.

use std::io::{Read, Write};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

mod common;

use common::{exchange, status_of};
use sandbox_server::SandboxServer;
use sign_core::{HttpRequest, HttpResponse};

/// An echo server that counts how often its handler ran.
fn echo_server() -> (SandboxServer, Arc<AtomicUsize>) {
    let calls = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&calls);
    let server = SandboxServer::start(move |req: HttpRequest| {
        counter.fetch_add(1, Ordering::SeqCst);
        if req.path() == "/panic" {
            panic!("handler bug");
        }
        HttpResponse::new(200, format!("{} {} {}", req.method, req.url, req.body.len()))
    })
    .unwrap();
    (server, calls)
}

#[test]
fn a_well_formed_request_still_reaches_the_handler() {
    let (server, calls) = echo_server();
    let answer = exchange(&server, b"POST /a?b=1 HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello");
    assert_eq!(status_of(&answer), 200, "{answer}");
    assert!(answer.ends_with(&format!("POST {}/a?b=1 5", server.base_url())), "{answer}");
    assert_eq!(calls.load(Ordering::SeqCst), 1);
}

#[test]
fn garbage_and_malformed_heads_are_400_and_never_reach_the_handler() {
    let (server, calls) = echo_server();
    let cases: &[(&[u8], u16)] = &[
        (b"\x00\xff\xfe\x16\x03\x01 binary garbage\r\n\r\n", 400),
        (b"GET /\xff\xfe HTTP/1.1\r\n\r\n", 400),
        (b"", 400),
        (b"\r\n\r\n", 400),
        (b"G\x00T / HTTP/1.1\r\n\r\n", 400),
        // A well-formed method this server does not serve.
        (b"PATCH / HTTP/1.1\r\n\r\n", 405),
        (b"GET\r\n\r\n", 400),
        (b"GET / HTTP/1.1", 400),
        (b"GET / HTTP/1.1\r\nHost: x\r\n", 400),
        // The target must be a path: an absolute URL would be glued onto the base URL.
        (b"GET http://evil.example/x HTTP/1.1\r\n\r\n", 400),
        (b"GET evil HTTP/1.1\r\n\r\n", 400),
        (b"GET * HTTP/1.1\r\n\r\n", 400),
        (b"GET /\xe8\xae\xa2 HTTP/1.1\r\n\r\n", 400),
        // No or an unknown protocol version, extra tokens.
        (b"GET /\r\n\r\n", 400),
        (b"GET / SPDY/3\r\n\r\n", 400),
        (b"GET / HTTP/1.1 extra\r\n\r\n", 400),
        // Header lines that are not `name: value`, names with white space (obs-fold, smuggling).
        (b"GET / HTTP/1.1\r\nno colon here\r\n\r\n", 400),
        (b"GET / HTTP/1.1\r\n: empty name\r\n\r\n", 400),
        (b"GET / HTTP/1.1\r\nContent-Length : 0\r\n\r\n", 400),
        (b"GET / HTTP/1.1\r\nX-A: 1\r\n folded: 2\r\n\r\n", 400),
        (b"GET / HTTP/1.1\r\nX-A: a\rb\r\n\r\n", 400),
        (b"GET / HTTP/1.1\r\nX-A: a\x00b\r\n\r\n", 400),
        // Content-Length that is not plain digits, or two that disagree.
        (b"POST / HTTP/1.1\r\nContent-Length: +1\r\n\r\nx", 400),
        (b"POST / HTTP/1.1\r\nContent-Length: -1\r\n\r\n", 400),
        (b"POST / HTTP/1.1\r\nContent-Length: 99999999999999999999999\r\n\r\n", 400),
        (b"POST / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nxy", 400),
        // A body shorter than announced.
        (b"POST / HTTP/1.1\r\nContent-Length: 10\r\n\r\nabc", 400),
    ];
    for (raw, want) in cases {
        let answer = exchange(&server, raw);
        assert_eq!(status_of(&answer), *want, "{:?} -> {answer:?}", String::from_utf8_lossy(raw));
    }
    assert_eq!(calls.load(Ordering::SeqCst), 0, "a malformed request reached the handler");
    // The server survived all of it.
    let answer = exchange(&server, b"GET /ok HTTP/1.1\r\n\r\n");
    assert_eq!(status_of(&answer), 200, "{answer}");
}

#[test]
fn oversized_requests_are_refused() {
    let (server, calls) = echo_server();
    // A head over 64 KiB.
    let mut big_head = b"GET / HTTP/1.1\r\nX-Big: ".to_vec();
    big_head.extend(std::iter::repeat_n(b'a', 70 * 1024));
    big_head.extend_from_slice(b"\r\n\r\n");
    assert_eq!(status_of(&exchange(&server, &big_head)), 431);
    // Many small headers adding up to over 64 KiB.
    let mut many = b"GET / HTTP/1.1\r\n".to_vec();
    for i in 0..5000 {
        many.extend_from_slice(format!("X-H{i}: vvvvvvvv\r\n").as_bytes());
    }
    many.extend_from_slice(b"\r\n");
    assert_eq!(status_of(&exchange(&server, &many)), 431);
    // A body announced over 10 MiB is refused from the head alone.
    assert_eq!(status_of(&exchange(&server, b"POST / HTTP/1.1\r\nContent-Length: 10485761\r\n\r\n")), 413);
    // A chunked body over 10 MiB, refused at the chunk that passes the bound.
    let huge = b"POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\na00001\r\n";
    assert_eq!(status_of(&exchange(&server, huge)), 413);
    assert_eq!(
        status_of(&exchange(&server, b"POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nffffffffffffffffffff\r\n")),
        413
    );
    assert_eq!(calls.load(Ordering::SeqCst), 0);
}

#[test]
fn chunked_bodies_reach_the_handler_whole_and_malformed_ones_do_not() {
    let (server, calls) = echo_server();
    // How Node's `http.request` sends a body written then ended, and Java's chunked streaming mode.
    let chunked = b"POST /c HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n7;ext=1\r\n, world\r\n0\r\nX-Trailer: t\r\n\r\n";
    let answer = exchange(&server, chunked);
    assert_eq!(status_of(&answer), 200, "{answer}");
    assert!(answer.ends_with(&format!("POST {}/c 12", server.base_url())), "{answer}");
    assert_eq!(calls.load(Ordering::SeqCst), 1);
    let lf_only = b"POST /c HTTP/1.1\nTransfer-Encoding: Chunked\n\n3\nabc\n0\n\n";
    assert!(exchange(&server, lf_only).ends_with(" 3"));
    assert_eq!(calls.load(Ordering::SeqCst), 2);

    let cases: &[(&[u8], u16)] = &[
        // A length beside the coding (smuggling-shaped), the coding twice, another coding.
        (b"POST / HTTP/1.1\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 400),
        (b"POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 400),
        (b"POST / HTTP/1.1\r\nTransfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n", 501),
        // Sizes that are not hex, a chunk longer or shorter than its size, no last chunk, no end.
        (b"POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n", 400),
        (b"POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n+5\r\nhello\r\n0\r\n\r\n", 400),
        (b"POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n\r\n", 400),
        (b"POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nhello\r\n0\r\n\r\n", 400),
        (b"POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhel", 400),
        (b"POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n", 400),
        (b"POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n", 400),
    ];
    for (raw, want) in cases {
        let answer = exchange(&server, raw);
        assert_eq!(status_of(&answer), *want, "{:?} -> {answer:?}", String::from_utf8_lossy(raw));
    }
    assert_eq!(calls.load(Ordering::SeqCst), 2, "a malformed chunked request reached the handler");
}

#[test]
fn expect_100_continue_is_answered_before_the_body_is_sent() {
    let (server, calls) = echo_server();
    let mut stream = common::connect(&server);
    stream.write_all(b"POST /up HTTP/1.1\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n").unwrap();
    // Like curl: read the interim answer first, send the body only then.
    let mut interim = [0u8; 25];
    stream.read_exact(&mut interim).unwrap();
    assert_eq!(&interim, b"HTTP/1.1 100 Continue\r\n\r\n");
    stream.write_all(b"hello").unwrap();
    let mut out = String::new();
    let _ = stream.read_to_string(&mut out);
    assert_eq!(status_of(&out), 200, "{out}");
    assert!(out.ends_with(" 5"), "{out}");
    // A body that would be refused is refused before it is sent.
    let answer = exchange(&server, b"POST / HTTP/1.1\r\nContent-Length: 10485761\r\nExpect: 100-continue\r\n\r\n");
    assert_eq!(status_of(&answer), 413, "{answer}");
    assert_eq!(calls.load(Ordering::SeqCst), 1);
}

#[test]
fn a_panicking_handler_is_a_500_and_the_server_lives_on() {
    let (server, calls) = echo_server();
    let answer = exchange(&server, b"GET /panic HTTP/1.1\r\n\r\n");
    assert_eq!(status_of(&answer), 500, "{answer:?}");
    let answer = exchange(&server, b"GET /after HTTP/1.1\r\n\r\n");
    assert_eq!(status_of(&answer), 200, "{answer}");
    assert_eq!(calls.load(Ordering::SeqCst), 2);
}

#[test]
fn what_the_server_refuses_itself_is_said_with_its_reason() {
    let said = Arc::new(std::sync::Mutex::new(Vec::<String>::new()));
    let sink = Arc::clone(&said);
    let options =
        sandbox_server::SandboxOptions::default().on_refused(move |line| sink.lock().unwrap().push(line.to_owned()));
    let server = SandboxServer::start_with("127.0.0.1:0", options, |_| HttpResponse::new(200, "ok")).unwrap();
    // Said before the answer is written: once the answer is read, the line is there.
    let cases: &[(&[u8], &str)] = &[
        (b"HEAD /x?secret=1 HTTP/1.1\r\n\r\n", "HEAD /x -> 405 refused before any handler: method HEAD is not served"),
        (b"garbage\r\n\r\n", "(unreadable request) -> 400 refused before any handler: the request line is not"),
        (b"\xff\xfe\r\n\r\n", "(unreadable request) -> 400 refused before any handler: the request head is not UTF-8"),
        (
            b"POST /p HTTP/1.1\r\nContent-Length: 10\r\n\r\nabc",
            "POST /p -> 400 refused before any handler: the body ended after 3 of its Content-Length 10 bytes",
        ),
        (
            b"POST /p HTTP/1.1\r\nContent-Length: 10485761\r\n\r\n",
            "POST /p -> 413 refused before any handler: the body is over 10 MiB",
        ),
        (
            b"POST /p HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
            "POST /p -> 400 refused before any handler: malformed chunked body: a chunk size is not hexadecimal",
        ),
    ];
    for (i, (raw, want)) in cases.iter().enumerate() {
        let answer = exchange(&server, raw);
        assert!(answer.starts_with("HTTP/1.1 4"), "{answer}");
        let lines = said.lock().unwrap().clone();
        assert_eq!(lines.len(), i + 1, "{lines:?}");
        assert!(lines[i].starts_with(want), "{:?} said {:?}, want {want:?}", String::from_utf8_lossy(raw), lines[i]);
        assert!(!lines[i].contains("secret"), "no query in the line: {}", lines[i]);
    }
    // A connection closed without a byte (a port probe) is no request: nothing said.
    let answer = exchange(&server, b"");
    assert_eq!(status_of(&answer), 400);
    assert_eq!(said.lock().unwrap().len(), cases.len(), "{:?}", said.lock().unwrap());
    // A request served is the handler's to log, not this.
    assert_eq!(status_of(&exchange(&server, b"GET / HTTP/1.1\r\n\r\n")), 200);
    assert_eq!(said.lock().unwrap().len(), cases.len());
}
