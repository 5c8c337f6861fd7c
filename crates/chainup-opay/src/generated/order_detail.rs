// @generated from docs/chainup-opay/order_detail.md by `cargo xtask codegen`; do not edit.
//! Query payment order
//!
//! Generated from `docs/chainup-opay/order_detail.md`.

use super::common::OrderStatus;
use serde::{Deserialize, Serialize};

/// `OrderDetailRequest`.
///
/// Request of the `order_detail` endpoint, `POST /platformapi/chainup/open/opay/orderDetail`, sent with [`Client::order_detail`](crate::Client::order_detail): Query Payment Order (orderDetail).
/// Idempotent (safe to retry). Response: `OrderDetailResponse`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct OrderDetailRequest {
    /// Merchant AppKey
    #[serde(rename = "appKey", deserialize_with = "sign_core::lenient::deserialize")]
    pub app_key: String,
    /// Platform side order number
    #[serde(rename = "orderNum", deserialize_with = "sign_core::lenient::deserialize")]
    pub order_num: String,
    /// Authorized token
    #[serde(default, skip_serializing_if = "Option::is_none", with = "sign_core::secret::serde_expose::option")]
    pub token: Option<sign_core::SecretString>,
}

impl OrderDetailRequest {
    /// Creates a `OrderDetailRequest` from its required fields; optional fields start unset (set them with `with_*`).
    pub fn new(app_key: impl Into<String>, order_num: impl Into<String>) -> Self {
        Self { app_key: app_key.into(), order_num: order_num.into(), token: None }
    }

    /// Sets `token`.
    #[must_use]
    pub fn with_token(mut self, value: impl Into<sign_core::SecretString>) -> Self {
        self.token = Some(value.into());
        self
    }
}

impl OrderDetailRequest {
    /// A builder naming every field:
    /// `OrderDetailRequest::builder().app_key(..).order_num(..).build()`.
    /// Prefer it to [`new`](Self::new) when required fields share a type and could be swapped
    /// unnoticed.
    pub fn builder() -> OrderDetailRequestBuilder {
        OrderDetailRequestBuilder::default()
    }
}

/// Builds a [`OrderDetailRequest`] field by field; [`build`](Self::build) names the first required field
/// left unset.
#[derive(Debug, Clone, Default)]
#[must_use]
pub struct OrderDetailRequestBuilder {
    app_key: Option<String>,
    order_num: Option<String>,
    token: Option<sign_core::SecretString>,
}

impl OrderDetailRequestBuilder {
    /// Sets `appKey` (required).
    pub fn app_key(mut self, value: impl Into<String>) -> Self {
        self.app_key = Some(value.into());
        self
    }

    /// Sets `orderNum` (required).
    pub fn order_num(mut self, value: impl Into<String>) -> Self {
        self.order_num = Some(value.into());
        self
    }

    /// Sets `token`.
    pub fn token(mut self, value: impl Into<sign_core::SecretString>) -> Self {
        self.token = Some(value.into());
        self
    }

    /// The `OrderDetailRequest`.
    ///
    /// # Errors
    /// `InvalidRequest` naming the first required field left unset, e.g.
    /// `"OrderDetailRequest: appKey must be set"`.
    pub fn build(self) -> Result<OrderDetailRequest, sign_core::InvalidRequest> {
        Ok(OrderDetailRequest {
            app_key: self
                .app_key
                .ok_or_else(|| sign_core::InvalidRequest::field("OrderDetailRequest", "appKey", "must be set"))?,
            order_num: self
                .order_num
                .ok_or_else(|| sign_core::InvalidRequest::field("OrderDetailRequest", "orderNum", "must be set"))?,
            token: self.token,
        })
    }
}

impl OrderDetailRequest {
    /// Checks the rules of the constraints column of `docs/chainup-opay/order_detail.md`, in this type and in the doc
    /// types it holds. `context` (the endpoint's name) starts every message; `path` is where this
    /// value sits in the request (`""` at the top, `"items[2]."` inside a list), put before each
    /// field name.
    ///
    /// # Errors
    /// The first rule broken, as an [`InvalidRequest`](sign_core::InvalidRequest) naming the field,
    /// never its value.
    #[doc(hidden)]
    pub fn validate_fields(&self, context: &str, path: &str) -> Result<(), sign_core::InvalidRequest> {
        sign_core::check::not_blank(context, &sign_core::check::at(path, "orderNum"), self.order_num.as_str())?;
        Ok(())
    }
}

impl sign_core::Endpoint for OrderDetailRequest {
    type Response = OrderDetailResponse;
    const NAME: &'static str = "order_detail";
    const METHOD: sign_core::Method = sign_core::Method::Post;
    const PATH: &'static str = "/platformapi/chainup/open/opay/orderDetail";
    const IDEMPOTENT: bool = true;

    /// The rules of the doc's constraints column.
    fn validate(&self) -> Result<(), sign_core::InvalidRequest> {
        self.validate_fields(Self::NAME, "")
    }
}

