//! Texts that must be read or masked exactly: mall-pay's `pay_param` and token redaction, acqra's
//! card masking.

use std::sync::Arc;

use proptest::prelude::*;
use sign_core::HttpResponse;

use super::{LIMIT, bad_values};
use crate::{CANARY_CARD, CANARY_TOKEN, Harness, Observed, Target, observe};

fn mall_client() -> Arc<mall_pay::Client> {
    let config = mall_pay::Config::builder()
        .base_url("https://mall.example.com")
        .pay_path("/api/order/pay")
        .token(CANARY_TOKEN)
        .max_response_bytes(LIMIT as u64)
        .build()
        .expect("mall-pay config");
    Arc::new(mall_pay::Client::sans_io(config))
}

// ---------------------------------------------------------------------------------------------
// pay_param

const WECHAT_FIELDS: [&str; 7] = ["appid", "partnerid", "prepayid", "package", "noncestr", "timestamp", "sign"];

#[derive(Debug, Clone)]
pub(crate) enum PayParamIn {
    /// An Alipay order string.
    Alipay(String),
    /// A WeChat object: each field's value (JSON text); `None` leaves the field out.
    Wechat(Vec<Option<String>>),
    /// Any JSON value.
    Value(String),
}

struct PayParam {
    client: Arc<mall_pay::Client>,
}

impl Harness for PayParam {
    type Input = PayParamIn;

    fn strategy(&self) -> BoxedStrategy<PayParamIn> {
        let field = prop_oneof![
            3 => "[ -~\u{80}-\u{ffff}]{0,16}".prop_map(|s| Some(serde_json::Value::String(s).to_string())),
            1 => super::json_value().prop_map(Some),
            1 => Just(None),
        ];
        prop_oneof![
            "[ -~\u{80}-\u{10ffff}]{0,64}".prop_map(PayParamIn::Alipay),
            proptest::collection::vec(field, 7).prop_map(PayParamIn::Wechat),
            super::json_value().prop_map(PayParamIn::Value),
        ]
        .boxed()
    }

    fn corpus(&self) -> Vec<(String, PayParamIn)> {
        let mut out = vec![("alipay empty".to_owned(), PayParamIn::Alipay(String::new()))];
        for (l, s) in [
            ("alipay", "app_id=1&sign=a+b/c=="),
            ("alipay canary", CANARY_CARD),
            ("alipay bidi", "\u{202e}app_id=1"),
            ("alipay nul", "a\u{0}b"),
        ] {
            out.push((l.to_owned(), PayParamIn::Alipay(s.to_owned())));
        }
        let good: Vec<Option<String>> = WECHAT_FIELDS.iter().map(|f| Some(format!("\"{f}-value\""))).collect();
        out.push(("wechat".into(), PayParamIn::Wechat(good.clone())));
        for (i, f) in WECHAT_FIELDS.iter().enumerate() {
            let mut missing = good.clone();
            missing[i] = None;
            out.push((format!("wechat without {f}"), PayParamIn::Wechat(missing)));
            for v in bad_values() {
                let mut bad = good.clone();
                bad[i] = Some(v.clone());
                out.push((format!("wechat {f} = {v}"), PayParamIn::Wechat(bad)));
            }
        }
        for v in bad_values() {
            out.push((format!("pay_param = {v}"), PayParamIn::Value(v)));
        }
        out
    }

