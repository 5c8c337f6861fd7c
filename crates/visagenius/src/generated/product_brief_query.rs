//! 商品列表查询 (list products). Generated from `docs/visagenius/product_brief_query.md`: do not edit.

use serde::{Deserialize, Serialize};

/// Request of `product_brief_query`: `POST /openvisa/product_brief_query`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ProductBriefQueryRequest {
    /// 国家名称, e.g. 韩国
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country_name: Option<String>,
    /// 国家ISO编码 (two-letter code)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country_code: Option<String>,
    /// 省份code, e.g. 110000
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub province_code: Option<String>,
}

impl ProductBriefQueryRequest {
    /// A new `ProductBriefQueryRequest` with its required fields.
    pub fn new() -> Self {
        Self { country_name: None, country_code: None, province_code: None }
    }

    /// Sets `country_name`: 国家名称, e.g. 韩国
    pub fn with_country_name(mut self, value: impl Into<String>) -> Self {
        self.country_name = Some(value.into());
        self
    }

    /// Sets `country_code`: 国家ISO编码 (two-letter code)
    pub fn with_country_code(mut self, value: impl Into<String>) -> Self {
        self.country_code = Some(value.into());
        self
    }

    /// Sets `province_code`: 省份code, e.g. 110000
    pub fn with_province_code(mut self, value: impl Into<String>) -> Self {
        self.province_code = Some(value.into());
        self
    }
}

/// `ProductBriefQueryBody`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ProductBriefQueryBody {
    /// 商品总数
    pub total_count: i64,
    /// 商品信息
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data: Option<Vec<ProductBrief>>,
}

/// `ProductBrief`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ProductBrief {
    /// 商品编号 (inferred from the product detail)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub product_id: Option<i64>,
    /// 商品名称 (inferred from the product detail)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub product_name: Option<String>,
    /// 售价,单位分 (inferred from the product detail)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub price: Option<crate::Fen>,
    /// 国家二字编码 (added 2024-08-26)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country_code: Option<String>,
    /// 签证类型 (enumeration 1..30; the meaning of each value is not public)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visa_type_id: Option<i64>,
    /// 签证形式 (added 2024-11-29; values not public)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visa_form: Option<i64>,
    /// 是否需要回寄材料 (0 or 1)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub need_return_material: Option<i64>,
    /// 有效期限, e.g. 0个月
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub validity_period_unit: Option<String>,
}

impl sign_core::Endpoint for ProductBriefQueryRequest {
    type Response = ProductBriefQueryBody;
    const NAME: &'static str = "product_brief_query";
    const METHOD: sign_core::Method = sign_core::Method::Post;
    const PATH: &'static str = "/openvisa/product_brief_query";
    const IDEMPOTENT: bool = true;
}
