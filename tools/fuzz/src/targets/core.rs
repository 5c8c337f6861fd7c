//! sign-core's parsers: lenient Base64, RSA key parsing, chunked RSA decryption, decimal amounts,
//! the redacting JSON decode.

use std::str::FromStr;
use std::sync::OnceLock;

use proptest::prelude::*;
use sign_core::decimal::rust_decimal;
use sign_core::encoding::{base64_decode_lenient, base64_std, base64_url_nopad};
use sign_core::rsa::{PrivateKey, PublicKey};
use sign_core::{CryptoError, Decimal, DecimalNumber, DecodeError};

use super::bad_values;
use crate::{CANARY_CARD, CANARY_TOKEN, Harness, Observed, Target, observe};

// ---------------------------------------------------------------------------------------------
// Base64

#[derive(Debug, Clone)]
pub(crate) enum B64 {
    /// Bytes encoded in one alphabet, with or without padding, with line breaks inserted.
    RoundTrip { data: Vec<u8>, url: bool, padded: bool, breaks: Vec<usize> },
    /// Any text.
    Text(String),
}

struct Base64;

fn encode(data: &[u8], url: bool, padded: bool, breaks: &[usize]) -> String {
    let mut s = if url { base64_url_nopad(data) } else { base64_std(data).trim_end_matches('=').to_owned() };
    if padded {
        while s.len() % 4 != 0 {
            s.push('=');
        }
    }
    for b in breaks {
        let at = b % (s.len() + 1);
        if s.is_char_boundary(at) {
            s.insert(at, '\n');
        }
    }
    s
}

impl Harness for Base64 {
    type Input = B64;

    fn strategy(&self) -> BoxedStrategy<B64> {
        prop_oneof![
            (
                proptest::collection::vec(any::<u8>(), 0..96),
                any::<bool>(),
                any::<bool>(),
                proptest::collection::vec(any::<usize>(), 0..3)
            )
                .prop_map(|(data, url, padded, breaks)| B64::RoundTrip { data, url, padded, breaks }),
            "[A-Za-z0-9+/=_ \n\t-]{0,40}".prop_map(B64::Text),
            any::<String>().prop_map(B64::Text),
        ]
        .boxed()
    }

    fn corpus(&self) -> Vec<(String, B64)> {
        let mut out = Vec::new();
        for len in 0..=6usize {
            let data: Vec<u8> = (0..len as u8).map(|i| 0xfb ^ i.wrapping_mul(37)).collect();
            for url in [false, true] {
                for padded in [false, true] {
                    let label = format!("{len} bytes, {} alphabet, padded {padded}", if url { "url" } else { "std" });
                    out.push((label, B64::RoundTrip { data: data.clone(), url, padded, breaks: vec![] }));
                }
            }
            out.push((
                format!("{len} bytes, line breaks"),
                B64::RoundTrip { data, url: false, padded: true, breaks: vec![1, 3] },
            ));
        }
        let texts = [
            ("empty", ""),
            ("white space", " \n\t "),
            ("one char", "A"),
            ("padding only", "===="),
            ("padding short", "QQ="),
            ("padding long", "QQ==="),
            ("padding inside", "QQ==QQ=="),
            ("trailing bits", "QR=="),
            ("mixed alphabets", "+/-_"),
            ("bom", "\u{feff}QQ=="),
            ("non-ascii", "QQ€="),
            ("control characters", "QQ\u{0}\u{1b}=="),
            ("bidi", "\u{202e}QQ=="),
            ("canary card", CANARY_CARD),
            ("canary token", CANARY_TOKEN),
        ];
        out.extend(texts.iter().map(|(l, t)| ((*l).to_owned(), B64::Text((*t).to_owned()))));
        out.push(("64 KiB".into(), B64::Text("QUJD".repeat(16 * 1024))));
        out
    }

