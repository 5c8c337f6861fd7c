//! The opay envelope rule, in one place: how `data` and `sign` are made from the business JSON,
//! and how they are opened again.
//!
//! As the provider's official Java demo (XRsa style) does it:
//!
//! - `data` = the UTF-8 JSON, split into chunks of `k - 11` bytes (245 for RSA-2048), each
//!   encrypted with RSA PKCS#1 v1.5 under the *recipient's* public key, the blocks concatenated,
//!   then Base64 URL-safe without padding;
//! - `sign` = SHA256withRSA with the *sender's* private key over the ASCII bytes of the lowercase
//!   hex MD5 of the same plaintext JSON, Base64 URL-safe without padding.
//!
//! Requests: encrypt for the platform, sign as the merchant. Responses and callbacks: decrypt as
//! the merchant, verify the platform's signature. Incoming Base64 is read in either alphabet,
//! padded or not. The envelope's `time` is *not* covered by the signature.

use sign_core::CryptoError;
use sign_core::digest::md5_hex_lower;
use sign_core::encoding::{base64_decode_lenient, base64_url_nopad};
use sign_core::rsa::{ImplicitDecryption, PrivateKey, PublicKey};

/// The string that is signed: the lowercase hex MD5 of the plaintext JSON.
pub fn string_to_sign(plaintext: &[u8]) -> String {
    md5_hex_lower(plaintext)
}

/// `sign`: SHA256withRSA over [`string_to_sign`], URL-safe Base64 without padding.
pub fn sign(plaintext: &[u8], sender_private_key: &PrivateKey) -> Result<String, CryptoError> {
    let signature = sender_private_key.sign_sha256(string_to_sign(plaintext).as_bytes())?;
    Ok(base64_url_nopad(&signature))
}

/// `data`: chunked PKCS#1 v1.5 encryption, URL-safe Base64 without padding.
pub fn encrypt(plaintext: &[u8], recipient_public_key: &PublicKey) -> Result<String, CryptoError> {
    Ok(base64_url_nopad(&recipient_public_key.encrypt_chunked(plaintext)?))
}

/// `data` and `sign` for a plaintext JSON: what a request envelope carries.
pub fn seal(
    plaintext: &[u8],
    recipient_public_key: &PublicKey,
    sender_private_key: &PrivateKey,
) -> Result<(String, String), CryptoError> {
    Ok((encrypt(plaintext, recipient_public_key)?, sign(plaintext, sender_private_key)?))
}

/// Why [`open`] failed. Deliberately a single value: see [`open`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OpenFailed;

/// Decrypts `data` and verifies `sign` over it; returns the plaintext JSON only if both succeed.
///
/// No cap on the number of blocks: with attacker-controlled input use [`open_bounded`], which
/// refuses oversized input before any private-key work.
pub fn open(
    data_b64: &str,
    sign_b64: &str,
    recipient_private_key: &PrivateKey,
    sender_public_key: &PublicKey,
) -> Result<sign_core::zeroize::Zeroizing<Vec<u8>>, OpenFailed> {
    open_bounded(data_b64, sign_b64, recipient_private_key, std::slice::from_ref(sender_public_key), usize::MAX)
}

/// Decrypts `data` and verifies `sign` over it with any of `sender_public_keys` (several during
/// a key rotation); returns the plaintext JSON only if both succeed.
///
/// Bounded: before any private-key work it refuses (as [`OpenFailed`]) a `sign` whose length is
/// not the size of one of the sender keys, and a `data` whose length is not a whole number of
/// blocks of the recipient key or that has more than `max_blocks` blocks. Those are public
/// facts (lengths), so failing fast on them reveals nothing secret, and one request costs at most
/// `max_blocks` private-key operations.
///
/// Within the cap it is built so that it is not a padding oracle (RUSTSEC-2023-0071 /
/// Bleichenbacher): see [`open_implicit`], which it runs to the end before it looks at any
/// verdict. Every failure (bad Base64, a bad block, a wrong key, a bad signature) is the same
/// [`OpenFailed`]. What remains is the timing of the backend's private-key operation itself; see
/// the crate docs.
pub fn open_bounded(
    data_b64: &str,
    sign_b64: &str,
    recipient_private_key: &PrivateKey,
    sender_public_keys: &[PublicKey],
    max_blocks: usize,
) -> Result<sign_core::zeroize::Zeroizing<Vec<u8>>, OpenFailed> {
    open_implicit(data_b64, sign_b64, recipient_private_key, sender_public_keys, max_blocks)?.into_authentic()
}

