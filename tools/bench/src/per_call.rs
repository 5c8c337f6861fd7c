//! Per-call time and CPU through each provider's blocking client against raw ureq sending the
//! identical request bytes to the same keep-alive loopback server, and the TCP connections each
//! side used.
//!
//! The client's first call is recorded by the server byte for byte (acqra's token request
//! included); raw ureq then sends exactly those requests (the bytes it sends are recorded too and
//! compared), and in the timed loop repeats the endpoint's request. Both sides read the whole answer;
//! the client also decodes it. CPU is the process's, less the server's threads: the client's work,
//! whatever thread it runs on.

use std::hint::black_box;

use ureq::Agent;

use crate::fixtures;
use crate::measure::{self, Settings};
use crate::report::Report;
use crate::server::{CannedServer, RecordedRequest};

/// One blocking call of a provider's client; `Err` carries the error's text.
type Call = Box<dyn FnMut() -> Result<(), String>>;

struct Case {
    id: &'static str,
    label: &'static str,
    /// The server's answers (built only for the cases that run: chainup's needs RSA keys).
    routes: Box<dyn FnOnce() -> Vec<(&'static str, String)>>,
    goal: Option<f64>,
    /// Builds the client for the server's base URL.
    client: Box<dyn FnOnce(&str) -> Call>,
}

fn cases() -> Vec<Case> {
    use fixtures::*;
    vec![
        Case {
            id: "call-visagenius",
            label: "visagenius product_query",
            routes: Box::new(|| vec![(visagenius::PATH, visagenius::ANSWER.into())]),
            goal: Some(1.2),
            client: Box::new(|base| {
                let client = ::visagenius::Client::new(visagenius::config(base));
                let request = visagenius::request();
                Box::new(move || client.product_query(&request).map(|r| drop(black_box(r))).map_err(|e| e.to_string()))
            }),
        },
        Case {
            id: "call-acqra",
            label: "acqra-gateway query (+1 token request)",
            routes: Box::new(|| {
                vec![(acqra::TOKEN_PATH, acqra::TOKEN_ANSWER.into()), (acqra::PATH, acqra::ANSWER.into())]
            }),
            goal: Some(1.2),
            client: Box::new(|base| {
                let client = ::acqra_gateway::Client::new(acqra::config(base));
                let request = acqra::request();
                Box::new(move || client.query(&request).map(|r| drop(black_box(r))).map_err(|e| e.to_string()))
            }),
        },
        Case {
            id: "call-vip-charge",
            label: "vip-charge vip_charge (MD5)",
            routes: Box::new(|| vec![(vip_charge::PATH, vip_charge::ANSWER.into())]),
            goal: Some(1.2),
            client: Box::new(|base| {
                let client = ::vip_charge::Client::new(vip_charge::config(base));
                let request = vip_charge::request();
                Box::new(move || client.vip_charge(&request).map(|r| drop(black_box(r))).map_err(|e| e.to_string()))
            }),
        },
        Case {
            id: "call-mall-pay",
            label: "mall-pay order_pay",
            routes: Box::new(|| vec![(mall_pay::PATH, mall_pay::ANSWER.into())]),
            goal: Some(1.2),
            client: Box::new(|base| {
                let client = ::mall_pay::Client::new(mall_pay::config(base));
                let request = mall_pay::request();
                Box::new(move || client.order_pay(&request).map(|r| drop(black_box(r))).map_err(|e| e.to_string()))
            }),
        },
        Case {
            id: "call-chainup",
            label: "chainup-opay create_third_order (RSA: encrypt+sign, decrypt+verify)",
            routes: Box::new(|| vec![(chainup::PATH, chainup::answer(&chainup::KEYS))]),
            // RSA work on both ends of the call: not comparable with plain HTTP, no goal here
            // (the RSA section measures it against the raw primitives).
            goal: None,
            client: Box::new(|base| {
                let client = ::chainup_opay::Client::new(chainup::config(base, &chainup::KEYS));
                let request = chainup::request();
                Box::new(move || {
                    client.create_third_order(&request).map(|r| drop(black_box(r))).map_err(|e| e.to_string())
                })
            }),
        },
    ]
}

/// Runs the section.
pub fn run(settings: Settings, report: &mut Report) {
    for case in cases() {
        if report.wants(case.id) {
            run_case(settings, report, case);
        }
    }
}

/// The raw ureq agent: ureq's defaults (no timeouts, a keep-alive pool), except that a non-2xx
/// status is a response (as in paykit's transport) and the `User-Agent` is the one `request` carries
/// (set on the agent, as paykit does, so ureq writes it in the same place).
fn raw_agent(request: &RecordedRequest) -> Agent {
    let user_agent =
        request.headers.iter().find(|(n, _)| n.eq_ignore_ascii_case("user-agent")).map(|(_, v)| v.as_str());
    Agent::config_builder().http_status_as_error(false).user_agent(user_agent.unwrap_or("ureq")).build().new_agent()
}

/// Headers ureq writes itself: from the URL (`host`), the body (`content-length`) and the agent
/// (`user-agent`).
const WRITTEN_BY_UREQ: [&str; 3] = ["host", "content-length", "user-agent"];

/// Sends `request` as it was recorded: the same method, target, headers and body; reads the whole
/// answer.
fn raw_send(agent: &Agent, base: &str, request: &RecordedRequest) -> Result<(), String> {
    let url = format!("{base}{}", request.target);
    let mut builder = ureq::http::Request::builder().method(request.method.as_str()).uri(url);
    for (name, value) in &request.headers {
        if !WRITTEN_BY_UREQ.iter().any(|w| name.eq_ignore_ascii_case(w)) {
            // As sign-core's transport does: the name keeps its spelling on the wire.
            builder = ureq_proto::client::header_raw(builder, name.as_str(), value.as_bytes());
        }
    }
    let http = builder.body(request.body.as_slice()).map_err(|e| e.to_string())?;
    let mut response = agent.run(http).map_err(|e| e.to_string())?;
    let status = response.status().as_u16();
    let body = response.body_mut().read_to_vec().map_err(|e| e.to_string())?;
    if status != 200 {
        return Err(format!("HTTP {status}"));
    }
    black_box(body);
    Ok(())
}

fn run_case(settings: Settings, report: &mut Report, case: Case) {
    let id = case.id;
    report.figure(id, "per-call", case.label, "raw ureq, identical bytes, same server", case.goal);
    let routes = (case.routes)();
    let routes: Vec<(&str, &[u8])> = routes.iter().map(|(p, b)| (*p, b.as_bytes())).collect();
    let server = match CannedServer::start(&routes) {
        Ok(s) => s,
        Err(e) => return report.note(id, &format!("not measured: cannot start the server: {e}")),
    };
    let base = server.base_url();
    let mut call = (case.client)(&base);

    // The client's first call, recorded (acqra: the token request, then the query).
    server.start_capture();
    let first = call();
    let client_bytes = server.take_capture();
    if let Err(e) = first {
        return report.note(id, &format!("not measured: the client's call failed: {e}"));
    }
    let mut client_conns = server.connections();
    let mut client_requests = server.requests();
    let Some(recorded) = client_bytes.iter().map(|b| RecordedRequest::parse(b)).collect::<Option<Vec<_>>>() else {
        return report.note(id, "not measured: the recorded request is not HTTP/1.1");
    };
    let Some(endpoint_request) = recorded.last().cloned() else {
        return report.note(id, "not measured: nothing was recorded");
    };

    // Raw ureq replays the same requests; its bytes must be the client's.
    let agent = raw_agent(&endpoint_request);
    let (c0, r0) = (server.connections(), server.requests());
    server.start_capture();
    let replayed = recorded.iter().try_for_each(|r| raw_send(&agent, &base, r));
    let raw_bytes = server.take_capture();
    if let Err(e) = replayed {
        return report.note(id, &format!("not measured: raw ureq failed: {e}"));
    }
    let mut raw_conns = server.connections() - c0;
    let mut raw_requests = server.requests() - r0;
    let identical = raw_bytes == client_bytes;

    // Profiling aid: PAYKIT_BENCH_PROBE=paykit|raw makes 20 000 calls of that side only, untimed, so that
    // `strace -c -f` or `perf record` sees one side (see docs/performance.md).
    if let Ok(side) = std::env::var("PAYKIT_BENCH_PROBE") {
        let failures = (0..20_000)
            .filter(
                |_| if side == "raw" { raw_send(&agent, &base, &endpoint_request).is_err() } else { call().is_err() },
            )
            .count();
        return report.note(id, &format!("probe: 20000 calls of {side}, {failures} failed"));
    }

    let (mut client_errors, mut raw_errors) = (0u64, 0u64);
    let rounds = {
        let server = &server;
        let mut anchor = || {
            let (c, r) = (server.connections(), server.requests());
            if raw_send(&agent, &base, &endpoint_request).is_err() {
                raw_errors += 1;
            }
            raw_conns += server.connections() - c;
            raw_requests += server.requests() - r;
        };
        let mut subject = || {
            let (c, r) = (server.connections(), server.requests());
            if call().is_err() {
                client_errors += 1;
            }
            client_conns += server.connections() - c;
            client_requests += server.requests() - r;
        };
        measure::compare(settings, &|| server.cpu_ns(), &mut anchor, &mut subject)
    };
    report.rounds(id, &rounds);
    report.note(
        id,
        &format!(
            "request bytes identical: {}{}",
            if identical { "yes" } else { "NO" },
            if recorded.len() > 1 {
                format!(" ({} requests recorded, token first)", recorded.len())
            } else {
                String::new()
            },
        ),
    );
    if !identical {
        report.note(id, &first_difference(&client_bytes, &raw_bytes));
    }
    if client_errors + raw_errors > 0 {
        report.note(id, &format!("errors during the timed calls: paykit {client_errors}, raw ureq {raw_errors}"));
    }
    report.connections(id, [client_conns, client_requests, raw_conns, raw_requests]);

    transport_only(settings, report, &format!("{id}-transport"), case.label, &server, &agent, &endpoint_request);
}

/// The same request, prepared once, through sign-core's `UreqTransport` alone (the timeouts and
/// options every provider client uses by default) against raw ureq: the transport's share of the
/// per-call gap, without signing or decoding.
fn transport_only(
    settings: Settings,
    report: &mut Report,
    id: &str,
    label: &str,
    server: &CannedServer,
    agent: &Agent,
    request: &RecordedRequest,
) {
    let user_agent =
        request.headers.iter().find(|(n, _)| n.eq_ignore_ascii_case("user-agent")).map_or("", |(_, v)| v.as_str());
    let subject = format!("{label}: sign-core UreqTransport::send alone");
    report.figure(id, "per-call", &subject, "raw ureq, identical bytes, same server", None);
    let base = server.base_url();
    let method = match request.method.as_str() {
        "GET" => sign_core::Method::Get,
        _ => sign_core::Method::Post,
    };
    let mut prepared = sign_core::HttpRequest::new(method, format!("{base}{}", request.target));
    for (name, value) in &request.headers {
        if !WRITTEN_BY_UREQ.iter().any(|w| name.eq_ignore_ascii_case(w)) {
            prepared = prepared.with_header(name.as_str(), value.as_str());
        }
    }
    let prepared = prepared.with_body(request.body.clone());
    let transport = sign_core::HttpOptions::default().ureq_transport(user_agent);
    use sign_core::Transport as _;
    server.start_capture();
    let sent = transport.send(&prepared);
    let captured = server.take_capture();
    match sent {
        Ok(r) if r.status == 200 => {}
        Ok(r) => return report.note(id, &format!("not measured: HTTP {}", r.status)),
        Err(e) => return report.note(id, &format!("not measured: {e}")),
    }
    server.start_capture();
    let replayed = raw_send(agent, &base, request);
    let raw_captured = server.take_capture();
    if replayed.is_err() || captured != raw_captured {
        report.note(id, "request bytes differ from raw ureq's");
    }
    let rounds = measure::compare(
        settings,
        &|| server.cpu_ns(),
        &mut || drop(black_box(raw_send(agent, &base, request))),
        &mut || drop(black_box(transport.send(black_box(&prepared)))),
    );
    report.rounds(id, &rounds);
}

/// Where the recorded requests of the two sides first differ, for the report (header names only:
/// values may hold signatures and tokens, which are fake here, but the habit stays).
fn first_difference(client: &[Vec<u8>], raw: &[Vec<u8>]) -> String {
    if client.len() != raw.len() {
        return format!("paykit sent {} requests, raw ureq {}", client.len(), raw.len());
    }
    for (c, r) in client.iter().zip(raw) {
        let (Some(c), Some(r)) = (RecordedRequest::parse(c), RecordedRequest::parse(r)) else {
            return "a recorded request is not HTTP/1.1".into();
        };
        let names = |x: &RecordedRequest| x.headers.iter().map(|(n, _)| n.clone()).collect::<Vec<_>>().join(",");
        if names(&c) != names(&r) {
            return format!("headers differ: paykit [{}], raw ureq [{}]", names(&c), names(&r));
        }
        if c.body != r.body {
            return "bodies differ".into();
        }
        if c != r {
            return "a header value differs".into();
        }
    }
    "the bytes differ".into()
}
