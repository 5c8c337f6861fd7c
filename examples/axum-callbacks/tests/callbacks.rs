//! The axum app against the sandboxes' real signed callbacks, on loopback: a genuine callback is
//! processed once and answered with the provider's reply; a replayed one gets the reply and is not
//! processed again; a tampered one is refused with a 4xx and not processed.
//!
//! The test thread plays the platform and the attacker (the sandboxes and their clients are
//! blocking); the app runs on its own tokio runtime, as in production.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::extract::{Request, State};
use axum::middleware::{self, Next};
use axum::response::Response;
use chainup_opay::sandbox::SandboxKeys;
use chainup_opay::{CreateThirdOrderRequest, OrderStatus, Payer};
use paykit_axum_example::{
    AppState, CHAINUP_OPAY_PATH, MAX_CALLBACK_BODY_BYTES, Processed, Provider, VIP_CHARGE_PATH, Verdict, router,
};
use sign_core::{HttpRequest, HttpResponse, Method, Transport, UreqTransport};
use vip_charge::VipChargeRequest;
use vip_charge::sandbox::DeliveryOutcome;
use vip_charge::sign_core::rsa::PrivateKey;

/// One request as it reached the app: path, headers, raw body.
#[derive(Clone, Debug)]
struct Captured {
    path: String,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

type Captures = Arc<Mutex<Vec<Captured>>>;

/// Records every request before the app sees it, so the test can replay a genuine callback byte for
/// byte (the app itself keeps no raw requests).
async fn capture(State(captures): State<Captures>, request: Request, next: Next) -> Response {
    let (parts, body) = request.into_parts();
    let body = axum::body::to_bytes(body, usize::MAX).await.expect("request body");
    let headers = parts
        .headers
        .iter()
        .map(|(n, v)| (n.as_str().to_owned(), v.to_str().expect("ASCII header").to_owned()))
        .collect();
    captures.lock().unwrap().push(Captured { path: parts.uri.path().to_owned(), headers, body: body.to_vec() });
    next.run(Request::from_parts(parts, axum::body::Body::from(body))).await
}

struct App {
    _runtime: tokio::runtime::Runtime,
    state: AppState,
    base_url: String,
    captures: Captures,
}

impl App {
    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base_url)
    }

    /// The one request captured on `path` (panics unless exactly one arrived).
    fn only_capture(&self, path: &str) -> Captured {
        let captures = self.captures.lock().unwrap();
        let on_path: Vec<_> = captures.iter().filter(|c| c.path == path).collect();
        assert_eq!(on_path.len(), 1, "{on_path:?}");
        on_path[0].clone()
    }

    /// Sends `request` to the app as the platform (or an attacker) would.
    fn send(&self, request: &Captured) -> HttpResponse {
        let mut http = HttpRequest::new(Method::Post, self.url(&request.path)).with_body(request.body.clone());
        for (name, value) in &request.headers {
            // The transport writes its own framing headers.
            if !["host", "content-length", "transfer-encoding", "connection"].contains(&name.as_str()) {
                http = http.with_header(name.as_str(), value.as_str());
            }
        }
        UreqTransport::builder().build().send(&http).expect("the app answers")
    }

    fn last_verdict(&self) -> Verdict {
        self.state.verdicts().last().cloned().expect("a verdict")
    }
}

