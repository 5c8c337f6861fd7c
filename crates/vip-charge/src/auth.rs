//! The platform's signing rule, in one place.
//!
//! 1. Take the auth headers except `sign`: `businessId`, `nonce`, `timestamp` (milliseconds) and
//!    `signType` only when it is sent; drop empty values.
//! 2. Sort them by name and join as `k=v&k=v`, e.g.
//!    `businessId=55&nonce=abc&signType=MD5&timestamp=1628772138668`.
//! 3. Append the exact request body bytes directly (no separator).
//! 4. `MD5`: append the secret key directly, MD5, uppercase hex.
//!    `SHA256-RSA`: SHA256withRSA (PKCS#1 v1.5) with the merchant private key, standard Base64.
//!
//! Status callbacks use the same string (without `signType`, which the platform does not send).

use std::fmt;
use std::str::FromStr;

use sign_core::rsa::{PrivateKey, PublicKey};
use sign_core::{SecretString, digest, encoding};

use crate::error::Error;

/// Header names, as the platform spells them (names are case-sensitive on the platform's side).
pub mod header {
    /// The business id the platform assigned.
    pub const BUSINESS_ID: &str = "businessId";
    /// A random string, different on every request.
    pub const NONCE: &str = "nonce";
    /// The Unix time in milliseconds.
    pub const TIMESTAMP: &str = "timestamp";
    /// The signature.
    pub const SIGN: &str = "sign";
    /// `MD5` or `SHA256-RSA`; the platform assumes `SHA256-RSA` when it is absent.
    pub const SIGN_TYPE: &str = "signType";
}

/// A signature method.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum SignType {
    /// `MD5`: MD5 over the string to sign followed by the secret key, uppercase hex.
    Md5,
    /// `SHA256-RSA` (the platform's default): SHA256withRSA with the merchant private key, Base64.
    Sha256Rsa,
}

impl SignType {
    /// The `signType` header value.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Md5 => "MD5",
            Self::Sha256Rsa => "SHA256-RSA",
        }
    }
}

impl fmt::Display for SignType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for SignType {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim() {
            "MD5" => Ok(Self::Md5),
            "SHA256-RSA" => Ok(Self::Sha256Rsa),
            _ => Err(Error::Config("sign type must be MD5 or SHA256-RSA".to_owned())),
        }
    }
}

/// The key requests are signed with. `Debug` never shows key material.
#[derive(Debug, Clone)]
#[non_exhaustive]
// One key per client configuration, built once: its size does not matter, boxing would only add API noise.
#[allow(clippy::large_enum_variant)]
pub enum SigningKey {
    /// The MD5 secret key.
    Md5(SecretString),
    /// The merchant's RSA private key.
    Sha256Rsa(PrivateKey),
}

impl SigningKey {
    /// The sign type this key signs with.
    pub fn sign_type(&self) -> SignType {
        match self {
            Self::Md5(_) => SignType::Md5,
            Self::Sha256Rsa(_) => SignType::Sha256Rsa,
        }
    }
}

/// The key status callbacks are verified with. `Debug` never shows the secret.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub enum VerifyingKey {
    /// The MD5 secret key (the same secret that signs requests).
    Md5(SecretString),
    /// The platform's RSA public key.
    Sha256Rsa(PublicKey),
}

impl VerifyingKey {
    /// The sign type this key verifies.
    pub fn sign_type(&self) -> SignType {
        match self {
            Self::Md5(_) => SignType::Md5,
            Self::Sha256Rsa(_) => SignType::Sha256Rsa,
        }
    }
}

/// The auth header values that go into the string to sign.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AuthHeaders<'a> {
    /// `businessId`.
    pub business_id: &'a str,
    /// `nonce`.
    pub nonce: &'a str,
    /// `timestamp`, milliseconds, exactly as sent.
    pub timestamp: &'a str,
    /// `signType`, only when the header is sent.
    pub sign_type: Option<SignType>,
}

