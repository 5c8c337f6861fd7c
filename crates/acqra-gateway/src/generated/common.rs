// @generated from docs/acqra-gateway/common.md by `cargo xtask codegen`; do not edit.
//! Shared types
//!
//! Generated from `docs/acqra-gateway/common.md`.

use serde::{Deserialize, Serialize};

/// `Address`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Address {
    /// city string <= 50 characters
    #[serde(deserialize_with = "sign_core::lenient::deserialize")]
    pub city: String,
    /// 国家代码。ISO 3166-1 alpha-2 代码大写 (country code, ISO 3166-1 alpha-2, upper case)
    #[serde(deserialize_with = "sign_core::lenient::deserialize")]
    pub country: String,
    /// line1 string <= 128 characters
    #[serde(deserialize_with = "sign_core::lenient::deserialize")]
    pub line1: String,
    /// line2 string <= 128 characters
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "sign_core::lenient::deserialize")]
    pub line2: Option<String>,
    /// line3 string <= 128 characters
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "sign_core::lenient::deserialize")]
    pub line3: Option<String>,
    /// postcode string <= 50 characters
    #[serde(deserialize_with = "sign_core::lenient::deserialize")]
    pub postcode: String,
    /// state string <= 50 characters
    #[serde(deserialize_with = "sign_core::lenient::deserialize")]
    pub state: String,
}

impl Address {
    /// Creates a `Address` from its required fields; optional fields start unset (set them with `with_*`).
    pub fn new(
        city: impl Into<String>,
        country: impl Into<String>,
        line1: impl Into<String>,
        postcode: impl Into<String>,
        state: impl Into<String>,
    ) -> Self {
        Self {
            city: city.into(),
            country: country.into(),
            line1: line1.into(),
            line2: None,
            line3: None,
            postcode: postcode.into(),
            state: state.into(),
        }
    }

    /// Sets `line2`.
    #[must_use]
    pub fn with_line2(mut self, value: impl Into<String>) -> Self {
        self.line2 = Some(value.into());
        self
    }

    /// Sets `line3`.
    #[must_use]
    pub fn with_line3(mut self, value: impl Into<String>) -> Self {
        self.line3 = Some(value.into());
        self
    }
}

impl Address {
    /// A builder naming every field:
    /// `Address::builder().city(..).country(..).build()`.
    /// Prefer it to [`new`](Self::new) when required fields share a type and could be swapped
    /// unnoticed.
    pub fn builder() -> AddressBuilder {
        AddressBuilder::default()
    }
}

/// Builds a [`Address`] field by field; [`build`](Self::build) names the first required field
/// left unset.
#[derive(Debug, Clone, Default)]
#[must_use]
pub struct AddressBuilder {
    city: Option<String>,
    country: Option<String>,
    line1: Option<String>,
    line2: Option<String>,
    line3: Option<String>,
    postcode: Option<String>,
    state: Option<String>,
}

impl AddressBuilder {
    /// Sets `city` (required).
    pub fn city(mut self, value: impl Into<String>) -> Self {
        self.city = Some(value.into());
        self
    }

    /// Sets `country` (required).
    pub fn country(mut self, value: impl Into<String>) -> Self {
        self.country = Some(value.into());
        self
    }

    /// Sets `line1` (required).
    pub fn line1(mut self, value: impl Into<String>) -> Self {
        self.line1 = Some(value.into());
        self
    }

    /// Sets `line2`.
    pub fn line2(mut self, value: impl Into<String>) -> Self {
        self.line2 = Some(value.into());
        self
    }

    /// Sets `line3`.
    pub fn line3(mut self, value: impl Into<String>) -> Self {
        self.line3 = Some(value.into());
        self
    }

    /// Sets `postcode` (required).
    pub fn postcode(mut self, value: impl Into<String>) -> Self {
        self.postcode = Some(value.into());
        self
    }

    /// Sets `state` (required).
    pub fn state(mut self, value: impl Into<String>) -> Self {
        self.state = Some(value.into());
        self
    }

    /// The `Address`.
    ///
    /// # Errors
    /// `InvalidRequest` naming the first required field left unset, e.g.
    /// `"Address: city must be set"`.
    pub fn build(self) -> Result<Address, sign_core::InvalidRequest> {
        Ok(Address {
            city: self.city.ok_or_else(|| sign_core::InvalidRequest::field("Address", "city", "must be set"))?,
            country: self
                .country
                .ok_or_else(|| sign_core::InvalidRequest::field("Address", "country", "must be set"))?,
            line1: self.line1.ok_or_else(|| sign_core::InvalidRequest::field("Address", "line1", "must be set"))?,
            line2: self.line2,
            line3: self.line3,
            postcode: self
                .postcode
                .ok_or_else(|| sign_core::InvalidRequest::field("Address", "postcode", "must be set"))?,
            state: self.state.ok_or_else(|| sign_core::InvalidRequest::field("Address", "state", "must be set"))?,
        })
    }
}

impl Address {
    /// Checks the rules of the constraints column of `docs/acqra-gateway/common.md`, in this type and in the doc
    /// types it holds. `context` (the endpoint's name) starts every message; `path` is where this
    /// value sits in the request (`""` at the top, `"items[2]."` inside a list), put before each
    /// field name.
    ///
    /// # Errors
    /// The first rule broken, as an [`InvalidRequest`](sign_core::InvalidRequest) naming the field,
    /// never its value.
    #[doc(hidden)]
    pub fn validate_fields(&self, context: &str, path: &str) -> Result<(), sign_core::InvalidRequest> {
        sign_core::check::len(context, &sign_core::check::at(path, "city"), self.city.as_str(), 0, 50)?;
        sign_core::check::len(context, &sign_core::check::at(path, "country"), self.country.as_str(), 2, 2)?;
        sign_core::check::upper(context, &sign_core::check::at(path, "country"), self.country.as_str())?;
        sign_core::check::len(context, &sign_core::check::at(path, "line1"), self.line1.as_str(), 0, 128)?;
        if let Some(v) = &self.line2 {
            sign_core::check::len(context, &sign_core::check::at(path, "line2"), v.as_str(), 0, 128)?;
        }
        if let Some(v) = &self.line3 {
            sign_core::check::len(context, &sign_core::check::at(path, "line3"), v.as_str(), 0, 128)?;
        }
        sign_core::check::len(context, &sign_core::check::at(path, "postcode"), self.postcode.as_str(), 0, 50)?;
        sign_core::check::len(context, &sign_core::check::at(path, "state"), self.state.as_str(), 0, 50)?;
        Ok(())
    }
}

/// `Phone`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Phone {
    /// 国家/地区呼叫代码 String[1..7] (country calling code, 1 to 7 characters)
    #[serde(
        rename = "countryCode",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::deserialize"
    )]
    pub country_code: Option<String>,
    /// 持卡人电话 String[1..26] (cardholder phone, 1 to 26 characters)
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "sign_core::lenient::deserialize")]
    pub number: Option<String>,
}

impl Phone {
    /// Creates a `Phone` from its required fields; optional fields start unset (set them with `with_*`).
    pub fn new() -> Self {
        Self { country_code: None, number: None }
    }

