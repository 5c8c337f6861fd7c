//! Request build and signing (sans-IO `prepare`) against the bare primitive over the same string to
//! sign: what a hand-written client cannot avoid doing per request.
//!
//! Anchors (each checked, before timing, to reproduce the very header or body `prepare` made):
//! - visagenius: HMAC-SHA1 over `access_key\nappid\ndate` and its Base64 (the `Authorization` value);
//! - vip-charge (MD5): MD5 over `businessId=..&nonce=..&signType=MD5&timestamp=..` + body + secret and
//!   its uppercase hex (the `sign` value);
//! - acqra-gateway and mall-pay sign nothing (a token goes in a header): the anchor is serializing
//!   the same request value with serde_json (the body).

use std::hint::black_box;

use base64::Engine as _;
use hmac::{Hmac, Mac};
use md5::{Digest, Md5};
use sign_core::{HttpRequest, HttpResponse};

use crate::fixtures;
use crate::measure::{self, Settings};
use crate::report::Report;

const BASE: &str = "https://api.example.com";

/// Runs the section.
pub fn run(settings: Settings, report: &mut Report) {
    visagenius(settings, report);
    vip_charge(settings, report);
    acqra(settings, report);
    mall_pay(settings, report);
    parse(settings, report);
}

/// `parse` (envelope, decision table, typed decode) of each canned answer against reading the same
/// body into a `serde_json::Value`: the least any client does with a JSON answer.
fn parse(settings: Settings, report: &mut Report) {
    use fixtures::*;
    let visagenius = ::visagenius::Client::sans_io(visagenius::config(BASE));
    parse_figure(
        settings,
        report,
        "parse-visagenius",
        "visagenius parse(product_query)",
        visagenius::ANSWER,
        &mut |r| visagenius.parse::<::visagenius::ProductQueryRequest>(r).is_ok(),
    );
    let acqra = ::acqra_gateway::Client::sans_io(acqra::config(BASE));
    parse_figure(settings, report, "parse-acqra", "acqra-gateway parse(query)", acqra::ANSWER, &mut |r| {
        acqra.parse::<::acqra_gateway::QueryRequest>(r).is_ok()
    });
    let vip = ::vip_charge::Client::sans_io(vip_charge::config(BASE));
    parse_figure(settings, report, "parse-vip-charge", "vip-charge parse(vip_charge)", vip_charge::ANSWER, &mut |r| {
        vip.parse::<::vip_charge::VipChargeRequest>(r).is_ok()
    });
    let mall = ::mall_pay::Client::sans_io(mall_pay::config(BASE));
    parse_figure(settings, report, "parse-mall-pay", "mall-pay parse(order_pay)", mall_pay::ANSWER, &mut |r| {
        mall.parse::<::mall_pay::OrderPayRequest>(r).is_ok()
    });
}

fn parse_figure(
    settings: Settings,
    report: &mut Report,
    id: &str,
    subject: &str,
    answer: &str,
    parse: &mut dyn FnMut(&HttpResponse) -> bool,
) {
    if !report.wants(id) {
        return;
    }
    report.figure(id, "parse", subject, "serde_json::from_slice::<Value> of the body", None);
    let response = HttpResponse::json(200, answer);
    if !parse(&response) {
        return report.note(id, "not measured: the answer does not parse");
    }
    let rounds = measure::compare(
        settings,
        &measure::nothing_excluded,
        &mut || drop(black_box(serde_json::from_slice::<serde_json::Value>(black_box(&response.body)))),
        &mut || {
            black_box(parse(black_box(&response)));
        },
    );
    report.rounds(id, &rounds);
}

/// The value of header `name` in `request` (empty when absent).
fn header(request: &HttpRequest, name: &str) -> String {
    request.header(name).unwrap_or_default().to_owned()
}

fn hmac_sha1_base64(key: &[u8], message: &[u8]) -> String {
    let mut mac = Hmac::<sha1::Sha1>::new_from_slice(key).expect("HMAC takes any key length");
    mac.update(message);
    base64::engine::general_purpose::STANDARD.encode(mac.finalize().into_bytes())
}

fn md5_upper_hex(data: &[u8]) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let digest = Md5::digest(data);
    let mut out = String::with_capacity(32);
    for b in digest {
        out.push(HEX[usize::from(b >> 4)] as char);
        out.push(HEX[usize::from(b & 15)] as char);
    }
    out
}

