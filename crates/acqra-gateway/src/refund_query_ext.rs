//! Hand-written checks of the `refund_query` request (`docs/acqra-gateway/refund_query.md`).

use sign_core::{Endpoint, InvalidRequest};

use crate::common_ext::one_of_order_or_trade;
use crate::generated::RefundQueryRequest;

impl RefundQueryRequest {
    /// One of `orderNo` / `tradeNo`.
    pub(crate) fn validate_ext(&self) -> Result<(), InvalidRequest> {
        one_of_order_or_trade(Self::NAME, &self.order_no, &self.trade_no)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::generated::PaymentMethodType;

    #[test]
    fn refund_query_needs_an_order_or_trade_number() {
        assert!(RefundQueryRequest::new(PaymentMethodType::Card).validate_ext().is_err());
        assert!(RefundQueryRequest::new(PaymentMethodType::Card).with_trade_no("T1").validate_ext().is_ok());
    }
}
