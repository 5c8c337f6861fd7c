//! One representative endpoint per provider: its configuration, request and a canned answer the
//! provider could give (so that the client parses a real response, not an error).

use sign_core::rsa::PrivateKey;

/// visagenius: the product detail query (HMAC-SHA1 `Authorization`).
pub mod visagenius {
    /// The endpoint's path.
    pub const PATH: &str = "/openvisa/product_query";
    /// The provider's success envelope with a full product.
    pub const ANSWER: &str = r#"{"ret":0,"msg":"ok","body":{"product_id":10106,"product_name":"韩国单次旅游签证","country_code":"KR","visa_type_id":1,"visa_form":1,"entry_count_unit":"单次","validity_period_unit":"90天","price":36900,"update_time":"2024-11-29 10:00:00","stay_duration_unit":"30天","need_interview":0,"need_delivery":1}}"#;
    /// `access_key`.
    pub const ACCESS_KEY: &str = "AKIDexample";
    /// `appid`.
    pub const APPID: &str = "app-10001";
    /// `secret_key`.
    pub const SECRET_KEY: &str = "s3cr3t-KEY";

    /// The configuration for `base_url`.
    pub fn config(base_url: &str) -> visagenius::Config {
        visagenius::Config::builder()
            .base_url(base_url)
            .appid(APPID)
            .access_key(ACCESS_KEY)
            .secret_key(SECRET_KEY)
            .build()
            .expect("a valid visagenius configuration")
    }

    /// The request.
    pub fn request() -> visagenius::ProductQueryRequest {
        visagenius::ProductQueryRequest::new(10106)
    }
}

/// acqra-gateway: the payment query, after the access token (the token in a header; nothing signed).
pub mod acqra {
    use acqra_gateway::{PaymentMethodType, QueryRequest};

    /// The token endpoint's path.
    pub const TOKEN_PATH: &str = "/gateway/v1/connect/token";
    /// The token answer.
    pub const TOKEN_ANSWER: &str = r#"{"respCode":"0000","respMsg":"success","accessToken":"eyJhbGciOiJIUzI1NiJ9.bench-token.sig","expiresIn":3600}"#;
    /// The endpoint's path.
    pub const PATH: &str = "/gateway/v1/query";
    /// A paid card order.
    pub const ANSWER: &str = r#"{"respCode":"0000","respMsg":"success","order":{"orderNo":"ORDER-0001","orderStatus":"successed","orderStatusDesc":"paid","payAmount":100.99,"tradeCurrency":"USD","tradeNo":"T202501010000001","paymentMethodType":"card","payTime":"2025-01-01 10:00:00","mercName":"Bench Shop","clientIp":"203.0.113.7"},"extend":{"authorizeCode":"A1B2C3","bin":"411111","cardClass":"credit","riskScore":"10"}}"#;

    /// The configuration for `base_url`.
    pub fn config(base_url: &str) -> acqra_gateway::Config {
        acqra_gateway::Config::builder()
            .base_url(base_url)
            .app_id("bench-app")
            .secret("bench-secret")
            .build()
            .expect("a valid acqra configuration")
    }

    /// The request.
    pub fn request() -> QueryRequest {
        QueryRequest::new(PaymentMethodType::Card).with_order_no("ORDER-0001")
    }
}

/// vip-charge: the membership recharge order, MD5-signed.
pub mod vip_charge {
    /// The endpoint's path.
    pub const PATH: &str = "/v1/openapi/order/VIPCharge";
    /// An accepted order.
    pub const ANSWER: &str = r#"{"status":0,"message":"success","data":{"orderCode":"VC202501010000001","bizCode":"B-0001","account":"13800000000","settlementPrice":9.9}}"#;
    /// The MD5 secret.
    pub const MD5_SECRET: &str = "md5-secret-key";
    /// `businessId`.
    pub const BUSINESS_ID: &str = "55";

    /// The configuration for `base_url`, signing with MD5.
    pub fn config(base_url: &str) -> vip_charge::Config {
        vip_charge::Config::builder()
            .base_url(base_url)
            .business_id(BUSINESS_ID)
            .md5_secret_key(MD5_SECRET)
            .build()
            .expect("a valid vip-charge configuration")
    }

    /// The configuration for `base_url`, signing with SHA256-RSA and `key`.
    pub fn rsa_config(base_url: &str, key: sign_core::rsa::PrivateKey) -> vip_charge::Config {
        vip_charge::Config::builder()
            .base_url(base_url)
            .business_id(BUSINESS_ID)
            .rsa_private_key_parsed(key.clone())
            .platform_public_key_parsed(key.public_key())
            .build()
            .expect("a valid vip-charge configuration")
    }

    /// The request.
    pub fn request() -> vip_charge::VipChargeRequest {
        vip_charge::VipChargeRequest::builder()
            .merchant_id("166")
            .business_id(BUSINESS_ID)
            .product_code("87103")
            .account("13800000000")
            .biz_code("B-0001")
            .build()
            .expect("a valid recharge order")
    }
}

