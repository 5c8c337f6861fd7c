//! RSA keys as providers hand them out, SHA256withRSA signatures and chunked PKCS#1 v1.5
//! encryption.
//!
//! Keys are accepted as PEM (`PRIVATE KEY`, `RSA PRIVATE KEY`, `PUBLIC KEY`,
//! `RSA PUBLIC KEY`) or as bare Base64 DER without armour (PKCS#8 / PKCS#1 / SPKI), which is
//! how several providers distribute them. Parse a key once, when a client is built.
//!
//! # Backends
//! One of two implementations does the arithmetic, chosen by a Cargo feature of sign-core (vip-charge
//! and chainup-opay forward both). The API is the same with either; [`BACKEND`] says which one works.
//!
//! | feature | implementation | choose it |
//! |---|---|---|
//! | `aws-lc-rs` | AWS-LC through `aws-lc-rs`: constant-time arithmetic, blinded, assembly; needs a C compiler | wherever callbacks decrypt input anyone can send |
//! | `rust-crypto` | the `rsa` crate, pure Rust; not constant time (RUSTSEC-2023-0071), blinded here | where a C toolchain is unwelcome |
//!
//! **When both are on** (Cargo unifies features across a build), `aws-lc-rs` does the work: whoever
//! enabled it asked for constant time, and nobody asks for the slower, variable-time one on purpose.
//!
//! Key sizes: `rust-crypto` accepts 1024-bit keys and up; `aws-lc-rs` accepts 2048 to 8192 bits and
//! refuses smaller keys with [`KeyError::Unsupported`] ([`MIN_KEY_BITS`] is the selected backend's
//! minimum).
//!
//! This file holds everything both backends share: reading PEM and DER, the checks on kind and size,
//! the block chunking, the uniform errors and the key-work counter. `rust_crypto.rs` and `aws_lc.rs`
//! hold only one-block primitives.
//!
//! # Timing side channels
//! The `rsa` crate's private-key operation is not constant time (RUSTSEC-2023-0071, the "Marvin"
//! attack), and without an RNG it does no blinding at all: with `rust-crypto`, every private-key
//! operation is blinded with the OS RNG (`decrypt_blinded`, `sign_with_rng`; the workspace's
//! `clippy.toml` forbids the unblinded calls). AWS-LC blinds every private-key operation itself and
//! checks PKCS#1 v1.5 padding in constant time. With both, [`PrivateKey::decrypt_chunked`]
//! processes every block even after one fails and reports every failure as the same
//! [`CryptoError::DecryptFailed`], so neither the result nor an early return reveals which check
//! failed; [`PrivateKey::decrypt_chunked_at_most`] bounds the key work an unauthenticated input
//! can cause, and [`private_key_operations`] counts that work. Where a protocol must decrypt
//! before it can authenticate (chainup-opay), [`PrivateKey::decrypt_chunked_implicit`] goes one
//! step further: *implicit rejection* (OpenSSL 3.2's construction), a deterministic stand-in
//! plaintext instead of an error, computed for every ciphertext and selected in constant time, so
//! that the caller hashes, verifies and decodes the same way whether the padding was good or not.
//! Callers decrypting attacker-controlled input should still verify a signature over it first
//! where the protocol allows, and rate-limit failures.
//!
//! ```
//! use sign_core::encoding;
//! use sign_core::rsa::PrivateKey;
//!
//! let key = PrivateKey::generate(2048)?;
//! let signature = key.sign_sha256(b"payload")?;
//! key.public_key().verify_sha256(b"payload", &signature)?;
//! let data = encoding::base64_url_nopad(&key.public_key().encrypt_chunked(&[7u8; 600])?);
//! assert_eq!(key.decrypt_chunked(&encoding::base64_decode_lenient(&data)?)?.as_slice(), [7u8; 600]);
//! # Ok::<(), sign_core::Error>(())
//! ```

use std::fmt;
use std::sync::atomic::{AtomicU64, Ordering};

use subtle::Choice;
use zeroize::Zeroizing;

use crate::encoding::base64_decode_lenient;
use crate::error::{CryptoError, KeyError, KeyKind};

mod implicit;

