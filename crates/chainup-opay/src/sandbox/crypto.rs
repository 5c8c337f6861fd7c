//! The sandbox's own implementation of the opay envelope, written straight on the `rsa` and
//! `base64` crates and independent of the client's [`crate::auth`]: if the client got the rule
//! wrong, the sandbox rejects it instead of agreeing by construction.

use base64::Engine;
use base64::engine::general_purpose::{STANDARD_NO_PAD, URL_SAFE_NO_PAD};
use rsa::pkcs8::{DecodePrivateKey, DecodePublicKey, EncodePrivateKey, EncodePublicKey};
use rsa::traits::PublicKeyParts;
use rsa::{Pkcs1v15Encrypt, Pkcs1v15Sign, RsaPrivateKey, RsaPublicKey};

/// DER prefix of a SHA-256 `DigestInfo` (RFC 8017, section 9.2, note 1).
const SHA256_DIGEST_INFO_PREFIX: [u8; 19] =
    [0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01, 0x05, 0x00, 0x04, 0x20];

pub(crate) fn generate() -> Result<RsaPrivateKey, String> {
    RsaPrivateKey::new(&mut rsa::rand_core::OsRng, 2048).map_err(|_| "cannot generate an RSA key".to_owned())
}

/// Reads bare Base64 DER or PEM (PKCS#8 private key).
pub(crate) fn private_from_text(text: &str) -> Result<RsaPrivateKey, String> {
    if text.contains("-----BEGIN") {
        return RsaPrivateKey::from_pkcs8_pem(text).map_err(|_| "unreadable PKCS#8 private key PEM".to_owned());
    }
    let der = b64_decode(text).ok_or("private key is not Base64")?;
    RsaPrivateKey::from_pkcs8_der(&der).map_err(|_| "unreadable PKCS#8 private key".to_owned())
}

/// Reads bare Base64 DER or PEM (SPKI public key).
pub(crate) fn public_from_text(text: &str) -> Result<RsaPublicKey, String> {
    if text.contains("-----BEGIN") {
        return RsaPublicKey::from_public_key_pem(text).map_err(|_| "unreadable public key PEM".to_owned());
    }
    let der = b64_decode(text).ok_or("public key is not Base64")?;
    RsaPublicKey::from_public_key_der(&der).map_err(|_| "unreadable SPKI public key".to_owned())
}

pub(crate) fn private_to_base64(key: &RsaPrivateKey) -> Result<String, String> {
    let der = key.to_pkcs8_der().map_err(|_| "cannot encode key".to_owned())?;
    Ok(base64::engine::general_purpose::STANDARD.encode(der.as_bytes()))
}

pub(crate) fn public_to_base64(key: &RsaPublicKey) -> Result<String, String> {
    let der = key.to_public_key_der().map_err(|_| "cannot encode key".to_owned())?;
    Ok(base64::engine::general_purpose::STANDARD.encode(der.as_bytes()))
}

/// Either alphabet, padding optional.
pub(crate) fn b64_decode(text: &str) -> Option<Vec<u8>> {
    let folded: String = text
        .chars()
        .filter(|c| !c.is_ascii_whitespace() && *c != '=')
        .map(|c| match c {
            '-' => '+',
            '_' => '/',
            c => c,
        })
        .collect();
    STANDARD_NO_PAD.decode(folded.as_bytes()).ok()
}

fn md5_hex(data: &[u8]) -> String {
    sign_core::digest::md5(data).iter().map(|b| format!("{b:02x}")).collect()
}

fn digest_info(message: &[u8]) -> Vec<u8> {
    let mut out = SHA256_DIGEST_INFO_PREFIX.to_vec();
    out.extend_from_slice(&sign_core::digest::sha256(message));
    out
}

/// Decrypts and verifies a request envelope's `data`/`sign`: the platform's side.
pub(crate) fn open(
    data: &str,
    sign: &str,
    recipient: &RsaPrivateKey,
    sender: &RsaPublicKey,
) -> Result<Vec<u8>, &'static str> {
    let ciphertext = b64_decode(data).ok_or("data is not Base64")?;
    let signature = b64_decode(sign).ok_or("sign is not Base64")?;
    let k = recipient.size();
    if ciphertext.is_empty() || ciphertext.len() % k != 0 {
        return Err("data is not a whole number of RSA blocks");
    }
    let mut plaintext = Vec::new();
    for block in ciphertext.chunks(k) {
        plaintext.extend(
            recipient
                .decrypt_blinded(&mut rsa::rand_core::OsRng, Pkcs1v15Encrypt, block)
                .map_err(|_| "data does not decrypt")?,
        );
    }
    let md5 = md5_hex(&plaintext);
    sender
        .verify(Pkcs1v15Sign::new_unprefixed(), &digest_info(md5.as_bytes()), &signature)
        .map_err(|_| "sign does not verify")?;
    Ok(plaintext)
}

/// Encrypts and signs `plaintext` for the merchant: `(data, sign)`.
pub(crate) fn seal(
    plaintext: &[u8],
    recipient: &RsaPublicKey,
    sender: &RsaPrivateKey,
) -> Result<(String, String), String> {
    let chunk = recipient.size() - 11;
    let mut ciphertext = Vec::new();
    for part in plaintext.chunks(chunk) {
        ciphertext.extend(
            recipient
                .encrypt(&mut rsa::rand_core::OsRng, Pkcs1v15Encrypt, part)
                .map_err(|_| "encryption failed".to_owned())?,
        );
    }
    let md5 = md5_hex(plaintext);
    let signature = sender
        .sign_with_rng(&mut rsa::rand_core::OsRng, Pkcs1v15Sign::new_unprefixed(), &digest_info(md5.as_bytes()))
        .map_err(|_| "signing failed".to_owned())?;
    Ok((URL_SAFE_NO_PAD.encode(ciphertext), URL_SAFE_NO_PAD.encode(signature)))
}