/// Every step of [`open_bounded`] up to its verdict, with *implicit rejection*: when a block of
/// `data` does not decrypt, the plaintext is a deterministic stand-in derived from the ciphertext
/// under a secret of the recipient key
/// ([`PrivateKey::decrypt_chunked_implicit`](sign_core::rsa::PrivateKey::decrypt_chunked_implicit)),
/// of a length a success could have, and it is hashed and verified exactly as a real plaintext
/// is. A good and a bad padding therefore take one path: the same hashing, the same signature
/// checks against every sender key (no early exit), and whatever the caller does with
/// [`Opened::plaintext`] afterwards (chainup's callback decodes it either way). The verdict is
/// read once, at the end ([`Opened::is_authentic`]).
///
/// # Errors
/// [`OpenFailed`] only for the public facts [`open_bounded`] checks before any key work.
pub fn open_implicit(
    data_b64: &str,
    sign_b64: &str,
    recipient_private_key: &PrivateKey,
    sender_public_keys: &[PublicKey],
    max_blocks: usize,
) -> Result<Opened, OpenFailed> {
    // Base64 and lengths are public structure (no key involved), so failing fast on them reveals
    // nothing, and it keeps forged input from costing private-key work.
    let (Ok(ciphertext), Ok(signature)) = (base64_decode_lenient(data_b64), base64_decode_lenient(sign_b64)) else {
        return Err(OpenFailed);
    };
    let k = recipient_private_key.size();
    if !sender_public_keys.iter().any(|key| key.size() == signature.len())
        || ciphertext.is_empty()
        || ciphertext.len() % k.max(1) != 0
        || ciphertext.len() / k.max(1) > max_blocks
    {
        return Err(OpenFailed);
    }
    let decryption = recipient_private_key.decrypt_chunked_implicit(&ciphertext, max_blocks).map_err(|_| OpenFailed)?;
    // The same hashing whether the plaintext is real or the stand-in.
    let digest = string_to_sign(decryption.plaintext());
    // Every key is tried (no early exit), so the time does not tell which one matched.
    let signature_ok =
        sender_public_keys.iter().fold(false, |ok, key| key.verify_sha256(digest.as_bytes(), &signature).is_ok() | ok);
    Ok(Opened { decryption, signature_ok })
}

/// What [`open_implicit`] computed: a plaintext (real, or the implicit-rejection stand-in) and
/// whether it is authentic. Wiped on drop; its `Debug` shows neither.
pub struct Opened {
    decryption: ImplicitDecryption,
    signature_ok: bool,
}

impl Opened {
    /// The decrypted `data`, or the stand-in if a block did not decrypt: process it the same way
    /// either way, and use it only once [`is_authentic`](Self::is_authentic) says so.
    pub fn plaintext(&self) -> &[u8] {
        self.decryption.plaintext()
    }

    /// Whether every block decrypted *and* `sign` verified over the plaintext: read it once, last.
    pub fn is_authentic(&self) -> bool {
        self.decryption.is_genuine() & self.signature_ok
    }

    /// The plaintext if it is authentic.
    ///
    /// # Errors
    /// [`OpenFailed`] otherwise, whatever failed.
    pub fn into_authentic(self) -> Result<sign_core::zeroize::Zeroizing<Vec<u8>>, OpenFailed> {
        let authentic = self.is_authentic();
        match self.decryption.into_plaintext() {
            Ok(plaintext) if authentic => Ok(plaintext),
            _ => Err(OpenFailed),
        }
    }
}

impl std::fmt::Debug for Opened {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Opened([REDACTED])")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn string_to_sign_is_md5_lower_hex() {
        // printf '%s' '{"orderNum":"1"}' | md5sum  ->  cce7aa874acb7f12f7587fd03a153a16
        assert_eq!(string_to_sign(br#"{"orderNum":"1"}"#), "cce7aa874acb7f12f7587fd03a153a16");
    }
}