    fn check(&self, input: &B64) -> Observed {
        match input {
            B64::RoundTrip { data, url, padded, breaks } => {
                let text = encode(data, *url, *padded, breaks);
                let r = base64_decode_lenient(&text);
                observe(&r, |_| false)
                    .require(r.as_deref() == Ok(data.as_slice()), || format!("{text:?} did not decode back"))
            }
            B64::Text(text) => {
                let r = base64_decode_lenient(text);
                let o = observe(&r, |_| false);
                match &r {
                    // Accepted text is canonical: the standard encoding of what it decoded to,
                    // up to alphabet, padding and white space.
                    Ok(bytes) => {
                        let folded: String = text
                            .chars()
                            .filter(|c| !c.is_ascii_whitespace())
                            .map(|c| match c {
                                '-' => '+',
                                '_' => '/',
                                c => c,
                            })
                            .collect();
                        let canonical = base64_std(bytes);
                        o.require(folded.trim_end_matches('=') == canonical.trim_end_matches('='), || {
                            format!("{text:?} accepted as {bytes:?}, which encodes as {canonical:?}")
                        })
                    }
                    Err(_) => o,
                }
            }
        }
    }
}

pub(crate) fn base64_lenient() -> Target {
    Target::new(
        "sign_core_base64_lenient",
        "text: bytes in either alphabet, padded or not, with line breaks; or any text",
        "encodings decode back exactly; accepted text is canonical (no two texts for one value beyond alphabet, padding, white space); no panic",
        256,
        Base64,
    )
}

// ---------------------------------------------------------------------------------------------
// RSA keys

const KEYS: [(&str, &str, bool); 6] = [
    ("pkcs1 pem", include_str!("../../../../crates/sign-core/testdata/rsa1024_pkcs1.pem"), true),
    ("pkcs8 pem", include_str!("../../../../crates/sign-core/testdata/rsa1024_pkcs8.pem"), true),
    ("pkcs8 b64", include_str!("../../../../crates/sign-core/testdata/rsa1024_pkcs8.b64"), true),
    ("spki pem", include_str!("../../../../crates/sign-core/testdata/rsa1024_spki.pem"), false),
    ("pkcs1 pub pem", include_str!("../../../../crates/sign-core/testdata/rsa1024_pkcs1_pub.pem"), false),
    ("spki b64", include_str!("../../../../crates/sign-core/testdata/rsa1024_spki.b64"), false),
];

/// A change to a key text.
#[derive(Debug, Clone)]
pub(crate) enum KeyMut {
    None,
    /// A character of the text XOR-ed.
    FlipText(usize, u8),
    /// The text cut.
    TruncateText(usize),
    /// The DER cut (truncated ASN.1), re-armoured as bare Base64.
    TruncateDer(usize),
    /// A DER byte XOR-ed, re-armoured as bare Base64.
    FlipDer(usize, u8),
    /// Another PEM label.
    Label(&'static str),
    /// The URL-safe alphabet without padding, wrapped every `n` characters.
    Rewrap(usize),
    /// Text glued in front.
    Prefix(String),
    /// Another key's DER (a generated key of an odd size), bare Base64.
    Generated(usize),
}

#[derive(Debug, Clone)]
pub(crate) struct KeyCase {
    key: usize,
    change: KeyMut,
}

fn der_of(text: &str) -> Vec<u8> {
    let body: String = text.lines().filter(|l| !l.starts_with("-----")).collect();
    base64_decode_lenient(&body).unwrap_or_default()
}

/// Generated keys of odd sizes (bits), made once: key generation is slow.
fn odd_keys() -> &'static Vec<(usize, String)> {
    static KEYS: OnceLock<Vec<(usize, String)>> = OnceLock::new();
    KEYS.get_or_init(|| {
        [1025usize, 1031, 1088]
            .iter()
            .filter_map(|bits| PrivateKey::generate(*bits).ok().map(|k| (*bits, k.to_base64_der().expose().to_owned())))
            .collect()
    })
}

