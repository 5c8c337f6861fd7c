//! Hand-written checks of the `shipping_tracking_modify` request
//! (`docs/acqra-gateway/shipping_tracking_modify.md`).

use sign_core::{Endpoint, InvalidRequest};

use crate::generated::ShippingTrackingModifyRequest;

impl ShippingTrackingModifyRequest {
    /// At least one change in `iterms`.
    pub(crate) fn validate_ext(&self) -> Result<(), InvalidRequest> {
        if self.iterms.is_empty() {
            Err(InvalidRequest::new(format!("{}: iterms is empty", Self::NAME)))
        } else {
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipping_tracking_modify_needs_a_change() {
        assert!(ShippingTrackingModifyRequest::new(Vec::new(), "ORD-0001", "TRK-1").validate_ext().is_err());
    }
}
