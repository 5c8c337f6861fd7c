//! The `tracing` feature: every call is one span (provider, endpoint, attempts, HTTP status,
//! outcome, duration), every retry and token refresh an event, every callback verification a span;
//! and no secret, token, card number, header or body ever appears in any of it. Canaries are
//! planted in the credentials, the request and response bodies and headers; a subscriber records
//! every span, field and event, and the record is searched for them.

mod common;

use std::collections::{BTreeMap, VecDeque};
use std::fmt::Debug;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use sign_core::async_transport::BoxFuture;
use sign_core::{
    AsyncTransport, HttpRequest, HttpResponse, RetryPolicy, Transport, TransportError, TransportErrorKind,
};
use tracing::field::{Field, Visit};
use tracing::span::{Attributes, Id, Record};
use tracing::{Event, Metadata, Subscriber};

const SECRET: &str = "canary-secret-7Q2Z9XK4";
const TOKEN: &str = "canary-token-Z81LPW3M";
const CARD_NO: &str = "4111111111111111";
const IN_BODY: &str = "canary-body-H5N2D8R1";
const IN_HEADER: &str = "canary-header-K3V7T6Q0";

/// One span or event: its name and every field as recorded (a span's fields accumulate).
#[derive(Debug, Clone)]
struct Entry {
    name: String,
    fields: Vec<(String, String)>,
}

impl Entry {
    /// The last value recorded for `field`.
    fn get(&self, field: &str) -> Option<&str> {
        self.fields.iter().rev().find(|(name, _)| name == field).map(|(_, value)| value.as_str())
    }
}

/// A subscriber that keeps everything: every span with every field recorded on it, every event.
#[derive(Clone, Default)]
struct Recorder {
    spans: Arc<Mutex<BTreeMap<u64, Entry>>>,
    events: Arc<Mutex<Vec<Entry>>>,
    next_id: Arc<AtomicU64>,
}

struct Fields<'a>(&'a mut Vec<(String, String)>);

impl Visit for Fields<'_> {
    fn record_str(&mut self, field: &Field, value: &str) {
        self.0.push((field.name().to_owned(), value.to_owned()));
    }

    fn record_debug(&mut self, field: &Field, value: &dyn Debug) {
        self.0.push((field.name().to_owned(), format!("{value:?}")));
    }
}

fn entry(metadata: &Metadata<'_>) -> Entry {
    let fields =
        vec![("target".to_owned(), metadata.target().to_owned()), ("level".to_owned(), metadata.level().to_string())];
    Entry { name: metadata.name().to_owned(), fields }
}

impl Subscriber for Recorder {
    fn enabled(&self, _: &Metadata<'_>) -> bool {
        true
    }

    fn new_span(&self, span: &Attributes<'_>) -> Id {
        let id = self.next_id.fetch_add(1, Ordering::SeqCst) + 1;
        let mut entry = entry(span.metadata());
        span.record(&mut Fields(&mut entry.fields));
        self.spans.lock().unwrap().insert(id, entry);
        Id::from_u64(id)
    }

    fn record(&self, span: &Id, values: &Record<'_>) {
        let mut spans = self.spans.lock().unwrap();
        let entry = spans.get_mut(&span.into_u64()).expect("a known span");
        values.record(&mut Fields(&mut entry.fields));
    }

    fn record_follows_from(&self, _: &Id, _: &Id) {}

    fn event(&self, event: &Event<'_>) {
        let mut entry = entry(event.metadata());
        event.record(&mut Fields(&mut entry.fields));
        self.events.lock().unwrap().push(entry);
    }

    fn enter(&self, _: &Id) {}

    fn exit(&self, _: &Id) {}
}

impl Recorder {
    /// Runs `f` with this subscriber as the thread's default.
    fn capture<R>(&self, f: impl FnOnce() -> R) -> R {
        tracing::subscriber::with_default(self.clone(), f)
    }

    fn spans(&self, name: &str) -> Vec<Entry> {
        self.spans.lock().unwrap().values().filter(|e| e.name == name).cloned().collect()
    }

    fn events(&self, message: &str) -> Vec<Entry> {
        self.events.lock().unwrap().iter().filter(|e| e.get("message") == Some(message)).cloned().collect()
    }

    /// Fails with every leak at once.
    fn assert_shows_none_of(&self, canaries: &[&str]) {
        let spans = self.spans.lock().unwrap().values().cloned().collect::<Vec<_>>();
        let events = self.events.lock().unwrap().clone();
        assert!(spans.len() >= 3 && !events.is_empty(), "too little was recorded to prove anything");
        let leaks: Vec<String> = spans
            .iter()
            .chain(&events)
            .flat_map(|e| {
                let text = format!("{e:?}");
                canaries.iter().filter(|c| text.contains(**c)).map(|c| format!("{c:?} in {text}")).collect::<Vec<_>>()
            })
            .collect();
        assert!(leaks.is_empty(), "{} leak(s):\n{}", leaks.len(), leaks.join("\n"));
    }
}

