//! Starting the built binary and reading what it prints.

#![allow(dead_code)]

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

use sandbox_server::SandboxServer;
use sign_core::{HttpRequest, HttpResponse};

/// How long the test waits for something that happens within milliseconds on any machine (RSA key
/// generation at start, a callback on its way): generous, and only a bound on a hang.
pub const PATIENCE: Duration = Duration::from_secs(120);

/// Lines printed by the binary, shared with the thread reading them.
#[derive(Clone, Default)]
pub struct Output(Arc<(Mutex<Vec<String>>, Condvar)>);

impl Output {
    pub fn lines(&self) -> Vec<String> {
        self.0.0.lock().unwrap().clone()
    }

    /// Waits until a line satisfies `pred`; the line, or `None` if the stream ended or the wait ran
    /// out.
    pub fn wait_for(&self, pred: impl Fn(&str) -> bool) -> Option<String> {
        let deadline = Instant::now() + PATIENCE;
        let mut lines = self.0.0.lock().unwrap();
        loop {
            if let Some(line) = lines.iter().find(|l| pred(l)) {
                return Some(line.clone());
            }
            if lines.last().is_some_and(|l| l == EOF) {
                return None;
            }
            let now = Instant::now();
            if now >= deadline {
                return None;
            }
            lines = self.0.1.wait_timeout(lines, deadline - now).unwrap().0;
        }
    }
}

const EOF: &str = "\u{0}EOF";

/// The running binary.
pub struct Running {
    pub child: Child,
    pub out: Output,
    /// The `NAME=value` lines of its banner.
    pub env: BTreeMap<String, String>,
}

