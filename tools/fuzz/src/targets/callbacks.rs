//! The callback verifiers (vip-charge, chainup-opay) and chainup's envelope opening: start from a
//! valid signed callback, change it, and accept only what is the original.

use std::sync::{Arc, OnceLock};
use std::time::Duration;

use proptest::prelude::*;
use sign_core::encoding::{base64_decode_lenient, base64_std, base64_url_nopad};
use sign_core::rsa::{PrivateKey, PublicKey};
use sign_core::{FixedClock, SecretString};

use super::Mutation;
use crate::{CANARY_CARD, Harness, Observed, Target, observe};

const NOW: i64 = 1_700_000_000_000;
const WINDOW_MS: i64 = 300_000;

// ---------------------------------------------------------------------------------------------
// vip-charge

const BUSINESS_ID: &str = "55";
const MD5_KEY: &str = "test-secret-key";
const NONCE: &str = "cbnonce1";
const VIP_HEADERS: [&str; 4] = ["businessId", "nonce", "timestamp", "sign"];

fn vip_body() -> String {
    format!(r#"{{"orderCode":"OC1","bizCode":"87103","status":"SUCCESS","account":"{CANARY_CARD}"}}"#)
}

/// The callback's timestamp.
#[derive(Debug, Clone)]
pub(crate) enum Stamp {
    /// `NOW` plus this many milliseconds.
    Offset(i64),
    /// This text, signed as it is.
    Text(String),
}

/// A change to the headers of a signed callback.
#[derive(Debug, Clone)]
pub(crate) enum HeaderMut {
    /// The name's letters changed in case (bit i of the mask flips letter i).
    NameCase(usize, u32),
    /// White space around the value.
    ValueSpace(usize),
    Remove(usize),
    Duplicate(usize),
    /// A second header of that name with another value.
    DuplicateOther(usize),
    FlipValue(usize, usize, u8),
    FlipName(usize, usize, u8),
    Extra(String, String),
    Reverse,
    /// The `sign` value in lower case.
    SignLower,
}

#[derive(Debug, Clone)]
pub(crate) struct VipCase {
    stamp: Stamp,
    headers: Vec<HeaderMut>,
    body: Mutation,
    /// The body change is made before signing (a signed body that is not the expected JSON).
    sign_changed_body: bool,
}

struct VipCallback {
    client: vip_charge::Client,
    key: vip_charge::auth::SigningKey,
}

fn vip_client() -> vip_charge::Client {
    let config = vip_charge::Config::builder()
        .base_url("https://recharge.example.com")
        .business_id(BUSINESS_ID)
        .md5_secret_key(MD5_KEY)
        .callback_time_window(Duration::from_millis(WINDOW_MS as u64))
        .callback_replay_protection(false)
        .callback_max_body_bytes(super::LIMIT)
        .build()
        .expect("vip-charge config");
    vip_charge::Client::sans_io(config).with_clock(Arc::new(FixedClock::from_unix_millis(NOW)))
}

impl VipCallback {
    fn new() -> Self {
        Self { client: vip_client(), key: vip_charge::auth::SigningKey::Md5(SecretString::new(MD5_KEY)) }
    }
}

fn apply_header(headers: &mut Vec<(String, String)>, change: &HeaderMut) {
    let n = headers.len().max(1);
    match change {
        HeaderMut::NameCase(i, mask) => {
            if let Some((name, _)) = headers.get_mut(i % n) {
                *name = name
                    .chars()
                    .enumerate()
                    .map(|(j, c)| if mask >> (j % 32) & 1 == 1 { flip_case(c) } else { c })
                    .collect();
            }
        }
        HeaderMut::ValueSpace(i) => {
            if let Some((_, v)) = headers.get_mut(i % n) {
                *v = format!(" {v}\t");
            }
        }
        HeaderMut::Remove(i) => {
            if !headers.is_empty() {
                headers.remove(i % n);
            }
        }
        HeaderMut::Duplicate(i) => {
            if let Some(h) = headers.get(i % n).cloned() {
                headers.push(h);
            }
        }
        HeaderMut::DuplicateOther(i) => {
            if let Some((name, value)) = headers.get(i % n).cloned() {
                headers.push((name, format!("{value}0")));
            }
        }
        HeaderMut::FlipValue(i, at, x) => {
            if let Some((_, v)) = headers.get_mut(i % n) {
                *v = flip_str(v, *at, *x);
            }
        }
        HeaderMut::FlipName(i, at, x) => {
            if let Some((name, _)) = headers.get_mut(i % n) {
                *name = flip_str(name, *at, *x);
            }
        }
        HeaderMut::Extra(name, value) => headers.push((name.clone(), value.clone())),
        HeaderMut::Reverse => headers.reverse(),
        HeaderMut::SignLower => {
            for (name, value) in headers.iter_mut() {
                if name.trim().eq_ignore_ascii_case("sign") {
                    *value = value.to_ascii_lowercase();
                }
            }
        }
    }
}

fn flip_case(c: char) -> char {
    if c.is_ascii_lowercase() { c.to_ascii_uppercase() } else { c.to_ascii_lowercase() }
}

fn flip_str(s: &str, at: usize, x: u8) -> String {
    let mut bytes = s.as_bytes().to_vec();
    if !bytes.is_empty() {
        let at = at % bytes.len();
        bytes[at] ^= x;
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

impl Harness for VipCallback {
    type Input = VipCase;

    fn strategy(&self) -> BoxedStrategy<VipCase> {
        let stamp = prop_oneof![
            6 => (-WINDOW_MS - 5..=WINDOW_MS + 5).prop_map(Stamp::Offset),
            1 => prop_oneof![Just(-WINDOW_MS - 1), Just(-WINDOW_MS), Just(WINDOW_MS), Just(WINDOW_MS + 1), Just(i64::MIN / 2)].prop_map(Stamp::Offset),
            1 => "[0-9+ -]{0,22}|[a-z]{1,3}|１２３".prop_map(Stamp::Text),
        ];
        let header = prop_oneof![
            (0usize..4, any::<u32>()).prop_map(|(i, m)| HeaderMut::NameCase(i, m)),
            (0usize..4).prop_map(HeaderMut::ValueSpace),
            (0usize..4).prop_map(HeaderMut::Remove),
            (0usize..4).prop_map(HeaderMut::Duplicate),
            (0usize..4).prop_map(HeaderMut::DuplicateOther),
            (0usize..4, any::<usize>(), 1u8..128).prop_map(|(i, a, x)| HeaderMut::FlipValue(i, a, x)),
            (0usize..4, any::<usize>(), 1u8..128).prop_map(|(i, a, x)| HeaderMut::FlipName(i, a, x)),
            ("[A-Za-z-]{1,12}", "[ -~]{0,12}").prop_map(|(n, v)| HeaderMut::Extra(n, v)),
            Just(HeaderMut::Reverse),
            Just(HeaderMut::SignLower),
        ];
        (
            stamp,
            proptest::collection::vec(header, 0..3),
            prop_oneof![3 => Just(Mutation::None), 1 => Mutation::strategy()],
            any::<bool>(),
        )
            .prop_map(|(stamp, headers, body, sign_changed_body)| VipCase { stamp, headers, body, sign_changed_body })
            .boxed()
    }

    fn corpus(&self) -> Vec<(String, VipCase)> {
        let case = |stamp: Stamp, headers: Vec<HeaderMut>, body: Mutation| VipCase {
            stamp,
            headers,
            body,
            sign_changed_body: false,
        };
        let mut out = vec![("untouched".to_owned(), case(Stamp::Offset(0), vec![], Mutation::None))];
        for offset in [
            -WINDOW_MS - 1,
            -WINDOW_MS,
            -WINDOW_MS + 1,
            WINDOW_MS - 1,
            WINDOW_MS,
            WINDOW_MS + 1,
            i64::MIN / 2,
            i64::MAX / 2,
        ] {
            out.push((format!("timestamp now{offset:+} ms"), case(Stamp::Offset(offset), vec![], Mutation::None)));
        }
        for text in
            ["", "0", "-1", "+1700000000000", "1700000000000.0", "1.7e12", "１７００", "99999999999999999999", "abc"]
        {
            out.push((format!("timestamp {text:?}"), case(Stamp::Text(text.into()), vec![], Mutation::None)));
        }
        for (i, name) in VIP_HEADERS.iter().enumerate() {
            out.push((format!("{name} missing"), case(Stamp::Offset(0), vec![HeaderMut::Remove(i)], Mutation::None)));
            out.push((
                format!("{name} duplicated"),
                case(Stamp::Offset(0), vec![HeaderMut::Duplicate(i)], Mutation::None),
            ));
            out.push((
                format!("{name} duplicated, other value"),
                case(Stamp::Offset(0), vec![HeaderMut::DuplicateOther(i)], Mutation::None),
            ));
            out.push((
                format!("{name} upper case"),
                case(Stamp::Offset(0), vec![HeaderMut::NameCase(i, u32::MAX)], Mutation::None),
            ));
            out.push((
                format!("{name} value padded"),
                case(Stamp::Offset(0), vec![HeaderMut::ValueSpace(i)], Mutation::None),
            ));
            out.push((
                format!("{name} value changed"),
                case(Stamp::Offset(0), vec![HeaderMut::FlipValue(i, 0, 1)], Mutation::None),
            ));
        }
        out.push(("sign lower case".into(), case(Stamp::Offset(0), vec![HeaderMut::SignLower], Mutation::None)));
        out.push(("headers reversed".into(), case(Stamp::Offset(0), vec![HeaderMut::Reverse], Mutation::None)));
        for (label, m) in Mutation::corpus() {
            out.push((format!("body {label}"), case(Stamp::Offset(0), vec![], m.clone())));
            out.push((
                format!("body {label}, signed"),
                VipCase { sign_changed_body: true, ..case(Stamp::Offset(0), vec![], m) },
            ));
        }
        out
    }

    fn check(&self, input: &VipCase) -> Observed {
        let timestamp = match &input.stamp {
            Stamp::Offset(o) => (NOW + o).to_string(),
            Stamp::Text(t) => t.clone(),
        };
        let original_body = vip_body().into_bytes();
        let changed_body = input.body.apply(original_body.clone());
        let signed_body = if input.sign_changed_body { &changed_body } else { &original_body };
        let auth = vip_charge::auth::AuthHeaders {
            business_id: BUSINESS_ID,
            nonce: NONCE,
            timestamp: &timestamp,
            sign_type: None,
        };
        let Ok(sign) = vip_charge::auth::sign(&self.key, &auth, signed_body) else {
            return Observed::named("setup").violate("signing failed");
        };
        let original = vec![
            ("businessId".to_owned(), BUSINESS_ID.to_owned()),
            ("nonce".to_owned(), NONCE.to_owned()),
            ("timestamp".to_owned(), timestamp.clone()),
            ("sign".to_owned(), sign.clone()),
        ];
        let mut headers = original.clone();
        for change in &input.headers {
            apply_header(&mut headers, change);
        }
        let r = self.client.verify_notification(&headers, &changed_body);
        let o = observe(&r, |e| e.outcome_unknown());
        // The spec: each signed header once (names in any case, values trimmed), the same values
        // (the MD5 hex in any case), the timestamp digits within the window, the body as signed.
        let mut found: Vec<Option<String>> = vec![None; 4];
        let mut duplicated = false;
        for (name, value) in &headers {
            if let Some(i) = VIP_HEADERS.iter().position(|h| h.eq_ignore_ascii_case(name.trim())) {
                duplicated |= found[i].is_some();
                found[i] = Some(value.trim().to_owned());
            }
        }
        let same_values = found.iter().zip(&original).all(|(got, (name, want))| match got {
            Some(got) if *name == "sign" => got.eq_ignore_ascii_case(want),
            Some(got) => got == want,
            None => false,
        });
        let in_window = !timestamp.is_empty()
            && timestamp.bytes().all(|b| b.is_ascii_digit())
            && timestamp.parse::<i64>().is_ok_and(|t| (t - NOW).abs() <= WINDOW_MS);
        let authentic = !duplicated
            && same_values
            && in_window
            && changed_body == *signed_body
            && changed_body.len() <= super::LIMIT;
        let (ok, v) = (o.is_ok(), o.variant.clone());
        let o = if input.sign_changed_body && authentic {
            // Authentic, but maybe not the expected JSON: a typed decode error then.
            o.require(ok || v == "Decode", || format!("a signed body gave {v}"))
        } else {
            o.require(ok == authentic, || {
                format!(
                    "expected {}, got {v} for headers {headers:?}",
                    if authentic { "Ok" } else { "CallbackRejected" }
                )
            })
        };
        o.require(ok || v == "Decode" || v == "CallbackRejected", || format!("variant {v}"))
    }
}

pub(crate) fn vip_charge_callback() -> Target {
    Target::new(
        "vip_charge_callback",
        "a signed status callback (MD5), then headers removed, duplicated, re-cased, padded, changed, added, reordered; the body changed; timestamps around the window",
        "Ok exactly when the callback is the signed original (names in any case, values trimmed, MD5 hex in any case) within the time window; anything else CallbackRejected; a signed body that is not the JSON is Decode; no canary in errors",
        256,
        VipCallback::new(),
    )
}

// ---------------------------------------------------------------------------------------------
// chainup-opay

const APP_KEY: &str = "test-app-key";
const MAX: usize = chainup_opay::MAX_CALLBACK_BODY_BYTES;
const KEY_PEM: &str = include_str!("../../../../crates/sign-core/testdata/rsa1024_pkcs8.pem");
const PUB_PEM: &str = include_str!("../../../../crates/sign-core/testdata/rsa1024_spki.pem");

fn keys() -> &'static (PrivateKey, PublicKey) {
    static KEYS: OnceLock<(PrivateKey, PublicKey)> = OnceLock::new();
    KEYS.get_or_init(|| {
        let key = PrivateKey::parse(KEY_PEM).expect("test key");
        let public = key.public_key();
        (key, public)
    })
}

/// The chainup client: the one RSA-1024 test key plays merchant and platform (small keys keep
/// the RSA targets fast).
pub(crate) fn chainup_client(max_response_bytes: u64) -> chainup_opay::Client {
    let config = chainup_opay::Config::builder()
        .base_url("https://service.example.com")
        .app_key(APP_KEY)
        .merchant_private_key(KEY_PEM)
        .platform_public_key(PUB_PEM)
        .callback_max_age(Duration::from_millis(WINDOW_MS as u64))
        .callback_replay_protection(false)
        .max_response_bytes(max_response_bytes)
        .build()
        .expect("chainup config");
    chainup_opay::Client::sans_io(config).with_clock(Arc::new(FixedClock::from_unix_millis(NOW)))
}

/// `data` and `sign` sealed for `plaintext` (merchant and platform share the test key).
pub(crate) fn seal(plaintext: &[u8]) -> (String, String) {
    let (key, public) = keys();
    chainup_opay::auth::seal(plaintext, public, key).expect("seal")
}

fn notification() -> String {
    format!(
        r#"{{"outOrderId":"O1","orderNum":"N1","orderStatus":3,"payAmount":"10.00","returnUrl":"https://shop.example/?card={CANARY_CARD}"}}"#
    )
}

/// The original callback: `data`, `sign`, and the ciphertext and signature bytes.
fn original_callback() -> &'static (String, String, Vec<u8>, Vec<u8>) {
    static ORIGINAL: OnceLock<(String, String, Vec<u8>, Vec<u8>)> = OnceLock::new();
    ORIGINAL.get_or_init(|| {
        let (data, sign) = seal(notification().as_bytes());
        let ct = base64_decode_lenient(&data).expect("data");
        let sig = base64_decode_lenient(&sign).expect("sign");
        (data, sign, ct, sig)
    })
}

/// A change to a Base64 field.
#[derive(Debug, Clone)]
pub(crate) enum B64Mut {
    None,
    /// The standard alphabet, padded.
    Standard,
    /// Padding without the alphabet change.
    Padded,
    /// A line break inserted.
    Break(usize),
    Flip(usize, u8),
    Truncate(usize),
    Append(String),
    /// The first block repeated (data) or the value doubled.
    Repeat,
}

fn change_b64(text: &str, bytes: &[u8], block: usize, change: &B64Mut) -> String {
    match change {
        B64Mut::None => text.to_owned(),
        B64Mut::Standard => base64_std(bytes),
        B64Mut::Padded => {
            let mut s = text.to_owned();
            while s.len() % 4 != 0 {
                s.push('=');
            }
            s
        }
        B64Mut::Break(at) => {
            let mut s = text.to_owned();
            s.insert_str(at % (s.len() + 1), "\r\n");
            s
        }
        B64Mut::Flip(at, x) => flip_str(text, *at, *x),
        B64Mut::Truncate(n) => text.chars().take(*n).collect(),
        B64Mut::Append(extra) => format!("{text}{extra}"),
        B64Mut::Repeat => {
            let mut b = bytes.to_vec();
            b.extend_from_slice(&bytes[..block.min(bytes.len())]);
            base64_url_nopad(&b)
        }
    }
}

fn b64_mut() -> BoxedStrategy<B64Mut> {
    prop_oneof![
        3 => Just(B64Mut::None),
        1 => Just(B64Mut::Standard),
        1 => Just(B64Mut::Padded),
        1 => any::<usize>().prop_map(B64Mut::Break),
        3 => (any::<usize>(), 1u8..128).prop_map(|(a, x)| B64Mut::Flip(a, x)),
        1 => (0usize..400).prop_map(B64Mut::Truncate),
        1 => "[A-Za-z0-9+/=_-]{1,8}".prop_map(B64Mut::Append),
        1 => Just(B64Mut::Repeat),
    ]
    .boxed()
}

/// A change to the callback's JSON.
#[derive(Debug, Clone)]
pub(crate) enum Field {
    None,
    /// `time` as this JSON value (text); `None` drops it.
    Time(Option<String>),
    AppId(String),
    /// A field written twice.
    Duplicate(&'static str),
    Extra,
}

#[derive(Debug, Clone)]
pub(crate) struct ChainupCase {
    data: B64Mut,
    sign: B64Mut,
    field: Field,
    body: Mutation,
}

struct ChainupCallback {
    client: chainup_opay::Client,
}

fn time_ok(value: Option<&serde_json::Value>) -> bool {
    let millis = match value {
        Some(serde_json::Value::Number(n)) => n.as_i64(),
        Some(serde_json::Value::String(s)) => s.trim().parse::<i64>().ok(),
        _ => None,
    };
    millis.is_some_and(|t| (NOW - t).abs() <= WINDOW_MS)
}

impl Harness for ChainupCallback {
    type Input = ChainupCase;

    fn strategy(&self) -> BoxedStrategy<ChainupCase> {
        let field = prop_oneof![
            4 => Just(Field::None),
            2 => prop_oneof![
                (-WINDOW_MS - 3..=WINDOW_MS + 3).prop_map(|o| Some((NOW + o).to_string())),
                (-WINDOW_MS - 3..=WINDOW_MS + 3).prop_map(|o| Some(format!("\"{}\"", NOW + o))),
                super::json_value().prop_map(Some),
                Just(None),
            ].prop_map(Field::Time),
            1 => "[ -~]{0,14}".prop_map(Field::AppId),
            1 => proptest::sample::select(vec!["app_id", "data", "sign", "time"]).prop_map(Field::Duplicate),
            1 => Just(Field::Extra),
        ];
        (b64_mut(), b64_mut(), field, prop_oneof![4 => Just(Mutation::None), 1 => Mutation::strategy()])
            .prop_map(|(data, sign, field, body)| ChainupCase { data, sign, field, body })
            .boxed()
    }

    fn corpus(&self) -> Vec<(String, ChainupCase)> {
        let case = |data, sign, field, body| ChainupCase { data, sign, field, body };
        let mut out = vec![("untouched".to_owned(), case(B64Mut::None, B64Mut::None, Field::None, Mutation::None))];
        for (which, is_data) in [("data", true), ("sign", false)] {
            for (label, m) in [
                ("standard alphabet", B64Mut::Standard),
                ("padded", B64Mut::Padded),
                ("line break", B64Mut::Break(10)),
                ("first char changed", B64Mut::Flip(0, 1)),
                ("last char changed", B64Mut::Flip(usize::MAX, 1)),
                ("cut to 0", B64Mut::Truncate(0)),
                ("cut by one", B64Mut::Truncate(if is_data { 341 } else { 170 })),
                ("one block more", B64Mut::Repeat),
                ("= appended", B64Mut::Append("=".into())),
            ] {
                let (d, s) = if is_data { (m, B64Mut::None) } else { (B64Mut::None, m) };
                out.push((format!("{which} {label}"), case(d, s, Field::None, Mutation::None)));
            }
        }
        for offset in [-WINDOW_MS - 1, -WINDOW_MS, WINDOW_MS, WINDOW_MS + 1] {
            out.push((
                format!("time now{offset:+} ms"),
                case(B64Mut::None, B64Mut::None, Field::Time(Some((NOW + offset).to_string())), Mutation::None),
            ));
            out.push((
                format!("time \"now{offset:+}\" ms"),
                case(B64Mut::None, B64Mut::None, Field::Time(Some(format!("\"{}\"", NOW + offset))), Mutation::None),
            ));
        }
        out.push(("time missing".into(), case(B64Mut::None, B64Mut::None, Field::Time(None), Mutation::None)));
        for v in super::bad_values() {
            out.push((format!("time {v}"), case(B64Mut::None, B64Mut::None, Field::Time(Some(v)), Mutation::None)));
        }
        for f in ["app_id", "data", "sign", "time"] {
            out.push((
                format!("{f} duplicated"),
                case(B64Mut::None, B64Mut::None, Field::Duplicate(f), Mutation::None),
            ));
        }
        out.push((
            "other app_id".into(),
            case(B64Mut::None, B64Mut::None, Field::AppId("TEST-APP-KEY".into()), Mutation::None),
        ));
        out.push(("extra field".into(), case(B64Mut::None, B64Mut::None, Field::Extra, Mutation::None)));
        for (label, m) in Mutation::corpus() {
            out.push((format!("body {label}"), case(B64Mut::None, B64Mut::None, Field::None, m)));
        }
        for (label, size) in [("padded to the limit", MAX), ("padded to the limit+1", MAX + 1)] {
            out.push((format!("body {label}"), case(B64Mut::None, B64Mut::None, Field::None, Mutation::PadTo(size))));
        }
        out
    }

    fn check(&self, input: &ChainupCase) -> Observed {
        let (data, sign, ct, sig) = original_callback();
        let data = change_b64(data, ct, 128, &input.data);
        let sign = change_b64(sign, sig, 0, &input.sign);
        let mut fields: Vec<(String, String)> = vec![
            ("app_id".into(), serde_json::Value::from(APP_KEY).to_string()),
            ("data".into(), serde_json::Value::from(data.clone()).to_string()),
            ("sign".into(), serde_json::Value::from(sign.clone()).to_string()),
            ("time".into(), NOW.to_string()),
        ];
        match &input.field {
            Field::None => {}
            Field::Time(Some(v)) => fields[3].1 = v.clone(),
            Field::Time(None) => {
                fields.pop();
            }
            Field::AppId(a) => fields[0].1 = serde_json::Value::from(a.clone()).to_string(),
            Field::Duplicate(name) => {
                if let Some(f) = fields.iter().find(|(n, _)| n == name).cloned() {
                    fields.push(f);
                }
            }
            Field::Extra => fields.push(("extra".into(), "[1]".into())),
        }
        let json: Vec<String> = fields.iter().map(|(n, v)| format!("\"{n}\":{v}")).collect();
        let body = input.body.apply(format!("{{{}}}", json.join(",")).into_bytes());
        let r = self.client.verify_notification(super::NO_HEADERS, &body);
        let o = observe(&r, |e| e.outcome_unknown());
        let (ok, v) = (o.is_ok(), o.variant.clone());
        let o = o.require(ok || v == "CallbackRejected", || format!("variant {v}"));
        // Ok only for the authenticated original: the same app_id, ciphertext and signature bytes
        // (any Base64 spelling), and a time within the window (time is not signed).
        let parsed: Option<serde_json::Value> = serde_json::from_slice(&body).ok();
        let same = parsed.as_ref().is_some_and(|v| {
            v.get("app_id").and_then(|a| a.as_str()) == Some(APP_KEY)
                && v.get("data").and_then(|d| d.as_str()).map(base64_decode_lenient).and_then(Result::ok).as_ref()
                    == Some(ct)
                && v.get("sign").and_then(|s| s.as_str()).map(base64_decode_lenient).and_then(Result::ok).as_ref()
                    == Some(sig)
                && time_ok(v.get("time"))
        });
        let o = o.require(!ok || same, || format!("accepted a changed callback: {}", String::from_utf8_lossy(&body)));
        let equivalent_only = matches!(input.data, B64Mut::None | B64Mut::Standard | B64Mut::Padded | B64Mut::Break(_))
            && matches!(input.sign, B64Mut::None | B64Mut::Standard | B64Mut::Padded | B64Mut::Break(_))
            && matches!(&input.field, Field::None | Field::Extra)
            && match input.body {
                Mutation::None => true,
                // White space after the JSON, up to the size limit, changes nothing.
                Mutation::PadTo(n) => n <= MAX,
                _ => false,
            };
        o.require(!equivalent_only || ok, || format!("refused the original: {}", String::from_utf8_lossy(&body)))
    }
}

pub(crate) fn chainup_callback() -> Target {
    Target::new(
        "chainup_opay_callback",
        "a sealed payment callback {app_id, data, sign, time} (RSA-1024), then data and sign re-spelled, changed, cut or extended, fields duplicated or replaced, time around the window, the body bytes changed",
        "Ok only when app_id, the ciphertext and signature bytes are the original's and time is within the window; the original in any Base64 spelling is Ok; everything else CallbackRejected; no canary in errors",
        16,
        ChainupCallback { client: chainup_client(1 << 20) },
    )
}

// ---------------------------------------------------------------------------------------------
// chainup envelope opening

#[derive(Debug, Clone)]
pub(crate) struct OpenCase {
    long: bool,
    data: B64Mut,
    sign: B64Mut,
    max_blocks: usize,
}

struct EnvelopeOpen;

fn sealed_plaintexts() -> &'static [(Vec<u8>, String, String); 2] {
    static SEALED: OnceLock<[(Vec<u8>, String, String); 2]> = OnceLock::new();
    SEALED.get_or_init(|| {
        let short = br#"{"orderNum":"1"}"#.to_vec();
        let long = format!(r#"{{"orderNum":"1","note":"{}"}}"#, "x".repeat(300)).into_bytes();
        [short, long].map(|p| {
            let (d, s) = seal(&p);
            (p, d, s)
        })
    })
}

impl Harness for EnvelopeOpen {
    type Input = OpenCase;

    fn strategy(&self) -> BoxedStrategy<OpenCase> {
        (any::<bool>(), b64_mut(), b64_mut(), 0usize..6)
            .prop_map(|(long, data, sign, max_blocks)| OpenCase { long, data, sign, max_blocks })
            .boxed()
    }

    fn corpus(&self) -> Vec<(String, OpenCase)> {
        let mut out = Vec::new();
        for long in [false, true] {
            for max_blocks in [0, 1, 3, 4] {
                for (label, data, sign) in [
                    ("untouched", B64Mut::None, B64Mut::None),
                    ("data standard alphabet", B64Mut::Standard, B64Mut::None),
                    ("sign padded", B64Mut::None, B64Mut::Padded),
                    ("data one block more", B64Mut::Repeat, B64Mut::None),
                    ("data cut", B64Mut::Truncate(100), B64Mut::None),
                    ("sign changed", B64Mut::None, B64Mut::Flip(3, 1)),
                ] {
                    let blocks = if long { 3 } else { 1 };
                    out.push((
                        format!("{blocks} blocks, cap {max_blocks}, {label}"),
                        OpenCase { long, data, sign, max_blocks },
                    ));
                }
            }
        }
        out
    }

    fn check(&self, input: &OpenCase) -> Observed {
        let (key, public) = keys();
        let (plaintext, data, sign) = &sealed_plaintexts()[usize::from(input.long)];
        let ct = base64_decode_lenient(data).expect("data");
        let sig = base64_decode_lenient(sign).expect("sign");
        let data2 = change_b64(data, &ct, key.size(), &input.data);
        let sign2 = change_b64(sign, &sig, 0, &input.sign);
        let r = chainup_opay::auth::open_bounded(&data2, &sign2, key, std::slice::from_ref(public), input.max_blocks);
        let o = match &r {
            Ok(_) => Observed::ok(),
            Err(_) => Observed::named("OpenFailed"),
        };
        // Both directions: exactly the same bytes (any Base64 spelling) within the cap open.
        let blocks = ct.len().div_ceil(key.size());
        let expected = base64_decode_lenient(&data2).ok() == Some(ct.clone())
            && base64_decode_lenient(&sign2).ok() == Some(sig)
            && blocks <= input.max_blocks;
        o.require(r.is_ok() == expected, || format!("expected {expected}, got {:?}", r.as_ref().map(|p| p.len())))
            .require(r.as_ref().map_or(true, |p| p.as_slice() == plaintext.as_slice()), || "another plaintext".into())
    }
}

pub(crate) fn chainup_envelope_open() -> Target {
    Target::new(
        "chainup_opay_envelope_open",
        "data and sign of a sealed envelope (1 or 3 RSA-1024 blocks), re-spelled, changed, cut or extended; a block cap",
        "opens exactly when data and sign are the original bytes (any Base64 spelling) within the block cap, giving the original plaintext; no panic",
        16,
        EnvelopeOpen,
    )
}
