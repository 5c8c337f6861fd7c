// @generated from docs/acqra-gateway/cashier_order.md by `cargo xtask codegen`; do not edit.
//! Checkout session (收银台预下单)
//!
//! Generated from `docs/acqra-gateway/cashier_order.md`.

use super::common::{CaptureMethod, FraudMode, LinkMode, ProductInfo, Shipping, ThreeDsMode};
use serde::{Deserialize, Serialize};

/// The `CashierPaymentOrder` schema of the provider's documentation.
///
/// Request of the `cashier_order` endpoint, `POST /gateway/v1/cashier/order`, sent with [`Client::cashier_order`](crate::Client::cashier_order): 收银台预下单 (create a checkout session on the hosted page).
/// Not idempotent: never retried once it may have been sent. Response: `CashierOrderResponse`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CashierOrderRequest {
    /// 金额>=0.01 (amount, at least 0.01, at most 2 decimals)
    pub amount: sign_core::Decimal,
    /// 是否自动capture[auto、manual],default:auto (capture automatically or manually: auto or manual, default auto)
    #[serde(rename = "captureMethod", default, skip_serializing_if = "Option::is_none")]
    pub capture_method: Option<CaptureMethod>,
    /// 币种 \[3位\] (currency, 3 letters)
    pub currency: sign_core::Currency,
    /// 附言 (note)
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "sign_core::lenient::deserialize")]
    pub description: Option<String>,
    /// 失效时间(整数分钟) (expiry time, in whole minutes)
    #[serde(
        rename = "expiryTime",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::deserialize"
    )]
    pub expiry_time: Option<String>,
    /// 欺诈检测 enum:Y、N (fraud check: Y or N)
    #[serde(rename = "fraudMode", default, skip_serializing_if = "Option::is_none")]
    pub fraud_mode: Option<FraudMode>,
    /// 重定向地址 [3-128位] (redirect URL, 3 to 128 characters)
    #[serde(
        rename = "frontUrl",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::deserialize"
    )]
    pub front_url: Option<String>,
    /// 收银台模式-开通对应产品请联系运营人员 (checkout page mode; ask operations to enable the product)
    #[serde(rename = "linkMode", default, skip_serializing_if = "Option::is_none")]
    pub link_mode: Option<LinkMode>,
    /// 订单编号 [5-64位] (order number, 5 to 64 characters)
    #[serde(rename = "orderNo", deserialize_with = "sign_core::lenient::deserialize")]
    pub order_no: String,
    /// 商品信息 (product information)
    #[serde(
        rename = "productInfo",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::optional_list"
    )]
    pub product_info: Option<Vec<ProductInfo>>,
    /// 收货地址信息 (shipping address)
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::optional_object"
    )]
    pub shipping: Option<Shipping>,
    /// 3ds模式取值范围[no、auto、standard] (3-D Secure mode: no, auto or standard)
    #[serde(rename = "threeDsMode", default, skip_serializing_if = "Option::is_none")]
    pub three_ds_mode: Option<ThreeDsMode>,
}

impl CashierOrderRequest {
    /// Creates a `CashierOrderRequest` from its required fields; optional fields start unset (set them with `with_*`).
    pub fn new(
        amount: impl Into<sign_core::Decimal>,
        currency: impl Into<sign_core::Currency>,
        order_no: impl Into<String>,
    ) -> Self {
        Self {
            amount: amount.into(),
            capture_method: None,
            currency: currency.into(),
            description: None,
            expiry_time: None,
            fraud_mode: None,
            front_url: None,
            link_mode: None,
            order_no: order_no.into(),
            product_info: None,
            shipping: None,
            three_ds_mode: None,
        }
    }

    /// Sets `captureMethod`.
    #[must_use]
    pub fn with_capture_method(mut self, value: impl Into<CaptureMethod>) -> Self {
        self.capture_method = Some(value.into());
        self
    }

    /// Sets `description`.
    #[must_use]
    pub fn with_description(mut self, value: impl Into<String>) -> Self {
        self.description = Some(value.into());
        self
    }

    /// Sets `expiryTime`.
    #[must_use]
    pub fn with_expiry_time(mut self, value: impl Into<String>) -> Self {
        self.expiry_time = Some(value.into());
        self
    }

    /// Sets `fraudMode`.
    #[must_use]
    pub fn with_fraud_mode(mut self, value: impl Into<FraudMode>) -> Self {
        self.fraud_mode = Some(value.into());
        self
    }

    /// Sets `frontUrl`.
    #[must_use]
    pub fn with_front_url(mut self, value: impl Into<String>) -> Self {
        self.front_url = Some(value.into());
        self
    }

