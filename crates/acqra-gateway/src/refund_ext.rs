//! Hand-written checks of the `refund` request (`docs/acqra-gateway/refund.md`).

use sign_core::{Endpoint, InvalidRequest};

use crate::common_ext::{one_of_order_or_trade, positive, required};
use crate::generated::RefundRequest;

impl RefundRequest {
    /// A positive `amount`, a `refundNumber` and one of `orderNo` / `tradeNo` of the payment.
    pub(crate) fn validate_ext(&self) -> Result<(), InvalidRequest> {
        positive(Self::NAME, "amount", self.amount)?;
        required(Self::NAME, "refundNumber", !self.refund_number.trim().is_empty())?;
        one_of_order_or_trade(Self::NAME, &self.order_no, &self.trade_no)
    }
}

#[cfg(test)]
mod tests {
    use sign_core::Decimal;

    use super::*;

    #[test]
    fn refund_needs_a_number_and_the_payment() {
        assert!(RefundRequest::new(Decimal::from(1), "1.1.1.1", "r", "R1").validate_ext().is_err());
        assert!(RefundRequest::new(Decimal::from(1), "1.1.1.1", "r", " ").with_trade_no("T1").validate_ext().is_err());
        assert!(RefundRequest::new(Decimal::from(1), "1.1.1.1", "r", "R1").with_trade_no("T1").validate_ext().is_ok());
    }
}