// Exactly one backend is compiled in: aws-lc-rs whenever its feature is on (see the module docs).
#[cfg(feature = "aws-lc-rs")]
mod aws_lc;
#[cfg(feature = "aws-lc-rs")]
use aws_lc as backend;
#[cfg(all(feature = "rust-crypto", not(feature = "aws-lc-rs")))]
mod rust_crypto;
#[cfg(all(feature = "rust-crypto", not(feature = "aws-lc-rs")))]
use rust_crypto as backend;

/// An implementation of the RSA arithmetic behind this module.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Backend {
    /// The `rsa` crate (RustCrypto), pure Rust: feature `rust-crypto`.
    RustCrypto,
    /// AWS-LC through `aws-lc-rs`: constant time, blinded, assembly-fast: feature `aws-lc-rs`.
    AwsLcRs,
}

impl Backend {
    /// The Cargo feature that selects it (`"rust-crypto"` or `"aws-lc-rs"`).
    pub const fn feature(self) -> &'static str {
        match self {
            Self::RustCrypto => "rust-crypto",
            Self::AwsLcRs => "aws-lc-rs",
        }
    }
}

impl fmt::Display for Backend {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.feature())
    }
}

/// The backend doing the work in this build: `aws-lc-rs` whenever its feature is on, otherwise
/// `rust-crypto`. For diagnostics and benchmarks.
pub const BACKEND: Backend = backend::BACKEND;

/// The smallest modulus the selected backend accepts, in bits: 1024 with `rust-crypto`, 2048 with
/// `aws-lc-rs`.
pub const MIN_KEY_BITS: usize = backend::MIN_KEY_BITS;

/// Private-key operations done by this process (signatures and decrypted blocks), for tests and
/// metrics that bound the work an input can cause.
static PRIVATE_KEY_OPERATIONS: AtomicU64 = AtomicU64::new(0);

fn count_private_key_operation() {
    PRIVATE_KEY_OPERATIONS.fetch_add(1, Ordering::Relaxed);
}

/// How many private-key operations (one per signature, one per decrypted block) this process has
/// done so far: a callback's cost measured in key work, not in time. Monotonic; compare two
/// readings.
pub fn private_key_operations() -> u64 {
    PRIVATE_KEY_OPERATIONS.load(Ordering::Relaxed)
}

/// An RSA private key. Its `Debug` output shows only the modulus size; the key material is
/// wiped from memory on drop (by the `rsa` crate, or by AWS-LC's allocator).
#[derive(Clone)]
pub struct PrivateKey {
    inner: backend::PrivateKey,
    /// The secret the implicit-rejection stand-ins are derived from (derived from the key itself).
    rejection_key: Zeroizing<[u8; 32]>,
}

/// An RSA public key.
#[derive(Clone, PartialEq, Eq)]
pub struct PublicKey {
    inner: backend::PublicKey,
}

// Clients holding keys are shared across threads: whichever backend is compiled in, keys must stay
// `Send + Sync` (a compile error here otherwise).
const _: () = {
    const fn shareable<T: Send + Sync>() {}
    shareable::<PrivateKey>();
    shareable::<PublicKey>();
};

impl fmt::Debug for PrivateKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "PrivateKey(RSA-{}, [REDACTED])", self.inner.size() * 8)
    }
}

impl fmt::Debug for PublicKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "PublicKey(RSA-{})", self.inner.size() * 8)
    }
}

/// Why a backend did not load some DER. Only this file turns it into a [`KeyError`], so both
/// backends report the same errors.
enum Rejected {
    /// Not this format, truncated or corrupt: another format may still read it.
    Unreadable,
    /// The right format, but the numbers do not form one consistent key.
    Inconsistent,
    /// A readable key of a size the backend refuses (only aws-lc-rs refuses while parsing).
    #[cfg_attr(not(feature = "aws-lc-rs"), allow(dead_code))]
    Size,
}

impl Rejected {
    /// `unreadable` says what was expected; never the parser's own message, which can quote input.
    fn into_key_error(self, unreadable: &str) -> KeyError {
        match self {
            Self::Unreadable => malformed(unreadable),
            Self::Inconsistent => malformed("inconsistent RSA private key"),
            Self::Size => KeyError::Unsupported(format!(
                "RSA key size outside the {} to {} bits the {BACKEND} backend accepts{}",
                backend::MIN_KEY_BITS,
                backend::MAX_KEY_BITS,
                backend::SMALL_KEY_ADVICE
            )),
        }
    }
}