    /// Sets `linkMode`.
    #[must_use]
    pub fn with_link_mode(mut self, value: impl Into<LinkMode>) -> Self {
        self.link_mode = Some(value.into());
        self
    }

    /// Sets `productInfo`.
    #[must_use]
    pub fn with_product_info(mut self, value: impl Into<Vec<ProductInfo>>) -> Self {
        self.product_info = Some(value.into());
        self
    }

    /// Sets `shipping`.
    #[must_use]
    pub fn with_shipping(mut self, value: impl Into<Shipping>) -> Self {
        self.shipping = Some(value.into());
        self
    }

    /// Sets `threeDsMode`.
    #[must_use]
    pub fn with_three_ds_mode(mut self, value: impl Into<ThreeDsMode>) -> Self {
        self.three_ds_mode = Some(value.into());
        self
    }
}

impl CashierOrderRequest {
    /// A builder naming every field:
    /// `CashierOrderRequest::builder().amount(..).currency(..).build()`.
    /// Prefer it to [`new`](Self::new) when required fields share a type and could be swapped
    /// unnoticed.
    pub fn builder() -> CashierOrderRequestBuilder {
        CashierOrderRequestBuilder::default()
    }
}

/// Builds a [`CashierOrderRequest`] field by field; [`build`](Self::build) names the first required field
/// left unset.
#[derive(Debug, Clone, Default)]
#[must_use]
pub struct CashierOrderRequestBuilder {
    amount: Option<sign_core::Decimal>,
    capture_method: Option<CaptureMethod>,
    currency: Option<sign_core::Currency>,
    description: Option<String>,
    expiry_time: Option<String>,
    fraud_mode: Option<FraudMode>,
    front_url: Option<String>,
    link_mode: Option<LinkMode>,
    order_no: Option<String>,
    product_info: Option<Vec<ProductInfo>>,
    shipping: Option<Shipping>,
    three_ds_mode: Option<ThreeDsMode>,
}

impl CashierOrderRequestBuilder {
    /// Sets `amount` (required).
    pub fn amount(mut self, value: impl Into<sign_core::Decimal>) -> Self {
        self.amount = Some(value.into());
        self
    }

    /// Sets `captureMethod`.
    pub fn capture_method(mut self, value: impl Into<CaptureMethod>) -> Self {
        self.capture_method = Some(value.into());
        self
    }

    /// Sets `currency` (required).
    pub fn currency(mut self, value: impl Into<sign_core::Currency>) -> Self {
        self.currency = Some(value.into());
        self
    }

    /// Sets `description`.
    pub fn description(mut self, value: impl Into<String>) -> Self {
        self.description = Some(value.into());
        self
    }

    /// Sets `expiryTime`.
    pub fn expiry_time(mut self, value: impl Into<String>) -> Self {
        self.expiry_time = Some(value.into());
        self
    }

    /// Sets `fraudMode`.
    pub fn fraud_mode(mut self, value: impl Into<FraudMode>) -> Self {
        self.fraud_mode = Some(value.into());
        self
    }

    /// Sets `frontUrl`.
    pub fn front_url(mut self, value: impl Into<String>) -> Self {
        self.front_url = Some(value.into());
        self
    }

    /// Sets `linkMode`.
    pub fn link_mode(mut self, value: impl Into<LinkMode>) -> Self {
        self.link_mode = Some(value.into());
        self
    }

    /// Sets `orderNo` (required).
    pub fn order_no(mut self, value: impl Into<String>) -> Self {
        self.order_no = Some(value.into());
        self
    }

    /// Sets `productInfo`.
    pub fn product_info(mut self, value: impl Into<Vec<ProductInfo>>) -> Self {
        self.product_info = Some(value.into());
        self
    }

    /// Sets `shipping`.
    pub fn shipping(mut self, value: impl Into<Shipping>) -> Self {
        self.shipping = Some(value.into());
        self
    }

    /// Sets `threeDsMode`.
    pub fn three_ds_mode(mut self, value: impl Into<ThreeDsMode>) -> Self {
        self.three_ds_mode = Some(value.into());
        self
    }

    /// The `CashierOrderRequest`.
    ///
    /// # Errors
    /// `InvalidRequest` naming the first required field left unset, e.g.
    /// `"CashierOrderRequest: amount must be set"`.
    pub fn build(self) -> Result<CashierOrderRequest, sign_core::InvalidRequest> {
        Ok(CashierOrderRequest {
            amount: self
                .amount
                .ok_or_else(|| sign_core::InvalidRequest::field("CashierOrderRequest", "amount", "must be set"))?,
            capture_method: self.capture_method,
            currency: self
                .currency
                .ok_or_else(|| sign_core::InvalidRequest::field("CashierOrderRequest", "currency", "must be set"))?,
            description: self.description,
            expiry_time: self.expiry_time,
            fraud_mode: self.fraud_mode,
            front_url: self.front_url,
            link_mode: self.link_mode,
            order_no: self
                .order_no
                .ok_or_else(|| sign_core::InvalidRequest::field("CashierOrderRequest", "orderNo", "must be set"))?,
            product_info: self.product_info,
            shipping: self.shipping,
            three_ds_mode: self.three_ds_mode,
        })
    }
}

