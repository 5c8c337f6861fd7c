//! `data.pay_param` (a hand-written type the generated [`OrderPayResponse`](crate::OrderPayResponse) uses):
//! what the app hands to the WeChat or Alipay SDK to finish paying.
//!
//! The provider sends an object for WeChat (`appid, partnerid, prepayid, package, noncestr,
//! timestamp, sign`, spelled as WeChat's app SDK expects them; that object written as JSON text is
//! read too) and a string for Alipay (the signed order string for the Alipay app SDK, to be passed
//! on byte for byte).

use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::generated::WechatAppPayParam;

/// The payment parameters for the app.
///
/// ```
/// use mall_pay::PayParam;
///
/// let wechat: PayParam = serde_json::from_str(r#"{"appid":"wxd65a13300ecaae03","partnerid":"1523813651",
///     "prepayid":"wx11102746130494c056cec7991228043100","package":"Sign=WXPay",
///     "noncestr":"0qsodzn796sfru0puj1fmtf2hz45so0n","timestamp":"1576031264",
///     "sign":"677C19A31F423BC18984CD9BF7D86CAD"}"#)?;
/// assert_eq!(wechat.wechat().map(|w| w.package.as_str()), Some("Sign=WXPay"));
///
/// let alipay: PayParam = serde_json::from_str(r#""app_id=2019121169879357&sign=s4lA+c/w==""#)?;
/// assert_eq!(alipay.alipay(), Some("app_id=2019121169879357&sign=s4lA+c/w=="));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum PayParam {
    /// WeChat app-pay parameters (an object on the wire). `sign` is WeChat's signature for the
    /// app, not a credential of ours.
    Wechat(WechatAppPayParam),
    /// The Alipay order string for the Alipay app SDK (a string on the wire), untouched.
    Alipay(String),
    /// No app payment step: `pay_param` was absent, `null`, `""`, `[]` or `{}`. The provider does
    /// not publish what a points-only payment returns; we assume it is one of these.
    Empty,
}

impl PayParam {
    /// The WeChat parameters, if these are WeChat's.
    pub fn wechat(&self) -> Option<&WechatAppPayParam> {
        match self {
            Self::Wechat(w) => Some(w),
            _ => None,
        }
    }

    /// The Alipay order string, if this is one.
    pub fn alipay(&self) -> Option<&str> {
        match self {
            Self::Alipay(s) => Some(s),
            _ => None,
        }
    }

    /// A short name of the kind: `"wechat"`, `"alipay"` or `"empty"`.
    pub fn kind(&self) -> &'static str {
        match self {
            Self::Wechat(_) => "wechat",
            Self::Alipay(_) => "alipay",
            Self::Empty => "empty",
        }
    }
}

impl<'de> Deserialize<'de> for PayParam {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // `Option` makes a missing `pay_param` field arrive here as `None` instead of failing.
        let value = Option::<serde_json::Value>::deserialize(deserializer)?;
        match value {
            None | Some(serde_json::Value::Null) => Ok(Self::Empty),
            Some(serde_json::Value::String(s)) if s.is_empty() => Ok(Self::Empty),
            // The WeChat object JSON-encoded once more (a PHP SDK that returns its app config as
            // JSON text): an Alipay order string is `key=value&...` and never starts with `{`.
            Some(serde_json::Value::String(s)) if s.trim_start().starts_with('{') => {
                match serde_json::from_str::<WechatAppPayParam>(&s) {
                    Ok(wechat) => Ok(Self::Wechat(wechat)),
                    Err(_) => Ok(Self::Alipay(s)),
                }
            }
            Some(serde_json::Value::String(s)) => Ok(Self::Alipay(s)),
            Some(serde_json::Value::Array(a)) if a.is_empty() => Ok(Self::Empty),
            Some(serde_json::Value::Object(o)) if o.is_empty() => Ok(Self::Empty),
            Some(object @ serde_json::Value::Object(_)) => {
                serde_json::from_value(object).map(Self::Wechat).map_err(|e| {
                    // serde's own text can quote the offending value (`integer `4111…``): go
                    // through sign-core's redaction, which an outer `DecodeError::from` would
                    // not apply to a message wrapped like this one.
                    let redacted = sign_core::DecodeError::from(e);
                    let detail = redacted.message().strip_prefix("invalid JSON: ").unwrap_or(redacted.message());
                    D::Error::custom(format!("WeChat pay_param: {detail}"))
                })
            }
            Some(_) => Err(D::Error::custom("pay_param is neither a WeChat object nor an Alipay string")),
        }
    }
}

