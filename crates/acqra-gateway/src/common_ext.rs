//! Hand-written additions to the shared types of `docs/acqra-gateway/common.md`: the card's masked
//! view and its check on its own. The card's rules (a `cardNo` of 13 to 19 digits, the cvc and
//! expiry formats) are the constraints column of the `Card` table, checked by the generated
//! `validate_fields`.
//!
//! There is no Luhn (mod 10) check: the gateway's own example card `6212454545454690` is a UnionPay
//! number that fails it, and not every UnionPay card passes it, so the gateway judges the number.

use sign_core::InvalidRequest;

use crate::generated::Card;

impl Card {
    /// The card number masked to its last four digits (`************1111`), for display.
    pub fn masked_card_no(&self) -> String {
        sign_core::secret::mask_last4(self.card_no.expose())
    }

    /// Checks the card on its own, as the endpoints that carry it do: the rules of the `Card`
    /// table (`cardNo` of 13 to 19 digits, `cvc` of 3 or 4 digits, `expiryMonth` `01` to `12`,
    /// `expiryYear` of four digits). The number is not Luhn-checked (see the module docs). Errors
    /// never contain the number.
    ///
    /// # Errors
    /// [`InvalidRequest`] naming the field and the rule (`"card: cvc must be digits (0-9)"`).
    pub fn validate(&self) -> Result<(), InvalidRequest> {
        self.validate_fields("card", "")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn card(no: &str) -> Card {
        Card::new(no, "06", "2030", "Si", "Li").with_cvc("401")
    }

    #[test]
    fn card_checks_never_echo_the_number() {
        assert!(card("4111111111111111").validate().is_ok());
        for bad in ["41111111", "4111-1111-1111-1111", "41111111111111111111"] {
            let e = card(bad).validate().unwrap_err();
            let s = format!("{e} {e:?}");
            assert!(!s.contains("41111111"), "{s}");
        }
        assert_eq!(card("4111111111111111").masked_card_no(), "************1111");
        let c = Card::new("4111111111111111", "13", "2030", "a", "b");
        assert!(c.validate().is_err());
        let c = card("4111111111111111").with_cvc("40x");
        assert!(c.validate().is_err());
    }

    #[test]
    fn card_numbers_that_fail_luhn_are_left_to_the_gateway() {
        // The provider's own example card (UnionPay, fails mod 10) and a Visa-like number one
        // digit off: both are 13 to 19 digits, so both are sent.
        for no in ["6212454545454690", "4111111111111112"] {
            assert!(card(no).validate().is_ok(), "{no}");
        }
        assert_eq!(card("6212454545454690").masked_card_no(), "************4690");
    }
}
