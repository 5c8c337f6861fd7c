#!/usr/bin/env python3
"""Independent fixtures for chainup-opay, made with Python `cryptography` (not with the crate).

Usage (from crates/chainup-opay/testdata):
    python3 make_fixtures.py keys       # once: writes the TEST-ONLY key pairs
    python3 make_fixtures.py fixtures   # writes python_fixtures.json from those keys

The scheme, as the provider's Java demo (XRsa) implements it:
  data = base64url_nopad( RSA-PKCS1v15-encrypt(chunk) for chunks of k-11 bytes of the UTF-8 JSON )
  sign = base64url_nopad( SHA256withRSA( md5(json).hexdigest().encode("ascii") ) )
"""
import base64
import hashlib
import json
import os
import sys

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa

HERE = os.path.dirname(os.path.abspath(__file__))


def path(name):
    return os.path.join(HERE, name)


def b64url_nopad(b):
    return base64.urlsafe_b64encode(b).rstrip(b"=").decode()


def b64std(b):
    return base64.b64encode(b).decode()


def write_keys():
    for who in ("merchant", "platform", "stranger"):
        key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        pem = key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
        open(path(f"{who}_private.pem"), "wb").write(pem)
        spki = key.public_key().public_bytes(
            serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
        )
        # Bare Base64 DER without armour: how the provider hands keys out.
        open(path(f"{who}_public.b64"), "w").write(b64std(spki) + "\n")


def load_private(who):
    return serialization.load_pem_private_key(open(path(f"{who}_private.pem"), "rb").read(), password=None)


def encrypt_chunked(pub, plaintext):
    k = pub.key_size // 8
    out = b""
    for i in range(0, len(plaintext), k - 11):
        out += pub.encrypt(plaintext[i : i + k - 11], padding.PKCS1v15())
    return out


def sign(priv, plaintext):
    md5_hex = hashlib.md5(plaintext).hexdigest()
    return priv.sign(md5_hex.encode("ascii"), padding.PKCS1v15(), hashes.SHA256())


def bad_padding_block(pub):
    """One RSA block whose plaintext has block type 01 (signature padding), not 02: decrypting it
    with PKCS#1 v1.5 encryption padding must fail."""
    n = pub.public_numbers().n
    e = pub.public_numbers().e
    k = pub.key_size // 8
    em = b"\x00\x01" + b"\xff" * (k - 3 - 20) + b"\x00" + b"A" * 20
    c = pow(int.from_bytes(em, "big"), e, n)
    return c.to_bytes(k, "big")