/// The label of the first PEM block, if `text` is PEM.
fn pem_label(text: &str) -> Option<&str> {
    let start = text.find("-----BEGIN ")? + "-----BEGIN ".len();
    let rest = &text[start..];
    let end = rest.find("-----")?;
    Some(rest[..end].trim())
}

/// The DER inside a PEM block labelled `label` (RFC 7468, as the `rsa` crate reads PEM). Wiped on
/// drop: for a private key, the DER is the key.
fn pem_der(pem: &str, label: &str) -> Option<Zeroizing<Vec<u8>>> {
    let (found, der) = pem_rfc7468::decode_vec(pem.as_bytes()).ok()?;
    let der = Zeroizing::new(der);
    (found == label).then_some(der)
}

fn malformed(what: &str) -> KeyError {
    // The underlying parser errors are not included: they can quote bytes of the input.
    KeyError::Malformed(what.to_owned())
}

fn check_size(bits: usize) -> Result<(), KeyError> {
    if bits < MIN_KEY_BITS {
        return Err(KeyError::Unsupported(format!(
            "RSA key of {bits} bits is below the {MIN_KEY_BITS}-bit minimum of the {BACKEND} backend{}",
            backend::SMALL_KEY_ADVICE
        )));
    }
    Ok(())
}

/// The private-key formats.
#[derive(Clone, Copy)]
enum PrivateFormat {
    Pkcs8,
    Pkcs1,
}

impl PrivateFormat {
    fn load(self, der: &[u8]) -> Result<backend::PrivateKey, Rejected> {
        match self {
            Self::Pkcs8 => backend::PrivateKey::from_pkcs8_der(der),
            Self::Pkcs1 => backend::PrivateKey::from_pkcs1_der(der),
        }
    }
}

/// The public-key formats.
#[derive(Clone, Copy)]
enum PublicFormat {
    Spki,
    Pkcs1,
}

impl PublicFormat {
    fn load(self, der: &[u8]) -> Result<backend::PublicKey, Rejected> {
        match self {
            Self::Spki => backend::PublicKey::from_spki_der(der),
            Self::Pkcs1 => backend::PublicKey::from_pkcs1_der(der),
        }
    }
}

/// Reads `der` as PKCS#8, then as PKCS#1: the first format that reads it (even to refuse the key)
/// decides.
fn private_from_any_der(der: &[u8]) -> Result<backend::PrivateKey, Rejected> {
    match PrivateFormat::Pkcs8.load(der) {
        Err(Rejected::Unreadable) => PrivateFormat::Pkcs1.load(der),
        other => other,
    }
}

/// Reads `der` as SPKI, then as PKCS#1, like [`private_from_any_der`].
fn public_from_any_der(der: &[u8]) -> Result<backend::PublicKey, Rejected> {
    match PublicFormat::Spki.load(der) {
        Err(Rejected::Unreadable) => PublicFormat::Pkcs1.load(der),
        other => other,
    }
}

impl PrivateKey {
    /// Loads a private key from PEM (`PRIVATE KEY` or `RSA PRIVATE KEY`) or bare Base64 DER
    /// (PKCS#8 or PKCS#1), whichever `text` is.
    pub fn parse(text: &str) -> Result<Self, KeyError> {
        if text.contains("-----BEGIN ") { Self::from_pem(text) } else { Self::from_base64_der(text) }
    }

    /// Loads a private key from PEM.
    pub fn from_pem(pem: &str) -> Result<Self, KeyError> {
        let (label, format, unreadable) = match pem_label(pem) {
            Some(label @ "PRIVATE KEY") => {
                (label, PrivateFormat::Pkcs8, "unreadable PKCS#8 PRIVATE KEY (not RSA, truncated or corrupt)")
            }
            Some(label @ "RSA PRIVATE KEY") => {
                (label, PrivateFormat::Pkcs1, "unreadable PKCS#1 RSA PRIVATE KEY (truncated or corrupt)")
            }
            Some("PUBLIC KEY" | "RSA PUBLIC KEY") => {
                return Err(KeyError::WrongKind { expected: KeyKind::Private, found: KeyKind::Public });
            }
            Some("ENCRYPTED PRIVATE KEY") => {
                return Err(KeyError::Unsupported("password-protected private keys".to_owned()));
            }
            Some(_) => return Err(malformed("PEM block is not an RSA key")),
            None => return Err(malformed("no PEM block found")),
        };
        let der = pem_der(pem, label).ok_or_else(|| malformed(unreadable))?;
        Self::checked(format.load(&der).map_err(|e| e.into_key_error(unreadable))?)
    }

