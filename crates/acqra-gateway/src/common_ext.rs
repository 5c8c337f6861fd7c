//! Hand-written additions to the shared types of `docs/acqra-gateway/common.md`: the card's masked
//! view and shape check, and the request checks several endpoints share (used by the
//! `validate_ext` of each endpoint's `<name>_ext.rs`).

use sign_core::{Decimal, InvalidRequest};

use crate::generated::Card;

fn invalid(name: &str, what: &str) -> InvalidRequest {
    InvalidRequest::new(format!("{name}: {what}"))
}

fn non_blank(v: Option<&str>) -> bool {
    v.is_some_and(|s| !s.trim().is_empty())
}

/// `orderNo` or `tradeNo` present (the documentation: send one of the two).
pub(crate) fn one_of_order_or_trade(
    name: &str,
    order_no: &Option<String>,
    trade_no: &Option<String>,
) -> Result<(), InvalidRequest> {
    if non_blank(order_no.as_deref()) || non_blank(trade_no.as_deref()) {
        Ok(())
    } else {
        Err(invalid(name, "send orderNo or tradeNo"))
    }
}

/// An amount greater than zero.
pub(crate) fn positive(name: &str, field: &str, amount: Decimal) -> Result<(), InvalidRequest> {
    if amount.value() > sign_core::decimal::rust_decimal::Decimal::ZERO {
        Ok(())
    } else {
        Err(invalid(name, &format!("{field} must be greater than zero")))
    }
}

/// `orderNo` of 5 to 64 characters (the documentation: `orderNo [5-64]`).
pub(crate) fn order_no(name: &str, v: &str) -> Result<(), InvalidRequest> {
    if (5..=64).contains(&v.chars().count()) {
        Ok(())
    } else {
        Err(invalid(name, "orderNo must be 5 to 64 characters"))
    }
}

/// A three-letter upper-case ISO 4217 currency code.
pub(crate) fn currency(name: &str, v: &str) -> Result<(), InvalidRequest> {
    if v.len() == 3 && v.bytes().all(|b| b.is_ascii_uppercase()) {
        Ok(())
    } else {
        Err(invalid(name, "currency must be a three-letter upper-case ISO 4217 code"))
    }
}

/// A value that must not be empty.
pub(crate) fn required(name: &str, field: &str, present: bool) -> Result<(), InvalidRequest> {
    if present { Ok(()) } else { Err(invalid(name, &format!("{field} is required"))) }
}

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

    /// Checks the card number's shape (13 to 19 digits, Luhn) and the expiry fields' format.
    /// Errors never contain the number.
    ///
    /// # Errors
    /// [`InvalidRequest`] naming the field and the rule.
    pub fn validate(&self) -> Result<(), InvalidRequest> {
        let no = self.card_no.expose();
        if !(13..=19).contains(&no.len()) || !no.bytes().all(|b| b.is_ascii_digit()) || !luhn_valid(no) {
            return Err(invalid("card", "cardNo is not a valid card number (13 to 19 digits, Luhn check)"));
        }
        if let Some(cvc) = &self.cvc
            && !((3..=4).contains(&cvc.len()) && cvc.expose().bytes().all(|b| b.is_ascii_digit()))
        {
            return Err(invalid("card", "cvc must be 3 or 4 digits"));
        }
        let month_ok = self.expiry_month.len() == 2 && matches!(self.expiry_month.parse::<u8>(), Ok(1..=12));
        if !month_ok {
            return Err(invalid("card", "expiryMonth must be two digits, 01 to 12"));
        }
        if !(self.expiry_year.len() == 4 && self.expiry_year.bytes().all(|b| b.is_ascii_digit())) {
            return Err(invalid("card", "expiryYear must be four digits"));
        }
        Ok(())
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