    /// Sets `countryCode`.
    #[must_use]
    pub fn with_country_code(mut self, value: impl Into<String>) -> Self {
        self.country_code = Some(value.into());
        self
    }

    /// Sets `number`.
    #[must_use]
    pub fn with_number(mut self, value: impl Into<String>) -> Self {
        self.number = Some(value.into());
        self
    }
}

impl Phone {
    /// Checks the rules of the constraints column of `docs/acqra-gateway/common.md`, in this type and in the doc
    /// types it holds. `context` (the endpoint's name) starts every message; `path` is where this
    /// value sits in the request (`""` at the top, `"items[2]."` inside a list), put before each
    /// field name.
    ///
    /// # Errors
    /// The first rule broken, as an [`InvalidRequest`](sign_core::InvalidRequest) naming the field,
    /// never its value.
    #[doc(hidden)]
    pub fn validate_fields(&self, context: &str, path: &str) -> Result<(), sign_core::InvalidRequest> {
        if let Some(v) = &self.country_code {
            sign_core::check::len(context, &sign_core::check::at(path, "countryCode"), v.as_str(), 1, 7)?;
        }
        if let Some(v) = &self.number {
            sign_core::check::len(context, &sign_core::check::at(path, "number"), v.as_str(), 1, 26)?;
        }
        Ok(())
    }
}

/// `Billing`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Billing {
    /// 地址信息 (address)
    pub address: Address,
    /// 生日[yyyy-MM-dd] (birthday, yyyy-MM-dd)
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "sign_core::lenient::deserialize")]
    pub birthday: Option<String>,
    /// 定期支付原因 (reason for the recurring payment)
    #[serde(rename = "customerInitiatedReason", default, skip_serializing_if = "Option::is_none")]
    pub customer_initiated_reason: Option<CustomerInitiatedReason>,
    /// 邮箱 string [3..255] (email, 3 to 255 characters)
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "sign_core::lenient::deserialize")]
    pub email: Option<String>,
    /// The phone number associated with the billing address
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::optional_object"
    )]
    pub phone: Option<Phone>,
    /// 交易之间以固定的、定期的间隔处理标识 (marks payments processed at fixed, regular intervals (stored credentials))
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub storedcredentials: Option<StoredCredentials>,
}

impl Billing {
    /// Creates a `Billing` from its required fields; optional fields start unset (set them with `with_*`).
    pub fn new(address: impl Into<Address>) -> Self {
        Self {
            address: address.into(),
            birthday: None,
            customer_initiated_reason: None,
            email: None,
            phone: None,
            storedcredentials: None,
        }
    }

    /// Sets `birthday`.
    #[must_use]
    pub fn with_birthday(mut self, value: impl Into<String>) -> Self {
        self.birthday = Some(value.into());
        self
    }

    /// Sets `customerInitiatedReason`.
    #[must_use]
    pub fn with_customer_initiated_reason(mut self, value: impl Into<CustomerInitiatedReason>) -> Self {
        self.customer_initiated_reason = Some(value.into());
        self
    }

    /// Sets `email`.
    #[must_use]
    pub fn with_email(mut self, value: impl Into<String>) -> Self {
        self.email = Some(value.into());
        self
    }

    /// Sets `phone`.
    #[must_use]
    pub fn with_phone(mut self, value: impl Into<Phone>) -> Self {
        self.phone = Some(value.into());
        self
    }

    /// Sets `storedcredentials`.
    #[must_use]
    pub fn with_storedcredentials(mut self, value: impl Into<StoredCredentials>) -> Self {
        self.storedcredentials = Some(value.into());
        self
    }
}

impl Billing {
    /// Checks the rules of the constraints column of `docs/acqra-gateway/common.md`, in this type and in the doc
    /// types it holds. `context` (the endpoint's name) starts every message; `path` is where this
    /// value sits in the request (`""` at the top, `"items[2]."` inside a list), put before each
    /// field name.
    ///
    /// # Errors
    /// The first rule broken, as an [`InvalidRequest`](sign_core::InvalidRequest) naming the field,
    /// never its value.
    #[doc(hidden)]
    pub fn validate_fields(&self, context: &str, path: &str) -> Result<(), sign_core::InvalidRequest> {
        self.address.validate_fields(context, &format!("{path}address."))?;
        if let Some(v) = &self.birthday {
            sign_core::check::pattern(
                context,
                &sign_core::check::at(path, "birthday"),
                v.as_str(),
                "[0-9]{4}[-][0-9]{2}[-][0-9]{2}",
            )?;
        }
        if let Some(v) = &self.email {
            sign_core::check::len(context, &sign_core::check::at(path, "email"), v.as_str(), 3, 255)?;
        }
        if let Some(v) = &self.phone {
            v.validate_fields(context, &format!("{path}phone."))?;
        }
        Ok(())
    }
}

/// `Shipping`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Shipping {
    /// 地址信息 (address)
    pub address: Address,
    /// 快递公司编码 (carrier code)
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "sign_core::lenient::deserialize")]
    pub carrier: Option<String>,
    /// 邮箱 string [3..255] (email, 3 to 255 characters)
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "sign_core::lenient::deserialize")]
    pub email: Option<String>,
    /// The first name of the person receiving the goods or the service string [1..64]
    #[serde(rename = "firstName", deserialize_with = "sign_core::lenient::deserialize")]
    pub first_name: String,
    /// The last name of the person receiving the goods or the service string [1..50]
    #[serde(rename = "lastName", deserialize_with = "sign_core::lenient::deserialize")]
    pub last_name: String,
    /// The phone number associated with the shipping address
    pub phone: Phone,
    /// 快递单号 (tracking number)
    #[serde(
        rename = "trackingNo",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::deserialize"
    )]
    pub tracking_no: Option<String>,
}

impl Shipping {
    /// Creates a `Shipping` from its required fields; optional fields start unset (set them with `with_*`).
    pub fn new(
        address: impl Into<Address>,
        first_name: impl Into<String>,
        last_name: impl Into<String>,
        phone: impl Into<Phone>,
    ) -> Self {
        Self {
            address: address.into(),
            carrier: None,
            email: None,
            first_name: first_name.into(),
            last_name: last_name.into(),
            phone: phone.into(),
            tracking_no: None,
        }
    }

    /// Sets `carrier`.
    #[must_use]
    pub fn with_carrier(mut self, value: impl Into<String>) -> Self {
        self.carrier = Some(value.into());
        self
    }

    /// Sets `email`.
    #[must_use]
    pub fn with_email(mut self, value: impl Into<String>) -> Self {
        self.email = Some(value.into());
        self
    }

    /// Sets `trackingNo`.
    #[must_use]
    pub fn with_tracking_no(mut self, value: impl Into<String>) -> Self {
        self.tracking_no = Some(value.into());
        self
    }
}

impl Shipping {
    /// A builder naming every field:
    /// `Shipping::builder().address(..).first_name(..).build()`.
    /// Prefer it to [`new`](Self::new) when required fields share a type and could be swapped
    /// unnoticed.
    pub fn builder() -> ShippingBuilder {
        ShippingBuilder::default()
    }
}