    /// Loads a private key from DER bytes (PKCS#8 or PKCS#1).
    pub fn from_der(der: &[u8]) -> Result<Self, KeyError> {
        match private_from_any_der(der) {
            Ok(inner) => Self::checked(inner),
            Err(Rejected::Unreadable) if PublicKey::recognizes(der) => {
                Err(KeyError::WrongKind { expected: KeyKind::Private, found: KeyKind::Public })
            }
            Err(e) => Err(e.into_key_error("DER is neither a PKCS#8 nor a PKCS#1 RSA private key")),
        }
    }

    /// Whether `der` is a private key in a known format, even one the backend refuses.
    fn recognizes(der: &[u8]) -> bool {
        !matches!(private_from_any_der(der), Err(Rejected::Unreadable))
    }

    /// Loads a private key from Base64 DER without PEM armour (either Base64 alphabet).
    pub fn from_base64_der(text: &str) -> Result<Self, KeyError> {
        // The DER of a private key is the key: wiped when dropped.
        let der =
            Zeroizing::new(base64_decode_lenient(text).map_err(|_| malformed("key is neither PEM nor Base64 DER"))?);
        Self::from_der(&der)
    }

    /// Generates a new key (used by the sandboxes and tests). `aws-lc-rs` generates 2048, 3072,
    /// 4096 and 8192-bit keys only.
    ///
    /// # Errors
    /// [`KeyError::Unsupported`] for a size the backend does not generate.
    pub fn generate(bits: usize) -> Result<Self, KeyError> {
        check_size(bits)?;
        Ok(Self::with_rejection_key(backend::PrivateKey::generate(bits)?))
    }

    fn checked(inner: backend::PrivateKey) -> Result<Self, KeyError> {
        check_size(inner.size() * 8)?;
        Ok(Self::with_rejection_key(inner))
    }

    fn with_rejection_key(inner: backend::PrivateKey) -> Self {
        let rejection_key = implicit::rejection_key(&inner.to_pkcs8_der());
        Self { inner, rejection_key }
    }

    /// The matching public key.
    pub fn public_key(&self) -> PublicKey {
        PublicKey { inner: self.inner.public_key() }
    }

    /// The modulus size in bytes (256 for a 2048-bit key).
    pub fn size(&self) -> usize {
        self.inner.size()
    }

    /// SHA256withRSA (RSASSA-PKCS1-v1_5 with SHA-256) over `message`, blinded.
    pub fn sign_sha256(&self, message: &[u8]) -> Result<Vec<u8>, CryptoError> {
        count_private_key_operation();
        self.inner.sign_pkcs1v15_sha256(message).ok_or(CryptoError::SignFailed)
    }

    /// Decrypts PKCS#1 v1.5 ciphertext made of whole blocks of [`size`](Self::size) bytes, each
    /// decrypted separately and the plaintexts concatenated (the "chunked" scheme providers use
    /// for payloads longer than one block).
    ///
    /// Any failure (length not a whole number of blocks, a bad block, a wrong key) is the same
    /// [`CryptoError::DecryptFailed`], reported only after every block has been processed and the
    /// implicit-rejection stand-in computed (the same work as a success, see
    /// [`decrypt_chunked_implicit`](Self::decrypt_chunked_implicit)); a ciphertext that is empty or
    /// not a whole number of blocks is refused before any key work (lengths are public). Every
    /// block is decrypted blinded, and the plaintext is wiped when dropped. Prefer
    /// [`decrypt_chunked_at_most`](Self::decrypt_chunked_at_most)
    /// for input anyone can send: this one does as many private-key operations as the input has
    /// blocks.
    pub fn decrypt_chunked(&self, ciphertext: &[u8]) -> Result<Zeroizing<Vec<u8>>, CryptoError> {
        self.decrypt_chunked_at_most(ciphertext, usize::MAX)
    }

