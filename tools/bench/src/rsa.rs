//! RSA: chainup's request build (`prepare(createThirdOrder)`: PKCS#1 v1.5 encryption of the business
//! JSON for the platform + SHA256withRSA over its MD5 hex) and callback verification
//! (`verify_notification`: decryption + signature check), and vip-charge's SHA256-RSA request
//! signature, against the raw aws-lc-rs primitives doing the same operations on the same keys
//! (RSA-2048) and the same sizes: the same number of blocks, the same plaintext, the same string
//! signed. The anchors leave out what is not RSA (JSON, Base64), which paykit's side includes.

use std::hint::black_box;

use aws_lc_rs::rand::SystemRandom;
use aws_lc_rs::rsa::{Pkcs1PrivateDecryptingKey, Pkcs1PublicEncryptingKey, PrivateDecryptingKey, PublicEncryptingKey};
use aws_lc_rs::signature::{self, ParsedPublicKey, RsaKeyPair};
use base64::Engine as _;
use md5::{Digest, Md5};
use sign_core::encoding::base64_decode_lenient;
use sign_core::rsa::PrivateKey;

use crate::fixtures::{self, chainup::Keys};
use crate::measure::{self, Settings};
use crate::report::Report;

const BASE: &str = "https://service.example.com";

/// The RSA backend sign-core was built with, as the report names it.
pub fn backend() -> &'static str {
    match sign_core::rsa::BACKEND {
        sign_core::rsa::Backend::AwsLcRs => "aws-lc-rs backend",
        _ => "rust-crypto backend (the rsa crate)",
    }
}

/// A private key as aws-lc-rs reads it (PKCS#8 DER).
fn pkcs8(key: &PrivateKey) -> Vec<u8> {
    base64::engine::general_purpose::STANDARD.decode(key.to_base64_der().expose()).expect("sign-core writes Base64")
}

/// A public key as aws-lc-rs reads it (SPKI DER).
fn spki(key: &PrivateKey) -> Vec<u8> {
    base64::engine::general_purpose::STANDARD.decode(key.public_key().to_base64_der()).expect("sign-core writes Base64")
}

fn md5_lower_hex(data: &[u8]) -> String {
    Md5::digest(data).iter().map(|b| format!("{b:02x}")).collect()
}

/// The raw primitives on one set of keys.
struct Raw {
    encrypt_for_platform: Pkcs1PublicEncryptingKey,
    merchant_signing: RsaKeyPair,
    merchant_decrypting: Pkcs1PrivateDecryptingKey,
    platform_verifying: ParsedPublicKey,
    rng: SystemRandom,
}

impl Raw {
    fn new(keys: &Keys) -> Self {
        let encrypt_for_platform = Pkcs1PublicEncryptingKey::new(
            PublicEncryptingKey::from_der(&spki(&keys.platform)).expect("aws-lc-rs reads the SPKI key"),
        )
        .expect("a PKCS#1 v1.5 encrypting key");
        let merchant_signing = RsaKeyPair::from_pkcs8(&pkcs8(&keys.merchant)).expect("aws-lc-rs reads the PKCS#8 key");
        let merchant_decrypting = Pkcs1PrivateDecryptingKey::new(
            PrivateDecryptingKey::from_pkcs8(&pkcs8(&keys.merchant)).expect("aws-lc-rs reads the PKCS#8 key"),
        )
        .expect("a PKCS#1 v1.5 decrypting key");
        let platform_verifying =
            ParsedPublicKey::new(&signature::RSA_PKCS1_2048_8192_SHA256, spki(&keys.platform)).expect("a public key");
        Self {
            encrypt_for_platform,
            merchant_signing,
            merchant_decrypting,
            platform_verifying,
            rng: SystemRandom::new(),
        }
    }

