//! The ureq transport against loopback servers only: mockito, and raw `TcpListener`s where a test
//! needs to count connections or hold a response back.
#![cfg(feature = "ureq")]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use sign_core::call::send_with_retries;
use sign_core::{
    HttpRequest, HttpResponse, Method, RetryPolicy, Transport, TransportError, TransportErrorKind, UreqTransport,
};

fn fast_retries(n: u32) -> RetryPolicy {
    RetryPolicy::new(n, Duration::from_millis(20), Duration::from_millis(100))
}

/// `request` through `transport` with `policy`'s retries (the request is the same each attempt:
/// these tests are about which failures are repeated, not about signing).
fn send(transport: &UreqTransport, policy: &RetryPolicy, request: HttpRequest) -> Result<HttpResponse, TransportError> {
    send_with_retries(transport, policy, || Ok::<_, TransportError>(request.clone()))
}

/// Reads one HTTP/1.1 request (headers and a Content-Length body) from `reader`; false at EOF.
fn read_request(reader: &mut BufReader<TcpStream>) -> bool {
    let mut content_length = 0;
    let mut first = true;
    loop {
        let mut line = String::new();
        match reader.read_line(&mut line) {
            Ok(0) | Err(_) => return false,
            Ok(_) => {}
        }
        if line == "\r\n" && !first {
            break;
        }
        first = false;
        if let Some(v) = line.to_ascii_lowercase().strip_prefix("content-length:") {
            content_length = v.trim().parse().unwrap_or(0);
        }
    }
    let mut body = vec![0; content_length];
    reader.read_exact(&mut body).is_ok()
}

/// A keep-alive server answering every request with `status`; counts connections and requests.
struct CountingServer {
    url: String,
    connections: Arc<AtomicUsize>,
    requests: Arc<AtomicUsize>,
}

fn counting_server(status: u16, respond: bool) -> CountingServer {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let connections = Arc::new(AtomicUsize::new(0));
    let requests = Arc::new(AtomicUsize::new(0));
    let (c, r) = (Arc::clone(&connections), Arc::clone(&requests));
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(stream) = stream else { return };
            c.fetch_add(1, Ordering::SeqCst);
            let r = Arc::clone(&r);
            std::thread::spawn(move || {
                let mut writer = stream.try_clone().unwrap();
                let mut reader = BufReader::new(stream);
                while read_request(&mut reader) {
                    r.fetch_add(1, Ordering::SeqCst);
                    if !respond {
                        // Hold the connection open without answering until the client gives up.
                        std::thread::sleep(Duration::from_secs(5));
                        return;
                    }
                    let reply = format!("HTTP/1.1 {status} X\r\nContent-Length: 2\r\nConnection: keep-alive\r\n\r\nok");
                    if writer.write_all(reply.as_bytes()).is_err() {
                        return;
                    }
                }
            });
        }
    });
    CountingServer { url, connections, requests }
}

#[test]
fn keep_alive_reuses_one_connection() {
    let server = counting_server(200, true);
    let transport = UreqTransport::builder().build();
    for i in 0..20 {
        let req = HttpRequest::new(Method::Post, format!("{}/call/{i}", server.url)).with_body(b"{}".to_vec());
        let resp = transport.send(&req).unwrap();
        assert_eq!((resp.status, resp.body.as_slice()), (200, &b"ok"[..]));
    }
    assert_eq!(server.requests.load(Ordering::SeqCst), 20);
    assert_eq!(server.connections.load(Ordering::SeqCst), 1, "all calls should share one kept-alive connection");
}

#[test]
fn sends_method_headers_and_body_and_returns_non_2xx_as_response() {
    let mut server = mockito::Server::new();
    let mock = server
        .mock("POST", "/v1/pay")
        .match_header("x-appid", "app-1")
        .match_body(mockito::Matcher::Exact("{\"a\":1}".into()))
        .with_status(400)
        .with_header("content-type", "application/json")
        .with_body("{\"ret\":-1,\"msg\":\"bad\"}")
        .expect(1)
        .create();
    let transport = UreqTransport::builder().build();
    let req = HttpRequest::new(Method::Post, format!("{}/v1/pay", server.url()))
        .with_header("X-Appid", "app-1")
        .with_body(b"{\"a\":1}".to_vec());
    let resp = transport.send(&req).unwrap();
    assert_eq!(resp.status, 400);
    assert_eq!(resp.body, b"{\"ret\":-1,\"msg\":\"bad\"}");
    assert_eq!(resp.header("Content-Type"), Some("application/json"));
    mock.assert();
}

