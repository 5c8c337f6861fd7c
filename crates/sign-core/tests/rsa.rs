//! RSA against fixtures made by OpenSSL and Python's `cryptography` (see `testdata/README.md`), with
//! whichever backend the features select (CI runs this file with each).
#![cfg(any(feature = "rust-crypto", feature = "aws-lc-rs"))]

use sign_core::encoding::{base64_decode_lenient, base64_std, base64_url_nopad};
use sign_core::error::{CryptoError, KeyError, KeyKind};
use sign_core::rsa::{BACKEND, Backend, MIN_KEY_BITS, PrivateKey, PublicKey};

fn fixture(name: &str) -> String {
    let path = format!("{}/testdata/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn b64_fixture(name: &str) -> Vec<u8> {
    base64_decode_lenient(&fixture(name)).expect("fixture is Base64")
}

const MESSAGE: &[u8] = b"The quick brown fox jumps over the lazy dog";

fn private(bits: u32) -> PrivateKey {
    PrivateKey::parse(&fixture(&format!("rsa{bits}_pkcs8.pem"))).unwrap()
}

/// The fixture sizes the selected backend loads: aws-lc-rs refuses keys under 2048 bits
/// (`keys_under_2048_bits_...` below holds that refusal).
fn sizes() -> &'static [u32] {
    if BACKEND == Backend::AwsLcRs { &[2048] } else { &[2048, 1024] }
}

#[test]
fn aws_lc_rs_does_the_work_whenever_its_feature_is_on() {
    let expected = if cfg!(feature = "aws-lc-rs") { Backend::AwsLcRs } else { Backend::RustCrypto };
    assert_eq!(BACKEND, expected);
    // CI names the backend a run is meant to test: a feature slip would not go unnoticed.
    if let Ok(meant) = std::env::var("PAYKIT_RSA_BACKEND") {
        assert_eq!(BACKEND.feature(), meant);
    }
    assert_eq!(BACKEND.to_string(), BACKEND.feature());
    assert_eq!(MIN_KEY_BITS, if expected == Backend::AwsLcRs { 2048 } else { 1024 });
}

#[test]
fn keys_under_2048_bits_are_refused_by_aws_lc_rs_with_advice_and_loaded_by_rust_crypto() {
    let private_forms = ["rsa1024_pkcs8.pem", "rsa1024_pkcs1.pem", "rsa1024_pkcs8.b64"];
    let public_forms = ["rsa1024_spki.pem", "rsa1024_pkcs1_pub.pem", "rsa1024_spki.b64"];
    let refused = |result: Result<usize, KeyError>, name: &str| match result {
        Err(KeyError::Unsupported(why)) => {
            assert!(why.contains("aws-lc-rs") && why.contains("`rust-crypto`"), "{name}: {why}");
        }
        other => panic!("{name}: {other:?}"),
    };
    for name in private_forms {
        let loaded = PrivateKey::parse(&fixture(name)).map(|k| k.size());
        if BACKEND == Backend::AwsLcRs { refused(loaded, name) } else { assert_eq!(loaded, Ok(128), "{name}") }
    }
    for name in public_forms {
        let loaded = PublicKey::parse(&fixture(name)).map(|k| k.size());
        if BACKEND == Backend::AwsLcRs { refused(loaded, name) } else { assert_eq!(loaded, Ok(128), "{name}") }
    }
    if BACKEND == Backend::AwsLcRs {
        refused(PrivateKey::generate(1024).map(|k| k.size()), "generate(1024)");
        // aws-lc-rs generates the four standard sizes only.
        assert!(matches!(PrivateKey::generate(3000), Err(KeyError::Unsupported(_))));
    }
    // A key of the other kind is reported as such, whether or not the backend takes its size.
    let wrong_public = KeyError::WrongKind { expected: KeyKind::Private, found: KeyKind::Public };
    let wrong_private = KeyError::WrongKind { expected: KeyKind::Public, found: KeyKind::Private };
    assert_eq!(PrivateKey::parse(&fixture("rsa1024_spki.b64")).unwrap_err(), wrong_public);
    assert_eq!(PublicKey::parse(&fixture("rsa1024_pkcs8.b64")).unwrap_err(), wrong_private);
    assert_eq!(PrivateKey::parse(&fixture("rsa1024_spki.pem")).unwrap_err(), wrong_public);
    assert_eq!(PublicKey::parse(&fixture("rsa1024_pkcs1.pem")).unwrap_err(), wrong_private);
}

