//! Hand-written checks of the `payment` request (`docs/acqra-gateway/payment.md`).

use sign_core::{Endpoint, InvalidRequest};

use crate::common_ext::{currency, order_no, positive};
use crate::generated::{PaymentMethodType, PaymentRequest};

impl PaymentRequest {
    /// A positive `amount`, an ISO 4217 `currency`, an `orderNo` of 5 to 64 characters, and a
    /// plausible `card` (required when `paymentMethodType` is `card`).
    pub(crate) fn validate_ext(&self) -> Result<(), InvalidRequest> {
        positive(Self::NAME, "amount", self.amount)?;
        currency(Self::NAME, &self.currency)?;
        order_no(Self::NAME, &self.order_no)?;
        match (&self.payment_method_type, &self.card) {
            (_, Some(card)) => card.validate(),
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
        PaymentRequest::new(Decimal::from(5), "USD", device, "ORD-0001", method)
    }

    #[test]
    fn payment_by_card_needs_a_plausible_card() {
        assert!(payment(PaymentMethodType::Card).validate_ext().is_err());
        let card = |no: &str| Card::new(no, "06", "2030", "Si", "Li");
        assert!(payment(PaymentMethodType::Card).with_card(card("4111111111111111")).validate_ext().is_ok());
        let e = payment(PaymentMethodType::Card).with_card(card("4111111111111112")).validate_ext().unwrap_err();
        assert!(!e.message().contains("4111"), "{e}");
        assert!(payment(PaymentMethodType::Wechat).validate_ext().is_ok());
    }
}
