// @generated from docs/chainup-opay/create_third_order.md by `cargo xtask codegen`; do not edit.
//! Create a payment order
//!
//! Generated from `docs/chainup-opay/create_third_order.md`.

use serde::{Deserialize, Serialize};

/// `CreateThirdOrderRequest`.
///
/// Request of the `create_third_order` endpoint, `POST /platformapi/chainup/open/opay/createThirdOrder`, sent with [`Client::create_third_order`](crate::Client::create_third_order): Create a payment order (createThirdOrder).
/// Not idempotent: never retried once it may have been sent. Response: `CreateThirdOrderResponse`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CreateThirdOrderRequest {
    /// Merchant Order ID
    #[serde(rename = "appOrderId", deserialize_with = "sign_core::lenient::deserialize")]
    pub app_order_id: String,
    /// Paying user's unique ID: payerUserId (either UID or OpenID must exist, OpenID takes priority if both exist)
    #[serde(
        rename = "openId",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::deserialize"
    )]
    pub open_id: Option<String>,
    /// Paying user's UID (either UID or OpenID must exist, OpenID takes priority if both exist): payerUid
    #[serde(
        rename = "userId",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::deserialize"
    )]
    pub user_id: Option<String>,
    /// amount
    #[serde(rename = "orderAmount")]
    pub order_amount: sign_core::Decimal,
    /// Scene type of the order, numerical enumeration
    #[serde(
        rename = "orderSceneType",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::deserialize"
    )]
    pub order_scene_type: Option<String>,
    /// Payment currency, capitalized as BTC
    #[serde(rename = "payCoinSymbol", deserialize_with = "sign_core::lenient::deserialize")]
    pub pay_coin_symbol: String,
    /// Merchant AppKey (the scraped table shows the name `appKey` after payCoinSymbol without its other columns). When unset, the client sends the configured app key (`ConfigBuilder::create_third_order_app_key`)
    #[serde(
        rename = "appKey",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::deserialize"
    )]
    pub app_key: Option<String>,
    /// Front-end jump to merchant's page
    #[serde(rename = "returnPage", deserialize_with = "sign_core::lenient::deserialize")]
    pub return_page: String,
    /// Address for back-office notification to merchants
    #[serde(rename = "notifyPage", deserialize_with = "sign_core::lenient::deserialize")]
    pub notify_page: String,
    /// Authorized token
    #[serde(default, skip_serializing_if = "Option::is_none", with = "sign_core::secret::serde_expose::option")]
    pub token: Option<sign_core::SecretString>,
    /// Product description information, can not be passed, passed must be legal json format, otherwise the order creation failure; json in the subfield for name : product name desc: product description
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "sign_core::lenient::deserialize")]
    pub goods: Option<String>,
}

impl CreateThirdOrderRequest {
    /// Creates a `CreateThirdOrderRequest` from its required fields; optional fields start unset (set them with `with_*`).
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

    /// Sets `openId`.
    #[must_use]
    pub fn with_open_id(mut self, value: impl Into<String>) -> Self {
        self.open_id = Some(value.into());
        self
    }

    /// Sets `userId`.
    #[must_use]
    pub fn with_user_id(mut self, value: impl Into<String>) -> Self {
        self.user_id = Some(value.into());
        self
    }

    /// Sets `orderSceneType`.
    #[must_use]
    pub fn with_order_scene_type(mut self, value: impl Into<String>) -> Self {
        self.order_scene_type = Some(value.into());
        self
    }

    /// Sets `appKey`.
    #[must_use]
    pub fn with_app_key(mut self, value: impl Into<String>) -> Self {
        self.app_key = Some(value.into());
        self
    }

    /// Sets `token`.
    #[must_use]
    pub fn with_token(mut self, value: impl Into<sign_core::SecretString>) -> Self {
        self.token = Some(value.into());
        self
    }

    /// Sets `goods`.
    #[must_use]
    pub fn with_goods(mut self, value: impl Into<String>) -> Self {
        self.goods = Some(value.into());
        self
    }
}

impl CreateThirdOrderRequest {
    /// A builder naming every field:
    /// `CreateThirdOrderRequest::builder().app_order_id(..).order_amount(..).build()`.
    /// Prefer it to [`new`](Self::new) when required fields share a type and could be swapped
    /// unnoticed.
    pub fn builder() -> CreateThirdOrderRequestBuilder {
        CreateThirdOrderRequestBuilder::default()
    }
}

/// Builds a [`CreateThirdOrderRequest`] field by field; [`build`](Self::build) names the first required field
/// left unset.
#[derive(Debug, Clone, Default)]
#[must_use]
pub struct CreateThirdOrderRequestBuilder {
    app_order_id: Option<String>,
    open_id: Option<String>,
    user_id: Option<String>,
    order_amount: Option<sign_core::Decimal>,
    order_scene_type: Option<String>,
    pay_coin_symbol: Option<String>,
    app_key: Option<String>,
    return_page: Option<String>,
    notify_page: Option<String>,
    token: Option<sign_core::SecretString>,
    goods: Option<String>,
}

impl CreateThirdOrderRequestBuilder {
    /// Sets `appOrderId` (required).
    pub fn app_order_id(mut self, value: impl Into<String>) -> Self {
        self.app_order_id = Some(value.into());
        self
    }

    /// Sets `openId`.
    pub fn open_id(mut self, value: impl Into<String>) -> Self {
        self.open_id = Some(value.into());
        self
    }

    /// Sets `userId`.
    pub fn user_id(mut self, value: impl Into<String>) -> Self {
        self.user_id = Some(value.into());
        self
    }

