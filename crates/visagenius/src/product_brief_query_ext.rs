//! Hand-written conveniences on the generated `product_brief_query` models.

use crate::generated::{ProductBrief, ProductBriefQueryResponse};

impl ProductBriefQueryResponse {
    /// The products of this page (`data`), empty when the provider omitted the list.
    pub fn products(&self) -> &[ProductBrief] {
        self.data.as_deref().unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn products_is_empty_without_data() {
        let none: ProductBriefQueryResponse = serde_json::from_str(r#"{"total_count":0}"#).unwrap();
        assert!(none.products().is_empty());
        let some: ProductBriefQueryResponse =
            serde_json::from_str(r#"{"total_count":9,"data":[{"product_id":1},{"product_id":2}]}"#).unwrap();
        let ids: Vec<_> = some.products().iter().filter_map(|p| p.product_id).collect();
        assert_eq!(ids, [1, 2]);
    }

    #[test]
    fn a_list_without_total_count_is_still_a_list() {
        // Only the provider's notes show `total_count`; a list answer without it is read, not refused.
        let list: ProductBriefQueryResponse = serde_json::from_str(r#"{"data":[{"product_id":7}]}"#).unwrap();
        assert_eq!((list.total_count, list.products().len()), (None, 1));
    }
}
