// @generated from docs/chainup-opay/merchant_billing_day.md by `cargo xtask codegen`; do not edit.
//! Merchant daily posting statement
//!
//! Generated from `docs/chainup-opay/merchant_billing_day.md`.

use serde::{Deserialize, Serialize};

/// `MerchantBillingDayRequest`.
///
/// Request of the `merchant_billing_day` endpoint, `POST /platformapi/chainup/open/opay/merchantBillingDay`, sent with [`Client::merchant_billing_day`](crate::Client::merchant_billing_day): Merchant Daily Posting Statement (merchantBillingDay).
/// Idempotent (safe to retry). Response: `MerchantBillingDayResponse`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct MerchantBillingDayRequest {
    /// Order type (1=payment order; 11=transfer order), do not pass query all orders
    #[serde(rename = "orderType", default, skip_serializing_if = "Option::is_none")]
    pub order_type: Option<OrderType>,
    /// Statistics of the date, the format: yyyy-MM-dd, does not match the format parameter exception; does not pass the query the order of the day
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "sign_core::lenient::deserialize")]
    pub day: Option<String>,
    /// Start of the period, yyyy-MM-dd HH:mm:ss (takes precedence over day)
    #[serde(
        rename = "startDate",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::deserialize"
    )]
    pub start_date: Option<String>,
    /// End of the period, yyyy-MM-dd HH:mm:ss (takes precedence over day)
    #[serde(
        rename = "endDate",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::deserialize"
    )]
    pub end_date: Option<String>,
    /// Paying user's UID
    #[serde(
        rename = "userId",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::deserialize"
    )]
    pub user_id: Option<String>,
    /// Query the first few pages, the same paging logic; do not pass to check all
    #[serde(
        rename = "pageNum",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::deserialize"
    )]
    pub page_num: Option<String>,
    /// The size of each page, the same paging logic; do not pass to check 2000 (the maximum is 2000, data more than 2000 please paging query)
    #[serde(
        rename = "pageSize",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::deserialize"
    )]
    pub page_size: Option<String>,
}

impl MerchantBillingDayRequest {
    /// Creates a `MerchantBillingDayRequest` from its required fields; optional fields start unset (set them with `with_*`).
    pub fn new() -> Self {
        Self {
            order_type: None,
            day: None,
            start_date: None,
            end_date: None,
            user_id: None,
            page_num: None,
            page_size: None,
        }
    }

    /// Sets `orderType`.
    #[must_use]
    pub fn with_order_type(mut self, value: impl Into<OrderType>) -> Self {
        self.order_type = Some(value.into());
        self
    }

    /// Sets `day`.
    #[must_use]
    pub fn with_day(mut self, value: impl Into<String>) -> Self {
        self.day = Some(value.into());
        self
    }

    /// Sets `startDate`.
    #[must_use]
    pub fn with_start_date(mut self, value: impl Into<String>) -> Self {
        self.start_date = Some(value.into());
        self
    }

    /// Sets `endDate`.
    #[must_use]
    pub fn with_end_date(mut self, value: impl Into<String>) -> Self {
        self.end_date = Some(value.into());
        self
    }

    /// Sets `userId`.
    #[must_use]
    pub fn with_user_id(mut self, value: impl Into<String>) -> Self {
        self.user_id = Some(value.into());
        self
    }

    /// Sets `pageNum`.
    #[must_use]
    pub fn with_page_num(mut self, value: impl Into<String>) -> Self {
        self.page_num = Some(value.into());
        self
    }

    /// Sets `pageSize`.
    #[must_use]
    pub fn with_page_size(mut self, value: impl Into<String>) -> Self {
        self.page_size = Some(value.into());
        self
    }
}

impl MerchantBillingDayRequest {
    /// Checks the rules of the constraints column of `docs/chainup-opay/merchant_billing_day.md`, in this type and in the doc
    /// types it holds. `context` (the endpoint's name) starts every message; `path` is where this
    /// value sits in the request (`""` at the top, `"items[2]."` inside a list), put before each
    /// field name.
    ///
    /// # Errors
    /// The first rule broken, as an [`InvalidRequest`](sign_core::InvalidRequest) naming the field,
    /// never its value.
    #[doc(hidden)]
    pub fn validate_fields(&self, context: &str, path: &str) -> Result<(), sign_core::InvalidRequest> {
        if let Some(v) = &self.day {
            sign_core::check::pattern(
                context,
                &sign_core::check::at(path, "day"),
                v.as_str(),
                "[0-9]{4}[-][0-9]{2}[-][0-9]{2}",
            )?;
        }
        if let Some(v) = &self.page_num {
            sign_core::check::digits(context, &sign_core::check::at(path, "pageNum"), v.as_str())?;
        }
        if let Some(v) = &self.page_size {
            sign_core::check::digits(context, &sign_core::check::at(path, "pageSize"), v.as_str())?;
        }
        Ok(())
    }
}

impl sign_core::Endpoint for MerchantBillingDayRequest {
    type Response = MerchantBillingDayResponse;
    const NAME: &'static str = "merchant_billing_day";
    const METHOD: sign_core::Method = sign_core::Method::Post;
    const PATH: &'static str = "/platformapi/chainup/open/opay/merchantBillingDay";
    const IDEMPOTENT: bool = true;

    /// The rules of the doc's constraints column.
    fn validate(&self) -> Result<(), sign_core::InvalidRequest> {
        self.validate_fields(Self::NAME, "")
    }
}