/// A transport answering from a script.
struct Script(Mutex<VecDeque<Result<HttpResponse, TransportError>>>);

impl Transport for Script {
    fn send(&self, _: &HttpRequest) -> Result<HttpResponse, TransportError> {
        self.0.lock().unwrap().pop_front().expect("a scripted answer")
    }
}

fn answer(status: u16, body: String) -> Result<HttpResponse, TransportError> {
    Ok(HttpResponse::json(status, body).with_header("X-Echo", format!("{IN_HEADER} {TOKEN} {SECRET}")))
}

/// The acqra script: the token, a query answered after a 503, a payment refused before it was sent
/// (repeated) and then declined; canaries in every message, body and header.
fn acqra_script() -> VecDeque<Result<HttpResponse, TransportError>> {
    let canaries_in_messages = format!("{IN_BODY} {CARD_NO} {TOKEN} {SECRET}");
    VecDeque::from([
        // The token, fetched before the first call.
        answer(200, format!(r#"{{"accessToken":"{TOKEN}","expiresIn":3600,"respCode":"0000","respMsg":"ok"}}"#)),
        // The query: a 503 (repeated: a query is idempotent), then the answer.
        answer(503, format!(r#"<html>{canaries_in_messages}</html>"#)),
        answer(
            200,
            format!(
                r#"{{"respCode":"0000","respMsg":"{canaries_in_messages}","order":{{"orderNo":"ORD-1","tradeNo":"T1",
                "orderStatus":"authorized","payAmount":1.00,"paymentMethodType":"card"}},"refund":[]}}"#
            ),
        ),
        // The payment: refused before it was sent (repeated), then declined by the gateway.
        Err(TransportError::new(TransportErrorKind::Connect, format!("refused {canaries_in_messages}"))),
        answer(200, format!(r#"{{"respCode":"5001","respMsg":"declined {canaries_in_messages}"}}"#)),
    ])
}

fn acqra_config() -> acqra_gateway::Config {
    acqra_gateway::Config::builder()
        .base_url("http://127.0.0.1:9")
        .app_id("app-42")
        .secret(SECRET)
        .retry(RetryPolicy::new(2, Duration::ZERO, Duration::ZERO))
        .build()
        .unwrap()
}

/// A card payment whose card, holder, browser and address are canaries.
fn acqra_payment() -> acqra_gateway::PaymentRequest {
    use acqra_gateway::{
        Address, Billing, Browser, Card, Currency, Decimal, DeviceInfo, PaymentMethodType, PaymentRequest,
    };
    let card = Card::new(CARD_NO, "06", "2099", IN_BODY, "Li").with_cvc("737");
    let device = DeviceInfo::new(Browser::new(IN_BODY), "10.1.1.1", "en-US");
    PaymentRequest::new(Decimal::from(1), Currency::USD, device, "ORD-2", PaymentMethodType::Card)
        .with_card(card)
        .with_billing(Billing::new(Address::new(IN_BODY, "HK", "1 Main St", "98102", "WA")))
}

fn acqra_query() -> acqra_gateway::QueryRequest {
    acqra_gateway::QueryRequest::new(acqra_gateway::PaymentMethodType::Card).with_order_no("ORD-1")
}

/// What the acqra script must leave in the record, whichever client ran it.
fn assert_acqra_record(recorder: &Recorder) {
    let calls = recorder.spans("call");
    let summary: Vec<_> = calls
        .iter()
        .map(|c| {
            let field = |name| c.get(name).unwrap_or("-").to_owned();
            (field("provider"), field("endpoint"), field("attempts"), field("http_status"), field("outcome"))
        })
        .collect();
    let row = |endpoint: &str, attempts: &str, status: &str, outcome: &str| {
        ("acqra-gateway".to_owned(), endpoint.to_owned(), attempts.to_owned(), status.to_owned(), outcome.to_owned())
    };
    assert_eq!(
        summary,
        [row("query", "2", "200", "ok"), row("token", "1", "200", "ok"), row("payment", "2", "200", "definite")]
    );
    assert!(calls.iter().all(|c| c.get("target") == Some("paykit") && c.get("duration_us").is_some()));

    let retries = recorder.events("retry");
    let retried: Vec<_> =
        retries.iter().map(|r| (r.get("attempt"), r.get("http_status"), r.get("error"), r.get("level"))).collect();
    assert_eq!(
        retried,
        [(Some("1"), Some("503"), None, Some("WARN")), (Some("1"), None, Some("Connect"), Some("WARN"))]
    );
    let refreshes = recorder.events("token refresh");
    assert_eq!(refreshes.len(), 1);
    assert_eq!(refreshes[0].get("provider"), Some("acqra-gateway"));

    recorder.assert_shows_none_of(&[SECRET, TOKEN, CARD_NO, IN_BODY, IN_HEADER, "1 Main St"]);
}

#[test]
fn acqra_calls_are_spans_with_retry_and_token_events_and_no_canary() {
    let transport = Arc::new(Script(Mutex::new(acqra_script())));
    let client = acqra_gateway::Client::with_transport(acqra_config(), transport);
    let payment = acqra_payment();

    let recorder = Recorder::default();
    recorder.capture(|| {
        client.query(&acqra_query()).expect("query");
        let declined = client.payment(&payment).expect_err("declined");
        assert!(matches!(declined, acqra_gateway::Error::Api { .. }), "{declined:?}");
    });
    assert_acqra_record(&recorder);
}

impl AsyncTransport for Script {
    fn send<'a>(&'a self, _: &'a HttpRequest) -> BoxFuture<'a, Result<HttpResponse, TransportError>> {
        let answer = self.0.lock().unwrap().pop_front().expect("a scripted answer");
        Box::pin(async move {
            // A real transport is suspended at least once: the span must survive it.
            tokio::task::yield_now().await;
            answer
        })
    }

    fn sleep(&self, duration: Duration) -> BoxFuture<'static, ()> {
        Box::pin(tokio::time::sleep(duration))
    }
}

/// The async client records the same spans and events as the blocking one, across every `.await`,
/// and shows no canary either.
#[test]
fn acqra_async_calls_are_the_same_spans_and_events_with_no_canary() {
    let transport = Arc::new(Script(Mutex::new(acqra_script())));
    let client = acqra_gateway::AsyncClient::with_transport(acqra_config(), transport);
    let payment = acqra_payment();
    let runtime = tokio::runtime::Builder::new_current_thread().enable_time().build().unwrap();

    let recorder = Recorder::default();
    recorder.capture(|| {
        runtime.block_on(async {
            client.query(&acqra_query()).await.expect("query");
            let declined = client.payment(&payment).await.expect_err("declined");
            assert!(matches!(declined, acqra_gateway::Error::Api { .. }), "{declined:?}");
        })
    });
    assert_acqra_record(&recorder);
}

#[test]
fn vip_charge_calls_and_callback_verifications_are_spans_with_no_canary() {
    use vip_charge::sandbox::Sandbox;
    use vip_charge::{SignType, VipChargeRequest};

    let sandbox = Sandbox::start().expect("sandbox");
    let client = sandbox.client_with_sign_type(SignType::Md5).expect("client");
    let md5_secret = sandbox.md5_secret_key().expose().to_owned();
    // The merchant's endpoint keeps the genuine callback, to verify it here, under the recorder.
    let receiver = common::Receiver::start(|request| {
        (HttpResponse::new(200, "SUCCESS"), (request.headers.clone(), request.body.clone()))
    });
    let request = VipChargeRequest::new(sandbox.merchant_id(), sandbox.business_id(), "87103", IN_BODY, "trace-1")
        .with_callback_url(receiver.url("/notify"));

    let recorder = Recorder::default();
    let (headers, body) = recorder.capture(|| {
        client.vip_charge(&request).expect("order");
        receiver.next("status callback")
    });
    let sign = headers.iter().find(|(n, _)| n.eq_ignore_ascii_case("sign")).map(|(_, v)| v.clone()).unwrap();
    let mut tampered = body.clone();
    tampered.extend_from_slice(b" ");
    let mut forged_headers = headers.clone();
    forged_headers.push(("X-Echo".into(), IN_HEADER.into()));
    recorder.capture(|| {
        client.verify_notification(&headers, &body).expect("genuine");
        let replay = client.verify_notification(&headers, &body).unwrap_err();
        assert!(matches!(replay, vip_charge::Error::CallbackReplayed(_)), "{replay:?}");
        let forged = client.verify_notification(&forged_headers, &tampered).unwrap_err();
        assert!(matches!(forged, vip_charge::Error::CallbackRejected), "{forged:?}");
    });

    let calls = recorder.spans("call");
    assert_eq!(calls.len(), 1, "{calls:?}");
    let call = &calls[0];
    assert_eq!(
        [
            call.get("provider"),
            call.get("endpoint"),
            call.get("attempts"),
            call.get("http_status"),
            call.get("outcome")
        ],
        [Some("vip-charge"), Some("vip_charge"), Some("1"), Some("200"), Some("ok")]
    );
    let callbacks = recorder.spans("callback");
    let verdicts: Vec<_> = callbacks.iter().map(|c| (c.get("provider"), c.get("verdict"))).collect();
    assert_eq!(
        verdicts,
        [
            (Some("vip-charge"), Some("accepted")),
            (Some("vip-charge"), Some("replayed")),
            (Some("vip-charge"), Some("rejected")),
        ]
    );
    // Recorded at least the three callback spans and the call span; events only for retries, so
    // none here: an empty event list is expected, so check the spans alone.
    let shown = format!("{:?} {:?}", recorder.spans("call"), recorder.spans("callback"));
    for canary in [md5_secret.as_str(), sign.as_str(), IN_BODY, IN_HEADER, "trace-1"] {
        assert!(!shown.contains(canary), "{canary:?} in {shown}");
    }
}
