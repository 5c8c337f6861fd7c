//! The `aws-lc-rs` backend: AWS-LC's RSA (constant-time arithmetic, assembly). One-block
//! primitives only; everything shared (PEM, kind and size checks, chunking, errors, the counter)
//! is in `mod.rs`.
//!
//! AWS-LC blinds every private-key operation itself (aws-lc-rs never turns that off), checks
//! PKCS#1 v1.5 padding in constant time, and wipes key material when it frees it. aws-lc-rs loads
//! RSA keys of 2048 to 8192 bits only (signing, decryption and encryption alike) and generates
//! 2048, 3072, 4096 and 8192-bit keys.

use aws_lc_rs::encoding::AsDer;
use aws_lc_rs::error::KeyRejected;
use aws_lc_rs::rand::SystemRandom;
use aws_lc_rs::rsa::{
    KeyPair, KeySize, Pkcs1PrivateDecryptingKey, Pkcs1PublicEncryptingKey, PrivateDecryptingKey, PublicEncryptingKey,
    RsaParameters,
};
use aws_lc_rs::signature::{ParsedPublicKey, RSA_PKCS1_2048_8192_SHA256, RSA_PKCS1_SHA256};
use zeroize::Zeroizing;

use super::{Backend, Rejected};
use crate::error::KeyError;

pub(super) const BACKEND: Backend = Backend::AwsLcRs;
pub(super) const MIN_KEY_BITS: usize = 2048;
pub(super) const MAX_KEY_BITS: usize = 8192;
/// Appended to a size refusal: what a user with a smaller key can do.
pub(super) const SMALL_KEY_ADVICE: &str =
    ": use a key of 2048 bits or more, or the `rust-crypto` feature (which accepts 1024-bit keys)";

/// One private key, held twice by AWS-LC: aws-lc-rs signs with a `KeyPair` and decrypts with a
/// `PrivateDecryptingKey`, loaded from the same DER.
#[derive(Clone)]
pub(super) struct PrivateKey {
    signing: KeyPair,
    decrypting: PrivateDecryptingKey,
    public: PublicKey,
}

#[derive(Clone)]
pub(super) struct PublicKey {
    /// Canonical SPKI DER: equality and export.
    spki: Box<[u8]>,
    encrypting: PublicEncryptingKey,
    verifying: ParsedPublicKey,
}

impl PartialEq for PublicKey {
    fn eq(&self, other: &Self) -> bool {
        self.spki == other.spki
    }
}

impl Eq for PublicKey {}

/// aws-lc-rs says why it refused a key only through `KeyRejected::description_`, whose strings are
/// part of its (ring-compatible) API.
fn rejected(e: KeyRejected) -> Rejected {
    match e.description_() {
        "TooSmall" | "TooLarge" => Rejected::Size,
        "InconsistentComponents" => Rejected::Inconsistent,
        _ => Rejected::Unreadable,
    }
}

impl PrivateKey {
    pub(super) fn from_pkcs8_der(der: &[u8]) -> Result<Self, Rejected> {
        let signing = KeyPair::from_pkcs8(der).map_err(rejected)?;
        let decrypting = PrivateDecryptingKey::from_pkcs8(der).map_err(rejected)?;
        let public = PublicKey::from_encrypting(decrypting.public_key())?;
        Ok(Self { signing, decrypting, public })
    }

    pub(super) fn from_pkcs1_der(der: &[u8]) -> Result<Self, Rejected> {
        // `PrivateDecryptingKey` reads PKCS#8 only: re-encode (the encoding is wiped on drop).
        let pkcs8 = KeyPair::from_der(der).map_err(rejected)?.as_der().map_err(|_| Rejected::Unreadable)?;
        Self::from_pkcs8_der(pkcs8.as_ref())
    }

    pub(super) fn generate(bits: usize) -> Result<Self, KeyError> {
        let size = match bits {
            2048 => KeySize::Rsa2048,
            3072 => KeySize::Rsa3072,
            4096 => KeySize::Rsa4096,
            8192 => KeySize::Rsa8192,
            _ => {
                return Err(KeyError::Unsupported(format!(
                    "the aws-lc-rs backend generates keys of 2048, 3072, 4096 or 8192 bits, not {bits}"
                )));
            }
        };
        let cannot = || KeyError::Unsupported(format!("cannot generate a {bits}-bit key"));
        let pkcs8 = KeyPair::generate(size).map_err(|_| cannot())?.as_der().map_err(|_| cannot())?;
        Self::from_pkcs8_der(pkcs8.as_ref()).map_err(|_| cannot())
    }