/// mall-pay: paying an order with WeChat (the user's token in a header; nothing signed).
pub mod mall_pay {
    use mall_pay::{Freight, OrderPayRequest, PayOrder, PayWith, Yuan};

    /// The pay path (the provider does not publish one; configured).
    pub const PATH: &str = "/api/order/pay";
    /// WeChat app-pay parameters.
    pub const ANSWER: &str = r#"{"status":200,"msg":"ok","data":{"pay_param":{"appid":"wxd65a13300ecaae03","partnerid":"1523813651","prepayid":"wx11102746130494c056cec7991228043100","package":"Sign=WXPay","noncestr":"0qsodzn796sfru0puj1fmtf2hz45so0n","timestamp":"1576031264","sign":"C0B6D4A6F1D0C3E2B1A0F9E8D7C6B5A4"}}}"#;

    /// The configuration for `base_url`.
    pub fn config(base_url: &str) -> mall_pay::Config {
        mall_pay::Config::builder()
            .base_url(base_url)
            .pay_path(PATH)
            .token("user-token-0123456789abcdef")
            .build()
            .expect("a valid mall-pay configuration")
    }

    /// The request.
    pub fn request() -> OrderPayRequest {
        let price = Yuan::parse("0.1").expect("an amount");
        PayOrder::new(1001, 7, PayWith::wechat(price), Freight::Free).expect("a valid order").into()
    }
}

/// chainup-opay: creating an order (the business JSON RSA-encrypted for the platform and signed by
/// the merchant; the answer encrypted for the merchant and signed by the platform).
pub mod chainup {
    use chainup_opay::envelope::{EnvelopeTime, RequestEnvelope};
    use chainup_opay::{CreateThirdOrderRequest, Decimal, Payer};

    use super::PrivateKey;

    /// The keys of this run, generated when first used (a second or so with the pure-Rust backend).
    pub static KEYS: std::sync::LazyLock<Keys> = std::sync::LazyLock::new(Keys::generate);

    /// The endpoint's path.
    pub const PATH: &str = "/platformapi/chainup/open/opay/createThirdOrder";
    /// The merchant's app key.
    pub const APP_KEY: &str = "bench-app-key";
    /// The plaintext of the answer to createThirdOrder.
    pub const ANSWER_PLAINTEXT: &str = r#"{"orderNum":"202501010000000001"}"#;
    /// The plaintext of a payment callback.
    pub const NOTIFICATION_PLAINTEXT: &str = r#"{"outOrderId":"merchant-order-1","orderNum":"202501010000000001","orderStatus":3,"payAmount":"10.5","returnUrl":"https://merchant.example.com/paid"}"#;

    /// The merchant's and the platform's RSA-2048 keys, generated for this run.
    pub struct Keys {
        /// Signs requests, decrypts answers and callbacks.
        pub merchant: PrivateKey,
        /// Encrypts answers and callbacks, signs them.
        pub platform: PrivateKey,
    }

    impl Keys {
        /// Two fresh RSA-2048 keys.
        pub fn generate() -> Self {
            Self {
                merchant: PrivateKey::generate(2048).expect("an RSA-2048 key"),
                platform: PrivateKey::generate(2048).expect("an RSA-2048 key"),
            }
        }
    }

    /// The merchant's configuration for `base_url`, callback replay protection off (the same
    /// callback is verified over and over).
    pub fn config(base_url: &str, keys: &Keys) -> chainup_opay::Config {
        chainup_opay::Config::builder()
            .base_url(base_url)
            .app_key(APP_KEY)
            .merchant_private_key_parsed(keys.merchant.clone())
            .platform_public_key_parsed(keys.platform.public_key())
            .callback_replay_protection(false)
            .build()
            .expect("a valid chainup configuration")
    }

    /// The request.
    pub fn request() -> CreateThirdOrderRequest {
        CreateThirdOrderRequest::for_payer(
            Payer::UserId("22033390".into()),
            "merchant-order-1",
            "10.5".parse::<Decimal>().expect("an amount"),
            "USDT",
            "https://merchant.example.com/paid",
            "https://merchant.example.com/opay/notify",
        )
    }

    /// The platform's success answer to createThirdOrder, sealed for the merchant.
    pub fn answer(keys: &Keys) -> String {
        let (data, sign) =
            chainup_opay::auth::seal(ANSWER_PLAINTEXT.as_bytes(), &keys.merchant.public_key(), &keys.platform)
                .expect("a sealed answer");
        serde_json::json!({"code": "0", "msg": "success", "data": data, "sign": sign}).to_string()
    }

    /// A payment callback body as the platform POSTs it.
    pub fn notification(keys: &Keys) -> Vec<u8> {
        let envelope = RequestEnvelope::seal(
            APP_KEY,
            NOTIFICATION_PLAINTEXT.as_bytes(),
            &keys.merchant.public_key(),
            &keys.platform,
            EnvelopeTime::Number(1_735_725_600_000),
        )
        .expect("a sealed callback");
        serde_json::to_vec(&envelope).expect("an envelope serializes")
    }
}