/// The sorted header join that starts the string to sign (the body follows it directly):
/// [`encoding::canonical_join`] of the four headers, written straight into one string. The names
/// are fixed, so is their order (`businessId` < `nonce` < `signType` < `timestamp`).
fn header_join(headers: &AuthHeaders<'_>) -> String {
    let pairs = [
        (header::BUSINESS_ID, headers.business_id),
        (header::NONCE, headers.nonce),
        (header::SIGN_TYPE, headers.sign_type.map(SignType::as_str).unwrap_or("")),
        (header::TIMESTAMP, headers.timestamp),
    ];
    let mut out = String::with_capacity(pairs.iter().map(|(k, v)| k.len() + v.len() + 2).sum());
    for (name, value) in pairs.iter().filter(|(_, v)| !v.is_empty()) {
        if !out.is_empty() {
            out.push('&');
        }
        out.push_str(name);
        out.push('=');
        out.push_str(value);
    }
    out
}

/// The bytes that are signed: the sorted header join followed by the body.
fn string_to_sign(headers: &AuthHeaders<'_>, body: &[u8]) -> Vec<u8> {
    let joined = header_join(headers);
    let mut out = Vec::with_capacity(joined.len() + body.len());
    out.extend_from_slice(joined.as_bytes());
    out.extend_from_slice(body);
    out
}

fn md5_sign(secret: &SecretString, headers: &AuthHeaders<'_>, body: &[u8]) -> String {
    // The digest reads the string to sign and the key in their parts: no buffer holds the key (so
    // there is none to wipe) and the body is not copied.
    let joined = header_join(headers);
    digest::md5_hex_upper_parts(&[joined.as_bytes(), body, secret.expose().as_bytes()])
}

/// Signs a request (or a callback): the value of the `sign` header for these auth headers and
/// exactly these body bytes.
///
/// A `signType` header that contradicts the key is a configuration error: the platform would verify
/// with the other method.
pub fn sign(key: &SigningKey, headers: &AuthHeaders<'_>, body: &[u8]) -> Result<String, Error> {
    if let Some(sent) = headers.sign_type {
        if sent != key.sign_type() {
            return Err(Error::Config(format!("signType header {sent} does not match a {} key", key.sign_type())));
        }
    }
    match key {
        SigningKey::Md5(secret) => Ok(md5_sign(secret, headers, body)),
        SigningKey::Sha256Rsa(private_key) => {
            let signature = private_key.sign_sha256(&string_to_sign(headers, body))?;
            Ok(encoding::base64_std(&signature))
        }
    }
}

/// Checks `sign` against the auth headers and body with the same rule. Any mismatch (including a
/// signature that is not Base64) is [`Error::CallbackRejected`]; MD5 values are compared in constant time.
pub(crate) fn verify(key: &VerifyingKey, headers: &AuthHeaders<'_>, body: &[u8], sign: &str) -> Result<(), Error> {
    match key {
        VerifyingKey::Md5(secret) => {
            let expected = SecretString::new(md5_sign(secret, headers, body));
            let got = SecretString::new(sign.trim().to_ascii_uppercase());
            if expected == got { Ok(()) } else { Err(Error::CallbackRejected) }
        }
        VerifyingKey::Sha256Rsa(public_key) => {
            let signature = encoding::base64_decode_lenient(sign.trim()).map_err(|_| Error::CallbackRejected)?;
            public_key.verify_sha256(&string_to_sign(headers, body), &signature).map_err(|_| Error::CallbackRejected)
        }
    }
}

/// Checks `sign` with each of `keys` (several during a key rotation): `Ok` when any of them
/// verifies. Every MD5 secret is tried (no early exit), so the time taken does not say which one
/// matched; RSA verification works on public data only. When `headers` carry a `signType`, only
/// the keys of that type are tried: the sender named its method.
pub(crate) fn verify_any(
    keys: &[VerifyingKey],
    headers: &AuthHeaders<'_>,
    body: &[u8],
    sign: &str,
) -> Result<(), Error> {
    let mut verified = false;
    for key in keys.iter().filter(|key| headers.sign_type.is_none_or(|named| named == key.sign_type())) {
        let ok = verify(key, headers, body, sign).is_ok();
        verified |= ok;
        if verified && matches!(key, VerifyingKey::Sha256Rsa(_)) {
            break;
        }
    }
    if verified { Ok(()) } else { Err(Error::CallbackRejected) }
}

