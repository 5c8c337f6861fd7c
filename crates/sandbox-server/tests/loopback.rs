//! The loopback server the sandboxes run on, driven through the real ureq transport.

use sandbox_server::SandboxServer;
use std::time::Duration;

use sign_core::{HttpRequest, HttpResponse, Method, Transport, UreqTransport};

#[test]
fn serves_a_handler_over_loopback() {
    let server = SandboxServer::start(|req: HttpRequest| {
        let echo = format!(
            "{} {} {} {}",
            req.method,
            req.path_and_query(),
            req.header("x-test").unwrap_or("-"),
            String::from_utf8_lossy(&req.body)
        );
        HttpResponse::json(201, echo).with_header("X-Reply", "yes")
    })
    .unwrap();
    assert!(server.base_url().starts_with("http://127.0.0.1:"));
    let transport = UreqTransport::builder().build();
    let req = HttpRequest::new(Method::Post, format!("{}/a/b?c=1", server.base_url()))
        .with_header("X-Test", "t1")
        .with_body(b"hello".to_vec());
    let resp = transport.send(&req).unwrap();
    assert_eq!(resp.status, 201);
    assert_eq!(String::from_utf8(resp.body.clone()).unwrap(), "POST /a/b?c=1 t1 hello");
    assert_eq!(resp.header("x-reply"), Some("yes"));
    let url = server.base_url().to_owned();
    drop(server);
    // Once dropped, the port no longer answers.
    let err = transport.send(&HttpRequest::new(Method::Get, url)).unwrap_err();
    assert!(err.kind().request_not_sent(), "{err}");
}

#[test]
fn huge_timeouts_mean_no_practical_limit_rather_than_a_panic() {
    // `Duration::MAX` is a natural way to say "no timeout"; ureq adds timeouts to `Instant::now()`,
    // which overflowed and panicked on every call.
    let server = SandboxServer::start(|_req: HttpRequest| HttpResponse::new(200, "ok")).unwrap();
    for huge in [Duration::MAX, Duration::from_secs(u64::MAX / 4)] {
        let transport = UreqTransport::builder().connect_timeout(huge).timeout(huge).build();
        let resp = transport.send(&HttpRequest::new(Method::Get, format!("{}/x", server.base_url()))).unwrap();
        assert_eq!(resp.status, 200);
    }
}
