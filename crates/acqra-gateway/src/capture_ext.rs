//! Hand-written checks of the `capture` request (`docs/acqra-gateway/capture.md`).

use sign_core::{Endpoint, InvalidRequest};

use crate::common_ext::{one_of_order_or_trade, positive};
use crate::generated::CaptureRequest;

impl CaptureRequest {
    /// A positive `captureAmount` and one of `orderNo` / `tradeNo`.
    pub(crate) fn validate_ext(&self) -> Result<(), InvalidRequest> {
        positive(Self::NAME, "captureAmount", self.capture_amount)?;
        one_of_order_or_trade(Self::NAME, &self.order_no, &self.trade_no)
    }
}

#[cfg(test)]
mod tests {
    use sign_core::Decimal;

    use super::*;

    #[test]
    fn capture_needs_a_positive_amount_and_an_order_or_trade_number() {
        assert!(CaptureRequest::new(Decimal::from(1)).validate_ext().is_err());
        assert!(CaptureRequest::new(Decimal::from(1)).with_trade_no("T1").validate_ext().is_ok());
        let e = CaptureRequest::new(Decimal::from(0)).with_trade_no("T1").validate_ext().unwrap_err();
        assert_eq!(e.message(), "capture: captureAmount must be greater than zero");
    }
}
