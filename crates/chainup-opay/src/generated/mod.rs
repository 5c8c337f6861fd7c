//! Models and [`Endpoint`](sign_core::Endpoint) impls for the ChainUP opay API, from
//! `docs/chainup-opay/`.
//!
//! PLACEHOLDER: written by hand from `docs/chainup-opay/*.md` in the shape `cargo xtask codegen`
//! is specified to produce (docs/README.md), because the generator did not exist yet when this
//! crate was written. `cargo xtask codegen --provider chainup-opay` replaces this file.

#![allow(clippy::all)]

use serde::{Deserialize, Serialize};

macro_rules! setter {
    ($(#[$doc:meta])* $name:ident, $field:ident: $ty:ty) => {
        $(#[$doc])*
        pub fn $name(mut self, value: impl Into<$ty>) -> Self {
            self.$field = Some(value.into());
            self
        }
    };
}

/// Create a payment order (createThirdOrder)
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CreateThirdOrderRequest {
    /// Merchant Order ID
    #[serde(rename = "appOrderId")]
    pub app_order_id: String,
    /// Paying user's unique ID: payerUserId (either UID or OpenID must exist, OpenID takes priority if both exist)
    #[serde(rename = "openId", skip_serializing_if = "Option::is_none", default)]
    pub open_id: Option<String>,
    /// Paying user's UID (either UID or OpenID must exist, OpenID takes priority if both exist): payerUid
    #[serde(rename = "userId", skip_serializing_if = "Option::is_none", default)]
    pub user_id: Option<String>,
    /// amount
    #[serde(rename = "orderAmount")]
    pub order_amount: sign_core::Decimal,
    /// Scene type of the order, numerical enumeration
    #[serde(rename = "orderSceneType", skip_serializing_if = "Option::is_none", default)]
    pub order_scene_type: Option<String>,
    /// Payment currency, capitalized as BTC
    #[serde(rename = "payCoinSymbol")]
    pub pay_coin_symbol: String,
    /// Merchant AppKey (the scraped table shows the name `appKey` after payCoinSymbol without its other columns; sent when set)
    #[serde(rename = "appKey", skip_serializing_if = "Option::is_none", default)]
    pub app_key: Option<String>,
    /// Front-end jump to merchant's page
    #[serde(rename = "returnPage")]
    pub return_page: String,
    /// Address for back-office notification to merchants
    #[serde(rename = "notifyPage")]
    pub notify_page: String,
    /// Authorized token
    #[serde(with = "sign_core::secret::serde_expose::option", skip_serializing_if = "Option::is_none", default)]
    pub token: Option<sign_core::SecretString>,
    /// Product description information, can not be passed, passed must be legal json format, otherwise the order creation failure; json in the subfield for name : product name desc: product description
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub goods: Option<String>,
}

impl CreateThirdOrderRequest {
    /// A request with the required fields.
    pub fn new(
        app_order_id: impl Into<String>,
        order_amount: impl Into<sign_core::Decimal>,
        pay_coin_symbol: impl Into<String>,
        return_page: impl Into<String>,
        notify_page: impl Into<String>,
    ) -> Self {
        Self {
            app_order_id: app_order_id.into(),
            open_id: None,
            user_id: None,
            order_amount: order_amount.into(),
            order_scene_type: None,
            pay_coin_symbol: pay_coin_symbol.into(),
            app_key: None,
            return_page: return_page.into(),
            notify_page: notify_page.into(),
            token: None,
            goods: None,
        }
    }
    setter!(/// Sets `openId`.
        with_open_id, open_id: String);
    setter!(/// Sets `userId`.
        with_user_id, user_id: String);
    setter!(/// Sets `orderSceneType`.
        with_order_scene_type, order_scene_type: String);
    setter!(/// Sets `appKey`.
        with_app_key, app_key: String);
    setter!(/// Sets `token`.
        with_token, token: sign_core::SecretString);
    setter!(/// Sets `goods`.
        with_goods, goods: String);
}

impl sign_core::Endpoint for CreateThirdOrderRequest {
    type Response = CreateThirdOrderResponse;
    const NAME: &'static str = "create_order";
    const METHOD: sign_core::Method = sign_core::Method::Post;
    const PATH: &'static str = "/platformapi/chainup/open/opay/createThirdOrder";
    const IDEMPOTENT: bool = false;
}

/// CreateThirdOrderResponse
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CreateThirdOrderResponse {
    /// Open Platform Order Number
    #[serde(rename = "orderNum")]
    pub order_num: crate::FlexString,
}

/// Query Payment Order (orderDetail)
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct OrderDetailRequest {
    /// Merchant AppKey
    #[serde(rename = "appKey")]
    pub app_key: String,
    /// Platform side order number
    #[serde(rename = "orderNum")]
    pub order_num: String,
    /// Authorized token
    #[serde(with = "sign_core::secret::serde_expose::option", skip_serializing_if = "Option::is_none", default)]
    pub token: Option<sign_core::SecretString>,
}

impl OrderDetailRequest {
    /// A request with the required fields.
    pub fn new(app_key: impl Into<String>, order_num: impl Into<String>) -> Self {
        Self { app_key: app_key.into(), order_num: order_num.into(), token: None }
    }
    setter!(/// Sets `token`.
        with_token, token: sign_core::SecretString);
}

impl sign_core::Endpoint for OrderDetailRequest {
    type Response = OrderDetail;
    const NAME: &'static str = "order_detail";
    const METHOD: sign_core::Method = sign_core::Method::Post;
    const PATH: &'static str = "/platformapi/chainup/open/opay/orderDetail";
    const IDEMPOTENT: bool = true;
}

/// OrderDetail
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct OrderDetail {
    /// Merchant Order ID
    #[serde(rename = "appOrderId", skip_serializing_if = "Option::is_none", default)]
    pub app_order_id: Option<crate::FlexString>,
    /// Platform side order number
    #[serde(rename = "orderNum")]
    pub order_num: crate::FlexString,
    /// Order status (1 Pending payment; 2 Payment failed; 3 Payment successful; 0 Closed)
    #[serde(rename = "orderStatus")]
    pub order_status: crate::OrderStatus,
    /// Order amount
    #[serde(rename = "orderAmount", skip_serializing_if = "Option::is_none", default)]
    pub order_amount: Option<sign_core::Decimal>,
    /// Payment currency
    #[serde(rename = "payCoinSymbol", skip_serializing_if = "Option::is_none", default)]
    pub pay_coin_symbol: Option<String>,
    /// Paying user's UID
    #[serde(rename = "userId", skip_serializing_if = "Option::is_none", default)]
    pub user_id: Option<crate::FlexString>,
    /// Creation time
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub ctime: Option<crate::FlexString>,
    /// Merchant AppKey
    #[serde(rename = "appKey", skip_serializing_if = "Option::is_none", default)]
    pub app_key: Option<crate::FlexString>,
    /// Display precision
    #[serde(rename = "showPrecision", skip_serializing_if = "Option::is_none", default)]
    pub show_precision: Option<crate::FlexString>,
    /// Google authenticator status
    #[serde(rename = "googleStatus", skip_serializing_if = "Option::is_none", default)]
    pub google_status: Option<crate::FlexString>,
    /// Whether mobile verification is on
    #[serde(rename = "isOpenMobileCheck", skip_serializing_if = "Option::is_none", default)]
    pub is_open_mobile_check: Option<crate::FlexString>,
    /// Accounts
    #[serde(rename = "totalAccount", skip_serializing_if = "Option::is_none", default)]
    pub total_account: Option<Vec<TotalAccount>>,
}

/// TotalAccount
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TotalAccount {
    /// Account name
    #[serde(rename = "accountName", skip_serializing_if = "Option::is_none", default)]
    pub account_name: Option<crate::FlexString>,
    /// Account type
    #[serde(rename = "accountType", skip_serializing_if = "Option::is_none", default)]
    pub account_type: Option<crate::FlexString>,
    /// Account balance
    #[serde(rename = "accountBalance", skip_serializing_if = "Option::is_none", default)]
    pub account_balance: Option<sign_core::Decimal>,
}

/// Merchant Daily Posting Statement (merchantBillingDay)
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct MerchantBillingDayRequest {
    /// Order type (1=payment order; 11=transfer order), do not pass query all orders
    #[serde(rename = "orderType", skip_serializing_if = "Option::is_none", default)]
    pub order_type: Option<OrderType>,
    /// Statistics of the date, the format: yyyy-MM-dd, does not match the format parameter exception; does not pass the query the order of the day
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub day: Option<String>,
    /// Start of the period, yyyy-MM-dd HH:mm:ss (takes precedence over day)
    #[serde(rename = "startDate", skip_serializing_if = "Option::is_none", default)]
    pub start_date: Option<String>,
    /// End of the period, yyyy-MM-dd HH:mm:ss (takes precedence over day)
    #[serde(rename = "endDate", skip_serializing_if = "Option::is_none", default)]
    pub end_date: Option<String>,
    /// Paying user's UID
    #[serde(rename = "userId", skip_serializing_if = "Option::is_none", default)]
    pub user_id: Option<String>,
    /// Query the first few pages, the same paging logic; do not pass to check all
    #[serde(rename = "pageNum", skip_serializing_if = "Option::is_none", default)]
    pub page_num: Option<String>,
    /// The size of each page, the same paging logic; do not pass to check 2000 (the maximum is 2000, data more than 2000 please paging query)
    #[serde(rename = "pageSize", skip_serializing_if = "Option::is_none", default)]
    pub page_size: Option<String>,
}

impl MerchantBillingDayRequest {
    /// A request with the required fields (none).
    pub fn new() -> Self {
        Self::default()
    }
    setter!(/// Sets `orderType`.
        with_order_type, order_type: OrderType);
    setter!(/// Sets `day`.
        with_day, day: String);
    setter!(/// Sets `startDate`.
        with_start_date, start_date: String);
    setter!(/// Sets `endDate`.
        with_end_date, end_date: String);
    setter!(/// Sets `userId`.
        with_user_id, user_id: String);
    setter!(/// Sets `pageNum`.
        with_page_num, page_num: String);
    setter!(/// Sets `pageSize`.
        with_page_size, page_size: String);
}

impl sign_core::Endpoint for MerchantBillingDayRequest {
    type Response = MerchantBillingDay;
    const NAME: &'static str = "daily_statement";
    const METHOD: sign_core::Method = sign_core::Method::Post;
    const PATH: &'static str = "/platformapi/chainup/open/opay/merchantBillingDay";
    const IDEMPOTENT: bool = true;
}

/// MerchantBillingDay
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct MerchantBillingDay {
    /// Number of records
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub count: Option<crate::FlexString>,
    /// Records
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub list: Option<Vec<BillingRecord>>,
}

/// BillingRecord
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct BillingRecord {
    /// Merchant user ID
    #[serde(rename = "merchantUserId", skip_serializing_if = "Option::is_none", default)]
    pub merchant_user_id: Option<crate::FlexString>,
    /// Merchant Order ID
    #[serde(rename = "appOrderId", skip_serializing_if = "Option::is_none", default)]
    pub app_order_id: Option<crate::FlexString>,
    /// Payment currency
    #[serde(rename = "payCoinSymbol", skip_serializing_if = "Option::is_none", default)]
    pub pay_coin_symbol: Option<String>,
    /// Order amount
    #[serde(rename = "orderAmount", skip_serializing_if = "Option::is_none", default)]
    pub order_amount: Option<sign_core::Decimal>,
    /// Order type (1=payment order; 11=transfer order)
    #[serde(rename = "orderType", skip_serializing_if = "Option::is_none", default)]
    pub order_type: Option<OrderType>,
    /// Paying user's UID
    #[serde(rename = "userId", skip_serializing_if = "Option::is_none", default)]
    pub user_id: Option<crate::FlexString>,
    /// Paying user's openId
    #[serde(rename = "openId", skip_serializing_if = "Option::is_none", default)]
    pub open_id: Option<crate::FlexString>,
    /// Creation time
    #[serde(rename = "createTime", skip_serializing_if = "Option::is_none", default)]
    pub create_time: Option<crate::FlexString>,
    /// Payment time
    #[serde(rename = "payTime", skip_serializing_if = "Option::is_none", default)]
    pub pay_time: Option<crate::FlexString>,
}

/// OrderType
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum OrderType {
    /// payment order
    Payment,
    /// transfer order
    Transfer,
    /// A value not known when this crate was generated.
    Unknown(String),
}

impl OrderType {
    /// The wire value.
    pub fn as_str(&self) -> &str {
        match self {
            Self::Payment => "1",
            Self::Transfer => "11",
            Self::Unknown(v) => v,
        }
    }
}

impl Serialize for OrderType {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for OrderType {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let v = String::deserialize(deserializer)?;
        Ok(match v.as_str() {
            "1" => Self::Payment,
            "11" => Self::Transfer,
            _ => Self::Unknown(v),
        })
    }
}

/// Cancel Pending Orders (cancelOrder)
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CancelOrderRequest {
    /// 订单编号
    #[serde(rename = "orderNum")]
    pub order_num: String,
}

impl CancelOrderRequest {
    /// A request with the required fields.
    pub fn new(order_num: impl Into<String>) -> Self {
        Self { order_num: order_num.into() }
    }
}

impl sign_core::Endpoint for CancelOrderRequest {
    type Response = serde_json::Value;
    const NAME: &'static str = "cancel_order";
    const METHOD: sign_core::Method = sign_core::Method::Post;
    const PATH: &'static str = "/opay/cancelOrder";
    const IDEMPOTENT: bool = false;
}

/// PayNotification
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PayNotification {
    /// Merchant side order number
    #[serde(rename = "outOrderId")]
    pub out_order_id: crate::FlexString,
    /// Open Platform Order Number
    #[serde(rename = "orderNum")]
    pub order_num: crate::FlexString,
    /// Order status (1 Pending payment; 2 Payment failed; 3 Payment successful; 0 Closed)
    #[serde(rename = "orderStatus")]
    pub order_status: crate::OrderStatus,
    /// Order amount
    #[serde(rename = "payAmount")]
    pub pay_amount: sign_core::Decimal,
    /// Synchronized notification page (order placement interface incoming)
    #[serde(rename = "returnUrl", skip_serializing_if = "Option::is_none", default)]
    pub return_url: Option<String>,
}
