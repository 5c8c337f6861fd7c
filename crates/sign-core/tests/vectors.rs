//! Digest and MAC test vectors from the published RFCs (copied from the RFC texts, not computed).

use sign_core::digest::{hex_lower, hmac_sha1, md5_hex_lower, md5_hex_upper, sha256};

/// RFC 2202 section 3, test cases 1 to 7 for HMAC-SHA1.
#[test]
fn rfc2202_hmac_sha1() {
    let range: Vec<u8> = (0x01..=0x19).collect();
    let cases: Vec<(Vec<u8>, Vec<u8>, &str)> = vec![
        (vec![0x0b; 20], b"Hi There".to_vec(), "b617318655057264e28bc0b6fb378c8ef146be00"),
        (b"Jefe".to_vec(), b"what do ya want for nothing?".to_vec(), "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79"),
        (vec![0xaa; 20], vec![0xdd; 50], "125d7342b9ac11cd91a39af48aa17b4f63f175d3"),
        (range, vec![0xcd; 50], "4c9007f4026250c6bc8414f9bf50c86c2d7235da"),
        (vec![0x0c; 20], b"Test With Truncation".to_vec(), "4c1a03424b55e07fe7f27be1d58bb9324a9a5a04"),
        (
            vec![0xaa; 80],
            b"Test Using Larger Than Block-Size Key - Hash Key First".to_vec(),
            "aa4ae5e15272d00e95705637ce8a3b55ed402112",
        ),
        (
            vec![0xaa; 80],
            b"Test Using Larger Than Block-Size Key and Larger Than One Block-Size Data".to_vec(),
            "e8e99d0f45237d786d6bbaa7965c7808bbff1a91",
        ),
    ];
    for (i, (key, data, expected)) in cases.iter().enumerate() {
        assert_eq!(hex_lower(&hmac_sha1(key, data)), *expected, "RFC 2202 test case {}", i + 1);
    }
}

/// RFC 1321 appendix A.5, the MD5 test suite.
#[test]
fn rfc1321_md5() {
    let cases = [
        ("", "d41d8cd98f00b204e9800998ecf8427e"),
        ("a", "0cc175b9c0f1b6a831c399e269772661"),
        ("abc", "900150983cd24fb0d6963f7d28e17f72"),
        ("message digest", "f96b697d7cb7938d525a2f31aaf161d0"),
        ("abcdefghijklmnopqrstuvwxyz", "c3fcd3d76192e4007dfb496cca67e13b"),
        ("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", "d174ab98d277d9f5a5611c2c9f419d9f"),
        (
            "12345678901234567890123456789012345678901234567890123456789012345678901234567890",
            "57edf4a22be3c955ac49da2e2107b67a",
        ),
    ];
    for (input, expected) in cases {
        assert_eq!(md5_hex_lower(input.as_bytes()), expected, "MD5({input:?})");
        assert_eq!(md5_hex_upper(input.as_bytes()), expected.to_ascii_uppercase(), "MD5({input:?}) upper");
    }
}

/// FIPS 180-2 appendix B (B.1 and B.2) and the well-known empty-input digest.
#[test]
fn fips180_sha256() {
    let cases = [
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        (
            "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
        ),
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
    ];
    for (input, expected) in cases {
        assert_eq!(hex_lower(&sha256(input.as_bytes())), expected, "SHA-256({input:?})");
    }
}
