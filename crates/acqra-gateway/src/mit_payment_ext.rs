//! Hand-written checks of the `mit_payment` request (`docs/acqra-gateway/mit_payment.md`), run
//! after the rules of its constraints column: what those rules cannot state.

use sign_core::{Endpoint, InvalidRequest};

use crate::generated::MitPaymentRequest;

impl MitPaymentRequest {
    /// A card number that passes the Luhn check.
    pub(crate) fn validate_ext(&self) -> Result<(), InvalidRequest> {
        self.card.validate_luhn(Self::NAME, "card.")
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
        let e = mit("4111111111111112").validate_ext().unwrap_err();
        assert_eq!(e.message(), "mit_payment: card.cardNo must pass the Luhn check (mod 10)");
    }
}