    /// [`decrypt_chunked`](Self::decrypt_chunked), refusing before any private-key work a
    /// ciphertext of more than `max_blocks` blocks: the cost an unauthenticated sender can cause is
    /// bounded by the cap (size it to the largest legitimate payload).
    ///
    /// ```
    /// use sign_core::rsa::PrivateKey;
    /// use sign_core::CryptoError;
    /// # let key = PrivateKey::generate(2048).unwrap();
    /// let ciphertext = key.public_key().encrypt_chunked(&[7u8; 400]).unwrap(); // 2 blocks of 256 bytes
    /// assert_eq!(key.decrypt_chunked_at_most(&ciphertext, 2).unwrap().as_slice(), [7u8; 400]);
    /// assert_eq!(
    ///     key.decrypt_chunked_at_most(&ciphertext, 1),
    ///     Err(CryptoError::TooManyBlocks { blocks: 2, max_blocks: 1 })
    /// );
    /// ```
    ///
    /// # Errors
    /// [`CryptoError::TooManyBlocks`] over the cap (no key work done), otherwise
    /// [`CryptoError::DecryptFailed`] for any failure: the stand-in of
    /// [`decrypt_chunked_implicit`](Self::decrypt_chunked_implicit) is never returned from here.
    pub fn decrypt_chunked_at_most(
        &self,
        ciphertext: &[u8],
        max_blocks: usize,
    ) -> Result<Zeroizing<Vec<u8>>, CryptoError> {
        self.decrypt_chunked_implicit(ciphertext, max_blocks)?.into_plaintext()
    }

    /// Chunked PKCS#1 v1.5 decryption with *implicit rejection* (as OpenSSL 3.2 and later do it,
    /// after the IRTF draft "Implicit Rejection for RSA PKCS#1 v1.5"): when any block's padding is
    /// bad, the result is a deterministic stand-in instead of an error, so a caller that goes on to
    /// check a signature or a MAC over the plaintext does the same work whether the padding was
    /// good or not.
    ///
    /// The stand-in is derived with HMAC-SHA256 from the ciphertext under a secret derived from
    /// this private key: the same ciphertext always gives the same stand-in, another ciphertext
    /// another one, and nobody without the key can predict it. Its length is drawn from the
    /// lengths a success could have (each block `0..=size()-11` bytes, like OpenSSL's synthetic
    /// length). It is computed for every ciphertext and selected in constant time, so the work
    /// above the backend does not depend on the padding. [`ImplicitDecryption::is_genuine`] says
    /// which one it is: read it once, after every check that uses the plaintext has run.
    ///
    /// ```
    /// use sign_core::rsa::PrivateKey;
    /// # let key = PrivateKey::generate(2048).unwrap();
    /// let mut ciphertext = key.public_key().encrypt_chunked(b"{\"orderNum\":\"1\"}").unwrap();
    /// let genuine = key.decrypt_chunked_implicit(&ciphertext, 4).unwrap();
    /// assert!(genuine.is_genuine() && genuine.plaintext() == b"{\"orderNum\":\"1\"}");
    /// ciphertext[0] ^= 0x80; // tampered: the padding no longer checks out
    /// let stand_in = key.decrypt_chunked_implicit(&ciphertext, 4).unwrap();
    /// assert!(!stand_in.is_genuine() && stand_in.plaintext().len() <= key.size() - 11);
    /// assert_eq!(key.decrypt_chunked_implicit(&ciphertext, 4).unwrap().plaintext(), stand_in.plaintext());
    /// ```
    ///
    /// # Errors
    /// Only for public facts, before any private-key work: [`CryptoError::TooManyBlocks`] over the
    /// cap, [`CryptoError::DecryptFailed`] for an empty ciphertext or one that is not a whole
    /// number of blocks.
    pub fn decrypt_chunked_implicit(
        &self,
        ciphertext: &[u8],
        max_blocks: usize,
    ) -> Result<ImplicitDecryption, CryptoError> {
        let k = self.inner.size();
        let blocks = ciphertext.len().div_ceil(k);
        if blocks > max_blocks {
            return Err(CryptoError::TooManyBlocks { blocks, max_blocks });
        }
        if ciphertext.is_empty() || ciphertext.len() % k != 0 {
            return Err(CryptoError::DecryptFailed);
        }
        let mut genuine = Choice::from(1);
        // Never longer than the ciphertext, so it is never reallocated (no unwiped copy left behind).
        let mut real = Zeroizing::new(Vec::with_capacity(ciphertext.len()));
        for block in ciphertext.chunks(k) {
            count_private_key_operation();
            let part = self.inner.decrypt_pkcs1v15_block(block);
            genuine &= Choice::from(u8::from(part.is_some()));
            real.extend_from_slice(part.as_deref().map_or(&[][..], |p| p.as_slice()));
        }
        let stand_in = implicit::stand_in(&self.rejection_key, ciphertext, k);
        Ok(ImplicitDecryption { plaintext: implicit::select(&real, &stand_in, genuine), genuine })
    }

