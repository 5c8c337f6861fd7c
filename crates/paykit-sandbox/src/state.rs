//! `--state FILE`: the sandboxes' state in one JSON file, `{"<provider>": <its state>}`, restored at
//! start and written when it changes (checked every second) and at shutdown, so that a restart
//! keeps the orders. Written to a temporary file then renamed: a crash leaves the old file whole.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc;
use std::thread::JoinHandle;
use std::time::Duration;

use serde_json::{Map, Value};

use crate::providers::Served;

/// How often the state is compared with what was last written.
const EVERY: Duration = Duration::from_secs(1);

fn snapshot(served: &[Arc<dyn Served>]) -> Value {
    let map: Map<String, Value> = served.iter().map(|s| (s.provider().name().to_owned(), s.export_state())).collect();
    Value::Object(map)
}

/// Restores the providers found in `file`; `false` when there is no file yet.
pub fn restore(file: &Path, served: &[Arc<dyn Served>]) -> Result<bool, String> {
    let text = match std::fs::read_to_string(file) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(false),
        Err(e) => return Err(format!("--state: cannot read {}: {e}", file.display())),
    };
    let saved: Value =
        serde_json::from_str(&text).map_err(|e| format!("--state: {} is not a state file: {e}", file.display()))?;
    for s in served {
        if let Some(state) = saved.get(s.provider().name()) {
            s.import_state(state).map_err(|e| {
                format!("--state: {}: the {} state is unreadable: {e}", file.display(), s.provider().name())
            })?;
        }
    }
    Ok(true)
}

fn write(file: &Path, state: &Value) -> Result<(), String> {
    let tmp = file.with_extension("tmp");
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        // It can hold tokens.
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let text = serde_json::to_string_pretty(state).map_err(|e| e.to_string())?;
    let written = options.open(&tmp).and_then(|mut f| std::io::Write::write_all(&mut f, text.as_bytes()));
    written
        .and_then(|()| std::fs::rename(&tmp, file))
        .map_err(|e| format!("--state: cannot write {}: {e}", file.display()))
}

/// The thread that writes the state when it changes.
pub struct Saver {
    stop: mpsc::Sender<()>,
    thread: JoinHandle<Result<(), String>>,
}

impl Saver {
    /// Writes the state at once, so that a file that cannot be written stops the start instead of
    /// losing every change made while the server runs; then writes it again when it changes.
    pub fn start(file: PathBuf, served: Vec<Arc<dyn Served>>) -> Result<Saver, String> {
        let mut last = snapshot(&served);
        write(&file, &last)?;
        let (stop, stopped) = mpsc::channel();
        let thread = std::thread::spawn(move || {
            let mut failing: Option<String> = None;
            loop {
                let done = !matches!(stopped.recv_timeout(EVERY), Err(mpsc::RecvTimeoutError::Timeout));
                let now = snapshot(&served);
                if now != last {
                    match write(&file, &now) {
                        Ok(()) => {
                            last = now;
                            failing = None;
                        }
                        Err(e) if done => return Err(e),
                        // Said once per failure, not every second, and tried again: a full disk may clear.
                        Err(e) => {
                            if failing.as_ref() != Some(&e) {
                                eprintln!("paykit-sandbox: {e}");
                                failing = Some(e);
                            }
                        }
                    }
                }
                if done {
                    return Ok(());
                }
            }
        });
        Ok(Saver { stop, thread })
    }

    /// Writes the state a last time and stops.
    pub fn stop(self) -> Result<(), String> {
        let _ = self.stop.send(());
        self.thread.join().map_err(|_| "the state writer panicked".to_owned())?
    }
}
