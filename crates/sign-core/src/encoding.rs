//! Base64 in the variants providers use, and the canonical `k=v&k=v` join.

use base64::Engine;
use base64::alphabet;
use base64::engine::DecodePaddingMode;
use base64::engine::general_purpose::{GeneralPurpose, GeneralPurposeConfig, STANDARD, URL_SAFE_NO_PAD};

use crate::error::DecodeError;

/// Standard alphabet, padding accepted or not; used after folding the URL-safe alphabet into it.
const LENIENT: GeneralPurpose = GeneralPurpose::new(
    &alphabet::STANDARD,
    GeneralPurposeConfig::new()
        .with_encode_padding(true)
        .with_decode_padding_mode(DecodePaddingMode::Indifferent)
        .with_decode_allow_trailing_bits(false),
);

/// Standard Base64 (`+/`, padded).
pub fn base64_std(data: &[u8]) -> String {
    STANDARD.encode(data)
}

/// Standard Base64 with padding of `data`, appended to `out` (no string of its own).
pub fn base64_std_into(data: &[u8], out: &mut String) {
    STANDARD.encode_string(data, out);
}

/// URL-safe Base64 without padding (`-_`, no `=`).
pub fn base64_url_nopad(data: &[u8]) -> String {
    URL_SAFE_NO_PAD.encode(data)
}

/// Decodes Base64 in either alphabet, with or without padding, ignoring ASCII white space
/// (line breaks in PEM-like blobs). Mixed alphabets in one string are accepted too, since
/// providers are known to hand-assemble their encodings.
pub fn base64_decode_lenient(input: &str) -> Result<Vec<u8>, DecodeError> {
    let mut folded = String::with_capacity(input.len());
    for c in input.chars() {
        match c {
            '-' => folded.push('+'),
            '_' => folded.push('/'),
            c if c.is_ascii_whitespace() => {}
            c => folded.push(c),
        }
    }
    LENIENT.decode(folded.as_bytes()).map_err(|e| DecodeError::new(format!("invalid base64: {e}")))
}

/// Joins `key=value` pairs sorted by key (byte order) with `&`, dropping pairs whose value is
/// empty: the canonical string several providers sign.
///
/// ```
/// let s = sign_core::encoding::canonical_join([("timestamp", "1"), ("businessId", "55"), ("x", "")]);
/// assert_eq!(s, "businessId=55&timestamp=1");
/// ```
pub fn canonical_join<K, V, I>(pairs: I) -> String
where
    K: AsRef<str>,
    V: AsRef<str>,
    I: IntoIterator<Item = (K, V)>,
{
    let mut kept: Vec<(K, V)> = pairs.into_iter().filter(|(_, v)| !v.as_ref().is_empty()).collect();
    kept.sort_by(|a, b| a.0.as_ref().cmp(b.0.as_ref()));
    let mut out = String::with_capacity(kept.iter().map(|(k, v)| k.as_ref().len() + v.as_ref().len() + 2).sum());
    for (i, (k, v)) in kept.iter().enumerate() {
        if i > 0 {
            out.push('&');
        }
        out.push_str(k.as_ref());
        out.push('=');
        out.push_str(v.as_ref());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lenient_decoding_accepts_both_alphabets() {
        let bytes = [0xfb, 0xff, 0xbf, 0x00, 0x10];
        let std = base64_std(&bytes);
        let url = base64_url_nopad(&bytes);
        assert_eq!(std, "+/+/ABA=");
        assert_eq!(url, "-_-_ABA");
        for s in [std.as_str(), url.as_str(), "+/+/ABA", "-_-_ABA=", "+/+/\nABA="] {
            assert_eq!(base64_decode_lenient(s).unwrap(), bytes, "{s}");
        }
    }

    #[test]
    fn garbage_base64_is_an_error() {
        for s in ["%%%", "A", "AB=C", "ABCD*"] {
            assert!(base64_decode_lenient(s).is_err(), "{s}");
        }
    }

    #[test]
    fn canonical_join_sorts_and_drops_empty() {
        assert_eq!(canonical_join(Vec::<(&str, &str)>::new()), "");
        assert_eq!(canonical_join([("b", "2"), ("a", "1"), ("c", "")]), "a=1&b=2");
    }
}
