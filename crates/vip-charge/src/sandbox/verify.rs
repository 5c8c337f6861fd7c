//! The sandbox's own implementation of the platform's signing rule, written apart from
//! `crate::auth` on purpose: a sandbox that checked requests with the client's signer would prove
//! nothing about that signer.

use std::collections::BTreeMap;

use sign_core::rsa::{PrivateKey, PublicKey};
use sign_core::{SecretString, digest, encoding};

/// The header names that take part in the signature, as the platform spells them.
const SIGNED_HEADERS: [&str; 4] = ["businessId", "nonce", "timestamp", "signType"];

/// Builds `k=v&k=v` (signed headers present and non-empty, sorted by name) followed by the body.
pub(super) fn signed_bytes(headers: &BTreeMap<&'static str, String>, body: &[u8]) -> Vec<u8> {
    let mut text = String::new();
    for (name, value) in headers.iter().filter(|(n, v)| SIGNED_HEADERS.contains(n) && !v.is_empty()) {
        if !text.is_empty() {
            text.push('&');
        }
        text.push_str(name);
        text.push('=');
        text.push_str(value);
    }
    let mut bytes = text.into_bytes();
    bytes.extend_from_slice(body);
    bytes
}

fn md5_upper(secret: &SecretString, signed: &[u8]) -> String {
    let mut data = signed.to_vec();
    data.extend_from_slice(secret.expose().as_bytes());
    let out = digest::md5(&data).iter().map(|b| format!("{b:02X}")).collect();
    zeroize::Zeroize::zeroize(&mut data);
    out
}

/// Whether `sign` is the uppercase-hex MD5 of the signed bytes followed by the secret (exactly:
/// the sandbox is strict where the platform may be lenient).
pub(super) fn md5_ok(secret: &SecretString, signed: &[u8], sign: &str) -> bool {
    SecretString::new(md5_upper(secret, signed)) == SecretString::new(sign)
}

/// Whether `sign` is a standard-Base64 SHA256withRSA signature of the signed bytes.
pub(super) fn rsa_ok(key: &PublicKey, signed: &[u8], sign: &str) -> bool {
    let strict_base64 = !sign.is_empty()
        && sign.len() % 4 == 0
        && sign.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'='));
    if !strict_base64 {
        return false;
    }
    match encoding::base64_decode_lenient(sign) {
        Ok(signature) => key.verify_sha256(signed, &signature).is_ok(),
        Err(_) => false,
    }
}

/// Signs a callback the way the platform does.
pub(super) fn md5_sign(secret: &SecretString, signed: &[u8]) -> String {
    md5_upper(secret, signed)
}

/// Signs a callback with the platform's private key.
pub(super) fn rsa_sign(key: &PrivateKey, signed: &[u8]) -> Option<String> {
    key.sign_sha256(signed).ok().map(|s| encoding::base64_std(&s))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_the_openssl_vector() {
        // V1 of testdata/README.md (md5sum).
        let headers = BTreeMap::from([
            ("timestamp", "1628772138668".to_owned()),
            ("signType", "MD5".to_owned()),
            ("nonce", "abc".to_owned()),
            ("businessId", "55".to_owned()),
        ]);
        let signed = signed_bytes(&headers, br#"{"merchantId":"166"}"#);
        assert!(md5_ok(&SecretString::new("test-secret-key"), &signed, "8CDA4E71F7AE6631F2F8EDC99EDE2CE3"));
        assert!(!md5_ok(&SecretString::new("test-secret-key"), &signed, "8cda4e71f7ae6631f2f8edc99ede2ce3"));
    }

    #[test]
    fn matches_the_openssl_rsa_vector() {
        // V3 of testdata/README.md (openssl dgst -sha256 -sign, no signType header).
        let headers = BTreeMap::from([
            ("nonce", "abc".to_owned()),
            ("businessId", "55".to_owned()),
            ("timestamp", "1628772138668".to_owned()),
        ]);
        let signed = signed_bytes(&headers, br#"{"merchantId":"166"}"#);
        let key = PrivateKey::parse(include_str!("../../testdata/merchant_private_key.pem")).unwrap().public_key();
        let v3 = "N5bMK7olzymYFB38ylAzVHVODJEtiq0MzxtaBto0f1Pb7BJIUUXy7sB5qgRUT4dPrVyubu9i+DiJEsK9kXad67o+JRrkJW9OvaVcTFvTJ2+AJt1Zrug5GYAAdryEHC1DsVo4ZgcFrTJQZ6VuaLxUzgHfd+byl69CMFEtx618gCe8Wk3ZR8mAFb3lzuuqjwvrZeY3Cn1qi19NQlmWJjc+yqyN8/Qpcm/vDdHeYCLDyVPvfjJSukZQOUbd5vdEy8vcHZJcZgP+rT3PF+NgfprVLaLH+NRBR2d63TZ8vK2FPjMLNDs0PlXpPCvb3VDnAfTMmAgU0E77v02zYzkLJWs7nA==";
        assert!(rsa_ok(&key, &signed, v3));
        assert!(!rsa_ok(&key, &signed, &v3.replace('+', "-").replace('/', "_")), "URL-safe Base64 is not the rule");
        assert!(!rsa_ok(&key, &signed[1..], v3));
    }
}
