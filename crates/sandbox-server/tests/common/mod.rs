//! What the raw-socket tests share: a connection with a bounded read, one exchange, its status.

use std::io::{Read, Write};
use std::net::{Shutdown, TcpStream};
use std::time::Duration;

use sandbox_server::SandboxServer;

/// Far longer than anything here should take, far shorter than the timeouts that must not be
/// what answers.
pub const PATIENCE: Duration = Duration::from_secs(30);

/// A raw connection to `server` whose reads give up after [`PATIENCE`].
pub fn connect(server: &SandboxServer) -> TcpStream {
    let stream = TcpStream::connect(server.base_url().trim_start_matches("http://")).unwrap();
    stream.set_read_timeout(Some(PATIENCE)).unwrap();
    stream
}

/// Sends `raw`, closes the write half and returns everything answered within [`PATIENCE`]. The
/// server may answer (and close) before it read everything: write errors are ignored.
pub fn exchange(server: &SandboxServer, raw: &[u8]) -> String {
    let mut stream = connect(server);
    let _ = stream.write_all(raw);
    let _ = stream.shutdown(Shutdown::Write);
    let mut out = Vec::new();
    let _ = stream.read_to_end(&mut out);
    String::from_utf8_lossy(&out).into_owned()
}

/// The status code of an HTTP/1.1 answer.
pub fn status_of(answer: &str) -> u16 {
    answer
        .strip_prefix("HTTP/1.1 ")
        .and_then(|rest| rest.get(..3))
        .and_then(|code| code.parse().ok())
        .unwrap_or_else(|| panic!("not an HTTP answer: {answer:?}"))
}
