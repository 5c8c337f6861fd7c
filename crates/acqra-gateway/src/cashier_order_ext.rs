//! Hand-written checks of the `cashier_order` request (`docs/acqra-gateway/cashier_order.md`).

use sign_core::{Endpoint, InvalidRequest};

use crate::common_ext::{currency, order_no, positive};
use crate::generated::CashierOrderRequest;

impl CashierOrderRequest {
    /// A positive `amount`, an ISO 4217 `currency` and an `orderNo` of 5 to 64 characters.
    pub(crate) fn validate_ext(&self) -> Result<(), InvalidRequest> {
        positive(Self::NAME, "amount", self.amount)?;
        currency(Self::NAME, &self.currency)?;
        order_no(Self::NAME, &self.order_no)
    }
}

#[cfg(test)]
mod tests {
    use sign_core::Decimal;

    use super::*;

    #[test]
    fn cashier_order_checks_amount_currency_and_order_number() {
        assert!(CashierOrderRequest::new(Decimal::from(9), "USD", "CS-0001").validate_ext().is_ok());
        assert!(CashierOrderRequest::new(Decimal::from(0), "USD", "CS-0001").validate_ext().is_err());
        assert!(CashierOrderRequest::new(Decimal::from(9), "usd", "CS-0001").validate_ext().is_err());
        assert!(CashierOrderRequest::new(Decimal::from(9), "USD", "CS-1").validate_ext().is_err());
    }
}