/// Builds a [`Shipping`] field by field; [`build`](Self::build) names the first required field
/// left unset.
#[derive(Debug, Clone, Default)]
#[must_use]
pub struct ShippingBuilder {
    address: Option<Address>,
    carrier: Option<String>,
    email: Option<String>,
    first_name: Option<String>,
    last_name: Option<String>,
    phone: Option<Phone>,
    tracking_no: Option<String>,
}

impl ShippingBuilder {
    /// Sets `address` (required).
    pub fn address(mut self, value: impl Into<Address>) -> Self {
        self.address = Some(value.into());
        self
    }

    /// Sets `carrier`.
    pub fn carrier(mut self, value: impl Into<String>) -> Self {
        self.carrier = Some(value.into());
        self
    }

    /// Sets `email`.
    pub fn email(mut self, value: impl Into<String>) -> Self {
        self.email = Some(value.into());
        self
    }

    /// Sets `firstName` (required).
    pub fn first_name(mut self, value: impl Into<String>) -> Self {
        self.first_name = Some(value.into());
        self
    }

    /// Sets `lastName` (required).
    pub fn last_name(mut self, value: impl Into<String>) -> Self {
        self.last_name = Some(value.into());
        self
    }

    /// Sets `phone` (required).
    pub fn phone(mut self, value: impl Into<Phone>) -> Self {
        self.phone = Some(value.into());
        self
    }

    /// Sets `trackingNo`.
    pub fn tracking_no(mut self, value: impl Into<String>) -> Self {
        self.tracking_no = Some(value.into());
        self
    }

    /// The `Shipping`.
    ///
    /// # Errors
    /// `InvalidRequest` naming the first required field left unset, e.g.
    /// `"Shipping: address must be set"`.
    pub fn build(self) -> Result<Shipping, sign_core::InvalidRequest> {
        Ok(Shipping {
            address: self
                .address
                .ok_or_else(|| sign_core::InvalidRequest::field("Shipping", "address", "must be set"))?,
            carrier: self.carrier,
            email: self.email,
            first_name: self
                .first_name
                .ok_or_else(|| sign_core::InvalidRequest::field("Shipping", "firstName", "must be set"))?,
            last_name: self
                .last_name
                .ok_or_else(|| sign_core::InvalidRequest::field("Shipping", "lastName", "must be set"))?,
            phone: self.phone.ok_or_else(|| sign_core::InvalidRequest::field("Shipping", "phone", "must be set"))?,
            tracking_no: self.tracking_no,
        })
    }
}

impl Shipping {
    /// Checks the rules of the constraints column of `docs/acqra-gateway/common.md`, in this type and in the doc
    /// types it holds. `context` (the endpoint's name) starts every message; `path` is where this
    /// value sits in the request (`""` at the top, `"items[2]."` inside a list), put before each
    /// field name.
    ///
    /// # Errors
    /// The first rule broken, as an [`InvalidRequest`](sign_core::InvalidRequest) naming the field,
    /// never its value.
    #[doc(hidden)]
    pub fn validate_fields(&self, context: &str, path: &str) -> Result<(), sign_core::InvalidRequest> {
        self.address.validate_fields(context, &format!("{path}address."))?;
        if let Some(v) = &self.email {
            sign_core::check::len(context, &sign_core::check::at(path, "email"), v.as_str(), 3, 255)?;
        }
        sign_core::check::len(context, &sign_core::check::at(path, "firstName"), self.first_name.as_str(), 1, 64)?;
        sign_core::check::len(context, &sign_core::check::at(path, "lastName"), self.last_name.as_str(), 1, 50)?;
        self.phone.validate_fields(context, &format!("{path}phone."))?;
        Ok(())
    }
}

/// `ProductInfo`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ProductInfo {
    /// 商品主图url [1...512] (product image URL, 1 to 512 characters)
    #[serde(
        rename = "imageUrl",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::deserialize"
    )]
    pub image_url: Option<String>,
    /// 商品单价 (unit price)
    pub price: sign_core::Decimal,
    /// 商品名称string [1...512] (product name, 1 to 512 characters)
    #[serde(rename = "productName", deserialize_with = "sign_core::lenient::deserialize")]
    pub product_name: String,
    /// 商品数量 (quantity)
    #[serde(deserialize_with = "sign_core::lenient::deserialize")]
    pub quantity: String,
    /// 商品编号 (product number (SKU))
    #[serde(deserialize_with = "sign_core::lenient::deserialize")]
    pub sku: String,
    /// 商品在线访问url地址 [1...512] (product page URL, 1 to 512 characters)
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "sign_core::lenient::deserialize")]
    pub url: Option<String>,
}

impl ProductInfo {
    /// Creates a `ProductInfo` from its required fields; optional fields start unset (set them with `with_*`).
    pub fn new(
        price: impl Into<sign_core::Decimal>,
        product_name: impl Into<String>,
        quantity: impl Into<String>,
        sku: impl Into<String>,
    ) -> Self {
        Self {
            image_url: None,
            price: price.into(),
            product_name: product_name.into(),
            quantity: quantity.into(),
            sku: sku.into(),
            url: None,
        }
    }

    /// Sets `imageUrl`.
    #[must_use]
    pub fn with_image_url(mut self, value: impl Into<String>) -> Self {
        self.image_url = Some(value.into());
        self
    }

    /// Sets `url`.
    #[must_use]
    pub fn with_url(mut self, value: impl Into<String>) -> Self {
        self.url = Some(value.into());
        self
    }
}

impl ProductInfo {
    /// A builder naming every field:
    /// `ProductInfo::builder().price(..).product_name(..).build()`.
    /// Prefer it to [`new`](Self::new) when required fields share a type and could be swapped
    /// unnoticed.
    pub fn builder() -> ProductInfoBuilder {
        ProductInfoBuilder::default()
    }
}

/// Builds a [`ProductInfo`] field by field; [`build`](Self::build) names the first required field
/// left unset.
#[derive(Debug, Clone, Default)]
#[must_use]
pub struct ProductInfoBuilder {
    image_url: Option<String>,
    price: Option<sign_core::Decimal>,
    product_name: Option<String>,
    quantity: Option<String>,
    sku: Option<String>,
    url: Option<String>,
}

impl ProductInfoBuilder {
    /// Sets `imageUrl`.
    pub fn image_url(mut self, value: impl Into<String>) -> Self {
        self.image_url = Some(value.into());
        self
    }

    /// Sets `price` (required).
    pub fn price(mut self, value: impl Into<sign_core::Decimal>) -> Self {
        self.price = Some(value.into());
        self
    }

    /// Sets `productName` (required).
    pub fn product_name(mut self, value: impl Into<String>) -> Self {
        self.product_name = Some(value.into());
        self
    }

    /// Sets `quantity` (required).
    pub fn quantity(mut self, value: impl Into<String>) -> Self {
        self.quantity = Some(value.into());
        self
    }

    /// Sets `sku` (required).
    pub fn sku(mut self, value: impl Into<String>) -> Self {
        self.sku = Some(value.into());
        self
    }