impl CashierOrderRequest {
    /// Checks the rules of the constraints column of `docs/acqra-gateway/cashier_order.md`, in this type and in the doc
    /// types it holds. `context` (the endpoint's name) starts every message; `path` is where this
    /// value sits in the request (`""` at the top, `"items[2]."` inside a list), put before each
    /// field name.
    ///
    /// # Errors
    /// The first rule broken, as an [`InvalidRequest`](sign_core::InvalidRequest) naming the field,
    /// never its value.
    #[doc(hidden)]
    pub fn validate_fields(&self, context: &str, path: &str) -> Result<(), sign_core::InvalidRequest> {
        sign_core::check::positive(context, &sign_core::check::at(path, "amount"), self.amount)?;
        sign_core::check::scale(context, &sign_core::check::at(path, "amount"), self.amount, 2)?;
        sign_core::check::minor_units(context, &sign_core::check::at(path, "amount"), self.amount, &self.currency)?;
        if let Some(v) = &self.expiry_time {
            sign_core::check::digits(context, &sign_core::check::at(path, "expiryTime"), v.as_str())?;
        }
        if let Some(v) = &self.front_url {
            sign_core::check::len(context, &sign_core::check::at(path, "frontUrl"), v.as_str(), 3, 128)?;
        }
        sign_core::check::len(context, &sign_core::check::at(path, "orderNo"), self.order_no.as_str(), 5, 64)?;
        if let Some(v) = &self.product_info {
            for (i0, item) in v.iter().enumerate() {
                item.validate_fields(context, &format!("{path}productInfo[{i0}]."))?;
            }
        }
        if let Some(v) = &self.shipping {
            v.validate_fields(context, &format!("{path}shipping."))?;
        }
        Ok(())
    }
}

impl sign_core::Endpoint for CashierOrderRequest {
    type Response = CashierOrderResponse;
    const NAME: &'static str = "cashier_order";
    const METHOD: sign_core::Method = sign_core::Method::Post;
    const PATH: &'static str = "/gateway/v1/cashier/order";
    const IDEMPOTENT: bool = false;

    /// The rules of the doc's constraints column.
    fn validate(&self) -> Result<(), sign_core::InvalidRequest> {
        self.validate_fields(Self::NAME, "")
    }
}

/// The `CashierPreOrderResp` schema of the provider's documentation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CashierOrderResponse {
    /// 分钟 (minutes)
    #[serde(
        rename = "expiresIn",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::deserialize"
    )]
    pub expires_in: Option<i64>,
    /// 订单编号 (order number)
    #[serde(rename = "orderNo", deserialize_with = "sign_core::lenient::deserialize")]
    pub order_no: String,
    /// 重定向地址 (redirect URL)
    #[serde(rename = "redirectUrl", deserialize_with = "sign_core::lenient::deserialize")]
    pub redirect_url: String,
    /// 响应码 (response code)
    #[serde(
        rename = "respCode",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::deserialize"
    )]
    pub resp_code: Option<String>,
    /// 响应描述 (response message)
    #[serde(
        rename = "respMsg",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::deserialize"
    )]
    pub resp_msg: Option<String>,
}

impl CashierOrderResponse {
    /// Creates a `CashierOrderResponse` from its required fields; optional fields start unset (set them with `with_*`).
    pub fn new(order_no: impl Into<String>, redirect_url: impl Into<String>) -> Self {
        Self {
            expires_in: None,
            order_no: order_no.into(),
            redirect_url: redirect_url.into(),
            resp_code: None,
            resp_msg: None,
        }
    }

    /// Sets `expiresIn`.
    #[must_use]
    pub fn with_expires_in(mut self, value: impl Into<i64>) -> Self {
        self.expires_in = Some(value.into());
        self
    }

    /// Sets `respCode`.
    #[must_use]
    pub fn with_resp_code(mut self, value: impl Into<String>) -> Self {
        self.resp_code = Some(value.into());
        self
    }

    /// Sets `respMsg`.
    #[must_use]
    pub fn with_resp_msg(mut self, value: impl Into<String>) -> Self {
        self.resp_msg = Some(value.into());
        self
    }
}
