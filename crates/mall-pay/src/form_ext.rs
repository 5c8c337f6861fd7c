//! The request body's encoding, [`BodyEncoding`]: JSON, or a form for a backend that reads `$_POST`.

use serde::de::{Deserializer, MapAccess, Visitor};
use serde_json::value::RawValue;
use sign_core::InvalidRequest;

/// How the request body is written ([`ConfigBuilder::body_encoding`](crate::ConfigBuilder::body_encoding)).
///
/// The provider's documentation lists the fields with their types but names no content type, and
/// its backend is PHP (its Alipay string says `alipay-sdk-php`), where a handler often reads only
/// form fields. [`BodyEncoding::Json`] (the default) sends the JSON object; [`BodyEncoding::Form`]
/// sends the same fields as `application/x-www-form-urlencoded`, the way PHP's `http_build_query`
/// writes them:
///
/// - a field per top-level key, in the order of the JSON object; `null` fields are left out;
/// - a number is written with exactly its JSON digits (`pay_price` `0.1` stays `0.1`), a string
///   as it is, `true`/`false` as `1`/`0`;
/// - an object or array nests with brackets: `a[b]=1`, `a[0]=x` (only raw calls can send one);
/// - names and values are UTF-8, percent-encoded except `A-Z a-z 0-9 - _ .`, a space as `+`.
///
/// Nothing is signed (the `token` header is the whole authentication), so the encoded bytes are
/// exactly what is sent.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum BodyEncoding {
    /// A JSON object, `Content-Type: application/json; charset=utf-8` (the default).
    #[default]
    Json,
    /// `application/x-www-form-urlencoded` fields, as PHP's `$_POST` reads them.
    Form,
}

impl BodyEncoding {
    /// The `Content-Type` header value for this encoding.
    pub fn content_type(self) -> &'static str {
        match self {
            Self::Json => "application/json; charset=utf-8",
            Self::Form => "application/x-www-form-urlencoded",
        }
    }

    /// The body to send for the JSON text `json` (what `prepare` serialized): `json` itself, or
    /// its fields as a form.
    ///
    /// ```
    /// use mall_pay::BodyEncoding;
    ///
    /// let json = br#"{"order_id":1001,"pay_method":1,"pay_price":0.1,"address_id":7,"freight_mode":1}"#;
    /// let form = BodyEncoding::Form.encode(json, "order_pay")?;
    /// assert_eq!(form, b"order_id=1001&pay_method=1&pay_price=0.1&address_id=7&freight_mode=1");
    /// assert_eq!(BodyEncoding::Json.encode(json, "order_pay")?, json);
    /// # Ok::<(), mall_pay::InvalidRequest>(())
    /// ```
    ///
    /// # Errors
    /// [`InvalidRequest`] naming `context` when a form is asked for and `json` is not a JSON
    /// object (or `null`, an empty form).
    pub fn encode(self, json: &[u8], context: &str) -> Result<Vec<u8>, InvalidRequest> {
        match self {
            Self::Json => Ok(json.to_vec()),
            Self::Form => to_form(json)
                .map(String::into_bytes)
                .ok_or_else(|| InvalidRequest::new(format!("{context}: a form body must be a JSON object of fields"))),
        }
    }
}

/// The fields of the JSON object `json` as a form; `None` when it is not an object (`null` is an
/// empty form).
fn to_form(json: &[u8]) -> Option<String> {
    let text = std::str::from_utf8(json).ok()?.trim();
    if text == "null" {
        return Some(String::new());
    }
    let mut pairs = Vec::new();
    for (name, value) in object_entries(text)? {
        push_field(&mut pairs, &encode_component(&name), value.get().trim())?;
    }
    Some(pairs.join("&"))
}