#[test]
fn every_private_key_form_loads_to_the_same_key() {
    for &bits in sizes() {
        let forms = [
            fixture(&format!("rsa{bits}_pkcs8.pem")),
            fixture(&format!("rsa{bits}_pkcs1.pem")),
            fixture(&format!("rsa{bits}_pkcs8.b64")),
        ];
        let keys: Vec<PrivateKey> = forms.iter().map(|f| PrivateKey::parse(f).unwrap()).collect();
        for k in &keys {
            assert_eq!(k.size() * 8, bits as usize);
            assert_eq!(k.public_key(), keys[0].public_key());
        }
    }
}

#[test]
fn every_public_key_form_loads_to_the_same_key() {
    for &bits in sizes() {
        let expected = private(bits).public_key();
        for name in [format!("rsa{bits}_spki.pem"), format!("rsa{bits}_pkcs1_pub.pem"), format!("rsa{bits}_spki.b64")] {
            assert_eq!(PublicKey::parse(&fixture(&name)).unwrap(), expected, "{name}");
        }
        // URL-safe alphabet, no padding: how some providers hand keys out.
        let url = base64_url_nopad(&b64_fixture(&format!("rsa{bits}_spki.b64")));
        assert_eq!(PublicKey::parse(&url).unwrap(), expected);
        assert_eq!(PublicKey::parse(&expected.to_base64_der()).unwrap(), expected);
    }
}

#[test]
fn signatures_equal_openssl_and_verify() {
    for &bits in sizes() {
        let key = private(bits);
        let openssl_sig = b64_fixture(&format!("rsa{bits}_sha256_signature.b64"));
        // PKCS#1 v1.5 signatures are deterministic: ours must be OpenSSL's, byte for byte.
        assert_eq!(key.sign_sha256(MESSAGE).unwrap(), openssl_sig, "{bits}-bit signature");
        let public = PublicKey::parse(&fixture(&format!("rsa{bits}_spki.pem"))).unwrap();
        public.verify_sha256(MESSAGE, &openssl_sig).unwrap();
        assert_eq!(
            public.verify_sha256(b"The quick brown fox jumps over the lazy cat", &openssl_sig),
            Err(CryptoError::BadSignature)
        );
    }
}

#[test]
fn a_signature_from_another_key_is_rejected() {
    let sig_1024 = b64_fixture("rsa1024_sha256_signature.b64");
    let sig_2048 = b64_fixture("rsa2048_sha256_signature.b64");
    let other = PrivateKey::generate(2048).unwrap();
    let forged = other.sign_sha256(MESSAGE).unwrap();
    let public = private(2048).public_key();
    assert_eq!(public.verify_sha256(MESSAGE, &forged), Err(CryptoError::BadSignature));
    assert_eq!(public.verify_sha256(MESSAGE, &sig_1024), Err(CryptoError::BadSignature));
    assert_eq!(public.verify_sha256(MESSAGE, &sig_2048[..255]), Err(CryptoError::BadSignature));
    assert_eq!(public.verify_sha256(MESSAGE, &[]), Err(CryptoError::BadSignature));
}

#[test]
fn decrypts_openssl_and_python_ciphertexts() {
    for (bits, n) in [(2048, 600usize), (1024, 300)].into_iter().filter(|(bits, _)| sizes().contains(bits)) {
        let key = private(bits);
        let single = b64_fixture(&format!("rsa{bits}_pkcs1v15_ciphertext.b64"));
        assert_eq!(key.decrypt_chunked(&single).unwrap().as_slice(), MESSAGE);
        let chunked = b64_fixture(&format!("rsa{bits}_chunked_ciphertext.b64"));
        let expected: Vec<u8> = (0..n).map(|i| (i % 251) as u8).collect();
        assert_eq!(key.decrypt_chunked(&chunked).unwrap().as_slice(), expected, "{bits}-bit chunked");
    }
}

#[test]
fn chunked_round_trips_at_block_edges() {
    for &bits in sizes() {
        let key = private(bits);
        let public = key.public_key();
        let k = key.size();
        let mut lengths = vec![0, 1, 244, 245, 246, 490, 491, 10_000];
        // The same edges for this key size: one chunk, one byte over, two chunks.
        lengths.extend([k - 12, k - 11, k - 10, 2 * (k - 11), 2 * (k - 11) + 1]);
        for len in lengths {
            let plain: Vec<u8> = (0..len).map(|i| (i * 7 % 256) as u8).collect();
            let cipher = public.encrypt_chunked(&plain).unwrap();
            assert_eq!(cipher.len(), len.div_ceil(k - 11) * k, "{bits}-bit, {len} bytes");
            if len == 0 {
                assert!(cipher.is_empty());
                continue;
            }
            assert_eq!(key.decrypt_chunked(&cipher).unwrap().as_slice(), plain, "{bits}-bit, {len} bytes");
        }
    }
}

