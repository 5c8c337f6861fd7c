//! The private-key work an input can cause, counted in operations (not timed): alone in its test
//! binary so that no other test's key work lands in the counts.
#![cfg(any(feature = "rust-crypto", feature = "aws-lc-rs"))]

use sign_core::CryptoError;
use sign_core::rsa::{PrivateKey, private_key_operations};

#[test]
fn a_ciphertext_over_the_cap_costs_no_key_work_and_one_within_costs_one_operation_per_block() {
    let key = PrivateKey::generate(2048).expect("key");
    let blocks = 4;
    let chunk = key.size() - 11;
    let ciphertext = key.public_key().encrypt_chunked(&vec![b'x'; chunk * blocks]).expect("encrypt");
    assert_eq!(ciphertext.len(), key.size() * blocks);

    let before = private_key_operations();
    assert_eq!(
        key.decrypt_chunked_at_most(&ciphertext, blocks - 1),
        Err(CryptoError::TooManyBlocks { blocks, max_blocks: blocks - 1 })
    );
    // 64 KiB of garbage: refused by length alone.
    assert!(matches!(key.decrypt_chunked_at_most(&[0u8; 65536], 8), Err(CryptoError::TooManyBlocks { .. })));
    assert_eq!(private_key_operations() - before, 0, "refused before any private-key operation");

    let before = private_key_operations();
    assert_eq!(
        key.decrypt_chunked_at_most(&ciphertext, blocks).expect("decrypt").as_slice(),
        vec![b'x'; chunk * blocks]
    );
    assert_eq!(private_key_operations() - before, blocks as u64);

    // Implicit rejection: a tampered ciphertext costs exactly the key work of a good one (every
    // block is decrypted, then the stand-in replaces the plaintext).
    let mut tampered = ciphertext.clone();
    tampered[key.size() + 5] ^= 0x40;
    let before = private_key_operations();
    let good = key.decrypt_chunked_implicit(&ciphertext, blocks).expect("good");
    let good_work = private_key_operations() - before;
    let before = private_key_operations();
    let bad = key.decrypt_chunked_implicit(&tampered, blocks).expect("tampered");
    let bad_work = private_key_operations() - before;
    assert!(good.is_genuine() && !bad.is_genuine());
    assert_eq!((good_work, bad_work), (blocks as u64, blocks as u64));

    let before = private_key_operations();
    key.sign_sha256(b"message").expect("sign");
    assert_eq!(private_key_operations() - before, 1);
}