/// `OrderDetailResponse`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct OrderDetailResponse {
    /// Merchant Order ID
    #[serde(
        rename = "appOrderId",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::deserialize"
    )]
    pub app_order_id: Option<String>,
    /// Platform side order number
    #[serde(rename = "orderNum", deserialize_with = "sign_core::lenient::deserialize")]
    pub order_num: String,
    /// Order status (1 Pending payment; 2 Payment failed; 3 Payment successful; 0 Closed)
    #[serde(rename = "orderStatus")]
    pub order_status: OrderStatus,
    /// Order amount
    #[serde(
        rename = "orderAmount",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::optional_value"
    )]
    pub order_amount: Option<sign_core::Decimal>,
    /// Payment currency
    #[serde(
        rename = "payCoinSymbol",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::deserialize"
    )]
    pub pay_coin_symbol: Option<String>,
    /// Paying user's UID
    #[serde(
        rename = "userId",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::deserialize"
    )]
    pub user_id: Option<String>,
    /// Creation time
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "sign_core::lenient::deserialize")]
    pub ctime: Option<String>,
    /// Merchant AppKey
    #[serde(
        rename = "appKey",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::deserialize"
    )]
    pub app_key: Option<String>,
    /// Display precision
    #[serde(
        rename = "showPrecision",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::deserialize"
    )]
    pub show_precision: Option<String>,
    /// Google authenticator status
    #[serde(
        rename = "googleStatus",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::deserialize"
    )]
    pub google_status: Option<String>,
    /// Whether mobile verification is on
    #[serde(
        rename = "isOpenMobileCheck",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::deserialize"
    )]
    pub is_open_mobile_check: Option<String>,
    /// Accounts
    #[serde(
        rename = "totalAccount",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::optional_list"
    )]
    pub total_account: Option<Vec<TotalAccount>>,
}

impl OrderDetailResponse {
    /// Creates a `OrderDetailResponse` from its required fields; optional fields start unset (set them with `with_*`).
    pub fn new(order_num: impl Into<String>, order_status: impl Into<OrderStatus>) -> Self {
        Self {
            app_order_id: None,
            order_num: order_num.into(),
            order_status: order_status.into(),
            order_amount: None,
            pay_coin_symbol: None,
            user_id: None,
            ctime: None,
            app_key: None,
            show_precision: None,
            google_status: None,
            is_open_mobile_check: None,
            total_account: None,
        }
    }

    /// Sets `appOrderId`.
    #[must_use]
    pub fn with_app_order_id(mut self, value: impl Into<String>) -> Self {
        self.app_order_id = Some(value.into());
        self
    }

    /// Sets `orderAmount`.
    #[must_use]
    pub fn with_order_amount(mut self, value: impl Into<sign_core::Decimal>) -> Self {
        self.order_amount = Some(value.into());
        self
    }

    /// Sets `payCoinSymbol`.
    #[must_use]
    pub fn with_pay_coin_symbol(mut self, value: impl Into<String>) -> Self {
        self.pay_coin_symbol = Some(value.into());
        self
    }

    /// Sets `userId`.
    #[must_use]
    pub fn with_user_id(mut self, value: impl Into<String>) -> Self {
        self.user_id = Some(value.into());
        self
    }

    /// Sets `ctime`.
    #[must_use]
    pub fn with_ctime(mut self, value: impl Into<String>) -> Self {
        self.ctime = Some(value.into());
        self
    }

    /// Sets `appKey`.
    #[must_use]
    pub fn with_app_key(mut self, value: impl Into<String>) -> Self {
        self.app_key = Some(value.into());
        self
    }

    /// Sets `showPrecision`.
    #[must_use]
    pub fn with_show_precision(mut self, value: impl Into<String>) -> Self {
        self.show_precision = Some(value.into());
        self
    }

    /// Sets `googleStatus`.
    #[must_use]
    pub fn with_google_status(mut self, value: impl Into<String>) -> Self {
        self.google_status = Some(value.into());
        self
    }

    /// Sets `isOpenMobileCheck`.
    #[must_use]
    pub fn with_is_open_mobile_check(mut self, value: impl Into<String>) -> Self {
        self.is_open_mobile_check = Some(value.into());
        self
    }

    /// Sets `totalAccount`.
    #[must_use]
    pub fn with_total_account(mut self, value: impl Into<Vec<TotalAccount>>) -> Self {
        self.total_account = Some(value.into());
        self
    }
}

/// `TotalAccount`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TotalAccount {
    /// Account name
    #[serde(
        rename = "accountName",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::deserialize"
    )]
    pub account_name: Option<String>,
    /// Account type
    #[serde(
        rename = "accountType",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::deserialize"
    )]
    pub account_type: Option<String>,
    /// Account balance
    #[serde(
        rename = "accountBalance",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::optional_value"
    )]
    pub account_balance: Option<sign_core::Decimal>,
}

impl TotalAccount {
    /// Creates a `TotalAccount` from its required fields; optional fields start unset (set them with `with_*`).
    pub fn new() -> Self {
        Self { account_name: None, account_type: None, account_balance: None }
    }

    /// Sets `accountName`.
    #[must_use]
    pub fn with_account_name(mut self, value: impl Into<String>) -> Self {
        self.account_name = Some(value.into());
        self
    }

    /// Sets `accountType`.
    #[must_use]
    pub fn with_account_type(mut self, value: impl Into<String>) -> Self {
        self.account_type = Some(value.into());
        self
    }

    /// Sets `accountBalance`.
    #[must_use]
    pub fn with_account_balance(mut self, value: impl Into<sign_core::Decimal>) -> Self {
        self.account_balance = Some(value.into());
        self
    }
}