    /// Sets `orderAmount` (required).
    pub fn order_amount(mut self, value: impl Into<sign_core::Decimal>) -> Self {
        self.order_amount = Some(value.into());
        self
    }

    /// Sets `orderSceneType`.
    pub fn order_scene_type(mut self, value: impl Into<String>) -> Self {
        self.order_scene_type = Some(value.into());
        self
    }

    /// Sets `payCoinSymbol` (required).
    pub fn pay_coin_symbol(mut self, value: impl Into<String>) -> Self {
        self.pay_coin_symbol = Some(value.into());
        self
    }

    /// Sets `appKey`.
    pub fn app_key(mut self, value: impl Into<String>) -> Self {
        self.app_key = Some(value.into());
        self
    }

    /// Sets `returnPage` (required).
    pub fn return_page(mut self, value: impl Into<String>) -> Self {
        self.return_page = Some(value.into());
        self
    }

    /// Sets `notifyPage` (required).
    pub fn notify_page(mut self, value: impl Into<String>) -> Self {
        self.notify_page = Some(value.into());
        self
    }

    /// Sets `token`.
    pub fn token(mut self, value: impl Into<sign_core::SecretString>) -> Self {
        self.token = Some(value.into());
        self
    }

    /// Sets `goods`.
    pub fn goods(mut self, value: impl Into<String>) -> Self {
        self.goods = Some(value.into());
        self
    }

    /// The `CreateThirdOrderRequest`.
    ///
    /// # Errors
    /// `InvalidRequest` naming the first required field left unset, e.g.
    /// `"CreateThirdOrderRequest: appOrderId must be set"`.
    pub fn build(self) -> Result<CreateThirdOrderRequest, sign_core::InvalidRequest> {
        Ok(CreateThirdOrderRequest {
            app_order_id: self.app_order_id.ok_or_else(|| {
                sign_core::InvalidRequest::field("CreateThirdOrderRequest", "appOrderId", "must be set")
            })?,
            open_id: self.open_id,
            user_id: self.user_id,
            order_amount: self.order_amount.ok_or_else(|| {
                sign_core::InvalidRequest::field("CreateThirdOrderRequest", "orderAmount", "must be set")
            })?,
            order_scene_type: self.order_scene_type,
            pay_coin_symbol: self.pay_coin_symbol.ok_or_else(|| {
                sign_core::InvalidRequest::field("CreateThirdOrderRequest", "payCoinSymbol", "must be set")
            })?,
            app_key: self.app_key,
            return_page: self.return_page.ok_or_else(|| {
                sign_core::InvalidRequest::field("CreateThirdOrderRequest", "returnPage", "must be set")
            })?,
            notify_page: self.notify_page.ok_or_else(|| {
                sign_core::InvalidRequest::field("CreateThirdOrderRequest", "notifyPage", "must be set")
            })?,
            token: self.token,
            goods: self.goods,
        })
    }
}

impl CreateThirdOrderRequest {
    /// Checks the rules of the constraints column of `docs/chainup-opay/create_third_order.md`, in this type and in the doc
    /// types it holds. `context` (the endpoint's name) starts every message; `path` is where this
    /// value sits in the request (`""` at the top, `"items[2]."` inside a list), put before each
    /// field name.
    ///
    /// # Errors
    /// The first rule broken, as an [`InvalidRequest`](sign_core::InvalidRequest) naming the field,
    /// never its value.
    #[doc(hidden)]
    pub fn validate_fields(&self, context: &str, path: &str) -> Result<(), sign_core::InvalidRequest> {
        sign_core::check::not_blank(context, &sign_core::check::at(path, "appOrderId"), self.app_order_id.as_str())?;
        sign_core::check::either(
            context,
            &sign_core::check::at(path, "openId"),
            sign_core::check::given(self.open_id.as_deref()),
            &sign_core::check::at(path, "userId"),
            sign_core::check::given(self.user_id.as_deref()),
        )?;
        sign_core::check::positive(context, &sign_core::check::at(path, "orderAmount"), self.order_amount)?;
        if let Some(v) = &self.order_scene_type {
            sign_core::check::digits(context, &sign_core::check::at(path, "orderSceneType"), v.as_str())?;
        }
        sign_core::check::not_blank(
            context,
            &sign_core::check::at(path, "payCoinSymbol"),
            self.pay_coin_symbol.as_str(),
        )?;
        sign_core::check::not_blank(context, &sign_core::check::at(path, "returnPage"), self.return_page.as_str())?;
        sign_core::check::not_blank(context, &sign_core::check::at(path, "notifyPage"), self.notify_page.as_str())?;
        Ok(())
    }
}

impl sign_core::Endpoint for CreateThirdOrderRequest {
    type Response = CreateThirdOrderResponse;
    const NAME: &'static str = "create_third_order";
    const METHOD: sign_core::Method = sign_core::Method::Post;
    const PATH: &'static str = "/platformapi/chainup/open/opay/createThirdOrder";
    const IDEMPOTENT: bool = false;

    /// The rules of the doc's constraints column, then the checks of `validate_ext` (hand-written beside this module).
    fn validate(&self) -> Result<(), sign_core::InvalidRequest> {
        self.validate_fields(Self::NAME, "")?;
        self.validate_ext()
    }
}

/// `CreateThirdOrderResponse`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CreateThirdOrderResponse {
    /// Open Platform Order Number
    #[serde(rename = "orderNum", deserialize_with = "sign_core::lenient::deserialize")]
    pub order_num: String,
}

impl CreateThirdOrderResponse {
    /// Creates a `CreateThirdOrderResponse` from its required fields; optional fields start unset (set them with `with_*`).
    pub fn new(order_num: impl Into<String>) -> Self {
        Self { order_num: order_num.into() }
    }
}
