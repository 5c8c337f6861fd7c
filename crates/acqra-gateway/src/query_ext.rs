//! Hand-written checks of the `query` request (`docs/acqra-gateway/query.md`).

use sign_core::{Endpoint, InvalidRequest};

use crate::common_ext::one_of_order_or_trade;
use crate::generated::QueryRequest;

impl QueryRequest {
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
    fn query_needs_an_order_or_trade_number() {
        assert!(QueryRequest::new(PaymentMethodType::Card).validate_ext().is_err());
        assert!(QueryRequest::new(PaymentMethodType::Card).with_order_no("O-12345").validate_ext().is_ok());
    }
}