    /// Sets `url`.
    pub fn url(mut self, value: impl Into<String>) -> Self {
        self.url = Some(value.into());
        self
    }

    /// The `ProductInfo`.
    ///
    /// # Errors
    /// `InvalidRequest` naming the first required field left unset, e.g.
    /// `"ProductInfo: price must be set"`.
    pub fn build(self) -> Result<ProductInfo, sign_core::InvalidRequest> {
        Ok(ProductInfo {
            image_url: self.image_url,
            price: self.price.ok_or_else(|| sign_core::InvalidRequest::field("ProductInfo", "price", "must be set"))?,
            product_name: self
                .product_name
                .ok_or_else(|| sign_core::InvalidRequest::field("ProductInfo", "productName", "must be set"))?,
            quantity: self
                .quantity
                .ok_or_else(|| sign_core::InvalidRequest::field("ProductInfo", "quantity", "must be set"))?,
            sku: self.sku.ok_or_else(|| sign_core::InvalidRequest::field("ProductInfo", "sku", "must be set"))?,
            url: self.url,
        })
    }
}

impl ProductInfo {
    /// Checks the rules of the constraints column of `docs/acqra-gateway/common.md`, in this type and in the doc
    /// types it holds. `context` (the endpoint's name) starts every message; `path` is where this
    /// value sits in the request (`""` at the top, `"items[2]."` inside a list), put before each
    /// field name.
    ///
    /// # Errors
    /// The first rule broken, as an [`InvalidRequest`](sign_core::InvalidRequest) naming the field,
    /// never its value.
    #[doc(hidden)]
    pub fn validate_fields(&self, context: &str, path: &str) -> Result<(), sign_core::InvalidRequest> {
        if let Some(v) = &self.image_url {
            sign_core::check::len(context, &sign_core::check::at(path, "imageUrl"), v.as_str(), 1, 512)?;
        }
        sign_core::check::len(context, &sign_core::check::at(path, "productName"), self.product_name.as_str(), 1, 512)?;
        if let Some(v) = &self.url {
            sign_core::check::len(context, &sign_core::check::at(path, "url"), v.as_str(), 1, 512)?;
        }
        Ok(())
    }
}

/// `Card`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Card {
    /// 是否自动capture[auto、manual],default:auto (capture automatically or manually: auto or manual, default auto)
    #[serde(rename = "captureMethod", default, skip_serializing_if = "Option::is_none")]
    pub capture_method: Option<CaptureMethod>,
    /// cardNo [M,max13~max19]
    #[serde(rename = "cardNo", with = "sign_core::secret::serde_expose")]
    pub card_no: sign_core::SecretString,
    /// 信用卡安全码 (card security code (CVC))
    #[serde(default, skip_serializing_if = "Option::is_none", with = "sign_core::secret::serde_expose::option")]
    pub cvc: Option<sign_core::SecretString>,
    /// 卡到期月份的两位数字 (card expiry month, two digits)
    #[serde(rename = "expiryMonth", deserialize_with = "sign_core::lenient::deserialize")]
    pub expiry_month: String,
    /// 卡到期年份的四位数字 (card expiry year, four digits)
    #[serde(rename = "expiryYear", deserialize_with = "sign_core::lenient::deserialize")]
    pub expiry_year: String,
    /// 名字 (first name)
    #[serde(rename = "firstName", deserialize_with = "sign_core::lenient::deserialize")]
    pub first_name: String,
    /// 姓氏 (last name)
    #[serde(rename = "lastName", deserialize_with = "sign_core::lenient::deserialize")]
    pub last_name: String,
}

impl Card {
    /// Creates a `Card` from its required fields; optional fields start unset (set them with `with_*`).
    pub fn new(
        card_no: impl Into<sign_core::SecretString>,
        expiry_month: impl Into<String>,
        expiry_year: impl Into<String>,
        first_name: impl Into<String>,
        last_name: impl Into<String>,
    ) -> Self {
        Self {
            capture_method: None,
            card_no: card_no.into(),
            cvc: None,
            expiry_month: expiry_month.into(),
            expiry_year: expiry_year.into(),
            first_name: first_name.into(),
            last_name: last_name.into(),
        }
    }

    /// Sets `captureMethod`.
    #[must_use]
    pub fn with_capture_method(mut self, value: impl Into<CaptureMethod>) -> Self {
        self.capture_method = Some(value.into());
        self
    }

    /// Sets `cvc`.
    #[must_use]
    pub fn with_cvc(mut self, value: impl Into<sign_core::SecretString>) -> Self {
        self.cvc = Some(value.into());
        self
    }
}

impl Card {
    /// A builder naming every field:
    /// `Card::builder().card_no(..).expiry_month(..).build()`.
    /// Prefer it to [`new`](Self::new) when required fields share a type and could be swapped
    /// unnoticed.
    pub fn builder() -> CardBuilder {
        CardBuilder::default()
    }
}

/// Builds a [`Card`] field by field; [`build`](Self::build) names the first required field
/// left unset.
#[derive(Debug, Clone, Default)]
#[must_use]
pub struct CardBuilder {
    capture_method: Option<CaptureMethod>,
    card_no: Option<sign_core::SecretString>,
    cvc: Option<sign_core::SecretString>,
    expiry_month: Option<String>,
    expiry_year: Option<String>,
    first_name: Option<String>,
    last_name: Option<String>,
}

impl CardBuilder {
    /// Sets `captureMethod`.
    pub fn capture_method(mut self, value: impl Into<CaptureMethod>) -> Self {
        self.capture_method = Some(value.into());
        self
    }

    /// Sets `cardNo` (required).
    pub fn card_no(mut self, value: impl Into<sign_core::SecretString>) -> Self {
        self.card_no = Some(value.into());
        self
    }

    /// Sets `cvc`.
    pub fn cvc(mut self, value: impl Into<sign_core::SecretString>) -> Self {
        self.cvc = Some(value.into());
        self
    }

    /// Sets `expiryMonth` (required).
    pub fn expiry_month(mut self, value: impl Into<String>) -> Self {
        self.expiry_month = Some(value.into());
        self
    }

    /// Sets `expiryYear` (required).
    pub fn expiry_year(mut self, value: impl Into<String>) -> Self {
        self.expiry_year = Some(value.into());
        self
    }

    /// Sets `firstName` (required).
    pub fn first_name(mut self, value: impl Into<String>) -> Self {
        self.first_name = Some(value.into());
        self
    }

    /// Sets `lastName` (required).
    pub fn last_name(mut self, value: impl Into<String>) -> Self {
        self.last_name = Some(value.into());
        self
    }

