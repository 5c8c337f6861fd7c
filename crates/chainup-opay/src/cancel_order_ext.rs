//! Additions to the generated `cancel_order` module: the request's validation.

use sign_core::{Endpoint, InvalidRequest};

use crate::generated::CancelOrderRequest;

impl CancelOrderRequest {
    /// Rejects a cancellation without an `orderNum`.
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
    fn cancel_order_needs_an_order_number() {
        assert_eq!(CancelOrderRequest::new(" ").validate().unwrap_err().message(), "cancel_order: orderNum is empty");
        assert!(CancelOrderRequest::new("10000000002").validate().is_ok());
    }
}
