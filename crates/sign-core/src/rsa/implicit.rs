//! Implicit rejection for chunked PKCS#1 v1.5 decryption, shared by both backends.
//!
//! The construction is OpenSSL 3.2's (and the IRTF draft "Implicit Rejection for RSA PKCS#1 v1.5",
//! draft-irtf-cfrg-rsa-guidance), lifted above the backends because neither `rsa` nor aws-lc-rs
//! offers it:
//!
//! - a *rejection key*, `SHA-256(label || PKCS#8 DER of the private key)`, computed once per key
//!   (OpenSSL hashes the private exponent; aws-lc-rs does not expose it, the DER holds it);
//! - a key-derivation key per ciphertext, `KDK = HMAC-SHA256(rejection key, whole ciphertext)`;
//! - per block `i`, a synthetic message and its length from a PRF over the KDK (OpenSSL's
//!   `ossl_rsa_prf`: `HMAC(KDK, counter_be16 || label || bitlen_be16)`, with the block index
//!   added after the label), the length chosen in constant time from 128 candidates masked to the
//!   range a PKCS#1 v1.5 block can hold, `0..=k-11`, exactly as OpenSSL does.
//!
//! The stand-in is computed for every ciphertext, valid or not, and selected byte by byte with
//! `subtle`, so a success and a failure do the same hashing and copying above the backend.

use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};
use subtle::{Choice, ConditionallySelectable, ConstantTimeLess};
use zeroize::Zeroizing;

type HmacSha256 = Hmac<Sha256>;

/// Domain separation for the rejection key.
const REJECTION_KEY_LABEL: &[u8] = b"paykit rsa pkcs1v15 implicit rejection v1\0";

/// The per-key secret the stand-ins are derived from.
pub(super) fn rejection_key(pkcs8_der: &[u8]) -> Zeroizing<[u8; 32]> {
    let mut hash = Sha256::new();
    hash.update(REJECTION_KEY_LABEL);
    hash.update(pkcs8_der);
    Zeroizing::new(hash.finalize().into())
}

fn hmac(key: &[u8]) -> HmacSha256 {
    <HmacSha256 as Mac>::new_from_slice(key).expect("HMAC takes keys of any length")
}

/// `out.len()` bytes of the PRF over `kdk` for `label` and `block`.
fn prf(kdk: &[u8; 32], label: &[u8], block: u32, out: &mut [u8]) {
    let bits = u16::try_from(out.len().saturating_mul(8)).unwrap_or(u16::MAX);
    for (counter, chunk) in out.chunks_mut(32).enumerate() {
        let mut mac = hmac(kdk);
        mac.update(&u16::try_from(counter).unwrap_or(u16::MAX).to_be_bytes());
        mac.update(label);
        mac.update(&block.to_be_bytes());
        mac.update(&bits.to_be_bytes());
        let full = Zeroizing::new(<[u8; 32]>::from(mac.finalize().into_bytes()));
        chunk.copy_from_slice(&full[..chunk.len()]);
    }
}

/// The synthetic length of block `block`: in `0..=k-11`, chosen in constant time (OpenSSL's
/// loop: the last of 128 masked candidates below the bound).
fn synthetic_length(kdk: &[u8; 32], block: u32, k: usize) -> usize {
    // Lengths a block can hold are below `k - 10` (2 bytes of header, 8 of padding at least).
    let bound = u16::try_from(k.saturating_sub(10)).unwrap_or(u16::MAX);
    let mut mask = bound;
    for shift in [1, 2, 4, 8] {
        mask |= mask >> shift;
    }
    let mut candidates = Zeroizing::new([0u8; 256]);
    prf(kdk, b"length", block, candidates.as_mut());
    let mut length = 0u16;
    for pair in candidates.chunks_exact(2) {
        let candidate = u16::from_be_bytes([pair[0], pair[1]]) & mask;
        length = u16::conditional_select(&length, &candidate, candidate.ct_lt(&bound));
    }
    usize::from(length)
}

/// The deterministic stand-in plaintext of `ciphertext` (whole blocks of `k` bytes): per block a
/// synthetic message of a synthetic length, concatenated, as a success could have produced.
pub(super) fn stand_in(rejection_key: &[u8; 32], ciphertext: &[u8], k: usize) -> Zeroizing<Vec<u8>> {
    let mut mac = hmac(rejection_key);
    mac.update(ciphertext);
    let kdk = Zeroizing::new(<[u8; 32]>::from(mac.finalize().into_bytes()));
    let chunk = k.saturating_sub(11);
    let blocks = ciphertext.len() / k.max(1);
    let mut out = Zeroizing::new(Vec::with_capacity(blocks * chunk));
    let mut message = Zeroizing::new(vec![0u8; chunk]);
    for block in 0..blocks {
        let index = u32::try_from(block).unwrap_or(u32::MAX);
        // The whole message is always generated, whatever length is kept.
        prf(&kdk, b"message", index, &mut message);
        let length = synthetic_length(&kdk, index, k).min(chunk);
        out.extend_from_slice(&message[..length]);
    }
    out
}

/// `genuine ? real : stand_in`, over the longer of the two, byte by byte in constant time; the
/// length is selected the same way. Both buffers are wiped when dropped.
pub(super) fn select(real: &[u8], stand_in: &[u8], genuine: Choice) -> Zeroizing<Vec<u8>> {
    let width = real.len().max(stand_in.len());
    let mut out = Zeroizing::new(vec![0u8; width]);
    for (j, byte) in out.iter_mut().enumerate() {
        let r = real.get(j).copied().unwrap_or(0);
        let s = stand_in.get(j).copied().unwrap_or(0);
        *byte = u8::conditional_select(&s, &r, genuine);
    }
    let len = u64::conditional_select(
        &u64::try_from(stand_in.len()).unwrap_or(u64::MAX),
        &u64::try_from(real.len()).unwrap_or(u64::MAX),
        genuine,
    );
    out.truncate(usize::try_from(len).unwrap_or(width));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn synthetic_lengths_stay_in_the_range_of_a_block() {
        let key = rejection_key(b"some key");
        for k in [128usize, 256, 384, 512] {
            let mut seen_short = false;
            for n in 0u8..64 {
                let s = stand_in(&key, &vec![n; k], k);
                assert!(s.len() <= k - 11, "k={k}: {}", s.len());
                seen_short |= s.len() < k - 11;
            }
            // Uniform over 0..=k-11: 64 draws all at the maximum would be a broken mask.
            assert!(seen_short, "k={k}");
        }
    }

    #[test]
    fn selection_takes_the_chosen_buffer_whole() {
        assert_eq!(select(b"real", b"stand-in", Choice::from(1)).as_slice(), b"real");
        assert_eq!(select(b"real", b"stand-in", Choice::from(0)).as_slice(), b"stand-in");
        assert_eq!(select(b"a longer real one", b"s", Choice::from(0)).as_slice(), b"s");
    }
}