    /// The `Card`.
    ///
    /// # Errors
    /// `InvalidRequest` naming the first required field left unset, e.g.
    /// `"Card: cardNo must be set"`.
    pub fn build(self) -> Result<Card, sign_core::InvalidRequest> {
        Ok(Card {
            capture_method: self.capture_method,
            card_no: self.card_no.ok_or_else(|| sign_core::InvalidRequest::field("Card", "cardNo", "must be set"))?,
            cvc: self.cvc,
            expiry_month: self
                .expiry_month
                .ok_or_else(|| sign_core::InvalidRequest::field("Card", "expiryMonth", "must be set"))?,
            expiry_year: self
                .expiry_year
                .ok_or_else(|| sign_core::InvalidRequest::field("Card", "expiryYear", "must be set"))?,
            first_name: self
                .first_name
                .ok_or_else(|| sign_core::InvalidRequest::field("Card", "firstName", "must be set"))?,
            last_name: self
                .last_name
                .ok_or_else(|| sign_core::InvalidRequest::field("Card", "lastName", "must be set"))?,
        })
    }
}

impl Card {
    /// Checks the rules of the constraints column of `docs/acqra-gateway/common.md`, in this type and in the doc
    /// types it holds. `context` (the endpoint's name) starts every message; `path` is where this
    /// value sits in the request (`""` at the top, `"items[2]."` inside a list), put before each
    /// field name.
    ///
    /// # Errors
    /// The first rule broken, as an [`InvalidRequest`](sign_core::InvalidRequest) naming the field,
    /// never its value.
    #[doc(hidden)]
    pub fn validate_fields(&self, context: &str, path: &str) -> Result<(), sign_core::InvalidRequest> {
        sign_core::check::len(context, &sign_core::check::at(path, "cardNo"), self.card_no.expose(), 13, 19)?;
        sign_core::check::digits(context, &sign_core::check::at(path, "cardNo"), self.card_no.expose())?;
        if let Some(v) = &self.cvc {
            sign_core::check::len(context, &sign_core::check::at(path, "cvc"), v.expose(), 3, 4)?;
            sign_core::check::digits(context, &sign_core::check::at(path, "cvc"), v.expose())?;
        }
        sign_core::check::one_of(
            context,
            &sign_core::check::at(path, "expiryMonth"),
            self.expiry_month.as_str(),
            &["01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12"],
        )?;
        sign_core::check::len(context, &sign_core::check::at(path, "expiryYear"), self.expiry_year.as_str(), 4, 4)?;
        sign_core::check::digits(context, &sign_core::check::at(path, "expiryYear"), self.expiry_year.as_str())?;
        Ok(())
    }
}

/// `DeviceInfo`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct DeviceInfo {
    /// 浏览器端信息 (browser details)
    pub browser: Browser,
    /// 用户的IP地址,预防欺诈所必需的,支持ipv4、ipv6 (payer's IP address (IPv4 or IPv6), needed for fraud prevention)
    #[serde(rename = "clientIp", deserialize_with = "sign_core::lenient::deserialize")]
    pub client_ip: String,
    /// 设备id (device id)
    #[serde(
        rename = "deviceId",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::deserialize"
    )]
    pub device_id: Option<String>,
    /// 语言 (language)
    #[serde(deserialize_with = "sign_core::lenient::deserialize")]
    pub language: String,
    /// 经纬度信息 (location (latitude and longitude))
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::optional_object"
    )]
    pub location: Option<Location>,
    /// 手机操作终端信息 (mobile device details)
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::optional_object"
    )]
    pub mobile: Option<Mobile>,
}

impl DeviceInfo {
    /// Creates a `DeviceInfo` from its required fields; optional fields start unset (set them with `with_*`).
    pub fn new(browser: impl Into<Browser>, client_ip: impl Into<String>, language: impl Into<String>) -> Self {
        Self {
            browser: browser.into(),
            client_ip: client_ip.into(),
            device_id: None,
            language: language.into(),
            location: None,
            mobile: None,
        }
    }

    /// Sets `deviceId`.
    #[must_use]
    pub fn with_device_id(mut self, value: impl Into<String>) -> Self {
        self.device_id = Some(value.into());
        self
    }

    /// Sets `location`.
    #[must_use]
    pub fn with_location(mut self, value: impl Into<Location>) -> Self {
        self.location = Some(value.into());
        self
    }

    /// Sets `mobile`.
    #[must_use]
    pub fn with_mobile(mut self, value: impl Into<Mobile>) -> Self {
        self.mobile = Some(value.into());
        self
    }
}

impl DeviceInfo {
    /// A builder naming every field:
    /// `DeviceInfo::builder().browser(..).client_ip(..).build()`.
    /// Prefer it to [`new`](Self::new) when required fields share a type and could be swapped
    /// unnoticed.
    pub fn builder() -> DeviceInfoBuilder {
        DeviceInfoBuilder::default()
    }
}

/// Builds a [`DeviceInfo`] field by field; [`build`](Self::build) names the first required field
/// left unset.
#[derive(Debug, Clone, Default)]
#[must_use]
pub struct DeviceInfoBuilder {
    browser: Option<Browser>,
    client_ip: Option<String>,
    device_id: Option<String>,
    language: Option<String>,
    location: Option<Location>,
    mobile: Option<Mobile>,
}

impl DeviceInfoBuilder {
    /// Sets `browser` (required).
    pub fn browser(mut self, value: impl Into<Browser>) -> Self {
        self.browser = Some(value.into());
        self
    }

    /// Sets `clientIp` (required).
    pub fn client_ip(mut self, value: impl Into<String>) -> Self {
        self.client_ip = Some(value.into());
        self
    }

    /// Sets `deviceId`.
    pub fn device_id(mut self, value: impl Into<String>) -> Self {
        self.device_id = Some(value.into());
        self
    }

    /// Sets `language` (required).
    pub fn language(mut self, value: impl Into<String>) -> Self {
        self.language = Some(value.into());
        self
    }

    /// Sets `location`.
    pub fn location(mut self, value: impl Into<Location>) -> Self {
        self.location = Some(value.into());
        self
    }

    /// Sets `mobile`.
    pub fn mobile(mut self, value: impl Into<Mobile>) -> Self {
        self.mobile = Some(value.into());
        self
    }

    /// The `DeviceInfo`.
    ///
    /// # Errors
    /// `InvalidRequest` naming the first required field left unset, e.g.
    /// `"DeviceInfo: browser must be set"`.
    pub fn build(self) -> Result<DeviceInfo, sign_core::InvalidRequest> {
        Ok(DeviceInfo {
            browser: self
                .browser
                .ok_or_else(|| sign_core::InvalidRequest::field("DeviceInfo", "browser", "must be set"))?,
            client_ip: self
                .client_ip
                .ok_or_else(|| sign_core::InvalidRequest::field("DeviceInfo", "clientIp", "must be set"))?,
            device_id: self.device_id,
            language: self
                .language
                .ok_or_else(|| sign_core::InvalidRequest::field("DeviceInfo", "language", "must be set"))?,
            location: self.location,
            mobile: self.mobile,
        })
    }
}