    /// The PKCS#8 DER encoding, Base64 (standard alphabet, no armour). Used by sandboxes to hand a
    /// generated key to a test; treat the result as a secret.
    pub fn to_base64_der(&self) -> crate::secret::SecretString {
        crate::secret::SecretString::new(crate::encoding::base64_std(&self.inner.to_pkcs8_der()))
    }
}

/// What [`PrivateKey::decrypt_chunked_implicit`] returns: the plaintext when every block
/// decrypted, otherwise a deterministic stand-in of a length a success could have. Wiped on drop;
/// its `Debug` shows neither the bytes nor which one it is.
pub struct ImplicitDecryption {
    plaintext: Zeroizing<Vec<u8>>,
    genuine: Choice,
}

impl ImplicitDecryption {
    /// The plaintext, or the stand-in: hash it, verify it, decode it the same way either way.
    pub fn plaintext(&self) -> &[u8] {
        &self.plaintext
    }

    /// Whether every block decrypted (the plaintext is real). Read it once, when every check that
    /// uses [`plaintext`](Self::plaintext) is done, and combine it with their verdicts.
    pub fn is_genuine(&self) -> bool {
        self.genuine.into()
    }

    /// The plaintext if it is genuine.
    ///
    /// # Errors
    /// [`CryptoError::DecryptFailed`] for a stand-in.
    pub fn into_plaintext(self) -> Result<Zeroizing<Vec<u8>>, CryptoError> {
        if self.is_genuine() { Ok(self.plaintext) } else { Err(CryptoError::DecryptFailed) }
    }
}

impl fmt::Debug for ImplicitDecryption {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ImplicitDecryption({} bytes, [REDACTED])", self.plaintext.len())
    }
}

impl PublicKey {
    /// Loads a public key from PEM (`PUBLIC KEY` or `RSA PUBLIC KEY`) or bare Base64 DER
    /// (SPKI or PKCS#1), whichever `text` is.
    pub fn parse(text: &str) -> Result<Self, KeyError> {
        if text.contains("-----BEGIN ") { Self::from_pem(text) } else { Self::from_base64_der(text) }
    }

    /// Loads a public key from PEM.
    pub fn from_pem(pem: &str) -> Result<Self, KeyError> {
        let (label, format, unreadable) = match pem_label(pem) {
            Some(label @ "PUBLIC KEY") => {
                (label, PublicFormat::Spki, "unreadable SPKI PUBLIC KEY (not RSA, truncated or corrupt)")
            }
            Some(label @ "RSA PUBLIC KEY") => {
                (label, PublicFormat::Pkcs1, "unreadable PKCS#1 RSA PUBLIC KEY (truncated or corrupt)")
            }
            Some("PRIVATE KEY" | "RSA PRIVATE KEY" | "ENCRYPTED PRIVATE KEY") => {
                return Err(KeyError::WrongKind { expected: KeyKind::Public, found: KeyKind::Private });
            }
            Some(_) => return Err(malformed("PEM block is not an RSA key")),
            None => return Err(malformed("no PEM block found")),
        };
        let der = pem_der(pem, label).ok_or_else(|| malformed(unreadable))?;
        Self::checked(format.load(&der).map_err(|e| e.into_key_error(unreadable))?)
    }

    /// Loads a public key from DER bytes (SPKI or PKCS#1).
    pub fn from_der(der: &[u8]) -> Result<Self, KeyError> {
        match public_from_any_der(der) {
            Ok(inner) => Self::checked(inner),
            Err(Rejected::Unreadable) if PrivateKey::recognizes(der) => {
                Err(KeyError::WrongKind { expected: KeyKind::Public, found: KeyKind::Private })
            }
            Err(e) => Err(e.into_key_error("DER is neither an SPKI nor a PKCS#1 RSA public key")),
        }
    }

