// @generated from docs/visagenius/product_brief_query.md by `cargo xtask codegen`; do not edit.
//! Product list (商品列表查询)
//!
//! Generated from `docs/visagenius/product_brief_query.md`.

use serde::{Deserialize, Serialize};

/// `ProductBriefQueryRequest`.
///
/// Request of the `product_brief_query` endpoint, `POST /openvisa/product_brief_query`, sent with [`Client::product_brief_query`](crate::Client::product_brief_query): 商品列表查询 (list products).
/// Idempotent (safe to retry). Response: `ProductBriefQueryResponse`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ProductBriefQueryRequest {
    /// 国家名称, e.g. 韩国
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "sign_core::lenient::deserialize")]
    pub country_name: Option<String>,
    /// 国家ISO编码 (two-letter code)
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "sign_core::lenient::deserialize")]
    pub country_code: Option<String>,
    /// 省份code, e.g. 110000
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "sign_core::lenient::deserialize")]
    pub province_code: Option<String>,
}

impl ProductBriefQueryRequest {
    /// Creates a `ProductBriefQueryRequest` from its required fields; optional fields start unset (set them with `with_*`).
    pub fn new() -> Self {
        Self { country_name: None, country_code: None, province_code: None }
    }

    /// Sets `country_name`.
    #[must_use]
    pub fn with_country_name(mut self, value: impl Into<String>) -> Self {
        self.country_name = Some(value.into());
        self
    }

    /// Sets `country_code`.
    #[must_use]
    pub fn with_country_code(mut self, value: impl Into<String>) -> Self {
        self.country_code = Some(value.into());
        self
    }

    /// Sets `province_code`.
    #[must_use]
    pub fn with_province_code(mut self, value: impl Into<String>) -> Self {
        self.province_code = Some(value.into());
        self
    }
}

impl sign_core::Endpoint for ProductBriefQueryRequest {
    type Response = ProductBriefQueryResponse;
    const NAME: &'static str = "product_brief_query";
    const METHOD: sign_core::Method = sign_core::Method::Post;
    const PATH: &'static str = "/openvisa/product_brief_query";
    const IDEMPOTENT: bool = true;
}

/// `ProductBriefQueryResponse`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ProductBriefQueryResponse {
    /// 商品总数 (the list answer is shown only in the provider's notes, never in its document: read as optional)
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "sign_core::lenient::deserialize")]
    pub total_count: Option<i64>,
    /// 商品信息
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "sign_core::lenient::optional_list")]
    pub data: Option<Vec<ProductBrief>>,
}

impl ProductBriefQueryResponse {
    /// Creates a `ProductBriefQueryResponse` from its required fields; optional fields start unset (set them with `with_*`).
    pub fn new() -> Self {
        Self { total_count: None, data: None }
    }

    /// Sets `total_count`.
    #[must_use]
    pub fn with_total_count(mut self, value: impl Into<i64>) -> Self {
        self.total_count = Some(value.into());
        self
    }

    /// Sets `data`.
    #[must_use]
    pub fn with_data(mut self, value: impl Into<Vec<ProductBrief>>) -> Self {
        self.data = Some(value.into());
        self
    }
}

/// `ProductBrief`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ProductBrief {
    /// 商品编号 (inferred from the product detail)
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "sign_core::lenient::deserialize")]
    pub product_id: Option<i64>,
    /// 商品名称 (inferred from the product detail)
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "sign_core::lenient::deserialize")]
    pub product_name: Option<String>,
    /// 售价,单位分 (inferred from the product detail)
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "sign_core::lenient::optional_value")]
    pub price: Option<crate::Fen>,
    /// 国家二字编码 (added 2024-08-26)
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "sign_core::lenient::deserialize")]
    pub country_code: Option<String>,
    /// 签证类型 (enumeration 1..30; the meaning of each value is not public)
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "sign_core::lenient::deserialize")]
    pub visa_type_id: Option<i64>,
    /// 签证形式 (added 2024-11-29; values not public)
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "sign_core::lenient::deserialize")]
    pub visa_form: Option<i64>,
    /// 是否需要回寄材料 (0 or 1)
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "sign_core::lenient::deserialize")]
    pub need_return_material: Option<i64>,
    /// 有效期限, e.g. 0个月
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "sign_core::lenient::deserialize")]
    pub validity_period_unit: Option<String>,
}

impl ProductBrief {
    /// Creates a `ProductBrief` from its required fields; optional fields start unset (set them with `with_*`).
    pub fn new() -> Self {
        Self {
            product_id: None,
            product_name: None,
            price: None,
            country_code: None,
            visa_type_id: None,
            visa_form: None,
            need_return_material: None,
            validity_period_unit: None,
        }
    }

    /// Sets `product_id`.
    #[must_use]
    pub fn with_product_id(mut self, value: impl Into<i64>) -> Self {
        self.product_id = Some(value.into());
        self
    }

    /// Sets `product_name`.
    #[must_use]
    pub fn with_product_name(mut self, value: impl Into<String>) -> Self {
        self.product_name = Some(value.into());
        self
    }

    /// Sets `price`.
    #[must_use]
    pub fn with_price(mut self, value: impl Into<crate::Fen>) -> Self {
        self.price = Some(value.into());
        self
    }

    /// Sets `country_code`.
    #[must_use]
    pub fn with_country_code(mut self, value: impl Into<String>) -> Self {
        self.country_code = Some(value.into());
        self
    }

    /// Sets `visa_type_id`.
    #[must_use]
    pub fn with_visa_type_id(mut self, value: impl Into<i64>) -> Self {
        self.visa_type_id = Some(value.into());
        self
    }

    /// Sets `visa_form`.
    #[must_use]
    pub fn with_visa_form(mut self, value: impl Into<i64>) -> Self {
        self.visa_form = Some(value.into());
        self
    }

    /// Sets `need_return_material`.
    #[must_use]
    pub fn with_need_return_material(mut self, value: impl Into<i64>) -> Self {
        self.need_return_material = Some(value.into());
        self
    }

    /// Sets `validity_period_unit`.
    #[must_use]
    pub fn with_validity_period_unit(mut self, value: impl Into<String>) -> Self {
        self.validity_period_unit = Some(value.into());
        self
    }
}