fn key_text(case: &KeyCase) -> String {
    let (_, text, _) = KEYS[case.key % KEYS.len()];
    match &case.change {
        KeyMut::None => text.to_owned(),
        KeyMut::FlipText(at, x) => {
            let mut bytes = text.as_bytes().to_vec();
            let at = at % bytes.len();
            bytes[at] ^= x;
            String::from_utf8_lossy(&bytes).into_owned()
        }
        KeyMut::TruncateText(n) => text.chars().take(*n).collect(),
        KeyMut::TruncateDer(n) => {
            let der = der_of(text);
            base64_std(&der[..(*n).min(der.len())])
        }
        KeyMut::FlipDer(at, x) => {
            let mut der = der_of(text);
            if !der.is_empty() {
                let at = at % der.len();
                der[at] ^= x;
            }
            base64_std(&der)
        }
        KeyMut::Label(label) => {
            let body: Vec<&str> = text.lines().filter(|l| !l.starts_with("-----")).collect();
            format!("-----BEGIN {label}-----\n{}\n-----END {label}-----\n", body.join("\n"))
        }
        KeyMut::Rewrap(n) => {
            let b64 = base64_url_nopad(&der_of(text));
            let n = (*n).max(1);
            b64.as_bytes().chunks(n).map(|c| String::from_utf8_lossy(c).into_owned()).collect::<Vec<_>>().join("\r\n")
        }
        KeyMut::Prefix(p) => format!("{p}{text}"),
        KeyMut::Generated(i) => {
            let keys = odd_keys();
            keys.get(i % keys.len().max(1)).map(|(_, k)| k.clone()).unwrap_or_default()
        }
    }
}

struct KeyParse;

impl Harness for KeyParse {
    type Input = KeyCase;

    fn strategy(&self) -> BoxedStrategy<KeyCase> {
        let change = prop_oneof![
            1 => Just(KeyMut::None),
            4 => (any::<usize>(), 1u8..=255).prop_map(|(a, x)| KeyMut::FlipText(a, x)),
            2 => (0usize..1000).prop_map(KeyMut::TruncateText),
            3 => (0usize..700).prop_map(KeyMut::TruncateDer),
            4 => (any::<usize>(), 1u8..=255).prop_map(|(a, x)| KeyMut::FlipDer(a, x)),
            1 => proptest::sample::select(vec!["PRIVATE KEY", "RSA PRIVATE KEY", "PUBLIC KEY", "RSA PUBLIC KEY", "ENCRYPTED PRIVATE KEY", "EC PRIVATE KEY", "", "CERTIFICATE"]).prop_map(KeyMut::Label),
            1 => (1usize..80).prop_map(KeyMut::Rewrap),
            1 => "[ -~\n]{0,12}".prop_map(KeyMut::Prefix),
        ];
        (0..KEYS.len(), change).prop_map(|(key, change)| KeyCase { key, change }).boxed()
    }

    fn corpus(&self) -> Vec<(String, KeyCase)> {
        let mut out = Vec::new();
        for (key, (name, text, _)) in KEYS.iter().enumerate() {
            let mut add =
                |label: String, change: KeyMut| out.push((format!("{name}: {label}"), KeyCase { key, change }));
            add("untouched".into(), KeyMut::None);
            let der_len = der_of(text).len();
            // Truncated ASN.1 at every length up to the first 64 bytes, then every 37th.
            for n in (0..der_len).filter(|n| *n < 64 || n % 37 == 0) {
                add(format!("der cut to {n} bytes"), KeyMut::TruncateDer(n));
            }
            for at in [0, 1, 2, 4, 8, 20, der_len / 2, der_len - 1] {
                add(format!("der byte {at} flipped"), KeyMut::FlipDer(at, 0x01));
                add(format!("der byte {at} set high bit"), KeyMut::FlipDer(at, 0x80));
            }
            for label in [
                "PRIVATE KEY",
                "RSA PRIVATE KEY",
                "PUBLIC KEY",
                "RSA PUBLIC KEY",
                "ENCRYPTED PRIVATE KEY",
                "CERTIFICATE",
                "",
            ] {
                add(format!("label {label:?}"), KeyMut::Label(label));
            }
            for n in [1, 63, 64, 76] {
                add(format!("url alphabet, unpadded, wrapped at {n}"), KeyMut::Rewrap(n));
            }
            for n in [0, 10, 30, text.len() / 2, text.len() - 2] {
                add(format!("text cut to {n}"), KeyMut::TruncateText(n));
            }
            add("bom in front".into(), KeyMut::Prefix("\u{feff}".into()));
            add("white space in front".into(), KeyMut::Prefix(" \n\t".into()));
            add("canary in front".into(), KeyMut::Prefix(format!("{CANARY_CARD} {CANARY_TOKEN}\n")));
        }
        for i in 0..3 {
            out.push((format!("generated odd-size key {i}"), KeyCase { key: 0, change: KeyMut::Generated(i) }));
        }
        out
    }

