//! The relay itself: what it forwards (the ground truth every case rests on) and what each fault
//! does to the client's side, checked with raw sockets against a counting upstream.

use std::io::{ErrorKind, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use paykit_faults::relay::Refused;
use paykit_faults::relay::{At, Blackhole, Canned, Fault, Relay, Witness};
use sandbox_server::SandboxServer;
use sign_core::HttpResponse;

/// An upstream answering `{"n":<count>}` and counting the requests it handled.
fn upstream() -> (SandboxServer, Arc<AtomicUsize>) {
    let count = Arc::new(AtomicUsize::new(0));
    let c = Arc::clone(&count);
    let server = SandboxServer::start(move |_req| {
        let n = c.fetch_add(1, Ordering::SeqCst) + 1;
        HttpResponse::json(200, format!(r#"{{"n":{n}}}"#).into_bytes())
    })
    .unwrap();
    (server, count)
}

fn addr_of(server: &SandboxServer) -> SocketAddr {
    server.base_url().trim_start_matches("http://").parse().unwrap()
}

fn connect(relay: &Relay) -> TcpStream {
    let s = TcpStream::connect(relay.base_url().trim_start_matches("http://")).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
    s
}

fn send(stream: &mut TcpStream, path: &str) {
    let body = r#"{"pay":1}"#;
    let request = format!(
        "POST {path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    );
    stream.write_all(request.as_bytes()).unwrap();
}

/// Reads one answer framed by Content-Length: (status, head, body).
fn answer(stream: &mut TcpStream) -> std::io::Result<(u16, String, Vec<u8>)> {
    let mut raw = Vec::new();
    let mut byte = [0u8; 1];
    while !raw.ends_with(b"\r\n\r\n") {
        if stream.read(&mut byte)? == 0 {
            return Err(ErrorKind::UnexpectedEof.into());
        }
        raw.push(byte[0]);
    }
    let head = String::from_utf8(raw).unwrap();
    let status = head.split(' ').nth(1).unwrap().parse().unwrap();
    let length: usize = head
        .lines()
        .find_map(|l| l.to_ascii_lowercase().strip_prefix("content-length:").map(|v| v.trim().parse().unwrap()))
        .unwrap();
    let mut body = vec![0; length];
    stream.read_exact(&mut body)?;
    Ok((status, head, body))
}

#[test]
fn a_request_without_fault_is_forwarded_once_and_answered() {
    let (server, count) = upstream();
    let relay = Relay::start(addr_of(&server), false).unwrap();
    let mut s = connect(&relay);
    send(&mut s, "/pay");
    let (status, head, body) = answer(&mut s).unwrap();
    assert_eq!((status, body.as_slice()), (200, br#"{"n":1}"#.as_slice()));
    assert!(head.contains("Connection: close"), "{head}");
    assert_eq!(count.load(Ordering::SeqCst), 1);
    assert_eq!(relay.forwarded("/pay", Duration::from_secs(2)), 1);
    assert_eq!(relay.forwarded("/other", Duration::from_secs(2)), 0);
}

#[test]
fn a_reset_before_the_read_forwards_nothing() {
    let (server, count) = upstream();
    let relay = Relay::start(addr_of(&server), false).unwrap();
    relay.plan(At::Index(0), Fault::ResetBeforeRead);
    let mut s = connect(&relay);
    send(&mut s, "/pay");
    assert!(answer(&mut s).is_err(), "no answer after a reset");
    let records = relay.records(Duration::from_secs(2));
    assert_eq!(records.len(), 1);
    assert!(!records[0].forwarded && records[0].path.is_none(), "{records:?}");
    assert_eq!(count.load(Ordering::SeqCst), 0);
    assert_eq!(relay.pending(), 0);
}

#[test]
fn a_reset_after_the_request_forwards_it_first() {
    let (server, count) = upstream();
    let relay = Relay::start(addr_of(&server), false).unwrap();
    relay.plan(At::Path("/pay".into()), Fault::ResetAfterRequest);
    let mut s = connect(&relay);
    send(&mut s, "/pay");
    let err = answer(&mut s).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::ConnectionReset, "{err}");
    assert_eq!(count.load(Ordering::SeqCst), 1, "the sandbox handled it");
    assert_eq!(relay.forwarded("/pay", Duration::from_secs(2)), 1);
}

#[test]
fn a_canned_answer_is_not_forwarded_and_after_is() {
    let (server, count) = upstream();
    let relay = Relay::start(addr_of(&server), true).unwrap();
    relay.plan(At::Path("/pay".into()), Fault::Answer(Canned::new(429, "slow down").with_header("Retry-After", "1")));
    relay.plan(At::Path("/pay".into()), Fault::AnswerAfter(Canned::new(502, "<html/>")));
    let mut s = connect(&relay);
    send(&mut s, "/pay");
    let (status, head, _) = answer(&mut s).unwrap();
    assert_eq!(status, 429);
    assert!(head.contains("Retry-After: 1"), "{head}");
    assert_eq!(count.load(Ordering::SeqCst), 0);
    // Same connection (keep-alive): the second fault forwards, then answers 502.
    send(&mut s, "/pay");
    assert_eq!(answer(&mut s).unwrap().0, 502);
    assert_eq!(count.load(Ordering::SeqCst), 1);
    // Nothing planned any more: the sandbox's own answer.
    send(&mut s, "/pay");
    let (status, _, body) = answer(&mut s).unwrap();
    assert_eq!((status, body.as_slice()), (200, br#"{"n":2}"#.as_slice()));
    let records = relay.records(Duration::from_secs(2));
    assert_eq!(records.iter().map(|r| r.forwarded).collect::<Vec<_>>(), [false, true, true]);
    assert!(records.iter().all(|r| r.connection == 0), "one connection kept alive: {records:?}");
}

#[test]
fn a_short_body_announces_more_than_it_sends_then_closes() {
    let (server, count) = upstream();
    let relay = Relay::start(addr_of(&server), false).unwrap();
    relay.plan(At::Path("/pay".into()), Fault::ShortBody(10));
    let mut s = connect(&relay);
    send(&mut s, "/pay");
    let err = answer(&mut s).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::UnexpectedEof, "{err}");
    assert_eq!(count.load(Ordering::SeqCst), 1);
}

#[test]
fn close_when_idle_answers_then_closes_the_kept_alive_connection() {
    let (server, count) = upstream();
    let relay = Relay::start(addr_of(&server), true).unwrap();
    relay.plan(At::Index(0), Fault::CloseWhenIdle);
    let mut s = connect(&relay);
    send(&mut s, "/query");
    let (status, head, _) = answer(&mut s).unwrap();
    assert_eq!(status, 200);
    assert!(!head.contains("Connection: close"), "announced as kept alive: {head}");
    let mut rest = Vec::new();
    assert_eq!(s.read_to_end(&mut rest).unwrap(), 0, "then closed");
    assert_eq!(count.load(Ordering::SeqCst), 1);
}

#[test]
fn huge_answers_still_forward_first() {
    let (server, count) = upstream();
    let relay = Relay::start(addr_of(&server), false).unwrap();
    relay.plan(At::Path("/a".into()), Fault::HugeBody(100_000));
    relay.plan(At::Path("/b".into()), Fault::HugeHead(100_000));
    let mut s = connect(&relay);
    send(&mut s, "/a");
    let (_, _, body) = answer(&mut s).unwrap();
    assert_eq!(body.len(), 100_000);
    assert!(body.starts_with(br#"{"n":1}"#));
    let mut s = connect(&relay);
    send(&mut s, "/b");
    let (_, head, _) = answer(&mut s).unwrap();
    assert!(head.len() > 100_000);
    assert_eq!(count.load(Ordering::SeqCst), 2);
}

#[test]
fn the_other_listeners_refuse_hang_or_count() {
    let refused = Refused::start().unwrap();
    assert_eq!(TcpStream::connect(refused.addr()).unwrap_err().kind(), ErrorKind::ConnectionRefused);
    // Held while it lives: nobody else can listen on its port meanwhile.
    assert!(std::net::TcpListener::bind(refused.addr()).is_err());
    let hole = Blackhole::start().unwrap();
    let addr: SocketAddr = hole.base_url().trim_start_matches("http://").parse().unwrap();
    assert!(TcpStream::connect_timeout(&addr, Duration::from_millis(200)).is_err(), "the connect never completes");
    let witness = Witness::start().unwrap();
    assert_eq!(witness.connections(), 0);
    let _ = TcpStream::connect(witness.base_url().trim_start_matches("http://")).unwrap();
    let deadline = std::time::Instant::now() + Duration::from_secs(5);
    while witness.connections() == 0 && std::time::Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(5));
    }
    assert_eq!(witness.connections(), 1);
}