/// `Browser`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Browser {
    /// 指纹标识 (browser Accept header (fingerprint))
    #[serde(
        rename = "acceptHeader",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::deserialize"
    )]
    pub accept_header: Option<String>,
    /// 色彩深度 (colour depth)
    #[serde(
        rename = "colorDepth",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::deserialize"
    )]
    pub color_depth: Option<String>,
    /// 是否启用java (whether Java is enabled)
    #[serde(
        rename = "javaEnable",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::deserialize"
    )]
    pub java_enable: Option<bool>,
    /// 是否启用javascript (whether JavaScript is enabled)
    #[serde(
        rename = "javascriptEnable",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::deserialize"
    )]
    pub javascript_enable: Option<bool>,
    /// 浏览器高度 (screen height)
    #[serde(
        rename = "screenHeight",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::deserialize"
    )]
    pub screen_height: Option<String>,
    /// 浏览器宽度 (screen width)
    #[serde(
        rename = "screenWidth",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::deserialize"
    )]
    pub screen_width: Option<String>,
    /// 购买者会话id (buyer's session id)
    #[serde(
        rename = "sessionId",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::deserialize"
    )]
    pub session_id: Option<String>,
    /// 时区 (time zone)
    #[serde(
        rename = "timeZone",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::deserialize"
    )]
    pub time_zone: Option<String>,
    /// userAgent
    #[serde(rename = "userAgent", deserialize_with = "sign_core::lenient::deserialize")]
    pub user_agent: String,
}

impl Browser {
    /// Creates a `Browser` from its required fields; optional fields start unset (set them with `with_*`).
    pub fn new(user_agent: impl Into<String>) -> Self {
        Self {
            accept_header: None,
            color_depth: None,
            java_enable: None,
            javascript_enable: None,
            screen_height: None,
            screen_width: None,
            session_id: None,
            time_zone: None,
            user_agent: user_agent.into(),
        }
    }

    /// Sets `acceptHeader`.
    #[must_use]
    pub fn with_accept_header(mut self, value: impl Into<String>) -> Self {
        self.accept_header = Some(value.into());
        self
    }

    /// Sets `colorDepth`.
    #[must_use]
    pub fn with_color_depth(mut self, value: impl Into<String>) -> Self {
        self.color_depth = Some(value.into());
        self
    }

    /// Sets `javaEnable`.
    #[must_use]
    pub fn with_java_enable(mut self, value: impl Into<bool>) -> Self {
        self.java_enable = Some(value.into());
        self
    }

    /// Sets `javascriptEnable`.
    #[must_use]
    pub fn with_javascript_enable(mut self, value: impl Into<bool>) -> Self {
        self.javascript_enable = Some(value.into());
        self
    }

    /// Sets `screenHeight`.
    #[must_use]
    pub fn with_screen_height(mut self, value: impl Into<String>) -> Self {
        self.screen_height = Some(value.into());
        self
    }

    /// Sets `screenWidth`.
    #[must_use]
    pub fn with_screen_width(mut self, value: impl Into<String>) -> Self {
        self.screen_width = Some(value.into());
        self
    }

    /// Sets `sessionId`.
    #[must_use]
    pub fn with_session_id(mut self, value: impl Into<String>) -> Self {
        self.session_id = Some(value.into());
        self
    }

    /// Sets `timeZone`.
    #[must_use]
    pub fn with_time_zone(mut self, value: impl Into<String>) -> Self {
        self.time_zone = Some(value.into());
        self
    }
}

/// `Location`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Location {
    /// 纬度 (latitude)
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "sign_core::lenient::deserialize")]
    pub lat: Option<String>,
    /// 经度 (longitude)
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "sign_core::lenient::deserialize")]
    pub lon: Option<String>,
}

impl Location {
    /// Creates a `Location` from its required fields; optional fields start unset (set them with `with_*`).
    pub fn new() -> Self {
        Self { lat: None, lon: None }
    }

    /// Sets `lat`.
    #[must_use]
    pub fn with_lat(mut self, value: impl Into<String>) -> Self {
        self.lat = Some(value.into());
        self
    }

    /// Sets `lon`.
    #[must_use]
    pub fn with_lon(mut self, value: impl Into<String>) -> Self {
        self.lon = Some(value.into());
        self
    }
}

/// `Mobile`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Mobile {
    /// 设备 (device model)
    #[serde(
        rename = "deviceModel",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::deserialize"
    )]
    pub device_model: Option<String>,
    /// 系统类型 (OS type)
    #[serde(
        rename = "osType",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::deserialize"
    )]
    pub os_type: Option<String>,
    /// 系统版本 (OS version)
    #[serde(
        rename = "osVersion",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::deserialize"
    )]
    pub os_version: Option<String>,
}

impl Mobile {
    /// Creates a `Mobile` from its required fields; optional fields start unset (set them with `with_*`).
    pub fn new() -> Self {
        Self { device_model: None, os_type: None, os_version: None }
    }

    /// Sets `deviceModel`.
    #[must_use]
    pub fn with_device_model(mut self, value: impl Into<String>) -> Self {
        self.device_model = Some(value.into());
        self
    }

    /// Sets `osType`.
    #[must_use]
    pub fn with_os_type(mut self, value: impl Into<String>) -> Self {
        self.os_type = Some(value.into());
        self
    }

    /// Sets `osVersion`.
    #[must_use]
    pub fn with_os_version(mut self, value: impl Into<String>) -> Self {
        self.os_version = Some(value.into());
        self
    }
}

/// The values the provider's examples list for `paymentMethodType` (the payment example and the query example
/// together).
///
/// Values these docs do not list are kept in `Unknown`, so a new provider value never breaks parsing. Read from a JSON string or a number alike.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum PaymentMethodType {
    /// `card`: card
    Card,
    /// `payNow`: payNow
    PayNow,
    /// `paypal`: paypal
    Paypal,
    /// `wechat`: wechat
    Wechat,
    /// `upi`: upi
    Upi,
    /// `upay`: upay
    Upay,
    /// `alipay`: alipay
    Alipay,
    /// `alipayPlus`: alipayPlus
    AlipayPlus,
    /// `shopeePay`: shopeePay
    ShopeePay,
    /// `applePay`: applePay
    ApplePay,
    /// `googlePay`: googlePay
    GooglePay,
    /// A value these docs do not list, kept verbatim.
    Unknown(String),
}

impl PaymentMethodType {
    /// The value as sent on the wire.
    pub fn as_str(&self) -> &str {
        match self {
            Self::Card => "card",
            Self::PayNow => "payNow",
            Self::Paypal => "paypal",
            Self::Wechat => "wechat",
            Self::Upi => "upi",
            Self::Upay => "upay",
            Self::Alipay => "alipay",
            Self::AlipayPlus => "alipayPlus",
            Self::ShopeePay => "shopeePay",
            Self::ApplePay => "applePay",
            Self::GooglePay => "googlePay",
            Self::Unknown(v) => v,
        }
    }
}

impl From<&str> for PaymentMethodType {
    fn from(v: &str) -> Self {
        match v {
            "card" => Self::Card,
            "payNow" => Self::PayNow,
            "paypal" => Self::Paypal,
            "wechat" => Self::Wechat,
            "upi" => Self::Upi,
            "upay" => Self::Upay,
            "alipay" => Self::Alipay,
            "alipayPlus" => Self::AlipayPlus,
            "shopeePay" => Self::ShopeePay,
            "applePay" => Self::ApplePay,
            "googlePay" => Self::GooglePay,
            _ => Self::Unknown(v.to_string()),
        }
    }
}

