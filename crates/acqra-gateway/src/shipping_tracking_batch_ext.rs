//! Hand-written checks of the `shipping_tracking_batch` request
//! (`docs/acqra-gateway/shipping_tracking_batch.md`).

use sign_core::{Endpoint, InvalidRequest};

use crate::generated::ShippingTrackingBatchRequest;

impl ShippingTrackingBatchRequest {
    /// At least one tracking.
    pub(crate) fn validate_ext(&self) -> Result<(), InvalidRequest> {
        if self.0.is_empty() { Err(InvalidRequest::new(format!("{}: the batch is empty", Self::NAME))) } else { Ok(()) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipping_tracking_batch_is_never_empty() {
        let e = ShippingTrackingBatchRequest::new(Vec::new()).validate_ext().unwrap_err();
        assert_eq!(e.message(), "shipping_tracking_batch: the batch is empty");
    }
}
