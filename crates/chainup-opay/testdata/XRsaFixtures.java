// Fixtures made the way the provider's official Java demo (XRsa style) does it:
// Cipher.getInstance("RSA") (= RSA/ECB/PKCS1Padding) in chunks of keySize/8 - 11 bytes,
// Signature.getInstance("SHA256withRSA") over the lowercase hex MD5 of the JSON,
// URL-safe Base64 without padding. TEST-ONLY keys from this directory.
//
// Usage (from crates/chainup-opay/testdata, JDK 11+ runs a single source file directly):
//   java XRsaFixtures.java fixtures > java_fixtures.json
//   java XRsaFixtures.java verify < crate_output_request.json      (prints the plaintext JSON)
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Cipher;

public class XRsaFixtures {
    static PrivateKey privateKey(String who) throws Exception {
        String pem = Files.readString(Path.of(who + "_private.pem"));
        String b64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(b64)));
    }

    static PublicKey publicKey(String who) throws Exception {
        String b64 = Files.readString(Path.of(who + "_public.b64")).replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(b64)));
    }

    static int keyBytes(java.security.Key key) {
        return ((RSAKey) key).getModulus().bitLength() / 8;
    }

    static String encrypt(String json, PublicKey key) throws Exception {
        Cipher cipher = Cipher.getInstance("RSA");
        cipher.init(Cipher.ENCRYPT_MODE, key);
        byte[] data = json.getBytes(StandardCharsets.UTF_8);
        int max = keyBytes(key) - 11;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int off = 0; off < data.length; off += max) {
            out.write(cipher.doFinal(data, off, Math.min(max, data.length - off)));
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray());
    }

    static String decrypt(String data, PrivateKey key) throws Exception {
        Cipher cipher = Cipher.getInstance("RSA");
        cipher.init(Cipher.DECRYPT_MODE, key);
        byte[] bytes = Base64.getUrlDecoder().decode(data);
        int k = keyBytes(key);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int off = 0; off < bytes.length; off += k) {
            out.write(cipher.doFinal(bytes, off, Math.min(k, bytes.length - off)));
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    static String md5Hex(String json) throws Exception {
        byte[] d = MessageDigest.getInstance("MD5").digest(json.getBytes(StandardCharsets.UTF_8));
        StringBuilder sb = new StringBuilder();
        for (byte b : d) sb.append(String.format("%02x", b));
        return sb.toString();
    }

    static String sign(String json, PrivateKey key) throws Exception {
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initSign(key);
        s.update(md5Hex(json).getBytes(StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.sign());
    }

    static boolean verify(String json, String sign, PublicKey key) throws Exception {
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initVerify(key);
        s.update(md5Hex(json).getBytes(StandardCharsets.UTF_8));
        return s.verify(Base64.getUrlDecoder().decode(sign));
    }

    static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        if (!m.find()) throw new IllegalArgumentException("no " + name);
        return m.group(1);
    }

    public static void main(String[] args) throws Exception {
        PrivateKey merchant = privateKey("merchant");
        PrivateKey platform = privateKey("platform");
        if (args[0].equals("verify")) {
            String env = new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
            String plain = decrypt(field(env, "data"), platform);
            if (!verify(plain, field(env, "sign"), publicKey("merchant"))) {
                System.err.println("signature does not verify");
                System.exit(1);
            }
            System.out.print(plain);
            return;
        }
        String notification = "{\"outOrderId\":\"J-1000000009\",\"orderNum\":\"10000000003\",\"orderStatus\":\"2\","
                + "\"payAmount\":\"0.00012345\",\"returnUrl\":\"https://www.google.com\"}";
        String callback = "{\"app_id\":\"test-app-key\",\"data\":" + quote(encrypt(notification, publicKey("merchant")))
                + ",\"sign\":" + quote(sign(notification, platform)) + ",\"time\":1700000000000}";
        String create = "{\"appOrderId\":\"java-11321\",\"openId\":\"2ae04ed9165624419bad68e9e0f3f29fbd\","
                + "\"orderAmount\":\"0.5\",\"payCoinSymbol\":\"USDT\",\"returnPage\":\"https://www.google.com\","
                + "\"notifyPage\":\"https://www.google.com\",\"goods\":\"[{\\\"name\\\":\\\"商品 1\\\",\\\"desc\\\":\\\"d\\\"}]\"}";
        String request = "{\"app_id\":\"test-app-key\",\"data\":" + quote(encrypt(create, publicKey("platform")))
                + ",\"sign\":" + quote(sign(create, merchant)) + ",\"time\":1700000000000}";
        String vector = "{\"orderNum\":\"1\"}";
        System.out.println("{");
        System.out.println("  \"callback_plaintext\": " + quote(notification) + ",");
        System.out.println("  \"callback\": " + quote(callback) + ",");
        System.out.println("  \"request_plaintext\": " + quote(create) + ",");
        System.out.println("  \"request\": " + quote(request) + ",");
        System.out.println("  \"sign_of_orderNum_1\": " + quote(sign(vector, merchant)));
        System.out.println("}");
    }
}