impl std::fmt::Display for PaymentMethodType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl serde::Serialize for PaymentMethodType {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> serde::Deserialize<'de> for PaymentMethodType {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // A string or a number: `3` and `"3"` are the same value to a Java or PHP backend.
        let v = sign_core::lenient::text(deserializer)?;
        Ok(Self::from(v.as_str()))
    }
}

/// `CaptureMethod`.
///
/// Values these docs do not list are kept in `Unknown`, so a new provider value never breaks parsing. Read from a JSON string or a number alike.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum CaptureMethod {
    /// `auto`: 自动capture (capture automatically; the default)
    Auto,
    /// `manual`: 手动capture (capture manually, with the capture call)
    Manual,
    /// A value these docs do not list, kept verbatim.
    Unknown(String),
}

impl CaptureMethod {
    /// The value as sent on the wire.
    pub fn as_str(&self) -> &str {
        match self {
            Self::Auto => "auto",
            Self::Manual => "manual",
            Self::Unknown(v) => v,
        }
    }
}

impl From<&str> for CaptureMethod {
    fn from(v: &str) -> Self {
        match v {
            "auto" => Self::Auto,
            "manual" => Self::Manual,
            _ => Self::Unknown(v.to_string()),
        }
    }
}

impl std::fmt::Display for CaptureMethod {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl serde::Serialize for CaptureMethod {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> serde::Deserialize<'de> for CaptureMethod {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // A string or a number: `3` and `"3"` are the same value to a Java or PHP backend.
        let v = sign_core::lenient::text(deserializer)?;
        Ok(Self::from(v.as_str()))
    }
}

/// `ThreeDsMode`.
///
/// Values these docs do not list are kept in `Unknown`, so a new provider value never breaks parsing. Read from a JSON string or a number alike.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ThreeDsMode {
    /// `no`: no
    No,
    /// `auto`: auto
    Auto,
    /// `standard`: standard
    Standard,
    /// A value these docs do not list, kept verbatim.
    Unknown(String),
}

impl ThreeDsMode {
    /// The value as sent on the wire.
    pub fn as_str(&self) -> &str {
        match self {
            Self::No => "no",
            Self::Auto => "auto",
            Self::Standard => "standard",
            Self::Unknown(v) => v,
        }
    }
}

impl From<&str> for ThreeDsMode {
    fn from(v: &str) -> Self {
        match v {
            "no" => Self::No,
            "auto" => Self::Auto,
            "standard" => Self::Standard,
            _ => Self::Unknown(v.to_string()),
        }
    }
}

impl std::fmt::Display for ThreeDsMode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl serde::Serialize for ThreeDsMode {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> serde::Deserialize<'de> for ThreeDsMode {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // A string or a number: `3` and `"3"` are the same value to a Java or PHP backend.
        let v = sign_core::lenient::text(deserializer)?;
        Ok(Self::from(v.as_str()))
    }
}

/// `FraudMode`.
///
/// Values these docs do not list are kept in `Unknown`, so a new provider value never breaks parsing. Read from a JSON string or a number alike.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum FraudMode {
    /// `Y`: 欺诈检测 Y (fraud check on)
    Y,
    /// `N`: 欺诈检测 N (fraud check off)
    N,
    /// A value these docs do not list, kept verbatim.
    Unknown(String),
}

impl FraudMode {
    /// The value as sent on the wire.
    pub fn as_str(&self) -> &str {
        match self {
            Self::Y => "Y",
            Self::N => "N",
            Self::Unknown(v) => v,
        }
    }
}

impl From<&str> for FraudMode {
    fn from(v: &str) -> Self {
        match v {
            "Y" => Self::Y,
            "N" => Self::N,
            _ => Self::Unknown(v.to_string()),
        }
    }
}

impl std::fmt::Display for FraudMode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl serde::Serialize for FraudMode {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> serde::Deserialize<'de> for FraudMode {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // A string or a number: `3` and `"3"` are the same value to a Java or PHP backend.
        let v = sign_core::lenient::text(deserializer)?;
        Ok(Self::from(v.as_str()))
    }
}

/// 收银台模式-开通对应产品请联系运营人员. The provider's documentation shows only `session`.
///
/// Values these docs do not list are kept in `Unknown`, so a new provider value never breaks parsing. Read from a JSON string or a number alike.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum LinkMode {
    /// `session`: session
    Session,
    /// A value these docs do not list, kept verbatim.
    Unknown(String),
}

impl LinkMode {
    /// The value as sent on the wire.
    pub fn as_str(&self) -> &str {
        match self {
            Self::Session => "session",
            Self::Unknown(v) => v,
        }
    }
}

impl From<&str> for LinkMode {
    fn from(v: &str) -> Self {
        match v {
            "session" => Self::Session,
            _ => Self::Unknown(v.to_string()),
        }
    }
}

impl std::fmt::Display for LinkMode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl serde::Serialize for LinkMode {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> serde::Deserialize<'de> for LinkMode {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // A string or a number: `3` and `"3"` are the same value to a Java or PHP backend.
        let v = sign_core::lenient::text(deserializer)?;
        Ok(Self::from(v.as_str()))
    }
}

/// 定期支付原因 / 计划类型: RECURRING/INSTALMENT/UNSCHEDULED.
///
/// Values these docs do not list are kept in `Unknown`, so a new provider value never breaks parsing. Read from a JSON string or a number alike.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum CustomerInitiatedReason {
    /// `RECURRING`: RECURRING
    Recurring,
    /// `INSTALMENT`: INSTALMENT
    Instalment,
    /// `UNSCHEDULED`: UNSCHEDULED
    Unscheduled,
    /// A value these docs do not list, kept verbatim.
    Unknown(String),
}

impl CustomerInitiatedReason {
    /// The value as sent on the wire.
    pub fn as_str(&self) -> &str {
        match self {
            Self::Recurring => "RECURRING",
            Self::Instalment => "INSTALMENT",
            Self::Unscheduled => "UNSCHEDULED",
            Self::Unknown(v) => v,
        }
    }
}

impl From<&str> for CustomerInitiatedReason {
    fn from(v: &str) -> Self {
        match v {
            "RECURRING" => Self::Recurring,
            "INSTALMENT" => Self::Instalment,
            "UNSCHEDULED" => Self::Unscheduled,
            _ => Self::Unknown(v.to_string()),
        }
    }
}

impl std::fmt::Display for CustomerInitiatedReason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl serde::Serialize for CustomerInitiatedReason {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> serde::Deserialize<'de> for CustomerInitiatedReason {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // A string or a number: `3` and `"3"` are the same value to a Java or PHP backend.
        let v = sign_core::lenient::text(deserializer)?;
        Ok(Self::from(v.as_str()))
    }
}

/// 交易之间以固定的、定期的间隔处理标识: `none/store,default is none`.
///
/// Values these docs do not list are kept in `Unknown`, so a new provider value never breaks parsing. Read from a JSON string or a number alike.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum StoredCredentials {
    /// `none`: none (default)
    None,
    /// `store`: store
    Store,
    /// A value these docs do not list, kept verbatim.
    Unknown(String),
}

