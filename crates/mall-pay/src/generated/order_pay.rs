//! Order pay now (订单立即支付). Generated from `docs/mall-pay/order_pay.md`.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Request of `order_pay`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct OrderPayRequest {
    /// 订单id
    pub order_id: i64,
    /// 支付方式,1=微信支付,2=支付宝支付,3=积分,4=微信和积分支付,5支付宝和积分支付(说明:当积分足够购买商品时,不能选择api支付,当积分不足时,要选择api支付)
    pub pay_method: PayMethod,
    /// 支付金额 (yuan, a JSON number; required for API pay: methods 1, 2, 4, 5)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pay_price: Option<sign_core::DecimalNumber>,
    /// 支付积分 (required for points: methods 3, 4, 5)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pay_integral: Option<i64>,
    /// 地址id
    pub address_id: i64,
    /// 是否包邮 1=包邮 2=不包邮
    pub freight_mode: FreightMode,
    /// 默认 0,freight_mode=2必填,1=到付 2=商家自选
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub freight_json_arr_key: Option<FreightJsonArrKey>,
}

impl OrderPayRequest {
    /// A request with its required fields.
    pub fn new(order_id: i64, pay_method: PayMethod, address_id: i64, freight_mode: FreightMode) -> Self {
        Self {
            order_id,
            pay_method,
            pay_price: None,
            pay_integral: None,
            address_id,
            freight_mode,
            freight_json_arr_key: None,
        }
    }

    /// Sets `pay_price`.
    pub fn with_pay_price(mut self, value: sign_core::DecimalNumber) -> Self {
        self.pay_price = Some(value);
        self
    }

    /// Sets `pay_integral`.
    pub fn with_pay_integral(mut self, value: i64) -> Self {
        self.pay_integral = Some(value);
        self
    }

    /// Sets `freight_json_arr_key`.
    pub fn with_freight_json_arr_key(mut self, value: FreightJsonArrKey) -> Self {
        self.freight_json_arr_key = Some(value);
        self
    }
}

impl sign_core::Endpoint for OrderPayRequest {
    type Response = OrderPayData;
    const NAME: &'static str = "order_pay";
    const METHOD: sign_core::Method = sign_core::Method::Post;
    const PATH: &'static str = "";
    const IDEMPOTENT: bool = false;
}

macro_rules! int_enum {
    ($(#[$doc:meta])* $name:ident { $($(#[$vdoc:meta])* $variant:ident = $value:literal,)* }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum $name {
            $($(#[$vdoc])* $variant,)*
            /// A value not in the docs.
            Unknown(i64),
        }

        impl $name {
            /// The wire value.
            pub fn value(self) -> i64 {
                match self {
                    $(Self::$variant => $value,)*
                    Self::Unknown(v) => v,
                }
            }

            /// The variant for a wire value.
            pub fn from_value(v: i64) -> Self {
                match v {
                    $($value => Self::$variant,)*
                    other => Self::Unknown(other),
                }
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_i64(self.value())
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                i64::deserialize(deserializer).map(Self::from_value)
            }
        }
    };
}

int_enum!(
    /// PayMethod
    PayMethod {
        /// 微信支付
        Wechat = 1,
        /// 支付宝支付
        Alipay = 2,
        /// 积分
        Integral = 3,
        /// 微信和积分支付
        WechatIntegral = 4,
        /// 支付宝和积分支付
        AlipayIntegral = 5,
    }
);

int_enum!(
    /// FreightMode
    FreightMode {
        /// 包邮
        Free = 1,
        /// 不包邮
        NotFree = 2,
    }
);

int_enum!(
    /// FreightJsonArrKey
    FreightJsonArrKey {
        /// 到付
        CashOnDelivery = 1,
        /// 商家自选
        MerchantChoice = 2,
    }
);

/// OrderPayData
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct OrderPayData {
    /// 支付参数 (an object for WeChat, an Alipay order string for Alipay)
    pub pay_param: crate::PayParam,
}

/// WechatAppPayParam
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct WechatAppPayParam {
    /// 应用ID
    pub appid: String,
    /// 商户号
    pub partnerid: String,
    /// 预支付交易会话ID
    pub prepayid: String,
    /// 扩展字段
    pub package: String,
    /// 随机串
    pub noncestr: String,
    /// 时间戳
    pub timestamp: String,
    /// 签名
    pub sign: String,
}
