#!/usr/bin/env python3
"""Decrypts and verifies a request envelope produced by the crate, as the platform would:
data with the platform private key, sign with the merchant public key. Reads the envelope JSON
on stdin; prints the plaintext JSON on stdout; exits 1 if anything fails."""
import base64
import hashlib
import json
import os
import sys

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding

HERE = os.path.dirname(os.path.abspath(__file__))


def b64any(s):
    s = s.replace("-", "+").replace("_", "/")
    return base64.b64decode(s + "=" * (-len(s) % 4))


def main():
    env = json.load(sys.stdin)
    platform = serialization.load_pem_private_key(open(os.path.join(HERE, "platform_private.pem"), "rb").read(), None)
    merchant_pub = serialization.load_der_public_key(b64any(open(os.path.join(HERE, "merchant_public.b64")).read().strip()))
    ct = b64any(env["data"])
    k = platform.key_size // 8
    if len(ct) % k:
        sys.exit(1)
    plaintext = b"".join(platform.decrypt(ct[i : i + k], padding.PKCS1v15()) for i in range(0, len(ct), k))
    md5_hex = hashlib.md5(plaintext).hexdigest().encode("ascii")
    merchant_pub.verify(b64any(env["sign"]), md5_hex, padding.PKCS1v15(), hashes.SHA256())
    sys.stdout.write(plaintext.decode("utf-8"))


if __name__ == "__main__":
    try:
        main()
    except Exception as e:  # noqa: BLE001
        print(f"rejected: {type(e).__name__}", file=sys.stderr)
        sys.exit(1)