    fn check(&self, input: &KeyCase) -> Observed {
        let text = key_text(input);
        let (name, original, private) = KEYS[input.key % KEYS.len()];
        let private_key = PrivateKey::parse(&text);
        let public_key = PublicKey::parse(&text);
        let as_private = observe(&private_key, |_| false);
        let as_public = observe(&public_key, |_| false);
        let mut o = if private { as_private.clone() } else { as_public.clone() };
        if let Some(v) = as_private.violation.or(as_public.violation) {
            o = o.violate(v);
        }
        // No error quotes key material: no 16-character run of the key's Base64 in any message.
        let body: String = original.lines().filter(|l| !l.starts_with("-----")).collect();
        let errors: Vec<String> = [private_key.as_ref().err(), public_key.as_ref().err()]
            .into_iter()
            .flatten()
            .flat_map(|e| [e.to_string(), format!("{e:?}")])
            .collect();
        let quoted = body.as_bytes().windows(16).any(|w| {
            let w = std::str::from_utf8(w).unwrap_or("");
            errors.iter().any(|e| e.contains(w))
        });
        o = o.require(!quoted, || format!("an error quotes the key: {errors:?}"));
        // A key that loads is never under the minimum size.
        if let Ok(k) = &private_key {
            o = o.require(k.size() * 8 >= sign_core::rsa::MIN_KEY_BITS, || {
                format!("private key of {} bits", k.size() * 8)
            });
        }
        if let Ok(k) = &public_key {
            o = o.require(k.size() * 8 >= sign_core::rsa::MIN_KEY_BITS, || {
                format!("public key of {} bits", k.size() * 8)
            });
        }
        if matches!(input.change, KeyMut::None) {
            let loads = if private { private_key.is_ok() } else { public_key.is_ok() };
            o = o.require(loads, || format!("the untouched {name} does not load"));
        }
        o
    }
}

pub(crate) fn rsa_key_parse() -> Target {
    Target::new(
        "sign_core_rsa_key_parse",
        "key text: PEM (4 labels) or bare Base64 DER, mutated: flipped and truncated text or DER, labels, alphabets, wrapping, odd sizes",
        "PrivateKey::parse and PublicKey::parse never panic; a loaded key is >= 1024 bits; no error quotes key material; untouched keys load",
        48,
        KeyParse,
    )
}

// ---------------------------------------------------------------------------------------------
// Chunked RSA decryption

fn test_key() -> &'static PrivateKey {
    static KEY: OnceLock<PrivateKey> = OnceLock::new();
    KEY.get_or_init(|| PrivateKey::parse(KEYS[1].1).expect("test key"))
}

#[derive(Debug, Clone)]
pub(crate) enum Ciphertext {
    /// `plaintext_len` bytes encrypted, then changed.
    Sealed { plaintext_len: usize, change: CtMut },
    /// Random bytes.
    Random(Vec<u8>),
}

#[derive(Debug, Clone)]
pub(crate) enum CtMut {
    None,
    Flip(usize, u8),
    Truncate(usize),
    Append(Vec<u8>),
    /// A block repeated.
    RepeatBlock,
}