#[test]
fn bad_ciphertexts_fail_with_one_opaque_error() {
    let key = private(2048);
    let good = b64_fixture("rsa2048_chunked_ciphertext.b64");
    let mut flipped = good.clone();
    flipped[300] ^= 0x01; // corrupt the second block only
    let other = PrivateKey::generate(2048).unwrap().public_key().encrypt_chunked(MESSAGE).unwrap();
    for bad in [&good[..good.len() - 1], &good[..100], &flipped[..], &[][..], &other[..], &vec![0u8; 256][..]] {
        assert_eq!(key.decrypt_chunked(bad), Err(CryptoError::DecryptFailed));
    }
}

#[test]
fn wrong_key_kinds_and_garbage_are_typed_errors() {
    let wrong_public = KeyError::WrongKind { expected: KeyKind::Private, found: KeyKind::Public };
    let wrong_private = KeyError::WrongKind { expected: KeyKind::Public, found: KeyKind::Private };
    assert_eq!(PrivateKey::parse(&fixture("rsa2048_spki.pem")).unwrap_err(), wrong_public);
    assert_eq!(PrivateKey::parse(&fixture("rsa2048_pkcs1_pub.pem")).unwrap_err(), wrong_public);
    assert_eq!(PrivateKey::parse(&fixture("rsa2048_spki.b64")).unwrap_err(), wrong_public);
    assert_eq!(PublicKey::parse(&fixture("rsa2048_pkcs8.pem")).unwrap_err(), wrong_private);
    assert_eq!(PublicKey::parse(&fixture("rsa2048_pkcs1.pem")).unwrap_err(), wrong_private);
    assert_eq!(PublicKey::parse(&fixture("rsa2048_pkcs8.b64")).unwrap_err(), wrong_private);

    let der = b64_fixture("rsa2048_pkcs8.b64");
    let truncated = base64_std(&der[..der.len() / 2]);
    let pem = fixture("rsa2048_pkcs8.pem");
    let truncated_pem = format!("{}\n-----END PRIVATE KEY-----\n", &pem[..pem.len() / 2]);
    for bad in [
        "",
        "not a key",
        "%%%%",
        truncated.as_str(),
        truncated_pem.as_str(),
        "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----",
    ] {
        assert!(matches!(PrivateKey::parse(bad), Err(KeyError::Malformed(_))), "{bad:.40}");
        assert!(matches!(PublicKey::parse(bad), Err(KeyError::Malformed(_) | KeyError::WrongKind { .. })), "{bad:.40}");
    }
    assert!(matches!(PrivateKey::generate(512), Err(KeyError::Unsupported(_))));
}

#[test]
fn key_errors_and_debug_never_show_key_material() {
    let pem = fixture("rsa2048_pkcs8.pem");
    let body_line = pem.lines().nth(5).unwrap().to_owned();
    let key = PrivateKey::parse(&pem).unwrap();
    let shown = format!("{key:?}");
    assert_eq!(shown, "PrivateKey(RSA-2048, [REDACTED])");
    let broken = pem.replace(&body_line, "!!!!");
    let err = PrivateKey::parse(&broken).unwrap_err();
    assert!(!format!("{err} {err:?}").contains(&body_line[..16]));
    let exported = key.to_base64_der();
    assert_eq!(format!("{exported:?}"), "[REDACTED]");
    assert_eq!(PrivateKey::parse(exported.expose()).unwrap().public_key(), key.public_key());
}

#[test]
fn decrypted_plaintexts_come_in_buffers_wiped_on_drop() {
    // The type is the guarantee: `Zeroizing` wipes the plaintext when the caller drops it.
    let key = private(2048);
    let ciphertext = key.public_key().encrypt_chunked(MESSAGE).unwrap();
    let plaintext: zeroize::Zeroizing<Vec<u8>> = key.decrypt_chunked(&ciphertext).unwrap();
    assert_eq!(plaintext.as_slice(), MESSAGE);
    let capped: zeroize::Zeroizing<Vec<u8>> = key.decrypt_chunked_at_most(&ciphertext, 1).unwrap();
    assert_eq!(capped.as_slice(), MESSAGE);
}

// ---- implicit rejection (review finding M1) ------------------------------------------------------

