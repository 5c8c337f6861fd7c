//! The sandbox's callback sender: after an order is placed it POSTs a signed status callback to
//! the order's `callbackUrl` from a background thread, retrying on anything but a `SUCCESS` reply
//! with the platform's schedule divided by the sandbox's time scale.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::Duration;

use sign_core::{HttpRequest, Method, Transport};

use super::{Shared, verify};
use crate::auth::SignType;

/// The platform's waits between callback attempts: 15 s, 30 s, 3 min, 10 min, 20 min, 30 min,
/// 60 min, 3 h and 6 h (so ten attempts in all).
pub const RETRY_SCHEDULE: [Duration; 9] = [
    Duration::from_secs(15),
    Duration::from_secs(30),
    Duration::from_secs(3 * 60),
    Duration::from_secs(10 * 60),
    Duration::from_secs(20 * 60),
    Duration::from_secs(30 * 60),
    Duration::from_secs(60 * 60),
    Duration::from_secs(3 * 60 * 60),
    Duration::from_secs(6 * 60 * 60),
];

/// What one callback attempt came to.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum DeliveryOutcome {
    /// The receiver answered 2xx with the body `SUCCESS`: no more attempts.
    Acknowledged,
    /// The receiver answered, but not 2xx `SUCCESS`: the sandbox retries.
    NotAcknowledged {
        /// The HTTP status received.
        status: u16,
    },
    /// The request failed (connection refused, timeout): the sandbox retries.
    Failed,
}

/// One callback attempt, as recorded by the sandbox.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct CallbackDelivery {
    /// The order the callback reported.
    pub order_code: String,
    /// 1 for the first attempt, 2 for the first retry, ...
    pub attempt: usize,
    /// Where it was sent.
    pub url: String,
    /// How it went.
    pub outcome: DeliveryOutcome,
}

pub(super) struct Job {
    pub order_code: String,
    pub url: String,
    pub body: Vec<u8>,
    pub sign_type: SignType,
}

/// Starts delivering `job` on a background thread. When the OS has no thread to give (the orders
/// are already debited by then), the callback is recorded as a failed first attempt instead of a
/// panic: the ledger stays as it is, and the admin interface can fire the callback again.
pub(super) fn spawn(shared: Arc<Shared>, job: Job) {
    start_delivery(shared, job, |deliver| {
        std::thread::Builder::new().name("vip-charge-notify".into()).spawn(deliver).map(drop)
    });
}

/// [`spawn`] with the thread's start given (a test makes it fail).
fn start_delivery(shared: Arc<Shared>, job: Job, start: impl FnOnce(Box<dyn FnOnce() + Send>) -> std::io::Result<()>) {
    let job = Arc::new(job);
    let started = {
        let (shared, job) = (Arc::clone(&shared), Arc::clone(&job));
        start(Box::new(move || deliver(&shared, &job)))
    };
    if started.is_err() {
        record_not_started(&shared, &job);
    }
}

fn record_not_started(shared: &Shared, job: &Job) {
    let verdict = Err("attempt 1: not sent (the sandbox could not start a delivery thread)".to_owned());
    shared.hooks.record_callback(&job.url, 0, verdict);
    shared.record_delivery(CallbackDelivery {
        order_code: job.order_code.clone(),
        attempt: 1,
        url: job.url.clone(),
        outcome: DeliveryOutcome::Failed,
    });
}

fn deliver(shared: &Shared, job: &Job) {
    let transport = sign_core::UreqTransport::builder()
        .connect_timeout(Duration::from_secs(2))
        .timeout(Duration::from_secs(5))
        .max_response_bytes(64 * 1024)
        .build();
    let waits = std::iter::once(Duration::ZERO).chain(RETRY_SCHEDULE.iter().map(|d| *d / shared.time_scale));
    for (i, wait) in waits.enumerate() {
        if !shared.sleep_unless_stopped(wait) {
            return;
        }
        let Some(request) = signed_request(shared, job) else { return };
        let (outcome, status) = match transport.send(&request) {
            Ok(r) if r.is_success() && r.body.trim_ascii() == crate::REPLY_SUCCESS.as_bytes() => {
                (DeliveryOutcome::Acknowledged, r.status)
            }
            Ok(r) => (DeliveryOutcome::NotAcknowledged { status: r.status }, r.status),
            Err(_) => (DeliveryOutcome::Failed, 0),
        };
        let done = outcome == DeliveryOutcome::Acknowledged;
        let verdict = match &outcome {
            DeliveryOutcome::Acknowledged => Ok(()),
            DeliveryOutcome::NotAcknowledged { .. } => {
                Err(format!("attempt {}: not acknowledged (reply 2xx `SUCCESS` to stop retries)", i + 1))
            }
            _ => Err(format!("attempt {}: no answer (connection failed or timed out)", i + 1)),
        };
        shared.hooks.record_callback(&job.url, status, verdict);
        shared.record_delivery(CallbackDelivery {
            order_code: job.order_code.clone(),
            attempt: i + 1,
            url: job.url.clone(),
            outcome,
        });
        if done {
            return;
        }
    }
}

/// A freshly signed callback request: every attempt gets its own nonce and timestamp.
fn signed_request(shared: &Shared, job: &Job) -> Option<HttpRequest> {
    let nonce = sign_core::clock::random_nonce(32);
    let timestamp = shared.clock.unix_millis().to_string();
    let headers = BTreeMap::from([
        ("businessId", shared.business_id.clone()),
        ("nonce", nonce.clone()),
        ("timestamp", timestamp.clone()),
    ]);
    let signed = verify::signed_bytes(&headers, &job.body);
    let sign = match job.sign_type {
        SignType::Md5 => verify::md5_sign(&shared.md5_secret, &signed),
        _ => verify::rsa_sign(&shared.platform_key, &signed)?,
    };
    Some(
        HttpRequest::new(Method::Post, job.url.clone())
            .with_header("Content-Type", "application/json; charset=utf-8")
            .with_header("businessId", shared.business_id.as_str())
            .with_header("nonce", nonce)
            .with_header("timestamp", timestamp)
            .with_header("sign", sign)
            .with_body(job.body.clone()),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sandbox::Sandbox;

    #[test]
    fn a_callback_whose_thread_cannot_start_is_a_failed_attempt_not_a_panic() {
        let sandbox = Sandbox::start().unwrap();
        let job = Job {
            order_code: "VC-NO-THREAD".into(),
            url: "http://127.0.0.1:9/notify".into(),
            body: b"{}".to_vec(),
            sign_type: SignType::Md5,
        };
        start_delivery(Arc::clone(&sandbox.shared), job, |_| Err(std::io::ErrorKind::OutOfMemory.into()));
        let deliveries = sandbox.deliveries();
        assert_eq!(deliveries.len(), 1, "{deliveries:?}");
        assert_eq!(deliveries[0].order_code, "VC-NO-THREAD");
        assert_eq!(deliveries[0].attempt, 1);
        assert_eq!(deliveries[0].outcome, DeliveryOutcome::Failed);
    }
}