    fn check(&self, input: &PayParamIn) -> Observed {
        let value = match input {
            PayParamIn::Alipay(s) => serde_json::Value::String(s.clone()).to_string(),
            PayParamIn::Wechat(fields) => {
                let parts: Vec<String> = WECHAT_FIELDS
                    .iter()
                    .zip(fields)
                    .filter_map(|(f, v)| v.as_ref().map(|v| format!("\"{f}\":{v}")))
                    .collect();
                format!("{{{}}}", parts.join(","))
            }
            PayParamIn::Value(v) => v.clone(),
        };
        let body = format!(r#"{{"status":200,"msg":"ok","data":{{"pay_param":{value}}}}}"#);
        let r = self.client.parse::<mall_pay::OrderPayRequest>(&HttpResponse::new(200, body));
        let o = observe(&r, |e| e.outcome_unknown());
        let (ok, v, unknown) = (o.is_ok(), o.variant.clone(), o.outcome_unknown);
        let o = o.require(ok || (v == "Decode" && unknown == Some(true)), || format!("variant {v}"));
        let Ok(response) = &r else { return o };
        let param = &response.pay_param;
        match input {
            // An Alipay string is handed on byte for byte, and serializes back the same.
            PayParamIn::Alipay(s) if s.is_empty() => {
                o.require(param.kind() == "empty", || format!("\"\" read as {param:?}"))
            }
            PayParamIn::Alipay(s) => o
                .require(param.alipay() == Some(s.as_str()), || format!("{s:?} read as {param:?}"))
                .require(serde_json::to_value(param).ok() == Some(serde_json::Value::String(s.clone())), || {
                    "the Alipay string does not serialize back".into()
                }),
            // WeChat's fields keep their text (a number as its digits).
            PayParamIn::Wechat(_) => {
                let sent: serde_json::Value = serde_json::from_str(&value).unwrap_or_default();
                let back = serde_json::to_value(param).unwrap_or_default();
                let same = WECHAT_FIELDS.iter().all(|f| match (&sent[f], &back[f]) {
                    (serde_json::Value::String(a), serde_json::Value::String(b)) => a == b,
                    // Integers keep their digits; other numbers their value (`-0.0` reads `-0`).
                    (serde_json::Value::Number(a), serde_json::Value::String(b)) => {
                        a.to_string() == *b
                            || (a.as_i64().is_none() && a.as_u64().is_none() && b.parse::<f64>().ok() == a.as_f64())
                    }
                    (serde_json::Value::Bool(a), serde_json::Value::String(b)) => a.to_string() == *b,
                    _ => false,
                });
                o.require(param.kind() == "empty" || same, || format!("{value} read as {param:?}"))
            }
            PayParamIn::Value(_) => o,
        }
    }
}

pub(crate) fn mall_pay_pay_param() -> Target {
    Target::new(
        "mall_pay_pay_param",
        "data.pay_param of an order_pay success: an Alipay string, a WeChat object with fields of any type or missing, or any JSON",
        "an Alipay string is kept byte for byte and serializes back the same; a WeChat object keeps each field's text; anything else is Decode (outcome unknown) without a canary; no panic",
        256,
        PayParam { client: mall_client() },
    )
}

// ---------------------------------------------------------------------------------------------
// token redaction

/// A piece of a provider message.
#[derive(Debug, Clone)]
pub(crate) enum Piece {
    Text(String),
    /// `token[from..from + len]`, letters re-cased by `case` (bit i: letter i upper), escapes
    /// `%XX` where `escape` has a bit set.
    Token {
        from: usize,
        len: usize,
        case: u64,
        escape: u64,
        upper_hex: bool,
    },
}

struct TokenRedaction {
    client: Arc<mall_pay::Client>,
}

fn render(pieces: &[Piece]) -> String {
    let token = CANARY_TOKEN.as_bytes();
    let mut s = String::new();
    for p in pieces {
        match p {
            Piece::Text(t) => s.push_str(t),
            Piece::Token { from, len, case, escape, upper_hex } => {
                let from = from % token.len();
                let end = (from + len).min(token.len());
                for (i, b) in token[from..end].iter().enumerate() {
                    let c = if case >> (i % 64) & 1 == 1 { b.to_ascii_uppercase() } else { b.to_ascii_lowercase() };
                    if escape >> (i % 64) & 1 == 1 {
                        if *upper_hex { s.push_str(&format!("%{c:02X}")) } else { s.push_str(&format!("%{c:02x}")) }
                    } else {
                        s.push(char::from(c));
                    }
                }
            }
        }
    }
    s
}

/// `text` with `%XX` escapes decoded and letters lower-cased.
fn normalized(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let Ok(b) = u8::from_str_radix(std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap_or("zz"), 16) {
                out.push(b.to_ascii_lowercase());
                i += 3;
                continue;
            }
        }
        out.push(bytes[i].to_ascii_lowercase());
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

impl Harness for TokenRedaction {
    type Input = (u16, Vec<Piece>);

    fn strategy(&self) -> BoxedStrategy<(u16, Vec<Piece>)> {
        let piece = prop_oneof![
            "[ -~\u{4e00}-\u{4e20}]{0,12}".prop_map(Piece::Text),
            (any::<usize>(), 8usize..30, any::<u64>(), prop_oneof![3 => Just(0u64), 1 => any::<u64>()], any::<bool>())
                .prop_map(|(from, len, case, escape, upper_hex)| Piece::Token { from, len, case, escape, upper_hex }),
        ];
        (prop_oneof![Just(200u16), Just(400), Just(500)], proptest::collection::vec(piece, 1..6)).boxed()
    }