#[derive(Debug, Clone)]
pub(crate) struct DecryptCase {
    ciphertext: Ciphertext,
    max_blocks: usize,
}

struct ChunkedDecrypt;

impl Harness for ChunkedDecrypt {
    type Input = DecryptCase;

    fn strategy(&self) -> BoxedStrategy<DecryptCase> {
        let change = prop_oneof![
            2 => Just(CtMut::None),
            3 => (any::<usize>(), 1u8..=255).prop_map(|(a, x)| CtMut::Flip(a, x)),
            1 => (0usize..520).prop_map(CtMut::Truncate),
            1 => proptest::collection::vec(any::<u8>(), 1..130).prop_map(CtMut::Append),
            1 => Just(CtMut::RepeatBlock),
        ];
        let ciphertext = prop_oneof![
            4 => (1usize..400, change).prop_map(|(plaintext_len, change)| Ciphertext::Sealed { plaintext_len, change }),
            1 => proptest::collection::vec(any::<u8>(), 0..400).prop_map(Ciphertext::Random),
        ];
        (ciphertext, 0usize..6).prop_map(|(ciphertext, max_blocks)| DecryptCase { ciphertext, max_blocks }).boxed()
    }

    fn corpus(&self) -> Vec<(String, DecryptCase)> {
        let mut out = Vec::new();
        // RSA block counts: 1, 2 and 4 blocks of plaintext, at and around the cap.
        for plaintext_len in [1, 117, 118, 234, 400] {
            for max_blocks in [0, 1, 2, 4] {
                for (label, change) in [
                    ("untouched", CtMut::None),
                    ("first byte flipped", CtMut::Flip(0, 1)),
                    ("last byte flipped", CtMut::Flip(usize::MAX, 0x80)),
                    ("one byte short", CtMut::Truncate(usize::MAX)),
                    ("one byte over", CtMut::Append(vec![0])),
                    ("a block repeated", CtMut::RepeatBlock),
                ] {
                    out.push((
                        format!("{plaintext_len} bytes, cap {max_blocks} blocks, {label}"),
                        DecryptCase { ciphertext: Ciphertext::Sealed { plaintext_len, change }, max_blocks },
                    ));
                }
            }
        }
        for len in [0, 1, 127, 128, 129, 256] {
            out.push((
                format!("{len} zero bytes"),
                DecryptCase { ciphertext: Ciphertext::Random(vec![0; len]), max_blocks: 2 },
            ));
            out.push((
                format!("{len} 0xff bytes"),
                DecryptCase { ciphertext: Ciphertext::Random(vec![0xff; len]), max_blocks: 2 },
            ));
        }
        out
    }

    fn check(&self, input: &DecryptCase) -> Observed {
        let key = test_key();
        let k = key.size();
        let (ciphertext, plaintext, untouched) = match &input.ciphertext {
            Ciphertext::Random(bytes) => (bytes.clone(), None, false),
            Ciphertext::Sealed { plaintext_len, change } => {
                let plaintext: Vec<u8> = (0..*plaintext_len).map(|i| (i * 7 + 3) as u8).collect();
                let Ok(mut ct) = key.public_key().encrypt_chunked(&plaintext) else {
                    return Observed::named("setup").violate("encrypt_chunked failed");
                };
                match change {
                    CtMut::None => {}
                    CtMut::Flip(at, x) => {
                        let at = at % ct.len();
                        ct[at] ^= x;
                    }
                    CtMut::Truncate(n) => ct.truncate((*n).min(ct.len() - 1)),
                    CtMut::Append(extra) => ct.extend_from_slice(extra),
                    CtMut::RepeatBlock => {
                        let first = ct[..k].to_vec();
                        ct.extend_from_slice(&first);
                    }
                }
                (ct, Some(plaintext), matches!(change, CtMut::None))
            }
        };
        let r = key.decrypt_chunked_at_most(&ciphertext, input.max_blocks);
        let blocks = ciphertext.len().div_ceil(k);
        let o = observe(&r, |_| false);
        if blocks > input.max_blocks {
            return o.require(r == Err(CryptoError::TooManyBlocks { blocks, max_blocks: input.max_blocks }), || {
                format!("{blocks} blocks over a cap of {}: {r:?}", input.max_blocks)
            });
        }
        match &r {
            Ok(p) => o
                .require(!ciphertext.is_empty() && ciphertext.len() % k == 0, || {
                    format!("{} bytes decrypted", ciphertext.len())
                })
                .require(!untouched || Some(p.as_slice()) == plaintext.as_deref(), || "wrong plaintext".to_owned()),
            Err(e) => o
                .require(*e == CryptoError::DecryptFailed, || format!("failure reported as {e:?}"))
                .require(!untouched, || "the untouched ciphertext did not decrypt".to_owned()),
        }
    }
}

