//! Hand-written additions to the generated `vip_charge` module: request validation.

use sign_core::{Endpoint, InvalidRequest};

use crate::VipChargeRequest;
use crate::fields_ext::require;

impl VipChargeRequest {
    /// Every required string is given (not blank).
    pub(crate) fn validate_ext(&self) -> Result<(), InvalidRequest> {
        let name = <Self as Endpoint>::NAME;
        require(name, "merchantId", &self.merchant_id)?;
        require(name, "businessId", &self.business_id)?;
        require(name, "productCode", &self.product_code)?;
        require(name, "account", &self.account)?;
        require(name, "bizCode", &self.biz_code)
    }
}