    /// Encrypts `plaintext` in chunks of k - 11 bytes; signs `to_sign`.
    fn seal(&self, plaintext: &[u8], to_sign: &[u8]) -> (Vec<u8>, Vec<u8>) {
        let k = self.encrypt_for_platform.key_size_bytes();
        let mut ciphertext = vec![0u8; plaintext.len().div_ceil(k - 11) * k];
        for (chunk, out) in plaintext.chunks(k - 11).zip(ciphertext.chunks_mut(k)) {
            self.encrypt_for_platform.encrypt(chunk, out).expect("encrypts");
        }
        (ciphertext, self.sign(to_sign))
    }

    fn sign(&self, message: &[u8]) -> Vec<u8> {
        let mut sig = vec![0u8; self.merchant_signing.public_modulus_len()];
        self.merchant_signing.sign(&signature::RSA_PKCS1_SHA256, &self.rng, message, &mut sig).expect("signs");
        sig
    }

    /// Decrypts whole blocks; verifies `signature` over the MD5 hex of the plaintext.
    fn open(&self, ciphertext: &[u8], signature: &[u8]) -> bool {
        let k = self.merchant_decrypting.key_size_bytes();
        let mut plaintext = Vec::with_capacity(ciphertext.len());
        let mut block = vec![0u8; self.merchant_decrypting.min_output_size()];
        for chunk in ciphertext.chunks(k) {
            match self.merchant_decrypting.decrypt(chunk, &mut block) {
                Ok(p) => plaintext.extend_from_slice(p),
                Err(_) => return false,
            }
        }
        let digest = md5_lower_hex(&plaintext);
        self.platform_verifying.verify_sig(digest.as_bytes(), signature).is_ok()
    }
}

/// Runs the section; figure ids carry `@<backend>`.
pub fn run(settings: Settings, report: &mut Report, keys: &Keys) {
    let suffix = backend_id();
    if !["prepare", "verify", "vip-sign"].iter().any(|f| report.wants(&format!("rsa-{f}@{suffix}"))) {
        return;
    }
    let raw = Raw::new(keys);
    prepare(settings, report, keys, &raw, &format!("rsa-prepare@{suffix}"));
    verify(settings, report, keys, &raw, &format!("rsa-verify@{suffix}"));
    vip_charge(settings, report, keys, &raw, &format!("rsa-vip-sign@{suffix}"));
}

/// The goal (at most 1.5x the raw primitives) is set for the aws-lc-rs backend; the pure-Rust one is
/// measured for the record.
fn goal() -> Option<f64> {
    (backend_id() == "aws-lc-rs").then_some(1.5)
}

/// The backend as a short id (its Cargo feature).
pub fn backend_id() -> &'static str {
    sign_core::rsa::BACKEND.feature()
}

fn prepare(settings: Settings, report: &mut Report, keys: &Keys, raw: &Raw, id: &str) {
    if !report.wants(id) {
        return;
    }
    let label = format!("chainup prepare(createThirdOrder), {}", backend());
    report.figure(id, "rsa", &label, "aws-lc-rs: same blocks encrypted + MD5 hex signed", goal());
    let client = chainup_opay::Client::sans_io(fixtures::chainup::config(BASE, keys));
    let request = fixtures::chainup::request();
    let prepared = match client.prepare(&request) {
        Ok(p) => p,
        Err(e) => return report.note(id, &format!("not measured: prepare failed: {e}")),
    };
    // The plaintext paykit encrypted (opened with the platform's key), so the anchor does the same.
    let envelope: serde_json::Value = serde_json::from_slice(&prepared.body).expect("the envelope is JSON");
    let (Some(data), Some(sign)) = (envelope["data"].as_str(), envelope["sign"].as_str()) else {
        return report.note(id, "not measured: no data/sign in the envelope");
    };
    let ciphertext = base64_decode_lenient(data).expect("Base64");
    let Ok(plaintext) = keys.platform.decrypt_chunked(&ciphertext) else {
        return report.note(id, "not measured: the platform cannot open the request");
    };
    let plaintext = plaintext.to_vec();
    let to_sign = md5_lower_hex(&plaintext);
    if raw.sign(to_sign.as_bytes()) != base64_decode_lenient(sign).expect("Base64") {
        return report.note(id, "not measured: the anchor's signature differs from paykit's");
    }
    let k = keys.platform.size();
    report.note(
        id,
        &format!(
            "plaintext {} bytes = {} block(s) encrypted, 1 signature",
            plaintext.len(),
            plaintext.len().div_ceil(k - 11)
        ),
    );
    let rounds = measure::compare(
        settings,
        &measure::nothing_excluded,
        &mut || {
            let digest = md5_lower_hex(black_box(&plaintext));
            drop(black_box(raw.seal(&plaintext, digest.as_bytes())));
        },
        &mut || drop(black_box(client.prepare(black_box(&request)))),
    );
    report.rounds(id, &rounds);
}

