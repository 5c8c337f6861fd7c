//! Digests and MACs the providers sign with: HMAC-SHA1, MD5, SHA-256.

use hmac::{Hmac, Mac};
use md5::Md5;
use sha1::Sha1;
use sha2::{Digest, Sha256};

/// HMAC-SHA1 of `message` under `key` (20 bytes).
pub fn hmac_sha1(key: &[u8], message: &[u8]) -> [u8; 20] {
    hmac_sha1_parts(key, &[message])
}

/// HMAC-SHA1 of the concatenation of `parts` under `key`: the same MAC as [`hmac_sha1`] over the
/// joined bytes, without a buffer holding them (no copy of a secret part to wipe).
pub fn hmac_sha1_parts(key: &[u8], parts: &[&[u8]]) -> [u8; 20] {
    // HMAC accepts keys of any length, so `new_from_slice` cannot fail here.
    let mut mac = <Hmac<Sha1> as Mac>::new_from_slice(key).expect("HMAC takes keys of any length");
    for part in parts {
        mac.update(part);
    }
    mac.finalize().into_bytes().into()
}

/// MD5 of the concatenation of `parts`, as uppercase hex: the same as [`md5_hex_upper`] over the
/// joined bytes, without a buffer holding them (no copy of a secret part to wipe).
pub fn md5_hex_upper_parts(parts: &[&[u8]]) -> String {
    let mut md5 = Md5::new();
    for part in parts {
        md5.update(part);
    }
    hex_upper(&md5.finalize())
}

/// MD5 of `data` (16 bytes).
pub fn md5(data: &[u8]) -> [u8; 16] {
    Md5::digest(data).into()
}

/// MD5 of `data` as 32 lowercase hex digits.
pub fn md5_hex_lower(data: &[u8]) -> String {
    hex_lower(&md5(data))
}

/// MD5 of `data` as 32 uppercase hex digits.
pub fn md5_hex_upper(data: &[u8]) -> String {
    hex_upper(&md5(data))
}

/// SHA-256 of `data` (32 bytes).
pub fn sha256(data: &[u8]) -> [u8; 32] {
    Sha256::digest(data).into()
}

/// Lowercase hex of `bytes`.
pub fn hex_lower(bytes: &[u8]) -> String {
    hex_with(bytes, b"0123456789abcdef")
}

/// Uppercase hex of `bytes`.
pub fn hex_upper(bytes: &[u8]) -> String {
    hex_with(bytes, b"0123456789ABCDEF")
}

fn hex_with(bytes: &[u8], digits: &[u8; 16]) -> String {
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        out.push(digits[usize::from(b >> 4)] as char);
        out.push(digits[usize::from(b & 0x0f)] as char);
    }
    out
}