/// Header names leave as the request spells them (`businessId`, `signType`, `X-Date`, `token`):
/// HTTP compares names case-insensitively, but a platform whose document spells a header one way
/// may not, so the bytes on the wire keep the provider's spelling.
#[test]
fn header_names_keep_their_spelling_on_the_wire() {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}/v1/openapi/order/info", listener.local_addr().unwrap());
    let server = std::thread::spawn(move || {
        let (stream, _) = listener.accept().unwrap();
        let mut reader = BufReader::new(stream);
        let mut head = String::new();
        loop {
            let mut line = String::new();
            if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
                break;
            }
            head.push_str(&line);
        }
        let mut body = [0u8; 2];
        reader.read_exact(&mut body).unwrap();
        let mut stream = reader.into_inner();
        stream.write_all(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}").unwrap();
        head
    });
    let request = HttpRequest::new(Method::Post, url)
        .with_header("Content-Type", "application/json; charset=utf-8")
        .with_header("businessId", "55")
        .with_header("signType", "MD5")
        .with_header("X-Date", "Fri, 21 Oct 2022 07:28:00 GMT")
        .with_header("token", "t")
        .with_body(b"{}".to_vec());
    assert_eq!(UreqTransport::builder().build().send(&request).unwrap().status, 200);
    let head = server.join().unwrap();
    for line in ["\r\nbusinessId: 55\r\n", "\r\nsignType: MD5\r\n", "\r\nX-Date: Fri, 21 Oct 2022", "\r\ntoken: t\r\n"]
    {
        assert!(head.contains(line), "{line:?} not in {head:?}");
    }
}

#[test]
fn a_500_on_a_non_idempotent_request_is_not_retried() {
    let mut server = mockito::Server::new();
    let mock = server.mock("POST", "/pay").with_status(500).expect(1).create();
    let transport = UreqTransport::builder().build();
    let resp =
        send(&transport, &fast_retries(3), HttpRequest::new(Method::Post, format!("{}/pay", server.url()))).unwrap();
    assert_eq!(resp.status, 500);
    mock.assert();
}

#[test]
fn a_500_on_an_idempotent_request_is_retried_up_to_the_limit() {
    let mut server = mockito::Server::new();
    let mock = server.mock("POST", "/query").with_status(503).expect(4).create();
    let transport = UreqTransport::builder().build();
    let req = HttpRequest::new(Method::Post, format!("{}/query", server.url())).with_idempotent(true);
    assert_eq!(send(&transport, &fast_retries(3), req).unwrap().status, 503);
    mock.assert();
}

#[test]
fn a_refused_connection_is_retried_until_the_server_is_up() {
    // Reserve a free port, close it, and open it again only after the first attempts were refused.
    let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let url = format!("http://127.0.0.1:{port}/pay");

    let no_retry = UreqTransport::builder().build();
    let err = no_retry.send(&HttpRequest::new(Method::Post, url.clone())).unwrap_err();
    assert_eq!(err.kind(), TransportErrorKind::Connect, "{err}");
    assert!(err.kind().request_not_sent());

    let (ready_tx, ready_rx) = std::sync::mpsc::channel();
    let server = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(150));
        let listener = TcpListener::bind(("127.0.0.1", port)).unwrap();
        ready_tx.send(()).unwrap();
        let (stream, _) = listener.accept().unwrap();
        let mut writer = stream.try_clone().unwrap();
        let mut reader = BufReader::new(stream);
        assert!(read_request(&mut reader));
        writer.write_all(b"HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\npaid").unwrap();
    });
    // A non-idempotent payment: retrying a refused connection is safe, it never reached a server.
    let patient = RetryPolicy::new(30, Duration::from_millis(40), Duration::from_millis(80));
    let resp = send(&no_retry, &patient, HttpRequest::new(Method::Post, url)).unwrap();
    assert_eq!(resp.body, b"paid");
    ready_rx.recv().unwrap();
    server.join().unwrap();
}

#[test]
fn a_response_timeout_fires_and_is_retried_only_when_idempotent() {
    let server = counting_server(200, false);
    let transport = UreqTransport::builder().timeout(Duration::from_millis(100)).build();

    let payment = HttpRequest::new(Method::Post, format!("{}/pay", server.url));
    let err = send(&transport, &fast_retries(2), payment).unwrap_err();
    assert_eq!(err.kind(), TransportErrorKind::Timeout, "{err}");
    assert!(err.is_timeout() && !err.kind().request_not_sent());
    assert_eq!(server.requests.load(Ordering::SeqCst), 1, "a payment that may have been processed is not resent");

    let query = HttpRequest::new(Method::Post, format!("{}/query", server.url)).with_idempotent(true);
    assert_eq!(send(&transport, &fast_retries(2), query).unwrap_err().kind(), TransportErrorKind::Timeout);
    assert_eq!(server.requests.load(Ordering::SeqCst), 1 + 3, "an idempotent query is retried twice");
}

#[test]
fn a_huge_body_is_refused() {
    let mut server = mockito::Server::new();
    let _m = server.mock("GET", "/big").with_body(vec![b'x'; 4096]).create();
    let transport = UreqTransport::builder().max_response_bytes(1024).build();
    let err = transport.send(&HttpRequest::new(Method::Get, format!("{}/big", server.url()))).unwrap_err();
    assert_eq!(err.kind(), TransportErrorKind::BodyTooLarge, "{err}");
}