fn verify(settings: Settings, report: &mut Report, keys: &Keys, raw: &Raw, id: &str) {
    if !report.wants(id) {
        return;
    }
    let label = format!("chainup verify_notification, {}", backend());
    report.figure(id, "rsa", &label, "aws-lc-rs: same blocks decrypted + signature verified", goal());
    let client = chainup_opay::Client::sans_io(fixtures::chainup::config(BASE, keys));
    let body = fixtures::chainup::notification(keys);
    let no_headers: [(&str, &str); 0] = [];
    if let Err(e) = client.verify_notification(no_headers, &body) {
        return report.note(id, &format!("not measured: the callback does not verify: {e}"));
    }
    let envelope: serde_json::Value = serde_json::from_slice(&body).expect("the envelope is JSON");
    let ciphertext = base64_decode_lenient(envelope["data"].as_str().unwrap_or_default()).expect("Base64");
    let signature = base64_decode_lenient(envelope["sign"].as_str().unwrap_or_default()).expect("Base64");
    if !raw.open(&ciphertext, &signature) {
        return report.note(id, "not measured: the anchor cannot open the callback");
    }
    report.note(id, &format!("{} block(s) decrypted, 1 signature verified", ciphertext.len() / keys.merchant.size()));
    let rounds = measure::compare(
        settings,
        &measure::nothing_excluded,
        &mut || {
            black_box(raw.open(black_box(&ciphertext), &signature));
        },
        &mut || drop(black_box(client.verify_notification(no_headers, black_box(&body)))),
    );
    report.rounds(id, &rounds);
}

fn vip_charge(settings: Settings, report: &mut Report, keys: &Keys, raw: &Raw, id: &str) {
    if !report.wants(id) {
        return;
    }
    let label = format!("vip-charge prepare(vip_charge) (SHA256-RSA), {}", backend());
    report.figure(id, "rsa", &label, "aws-lc-rs: SHA256withRSA over the same string", None);
    let client = vip_charge::Client::sans_io(fixtures::vip_charge::rsa_config(BASE, keys.merchant.clone()));
    let request = fixtures::vip_charge::request();
    let prepared = match client.prepare(&request) {
        Ok(p) => p,
        Err(e) => return report.note(id, &format!("not measured: prepare failed: {e}")),
    };
    let h = |name: &str| prepared.header(name).unwrap_or_default().to_owned();
    let mut to_sign = format!(
        "businessId={}&nonce={}&signType={}&timestamp={}",
        h("businessId"),
        h("nonce"),
        h("signType"),
        h("timestamp")
    )
    .into_bytes();
    to_sign.extend_from_slice(&prepared.body);
    if base64::engine::general_purpose::STANDARD.encode(raw.sign(&to_sign)) != h("sign") {
        return report.note(id, "not measured: the anchor's signature differs from paykit's");
    }
    let rounds = measure::compare(
        settings,
        &measure::nothing_excluded,
        &mut || drop(black_box(raw.sign(black_box(&to_sign)))),
        &mut || drop(black_box(client.prepare(black_box(&request)))),
    );
    report.rounds(id, &rounds);
}
