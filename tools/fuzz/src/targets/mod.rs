//! The registry, and what several targets share: bad JSON values and byte mutations.

use proptest::prelude::*;

use crate::{CANARY_CARD, CANARY_TOKEN, Target};

mod callbacks;
mod core;
mod responses;
mod sandbox;
mod text;

/// Every registered entry point, in a fixed order.
pub fn registry() -> Vec<Target> {
    let mut all = vec![
        core::base64_lenient(),
        core::rsa_key_parse(),
        core::rsa_chunked_decrypt(),
        core::decimal_amount(),
        core::json_error_redaction(),
        callbacks::vip_charge_callback(),
        callbacks::chainup_callback(),
        callbacks::chainup_envelope_open(),
    ];
    all.extend(responses::targets());
    all.extend([
        text::mall_pay_pay_param(),
        text::mall_pay_token_redaction(),
        text::acqra_card_masking(),
        sandbox::sandbox_request_reader(),
    ]);
    all
}

/// The response size limit every fuzzed client is configured with: small, so that bodies up to
/// the limit and one byte over it are cheap to build (the check is the same code at any limit).
pub(crate) const LIMIT: usize = 64 * 1024;

/// JSON values (as text) of every type and the edge of every type: what a field holds when the
/// provider sends the wrong type, an extreme number, control or bidi characters, or a canary.
pub(crate) fn bad_values() -> Vec<String> {
    let card = CANARY_CARD;
    let token = CANARY_TOKEN;
    [
        "null",
        "true",
        "false",
        "0",
        "-1",
        "1.5",
        "-0.0",
        "9223372036854775807",
        "9223372036854775808",
        "-9223372036854775809",
        "18446744073709551616",
        "1e308",
        "1e400",
        "-1e-400",
        "123456789012345678901234567890.123456789",
        "\"\"",
        "\" \"",
        "\"\\u0000\\u0007\\u001b[31m\"",
        "\"\\u202e\\u2066bidi\\u2069\"",
        "\"\u{feff}x\"",
        "\"\\ud800\"",
        "[]",
        "{}",
        "[1,\"a\",null]",
        "{\"a\":{\"b\":[{}]}}",
    ]
    .iter()
    .map(|s| (*s).to_owned())
    .chain([
        card.to_owned(),
        format!("\"{card}\""),
        format!("\"card {card} declined\""),
        format!("\"{token}\""),
        format!("[\"{card}\",\"{token}\"]"),
        format!("{{\"{card}\":\"{token}\"}}"),
        format!("{card}.25"),
    ])
    .collect()
}

/// `depth` nested arrays around a number.
pub(crate) fn nested(depth: usize) -> String {
    format!("{}1{}", "[".repeat(depth), "]".repeat(depth))
}

/// A JSON value as text: scalars of every type, canaries, nesting.
pub(crate) fn json_value() -> BoxedStrategy<String> {
    let leaf = prop_oneof![
        proptest::sample::select(bad_values()),
        any::<i64>().prop_map(|n| n.to_string()),
        any::<f64>().prop_filter("finite", |f| f.is_finite()).prop_map(|f| f.to_string()),
        "[ -~\u{80}-\u{10ffff}]{0,24}".prop_map(|s| serde_json::Value::String(s).to_string()),
        "[0-9]{1,40}(\\.[0-9]{1,30})?",
    ];
    leaf.prop_recursive(4, 32, 4, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..4).prop_map(|v| format!("[{}]", v.join(","))),
            proptest::collection::vec(("[a-zA-Z]{1,8}", inner), 0..4).prop_map(|v| {
                let fields: Vec<String> = v.iter().map(|(k, x)| format!("\"{k}\":{x}")).collect();
                format!("{{{}}}", fields.join(","))
            }),
        ]
    })
    .boxed()
}

/// A change made to a body's bytes after it was built.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Mutation {
    None,
    /// A UTF-8 byte order mark in front.
    Bom,
    /// Cut to this many bytes.
    Truncate(usize),
    /// This byte XOR-ed with the value.
    Flip(usize, u8),
    /// Bytes that are not UTF-8 inserted here.
    NonUtf8(usize),
    /// White space appended up to this total size.
    PadTo(usize),
    /// The body repeated (two JSON values).
    Twice,
}

impl Mutation {
    pub(crate) fn apply(&self, mut body: Vec<u8>) -> Vec<u8> {
        match *self {
            Self::None => {}
            Self::Bom => body.splice(0..0, [0xef, 0xbb, 0xbf]).for_each(drop),
            Self::Truncate(n) => body.truncate(n),
            Self::Flip(at, x) => {
                if !body.is_empty() {
                    let at = at % body.len();
                    body[at] ^= x;
                }
            }
            Self::NonUtf8(at) => {
                let at = at.min(body.len());
                body.splice(at..at, [0xff, 0xc3, 0x28, 0x80]).for_each(drop);
            }
            Self::PadTo(n) => {
                if body.len() < n {
                    body.resize(n, b' ');
                }
            }
            Self::Twice => {
                let copy = body.clone();
                body.extend_from_slice(&copy);
            }
        }
        body
    }

    pub(crate) fn strategy() -> BoxedStrategy<Self> {
        prop_oneof![
            4 => Just(Self::None),
            1 => Just(Self::Bom),
            1 => (0usize..400).prop_map(Self::Truncate),
            2 => (any::<usize>(), 1u8..=255).prop_map(|(a, x)| Self::Flip(a, x)),
            1 => any::<usize>().prop_map(|a| Self::NonUtf8(a % 400)),
            1 => prop_oneof![Just(LIMIT - 1), Just(LIMIT), Just(LIMIT + 1), 0..LIMIT + 2].prop_map(Self::PadTo),
            1 => Just(Self::Twice),
        ]
        .boxed()
    }

    /// The sweep's mutations: every kind, at fixed places and at the size limit.
    pub(crate) fn corpus() -> Vec<(String, Self)> {
        vec![
            ("none".into(), Self::None),
            ("bom".into(), Self::Bom),
            ("truncated to 0".into(), Self::Truncate(0)),
            ("truncated to 1".into(), Self::Truncate(1)),
            ("truncated to 7".into(), Self::Truncate(7)),
            ("non-utf8 at 0".into(), Self::NonUtf8(0)),
            ("non-utf8 at 12".into(), Self::NonUtf8(12)),
            ("flipped byte 5".into(), Self::Flip(5, 0x20)),
            ("padded to limit".into(), Self::PadTo(LIMIT)),
            ("padded to limit+1".into(), Self::PadTo(LIMIT + 1)),
            ("twice".into(), Self::Twice),
        ]
    }
}

/// No headers (chainup's callbacks carry everything in the body).
pub(crate) const NO_HEADERS: [(&str, &str); 0] = [];