    /// Whether `der` is a public key in a known format, even one the backend refuses.
    fn recognizes(der: &[u8]) -> bool {
        !matches!(public_from_any_der(der), Err(Rejected::Unreadable))
    }

    /// Loads a public key from Base64 DER without PEM armour (either Base64 alphabet).
    pub fn from_base64_der(text: &str) -> Result<Self, KeyError> {
        let der = base64_decode_lenient(text).map_err(|_| malformed("key is neither PEM nor Base64 DER"))?;
        Self::from_der(&der)
    }

    fn checked(inner: backend::PublicKey) -> Result<Self, KeyError> {
        check_size(inner.size() * 8)?;
        Ok(Self { inner })
    }

    /// The modulus size in bytes.
    pub fn size(&self) -> usize {
        self.inner.size()
    }

    /// The SPKI DER encoding, Base64 (standard alphabet, no armour): the form providers exchange.
    pub fn to_base64_der(&self) -> String {
        crate::encoding::base64_std(&self.inner.to_spki_der())
    }

    /// Verifies a SHA256withRSA (PKCS#1 v1.5) `signature` over `message`.
    pub fn verify_sha256(&self, message: &[u8], signature: &[u8]) -> Result<(), CryptoError> {
        if self.inner.verify_pkcs1v15_sha256(message, signature) { Ok(()) } else { Err(CryptoError::BadSignature) }
    }

    /// Encrypts `plaintext` of any length with PKCS#1 v1.5, in chunks of
    /// [`size`](Self::size)` - 11` bytes, concatenating the blocks. Empty input gives empty
    /// output.
    pub fn encrypt_chunked(&self, plaintext: &[u8]) -> Result<Vec<u8>, CryptoError> {
        let k = self.inner.size();
        let chunk = k - 11;
        let mut out = Vec::with_capacity(plaintext.len().div_ceil(chunk) * k);
        for part in plaintext.chunks(chunk) {
            out.extend_from_slice(&self.inner.encrypt_pkcs1v15_block(part).ok_or(CryptoError::EncryptFailed)?);
        }
        Ok(out)
    }
}

/// A key that can be read from text: PEM or bare Base64 DER ([`PrivateKey::parse`],
/// [`PublicKey::parse`]).
pub trait ParseKey: Sized {
    /// Parses `text`.
    ///
    /// # Errors
    /// [`KeyError`] saying what is wrong, never quoting the input.
    fn parse_key(text: &str) -> Result<Self, KeyError>;
}

impl ParseKey for PrivateKey {
    fn parse_key(text: &str) -> Result<Self, KeyError> {
        Self::parse(text)
    }
}

impl ParseKey for PublicKey {
    fn parse_key(text: &str) -> Result<Self, KeyError> {
        Self::parse(text)
    }
}

/// Where a configured key comes from, kept until the configuration is built: text (PEM or bare
/// Base64 DER), a key already parsed, or a file holding the text. Every provider `ConfigBuilder`
/// has the same three setters per key (`<key>(text)`, `<key>_parsed(key)`, `<key>_file(path)`),
/// each storing one of these; `build()` calls [`KeySource::load`], so a bad key is a typed error
/// there, never on the first call.
#[derive(Clone)]
pub enum KeySource<K> {
    /// PEM or bare Base64 DER text.
    Text(crate::secret::SecretString),
    /// A key parsed already.
    Parsed(K),
    /// A file holding PEM or bare Base64 DER text.
    File(std::path::PathBuf),
}

impl<K> fmt::Debug for KeySource<K> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Text(_) => f.write_str("KeySource::Text([REDACTED])"),
            Self::Parsed(_) => f.write_str("KeySource::Parsed([REDACTED])"),
            Self::File(path) => write!(f, "KeySource::File({path:?})"),
        }
    }
}

