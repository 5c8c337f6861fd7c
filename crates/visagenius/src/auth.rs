//! The provider's signing rule, in one place.
//!
//! Every request carries four headers:
//!
//! | header | value |
//! |---|---|
//! | `X-Date` and `Date` | the current time as an RFC 1123 date in GMT, e.g. `Fri, 21 Oct 2022 07:28:00 GMT` |
//! | `X-Appid` | the app id |
//! | `Authorization` | `"Basic " + base64(hmac_sha1(secret_key, access_key + "\n" + appid + "\n" + date))` |
//!
//! The provider's prose names the date header `Date` ("Date/X-Date"), its header table and its
//! sample `X-Date`: the client sends the same date string in both, so either reading finds it.
//! The date in the signed string and in the headers must be the very same string, so the client
//! formats it once and passes it to [`authorization`]. The server rejects a date more than five
//! minutes away from its own clock.

use sign_core::SecretString;
use sign_core::{digest, encoding};

/// The header carrying the request date (the provider's header table and sample).
pub const DATE_HEADER: &str = "X-Date";
/// The standard HTTP header that carries the same date string (the provider's prose names it).
pub const HTTP_DATE_HEADER: &str = "Date";
/// The header carrying the app id.
pub const APPID_HEADER: &str = "X-Appid";
/// The header carrying the signature.
pub const AUTHORIZATION_HEADER: &str = "Authorization";

/// The `Authorization` header value for a request dated `date` (the exact `X-Date` and `Date` string):
/// `"Basic " + base64(hmac_sha1(secret_key, access_key + "\n" + appid + "\n" + date))`.
///
/// ```
/// use sign_core::SecretString;
/// // printf 'AKIDexample\napp-10001\nWed, 21 Oct 2022 07:28:00 GMT' \
/// //   | openssl dgst -sha1 -hmac 's3cr3t-KEY' -binary | base64
/// let value = visagenius::auth::authorization(
///     &SecretString::from("AKIDexample"),
///     &SecretString::from("s3cr3t-KEY"),
///     "app-10001",
///     "Wed, 21 Oct 2022 07:28:00 GMT",
/// );
/// assert_eq!(value, "Basic V3vr3kvv7dTMZDVRxqdJCtrB1w4=");
/// ```
pub fn authorization(access_key: &SecretString, secret_key: &SecretString, appid: &str, date: &str) -> String {
    // The string to sign is fed to the MAC in its parts: no buffer ever holds the access key.
    let mac = digest::hmac_sha1_parts(
        secret_key.expose().as_bytes(),
        &[access_key.expose().as_bytes(), b"\n", appid.as_bytes(), b"\n", date.as_bytes()],
    );
    // "Basic " and the 28 characters of a 20-byte MAC in Base64.
    let mut value = String::with_capacity(6 + 28);
    value.push_str("Basic ");
    encoding::base64_std_into(&mac, &mut value);
    value
}

#[cfg(test)]
mod tests {
    use super::*;

    // Expected values computed independently with the OpenSSL CLI (and cross-checked with
    // Python's hmac/hashlib), never with this crate:
    //   printf '<access_key>\n<appid>\n<date>' | openssl dgst -sha1 -hmac '<secret_key>' -binary | base64
    #[test]
    fn matches_openssl_vectors() {
        let cases = [
            // printf 'AKIDexample\napp-10001\nWed, 21 Oct 2022 07:28:00 GMT' | openssl dgst -sha1 -hmac 's3cr3t-KEY' -binary | base64
            ("AKIDexample", "s3cr3t-KEY", "app-10001", "Wed, 21 Oct 2022 07:28:00 GMT", "V3vr3kvv7dTMZDVRxqdJCtrB1w4="),
            // printf 'AKIDexample\napp-10001\nFri, 21 Oct 2022 07:28:00 GMT' | openssl dgst -sha1 -hmac 's3cr3t-KEY' -binary | base64
            ("AKIDexample", "s3cr3t-KEY", "app-10001", "Fri, 21 Oct 2022 07:28:00 GMT", "HsYi7QMCnNZtOsRGI+bE+ukk4Go="),
            // printf 'vg-sandbox-access-key\nvg-sandbox-app\nSun, 22 Nov 2026 01:00:00 GMT' | openssl dgst -sha1 -hmac 'vg-sandbox-secret-key' -binary | base64
            (
                "vg-sandbox-access-key",
                "vg-sandbox-secret-key",
                "vg-sandbox-app",
                "Sun, 22 Nov 2026 01:00:00 GMT",
                "d8fXGOpzYH5CEKjIrSyxzGXDhsY=",
            ),
        ];
        for (ak, sk, appid, date, b64) in cases {
            let got = authorization(&SecretString::from(ak), &SecretString::from(sk), appid, date);
            assert_eq!(got, format!("Basic {b64}"), "{appid} {date}");
        }
    }

    #[test]
    fn every_input_changes_the_signature() {
        let (ak, sk) = (SecretString::from("ak"), SecretString::from("sk"));
        let base = authorization(&ak, &sk, "app", "Fri, 21 Oct 2022 07:28:00 GMT");
        assert_ne!(base, authorization(&SecretString::from("ak2"), &sk, "app", "Fri, 21 Oct 2022 07:28:00 GMT"));
        assert_ne!(base, authorization(&ak, &SecretString::from("sk2"), "app", "Fri, 21 Oct 2022 07:28:00 GMT"));
        assert_ne!(base, authorization(&ak, &sk, "app2", "Fri, 21 Oct 2022 07:28:00 GMT"));
        assert_ne!(base, authorization(&ak, &sk, "app", "Fri, 21 Oct 2022 07:28:01 GMT"));
    }
}
