//! The `rust-crypto` backend: the `rsa` crate, pure Rust. One-block primitives only; everything
//! shared (PEM, kind and size checks, chunking, errors, the counter) is in `mod.rs`.
//!
//! The crate's private-key arithmetic is not constant time (RUSTSEC-2023-0071) and does no
//! blinding without an RNG: every private-key call here passes the OS RNG, and the workspace's
//! `clippy.toml` forbids the unblinded `decrypt` and `sign`.

use ::rsa::pkcs1::{DecodeRsaPrivateKey, DecodeRsaPublicKey};
use ::rsa::pkcs8::{DecodePrivateKey, DecodePublicKey, EncodePrivateKey, EncodePublicKey};
use ::rsa::rand_core::OsRng;
use ::rsa::traits::PublicKeyParts;
use ::rsa::{Pkcs1v15Encrypt, Pkcs1v15Sign, RsaPrivateKey, RsaPublicKey};
use sha2::Sha256;
use zeroize::Zeroizing;

use super::{Backend, Rejected};
use crate::digest::sha256;
use crate::error::KeyError;

pub(super) const BACKEND: Backend = Backend::RustCrypto;
pub(super) const MIN_KEY_BITS: usize = 1024;
/// The `rsa` crate's own ceiling for a modulus.
pub(super) const MAX_KEY_BITS: usize = 4096;
/// Appended to a size refusal: there is no smaller-key alternative to point to.
pub(super) const SMALL_KEY_ADVICE: &str = "";

/// The key material is wiped on drop by the `rsa` crate.
#[derive(Clone)]
pub(super) struct PrivateKey(RsaPrivateKey);

#[derive(Clone, PartialEq, Eq)]
pub(super) struct PublicKey(RsaPublicKey);

fn validated(key: RsaPrivateKey) -> Result<PrivateKey, Rejected> {
    key.validate().map_err(|_| Rejected::Inconsistent)?;
    Ok(PrivateKey(key))
}

impl PrivateKey {
    pub(super) fn from_pkcs8_der(der: &[u8]) -> Result<Self, Rejected> {
        validated(RsaPrivateKey::from_pkcs8_der(der).map_err(|_| Rejected::Unreadable)?)
    }

    pub(super) fn from_pkcs1_der(der: &[u8]) -> Result<Self, Rejected> {
        validated(RsaPrivateKey::from_pkcs1_der(der).map_err(|_| Rejected::Unreadable)?)
    }

    pub(super) fn generate(bits: usize) -> Result<Self, KeyError> {
        RsaPrivateKey::new(&mut OsRng, bits)
            .map(Self)
            .map_err(|_| KeyError::Unsupported(format!("cannot generate a {bits}-bit key")))
    }

    pub(super) fn size(&self) -> usize {
        self.0.size()
    }

    pub(super) fn public_key(&self) -> PublicKey {
        PublicKey(self.0.to_public_key())
    }

    pub(super) fn sign_pkcs1v15_sha256(&self, message: &[u8]) -> Option<Vec<u8>> {
        // Blinded with the OS RNG: the unblinded `sign` leaks timing about the key (RUSTSEC-2023-0071).
        self.0.sign_with_rng(&mut OsRng, Pkcs1v15Sign::new::<Sha256>(), &sha256(message)).ok()
    }

    /// One block of exactly `size()` bytes; `None` for any failure, whatever it was.
    pub(super) fn decrypt_pkcs1v15_block(&self, block: &[u8]) -> Option<Zeroizing<Vec<u8>>> {
        // Blinded with the OS RNG: without an RNG the `rsa` crate does no blinding at all, and
        // a callback endpoint decrypts whatever anyone posts.
        self.0.decrypt_blinded(&mut OsRng, Pkcs1v15Encrypt, block).ok().map(Zeroizing::new)
    }

    pub(super) fn to_pkcs8_der(&self) -> Zeroizing<Vec<u8>> {
        // `SecretDocument` wipes its own copy.
        let der = self.0.to_pkcs8_der().expect("an RSA private key always encodes");
        Zeroizing::new(der.as_bytes().to_vec())
    }
}

impl PublicKey {
    pub(super) fn from_spki_der(der: &[u8]) -> Result<Self, Rejected> {
        RsaPublicKey::from_public_key_der(der).map(Self).map_err(|_| Rejected::Unreadable)
    }

    pub(super) fn from_pkcs1_der(der: &[u8]) -> Result<Self, Rejected> {
        RsaPublicKey::from_pkcs1_der(der).map(Self).map_err(|_| Rejected::Unreadable)
    }

    pub(super) fn size(&self) -> usize {
        self.0.size()
    }

    pub(super) fn verify_pkcs1v15_sha256(&self, message: &[u8], signature: &[u8]) -> bool {
        self.0.verify(Pkcs1v15Sign::new::<Sha256>(), &sha256(message), signature).is_ok()
    }

    /// One block: `part` is at most `size() - 11` bytes.
    pub(super) fn encrypt_pkcs1v15_block(&self, part: &[u8]) -> Option<Vec<u8>> {
        self.0.encrypt(&mut OsRng, Pkcs1v15Encrypt, part).ok()
    }

    pub(super) fn to_spki_der(&self) -> Vec<u8> {
        self.0.to_public_key_der().expect("an RSA public key always encodes").into_vec()
    }
}