fn testdata(krate: &str, name: &str) -> String {
    let path = format!("{}/../../crates/{krate}/testdata/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

const OPAY_APP_KEY: &str = "axum-example-app";

fn vip_sandbox() -> vip_charge::sandbox::Sandbox {
    let key = |name| PrivateKey::parse(&testdata("vip-charge", name)).unwrap();
    vip_charge::sandbox::Sandbox::builder()
        .merchant_key(key("merchant_private_key.pem"))
        .platform_key(key("platform_private_key.pem"))
        .start()
        .unwrap()
}

fn opay_sandbox() -> chainup_opay::sandbox::Sandbox {
    let keys = SandboxKeys::new(
        &testdata("chainup-opay", "platform_private.pem"),
        &testdata("chainup-opay", "merchant_public.b64"),
        Some(&testdata("chainup-opay", "merchant_private.pem")),
    )
    .unwrap();
    chainup_opay::sandbox::Sandbox::start_with(OPAY_APP_KEY, keys).unwrap()
}

/// The app, verifying with the sandboxes' callback keys, on a loopback port, with the capturing
/// layer in front of it.
fn start_app(vip: &vip_charge::sandbox::Sandbox, opay: &chainup_opay::sandbox::Sandbox) -> App {
    let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
    let state = AppState::new(vip.client().unwrap(), opay.client().unwrap());
    let listener = runtime.block_on(tokio::net::TcpListener::bind("127.0.0.1:0")).unwrap();
    let base_url = format!("http://{}", listener.local_addr().unwrap());
    let captures = Captures::default();
    let app = router(state.clone()).layer(middleware::from_fn_with_state(Arc::clone(&captures), capture));
    runtime.spawn(async move { axum::serve(listener, app).await });
    App { _runtime: runtime, state, base_url, captures }
}

/// Changes one character of `text` at `index` (to another Base64 / JSON-safe character).
fn flip(text: &str, index: usize) -> String {
    let mut bytes = text.as_bytes().to_vec();
    bytes[index] = if bytes[index] == b'A' { b'B' } else { b'A' };
    String::from_utf8(bytes).unwrap()
}

#[test]
fn vip_charge_callbacks_are_processed_once_and_forgeries_refused() {
    let (vip, opay) = (vip_sandbox(), opay_sandbox());
    let app = start_app(&vip, &opay);
    let client = vip.client().unwrap();
    let request = VipChargeRequest::new(vip.merchant_id(), vip.business_id(), "87103", "acc-1", "axum-1")
        .with_callback_url(app.url(VIP_CHARGE_PATH));
    let order = client.vip_charge(&request).unwrap();

    // Genuine: the sandbox's first attempt is acknowledged (2xx and exactly `SUCCESS`), processed once.
    let log = vip.wait_for_deliveries(Duration::from_secs(30), |d| !d.is_empty());
    assert_eq!(log[0].outcome, DeliveryOutcome::Acknowledged, "{log:?}");
    let processed =
        vec![Processed { provider: Provider::VipCharge, order: order.order_code.clone(), status: "SUCCESS".into() }];
    assert_eq!(app.state.processed(), processed);
    assert_eq!(app.state.verdicts(), [Verdict::Processed(Provider::VipCharge)]);
    let genuine = app.only_capture(VIP_CHARGE_PATH);

    // Replayed byte for byte: the provider's reply again, not processed again.
    let replay = app.send(&genuine);
    assert_eq!((replay.status, replay.body.as_slice()), (200, b"SUCCESS".as_slice()));
    assert_eq!(app.last_verdict(), Verdict::Replayed(Provider::VipCharge));

    // Tampered body (another bizCode), tampered signature, a stale timestamp, no signature: 401.
    let body = String::from_utf8(genuine.body.clone()).unwrap();
    assert!(body.contains("axum-1"), "{body}");
    let mut forgeries = vec![Captured { body: body.replace("axum-1", "axum-2").into_bytes(), ..genuine.clone() }];
    for (header, change) in [
        ("sign", &(|v: &str| flip(v, 3)) as &dyn Fn(&str) -> String),
        ("timestamp", &|v: &str| (v.parse::<i64>().unwrap() - 13 * 3600 * 1000).to_string()),
        ("nonce", &|v: &str| format!("{v}x")),
    ] {
        let mut forged = genuine.clone();
        for (name, value) in &mut forged.headers {
            if name.eq_ignore_ascii_case(header) {
                *value = change(value);
            }
        }
        forgeries.push(forged);
    }
    let mut unsigned = genuine.clone();
    unsigned.headers.retain(|(name, _)| !name.eq_ignore_ascii_case("sign"));
    forgeries.push(unsigned);
    for forged in &forgeries {
        let answer = app.send(forged);
        assert_eq!(answer.status, 401, "{forged:?}");
        assert!(!answer.body.starts_with(b"SUCCESS"));
        assert_eq!(app.last_verdict(), Verdict::Refused(Provider::VipCharge, 401));
    }

    // Too large to be a callback: axum refuses it before the handler runs.
    let huge = Captured { body: vec![b' '; MAX_CALLBACK_BODY_BYTES + 1], ..genuine.clone() };
    assert_eq!(app.send(&huge).status, 413);

    assert_eq!(app.state.processed(), processed, "nothing but the genuine callback was processed");
}

#[test]
fn chainup_opay_callbacks_are_processed_once_and_forgeries_refused() {
    let (vip, opay) = (vip_sandbox(), opay_sandbox());
    let app = start_app(&vip, &opay);
    let client = opay.client().unwrap();
    let request = CreateThirdOrderRequest::for_payer(
        Payer::UserId("22033390".into()),
        "AXUM-1",
        "10.5".parse::<sign_core::Decimal>().unwrap(),
        "USDT",
        "https://merchant.example.com/paid",
        app.url(CHAINUP_OPAY_PATH),
    );
    let order_num = client.create_third_order(&request).unwrap().order_num;

    // Genuine: the platform (sandbox) pays and delivers; the reply is exactly the configured one.
    let delivery = opay.pay(&order_num).unwrap();
    assert!(delivery.acknowledged, "{delivery:?}");
    assert_eq!((delivery.status, delivery.body.as_str()), (200, client.notification_reply()));
    let processed = vec![Processed {
        provider: Provider::ChainupOpay,
        order: order_num.clone(),
        status: OrderStatus::Paid.to_string(),
    }];
    assert_eq!(app.state.processed(), processed);
    assert_eq!(app.state.verdicts(), [Verdict::Processed(Provider::ChainupOpay)]);
    let genuine = app.only_capture(CHAINUP_OPAY_PATH);

    // The platform delivers again (re-encrypted, the same notification): acknowledged, not processed.
    assert!(opay.deliver(&order_num).unwrap().acknowledged);
    assert_eq!(app.last_verdict(), Verdict::Replayed(Provider::ChainupOpay));
    // Replayed byte for byte: the same.
    let replay = app.send(&genuine);
    assert_eq!((replay.status, replay.body.as_slice()), (200, client.notification_reply().as_bytes()));
    assert_eq!(app.last_verdict(), Verdict::Replayed(Provider::ChainupOpay));

    // Tampered: another app_id, one character of the signature, one of the encrypted data, not JSON.
    let envelope: serde_json::Value = serde_json::from_slice(&genuine.body).unwrap();
    let with = |field: &str, value: String| {
        let mut forged = envelope.clone();
        forged[field] = serde_json::Value::String(value);
        Captured { body: forged.to_string().into_bytes(), ..genuine.clone() }
    };
    let (sign, data) = (envelope["sign"].as_str().unwrap(), envelope["data"].as_str().unwrap());
    let forgeries = [
        with("app_id", "someone-else".into()),
        with("sign", flip(sign, 10)),
        with("data", flip(data, 10)),
        Captured { body: b"orderNum=1&orderStatus=3".to_vec(), ..genuine.clone() },
    ];
    for forged in &forgeries {
        let answer = app.send(forged);
        assert_eq!(answer.status, 401, "{forged:?}");
        assert_eq!(app.last_verdict(), Verdict::Refused(Provider::ChainupOpay, 401));
    }

    assert_eq!(app.state.processed(), processed, "nothing but the genuine callback was processed");
}