/// A three-block ciphertext of `plaintext` under `key`.
fn three_blocks(key: &PrivateKey) -> (Vec<u8>, Vec<u8>) {
    let plaintext: Vec<u8> = (0..(key.size() - 11) * 2 + 40).map(|i| (i % 251) as u8).collect();
    let ciphertext = key.public_key().encrypt_chunked(&plaintext).unwrap();
    assert_eq!(ciphertext.len(), 3 * key.size());
    (plaintext, ciphertext)
}

#[test]
fn a_good_ciphertext_opens_to_its_plaintext_through_implicit_rejection() {
    for &bits in sizes() {
        let key = private(bits);
        let (plaintext, ciphertext) = three_blocks(&key);
        let opened = key.decrypt_chunked_implicit(&ciphertext, 3).unwrap();
        assert!(opened.is_genuine(), "RSA-{bits}");
        assert_eq!(opened.plaintext(), plaintext.as_slice());
        assert_eq!(opened.into_plaintext().unwrap().as_slice(), plaintext.as_slice());
        assert!(!format!("{:?}", key.decrypt_chunked_implicit(&ciphertext, 3).unwrap()).contains("251"));
    }
}

#[test]
fn a_tampered_block_opens_to_a_deterministic_stand_in_of_a_length_a_success_could_have() {
    for &bits in sizes() {
        let key = private(bits);
        let k = key.size();
        let (plaintext, ciphertext) = three_blocks(&key);
        let mut stand_ins = Vec::new();
        // Tamper with each block in turn, and with two in one ciphertext.
        for tampered_at in [0, k + 7, 2 * k + k / 2] {
            let mut bad = ciphertext.clone();
            bad[tampered_at] ^= 0x5a;
            let first = key.decrypt_chunked_implicit(&bad, 3).unwrap();
            assert!(!first.is_genuine(), "RSA-{bits}, byte {tampered_at}");
            // Deterministic: the same ciphertext, the same stand-in.
            let again = key.decrypt_chunked_implicit(&bad, 3).unwrap();
            assert_eq!(first.plaintext(), again.plaintext());
            // A length a three-block success could have, and not the plaintext.
            assert!(first.plaintext().len() <= 3 * (k - 11), "{}", first.plaintext().len());
            assert_ne!(first.plaintext(), plaintext.as_slice());
            // The explicit API turns it into the one opaque error, the same as any other failure.
            assert_eq!(key.decrypt_chunked_at_most(&bad, 3), Err(CryptoError::DecryptFailed));
            assert_eq!(again.into_plaintext(), Err(CryptoError::DecryptFailed));
            stand_ins.push(first.plaintext().to_vec());
        }
        // Another ciphertext, another stand-in.
        for (i, a) in stand_ins.iter().enumerate() {
            for b in &stand_ins[i + 1..] {
                assert_ne!(a, b);
            }
        }
        // Another key, another stand-in for the same bytes: it is derived from the private key.
        let other = PrivateKey::generate(bits as usize).unwrap();
        let mut bad = ciphertext.clone();
        bad[3] ^= 1;
        let mine = key.decrypt_chunked_implicit(&bad, 3).unwrap();
        let theirs = other.decrypt_chunked_implicit(&bad, 3).unwrap();
        assert!(!mine.is_genuine() && !theirs.is_genuine());
        assert_ne!(mine.plaintext(), theirs.plaintext());
        // Public facts are still plain errors, before any key work.
        assert_eq!(key.decrypt_chunked_implicit(&ciphertext[..k + 1], 3).unwrap_err(), CryptoError::DecryptFailed);
        assert_eq!(key.decrypt_chunked_implicit(&[], 3).unwrap_err(), CryptoError::DecryptFailed);
        assert_eq!(
            key.decrypt_chunked_implicit(&ciphertext, 2).unwrap_err(),
            CryptoError::TooManyBlocks { blocks: 3, max_blocks: 2 }
        );
    }
}

#[test]
fn stand_in_lengths_spread_over_the_range_of_a_block() {
    // Random blocks almost never have valid padding: each opens to a stand-in whose length is
    // drawn from 0..=k-11, like OpenSSL's synthetic length (not pinned at the maximum).
    let key = private(2048);
    let k = key.size();
    let lengths: Vec<usize> = (0u8..40)
        .map(|n| {
            let mut block = vec![n; k];
            block[0] = 0; // below the modulus
            let opened = key.decrypt_chunked_implicit(&block, 1).unwrap();
            assert!(!opened.is_genuine());
            opened.plaintext().len()
        })
        .collect();
    assert!(lengths.iter().all(|&l| l <= k - 11), "{lengths:?}");
    let distinct: std::collections::BTreeSet<_> = lengths.iter().collect();
    assert!(distinct.len() > 20, "{lengths:?}");
}