    pub(super) fn size(&self) -> usize {
        self.signing.public_modulus_len()
    }

    pub(super) fn public_key(&self) -> PublicKey {
        self.public.clone()
    }

    pub(super) fn sign_pkcs1v15_sha256(&self, message: &[u8]) -> Option<Vec<u8>> {
        let mut signature = vec![0; self.size()];
        // PKCS#1 v1.5 signing uses no randomness; aws-lc-rs takes an RNG for ring compatibility.
        self.signing.sign(&RSA_PKCS1_SHA256, &SystemRandom::new(), message, &mut signature).ok()?;
        Some(signature)
    }

    /// One block of exactly `size()` bytes; `None` for any failure, whatever it was.
    pub(super) fn decrypt_pkcs1v15_block(&self, block: &[u8]) -> Option<Zeroizing<Vec<u8>>> {
        // A cheap handle on the same key: `Pkcs1PrivateDecryptingKey` is not `Clone`.
        let key = Pkcs1PrivateDecryptingKey::new(self.decrypting.clone()).ok()?;
        let mut plaintext = Zeroizing::new(vec![0; key.min_output_size()]);
        let len = key.decrypt(block, &mut plaintext).ok()?.len();
        plaintext.truncate(len);
        Some(plaintext)
    }

    pub(super) fn to_pkcs8_der(&self) -> Zeroizing<Vec<u8>> {
        // `Pkcs8V1Der` wipes its own copy.
        let der = self.signing.as_der().expect("a loaded RSA private key always encodes");
        Zeroizing::new(der.as_ref().to_vec())
    }
}

impl PublicKey {
    fn from_encrypting(encrypting: PublicEncryptingKey) -> Result<Self, Rejected> {
        let spki: Box<[u8]> = encrypting.as_der().map_err(|_| Rejected::Unreadable)?.as_ref().into();
        let verifying = ParsedPublicKey::new(&RSA_PKCS1_2048_8192_SHA256, &spki).map_err(rejected)?;
        Ok(Self { spki, encrypting, verifying })
    }

    pub(super) fn from_spki_der(der: &[u8]) -> Result<Self, Rejected> {
        Self::from_encrypting(PublicEncryptingKey::from_der(der).map_err(rejected)?)
    }

    pub(super) fn from_pkcs1_der(der: &[u8]) -> Result<Self, Rejected> {
        // aws-lc-rs's `PublicKey::from_der` also takes SPKI: insist on PKCS#1 (RFC 8017) first, as
        // the `rsa` crate does, then go through SPKI, the form `PublicEncryptingKey` reads.
        RsaParameters::public_modulus_len(der).map_err(|_| Rejected::Unreadable)?;
        let spki =
            aws_lc_rs::rsa::PublicKey::from_der(der).map_err(rejected)?.as_der().map_err(|_| Rejected::Unreadable)?;
        Self::from_spki_der(spki.as_ref())
    }

    pub(super) fn size(&self) -> usize {
        self.encrypting.key_size_bytes()
    }

    pub(super) fn verify_pkcs1v15_sha256(&self, message: &[u8], signature: &[u8]) -> bool {
        self.verifying.verify_sig(message, signature).is_ok()
    }

    /// One block: `part` is at most `size() - 11` bytes.
    pub(super) fn encrypt_pkcs1v15_block(&self, part: &[u8]) -> Option<Vec<u8>> {
        let key = Pkcs1PublicEncryptingKey::new(self.encrypting.clone()).ok()?;
        let mut ciphertext = vec![0; key.ciphertext_size()];
        let len = key.encrypt(part, &mut ciphertext).ok()?.len();
        ciphertext.truncate(len);
        Some(ciphertext)
    }

    pub(super) fn to_spki_der(&self) -> Vec<u8> {
        self.spki.to_vec()
    }
}