pub(crate) fn rsa_chunked_decrypt() -> Target {
    Target::new(
        "sign_core_rsa_chunked_decrypt",
        "ciphertext: chunked PKCS#1 v1.5 (RSA-1024) with flipped, cut, appended or repeated blocks, or random bytes; a block cap",
        "over the cap: TooManyBlocks before any key work; otherwise the untouched ciphertext decrypts exactly, anything else is the one DecryptFailed or a whole-block plaintext; no panic",
        12,
        ChunkedDecrypt,
    )
}

// ---------------------------------------------------------------------------------------------
// Decimal amounts

#[derive(Debug, Clone)]
pub(crate) enum Amount {
    /// A decimal written from a mantissa and a scale.
    Exact { mantissa: i64, scale: u32 },
    /// Minor units at a scale, and back.
    Minor { units: i64, scale: u32 },
    /// Any text, as a JSON string and as a JSON number.
    Text(String),
}

struct DecimalAmount;

fn long_digit_runs(text: &str) -> Vec<&str> {
    text.split(|c: char| !c.is_ascii_digit()).filter(|run| run.len() >= 8).collect()
}

impl Harness for DecimalAmount {
    type Input = Amount;

    fn strategy(&self) -> BoxedStrategy<Amount> {
        prop_oneof![
            (any::<i64>(), 0u32..=28).prop_map(|(mantissa, scale)| Amount::Exact { mantissa, scale }),
            (any::<i64>(), 0u32..=40).prop_map(|(units, scale)| Amount::Minor { units, scale }),
            "[-+]?[0-9]{0,34}(\\.[0-9]{0,34})?([eE][-+]?[0-9]{1,4})?".prop_map(Amount::Text),
            any::<String>().prop_map(Amount::Text),
        ]
        .boxed()
    }

    fn corpus(&self) -> Vec<(String, Amount)> {
        let mut out: Vec<(String, Amount)> = [
            ("zero", 0, 0),
            ("max", i64::MAX, 0),
            ("min", i64::MIN, 0),
            ("max, scale 28", i64::MAX, 28),
            ("min, scale 28", i64::MIN, 28),
            ("cents", 10099, 2),
            ("trailing zeros", 1000, 3),
        ]
        .iter()
        .map(|(l, mantissa, scale)| ((*l).to_owned(), Amount::Exact { mantissa: *mantissa, scale: *scale }))
        .collect();
        for (l, units, scale) in
            [("scale 28", 1, 28), ("scale 29", 1, 29), ("scale u32::MAX", 1, u32::MAX), ("i64::MIN units", i64::MIN, 2)]
        {
            out.push((format!("minor units, {l}"), Amount::Minor { units, scale }));
        }
        let texts = [
            "",
            " ",
            "\u{feff}1",
            "1\u{0}",
            "\u{202e}1",
            "+",
            "-",
            ".",
            "1.",
            ".5",
            "-0",
            "+1.5",
            "1e5",
            "1E-5",
            "1e400",
            "NaN",
            "inf",
            "0.1",
            "100.10",
            "12345678901.23",
            "123456789012345",
            "1234567890123456",
            "0.12345678901234567",
            "79228162514264337593543950335",
            "79228162514264337593543950336",
            "-79228162514264337593543950336",
            "0.0000000000000000000000000001",
            "0.00000000000000000000000000001",
            "1..2",
            "1-2",
            "１２",
            "٣",
            CANARY_CARD,
            "4000056655665556.25",
            "-4000056655665556.5",
            "4000056655665556e3",
            CANARY_TOKEN,
        ];
        out.extend(texts.iter().map(|t| (format!("text {t:?}"), Amount::Text((*t).to_owned()))));
        out
    }

