//! Hand-written additions to the generated `order_info` module: the two lookups.

use crate::OrderInfoRequest;

impl OrderInfoRequest {
    /// Looks an order up by the platform's order number.
    pub fn by_order_code(order_code: impl Into<String>) -> Self {
        Self::new().with_order_code(order_code.into())
    }

    /// Looks an order up by the merchant's own order number (useful after a timeout, when the
    /// platform's `orderCode` never arrived).
    pub fn by_biz_code(biz_code: impl Into<String>) -> Self {
        Self::new().with_biz_code(biz_code.into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn order_info_constructors() {
        let r = OrderInfoRequest::by_biz_code("B1");
        assert_eq!(serde_json::to_string(&r).unwrap(), r#"{"bizCode":"B1"}"#);
        let r = OrderInfoRequest::by_order_code("O1");
        assert_eq!(serde_json::to_string(&r).unwrap(), r#"{"orderCode":"O1"}"#);
    }
}