#[test]
fn redirects_are_returned_not_followed() {
    let mut server = mockito::Server::new();
    let _r = server.mock("POST", "/pay").with_status(302).with_header("location", "/elsewhere").create();
    let elsewhere = server.mock("POST", "/elsewhere").expect(0).create();
    let transport = UreqTransport::builder().build();
    let resp = transport.send(&HttpRequest::new(Method::Post, format!("{}/pay", server.url()))).unwrap();
    assert_eq!(resp.status, 302);
    elsewhere.assert();
}

#[test]
fn backoff_is_capped_exponential_with_jitter() {
    let p = RetryPolicy::new(10, Duration::from_millis(100), Duration::from_millis(1000));
    for retry in 0..10u32 {
        let full = Duration::from_millis(100 * 2u64.pow(retry)).min(Duration::from_millis(1000));
        let d = p.backoff(retry);
        assert!(d >= full / 2 && d <= full, "retry {retry}: {d:?} outside [{:?}, {full:?}]", full / 2);
    }
}

#[test]
fn the_transport_itself_sends_once_even_when_refused() {
    let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let transport = UreqTransport::builder().build();
    let started = std::time::Instant::now();
    let err = transport.send(&HttpRequest::new(Method::Post, format!("http://127.0.0.1:{port}/pay"))).unwrap_err();
    assert_eq!(err.kind(), TransportErrorKind::Connect, "{err}");
    // No backoff sleeps: the default policy would wait at least 50 ms + 100 ms before its repeats.
    assert!(started.elapsed() < Duration::from_secs(5));
}

#[test]
fn every_attempt_is_signed_afresh() {
    let server = counting_server(503, true);
    let transport = UreqTransport::builder().build();
    let mut signed = Vec::new();
    let resp = send_with_retries(&transport, &fast_retries(2), || {
        let nonce = format!("nonce-{}", signed.len());
        signed.push(nonce.clone());
        Ok::<_, TransportError>(
            HttpRequest::new(Method::Post, format!("{}/query", server.url))
                .with_header("X-Nonce", nonce)
                .with_idempotent(true),
        )
    })
    .unwrap();
    assert_eq!(resp.status, 503);
    assert_eq!(signed, ["nonce-0", "nonce-1", "nonce-2"], "one signature per attempt");
    assert_eq!(server.requests.load(Ordering::SeqCst), 3);
}

#[test]
fn a_signing_failure_stops_the_attempts() {
    let server = counting_server(503, true);
    let transport = UreqTransport::builder().build();
    let mut attempts = 0;
    let err = send_with_retries(&transport, &fast_retries(3), || {
        attempts += 1;
        if attempts == 2 {
            return Err(TransportError::new(TransportErrorKind::Io, "the clock went away"));
        }
        Ok(HttpRequest::new(Method::Post, format!("{}/query", server.url)).with_idempotent(true))
    })
    .unwrap_err();
    assert_eq!(err.kind(), TransportErrorKind::Io);
    assert_eq!(server.requests.load(Ordering::SeqCst), 1, "nothing is sent for an attempt that could not be signed");
}

/// A loopback listener that never accepts, its backlog full: the kernel drops further SYNs, so a
/// connect to it never completes. Keep the returned sockets alive while it is used.
fn blackhole() -> (std::net::SocketAddr, socket2::Socket, Vec<TcpStream>) {
    use socket2::{Domain, Protocol, Socket, Type};
    let socket = Socket::new(Domain::IPV4, Type::STREAM, Some(Protocol::TCP)).unwrap();
    socket.bind(&std::net::SocketAddr::from(([127, 0, 0, 1], 0)).into()).unwrap();
    socket.listen(0).unwrap();
    let addr = socket.local_addr().unwrap().as_socket().unwrap();
    let mut fillers = Vec::new();
    while let Ok(s) = TcpStream::connect_timeout(&addr, Duration::from_millis(100)) {
        fillers.push(s);
        assert!(fillers.len() < 64, "the backlog never filled");
    }
    (addr, socket, fillers)
}

/// Found by `cargo xtask faults` ("connect never completes, call timeout first"): when the call's
/// overall timeout was shorter than the connect timeout, ureq named the overall deadline and the
/// error read as a response timeout (outcome unknown) for a request that never left.
#[test]
fn a_connect_cut_short_by_the_call_timeout_was_not_sent() {
    let (addr, _listener, _fillers) = blackhole();
    let transport =
        UreqTransport::builder().connect_timeout(Duration::from_secs(10)).timeout(Duration::from_millis(300)).build();
    let err = transport.send(&HttpRequest::new(Method::Post, format!("http://{addr}/pay"))).unwrap_err();
    assert_eq!(err.kind(), TransportErrorKind::ConnectTimeout, "{err}");
    assert!(err.kind().request_not_sent());
    // The connect timeout itself, shorter than the call's, says the same.
    let transport =
        UreqTransport::builder().connect_timeout(Duration::from_millis(300)).timeout(Duration::from_secs(10)).build();
    let err = transport.send(&HttpRequest::new(Method::Post, format!("http://{addr}/pay"))).unwrap_err();
    assert_eq!(err.kind(), TransportErrorKind::ConnectTimeout, "{err}");
}
