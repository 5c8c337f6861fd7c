//! `paykit-sandbox`: the paykit provider sandboxes as a standalone server. Each provider runs on
//! its own port with the rules of its crate's sandbox (signatures checked, state kept, signed
//! callbacks sent); see the crate README for the options, the admin interface and the output.

mod admin;
mod args;
mod pages;
mod providers;
mod state;

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::{Arc, mpsc};

use sandbox_server::hooks::one_line;
use sandbox_server::{Listen, SandboxOptions};

use crate::args::Args;
use crate::providers::{Common, Served, Started};

/// The five providers, in the order they are listed and their default ports follow.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Provider {
    Visagenius,
    Acqra,
    VipCharge,
    MallPay,
    Chainup,
}

impl Provider {
    pub(crate) const ALL: [Provider; 5] =
        [Self::Visagenius, Self::Acqra, Self::VipCharge, Self::MallPay, Self::Chainup];

    /// The crate's name.
    pub fn name(self) -> &'static str {
        match self {
            Self::Visagenius => "visagenius",
            Self::Acqra => "acqra-gateway",
            Self::VipCharge => "vip-charge",
            Self::MallPay => "mall-pay",
            Self::Chainup => "chainup-opay",
        }
    }

    /// The prefix of its options (`--acqra-port`).
    fn option_prefix(self) -> &'static str {
        match self {
            Self::Acqra => "acqra",
            Self::Chainup => "chainup",
            other => other.name(),
        }
    }

    fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.name() == name || p.option_prefix() == name)
    }

    fn index(self) -> u16 {
        Self::ALL.iter().position(|p| *p == self).unwrap_or(0) as u16
    }
}

const DEFAULT_BASE_PORT: u16 = 8101;

/// Prints a line on stdout. A closed stdout (the reader of a pipe gone, `| head`) is not a reason to
/// stop serving: `println!` would panic there, in a request's handler a `500` for every request.
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stdout().lock(), $($arg)*);
    }};
}

fn main() -> ExitCode {
    let args = match Args::parse(std::env::args_os().skip(1), std::env::vars()) {
        Ok(args) => args,
        Err(e) => {
            eprintln!("paykit-sandbox: {e}");
            return ExitCode::from(2);
        }
    };
    if args.flag("help") {
        say!("{}", args::help().trim_end());
        return ExitCode::SUCCESS;
    }
    if args.flag("version") {
        say!("paykit-sandbox {}", env!("CARGO_PKG_VERSION"));
        return ExitCode::SUCCESS;
    }
    if args.providers.is_empty() {
        eprintln!("paykit-sandbox: say which providers to serve: --all, or names such as `acqra chainup` (see --help)");
        return ExitCode::from(2);
    }
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("paykit-sandbox: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: &Args) -> Result<(), String> {
    // Installed first, so that a signal during the (slow) key generation still stops cleanly.
    let (stop_tx, stop_rx) = mpsc::channel::<()>();
    ctrlc::set_handler(move || {
        let _ = stop_tx.send(());
    })
    .map_err(|e| format!("cannot install the Ctrl-C/SIGTERM handler: {e}"))?;

    let bind = args.value("bind").unwrap_or_else(|| "127.0.0.1".into());
    let options = SandboxOptions::default().allow_non_loopback(args.flag("allow-non-loopback"));
    let base_port = args.parsed::<u16>("base-port")?.unwrap_or(DEFAULT_BASE_PORT);
    let keys_dir = match args.value("keys-dir") {
        Some(dir) => PathBuf::from(dir),
        None if args.providers.iter().any(|p| matches!(p, Provider::VipCharge | Provider::Chainup)) => new_keys_dir()?,
        // No provider writes a key: no directory to create.
        None => std::env::temp_dir(),
    };

    let mut running: Vec<Started> = Vec::new();
    for provider in &args.providers {
        let port = match args.parsed::<u16>(&format!("{}-port", provider.option_prefix()))? {
            Some(port) => port,
            None if base_port == 0 => 0,
            None => base_port.checked_add(provider.index()).ok_or("--base-port is too high")?,
        };
        let addr = if bind.contains(':') && !bind.starts_with('[') {
            format!("[{bind}]:{port}")
        } else {
            format!("{bind}:{port}")
        };
        // What the server answers itself (a malformed request, a method not served) never reaches
        // the sandbox's log: said here, in the same form.
        let name = provider.name();
        let options = options.clone().on_refused(move |line| say!("[{name}] {}", one_line(line)));
        let common = Common {
            listen: Listen::new(addr).options(options),
            keys_dir: &keys_dir,
            variant_shapes: args.flag("variant-shapes"),
        };
        let started = match provider {
            Provider::Visagenius => providers::start_visagenius(args, &common),
            Provider::Acqra => providers::start_acqra(args, &common),
            Provider::VipCharge => providers::start_vip_charge(args, &common),
            Provider::MallPay => providers::start_mall_pay(args, &common),
            Provider::Chainup => providers::start_chainup(args, &common),
        }?;
        install_hooks(&started.served);
        running.push(started);
    }

    // The banner is a valid shell / .env file: comments, then NAME=value lines.
    say!("# paykit-sandbox {}: {} provider(s)", env!("CARGO_PKG_VERSION"), running.len());
    say!("# These credentials are printed once, here; the request log never shows them.");
    for started in &running {
        let served = &started.served;
        say!(
            "\n# == {} at {} (admin: {}{})",
            served.provider().name(),
            served.base_url(),
            served.base_url(),
            admin::ADMIN_PREFIX
        );
        for note in &started.notes {
            say!("# {note}");
        }
        for (name, value) in &started.env {
            say!("{name}={}", shell_value(value));
        }
    }
    let served: Vec<Arc<dyn Served>> = running.iter().map(|s| Arc::clone(&s.served)).collect();
    let saver = match args.value("state") {
        Some(file) => {
            let file = PathBuf::from(file);
            let restored = state::restore(&file, &served)?;
            say!("\n# state kept in {}{}", file.display(), if restored { " (restored)" } else { "" });
            Some(state::Saver::start(file, served.clone())?)
        }
        None => None,
    };
    say!("\n# ready: one line per request follows; Ctrl-C or SIGTERM stops the server");

    let _ = stop_rx.recv();
    say!("# stopping");
    if let Some(saver) = saver {
        saver.stop()?;
    }
    drop(served);
    // Dropping a sandbox closes its port and stops its callback senders.
    drop(running);
    say!("# stopped");
    Ok(())
}

/// `value` as the right side of `NAME=value` in a shell or `.env` file: as it is when it holds only
/// characters no shell reads specially, else single-quoted (a given secret with a space or `$`, a
/// keys directory with a space), so that `. banner.env` sets exactly the value.
fn shell_value(value: &str) -> std::borrow::Cow<'_, str> {
    let plain = |c: char| c.is_ascii_alphanumeric() || "_-.,:/@%+=".contains(c);
    if !value.is_empty() && value.chars().all(plain) {
        value.into()
    } else {
        format!("'{}'", value.replace('\'', r"'\''")).into()
    }
}