    fn corpus(&self) -> Vec<(String, (u16, Vec<Piece>))> {
        let whole = |case, escape, upper_hex| Piece::Token { from: 0, len: 64, case, escape, upper_hex };
        let mut out = Vec::new();
        for status in [200, 500] {
            for (label, pieces) in [
                ("token", vec![Piece::Text("token ".into()), whole(0, 0, false), Piece::Text("过期".into())]),
                ("token upper case", vec![whole(u64::MAX, 0, false)]),
                ("token url-encoded", vec![whole(0, u64::MAX, true)]),
                ("token url-encoded lower hex", vec![whole(0, u64::MAX, false)]),
                ("token half encoded", vec![whole(0xaaaa_aaaa, 0x5555_5555, true)]),
                ("8-char prefix", vec![Piece::Token { from: 0, len: 8, case: 0, escape: 0, upper_hex: false }]),
                (
                    "8-char suffix",
                    vec![Piece::Token { from: CANARY_TOKEN.len() - 8, len: 8, case: 0, escape: 0, upper_hex: false }],
                ),
                ("token at the 512-character cut", vec![Piece::Text("x".repeat(505)), whole(0, 0, false)]),
                ("token after 16 Ki characters", vec![Piece::Text("x".repeat(16 * 1024)), whole(0, 0, false)]),
                (
                    "token twice, overlapping",
                    vec![Piece::Token { from: 0, len: 12, case: 0, escape: 0, upper_hex: false }, whole(0, 0, false)],
                ),
                (
                    "token beside bidi",
                    vec![Piece::Text("\u{202e}".into()), whole(0, 0, false), Piece::Text("\u{0}".into())],
                ),
            ] {
                out.push((format!("HTTP {status}, {label}"), (status, pieces)));
            }
        }
        out
    }

    fn check(&self, input: &(u16, Vec<Piece>)) -> Observed {
        let (status, pieces) = input;
        let msg = render(pieces);
        for code in [0, 7] {
            let body = serde_json::json!({"status": code, "msg": msg, "data": []}).to_string();
            let r = self.client.parse::<mall_pay::OrderPayRequest>(&HttpResponse::new(*status, body));
            let o = observe(&r, |e| e.outcome_unknown());
            let Err(e) = &r else { return o.violate("a refusal parsed as Ok") };
            let shown = normalized(&format!("{e} {e:?}"));
            let token = CANARY_TOKEN.to_ascii_lowercase();
            let leaked = (0..=token.len() - 8).find(|i| shown.contains(&token[*i..*i + 8]));
            let o = o.require(leaked.is_none(), || format!("a piece of the token survives: {shown}"));
            if o.violation.is_some() {
                return o;
            }
        }
        Observed::named("Api")
    }
}

pub(crate) fn mall_pay_token_redaction() -> Target {
    Target::new(
        "mall_pay_token_redaction",
        "a refusal's msg built from text and pieces of the client's token (8+ characters) in any letter case, plain or %XX-encoded, around the 512-character cut",
        "no 8-character piece of the token, in any case or encoding, in the error's Display or Debug; no panic",
        256,
        TokenRedaction { client: mall_client() },
    )
}

// ---------------------------------------------------------------------------------------------
// acqra card masking

#[derive(Debug, Clone)]
pub(crate) struct CardCase {
    digits: Vec<u8>,
    /// Separator after each digit (index into SEPARATORS; past the end: none).
    separators: Vec<usize>,
    script: usize,
    before: String,
    after: String,
}

const SEPARATORS: [&str; 10] = [" ", "-", ".", "/", "_", ",", "\u{a0}", "\u{3000}", "\u{2014}", "  "];
const ZEROS: [char; 5] = ['0', '\u{ff10}', '\u{0660}', '\u{06f0}', '\u{0966}'];

struct CardMasking {
    client: Arc<acqra_gateway::Client>,
}

fn card_text(case: &CardCase) -> String {
    let zero = ZEROS[case.script % ZEROS.len()];
    let mut s = case.before.clone();
    for (i, d) in case.digits.iter().enumerate() {
        s.push(char::from_u32(u32::from(zero) + u32::from(*d % 10)).unwrap_or('0'));
        if i + 1 < case.digits.len() {
            if let Some(sep) = case.separators.get(i).and_then(|k| SEPARATORS.get(*k)) {
                s.push_str(sep);
            }
        }
    }
    s.push_str(&case.after);
    s
}

/// Sets the last digit to the Luhn check digit of the others.
fn luhn_complete(digits: &mut [u8]) {
    let Some((last, payload)) = digits.split_last_mut() else { return };
    let sum: u32 = payload
        .iter()
        .rev()
        .enumerate()
        .map(|(i, d)| {
            let d = u32::from(*d % 10);
            if i % 2 == 0 { if d * 2 > 9 { d * 2 - 9 } else { d * 2 } } else { d }
        })
        .sum();
    *last = u8::try_from((10 - sum % 10) % 10).unwrap_or(0);
}

impl Harness for CardMasking {
    type Input = CardCase;

