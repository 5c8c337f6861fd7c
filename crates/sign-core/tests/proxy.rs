//! Proxy variables of the environment are ignored unless asked for. The environment cannot be
//! changed safely inside a test process, so the test runs this binary again as a child with
//! `ALL_PROXY` pointing at a loopback "proxy" that counts connections.
#![cfg(feature = "ureq")]

use std::io::{Read, Write};
use std::net::TcpListener;
use std::process::Command;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use sign_core::{HttpRequest, Method, Transport, UreqTransport};

/// A loopback server answering every connection with `200 body` (through a `CONNECT` tunnel
/// when asked for one, as a proxy would); counts connections.
fn server(body: &'static str) -> (String, Arc<AtomicUsize>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    let hits = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&hits);
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { return };
            counter.fetch_add(1, Ordering::SeqCst);
            let head = read_head(&mut stream);
            if head.starts_with(b"CONNECT ") {
                // A proxy tunnels: accept the tunnel, then answer the request sent through it.
                let _ = stream.write_all(b"HTTP/1.1 200 Connection established\r\n\r\n");
                read_head(&mut stream);
            }
            let reply = format!("HTTP/1.1 200 OK\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}", body.len());
            let _ = stream.write_all(reply.as_bytes());
        }
    });
    (format!("http://{addr}"), hits)
}

/// Reads one request head (up to the empty line); a GET has no body.
fn read_head(stream: &mut std::net::TcpStream) -> Vec<u8> {
    let mut head = Vec::new();
    let mut byte = [0u8; 1];
    while !head.ends_with(b"\r\n\r\n") {
        match stream.read(&mut byte) {
            Ok(1) => head.push(byte[0]),
            _ => break,
        }
    }
    head
}

/// Runs in the child only (it is `#[ignore]`d in a normal run): sends once with the default
/// transport and once with `proxy_from_env(true)`, printing which server answered.
#[test]
#[ignore = "run by environment_proxies_are_used_only_when_asked, in a child process"]
fn child_sends_with_and_without_env_proxy() {
    let target = std::env::var("PAYKIT_TEST_TARGET").expect("the parent sets the target");
    let request = HttpRequest::new(Method::Get, format!("{target}/x"));
    let direct = UreqTransport::builder().build().send(&request).expect("direct");
    let proxied = UreqTransport::builder().proxy_from_env(true).build().send(&request).expect("proxied");
    println!(
        "RESULT default={} proxy_from_env={}",
        String::from_utf8_lossy(&direct.body),
        String::from_utf8_lossy(&proxied.body)
    );
}

#[test]
fn environment_proxies_are_used_only_when_asked() {
    let (target, target_hits) = server("target");
    let (proxy, proxy_hits) = server("proxy");
    let out = Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "child_sends_with_and_without_env_proxy", "--ignored", "--nocapture"])
        .env("ALL_PROXY", &proxy)
        .env("HTTP_PROXY", &proxy)
        .env_remove("NO_PROXY")
        .env_remove("no_proxy")
        .env("PAYKIT_TEST_TARGET", &target)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}\n{}", String::from_utf8_lossy(&out.stderr));
    assert!(stdout.contains("RESULT default=target proxy_from_env=proxy"), "{stdout}");
    assert_eq!((target_hits.load(Ordering::SeqCst), proxy_hits.load(Ordering::SeqCst)), (1, 1));
}