/// `MerchantBillingDayResponse`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct MerchantBillingDayResponse {
    /// Number of records
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "sign_core::lenient::deserialize")]
    pub count: Option<i64>,
    /// Records
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "sign_core::lenient::optional_list")]
    pub list: Option<Vec<BillingRecord>>,
}

impl MerchantBillingDayResponse {
    /// Creates a `MerchantBillingDayResponse` from its required fields; optional fields start unset (set them with `with_*`).
    pub fn new() -> Self {
        Self { count: None, list: None }
    }

    /// Sets `count`.
    #[must_use]
    pub fn with_count(mut self, value: impl Into<i64>) -> Self {
        self.count = Some(value.into());
        self
    }

    /// Sets `list`.
    #[must_use]
    pub fn with_list(mut self, value: impl Into<Vec<BillingRecord>>) -> Self {
        self.list = Some(value.into());
        self
    }
}

/// `BillingRecord`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct BillingRecord {
    /// Merchant user ID
    #[serde(
        rename = "merchantUserId",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::deserialize"
    )]
    pub merchant_user_id: Option<String>,
    /// Merchant Order ID
    #[serde(
        rename = "appOrderId",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::deserialize"
    )]
    pub app_order_id: Option<String>,
    /// Payment currency
    #[serde(
        rename = "payCoinSymbol",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::deserialize"
    )]
    pub pay_coin_symbol: Option<String>,
    /// Order amount
    #[serde(
        rename = "orderAmount",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::optional_value"
    )]
    pub order_amount: Option<sign_core::Decimal>,
    /// Order type (1=payment order; 11=transfer order)
    #[serde(rename = "orderType", default, skip_serializing_if = "Option::is_none")]
    pub order_type: Option<OrderType>,
    /// Paying user's UID
    #[serde(
        rename = "userId",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::deserialize"
    )]
    pub user_id: Option<String>,
    /// Paying user's openId
    #[serde(
        rename = "openId",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::deserialize"
    )]
    pub open_id: Option<String>,
    /// Creation time
    #[serde(
        rename = "createTime",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::deserialize"
    )]
    pub create_time: Option<String>,
    /// Payment time
    #[serde(
        rename = "payTime",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::deserialize"
    )]
    pub pay_time: Option<String>,
}

impl BillingRecord {
    /// Creates a `BillingRecord` from its required fields; optional fields start unset (set them with `with_*`).
    pub fn new() -> Self {
        Self {
            merchant_user_id: None,
            app_order_id: None,
            pay_coin_symbol: None,
            order_amount: None,
            order_type: None,
            user_id: None,
            open_id: None,
            create_time: None,
            pay_time: None,
        }
    }

    /// Sets `merchantUserId`.
    #[must_use]
    pub fn with_merchant_user_id(mut self, value: impl Into<String>) -> Self {
        self.merchant_user_id = Some(value.into());
        self
    }

    /// Sets `appOrderId`.
    #[must_use]
    pub fn with_app_order_id(mut self, value: impl Into<String>) -> Self {
        self.app_order_id = Some(value.into());
        self
    }

    /// Sets `payCoinSymbol`.
    #[must_use]
    pub fn with_pay_coin_symbol(mut self, value: impl Into<String>) -> Self {
        self.pay_coin_symbol = Some(value.into());
        self
    }

    /// Sets `orderAmount`.
    #[must_use]
    pub fn with_order_amount(mut self, value: impl Into<sign_core::Decimal>) -> Self {
        self.order_amount = Some(value.into());
        self
    }

    /// Sets `orderType`.
    #[must_use]
    pub fn with_order_type(mut self, value: impl Into<OrderType>) -> Self {
        self.order_type = Some(value.into());
        self
    }

    /// Sets `userId`.
    #[must_use]
    pub fn with_user_id(mut self, value: impl Into<String>) -> Self {
        self.user_id = Some(value.into());
        self
    }

    /// Sets `openId`.
    #[must_use]
    pub fn with_open_id(mut self, value: impl Into<String>) -> Self {
        self.open_id = Some(value.into());
        self
    }

    /// Sets `createTime`.
    #[must_use]
    pub fn with_create_time(mut self, value: impl Into<String>) -> Self {
        self.create_time = Some(value.into());
        self
    }

    /// Sets `payTime`.
    #[must_use]
    pub fn with_pay_time(mut self, value: impl Into<String>) -> Self {
        self.pay_time = Some(value.into());
        self
    }
}

/// `OrderType`.
///
/// Values these docs do not list are kept in `Unknown`, so a new provider value never breaks parsing. Read from a JSON string or a number alike.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum OrderType {
    /// `1`: payment order
    Payment,
    /// `11`: transfer order
    Transfer,
    /// A value these docs do not list, kept verbatim.
    Unknown(String),
}

impl OrderType {
    /// The value as sent on the wire.
    pub fn as_str(&self) -> &str {
        match self {
            Self::Payment => "1",
            Self::Transfer => "11",
            Self::Unknown(v) => v,
        }
    }
}

impl From<&str> for OrderType {
    fn from(v: &str) -> Self {
        match v {
            "1" => Self::Payment,
            "11" => Self::Transfer,
            _ => Self::Unknown(v.to_string()),
        }
    }
}

impl std::fmt::Display for OrderType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl serde::Serialize for OrderType {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> serde::Deserialize<'de> for OrderType {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // A string or a number: `3` and `"3"` are the same value to a Java or PHP backend.
        let v = sign_core::lenient::text(deserializer)?;
        Ok(Self::from(v.as_str()))
    }
}
