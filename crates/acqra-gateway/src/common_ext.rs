//! Hand-written additions to the shared types of `docs/acqra-gateway/common.md`: the card's masked
//! view and the Luhn check of its number, which the constraints column of the `Card` table cannot
//! state (its shape, cvc and expiry rules are there, checked by the generated `validate_fields`).

use sign_core::InvalidRequest;

use crate::generated::Card;

/// The Luhn (mod 10) check used by card numbers.
pub(crate) fn luhn_valid(digits: &str) -> bool {
    let mut sum = 0u32;
    let mut double = false;
    for c in digits.chars().rev() {
        let Some(mut d) = c.to_digit(10) else { return false };
        if double {
            d *= 2;
            if d > 9 {
                d -= 9;
            }
        }
        sum += d;
        double = !double;
    }
    !digits.is_empty() && sum % 10 == 0
}

impl Card {
    /// The card number masked to its last four digits (`************1111`), for display.
    pub fn masked_card_no(&self) -> String {
        sign_core::secret::mask_last4(self.card_no.expose())
    }

    /// Checks the card on its own, as the endpoints that carry it do: the rules of the `Card`
    /// table (`cardNo` of 13 to 19 digits, `cvc` of 3 or 4 digits, `expiryMonth` `01` to `12`,
    /// `expiryYear` of four digits) and the Luhn check of the number. Errors never contain the
    /// number.
    ///
    /// # Errors
    /// [`InvalidRequest`] naming the field and the rule (`"card: cvc must be digits (0-9)"`).
    pub fn validate(&self) -> Result<(), InvalidRequest> {
        self.validate_fields("card", "")?;
        self.validate_luhn("card", "")
    }

    /// The Luhn check of `cardNo`, the one card rule the `Card` table cannot state; `context` (the
    /// endpoint's name) starts the message and `path` is where the card sits (`"card."` in a
    /// request, like the generated rules). The `validate_ext` of the endpoints carrying a card run
    /// it after the generated rules.
    pub(crate) fn validate_luhn(&self, context: &str, path: &str) -> Result<(), InvalidRequest> {
        if luhn_valid(self.card_no.expose()) {
            Ok(())
        } else {
            let field = sign_core::check::at(path, "cardNo");
            Err(InvalidRequest::field(context, &field, "must pass the Luhn check (mod 10)"))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn card(no: &str) -> Card {
        Card::new(no, "06", "2030", "Si", "Li").with_cvc("401")
    }

    #[test]
    fn luhn_matches_known_numbers() {
        // Well-known test card numbers (Visa, Mastercard) pass; one changed digit fails.
        assert!(luhn_valid("4111111111111111"));
        assert!(luhn_valid("5555555555554444"));
        assert!(luhn_valid("4444333322221111"));
        assert!(!luhn_valid("4111111111111112"));
        assert!(!luhn_valid(""));
        assert!(!luhn_valid("41x1"));
    }

    #[test]
    fn card_checks_never_echo_the_number() {
        assert!(card("4111111111111111").validate().is_ok());
        for bad in ["4111111111111112", "41111111", "4111-1111-1111-1111"] {
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
}