#[cfg(test)]
mod tests {
    //! Vectors V1-V3 were computed with `md5sum` and the OpenSSL CLI; the exact commands are in
    //! `testdata/README.md`.
    use super::*;

    const BODY: &[u8] = br#"{"merchantId":"166"}"#;

    fn merchant_key() -> PrivateKey {
        PrivateKey::parse(include_str!("../testdata/merchant_private_key.pem")).unwrap()
    }

    fn headers(sign_type: Option<SignType>) -> AuthHeaders<'static> {
        AuthHeaders { business_id: "55", nonce: "abc", timestamp: "1628772138668", sign_type }
    }

    #[test]
    fn the_header_join_is_the_canonical_join() {
        for (business_id, nonce, timestamp) in
            [("55", "abc", "1628772138668"), ("", "n", "1"), ("b", "", ""), ("", "", "")]
        {
            for sign_type in [None, Some(SignType::Md5), Some(SignType::Sha256Rsa)] {
                let h = AuthHeaders { business_id, nonce, timestamp, sign_type };
                let expected = encoding::canonical_join([
                    (header::TIMESTAMP, timestamp),
                    (header::SIGN_TYPE, sign_type.map(SignType::as_str).unwrap_or("")),
                    (header::NONCE, nonce),
                    (header::BUSINESS_ID, business_id),
                ]);
                assert_eq!(header_join(&h), expected, "{h:?}");
            }
        }
    }

    #[test]
    fn md5_vector_v1() {
        // printf '%s' 'businessId=55&nonce=abc&signType=MD5&timestamp=1628772138668{"merchantId":"166"}test-secret-key' | md5sum | tr a-f A-F
        let key = SigningKey::Md5(SecretString::new("test-secret-key"));
        let sign = sign(&key, &headers(Some(SignType::Md5)), BODY).unwrap();
        assert_eq!(sign, "8CDA4E71F7AE6631F2F8EDC99EDE2CE3");
    }

    #[test]
    fn rsa_vector_v2_with_sign_type() {
        // printf '%s' 'businessId=55&nonce=abc&signType=SHA256-RSA&timestamp=1628772138668{"merchantId":"166"}' \
        //   | openssl dgst -sha256 -sign testdata/merchant_private_key.pem | base64 -w0
        let key = SigningKey::Sha256Rsa(merchant_key());
        let sign = sign(&key, &headers(Some(SignType::Sha256Rsa)), BODY).unwrap();
        assert_eq!(
            sign,
            "rlQZaGRnUR2XI65p6liRVbl0ziLI2kUeHNmGqxC3LDL0S/oijZ6wJuOelxFhAiUmHIMTWktV8BFsDiVRLe5L9CIEcGnYp71VeGRglrdwlufvjnELV/QAzPnUDKErjEPP4qkD7TtMpslhV7ajxrzPgfJ6CayZz91FL1tA3XLsC8NPNa6VRNhPWyBn6RZ5jDsUpUv/EHB8DjTftP0AISnojYiHwh9V7s6qNGb1eKL83trO4kJL+zhXdBn0/VH1kGZjimktUWfwmq8gt711bXvqIiasIWYMq9/iurNce0RMUaIy9t9/KxHIfZu//AEK0viRyfyeoI7RoWQzHBQk1LbdcQ=="
        );
    }

    #[test]
    fn rsa_vector_v3_without_sign_type() {
        // printf '%s' 'businessId=55&nonce=abc&timestamp=1628772138668{"merchantId":"166"}' \
        //   | openssl dgst -sha256 -sign testdata/merchant_private_key.pem | base64 -w0
        let key = SigningKey::Sha256Rsa(merchant_key());
        let sign = sign(&key, &headers(None), BODY).unwrap();
        assert_eq!(
            sign,
            "N5bMK7olzymYFB38ylAzVHVODJEtiq0MzxtaBto0f1Pb7BJIUUXy7sB5qgRUT4dPrVyubu9i+DiJEsK9kXad67o+JRrkJW9OvaVcTFvTJ2+AJt1Zrug5GYAAdryEHC1DsVo4ZgcFrTJQZ6VuaLxUzgHfd+byl69CMFEtx618gCe8Wk3ZR8mAFb3lzuuqjwvrZeY3Cn1qi19NQlmWJjc+yqyN8/Qpcm/vDdHeYCLDyVPvfjJSukZQOUbd5vdEy8vcHZJcZgP+rT3PF+NgfprVLaLH+NRBR2d63TZ8vK2FPjMLNDs0PlXpPCvb3VDnAfTMmAgU0E77v02zYzkLJWs7nA=="
        );
    }

    #[test]
    fn a_sign_type_header_contradicting_the_key_is_refused() {
        let key = SigningKey::Md5(SecretString::new("s"));
        assert!(matches!(sign(&key, &headers(Some(SignType::Sha256Rsa)), BODY), Err(Error::Config(_))));
    }

    #[test]
    fn verify_accepts_the_vectors_and_rejects_changes() {
        let md5 = VerifyingKey::Md5(SecretString::new("test-secret-key"));
        let h = headers(Some(SignType::Md5));
        verify(&md5, &h, BODY, "8CDA4E71F7AE6631F2F8EDC99EDE2CE3").unwrap();
        verify(&md5, &h, BODY, "8cda4e71f7ae6631f2f8edc99ede2ce3").unwrap();
        assert!(matches!(verify(&md5, &h, b"{}", "8CDA4E71F7AE6631F2F8EDC99EDE2CE3"), Err(Error::CallbackRejected)));
        let other = AuthHeaders { nonce: "abd", ..h };
        assert!(verify(&md5, &other, BODY, "8CDA4E71F7AE6631F2F8EDC99EDE2CE3").is_err());

        let rsa = VerifyingKey::Sha256Rsa(merchant_key().public_key());
        verify(&rsa, &headers(None), BODY, "N5bMK7olzymYFB38ylAzVHVODJEtiq0MzxtaBto0f1Pb7BJIUUXy7sB5qgRUT4dPrVyubu9i+DiJEsK9kXad67o+JRrkJW9OvaVcTFvTJ2+AJt1Zrug5GYAAdryEHC1DsVo4ZgcFrTJQZ6VuaLxUzgHfd+byl69CMFEtx618gCe8Wk3ZR8mAFb3lzuuqjwvrZeY3Cn1qi19NQlmWJjc+yqyN8/Qpcm/vDdHeYCLDyVPvfjJSukZQOUbd5vdEy8vcHZJcZgP+rT3PF+NgfprVLaLH+NRBR2d63TZ8vK2FPjMLNDs0PlXpPCvb3VDnAfTMmAgU0E77v02zYzkLJWs7nA==").unwrap();
        assert!(verify(&rsa, &headers(Some(SignType::Sha256Rsa)), BODY, "N5bMK7olzymYFB38ylAzVHVODJEtiq0MzxtaBto0f1Pb7BJIUUXy7sB5qgRUT4dPrVyubu9i+DiJEsK9kXad67o+JRrkJW9OvaVcTFvTJ2+AJt1Zrug5GYAAdryEHC1DsVo4ZgcFrTJQZ6VuaLxUzgHfd+byl69CMFEtx618gCe8Wk3ZR8mAFb3lzuuqjwvrZeY3Cn1qi19NQlmWJjc+yqyN8/Qpcm/vDdHeYCLDyVPvfjJSukZQOUbd5vdEy8vcHZJcZgP+rT3PF+NgfprVLaLH+NRBR2d63TZ8vK2FPjMLNDs0PlXpPCvb3VDnAfTMmAgU0E77v02zYzkLJWs7nA==").is_err());
        assert!(verify(&rsa, &headers(None), BODY, "not base64 %%").is_err());
        assert!(verify(&rsa, &headers(None), BODY, "").is_err());
    }

    #[test]
    fn sign_type_parses_only_the_two_names() {
        assert_eq!("MD5".parse::<SignType>().unwrap(), SignType::Md5);
        assert_eq!("SHA256-RSA".parse::<SignType>().unwrap(), SignType::Sha256Rsa);
        assert!("md5x".parse::<SignType>().is_err());
        assert!("RSA".parse::<SignType>().is_err());
    }
}