impl Serialize for PayParam {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Wechat(w) => w.serialize(serializer),
            Self::Alipay(s) => serializer.serialize_str(s),
            Self::Empty => serializer.serialize_none(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::generated::OrderPayResponse;

    // The two success examples of the provider's documentation, verbatim.
    const WECHAT: &str = r#"{
        "pay_param": {
            "appid": "wxd65a13300ecaae03",
            "partnerid": "1523813651",
            "prepayid": "wx11102746130494c056cec7991228043100",
            "package": "Sign=WXPay",
            "noncestr": "0qsodzn796sfru0puj1fmtf2hz45so0n",
            "timestamp": "1576031264",
            "sign": "677C19A31F423BC18984CD9BF7D86CAD"
        }
    }"#;
    const ALIPAY_STRING: &str = r#"alipay_sdk=alipay-sdk-php-easyalipay-20190926&app_id=2019121169879357&biz_content={"body":"在线支付","subject": "在线支付","out_trade_no": "157615203168914672","timeout_express": "60m","total_amount": "0.01","product_code":"QUICK_MSECURITY_PAY"}&charset=UTF-8&format=json&method=alipay.trade.app.pay&notify_url=https://test.com&sign_type=RSA2&timestamp=2019-12-12 20:10:46&version=1.0&sign=s4lALt1mhGwP7NkWHgDgjQiQEvEdDhInWbR8YkBzj+cJLuIeIH3xjoIE6/CK4hma+MKcurtTm1VOunAZ9cTActdhsnwoxymnkltIOPUQNZCvzRVObTlFUCrqz2bnPZ1f9x/5/4IKkJ/M8bNRPNa79BzJkU0jM4jSJtxA6XNroe0wNgdMesVnp3HGLIwI1hx/3+nwfB0Hvig4AgP5ansXnW+R7yQLIH/soadMvV8fRLOW/LYJhJXJm4KItJz4vnq5hNhMj7nz1q3Bn5ost2f7OoMv/2qczjkgTRsCbkNCttGtdgaUp8OaY0toFMuVLryLj5LmJI+0tcL+XZ1E2wzvdw=="#;

    #[test]
    fn wechat_object_becomes_typed_fields() {
        let data: OrderPayResponse = serde_json::from_str(WECHAT).unwrap();
        let w = data.pay_param.wechat().unwrap();
        assert_eq!(w.appid, "wxd65a13300ecaae03");
        assert_eq!(w.partnerid, "1523813651");
        assert_eq!(w.prepayid, "wx11102746130494c056cec7991228043100");
        assert_eq!(w.package, "Sign=WXPay");
        assert_eq!(w.noncestr, "0qsodzn796sfru0puj1fmtf2hz45so0n");
        assert_eq!(w.timestamp, "1576031264");
        assert_eq!(w.sign, "677C19A31F423BC18984CD9BF7D86CAD");
        // Serializing gives back the provider's spelling, for handing to the app.
        let back = serde_json::to_value(&data.pay_param).unwrap();
        assert_eq!(back["package"], "Sign=WXPay");
        assert_eq!(back["noncestr"], "0qsodzn796sfru0puj1fmtf2hz45so0n");
    }

    #[test]
    fn alipay_string_is_kept_byte_for_byte() {
        let body = serde_json::json!({ "pay_param": ALIPAY_STRING }).to_string();
        let data: OrderPayResponse = serde_json::from_str(&body).unwrap();
        assert_eq!(data.pay_param.alipay(), Some(ALIPAY_STRING));
        assert_eq!(data.pay_param.kind(), "alipay");
    }

    #[test]
    fn wechat_object_sent_as_json_text_is_read_as_wechat() {
        let text: serde_json::Value = serde_json::from_str(WECHAT).unwrap();
        let body = serde_json::json!({ "pay_param": text["pay_param"].to_string() }).to_string();
        let data: OrderPayResponse = serde_json::from_str(&body).unwrap();
        assert_eq!(data.pay_param.wechat().map(|w| w.prepayid.as_str()), Some("wx11102746130494c056cec7991228043100"));
        // Text that only looks like an object stays the string it is.
        let data: OrderPayResponse = serde_json::from_str(r#"{"pay_param":"{not json"}"#).unwrap();
        assert_eq!(data.pay_param.alipay(), Some("{not json"));
    }

    #[test]
    fn empty_shapes_are_empty() {
        for body in ["{}", r#"{"pay_param":null}"#, r#"{"pay_param":""}"#, r#"{"pay_param":[]}"#, r#"{"pay_param":{}}"#]
        {
            let data: OrderPayResponse = serde_json::from_str(body).unwrap();
            assert_eq!(data.pay_param, PayParam::Empty, "{body}");
        }
    }

    #[test]
    fn other_shapes_are_errors() {
        for body in [
            r#"{"pay_param":42}"#,
            r#"{"pay_param":true}"#,
            r#"{"pay_param":["a"]}"#,
            r#"{"pay_param":{"appid":"wx"}}"#,
            r#"{"pay_param":{"appid":{},"partnerid":"","prepayid":"","package":"","noncestr":"","timestamp":"","sign":""}}"#,
        ] {
            assert!(serde_json::from_str::<OrderPayResponse>(body).is_err(), "{body}");
        }
    }

    #[test]
    fn wechat_numbers_are_read_as_their_text() {
        // A PHP backend writes `time()` and a numeric merchant id as JSON numbers; the app needs the
        // same characters either way.
        let body = r#"{"pay_param":{"appid":"wxd65a13300ecaae03","partnerid":1523813651,"prepayid":"wx1",
            "package":"Sign=WXPay","noncestr":"n","timestamp":1576031264,"sign":"677C"}}"#;
        let data: OrderPayResponse = serde_json::from_str(body).unwrap();
        let w = data.pay_param.wechat().unwrap();
        assert_eq!((w.partnerid.as_str(), w.timestamp.as_str()), ("1523813651", "1576031264"));
    }
}
