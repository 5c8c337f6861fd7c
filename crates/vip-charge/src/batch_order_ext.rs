//! Hand-written additions to the generated `batch_order` module: request validation.

use sign_core::{Endpoint, InvalidRequest};

use crate::BatchOrderRequest;
use crate::fields_ext::require;

impl BatchOrderRequest {
    /// Every required string is given (not blank), and there is at least one item.
    pub(crate) fn validate_ext(&self) -> Result<(), InvalidRequest> {
        let name = <Self as Endpoint>::NAME;
        require(name, "merchantId", &self.merchant_id)?;
        require(name, "businessId", &self.business_id)?;
        require(name, "batchBizCode", &self.batch_biz_code)?;
        require(name, "productCode", &self.product_code)?;
        if self.item_list.is_empty() {
            return Err(InvalidRequest::field(name, "itemList", "needs at least one item"));
        }
        for item in &self.item_list {
            require(name, "itemList.bizCode", &item.biz_code)?;
            require(name, "itemList.account", &item.account)?;
        }
        Ok(())
    }
}
