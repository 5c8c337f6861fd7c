//! Hand-written checks of the `subscription_payment` request
//! (`docs/acqra-gateway/subscription_payment.md`), run after the rules of its constraints column:
//! what those rules cannot state.

use sign_core::{Endpoint, InvalidRequest};

use crate::generated::SubscriptionPaymentRequest;

impl SubscriptionPaymentRequest {
    /// The first payment's `transactionIdentifier`: optional in the provider's schema, but a
    /// subscription payment cannot be made without it (a rule is checked only on a field that is
    /// present, so this one is written here).
    pub(crate) fn validate_ext(&self) -> Result<(), InvalidRequest> {
        if self.transaction_identifier.as_ref().is_some_and(|t| !t.is_empty()) {
            Ok(())
        } else {
            Err(InvalidRequest::new(format!(
                "{}: transactionIdentifier (from the first payment) is required",
                Self::NAME
            )))
        }
    }
}

#[cfg(test)]
mod tests {
    use sign_core::Decimal;

    use super::*;

    #[test]
    fn subscription_payment_needs_the_first_payments_credential() {
        let sub = SubscriptionPaymentRequest::new(Decimal::from(1), "06", "2099", "SUB-0001");
        let e = sub.clone().validate_ext().unwrap_err();
        assert_eq!(e.message(), "subscription_payment: transactionIdentifier (from the first payment) is required");
        assert!(sub.clone().with_transaction_identifier("").validate_ext().is_err());
        assert!(sub.with_transaction_identifier("0005").validate_ext().is_ok());
    }
}
