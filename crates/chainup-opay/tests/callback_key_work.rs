//! The private-key work a callback or a response can cause, counted in operations (not timed):
//! alone in its test binary (one test) so that no other test's key work lands in the counts.

mod common;

use chainup_opay::sign_core::rsa::private_key_operations;
use chainup_opay::{
    Client, DEFAULT_MAX_CALLBACK_BLOCKS, Error, HttpResponse, MAX_CALLBACK_BODY_BYTES, OrderDetailRequest,
};
use common::*;
use serde_json::json;
use sign_core::encoding::base64_url_nopad;

/// `blocks` RSA-2048 blocks of garbage that pass the cheap `c < n` check (leading zero byte), so
/// each one would cost a private-key operation.
fn garbage(blocks: usize) -> String {
    let mut bytes = Vec::with_capacity(blocks * 256);
    for i in 0..blocks {
        bytes.push(0);
        bytes.extend((1..256).map(|j| ((i * 31 + j * 7) % 251) as u8 + 1));
    }
    base64_url_nopad(&bytes)
}

fn body(blocks: usize, sign_len: usize) -> Vec<u8> {
    let sign = base64_url_nopad(&vec![1u8; sign_len]);
    json!({"app_id": APP_KEY, "data": garbage(blocks), "sign": sign, "time": NOW_MS}).to_string().into_bytes()
}

#[test]
fn a_callback_of_the_largest_allowed_body_costs_at_most_the_block_cap() {
    let client = Client::sans_io(builder("https://s.example").build().unwrap());
    let cap = DEFAULT_MAX_CALLBACK_BLOCKS as u64;

    // The largest body accepted, filled with as many blocks as fit: refused by its block count.
    let mut blocks = 1;
    while body(blocks + 1, 256).len() <= MAX_CALLBACK_BODY_BYTES {
        blocks += 1;
    }
    assert!(blocks > DEFAULT_MAX_CALLBACK_BLOCKS, "the body cap alone allows {blocks} blocks");
    let before = private_key_operations();
    let largest = body(blocks, 256);
    assert!(matches!(client.verify_notification(NO_HEADERS, &largest), Err(Error::CallbackRejected)));
    assert!(private_key_operations() - before <= cap, "{} operations", private_key_operations() - before);

    // Exactly at the cap: decrypted (every block, as the oracle defence wants), never more.
    let before = private_key_operations();
    let at_cap = body(DEFAULT_MAX_CALLBACK_BLOCKS, 256);
    assert!(matches!(client.verify_notification(NO_HEADERS, &at_cap), Err(Error::CallbackRejected)));
    let spent = private_key_operations() - before;
    assert!(spent <= cap, "{spent} operations");

    // A `sign` that is not the key size, or a body over the old 64 KiB limit: no key work at all.
    let before = private_key_operations();
    assert!(client.verify_notification(NO_HEADERS, &body(4, 255)).is_err());
    assert!(client.verify_notification(NO_HEADERS, &body(190, 256)).is_err());
    assert_eq!(private_key_operations() - before, 0);

    // Responses: their own cap, checked before key work too.
    let capped = Client::sans_io(builder("https://s.example").max_response_blocks(8).build().unwrap());
    let response = HttpResponse::json(
        200,
        json!({"code": "0", "msg": "succ", "data": garbage(9), "sign": base64_url_nopad(&[1u8; 256])}).to_string(),
    );
    let before = private_key_operations();
    assert!(matches!(capped.parse::<OrderDetailRequest>(&response), Err(Error::ResponseUnverified)));
    assert_eq!(private_key_operations() - before, 0);
}
