//! Hand-written additions to the generated models: request checks done before anything is sent,
//! and masked views of card data.

use sign_core::{Decimal, Endpoint};

use crate::error::Error;
use crate::generated::{
    Capture, Card, CashierPaymentOrder, MitPayment, Payment, PaymentMethodType, Query, Refund, RefundQuery,
    RetrievesTracking, SubscriptionPayment, Tracking, TrackingBatch, UpdateOrCancelTrackingInformation, Void,
};

/// A request to one of the gateway's endpoints: the generated request types, with the checks the
/// client runs before sending (so an impossible request fails with [`Error::InvalidRequest`]
/// without using the network).
pub trait GatewayRequest: Endpoint {
    /// Checks what the documentation states and a request can get wrong locally (one of
    /// `orderNo`/`tradeNo` present, positive amounts, a plausible card number). The gateway
    /// remains the judge of everything else.
    fn validate(&self) -> Result<(), Error> {
        Ok(())
    }
}

fn invalid(name: &str, what: &str) -> Error {
    Error::InvalidRequest(format!("{name}: {what}"))
}

fn non_blank(v: &Option<String>) -> bool {
    v.as_deref().is_some_and(|s| !s.trim().is_empty())
}

fn one_of_order_or_trade(name: &str, order_no: &Option<String>, trade_no: &Option<String>) -> Result<(), Error> {
    if non_blank(order_no) || non_blank(trade_no) { Ok(()) } else { Err(invalid(name, "send orderNo or tradeNo")) }
}

fn positive(name: &str, field: &str, amount: Decimal) -> Result<(), Error> {
    if amount.value() > sign_core::decimal::rust_decimal::Decimal::ZERO {
        Ok(())
    } else {
        Err(invalid(name, &format!("{field} must be greater than zero")))
    }
}

fn order_no(name: &str, v: &str) -> Result<(), Error> {
    // The documentation: orderNo [5-64].
    if (5..=64).contains(&v.chars().count()) {
        Ok(())
    } else {
        Err(invalid(name, "orderNo must be 5 to 64 characters"))
    }
}

fn currency(name: &str, v: &str) -> Result<(), Error> {
    if v.len() == 3 && v.bytes().all(|b| b.is_ascii_uppercase()) {
        Ok(())
    } else {
        Err(invalid(name, "currency must be a three-letter upper-case ISO 4217 code"))
    }
}

impl Card {
    /// The card number masked to its last four digits (`************1111`), for display.
    pub fn masked_card_no(&self) -> String {
        sign_core::secret::mask_last4(self.card_no.expose())
    }

    /// Checks the card number's shape (13 to 19 digits, Luhn) and the expiry fields' format.
    /// Errors never contain the number.
    pub fn validate(&self) -> Result<(), Error> {
        let no = self.card_no.expose();
        if !(13..=19).contains(&no.len()) || !no.bytes().all(|b| b.is_ascii_digit()) || !crate::error::luhn_valid(no) {
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

impl GatewayRequest for CashierPaymentOrder {
    fn validate(&self) -> Result<(), Error> {
        positive(Self::NAME, "amount", self.amount)?;
        currency(Self::NAME, &self.currency)?;
        order_no(Self::NAME, &self.order_no)
    }
}

impl GatewayRequest for Payment {
    fn validate(&self) -> Result<(), Error> {
        positive(Self::NAME, "amount", self.amount)?;
        currency(Self::NAME, &self.currency)?;
        order_no(Self::NAME, &self.order_no)?;
        match (&self.payment_method_type, &self.card) {
            (_, Some(card)) => card.validate(),
            (PaymentMethodType::Card, None) => Err(invalid(Self::NAME, "paymentMethodType card needs card")),
            _ => Ok(()),
        }
    }
}

impl GatewayRequest for MitPayment {
    fn validate(&self) -> Result<(), Error> {
        positive(Self::NAME, "amount", self.amount)?;
        currency(Self::NAME, &self.currency)?;
        order_no(Self::NAME, &self.order_no)?;
        self.card.validate()
    }
}

impl GatewayRequest for SubscriptionPayment {
    fn validate(&self) -> Result<(), Error> {
        positive(Self::NAME, "amount", self.amount)?;
        order_no(Self::NAME, &self.order_no)?;
        if self.transaction_identifier.as_ref().is_none_or(|t| t.is_empty()) {
            return Err(invalid(Self::NAME, "transactionIdentifier (from the first payment) is required"));
        }
        Ok(())
    }
}

impl GatewayRequest for Void {
    fn validate(&self) -> Result<(), Error> {
        one_of_order_or_trade(Self::NAME, &self.order_no, &self.trade_no)
    }
}

impl GatewayRequest for Capture {
    fn validate(&self) -> Result<(), Error> {
        positive(Self::NAME, "captureAmount", self.capture_amount)?;
        one_of_order_or_trade(Self::NAME, &self.order_no, &self.trade_no)
    }
}

impl GatewayRequest for Query {
    fn validate(&self) -> Result<(), Error> {
        one_of_order_or_trade(Self::NAME, &self.order_no, &self.trade_no)
    }
}

impl GatewayRequest for RefundQuery {
    fn validate(&self) -> Result<(), Error> {
        one_of_order_or_trade(Self::NAME, &self.order_no, &self.trade_no)
    }
}

impl GatewayRequest for Refund {
    fn validate(&self) -> Result<(), Error> {
        positive(Self::NAME, "amount", self.amount)?;
        if self.refund_number.trim().is_empty() {
            return Err(invalid(Self::NAME, "refundNumber is required"));
        }
        one_of_order_or_trade(Self::NAME, &self.order_no, &self.trade_no)
    }
}

impl GatewayRequest for RetrievesTracking {}

impl GatewayRequest for Tracking {}

impl GatewayRequest for TrackingBatch {
    fn validate(&self) -> Result<(), Error> {
        if self.0.is_empty() { Err(invalid(Self::NAME, "the batch is empty")) } else { Ok(()) }
    }
}

impl GatewayRequest for UpdateOrCancelTrackingInformation {
    fn validate(&self) -> Result<(), Error> {
        if self.iterms.is_empty() { Err(invalid(Self::NAME, "iterms is empty")) } else { Ok(()) }
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

    #[test]
    fn order_or_trade_number_is_required() {
        assert!(GatewayRequest::validate(&Capture::new(Decimal::from(1))).is_err());
        assert!(GatewayRequest::validate(&Capture::new(Decimal::from(1)).with_trade_no("T1")).is_ok());
        assert!(GatewayRequest::validate(&Capture::new(Decimal::from(0)).with_trade_no("T1")).is_err());
        assert!(GatewayRequest::validate(&Void::new().with_order_no("  ")).is_err());
        assert!(GatewayRequest::validate(&Query::new(PaymentMethodType::Card).with_order_no("O-12345")).is_ok());
        assert!(GatewayRequest::validate(&Refund::new(Decimal::from(1), "1.1.1.1", "r", "R1")).is_err());
    }
}