def write_fixtures():
    merchant = load_private("merchant")
    platform = load_private("platform")
    stranger = load_private("stranger")
    fixtures = {"app_key": "test-app-key"}

    # 1. Responses as the platform sends them: encrypted for the merchant, signed by the platform.
    short = json.dumps({"orderNum": "10000000002"}, separators=(",", ":")).encode()
    detail = {
        "appOrderId": "11321",
        "orderNum": "10000000002",
        "orderStatus": "3",
        "orderAmount": "10.5",
        "payCoinSymbol": "BTC",
        "userId": 22033390,
        "ctime": 1700000000000,
        "appKey": "test-app-key",
        "showPrecision": 8,
        "googleStatus": 0,
        "isOpenMobileCheck": 0,
        "totalAccount": [
            {"accountName": f"账户 {i} (account {i})", "accountType": i, "accountBalance": f"{i}.25"}
            for i in range(12)
        ],
    }
    long = json.dumps(detail, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    assert len(long) > 2 * 245, len(long)
    fixtures["response_short"] = {
        "plaintext": short.decode(),
        "body": json.dumps(
            {
                "code": "0",
                "msg": "succ",
                "data": b64url_nopad(encrypt_chunked(merchant.public_key(), short)),
                "sign": b64url_nopad(sign(platform, short)),
            }
        ),
    }
    fixtures["response_long_std_base64"] = {
        "plaintext": long.decode("utf-8"),
        # Standard alphabet with padding: the crate must accept both alphabets.
        "body": json.dumps(
            {
                "code": "0",
                "msg": "succ",
                "data": b64std(encrypt_chunked(merchant.public_key(), long)),
                "sign": b64std(sign(platform, long)),
            }
        ),
    }
    fixtures["response_signed_by_stranger"] = {
        "body": json.dumps(
            {
                "code": "0",
                "msg": "succ",
                "data": b64url_nopad(encrypt_chunked(merchant.public_key(), short)),
                "sign": b64url_nopad(sign(stranger, short)),
            }
        ),
    }

    # 2. Callbacks to notifyPage.
    notification = json.dumps(
        {
            "outOrderId": "1000000009",
            "orderNum": "10000000002",
            "orderStatus": "3",
            "payAmount": "200",
            "returnUrl": "https://www.google.com",
        },
        separators=(",", ":"),
    ).encode()

    def callback(data_bytes, sig_bytes, enc=b64url_nopad, app_id="test-app-key", time=1700000000000):
        return json.dumps({"app_id": app_id, "data": enc(data_bytes), "sign": enc(sig_bytes), "time": time})

    ct = encrypt_chunked(merchant.public_key(), notification)
    good_sig = sign(platform, notification)
    fixtures["callback_plaintext"] = notification.decode()
    fixtures["callback_time"] = 1700000000000
    fixtures["callback_ok"] = callback(ct, good_sig)
    fixtures["callback_ok_std_base64"] = callback(ct, good_sig, enc=b64std)
    fixtures["callback_ok_time_as_string"] = callback(ct, good_sig, time="1700000000000")
    fixtures["callback_signed_by_stranger"] = callback(ct, sign(stranger, notification))
    fixtures["callback_encrypted_for_stranger"] = callback(
        encrypt_chunked(stranger.public_key(), notification), good_sig
    )
    fixtures["callback_bad_padding"] = callback(bad_padding_block(merchant.public_key()), good_sig)
    # A valid first block followed by a bad-padding block: the failure is not in the first block.
    fixtures["callback_bad_padding_second_block"] = callback(
        merchant.public_key().encrypt(notification[:100], padding.PKCS1v15())
        + bad_padding_block(merchant.public_key()),
        good_sig,
    )
    fixtures["callback_wrong_app_id"] = callback(ct, good_sig, app_id="other-app")

    # 3. A request as the merchant sends it (encrypted for the platform, signed by the merchant),
    #    for the sandbox to accept.
    create = json.dumps(
        {
            "appOrderId": "py-11321",
            "userId": "22033390",
            "orderAmount": "10",
            "payCoinSymbol": "BTC",
            "returnPage": "https://www.google.com",
            "notifyPage": "https://www.google.com",
        },
        separators=(",", ":"),
    ).encode()
    fixtures["request_create_order"] = {
        "plaintext": create.decode(),
        "body": json.dumps(
            {
                "app_id": "test-app-key",
                "data": b64url_nopad(encrypt_chunked(platform.public_key(), create)),
                "sign": b64url_nopad(sign(merchant, create)),
                "time": 1700000000000,
            }
        ),
    }

    # 4. Deterministic signature vectors (PKCS#1 v1.5 signatures are deterministic): the crate's
    #    `sign` over these plaintexts with the merchant key must equal these bytes exactly.
    vectors = []
    for text in [
        '{"orderNum":"1"}',
        '{"appKey":"test-app-key","orderNum":"10000000002"}',
        '{"name":"商品 1","desc":"Product information 123balabala"}',
        # exactly what the crate serializes for the requests in tests/client.rs:
        '{"appOrderId":"11321","userId":"22033390","orderAmount":"10","payCoinSymbol":"BTC",'
        '"returnPage":"https://www.google.com","notifyPage":"https://www.google.com"}',
        '{"orderType":"1","day":"2099-01-01","pageNum":"1","pageSize":"200"}',
        # the same create request with the configured appKey the client adds by default:
        '{"appKey":"test-app-key","appOrderId":"11321","userId":"22033390","orderAmount":"10",'
        '"payCoinSymbol":"BTC","returnPage":"https://www.google.com","notifyPage":"https://www.google.com"}',
    ]:
        b = text.encode("utf-8")
        vectors.append(
            {"plaintext": text, "md5_hex": hashlib.md5(b).hexdigest(), "sign": b64url_nopad(sign(merchant, b))}
        )
    fixtures["sign_vectors"] = vectors

    with open(path("python_fixtures.json"), "w") as f:
        json.dump(fixtures, f, indent=2, ensure_ascii=False)
        f.write("\n")


if __name__ == "__main__":
    {"keys": write_keys, "fixtures": write_fixtures}[sys.argv[1]]()
