//! Hand-written checks of the `mit_payment` request (`docs/acqra-gateway/mit_payment.md`).

use sign_core::{Endpoint, InvalidRequest};

use crate::common_ext::{currency, order_no, positive};
use crate::generated::MitPaymentRequest;

impl MitPaymentRequest {
    /// A positive `amount`, an ISO 4217 `currency`, an `orderNo` of 5 to 64 characters and a
    /// plausible `card`.
    pub(crate) fn validate_ext(&self) -> Result<(), InvalidRequest> {
        positive(Self::NAME, "amount", self.amount)?;
        currency(Self::NAME, &self.currency)?;
        order_no(Self::NAME, &self.order_no)?;
        self.card.validate()
    }
}

#[cfg(test)]
mod tests {
    use sign_core::Decimal;

    use super::*;
    use crate::generated::{Address, Billing, Card};

    #[test]
    fn mit_payment_checks_the_card() {
        let mit = |no: &str| {
            let billing = Billing::new(Address::new("c", "HK", "l1", "p", "s"));
            MitPaymentRequest::new(
                Decimal::from(3),
                billing,
                Card::new(no, "06", "2030", "Si", "Li"),
                "USD",
                "MIT-0001",
            )
        };
        assert!(mit("4111111111111111").validate_ext().is_ok());
        assert!(mit("4111111111111112").validate_ext().is_err());
    }
}
