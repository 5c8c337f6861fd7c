//! TLS failures are classified by when they happen: a handshake refused before any request byte
//! is "not sent" (safe to retry), never the outcome-unknown `Io`. The server is a loopback rustls
//! server with a self-signed certificate (`testdata/tls/`, see `testdata/README.md`), which the
//! client must refuse.
#![cfg(feature = "ureq")]

use std::net::TcpListener;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, PrivateKeyDer};
use sign_core::call::send_with_retries;
use sign_core::{HttpRequest, Method, RetryPolicy, Transport, TransportError, TransportErrorKind, UreqTransport};

fn testdata(name: &str) -> Vec<u8> {
    std::fs::read(format!("{}/testdata/tls/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

/// A TLS server on loopback presenting the self-signed certificate; counts handshakes attempted
/// and HTTP bytes received after a handshake (there must be none).
fn tls_server() -> (String, Arc<AtomicUsize>) {
    let cert = CertificateDer::from_pem_slice(&testdata("self_signed_cert.pem")).unwrap();
    let key = PrivateKeyDer::from_pem_slice(&testdata("self_signed_key.pem")).unwrap();
    let config = rustls::ServerConfig::builder_with_provider(Arc::new(rustls::crypto::ring::default_provider()))
        .with_safe_default_protocol_versions()
        .unwrap()
        .with_no_client_auth()
        .with_single_cert(vec![cert], key)
        .unwrap();
    let config = Arc::new(config);
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("https://127.0.0.1:{}", listener.local_addr().unwrap().port());
    let handshakes = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&handshakes);
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { return };
            counter.fetch_add(1, Ordering::SeqCst);
            let mut conn = rustls::ServerConnection::new(Arc::clone(&config)).unwrap();
            // Runs the handshake until the client gives up on the certificate.
            while conn.is_handshaking() {
                if conn.complete_io(&mut stream).is_err() {
                    break;
                }
            }
        }
    });
    (url, handshakes)
}

#[test]
fn a_refused_certificate_is_a_tls_failure_and_nothing_was_sent() {
    let (url, handshakes) = tls_server();
    let transport = UreqTransport::builder().build();
    let err = transport.send(&HttpRequest::new(Method::Post, format!("{url}/pay"))).unwrap_err();
    assert_eq!(err.kind(), TransportErrorKind::Tls, "{err}");
    assert!(err.kind().request_not_sent());

    // Nothing reached a server, so resending is safe, but a refused certificate fails the same way
    // every time: the client does not retry it.
    let before = handshakes.load(Ordering::SeqCst);
    let policy = RetryPolicy::new(2, std::time::Duration::ZERO, std::time::Duration::ZERO);
    let err = send_with_retries(&transport, &policy, || {
        Ok::<_, TransportError>(HttpRequest::new(Method::Post, format!("{url}/pay")))
    })
    .unwrap_err();
    assert_eq!(err.kind(), TransportErrorKind::Tls);
    assert_eq!(handshakes.load(Ordering::SeqCst) - before, 1, "one attempt, no pointless retries");
}

#[test]
fn a_request_that_cannot_be_built_was_not_sent() {
    let transport = UreqTransport::builder().build();
    let err = transport.send(&HttpRequest::new(Method::Post, "https://exa mple.com/pay")).unwrap_err();
    assert_eq!(err.kind(), TransportErrorKind::Build, "{err}");
    assert!(err.kind().request_not_sent());
}

#[test]
fn a_sans_io_client_fails_at_once_without_retrying() {
    let policy = RetryPolicy::new(5, std::time::Duration::from_secs(1), std::time::Duration::from_secs(1));
    let mut attempts = 0;
    let started = std::time::Instant::now();
    let err = send_with_retries(&sign_core::NoTransport, &policy, || {
        attempts += 1;
        Ok::<_, TransportError>(HttpRequest::new(Method::Post, "https://h.example/pay"))
    })
    .unwrap_err();
    assert_eq!((err.kind(), attempts), (TransportErrorKind::Build, 1));
    assert!(started.elapsed() < std::time::Duration::from_secs(1), "no backoff sleep");
}
