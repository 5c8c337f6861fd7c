// @generated from docs/visagenius/product_query.md by `cargo xtask codegen`; do not edit.
//! Product detail (商品详情查询)
//!
//! Generated from `docs/visagenius/product_query.md`.

use serde::{Deserialize, Serialize};

/// `ProductQueryRequest`.
///
/// Request of the `product_query` endpoint, `POST /openvisa/product_query`, sent with [`Client::product_query`](crate::Client::product_query): 商品详情查询 (product detail).
/// Idempotent (safe to retry). Response: `ProductQueryResponse`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ProductQueryRequest {
    /// 商品编号, e.g. 10106
    #[serde(deserialize_with = "sign_core::lenient::deserialize")]
    pub product_id: i64,
}

impl ProductQueryRequest {
    /// Creates a `ProductQueryRequest` from its required fields; optional fields start unset (set them with `with_*`).
    pub fn new(product_id: impl Into<i64>) -> Self {
        Self { product_id: product_id.into() }
    }
}

impl sign_core::Endpoint for ProductQueryRequest {
    type Response = ProductQueryResponse;
    const NAME: &'static str = "product_query";
    const METHOD: sign_core::Method = sign_core::Method::Post;
    const PATH: &'static str = "/openvisa/product_query";
    const IDEMPOTENT: bool = true;
}

/// `ProductQueryResponse`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ProductQueryResponse {
    /// 商品编号
    #[serde(deserialize_with = "sign_core::lenient::deserialize")]
    pub product_id: i64,
    /// 商品名称
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "sign_core::lenient::deserialize")]
    pub product_name: Option<String>,
    /// 国家 (an object; its fields are not public)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visa_country: Option<serde_json::Value>,
    /// 国家二字编码 (added 2024-08-26)
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "sign_core::lenient::deserialize")]
    pub country_code: Option<String>,
    /// 覆盖省份 (objects of two fields that are not public)
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "sign_core::lenient::optional_list")]
    pub cover_province: Option<Vec<serde_json::Value>>,
    /// 签证类型 (enumeration 1..30; meanings not public)
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "sign_core::lenient::deserialize")]
    pub visa_type_id: Option<i64>,
    /// 签证形式 (added 2024-11-29; values not public)
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "sign_core::lenient::deserialize")]
    pub visa_form: Option<i64>,
    /// 入境次数
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "sign_core::lenient::deserialize")]
    pub entry_count_unit: Option<String>,
    /// 有效期限
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "sign_core::lenient::deserialize")]
    pub validity_period_unit: Option<String>,
    /// 售价,单位分 (price in fen)
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "sign_core::lenient::optional_value")]
    pub price: Option<crate::Fen>,
    /// 更新时间 (provider's text, kept verbatim)
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "sign_core::lenient::deserialize")]
    pub update_time: Option<String>,
    /// 停留时长
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "sign_core::lenient::deserialize")]
    pub stay_duration_unit: Option<String>,
    /// 是否需要面试 (0 or 1)
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "sign_core::lenient::deserialize")]
    pub need_interview: Option<i64>,
    /// 是否需要快递 (0 or 1)
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "sign_core::lenient::deserialize")]
    pub need_delivery: Option<i64>,
    /// 电子材料 (version 2.0)
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sign_core::lenient::optional_object"
    )]
    pub elec_material: Option<ElecMaterial>,
}

impl ProductQueryResponse {
    /// Creates a `ProductQueryResponse` from its required fields; optional fields start unset (set them with `with_*`).
    pub fn new(product_id: impl Into<i64>) -> Self {
        Self {
            product_id: product_id.into(),
            product_name: None,
            visa_country: None,
            country_code: None,
            cover_province: None,
            visa_type_id: None,
            visa_form: None,
            entry_count_unit: None,
            validity_period_unit: None,
            price: None,
            update_time: None,
            stay_duration_unit: None,
            need_interview: None,
            need_delivery: None,
            elec_material: None,
        }
    }

    /// Sets `product_name`.
    #[must_use]
    pub fn with_product_name(mut self, value: impl Into<String>) -> Self {
        self.product_name = Some(value.into());
        self
    }

    /// Sets `visa_country`.
    #[must_use]
    pub fn with_visa_country(mut self, value: impl Into<serde_json::Value>) -> Self {
        self.visa_country = Some(value.into());
        self
    }

    /// Sets `country_code`.
    #[must_use]
    pub fn with_country_code(mut self, value: impl Into<String>) -> Self {
        self.country_code = Some(value.into());
        self
    }

    /// Sets `cover_province`.
    #[must_use]
    pub fn with_cover_province(mut self, value: impl Into<Vec<serde_json::Value>>) -> Self {
        self.cover_province = Some(value.into());
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

    /// Sets `entry_count_unit`.
    #[must_use]
    pub fn with_entry_count_unit(mut self, value: impl Into<String>) -> Self {
        self.entry_count_unit = Some(value.into());
        self
    }

    /// Sets `validity_period_unit`.
    #[must_use]
    pub fn with_validity_period_unit(mut self, value: impl Into<String>) -> Self {
        self.validity_period_unit = Some(value.into());
        self
    }

    /// Sets `price`.
    #[must_use]
    pub fn with_price(mut self, value: impl Into<crate::Fen>) -> Self {
        self.price = Some(value.into());
        self
    }

    /// Sets `update_time`.
    #[must_use]
    pub fn with_update_time(mut self, value: impl Into<String>) -> Self {
        self.update_time = Some(value.into());
        self
    }

    /// Sets `stay_duration_unit`.
    #[must_use]
    pub fn with_stay_duration_unit(mut self, value: impl Into<String>) -> Self {
        self.stay_duration_unit = Some(value.into());
        self
    }

    /// Sets `need_interview`.
    #[must_use]
    pub fn with_need_interview(mut self, value: impl Into<i64>) -> Self {
        self.need_interview = Some(value.into());
        self
    }

    /// Sets `need_delivery`.
    #[must_use]
    pub fn with_need_delivery(mut self, value: impl Into<i64>) -> Self {
        self.need_delivery = Some(value.into());
        self
    }

    /// Sets `elec_material`.
    #[must_use]
    pub fn with_elec_material(mut self, value: impl Into<ElecMaterial>) -> Self {
        self.elec_material = Some(value.into());
        self
    }
}

/// `ElecMaterial`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ElecMaterial {
    /// 样式 (format not public)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub style: Option<serde_json::Value>,
    /// 样例 (format not public)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pattern: Option<serde_json::Value>,
}

impl ElecMaterial {
    /// Creates a `ElecMaterial` from its required fields; optional fields start unset (set them with `with_*`).
    pub fn new() -> Self {
        Self { style: None, pattern: None }
    }

    /// Sets `style`.
    #[must_use]
    pub fn with_style(mut self, value: impl Into<serde_json::Value>) -> Self {
        self.style = Some(value.into());
        self
    }

    /// Sets `pattern`.
    #[must_use]
    pub fn with_pattern(mut self, value: impl Into<serde_json::Value>) -> Self {
        self.pattern = Some(value.into());
        self
    }
}