impl Running {
    /// Starts `paykit-sandbox` with `args` and waits until it says it is ready.
    pub fn start(args: &[&str]) -> Running {
        let mut child = Command::new(env!("CARGO_BIN_EXE_paykit-sandbox"))
            .args(args)
            .env_remove("PAYKIT_SANDBOX_PROVIDERS")
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("the binary starts");
        let stdout = child.stdout.take().unwrap();
        let out = Output::default();
        let shared = out.clone();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                shared.0.0.lock().unwrap().push(line);
                shared.0.1.notify_all();
            }
            shared.0.0.lock().unwrap().push(EOF.to_owned());
            shared.0.1.notify_all();
        });
        let ready = out.wait_for(|l| l.starts_with("# ready"));
        assert!(ready.is_some(), "the binary never said it was ready; it printed:\n{}", out.lines().join("\n"));
        let env = out
            .lines()
            .iter()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split_once('='))
            .map(|(k, v)| (k.to_owned(), v.to_owned()))
            .collect();
        Running { child, out, env }
    }

    /// Starts the binary serving `providers` on free ports, its key files in `keys`, with the
    /// options `more`.
    pub fn serving(providers: &[&str], keys: &ScratchDir, more: &[&str]) -> Running {
        let keys = keys.to_str().expect("a UTF-8 temporary directory");
        let args: Vec<&str> =
            providers.iter().chain(&["--base-port", "0", "--keys-dir", keys]).chain(more).copied().collect();
        Running::start(&args)
    }

    pub fn var(&self, name: &str) -> String {
        self.env.get(name).cloned().unwrap_or_else(|| panic!("the banner has no {name}"))
    }

    /// A visagenius client with the credentials the binary printed.
    pub fn visagenius_client(&self) -> visagenius::Client {
        let config = visagenius::Config::builder()
            .base_url(self.var("VISAGENIUS_BASE_URL"))
            .appid(self.var("VISAGENIUS_APPID"))
            .access_key(self.var("VISAGENIUS_ACCESS_KEY"))
            .secret_key(self.var("VISAGENIUS_SECRET_KEY"));
        visagenius::Client::new(config.build().unwrap())
    }

    /// An acqra-gateway client with the credentials the binary printed.
    pub fn acqra_client(&self) -> acqra_gateway::Client {
        let config = acqra_gateway::Config::builder()
            .base_url(self.var("ACQRA_BASE_URL"))
            .app_id(self.var("ACQRA_APP_ID"))
            .secret(self.var("ACQRA_SECRET"));
        acqra_gateway::Client::new(config.build().unwrap())
    }

    /// A chainup-opay client with the app key and the key files the binary printed.
    pub fn chainup_client(&self) -> chainup_opay::Client {
        let config = chainup_opay::Config::builder()
            .base_url(self.var("CHAINUP_BASE_URL"))
            .app_key(self.var("CHAINUP_APP_KEY"))
            .merchant_private_key_file(self.var("CHAINUP_MERCHANT_PRIVATE_KEY_FILE"))
            .platform_public_key_file(self.var("CHAINUP_PLATFORM_PUBLIC_KEY_FILE"));
        chainup_opay::Client::new(config.build().unwrap())
    }

    /// The lines printed after the banner (the request log).
    pub fn log_lines(&self) -> Vec<String> {
        let lines = self.out.lines();
        let start = lines.iter().position(|l| l.starts_with("# ready")).map_or(0, |i| i + 1);
        lines[start..].to_vec()
    }

    /// Sends SIGTERM and waits for the exit.
    #[cfg(unix)]
    pub fn terminate(mut self) -> (std::process::ExitStatus, Vec<String>) {
        let status = Command::new("kill").args(["-TERM", &self.child.id().to_string()]).status().unwrap();
        assert!(status.success(), "kill -TERM failed");
        let exit = self.child.wait().unwrap();
        self.out.wait_for(|l| l == EOF);
        (exit, self.out.lines())
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        // A test that failed half-way must not leave the server running.
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A directory of the test's own under the temporary directory (key files, a state file),
/// removed when dropped, so that a failed test leaves nothing behind either.
pub struct ScratchDir(PathBuf);

impl ScratchDir {
    /// `paykit-sandbox-<name>-<pid>`: the process id keeps concurrent test runs apart.
    pub fn new(name: &str) -> ScratchDir {
        ScratchDir(std::env::temp_dir().join(format!("paykit-sandbox-{name}-{}", std::process::id())))
    }
}

impl std::ops::Deref for ScratchDir {
    type Target = Path;
    fn deref(&self) -> &Path {
        &self.0
    }
}

impl Drop for ScratchDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// The requests a loopback "merchant" received, by path.
#[derive(Clone, Default)]
pub struct Received(Arc<(Mutex<Vec<PathAndRequest>>, Condvar)>);

/// A request received, with its path.
type PathAndRequest = (String, HttpRequest);

impl Received {
    /// Waits for a request to `path` satisfying `pred`.
    pub fn wait_for(&self, path: &str, pred: impl Fn(&HttpRequest) -> bool) -> Option<HttpRequest> {
        let deadline = Instant::now() + PATIENCE;
        let mut got = self.0.0.lock().unwrap();
        loop {
            if let Some((_, r)) = got.iter().find(|(p, r)| p == path && pred(r)) {
                return Some(r.clone());
            }
            let now = Instant::now();
            if now >= deadline {
                return None;
            }
            got = self.0.1.wait_timeout(got, deadline - now).unwrap().0;
        }
    }
}

/// A merchant's callback endpoint on loopback: records every request and answers `reply(path)`.
pub fn merchant(reply: impl Fn(&str) -> &'static str + Send + Sync + 'static) -> (SandboxServer, Received) {
    let received = Received::default();
    let store = received.clone();
    let server = SandboxServer::start(move |request| {
        let path = request.path().to_owned();
        let answer = reply(&path);
        store.0.0.lock().unwrap().push((path, request));
        store.0.1.notify_all();
        HttpResponse::new(200, answer)
    })
    .unwrap();
    (server, received)
}

/// POSTs `body` to `url`: the status and the body.
pub fn post(url: &str, content_type: &str, body: &str) -> (u16, String) {
    let agent = ureq::Agent::new_with_config(ureq::Agent::config_builder().http_status_as_error(false).build());
    let mut response = agent.post(url).header("Content-Type", content_type).send(body).unwrap();
    (response.status().as_u16(), response.body_mut().read_to_string().unwrap())
}

/// GETs `url`: the status and the body.
pub fn get(url: &str) -> (u16, String) {
    let agent = ureq::Agent::new_with_config(ureq::Agent::config_builder().http_status_as_error(false).build());
    let mut response = agent.get(url).call().unwrap();
    (response.status().as_u16(), response.body_mut().read_to_string().unwrap())
}