    fn check(&self, input: &Amount) -> Observed {
        match input {
            Amount::Exact { mantissa, scale } => {
                let text = rust_decimal::Decimal::new(*mantissa, *scale).to_string();
                let parsed = Decimal::from_str(&text);
                let quoted: Result<Decimal, _> = serde_json::from_str(&format!("\"{text}\""));
                let number = serde_json::from_str::<DecimalNumber>(&text).map_err(DecodeError::from);
                let o = observe(&parsed, |_| false);
                let o = o
                    .require(parsed.as_ref().map(ToString::to_string).ok().as_deref() == Some(text.as_str()), || {
                        format!("{text} parsed as {parsed:?}")
                    })
                    .require(
                        quoted.as_ref().ok().map(|d| serde_json::to_string(d).ok())
                            == Some(Some(format!("\"{text}\""))),
                        || format!("\"{text}\" did not round-trip: {quoted:?}"),
                    );
                // A number: exact when read, or refused without quoting it (more than 15
                // significant digits cannot be read exactly through a float).
                let significant = text.trim_start_matches(['-', '0', '.']).chars().filter(char::is_ascii_digit).count();
                match &number {
                    // Up to 15 significant digits a float carries the amount exactly. Beyond, a
                    // float read (no arbitrary_precision) may give the nearest double's shortest
                    // form: a known limit (docs/reliability.md), not checked here.
                    Ok(d) => o.require(
                        significant > 15 || d.value() == rust_decimal::Decimal::new(*mantissa, *scale),
                        || format!("{text} read as {d}"),
                    ),
                    Err(e) => {
                        let shown = format!("{e} {e:?}");
                        o.require(significant > 15, || format!("{text} refused: {e}"))
                            .require(long_digit_runs(&text).iter().all(|run| !shown.contains(run)), || {
                                format!("the error quotes the number: {shown}")
                            })
                    }
                }
            }
            Amount::Minor { units, scale } => {
                let d = Decimal::checked_from_minor(*units, *scale);
                let o = Observed::named(if d.is_some() { "Ok" } else { "None" });
                match d {
                    Some(d) => o.require(d.to_minor(*scale) == Some(*units), || {
                        format!("{units} at {scale} came back as {:?}", d.to_minor(*scale))
                    }),
                    None => o.require(*scale > 28, || format!("{units} at scale {scale} refused")),
                }
            }
            Amount::Text(text) => {
                let parsed = Decimal::from_str(text);
                let quoted = serde_json::from_str::<Decimal>(&serde_json::Value::String(text.clone()).to_string())
                    .map_err(DecodeError::from);
                let number = serde_json::from_str::<DecimalNumber>(text).map_err(DecodeError::from);
                let mut o = observe(&parsed, |_| false);
                let errors: Vec<String> = [
                    parsed.as_ref().err().map(|e| format!("{e} {e:?}")),
                    quoted.as_ref().err().map(|e| format!("{e} {e:?}")),
                    number.as_ref().err().map(|e| format!("{e} {e:?}")),
                ]
                .into_iter()
                .flatten()
                .collect();
                for e in &errors {
                    o = o.scan(&[e]).require(long_digit_runs(text).iter().all(|run| !e.contains(run)), || {
                        format!("the error quotes the number: {e}")
                    });
                }
                // What is accepted is exactly what was written.
                for value in [parsed.as_ref().ok().map(|d| d.value()), quoted.as_ref().ok().map(|d| d.value())]
                    .into_iter()
                    .flatten()
                {
                    o = o.require(rust_decimal::Decimal::from_str_exact(text.trim()).ok() == Some(value), || {
                        format!("{text:?} read as {value}")
                    });
                }
                o
            }
        }
    }
}

