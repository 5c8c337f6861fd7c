//! Hand-written checks of the `cancel` request (`docs/acqra-gateway/cancel.md`).

use sign_core::{Endpoint, InvalidRequest};

use crate::common_ext::one_of_order_or_trade;
use crate::generated::CancelRequest;

impl CancelRequest {
    /// One of `orderNo` / `tradeNo`.
    pub(crate) fn validate_ext(&self) -> Result<(), InvalidRequest> {
        one_of_order_or_trade(Self::NAME, &self.order_no, &self.trade_no)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cancel_needs_an_order_or_trade_number() {
        assert!(CancelRequest::new().validate_ext().is_err());
        assert!(CancelRequest::new().with_order_no("  ").validate_ext().is_err());
        assert!(CancelRequest::new().with_trade_no("T1").validate_ext().is_ok());
    }
}
