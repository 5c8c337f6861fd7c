//! Hand-written checks of the `subscription_payment` request
//! (`docs/acqra-gateway/subscription_payment.md`).

use sign_core::{Endpoint, InvalidRequest};

use crate::common_ext::{order_no, positive, required};
use crate::generated::SubscriptionPaymentRequest;

impl SubscriptionPaymentRequest {
    /// A positive `amount`, an `orderNo` of 5 to 64 characters and the first payment's
    /// `transactionIdentifier`.
    pub(crate) fn validate_ext(&self) -> Result<(), InvalidRequest> {
        positive(Self::NAME, "amount", self.amount)?;
        order_no(Self::NAME, &self.order_no)?;
        let present = self.transaction_identifier.as_ref().is_some_and(|t| !t.is_empty());
        required(Self::NAME, "transactionIdentifier (from the first payment)", present)
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
        assert!(sub.with_transaction_identifier("0005").validate_ext().is_ok());
    }
}