/// One field (`name` already encoded) with its JSON `value`, nested ones as `name[key]`.
fn push_field(pairs: &mut Vec<String>, name: &str, value: &str) -> Option<()> {
    match value.as_bytes().first()? {
        b'n' => {} // null: left out, as http_build_query does
        b't' => pairs.push(format!("{name}=1")),
        b'f' => pairs.push(format!("{name}=0")),
        b'"' => {
            let text: String = serde_json::from_str(value).ok()?;
            pairs.push(format!("{name}={}", encode_component(&text)));
        }
        b'{' => {
            for (key, inner) in object_entries(value)? {
                push_field(pairs, &format!("{name}%5B{}%5D", encode_component(&key)), inner.get().trim())?;
            }
        }
        b'[' => {
            let items: Vec<Box<RawValue>> = serde_json::from_str(value).ok()?;
            for (index, inner) in items.iter().enumerate() {
                push_field(pairs, &format!("{name}%5B{index}%5D"), inner.get().trim())?;
            }
        }
        // A number: its JSON digits, which need no escaping except a sign or an exponent's `+`.
        _ => pairs.push(format!("{name}={}", encode_component(value))),
    }
    Some(())
}

/// The entries of a JSON object, in the order written.
fn object_entries(json: &str) -> Option<Vec<(String, Box<RawValue>)>> {
    struct Entries;
    impl<'de> Visitor<'de> for Entries {
        type Value = Vec<(String, Box<RawValue>)>;

        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("a JSON object")
        }

        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let mut entries = Vec::new();
            while let Some(entry) = map.next_entry::<String, Box<RawValue>>()? {
                entries.push(entry);
            }
            Ok(entries)
        }
    }
    let mut deserializer = serde_json::Deserializer::from_str(json);
    let entries = (&mut deserializer).deserialize_map(Entries).ok()?;
    deserializer.end().ok()?;
    Some(entries)
}

/// `text` percent-encoded for a form: `A-Z a-z 0-9 - _ .` kept, a space as `+`, every other UTF-8
/// byte as `%XX`.
fn encode_component(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => out.push(char::from(byte)),
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(json: &str) -> String {
        String::from_utf8(BodyEncoding::Form.encode(json.as_bytes(), "t").unwrap()).unwrap()
    }

    #[test]
    fn order_pay_fields_keep_their_order_and_digits() {
        // Expected values written by hand from the documentation's field table.
        assert_eq!(
            form(
                r#"{"order_id":1002,"pay_method":5,"pay_price":19.90,"pay_integral":300,"address_id":8,"freight_mode":2,"freight_json_arr_key":2}"#
            ),
            "order_id=1002&pay_method=5&pay_price=19.90&pay_integral=300&address_id=8&freight_mode=2&freight_json_arr_key=2"
        );
        assert_eq!(
            form(r#"{"pay_price":9999999999999.99,"n":-1,"e":1e+3}"#),
            "pay_price=9999999999999.99&n=-1&e=1e%2B3"
        );
    }

    #[test]
    fn text_is_percent_encoded_like_php() {
        // PHP's http_build_query rules (urlencode: all but `A-Za-z0-9-_.` escaped, `~` too), computed with
        // python3: quote_plus(s, safe='').replace('~', '%7E') for each name and value.
        assert_eq!(
            form(r#"{"name":"张 三&x=1","ok":true,"no":false,"gone":null,"k~":"a+b/c"}"#),
            "name=%E5%BC%A0+%E4%B8%89%26x%3D1&ok=1&no=0&k%7E=a%2Bb%2Fc"
        );
    }

    #[test]
    fn nested_values_use_brackets() {
        // python3, as above, over the names `a[b]`, `a[c][0]`, `a[c][1]` (PHP's bracket notation).
        assert_eq!(form(r#"{"a":{"b":1,"c":["x","y"]}}"#), "a%5Bb%5D=1&a%5Bc%5D%5B0%5D=x&a%5Bc%5D%5B1%5D=y");
    }

    #[test]
    fn only_an_object_or_null_makes_a_form() {
        assert_eq!(form("null"), "");
        assert_eq!(form("{}"), "");
        for json in ["[1,2]", "3", r#""x""#, "{", ""] {
            let err = BodyEncoding::Form.encode(json.as_bytes(), "raw").unwrap_err();
            assert_eq!(err.message(), "raw: a form body must be a JSON object of fields", "{json}");
        }
        assert_eq!(BodyEncoding::Json.encode(b"[1,2]", "raw").unwrap(), b"[1,2]");
    }
}
