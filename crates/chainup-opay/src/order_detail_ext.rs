//! Additions to the generated `order_detail` module: the request's validation.

use sign_core::{Endpoint, InvalidRequest};

use crate::generated::OrderDetailRequest;

impl OrderDetailRequest {
    /// Rejects an order query without an `orderNum`.
    pub(crate) fn validate_ext(&self) -> Result<(), InvalidRequest> {
        if self.order_num.trim().is_empty() {
            return Err(InvalidRequest::field(Self::NAME, "orderNum", "is empty"));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn order_detail_needs_an_order_number() {
        assert_eq!(
            OrderDetailRequest::new("k", " ").validate().unwrap_err().message(),
            "order_detail: orderNum is empty"
        );
        assert!(OrderDetailRequest::new("k", "10000000002").validate().is_ok());
    }
}