    fn strategy(&self) -> BoxedStrategy<CardCase> {
        (13usize..=19)
            .prop_flat_map(|n| {
                (
                    proptest::collection::vec(0u8..10, n),
                    proptest::collection::vec(0usize..20, n),
                    0usize..ZEROS.len(),
                    "[ -~\u{4e00}-\u{4e10}]{0,8}",
                    "[ -~\u{4e00}-\u{4e10}]{0,8}",
                )
            })
            .prop_map(|(mut digits, separators, script, before, after)| {
                // A card number: no scheme's starts with 0, and it passes the Luhn check (the
                // masker leaves other long numbers, order numbers, readable).
                digits[0] = 1 + digits[0] % 9;
                luhn_complete(&mut digits);
                CardCase { digits, separators, script, before, after }
            })
            .boxed()
    }

    fn corpus(&self) -> Vec<(String, CardCase)> {
        let canary: Vec<u8> = CANARY_CARD.bytes().map(|b| b - b'0').collect();
        let mut out = Vec::new();
        for (script, name) in
            ["ascii", "full-width", "arabic-indic", "extended arabic-indic", "devanagari"].iter().enumerate()
        {
            for (sep, sep_name) in
                SEPARATORS.iter().enumerate().map(|(i, s)| (i, format!("{s:?}"))).chain([(99, "none".to_owned())])
            {
                let separators = (0..16).map(|i| if i % 4 == 3 { sep } else { 99 }).collect();
                out.push((
                    format!("{name} digits, groups of 4 split by {sep_name}"),
                    CardCase {
                        digits: canary.clone(),
                        separators,
                        script,
                        before: "card ".into(),
                        after: " declined".into(),
                    },
                ));
            }
            for (l, before, after) in [
                ("glued to digits", "1234", "99"),
                ("after a colon", "ref:", ""),
                ("at the 512 cut", &*"x".repeat(500), ""),
            ] {
                out.push((
                    format!("{name} digits, {l}"),
                    CardCase {
                        digits: canary.clone(),
                        separators: vec![99; 16],
                        script,
                        before: before.to_owned(),
                        after: after.to_owned(),
                    },
                ));
            }
        }
        out
    }

    fn check(&self, input: &CardCase) -> Observed {
        let msg = card_text(input);
        let body = serde_json::json!({"respCode": "5001", "respMsg": msg}).to_string();
        let r = self.client.parse::<acqra_gateway::QueryRequest>(&HttpResponse::new(200, body));
        let o = observe(&r, |e| e.outcome_unknown());
        let Err(e) = &r else { return o.violate("a refusal parsed as Ok") };
        // Every digit the masking must hide: all but the last four, in ASCII, separators dropped.
        let hidden: String = input.digits[..input.digits.len() - 4].iter().map(|d| char::from(b'0' + d % 10)).collect();
        let shown: String = format!("{e} {e:?}")
            .chars()
            .filter_map(|c| {
                let zero = ZEROS.iter().find(|z| (u32::from(**z)..u32::from(**z) + 10).contains(&u32::from(c)))?;
                char::from_digit(u32::from(c) - u32::from(*zero), 10)
            })
            .collect();
        // The message's own digits (before, after) could spell the same run by chance: only a
        // run not present in them counts.
        let context: String = format!("{}{}", input.before, input.after).chars().filter(char::is_ascii_digit).collect();
        // The masker's documented limit (sign_core::secret::mask_card_numbers): a card glued to
        // other digits is found inside a run longer than 19 digits (the corpus's "glued to digits"
        // case), or after a card word; glued into a shorter run it does not have a card number's
        // shape, and order numbers of that shape stay readable.
        let glued_before = input.before.chars().rev().take_while(char::is_ascii_digit).count();
        let glued_after = input.after.chars().take_while(char::is_ascii_digit).count();
        let card_word = input.before.to_lowercase().contains("card");
        let promised =
            glued_before + glued_after == 0 || card_word || input.digits.len() + glued_before + glued_after > 19;
        o.require(!promised || !shown.contains(&hidden) || context.contains(&hidden), || {
            format!("card digits survive in: {e}")
        })
    }
}

pub(crate) fn acqra_card_masking() -> Target {
    let config = acqra_gateway::Config::builder()
        .base_url("https://gw.example.com")
        .app_id("app-42")
        .secret("s3cr3t")
        .max_response_bytes(LIMIT as u64)
        .build()
        .expect("acqra config");
    Target::new(
        "acqra_gateway_card_masking",
        "a refusal's respMsg with a 13-19 digit card number (Luhn-valid) in 5 digit scripts, grouped by any of 10 separators, glued to text or digits, around the cut",
        "the error shows at most the last four digits of the card; no panic",
        256,
        CardMasking { client: Arc::new(acqra_gateway::Client::sans_io(config)) },
    )
}
