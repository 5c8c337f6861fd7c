//! Hand-written additions to the generated `order_info` module: the two lookups and request
//! validation.

use sign_core::{Endpoint, InvalidRequest};

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

    /// An `orderCode` or a `bizCode` is given (not blank).
    pub(crate) fn validate_ext(&self) -> Result<(), InvalidRequest> {
        let given = |v: &Option<String>| v.as_deref().is_some_and(|s| !s.trim().is_empty());
        if given(&self.order_code) || given(&self.biz_code) {
            Ok(())
        } else {
            Err(InvalidRequest::new(format!("{}: needs an orderCode or a bizCode", <Self as Endpoint>::NAME)))
        }
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
