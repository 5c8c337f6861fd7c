//! 商品详情查询 (product detail). Generated from `docs/visagenius/product_query.md`: do not edit.

use serde::{Deserialize, Serialize};

/// Request of `product_query`: `POST /openvisa/product_query`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ProductQueryRequest {
    /// 商品编号, e.g. 10106
    pub product_id: i64,
}

impl ProductQueryRequest {
    /// A new `ProductQueryRequest` with its required fields.
    pub fn new(product_id: i64) -> Self {
        Self { product_id }
    }
}

/// `ProductQueryBody`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ProductQueryBody {
    /// 商品编号
    pub product_id: i64,
    /// 商品名称
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub product_name: Option<String>,
    /// 国家 (an object; its fields are not public)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visa_country: Option<serde_json::Value>,
    /// 国家二字编码 (added 2024-08-26)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country_code: Option<String>,
    /// 覆盖省份 (objects of two fields that are not public)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cover_province: Option<Vec<serde_json::Value>>,
    /// 签证类型 (enumeration 1..30; meanings not public)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visa_type_id: Option<i64>,
    /// 签证形式 (added 2024-11-29; values not public)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visa_form: Option<i64>,
    /// 入境次数
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entry_count_unit: Option<String>,
    /// 有效期限
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub validity_period_unit: Option<String>,
    /// 售价,单位分 (price in fen)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub price: Option<crate::Fen>,
    /// 更新时间 (provider's text, kept verbatim)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub update_time: Option<String>,
    /// 停留时长
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stay_duration_unit: Option<String>,
    /// 是否需要面试 (0 or 1)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub need_interview: Option<i64>,
    /// 是否需要快递 (0 or 1)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub need_delivery: Option<i64>,
    /// 电子材料 (version 2.0)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub elec_material: Option<ElecMaterial>,
}

/// `ElecMaterial`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ElecMaterial {
    /// 样式 (format not public)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub style: Option<serde_json::Value>,
    /// 样例 (format not public)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pattern: Option<serde_json::Value>,
}

impl sign_core::Endpoint for ProductQueryRequest {
    type Response = ProductQueryBody;
    const NAME: &'static str = "product_query";
    const METHOD: sign_core::Method = sign_core::Method::Post;
    const PATH: &'static str = "/openvisa/product_query";
    const IDEMPOTENT: bool = true;
}
