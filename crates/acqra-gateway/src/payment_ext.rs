//! Hand-written checks of the `payment` request (`docs/acqra-gateway/payment.md`), run after the
//! rules of its constraints column: what those rules cannot state.

use sign_core::{Endpoint, InvalidRequest};

use crate::generated::{PaymentMethodType, PaymentRequest};

impl PaymentRequest {
    /// A `card` when `paymentMethodType` is `card` (the card's own rules are its table's
    /// constraints; its number is not Luhn-checked, see [`Card::validate`](crate::Card::validate)).
    pub(crate) fn validate_ext(&self) -> Result<(), InvalidRequest> {
        match (&self.payment_method_type, &self.card) {
            (PaymentMethodType::Card, None) => {
                Err(InvalidRequest::new(format!("{}: paymentMethodType card needs card", Self::NAME)))
            }
            _ => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use sign_core::Decimal;

    use super::*;
    use crate::generated::{Browser, Card, DeviceInfo};

    fn payment(method: PaymentMethodType) -> PaymentRequest {
        let device = DeviceInfo::new(Browser::new("ua"), "10.1.1.1", "en");
        PaymentRequest::new(Decimal::from(5), sign_core::Currency::USD, device, "ORD-0001", method)
    }

    #[test]
    fn payment_by_card_needs_a_card() {
        let e = payment(PaymentMethodType::Card).validate_ext().unwrap_err();
        assert_eq!(e.message(), "payment: paymentMethodType card needs card");
        let card = |no: &str| Card::new(no, "06", "2030", "Si", "Li");
        assert!(payment(PaymentMethodType::Card).with_card(card("4111111111111111")).validate_ext().is_ok());
        // A number failing the Luhn check is the gateway's to judge.
        assert!(payment(PaymentMethodType::Card).with_card(card("6212454545454690")).validate_ext().is_ok());
        assert!(payment(PaymentMethodType::Wechat).validate_ext().is_ok());
    }
}
