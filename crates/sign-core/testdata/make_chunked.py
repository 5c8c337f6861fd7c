"""Independent chunked PKCS#1 v1.5 ciphertexts, made with Python's `cryptography` package.

Plaintext: bytes(i % 251 for i in range(N)) for N = 600 (2048-bit key, 3 blocks) and N = 300
(1024-bit key, 3 blocks). Each chunk of (key bytes - 11) plaintext bytes is encrypted on its own and the
blocks are concatenated, which is what the chunked scheme of the providers (XRsa-style demos) does.
Run from this folder: python3 make_chunked.py
"""
import base64
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import padding

for bits, n in ((2048, 600), (1024, 300)):
    with open(f"rsa{bits}_spki.pem", "rb") as f:
        pub = serialization.load_pem_public_key(f.read())
    k = pub.key_size // 8
    plain = bytes(i % 251 for i in range(n))
    out = b"".join(pub.encrypt(plain[i:i + k - 11], padding.PKCS1v15()) for i in range(0, n, k - 11))
    with open(f"rsa{bits}_chunked_ciphertext.b64", "w") as f:
        f.write(base64.b64encode(out).decode())