fn visagenius(settings: Settings, report: &mut Report) {
    use fixtures::visagenius::*;
    let id = "sign-visagenius";
    if !report.wants(id) {
        return;
    }
    report.figure(id, "signing", "visagenius prepare(product_query)", "HMAC-SHA1 + Base64 of the same string", None);
    let client = ::visagenius::Client::sans_io(config(BASE));
    let request = request();
    let prepared = match client.prepare(&request) {
        Ok(p) => p,
        Err(e) => return report.note(id, &format!("not measured: prepare failed: {e}")),
    };
    let to_sign = format!("{ACCESS_KEY}\n{APPID}\n{}", header(&prepared, "X-Date"));
    let expected = format!("Basic {}", hmac_sha1_base64(SECRET_KEY.as_bytes(), to_sign.as_bytes()));
    if header(&prepared, "Authorization") != expected {
        return report.note(id, "not measured: the anchor does not reproduce the Authorization header");
    }
    let rounds = measure::compare(
        settings,
        &measure::nothing_excluded,
        &mut || drop(black_box(hmac_sha1_base64(SECRET_KEY.as_bytes(), black_box(to_sign.as_bytes())))),
        &mut || drop(black_box(client.prepare(black_box(&request)))),
    );
    report.rounds(id, &rounds);
}

fn vip_charge(settings: Settings, report: &mut Report) {
    use fixtures::vip_charge::*;
    let id = "sign-vip-charge";
    if !report.wants(id) {
        return;
    }
    report.figure(
        id,
        "signing",
        "vip-charge prepare(vip_charge) (MD5)",
        "MD5 + uppercase hex of the same string",
        None,
    );
    let client = ::vip_charge::Client::sans_io(config(BASE));
    let request = request();
    let prepared = match client.prepare(&request) {
        Ok(p) => p,
        Err(e) => return report.note(id, &format!("not measured: prepare failed: {e}")),
    };
    let mut to_sign = format!(
        "businessId={}&nonce={}&signType={}&timestamp={}",
        header(&prepared, "businessId"),
        header(&prepared, "nonce"),
        header(&prepared, "signType"),
        header(&prepared, "timestamp"),
    )
    .into_bytes();
    to_sign.extend_from_slice(&prepared.body);
    to_sign.extend_from_slice(MD5_SECRET.as_bytes());
    if md5_upper_hex(&to_sign) != header(&prepared, "sign") {
        return report.note(id, "not measured: the anchor does not reproduce the sign header");
    }
    let rounds = measure::compare(
        settings,
        &measure::nothing_excluded,
        &mut || drop(black_box(md5_upper_hex(black_box(&to_sign)))),
        &mut || drop(black_box(client.prepare(black_box(&request)))),
    );
    report.rounds(id, &rounds);
}

fn acqra(settings: Settings, report: &mut Report) {
    use fixtures::acqra::*;
    let id = "sign-acqra";
    if !report.wants(id) {
        return;
    }
    report.figure(
        id,
        "signing",
        "acqra-gateway prepare(query) (token header)",
        "serde_json::to_vec of the request",
        None,
    );
    let client = ::acqra_gateway::Client::sans_io(config(BASE));
    let token = match client.parse_token_response(&sign_core::HttpResponse::json(200, TOKEN_ANSWER)) {
        Ok(t) => t,
        Err(e) => return report.note(id, &format!("not measured: the token answer does not parse: {e}")),
    };
    let request = request();
    match client.prepare(&request, &token) {
        Ok(p) if serde_json::to_vec(&request).is_ok_and(|b| b == p.body) => {}
        Ok(_) => return report.note(id, "not measured: the anchor does not reproduce the body"),
        Err(e) => return report.note(id, &format!("not measured: prepare failed: {e}")),
    }
    let rounds = measure::compare(
        settings,
        &measure::nothing_excluded,
        &mut || drop(black_box(serde_json::to_vec(black_box(&request)))),
        &mut || drop(black_box(client.prepare(black_box(&request), &token))),
    );
    report.rounds(id, &rounds);
}

fn mall_pay(settings: Settings, report: &mut Report) {
    use fixtures::mall_pay::*;
    let id = "sign-mall-pay";
    if !report.wants(id) {
        return;
    }
    report.figure(
        id,
        "signing",
        "mall-pay prepare(order_pay) (token header)",
        "serde_json::to_vec of the request",
        None,
    );
    let client = ::mall_pay::Client::sans_io(config(BASE));
    let request = request();
    match client.prepare(&request) {
        Ok(p) if serde_json::to_vec(&request).is_ok_and(|b| b == p.body) => {}
        Ok(_) => return report.note(id, "not measured: the anchor does not reproduce the body"),
        Err(e) => return report.note(id, &format!("not measured: prepare failed: {e}")),
    }
    let rounds = measure::compare(
        settings,
        &measure::nothing_excluded,
        &mut || drop(black_box(serde_json::to_vec(black_box(&request)))),
        &mut || drop(black_box(client.prepare(black_box(&request)))),
    );
    report.rounds(id, &rounds);
}
