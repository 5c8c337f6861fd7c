//! The reqwest transport and the async retry loop against loopback servers only (raw
//! `TcpListener`s, so that each test can count requests, hold an answer back or stream a body):
//! the guarantees of the blocking transport, checked the same way.
#![cfg(feature = "reqwest")]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::process::Command;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use sign_core::call::send_with_retries_async;
use sign_core::{
    AsyncTransport, HttpRequest, HttpResponse, Method, ReqwestTransport, RetryPolicy, TransportError,
    TransportErrorKind,
};

fn fast_retries(n: u32) -> RetryPolicy {
    RetryPolicy::new(n, Duration::from_millis(10), Duration::from_millis(50))
}

async fn send(
    transport: &ReqwestTransport,
    policy: &RetryPolicy,
    request: HttpRequest,
) -> Result<HttpResponse, TransportError> {
    send_with_retries_async(transport, policy, || std::future::ready(Ok::<_, TransportError>(request.clone()))).await
}

/// One request read from `reader`: its head (request line and headers) and body; `None` at EOF.
fn read_request(reader: &mut BufReader<TcpStream>) -> Option<(String, Vec<u8>)> {
    let mut head = String::new();
    let mut content_length = 0;
    loop {
        let mut line = String::new();
        match reader.read_line(&mut line) {
            Ok(0) | Err(_) => return None,
            Ok(_) => {}
        }
        if line == "\r\n" {
            break;
        }
        if let Some(v) = line.to_ascii_lowercase().strip_prefix("content-length:") {
            content_length = v.trim().parse().unwrap_or(0);
        }
        head.push_str(&line);
    }
    let mut body = vec![0; content_length];
    reader.read_exact(&mut body).ok()?;
    Some((head, body))
}

/// A loopback server answering each request with what `answer` writes (given the request's head
/// and body); counts the requests. Connections are kept alive.
struct Server {
    url: String,
    requests: Arc<AtomicUsize>,
}

fn server(answer: impl Fn(&str, &[u8], &mut TcpStream) + Send + Sync + 'static) -> Server {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let requests = Arc::new(AtomicUsize::new(0));
    let (counter, answer) = (Arc::clone(&requests), Arc::new(answer));
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(stream) = stream else { return };
            let (counter, answer) = (Arc::clone(&counter), Arc::clone(&answer));
            std::thread::spawn(move || {
                let mut writer = stream.try_clone().unwrap();
                let mut reader = BufReader::new(stream);
                while let Some((head, body)) = read_request(&mut reader) {
                    counter.fetch_add(1, Ordering::SeqCst);
                    answer(&head, &body, &mut writer);
                }
            });
        }
    });
    Server { url, requests }
}

fn reply(status: u16, body: &[u8], extra: &str) -> Vec<u8> {
    let mut out = format!("HTTP/1.1 {status} X\r\nContent-Length: {}\r\n{extra}\r\n", body.len()).into_bytes();
    out.extend_from_slice(body);
    out
}

#[tokio::test]
async fn sends_method_headers_and_body_and_returns_non_2xx_as_a_response() {
    let s = server(|head, body, w| {
        let ok = head.starts_with("POST /pay HTTP/1.1")
            && head.to_ascii_lowercase().contains("x-sign: abc")
            && body == br#"{"a":1}"#;
        let _ = w.write_all(&reply(if ok { 418 } else { 400 }, b"teapot", "X-Answer: 7\r\n"));
    });
    let transport = ReqwestTransport::builder().build();
    let request = HttpRequest::new(Method::Post, format!("{}/pay", s.url))
        .with_header("X-Sign", "abc")
        .with_body(br#"{"a":1}"#.to_vec());
    let response = transport.send(&request).await.unwrap();
    assert_eq!(response.status, 418, "the request arrived as sent");
    assert_eq!(response.body, b"teapot");
    assert_eq!(response.header("x-answer"), Some("7"));
}

#[tokio::test]
async fn redirects_are_returned_not_followed() {
    let s = server(|_, _, w| {
        let _ = w.write_all(&reply(302, b"", "Location: /elsewhere\r\n"));
    });
    let transport = ReqwestTransport::builder().build();
    let response = transport.send(&HttpRequest::new(Method::Post, format!("{}/pay", s.url))).await.unwrap();
    assert_eq!(response.status, 302);
    assert_eq!(response.header("location"), Some("/elsewhere"));
    assert_eq!(s.requests.load(Ordering::SeqCst), 1, "the redirect was not followed");
}

#[tokio::test]
async fn a_body_over_the_limit_is_refused_announced_or_streamed() {
    let announced = server(|_, _, w| {
        let _ = w.write_all(&reply(200, &vec![b'x'; 4096], ""));
    });
    // A chunked body with no length: 64 chunks of 1 KiB, written until the client hangs up.
    let streamed = server(|_, _, w| {
        let _ = w.write_all(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n");
        for _ in 0..64 {
            if w.write_all(format!("400\r\n{}\r\n", "y".repeat(1024)).as_bytes()).is_err() {
                return;
            }
        }
        let _ = w.write_all(b"0\r\n\r\n");
    });
    let transport = ReqwestTransport::builder().max_response_bytes(1024).build();
    for url in [&announced.url, &streamed.url] {
        let err = transport.send(&HttpRequest::new(Method::Get, format!("{url}/big"))).await.unwrap_err();
        assert_eq!(err.kind(), TransportErrorKind::BodyTooLarge, "{url}: {err}");
        assert!(!err.kind().request_not_sent());
    }
    // At the limit exactly, the body is read.
    let transport = ReqwestTransport::builder().max_response_bytes(4096).build();
    let ok = transport.send(&HttpRequest::new(Method::Get, format!("{}/big", announced.url))).await.unwrap();
    assert_eq!(ok.body.len(), 4096);
}

#[tokio::test]
async fn a_refused_connection_is_not_sent_and_is_retried_until_the_server_is_up() {
    let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let url = format!("http://127.0.0.1:{port}/pay");
    let transport = ReqwestTransport::builder().build();
    let err = transport.send(&HttpRequest::new(Method::Post, url.clone())).await.unwrap_err();
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
        assert!(read_request(&mut reader).is_some());
        writer.write_all(&reply(200, b"paid", "")).unwrap();
    });
    // A payment: retrying a refused connection is safe, it never reached a server.
    let patient = RetryPolicy::new(10, Duration::from_millis(40), Duration::from_millis(80));
    let response = send(&transport, &patient, HttpRequest::new(Method::Post, url)).await.unwrap();
    assert_eq!(response.body, b"paid");
    ready_rx.recv().unwrap();
    server.join().unwrap();
}

