//! The sandbox server's request reader, fed raw bytes over a loopback TCP socket.

use std::io::{Read, Write};
use std::net::{Shutdown, TcpStream};
use std::sync::OnceLock;
use std::time::Duration;

use proptest::prelude::*;
use sandbox_server::{SandboxOptions, SandboxServer};
use sign_core::{HttpRequest, HttpResponse};

use crate::{CANARY_TOKEN, Harness, Observed, Target};

#[derive(Debug, Clone)]
pub(crate) enum Raw {
    /// A well-formed request: method, path, headers, body (sent with its Content-Length).
    Valid { method: &'static str, path: String, headers: Vec<(String, String)>, body: Vec<u8> },
    /// A well-formed request with one byte changed, or cut.
    Broken { flip: Option<(usize, u8)>, cut: Option<usize>, body: Vec<u8> },
    /// Any bytes.
    Bytes(Vec<u8>),
}

struct RequestReader {
    server: OnceLock<Option<SandboxServer>>,
}

fn valid(method: &str, path: &str, headers: &[(String, String)], body: &[u8]) -> Vec<u8> {
    let mut head = format!("{method} {path} HTTP/1.1\r\nHost: sandbox\r\n");
    for (n, v) in headers {
        head.push_str(&format!("{n}: {v}\r\n"));
    }
    head.push_str(&format!("Content-Length: {}\r\n\r\n", body.len()));
    let mut bytes = head.into_bytes();
    bytes.extend_from_slice(body);
    bytes
}

fn bytes_of(raw: &Raw) -> Vec<u8> {
    match raw {
        Raw::Valid { method, path, headers, body } => valid(method, path, headers, body),
        Raw::Broken { flip, cut, body } => {
            let mut b = valid("POST", "/pay", &[("X-Token".into(), CANARY_TOKEN.into())], body);
            if let Some((at, x)) = flip {
                let at = at % b.len();
                b[at] ^= x;
            }
            if let Some(n) = cut {
                b.truncate(*n);
            }
            b
        }
        Raw::Bytes(b) => b.clone(),
    }
}

impl RequestReader {
    fn server(&self) -> Option<&SandboxServer> {
        self.server
            .get_or_init(|| {
                let options = SandboxOptions::default()
                    .read_timeout(Duration::from_secs(2))
                    .handler_timeout(Duration::from_secs(2));
                SandboxServer::start_with("127.0.0.1:0", options, |req: HttpRequest| {
                    HttpResponse::new(200, format!("{} {} {}", req.method, req.path(), req.body.len()))
                })
                .ok()
            })
            .as_ref()
    }
}

/// Sends `bytes`, closes the sending side, and reads the whole answer.
fn exchange(server: &SandboxServer, bytes: &[u8]) -> std::io::Result<Vec<u8>> {
    let addr = server.base_url().trim_start_matches("http://").to_owned();
    let mut stream = TcpStream::connect(addr)?;
    stream.set_read_timeout(Some(Duration::from_secs(5)))?;
    stream.set_write_timeout(Some(Duration::from_secs(5)))?;
    // The server may answer (and close) before reading everything: a failed write is no finding.
    let _ = stream.write_all(bytes);
    let _ = stream.shutdown(Shutdown::Write);
    let mut answer = Vec::new();
    match stream.read_to_end(&mut answer) {
        Ok(_) => Ok(answer),
        // A reset after a complete answer (the server refused unread input) still counts.
        Err(_) if !answer.is_empty() => Ok(answer),
        Err(e) => Err(e),
    }
}

impl Harness for RequestReader {
    type Input = Raw;

    fn strategy(&self) -> BoxedStrategy<Raw> {
        let header = ("[A-Za-z][A-Za-z0-9-]{0,10}", "[ -~]{0,16}").prop_map(|(n, v)| (n, v.trim().to_owned()));
        prop_oneof![
            (
                proptest::sample::select(vec!["GET", "POST", "PUT", "DELETE"]),
                "/[A-Za-z0-9/?=&._~-]{0,20}",
                proptest::collection::vec(header, 0..4),
                proptest::collection::vec(any::<u8>(), 0..64)
            )
                .prop_filter("framing headers are the reader's", |(_, _, h, _)| {
                    h.iter().all(|(n, _)| {
                        !["content-length", "transfer-encoding", "expect", "host"]
                            .contains(&n.to_ascii_lowercase().as_str())
                    })
                })
                .prop_map(|(method, path, headers, body)| Raw::Valid { method, path, headers, body }),
            (
                proptest::option::of((any::<usize>(), 1u8..=255)),
                proptest::option::of(0usize..120),
                proptest::collection::vec(any::<u8>(), 0..32)
            )
                .prop_map(|(flip, cut, body)| Raw::Broken { flip, cut, body }),
            proptest::collection::vec(any::<u8>(), 0..200).prop_map(Raw::Bytes),
        ]
        .boxed()
    }