/// A new directory under the system temp dir for the generated keys, readable by its owner only.
/// Created here, not found: a directory of that name made by someone else (a shared `/tmp`, a
/// process id used again) would hold the private keys.
fn new_keys_dir() -> Result<PathBuf, String> {
    let mut builder = std::fs::DirBuilder::new();
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    let mut last = None;
    for _ in 0..8 {
        let suffix = sign_core::clock::random_nonce(8);
        let dir = std::env::temp_dir().join(format!("paykit-sandbox-keys-{}-{suffix}", std::process::id()));
        match builder.create(&dir) {
            Ok(()) => return Ok(dir),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => last = Some(e),
            Err(e) => {
                return Err(format!(
                    "cannot create a directory for the keys in {}: {e}",
                    std::env::temp_dir().display()
                ));
            }
        }
    }
    Err(format!("cannot create a new directory for the keys: {}", last.map(|e| e.to_string()).unwrap_or_default()))
}

/// Prints each logged exchange, and serves the admin interface in front of the provider.
fn install_hooks(served: &Arc<dyn Served>) {
    let name = served.provider().name();
    // One line per request, whatever a client put in what the line quotes (a callback URL from a
    // request body): control characters are escaped, so no request can forge a line.
    served.hooks().on_logged(move |entry| say!("[{name}] {}", one_line(&entry.to_string())));
    // A weak handle: the server owns this closure, and the sandbox owns the server.
    let weak = Arc::downgrade(served);
    served.hooks().set_front(move |request| {
        let served = weak.upgrade()?;
        let (kind, (response, verdict)) = match admin::route(served.as_ref(), request) {
            Some(answered) => ("admin", answered),
            None => ("page", served.page(request)?),
        };
        // The same line as a provider request's: what was asked, the status, the verdict in words.
        let line = format!("{kind} {} {} -> {} {verdict}", request.method.as_str(), request.path(), response.status);
        say!("[{name}] {}", one_line(&line));
        Some(response)
    });
}