impl StoredCredentials {
    /// The value as sent on the wire.
    pub fn as_str(&self) -> &str {
        match self {
            Self::None => "none",
            Self::Store => "store",
            Self::Unknown(v) => v,
        }
    }
}

impl From<&str> for StoredCredentials {
    fn from(v: &str) -> Self {
        match v {
            "none" => Self::None,
            "store" => Self::Store,
            _ => Self::Unknown(v.to_string()),
        }
    }
}

impl std::fmt::Display for StoredCredentials {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl serde::Serialize for StoredCredentials {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> serde::Deserialize<'de> for StoredCredentials {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // A string or a number: `3` and `"3"` are the same value to a Java or PHP backend.
        let v = sign_core::lenient::text(deserializer)?;
        Ok(Self::from(v.as_str()))
    }
}

/// 订单状态. The provider's documentation publishes no list: these are the values its examples show.
///
/// Values these docs do not list are kept in `Unknown`, so a new provider value never breaks parsing. Read from a JSON string or a number alike.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum OrderStatus {
    /// `authorized`: authorized
    Authorized,
    /// `successed`: successed
    Successed,
    /// `canceled`: canceled
    Canceled,
    /// A value these docs do not list, kept verbatim.
    Unknown(String),
}

impl OrderStatus {
    /// The value as sent on the wire.
    pub fn as_str(&self) -> &str {
        match self {
            Self::Authorized => "authorized",
            Self::Successed => "successed",
            Self::Canceled => "canceled",
            Self::Unknown(v) => v,
        }
    }
}

impl From<&str> for OrderStatus {
    fn from(v: &str) -> Self {
        match v {
            "authorized" => Self::Authorized,
            "successed" => Self::Successed,
            "canceled" => Self::Canceled,
            _ => Self::Unknown(v.to_string()),
        }
    }
}

impl std::fmt::Display for OrderStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl serde::Serialize for OrderStatus {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> serde::Deserialize<'de> for OrderStatus {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // A string or a number: `3` and `"3"` are the same value to a Java or PHP backend.
        let v = sign_core::lenient::text(deserializer)?;
        Ok(Self::from(v.as_str()))
    }
}

/// 退款状态. The provider's documentation publishes no list: this is the value its example shows.
///
/// Values these docs do not list are kept in `Unknown`, so a new provider value never breaks parsing. Read from a JSON string or a number alike.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum RefundStatus {
    /// `accepted`: accepted
    Accepted,
    /// A value these docs do not list, kept verbatim.
    Unknown(String),
}

impl RefundStatus {
    /// The value as sent on the wire.
    pub fn as_str(&self) -> &str {
        match self {
            Self::Accepted => "accepted",
            Self::Unknown(v) => v,
        }
    }
}

impl From<&str> for RefundStatus {
    fn from(v: &str) -> Self {
        match v {
            "accepted" => Self::Accepted,
            _ => Self::Unknown(v.to_string()),
        }
    }
}

impl std::fmt::Display for RefundStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl serde::Serialize for RefundStatus {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> serde::Deserialize<'de> for RefundStatus {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // A string or a number: `3` and `"3"` are the same value to a Java or PHP backend.
        let v = sign_core::lenient::text(deserializer)?;
        Ok(Self::from(v.as_str()))
    }
}

/// 商品货件的状态: `SHIPPED、CANCELLED、DELIVERED`.
///
/// Values these docs do not list are kept in `Unknown`, so a new provider value never breaks parsing. Read from a JSON string or a number alike.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ShippingStatus {
    /// `SHIPPED`: SHIPPED
    Shipped,
    /// `CANCELLED`: CANCELLED
    Cancelled,
    /// `DELIVERED`: DELIVERED
    Delivered,
    /// A value these docs do not list, kept verbatim.
    Unknown(String),
}

impl ShippingStatus {
    /// The value as sent on the wire.
    pub fn as_str(&self) -> &str {
        match self {
            Self::Shipped => "SHIPPED",
            Self::Cancelled => "CANCELLED",
            Self::Delivered => "DELIVERED",
            Self::Unknown(v) => v,
        }
    }
}

impl From<&str> for ShippingStatus {
    fn from(v: &str) -> Self {
        match v {
            "SHIPPED" => Self::Shipped,
            "CANCELLED" => Self::Cancelled,
            "DELIVERED" => Self::Delivered,
            _ => Self::Unknown(v.to_string()),
        }
    }
}

impl std::fmt::Display for ShippingStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl serde::Serialize for ShippingStatus {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> serde::Deserialize<'de> for ShippingStatus {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // A string or a number: `3` and `"3"` are the same value to a Java or PHP backend.
        let v = sign_core::lenient::text(deserializer)?;
        Ok(Self::from(v.as_str()))
    }
}

/// 表示货件是转发给收件人还是退回. The provider's documentation shows only `FORWARD`.
///
/// Values these docs do not list are kept in `Unknown`, so a new provider value never breaks parsing. Read from a JSON string or a number alike.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ShipmentDirection {
    /// `FORWARD`: FORWARD
    Forward,
    /// A value these docs do not list, kept verbatim.
    Unknown(String),
}

impl ShipmentDirection {
    /// The value as sent on the wire.
    pub fn as_str(&self) -> &str {
        match self {
            Self::Forward => "FORWARD",
            Self::Unknown(v) => v,
        }
    }
}

impl From<&str> for ShipmentDirection {
    fn from(v: &str) -> Self {
        match v {
            "FORWARD" => Self::Forward,
            _ => Self::Unknown(v.to_string()),
        }
    }
}

impl std::fmt::Display for ShipmentDirection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl serde::Serialize for ShipmentDirection {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> serde::Deserialize<'de> for ShipmentDirection {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // A string or a number: `3` and `"3"` are the same value to a Java or PHP backend.
        let v = sign_core::lenient::text(deserializer)?;
        Ok(Self::from(v.as_str()))
    }
}

/// 运单号的类型. The provider's documentation shows only `CARRIER_PROVIDED`.
///
/// Values these docs do not list are kept in `Unknown`, so a new provider value never breaks parsing. Read from a JSON string or a number alike.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum TrackingNumberType {
    /// `CARRIER_PROVIDED`: CARRIER_PROVIDED
    CarrierProvided,
    /// A value these docs do not list, kept verbatim.
    Unknown(String),
}

impl TrackingNumberType {
    /// The value as sent on the wire.
    pub fn as_str(&self) -> &str {
        match self {
            Self::CarrierProvided => "CARRIER_PROVIDED",
            Self::Unknown(v) => v,
        }
    }
}

impl From<&str> for TrackingNumberType {
    fn from(v: &str) -> Self {
        match v {
            "CARRIER_PROVIDED" => Self::CarrierProvided,
            _ => Self::Unknown(v.to_string()),
        }
    }
}

impl std::fmt::Display for TrackingNumberType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl serde::Serialize for TrackingNumberType {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> serde::Deserialize<'de> for TrackingNumberType {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // A string or a number: `3` and `"3"` are the same value to a Java or PHP backend.
        let v = sign_core::lenient::text(deserializer)?;
        Ok(Self::from(v.as_str()))
    }
}