    fn corpus(&self) -> Vec<(String, Raw)> {
        let mut out: Vec<(String, Raw)> = vec![
            ("valid".into(), Raw::Valid { method: "POST", path: "/pay".into(), headers: vec![], body: b"{}".to_vec() }),
            ("empty".into(), Raw::Bytes(vec![])),
            ("white space".into(), Raw::Bytes(b" \r\n\r\n".to_vec())),
            ("non-utf8".into(), Raw::Bytes(vec![0xff, 0xfe, 0x80, b'\r', b'\n', b'\r', b'\n'])),
            ("bom".into(), Raw::Bytes(b"\xef\xbb\xbfGET / HTTP/1.1\r\n\r\n".to_vec())),
            ("bare LF".into(), Raw::Bytes(b"GET / HTTP/1.1\nHost: x\n\n".to_vec())),
            ("control character in a header".into(), Raw::Bytes(b"GET / HTTP/1.1\r\nX: a\x01b\r\n\r\n".to_vec())),
            ("bidi in the path".into(), Raw::Bytes("GET /\u{202e} HTTP/1.1\r\n\r\n".as_bytes().to_vec())),
            (
                "two content-lengths".into(),
                Raw::Bytes(b"POST / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab".to_vec()),
            ),
            ("content-length +1".into(), Raw::Bytes(b"POST / HTTP/1.1\r\nContent-Length: +1\r\n\r\na".to_vec())),
            (
                "content-length huge".into(),
                Raw::Bytes(b"POST / HTTP/1.1\r\nContent-Length: 99999999999999999999\r\n\r\n".to_vec()),
            ),
            (
                "content-length over the body".into(),
                Raw::Bytes(b"POST / HTTP/1.1\r\nContent-Length: 10\r\n\r\nab".to_vec()),
            ),
            (
                "chunked".into(),
                Raw::Bytes(b"POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n1\r\na\r\n0\r\n\r\n".to_vec()),
            ),
            (
                "head of 64 KiB".into(),
                Raw::Bytes(format!("GET / HTTP/1.1\r\nX: {}\r\n\r\n", "a".repeat(64 * 1024)).into_bytes()),
            ),
            (
                "body of 1 MiB".into(),
                Raw::Valid { method: "POST", path: "/".into(), headers: vec![], body: vec![b'x'; 1 << 20] },
            ),
        ];
        for n in [1, 5, 16, 30, 60] {
            out.push((format!("cut to {n} bytes"), Raw::Broken { flip: None, cut: Some(n), body: b"{}".to_vec() }));
        }
        for at in [0, 3, 5, 9, 17, 20] {
            out.push((
                format!("byte {at} changed"),
                Raw::Broken { flip: Some((at, 0x20)), cut: None, body: b"{}".to_vec() },
            ));
        }
        out
    }

    fn check(&self, input: &Raw) -> Observed {
        let Some(server) = self.server() else {
            return Observed::named("setup").violate("the sandbox server did not start");
        };
        let bytes = bytes_of(input);
        let answer = match exchange(server, &bytes) {
            Ok(a) => a,
            Err(e) => return Observed::named("no answer").violate(format!("no answer: {e}")),
        };
        let text = String::from_utf8_lossy(&answer);
        let status: Option<u16> = text.strip_prefix("HTTP/1.1 ").and_then(|s| s.get(..3)).and_then(|s| s.parse().ok());
        let Some(status) = status else {
            return Observed::named("not HTTP")
                .violate(format!("answer is not HTTP: {:?}", text.chars().take(80).collect::<String>()));
        };
        let o = Observed::named(format!("HTTP {status}")).scan(&[&text]);
        match input {
            // A well-formed request reaches the handler whole.
            Raw::Valid { method, path, body, .. } => {
                let want = format!("{method} {} {}", path.split('?').next().unwrap_or(path), body.len());
                o.require(status == 200 && text.ends_with(&want), || {
                    format!("a valid request answered {text:?}, want {want:?}")
                })
            }
            // Anything else: an answer (a 4xx, or a 200 for what is still a whole request), never a
            // 5xx: the handler only echoes, so a 5xx would be the reader failing.
            _ => o.require((200..500).contains(&status), || format!("answer {status}")),
        }
    }
}

pub(crate) fn sandbox_request_reader() -> Target {
    Target::new(
        "sandbox_server_request_reader",
        "raw bytes over a loopback TCP socket: well-formed requests, the same with a byte changed or cut, any bytes, smuggling-shaped framing",
        "every connection gets an HTTP/1.1 answer (a 4xx for a bad request); a well-formed request reaches the handler with its method, path and whole body; the server keeps serving; no panic",
        64,
        RequestReader { server: OnceLock::new() },
    )
}
