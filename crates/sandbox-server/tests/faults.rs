//! Planned faults over a real socket: what a client sees when the sandbox loses an answer after
//! processing, answers late, or fails with a status.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use sandbox_server::{Fault, Faults, SandboxServer};
use sign_core::{HttpRequest, HttpResponse, Method, Transport, TransportErrorKind, UreqTransport};

fn server() -> (SandboxServer, Arc<Faults>, Arc<AtomicUsize>) {
    let faults = Arc::new(Faults::new());
    let processed = Arc::new(AtomicUsize::new(0));
    let (f, p) = (Arc::clone(&faults), Arc::clone(&processed));
    let server = SandboxServer::start(move |request| {
        f.apply(
            &request,
            |_| {
                p.fetch_add(1, Ordering::SeqCst);
                HttpResponse::new(200, "paid")
            },
            |code, message| HttpResponse::new(200, format!("{{\"code\":\"{code}\",\"msg\":\"{message}\"}}")),
        )
    })
    .unwrap();
    (server, faults, processed)
}

#[test]
fn a_lost_answer_was_processed_and_the_client_cannot_tell() {
    let (server, faults, processed) = server();
    faults.on_path("/pay", Fault::LoseAnswer);
    let transport = UreqTransport::builder().build();
    let err = transport.send(&HttpRequest::new(Method::Post, format!("{}/pay", server.base_url()))).unwrap_err();
    assert!(!err.kind().request_not_sent(), "{err:?}");
    assert_eq!(processed.load(Ordering::SeqCst), 1, "the payment went through");
    assert_eq!(faults.pending(), 0);
}

#[test]
fn a_late_answer_times_the_client_out_after_processing() {
    let (server, faults, processed) = server();
    faults.next_call(Fault::Delay(Duration::from_millis(600)));
    let transport = UreqTransport::builder().timeout(Duration::from_millis(100)).build();
    let err = transport.send(&HttpRequest::new(Method::Post, format!("{}/pay", server.base_url()))).unwrap_err();
    assert_eq!(err.kind(), TransportErrorKind::Timeout, "{err:?}");
    assert_eq!(processed.load(Ordering::SeqCst), 1);
}

#[test]
fn statuses_and_provider_errors_are_answered_without_processing() {
    let (server, faults, processed) = server();
    faults.on_path("/pay", Fault::Status(502));
    faults.on_path("/pay", Fault::provider_error("E42", "no funds"));
    let transport = UreqTransport::builder().build();
    let pay = HttpRequest::new(Method::Post, format!("{}/pay", server.base_url()));
    let query = HttpRequest::new(Method::Post, format!("{}/query", server.base_url()));
    assert_eq!(transport.send(&query).unwrap().body, b"paid", "a fault planned for /pay leaves /query alone");
    assert_eq!(transport.send(&pay).unwrap().status, 502);
    assert_eq!(transport.send(&pay).unwrap().body, br#"{"code":"E42","msg":"no funds"}"#);
    assert_eq!(transport.send(&pay).unwrap().body, b"paid");
    assert_eq!(processed.load(Ordering::SeqCst), 2, "only /query and the last /pay");
}