impl<K: ParseKey> KeySource<K> {
    /// The key: parsed from the text or the file, or the parsed key as it is.
    ///
    /// # Errors
    /// [`KeyError::Malformed`] for an unreadable file (naming the path, not its content) or text.
    pub fn load(self) -> Result<K, KeyError> {
        match self {
            Self::Text(text) => K::parse_key(text.expose()),
            Self::Parsed(key) => Ok(key),
            Self::File(path) => {
                let text = std::fs::read_to_string(&path).map_err(|e| {
                    KeyError::Malformed(format!("cannot read key file {}: {}", path.display(), e.kind()))
                })?;
                let text = crate::secret::SecretString::new(text);
                K::parse_key(text.expose())
            }
        }
    }
}

/// Writes the three setters every provider `ConfigBuilder` has for one RSA key, over its
/// `Option<KeySource<K>>` field: `<key>(text)` (PEM or bare Base64 DER), `<key>_parsed(key)` and
/// `<key>_file(path)`; the builder's `build()` loads the key ([`KeySource::load`]). The doc lines
/// before the field name describe the key and go on the text setter. Written `field: [Key] => ...`
/// over a `Vec<KeySource<K>>` field, each call adds a key (the extra keys of a rotation).
///
/// ```
/// use sign_core::rsa::{KeySource, PrivateKey};
///
/// /// A provider's configuration builder.
/// #[derive(Default)]
/// pub struct ConfigBuilder {
///     merchant_private_key: Option<KeySource<PrivateKey>>,
/// }
///
/// impl ConfigBuilder {
///     sign_core::key_setters! {
///         /// The merchant's private key: signs requests.
///         merchant_private_key: PrivateKey => merchant_private_key, merchant_private_key_parsed, merchant_private_key_file
///     }
/// }
///
/// let b = ConfigBuilder::default().merchant_private_key_file("/etc/keys/merchant.pem");
/// assert!(matches!(b.merchant_private_key, Some(KeySource::File(_))));
/// ```
#[macro_export]
macro_rules! key_setters {
    // A list of keys (`Vec<KeySource<K>>`, e.g. the extra keys of a rotation): each call adds one.
    // First: the single-key arm would take `[K]` for a slice type.
    ($(#[doc = $doc:expr])* $field:ident : [$key:ty] => $text:ident, $parsed:ident, $file:ident) => {
        $(#[doc = $doc])*
        ///
        /// Call it once per key. PEM, or bare Base64 DER; parsed by `build()`, where a bad key is an
        /// error.
        pub fn $text(mut self, text: impl ::core::convert::Into<$crate::SecretString>) -> Self {
            self.$field.push($crate::rsa::KeySource::Text(text.into()));
            self
        }

        #[doc = concat!("One more key of [`", stringify!($text), "`](Self::", stringify!($text), "), already parsed.")]
        pub fn $parsed(mut self, key: $key) -> Self {
            self.$field.push($crate::rsa::KeySource::Parsed(key));
            self
        }

        #[doc = concat!("One more key of [`", stringify!($text), "`](Self::", stringify!($text), "), read from a file (PEM or bare Base64 DER) by `build()`.")]
        pub fn $file(mut self, path: impl ::core::convert::Into<::std::path::PathBuf>) -> Self {
            self.$field.push($crate::rsa::KeySource::File(path.into()));
            self
        }
    };
    ($(#[doc = $doc:expr])* $field:ident : $key:ty => $text:ident, $parsed:ident, $file:ident) => {
        $(#[doc = $doc])*
        ///
        /// PEM, or bare Base64 DER as providers often hand keys out; parsed by `build()`, where a
        /// bad key is an error.
        pub fn $text(mut self, text: impl ::core::convert::Into<$crate::SecretString>) -> Self {
            self.$field = Some($crate::rsa::KeySource::Text(text.into()));
            self
        }

        #[doc = concat!("The key of [`", stringify!($text), "`](Self::", stringify!($text), "), already parsed.")]
        pub fn $parsed(mut self, key: $key) -> Self {
            self.$field = Some($crate::rsa::KeySource::Parsed(key));
            self
        }

        #[doc = concat!("The key of [`", stringify!($text), "`](Self::", stringify!($text), "), read from a file (PEM or bare Base64 DER) by `build()`.")]
        pub fn $file(mut self, path: impl ::core::convert::Into<::std::path::PathBuf>) -> Self {
            self.$field = Some($crate::rsa::KeySource::File(path.into()));
            self
        }
    };
}