#[tokio::test]
async fn a_response_timeout_is_unknown_and_repeated_only_when_idempotent() {
    // Answers only after the client gave up.
    let s = server(|_, _, w| {
        std::thread::sleep(Duration::from_millis(600));
        let _ = w.write_all(&reply(200, b"late", ""));
    });
    let transport = ReqwestTransport::builder().timeout(Duration::from_millis(100)).build();
    let payment = HttpRequest::new(Method::Post, format!("{}/pay", s.url));
    let err = send(&transport, &fast_retries(2), payment).await.unwrap_err();
    assert_eq!(err.kind(), TransportErrorKind::Timeout, "{err}");
    assert!(!err.kind().request_not_sent());
    assert_eq!(s.requests.load(Ordering::SeqCst), 1, "a payment that may have been processed is not resent");

    let query = HttpRequest::new(Method::Post, format!("{}/query", s.url)).with_idempotent(true);
    assert_eq!(send(&transport, &fast_retries(2), query).await.unwrap_err().kind(), TransportErrorKind::Timeout);
    assert_eq!(s.requests.load(Ordering::SeqCst), 1 + 3, "an idempotent query is tried three times");
}

#[tokio::test]
async fn a_5xx_is_repeated_only_for_idempotent_requests_each_attempt_signed_afresh() {
    let s = server(|_, _, w| {
        let _ = w.write_all(&reply(503, b"busy", ""));
    });
    let transport = ReqwestTransport::builder().build();
    let payment = HttpRequest::new(Method::Post, format!("{}/pay", s.url));
    assert_eq!(send(&transport, &fast_retries(3), payment).await.unwrap().status, 503);
    assert_eq!(s.requests.load(Ordering::SeqCst), 1);

    let signed = AtomicUsize::new(0);
    let response = send_with_retries_async(&transport, &fast_retries(3), || {
        signed.fetch_add(1, Ordering::SeqCst);
        std::future::ready(Ok::<_, TransportError>(
            HttpRequest::new(Method::Post, format!("{}/query", s.url)).with_idempotent(true),
        ))
    })
    .await
    .unwrap();
    assert_eq!(response.status, 503, "the last attempt's answer");
    assert_eq!(s.requests.load(Ordering::SeqCst), 1 + 4);
    assert_eq!(signed.load(Ordering::SeqCst), 4, "each attempt was signed again");
}

#[tokio::test]
async fn an_invalid_header_is_a_build_error_that_names_no_value() {
    let transport = ReqwestTransport::builder().build();
    let request = HttpRequest::new(Method::Post, "http://127.0.0.1:9/pay").with_header("X-Token", "s3cret\r\nX: 1");
    let err = transport.send(&request).await.unwrap_err();
    assert_eq!(err.kind(), TransportErrorKind::Build);
    assert!(!err.to_string().contains("s3cret"), "{err}");
}

/// Runs in the child only (`#[ignore]`d in a normal run): sends once with the default transport
/// and once with `proxy_from_env(true)`, printing which server answered.
#[test]
#[ignore = "run by environment_proxies_are_used_only_when_asked, in a child process"]
fn child_sends_with_and_without_env_proxy() {
    let target = std::env::var("PAYKIT_TEST_TARGET").expect("the parent sets the target");
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    let request = HttpRequest::new(Method::Get, format!("{target}/x"));
    let (direct, proxied) = runtime.block_on(async {
        let direct = ReqwestTransport::builder().build().send(&request).await.expect("direct");
        let proxied = ReqwestTransport::builder().proxy_from_env(true).build().send(&request).await.expect("proxied");
        (direct, proxied)
    });
    println!(
        "RESULT default={} proxy_from_env={}",
        String::from_utf8_lossy(&direct.body),
        String::from_utf8_lossy(&proxied.body)
    );
}

#[test]
fn environment_proxies_are_used_only_when_asked() {
    let answer = |body: &'static str| {
        move |_: &str, _: &[u8], w: &mut TcpStream| {
            let _ = w.write_all(&reply(200, body.as_bytes(), "Connection: close\r\n"));
        }
    };
    let target = server(answer("target"));
    let proxy = server(answer("proxy"));
    // The environment cannot be changed safely inside a test process: a child gets it.
    let out = Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "child_sends_with_and_without_env_proxy", "--ignored", "--nocapture"])
        .env("ALL_PROXY", &proxy.url)
        .env("HTTP_PROXY", &proxy.url)
        .env("http_proxy", &proxy.url)
        .env_remove("NO_PROXY")
        .env_remove("no_proxy")
        .env("PAYKIT_TEST_TARGET", &target.url)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}\n{}", String::from_utf8_lossy(&out.stderr));
    assert!(stdout.contains("RESULT default=target proxy_from_env=proxy"), "{stdout}");
    assert_eq!((target.requests.load(Ordering::SeqCst), proxy.requests.load(Ordering::SeqCst)), (1, 1));
}