pub(crate) fn decimal_amount() -> Target {
    Target::new(
        "sign_core_decimal_amount",
        "amounts: mantissa and scale, minor units and a scale, or any text (as a JSON string and a JSON number)",
        "exact round trip (text, JSON string, minor units); a JSON number of up to 15 significant digits is read exactly; no error quotes a run of 8+ digits; no panic",
        256,
        DecimalAmount,
    )
}

// ---------------------------------------------------------------------------------------------
// The redacting JSON decode

#[allow(dead_code)]
#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Probe {
    small: Option<u8>,
    count: Option<u32>,
    id: Option<i64>,
    flag: Option<bool>,
    name: Option<String>,
    kind: Option<Kind>,
    amount: Option<Decimal>,
    price: Option<DecimalNumber>,
    letter: Option<char>,
    pair: Option<(u8, u8)>,
    items: Option<Vec<u16>>,
    inner: Option<Box<Probe>>,
    #[serde(default, deserialize_with = "sign_core::lenient::deserialize")]
    lenient_id: Option<i64>,
    #[serde(default, deserialize_with = "sign_core::lenient::deserialize")]
    lenient_flag: Option<bool>,
    #[serde(default, deserialize_with = "sign_core::lenient::optional_object")]
    object: Option<Box<Probe>>,
}

#[allow(dead_code)]
#[derive(Debug, serde::Deserialize)]
enum Kind {
    Card,
    Token,
}

const PROBE_FIELDS: [&str; 15] = [
    "small",
    "count",
    "id",
    "flag",
    "name",
    "kind",
    "amount",
    "price",
    "letter",
    "pair",
    "items",
    "inner",
    "lenient_id",
    "lenient_flag",
    "object",
];

#[derive(Debug, Clone)]
pub(crate) struct JsonCase {
    field: String,
    value: String,
}

struct JsonRedaction;

impl Harness for JsonRedaction {
    type Input = JsonCase;

    fn strategy(&self) -> BoxedStrategy<JsonCase> {
        let field = prop_oneof![
            4 => proptest::sample::select(PROBE_FIELDS.to_vec()).prop_map(str::to_owned),
            1 => Just(CANARY_CARD.to_owned()),
            1 => Just(CANARY_TOKEN.to_owned()),
        ];
        (field, super::json_value()).prop_map(|(field, value)| JsonCase { field, value }).boxed()
    }

    fn corpus(&self) -> Vec<(String, JsonCase)> {
        let mut out = Vec::new();
        for field in
            PROBE_FIELDS.iter().map(|f| (*f).to_owned()).chain([CANARY_CARD.to_owned(), CANARY_TOKEN.to_owned()])
        {
            for value in bad_values() {
                out.push((format!("{field} = {value}"), JsonCase { field: field.clone(), value }));
            }
        }
        out
    }

    fn check(&self, input: &JsonCase) -> Observed {
        let body = format!("{{\"{}\":{}}}", input.field, input.value);
        let nested = format!("{{\"inner\":{{\"object\":{body}}}}}");
        let r = sign_core::call::decode_json::<Probe>("probe", body.as_bytes());
        let n = sign_core::call::decode_json::<Probe>("probe", nested.as_bytes());
        let o = observe(&r, |_| false);
        let inner = observe(&n, |_| false);
        match inner.violation {
            Some(v) => o.violate(v),
            None => o,
        }
    }
}

pub(crate) fn json_error_redaction() -> Target {
    Target::new(
        "sign_core_json_error_redaction",
        "JSON: a value of any type (canaries included) in a field of every serde type, top level and nested; a canary as a field name",
        "no DecodeError's Display or Debug holds a canary card number or token; no panic",
        256,
        JsonRedaction,
    )
}
